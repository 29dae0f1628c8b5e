//! The vocabulary of stored facts: the kinds and outcomes a fact records,
//! as enums rather than strings. With the `sql` feature (the store's) each
//! reads and writes itself as its text in SQLite, and an unknown text is a
//! damaged row, never a silent default.

use serde::{Deserialize, Serialize};

macro_rules! fact_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        #[cfg(feature = "sql")]
        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        #[cfg(feature = "sql")]
        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse(text).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(
                        format!("{:?} is not a {}", text, stringify!($name)).into(),
                    )
                })
            }
        }
    };
}

fact_enum!(
    /// A lesson opened (where to resume) or marked done.
    LessonEventKind {
        Opened => "opened",
        Done => "done",
    }
);

fact_enum!(
    /// How a learner answered a coaching session logged about them.
    CoachingResponseKind {
        Acknowledged => "acknowledged",
        Disputed => "disputed",
    }
);

fact_enum!(
    /// What a review made of a submission.
    ReviewOutcome {
        Accepted => "accepted",
        Returned => "returned",
    }
);

fact_enum!(
    /// How a Level 3 assessment at work was made.
    AssessmentKind {
        /// The assessor watched the learner serve clients.
        Observed => "observed",
        /// A secret shopper posed as a client.
        SecretShopper => "secret_shopper",
    }
);

fact_enum!(
    /// Where a coaching session took place.
    CoachingSetting {
        Counter => "counter",
        Phone => "phone",
        Outreach => "outreach",
        Virtual => "virtual",
        Office => "office",
        Other => "other",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_text() {
        for k in LessonEventKind::ALL {
            assert_eq!(LessonEventKind::parse(k.as_str()), Some(*k));
        }
        for k in CoachingResponseKind::ALL {
            assert_eq!(CoachingResponseKind::parse(k.as_str()), Some(*k));
        }
        for k in ReviewOutcome::ALL {
            assert_eq!(ReviewOutcome::parse(k.as_str()), Some(*k));
        }
        for k in AssessmentKind::ALL {
            assert_eq!(AssessmentKind::parse(k.as_str()), Some(*k));
            let json = serde_json::to_string(k).expect("json");
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        for k in CoachingSetting::ALL {
            assert_eq!(CoachingSetting::parse(k.as_str()), Some(*k));
        }
        assert_eq!(ReviewOutcome::parse("maybe"), None);
    }
}
