//! Coaching sessions and the learner's response to each (append-only), read
//! back as [`CoachingSession`] facts.

use crate::{json_col, time_col, Result};
use chrono::{DateTime, NaiveDate, Utc};
use mastery_domain::facts::{CoachingResponse, CoachingSession};
use mastery_types::{
    CoachingResponseKind, CoachingSetting, CourseId, EmployeeNumber, Observation, PersonId,
};
use rusqlite::{params, Connection};

pub struct NewSession<'a> {
    pub id: &'a str,
    pub coach: PersonId,
    pub learner: PersonId,
    pub course: &'a CourseId,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub held_on: NaiveDate,
    pub duration_minutes: u16,
    pub setting: CoachingSetting,
    pub observations: &'a [Observation],
    pub next_steps: &'a str,
    pub recorded_at: DateTime<Utc>,
}

pub fn insert(conn: &Connection, s: &NewSession<'_>) -> Result<()> {
    let ratings = serde_json::to_string(s.observations)
        .map_err(|e| crate::StoreError::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO coaching_sessions (id, coach_id, learner_id, course_id, pack_id, pack_version, held_on,
            duration_minutes, setting, ratings_json, next_steps, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            s.id,
            s.coach,
            s.learner,
            s.course,
            s.pack_id,
            s.pack_version,
            s.held_on,
            s.duration_minutes,
            s.setting,
            ratings,
            s.next_steps,
            s.recorded_at
        ],
    )?;
    Ok(())
}

/// A stored session with the names of its coach and learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    pub session: CoachingSession,
    pub coach_name: String,
    pub learner_name: String,
}

const SELECT: &str =
    "SELECT s.id, s.coach_id, c.display_name, s.learner_id, l.display_name, s.course_id,
        s.held_on, s.duration_minutes, s.setting, s.ratings_json, s.next_steps, s.recorded_at,
        r.kind, r.comment, r.at, s.pack_version
 FROM coaching_sessions s
 JOIN persons c ON c.id = s.coach_id
 JOIN persons l ON l.id = s.learner_id
 LEFT JOIN coaching_responses r ON r.session_id = s.id";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SessionRow> {
    let kind: Option<CoachingResponseKind> = r.get(12)?;
    Ok(SessionRow {
        session: CoachingSession {
            id: r.get(0)?,
            coach: r.get(1)?,
            learner: r.get(3)?,
            course: r.get(5)?,
            pack_version: r.get(15)?,
            held_on: r.get(6)?,
            duration_minutes: r.get(7)?,
            setting: r.get(8)?,
            observations: json_col(r, 9)?,
            next_steps: r.get(10)?,
            recorded_at: time_col(r, 11)?,
            response: match kind {
                Some(kind) => Some(CoachingResponse {
                    kind,
                    comment: r.get(13)?,
                    at: time_col(r, 14)?,
                }),
                None => None,
            },
        },
        coach_name: r.get(2)?,
        learner_name: r.get(4)?,
    })
}

fn query(conn: &Connection, filter: &str, arg: &str) -> Result<Vec<SessionRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE {filter} ORDER BY s.held_on DESC, s.recorded_at DESC"
    ))?;
    let rows = stmt
        .query_map([arg], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Every session about a learner, newest first.
pub fn for_learner(conn: &Connection, learner: PersonId) -> Result<Vec<SessionRow>> {
    query(conn, "s.learner_id = ?1", &learner.0.to_string())
}

/// Every session a coach logged, newest first.
pub fn by_coach(conn: &Connection, coach: PersonId) -> Result<Vec<SessionRow>> {
    query(conn, "s.coach_id = ?1", &coach.0.to_string())
}

pub fn session(conn: &Connection, id: &str) -> Result<Option<SessionRow>> {
    Ok(query(conn, "s.id = ?1", id)?.into_iter().next())
}

/// Every session of the organization, for the organization-wide views:
/// without names or free text (next steps, evidence, the learner's comment
/// come back empty: those views show none of it and the rules read none of
/// it), in no particular order (the rules read sessions as a set).
pub fn all(conn: &Connection) -> Result<Vec<CoachingSession>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.coach_id, s.learner_id, s.course_id, s.held_on, s.duration_minutes,
                s.setting, s.ratings_json, '', s.recorded_at, r.kind, '', r.at, s.pack_version
         FROM coaching_sessions s LEFT JOIN coaching_responses r ON r.session_id = s.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let kind: Option<CoachingResponseKind> = r.get(10)?;
            Ok(CoachingSession {
                id: r.get(0)?,
                coach: r.get(1)?,
                learner: r.get(2)?,
                course: r.get(3)?,
                held_on: r.get(4)?,
                duration_minutes: r.get(5)?,
                setting: r.get(6)?,
                observations: json_col::<Vec<Rated>>(r, 7)?
                    .into_iter()
                    .map(|o| Observation {
                        driver: o.driver,
                        rating: o.rating,
                        evidence: String::new(),
                    })
                    .collect(),
                next_steps: r.get(8)?,
                recorded_at: time_col(r, 9)?,
                response: match kind {
                    Some(kind) => Some(CoachingResponse {
                        kind,
                        comment: r.get(11)?,
                        at: time_col(r, 12)?,
                    }),
                    None => None,
                },
                pack_version: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn respond(
    conn: &Connection,
    id: &str,
    session: &str,
    learner: PersonId,
    kind: CoachingResponseKind,
    comment: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO coaching_responses (id, session_id, learner_id, kind, comment, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, session, learner, kind, comment, at],
    )?;
    Ok(())
}

/// Someone who holds the learner role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LearnerRow {
    pub person: PersonId,
    pub name: String,
    pub employee_number: EmployeeNumber,
    pub office: Option<String>,
}

/// People who hold the learner role.
pub fn learners(conn: &Connection) -> Result<Vec<LearnerRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.display_name, p.employee_number, o.name
         FROM persons p JOIN role_grants g ON g.person_id = p.id AND g.role = 'learner'
         LEFT JOIN org_units o ON o.id = p.org_unit_id
         WHERE p.active = 1
         ORDER BY p.display_name COLLATE NOCASE",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(LearnerRow {
                person: r.get(0)?,
                name: r.get(1)?,
                employee_number: r.get(2)?,
                office: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// An observation without its evidence text, which serde skips unread.
#[derive(serde::Deserialize)]
struct Rated {
    driver: mastery_types::Driver,
    rating: u8,
}
