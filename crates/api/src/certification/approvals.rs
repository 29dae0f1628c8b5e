//! Managers' and delegates' side of certification: the requests they may
//! decide with their evidence, the decision itself (`rules::authority`
//! says who may), delegations, and who in their staff is expiring or
//! missing a mandatory level.

use super::{key_of, subject_of};
use crate::errors::{at_most, new_id, not_found, required_at_most, storage};
use crate::{Api, Caller, Result};
use chrono::{DateTime, Duration, Utc};
use mastery_domain::access::Permission;
use mastery_domain::certification::{self as rules, Authority, Delegation, Refusal};
use mastery_store::certification::{self as store, RequestRow};
use mastery_types::{
    ApiError, ApprovalHome, CertStatus, DecideRequest, DelegateCandidate, DelegationRequest,
    DelegationView, Evidence, ExpiringCertification, Field, MandatoryGap, MasteryLevel,
    PendingRequest, PersonId, Problem, Role, Thing, Track,
};

fn delegation_view(r: store::DelegationRow) -> DelegationView {
    DelegationView {
        id: r.id,
        manager: r.manager,
        delegate: r.delegate,
        starts_on: r.starts_on,
        ends_on: r.ends_on,
    }
}

impl Api {
    fn delegations(&self) -> Result<Vec<(store::DelegationRow, Delegation)>> {
        Ok(self
            .store
            .read(store::delegations)?
            .into_iter()
            .map(|r| {
                let d = Delegation {
                    manager: r.manager_id,
                    delegate: r.delegate_id,
                    starts_on: r.starts_on,
                    ends_on: r.ends_on,
                };
                (r, d)
            })
            .collect())
    }

    /// May `decider` decide on `r`? Pure rule, facts from the store.
    fn authority_on(
        &self,
        decider: PersonId,
        r: &RequestRow,
        now: DateTime<Utc>,
    ) -> Result<std::result::Result<Authority, Refusal>> {
        let manager = self.store.read(|c| store::manager_of(c, r.person_id))?;
        let delegations: Vec<Delegation> = self.delegations()?.into_iter().map(|d| d.1).collect();
        // Delegation periods are dates in the delegating manager's office.
        let today = self.office_today(manager.unwrap_or(decider), now)?;
        Ok(rules::authority(
            decider,
            r.person_id,
            manager,
            &delegations,
            today,
        ))
    }

