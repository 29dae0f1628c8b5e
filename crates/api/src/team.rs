//! Managers assign courses to their own staff with a due date; learners see
//! what is due. Due dates are dates in the learner's office time zone, so
//! "overdue" flips at the learner's midnight, not the server's.

use crate::catalogue::LearnerView;
use crate::errors::{at_most, new_id, not_found, storage};
use crate::{Api, Caller, Result};
use chrono::{DateTime, Duration, Utc};
use mastery_domain::access::Permission;
use mastery_store::assigned;
use mastery_types::{
    ApiError, AssignCourseRequest, DueCourse, Field, OverviewColumn, PersonId, Problem, TeamMember,
    TeamView, Thing,
};

impl Api {
    /// What is assigned to a person, with completion and lateness, given
    /// their projected state.
    fn due_for(
        &self,
        person: PersonId,
        view: &LearnerView,
        now: DateTime<Utc>,
    ) -> Result<Vec<DueCourse>> {
        let today = self.office_today(person, now)?;
        let rows = self.store.read(|c| assigned::current(c, person))?;
        Ok(rows
            .into_iter()
            .map(|a| {
                let completed = view.state.completed.contains(&a.course);
                DueCourse {
                    title: view
                        .pack
                        .course(&a.course)
                        .map(|c| c.title.clone())
                        .unwrap_or_default(),
                    overdue: !completed && today > a.due_on,
                    course: a.course,
                    due_on: a.due_on,
                    note: a.note,
                    assigned_by: a.assigned_by,
                    completed,
                }
            })
            .collect())
    }

    /// The calling learner's assigned courses, soonest due first.
    pub fn due_courses(&self, caller: &Caller, now: DateTime<Utc>) -> Result<Vec<DueCourse>> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
        self.due_for(me, &view, now)
    }

    /// The manager's own staff (from the org structure), what is assigned
    /// to each, and where each stands on every course.
    pub fn my_team(&self, caller: &Caller, now: DateTime<Utc>) -> Result<TeamView> {
        let me = caller.require_person(Permission::ManageStaff)?;
        let reports = self.store.read(|c| assigned::reports(c, me))?;
        let pack = self.latest_pack()?;
        let columns = pack
            .tracks
            .iter()
            .flat_map(|t| {
                pack.courses
                    .iter()
                    .filter(move |c| c.track == t.track)
                    .map(move |c| (t, c))
            })
            .map(|(t, c)| OverviewColumn {
                course: c.id.clone(),
                track: t.track,
                track_title: t.title.clone(),
                level: c.level,
                title: c.title.clone(),
            })
            .collect::<Vec<_>>();
        let mut members = Vec::new();
        for r in reports {
            // Each member's state is projected once and serves both the
            // overview and their assigned courses.
            let view = self.learner_view(r.person, now)?;
            let progress = crate::catalogue::progress_of(&view.state);
            members.push(TeamMember {
                person_id: r.person,
                name: r.name,
                employee_number: r.employee_number.0,
                assigned: self.due_for(r.person, &view, now)?,
                // In the columns' order.
                progress: columns
                    .iter()
                    .filter_map(|col| {
                        progress
                            .iter()
                            .find(|(c, _)| *c == col.course)
                            .map(|(_, p)| *p)
                    })
                    .collect(),
            });
        }
        let (pairings, coaches) = self.team_pairings(me, now)?;
        Ok(TeamView {
            pairings,
            coaches,
            members,
            courses: pack
                .courses
                .iter()
                .map(|c| (c.id.clone(), c.title.clone()))
                .collect(),
            columns,
        })
    }

    /// Assigns a course to one of the manager's own staff. The due date
    /// may not be in the past (in the employee's time zone) nor more than
    /// two years away.
    pub fn assign_course(
        &self,
        caller: &Caller,
        req: &AssignCourseRequest,
        now: DateTime<Utc>,
    ) -> Result<DueCourse> {
        let me = caller.require_person(Permission::ManageStaff)?;
        let person = self.placed(req.learner)?;
        mastery_domain::scope::is_staff_of(me, &person.placement)
            .map_err(|r| crate::scope::refusal(r, &person.name))?;
        let pack = self.latest_pack()?;
        if pack.course(&req.course).is_none() {
            return Err(not_found(Thing::Course, &req.course));
        }
        let today = self.office_today(req.learner, now)?;
        if req.due_on < today {
            return Err(ApiError::problem(Problem::DateInPast {
                field: Field::DueDate,
                today,
            }));
        }
        if req.due_on > today + Duration::days(730) {
            return Err(ApiError::problem(Problem::DateTooFar {
                field: Field::DueDate,
                days: 730,
            }));
        }
        let note = at_most(&req.note, Field::Note, 1000)?;
        self.store.write(|tx| {
            assigned::assign(
                tx,
                &new_id(now).to_string(),
                req.learner,
                &req.course,
                req.due_on,
                note,
                me,
                now,
            )
        })?;
        let view = self.learner_view(req.learner, now)?;
        self.due_for(req.learner, &view, now)?
            .into_iter()
            .find(|d| d.course == req.course)
            .ok_or_else(|| storage("the assignment was not saved"))
    }
}
