//! Classes and the post-class survey: scheduling in the office's time zone,
//! enrolment with a waiting list, withdrawal, cancellation, attendance;
//! the survey asked of each attendee once the class has ended, stored
//! apart from identity; results by course version shown only for groups of
//! at least five (`mastery_domain::surveys`).

use crate::errors::{invalid, new_id, required_at_most};
use crate::{Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use mastery_domain::access::Permission;
use mastery_domain::classes::{self as rules, ClassFacts, ClassRefusal};
use mastery_domain::surveys;
use mastery_packs::{QuestionKind, Survey};
use mastery_store::classes::{self as store, ClassRow};
use mastery_types::{
    AnswerSurveyRequest, ApiError, AttendanceRequest, CancelClassRequest, ClassDetail, ClassMember,
    ClassRequest, ClassView, ClassesHome, CourseId, DeclineSurveyRequest, Field, InviteRequest,
    PendingSurvey, PersonId, Problem, Role, ScheduleClassRequest, Seat, SurveyQuestion,
    SurveyQuestionKind, SurveyResults, SurveyResultsRequest, Thing,
};
use std::collections::BTreeMap;

fn refusal(r: ClassRefusal) -> ApiError {
    ApiError::problem(match r {
        ClassRefusal::NoCapacity => Problem::ClassNoCapacity,
        ClassRefusal::InThePast => Problem::ClassInThePast,
        ClassRefusal::EndsBeforeStart => Problem::ClassEndsBeforeStart,
        ClassRefusal::TooLong => Problem::ClassTooLong {
            hours: rules::MAX_HOURS as u32,
        },
        ClassRefusal::Cancelled => Problem::ClassCancelled,
        ClassRefusal::AlreadyStarted => Problem::ClassStarted,
        ClassRefusal::NotStarted => Problem::ClassNotStarted,
        ClassRefusal::AlreadyEnrolled => Problem::AlreadyEnrolled,
        ClassRefusal::NotEnrolled => Problem::NotEnrolled,
    })
}

fn facts(c: &ClassRow, enrolments: Vec<mastery_domain::classes::Enrolment>) -> ClassFacts {
    ClassFacts {
        capacity: c.capacity,
        starts_at: c.starts_at,
        ends_at: c.ends_at,
        cancelled: c.cancel_reason.is_some(),
        enrolments,
    }
}

/// The survey questions as the window shows them.
pub(crate) fn questions_of(s: &Survey) -> Vec<SurveyQuestion> {
    s.questions
        .iter()
        .map(|q| SurveyQuestion {
            id: q.id.clone(),
            required: q.required,
            text: q.text.clone(),
            kind: match &q.kind {
                QuestionKind::Likert => mastery_types::SurveyQuestionKind::Likert,
                QuestionKind::Recommend => SurveyQuestionKind::Recommend,
                QuestionKind::Single { options } => SurveyQuestionKind::Single {
                    options: options
                        .iter()
                        .map(|o| (o.id.clone(), o.text.clone()))
                        .collect(),
                },
                QuestionKind::Multiple { options } => SurveyQuestionKind::Multiple {
                    options: options
                        .iter()
                        .map(|o| (o.id.clone(), o.text.clone()))
                        .collect(),
                },
                QuestionKind::Text => SurveyQuestionKind::Text,
            },
        })
        .collect()
}

/// A local date and time in `tz`, as an instant.
fn at_local(date: &str, time: &str, tz: chrono_tz::Tz) -> Result<DateTime<Utc>> {
    let d = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| invalid(Problem::NotADate { field: Field::Date }))?;
    let t = NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| {
        invalid(Problem::NotATime {
            given: time.to_owned(),
        })
    })?;
    // A time skipped by a clock change is taken as the later reading.
    tz.from_local_datetime(&d.and_time(t))
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(d.and_time(t) + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|x| x.with_timezone(&Utc))
        .ok_or_else(|| {
            invalid(Problem::NotATime {
                given: time.to_owned(),
            })
        })
}

impl Api {
    fn class_row(&self, id: &str) -> Result<ClassRow> {
        self.store
            .read(|c| store::class(c, id))?
            .ok_or_else(|| ApiError::not_found(Thing::Class, id))
    }

    /// Whether `me` runs a class: its facilitator, whoever scheduled it,
    /// or a manager of its office.
    fn runs(&self, c: &ClassRow, me: PersonId, roles: &[Role]) -> Result<bool> {
        if c.facilitator_id == me || c.scheduled_by == me {
            return Ok(true);
        }
        if !roles.contains(&Role::Manager) {
            return Ok(false);
        }
        let placed = self.placed(me)?;
        Ok(placed.placement.office.is_some() && placed.placement.office == c.office_id)
    }

