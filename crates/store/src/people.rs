//! People (from HR), their local accounts and their roles.

use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use mastery_types::{EmployeeNumber, PersonId, Role, Track, Username};
use rusqlite::{params, Connection, OptionalExtension, Row};
use uuid::Uuid;

pub(crate) fn uuid_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Uuid> {
    let s: String = row.get(idx)?;
    Uuid::parse_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn opt_uuid_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<Uuid>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| Uuid::parse_str(&s)).transpose().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub struct NewOrgUnit<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub parent_id: Option<&'a str>,
    pub time_zone: &'a str,
}

pub fn insert_org_unit(conn: &Connection, unit: &NewOrgUnit<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO org_units (id, name, parent_id, time_zone) VALUES (?1, ?2, ?3, ?4)",
        params![unit.id, unit.name, unit.parent_id, unit.time_zone],
    )?;
    Ok(())
}

/// Every office, by name.
pub fn org_units(conn: &Connection) -> Result<Vec<mastery_types::Office>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, name, time_zone FROM org_units ORDER BY name COLLATE NOCASE")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(mastery_types::Office {
                id: r.get(0)?,
                name: r.get(1)?,
                time_zone: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: PersonId,
    pub employee_number: EmployeeNumber,
    pub display_name: String,
    pub org_unit_id: Option<String>,
    pub manager_id: Option<PersonId>,
    pub home_track: Option<Track>,
    pub language: String,
}

pub fn insert_person(conn: &Connection, p: &Person, now: DateTime<Utc>) -> Result<()> {
    let taken: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM persons WHERE employee_number = ?1)",
        [p.employee_number.as_str()],
        |r| r.get(0),
    )?;
    if taken {
        return Err(StoreError::Problem(
            mastery_types::Problem::EmployeeNumberTaken {
                number: p.employee_number.to_string(),
            },
        ));
    }
    conn.execute(
        "INSERT INTO persons (id, employee_number, display_name, org_unit_id, manager_id, home_track, language, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            p.id.0.to_string(),
            p.employee_number.as_str(),
            p.display_name,
            p.org_unit_id,
            p.manager_id.map(|m| m.0.to_string()),
            p.home_track.map(Track::as_str),
            p.language,
            now
        ],
    )?;
    Ok(())
}

fn person_from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    let home: Option<String> = r.get(5)?;
    Ok(Person {
        id: PersonId(uuid_col(r, 0)?),
        employee_number: EmployeeNumber(r.get(1)?),
        display_name: r.get(2)?,
        org_unit_id: r.get(3)?,
        manager_id: opt_uuid_col(r, 4)?.map(PersonId),
        home_track: home.as_deref().and_then(Track::parse),
        language: r.get(6)?,
    })
}

const PERSON_COLS: &str =
    "id, employee_number, display_name, org_unit_id, manager_id, home_track, language";

pub fn person(conn: &Connection, id: PersonId) -> Result<Option<Person>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {PERSON_COLS} FROM persons WHERE id = ?1"))?
        .query_row([id.0.to_string()], person_from_row)
        .optional()?)
}

pub fn set_language(
    conn: &Connection,
    id: PersonId,
    language: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE persons SET language = ?2, updated_at = ?3 WHERE id = ?1",
        params![id.0.to_string(), language, now],
    )?;
    Ok(())
}

#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    pub person_id: PersonId,
    pub username: Username,
    pub password_hash: String,
    pub disabled: bool,
}

pub fn insert_account(
    conn: &Connection,
    person: PersonId,
    username: &Username,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let taken: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM accounts WHERE username = ?1)",
        [username.as_str()],
        |r| r.get(0),
    )?;
    if taken {
        return Err(StoreError::Conflict(format!(
            "the username {username} is taken"
        )));
    }
    conn.execute(
        "INSERT INTO accounts (person_id, username, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![person.0.to_string(), username.as_str(), password_hash, now],
    )?;
    Ok(())
}

