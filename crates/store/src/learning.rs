//! A learner's own work: lesson events, knowledge-check attempts with their
//! saved answers and submissions, and self-assessment responses. All
//! append-only (the schema refuses UPDATE and DELETE).

use crate::{json_col, time_col, Result};
use chrono::{DateTime, Utc};
use mastery_domain::facts::{QuizAttempt, QuizSubmission};
use mastery_types::{Answer, AttemptResult, CourseId, LessonEventKind, PersonId};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;
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
    kind: LessonEventKind,
) -> Result<()> {
    conn.execute(
        "INSERT INTO lesson_events (id, person_id, course_id, lesson_id, pack_id, pack_version, kind, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![s.id.to_string(), s.person.0.to_string(), course.as_str(), lesson, s.pack_id, s.pack_version, kind, s.at],
    )?;
    Ok(())
}

/// Lessons the person has marked done, by course.
/// The lessons a person marked done, by course, each with the first time.
pub fn lessons_done(
    conn: &Connection,
    person: PersonId,
) -> Result<BTreeMap<CourseId, BTreeMap<String, DateTime<Utc>>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT course_id, lesson_id, MIN(at) FROM lesson_events
         WHERE person_id = ?1 AND kind = 'done' GROUP BY course_id, lesson_id",
    )?;
    let mut out: BTreeMap<CourseId, BTreeMap<String, DateTime<Utc>>> = BTreeMap::new();
    let rows = stmt.query_map([person], |r| {
        Ok((
            r.get::<_, CourseId>(0)?,
            r.get::<_, String>(1)?,
            time_col(r, 2)?,
        ))
    })?;
    for row in rows {
        let (course, lesson, at) = row?;
        out.entry(course).or_default().insert(lesson, at);
    }
    Ok(out)
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

const ATTEMPT_SELECT: &str = "SELECT a.id, a.person_id, a.course_id, a.pack_version, a.started_at,
        s.percent, s.passed, s.at
 FROM quiz_attempts a LEFT JOIN quiz_submissions s ON s.attempt_id = a.id";

fn attempt_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<QuizAttempt> {
    let percent: Option<u8> = r.get(5)?;
    Ok(QuizAttempt {
        id: r.get(0)?,
        person: r.get(1)?,
        course: r.get(2)?,
        pack_version: r.get(3)?,
        started_at: time_col(r, 4)?,
        submission: match percent {
            Some(percent) => Some(QuizSubmission {
                percent,
                passed: r.get(6)?,
                at: time_col(r, 7)?,
            }),
            None => None,
        },
    })
}

pub fn attempt(conn: &Connection, id: &str) -> Result<Option<QuizAttempt>> {
    Ok(conn
        .query_row(
            &format!("{ATTEMPT_SELECT} WHERE a.id = ?1"),
            [id],
            attempt_row,
        )
        .optional()?)
}

