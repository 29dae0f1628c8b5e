//! On-the-job coaching: a coach (or a manager acting as coach) logs a
//! session for a learner, with a 1–4 rating and evidence for each driver
//! observed; the learner acknowledges it or disputes it with a reason.
//! Only acknowledged sessions count toward a Level 1 course.

use crate::errors::{at_most, new_id, not_found, required_at_most, storage};
use crate::{Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, Duration, Utc};
use mastery_domain::access::Permission;
use mastery_store::coaching;
use mastery_types::{
    ApiError, CoachHome, CoacheeSummary, CoachingCourse, CoachingRequest, CoachingResponseKind,
    CoachingResponseRequest, CoachingSessionView, CoachingStatus, Driver, Field, Observation,
    PersonId, Problem, Thing,
};
use std::collections::BTreeSet;

/// Evidence notes and next steps: long enough for a real note, short
/// enough to stay a note.
const MAX_NOTE_CHARS: usize = 2000;

fn view(row: coaching::SessionRow, pack: Option<&mastery_packs::Pack>) -> CoachingSessionView {
    let s = row.session;
    let (status, comment) = match s.response {
        None => (CoachingStatus::Awaiting, String::new()),
        Some(r) => match r.kind {
            CoachingResponseKind::Acknowledged => (CoachingStatus::Acknowledged, r.comment),
            CoachingResponseKind::Disputed => (CoachingStatus::Disputed, r.comment),
        },
    };
    CoachingSessionView {
        course_title: pack
            .and_then(|p| p.course(&s.course))
            .map(|c| c.title.clone())
            .unwrap_or_default(),
        id: s.id,
        coach: row.coach_name,
        learner: row.learner_name,
        learner_id: s.learner,
        course: s.course,
        held_on: s.held_on,
        duration_minutes: s.duration_minutes,
        setting: s.setting,
        observations: s.observations,
        next_steps: s.next_steps,
        status,
        response_comment: comment,
    }
}

impl Api {
    /// `id` must be a person who holds the learner role.
    pub(crate) fn require_learner(&self, id: PersonId) -> Result<()> {
        let roles = self.roles_of(id)?;
        if roles.contains(&mastery_types::Role::Learner) {
            Ok(())
        } else {
            Err(not_found(Thing::Learner, id))
        }
    }

    pub(crate) fn latest_pack(&self) -> Result<std::sync::Arc<mastery_packs::Pack>> {
        self.latest_published(PROGRAM_PACK_ID)?
            .ok_or_else(|| not_found(Thing::Pack, PROGRAM_PACK_ID))
    }

    /// Whom the coach may coach, the Level 1 courses with their
    /// checklists, and the sessions this coach has logged.
    pub fn coach_home(&self, caller: &Caller, now: DateTime<Utc>) -> Result<CoachHome> {
        let me = caller.require_person(Permission::CoachLearners)?;
        let pack = self.latest_pack()?;
        let in_scope: std::collections::BTreeSet<PersonId> = self
            .learners_in_scope(me, now)?
            .into_iter()
            .map(|l| l.placement.person)
            .collect();
        let (learners, logged) = self
            .store
            .read(|c| Ok((coaching::learners(c)?, coaching::by_coach(c, me)?)))?;
        let mut coachees = Vec::new();
        for l in learners {
            if !in_scope.contains(&l.person) {
                continue;
            }
            coachees.push(CoacheeSummary {
                person_id: l.person,
                name: l.name,
                employee_number: l.employee_number.0,
                office: l.office,
            });
        }
        let courses = pack
            .courses
            .iter()
            .filter(|c| c.completion.coaching)
            .map(|c| CoachingCourse {
                id: c.id.clone(),
                title: c.title.clone(),
                checklist: Driver::ALL
                    .into_iter()
                    .map(|d| {
                        let items = pack
                            .checklist_of(&c.id)
                            .map(|k| {
                                k.items
                                    .iter()
                                    .filter(|i| i.driver == d)
                                    .map(|i| i.text.clone())
                                    .collect()
                            })
                            .unwrap_or_default();
                        (d, items)
                    })
                    .collect(),
            })
            .collect();
        let observation_courses = pack
            .courses
            .iter()
            .filter(|c| c.completion.observation)
            .filter_map(|c| {
                let rubric = pack
                    .exam_of(&c.id)
                    .and_then(|e| pack.rubric(&e.observation_rubric))?;
                Some(mastery_types::ObservationCourse {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    rubric: crate::assignments::rubric_view(rubric),
                })
            })
            .collect();
        let synthesis_courses = pack
            .assignments
            .iter()
            .filter_map(|a| {
                let t = a.team_synthesis.as_ref()?;
                Some(mastery_types::SynthesisCourse {
                    id: a.course.clone(),
                    title: pack
                        .course(&a.course)
                        .map(|c| c.title.clone())
                        .unwrap_or_default(),
                    min_members: t.min_members,
                    max_members: t.max_members,
                })
            })
            .collect();
        Ok(CoachHome {
            learners: coachees,
            courses,
            observation_courses,
            synthesis_courses,
            logged: logged.into_iter().map(|s| view(s, Some(&pack))).collect(),
        })
    }

