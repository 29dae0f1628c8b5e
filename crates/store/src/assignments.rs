//! Assignment submissions, their attachments and reviews (append-only).

use crate::{json_col, Result};
use chrono::{DateTime, Utc};
use mastery_domain::facts::{Review, Submission};
use mastery_types::{CourseId, CriterionScore, PersonId, ReviewOutcome};
use rusqlite::{params, Connection};

pub struct NewSubmission<'a> {
    pub id: &'a str,
    pub person: PersonId,
    pub course: &'a CourseId,
    pub assignment: &'a str,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub body: &'a str,
    /// The team a team-synthesis submission is made for.
    pub team: Option<&'a str>,
    pub at: DateTime<Utc>,
}

pub fn submit(
    conn: &Connection,
    s: &NewSubmission<'_>,
    files: &[(String, String, Vec<u8>)],
) -> Result<()> {
    conn.execute(
        "INSERT INTO assignment_submissions (id, person_id, course_id, assignment_id, pack_id, pack_version, body, submitted_at, team_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![s.id, s.person.0.to_string(), s.course.as_str(), s.assignment, s.pack_id, s.pack_version, s.body, s.at, s.team],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO submission_files (id, submission_id, name, size, bytes) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (id, name, bytes) in files {
        insert.execute(params![id, s.id, name, bytes.len() as i64, bytes])?;
    }
    Ok(())
}

/// A submission with the names of its author and reviewer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubmissionRow {
    pub submission: Submission,
    pub author_name: String,
    pub reviewer_name: Option<String>,
}

const SELECT: &str =
    "SELECT s.id, s.person_id, p.display_name, s.course_id, s.assignment_id, s.pack_version,
        s.body, s.submitted_at, rp.display_name, r.scores_json, r.comment, r.outcome, r.at, s.team_id,
        r.reviewer_id
 FROM assignment_submissions s
 JOIN persons p ON p.id = s.person_id
 LEFT JOIN assignment_reviews r ON r.submission_id = s.id
 LEFT JOIN persons rp ON rp.id = r.reviewer_id";

fn query(
    conn: &Connection,
    filter: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<SubmissionRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE {filter} ORDER BY s.submitted_at, s.id"
    ))?;
    let mut rows = stmt
        .query_map(args, |r| {
            let outcome: Option<ReviewOutcome> = r.get(11)?;
            Ok(SubmissionRow {
                submission: Submission {
                    id: r.get(0)?,
                    author: r.get(1)?,
                    course: r.get(3)?,
                    assignment: r.get(4)?,
                    pack_version: r.get(5)?,
                    body: r.get(6)?,
                    submitted_at: r.get(7)?,
                    team: r.get(13)?,
                    files: Vec::new(),
                    review: match outcome {
                        Some(outcome) => Some(Review {
                            reviewer: r.get(14)?,
                            outcome,
                            scores: json_col(r, 9)?,
                            comment: r.get(10)?,
                            at: r.get(12)?,
                        }),
                        None => None,
                    },
                },
                author_name: r.get(2)?,
                reviewer_name: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut files = conn.prepare_cached(
        "SELECT name, size FROM submission_files WHERE submission_id = ?1 ORDER BY name",
    )?;
    for s in &mut rows {
        s.submission.files = files
            .query_map([&s.submission.id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(rows)
}

/// A person's own submissions (not their team's), oldest first.
pub fn of_person(conn: &Connection, person: PersonId) -> Result<Vec<SubmissionRow>> {
    query(
        conn,
        "s.person_id = ?1 AND s.team_id IS NULL",
        [person.0.to_string()],
    )
}

/// A team's submissions, oldest first.
pub fn of_team(conn: &Connection, team: &str) -> Result<Vec<SubmissionRow>> {
    query(conn, "s.team_id = ?1", [team])
}

/// Submissions of every team a person is in, oldest first.
pub fn of_teams_of(conn: &Connection, person: PersonId) -> Result<Vec<SubmissionRow>> {
    query(
        conn,
        "s.team_id IN (SELECT team_id FROM team_members WHERE person_id = ?1)",
        [person.0.to_string()],
    )
}

/// Submissions no one has reviewed yet, oldest first (the review queue).
pub fn unreviewed(conn: &Connection) -> Result<Vec<SubmissionRow>> {
    query(conn, "r.id IS NULL", [])
}

pub fn submission(conn: &Connection, id: &str) -> Result<Option<SubmissionRow>> {
    Ok(query(conn, "s.id = ?1", [id])?.into_iter().next())
}

pub struct NewReview<'a> {
    pub id: &'a str,
    pub submission: &'a str,
    pub reviewer: PersonId,
    pub scores: &'a [CriterionScore],
    pub comment: &'a str,
    pub outcome: ReviewOutcome,
    pub at: DateTime<Utc>,
}

pub fn review(conn: &Connection, r: &NewReview<'_>) -> Result<()> {
    let scores =
        serde_json::to_string(r.scores).map_err(|e| crate::StoreError::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO assignment_reviews (id, submission_id, reviewer_id, scores_json, comment, outcome, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![r.id, r.submission, r.reviewer, scores, r.comment, r.outcome, r.at],
    )?;
    Ok(())
}
