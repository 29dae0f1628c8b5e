//! A learner's own work: lesson events, knowledge-check attempts with their
//! saved answers and submissions, and self-assessment responses. All
//! append-only (the schema refuses UPDATE and DELETE).

use crate::Result;
use chrono::{DateTime, Utc};
use mastery_types::{CourseId, PersonId};
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

/// Where a fact was made: who, against which pack version, when.
pub struct Stamp<'a> {
    pub id: Uuid,
    pub person: PersonId,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub at: DateTime<Utc>,
}

pub fn lesson_event(
    conn: &Connection,
    s: &Stamp<'_>,
    course: &CourseId,
    lesson: &str,
    kind: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO lesson_events (id, person_id, course_id, lesson_id, pack_id, pack_version, kind, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![s.id.to_string(), s.person.0.to_string(), course.as_str(), lesson, s.pack_id, s.pack_version, kind, s.at],
    )?;
    Ok(())
}

/// Lessons of a course the person has marked done.
pub fn lessons_done(conn: &Connection, person: PersonId, course: &CourseId) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT lesson_id FROM lesson_events
         WHERE person_id = ?1 AND course_id = ?2 AND kind = 'done'",
    )?;
    let ids = stmt
        .query_map(params![person.0.to_string(), course.as_str()], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// Remembers how far down a lesson the person has read (0–1000).
pub fn set_position(
    conn: &Connection,
    person: PersonId,
    lesson: &str,
    permille: u16,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO lesson_positions (person_id, lesson_id, permille, at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (person_id, lesson_id) DO UPDATE SET permille = excluded.permille, at = excluded.at",
        params![person.0.to_string(), lesson, permille, at],
    )?;
    Ok(())
}

/// How far down a lesson the person had read, if they had scrolled.
pub fn position(conn: &Connection, person: PersonId, lesson: &str) -> Result<Option<u16>> {
    Ok(conn
        .query_row(
            "SELECT permille FROM lesson_positions WHERE person_id = ?1 AND lesson_id = ?2",
            params![person.0.to_string(), lesson],
            |r| r.get(0),
        )
        .optional()?)
}

/// The lesson of a course the person opened last.
pub fn last_opened(
    conn: &Connection,
    person: PersonId,
    course: &CourseId,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT lesson_id FROM lesson_events
             WHERE person_id = ?1 AND course_id = ?2 AND kind = 'opened'
             ORDER BY at DESC, id DESC LIMIT 1",
            params![person.0.to_string(), course.as_str()],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn start_attempt(conn: &Connection, s: &Stamp<'_>, course: &CourseId) -> Result<()> {
    conn.execute(
        "INSERT INTO quiz_attempts (id, person_id, course_id, pack_id, pack_version, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            s.id.to_string(),
            s.person.0.to_string(),
            course.as_str(),
            s.pack_id,
            s.pack_version,
            s.at
        ],
    )?;
    Ok(())
}

/// One attempt, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    pub id: String,
    pub person: String,
    pub course: CourseId,
    pub pack_id: String,
    pub pack_version: String,
    pub started_at: DateTime<Utc>,
    /// `(percent, passed, result JSON, at)` once submitted.
    pub submitted: Option<(u8, bool, String, DateTime<Utc>)>,
}

const ATTEMPT_SELECT: &str =
    "SELECT a.id, a.person_id, a.course_id, a.pack_id, a.pack_version, a.started_at,
        s.percent, s.passed, s.result_json, s.at
 FROM quiz_attempts a LEFT JOIN quiz_submissions s ON s.attempt_id = a.id";

fn attempt_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attempt> {
    let percent: Option<i64> = r.get(6)?;
    let submitted = match percent {
        Some(p) => Some((
            u8::try_from(p).unwrap_or(0),
            r.get::<_, i64>(7)? == 1,
            r.get(8)?,
            r.get(9)?,
        )),
        None => None,
    };
    Ok(Attempt {
        id: r.get(0)?,
        person: r.get(1)?,
        course: CourseId(r.get(2)?),
        pack_id: r.get(3)?,
        pack_version: r.get(4)?,
        started_at: r.get(5)?,
        submitted,
    })
}

pub fn attempt(conn: &Connection, id: &str) -> Result<Option<Attempt>> {
    Ok(conn
        .query_row(
            &format!("{ATTEMPT_SELECT} WHERE a.id = ?1"),
            [id],
            attempt_row,
        )
        .optional()?)
}

/// A person's attempts at a course's knowledge check, oldest first.
pub fn attempts(conn: &Connection, person: PersonId, course: &CourseId) -> Result<Vec<Attempt>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ATTEMPT_SELECT} WHERE a.person_id = ?1 AND a.course_id = ?2 ORDER BY a.started_at, a.id"
    ))?;
    let rows = stmt
        .query_map(params![person.0.to_string(), course.as_str()], attempt_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn save_answer(
    conn: &Connection,
    id: Uuid,
    attempt: &str,
    item: &str,
    answer_json: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO quiz_answers (id, attempt_id, item_id, answer_json, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id.to_string(), attempt, item, answer_json, at],
    )?;
    Ok(())
}

/// The latest saved answer to each item of an attempt, as JSON.
pub fn answers(conn: &Connection, attempt: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, answer_json FROM quiz_answers WHERE attempt_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt
        .query_map([attempt], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
    let mut latest: std::collections::BTreeMap<String, String> = Default::default();
    for (item, json) in rows {
        latest.insert(item, json);
    }
    Ok(latest.into_iter().collect())
}

pub fn submit(
    conn: &Connection,
    attempt: &str,
    percent: u8,
    passed: bool,
    result_json: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO quiz_submissions (attempt_id, percent, passed, result_json, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![attempt, percent, i64::from(passed), result_json, at],
    )?;
    Ok(())
}

pub fn style_response(
    conn: &Connection,
    s: &Stamp<'_>,
    assessment: &str,
    course: &CourseId,
    ratings_json: &str,
    profile: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO style_responses (id, person_id, assessment_id, course_id, pack_id, pack_version, ratings_json, profile, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![s.id.to_string(), s.person.0.to_string(), assessment, course.as_str(), s.pack_id, s.pack_version, ratings_json, profile, s.at],
    )?;
    Ok(())
}

/// The person's latest answers to a self-assessment: (ratings JSON, pack version, at).
pub fn latest_style(
    conn: &Connection,
    person: PersonId,
    assessment: &str,
) -> Result<Option<(String, String, DateTime<Utc>)>> {
    Ok(conn
        .prepare_cached(
            "SELECT ratings_json, pack_version, at FROM style_responses
             WHERE person_id = ?1 AND assessment_id = ?2 ORDER BY at DESC, id DESC LIMIT 1",
        )?
        .query_row(params![person.0.to_string(), assessment], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?)
}
