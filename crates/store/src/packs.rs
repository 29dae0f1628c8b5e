//! Content-pack versions. A version, once stored, is immutable: storing the
//! same (pack, version) again with other content is refused.

use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use mastery_packs::{Pack, PackStatus};
use rusqlite::{params, Connection, OptionalExtension};

/// Stores a pack version if it is new. Returns `true` if it was inserted,
/// `false` if the identical version was already there.
pub fn store_version(conn: &Connection, pack: &Pack, now: DateTime<Utc>) -> Result<bool> {
    let existing: Option<String> = conn
        .query_row(
            "SELECT content_hash FROM pack_versions WHERE pack_id = ?1 AND version = ?2",
            params![pack.id, pack.version],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(hash) if hash == pack.content_hash => Ok(false),
        Some(_) => Err(StoreError::Conflict(format!(
            "pack {} version {} is already stored with different content; published versions never change, so give the new content a new version",
            pack.id, pack.version
        ))),
        None => {
            let body = serde_json::to_string(pack).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let status = match pack.status {
                PackStatus::Draft => "draft",
                PackStatus::Published => "published",
            };
            conn.execute(
                "INSERT INTO pack_versions (pack_id, version, content_hash, status, body_json, loaded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![pack.id, pack.version, pack.content_hash, status, body, now],
            )?;
            Ok(true)
        }
    }
}

/// The highest published version of a pack (by semantic version).
pub fn latest_published(conn: &Connection, pack_id: &str) -> Result<Option<Pack>> {
    let mut stmt = conn.prepare(
        "SELECT version, body_json FROM pack_versions WHERE pack_id = ?1 AND status = 'published'",
    )?;
    let rows = stmt
        .query_map([pack_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let parsed = rows
        .into_iter()
        .map(|(v, body)| {
            semver::Version::parse(&v)
                .map(|sv| (sv, body))
                .map_err(|e| {
                    StoreError::Corrupt(format!("pack {pack_id} has a stored version {v:?}: {e}"))
                })
        })
        .collect::<Result<Vec<_>>>()?;
    let best = parsed.into_iter().max_by(|a, b| a.0.cmp(&b.0));
    best.map(|(_, body)| {
        serde_json::from_str(&body).map_err(|e| StoreError::Corrupt(format!("pack {pack_id}: {e}")))
    })
    .transpose()
}

/// Ids of every pack that has a published version.
pub fn pack_ids(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT pack_id FROM pack_versions WHERE status = 'published' ORDER BY pack_id",
    )?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}
