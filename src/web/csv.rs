//! CSV as German spreadsheet programs open it: UTF-8 with BOM, `;` between fields, CRLF,
//! every field in quotes, and no formulas smuggled in.
//!
//! Every field is quoted, not only those that need it (RFC 4180 allows both): LibreOffice
//! Calc opens a double-clicked file splitting on comma, semicolon and tab at once, and an
//! unquoted `01.12.2026, 14:56 Uhr` or a comma in a title would shift the columns; read with
//! `,` as the separator, an unquoted `Mehr Infos,=HYPERLINK(…)` would even start a new cell
//! that is a live formula. Quoting alone does not stop the latter for every reader: one that
//! splits on `,` only (the `csv` crate with `delimiter(b',')`, say) leaves the quoted run at
//! the first `;` and starts a cell after the next comma, so `guard` also puts its apostrophe
//! there (the unit tests read the file that way).

use axum::http::header;
use axum::response::{IntoResponse, Response};
use csv::{QuoteStyle, Terminator, Writer, WriterBuilder};
use std::borrow::Cow;

use crate::error::AppError;

pub struct Csv {
    out: Writer<Vec<u8>>,
}

/// What makes a spreadsheet read a cell as a formula (CSV injection): = + - @, or a tab or
/// CR in front of them.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A leading apostrophe makes a cell plain text in Excel and Calc. It goes in front of the
/// value, and also after each comma and tab inside it followed by a formula character
/// (quotes skipped): a reader that splits on `,` or tab and ignores our `;` starts a cell
/// there. Line breaks are left alone: every reader that honours quotes keeps them inside
/// the field, and texts must come back whole.
fn guard(value: &str) -> Cow<'_, str> {
    let starts_formula = |rest: &str| rest.trim_start_matches('"').starts_with(FORMULA_START);
    let inner = value
        .match_indices([',', '\t'])
        .any(|(i, sep)| starts_formula(&value[i + sep.len()..]));
    if !value.starts_with(FORMULA_START) && !inner {
        return value.into();
    }
    let mut out = String::with_capacity(value.len() + 2);
    if value.starts_with(FORMULA_START) {
        out.push('\'');
    }
    for (i, c) in value.char_indices() {
        out.push(c);
        if matches!(c, ',' | '\t') && starts_formula(&value[i + c.len_utf8()..]) {
            out.push('\'');
        }
    }
    out.into()
}

/// The byte order mark that tells spreadsheet programs the file is UTF-8.
pub const BOM: &str = "\u{feff}";

fn builder() -> WriterBuilder {
    let mut b = WriterBuilder::new();
    b.delimiter(b';')
        .quote_style(QuoteStyle::Always)
        .terminator(Terminator::CRLF)
        // Rows of different lengths are our mistake, not a reason to drop the file.
        .flexible(true);
    b
}

/// One record as `Csv::row` writes it, appended to `out`: for files sent in pieces as they
/// are read (the open-data downloads), which never hold the whole file.
pub fn append_row<S: AsRef<str>>(out: &mut Vec<u8>, fields: &[S]) {
    let mut w = builder().buffer_capacity(1024).from_writer(out);
    let record = fields.iter().map(|f| guard(f.as_ref()).into_owned());
    if let Err(e) = w
        .write_record(record)
        .and_then(|()| w.flush().map_err(Into::into))
    {
        tracing::error!(error = %e, "csv row not written");
    }
}

impl Csv {
    pub fn new(header: &[&str]) -> Csv {
        let out = builder().from_writer(BOM.as_bytes().to_vec());
        let mut csv = Csv { out };
        csv.row(header);
        csv
    }

    pub fn row<S: AsRef<str>>(&mut self, fields: &[S]) {
        let record = fields.iter().map(|f| guard(f.as_ref()).into_owned());
        // Writing into a Vec cannot fail; should it, the log says so and the row is missing.
        if let Err(e) = self.out.write_record(record) {
            tracing::error!(error = %e, "csv row not written");
        }
    }

    fn into_bytes(self) -> Result<Vec<u8>, AppError> {
        self.out
            .into_inner()
            .map_err(|e| AppError::internal(e.error().to_string()))
    }

