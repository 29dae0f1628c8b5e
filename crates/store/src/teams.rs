//! Teams formed for a course's team synthesis (append-only).

use crate::Result;
use chrono::{DateTime, Utc};
use mastery_types::{CourseId, PersonId};
use rusqlite::{params, Connection, OptionalExtension};

pub fn form(
    conn: &Connection,
    id: &str,
    course: &CourseId,
    name: &str,
    by: PersonId,
    members: &[PersonId],
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO teams (id, course_id, name, formed_by, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, course.as_str(), name, by.0.to_string(), at],
    )?;
    let mut add =
        conn.prepare_cached("INSERT INTO team_members (team_id, person_id) VALUES (?1, ?2)")?;
    for m in members {
        add.execute(params![id, m.0.to_string()])?;
    }
    Ok(())
}

/// A team: id, name, and its members as (id, name).
#[derive(Clone, Debug, PartialEq)]
pub struct Team {
    pub id: String,
    pub name: String,
    pub members: Vec<(PersonId, String)>,
}

/// The person's team for a course, if they are in one.
pub fn team_of(conn: &Connection, person: PersonId, course: &CourseId) -> Result<Option<Team>> {
    let head: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT t.id, t.name FROM teams t JOIN team_members m ON m.team_id = t.id
             WHERE m.person_id = ?1 AND t.course_id = ?2 ORDER BY t.at DESC LIMIT 1",
        )?
        .query_row(params![person.0.to_string(), course.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((id, name)) = head else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.display_name FROM team_members m JOIN persons p ON p.id = m.person_id
         WHERE m.team_id = ?1 ORDER BY p.display_name COLLATE NOCASE",
    )?;
    let members = stmt
        .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(Team { id, name, members }))
}

/// The ids of a team's members.
pub fn member_ids(conn: &Connection, team: &str) -> Result<Vec<PersonId>> {
    let mut stmt = conn.prepare_cached("SELECT person_id FROM team_members WHERE team_id = ?1")?;
    let ids = stmt
        .query_map([team], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<PersonId>>>()?;
    Ok(ids)
}