    fn view(&self, c: &ClassRow, me: PersonId, roles: &[Role]) -> Result<ClassView> {
        let enrolments = self.store.read(|x| store::enrolments(x, &c.id))?;
        let f = facts(c, enrolments);
        let roster = rules::roster(&f);
        let seat = if roster.enrolled.contains(&me) {
            Seat::Enrolled
        } else {
            match roster.waiting.iter().position(|p| *p == me) {
                Some(i) => Seat::Waiting(i as u32 + 1),
                None => Seat::None,
            }
        };
        let pack = self.pack_at(&c.pack_id, &c.pack_version)?;
        let course_title = pack
            .as_ref()
            .and_then(|p| p.course(&c.course))
            .map(|course| course.title.clone())
            .unwrap_or_default();
        Ok(ClassView {
            id: c.id.clone(),
            course: c.course.clone(),
            course_title,
            pack_version: c.pack_version.clone(),
            office: c.office.clone(),
            time_zone: c.time_zone.clone().unwrap_or_else(|| "UTC".into()),
            starts_at: c.starts_at,
            ends_at: c.ends_at,
            place: c.place.clone(),
            facilitator: c.facilitator.clone(),
            capacity: c.capacity,
            enrolled: roster.enrolled.len() as u32,
            waiting: roster.waiting.len() as u32,
            cancelled: c.cancel_reason.is_some(),
            cancel_reason: c.cancel_reason.clone(),
            seat,
            runs_it: self.runs(c, me, roles)?,
        })
    }

    /// Checks a class rule on the class as it stands under the write lock,
    /// then writes: of two people taking the last seat at once, the second
    /// waits and is placed by the same rule.
    fn act_on_class(
        &self,
        c: &ClassRow,
        rule: impl Fn(&ClassFacts) -> std::result::Result<(), ClassRefusal>,
        write: impl FnOnce(&mastery_store::Connection) -> mastery_store::Result<()>,
    ) -> Result<()> {
        Ok(self.store.write(|tx| {
            let f = facts(c, store::enrolments(tx, &c.id)?);
            rule(&f).map_err(|r| mastery_store::StoreError::Problem(problem_of(r)))?;
            write(tx)
        })?)
    }

    fn roles(caller: &Caller) -> Vec<Role> {
        match caller {
            Caller::Person { roles, .. } => roles.clone(),
            Caller::LocalOperator => vec![],
        }
    }

    /// A person's classes: those of their office ahead and theirs, the ones
    /// cancelled they were in, those they run, and the surveys waiting.
    pub fn classes_home(&self, caller: &Caller, now: DateTime<Utc>) -> Result<ClassesHome> {
        let me = caller.person()?;
        let roles = Self::roles(caller);
        let placed = self.placed(me)?;
        let rows = self.store.read(|c| {
            store::classes_around(
                c,
                placed.placement.office.as_deref(),
                me,
                now - chrono::Duration::days(30),
            )
        })?;
        let mut home = ClassesHome {
            upcoming: Vec::new(),
            cancelled: Vec::new(),
            running: Vec::new(),
            surveys: self
                .pending_surveys(me, now)?
                .into_iter()
                .map(|p| p.survey)
                .collect(),
            courses: Vec::new(),
            time_zone: self
                .store
                .read(|c| mastery_store::assigned::office_time_zone(c, me))?
                .unwrap_or_else(|| "UTC".into()),
        };
        for r in &rows {
            let v = self.view(r, me, &roles)?;
            if v.runs_it {
                // Listed once, among the classes one runs (not offered for
                // enrolment to the one teaching it), and for a while after
                // it ends, so attendance can be taken afterwards.
                if r.ends_at > now - chrono::Duration::days(rules::ATTENDANCE_AFTER_DAYS) {
                    home.running.push(v);
                }
                continue;
            }
            if v.cancelled {
                if v.seat != Seat::None {
                    home.cancelled.push(v);
                }
                continue;
            }
            if r.starts_at > now {
                home.upcoming.push(v);
            }
        }
        if caller.require(Permission::CoachLearners).is_ok() {
            if let Some(pack) = self.latest_published(PROGRAM_PACK_ID)? {
                home.courses = pack
                    .courses
                    .iter()
                    .map(|c| (c.id.clone(), c.title.clone()))
                    .collect();
            }
        }
        Ok(home)
    }

