//! The downloads of `/daten` read back (CSV with the `csv` crate, JSON Lines line by line) and
//! matched against the database; no hidden content and no e-mail addresses in any file; the
//! files stream; and `/statistik` and the home page figures equal counts made here.

use crate::helpers::*;
use crate::open_api::{answer, hide_and_block, link_learning};
use crate::workshops::create_workshop;
use mitdenken::domain::Role;
use reqwest::StatusCode;
use serde_json::Value;

const BODY: &str = "Eine Beschreibung, lang genug für das Formular.";

const DATASETS: [&str; 9] = [
    "ideen",
    "kommentare",
    "unterstuetzungen",
    "statuswechsel",
    "antworten",
    "werkstatt",
    "erkenntnisse",
    "verknuepfungen",
    "moderation",
];

async fn download(app: &TestApp, path: &str) -> (reqwest::header::HeaderMap, String) {
    let r = new_client()
        .get(app.url(path))
        .send()
        .await
        .expect("download");
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    let headers = r.headers().clone();
    (headers, r.text().await.unwrap_or_default())
}

/// The CSV's records as the `csv` crate reads them with `;`, the header first.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a BOM first");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| {
            r.expect("a CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// A board with visible, hidden and blocked content, answers, supports and a workshop.
struct Board {
    visible: i64,
    answered: i64,
    workshop: i64,
}

async fn board(app: &TestApp) -> Board {
    let anna = app
        .user("Anna Daten", "anna@example.org", Role::Participant)
        .await;
    let visible = app
        .submit_idea_with(&anna, "digitale-ethik", "Offene Verwaltungsdaten", BODY)
        .await;
    let answered = app
        .submit_idea_with(&anna, "digitale-kompetenzen", "Digitalpaten", BODY)
        .await;
    let carl = app
        .user("Carl Kommentar", "carl@example.org", Role::Participant)
        .await;
    app.post_with(&carl, &format!("/ideas/{visible}/support"), &[])
        .await;
    app.post_with(&anna, &format!("/ideas/{answered}/support"), &[])
        .await;
    app.post_with(
        &carl,
        &format!("/ideas/{visible}/comments"),
        &[("body", "Sichtbarer Kommentar; mit =Formel")],
    )
    .await;
    app.post_with(
        &carl,
        &format!("/ideas/{visible}/comments"),
        &[("body", "Geheimer Kommentar Quokka")],
    )
    .await;
    let hidden_comment = app
        .scalar("SELECT MAX(id) FROM comments WHERE idea_id = $1", visible)
        .await;
    let hidden = app
        .submit_idea_with(&carl, "digitale-ethik", "Versteckte Idee Okapi", BODY)
        .await;
    let bert = app
        .user("Bert Gesperrt", "bert@example.org", Role::Participant)
        .await;
    let blocked = app
        .submit_idea_with(&bert, "digitale-ethik", "Gesperrte Idee Axolotl", BODY)
        .await;
    app.post_with(&bert, &format!("/ideas/{visible}/support"), &[])
        .await;
    let moderator = app
        .user("Mo Moderation", "mo@example.org", Role::Moderator)
        .await;
    let ministry = app
        .user("Referat 113", "referat@example.org", Role::Ministry)
        .await;
    hide_and_block(app, &moderator, hidden_comment, hidden, blocked).await;
    answer(app, &moderator, &ministry, answered).await;
    let workshop = create_workshop(
        app,
        &moderator,
        "Digitale Werkstatt",
        &[
            ("format", "digital"),
            ("location", "https://konferenz.example.org/geheim"),
        ],
    )
    .await;
    app.post_with(
        &moderator,
        &format!("/workshops/{workshop}/learnings"),
        &[
            ("title", "Daten teilen"),
            ("body", "Daten müssen geteilt werden."),
        ],
    )
    .await;
    for idea in [answered, hidden] {
        link_learning(app, workshop, idea).await;
    }
    Board {
        visible,
        answered,
        workshop,
    }
}

#[tokio::test]
async fn every_file_reads_back_and_holds_only_public_content() {
    let app = spawn_app().await;
    let b = board(&app).await;
    for name in DATASETS {
        let (headers, csv_text) = download(&app, &format!("/daten/{name}.csv")).await;
        assert_eq!(
            headers.get("content-type").and_then(|v| v.to_str().ok()),
            Some("text/csv; charset=utf-8")
        );
        let disposition = headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(
            disposition.contains(&format!("mitdenken-{name}-")) && disposition.ends_with(".csv\""),
            "{disposition}"
        );
        assert!(
            headers
                .get("link")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|l| l.contains("rel=\"license\"")),
            "the licence is linked"
        );
        let (_, jsonl) = download(&app, &format!("/daten/{name}.jsonl")).await;
        for secret in [
            "@example.org",
            "Quokka",
            "Okapi",
            "Axolotl",
            "Bert Gesperrt",
            "konferenz.example.org",
        ] {
            assert!(
                !csv_text.contains(secret),
                "{name}.csv has {secret}: {csv_text}"
            );
            assert!(
                !jsonl.contains(secret),
                "{name}.jsonl has {secret}: {jsonl}"
            );
        }
        let records = csv_records(&csv_text);
        let lines = json_lines(&jsonl);
        assert_eq!(records.len() - 1, lines.len(), "{name}: the same rows");
        for (record, line) in records.iter().skip(1).zip(&lines) {
            let object = line.as_object().expect("an object");
            assert_eq!(record.len(), object.len(), "{name}");
            let mut header = records[0].clone();
            header.sort();
            let mut keys: Vec<String> = object.keys().cloned().collect();
            keys.sort();
            assert_eq!(header, keys, "{name}: the same columns");
        }
    }

    // The ideas match the database: the visible ones, with their numbers.
    let ideas = json_lines(&download(&app, "/daten/ideen.jsonl").await.1);
    let ids: Vec<i64> = ideas.iter().filter_map(|i| i["id"].as_i64()).collect();
    assert_eq!(ids, vec![b.visible, b.answered]);
    let supports = app
        .scalar("SELECT support_count FROM ideas WHERE id = $1", b.visible)
        .await;
    assert_eq!(ideas[0]["supports"], supports);
    assert_eq!(ideas[0]["author"], "Anna Daten");
    assert_eq!(ideas[1]["status"], "accepted");
    let csv = csv_records(&download(&app, "/daten/ideen.csv").await.1);
    assert_eq!(csv[1][0], b.visible.to_string());
    assert_eq!(csv[1][2], "Offene Verwaltungsdaten");
    assert!(
        csv[1][9].len() == 16 && csv[1][9].chars().nth(2) == Some('.'),
        "German date: {}",
        csv[1][9]
    );

    // A formula stays text in the CSV; the JSON keeps the words as written.
    let comments = csv_records(&download(&app, "/daten/kommentare.csv").await.1);
    assert_eq!(comments.len(), 2, "only the visible comment: {comments:?}");
    assert_eq!(comments[1][5], "Sichtbarer Kommentar; mit =Formel");

    // Supports per day: counts that add up to the visible ideas' supports, no persons.
    let per_day = json_lines(&download(&app, "/daten/unterstuetzungen.jsonl").await.1);
    let total: i64 = per_day.iter().filter_map(|r| r["supports"].as_i64()).sum();
    let expected = app
        .scalar(
            "SELECT CAST(SUM(support_count) AS BIGINT) FROM ideas WHERE hidden_at IS NULL AND author_blocked = 0 AND id > $1",
            0,
        )
        .await;
    assert_eq!(total, expected);
    assert_eq!(per_day[0].as_object().map(|o| o.len()), Some(3));

    let answers = json_lines(&download(&app, "/daten/antworten.jsonl").await.1);
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0]["note"], "Wir fördern 20 Pilotstandorte.");
    assert_eq!(answers[0]["by"], "Referat 113");
    let links = json_lines(&download(&app, "/daten/verknuepfungen.jsonl").await.1);
    assert_eq!(links.len(), 1, "the hidden idea's link is left out");
    assert_eq!(links[0]["idea"], b.answered);
    let workshops = json_lines(&download(&app, "/daten/werkstatt.jsonl").await.1);
    assert_eq!(workshops[0]["id"], b.workshop);
    assert_eq!(workshops[0]["location"], Value::Null);
    let log = json_lines(&download(&app, "/daten/moderation.jsonl").await.1);
    let logged = app
        .scalar("SELECT COUNT(*) FROM moderation_log WHERE id > $1", 0)
        .await;
    assert_eq!(log.len() as i64, logged);
}

