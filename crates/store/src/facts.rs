//! A learner's facts as the projection (`mastery_domain::progress`) reads
//! them: for one person, or for everyone at once — each table read once,
//! not once per person, so organization-wide views stay fast.

use crate::{json_col, time_col, Result};
use mastery_domain::facts::{Assessment, QuizAttempt, QuizSubmission, Submission};
use mastery_domain::progress::LearnerFacts;
use mastery_types::{CourseId, PersonId};
use rusqlite::Connection;
use std::collections::HashMap;

/// One person's facts on pack `pack_id`.
pub fn learner_facts(conn: &Connection, pack_id: &str, person: PersonId) -> Result<LearnerFacts> {
    let team_submissions = crate::assignments::of_teams_of(conn, person)?
        .into_iter()
        .map(|s| s.submission)
        .collect();
    Ok(LearnerFacts {
        recorded: crate::completions::completed_courses(conn, person, pack_id)?,
        lessons_done: crate::learning::lessons_done(conn, person)?,
        attempts: crate::learning::attempts(conn, person)?,
        self_assessments: crate::learning::styles_answered(conn, person)?,
        coaching: crate::coaching::for_learner(conn, person)?
            .into_iter()
            .map(|s| s.session)
            .collect(),
        submissions: crate::assignments::of_person(conn, person)?
            .into_iter()
            .map(|s| s.submission)
            .collect(),
        team_submissions,
        assessments: crate::observations::of_learner(conn, person)?
            .into_iter()
            .map(|a| a.assessment)
            .collect(),
        classes: crate::classes::classes_attended(conn, Some(person))?
            .into_iter()
            .map(|(_, c)| c)
            .collect(),
    })
}

/// Everyone's facts on pack `pack_id`, by person (people with no fact at
/// all are absent: their facts are the default, empty ones).
pub fn all_learner_facts(
    conn: &Connection,
    pack_id: &str,
) -> Result<HashMap<PersonId, LearnerFacts>> {
    let mut out: HashMap<PersonId, LearnerFacts> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT person_id, course_id, MIN(recorded_at) FROM course_completions
             WHERE pack_id = ?1 GROUP BY person_id, course_id",
        )?;
        let rows = stmt.query_map([pack_id], |r| {
            Ok((
                r.get::<_, PersonId>(0)?,
                r.get::<_, CourseId>(1)?,
                time_col(r, 2)?,
            ))
        })?;
        for row in rows {
            let (p, c, at) = row?;
            out.entry(p).or_default().recorded.insert(c, at);
        }
    }
    {
        let mut stmt = conn.prepare_cached(
            "SELECT person_id, course_id, lesson_id, MIN(at) FROM lesson_events
             WHERE kind = 'done' GROUP BY person_id, course_id, lesson_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, PersonId>(0)?,
                r.get::<_, CourseId>(1)?,
                r.get::<_, String>(2)?,
                time_col(r, 3)?,
            ))
        })?;
        for row in rows {
            let (p, c, l, at) = row?;
            out.entry(p)
                .or_default()
                .lessons_done
                .entry(c)
                .or_default()
                .insert(l, at);
        }
    }
    // The covering index keeps the query off each submission's result
    // (schema 13).
    {
        let mut stmt = conn.prepare_cached(
            "SELECT a.id, a.person_id, a.course_id, a.pack_version, a.started_at,
                    s.percent, s.passed, s.at
             FROM quiz_attempts a
             LEFT JOIN quiz_submissions s INDEXED BY quiz_submissions_summary
                 ON s.attempt_id = a.id",
        )?;
        let rows = stmt.query_map([], |r| {
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
        })?;
        for row in rows {
            let a = row?;
            out.entry(a.person).or_default().attempts.push(a);
        }
        // Oldest first, each person's few sorted here rather than all of
        // them in SQL.
        for f in out.values_mut() {
            f.attempts
                .sort_by(|x, y| (x.started_at, &x.id).cmp(&(y.started_at, &y.id)));
        }
    }
    {
        let mut stmt = conn.prepare_cached(
            "SELECT person_id, assessment_id, MIN(at) FROM style_responses
             GROUP BY person_id, assessment_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, PersonId>(0)?,
                r.get::<_, String>(1)?,
                time_col(r, 2)?,
            ))
        })?;
        for row in rows {
            let (p, a, at) = row?;
            out.entry(p).or_default().self_assessments.insert(a, at);
        }
    }
    for s in crate::coaching::all(conn)? {
        out.entry(s.learner).or_default().coaching.push(s);
    }
    // A team's submissions belong to each of its members.
    let members = team_members(conn)?;
    for s in all_submissions(conn)? {
        match &s.team {
            None => out.entry(s.author).or_default().submissions.push(s),
            Some(team) => {
                for m in members.get(team).into_iter().flatten() {
                    out.entry(*m).or_default().team_submissions.push(s.clone());
                }
            }
        }
    }
    for a in all_assessments(conn)? {
        out.entry(a.learner).or_default().assessments.push(a);
    }
    for (p, c) in crate::classes::classes_attended(conn, None)? {
        out.entry(p).or_default().classes.push(c);
    }
    Ok(out)
}

fn team_members(conn: &Connection) -> Result<HashMap<String, Vec<PersonId>>> {
    let mut stmt = conn.prepare_cached("SELECT team_id, person_id FROM team_members")?;
    let mut out: HashMap<String, Vec<PersonId>> = HashMap::new();
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, PersonId>(1)?))
    })?;
    for row in rows {
        let (t, p) = row?;
        out.entry(t).or_default().push(p);
    }
    Ok(out)
}

/// Every submission with its review (files not needed by the rules).
fn all_submissions(conn: &Connection) -> Result<Vec<Submission>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.person_id, s.course_id, s.assignment_id, s.pack_version, s.body,
                s.submitted_at, s.team_id, r.reviewer_id, r.outcome, r.scores_json, r.comment, r.at
         FROM assignment_submissions s LEFT JOIN assignment_reviews r ON r.submission_id = s.id
         ORDER BY s.submitted_at, s.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let outcome: Option<mastery_types::ReviewOutcome> = r.get(9)?;
            Ok(Submission {
                id: r.get(0)?,
                author: r.get(1)?,
                course: r.get(2)?,
                assignment: r.get(3)?,
                pack_version: r.get(4)?,
                body: r.get(5)?,
                submitted_at: r.get(6)?,
                team: r.get(7)?,
                files: Vec::new(),
                review: match outcome {
                    Some(outcome) => Some(mastery_domain::facts::Review {
                        reviewer: r.get(8)?,
                        outcome,
                        scores: json_col(r, 10)?,
                        comment: r.get(11)?,
                        at: r.get(12)?,
                    }),
                    None => None,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn all_assessments(conn: &Connection) -> Result<Vec<Assessment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, assessor_id, learner_id, course_id, pack_version, kind, held_on,
                scores_json, notes, passed, recorded_at
         FROM observations ORDER BY held_on, recorded_at",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Assessment {
                id: r.get(0)?,
                assessor: r.get(1)?,
                learner: r.get(2)?,
                course: r.get(3)?,
                pack_version: r.get(4)?,
                kind: r.get(5)?,
                held_on: r.get(6)?,
                scores: json_col(r, 7)?,
                notes: r.get(8)?,
                passed: r.get(9)?,
                recorded_at: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
