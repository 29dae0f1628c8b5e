//! Roster imports: read (CSV or SCIM), preview, apply in one transaction.

use super::hr_error;
use crate::errors::new_id;
use crate::{Api, Caller, Result};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_domain::roster::{self, Known, OfficeChoice, Plan, Row};
use mastery_store::{hr as store, people};
use mastery_types::{
    ApiError, ChangedPerson, ImportSummary, PersonId, Problem, RefusedRow, RosterPerson,
    RosterPreview, RosterSource, UnresolvedManager,
};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The largest roster file accepted from the window (11,000 people take
/// about 1 MB).
pub const MAX_ROSTER_MB: usize = 50;

/// A roster read and previewed, kept until it is applied or replaced.
#[derive(Clone, Debug, Default)]
pub(crate) struct PendingRoster {
    digest: String,
    source: Option<RosterSource>,
    rows: Vec<Row>,
    read_refused: Vec<RefusedRow>,
}

/// The people and offices a plan is made against.
struct Basis {
    people: Vec<store::RosterPerson>,
    offices: Vec<mastery_types::Office>,
    me: Option<String>,
}

impl Api {
    /// Reads a roster file and shows what applying it would do.
    pub fn preview_roster_csv(
        &self,
        caller: &Caller,
        bytes: &[u8],
        _now: DateTime<Utc>,
    ) -> Result<RosterPreview> {
        caller.require(Permission::ManageHr)?;
        let read = mastery_hr::csv_roster::read(bytes).map_err(ApiError::problem)?;
        self.preview(caller, RosterSource::Csv, read.rows, read.refused)
    }

    /// [`Api::preview_roster_csv`] for a file sent by the window (base64).
    pub fn preview_roster_upload(
        &self,
        caller: &Caller,
        csv_base64: &str,
        now: DateTime<Utc>,
    ) -> Result<RosterPreview> {
        use base64::Engine;
        caller.require(Permission::ManageHr)?;
        if csv_base64.len() / 4 * 3 > MAX_ROSTER_MB * 1024 * 1024 {
            return Err(ApiError::problem(Problem::UploadTooLarge {
                max_mb: MAX_ROSTER_MB as u32,
            }));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(csv_base64.trim().as_bytes())
            .map_err(|_| {
                ApiError::problem(Problem::FileUnreadable {
                    name: "roster".into(),
                })
            })?;
        self.preview_roster_csv(caller, &bytes, now)
    }

    /// Reads the roster from the SCIM server and shows what applying it
    /// would do. `progress` hears (people read, people in all).
    pub async fn preview_roster_scim(
        &self,
        caller: &Caller,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<RosterPreview> {
        caller.require(Permission::ManageHr)?;
        let scim = self.scim()?;
        let users = scim.users(progress).await.map_err(hr_error)?;
        let managers = scim
            .group_members(mastery_hr::scim::PROGRAM_MANAGER_GROUP)
            .await
            .map_err(hr_error)?;
        let (rows, refused) = mastery_hr::scim::roster_rows(&users, managers.as_ref());
        self.preview(caller, RosterSource::Scim, rows, refused)
    }

    fn preview(
        &self,
        caller: &Caller,
        source: RosterSource,
        rows: Vec<Row>,
        read_refused: Vec<RefusedRow>,
    ) -> Result<RosterPreview> {
        let basis = self.store.read(|c| basis(c, caller))?;
        let plan = plan_for(&basis, &rows);
        let preview = preview_of(&basis, source, &rows, &read_refused, &plan);
        if let Ok(mut pending) = self.roster.lock() {
            *pending = PendingRoster {
                digest: preview.digest.clone(),
                source: Some(source),
                rows,
                read_refused,
            };
        }
        Ok(preview)
    }

    /// Applies the roster last previewed, if it is the one named by
    /// `digest` and nothing changed since: all of it, or nothing.
    pub fn apply_roster(
        &self,
        caller: &Caller,
        digest: &str,
        now: DateTime<Utc>,
    ) -> Result<ImportSummary> {
        let actor = caller.require(Permission::ManageHr)?;
        let pending = self.roster.lock().map(|p| p.clone()).unwrap_or_default();
        let Some(source) = pending.source.filter(|_| pending.digest == digest) else {
            return Err(ApiError::problem(Problem::RosterChanged));
        };
        let summary = self.store.write(|tx| {
            let basis = basis(tx, caller)?;
            let plan = plan_for(&basis, &pending.rows);
            let preview = preview_of(&basis, source, &pending.rows, &pending.read_refused, &plan);
            if preview.digest != digest {
                return Err(mastery_store::StoreError::Problem(Problem::RosterChanged));
            }
            let summary = ImportSummary {
                source,
                at: now,
                added: plan.adds.len() as u32,
                changed: preview.changed.len() as u32,
                deactivated: plan.deactivate.len() as u32,
                reactivated: preview.reactivated.len() as u32,
                refused: preview.refused.len() as u32,
                unresolved: plan.unresolved.len() as u32,
            };
            write_plan(tx, &basis, &plan, now)?;
            store::insert_import(tx, &new_id(now).to_string(), actor, &summary)?;
            crate::audit::record(
                tx,
                now,
                actor,
                "hr.roster_imported",
                source.as_str(),
                serde_json::json!({
                    "added": summary.added, "changed": summary.changed,
                    "deactivated": summary.deactivated, "reactivated": summary.reactivated,
                    "refused": summary.refused, "unresolved": summary.unresolved,
                }),
            )?;
            Ok(summary)
        })?;
        if let Ok(mut p) = self.roster.lock() {
            *p = PendingRoster::default();
        }
        Ok(summary)
    }
}

fn basis(c: &mastery_store::Connection, caller: &Caller) -> mastery_store::Result<Basis> {
    let me = match caller {
        Caller::Person { id, .. } => people::person(c, *id)?.map(|p| p.employee_number.0),
        Caller::LocalOperator => None,
    };
    Ok(Basis {
        people: store::roster(c)?,
        offices: people::org_units(c)?,
        me,
    })
}

fn plan_for(b: &Basis, rows: &[Row]) -> Plan {
    let known: Vec<Known> = b
        .people
        .iter()
        .map(|p| Known {
            number: p.number.clone(),
            name: p.name.clone(),
            office: p.office.clone(),
            manager: p.manager.clone(),
            active: p.active,
            from_hr: p.from_hr,
            language: p.language.clone(),
            track: p.track,
            program_manager: p.program_manager,
        })
        .collect();
    let offices: Vec<roster::Office> = b
        .offices
        .iter()
        .map(|o| roster::Office {
            id: o.id.clone(),
            name: o.name.clone(),
        })
        .collect();
    roster::plan(
        &known,
        &offices,
        rows,
        b.me.as_deref(),
        &|tz| tz.parse::<chrono_tz::Tz>().is_ok(),
        "en",
    )
}

fn preview_of(
    b: &Basis,
    source: RosterSource,
    rows: &[Row],
    read_refused: &[RefusedRow],
    plan: &Plan,
) -> RosterPreview {
    let office_name = |choice: &OfficeChoice, current: Option<&String>| -> Option<String> {
        match choice {
            OfficeChoice::Keep => current
                .and_then(|id| b.offices.iter().find(|o| &o.id == id))
                .map(|o| o.name.clone()),
            OfficeChoice::Known(id) => b
                .offices
                .iter()
                .find(|o| &o.id == id)
                .map(|o| o.name.clone()),
            OfficeChoice::New(name) => Some(name.clone()),
        }
    };
    let person = |p: &store::RosterPerson| RosterPerson {
        employee_number: p.number.clone(),
        name: p.name.clone(),
        office: p
            .office
            .as_ref()
            .and_then(|id| b.offices.iter().find(|o| &o.id == id))
            .map(|o| o.name.clone()),
        manager: p.manager.clone(),
    };
    let names: HashMap<&str, &str> = plan
        .adds
        .iter()
        .map(|a| (a.number.as_str(), a.name.as_str()))
        .chain(
            plan.updates
                .iter()
                .map(|u| (u.row.number.as_str(), u.row.name.as_str())),
        )
        .collect();
    let mut refused: Vec<RefusedRow> = read_refused.to_vec();
    refused.extend(plan.refused.iter().cloned());
    refused.sort_by_key(|a| line_of(&a.at));
    let mut preview = RosterPreview {
        digest: String::new(),
        source,
        rows: (rows.len() + read_refused.len()) as u32,
        added: plan
            .adds
            .iter()
            .map(|a| RosterPerson {
                employee_number: a.number.clone(),
                name: a.name.clone(),
                office: office_name(&a.office, None),
                manager: a.manager.clone(),
            })
            .collect(),
        changed: plan
            .updates
            .iter()
            .filter(|u| !u.changes.is_empty())
            .map(|u| ChangedPerson {
                employee_number: u.row.number.clone(),
                name: b.people[u.known].name.clone(),
                changes: u.changes.clone(),
            })
            .collect(),
        deactivated: plan
            .deactivate
            .iter()
            .map(|i| person(&b.people[*i]))
            .collect(),
        reactivated: plan
            .updates
            .iter()
            .filter(|u| u.reactivate)
            .map(|u| person(&b.people[u.known]))
            .collect(),
        refused,
        unresolved: plan
            .unresolved
            .iter()
            .map(|(n, m)| UnresolvedManager {
                employee_number: n.clone(),
                name: names
                    .get(n.as_str())
                    .map(|s| (*s).to_owned())
                    .unwrap_or_default(),
                manager: m.clone(),
            })
            .collect(),
        new_offices: plan.new_offices.iter().map(|(n, _)| n.clone()).collect(),
        unchanged: plan.unchanged,
    };
    // The digest names this preview and the HR ids the apply writes.
    let mut h = Sha256::new();
    h.update(serde_json::to_vec(&preview).unwrap_or_default());
    for (i, id) in &plan.hr_ids {
        h.update(b.people[*i].number.as_bytes());
        h.update(id.as_bytes());
    }
    for a in plan
        .adds
        .iter()
        .map(|a| &a.hr_id)
        .chain(plan.updates.iter().map(|u| &u.row.hr_id))
    {
        h.update(a.as_deref().unwrap_or("-").as_bytes());
    }
    preview.digest = hex::encode(h.finalize());
    preview
}

fn line_of(r: &mastery_types::RowRef) -> (u32, String) {
    match r {
        mastery_types::RowRef::Line(n) => (*n, String::new()),
        mastery_types::RowRef::Resource(id) => (0, id.clone()),
    }
}

fn write_plan(
    tx: &mastery_store::Connection,
    b: &Basis,
    plan: &Plan,
    now: DateTime<Utc>,
) -> mastery_store::Result<()> {
    let mut new_office_ids: HashMap<String, String> = HashMap::new();
    for (name, tz) in &plan.new_offices {
        let id = new_id(now).to_string();
        people::insert_org_unit(
            tx,
            &people::NewOrgUnit {
                id: &id,
                name,
                parent_id: None,
                time_zone: tz,
            },
        )?;
        new_office_ids.insert(name.clone(), id);
    }
    let office = |c: &OfficeChoice| -> Option<String> {
        match c {
            OfficeChoice::Keep => None,
            OfficeChoice::Known(id) => Some(id.clone()),
            OfficeChoice::New(name) => new_office_ids.get(name).cloned(),
        }
    };
    for a in &plan.adds {
        let o = office(&a.office);
        store::insert_person(
            tx,
            &store::HrPerson {
                id: PersonId(new_id(now)),
                number: &a.number,
                name: &a.name,
                office: o.as_deref(),
                manager: a.manager.as_deref(),
                language: &a.language,
                track: a.track,
                program_manager: a.program_manager,
                hr_id: a.hr_id.as_deref(),
            },
            now,
        )?;
    }
    for u in &plan.updates {
        let o = office(&u.row.office);
        store::update_person(
            tx,
            &store::HrPerson {
                id: b.people[u.known].id,
                number: &u.row.number,
                name: &u.row.name,
                office: o.as_deref(),
                manager: u.row.manager.as_deref(),
                language: &u.row.language,
                track: u.row.track,
                program_manager: u.row.program_manager,
                hr_id: u.row.hr_id.as_deref(),
            },
            now,
        )?;
    }
    for i in &plan.deactivate {
        store::deactivate(tx, b.people[*i].id, now)?;
    }
    for (i, id) in &plan.hr_ids {
        store::set_hr_id(tx, b.people[*i].id, id)?;
    }
    store::resolve_managers(tx)?;
    Ok(())
}
