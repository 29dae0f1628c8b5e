//! The link with HR: people as rosters see them, imports, activation codes,
//! and the outbox of status messages with their delivery state.

use crate::Result;
use chrono::{DateTime, Utc};
use mastery_types::{ImportSummary, PersonId, RosterSource, Track};
use rusqlite::{params, Connection, OptionalExtension};

pub const MODE: &str = "hr.mode";
pub const BASE_URL: &str = "hr.base_url";
pub const INTERVAL: &str = "hr.interval_minutes";
/// Read only by the SCIM connector; no command returns it.
pub const TOKEN: &str = "hr.token";

/// A person as a roster import compares them.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterPerson {
    pub id: PersonId,
    pub number: String,
    pub name: String,
    pub office: Option<String>,
    /// The manager's number: known here, or waiting to be resolved.
    pub manager: Option<String>,
    pub active: bool,
    pub from_hr: bool,
    pub language: String,
    pub track: Option<Track>,
    pub program_manager: bool,
    pub hr_id: Option<String>,
}

/// Everyone, for a roster import (one query).
pub fn roster(conn: &Connection) -> Result<Vec<RosterPerson>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.employee_number, p.display_name, p.org_unit_id,
                COALESCE(m.employee_number, p.manager_number), p.active, p.from_hr,
                p.language, p.home_track, p.entry_level_program_manager, p.hr_id
         FROM persons p LEFT JOIN persons m ON m.id = p.manager_id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(RosterPerson {
                id: r.get(0)?,
                number: r.get(1)?,
                name: r.get(2)?,
                office: r.get(3)?,
                manager: r.get(4)?,
                active: r.get(5)?,
                from_hr: r.get(6)?,
                language: r.get(7)?,
                track: r.get(8)?,
                program_manager: r.get(9)?,
                hr_id: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A person as an import writes them. The manager is set afterwards by
/// [`resolve_managers`], by number, once everyone is in.
pub struct HrPerson<'a> {
    pub id: PersonId,
    pub number: &'a str,
    pub name: &'a str,
    /// `None`: keep (for an update) or none (for a new person).
    pub office: Option<&'a str>,
    pub manager: Option<&'a str>,
    pub language: &'a str,
    pub track: Option<Track>,
    pub program_manager: bool,
    pub hr_id: Option<&'a str>,
}

pub fn insert_person(conn: &Connection, p: &HrPerson<'_>, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO persons (id, employee_number, display_name, org_unit_id, manager_id,
             manager_number, home_track, language, entry_level_program_manager, active, from_hr,
             hr_id, updated_at)
         VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?8, 1, 1, ?9, ?10)",
    )?
    .execute(params![
        p.id,
        p.number,
        p.name,
        p.office,
        p.manager,
        p.track,
        p.language,
        p.program_manager,
        p.hr_id,
        now
    ])?;
    Ok(())
}

/// Writes what HR says of an existing person, and reactivates them.
pub fn update_person(conn: &Connection, p: &HrPerson<'_>, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "UPDATE persons SET display_name = ?2, org_unit_id = COALESCE(?3, org_unit_id),
             manager_id = NULL, manager_number = ?4, home_track = ?5, language = ?6,
             entry_level_program_manager = ?7, active = 1, from_hr = 1,
             hr_id = COALESCE(?8, hr_id), updated_at = ?9
         WHERE id = ?1",
    )?
    .execute(params![
        p.id,
        p.name,
        p.office,
        p.manager,
        p.track,
        p.language,
        p.program_manager,
        p.hr_id,
        now
    ])?;
    Ok(())
}

pub fn set_hr_id(conn: &Connection, person: PersonId, hr_id: &str) -> Result<()> {
    conn.prepare_cached("UPDATE persons SET hr_id = ?2 WHERE id = ?1")?
        .execute(params![person, hr_id])?;
    Ok(())
}

/// Turns every manager named by number into a link, where that person is
/// known; the others stay "manager unresolved". Returns how many remain.
pub fn resolve_managers(conn: &Connection) -> Result<u64> {
    conn.execute(
        "UPDATE persons SET
             manager_id = (SELECT m.id FROM persons m WHERE m.employee_number = persons.manager_number),
             manager_number = NULL
         WHERE manager_number IS NOT NULL
           AND EXISTS (SELECT 1 FROM persons m WHERE m.employee_number = persons.manager_number)",
        [],
    )?;
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM persons WHERE manager_number IS NOT NULL AND active = 1",
        [],
        |r| r.get(0),
    )?)
}