    /// The manager's (or delegate's) approvals screen: requests they may
    /// decide with their evidence, delegations, and who in their staff is
    /// expiring or missing a mandatory level.
    pub fn approval_home(&self, caller: &Caller, now: DateTime<Utc>) -> Result<ApprovalHome> {
        let me = caller.require_person(Permission::DecideCertifications)?;
        let pack = self.latest_pack()?;
        let mut pending = Vec::new();
        for r in self
            .backed_requests(self.store.read(store::pending)?)?
            .into_iter()
            .filter(|r| r.decision.is_none())
        {
            let Ok(authority) = self.authority_on(me, &r, now)? else {
                continue;
            };
            let evidence: Evidence = serde_json::from_str(&r.evidence_json)
                .map_err(|e| storage(format!("request {} has damaged evidence: {e}", r.id)))?;
            let delegated_by = match authority {
                Authority::Manager => None,
                Authority::Delegate(m) => self
                    .store
                    .read(|c| mastery_store::people::person(c, m))?
                    .map(|p| p.display_name),
            };
            pending.push(PendingRequest {
                request_id: r.id.clone(),
                person_id: r.person_id,
                name: r.person_name.clone(),
                employee_number: r.employee_number.0.clone(),
                key: key_of(&r),
                title: pack
                    .course(&r.course)
                    .map(|c| c.title.clone())
                    .unwrap_or_default(),
                requested_at: r.requested_at,
                evidence,
                delegated_by,
            });
        }
        let delegations = self
            .delegations()?
            .into_iter()
            .filter(|(r, _)| r.manager_id == me || r.delegate_id == me)
            .map(|(r, _)| delegation_view(r))
            .collect();
        let reports: Vec<(PersonId, String)> = self
            .store
            .read(|c| mastery_store::assigned::reports(c, me))?
            .into_iter()
            .map(|r| (r.person, r.name))
            .collect();
        let candidates = self
            .store
            .read(store::delegate_candidates)?
            .into_iter()
            .filter(|(id, _)| *id != me)
            .map(|(person_id, name)| DelegateCandidate { person_id, name })
            .collect();
        let mut expiring = Vec::new();
        for (p, name) in &reports {
            let (_, certs) = self.certifications_of(*p, now)?;
            for c in certs {
                let last = c.history.iter().rev().find(|h| h.revoked.is_none());
                match (c.status, &c.current, last) {
                    (CertStatus::Expiring, Some(cur), _) => expiring.push(ExpiringCertification {
                        name: name.clone(),
                        key: c.key,
                        title: c.title.clone(),
                        valid_until: cur.valid_until,
                        expired: false,
                    }),
                    (CertStatus::Expired, _, Some(h)) => expiring.push(ExpiringCertification {
                        name: name.clone(),
                        key: c.key,
                        title: c.title.clone(),
                        valid_until: h.valid_until,
                        expired: true,
                    }),
                    _ => {}
                }
            }
        }
        expiring.sort_by_key(|e| e.valid_until);
        let scope: Vec<PersonId> = reports.iter().map(|r| r.0).collect();
        Ok(ApprovalHome {
            pending,
            delegations,
            candidates,
            expiring,
            mandatory_gaps: self.mandatory_gaps(Some(&scope), now)?,
        })
    }

    /// Entry-level program managers (all, or those among `scope`) missing
    /// Level 1 or 2 of their track.
    pub(super) fn mandatory_gaps(
        &self,
        scope: Option<&[PersonId]>,
        now: DateTime<Utc>,
    ) -> Result<Vec<MandatoryGap>> {
        let mut out = Vec::new();
        for p in self.store.read(store::entry_level_program_managers)? {
            if scope.is_some_and(|s| !s.contains(&p.id)) {
                continue;
            }
            let track = p.home_track.unwrap_or(Track::Staff);
            let (_, certs) = self.certifications_of(p.id, now)?;
            let missing_levels: Vec<MasteryLevel> = certs
                .iter()
                .filter(|c| c.key.track == track && c.key.level.get() <= 2)
                .filter(|c| c.current.is_none())
                .map(|c| c.key.level)
                .collect();
            if !missing_levels.is_empty() {
                out.push(MandatoryGap {
                    person_id: p.id,
                    name: p.name,
                    employee_number: p.employee_number.0,
                    track,
                    missing_levels,
                });
            }
        }
        Ok(out)
    }

