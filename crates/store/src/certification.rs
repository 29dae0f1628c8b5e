//! Certification requests, decisions, revocations and approval delegations
//! (all append-only), and the people the mandatory-levels rule covers.

use crate::Result;
use chrono::{DateTime, NaiveDate, Utc};
use mastery_domain::certification::Authority;
use mastery_types::{CourseId, EmployeeNumber, MasteryLevel, PersonId, Track};
use rusqlite::{params, Connection, OptionalExtension};

/// How an authority is stored: `manager`, or the id of the manager whose
/// delegate decided.
fn authority_text(a: Authority) -> String {
    match a {
        Authority::Manager => "manager".to_owned(),
        Authority::Delegate(m) => m.0.to_string(),
    }
}

fn authority_col(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<Authority> {
    let text: String = r.get(idx)?;
    if text == "manager" {
        return Ok(Authority::Manager);
    }
    uuid::Uuid::parse_str(&text)
        .map(|u| Authority::Delegate(PersonId(u)))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
        })
}

pub struct NewRequest<'a> {
    pub id: &'a str,
    pub person: PersonId,
    pub track: Track,
    pub level: MasteryLevel,
    pub course: &'a CourseId,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub evidence_json: &'a str,
    pub at: DateTime<Utc>,
}

pub fn insert_request(conn: &Connection, r: &NewRequest<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO certification_requests (id, person_id, track, level, course_id, pack_id, pack_version, evidence_json, requested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![r.id, r.person, r.track, r.level, r.course, r.pack_id, r.pack_version, r.evidence_json, r.at],
    )?;
    Ok(())
}

pub struct NewDecision<'a> {
    pub id: &'a str,
    pub request_id: &'a str,
    pub by: PersonId,
    pub authority: Authority,
    pub approved: bool,
    pub reason: &'a str,
    /// `(valid_from, valid_until)` when approved.
    pub period: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub at: DateTime<Utc>,
}

pub fn insert_decision(conn: &Connection, d: &NewDecision<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO certification_decisions (request_id, id, decided_by, authority, decision, reason, valid_from, valid_until, decided_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            d.request_id,
            d.id,
            d.by,
            authority_text(d.authority),
            if d.approved { "approved" } else { "returned" },
            d.reason,
            d.period.map(|p| p.0),
            d.period.map(|p| p.1),
            d.at
        ],
    )?;
    Ok(())
}

pub fn insert_revocation(
    conn: &Connection,
    id: &str,
    request_id: &str,
    by: PersonId,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO certification_revocations (request_id, id, revoked_by, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![request_id, id, by.0.to_string(), reason, at],
    )?;
    Ok(())
}

/// A decision as stored, with the decider's name.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionRow {
    pub by_id: PersonId,
    pub by: String,
    pub authority: Authority,
    pub approved: bool,
    pub reason: String,
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_until: Option<DateTime<Utc>>,
    pub at: DateTime<Utc>,
}

/// A revocation, with the administrator's name.
#[derive(Clone, Debug, PartialEq)]
pub struct RevocationRow {
    pub by: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// A request with what became of it.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestRow {
    pub id: String,
    pub person_id: PersonId,
    pub person_name: String,
    pub employee_number: EmployeeNumber,
    pub track: Track,
    pub level: MasteryLevel,
    pub course: CourseId,
    pub pack_version: String,
    pub evidence_json: String,
    pub requested_at: DateTime<Utc>,
    pub decision: Option<DecisionRow>,
    pub revocation: Option<RevocationRow>,
    /// The audit row recording the decision, if the chain has one: a
    /// decision counts only with it (`mastery_domain::integrity`).
    pub decision_audit: Option<mastery_domain::integrity::DecisionAudit>,
}