#[tokio::test]
async fn the_data_page_and_the_data_package_name_every_file_and_the_licence() {
    let app = spawn_app_with(|c| {
        c.data_licence = "Datenlizenz Deutschland 2.0".into();
        c.data_licence_url = "https://www.govdata.de/dl-de/by-2-0".into();
    })
    .await;
    let page = app.get("/daten").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Datenlizenz Deutschland 2.0"));
    assert!(page.body.contains("https://www.govdata.de/dl-de/by-2-0"));
    let (_, raw) = download(&app, "/daten/datapackage.json").await;
    let package: Value = serde_json::from_str(&raw).expect("JSON");
    assert_eq!(
        package["licenses"][0]["name"],
        "Datenlizenz Deutschland 2.0"
    );
    assert!(
        package["created"]
            .as_str()
            .is_some_and(|c| c.ends_with('Z'))
    );
    let resources = package["resources"].as_array().expect("resources");
    assert_eq!(resources.len(), DATASETS.len() * 2);
    for name in DATASETS {
        for ext in ["csv", "jsonl"] {
            let path = format!("/daten/{name}.{ext}");
            assert!(page.body.contains(&format!("href=\"{path}\"")), "{path}");
            let r = resources
                .iter()
                .find(|r| r["path"] == app.url(&path))
                .unwrap_or_else(|| panic!("{path} in the package"));
            for f in r["schema"]["fields"].as_array().into_iter().flatten() {
                let d = f["description"].as_str().unwrap_or("");
                assert!(!d.is_empty() && !d.starts_with("data-col-"), "{path}: {f}");
            }
        }
    }
    assert_eq!(
        new_client()
            .get(app.url("/daten/gibt-es-nicht.csv"))
            .send()
            .await
            .map(|r| r.status())
            .ok(),
        Some(StatusCode::NOT_FOUND)
    );
    let en = app.get("/daten?lang=en").await;
    assert!(en.body.contains("Open data: all content for download"));
    // Every column is described in English too, and the download starts no session.
    let r = new_client()
        .get(app.url("/daten/datapackage.json?lang=en"))
        .send()
        .await
        .expect("package");
    assert!(
        r.headers().get("set-cookie").is_none(),
        "no session for ?lang="
    );
    let package: Value = serde_json::from_str(&r.text().await.unwrap_or_default()).expect("JSON");
    for f in package["resources"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|r| {
            r["schema"]["fields"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
    {
        let d = f["description"].as_str().unwrap_or("");
        assert!(!d.is_empty() && !d.starts_with("data-col-"), "{f}");
    }
    let (headers, _) = download(&app, "/daten/ideen.csv?lang=en").await;
    assert!(headers.get("set-cookie").is_none());
}

#[tokio::test]
async fn a_large_export_is_sent_in_pieces() {
    let app = spawn_app().await;
    app.register("Anna", "anna@example.org").await;
    let first = app.submit_idea("digitale-ethik", "Erste Idee", BODY).await;
    // 3,000 more ideas of the same author, straight into the table.
    sqlx::query(
        "INSERT INTO ideas (theme_id, author_id, title, body, status, created_at)
         SELECT theme_id, author_id, title || ' ' || n, body, status, created_at + n
         FROM ideas, (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000)
                      SELECT n FROM c) AS numbers
         WHERE ideas.id = $1",
    )
    .bind(first)
    .execute(&app.db.pool)
    .await
    .expect("many ideas");
    let started = std::time::Instant::now();
    let mut r = new_client()
        .get(app.url("/daten/ideen.csv"))
        .send()
        .await
        .expect("download");
    let mut pieces = 0;
    let mut bytes = Vec::new();
    while let Some(chunk) = r.chunk().await.expect("a piece") {
        pieces += 1;
        bytes.extend_from_slice(&chunk);
    }
    let records = csv_records(&String::from_utf8(bytes).expect("UTF-8"));
    assert_eq!(records.len(), 1 + 3001);
    assert!(pieces > 1, "streamed in pieces, not one body: {pieces}");
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

#[tokio::test]
async fn downloads_share_the_api_budget() {
    let app = spawn_app_with(|c| c.api_rate_limit = 2).await;
    download(&app, "/daten/ideen.csv").await;
    download(&app, "/daten/ideen.jsonl").await;
    let r = new_client()
        .get(app.url("/daten/ideen.csv"))
        .send()
        .await
        .expect("download");
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        r.headers().get("retry-after").and_then(|v| v.to_str().ok()),
        Some("30")
    );
    assert_eq!(
        app.get("/daten").await.status,
        StatusCode::OK,
        "the page is not counted"
    );
}

/// The text of the table cell after the row header `row` in the table captioned `caption`.
fn cell(html: &str, caption: &str, row: &str) -> String {
    let table = html
        .split(&format!("<caption>{caption}</caption>"))
        .nth(1)
        .unwrap_or_else(|| panic!("no table {caption}"));
    let table = table.split("</table>").next().unwrap_or("");
    let after = table
        .split(&format!("<th scope=\"row\">{row}</th>"))
        .nth(1)
        .unwrap_or_else(|| panic!("no row {row} in {caption}: {table}"));
    after
        .trim_start_matches("<td>")
        .split("</td>")
        .next()
        .unwrap_or("")
        .to_string()
}

/// The cells of the month's row (the total last) in the table captioned `caption`.
fn month_row<'a>(html: &'a str, caption: &str, month: &str) -> &'a str {
    html.split(&format!("<caption>{caption}</caption>"))
        .nth(1)
        .and_then(|t| t.split(&format!("<th scope=\"row\">{month}</th>")).nth(1))
        .and_then(|r| r.split("</tr>").next())
        .unwrap_or_else(|| panic!("no row {month} in {caption}"))
}