/// A person's attempts at every knowledge check, oldest first.
pub fn attempts(conn: &Connection, person: PersonId) -> Result<Vec<QuizAttempt>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ATTEMPT_SELECT} WHERE a.person_id = ?1 ORDER BY a.started_at, a.id"
    ))?;
    let rows = stmt
        .query_map([person], attempt_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn save_answer(
    conn: &Connection,
    id: Uuid,
    attempt: &str,
    item: &str,
    answer: &Answer,
    at: DateTime<Utc>,
) -> Result<()> {
    let json =
        serde_json::to_string(answer).map_err(|e| crate::StoreError::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO quiz_answers (id, attempt_id, item_id, answer_json, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id.to_string(), attempt, item, json, at],
    )?;
    Ok(())
}

/// The latest saved answer to each item of an attempt.
pub fn answers(conn: &Connection, attempt: &str) -> Result<BTreeMap<String, Answer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, answer_json FROM quiz_answers WHERE attempt_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt
        .query_map([attempt], |r| {
            Ok((r.get::<_, String>(0)?, json_col::<Answer>(r, 1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().collect())
}

/// The result of a submitted attempt, with its feedback on every item.
pub fn result(conn: &Connection, attempt: &str) -> Result<Option<AttemptResult>> {
    Ok(conn
        .query_row(
            "SELECT result_json FROM quiz_submissions WHERE attempt_id = ?1",
            [attempt],
            |r| json_col::<AttemptResult>(r, 0),
        )
        .optional()?)
}

pub fn submit(
    conn: &Connection,
    attempt: &str,
    result: &AttemptResult,
    at: DateTime<Utc>,
) -> Result<()> {
    let json =
        serde_json::to_string(result).map_err(|e| crate::StoreError::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO quiz_submissions (attempt_id, percent, passed, result_json, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![attempt, result.percent, result.passed, json, at],
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

/// A self-assessment answered: the answers, against which pack version, when.
#[derive(Clone, Debug, PartialEq)]
pub struct StyleAnswer {
    /// The answers as given (their shape depends on the instrument).
    pub ratings: serde_json::Value,
    pub pack_version: String,
    pub at: DateTime<Utc>,
}

/// The person's latest answers to a self-assessment.
pub fn latest_style(
    conn: &Connection,
    person: PersonId,
    assessment: &str,
) -> Result<Option<StyleAnswer>> {
    Ok(conn
        .prepare_cached(
            "SELECT ratings_json, pack_version, at FROM style_responses
             WHERE person_id = ?1 AND assessment_id = ?2 ORDER BY at DESC, id DESC LIMIT 1",
        )?
        .query_row(params![person, assessment], |r| {
            Ok(StyleAnswer {
                ratings: json_col(r, 0)?,
                pack_version: r.get(1)?,
                at: r.get(2)?,
            })
        })
        .optional()?)
}

/// The self-assessments a person has answered (their ids).
/// The self-assessments a person answered, each with the first time.
pub fn styles_answered(
    conn: &Connection,
    person: PersonId,
) -> Result<BTreeMap<String, DateTime<Utc>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT assessment_id, MIN(at) FROM style_responses WHERE person_id = ?1
         GROUP BY assessment_id",
    )?;
    let ids = stmt
        .query_map([person], |r| Ok((r.get(0)?, time_col(r, 1)?)))?
        .collect::<rusqlite::Result<BTreeMap<String, DateTime<Utc>>>>()?;
    Ok(ids)
}

/// One submitted attempt of a course's knowledge check, for item analysis:
/// its result and the last answer saved for each item.
#[derive(Clone, Debug, PartialEq)]
pub struct SubmittedAttempt {
    /// Per item of the result: its id, the credit earned (percent) and
    /// whether it was left unanswered.
    pub items: Vec<ScoredItem>,
    pub answers: Vec<(String, mastery_types::Answer)>,
}

/// One item of a submitted result, as item analysis reads it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct ScoredItem {
    pub item_id: String,
    pub earned_percent: u8,
    #[serde(default)]
    pub unanswered: bool,
}

/// The part of a stored result item analysis reads: the feedback texts the
/// learner saw are skipped, not decoded (most of the result's size).
#[derive(serde::Deserialize)]
struct ScoredResult {
    items: Vec<ScoredItem>,
}

/// Every submitted attempt of a course's check made on one pack version
/// (two queries, however many attempts).
pub fn submitted_attempts(
    conn: &Connection,
    course: &mastery_types::CourseId,
    version: &str,
) -> Result<Vec<SubmittedAttempt>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, s.result_json FROM quiz_attempts a JOIN quiz_submissions s ON s.attempt_id = a.id
         WHERE a.course_id = ?1 AND a.pack_version = ?2 ORDER BY a.id",
    )?;
    let results = stmt
        .query_map(rusqlite::params![course, version], |r| {
            Ok((r.get::<_, String>(0)?, json_col::<ScoredResult>(r, 1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT q.attempt_id, q.item_id, q.answer_json FROM quiz_answers q
         JOIN quiz_attempts a ON a.id = q.attempt_id
         WHERE a.course_id = ?1 AND a.pack_version = ?2 ORDER BY q.attempt_id, q.at, q.id",
    )?;
    let mut answers: std::collections::HashMap<String, Vec<(String, mastery_types::Answer)>> =
        std::collections::HashMap::new();
    let rows = stmt.query_map(rusqlite::params![course, version], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            json_col::<mastery_types::Answer>(r, 2)?,
        ))
    })?;
    for row in rows {
        let (attempt, item, answer) = row?;
        let list = answers.entry(attempt).or_default();
        // The last answer saved for an item is the one submitted.
        list.retain(|(i, _)| *i != item);
        list.push((item, answer));
    }
    Ok(results
        .into_iter()
        .map(|(id, result)| SubmittedAttempt {
            answers: answers.remove(&id).unwrap_or_default(),
            items: result.items,
        })
        .collect())
}
