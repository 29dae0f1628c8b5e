//! Certification: eligibility from the facts, requests with a snapshot of
//! their evidence, managers' (and delegates') decisions, periods of
//! validity with expiry and recertification, revocation, the mandatory
//! Levels 1–2 report, and the audit chain every decision is written to.

use crate::catalogue::CourseState;
use crate::{errors::new_id, Api, Caller, Result};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use mastery_domain::access::Permission;
use mastery_domain::certification::{
    self as rules, Authority, Decision, Delegation, LevelFacts, Refusal, RequestFacts,
};
use mastery_store::certification::{self as store, RequestRow};
use mastery_store::{audit, settings};
use mastery_types::{
    ApiError, ApprovalHome, AuditEntry, AuditReport, CertPeriod, CertStatus, CertificationAdmin,
    CertificationKey, CertificationView, CertifiedPerson, CoachingEvidence, DecideRequest,
    DelegateCandidate, DelegationRequest, DelegationView, ErrorCode, Evidence,
    ExpiringCertification, MandatoryGap, MasteryLevel, MyCertifications, ObservationEvidence,
    PendingRequest, PersonId, Requirement, ReturnInfo, ReviewEvidence, RevocationInfo,
    RevokeRequest, Role, Track,
};
use sha2::{Digest, Sha256};

/// The setting that overrides [`rules::DEFAULT_VALIDITY_MONTHS`].
pub const VALIDITY_SETTING: &str = "certification_validity_months";

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

pub(crate) fn person_id(s: &str) -> Result<PersonId> {
    s.parse().map(PersonId).map_err(|e: uuid::Error| {
        ApiError::new(ErrorCode::Storage, format!("bad person id {s:?}: {e}"))
    })
}

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
        revoked_at: r.revocation.as_ref().map(|v| v.2),
    }
}

fn period_of(r: &RequestRow) -> Option<CertPeriod> {
    let d = r.decision.as_ref().filter(|d| d.approved)?;
    Some(CertPeriod {
        request_id: r.id.clone(),
        valid_from: d.valid_from?,
        valid_until: d.valid_until?,
        approved_by: d.by.clone(),
        pack_version: r.pack_version.clone(),
        verification_code: verification_code(&r.id),
        revoked: r
            .revocation
            .as_ref()
            .map(|(by, reason, at)| RevocationInfo {
                by: by.clone(),
                reason: reason.clone(),
                at: *at,
            }),
    })
}

fn key_of(r: &RequestRow) -> Option<CertificationKey> {
    Some(CertificationKey {
        track: Track::parse(&r.track)?,
        level: MasteryLevel::new(r.level)?,
    })
}

/// What is missing for a certification, in a line.
fn describe_missing(missing: &[mastery_types::Missing]) -> String {
    let what: Vec<String> = missing
        .iter()
        .map(|m| match m {
            mastery_types::Missing::Requirement { course, key } => format!("{key} in {course}"),
            mastery_types::Missing::PriorLevel { level } => {
                format!("Level {} certified", level.get())
            }
            mastery_types::Missing::CourseLocked { course } => format!("{course} opened"),
        })
        .collect();
    what.join(", ")
}

impl Api {
    pub(crate) fn validity_months(&self) -> Result<u32> {
        let v = self.store.read(|c| settings::get(c, VALIDITY_SETTING))?;
        Ok(v.and_then(|v| v.parse().ok())
            .filter(|m| (1..=120).contains(m))
            .unwrap_or(rules::DEFAULT_VALIDITY_MONTHS))
    }

