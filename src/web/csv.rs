//! CSV as German spreadsheet programs open it: UTF-8 with BOM, `;` between fields, CRLF,
//! quotes around fields that need them (RFC 4180), and no formulas smuggled in.

use axum::http::header;
use axum::response::{IntoResponse, Response};

pub struct Csv {
    out: String,
}

fn push_field(out: &mut String, value: &str) {
    // A cell starting with = + - @ would be run as a formula by Excel (CSV injection);
    // a leading apostrophe makes it plain text.
    let guarded;
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([';', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

impl Csv {
    pub fn new(header: &[&str]) -> Csv {
        let mut csv = Csv {
            out: String::from("\u{feff}"),
        };
        csv.row(header);
        csv
    }

    pub fn row<S: AsRef<str>>(&mut self, fields: &[S]) {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push(';');
            }
            push_field(&mut self.out, f.as_ref());
        }
        self.out.push_str("\r\n");
    }

    /// The file as a download named `filename`.
    pub fn into_download(self, filename: &str) -> Response {
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
            ],
            self.out,
        )
            .into_response()
    }

    pub fn as_str(&self) -> &str {
        &self.out
    }
}

#[cfg(test)]
mod tests {
    use super::Csv;

    #[test]
    fn quoting_and_formulas() {
        let mut c = Csv::new(&["a", "b"]);
        c.row(&["x;y", "sagt \"hallo\"\nzweite Zeile"]);
        c.row(&["=SUMME(A1)", "ok"]);
        assert_eq!(
            c.as_str(),
            "\u{feff}a;b\r\n\"x;y\";\"sagt \"\"hallo\"\"\nzweite Zeile\"\r\n'=SUMME(A1);ok\r\n"
        );
    }
}