/// Deactivates a person (who left): their sessions end at once. Nothing
/// of theirs is deleted.
pub fn deactivate(conn: &Connection, person: PersonId, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached("UPDATE persons SET active = 0, updated_at = ?2 WHERE id = ?1")?
        .execute(params![person, now])?;
    conn.prepare_cached(
        "UPDATE sessions SET ended_at = ?2 WHERE person_id = ?1 AND ended_at IS NULL",
    )?
    .execute(params![person, now])?;
    Ok(())
}

pub fn is_active(conn: &Connection, person: PersonId) -> Result<bool> {
    Ok(conn
        .query_row("SELECT active FROM persons WHERE id = ?1", [person], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(false))
}

pub fn insert_import(
    conn: &Connection,
    id: &str,
    by: Option<PersonId>,
    s: &ImportSummary,
) -> Result<()> {
    conn.execute(
        "INSERT INTO hr_imports (id, source, imported_by, imported_at, added, changed, deactivated,
             reactivated, refused, unresolved)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            s.source.as_str(),
            by,
            s.at,
            s.added,
            s.changed,
            s.deactivated,
            s.reactivated,
            s.refused,
            s.unresolved
        ],
    )?;
    Ok(())
}

pub fn last_import(conn: &Connection) -> Result<Option<ImportSummary>> {
    Ok(conn
        .query_row(
            "SELECT source, imported_at, added, changed, deactivated, reactivated, refused, unresolved
             FROM hr_imports ORDER BY imported_at DESC, id DESC LIMIT 1",
            [],
            |r| {
                let source: String = r.get(0)?;
                Ok(ImportSummary {
                    source: if source == "scim" {
                        RosterSource::Scim
                    } else {
                        RosterSource::Csv
                    },
                    at: r.get(1)?,
                    added: r.get(2)?,
                    changed: r.get(3)?,
                    deactivated: r.get(4)?,
                    reactivated: r.get(5)?,
                    refused: r.get(6)?,
                    unresolved: r.get(7)?,
                })
            },
        )
        .optional()?)
}

// ── Activation codes ─────────────────────────────────────────────────────

/// An active person with no account and no unexpired, unused code.
#[derive(Clone, Debug, PartialEq)]
pub struct Newcomer {
    pub id: PersonId,
    pub number: String,
    pub name: String,
    pub office: Option<String>,
}

pub fn newcomers(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Newcomer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.employee_number, p.display_name, o.name FROM persons p
         LEFT JOIN org_units o ON o.id = p.org_unit_id
         WHERE p.active = 1
           AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM activation_codes c WHERE c.person_id = p.id
                           AND c.used_at IS NULL AND c.expires_at > ?1)
         ORDER BY o.name, p.display_name COLLATE NOCASE",
    )?;
    let rows = stmt
        .query_map([now], |r| {
            Ok(Newcomer {
                id: r.get(0)?,
                number: r.get(1)?,
                name: r.get(2)?,
                office: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Gives a person a new code (replacing an older one).
pub fn set_code(
    conn: &Connection,
    person: PersonId,
    code_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO activation_codes (person_id, code_hash, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(person_id) DO UPDATE SET code_hash = excluded.code_hash,
             created_at = excluded.created_at, expires_at = excluded.expires_at, used_at = NULL",
    )?
    .execute(params![person, code_hash, now, expires_at])?;
    Ok(())
}

/// The person a valid code belongs to, if the employee number matches.
pub fn code_holder(
    conn: &Connection,
    number: &str,
    code_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<PersonId>> {
    Ok(conn
        .query_row(
            "SELECT p.id FROM activation_codes c JOIN persons p ON p.id = c.person_id
             WHERE c.code_hash = ?1 AND p.employee_number = ?2 AND c.used_at IS NULL
               AND c.expires_at > ?3 AND p.active = 1",
            params![code_hash, number, now],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn use_code(conn: &Connection, person: PersonId, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE activation_codes SET used_at = ?2 WHERE person_id = ?1",
        params![person, now],
    )?;
    Ok(())
}

/// Active people with neither an account nor a valid code.
pub fn count_newcomers(conn: &Connection, now: DateTime<Utc>) -> Result<u64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM persons p WHERE p.active = 1
           AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM activation_codes c WHERE c.person_id = p.id
                           AND c.used_at IS NULL AND c.expires_at > ?1)",
        [now],
        |r| r.get(0),
    )?)
}

// ── Outbox ───────────────────────────────────────────────────────────────

/// A message of the outbox.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub id: String,
    pub person_id: PersonId,
    pub sequence: u64,
    pub payload_json: String,
}

/// The latest message for a person, whatever its delivery state.
pub fn last_message(conn: &Connection, person: PersonId) -> Result<Option<Message>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, person_id, sequence, payload_json FROM hr_outbox
             WHERE person_id = ?1 ORDER BY sequence DESC LIMIT 1",
        )?
        .query_row([person], message)
        .optional()?)
}