    /// A class, with its list and the learners one may invite for whoever
    /// runs it.
    pub fn class_detail(
        &self,
        caller: &Caller,
        req: &ClassRequest,
        now: DateTime<Utc>,
    ) -> Result<ClassDetail> {
        let me = caller.person()?;
        let roles = Self::roles(caller);
        let c = self.class_row(&req.class_id)?;
        let class = self.view(&c, me, &roles)?;
        if !class.runs_it {
            return Ok(ClassDetail {
                class,
                members: Vec::new(),
                invitable: Vec::new(),
            });
        }
        let members = self.members(&c)?;
        let invitable = if class.cancelled
            || c.starts_at <= now
            || caller.require(Permission::CoachLearners).is_err()
        {
            Vec::new()
        } else {
            let mut list: Vec<(PersonId, String)> = self
                .learners_in_scope(me, now)?
                .into_iter()
                .filter(|p| p.placement.office.is_some() && p.placement.office == c.office_id)
                .filter(|p| !members.iter().any(|m| m.person_id == p.placement.person))
                .map(|p| (p.placement.person, p.name))
                .collect();
            list.sort_by(|a, b| a.1.cmp(&b.1));
            list
        };
        Ok(ClassDetail {
            class,
            members,
            invitable,
        })
    }

    /// Whoever runs a class puts a learner they coach, of the class's
    /// office, on its list (a seat, or the waiting list when it is full),
    /// before it starts.
    pub fn invite_to_class(
        &self,
        caller: &Caller,
        req: &InviteRequest,
        now: DateTime<Utc>,
    ) -> Result<ClassDetail> {
        let me = caller.require_person(Permission::CoachLearners)?;
        let c = self.class_row(&req.class_id)?;
        if !self.runs(&c, me, &Self::roles(caller))? {
            return Err(ApiError::problem(Problem::NotRunningClass));
        }
        self.require_coach_scope(me, req.person_id, now)?;
        if self.placed(req.person_id)?.placement.office != c.office_id {
            return Err(ApiError::problem(Problem::NotInClassOffice));
        }
        self.act_on_class(
            &c,
            |f| rules::may_enrol(f, req.person_id, now),
            |tx| {
                store::insert_enrolment(
                    tx,
                    &new_id(now).to_string(),
                    &c.id,
                    req.person_id,
                    true,
                    me,
                    now,
                )
            },
        )?;
        self.class_detail(caller, &ClassRequest { class_id: c.id }, now)
    }

    fn members(&self, c: &ClassRow) -> Result<Vec<ClassMember>> {
        let (enrolments, marks) = self
            .store
            .read(|x| Ok((store::enrolments(x, &c.id)?, store::attendance(x, &c.id)?)))?;
        let roster = rules::roster(&facts(c, enrolments));
        let ids: Vec<PersonId> = roster
            .enrolled
            .iter()
            .chain(&roster.waiting)
            .copied()
            .collect();
        let names = self.store.read(|x| mastery_store::people::names(x, &ids))?;
        Ok(ids
            .iter()
            .map(|p| ClassMember {
                person_id: *p,
                name: names.get(p).cloned().unwrap_or_default(),
                waiting: roster.waiting.contains(p),
                present: marks.iter().find(|(q, _)| q == p).map(|(_, b)| *b),
            })
            .collect())
    }

    /// A coach or manager schedules a class of a course in their office,
    /// taught from the latest published version.
    pub fn schedule_class(
        &self,
        caller: &Caller,
        req: &ScheduleClassRequest,
        now: DateTime<Utc>,
    ) -> Result<ClassView> {
        let me = caller.require_person(Permission::CoachLearners)?;
        let place = required_at_most(&req.place, Field::Setting, 300)?;
        let pack = self
            .latest_published(PROGRAM_PACK_ID)?
            .ok_or_else(|| ApiError::not_found(Thing::Pack, PROGRAM_PACK_ID))?;
        if pack.course(&req.course).is_none() {
            return Err(ApiError::not_found(Thing::Course, &req.course));
        }
        let placed = self.placed(me)?;
        let tz: chrono_tz::Tz = self
            .store
            .read(|c| mastery_store::assigned::office_time_zone(c, me))?
            .and_then(|z| z.parse().ok())
            .unwrap_or(chrono_tz::UTC);
        let starts_at = at_local(&req.date, &req.starts, tz)?;
        let ends_at = at_local(&req.date, &req.ends, tz)?;
        rules::check_new(starts_at, ends_at, req.capacity, now).map_err(refusal)?;
        let facilitator = match req.facilitator {
            Some(f) if f != me => {
                // Another facilitator: a coach or manager of the same office.
                let them = self.placed(f)?;
                let roles = self.roles_of(f)?;
                if them.placement.office != placed.placement.office
                    || !roles
                        .iter()
                        .any(|r| matches!(r, Role::Coach | Role::Manager))
                {
                    return Err(ApiError::problem(Problem::NotRunningClass));
                }
                f
            }
            _ => me,
        };
        let id = new_id(now).to_string();
        self.store.write(|tx| {
            store::insert_class(
                tx,
                &store::NewClass {
                    id: &id,
                    course: &req.course,
                    pack_id: PROGRAM_PACK_ID,
                    pack_version: &pack.version,
                    office: placed.placement.office.as_deref(),
                    starts_at,
                    ends_at,
                    place,
                    facilitator,
                    capacity: req.capacity,
                    by: me,
                    at: now,
                },
            )
        })?;
        let c = self.class_row(&id)?;
        self.view(&c, me, &Self::roles(caller))
    }

