//! Assignment submissions, their attachments and reviews (append-only).

use crate::Result;
use chrono::{DateTime, Utc};
use mastery_types::{CourseId, PersonId};
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

/// A submission with its author, files (name, size) and review.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    pub id: String,
    pub person_id: String,
    pub person_name: String,
    pub course: CourseId,
    pub assignment: String,
    pub pack_version: String,
    pub body: String,
    pub submitted_at: DateTime<Utc>,
    pub team_id: Option<String>,
    pub files: Vec<(String, u64)>,
    /// `(reviewer name, scores JSON, comment, outcome, at)`.
    pub review: Option<(String, String, String, String, DateTime<Utc>)>,
}

const SELECT: &str =
    "SELECT s.id, s.person_id, p.display_name, s.course_id, s.assignment_id, s.pack_version,
        s.body, s.submitted_at, rp.display_name, r.scores_json, r.comment, r.outcome, r.at, s.team_id
 FROM assignment_submissions s
 JOIN persons p ON p.id = s.person_id
 LEFT JOIN assignment_reviews r ON r.submission_id = s.id
 LEFT JOIN persons rp ON rp.id = r.reviewer_id";

fn query(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> Result<Vec<Submission>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE {filter} ORDER BY s.submitted_at, s.id"
    ))?;
    let mut rows = stmt
        .query_map(args, |r| {
            let reviewer: Option<String> = r.get(8)?;
            Ok(Submission {
                id: r.get(0)?,
                person_id: r.get(1)?,
                person_name: r.get(2)?,
                course: CourseId(r.get(3)?),
                assignment: r.get(4)?,
                pack_version: r.get(5)?,
                body: r.get(6)?,
                submitted_at: r.get(7)?,
                team_id: r.get(13)?,
                files: Vec::new(),
                review: match reviewer {
                    Some(name) => Some((name, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?)),
                    None => None,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut files = conn.prepare_cached(
        "SELECT name, size FROM submission_files WHERE submission_id = ?1 ORDER BY name",
    )?;
    for s in &mut rows {
        s.files = files
            .query_map([&s.id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(rows)
}

/// A person's submissions, oldest first.
pub fn of_person(conn: &Connection, person: PersonId) -> Result<Vec<Submission>> {
    query(conn, "s.person_id = ?1", [person.0.to_string()])
}

/// A team's submissions, oldest first.
pub fn of_team(conn: &Connection, team: &str) -> Result<Vec<Submission>> {
    query(conn, "s.team_id = ?1", [team])
}

/// Submissions no one has reviewed yet, oldest first (the review queue).
pub fn unreviewed(conn: &Connection) -> Result<Vec<Submission>> {
    query(conn, "r.id IS NULL", [])
}

pub fn submission(conn: &Connection, id: &str) -> Result<Option<Submission>> {
    Ok(query(conn, "s.id = ?1", [id])?.into_iter().next())
}

pub struct NewReview<'a> {
    pub id: &'a str,
    pub submission: &'a str,
    pub reviewer: PersonId,
    pub scores_json: &'a str,
    pub comment: &'a str,
    pub outcome: &'a str,
    pub at: DateTime<Utc>,
}

pub fn review(conn: &Connection, r: &NewReview<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO assignment_reviews (id, submission_id, reviewer_id, scores_json, comment, outcome, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![r.id, r.submission, r.reviewer.0.to_string(), r.scores_json, r.comment, r.outcome, r.at],
    )?;
    Ok(())
}
