//! Sign-in sessions, stored by the hash of their token.

use crate::people::uuid_col;
use crate::Result;
use chrono::{DateTime, Utc};
use mastery_types::PersonId;
use rusqlite::{params, Connection, OptionalExtension};

pub fn insert(
    conn: &Connection,
    token_hash: &str,
    person: PersonId,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO sessions (token_hash, person_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash, person.0.to_string(), now, expires_at],
    )?;
    Ok(())
}

/// The person of a session that has not ended or expired at `now`.
pub fn active_person(
    conn: &Connection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<PersonId>> {
    Ok(conn
        .query_row(
            "SELECT s.person_id FROM sessions s JOIN accounts a ON a.person_id = s.person_id
             JOIN persons p ON p.id = s.person_id
             WHERE s.token_hash = ?1 AND s.ended_at IS NULL AND s.expires_at > ?2 AND a.disabled = 0
               AND p.active = 1",
            params![token_hash, now],
            |r| uuid_col(r, 0),
        )
        .optional()?
        .map(PersonId))
}

pub fn end(conn: &Connection, token_hash: &str, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE sessions SET ended_at = ?2 WHERE token_hash = ?1 AND ended_at IS NULL",
        params![token_hash, now],
    )?;
    Ok(())
}