    /// The file as a download named `filename`.
    pub fn into_download(self, filename: &str) -> Response {
        match self.into_bytes() {
            Ok(bytes) => (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{filename}\""),
                    ),
                ],
                bytes,
            )
                .into_response(),
            Err(e) => e.into_response(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Csv;

    fn text(c: Csv) -> String {
        let bytes = c.into_bytes().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// The records as a reader splitting on `delimiter` sees them (BOM removed).
    fn read(file: &str, delimiter: u8) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(file.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.map(|r| r.iter().map(str::to_string).collect()))
            .collect::<Result<_, _>>()
            .unwrap_or_default()
    }

    #[test]
    fn quoting_and_formulas() {
        let mut c = Csv::new(&["a", "b"]);
        c.row(&["x;y", "sagt \"hallo\"\nzweite Zeile"]);
        c.row(&["=SUMME(A1)", "ok"]);
        assert_eq!(
            text(c),
            "\u{feff}\"a\";\"b\"\r\n\"x;y\";\"sagt \"\"hallo\"\"\nzweite Zeile\"\r\n\"'=SUMME(A1)\";\"ok\"\r\n"
        );
    }

    #[test]
    fn every_line_starts_with_a_quote() {
        let mut c = Csv::new(&["Nr.", "Titel", "Datum"]);
        c.row(&["1", "Schlicht", "01.12.2026, 14:56 Uhr"]);
        c.row(&["2", "", "-"]);
        c.row(&["3", "Mehr Infos,=HYPERLINK(\"x\")", "@SUMME"]);
        let file = text(c);
        let body = file.strip_prefix('\u{feff}').unwrap_or("no BOM");
        assert!(body.ends_with("\r\n"));
        let lines: Vec<&str> = body.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(lines.len(), 4);
        for line in lines {
            assert!(line.starts_with('"'), "{line}");
            assert!(line.ends_with('"'), "{line}");
        }
    }

    fn assert_no_formula(records: &[Vec<String>]) {
        for record in records {
            for field in record {
                assert!(
                    !field.starts_with(['=', '+', '-', '@']),
                    "a formula: {field:?} in {record:?}"
                );
            }
        }
    }

    #[test]
    fn readers_splitting_on_comma_or_tab_see_no_formula() {
        let title = "Mehr Infos,=HYPERLINK(\"x\")";
        let mut c = Csv::new(&["Nr.", "Titel", "Notiz"]);
        c.row(&["1", title, "01.12.2026, 14:56 Uhr"]);
        c.row(&["2", "x,\"=1+1", "a\t@SUMME(A1)"]);
        c.row(&[title, "+1", "-2"]);
        let file = text(c);
        let with_comma = read(&file, b',');
        assert_eq!(with_comma.len(), 4);
        assert_no_formula(&with_comma);
        assert_no_formula(&read(&file, b'\t'));
        // The ;-reader the file is meant for gets the texts back, guarded where a cell
        // could start.
        let with_semicolon = read(&file, b';');
        assert_eq!(
            with_semicolon[1],
            [
                "1",
                "Mehr Infos,'=HYPERLINK(\"x\")",
                "01.12.2026, 14:56 Uhr"
            ]
        );
        assert_eq!(with_semicolon[2], ["2", "x,'\"=1+1", "a\t'@SUMME(A1)"]);
        assert_eq!(with_semicolon[3][1..], ["'+1", "'-2"]);
    }

    #[test]
    fn dates_and_names_with_commas_stay_whole() {
        let mut c = Csv::new(&["Angemeldet am", "Name"]);
        c.row(&["01.12.2026, 14:56 Uhr", "Müller, Anna"]);
        let file = text(c);
        // A reader splitting on `,` keeps the quoted run that opens the line together.
        let with_comma = read(&file, b',');
        assert!(
            with_comma[1][0].starts_with("01.12.2026, 14:56 Uhr;"),
            "{:?}",
            with_comma[1]
        );
        assert_eq!(
            read(&file, b';')[1],
            ["01.12.2026, 14:56 Uhr", "Müller, Anna"]
        );
    }
}
