//! What the scope rule reads: where people sit (office, manager) and the
//! coach pairings managers make (append-only: a pairing, and its early end).

use crate::people::uuid_col;
use crate::Result;
use chrono::{DateTime, NaiveDate, Utc};
use mastery_domain::scope::{Pairing, Placement};
use mastery_types::PersonId;
use rusqlite::{params, Connection, OptionalExtension};

/// Where a person sits, with their name for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub placement: Placement,
    pub name: String,
}

fn placed(r: &rusqlite::Row<'_>) -> rusqlite::Result<Placed> {
    let manager: Option<String> = r.get(2)?;
    Ok(Placed {
        placement: Placement {
            person: PersonId(uuid_col(r, 0)?),
            office: r.get(1)?,
            manager: manager
                .map(|m| uuid::Uuid::parse_str(&m).map(PersonId))
                .transpose()
                .map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        2,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })?,
        },
        name: r.get(3)?,
    })
}

pub fn placement(conn: &Connection, person: PersonId) -> Result<Option<Placed>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, org_unit_id, manager_id, display_name FROM persons WHERE id = ?1",
        )?
        .query_row([person.0.to_string()], placed)
        .optional()?)
}

/// Everyone active, where they sit (for the organization's figures).
pub fn all_placements(conn: &Connection) -> Result<Vec<Placed>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, org_unit_id, manager_id, display_name FROM persons WHERE active = 1",
    )?;
    let rows = stmt
        .query_map([], placed)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Learners a coach might act on: the people with the learner role in
/// the coach's office, their reports, and those paired with them. A
/// superset: `mastery_domain::scope::coach_basis` decides each one.
pub fn learner_candidates(conn: &Connection, coach: PersonId) -> Result<Vec<Placed>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.org_unit_id, p.manager_id, p.display_name FROM persons p
         JOIN role_grants g ON g.person_id = p.id AND g.role = 'learner'
         WHERE p.id <> ?1 AND p.active = 1 AND (
               p.org_unit_id = (SELECT org_unit_id FROM persons WHERE id = ?1)
            OR p.manager_id = ?1
            OR p.id IN (SELECT learner_id FROM coach_pairings WHERE coach_id = ?1))
         ORDER BY p.display_name COLLATE NOCASE",
    )?;
    let rows = stmt
        .query_map([coach.0.to_string()], placed)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A pairing with its names, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairingRow {
    pub id: String,
    pub pairing: Pairing,
    pub coach_name: String,
    pub learner_name: String,
    pub paired_by: PersonId,
    /// Set when it was ended early (the day it ended is then `ends_on`).
    pub ended_early: bool,
}

const PAIRINGS: &str = "SELECT c.id, c.coach_id, c.learner_id, c.starts_on,
        COALESCE(e.ended_on, c.ends_on), cp.display_name, lp.display_name, c.paired_by,
        e.pairing_id IS NOT NULL
 FROM coach_pairings c
 JOIN persons cp ON cp.id = c.coach_id
 JOIN persons lp ON lp.id = c.learner_id
 LEFT JOIN coach_pairing_ends e ON e.pairing_id = c.id";

fn pairing_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PairingRow> {
    Ok(PairingRow {
        id: r.get(0)?,
        pairing: Pairing {
            coach: PersonId(uuid_col(r, 1)?),
            learner: PersonId(uuid_col(r, 2)?),
            starts_on: r.get(3)?,
            ends_on: r.get(4)?,
        },
        coach_name: r.get(5)?,
        learner_name: r.get(6)?,
        paired_by: PersonId(uuid_col(r, 7)?),
        ended_early: r.get(8)?,
    })
}

fn pairings_where(conn: &Connection, filter: &str, person: PersonId) -> Result<Vec<PairingRow>> {
    let mut stmt = conn.prepare_cached(&format!("{PAIRINGS} WHERE {filter} ORDER BY c.at"))?;
    let rows = stmt
        .query_map([person.0.to_string()], pairing_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Pairings of one coach (every learner), ended ones included.
pub fn of_coach(conn: &Connection, coach: PersonId) -> Result<Vec<PairingRow>> {
    pairings_where(conn, "c.coach_id = ?1", coach)
}

/// Pairings of a manager's staff (whoever made them), ended ones included.
pub fn of_staff_of(conn: &Connection, manager: PersonId) -> Result<Vec<PairingRow>> {
    pairings_where(
        conn,
        "c.learner_id IN (SELECT id FROM persons WHERE manager_id = ?1)",
        manager,
    )
}

pub fn pairing(conn: &Connection, id: &str) -> Result<Option<PairingRow>> {
    Ok(conn
        .prepare_cached(&format!("{PAIRINGS} WHERE c.id = ?1"))?
        .query_row([id], pairing_row)
        .optional()?)
}

pub struct NewPairing<'a> {
    pub id: &'a str,
    pub coach: PersonId,
    pub learner: PersonId,
    pub paired_by: PersonId,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub at: DateTime<Utc>,
}

pub fn insert_pairing(conn: &Connection, p: &NewPairing<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO coach_pairings (id, coach_id, learner_id, paired_by, starts_on, ends_on, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            p.id,
            p.coach.0.to_string(),
            p.learner.0.to_string(),
            p.paired_by.0.to_string(),
            p.starts_on,
            p.ends_on,
            p.at
        ],
    )?;
    Ok(())
}

pub fn end_pairing(
    conn: &Connection,
    id: &str,
    by: PersonId,
    ended_on: NaiveDate,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO coach_pairing_ends (pairing_id, ended_by, ended_on, at) VALUES (?1, ?2, ?3, ?4)",
        params![id, by.0.to_string(), ended_on, at],
    )?;
    Ok(())
}

/// People who hold the coach role (or manager: managers coach too), to
/// pair with: (id, name, office name).
pub fn coaches(conn: &Connection) -> Result<Vec<(PersonId, String, Option<String>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT p.id, p.display_name, o.name FROM persons p
         JOIN role_grants g ON g.person_id = p.id AND g.role IN ('coach', 'manager')
         LEFT JOIN org_units o ON o.id = p.org_unit_id
         WHERE p.active = 1
         ORDER BY p.display_name COLLATE NOCASE",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((PersonId(uuid_col(r, 0)?), r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