    /// A learner enrols in a class of their office (or joins its waiting
    /// list when it is full).
    pub fn enrol_in_class(
        &self,
        caller: &Caller,
        req: &ClassRequest,
        now: DateTime<Utc>,
    ) -> Result<ClassView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let c = self.class_row(&req.class_id)?;
        if self.placed(me)?.placement.office != c.office_id {
            return Err(ApiError::not_found(Thing::Class, &req.class_id));
        }
        self.act_on_class(
            &c,
            |f| rules::may_enrol(f, me, now),
            |tx| store::insert_enrolment(tx, &new_id(now).to_string(), &c.id, me, true, me, now),
        )?;
        self.view(&c, me, &Self::roles(caller))
    }

    /// A learner withdraws before the class starts; the first person
    /// waiting takes the seat.
    pub fn withdraw_from_class(
        &self,
        caller: &Caller,
        req: &ClassRequest,
        now: DateTime<Utc>,
    ) -> Result<ClassView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let c = self.class_row(&req.class_id)?;
        self.act_on_class(
            &c,
            |f| rules::may_withdraw(f, me, now),
            |tx| store::insert_enrolment(tx, &new_id(now).to_string(), &c.id, me, false, me, now),
        )?;
        self.view(&c, me, &Self::roles(caller))
    }

    /// Whoever runs a class cancels it before it starts, with a reason its
    /// people read.
    pub fn cancel_class(
        &self,
        caller: &Caller,
        req: &CancelClassRequest,
        now: DateTime<Utc>,
    ) -> Result<ClassView> {
        let me = caller.require_person(Permission::CoachLearners)?;
        let roles = Self::roles(caller);
        let reason = required_at_most(&req.reason, Field::Reason, 1000)?;
        let c = self.class_row(&req.class_id)?;
        if !self.runs(&c, me, &roles)? {
            return Err(ApiError::problem(Problem::NotRunningClass));
        }
        self.act_on_class(
            &c,
            |f| rules::may_cancel(f, now),
            |tx| {
                store::insert_cancellation(tx, &c.id, me, reason, now)?;
                crate::audit::record(
                    tx,
                    now,
                    Some(me),
                    "class.cancelled",
                    &c.id,
                    serde_json::json!({ "course": c.course, "reason": reason }),
                )
            },
        )?;
        let c = self.class_row(&req.class_id)?;
        self.view(&c, me, &roles)
    }

    /// Whoever runs a class marks a seat holder present or absent, once it
    /// has started.
    pub fn mark_attendance(
        &self,
        caller: &Caller,
        req: &AttendanceRequest,
        now: DateTime<Utc>,
    ) -> Result<ClassDetail> {
        let me = caller.require_person(Permission::CoachLearners)?;
        let roles = Self::roles(caller);
        let c = self.class_row(&req.class_id)?;
        if !self.runs(&c, me, &roles)? {
            return Err(ApiError::problem(Problem::NotRunningClass));
        }
        self.act_on_class(
            &c,
            |f| rules::may_mark_attendance(f, req.person_id, now),
            |tx| {
                store::insert_attendance(
                    tx,
                    &new_id(now).to_string(),
                    &c.id,
                    req.person_id,
                    req.present,
                    me,
                    now,
                )
            },
        )?;
        self.class_detail(caller, &ClassRequest { class_id: c.id }, now)
    }

    /// Surveys waiting for a person: after each class they attended that
    /// has ended, and after each course they completed online (no class of
    /// it attended, not a record of prior learning), until they answer or
    /// decline.
    fn pending_surveys(&self, me: PersonId, now: DateTime<Utc>) -> Result<Vec<Pending>> {
        let attended = self.store.read(|c| store::attended(c, me, now))?;
        let mut out = Vec::new();
        for c in attended {
            if !rules::survey_open(c.ends_at, now)
                || self.store.read(|x| store::answered(x, me, &c.id))?
            {
                continue;
            }
            let Some(pack) = self.pack_at(&c.pack_id, &c.pack_version)? else {
                continue;
            };
            if let Some(survey) = pending(&pack, &c.course, c.id.clone(), Some(c.ends_at)) {
                out.push(Pending {
                    survey,
                    occasion: Occasion::Class(Box::new(c)),
                });
            }
        }
        let view = self.learner_view(me, now)?;
        let completed_at = mastery_domain::progress::completion_times(
            &mastery_domain::progress::Program::new(&view.pack),
            &view.facts,
        );
        for state in view
            .state
            .courses
            .iter()
            .filter(|s| s.complete && !s.recorded)
        {
            if view.facts.classes.iter().any(|c| c.course == state.course) {
                continue;
            }
            let open = completed_at
                .iter()
                .find(|(c, _)| *c == state.course)
                .is_some_and(|(_, at)| rules::survey_open(*at, now));
            if !open {
                continue;
            }
            // The version they passed the knowledge check in, else the one
            // they completed it under.
            let version = view
                .facts
                .attempts
                .iter()
                .rev()
                .find(|a| a.course == state.course && a.passed())
                .map_or_else(|| view.pack.version.clone(), |a| a.pack_version.clone());
            let occasion = surveys::online_occasion(&state.course, &version);
            if self.store.read(|x| store::answered(x, me, &occasion))? {
                continue;
            }
            let pack = match self.pack_at(PROGRAM_PACK_ID, &version)? {
                Some(p) => p,
                None => view.pack.clone(),
            };
            if let Some(survey) = pending(&pack, &state.course, occasion, None) {
                out.push(Pending {
                    survey,
                    occasion: Occasion::Online {
                        course: state.course.clone(),
                        pack_version: pack.version.clone(),
                    },
                });
            }
        }
        Ok(out)
    }

    /// An attendee (or a learner who completed the course online) answers
    /// its survey. The response is stored with the course, version, class,
    /// office and facilitator only; that the person answered is stored
    /// apart, only so they are not asked again.
    pub fn answer_survey(
        &self,
        caller: &Caller,
        req: &AnswerSurveyRequest,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let due = self
            .pending_surveys(me, now)?
            .into_iter()
            .find(|p| p.survey.occasion == req.occasion)
            .ok_or(ApiError::problem(Problem::SurveyNotDue))?;
        let (course, pack_id, pack_version, class, office, facilitator) = match &due.occasion {
            Occasion::Class(c) => (
                c.course.clone(),
                c.pack_id.clone(),
                c.pack_version.clone(),
                Some(c.id.clone()),
                c.office_id.clone(),
                Some(c.facilitator_id),
            ),
            Occasion::Online {
                course,
                pack_version,
            } => (
                course.clone(),
                PROGRAM_PACK_ID.to_owned(),
                pack_version.clone(),
                None,
                self.placed(me)?.placement.office,
                None,
            ),
        };
        let pack = self
            .pack_at(&pack_id, &pack_version)?
            .ok_or_else(|| ApiError::not_found(Thing::PackVersion, &pack_version))?;
        let survey = pack
            .course(&course)
            .and_then(|course| course.survey.as_deref())
            .and_then(|s| pack.survey(s))
            .ok_or(ApiError::problem(Problem::SurveyNotDue))?;
        surveys::check(survey, &req.answers)
            .map_err(|problem| invalid(Problem::SurveyAnswer { problem }))?;
        let answers = serde_json::to_string(&req.answers)
            .map_err(|e| crate::errors::storage(e.to_string()))?;
        self.store.write(|tx| {
            // Checked again under the write lock: one response per person.
            if store::answered(tx, me, &req.occasion)? {
                return Err(mastery_store::StoreError::Problem(Problem::SurveyNotDue));
            }
            store::insert_answered(tx, me, &req.occasion, false)?;
            store::insert_response(
                tx,
                &store::NewResponse {
                    id: &uuid::Uuid::new_v4().to_string(),
                    survey: &survey.id,
                    course: &course,
                    pack_id: &pack_id,
                    pack_version: &pack_version,
                    class: class.as_deref(),
                    office: office.as_deref(),
                    facilitator,
                    answers_json: &answers,
                },
            )
        })?;
        Ok(())
    }

    /// The person declines the survey: not asked again, nothing stored but
    /// that.
    pub fn decline_survey(
        &self,
        caller: &Caller,
        req: &DeclineSurveyRequest,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        if !self
            .pending_surveys(me, now)?
            .iter()
            .any(|p| p.survey.occasion == req.occasion)
        {
            return Err(ApiError::problem(Problem::SurveyNotDue));
        }
        self.store.write(|tx| {
            if store::answered(tx, me, &req.occasion)? {
                return Err(mastery_store::StoreError::Problem(Problem::SurveyNotDue));
            }
            store::insert_answered(tx, me, &req.occasion, true)
        })?;
        Ok(())
    }

    /// A course's survey results for one version, with the version before
    /// it: groups under five responses show nothing. For course
    /// designers, managers and administrators.
    pub fn survey_results(
        &self,
        caller: &Caller,
        req: &SurveyResultsRequest,
    ) -> Result<SurveyResults> {
        // Managers and administrators also see breakdowns by office and
        // facilitator; course designers see the course's whole.
        let breakdowns = caller.require(Permission::ManageStaff).is_ok()
            || caller.require(Permission::AdministerCertifications).is_ok();
        if !breakdowns {
            caller.require(Permission::DesignCourses)?;
        }
        let mut versions = self
            .store
            .read(|c| store::response_versions(c, &req.course))?;
        versions.sort_by(|a, b| {
            let v = |s: &str| semver::Version::parse(s).ok();
            v(b).cmp(&v(a)).then_with(|| b.cmp(a))
        });
        let version = req
            .version
            .clone()
            .filter(|v| versions.contains(v))
            .or_else(|| versions.first().cloned());
        let pack = match &version {
            Some(v) => self.pack_at(PROGRAM_PACK_ID, v)?,
            None => self.latest_published(PROGRAM_PACK_ID)?,
        }
        .ok_or_else(|| ApiError::not_found(Thing::Pack, PROGRAM_PACK_ID))?;
        let course = pack
            .course(&req.course)
            .ok_or_else(|| ApiError::not_found(Thing::Course, &req.course))?;
        let survey = course.survey.as_deref().and_then(|s| pack.survey(s));
        let decode = |json: &str| -> Result<surveys::Response> {
            serde_json::from_str(json)
                .map_err(|e| crate::errors::storage(format!("a survey response is damaged: {e}")))
        };
        let group = |v: &str, survey: &Survey| -> Result<mastery_types::GroupResults> {
            let rows = self.store.read(|c| store::responses(c, &req.course, v))?;
            let responses = rows.iter().map(|r| decode(r)).collect::<Result<Vec<_>>>()?;
            Ok(surveys::results(survey, &responses))
        };
        let suppressed = || mastery_types::GroupResults::Suppressed {
            threshold: surveys::MIN_GROUP as u32,
        };
        let (results, previous, by_office, by_facilitator) = match (survey, &version) {
            (Some(s), Some(v)) => {
                let previous = versions
                    .iter()
                    .position(|x| x == v)
                    .and_then(|i| versions.get(i + 1))
                    .map(|p| group(p, s).map(|g| (p.clone(), g)))
                    .transpose()?;
                // This version's responses, each decoded once, for the
                // whole and for the breakdowns.
                let rows = self
                    .store
                    .read(|c| store::responses_with_origin(c, &req.course, v))?;
                let decoded = rows
                    .iter()
                    .map(|r| Ok((r, decode(&r.answers_json)?)))
                    .collect::<Result<Vec<_>>>()?;
                let all: Vec<&surveys::Response> = decoded.iter().map(|(_, a)| a).collect();
                let by = |key: &dyn Fn(&store::ResponseOrigin) -> Option<String>| {
                    let mut groups: BTreeMap<Option<String>, Vec<&surveys::Response>> =
                        BTreeMap::new();
                    for (r, answers) in &decoded {
                        groups.entry(key(r)).or_default().push(answers);
                    }
                    surveys::breakdown(s, groups.into_iter().collect())
                };
                let (by_office, by_facilitator) = if breakdowns {
                    (by(&|r| r.office.clone()), by(&|r| r.facilitator.clone()))
                } else {
                    (Vec::new(), Vec::new())
                };
                (
                    surveys::results(s, &all),
                    previous,
                    by_office,
                    by_facilitator,
                )
            }
            _ => (suppressed(), None, Vec::new(), Vec::new()),
        };
        let asked = match &version {
            Some(v) => self.store.read(|c| {
                store::asked(c, &req.course, v, &surveys::online_occasion(&req.course, v))
            })?,
            None => 0,
        };
        Ok(SurveyResults {
            course: req.course.clone(),
            course_title: course.title.clone(),
            asked,
            versions,
            version,
            questions: survey.map(questions_of).unwrap_or_default(),
            results,
            previous,
            by_office,
            by_facilitator,
        })
    }
}

