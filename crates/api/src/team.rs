//! Managers assign courses to their own staff with a due date; learners see
//! what is due. Due dates are dates in the learner's office time zone, so
//! "overdue" flips at the learner's midnight, not the server's.

use crate::{errors::new_id, Api, Caller, Result};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use mastery_domain::access::Permission;
use mastery_store::assigned;
use mastery_types::{
    ApiError, AssignCourseRequest, DueCourse, ErrorCode, OverviewColumn, PersonId, TeamMember,
    TeamView,
};

impl Api {
    /// What is assigned to a person, with completion and lateness.
    fn due_for(&self, person: PersonId, now: DateTime<Utc>) -> Result<Vec<DueCourse>> {
        let view = self.learner_view(person)?;
        let today = self.office_today(person, now)?;
        let rows = self.store.read(|c| assigned::current(c, person))?;
        let mut out = Vec::new();
        for (course, due, note, by) in rows {
            let Ok(due_on) = NaiveDate::parse_from_str(&due, "%Y-%m-%d") else {
                continue;
            };
            let completed = view.completed.contains(&course);
            out.push(DueCourse {
                title: view
                    .pack
                    .course(&course)
                    .map(|c| c.title.clone())
                    .unwrap_or_default(),
                course,
                due_on,
                note,
                assigned_by: by,
                completed,
                overdue: !completed && today > due_on,
            });
        }
        Ok(out)
    }

    /// The calling learner's assigned courses, soonest due first.
    pub fn due_courses(&self, caller: &Caller, now: DateTime<Utc>) -> Result<Vec<DueCourse>> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        self.due_for(me, now)
    }

    /// The manager's own staff (from the org structure) and what is
    /// assigned to each.
    pub fn my_team(&self, caller: &Caller, now: DateTime<Utc>) -> Result<TeamView> {
        let me = caller.require_person(Permission::ManageStaff)?;
        let reports = self.store.read(|c| assigned::reports(c, me))?;
        let mut members = Vec::new();
        for (id, name, number) in reports {
            let Ok(uuid) = id.parse() else { continue };
            members.push(TeamMember {
                person_id: PersonId(uuid),
                name,
                employee_number: number,
                assigned: self.due_for(PersonId(uuid), now)?,
                progress: self
                    .progress_of(PersonId(uuid))?
                    .into_iter()
                    .map(|(_, p)| p)
                    .collect(),
            });
        }
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
        // Each member's progress in the columns' order.
        let order: Vec<usize> = columns
            .iter()
            .filter_map(|col| pack.courses.iter().position(|c| c.id == col.course))
            .collect();
        for m in &mut members {
            let p = std::mem::take(&mut m.progress);
            m.progress = order.iter().filter_map(|i| p.get(*i).copied()).collect();
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
        let view = self.learner_view(req.learner)?;
        if view.pack.course(&req.course).is_none() {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("there is no course {}", req.course),
            ));
        }
        let today = self.office_today(req.learner, now)?;
        if req.due_on < today {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "the due date {} is in the past (it is {today} where {} works)",
                    req.due_on, person.name
                ),
            ));
        }
        if req.due_on > today + Duration::days(730) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "the due date is more than two years away",
            ));
        }
        let note = req.note.trim();
        if note.chars().count() > 1000 {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "the note is longer than 1000 characters",
            ));
        }
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
        self.due_for(req.learner, now)?
            .into_iter()
            .find(|d| d.course == req.course)
            .ok_or_else(|| ApiError::new(ErrorCode::Storage, "the assignment was not saved"))
    }
}