pub fn account_by_username(conn: &Connection, username: &str) -> Result<Option<Account>> {
    Ok(conn
        .query_row(
            // A person who left (deactivated from HR) cannot sign in.
            "SELECT a.person_id, a.username, a.password_hash, a.disabled OR NOT p.active
             FROM accounts a JOIN persons p ON p.id = a.person_id WHERE a.username = ?1",
            [username],
            |r| {
                Ok(Account {
                    person_id: PersonId(uuid_col(r, 0)?),
                    username: Username(r.get(1)?),
                    password_hash: r.get(2)?,
                    disabled: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// The username of a person's account, if they have one.
pub fn username_of(conn: &Connection, person: PersonId) -> Result<Option<Username>> {
    Ok(conn
        .query_row(
            "SELECT username FROM accounts WHERE person_id = ?1",
            [person.0.to_string()],
            |r| r.get(0).map(Username),
        )
        .optional()?)
}

pub fn count_accounts(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))?)
}

/// Failed sign-ins in a row under one typed name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Failures {
    pub count: u32,
    pub last: Option<DateTime<Utc>>,
}

/// Failed sign-ins in a row for a typed username's key.
pub fn sign_in_failures(conn: &Connection, username: &str) -> Result<Failures> {
    Ok(conn
        .query_row(
            "SELECT failed_attempts, last_failed_at FROM sign_in_failures WHERE username = ?1",
            [username],
            |r| {
                Ok(Failures {
                    count: r.get(0)?,
                    last: Some(r.get(1)?),
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

/// Counts a failed sign-in and returns the new number of failures in a row.
/// Entries idle for a day are dropped, so the table stays small.
pub fn record_failed_sign_in(conn: &Connection, username: &str, now: DateTime<Utc>) -> Result<u32> {
    conn.execute(
        "DELETE FROM sign_in_failures WHERE last_failed_at < ?1",
        [now - chrono::Duration::days(1)],
    )?;
    Ok(conn.query_row(
        "INSERT INTO sign_in_failures (username, failed_attempts, last_failed_at) VALUES (?1, 1, ?2)
         ON CONFLICT(username) DO UPDATE SET failed_attempts = failed_attempts + 1, last_failed_at = excluded.last_failed_at
         RETURNING failed_attempts",
        params![username, now],
        |r| r.get(0),
    )?)
}

pub fn clear_failed_sign_ins(conn: &Connection, username: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM sign_in_failures WHERE username = ?1",
        [username],
    )?;
    Ok(())
}

/// Replaces a person's roles (a mutable grant table; who granted is kept).
pub fn set_roles(
    conn: &Connection,
    person: PersonId,
    roles: &[Role],
    granted_by: Option<PersonId>,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "DELETE FROM role_grants WHERE person_id = ?1",
        [person.0.to_string()],
    )?;
    let mut stmt = conn.prepare_cached("INSERT OR IGNORE INTO role_grants (person_id, role, granted_by, granted_at) VALUES (?1, ?2, ?3, ?4)")?;
    for role in roles {
        stmt.execute(params![
            person.0.to_string(),
            role.as_str(),
            granted_by.map(|g| g.0.to_string()),
            now
        ])?;
    }
    Ok(())
}

/// The role rows of a person, as stored. Not what they may do: a row counts
/// only when the audit chain vouches for it (`mastery_domain::integrity`);
/// `mastery_api` asks that rule before any use.
pub fn granted_roles(conn: &Connection, person: PersonId) -> Result<Vec<Role>> {
    let mut stmt = conn.prepare_cached("SELECT role FROM role_grants WHERE person_id = ?1")?;
    let names = stmt
        .query_map([person.0.to_string()], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let mut roles = names
        .iter()
        .map(|n| Role::parse(n).ok_or_else(|| StoreError::Corrupt(format!("unknown role {n:?}"))))
        .collect::<Result<Vec<Role>>>()?;
    roles.sort();
    Ok(roles)
}

/// Every role row of everyone, for the audit check.
pub fn all_grants(conn: &Connection) -> Result<Vec<(PersonId, Role)>> {
    let mut stmt =
        conn.prepare_cached("SELECT person_id, role FROM role_grants ORDER BY person_id, role")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((PersonId(uuid_col(r, 0)?), r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(p, n)| {
            Role::parse(&n)
                .map(|r| (p, r))
                .ok_or_else(|| StoreError::Corrupt(format!("unknown role {n:?}")))
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct AccountListing {
    pub person: Person,
    pub username: Username,
    pub org_unit_name: Option<String>,
}

pub fn list_accounts(conn: &Connection) -> Result<Vec<AccountListing>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.employee_number, p.display_name, p.org_unit_id, p.manager_id, p.home_track, p.language,
                a.username, o.name
         FROM accounts a JOIN persons p ON p.id = a.person_id LEFT JOIN org_units o ON o.id = p.org_unit_id
         ORDER BY p.display_name COLLATE NOCASE",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(AccountListing {
                person: person_from_row(r)?,
                username: Username(r.get(7)?),
                org_unit_name: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The names of some people (those not on file are absent).
pub fn names(
    conn: &Connection,
    ids: &[PersonId],
) -> Result<std::collections::HashMap<PersonId, String>> {
    let mut stmt = conn.prepare_cached("SELECT display_name FROM persons WHERE id = ?1")?;
    let mut out = std::collections::HashMap::new();
    for id in ids {
        if out.contains_key(id) {
            continue;
        }
        if let Some(name) = stmt
            .query_row([id.0.to_string()], |r| r.get::<_, String>(0))
            .optional()?
        {
            out.insert(*id, name);
        }
    }
    Ok(out)
}
