//! Content-pack versions. A version, once stored, is immutable: storing the
//! same (pack, version) again with other content is refused.

use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use mastery_packs::{Pack, PackFiles, PackStatus};
use mastery_types::PersonId;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;

/// Stores a pack version and its files if it is new. Returns `true` if it
/// was inserted, `false` if the identical version was already there (a
/// version stored before schema 2 gets its files added then).
pub fn store_version(
    conn: &Connection,
    pack: &Pack,
    files: &PackFiles,
    published_by: Option<&PersonId>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let existing: Option<String> = conn
        .query_row(
            "SELECT content_hash FROM pack_versions WHERE pack_id = ?1 AND version = ?2",
            params![pack.id, pack.version],
            |r| r.get(0),
        )
        .optional()?;
    let inserted = match existing {
        Some(hash) if hash == pack.content_hash => false,
        Some(_) => {
            return Err(StoreError::Conflict(format!(
                "pack {} version {} is already stored with different content; published versions never change, so give the new content a new version",
                pack.id, pack.version
            )))
        }
        None => {
            let body =
                serde_json::to_string(pack).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let status = match pack.status {
                PackStatus::Draft => "draft",
                PackStatus::Published => "published",
            };
            conn.execute(
                "INSERT INTO pack_versions (pack_id, version, content_hash, status, body_json, loaded_at, published_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![pack.id, pack.version, pack.content_hash, status, body, now, published_by.map(|p| p.0.to_string())],
            )?;
            true
        }
    };
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO pack_version_files (pack_id, version, path, bytes) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (path, bytes) in &files.0 {
        insert.execute(params![pack.id, pack.version, path, bytes])?;
    }
    Ok(inserted)
}

/// One stored version, as the designer's version history lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionRow {
    pub version: String,
    pub status: String,
    pub content_hash: String,
    pub stored_at: DateTime<Utc>,
    /// Display name of who published it; `None` for versions loaded from disk.
    pub published_by: Option<String>,
    /// The manifest's change notes, as JSON `{"en": …, "fr": …}`.
    pub change_notes_json: String,
}

/// Every stored version of a pack, newest (by semantic version) first.
pub fn versions(conn: &Connection, pack_id: &str) -> Result<Vec<VersionRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.version, v.status, v.content_hash, v.loaded_at, p.display_name,
                COALESCE(json_extract(v.body_json, '$.change_notes'), '{}')
         FROM pack_versions v LEFT JOIN persons p ON p.id = v.published_by
         WHERE v.pack_id = ?1",
    )?;
    let mut rows = stmt
        .query_map([pack_id], |r| {
            Ok(VersionRow {
                version: r.get(0)?,
                status: r.get(1)?,
                content_hash: r.get(2)?,
                stored_at: r.get(3)?,
                published_by: r.get(4)?,
                change_notes_json: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.sort_by(|a, b| {
        let key = |v: &str| semver::Version::parse(v).ok();
        key(&b.version).cmp(&key(&a.version))
    });
    Ok(rows)
}

/// One stored version, parsed.
pub fn version(conn: &Connection, pack_id: &str, version: &str) -> Result<Option<Pack>> {
    let body: Option<String> = conn
        .query_row(
            "SELECT body_json FROM pack_versions WHERE pack_id = ?1 AND version = ?2",
            params![pack_id, version],
            |r| r.get(0),
        )
        .optional()?;
    body.map(|b| {
        serde_json::from_str(&b).map_err(|e| StoreError::Corrupt(format!("pack {pack_id}: {e}")))
    })
    .transpose()
}

/// The content hash of a stored version.
pub fn content_hash(conn: &Connection, pack_id: &str, version: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT content_hash FROM pack_versions WHERE pack_id = ?1 AND version = ?2",
        )?
        .query_row(params![pack_id, version], |r| r.get(0))
        .optional()?)
}

/// The files of a stored version (empty if it has none on record).
pub fn version_files(conn: &Connection, pack_id: &str, version: &str) -> Result<PackFiles> {
    files_of(
        conn,
        "SELECT path, bytes FROM pack_version_files WHERE pack_id = ?1 AND version = ?2",
        params![pack_id, version],
    )
}

fn files_of(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<PackFiles> {
    let mut stmt = conn.prepare_cached(sql)?;
    let files = stmt
        .query_map(args, |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
        })?
        .collect::<rusqlite::Result<BTreeMap<_, _>>>()?;
    Ok(PackFiles(files))
}

/// A designer's working copy.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub base_version: String,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    pub files: PackFiles,
}

