//! Connectors to the HR system: the roster in from a CSV file
//! ([`csv_roster`]) or a SCIM 2.0 service ([`scim`]), and the
//! training-status extension out to SCIM. IO and formats only; what a
//! roster changes and when a message is sent are rules in
//! `mastery_domain::{roster, hr}`.

pub mod csv_roster;
pub mod scim;

use mastery_types::Problem;

/// reqwest's rustls needs a process-wide crypto provider before any client
/// is built; a second install is refused harmlessly. ring, not aws-lc-rs:
/// it builds with cc alone; its lack of post-quantum key exchange (the
/// reason rustls deprecates it) is acceptable for an HR link on the
/// organization's own network, and is revisited with the hub.
pub fn install_crypto_provider() {
    #[allow(deprecated)]
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// What went wrong talking to HR.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HrError {
    /// Timeout, refused connection, connection cut mid-answer.
    #[error("HR could not be reached: {0}")]
    Unreachable(String),
    /// An HTTP error status with the server's own reason.
    #[error("HR answered {status}: {detail}")]
    Refused { status: u16, detail: String },
    /// An answer that is not the SCIM expected.
    #[error("HR's answer is not SCIM: {0}")]
    Unreadable(String),
}

impl HrError {
    /// Worth trying again later: the server was away, overloaded, or the
    /// record changed under us (412) or is busy (409).
    pub fn is_transient(&self) -> bool {
        match self {
            HrError::Unreachable(_) | HrError::Unreadable(_) => true,
            HrError::Refused { status, .. } => {
                *status >= 500 || matches!(status, 408 | 409 | 412 | 425 | 429)
            }
        }
    }

    pub fn into_problem(self) -> Problem {
        match self {
            HrError::Unreachable(detail) => Problem::HrUnreachable { detail },
            HrError::Refused { status, detail } => Problem::HrRefused { status, detail },
            HrError::Unreadable(detail) => Problem::HrAnswerUnreadable { detail },
        }
    }
}