/// The latest message of every person who has one (for the expiry sweep).
pub fn last_messages(conn: &Connection) -> Result<Vec<Message>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.person_id, o.sequence, o.payload_json FROM hr_outbox o
         WHERE o.sequence = (SELECT MAX(sequence) FROM hr_outbox x WHERE x.person_id = o.person_id)",
    )?;
    let rows = stmt
        .query_map([], message)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn message_at(conn: &Connection, person: PersonId, sequence: u64) -> Result<Option<Message>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, person_id, sequence, payload_json FROM hr_outbox
             WHERE person_id = ?1 AND sequence = ?2",
        )?
        .query_row(params![person, sequence], message)
        .optional()?)
}

fn message(r: &rusqlite::Row<'_>) -> rusqlite::Result<Message> {
    Ok(Message {
        id: r.get(0)?,
        person_id: r.get(1)?,
        sequence: r.get(2)?,
        payload_json: r.get(3)?,
    })
}

/// Appends a message, due now; older messages of the person still waiting
/// are superseded (a message is the whole status, so the newest says all).
/// With `overwrite`, an administrator asked for it knowing HR's record
/// may have been edited there (reconciliation).
pub fn enqueue(conn: &Connection, m: &Message, overwrite: bool, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "UPDATE hr_deliveries SET state = 'superseded', updated_at = ?2
         WHERE state IN ('pending', 'parked')
           AND message_id IN (SELECT id FROM hr_outbox WHERE person_id = ?1)",
    )?
    .execute(params![m.person_id, now])?;
    conn.prepare_cached(
        "INSERT INTO hr_outbox (id, person_id, sequence, payload_json, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![m.id, m.person_id, m.sequence, m.payload_json, now])?;
    conn.prepare_cached(
        "INSERT INTO hr_deliveries (message_id, state, next_attempt_at, updated_at, conflict)
         VALUES (?1, 'pending', ?2, ?2, ?3)",
    )?
    .execute(params![m.id, now, overwrite])?;
    Ok(())
}

/// A message due for delivery, with whom it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    pub message: Message,
    pub employee_number: String,
    pub hr_id: Option<String>,
    pub attempts: u32,
    /// An administrator retried it knowing HR's record was edited there:
    /// it may be written over.
    pub overwrite: bool,
}

