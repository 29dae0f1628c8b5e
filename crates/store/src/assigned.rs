//! Courses assigned by a manager with a due date (append-only; the latest
//! assignment of a course to a person counts).

use crate::Result;
use chrono::{DateTime, NaiveDate, Utc};
use mastery_types::{CourseId, PersonId};
use rusqlite::{params, Connection, OptionalExtension};

#[allow(clippy::too_many_arguments)]
pub fn assign(
    conn: &Connection,
    id: &str,
    person: PersonId,
    course: &CourseId,
    due_on: NaiveDate,
    note: &str,
    by: PersonId,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO course_assignments (id, person_id, course_id, due_on, note, assigned_by, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            person.0.to_string(),
            course.as_str(),
            due_on.to_string(),
            note,
            by.0.to_string(),
            at
        ],
    )?;
    Ok(())
}

/// A course assigned to a person with its due date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assigned {
    pub course: CourseId,
    /// A date in the person's office time zone.
    pub due_on: NaiveDate,
    pub note: String,
    pub assigned_by: String,
}

/// The current (latest) assignment of each course to a person.
pub fn current(conn: &Connection, person: PersonId) -> Result<Vec<Assigned>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.course_id, a.due_on, a.note, p.display_name
         FROM course_assignments a JOIN persons p ON p.id = a.assigned_by
         WHERE a.person_id = ?1 AND a.rowid = (
             SELECT b.rowid FROM course_assignments b WHERE b.person_id = a.person_id AND b.course_id = a.course_id
             ORDER BY b.at DESC, b.rowid DESC LIMIT 1)
         ORDER BY a.due_on, a.course_id",
    )?;
    let rows = stmt
        .query_map([person], |r| {
            Ok(Assigned {
                course: r.get(0)?,
                due_on: r.get(1)?,
                note: r.get(2)?,
                assigned_by: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The IANA time zone of a person's office, if they have one.
pub fn office_time_zone(conn: &Connection, person: PersonId) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT o.time_zone FROM persons p JOIN org_units o ON o.id = p.org_unit_id WHERE p.id = ?1",
            [person.0.to_string()],
            |r| r.get(0),
        )
        .optional()?)
}

/// Someone who reports to a manager.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub person: PersonId,
    pub name: String,
    pub employee_number: mastery_types::EmployeeNumber,
}

/// People whose manager is `manager`.
pub fn reports(conn: &Connection, manager: PersonId) -> Result<Vec<Report>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, display_name, employee_number FROM persons WHERE manager_id = ?1 AND active = 1 ORDER BY display_name COLLATE NOCASE",
    )?;
    let rows = stmt
        .query_map([manager], |r| {
            Ok(Report {
                person: r.get(0)?,
                name: r.get(1)?,
                employee_number: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
