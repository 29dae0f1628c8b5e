//! Observed and secret-shopper assessments (append-only).

use crate::{json_col, Result};
use chrono::{DateTime, NaiveDate, Utc};
use mastery_domain::facts::Assessment;
use mastery_types::{AssessmentKind, CourseId, CriterionScore, PersonId};
use rusqlite::{params, Connection};

pub struct NewObservation<'a> {
    pub id: &'a str,
    pub assessor: PersonId,
    pub learner: PersonId,
    pub course: &'a CourseId,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub kind: AssessmentKind,
    pub held_on: NaiveDate,
    pub scores: &'a [CriterionScore],
    pub notes: &'a str,
    pub passed: bool,
    pub at: DateTime<Utc>,
}

pub fn insert(conn: &Connection, o: &NewObservation<'_>) -> Result<()> {
    let scores =
        serde_json::to_string(o.scores).map_err(|e| crate::StoreError::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO observations (id, assessor_id, learner_id, course_id, pack_id, pack_version, kind, held_on,
            scores_json, notes, passed, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            o.id,
            o.assessor,
            o.learner,
            o.course,
            o.pack_id,
            o.pack_version,
            o.kind,
            o.held_on,
            scores,
            o.notes,
            o.passed,
            o.at
        ],
    )?;
    Ok(())
}

/// An assessment with its assessor's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssessmentRow {
    pub assessment: Assessment,
    pub assessor_name: String,
}

const SELECT: &str =
    "SELECT o.id, o.assessor_id, p.display_name, o.learner_id, o.course_id, o.pack_version,
        o.kind, o.held_on, o.scores_json, o.notes, o.passed, o.recorded_at
 FROM observations o JOIN persons p ON p.id = o.assessor_id";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AssessmentRow> {
    Ok(AssessmentRow {
        assessment: Assessment {
            id: r.get(0)?,
            assessor: r.get(1)?,
            learner: r.get(3)?,
            course: r.get(4)?,
            pack_version: r.get(5)?,
            kind: r.get(6)?,
            held_on: r.get(7)?,
            scores: json_col(r, 8)?,
            notes: r.get(9)?,
            passed: r.get(10)?,
            recorded_at: r.get(11)?,
        },
        assessor_name: r.get(2)?,
    })
}

/// Every assessment of a learner, newest first.
pub fn of_learner(conn: &Connection, learner: PersonId) -> Result<Vec<AssessmentRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE o.learner_id = ?1 ORDER BY o.held_on DESC, o.recorded_at DESC"
    ))?;
    let rows = stmt
        .query_map([learner], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One assessment.
pub fn assessment(conn: &Connection, id: &str) -> Result<Option<AssessmentRow>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE o.id = ?1"))?;
    let mut rows = stmt.query_map([id], row)?;
    rows.next().transpose().map_err(Into::into)
}
