//! Administrators' side of certification: every period of certification
//! with its status, revocation, the validity setting, the
//! organization-wide count (one projection per person over facts read in
//! bulk), and the audit check.

use super::{facts_of, key_of, keyed, period_of, subject_of, VALIDITY_SETTING};
use crate::errors::{new_id, required_at_most};
use crate::{Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_domain::certification as rules;
use mastery_domain::progress;
use mastery_store::certification::{self as store, RequestRow};
use mastery_store::{audit, settings};
use mastery_types::{
    ApiError, AuditEntry, AuditReport, CertStatus, CertificationAdmin, CertificationKey,
    CertifiedPerson, Field, PersonId, Problem, RevokeRequest,
};
use std::collections::{BTreeMap, HashMap};

/// Every certification held: for each person and certification, its
/// latest approved request, that period, and the status `rules::standing`
/// gives it (a recertification waiting for a decision does not hide the
/// period in force; older periods are history).
pub(crate) fn held(
    rows: &[RequestRow],
    now: DateTime<Utc>,
) -> Vec<(
    CertificationKey,
    &RequestRow,
    mastery_types::CertPeriod,
    CertStatus,
)> {
    let mut by_cert: BTreeMap<(PersonId, CertificationKey), Vec<&RequestRow>> = BTreeMap::new();
    for r in rows {
        by_cert.entry((r.person_id, key_of(r))).or_default().push(r);
    }
    let mut out = Vec::new();
    for ((_, key), requests) in by_cert {
        let Some(latest) = requests
            .iter()
            .rev()
            .find(|r| r.decision.as_ref().is_some_and(|d| d.approved))
        else {
            continue;
        };
        let Some(period) = period_of(latest) else {
            continue;
        };
        let decided: Vec<_> = requests
            .iter()
            .map(|r| facts_of(r))
            .filter(|f| f.decision.is_some())
            .collect();
        let status = rules::standing(&decided, false, true, now).status;
        out.push((key, *latest, period, status));
    }
    out
}

impl Api {
    /// The administrator's view: every certification held (its latest
    /// period, with the status `rules::standing` gives it), who is missing
    /// a mandatory level, the latest audit rows.
    pub fn certification_admin(
        &self,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<CertificationAdmin> {
        caller.require_person(Permission::AdministerCertifications)?;
        let pack = self.latest_pack()?;
        let rows: Vec<RequestRow> = self.backed_requests(self.store.read(store::all_requests)?)?;
        let mut certified = Vec::new();
        for (key, latest, period, status) in held(&rows, now) {
            certified.push(CertifiedPerson {
                name: latest.person_name.clone(),
                employee_number: latest.employee_number.0.clone(),
                key,
                title: pack
                    .course(&latest.course)
                    .map(|c| c.title.clone())
                    .unwrap_or_default(),
                period,
                status,
            });
        }
        certified.sort_by_key(|c| std::cmp::Reverse(c.period.valid_from));
        let recent_audit = self
            .store
            .read(|c| audit::recent(c, 50))?
            .into_iter()
            .map(|a| AuditEntry {
                seq: a.seq,
                at: a.at,
                actor: a.actor,
                action: a.action,
                subject: a.subject,
                details: a.details_json,
            })
            .collect();
        Ok(CertificationAdmin {
            certified,
            mandatory_gaps: self.mandatory_gaps(None, now)?,
            recent_audit,
            validity_months: self.validity_months()?,
        })
    }

    /// An administrator revokes a period of certification, with a reason.
    pub fn revoke_certification(
        &self,
        caller: &Caller,
        req: &RevokeRequest,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let me = caller.require_person(Permission::AdministerCertifications)?;
        let reason = required_at_most(&req.reason, Field::Reason, 2000)?;
        let r = self.certification_request(&req.request_id)?;
        if !r.decision.as_ref().is_some_and(|d| d.approved) {
            return Err(ApiError::problem(Problem::NotApproved));
        }
        if r.revocation.is_some() {
            return Err(ApiError::problem(Problem::AlreadyRevoked));
        }
        let subject = subject_of(&r);
        let details = serde_json::json!({ "request": r.id, "reason": reason });
        let intact = self.intact_now();
        self.store.write(|tx| {
            store::insert_revocation(tx, &new_id(now).to_string(), &r.id, me, reason, now)?;
            crate::audit::record(
                tx,
                now,
                Some(me),
                "certification.revoked",
                &subject,
                details.clone(),
            )?;
            crate::hr::enqueue_status(tx, r.person_id, intact, now)?;
            Ok(())
        })?;
        Ok(())
    }

    /// Sets how many months a new certification is valid (1 to 120); periods
    /// already approved keep their dates.
    pub fn set_validity_months(
        &self,
        caller: &Caller,
        months: u32,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let actor = caller.require(Permission::AdministerCertifications)?;
        if !(1..=120).contains(&months) {
            return Err(ApiError::problem(Problem::OutOfRange {
                field: Field::Months,
                min: 1,
                max: 120,
                given: i64::from(months),
            }));
        }
        self.store.write(|tx| {
            settings::set(tx, VALIDITY_SETTING, &months.to_string())?;
            crate::audit::record(
                tx,
                now,
                actor,
                "certification.validity_set",
                VALIDITY_SETTING,
                serde_json::json!({ "months": months }),
            )
        })?;
        Ok(())
    }

    /// Every person's standing on every certification, counted by status:
    /// the same projection as one person's, over everyone's facts read in
    /// bulk (each table once).
    pub fn organization_eligibility(
        &self,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<mastery_types::OrganizationEligibility> {
        caller.require(Permission::AdministerCertifications)?;
        let pack = self.latest_pack()?;
        let (people, facts, requests) = self.store.read(|c| {
            Ok((
                store::all_people(c)?,
                mastery_store::facts::all_learner_facts(c, PROGRAM_PACK_ID)?,
                store::all_requests(c)?,
            ))
        })?;
        let requests = self.backed_requests(requests)?;
        let mut by_person: HashMap<PersonId, Vec<RequestRow>> = HashMap::new();
        for r in requests {
            by_person.entry(r.person_id).or_default().push(r);
        }
        let program = progress::Program::new(&pack);
        // Each person is projected on their own, so the people are shared
        // out between the cores and the counts added up.
        let count = |people: &[PersonId]| {
            let mut counts: BTreeMap<&'static str, (CertStatus, u64)> = BTreeMap::new();
            let (none, empty) = (Vec::new(), progress::LearnerFacts::default());
            for id in people {
                let f = facts.get(id).unwrap_or(&empty);
                let state = progress::project_in(&program, f, now);
                let rows = by_person.get(id).unwrap_or(&none);
                for level in rules::levels(&pack, &state, &keyed(rows), now) {
                    let s = level.standing.status;
                    counts.entry(s.as_str()).or_insert((s, 0)).1 += 1;
                }
            }
            counts
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let chunk = people.len().div_ceil(threads).max(1);
        let mut counts: BTreeMap<&'static str, (CertStatus, u64)> = BTreeMap::new();
        std::thread::scope(|scope| {
            let handles: Vec<_> = people
                .chunks(chunk)
                .map(|part| scope.spawn(move || count(part)))
                .collect();
            for h in handles {
                // A panic in a worker is a bug; surface it where it happened.
                let part = h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                for (k, (s, n)) in part {
                    counts.entry(k).or_insert((s, 0)).1 += n;
                }
            }
        });
        Ok(mastery_types::OrganizationEligibility {
            people: people.len() as u64,
            by_status: counts.into_values().collect(),
        })
    }

    /// Walks the audit chain and names the first broken link, if any, and
    /// lists the rows the chain does not vouch for.
    pub fn verify_audit(&self, caller: &Caller) -> Result<AuditReport> {
        caller.require(Permission::AdministerCertifications)?;
        let (rows, first_broken, head) = self.store.read(audit::verify)?;
        Ok(AuditReport {
            rows,
            first_broken,
            head,
            unbacked: self.unbacked_facts()?,
        })
    }
}
