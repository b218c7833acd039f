//! Typed ids, so a comment id can never be passed where an idea id belongs.

macro_rules! typed_id {
    ($name:ident) => {
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            sqlx::Type,
            serde::Serialize,
            serde::Deserialize,
        )]
        #[sqlx(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = ();
            /// Ids in URLs are positive decimal numbers; anything else is simply "not found".
            fn from_str(s: &str) -> Result<Self, ()> {
                match s.parse::<i64>() {
                    Ok(n) if n > 0 && s.bytes().all(|b| b.is_ascii_digit()) => Ok($name(n)),
                    _ => Err(()),
                }
            }
        }
    };
}

typed_id!(UserId);
typed_id!(ThemeId);
typed_id!(IdeaId);
typed_id!(CommentId);
typed_id!(OrganisationId);
typed_id!(TagId);

// The Innovationswerkstatt.
typed_id!(WorkshopId);
typed_id!(LearningId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_only_positive_decimals() {
        assert_eq!("42".parse::<IdeaId>(), Ok(IdeaId(42)));
        assert!("0".parse::<IdeaId>().is_err());
        assert!("-3".parse::<IdeaId>().is_err());
        assert!("+3".parse::<IdeaId>().is_err());
        assert!("4a".parse::<IdeaId>().is_err());
        assert!("99999999999999999999".parse::<IdeaId>().is_err());
    }
}
