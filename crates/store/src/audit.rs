//! The hash-chained audit log. Each row's hash is the SHA-256 of the
//! previous row's hash and the row's own fields, so a row altered or
//! removed directly in the SQLite file breaks the chain from that row on;
//! [`verify`] names the first broken link.
//!
//! What a chain cannot show by itself is rows cut off its end: the head
//! hash that [`verify`] reports is meant to be noted elsewhere (a report,
//! an outbox to HR) and compared later.

use crate::Result;
use chrono::{DateTime, Utc};
use mastery_domain::integrity::RoleAudit;
use mastery_types::{BrokenLink, PersonId, Role};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What one row says (everything its hash covers but the previous hash).
pub struct Entry<'a> {
    pub id: &'a str,
    pub at: DateTime<Utc>,
    pub actor: Option<PersonId>,
    pub action: &'a str,
    pub subject: &'a str,
    pub details_json: &'a str,
}

fn field(h: &mut Sha256, s: &str) {
    // Length-prefixed, so no two different rows hash the same bytes.
    h.update((s.len() as u64).to_be_bytes());
    h.update(s.as_bytes());
}

/// SHA-256 over the row number and the fields in order (`[prev, id, at,
/// actor, action, subject, details]`).
fn hash_of(seq: i64, fields: [&str; 7]) -> String {
    let mut h = Sha256::new();
    h.update(seq.to_be_bytes());
    for f in fields {
        field(&mut h, f);
    }
    hex::encode(h.finalize())
}

fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// Appends a row, in the caller's transaction (so it is written together
/// with the fact it records, or not at all).
pub fn append(conn: &Connection, e: &Entry<'_>) -> Result<()> {
    let last: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_owned()),
    };
    let at = time(e.at);
    let actor = e.actor.map(|p| p.0.to_string()).unwrap_or_default();
    let hash = hash_of(
        seq,
        [
            &prev,
            e.id,
            &at,
            &actor,
            e.action,
            e.subject,
            e.details_json,
        ],
    );
    conn.execute(
        "INSERT INTO audit_log (seq, id, at, actor_id, action, subject, details_json, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            seq,
            e.id,
            at,
            e.actor.map(|p| p.0.to_string()),
            e.action,
            e.subject,
            e.details_json,
            prev,
            hash
        ],
    )?;
    Ok(())
}

/// Walks the chain from the first row: `(rows, first broken link, head hash)`.
pub fn verify(conn: &Connection) -> Result<(u64, Option<BrokenLink>, Option<String>)> {
    let walk = verify_from(conn, 0, GENESIS)?;
    Ok((
        walk.rows,
        walk.broken,
        (walk.last_seq > 0).then_some(walk.last_hash),
    ))
}

/// Where a walk of the chain stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    /// Rows read in this walk.
    pub rows: u64,
    /// The last row found intact (0: none) and its hash.
    pub last_seq: i64,
    pub last_hash: String,
    /// The first broken link, where the walk stopped.
    pub broken: Option<BrokenLink>,
}

