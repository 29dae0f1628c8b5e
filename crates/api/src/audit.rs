//! Writing to the hash-chained audit log, always inside the transaction of
//! the act it records.

use crate::errors::new_id;
use chrono::{DateTime, Utc};
use mastery_store::{audit, Connection};
use mastery_types::PersonId;

/// Appends `action` on `subject` by `actor` (none: the local operator).
pub(crate) fn record(
    tx: &Connection,
    now: DateTime<Utc>,
    actor: Option<PersonId>,
    action: &str,
    subject: &str,
    details: serde_json::Value,
) -> mastery_store::Result<()> {
    audit::append(
        tx,
        &audit::Entry {
            id: &new_id(now).to_string(),
            at: now,
            actor,
            action,
            subject,
            details_json: &details.to_string(),
        },
    )
}