/// A survey due, and what it is about.
struct Pending {
    survey: PendingSurvey,
    occasion: Occasion,
}

enum Occasion {
    Class(Box<ClassRow>),
    Online {
        course: CourseId,
        pack_version: String,
    },
}

/// The course's survey as asked on `occasion`, if the course has one.
fn pending(
    pack: &mastery_packs::Pack,
    course: &CourseId,
    occasion: String,
    ended_at: Option<DateTime<Utc>>,
) -> Option<PendingSurvey> {
    let course = pack.course(course)?;
    let survey = pack.survey(course.survey.as_deref()?)?;
    Some(PendingSurvey {
        occasion,
        course_title: course.title.clone(),
        ended_at,
        title: survey.title.clone(),
        intro: survey.intro.clone(),
        questions: questions_of(survey),
        min_group: surveys::MIN_GROUP as u32,
        max_text: surveys::MAX_TEXT as u32,
    })
}

fn problem_of(r: ClassRefusal) -> Problem {
    refusal(r).problem.unwrap_or(Problem::ClassCancelled)
}

impl Api {
    /// Item analysis of a course's knowledge check for one pack version,
    /// over every submitted attempt: for course designers (and managers and
    /// administrators, like the survey results). Attempts are counted,
    /// never listed: no row names a learner.
    pub fn item_analysis(
        &self,
        caller: &Caller,
        req: &mastery_types::ItemAnalysisRequest,
    ) -> Result<mastery_types::ItemAnalysis> {
        if caller.require(Permission::DesignCourses).is_err()
            && caller.require(Permission::ManageStaff).is_err()
        {
            caller.require(Permission::AdministerCertifications)?;
        }
        let pack = match &req.version {
            Some(v) => self.pack_at(PROGRAM_PACK_ID, v)?,
            None => self.latest_published(PROGRAM_PACK_ID)?,
        }
        .ok_or_else(|| {
            ApiError::not_found(Thing::PackVersion, req.version.as_deref().unwrap_or(""))
        })?;
        let quiz = pack
            .quiz_of(&req.course)
            .ok_or_else(|| ApiError::not_found(Thing::KnowledgeCheck, &req.course))?;
        let attempts = self
            .store
            .read(|c| mastery_store::learning::submitted_attempts(c, &req.course, &pack.version))?;
        let chosen_of = |a: &mastery_types::Answer| -> Vec<String> {
            match a {
                mastery_types::Answer::Single(o) => vec![o.clone()],
                mastery_types::Answer::Multiple(os) => os.clone(),
                _ => vec![],
            }
        };
        let rows: Vec<mastery_domain::item_analysis::AttemptItems> = attempts
            .iter()
            .map(|a| mastery_domain::item_analysis::AttemptItems {
                items: a
                    .items
                    .iter()
                    .filter(|i| !i.unanswered)
                    .map(|i| {
                        let chosen = a
                            .answers
                            .iter()
                            .find(|(id, _)| *id == i.item_id)
                            .map(|(_, ans)| chosen_of(ans))
                            .unwrap_or_default();
                        (
                            i.item_id.clone(),
                            f64::from(i.earned_percent) / 100.0,
                            chosen,
                        )
                    })
                    .collect(),
            })
            .collect();
        let options: std::collections::BTreeMap<String, Vec<(String, bool)>> = quiz
            .items
            .iter()
            .filter_map(|item| {
                choices(item).map(|c| {
                    (
                        item.id.clone(),
                        c.iter().map(|x| (x.id.clone(), x.correct)).collect(),
                    )
                })
            })
            .collect();
        let stats = mastery_domain::item_analysis::analyse(&rows, &options);
        let items = quiz
            .items
            .iter()
            .map(|item| {
                let s = stats.iter().find(|s| s.item == item.id);
                mastery_types::ItemAnalysisRow {
                    item: item.id.clone(),
                    prompt: prompt_of(item),
                    attempts: s.map_or(0, |s| s.attempts as u32),
                    difficulty: s.map_or(0.0, |s| s.difficulty),
                    discrimination: s.and_then(|s| s.discrimination),
                    options: choices(item)
                        .map(|c| {
                            c.iter()
                                .map(|x| mastery_types::OptionChoice {
                                    id: x.id.clone(),
                                    text: x.text.clone(),
                                    correct: x.correct,
                                    chosen: s
                                        .and_then(|s| s.chosen.get(&x.id))
                                        .map_or(0, |n| *n as u32),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    flags: s.map(|s| s.flags.clone()).unwrap_or_default(),
                }
            })
            .collect();
        Ok(mastery_types::ItemAnalysis {
            course: req.course.clone(),
            version: pack.version.clone(),
            attempts: attempts.len() as u32,
            min_attempts_for_flags: mastery_domain::item_analysis::MIN_ATTEMPTS_FOR_FLAGS as u32,
            items,
        })
    }
}

/// An item's question (a scenario's situation).
fn prompt_of(item: &mastery_packs::QuizItem) -> mastery_types::LocalizedText {
    use mastery_packs::ItemKind::*;
    match &item.kind {
        Single { prompt, .. }
        | Multiple { prompt, .. }
        | TrueFalse { prompt, .. }
        | Ordering { prompt, .. }
        | Matching { prompt, .. } => prompt.clone(),
        Scenario { situation, .. } => situation.clone(),
    }
}

/// The choices of a single- or multiple-choice item.
fn choices(item: &mastery_packs::QuizItem) -> Option<&Vec<mastery_packs::Choice>> {
    match &item.kind {
        mastery_packs::ItemKind::Single { choices, .. }
        | mastery_packs::ItemKind::Multiple { choices, .. } => Some(choices),
        _ => None,
    }
}

impl Api {
    /// The survey results of a course version as CSV (UTF-8 with a BOM):
    /// the rows the results page shows, with the same suppression — a group
    /// under five responses is one line saying so, with no count.
    pub fn survey_results_csv(
        &self,
        caller: &Caller,
        req: &SurveyResultsRequest,
    ) -> Result<String> {
        let r = self.survey_results(caller, req)?;
        let version = r.version.clone().unwrap_or_default();
        let mut out =
            crate::export::csv_with_header("course,version,group,question,kind,value,count");
        let groups = std::iter::once(("all".to_owned(), &r.results))
            .chain(
                r.by_office
                    .iter()
                    .map(|(k, g)| (format!("office: {}", k.as_deref().unwrap_or("(none)")), g)),
            )
            .chain(r.by_facilitator.iter().map(|(k, g)| {
                (
                    format!("facilitator: {}", k.as_deref().unwrap_or("(none)")),
                    g,
                )
            }));
        for (group, results) in groups {
            csv_group(&mut out, &[r.course.as_str(), &version, &group], results);
        }
        Ok(out)
    }
}

impl Api {
    /// The item analysis as CSV: a line per item (its difficulty,
    /// discrimination and flags) and a line per option (how often chosen);
    /// counts only, no learner.
    pub fn item_analysis_csv(
        &self,
        caller: &Caller,
        req: &mastery_types::ItemAnalysisRequest,
    ) -> Result<String> {
        let a = self.item_analysis(caller, req)?;
        let mut out = crate::export::csv_with_header(
            "course,version,item,prompt,attempts,right_share,discrimination,flags,option,correct,chosen",
        );
        let mut line = |fields: [&str; 11]| crate::export::csv_line(&mut out, fields);
        for i in &a.items {
            let attempts = i.attempts.to_string();
            let right = format!("{:.3}", i.difficulty);
            let discrimination = i
                .discrimination
                .map(|d| format!("{d:.3}"))
                .unwrap_or_default();
            let flags: Vec<&str> = i
                .flags
                .iter()
                .map(|f| match f {
                    mastery_types::ItemFlag::TooEasy => "too_easy",
                    mastery_types::ItemFlag::TooHard => "too_hard",
                    mastery_types::ItemFlag::NegativeDiscrimination => "negative_discrimination",
                    mastery_types::ItemFlag::UnusedOption => "unused_option",
                })
                .collect();
            let prompt = i.prompt.get("en").to_owned();
            let lead = [
                a.course.as_str(),
                a.version.as_str(),
                i.item.as_str(),
                prompt.as_str(),
            ];
            line([
                lead[0],
                lead[1],
                lead[2],
                lead[3],
                &attempts,
                &right,
                &discrimination,
                &flags.join(" "),
                "",
                "",
                "",
            ]);
            for o in &i.options {
                let chosen = o.chosen.to_string();
                line([
                    lead[0],
                    lead[1],
                    lead[2],
                    "",
                    "",
                    "",
                    "",
                    "",
                    &o.id,
                    if o.correct { "yes" } else { "no" },
                    &chosen,
                ]);
            }
        }
        Ok(out)
    }
}

/// The rows of one group's results, after `lead` (course, version, group):
/// a suppressed group is one line without its count.
fn csv_group(out: &mut String, lead: &[&str], results: &mastery_types::GroupResults) {
    use mastery_types::{GroupResults, QuestionResult};
    let mut line = |q: &str, kind: &str, value: &str, count: &str| {
        crate::export::csv_line(out, lead.iter().copied().chain([q, kind, value, count]));
    };
    match results {
        GroupResults::Suppressed { threshold } => {
            line(
                "",
                "suppressed",
                &format!("fewer than {threshold} responses"),
                "",
            );
        }
        GroupResults::Shown {
            responses,
            questions,
        } => {
            line("", "responses", "", &responses.to_string());
            for (q, result) in questions {
                match result {
                    QuestionResult::Likert { counts, .. } => {
                        for (i, n) in counts.iter().enumerate() {
                            line(q, "likert", &(i + 1).to_string(), &n.to_string());
                        }
                    }
                    QuestionResult::Recommend { counts, net } => {
                        for (i, n) in counts.iter().enumerate() {
                            line(q, "recommend", &i.to_string(), &n.to_string());
                        }
                        if let Some(net) = net {
                            line(q, "net_score", &format!("{net:.1}"), "");
                        }
                    }
                    QuestionResult::Choice { counts } => {
                        for (option, n) in counts {
                            line(q, "choice", option, &n.to_string());
                        }
                    }
                    QuestionResult::Text { comments } => {
                        for c in comments {
                            line(q, "comment", c, "");
                        }
                    }
                }
            }
        }
    }
}
