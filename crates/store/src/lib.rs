//! The SQLite store: the only crate that speaks SQL.
//!
//! [`Store::open`] checks the file really is an SQLite database written by a
//! schema this build knows, applies the numbered migrations, and sets WAL,
//! foreign keys and a busy timeout. Work happens in [`Store::read`] and
//! [`Store::write`] (one transaction, committed only if the closure
//! succeeds), with one module per table or aggregate.
//!
//! This crate holds no business rule: it stores and finds; deciding is for
//! `mastery-domain` and `mastery-api`. It never calls the network or Tauri.

pub mod assigned;
pub mod assignments;
pub mod audit;
pub mod certification;
pub mod classes;
pub mod coaching;
pub mod completions;
mod db;
pub mod facts;
pub mod hr;
pub mod keys;
pub mod learning;
pub mod observations;
pub mod packs;
pub mod people;
pub mod scope;
pub mod sessions;
pub mod settings;
pub mod teams;

pub use db::{Store, LATEST_SCHEMA};

use chrono::{DateTime, Utc};
/// The connection type the table modules take (a `Transaction` derefs to it).
pub use rusqlite::Connection;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a Mastery database (not an SQLite file)")]
    NotADatabase { path: String },
    #[error("the database uses schema version {found}, but this Mastery knows only up to {supported}; use a newer Mastery")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("cannot open the database at {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    NotFound(String),
    /// An input problem found while writing (e.g. a taken username).
    #[error("{0}")]
    Problem(mastery_types::Problem),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A value SQLite holds but that does not read as what the column means
/// (an unknown kind, an id that is not a UUID, JSON that does not parse)
/// is damaged data, said as such; everything else is a database error.
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::FromSqlConversionFailure(col, _, cause) => {
                StoreError::Corrupt(format!("column {col}: {cause}"))
            }
            rusqlite::Error::InvalidColumnType(col, name, ty) => {
                StoreError::Corrupt(format!("column {col} ({name}) holds {ty}"))
            }
            other => StoreError::Sqlite(other),
        }
    }
}

/// A JSON column read as `T`; unreadable JSON is a damaged row.
pub(crate) fn json_col<T: serde::de::DeserializeOwned>(
    r: &rusqlite::Row<'_>,
    idx: usize,
) -> rusqlite::Result<T> {
    let text = r.get_ref(idx)?.as_str()?;
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A timestamp column. Timestamps are written as RFC 3339 with a space
/// (`2026-11-29 09:00:00+00:00`, rusqlite's form), which chrono's RFC 3339
/// parser reads directly — many times faster than the general format
/// parser behind `Row::get`, which stays the fallback for other forms.
pub(crate) fn time_col(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    if let Ok(s) = r.get_ref(idx)?.as_str() {
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(t.with_timezone(&Utc));
        }
    }
    r.get(idx)
}

/// How a store failure reaches the user: a stable code for the UI.
impl From<StoreError> for mastery_types::ApiError {
    fn from(e: StoreError) -> Self {
        use mastery_types::ErrorCode;
        if let StoreError::Problem(p) = e {
            return mastery_types::ApiError::problem(p);
        }
        let code = match &e {
            StoreError::Problem(_) => ErrorCode::InvalidInput,
            StoreError::NotADatabase { .. } => ErrorCode::NotADatabase,
            StoreError::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            StoreError::Conflict(_) => ErrorCode::Conflict,
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Migration(_)
            | StoreError::Open { .. }
            | StoreError::Sqlite(_)
            | StoreError::Corrupt(_) => ErrorCode::Storage,
        };
        mastery_types::ApiError::new(code, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    #[test]
    fn timestamps_read_back_exactly_in_every_form_written() {
        let conn = rusqlite::Connection::open_in_memory().expect("db");
        let t = Utc
            .with_ymd_and_hms(2026, 11, 29, 9, 5, 7)
            .single()
            .expect("time")
            + chrono::Duration::microseconds(123_456);
        // As rusqlite writes them, with and without a fraction; as RFC 3339
        // with a T; and a form only the general parser reads.
        for (text, want) in [
            (None, t),
            (
                Some("2026-11-29 09:05:07+00:00"),
                t - chrono::Duration::microseconds(123_456),
            ),
            (Some("2026-11-29T09:05:07.123456Z"), t),
            (Some("2026-11-29 09:05:07.123456"), t),
        ] {
            let got = match text {
                None => conn.query_row("SELECT ?1", [t], |r| super::time_col(r, 0)),
                Some(s) => conn.query_row("SELECT ?1", [s], |r| super::time_col(r, 0)),
            }
            .expect("reads");
            assert_eq!(got, want, "{text:?}");
        }
        assert!(conn
            .query_row("SELECT 'yesterday'", [], |r| super::time_col(r, 0))
            .is_err());
    }
}
