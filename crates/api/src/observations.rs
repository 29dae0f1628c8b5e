//! Level 3 observed and secret-shopper assessments: a coach or manager
//! scores a learner at work on the course's observation rubric (from its
//! exam blueprint); the rubric's pass rule decides whether it passed.

use crate::{errors::new_id, Api, Caller, Result};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use mastery_domain::access::Permission;
use mastery_store::observations as store;
use mastery_types::{
    ApiError, CriterionScore, ErrorCode, ObservationRequest, ObservationView, PersonId,
};

pub const KINDS: [&str; 2] = ["observed", "secret_shopper"];

impl Api {
    fn observation_view(
        &self,
        o: store::Observation,
        pack: &mastery_packs::Pack,
    ) -> Result<ObservationView> {
        let damaged = |e: String| {
            ApiError::new(
                ErrorCode::Storage,
                format!("assessment {} is damaged: {e}", o.id),
            )
        };
        let scores: Vec<CriterionScore> =
            serde_json::from_str(&o.scores_json).map_err(|e| damaged(e.to_string()))?;
        let held_on = NaiveDate::parse_from_str(&o.held_on, "%Y-%m-%d")
            .map_err(|e| damaged(e.to_string()))?;
        let rubric = pack
            .exam_of(&o.course)
            .and_then(|e| pack.rubric(&e.observation_rubric))
            .map(crate::assignments::rubric_view);
        Ok(ObservationView {
            course_title: pack
                .course(&o.course)
                .map(|c| c.title.clone())
                .unwrap_or_default(),
            id: o.id,
            assessor: o.assessor,
            course: o.course,
            kind: o.kind,
            held_on,
            scores,
            notes: o.notes,
            passed: o.passed,
            rubric,
        })
    }

    /// Records an assessment. Every criterion of the observation rubric is
    /// scored once, within its levels; the pass rule decides the outcome.
    pub fn record_observation(
        &self,
        caller: &Caller,
        req: &ObservationRequest,
        now: DateTime<Utc>,
    ) -> Result<ObservationView> {
        let me = caller.require_person(Permission::CoachLearners)?;
        self.require_coach_scope(me, req.learner, now)?;
        self.require_learner(req.learner)?;
        // Assessed on a course the learner may take: not one still locked
        // behind Levels 1 and 2.
        let learner_view = self.learner_view(req.learner)?;
        if let Err(e) = learner_view.open_course(&req.course) {
            if e.code != ErrorCode::Forbidden {
                return Err(e);
            }
            let name = self.placed(req.learner)?.name;
            let course = learner_view
                .pack
                .course(&req.course)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            return Err(ApiError::problem(mastery_types::Problem::CourseLockedFor {
                name,
                course,
            }));
        }
        let pack = self.latest_pack()?;
        let rubric = pack
            .exam_of(&req.course)
            .and_then(|e| pack.rubric(&e.observation_rubric))
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("course {} has no observation rubric", req.course),
                )
            })?;
        if !KINDS.contains(&req.kind.as_str()) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "the kind must be observed or secret_shopper, not {:?}",
                    req.kind
                ),
            ));
        }
        let today = now.date_naive();
        if req.held_on > today + Duration::days(1) || req.held_on < today - Duration::days(365) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("the date {} must be within the past year", req.held_on),
            ));
        }
        let (passes, scores) = crate::assignments::check_scores(rubric, &req.scores)?;
        let notes = req.notes.trim();
        if notes.is_empty() || notes.chars().count() > 4000 {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "write what you observed (up to 4000 characters)",
            ));
        }
        let json = serde_json::to_string(&scores)
            .map_err(|e| ApiError::new(ErrorCode::InvalidInput, e.to_string()))?;
        let id = new_id(now).to_string();
        self.store.write(|tx| {
            store::insert(
                tx,
                &store::NewObservation {
                    id: &id,
                    assessor: me,
                    learner: req.learner,
                    course: &req.course,
                    pack_id: &pack.id,
                    pack_version: &pack.version,
                    kind: &req.kind,
                    held_on: req.held_on,
                    scores_json: &json,
                    notes,
                    passed: passes,
                    at: now,
                },
            )
        })?;
        let saved = self
            .store
            .read(|c| store::of_learner(c, req.learner))?
            .into_iter()
            .find(|o| o.id == id)
            .ok_or_else(|| ApiError::new(ErrorCode::Storage, "the assessment was not saved"))?;
        self.observation_view(saved, &pack)
    }

    /// The calling learner's assessments, newest first.
    pub fn my_observations(&self, caller: &Caller) -> Result<Vec<ObservationView>> {
        let me: PersonId = caller.require_person(Permission::ViewOwnLearning)?;
        let pack = self.latest_pack()?;
        self.store
            .read(|c| store::of_learner(c, me))?
            .into_iter()
            .map(|o| self.observation_view(o, &pack))
            .collect()
    }
}
