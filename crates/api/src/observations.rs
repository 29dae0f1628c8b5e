//! Level 3 observed and secret-shopper assessments: a coach or manager
//! scores a learner at work on the course's observation rubric (from its
//! exam blueprint); the rubric's pass rule decides whether it passed.

use crate::errors::{new_id, not_found, required_at_most, storage};
use crate::{Api, Caller, Result};
use chrono::{DateTime, Duration, Utc};
use mastery_domain::access::Permission;
use mastery_store::observations as store;
use mastery_types::{
    ApiError, ErrorCode, Field, ObservationRequest, ObservationView, PersonId, Problem, Thing,
};

impl Api {
    fn observation_view(
        &self,
        row: store::AssessmentRow,
        pack: &mastery_packs::Pack,
    ) -> ObservationView {
        let o = row.assessment;
        let rubric = pack
            .exam_of(&o.course)
            .and_then(|e| pack.rubric(&e.observation_rubric))
            .map(crate::assignments::rubric_view);
        ObservationView {
            course_title: pack
                .course(&o.course)
                .map(|c| c.title.clone())
                .unwrap_or_default(),
            id: o.id,
            assessor: row.assessor_name,
            course: o.course,
            kind: o.kind,
            held_on: o.held_on,
            scores: o.scores,
            notes: o.notes,
            passed: o.passed,
            rubric,
        }
    }

    /// Records an assessment. Every criterion of the observation rubric is
    /// scored once, within its levels; the pass rule decides the outcome.
    /// Only for a learner in the assessor's scope, on a course open to them.
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
        let learner_view = self.learner_view(req.learner, now)?;
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
            return Err(ApiError::problem(Problem::CourseLockedFor { name, course }));
        }
        let pack = learner_view.pack.clone();
        let rubric = pack
            .exam_of(&req.course)
            .and_then(|e| pack.rubric(&e.observation_rubric))
            .ok_or_else(|| not_found(Thing::ObservationRubric, &req.course))?;
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
        let scored = mastery_domain::assignments::score_rubric(rubric, &req.scores)
            .map_err(crate::assignments::rubric_problem)?;
        let notes = required_at_most(&req.notes, Field::Notes, 4000)?;
        let id = new_id(now).to_string();
        let saved = self.store.write(|tx| {
            store::insert(
                tx,
                &store::NewObservation {
                    id: &id,
                    assessor: me,
                    learner: req.learner,
                    course: &req.course,
                    pack_id: &pack.id,
                    pack_version: &pack.version,
                    kind: req.kind,
                    held_on: req.held_on,
                    scores: &scored.scores,
                    notes,
                    passed: scored.passes,
                    at: now,
                },
            )?;
            store::assessment(tx, &id)
        })?;
        let saved = saved.ok_or_else(|| storage("the assessment was not saved"))?;
        Ok(self.observation_view(saved, &pack))
    }

    /// The calling learner's assessments, newest first.
    pub fn my_observations(&self, caller: &Caller) -> Result<Vec<ObservationView>> {
        let me: PersonId = caller.require_person(Permission::ViewOwnLearning)?;
        let pack = self.latest_pack()?;
        Ok(self
            .store
            .read(|c| store::of_learner(c, me))?
            .into_iter()
            .map(|o| self.observation_view(o, &pack))
            .collect())
    }
}