    /// Logs a coaching session. Refused, with nothing saved, for oneself,
    /// an unknown learner or course, a duration outside 1–480 minutes, a
    /// date in the future or over a year old, or a rating outside 1–4.
    pub fn log_coaching(
        &self,
        caller: &Caller,
        req: &CoachingRequest,
        now: DateTime<Utc>,
    ) -> Result<CoachingSessionView> {
        let me = caller.require_person(Permission::CoachLearners)?;
        // A session by a coach outside the learner's scope cannot exist:
        // it would open the learner's history to whoever logged it.
        self.require_coach_scope(me, req.learner, now)?;
        self.require_learner(req.learner)?;
        let pack = self.latest_pack()?;
        if pack.course(&req.course).is_none() {
            return Err(not_found(Thing::Course, &req.course));
        }
        if !(1..=480).contains(&req.duration_minutes) {
            return Err(ApiError::problem(Problem::OutOfRange {
                field: Field::Duration,
                min: 1,
                max: 480,
                given: i64::from(req.duration_minutes),
            }));
        }
        // A day of slack: the coach's office may be a day ahead of UTC.
        let today = now.date_naive();
        if req.held_on > today + Duration::days(1) {
            return Err(ApiError::problem(Problem::DateInFuture {
                field: Field::Date,
            }));
        }
        if req.held_on < today - Duration::days(365) {
            return Err(ApiError::problem(Problem::DateTooOld {
                field: Field::Date,
                days: 365,
            }));
        }
        if req.observations.is_empty() {
            return Err(ApiError::problem(Problem::NoDriverRated));
        }
        let mut seen = BTreeSet::new();
        for o in &req.observations {
            if !seen.insert(o.driver) {
                return Err(ApiError::problem(Problem::DriverRatedTwice {
                    driver: o.driver,
                }));
            }
            if !(1..=4).contains(&o.rating) {
                return Err(ApiError::problem(Problem::OutOfRange {
                    field: Field::Rating,
                    min: 1,
                    max: 4,
                    given: i64::from(o.rating),
                }));
            }
            if o.evidence.trim().is_empty() {
                return Err(ApiError::problem(Problem::EvidenceMissing {
                    driver: o.driver,
                }));
            }
            at_most(&o.evidence, Field::Evidence, MAX_NOTE_CHARS)?;
        }
        let next = required_at_most(&req.next_steps, Field::NextSteps, MAX_NOTE_CHARS)?;
        let observations: Vec<Observation> = req
            .observations
            .iter()
            .map(|o| Observation {
                driver: o.driver,
                rating: o.rating,
                evidence: o.evidence.trim().to_owned(),
            })
            .collect();
        let id = new_id(now).to_string();
        let duration = u16::try_from(req.duration_minutes).unwrap_or(480);
        let session = self.store.write(|tx| {
            coaching::insert(
                tx,
                &coaching::NewSession {
                    id: &id,
                    coach: me,
                    learner: req.learner,
                    course: &req.course,
                    pack_id: &pack.id,
                    pack_version: &pack.version,
                    held_on: req.held_on,
                    duration_minutes: duration,
                    setting: req.setting,
                    observations: &observations,
                    next_steps: next,
                    recorded_at: now,
                },
            )?;
            coaching::session(tx, &id)
        })?;
        let session = session.ok_or_else(|| storage("the session was not saved"))?;
        Ok(view(session, Some(&pack)))
    }

