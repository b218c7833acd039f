//! The downloads of `/daten`: each file is written while the rows are read and sent in pieces,
//! so a board of any size never has a whole export in memory; and the Data Package that
//! describes them all (columns, licence, time).

use crate::db::opendata::{Cell, Column, DATASETS, Dataset, Kind};
use crate::error::{AppError, AppResult};
use crate::feeds::atom::Site;
use crate::i18n::{self, t};
use crate::moderation::hiding::public_reason;
use crate::state::AppState;
use crate::web::Path;
use crate::web::datetime::{iso_utc, to_berlin};
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use serde_json::{Map, Value, json};

/// Bytes gathered before a piece is sent.
const CHUNK: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Csv,
    JsonLines,
}

impl Format {
    pub(super) const ALL: [Format; 2] = [Format::Csv, Format::JsonLines];

    pub(super) fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::JsonLines => "jsonl",
        }
    }

    fn media_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::JsonLines => "application/jsonl; charset=utf-8",
        }
    }
}

/// `/daten/ideen.csv`, `/daten/ideen.jsonl`, `/daten/datapackage.json`.
pub(super) async fn download(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path,
) -> AppResult<Response> {
    if file == "datapackage.json" {
        return datapackage(&state, &headers);
    }
    let (name, ext) = file.rsplit_once('.').ok_or(AppError::NotFound)?;
    let format = Format::ALL
        .into_iter()
        .find(|f| f.extension() == ext)
        .ok_or(AppError::NotFound)?;
    let dataset = crate::db::opendata::dataset(name).ok_or(AppError::NotFound)?;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    let pool = state.db.pool.clone();
    // The rows are read in a task of their own that owns its connection; the channel's
    // bound makes it wait for a slow reader, and a reader who leaves ends it.
    tokio::spawn(i18n::scope(i18n::current(), async move {
        produce(&pool, dataset, format, &tx).await;
    }));
    let stream = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let today = to_berlin(crate::db::now());
    let filename = format!(
        "mitdenken-{}-{}-{:02}-{:02}.{}",
        dataset.name,
        today.year(),
        u8::from(today.month()),
        today.day(),
        format.extension()
    );
    let mut response = Body::from_stream(stream).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.media_type()),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!(
        "<{}>; rel=\"license\"",
        state.config.data_licence_url
    )) {
        h.insert(header::LINK, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    Ok(response)
}

/// Reads the rows and sends the file in pieces; a failure ends the body with an error, so
/// the reader sees a broken download rather than a short file that looks whole.
async fn produce(
    pool: &sqlx::AnyPool,
    d: &'static Dataset,
    format: Format,
    tx: &tokio::sync::mpsc::Sender<Result<Vec<u8>, std::io::Error>>,
) {
    let mut buf = Vec::with_capacity(CHUNK + 4096);
    if format == Format::Csv {
        buf.extend_from_slice(crate::web::csv::BOM.as_bytes());
        let names: Vec<&str> = d.columns.iter().map(|c| c.name).collect();
        crate::web::csv::append_row(&mut buf, &names);
    }
    let mut rows = std::pin::pin!(crate::db::opendata::rows(pool, d));
    while let Some(row) = rows.next().await {
        match row {
            Ok(cells) => write_row(&mut buf, d.columns, &cells, format),
            Err(e) => {
                tracing::error!(error = %e, dataset = d.name, "open-data export failed");
                let _ = tx.send(Err(std::io::Error::other("export failed"))).await;
                return;
            }
        }
        if buf.len() >= CHUNK && tx.send(Ok(std::mem::take(&mut buf))).await.is_err() {
            return;
        }
    }
    if !buf.is_empty() {
        let _ = tx.send(Ok(buf)).await;
    }
}

/// `2026-12-01` from days since 1970-01-01.
fn day_text(days: i64) -> String {
    let julian = i32::try_from(days + 2_440_588).unwrap_or(2_440_588);
    let d = time::Date::from_julian_day(julian).unwrap_or(time::Date::MIN);
    format!("{}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `01.12.2026 14:56`: Berlin time as German spreadsheets read a date.
fn berlin_text(unix: i64) -> String {
    let t = to_berlin(unix);
    format!(
        "{:02}.{:02}.{} {:02}:{:02}",
        t.day(),
        u8::from(t.month()),
        t.year(),
        t.hour(),
        t.minute()
    )
}

fn write_row(buf: &mut Vec<u8>, columns: &[Column], cells: &[Cell], format: Format) {
    match format {
        Format::Csv => {
            let fields: Vec<String> = columns
                .iter()
                .zip(cells)
                .map(|(c, cell)| match (c.kind, cell) {
                    (_, Cell::Null) => String::new(),
                    (Kind::Time, Cell::Int(n)) => berlin_text(*n),
                    (Kind::Day, Cell::Int(n)) => day_text(*n),
                    (_, Cell::Int(n)) => n.to_string(),
                    (Kind::Note, Cell::Text(s)) => public_reason(s),
                    (_, Cell::Text(s)) => s.clone(),
                })
                .collect();
            crate::web::csv::append_row(buf, &fields);
        }
        Format::JsonLines => {
            let object: Map<String, Value> = columns
                .iter()
                .zip(cells)
                .map(|(c, cell)| {
                    let value = match (c.kind, cell) {
                        (_, Cell::Null) => Value::Null,
                        (Kind::Time, Cell::Int(n)) => iso_utc(*n).into(),
                        (Kind::Day, Cell::Int(n)) => day_text(*n).into(),
                        (_, Cell::Int(n)) => (*n).into(),
                        (Kind::Note, Cell::Text(s)) => public_reason(s).into(),
                        (_, Cell::Text(s)) => s.clone().into(),
                    };
                    (c.name.to_string(), value)
                })
                .collect();
            // A map of strings and numbers always serialises.
            if serde_json::to_writer(&mut *buf, &object).is_ok() {
                buf.push(b'\n');
            }
        }
    }
}

/// The field of a Data Package schema for a column.
fn field(c: &Column, format: Format) -> Value {
    let (kind, pattern) = match (c.kind, format) {
        (Kind::Int, _) => ("integer", None),
        (Kind::Text | Kind::Note, _) => ("string", None),
        (Kind::Day, _) => ("date", None),
        (Kind::Time, Format::Csv) => ("datetime", Some("%d.%m.%Y %H:%M")),
        (Kind::Time, Format::JsonLines) => ("datetime", None),
    };
    let mut f = json!({
        "name": c.name,
        "type": kind,
        "description": t(&format!("data-col-{}", c.name)),
    });
    if let (Some(p), Some(map)) = (pattern, f.as_object_mut()) {
        map.insert("format".into(), p.into());
    }
    f
}

/// A Frictionless Data Package (`datapackage.json`): every file with its columns, the
/// licence, and when this description was made.
fn datapackage(state: &AppState, headers: &HeaderMap) -> AppResult<Response> {
    let site = Site::of(
        state.config.base_url.as_deref(),
        state.config.secure_cookies,
        headers,
    )?;
    let resources: Vec<Value> = DATASETS
        .iter()
        .flat_map(|d| Format::ALL.into_iter().map(move |f| (d, f)))
        .map(|(d, f)| {
            let mut r = json!({
                "name": format!("{}-{}", d.name, f.extension()),
                "path": site.url(&format!("/daten/{}.{}", d.name, f.extension())),
                "format": f.extension(),
                "mediatype": f.media_type().split(';').next().unwrap_or(""),
                "encoding": if f == Format::Csv { "utf-8-sig" } else { "utf-8" },
                "description": t(&format!("data-set-{}", d.name)),
                "schema": { "fields": d.columns.iter().map(|c| field(c, f)).collect::<Vec<_>>() },
            });
            if let (Format::Csv, Some(map)) = (f, r.as_object_mut()) {
                map.insert(
                    "dialect".into(),
                    json!({ "delimiter": ";", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true }),
                );
            }
            r
        })
        .collect();
    let package = json!({
        "profile": "data-package",
        "name": "mitdenken",
        "title": t("data-title"),
        "homepage": site.url("/daten"),
        "created": iso_utc(crate::db::now()),
        "licenses": [ { "name": state.config.data_licence, "path": state.config.data_licence_url, "title": state.config.data_licence } ],
        "resources": resources,
    });
    Ok(crate::api::json(&package, headers, None))
}

#[cfg(test)]
mod tests {
    use super::{berlin_text, day_text};

    #[test]
    fn days_and_times_as_the_files_write_them() {
        assert_eq!(day_text(0), "1970-01-01");
        assert_eq!(day_text(20_423), "2025-12-01");
        // 2026-07-01 10:00 UTC is noon in Berlin (summer time).
        assert_eq!(berlin_text(1_782_900_000), "01.07.2026 12:00");
    }
}
