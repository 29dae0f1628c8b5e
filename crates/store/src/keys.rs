//! The organization's signing key (the oldest one is in use).

use crate::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

/// The organization's key in use.
pub struct OrgKey {
    /// Its public half as a `did:key`.
    pub did: String,
    /// The Ed25519 seed.
    pub secret: Vec<u8>,
}

/// The key in use (the oldest), if one was made.
pub fn org_key(conn: &Connection) -> Result<Option<OrgKey>> {
    Ok(conn
        .query_row(
            "SELECT did, secret FROM org_keys ORDER BY created_at, id LIMIT 1",
            [],
            |r| {
                Ok(OrgKey {
                    did: r.get(0)?,
                    secret: r.get(1)?,
                })
            },
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