#[tokio::test]
async fn statistics_equal_counts_made_here_and_draw_accessible_charts() {
    let app = spawn_app().await;
    let b = board(&app).await;
    let page = app.get("/statistik").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = &page.body;
    assert!(!html.contains("<script"), "no JavaScript");
    assert_eq!(html.matches("<svg").count(), 7, "seven charts");
    assert_eq!(html.matches("role=\"img\"").count(), 7);
    assert_eq!(html.matches("<desc").count(), 7);
    assert_eq!(html.matches("aria-describedby=\"chart-").count(), 7);
    assert!(
        html.matches("<details>").count() >= 7,
        "each with its table"
    );
    for secret in ["Okapi", "Axolotl", "@example.org"] {
        assert!(!html.contains(secret), "{secret}");
    }

    // Ideas per theme: the themes' visible ideas, counted here.
    let ethik = app
        .scalar(
            "SELECT COUNT(*) FROM ideas i JOIN themes t ON t.id = i.theme_id
             WHERE t.slug = 'digitale-ethik' AND i.listed = 1 AND i.id > $1",
            0,
        )
        .await;
    assert_eq!(ethik, 1);
    assert_eq!(
        cell(html, "Sichtbare Ideen je Thema", "Digitale Ethik"),
        ethik.to_string()
    );
    // How many ideas reached each status, from the trail.
    for (status, label) in [
        ("submitted", "Eingereicht"),
        ("forwarded", "An das Ministerium weitergeleitet"),
        ("accepted", "Angenommen"),
    ] {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(DISTINCT tr.idea_id) FROM idea_transitions tr JOIN ideas i ON i.id = tr.idea_id
             WHERE tr.to_status = $1 AND i.hidden_at IS NULL AND i.author_blocked = 0",
        )
        .bind(status)
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
        assert_eq!(
            cell(html, "Ideen, die diesen Status erreicht haben", label),
            n.to_string(),
            "{status}"
        );
    }
    // Comments and supports of this month, all themes.
    let month = {
        let now = time::OffsetDateTime::now_utc();
        format!("{}-{:02}", now.year(), u8::from(now.month()))
    };
    let comments = app
        .scalar(
            "SELECT COUNT(*) FROM comments c JOIN users u ON u.id = c.author_id
             WHERE c.hidden_at IS NULL AND c.deleted_at IS NULL AND u.blocked_at IS NULL
               AND c.idea_id > $1",
            0,
        )
        .await;
    let row = month_row(html, "Neue Kommentare pro Monat", &month);
    assert!(row.ends_with(&format!("<td>{comments}</td>")), "{row}");
    let supports = app
        .scalar(
            "SELECT COUNT(*) FROM supports s JOIN ideas i ON i.id = s.idea_id
             WHERE i.hidden_at IS NULL AND i.author_blocked = 0 AND s.idea_id > $1",
            0,
        )
        .await;
    let row = month_row(html, "Neue Unterstützungen pro Monat", &month);
    assert!(row.ends_with(&format!("<td>{supports}</td>")), "{row}");
    // The workshop: one learning, one visible linked idea (the hidden one is not counted).
    assert!(html.contains(&format!(
        "<a href=\"/workshops/{}\">Digitale Werkstatt</a></th><td>1</td><td>1</td>",
        b.workshop
    )));
    assert!(html.contains("id=\"median-answer\""));

    // The home page's three figures, linking here.
    let home = app.get("/").await.body;
    let answered = app
        .scalar(
            "SELECT COUNT(*) FROM ideas WHERE status = 'accepted' AND id >= $1",
            b.answered,
        )
        .await;
    // A number before a noun takes the noun's plural form ("1 Antwort", "2 Antworten").
    let noun = if answered == 1 {
        "Antwort des Ministeriums"
    } else {
        "Antworten des Ministeriums"
    };
    assert!(
        home.contains(&format!("<strong>{answered}</strong> {noun}")),
        "{home}"
    );
    assert!(home.contains("<strong>2</strong> Ideen"), "{home}");
    assert!(home.contains("href=\"/statistik\""));
    assert!(
        app.get("/statistik?lang=en")
            .await
            .body
            .contains("The road to the ministry")
    );
}