const SELECT: &str = "SELECT r.id, r.person_id, p.display_name, p.employee_number, r.track, r.level, r.course_id,
        r.pack_version, r.evidence_json, r.requested_at,
        d.decided_by, dp.display_name, d.authority, d.decision, d.reason, d.valid_from, d.valid_until, d.decided_at,
        vp.display_name, v.reason, v.at,
        (SELECT a.seq FROM audit_log a
          WHERE a.action IN ('certification.approved', 'certification.returned', 'certification.adopted')
            AND json_extract(a.details_json, '$.request') = r.id ORDER BY a.seq LIMIT 1),
        (SELECT CASE a.action WHEN 'certification.approved' THEN 1 WHEN 'certification.returned' THEN 0
                ELSE json_extract(a.details_json, '$.decision') = 'approved' END
           FROM audit_log a
          WHERE a.action IN ('certification.approved', 'certification.returned', 'certification.adopted')
            AND json_extract(a.details_json, '$.request') = r.id ORDER BY a.seq LIMIT 1)
 FROM certification_requests r
 JOIN persons p ON p.id = r.person_id
 LEFT JOIN certification_decisions d ON d.request_id = r.id
 LEFT JOIN persons dp ON dp.id = d.decided_by
 LEFT JOIN certification_revocations v ON v.request_id = r.id
 LEFT JOIN persons vp ON vp.id = v.revoked_by";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RequestRow> {
    let decided_by: Option<PersonId> = r.get(10)?;
    let decision = match decided_by {
        Some(by_id) => Some(DecisionRow {
            by_id,
            by: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
            authority: authority_col(r, 12)?,
            approved: r.get::<_, String>(13)? == "approved",
            reason: r.get(14)?,
            valid_from: r.get(15)?,
            valid_until: r.get(16)?,
            at: r.get(17)?,
        }),
        None => None,
    };
    let revoked_reason: Option<String> = r.get(19)?;
    let revocation = match revoked_reason {
        Some(reason) => Some(RevocationRow {
            by: r.get::<_, Option<String>>(18)?.unwrap_or_default(),
            reason,
            at: r.get(20)?,
        }),
        None => None,
    };
    let audit_seq: Option<i64> = r.get(21)?;
    let audit_approved: Option<bool> = r.get(22)?;
    let decision_audit = audit_seq.map(|seq| mastery_domain::integrity::DecisionAudit {
        seq,
        approved: audit_approved.unwrap_or(false),
    });
    Ok(RequestRow {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        employee_number: r.get(3)?,
        track: r.get(4)?,
        level: r.get(5)?,
        course: r.get(6)?,
        pack_version: r.get(7)?,
        evidence_json: r.get(8)?,
        requested_at: r.get(9)?,
        decision,
        revocation,
        decision_audit,
    })
}

