//! The learner's side of certification: their 12 certifications (status,
//! what is missing, periods) and the request, which carries a snapshot of
//! the evidence.

use crate::errors::{new_id, not_found, storage};
use crate::{Api, Caller, Result};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_store::certification as store;
use mastery_types::{
    ApiError, CertStatus, CertificationKey, CertificationView, MyCertifications, Problem, Thing,
};

impl Api {
    /// The caller's certifications, their own track first.
    pub fn my_certifications(
        &self,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<MyCertifications> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let (view, mut certifications) = self.certifications_of(me, now)?;
        let home = view.home;
        certifications.sort_by_key(|c| (Some(c.key.track) != home, c.key));
        Ok(MyCertifications {
            home_track: home,
            certifications,
        })
    }

    /// The learner asks to be certified at a level of a track. Refused
    /// unless eligible (the refusal lists what is missing), with a request
    /// already waiting, or with a period in force beyond the expiring
    /// window. The request carries a snapshot of the evidence.
    pub fn request_certification(
        &self,
        caller: &Caller,
        key: &CertificationKey,
        now: DateTime<Utc>,
    ) -> Result<CertificationView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let (view, all) = self.certifications_of(me, now)?;
        let cv = all.iter().find(|c| c.key == *key).ok_or_else(|| {
            not_found(
                Thing::Course,
                format!("{} level {}", key.track, key.level.get()),
            )
        })?;
        if !cv.missing.is_empty() {
            return Err(ApiError::problem(Problem::NotEligible {
                missing: cv.missing.clone(),
            }));
        }
        if !cv.can_request {
            return Err(ApiError::problem(match (cv.status, &cv.current) {
                (CertStatus::Requested, _) => Problem::AlreadyRequested,
                (_, Some(p)) => Problem::CertifiedUntil {
                    until: p.valid_until,
                },
                _ => Problem::AlreadyRequested,
            }));
        }
        let prior = all
            .iter()
            .filter(|c| c.key.track == key.track && c.key.level < key.level)
            .filter_map(|c| c.current.as_ref().map(|p| (c.key.level, p.valid_until)))
            .collect();
        let evidence = self.evidence(cv, &view, prior)?;
        let evidence_json = serde_json::to_string(&evidence)
            .map_err(|e| storage(format!("the evidence could not be written: {e}")))?;
        let id = new_id(now).to_string();
        let subject = format!("{} level {}", key.track, key.level.get());
        self.store.write(|tx| {
            store::insert_request(
                tx,
                &store::NewRequest {
                    id: &id,
                    person: me,
                    track: key.track,
                    level: key.level,
                    course: &cv.course,
                    pack_id: &view.pack.id,
                    pack_version: &view.pack.version,
                    evidence_json: &evidence_json,
                    at: now,
                },
            )?;
            crate::audit::record(
                tx,
                now,
                Some(me),
                "certification.requested",
                &subject,
                serde_json::json!({ "request": id, "pack_version": view.pack.version }),
            )
        })?;
        let (_, after) = self.certifications_of(me, now)?;
        after
            .into_iter()
            .find(|c| c.key == *key)
            .ok_or_else(|| storage("the request was not saved"))
    }
}
