//! Certification, by audience: what every certification shares (this
//! file: a person's 12 certifications projected by
//! `mastery_domain::certification::levels`, periods, evidence), the
//! learner's requests (`learner.rs`), managers' and delegates' decisions
//! (`approvals.rs`), and administrators' revocations, settings, counts and
//! audit check (`admin.rs`). Every request, decision, revocation and
//! delegation is written to the audit chain in the act's transaction.

mod admin;
pub(crate) use admin::held;
mod approvals;
mod learner;

use crate::catalogue::LearnerView;
use crate::errors::storage;
use crate::{Api, Result};
use chrono::{DateTime, Utc};
use mastery_domain::certification::{
    self as rules, Decision, KeyedRequest, LevelStanding, RequestFacts,
};
use mastery_domain::facts::Submission;
use mastery_store::certification::RequestRow;
use mastery_store::settings;
use mastery_types::{
    AssignmentStatus, CertPeriod, CertificationKey, CertificationView, CoachingEvidence, Evidence,
    MasteryLevel, ObservationEvidence, PersonId, Requirement, ReturnInfo, ReviewEvidence,
    RevocationInfo,
};
use sha2::{Digest, Sha256};

/// The setting that overrides [`rules::DEFAULT_VALIDITY_MONTHS`].
pub const VALIDITY_SETTING: &str = "certification_validity_months";

/// The short code printed on a certificate, derived from the request id
/// (48 bits: for the 132,000 periods of 11,000 people at 12 levels, the
/// chance of any two sharing one is about 1 in 30,000).
pub(crate) fn verification_code(request_id: &str) -> String {
    let h = hex::encode_upper(Sha256::digest(request_id.as_bytes()));
    format!("MST-{}-{}-{}", &h[0..4], &h[4..8], &h[8..12])
}

pub(crate) fn facts_of(r: &RequestRow) -> RequestFacts {
    RequestFacts {
        requested_at: r.requested_at,
        decision: r
            .decision
            .as_ref()
            .map(|d| match (d.approved, d.valid_from, d.valid_until) {
                (true, Some(at), Some(valid_until)) => Decision::Approved { at, valid_until },
                _ => Decision::Returned { at: d.at },
            }),
        revoked_at: r.revocation.as_ref().map(|v| v.at),
    }
}

pub(crate) fn key_of(r: &RequestRow) -> CertificationKey {
    CertificationKey {
        track: r.track,
        level: r.level,
    }
}

fn keyed(rows: &[RequestRow]) -> Vec<KeyedRequest> {
    rows.iter()
        .map(|r| KeyedRequest {
            key: key_of(r),
            facts: facts_of(r),
        })
        .collect()
}

pub(crate) fn period_of(r: &RequestRow) -> Option<CertPeriod> {
    let d = r.decision.as_ref().filter(|d| d.approved)?;
    Some(CertPeriod {
        request_id: r.id.clone(),
        valid_from: d.valid_from?,
        valid_until: d.valid_until?,
        approved_by: d.by.clone(),
        pack_version: r.pack_version.clone(),
        verification_code: verification_code(&r.id),
        revoked: r.revocation.as_ref().map(|v| RevocationInfo {
            by: v.by.clone(),
            reason: v.reason.clone(),
            at: v.at,
        }),
    })
}

/// One certification as the window shows it, from its standing.
fn view_of(level: &LevelStanding, rows: &[RequestRow], view: &LearnerView) -> CertificationView {
    let mine: Vec<&RequestRow> = level.requests.iter().map(|i| &rows[*i]).collect();
    let s = &level.standing;
    CertificationView {
        key: level.key,
        course: level.course.clone(),
        title: view
            .pack
            .course(&level.course)
            .map(|c| c.title.clone())
            .unwrap_or_default(),
        status: s.status,
        missing: level.missing.clone(),
        can_request: s.can_request,
        pending: s
            .pending
            .map(|i| (mine[i].id.clone(), mine[i].requested_at)),
        last_return: s.returned.and_then(|i| {
            let d = mine[i].decision.as_ref()?;
            Some(ReturnInfo {
                request_id: mine[i].id.clone(),
                by: d.by.clone(),
                reason: d.reason.clone(),
                at: d.at,
            })
        }),
        current: s.current.and_then(|i| period_of(mine[i])),
        history: mine.iter().filter_map(|r| period_of(r)).collect(),
    }
}

impl Api {
    pub(crate) fn validity_months(&self) -> Result<u32> {
        let v = self.store.read(|c| settings::get(c, VALIDITY_SETTING))?;
        Ok(v.and_then(|v| v.parse().ok())
            .filter(|m| (1..=120).contains(m))
            .unwrap_or(rules::DEFAULT_VALIDITY_MONTHS))
    }