pub fn draft(conn: &Connection, pack_id: &str) -> Result<Option<Draft>> {
    let head: Option<(String, DateTime<Utc>, String)> = conn
        .query_row(
            "SELECT d.base_version, d.updated_at, p.display_name
             FROM pack_drafts d JOIN persons p ON p.id = d.updated_by WHERE d.pack_id = ?1",
            [pack_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((base_version, updated_at, updated_by)) = head else {
        return Ok(None);
    };
    let files = files_of(
        conn,
        "SELECT path, bytes FROM pack_draft_files WHERE pack_id = ?1",
        [pack_id],
    )?;
    Ok(Some(Draft {
        base_version,
        updated_at,
        updated_by,
        files,
    }))
}

/// Replaces the pack's draft (if any) with `files`.
pub fn put_draft(
    conn: &Connection,
    pack_id: &str,
    base_version: &str,
    files: &PackFiles,
    by: &PersonId,
    now: DateTime<Utc>,
) -> Result<()> {
    delete_draft(conn, pack_id)?;
    conn.execute(
        "INSERT INTO pack_drafts (pack_id, base_version, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)",
        params![pack_id, base_version, now, by.0.to_string()],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO pack_draft_files (pack_id, path, bytes) VALUES (?1, ?2, ?3)",
    )?;
    for (path, bytes) in &files.0 {
        insert.execute(params![pack_id, path, bytes])?;
    }
    Ok(())
}

/// Writes one file of an existing draft.
pub fn put_draft_file(
    conn: &Connection,
    pack_id: &str,
    path: &str,
    bytes: &[u8],
    by: &PersonId,
    now: DateTime<Utc>,
) -> Result<()> {
    let n = conn.execute(
        "UPDATE pack_drafts SET updated_at = ?2, updated_by = ?3 WHERE pack_id = ?1",
        params![pack_id, now, by.0.to_string()],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound(format!("pack {pack_id} has no draft")));
    }
    conn.execute(
        "INSERT INTO pack_draft_files (pack_id, path, bytes) VALUES (?1, ?2, ?3)
         ON CONFLICT (pack_id, path) DO UPDATE SET bytes = excluded.bytes",
        params![pack_id, path, bytes],
    )?;
    Ok(())
}

pub fn delete_draft(conn: &Connection, pack_id: &str) -> Result<()> {
    conn.execute("DELETE FROM pack_drafts WHERE pack_id = ?1", [pack_id])?;
    Ok(())
}

/// The highest published version number of a pack (by semantic version),
/// without reading its body.
pub fn latest_published_version(conn: &Connection, pack_id: &str) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT version FROM pack_versions WHERE pack_id = ?1 AND status = 'published'",
    )?;
    let rows = stmt
        .query_map([pack_id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let parsed = rows
        .into_iter()
        .map(|v| {
            semver::Version::parse(&v)
                .map(|sv| (sv, v.clone()))
                .map_err(|e| {
                    StoreError::Corrupt(format!("pack {pack_id} has a stored version {v:?}: {e}"))
                })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(parsed
        .into_iter()
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, v)| v))
}

/// The highest published version of a pack (by semantic version).
pub fn latest_published(conn: &Connection, pack_id: &str) -> Result<Option<Pack>> {
    match latest_published_version(conn, pack_id)? {
        Some(v) => version(conn, pack_id, &v),
        None => Ok(None),
    }
}

/// Ids of every pack that has a published version.
pub fn pack_ids(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT pack_id FROM pack_versions WHERE status = 'published' ORDER BY pack_id",
    )?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}
