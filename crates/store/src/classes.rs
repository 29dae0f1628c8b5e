//! Classes, their enrolments, attendance and cancellations; the survey
//! responses, kept apart from who gave them.

use crate::Result;
use chrono::{DateTime, Utc};
use mastery_domain::classes::Enrolment;
use mastery_domain::progress::AttendedClass;
use mastery_types::{CourseId, PersonId};
use rusqlite::{params, Connection, OptionalExtension};

pub struct NewClass<'a> {
    pub id: &'a str,
    pub course: &'a CourseId,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub office: Option<&'a str>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: &'a str,
    pub facilitator: PersonId,
    pub capacity: u32,
    pub by: PersonId,
    pub at: DateTime<Utc>,
}

pub fn insert_class(conn: &Connection, c: &NewClass<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO classes (id, course_id, pack_id, pack_version, office_id, starts_at, ends_at,
             place, facilitator_id, capacity, scheduled_by, scheduled_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            c.id,
            c.course,
            c.pack_id,
            c.pack_version,
            c.office,
            c.starts_at,
            c.ends_at,
            c.place,
            c.facilitator,
            c.capacity,
            c.by,
            c.at
        ],
    )?;
    Ok(())
}

/// A class as stored, with its office's time zone and who runs it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassRow {
    pub id: String,
    pub course: CourseId,
    pub pack_id: String,
    pub pack_version: String,
    pub office_id: Option<String>,
    pub office: Option<String>,
    pub time_zone: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub facilitator_id: PersonId,
    pub facilitator: String,
    pub capacity: u32,
    pub scheduled_by: PersonId,
    pub cancel_reason: Option<String>,
}

const SELECT: &str = "SELECT c.id, c.course_id, c.pack_id, c.pack_version, c.office_id, o.name, o.time_zone,
        c.starts_at, c.ends_at, c.place, c.facilitator_id, f.display_name, c.capacity, c.scheduled_by,
        x.reason
 FROM classes c
 JOIN persons f ON f.id = c.facilitator_id
 LEFT JOIN org_units o ON o.id = c.office_id
 LEFT JOIN class_cancellations x ON x.class_id = c.id";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ClassRow> {
    Ok(ClassRow {
        id: r.get(0)?,
        course: r.get(1)?,
        pack_id: r.get(2)?,
        pack_version: r.get(3)?,
        office_id: r.get(4)?,
        office: r.get(5)?,
        time_zone: r.get(6)?,
        starts_at: r.get(7)?,
        ends_at: r.get(8)?,
        place: r.get(9)?,
        facilitator_id: r.get(10)?,
        facilitator: r.get(11)?,
        capacity: r.get(12)?,
        scheduled_by: r.get(13)?,
        cancel_reason: r.get(14)?,
    })
}

pub fn class(conn: &Connection, id: &str) -> Result<Option<ClassRow>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE c.id = ?1"))?
        .query_row([id], row)
        .optional()?)
}