    /// A person's requests the chain vouches for (oldest first).
    pub(crate) fn requests_of(&self, person: PersonId) -> Result<Vec<RequestRow>> {
        self.backed_requests(
            self.store
                .read(|c| mastery_store::certification::of_person(c, person))?,
        )
    }

    /// Every certification of one person (4 tracks × 3 levels), with the
    /// projection they come from.
    pub(crate) fn certifications_of(
        &self,
        person: PersonId,
        now: DateTime<Utc>,
    ) -> Result<(LearnerView, Vec<CertificationView>)> {
        let view = self.learner_view(person, now)?;
        let rows = self.requests_of(person)?;
        let levels = rules::levels(&view.pack, &view.state, &keyed(&rows), now);
        let out = levels.iter().map(|l| view_of(l, &rows, &view)).collect();
        Ok((view, out))
    }

    /// What a request will carry: the course's requirements and the facts
    /// behind them, as they stand now.
    pub(crate) fn evidence(
        &self,
        cv: &CertificationView,
        view: &LearnerView,
        prior: Vec<(MasteryLevel, DateTime<Utc>)>,
    ) -> Result<Evidence> {
        let course = &cv.course;
        let state = view.state_of(course)?;
        let names = self.store.read(|c| {
            let ids: Vec<PersonId> = view
                .facts
                .coaching
                .iter()
                .map(|s| s.coach)
                .chain(view.facts.assessments.iter().map(|a| a.assessor))
                .chain(
                    view.facts
                        .submissions
                        .iter()
                        .chain(&view.facts.team_submissions)
                        .filter_map(|s| s.review.as_ref().map(|r| r.reviewer)),
                )
                .collect();
            mastery_store::people::names(c, &ids)
        })?;
        let name = |p: &PersonId| names.get(p).cloned().unwrap_or_default();
        let quiz = view.pack.quiz_of(course);
        let submitted: Vec<u8> = view
            .facts
            .attempts
            .iter()
            .filter(|a| &a.course == course)
            .filter_map(|a| a.submission.as_ref().map(|s| s.percent))
            .collect();
        let review = |s: &Submission| ReviewEvidence {
            assignment: s.assignment.clone(),
            status: match &s.review {
                None => AssignmentStatus::Submitted,
                Some(r) if r.outcome == mastery_types::ReviewOutcome::Accepted => {
                    AssignmentStatus::Accepted
                }
                Some(_) => AssignmentStatus::Returned,
            },
            reviewer: s.review.as_ref().map(|r| name(&r.reviewer)),
            scores: s
                .review
                .as_ref()
                .map(|r| {
                    r.scores
                        .iter()
                        .map(|x| (x.criterion.clone(), x.score))
                        .collect()
                })
                .unwrap_or_default(),
        };
        Ok(Evidence {
            pack_version: view.pack.version.clone(),
            course: course.clone(),
            requirements: state
                .requirements
                .iter()
                .map(|(k, met)| Requirement { key: *k, met: *met })
                .collect(),
            recorded_completion: state.recorded,
            quiz_best_percent: submitted.iter().copied().max(),
            quiz_pass_mark: quiz.map(|q| q.pass_mark),
            quiz_attempts: u8::try_from(submitted.len()).unwrap_or(u8::MAX),
            coaching: view
                .facts
                .coaching
                .iter()
                .filter(|s| &s.course == course)
                .map(|s| CoachingEvidence {
                    held_on: s.held_on,
                    coach: name(&s.coach),
                    ratings: s
                        .observations
                        .iter()
                        .map(|o| (o.driver, o.rating))
                        .collect(),
                    acknowledged: s.acknowledged(),
                })
                .collect(),
            reviews: view
                .facts
                .submissions
                .iter()
                .chain(&view.facts.team_submissions)
                .filter(|s| &s.course == course)
                .map(review)
                .collect(),
            observations: view
                .facts
                .assessments
                .iter()
                .filter(|o| &o.course == course)
                .map(|o| ObservationEvidence {
                    observed_on: o.held_on,
                    kind: o.kind,
                    assessor: name(&o.assessor),
                    passed: o.passed,
                })
                .collect(),
            prior_levels: prior,
        })
    }

    /// A certification request (and its decision and revocation), or
    /// `not_found` naming it.
    pub(crate) fn certification_request(&self, id: &str) -> Result<RequestRow> {
        let row = self
            .store
            .read(|c| mastery_store::certification::request(c, id))?
            .ok_or_else(|| {
                crate::errors::not_found(mastery_types::Thing::CertificationRequest, id)
            })?;
        self.backed_requests(vec![row])?
            .pop()
            .ok_or_else(|| storage("the request could not be read"))
    }
}

/// The certification's track, for the words of an audit row.
pub(crate) fn subject_of(r: &RequestRow) -> String {
    format!("{} {} level {}", r.person_name, r.track, r.level.get())
}
