//! Error helpers of the API layer. (Store and pack errors convert into
//! `ApiError` in their own crates, where the orphan rule allows it.)

use mastery_types::{ApiError, ErrorCode};

pub(crate) fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}