/// Classes of an office (or of no office) ending after `since`, soonest
/// first, and every class a person is or was in or runs.
pub fn classes_around(
    conn: &Connection,
    office: Option<&str>,
    person: PersonId,
    since: DateTime<Utc>,
) -> Result<Vec<ClassRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE c.ends_at > ?3 AND (c.office_id IS ?1
            OR c.facilitator_id = ?2 OR c.scheduled_by = ?2
            OR c.id IN (SELECT class_id FROM class_enrolments WHERE person_id = ?2))
         ORDER BY c.starts_at"
    ))?;
    let rows = stmt
        .query_map(params![office, person, since], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Classes a person attended (marked present last), ended before `now`.
pub fn attended(conn: &Connection, person: PersonId, now: DateTime<Utc>) -> Result<Vec<ClassRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE c.ends_at <= ?2 AND x.reason IS NULL AND (
            SELECT a.present FROM class_attendance a WHERE a.class_id = c.id AND a.person_id = ?1
            ORDER BY a.at DESC, a.rowid DESC LIMIT 1) = 1
         ORDER BY c.ends_at"
    ))?;
    let rows = stmt
        .query_map(params![person, now], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The classes people were present at (their latest mark), cancelled ones
/// left out: for one person, or everyone (`None`). What the in-class
/// requirement counts.
pub fn classes_attended(
    conn: &Connection,
    person: Option<PersonId>,
) -> Result<Vec<(PersonId, AttendedClass)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.person_id, c.course_id, c.starts_at, c.ends_at
         FROM class_attendance a
         JOIN classes c ON c.id = a.class_id
         LEFT JOIN class_cancellations x ON x.class_id = c.id
         WHERE x.class_id IS NULL AND a.present = 1
           AND (?1 IS NULL OR a.person_id = ?1)
           AND a.rowid = (SELECT b.rowid FROM class_attendance b
                          WHERE b.class_id = a.class_id AND b.person_id = a.person_id
                          ORDER BY b.at DESC, b.rowid DESC LIMIT 1)",
    )?;
    let rows = stmt
        .query_map(params![person], |r| {
            Ok((
                r.get::<_, PersonId>(0)?,
                AttendedClass {
                    course: r.get(1)?,
                    starts_at: r.get(2)?,
                    ends_at: r.get(3)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The enrolment facts of a class, oldest first (facts made in the same
/// instant in the order they were written).
pub fn enrolments(conn: &Connection, class: &str) -> Result<Vec<Enrolment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id, enrolled, at FROM class_enrolments WHERE class_id = ?1 ORDER BY at, rowid",
    )?;
    let rows = stmt
        .query_map([class], |r| {
            Ok(Enrolment {
                person: r.get(0)?,
                enrolled: r.get(1)?,
                at: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn insert_enrolment(
    conn: &Connection,
    id: &str,
    class: &str,
    person: PersonId,
    enrolled: bool,
    by: PersonId,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO class_enrolments (id, class_id, person_id, enrolled, by_id, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, class, person, enrolled, by, at],
    )?;
    Ok(())
}

pub fn insert_cancellation(
    conn: &Connection,
    class: &str,
    by: PersonId,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO class_cancellations (class_id, cancelled_by, reason, at) VALUES (?1, ?2, ?3, ?4)",
        params![class, by, reason, at],
    )?;
    Ok(())
}

/// The latest attendance mark of each person of a class.
pub fn attendance(conn: &Connection, class: &str) -> Result<Vec<(PersonId, bool)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.person_id, a.present FROM class_attendance a
         WHERE a.class_id = ?1 AND a.id = (SELECT b.id FROM class_attendance b
             WHERE b.class_id = a.class_id AND b.person_id = a.person_id
             ORDER BY b.at DESC, b.rowid DESC LIMIT 1)",
    )?;
    let rows = stmt
        .query_map([class], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn insert_attendance(
    conn: &Connection,
    id: &str,
    class: &str,
    person: PersonId,
    present: bool,
    by: PersonId,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO class_attendance (id, class_id, person_id, present, by_id, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, class, person, present, by, at],
    )?;
    Ok(())
}

/// Has the person answered or declined the survey of this occasion?
pub fn answered(conn: &Connection, person: PersonId, occasion: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM survey_answered WHERE person_id = ?1 AND occasion = ?2")?
        .query_row(params![person, occasion], |_| Ok(()))
        .optional()?
        .is_some())
}

pub fn insert_answered(
    conn: &Connection,
    person: PersonId,
    occasion: &str,
    declined: bool,
) -> Result<()> {
    conn.execute(
        "INSERT INTO survey_answered (person_id, occasion, declined) VALUES (?1, ?2, ?3)",
        params![person, occasion, declined],
    )?;
    Ok(())
}

/// A response, with nothing that says whose or when.
pub struct NewResponse<'a> {
    /// Random (UUID v4): neither time-ordered nor tied to anyone.
    pub id: &'a str,
    pub survey: &'a str,
    pub course: &'a CourseId,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub class: Option<&'a str>,
    pub office: Option<&'a str>,
    pub facilitator: Option<PersonId>,
    pub answers_json: &'a str,
}

pub fn insert_response(conn: &Connection, r: &NewResponse<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO survey_responses (id, survey_id, course_id, pack_id, pack_version, class_id,
             office_id, facilitator_id, answers_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            r.id,
            r.survey,
            r.course,
            r.pack_id,
            r.pack_version,
            r.class,
            r.office,
            r.facilitator,
            r.answers_json
        ],
    )?;
    Ok(())
}

/// The answers of every response to a course's survey for one version, in
/// the order of their random keys.
pub fn responses(conn: &Connection, course: &CourseId, version: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT answers_json FROM survey_responses WHERE course_id = ?1 AND pack_version = ?2
         ORDER BY id",
    )?;
    let rows = stmt
        .query_map(params![course, version], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// How many people were asked a course version's survey: those present at
/// its classes (the latest mark, cancelled classes left out), and those who
/// answered or declined it after completing the course online
/// (`online_occasion`; learners still to answer online are not counted).
pub fn asked(
    conn: &Connection,
    course: &CourseId,
    version: &str,
    online_occasion: &str,
) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT
           (SELECT COUNT(*) FROM class_attendance a
              JOIN classes c ON c.id = a.class_id
              LEFT JOIN class_cancellations x ON x.class_id = c.id
             WHERE c.course_id = ?1 AND c.pack_version = ?2 AND x.class_id IS NULL
               AND a.present = 1
               AND a.rowid = (SELECT b.rowid FROM class_attendance b
                              WHERE b.class_id = a.class_id AND b.person_id = a.person_id
                              ORDER BY b.at DESC, b.rowid DESC LIMIT 1))
         + (SELECT COUNT(*) FROM survey_answered WHERE occasion = ?3)",
        params![course, version, online_occasion],
        |r| r.get(0),
    )?)
}

/// One response's answers with where it came from, for breakdowns: the
/// office's name and the facilitator's name (`None` when not recorded, as
/// for a course completed online).
pub struct ResponseOrigin {
    pub office: Option<String>,
    pub facilitator: Option<String>,
    pub answers_json: String,
}

pub fn responses_with_origin(
    conn: &Connection,
    course: &CourseId,
    version: &str,
) -> Result<Vec<ResponseOrigin>> {
    let mut stmt = conn.prepare_cached(
        "SELECT COALESCE(o.name, r.office_id), f.display_name, r.answers_json
         FROM survey_responses r
         LEFT JOIN org_units o ON o.id = r.office_id
         LEFT JOIN persons f ON f.id = r.facilitator_id
         WHERE r.course_id = ?1 AND r.pack_version = ?2
         ORDER BY r.id",
    )?;
    let rows = stmt
        .query_map(params![course, version], |r| {
            Ok(ResponseOrigin {
                office: r.get(0)?,
                facilitator: r.get(1)?,
                answers_json: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Versions of a course that have responses, newest first (by semantic
/// version, sorted by the caller).
pub fn response_versions(conn: &Connection, course: &CourseId) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT pack_version FROM survey_responses WHERE course_id = ?1",
    )?;
    let rows = stmt
        .query_map([course], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