/// Messages waiting whose time has come, oldest first.
pub fn due(conn: &Connection, now: DateTime<Utc>, limit: u32) -> Result<Vec<Due>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.person_id, o.sequence, o.payload_json, p.employee_number, p.hr_id, d.attempts,
                d.conflict
         FROM hr_deliveries d JOIN hr_outbox o ON o.id = d.message_id
         JOIN persons p ON p.id = o.person_id
         WHERE d.state = 'pending' AND d.next_attempt_at <= ?1
         ORDER BY d.next_attempt_at, o.id LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![now, limit], |r| {
            Ok(Due {
                message: message(r)?,
                employee_number: r.get(4)?,
                hr_id: r.get(5)?,
                attempts: r.get(6)?,
                overwrite: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Where a message's delivery now stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome<'a> {
    Delivered,
    Superseded,
    Retry {
        attempts: u32,
        at: DateTime<Utc>,
        error: &'a str,
    },
    Parked {
        attempts: u32,
        error: &'a str,
        conflict: bool,
    },
}

/// Records an outcome, unless the message is no longer pending (a newer
/// message superseded it meanwhile).
pub fn record(conn: &Connection, id: &str, o: Outcome<'_>, now: DateTime<Utc>) -> Result<()> {
    let (state, attempts, next, error, conflict) = match o {
        Outcome::Delivered => ("delivered", None, now, None, false),
        Outcome::Superseded => ("superseded", None, now, None, false),
        Outcome::Retry {
            attempts,
            at,
            error,
        } => ("pending", Some(attempts), at, Some(error), false),
        Outcome::Parked {
            attempts,
            error,
            conflict,
        } => ("parked", Some(attempts), now, Some(error), conflict),
    };
    conn.prepare_cached(
        "UPDATE hr_deliveries SET state = ?2, attempts = COALESCE(?3, attempts),
             next_attempt_at = ?4, last_error = ?5,
             conflict = CASE WHEN ?2 = 'pending' THEN conflict ELSE ?6 END, updated_at = ?7
         WHERE message_id = ?1 AND state = 'pending'",
    )?
    .execute(params![id, state, attempts, next, error, conflict, now])?;
    Ok(())
}

/// Parked messages (or one person's) go back to waiting, due now.
pub fn retry_parked(conn: &Connection, now: DateTime<Utc>) -> Result<u64> {
    Ok(conn.execute(
        "UPDATE hr_deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?1,
             updated_at = ?1
         WHERE state = 'parked'",
        [now],
    )? as u64)
}

/// Makes every waiting message due now ("send now").
pub fn due_now(conn: &Connection, now: DateTime<Utc>) -> Result<u64> {
    Ok(conn.execute(
        "UPDATE hr_deliveries SET next_attempt_at = ?1 WHERE state = 'pending' AND next_attempt_at > ?1",
        [now],
    )? as u64)
}

/// Counts by state, and when the last delivery happened.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub pending: u64,
    pub delivered: u64,
    pub parked: u64,
    pub last_delivered_at: Option<DateTime<Utc>>,
}

pub fn counts(conn: &Connection) -> Result<Counts> {
    let mut c = Counts::default();
    let mut stmt =
        conn.prepare_cached("SELECT state, COUNT(*) FROM hr_deliveries GROUP BY state")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?)))?;
    for row in rows {
        let (state, n) = row?;
        match state.as_str() {
            "pending" => c.pending = n,
            "delivered" => c.delivered = n,
            "parked" => c.parked = n,
            _ => {}
        }
    }
    c.last_delivered_at = conn.query_row(
        "SELECT MAX(updated_at) FROM hr_deliveries WHERE state = 'delivered'",
        [],
        |r| r.get(0),
    )?;
    Ok(c)
}

/// A message that failed at least once and is not delivered.
#[derive(Clone, Debug, PartialEq)]
pub struct Failing {
    pub id: String,
    pub person_id: PersonId,
    pub employee_number: String,
    pub name: String,
    pub sequence: u64,
    pub attempts: u32,
    pub error: String,
    pub parked: bool,
    pub conflict: bool,
    pub next_attempt_at: DateTime<Utc>,
}

pub fn failing(conn: &Connection, limit: u32) -> Result<Vec<Failing>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.person_id, p.employee_number, p.display_name, o.sequence, d.attempts,
                COALESCE(d.last_error, ''), d.state = 'parked', d.conflict, d.next_attempt_at
         FROM hr_deliveries d JOIN hr_outbox o ON o.id = d.message_id
         JOIN persons p ON p.id = o.person_id
         WHERE d.state = 'parked' OR (d.state = 'pending' AND d.attempts > 0)
         ORDER BY d.state = 'parked' DESC, d.updated_at DESC LIMIT ?1",
    )?;
    let rows = stmt
        .query_map([limit], |r| {
            Ok(Failing {
                id: r.get(0)?,
                person_id: r.get(1)?,
                employee_number: r.get(2)?,
                name: r.get(3)?,
                sequence: r.get(4)?,
                attempts: r.get(5)?,
                error: r.get(6)?,
                parked: r.get(7)?,
                conflict: r.get(8)?,
                next_attempt_at: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// An active person with their HR id.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    pub id: PersonId,
    pub number: String,
    pub name: String,
    pub hr_id: Option<String>,
}

/// Active people with their HR id (for reconciliation and exports).
pub fn people_with_hr_ids(conn: &Connection) -> Result<Vec<Listed>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, employee_number, display_name, hr_id FROM persons WHERE active = 1
         ORDER BY employee_number",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Listed {
                id: r.get(0)?,
                number: r.get(1)?,
                name: r.get(2)?,
                hr_id: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Does anyone active report to this person?
pub fn manages_anyone(conn: &Connection, person: PersonId) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM persons WHERE manager_id = ?1 AND active = 1)",
        [person],
        |r| r.get(0),
    )?)
}
