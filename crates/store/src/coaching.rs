//! Coaching sessions and the learner's response to each (append-only).

use crate::Result;
use chrono::{DateTime, NaiveDate, Utc};
use mastery_types::{CourseId, PersonId};
use rusqlite::{params, Connection};

pub struct NewSession<'a> {
    pub id: String,
    pub coach: PersonId,
    pub learner: PersonId,
    pub course: &'a CourseId,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub held_on: NaiveDate,
    pub duration_minutes: u16,
    pub setting: &'a str,
    pub ratings_json: &'a str,
    pub next_steps: &'a str,
    pub recorded_at: DateTime<Utc>,
}

pub fn insert(conn: &Connection, s: &NewSession<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO coaching_sessions (id, coach_id, learner_id, course_id, pack_id, pack_version, held_on,
            duration_minutes, setting, ratings_json, next_steps, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            s.id,
            s.coach.0.to_string(),
            s.learner.0.to_string(),
            s.course.as_str(),
            s.pack_id,
            s.pack_version,
            s.held_on.to_string(),
            s.duration_minutes,
            s.setting,
            s.ratings_json,
            s.next_steps,
            s.recorded_at
        ],
    )?;
    Ok(())
}

/// A stored session with its coach's name and the learner's response.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub id: String,
    pub coach_id: String,
    pub coach_name: String,
    pub learner_id: String,
    pub learner_name: String,
    pub course: CourseId,
    pub held_on: String,
    pub duration_minutes: u16,
    pub setting: String,
    pub ratings_json: String,
    pub next_steps: String,
    pub recorded_at: DateTime<Utc>,
    /// `(kind, comment, at)`.
    pub response: Option<(String, String, DateTime<Utc>)>,
}

const SELECT: &str =
    "SELECT s.id, s.coach_id, c.display_name, s.learner_id, l.display_name, s.course_id,
        s.held_on, s.duration_minutes, s.setting, s.ratings_json, s.next_steps, s.recorded_at,
        r.kind, r.comment, r.at
 FROM coaching_sessions s
 JOIN persons c ON c.id = s.coach_id
 JOIN persons l ON l.id = s.learner_id
 LEFT JOIN coaching_responses r ON r.session_id = s.id";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Session> {
    let kind: Option<String> = r.get(12)?;
    Ok(Session {
        id: r.get(0)?,
        coach_id: r.get(1)?,
        coach_name: r.get(2)?,
        learner_id: r.get(3)?,
        learner_name: r.get(4)?,
        course: CourseId(r.get(5)?),
        held_on: r.get(6)?,
        duration_minutes: r.get(7)?,
        setting: r.get(8)?,
        ratings_json: r.get(9)?,
        next_steps: r.get(10)?,
        recorded_at: r.get(11)?,
        response: match kind {
            Some(k) => Some((k, r.get(13)?, r.get(14)?)),
            None => None,
        },
    })
}

fn query(conn: &Connection, filter: &str, arg: &str) -> Result<Vec<Session>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE {filter} ORDER BY s.held_on DESC, s.recorded_at DESC"
    ))?;
    let rows = stmt
        .query_map([arg], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Every session about a learner, newest first.
pub fn for_learner(conn: &Connection, learner: PersonId) -> Result<Vec<Session>> {
    query(conn, "s.learner_id = ?1", &learner.0.to_string())
}

/// Every session a coach logged, newest first.
pub fn by_coach(conn: &Connection, coach: PersonId) -> Result<Vec<Session>> {
    query(conn, "s.coach_id = ?1", &coach.0.to_string())
}

pub fn session(conn: &Connection, id: &str) -> Result<Option<Session>> {
    Ok(query(conn, "s.id = ?1", id)?.into_iter().next())
}

pub fn respond(
    conn: &Connection,
    id: &str,
    session: &str,
    learner: PersonId,
    kind: &str,
    comment: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO coaching_responses (id, session_id, learner_id, kind, comment, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, session, learner.0.to_string(), kind, comment, at],
    )?;
    Ok(())
}

/// Someone who holds the learner role: (id, name, employee number, office).
pub type LearnerRow = (String, String, String, Option<String>);

/// People who hold the learner role.
pub fn learners(conn: &Connection) -> Result<Vec<LearnerRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.display_name, p.employee_number, o.name
         FROM persons p JOIN role_grants g ON g.person_id = p.id AND g.role = 'learner'
         LEFT JOIN org_units o ON o.id = p.org_unit_id
         ORDER BY p.display_name COLLATE NOCASE",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
