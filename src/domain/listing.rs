//! Keyset positions in idea lists: the sort values of the last (or first) card of a page,
//! carried in the link (`?nach=1764590000.4711`), so a deep page is read from the index like
//! the first one instead of skipping rows with OFFSET.

/// Where a page starts: right after (`nach`) or right before (`vor`) the card with this key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    First,
    After(Key),
    Before(Key),
    /// A bare page number (`?page=3`) from a link made before keyset pages: still answered,
    /// by skipping, so old bookmarks keep working; every link we print carries a key.
    Numbered(i64),
}

/// The sort values of one card, in the order of the sort's ORDER BY (all descending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(Vec<i64>);

/// Keys never hold more values than this (the longest sort key has three).
const MAX_PARTS: usize = 4;

impl Key {
    pub fn new(values: Vec<i64>) -> Key {
        Key(values)
    }

    /// A key as written in a link: non-negative integers joined by dots, exactly `arity` of
    /// them. Anything else is no key (the list then starts at its first page).
    pub fn parse(raw: &str, arity: usize) -> Option<Key> {
        if raw.is_empty() || raw.len() > 80 || arity > MAX_PARTS {
            return None;
        }
        let values = raw
            .split('.')
            .map(|p| {
                if p.is_empty() || p.len() > 18 || !p.bytes().all(|b| b.is_ascii_digit()) {
                    None
                } else {
                    p.parse::<i64>().ok()
                }
            })
            .collect::<Option<Vec<i64>>>()?;
        (values.len() == arity).then_some(Key(values))
    }

    pub fn values(&self) -> &[i64] {
        &self.0
    }

    /// The key as written in a link.
    pub fn param(&self) -> String {
        self.0
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(".")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_reject_the_odd() {
        let k = Key::parse("1764590000.4711", 2).expect("a key");
        assert_eq!(k.values(), &[1764590000, 4711]);
        assert_eq!(k.param(), "1764590000.4711");
        assert_eq!(
            Key::parse("3.1764590000.4711", 3)
                .map(|k| k.param())
                .as_deref(),
            Some("3.1764590000.4711")
        );
        for bad in [
            "",
            ".",
            "1.",
            ".1",
            "1..2",
            "-1.2",
            "1.2.3",
            "a.b",
            "1 .2",
            "1,2",
            "99999999999999999999.1",
            "1.2\0",
        ] {
            assert_eq!(Key::parse(bad, 2), None, "{bad:?}");
        }
        assert_eq!(Key::parse("1.2", 3), None);
    }
}
