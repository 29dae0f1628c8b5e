//! Observed and secret-shopper assessments (append-only).

use crate::Result;
use chrono::{DateTime, NaiveDate, Utc};
use mastery_types::{CourseId, PersonId};
use rusqlite::{params, Connection};

pub struct NewObservation<'a> {
    pub id: &'a str,
    pub assessor: PersonId,
    pub learner: PersonId,
    pub course: &'a CourseId,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub kind: &'a str,
    pub held_on: NaiveDate,
    pub scores_json: &'a str,
    pub notes: &'a str,
    pub passed: bool,
    pub at: DateTime<Utc>,
}

pub fn insert(conn: &Connection, o: &NewObservation<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO observations (id, assessor_id, learner_id, course_id, pack_id, pack_version, kind, held_on,
            scores_json, notes, passed, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            o.id,
            o.assessor.0.to_string(),
            o.learner.0.to_string(),
            o.course.as_str(),
            o.pack_id,
            o.pack_version,
            o.kind,
            o.held_on.to_string(),
            o.scores_json,
            o.notes,
            i64::from(o.passed),
            o.at
        ],
    )?;
    Ok(())
}

#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    pub id: String,
    pub assessor: String,
    pub course: CourseId,
    pub pack_version: String,
    pub kind: String,
    pub held_on: String,
    pub scores_json: String,
    pub notes: String,
    pub passed: bool,
}

/// Every assessment of a learner, newest first.
pub fn of_learner(conn: &Connection, learner: PersonId) -> Result<Vec<Observation>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, p.display_name, o.course_id, o.pack_version, o.kind, o.held_on, o.scores_json, o.notes, o.passed
         FROM observations o JOIN persons p ON p.id = o.assessor_id
         WHERE o.learner_id = ?1 ORDER BY o.held_on DESC, o.recorded_at DESC",
    )?;
    let rows = stmt
        .query_map([learner.0.to_string()], |r| {
            Ok(Observation {
                id: r.get(0)?,
                assessor: r.get(1)?,
                course: CourseId(r.get(2)?),
                pack_version: r.get(3)?,
                kind: r.get(4)?,
                held_on: r.get(5)?,
                scores_json: r.get(6)?,
                notes: r.get(7)?,
                passed: r.get::<_, i64>(8)? == 1,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
