//! CSV downloads as German Excel opens them: UTF-8 with a byte order mark, `;` between
//! fields, CRLF between records, RFC 4180 quoting. Every export of the board uses this.
//!
//! Excel reads a file without the BOM as Windows-1252 (umlauts break), and with `,` as
//! separator it puts everything into one column on German systems, where `,` is the decimal
//! mark. Cells that begin like a formula are prefixed with `'`, so a display name such as
//! `=HYPERLINK(...)` stays text (CSV injection).

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

const BOM: &str = "\u{feff}";

/// A CSV file being written, one record at a time.
pub struct Csv {
    out: String,
}

impl Default for Csv {
    fn default() -> Self {
        Self::new()
    }
}

impl Csv {
    pub fn new() -> Self {
        Csv {
            out: String::from(BOM),
        }
    }

    /// Append one record.
    pub fn record<S: AsRef<str>>(&mut self, fields: impl IntoIterator<Item = S>) {
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(';');
            }
            push_field(&mut self.out, field.as_ref());
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// The download: `filename` should be plain ASCII (it goes into a header as is).
    pub fn into_response(self, filename: &str) -> Response {
        let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
            .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
        (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/csv; charset=utf-8"),
                ),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            self.finish(),
        )
            .into_response()
    }
}

fn push_field(out: &mut String, field: &str) {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || field.contains([';', '"', '\n', '\r']);
    if !quote {
        out.push_str(field);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::Csv;

    #[test]
    fn separators_quotes_and_newlines_are_quoted() {
        let mut csv = Csv::new();
        csv.record(["Name", "Ort"]);
        csv.record(["Anna; Berta", "sagt \"hallo\""]);
        csv.record(["Zeile 1\nZeile 2", "Köln"]);
        assert_eq!(
            csv.finish(),
            "\u{feff}Name;Ort\r\n\"Anna; Berta\";\"sagt \"\"hallo\"\"\"\r\n\"Zeile 1\nZeile 2\";Köln\r\n"
        );
    }

    #[test]
    fn formulas_stay_text() {
        let mut csv = Csv::new();
        csv.record(["=1+1", "-3", "normal"]);
        assert_eq!(csv.finish(), "\u{feff}\"'=1+1\";\"'-3\";normal\r\n");
    }
}
