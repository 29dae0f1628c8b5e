//! On-the-job coaching: a coach (or a manager acting as coach) logs a
//! session for a learner, with a 1–4 rating and evidence for each driver
//! observed; the learner acknowledges it or disputes it with a reason.
//! Only acknowledged sessions count toward a Level 1 course.

use crate::{errors::new_id, Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use mastery_domain::access::Permission;
use mastery_store::coaching;
use mastery_types::{
    ApiError, CoachHome, CoacheeSummary, CoachingCourse, CoachingRequest, CoachingResponseRequest,
    CoachingSessionView, CoachingStatus, CourseId, Driver, ErrorCode, Observation, PersonId,
    COACHING_SETTINGS,
};
use std::collections::BTreeSet;

/// Evidence notes and next steps: long enough for a real note, short
/// enough to stay a note.
const MAX_NOTE_CHARS: usize = 2000;

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

fn view(s: coaching::Session, pack: Option<&mastery_packs::Pack>) -> Result<CoachingSessionView> {
    let corrupt = |e: String| {
        ApiError::new(
            ErrorCode::Storage,
            format!("coaching session {} is damaged: {e}", s.id),
        )
    };
    let observations: Vec<Observation> =
        serde_json::from_str(&s.ratings_json).map_err(|e| corrupt(e.to_string()))?;
    let held_on =
        NaiveDate::parse_from_str(&s.held_on, "%Y-%m-%d").map_err(|e| corrupt(e.to_string()))?;
    let learner_id = PersonId(
        s.learner_id
            .parse()
            .map_err(|e: uuid::Error| corrupt(e.to_string()))?,
    );
    let (status, comment) = match &s.response {
        None => (CoachingStatus::Awaiting, String::new()),
        Some((k, c, _)) if k == "acknowledged" => (CoachingStatus::Acknowledged, c.clone()),
        Some((_, c, _)) => (CoachingStatus::Disputed, c.clone()),
    };
    Ok(CoachingSessionView {
        course_title: pack
            .and_then(|p| p.course(&s.course))
            .map(|c| c.title.clone())
            .unwrap_or_default(),
        id: s.id,
        coach: s.coach_name,
        learner: s.learner_name,
        learner_id,
        course: s.course,
        held_on,
        duration_minutes: s.duration_minutes,
        setting: s.setting,
        observations,
        next_steps: s.next_steps,
        status,
        response_comment: comment,
    })
}

/// Drivers covered by the acknowledged sessions of one course.
pub(crate) fn acknowledged_drivers(
    sessions: &[coaching::Session],
    course: &CourseId,
) -> BTreeSet<Driver> {
    sessions
        .iter()
        .filter(|s| &s.course == course)
        .filter(|s| s.response.as_ref().is_some_and(|r| r.0 == "acknowledged"))
        .filter_map(|s| serde_json::from_str::<Vec<Observation>>(&s.ratings_json).ok())
        .flatten()
        .map(|o| o.driver)
        .collect()
}

impl Api {
    /// `id` must be a person who holds the learner role.
    pub(crate) fn require_learner(&self, id: PersonId) -> Result<()> {
        let roles = self.roles_of(id)?;
        if roles.contains(&mastery_types::Role::Learner) {
            Ok(())
        } else {
            Err(ApiError::new(
                ErrorCode::NotFound,
                format!("there is no learner {id}"),
            ))
        }
    }

    pub(crate) fn latest_pack(&self) -> Result<std::sync::Arc<mastery_packs::Pack>> {
        self.latest_published(PROGRAM_PACK_ID)?
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "no published pack is loaded"))
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
        for (id, name, number, office) in learners {
            let Ok(uuid) = id.parse() else { continue };
            if !in_scope.contains(&PersonId(uuid)) {
                continue;
            }
            coachees.push(CoacheeSummary {
                person_id: PersonId(uuid),
                name,
                employee_number: number,
                office,
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
            logged: logged
                .into_iter()
                .map(|s| view(s, Some(&pack)))
                .collect::<Result<_>>()?,
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
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("there is no course {}", req.course),
            ));
        }
        if !(1..=480).contains(&req.duration_minutes) {
            return Err(invalid(format!(
                "the duration must be between 1 and 480 minutes, not {}",
                req.duration_minutes
            )));
        }
        // A day of slack: the coach's office may be a day ahead of UTC.
        let today = now.date_naive();
        if req.held_on > today + Duration::days(1) {
            return Err(invalid(format!(
                "the session date {} is in the future",
                req.held_on
            )));
        }
        if req.held_on < today - Duration::days(365) {
            return Err(invalid(format!(
                "the session date {} is more than a year ago",
                req.held_on
            )));
        }
        if !COACHING_SETTINGS.contains(&req.setting.as_str()) {
            return Err(invalid(format!(
                "the setting must be one of {}, not {:?}",
                COACHING_SETTINGS.join(", "),
                req.setting
            )));
        }
        if req.observations.is_empty() {
            return Err(invalid(
                "rate at least one of the Five Drivers you observed",
            ));
        }
        let mut seen = BTreeSet::new();
        for o in &req.observations {
            if !seen.insert(o.driver) {
                return Err(invalid(format!("{} is rated twice", o.driver.as_str())));
            }
            if !(1..=4).contains(&o.rating) {
                return Err(invalid(format!(
                    "the rating for {} must be 1 to 4, not {}",
                    o.driver.as_str(),
                    o.rating
                )));
            }
            let n = o.evidence.trim().chars().count();
            if n == 0 {
                return Err(invalid(format!(
                    "write the evidence you saw for {}",
                    o.driver.as_str()
                )));
            }
            if n > MAX_NOTE_CHARS {
                return Err(invalid(format!(
                    "the evidence for {} is longer than {MAX_NOTE_CHARS} characters",
                    o.driver.as_str()
                )));
            }
        }
        let next = req.next_steps.trim();
        if next.is_empty() || next.chars().count() > MAX_NOTE_CHARS {
            return Err(invalid(format!(
                "write the agreed next steps (up to {MAX_NOTE_CHARS} characters)"
            )));
        }
        let observations: Vec<Observation> = req
            .observations
            .iter()
            .map(|o| Observation {
                driver: o.driver,
                rating: o.rating,
                evidence: o.evidence.trim().to_owned(),
            })
            .collect();
        let json = serde_json::to_string(&observations).map_err(|e| invalid(e.to_string()))?;
        let id = new_id(now).to_string();
        let duration = u16::try_from(req.duration_minutes).unwrap_or(480);
        let session = self.store.write(|tx| {
            coaching::insert(
                tx,
                &coaching::NewSession {
                    id: id.clone(),
                    coach: me,
                    learner: req.learner,
                    course: &req.course,
                    pack_id: &pack.id,
                    pack_version: &pack.version,
                    held_on: req.held_on,
                    duration_minutes: duration,
                    setting: &req.setting,
                    ratings_json: &json,
                    next_steps: next,
                    recorded_at: now,
                },
            )?;
            coaching::session(tx, &id)
        })?;
        let session = session
            .ok_or_else(|| ApiError::new(ErrorCode::Storage, "the session was not saved"))?;
        view(session, Some(&pack))
    }

    /// The sessions logged about the calling learner, newest first.
    pub fn my_coaching(&self, caller: &Caller) -> Result<Vec<CoachingSessionView>> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let pack = self.latest_pack()?;
        self.store
            .read(|c| coaching::for_learner(c, me))?
            .into_iter()
            .map(|s| view(s, Some(&pack)))
            .collect()
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
        let visible: Vec<coaching::Session> =
            match mastery_domain::scope::coaching_visibility(me, &them.placement) {
                mastery_domain::scope::CoachingVisibility::All => sessions,
                mastery_domain::scope::CoachingVisibility::LoggedByViewer => sessions
                    .into_iter()
                    .filter(|s| s.coach_id == me.0.to_string())
                    .collect(),
            };
        if visible.is_empty() {
            self.require_coach_scope(me, learner, now)?;
        }
        let pack = self.latest_pack()?;
        visible.into_iter().map(|s| view(s, Some(&pack))).collect()
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
        let comment = req.comment.trim();
        if !req.acknowledge && comment.is_empty() {
            return Err(invalid("say why you dispute this session"));
        }
        if comment.chars().count() > MAX_NOTE_CHARS {
            return Err(invalid(format!(
                "the comment is longer than {MAX_NOTE_CHARS} characters"
            )));
        }
        let pack = self.latest_pack()?;
        let session = self.store.write(|tx| {
            let Some(s) = coaching::session(tx, &req.session_id)? else {
                return Ok(Err(ApiError::new(
                    ErrorCode::NotFound,
                    format!("there is no coaching session {} about you", req.session_id),
                )));
            };
            if s.learner_id != me.0.to_string() {
                return Ok(Err(ApiError::new(
                    ErrorCode::NotFound,
                    format!("there is no coaching session {} about you", req.session_id),
                )));
            }
            if s.response.is_some() {
                return Ok(Err(ApiError::new(
                    ErrorCode::Conflict,
                    "you have already responded to this session",
                )));
            }
            let kind = if req.acknowledge {
                "acknowledged"
            } else {
                "disputed"
            };
            coaching::respond(tx, &new_id(now).to_string(), &s.id, me, kind, comment, now)?;
            Ok(coaching::session(tx, &s.id)?
                .ok_or_else(|| ApiError::new(ErrorCode::Storage, "the response was not saved")))
        })??;
        view(session, Some(&pack))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn session(course: u8, response: u8, drivers: &[u8], at: i64) -> coaching::Session {
        let ratings: Vec<Observation> = drivers
            .iter()
            .map(|d| Observation {
                driver: Driver::ALL[usize::from(*d) % Driver::ALL.len()],
                rating: 3,
                evidence: "seen at the counter".into(),
            })
            .collect();
        let when = chrono::DateTime::from_timestamp(1_790_000_000 + at, 0).unwrap_or_default();
        coaching::Session {
            id: format!("s{at}"),
            coach_id: "c".into(),
            coach_name: "Coach".into(),
            learner_id: "l".into(),
            learner_name: "Learner".into(),
            course: CourseId(["clients-l1", "staff-l1"][usize::from(course % 2)].into()),
            held_on: "2026-11-01".into(),
            duration_minutes: 30,
            setting: "counter".into(),
            ratings_json: serde_json::to_string(&ratings).unwrap_or_default(),
            next_steps: String::new(),
            recorded_at: when,
            response: match response % 3 {
                0 => None,
                1 => Some(("acknowledged".into(), String::new(), when)),
                _ => Some(("disputed".into(), "not me".into(), when)),
            },
        }
    }

    proptest! {
        /// The drivers a course's coaching covers are the union of its
        /// acknowledged sessions' drivers, whatever order the sessions
        /// come in; unanswered and disputed sessions count for nothing.
        #[test]
        fn coverage_is_the_union_of_acknowledged_sessions_in_any_order(
            raw in proptest::collection::vec(
                (0u8..2, 0u8..3, proptest::collection::vec(0u8..5, 0..5)), 0..12),
            rotate in 0usize..12,
        ) {
            let sessions: Vec<coaching::Session> = raw
                .iter()
                .enumerate()
                .map(|(i, (c, r, d))| session(*c, *r, d, i as i64))
                .collect();
            let course = CourseId("clients-l1".into());
            let expected: BTreeSet<Driver> = raw
                .iter()
                .filter(|(c, r, _)| c % 2 == 0 && r % 3 == 1)
                .flat_map(|(_, _, d)| d.iter().map(|x| Driver::ALL[usize::from(*x)]))
                .collect();
            prop_assert_eq!(&acknowledged_drivers(&sessions, &course), &expected);
            let mut shuffled = sessions.clone();
            shuffled.reverse();
            if !shuffled.is_empty() {
                let n = rotate % shuffled.len();
                shuffled.rotate_left(n);
            }
            prop_assert_eq!(acknowledged_drivers(&shuffled, &course), expected);
        }
    }
}