/// Walks the chain from the row after `after_seq`, whose hash must be
/// `prev` (`0` and [`GENESIS`] for the whole chain): lets a process verify
/// once and then only the rows appended since.
pub fn verify_from(conn: &Connection, after_seq: i64, prev: &str) -> Result<Walk> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, id, at, COALESCE(actor_id, ''), action, subject, details_json, prev_hash, hash
         FROM audit_log WHERE seq > ?1 ORDER BY seq",
    )?;
    let mut rows = stmt.query([after_seq])?;
    let mut walk = Walk {
        rows: 0,
        last_seq: after_seq,
        last_hash: prev.to_owned(),
        broken: None,
    };
    while let Some(r) = rows.next()? {
        walk.rows += 1;
        let seq: i64 = r.get(0)?;
        let id: String = r.get(1)?;
        let at: String = r.get(2)?;
        let actor: String = r.get(3)?;
        let action: String = r.get(4)?;
        let subject: String = r.get(5)?;
        let details: String = r.get(6)?;
        let prev_hash: String = r.get(7)?;
        let hash: String = r.get(8)?;
        let expected_seq = walk.last_seq + 1;
        let problem = if seq != expected_seq {
            Some(format!(
                "row {expected_seq} is missing: the chain jumps from row {} to row {seq}",
                walk.last_seq
            ))
        } else if prev_hash != walk.last_hash {
            Some(format!(
                "its link to row {} does not match: a row before it was altered or removed",
                seq - 1
            ))
        } else if hash_of(
            seq,
            [&prev_hash, &id, &at, &actor, &action, &subject, &details],
        ) != hash
        {
            Some("its content does not match its hash: the row was altered".to_owned())
        } else {
            None
        };
        if let Some(problem) = problem {
            walk.broken = Some(BrokenLink { seq, id, problem });
            return Ok(walk);
        }
        walk.last_seq = seq;
        walk.last_hash = hash;
    }
    Ok(walk)
}

/// The latest audit row granting a person's roles (the whole set).
pub fn role_audit(conn: &Connection, person: PersonId) -> Result<Option<RoleAudit>> {
    let row: Option<(i64, String)> = conn
        .prepare_cached(
            "SELECT seq, details_json FROM audit_log
             WHERE action IN ('roles.granted', 'roles.adopted')
               AND json_extract(details_json, '$.person') = ?1
             ORDER BY seq DESC LIMIT 1",
        )?
        .query_row([person.0.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.and_then(|(seq, details)| role_audit_of(seq, &details)))
}

/// The latest roles audit row of everyone, for the audit check.
pub fn all_role_audits(conn: &Connection) -> Result<Vec<(PersonId, RoleAudit)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT json_extract(details_json, '$.person'), MAX(seq), details_json FROM audit_log
         WHERE action IN ('roles.granted', 'roles.adopted')
         GROUP BY json_extract(details_json, '$.person')",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(person, seq, details)| {
            let person = uuid::Uuid::parse_str(person.as_deref()?).ok()?;
            Some((PersonId(person), role_audit_of(seq, &details)?))
        })
        .collect())
}

/// What a roles row grants. A row altered so that it no longer reads as a
/// grant vouches for nothing — deliberately not an error: the chain check
/// reports the alteration itself, and refusing every role because of it
/// would lock everyone out, administrators included.
fn role_audit_of(seq: i64, details: &str) -> Option<RoleAudit> {
    #[derive(serde::Deserialize)]
    struct Details {
        roles: Vec<String>,
    }
    let d: Details = serde_json::from_str(details).ok()?;
    let roles = d
        .roles
        .iter()
        .map(|n| Role::parse(n))
        .collect::<Option<Vec<Role>>>()?;
    Some(RoleAudit { seq, roles })
}

/// Requests whose revocation the chain records, for the audit check to
/// compare with the revocation rows.
pub fn revoked_requests(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT json_extract(details_json, '$.request') FROM audit_log
         WHERE action = 'certification.revoked'",
    )?;
    let rows = stmt
        .query_map([], |r| r.get::<_, Option<String>>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().flatten().collect())
}

/// One row as the viewer shows it.
pub struct Row {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub details_json: String,
}

/// The latest `limit` rows, newest first, with the actor's name.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.seq, a.at, COALESCE(p.display_name, ''), a.action, a.subject, a.details_json
         FROM audit_log a LEFT JOIN persons p ON p.id = a.actor_id
         ORDER BY a.seq DESC LIMIT ?1",
    )?;
    let rows = stmt
        .query_map([limit], |r| {
            let at: String = r.get(1)?;
            Ok(Row {
                seq: r.get(0)?,
                at: DateTime::parse_from_rfc3339(&at)
                    .map(|t| t.with_timezone(&Utc))
                    .unwrap_or_default(),
                actor: r.get(2)?,
                action: r.get(3)?,
                subject: r.get(4)?,
                details_json: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
