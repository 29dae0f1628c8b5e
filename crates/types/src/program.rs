//! The shape of the certification program: its four tracks, three mastery
//! levels, and the roles people hold in it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A course track: the audience a course is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// Putting Clients First: processing, payment and integrity services.
    Clients,
    /// Putting Colleagues First: corporate and enabling services.
    Colleagues,
    /// Putting Communities First: grants, contributions and outreach.
    Communities,
    /// Putting Staff First: managers supporting staff through the program.
    Staff,
}

impl Track {
    pub const ALL: [Track; 4] = [
        Track::Clients,
        Track::Colleagues,
        Track::Communities,
        Track::Staff,
    ];

    /// The id used in content packs and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Track::Clients => "clients",
            Track::Colleagues => "colleagues",
            Track::Communities => "communities",
            Track::Staff => "staff",
        }
    }

    pub fn parse(s: &str) -> Option<Track> {
        Track::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for Track {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Mastery Level 1, 2 or 3. Construction checks the range, so a level read
/// from a pack or a request is always valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct MasteryLevel(u8);

impl MasteryLevel {
    pub const ALL: [MasteryLevel; 3] = [MasteryLevel(1), MasteryLevel(2), MasteryLevel(3)];

    pub fn new(n: u8) -> Option<MasteryLevel> {
        (1..=3).contains(&n).then_some(MasteryLevel(n))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for MasteryLevel {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        MasteryLevel::new(n).ok_or_else(|| format!("mastery level must be 1, 2 or 3, not {n}"))
    }
}

impl From<MasteryLevel> for u8 {
    fn from(l: MasteryLevel) -> u8 {
        l.0
    }
}

/// What a person may do. One person can hold several roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Learner,
    Coach,
    Manager,
    CourseDesigner,
    Administrator,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Learner,
        Role::Coach,
        Role::Manager,
        Role::CourseDesigner,
        Role::Administrator,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Coach => "coach",
            Role::Manager => "manager",
            Role::CourseDesigner => "course_designer",
            Role::Administrator => "administrator",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The Five Drivers of Service Excellence: the competency backbone of every
/// rubric, quiz blueprint, coaching checklist and survey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Driver {
    Knowledge,
    Timeliness,
    Fairness,
    Outcome,
    ExtraMile,
}

impl Driver {
    pub const ALL: [Driver; 5] = [
        Driver::Knowledge,
        Driver::Timeliness,
        Driver::Fairness,
        Driver::Outcome,
        Driver::ExtraMile,
    ];

    /// The id used in packs and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Driver::Knowledge => "knowledge",
            Driver::Timeliness => "timeliness",
            Driver::Fairness => "fairness",
            Driver::Outcome => "outcome",
            Driver::ExtraMile => "extra_mile",
        }
    }

    pub fn parse(s: &str) -> Option<Driver> {
        Driver::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// With the store's `sql` feature: tracks and roles as their text, levels
/// as their number; anything else in the column is a damaged row.
#[cfg(feature = "sql")]
mod sql {
    use super::*;
    use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

    fn bad(what: &str, value: impl std::fmt::Debug) -> FromSqlError {
        FromSqlError::Other(format!("{value:?} is not a {what}").into())
    }

    impl ToSql for Track {
        fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            Ok(self.as_str().into())
        }
    }

    impl FromSql for Track {
        fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
            let s = value.as_str()?;
            Track::parse(s).ok_or_else(|| bad("track", s))
        }
    }

    impl ToSql for Role {
        fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            Ok(self.as_str().into())
        }
    }

    impl FromSql for Role {
        fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
            let s = value.as_str()?;
            Role::parse(s).ok_or_else(|| bad("role", s))
        }
    }

    impl ToSql for MasteryLevel {
        fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
            Ok(i64::from(self.get()).into())
        }
    }

    impl FromSql for MasteryLevel {
        fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
            let n = value.as_i64()?;
            u8::try_from(n)
                .ok()
                .and_then(MasteryLevel::new)
                .ok_or_else(|| bad("mastery level", n))
        }
    }
}