    /// Approves a request (a period of certification starts now and ends
    /// after the validity period) or returns it with a reason the learner
    /// sees. Only the requester's manager or that manager's delegate for
    /// today may decide; nobody decides their own request.
    pub fn decide_certification(
        &self,
        caller: &Caller,
        req: &DecideRequest,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let me = caller.require_person(Permission::DecideCertifications)?;
        let reason = if req.approve {
            at_most(&req.reason, Field::Reason, 2000)?
        } else {
            // The learner reads why it is returned.
            required_at_most(&req.reason, Field::Reason, 2000)?
        };
        let r = self.certification_request(&req.request_id)?;
        let authority = self.authority_on(me, &r, now)?.map_err(|refusal| {
            ApiError::problem(match refusal {
                Refusal::OwnRequest => Problem::NotForYourself,
                Refusal::NoManager => Problem::NoManagerOnRecord {
                    name: r.person_name.clone(),
                },
                Refusal::NotTheirManager => Problem::NotTheirApprover {
                    name: r.person_name.clone(),
                },
            })
        })?;
        let already = || ApiError::problem(Problem::AlreadyDecided);
        if r.decision.is_some() {
            return Err(already());
        }
        // Approval is decided on the evidence as it stands now: a lower
        // level revoked since the request was made blocks it.
        if req.approve {
            let key = key_of(&r);
            let (_, all) = self.certifications_of(r.person_id, now)?;
            if let Some(cv) = all.iter().find(|c| c.key == key && !c.missing.is_empty()) {
                return Err(ApiError::problem(Problem::NoLongerEligible {
                    name: r.person_name.clone(),
                    missing: cv.missing.clone(),
                }));
            }
        }
        let months = self.validity_months()?;
        let period = req.approve.then(|| (now, rules::valid_until(now, months)));
        let authority_text = match authority {
            Authority::Manager => "manager".to_owned(),
            Authority::Delegate(m) => m.0.to_string(),
        };
        let action = if req.approve {
            "certification.approved"
        } else {
            "certification.returned"
        };
        let subject = subject_of(&r);
        let details = serde_json::json!({
            "request": r.id, "reason": reason, "authority": authority_text,
            "valid_until": period.map(|p| p.1),
        });
        let intact = self.intact_now();
        let decided = self.store.write(|tx| {
            // Checked again under the write lock: of two deciders at once,
            // the second is told, not given a storage error.
            if store::request(tx, &r.id)?.is_some_and(|x| x.decision.is_some()) {
                return Ok(false);
            }
            store::insert_decision(
                tx,
                &store::NewDecision {
                    id: &new_id(now).to_string(),
                    request_id: &r.id,
                    by: me,
                    authority,
                    approved: req.approve,
                    reason,
                    period,
                    at: now,
                },
            )?;
            crate::audit::record(tx, now, Some(me), action, &subject, details.clone())?;
            // HR hears of it through the outbox, in this transaction.
            crate::hr::enqueue_status(tx, r.person_id, intact, now)?;
            Ok(true)
        })?;
        if !decided {
            return Err(already());
        }
        Ok(())
    }

    /// A manager names someone (a manager or coach) to decide on their
    /// staff's requests for a period.
    pub fn delegate_approvals(
        &self,
        caller: &Caller,
        req: &DelegationRequest,
        now: DateTime<Utc>,
    ) -> Result<DelegationView> {
        let me = caller.require_person(Permission::ManageStaff)?;
        if req.delegate == me {
            return Err(ApiError::problem(Problem::NotForYourself));
        }
        if req.ends_on < req.starts_on {
            return Err(ApiError::problem(Problem::EndsBeforeStart));
        }
        if req.ends_on - req.starts_on > Duration::days(366) {
            return Err(ApiError::problem(Problem::DelegationTooLong));
        }
        let today = self.office_today(me, now)?;
        if req.ends_on < today {
            return Err(ApiError::problem(Problem::DateInPast {
                field: Field::Date,
                today,
            }));
        }
        let roles = self.roles_of(req.delegate)?;
        if !roles
            .iter()
            .any(|r| matches!(r, Role::Manager | Role::Coach))
        {
            return Err(not_found(Thing::ManagerOrCoach, req.delegate));
        }
        let id = new_id(now).to_string();
        let details = serde_json::json!({
            "delegate": req.delegate.0.to_string(), "starts_on": req.starts_on, "ends_on": req.ends_on,
        });
        self.store.write(|tx| {
            store::insert_delegation(tx, &id, me, req.delegate, req.starts_on, req.ends_on, now)?;
            crate::audit::record(
                tx,
                now,
                Some(me),
                "approvals.delegated",
                &req.delegate.0.to_string(),
                details.clone(),
            )
        })?;
        self.delegations()?
            .into_iter()
            .find(|(r, _)| r.id == id)
            .map(|(r, _)| delegation_view(r))
            .ok_or_else(|| storage("the delegation was not saved"))
    }
}