    /// The sessions logged about the calling learner, newest first.
    pub fn my_coaching(&self, caller: &Caller) -> Result<Vec<CoachingSessionView>> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let pack = self.latest_pack()?;
        Ok(self
            .store
            .read(|c| coaching::for_learner(c, me))?
            .into_iter()
            .map(|s| view(s, Some(&pack)))
            .collect())
    }

    /// A learner's sessions as the caller may read them
    /// (`mastery_domain::scope::coaching_visibility`): all of them for the
    /// learner's manager, only those they logged for anyone else. A coach
    /// with no session about someone outside their scope is refused.
    pub fn learner_coaching(
        &self,
        caller: &Caller,
        learner: PersonId,
        now: DateTime<Utc>,
    ) -> Result<Vec<CoachingSessionView>> {
        let me = caller.require_person(Permission::CoachLearners)?;
        let them = self.placed(learner)?;
        let sessions = self.store.read(|c| coaching::for_learner(c, learner))?;
        let visible: Vec<coaching::SessionRow> =
            match mastery_domain::scope::coaching_visibility(me, &them.placement) {
                mastery_domain::scope::CoachingVisibility::All => sessions,
                mastery_domain::scope::CoachingVisibility::LoggedByViewer => sessions
                    .into_iter()
                    .filter(|s| s.session.coach == me)
                    .collect(),
            };
        if visible.is_empty() {
            self.require_coach_scope(me, learner, now)?;
        }
        let pack = self.latest_pack()?;
        Ok(visible.into_iter().map(|s| view(s, Some(&pack))).collect())
    }

    /// The learner acknowledges a session (optionally with a comment) or
    /// disputes it (with a reason). Once per session; only its learner.
    pub fn respond_to_coaching(
        &self,
        caller: &Caller,
        req: &CoachingResponseRequest,
        now: DateTime<Utc>,
    ) -> Result<CoachingSessionView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let comment = at_most(&req.comment, Field::Comment, MAX_NOTE_CHARS)?;
        if !req.acknowledge && comment.is_empty() {
            return Err(ApiError::problem(Problem::Empty {
                field: Field::Reason,
            }));
        }
        let pack = self.latest_pack()?;
        let session = self.store.write(|tx| {
            // Someone else's session is "not found": not their business.
            let Some(s) =
                coaching::session(tx, &req.session_id)?.filter(|s| s.session.learner == me)
            else {
                return Ok(Err(not_found(Thing::CoachingSession, &req.session_id)));
            };
            if s.session.response.is_some() {
                return Ok(Err(ApiError::problem(Problem::AlreadyResponded)));
            }
            let kind = if req.acknowledge {
                CoachingResponseKind::Acknowledged
            } else {
                CoachingResponseKind::Disputed
            };
            coaching::respond(
                tx,
                &new_id(now).to_string(),
                &s.session.id,
                me,
                kind,
                comment,
                now,
            )?;
            Ok(coaching::session(tx, &s.session.id)?
                .ok_or_else(|| storage("the response was not saved")))
        })??;
        Ok(view(session, Some(&pack)))
    }
}