fn query(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> Result<Vec<RequestRow>> {
    let mut stmt =
        conn.prepare_cached(&format!("{SELECT} {filter} ORDER BY r.requested_at, r.id"))?;
    let rows = stmt
        .query_map(args, row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A person's requests, oldest first.
pub fn of_person(conn: &Connection, person: PersonId) -> Result<Vec<RequestRow>> {
    query(conn, "WHERE r.person_id = ?1", [person.0.to_string()])
}

/// Several people's requests, oldest first (one query for a whole team).
pub fn of_people(conn: &Connection, people: &[PersonId]) -> Result<Vec<RequestRow>> {
    let ids: Vec<String> = people.iter().map(|p| p.0.to_string()).collect();
    let json = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
    query(
        conn,
        "WHERE r.person_id IN (SELECT value FROM json_each(?1))",
        [json],
    )
}

pub fn request(conn: &Connection, id: &str) -> Result<Option<RequestRow>> {
    Ok(query(conn, "WHERE r.id = ?1", [id])?.into_iter().next())
}

/// Every request, oldest first (the audit check).
pub fn all_requests(conn: &Connection) -> Result<Vec<RequestRow>> {
    query(conn, "", [])
}

/// Requests waiting for a decision, oldest first, with those whose
/// decision row the audit chain does not record (the API treats those as
/// undecided).
pub fn pending(conn: &Connection) -> Result<Vec<RequestRow>> {
    query(
        conn,
        "WHERE d.request_id IS NULL OR NOT EXISTS (SELECT 1 FROM audit_log a
             WHERE a.action IN ('certification.approved', 'certification.returned', 'certification.adopted')
               AND json_extract(a.details_json, '$.request') = r.id)",
        [],
    )
}

/// Every approved request (periods of certification), oldest first.
pub fn approved(conn: &Connection) -> Result<Vec<RequestRow>> {
    query(conn, "WHERE d.decision = 'approved'", [])
}

pub fn insert_delegation(
    conn: &Connection,
    id: &str,
    manager: PersonId,
    delegate: PersonId,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    at: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO approval_delegations (id, manager_id, delegate_id, starts_on, ends_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, manager, delegate, starts_on, ends_on, at],
    )?;
    Ok(())
}

#[derive(Clone, Debug, PartialEq)]
pub struct DelegationRow {
    pub id: String,
    pub manager_id: PersonId,
    pub manager: String,
    pub delegate_id: PersonId,
    pub delegate: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// Every delegation, oldest first.
pub fn delegations(conn: &Connection) -> Result<Vec<DelegationRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.manager_id, m.display_name, d.delegate_id, p.display_name, d.starts_on, d.ends_on
         FROM approval_delegations d
         JOIN persons m ON m.id = d.manager_id JOIN persons p ON p.id = d.delegate_id
         ORDER BY d.created_at, d.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            // A date that does not read is an error, never a default that
            // would widen the delegation.
            Ok(DelegationRow {
                id: r.get(0)?,
                manager_id: r.get(1)?,
                manager: r.get(2)?,
                delegate_id: r.get(3)?,
                delegate: r.get(4)?,
                starts_on: r.get::<_, NaiveDate>(5)?,
                ends_on: r.get::<_, NaiveDate>(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The person's manager in the org structure.
pub fn manager_of(conn: &Connection, person: PersonId) -> Result<Option<PersonId>> {
    Ok(conn
        .query_row(
            "SELECT manager_id FROM persons WHERE id = ?1",
            [person],
            |r| r.get::<_, Option<PersonId>>(0),
        )
        .optional()?
        .flatten())
}

/// Someone the mandatory-levels rule covers.
#[derive(Clone, Debug, PartialEq)]
pub struct InScope {
    pub id: PersonId,
    pub name: String,
    pub employee_number: EmployeeNumber,
    pub home_track: Option<Track>,
    pub manager_id: Option<PersonId>,
}

/// Entry-level program managers (from HR), by name.
pub fn entry_level_program_managers(conn: &Connection) -> Result<Vec<InScope>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, display_name, employee_number, home_track, manager_id FROM persons
         WHERE entry_level_program_manager = 1 AND active = 1 ORDER BY display_name",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(InScope {
                id: r.get(0)?,
                name: r.get(1)?,
                employee_number: r.get(2)?,
                home_track: r.get(3)?,
                manager_id: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Marks (or unmarks) a person as an entry-level program manager.
pub fn set_entry_level_program_manager(
    conn: &Connection,
    person: PersonId,
    yes: bool,
) -> Result<()> {
    conn.execute(
        "UPDATE persons SET entry_level_program_manager = ?2 WHERE id = ?1",
        params![person.0.to_string(), i64::from(yes)],
    )?;
    Ok(())
}

/// People with an enabled account who may be named delegates (managers
/// and coaches), by name.
pub fn delegate_candidates(conn: &Connection) -> Result<Vec<(PersonId, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT p.id, p.display_name FROM persons p
         JOIN accounts a ON a.person_id = p.id AND a.disabled = 0
         JOIN role_grants g ON g.person_id = p.id AND g.role IN ('manager', 'coach')
         WHERE p.active = 1
         ORDER BY p.display_name",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Every person's id (the whole organization), in a stable order.
pub fn all_people(conn: &Connection) -> Result<Vec<PersonId>> {
    let mut stmt =
        conn.prepare_cached("SELECT id FROM persons WHERE active = 1 ORDER BY employee_number")?;
    let rows = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<PersonId>>>()?;
    Ok(rows)
}
