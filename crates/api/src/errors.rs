//! Error helpers of the API layer. (Store and pack errors convert into
//! `ApiError` in their own crates, where the orphan rule allows it.)

use chrono::{DateTime, Utc};
use mastery_domain::accounts::MAX_FIELD_CHARS;
use mastery_types::{ApiError, Field, Problem};
use uuid::{NoContext, Timestamp, Uuid};

/// A new UUID v7 whose time part is `now` (the API never reads the clock).
pub(crate) fn new_id(now: DateTime<Utc>) -> Uuid {
    let secs = u64::try_from(now.timestamp()).unwrap_or(0);
    Uuid::new_v7(Timestamp::from_unix(
        NoContext,
        secs,
        now.timestamp_subsec_nanos(),
    ))
}

pub(crate) fn invalid(problem: Problem) -> ApiError {
    ApiError::problem(problem)
}

/// The trimmed value of a required field, or `Empty { field }`.
pub(crate) fn required(value: &str, field: Field) -> Result<&str, ApiError> {
    let v = value.trim();
    if v.is_empty() {
        Err(invalid(Problem::Empty { field }))
    } else if v.chars().count() > MAX_FIELD_CHARS {
        Err(invalid(Problem::TooLong {
            field,
            max: MAX_FIELD_CHARS,
        }))
    } else {
        Ok(v)
    }
}

/// A text of at most `max` characters once trimmed (empty allowed).
pub(crate) fn at_most(value: &str, field: Field, max: usize) -> Result<&str, ApiError> {
    let v = value.trim();
    if v.chars().count() > max {
        Err(invalid(Problem::TooLong { field, max }))
    } else {
        Ok(v)
    }
}

/// A required text of at most `max` characters once trimmed.
pub(crate) fn required_at_most(value: &str, field: Field, max: usize) -> Result<&str, ApiError> {
    let v = at_most(value, field, max)?;
    if v.is_empty() {
        Err(invalid(Problem::Empty { field }))
    } else {
        Ok(v)
    }
}

/// Damaged or missing stored data: a storage error for logs, a generic
/// translated message for the window.
pub(crate) fn storage(message: impl Into<String>) -> ApiError {
    ApiError::new(mastery_types::ErrorCode::Storage, message)
}

pub(crate) fn not_found(thing: mastery_types::Thing, id: impl std::fmt::Display) -> ApiError {
    ApiError::not_found(thing, id)
}
