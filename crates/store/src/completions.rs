//! Course-completion facts (append-only: the schema refuses UPDATE and DELETE).

use crate::Result;
use chrono::{DateTime, Utc};
use mastery_types::{CourseId, PersonId};
use rusqlite::{params, Connection};
use std::collections::BTreeMap;
use uuid::Uuid;

pub struct CompletionFact<'a> {
    pub id: Uuid,
    pub person: PersonId,
    pub course: &'a CourseId,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub source: &'a str,
    pub recorded_by: Option<PersonId>,
    pub recorded_at: DateTime<Utc>,
}

pub fn insert(conn: &Connection, f: &CompletionFact<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO course_completions (id, person_id, course_id, pack_id, pack_version, source, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            f.id.to_string(),
            f.person.0.to_string(),
            f.course.as_str(),
            f.pack_id,
            f.pack_version,
            f.source,
            f.recorded_by.map(|p| p.0.to_string()),
            f.recorded_at
        ],
    )?;
    Ok(())
}

/// Courses of pack `pack_id` the person has completed (any version).
pub fn completed_courses(
    conn: &Connection,
    person: PersonId,
    pack_id: &str,
) -> Result<BTreeMap<CourseId, DateTime<Utc>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT course_id, MIN(recorded_at) FROM course_completions
         WHERE person_id = ?1 AND pack_id = ?2 GROUP BY course_id",
    )?;
    let ids = stmt
        .query_map(rusqlite::params![person.0.to_string(), pack_id], |r| {
            Ok((CourseId(r.get::<_, String>(0)?), crate::time_col(r, 1)?))
        })?
        .collect::<rusqlite::Result<BTreeMap<_, _>>>()?;
    Ok(ids)
}