    /// Every certification of one person (4 tracks × 3 levels), derived
    /// from their course states and their requests.
    pub(crate) fn certifications_of(
        &self,
        person: PersonId,
        now: DateTime<Utc>,
    ) -> Result<(Option<Track>, Vec<CertificationView>)> {
        let (view, states) = self.course_states(person)?;
        let requests = self.backed_requests(self.store.read(|c| store::of_person(c, person))?)?;
        let mut out = Vec::new();
        for track in Track::ALL {
            let mut certified: Vec<MasteryLevel> = Vec::new();
            for level in MasteryLevel::ALL {
                let Some(course) = view
                    .pack
                    .courses
                    .iter()
                    .find(|c| c.track == track && c.level == level)
                else {
                    continue;
                };
                let Some(state) = states.iter().find(|s| s.course == course.id) else {
                    continue;
                };
                let cv = self.view_of(track, level, course, state, &certified, &requests, now);
                if matches!(cv.status, CertStatus::Certified | CertStatus::Expiring)
                    || (cv.status == CertStatus::Requested && cv.current.is_some())
                {
                    certified.push(level);
                }
                out.push(cv);
            }
        }
        Ok((view.home, out))
    }

    #[allow(clippy::too_many_arguments)]
    fn view_of(
        &self,
        track: Track,
        level: MasteryLevel,
        course: &mastery_packs::PackCourse,
        state: &CourseState,
        certified: &[MasteryLevel],
        all: &[RequestRow],
        now: DateTime<Utc>,
    ) -> CertificationView {
        let unmet: Vec<String> = state
            .requirements
            .iter()
            .filter(|r| !r.1)
            .map(|r| r.0.to_owned())
            .collect();
        let missing = rules::missing(&LevelFacts {
            level,
            course: &course.id,
            course_open: state.open,
            course_complete: state.complete,
            unmet: &unmet,
            certified_levels: certified,
        });
        let mine: Vec<&RequestRow> = all
            .iter()
            .filter(|r| r.track == track.as_str() && r.level == level.get())
            .collect();
        let facts: Vec<RequestFacts> = mine.iter().map(|r| facts_of(r)).collect();
        let s = rules::standing(
            &facts,
            missing.is_empty(),
            state.started || state.complete,
            now,
        );
        CertificationView {
            key: CertificationKey { track, level },
            course: course.id.clone(),
            title: course.title.clone(),
            status: s.status,
            missing,
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

    /// The caller's certifications, their own track first.
    pub fn my_certifications(
        &self,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<MyCertifications> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let (home, mut certifications) = self.certifications_of(me, now)?;
        certifications.sort_by_key(|c| (Some(c.key.track) != home, c.key));
        Ok(MyCertifications {
            home_track: home,
            certifications,
        })
    }

    /// What the request will carry: the course's requirements and the
    /// facts behind them, as they stand now.
    fn evidence(
        &self,
        me: PersonId,
        cv: &CertificationView,
        state_requirements: &[(&'static str, bool)],
        complete_recorded: bool,
        prior: Vec<(MasteryLevel, DateTime<Utc>)>,
        pack: &mastery_packs::Pack,
    ) -> Result<Evidence> {
        let course = &cv.course;
        let (attempts, sessions, subs, observed, team_subs) = self.store.read(|c| {
            let team = mastery_store::teams::team_of(c, me, course)?;
            Ok((
                mastery_store::learning::attempts(c, me, course)?,
                mastery_store::coaching::for_learner(c, me)?,
                mastery_store::assignments::of_person(c, me)?,
                mastery_store::observations::of_learner(c, me)?,
                match team {
                    Some(t) => mastery_store::assignments::of_team(c, &t.id)?,
                    None => Vec::new(),
                },
            ))
        })?;
        let quiz = pack.quiz_of(course);
        let submitted: Vec<u8> = attempts
            .iter()
            .filter_map(|a| a.submitted.as_ref().map(|s| s.0))
            .collect();
        let review = |s: &mastery_store::assignments::Submission| ReviewEvidence {
            assignment: s.assignment.clone(),
            status: s
                .review
                .as_ref()
                .map_or_else(|| "submitted".to_owned(), |r| r.3.clone()),
            reviewer: s.review.as_ref().map(|r| r.0.clone()),
            scores: s
                .review
                .as_ref()
                .and_then(|r| serde_json::from_str::<Vec<mastery_types::CriterionScore>>(&r.1).ok())
                .unwrap_or_default()
                .into_iter()
                .map(|x| (x.criterion, x.score))
                .collect(),
        };
        Ok(Evidence {
            pack_version: pack.version.clone(),
            course: course.clone(),
            requirements: state_requirements
                .iter()
                .map(|(k, met)| Requirement {
                    key: (*k).to_owned(),
                    met: *met,
                })
                .collect(),
            recorded_completion: complete_recorded,
            quiz_best_percent: submitted.iter().copied().max(),
            quiz_pass_mark: quiz.map(|q| q.pass_mark),
            quiz_attempts: u8::try_from(submitted.len()).unwrap_or(u8::MAX),
            coaching: sessions
                .iter()
                .filter(|s| &s.course == course)
                .map(|s| CoachingEvidence {
                    held_on: s.held_on.clone(),
                    coach: s.coach_name.clone(),
                    ratings: serde_json::from_str::<Vec<mastery_types::Observation>>(
                        &s.ratings_json,
                    )
                    .unwrap_or_default()
                    .into_iter()
                    .map(|o| (o.driver, o.rating))
                    .collect(),
                    acknowledged: s.response.as_ref().is_some_and(|r| r.0 == "acknowledged"),
                })
                .collect(),
            reviews: subs
                .iter()
                .chain(team_subs.iter())
                .filter(|s| &s.course == course)
                .map(review)
                .collect(),
            observations: observed
                .iter()
                .filter(|o| &o.course == course)
                .map(|o| ObservationEvidence {
                    observed_on: o.held_on.clone(),
                    kind: o.kind.clone(),
                    assessor: o.assessor.clone(),
                    passed: o.passed,
                })
                .collect(),
            prior_levels: prior,
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
        let (_, all) = self.certifications_of(me, now)?;
        let cv = all.iter().find(|c| c.key == *key).ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "the program has no Level {} in {}",
                    key.level.get(),
                    key.track
                ),
            )
        })?;
        if !cv.missing.is_empty() {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "not eligible yet; still needed: {}",
                    describe_missing(&cv.missing)
                ),
            ));
        }
        if !cv.can_request {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                match cv.status {
                    CertStatus::Requested => "a request for this certification is already waiting for a decision".to_owned(),
                    _ => "this certification is in force; recertification opens 90 days before it expires".to_owned(),
                },
            ));
        }
        let (view, states) = self.course_states(me)?;
        let state = states
            .iter()
            .find(|s| s.course == cv.course)
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("there is no course {}", cv.course),
                )
            })?;
        let recorded = self
            .store
            .read(|c| mastery_store::completions::completed_courses(c, me, &view.pack.id))?
            .contains(&cv.course);
        let prior = all
            .iter()
            .filter(|c| c.key.track == key.track && c.key.level < key.level)
            .filter_map(|c| c.current.as_ref().map(|p| (c.key.level, p.valid_until)))
            .collect();
        let evidence = self.evidence(me, cv, &state.requirements, recorded, prior, &view.pack)?;
        let evidence_json = serde_json::to_string(&evidence).map_err(|e| invalid(e.to_string()))?;
        let id = new_id(now).to_string();
        let subject = format!("{} level {}", key.track, key.level.get());
        self.store.write(|tx| {
            store::insert_request(
                tx,
                &store::NewRequest {
                    id: &id,
                    person: me,
                    track: key.track.as_str(),
                    level: key.level.get(),
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
            .ok_or_else(|| ApiError::new(ErrorCode::Storage, "the request was not saved"))
    }

    fn delegations(&self) -> Result<Vec<(store::DelegationRow, Delegation)>> {
        let rows = self.store.read(store::delegations)?;
        rows.into_iter()
            .map(|r| {
                let d = Delegation {
                    manager: person_id(&r.manager_id)?,
                    delegate: person_id(&r.delegate_id)?,
                    starts_on: r.starts_on,
                    ends_on: r.ends_on,
                };
                Ok((r, d))
            })
            .collect()
    }

    /// Today in a person's office.
    fn today_for(&self, person: PersonId, now: DateTime<Utc>) -> Result<NaiveDate> {
        let tz = self
            .store
            .read(|c| mastery_store::assigned::office_time_zone(c, person))?;
        Ok(match tz.and_then(|z| z.parse::<chrono_tz::Tz>().ok()) {
            Some(tz) => now.with_timezone(&tz).date_naive(),
            None => now.date_naive(),
        })
    }

    /// May `decider` decide on `r`? Pure rule, facts from the store.
    fn authority_on(
        &self,
        decider: PersonId,
        r: &RequestRow,
        now: DateTime<Utc>,
    ) -> Result<std::result::Result<Authority, Refusal>> {
        let requester = person_id(&r.person_id)?;
        let manager = self
            .store
            .read(|c| store::manager_of(c, requester))?
            .map(|m| person_id(&m))
            .transpose()?;
        let delegations: Vec<Delegation> = self.delegations()?.into_iter().map(|d| d.1).collect();
        // Delegation periods are dates in the delegating manager's office.
        let today = self.today_for(manager.unwrap_or(decider), now)?;
        Ok(rules::authority(
            decider,
            requester,
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
            let (Some(key), Ok(evidence)) = (
                key_of(&r),
                serde_json::from_str::<Evidence>(&r.evidence_json),
            ) else {
                continue;
            };
            let delegated_by = match authority {
                Authority::Manager => None,
                Authority::Delegate(m) => self
                    .store
                    .read(|c| mastery_store::people::person(c, m))?
                    .map(|p| p.display_name),
            };
            pending.push(PendingRequest {
                request_id: r.id.clone(),
                person_id: person_id(&r.person_id)?,
                name: r.person_name.clone(),
                employee_number: r.employee_number.clone(),
                key,
                title: pack
                    .course(&r.course)
                    .map(|c| c.title.clone())
                    .unwrap_or_default(),
                requested_at: r.requested_at,
                evidence,
                delegated_by,
            });
        }
        let mine = me.0.to_string();
        let delegations = self
            .delegations()?
            .into_iter()
            .filter(|(r, _)| r.manager_id == mine || r.delegate_id == mine)
            .map(|(r, _)| DelegationView {
                id: r.id,
                manager: r.manager,
                delegate: r.delegate,
                starts_on: r.starts_on,
                ends_on: r.ends_on,
            })
            .collect();
        let reports: Vec<PersonId> = self
            .store
            .read(|c| mastery_store::assigned::reports(c, me))?
            .into_iter()
            .filter_map(|(id, _, _)| id.parse().ok().map(PersonId))
            .collect();
        let candidates = self
            .store
            .read(store::delegate_candidates)?
            .into_iter()
            .filter(|(id, _)| *id != mine)
            .filter_map(|(id, name)| {
                id.parse().ok().map(|u| DelegateCandidate {
                    person_id: PersonId(u),
                    name,
                })
            })
            .collect();
        let mut expiring = Vec::new();
        for p in &reports {
            let (_, certs) = self.certifications_of(*p, now)?;
            let name = self
                .store
                .read(|c| mastery_store::people::person(c, *p))?
                .map(|x| x.display_name)
                .unwrap_or_default();
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
        Ok(ApprovalHome {
            pending,
            delegations,
            candidates,
            expiring,
            mandatory_gaps: self.mandatory_gaps(Some(&reports), now)?,
        })
    }

    /// Entry-level program managers (all, or those among `scope`) missing
    /// Level 1 or 2 of their track.
    fn mandatory_gaps(
        &self,
        scope: Option<&[PersonId]>,
        now: DateTime<Utc>,
    ) -> Result<Vec<MandatoryGap>> {
        let mut out = Vec::new();
        for p in self.store.read(store::entry_level_program_managers)? {
            let id = person_id(&p.id)?;
            if scope.is_some_and(|s| !s.contains(&id)) {
                continue;
            }
            let track = p
                .home_track
                .as_deref()
                .and_then(Track::parse)
                .unwrap_or(Track::Staff);
            let (_, certs) = self.certifications_of(id, now)?;
            let missing_levels: Vec<MasteryLevel> = certs
                .iter()
                .filter(|c| c.key.track == track && c.key.level.get() <= 2)
                .filter(|c| c.current.is_none())
                .map(|c| c.key.level)
                .collect();
            if !missing_levels.is_empty() {
                out.push(MandatoryGap {
                    person_id: id,
                    name: p.name,
                    employee_number: p.employee_number,
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
        let reason = req.reason.trim();
        if !req.approve && reason.is_empty() {
            return Err(invalid(
                "say why the request is returned: the learner sees the reason",
            ));
        }
        if reason.chars().count() > 2000 {
            return Err(invalid("the reason is longer than 2000 characters"));
        }
        let r = self.certification_request(&req.request_id)?;
        let authority = match self.authority_on(me, &r, now)? {
            Ok(a) => a,
            Err(Refusal::OwnRequest) => {
                return Err(ApiError::new(ErrorCode::Forbidden, "nobody decides on their own certification request"))
            }
            Err(Refusal::NoManager) => {
                return Err(ApiError::new(
                    ErrorCode::Forbidden,
                    format!("{} has no manager in the org structure; HR must record one before anyone can decide", r.person_name),
                ))
            }
            Err(Refusal::NotTheirManager) => {
                return Err(ApiError::new(
                    ErrorCode::Forbidden,
                    format!("only {}'s own manager, or a delegate that manager named for today, may decide", r.person_name),
                ))
            }
        };
        let already = || ApiError::new(ErrorCode::Conflict, "this request is already decided");
        if r.decision.is_some() {
            return Err(already());
        }
        // Approval is decided on the evidence as it stands now: a lower
        // level revoked since the request was made blocks it.
        if req.approve {
            let key = key_of(&r).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::Storage,
                    format!("request {} names no certification", r.id),
                )
            })?;
            let (_, all) = self.certifications_of(person_id(&r.person_id)?, now)?;
            if let Some(cv) = all.iter().find(|c| c.key == key && !c.missing.is_empty()) {
                return Err(ApiError::new(
                    ErrorCode::Conflict,
                    format!(
                        "{} is no longer eligible; still needed: {}",
                        r.person_name,
                        describe_missing(&cv.missing)
                    ),
                ));
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
        let subject = format!("{} {} level {}", r.person_name, r.track, r.level);
        let details = serde_json::json!({
            "request": r.id, "reason": reason, "authority": authority_text,
            "valid_until": period.map(|p| p.1),
        });
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
                    authority: &authority_text,
                    approved: req.approve,
                    reason,
                    period,
                    at: now,
                },
            )?;
            crate::audit::record(tx, now, Some(me), action, &subject, details.clone())?;
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
            return Err(invalid("a delegation names someone else"));
        }
        if req.ends_on < req.starts_on {
            return Err(invalid("the delegation ends before it starts"));
        }
        if req.ends_on - req.starts_on > Duration::days(366) {
            return Err(invalid("a delegation lasts at most a year"));
        }
        if req.ends_on < self.today_for(me, now)? {
            return Err(invalid("the delegation would already be over"));
        }
        let roles = self.roles_of(req.delegate)?;
        if !roles
            .iter()
            .any(|r| matches!(r, Role::Manager | Role::Coach))
        {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("there is no manager or coach {}", req.delegate),
            ));
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
            .map(|(r, _)| DelegationView {
                id: r.id,
                manager: r.manager,
                delegate: r.delegate,
                starts_on: r.starts_on,
                ends_on: r.ends_on,
            })
            .ok_or_else(|| ApiError::new(ErrorCode::Storage, "the delegation was not saved"))
    }

    /// The administrator's view: every period of certification, who is
    /// missing a mandatory level, the latest audit rows.
    pub fn certification_admin(
        &self,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<CertificationAdmin> {
        caller.require_person(Permission::AdministerCertifications)?;
        let pack = self.latest_pack()?;
        let rows: Vec<RequestRow> = self
            .backed_requests(self.store.read(store::approved)?)?
            .into_iter()
            .filter(|r| r.decision.is_some())
            .collect();
        let mut certified = Vec::new();
        // Newest first, one row per person and certification: only the
        // latest approved period can be in force, an older one is history.
        let mut seen = std::collections::BTreeSet::new();
        for r in rows.iter().rev() {
            let (Some(key), Some(period)) = (key_of(r), period_of(r)) else {
                continue;
            };
            if !seen.insert((r.person_id.as_str(), key)) {
                continue;
            }
            let status = if period.revoked.is_some() {
                CertStatus::Revoked
            } else if now >= period.valid_until {
                CertStatus::Expired
            } else if period.valid_until - now <= Duration::days(rules::EXPIRING_DAYS) {
                CertStatus::Expiring
            } else {
                CertStatus::Certified
            };
            certified.push(CertifiedPerson {
                name: r.person_name.clone(),
                employee_number: r.employee_number.clone(),
                key,
                title: pack
                    .course(&r.course)
                    .map(|c| c.title.clone())
                    .unwrap_or_default(),
                period,
                status,
            });
        }
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
        let reason = req.reason.trim();
        if reason.is_empty() || reason.chars().count() > 2000 {
            return Err(invalid(
                "give the reason for the revocation (up to 2000 characters)",
            ));
        }
        let r = self.certification_request(&req.request_id)?;
        if !r.decision.as_ref().is_some_and(|d| d.approved) {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                "only an approved certification can be revoked",
            ));
        }
        if r.revocation.is_some() {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                "this certification is already revoked",
            ));
        }
        let subject = format!("{} {} level {}", r.person_name, r.track, r.level);
        let details = serde_json::json!({ "request": r.id, "reason": reason });
        self.store.write(|tx| {
            store::insert_revocation(tx, &new_id(now).to_string(), &r.id, me, reason, now)?;
            crate::audit::record(
                tx,
                now,
                Some(me),
                "certification.revoked",
                &subject,
                details.clone(),
            )
        })?;
        Ok(())
    }

    /// A certification request (and its decision and revocation), or
    /// `not_found` naming it.
    pub(crate) fn certification_request(&self, id: &str) -> Result<RequestRow> {
        let row = self.store.read(|c| store::request(c, id))?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("there is no certification request {id}"),
            )
        })?;
        self.backed_requests(vec![row])?
            .pop()
            .ok_or_else(|| ApiError::new(ErrorCode::Storage, "the request could not be read"))
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
            return Err(invalid(format!(
                "a certification is valid 1 to 120 months, not {months}"
            )));
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
    /// eligibility derived for the whole organization.
    pub fn organization_eligibility(
        &self,
        caller: &Caller,
        now: DateTime<Utc>,
    ) -> Result<mastery_types::OrganizationEligibility> {
        caller.require(Permission::AdministerCertifications)?;
        let people = self.store.read(store::all_people)?;
        let mut counts: std::collections::BTreeMap<&'static str, (CertStatus, u64)> =
            Default::default();
        for id in &people {
            let (_, certs) = self.certifications_of(person_id(id)?, now)?;
            for c in certs {
                counts.entry(c.status.as_str()).or_insert((c.status, 0)).1 += 1;
            }
        }
        Ok(mastery_types::OrganizationEligibility {
            people: people.len() as u64,
            by_status: counts.into_values().collect(),
        })
    }

    /// Walks the audit chain and names the first broken link, if any.
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
