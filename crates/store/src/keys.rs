//! The organization's signing key (the oldest one is in use).

use crate::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

/// `(did, secret)` of the key in use, if one was made.
pub fn org_key(conn: &Connection) -> Result<Option<(String, Vec<u8>)>> {
    Ok(conn
        .query_row(
            "SELECT did, secret FROM org_keys ORDER BY created_at, id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub fn insert_org_key(
    conn: &Connection,
    id: &str,
    did: &str,
    secret: &[u8],
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO org_keys (id, did, secret, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, did, secret, at],
    )?;
    Ok(())
}
