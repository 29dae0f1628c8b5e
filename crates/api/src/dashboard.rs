//! The organization's figures: for administrators everyone, for managers
//! the people in their charge (directly or through the managers they
//! manage). Completions per course by month (in the caller's office
//! calendar), coaching per driver, certifications in force per office;
//! the counting is `mastery_domain::dashboard`'s.

use crate::{Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, NaiveDate, Utc};
use mastery_domain::access::Permission;
use mastery_domain::{dashboard, progress};
use mastery_store::certification as certs;
use mastery_types::{
    CertStatus, CourseCompletions, DashboardScope, OfficeCertifications, OrgDashboard, PersonId,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Months shown, the current one last.
const MONTHS: u32 = 12;

impl Api {
    pub fn org_dashboard(&self, caller: &Caller, now: DateTime<Utc>) -> Result<OrgDashboard> {
        let whole = caller.require(Permission::AdministerCertifications).is_ok();
        if !whole {
            caller.require(Permission::ManageStaff)?;
        }
        let me = caller.person()?;
        let placements = self.store.read(mastery_store::scope::all_placements)?;
        let in_scope: BTreeSet<PersonId> = if whole {
            placements.iter().map(|p| p.placement.person).collect()
        } else {
            let all: Vec<_> = placements.iter().map(|p| p.placement.clone()).collect();
            dashboard::in_charge_of(me, &all)
        };
        let tz: chrono_tz::Tz = self
            .store
            .read(|c| mastery_store::assigned::office_time_zone(c, me))?
            .and_then(|z| z.parse().ok())
            .unwrap_or(chrono_tz::UTC);
        let today = now.with_timezone(&tz).date_naive();
        let months = dashboard::last_months(today, MONTHS);
        let from = months
            .first()
            .and_then(|(y, m)| NaiveDate::from_ymd_opt(*y, *m, 1))
            .unwrap_or(today);

        let pack = self.latest_pack()?;
        let program = progress::Program::new(&pack);
        // Everyone's facts in one pass for the organization; a manager's
        // staff person by person (a few dozen, not eleven thousand).
        let facts: Vec<(PersonId, progress::LearnerFacts)> = self.store.read(|c| {
            if whole {
                Ok(mastery_store::facts::all_learner_facts(c, PROGRAM_PACK_ID)?
                    .into_iter()
                    .collect())
            } else {
                in_scope
                    .iter()
                    .map(|p| {
                        Ok((
                            *p,
                            mastery_store::facts::learner_facts(c, PROGRAM_PACK_ID, *p)?,
                        ))
                    })
                    .collect()
            }
        })?;
        let mine = || facts.iter().filter(|(p, _)| in_scope.contains(p));
        let mut done = Vec::new();
        let mut totals: HashMap<&mastery_types::CourseId, u32> = HashMap::new();
        let times: Vec<_> = mine()
            .flat_map(|(_, f)| progress::completion_times(&program, f))
            .collect();
        for (course, at) in &times {
            done.push((course.clone(), at.with_timezone(&tz).date_naive()));
        }
        for (course, _) in &times {
            *totals.entry(course).or_default() += 1;
        }
        let by_month = dashboard::completions_by_month(&months, done);
        let completions = pack
            .courses
            .iter()
            .map(|c| CourseCompletions {
                course: c.id.clone(),
                title: c.title.clone(),
                track: c.track,
                level: c.level.get(),
                per_month: by_month
                    .get(&c.id)
                    .cloned()
                    .unwrap_or_else(|| vec![0; months.len()]),
                total: totals.get(&c.id).copied().unwrap_or(0),
            })
            .collect();
        let coaching = dashboard::coaching_by_driver(mine().flat_map(|(_, f)| &f.coaching), from);

        let offices: HashMap<String, String> = self
            .store
            .read(mastery_store::people::org_units)?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        let office_of: HashMap<PersonId, Option<String>> = placements
            .iter()
            .filter(|p| in_scope.contains(&p.placement.person))
            .map(|p| {
                let name = p
                    .placement
                    .office
                    .as_ref()
                    .map(|o| offices.get(o).cloned().unwrap_or_else(|| o.clone()));
                (p.placement.person, name)
            })
            .collect();
        let mut by_office: BTreeMap<Option<String>, OfficeCertifications> = BTreeMap::new();
        for office in office_of.values() {
            by_office
                .entry(office.clone())
                .or_insert_with(|| OfficeCertifications {
                    office: office.clone(),
                    people: 0,
                    certified: [0; 3],
                    certified_people: 0,
                    expiring: 0,
                })
                .people += 1;
        }
        let rows = self.backed_requests(self.store.read(certs::all_requests)?)?;
        let mut holders: BTreeSet<PersonId> = BTreeSet::new();
        for (key, latest, _, status) in crate::certification::held(&rows, now) {
            let Some(office) = office_of.get(&latest.person_id) else {
                continue;
            };
            if !dashboard::in_force(status) {
                continue;
            }
            if let Some(o) = by_office.get_mut(office) {
                let level = usize::from(key.level.get()).clamp(1, 3) - 1;
                o.certified[level] += 1;
                o.expiring += u32::from(status == CertStatus::Expiring);
                if holders.insert(latest.person_id) {
                    o.certified_people += 1;
                }
            }
        }
        Ok(OrgDashboard {
            scope: if whole {
                DashboardScope::Organization
            } else {
                DashboardScope::Staff
            },
            people: u32::try_from(in_scope.len()).unwrap_or(u32::MAX),
            months: months
                .iter()
                .map(|(y, m)| format!("{y:04}-{m:02}"))
                .collect(),
            completions,
            coaching,
            certifications: by_office.into_values().collect(),
        })
    }
}
