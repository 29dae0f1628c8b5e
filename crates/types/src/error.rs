//! The error every API call returns: a stable machine `code` the UI matches
//! on (and translates), plus an English `message` with the details for logs
//! and the command line. The UI never matches on message text.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Username or password wrong; deliberately does not say which.
    InvalidCredentials,
    /// Too many failed sign-ins; try again later.
    AccountLocked,
    /// No session, or the session ended or expired.
    NotSignedIn,
    /// Signed in, but no role that allows this.
    Forbidden,
    /// The request is malformed or breaks a rule; the message says which.
    InvalidInput,
    /// Something named in the request does not exist.
    NotFound,
    /// The request clashes with what is already saved (e.g. a taken username).
    Conflict,
    /// The first administrator must be created before anything else.
    SetupRequired,
    /// The database file is not an SQLite database.
    NotADatabase,
    /// The database was written by a newer Mastery.
    SchemaTooNew,
    /// A content pack could not be read.
    InvalidPack,
    /// Disk or database failure; nothing was changed.
    Storage,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::AccountLocked => "account_locked",
            ErrorCode::NotSignedIn => "not_signed_in",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::SetupRequired => "setup_required",
            ErrorCode::NotADatabase => "not_a_database",
            ErrorCode::SchemaTooNew => "schema_too_new",
            ErrorCode::InvalidPack => "invalid_pack",
            ErrorCode::Storage => "storage",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for ApiError {}
