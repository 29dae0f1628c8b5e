//! The program catalogue as one learner sees it, and loading the shipped pack.

use crate::{Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_domain::catalogue::{availability, CourseRule};
use mastery_store::{completions, learning, packs, people};
use mastery_types::{
    ApiError, Availability, Catalogue, CatalogueCourse, CatalogueTrack, CourseId, CourseOutline,
    CourseRef, CourseRequest, ErrorCode, KnowledgeCheckSummary, LessonPositionRequest,
    LessonRequest, LessonSummary, LessonView, LocalizedText, Requirement,
};
use std::collections::BTreeMap;

/// What happened when the shipped pack was offered to the database.
#[derive(Debug, PartialEq, Eq)]
pub enum PackLoad {
    Added { version: String },
    AlreadyPresent { version: String },
}

/// What a learner's view of the program is built from.
pub(crate) struct LearnerView {
    pub(crate) pack: std::sync::Arc<mastery_packs::Pack>,
    pub(crate) completed: std::collections::BTreeSet<CourseId>,
    pub(crate) home: Option<mastery_types::Track>,
    /// Course titles by id, to name missing prerequisites.
    titles: BTreeMap<CourseId, LocalizedText>,
    /// What the learner's facts say about each course, in pack order.
    facts: Vec<mastery_packs::CourseFacts>,
}

impl LearnerView {
    fn entry(&self, c: &mastery_packs::PackCourse) -> CatalogueCourse {
        CatalogueCourse {
            id: c.id.clone(),
            track: c.track,
            level: c.level,
            title: c.title.clone(),
            summary: c.summary.clone(),
            estimated_hours: c.estimated_hours,
            availability: availability(
                &CourseRule {
                    id: &c.id,
                    prerequisites: &c.prerequisites,
                },
                &self.completed,
                &self.titles,
            ),
        }
    }

    /// The course, if the learner may open it (not locked).
    pub(crate) fn open_course(
        &self,
        id: &CourseId,
    ) -> Result<(&mastery_packs::PackCourse, CatalogueCourse)> {
        let course = self.pack.course(id).ok_or_else(|| {
            ApiError::new(ErrorCode::NotFound, format!("there is no course {id}"))
        })?;
        let entry = self.entry(course);
        if let Availability::Locked { missing } = &entry.availability {
            let names: Vec<&str> = missing.iter().map(|m| m.id.as_str()).collect();
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "course {id} is locked until {} is completed",
                    names.join(" and ")
                ),
            ));
        }
        Ok((course, entry))
    }

    /// A lesson of a course the learner may open.
    pub(crate) fn open_lesson(&self, id: &str) -> Result<&mastery_packs::Lesson> {
        let lesson = self
            .pack
            .lessons
            .iter()
            .find(|l| l.id == id)
            .ok_or_else(|| {
                ApiError::new(ErrorCode::NotFound, format!("there is no lesson {id:?}"))
            })?;
        self.open_course(&lesson.course)?;
        Ok(lesson)
    }

    /// The knowledge check of a course the learner may open.
    pub(crate) fn open_quiz(
        &self,
        id: &CourseId,
    ) -> Result<(&mastery_packs::PackCourse, &mastery_packs::Quiz)> {
        let (course, _) = self.open_course(id)?;
        let quiz = self.pack.quiz_of(&course.id).ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("course {} has no knowledge check", course.id),
            )
        })?;
        Ok((course, quiz))
    }

    /// The self-assessment of a course the learner may open.
    pub(crate) fn open_self_assessment(
        &self,
        id: &CourseId,
    ) -> Result<(&mastery_packs::PackCourse, &mastery_packs::SelfAssessment)> {
        let (course, _) = self.open_course(id)?;
        let sa = course
            .self_assessment
            .as_deref()
            .and_then(|sa| self.pack.self_assessment(sa))
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("course {} has no self-assessment", course.id),
                )
            })?;
        Ok((course, sa))
    }
}

impl Api {
    pub(crate) fn learner_view(&self, me: mastery_types::PersonId) -> Result<LearnerView> {
        let pack = self.latest_published(PROGRAM_PACK_ID)?;
        let (mut completed, person) = self.store.read(|c| {
            Ok((
                completions::completed_courses(c, me, PROGRAM_PACK_ID)?,
                people::person(c, me)?,
            ))
        })?;
        let pack = pack.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("no published version of the {PROGRAM_PACK_ID} pack is loaded"),
            )
        })?;
        // Completed: recorded (prior learning, demo data), or derived from
        // the learner's facts by the course's completion rule.
        let facts = self.store.read(|c| {
            let sessions = mastery_store::coaching::for_learner(c, me)?;
            let submissions = mastery_store::assignments::of_person(c, me)?;
            let observed = mastery_store::observations::of_learner(c, me)?;
            pack.courses
                .iter()
                .map(|course| {
                    course_facts(c, me, &pack, course, &sessions, &submissions, &observed)
                })
                .collect::<mastery_store::Result<Vec<_>>>()
        })?;
        completed.extend(
            pack.courses
                .iter()
                .zip(&facts)
                .filter(|(course, f)| mastery_packs::is_complete(course, f))
                .map(|(course, _)| course.id.clone()),
        );
        let titles = pack
            .courses
            .iter()
            .map(|c| (c.id.clone(), c.title.clone()))
            .collect();
        Ok(LearnerView {
            titles,
            pack,
            completed,
            home: person.and_then(|p| p.home_track),
            facts,
        })
    }

    /// A course the learner may open, with its lessons in order and its
    /// knowledge check. A locked course is refused (the API enforces the
    /// prerequisites, not only the UI).
    pub fn course_outline(&self, caller: &Caller, req: &CourseRequest) -> Result<CourseOutline> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me)?;
        let (course, entry) = view.open_course(&req.course)?;
        let (done, resume, facts) = self.store.read(|c| {
            let sessions = mastery_store::coaching::for_learner(c, me)?;
            let submissions = mastery_store::assignments::of_person(c, me)?;
            let observed = mastery_store::observations::of_learner(c, me)?;
            Ok((
                learning::lessons_done(c, me, &course.id)?,
                learning::last_opened(c, me, &course.id)?,
                course_facts(
                    c,
                    me,
                    &view.pack,
                    course,
                    &sessions,
                    &submissions,
                    &observed,
                )?,
            ))
        })?;
        let lessons: Vec<LessonSummary> = view
            .pack
            .lessons
            .iter()
            .filter(|l| l.course == course.id)
            .map(|l| LessonSummary {
                id: l.id.clone(),
                order: l.order,
                title: l.title.clone(),
                done: done.contains(&l.id),
            })
            .collect();
        let requirements = mastery_packs::requirements(course, &facts)
            .into_iter()
            .map(|(key, met)| Requirement {
                key: key.to_owned(),
                met,
            })
            .collect();
        let knowledge_check = view
            .pack
            .quizzes
            .iter()
            .find(|q| q.course == course.id)
            .map(|q| KnowledgeCheckSummary {
                title: q.title.clone(),
                items: u16::try_from(q.items.len()).unwrap_or(u16::MAX),
                pass_mark: q.pass_mark,
                max_attempts: q.max_attempts,
            });
        Ok(CourseOutline {
            course: entry,
            lessons,
            knowledge_check,
            resume: resume.filter(|r| view.pack.lessons.iter().any(|l| &l.id == r)),
            has_self_assessment: course.self_assessment.is_some(),
            requirements,
        })
    }

    /// One lesson of a course the learner may open, rendered to sanitized
    /// HTML in every language the pack carries.
    /// [`Api::lesson`], and remembers it as the place to resume the course.
    pub fn open_lesson(
        &self,
        caller: &Caller,
        req: &LessonRequest,
        now: DateTime<Utc>,
    ) -> Result<LessonView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.lesson(caller, req)?;
        let pack = self.learner_view(me)?.pack;
        self.record_opened(me, &pack, &view.course.id, &view.id, now)?;
        Ok(view)
    }

    pub fn lesson(&self, caller: &Caller, req: &LessonRequest) -> Result<LessonView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me)?;
        let lesson = view.open_lesson(&req.lesson)?;
        let (course, _) = view.open_course(&lesson.course)?;
        let siblings: Vec<&mastery_packs::Lesson> = view
            .pack
            .lessons
            .iter()
            .filter(|l| l.course == lesson.course)
            .collect();
        let at = siblings.iter().position(|l| l.id == lesson.id).unwrap_or(0);
        Ok(LessonView {
            id: lesson.id.clone(),
            course: CourseRef {
                id: course.id.clone(),
                title: course.title.clone(),
            },
            order: u8::try_from(at + 1).unwrap_or(u8::MAX),
            of: u8::try_from(siblings.len()).unwrap_or(u8::MAX),
            title: lesson.title.clone(),
            html: LocalizedText(
                lesson
                    .markdown
                    .0
                    .iter()
                    .map(|(lang, md)| {
                        (
                            lang.clone(),
                            mastery_packs::render_markdown(md, &view.pack.images),
                        )
                    })
                    .collect(),
            ),
            previous: at
                .checked_sub(1)
                .and_then(|i| siblings.get(i))
                .map(|l| l.id.clone()),
            next: siblings.get(at + 1).map(|l| l.id.clone()),
            done: self
                .store
                .read(|c| learning::lessons_done(c, me, &lesson.course))?
                .contains(&lesson.id),
            resume_permille: self.store.read(|c| learning::position(c, me, &lesson.id))?,
        })
    }

    /// Remembers how far down a lesson of an open course the learner has
    /// read, so it reopens there.
    pub fn save_lesson_position(
        &self,
        caller: &Caller,
        req: &LessonPositionRequest,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        if req.permille > 1000 {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "a reading position is 0 to 1000 thousandths of the lesson, not {}",
                    req.permille
                ),
            ));
        }
        let view = self.learner_view(me)?;
        let lesson = view.open_lesson(&req.lesson)?;
        self.store
            .write(|tx| learning::set_position(tx, me, &lesson.id, req.permille, now))?;
        Ok(())
    }

    /// Stores the pack compiled into this build, if its version is new.
    /// Also makes the organization's signing key on the first run.
    pub fn load_shipped_pack(&self, now: DateTime<Utc>) -> Result<PackLoad> {
        self.org_key(now)?;
        let files = mastery_packs::shipped_files();
        let pack = mastery_packs::shipped()?;
        let added = self
            .store
            .write(|tx| packs::store_version(tx, &pack, &files, None, now))?;
        Ok(if added {
            PackLoad::Added {
                version: pack.version,
            }
        } else {
            PackLoad::AlreadyPresent {
                version: pack.version,
            }
        })
    }

    /// The four tracks × three levels with what is open, completed or locked
    /// (and behind which prerequisite) for the calling learner.
    pub fn catalogue(&self, caller: &Caller) -> Result<Catalogue> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me)?;
        let tracks = view
            .pack
            .tracks
            .iter()
            .map(|t| CatalogueTrack {
                track: t.track,
                title: t.title.clone(),
                audience: t.audience.clone(),
                is_home_track: view.home == Some(t.track),
                courses: view
                    .pack
                    .courses
                    .iter()
                    .filter(|c| c.track == t.track)
                    .map(|c| view.entry(c))
                    .collect(),
            })
            .collect();
        Ok(Catalogue {
            pack_id: view.pack.id.clone(),
            pack_version: view.pack.version.clone(),
            pack_title: view.pack.title.clone(),
            tracks,
        })
    }
}

/// One course as the rules see it for one person.
pub(crate) struct CourseState {
    pub(crate) course: CourseId,
    pub(crate) open: bool,
    pub(crate) complete: bool,
    /// Requirement keys of its rule, each with whether it is met.
    pub(crate) requirements: Vec<(&'static str, bool)>,
    /// Something was done towards it (a requirement met or a lesson done).
    pub(crate) started: bool,
}

impl Api {
    /// Every course of the program for one person, in pack order.
    pub(crate) fn course_states(
        &self,
        person: mastery_types::PersonId,
    ) -> Result<(LearnerView, Vec<CourseState>)> {
        let view = self.learner_view(person)?;
        let states = view
            .pack
            .courses
            .iter()
            .zip(&view.facts)
            .map(|(course, facts)| {
                let requirements = mastery_packs::requirements(course, facts);
                CourseState {
                    course: course.id.clone(),
                    open: !matches!(view.entry(course).availability, Availability::Locked { .. }),
                    complete: view.completed.contains(&course.id),
                    started: facts.lessons_done > 0 || requirements.iter().any(|r| r.1),
                    requirements,
                }
            })
            .collect();
        Ok((view, states))
    }

    /// Where a person stands on every course of the program, in pack order:
    /// completed, open with how many requirements are met, or locked.
    pub(crate) fn progress_of(
        &self,
        person: mastery_types::PersonId,
    ) -> Result<Vec<(CourseId, mastery_types::CourseProgress)>> {
        use mastery_types::CourseProgress;
        let (_, states) = self.course_states(person)?;
        Ok(states
            .into_iter()
            .map(|s| {
                let p = if s.complete {
                    CourseProgress::Completed
                } else if !s.open {
                    CourseProgress::Locked
                } else {
                    CourseProgress::Open {
                        met: u8::try_from(s.requirements.iter().filter(|x| x.1).count())
                            .unwrap_or(u8::MAX),
                        of: u8::try_from(s.requirements.len()).unwrap_or(u8::MAX),
                    }
                };
                (s.course, p)
            })
            .collect())
    }
}

impl From<PackLoad> for String {
    fn from(p: PackLoad) -> String {
        match p {
            PackLoad::Added { version } => format!("loaded the program pack, version {version}"),
            PackLoad::AlreadyPresent { version } => {
                format!("the program pack version {version} was already loaded")
            }
        }
    }
}

/// What the learner's facts say about one course, for its completion rule.
fn course_facts(
    c: &mastery_store::Connection,
    me: mastery_types::PersonId,
    pack: &mastery_packs::Pack,
    course: &mastery_packs::PackCourse,
    sessions: &[mastery_store::coaching::Session],
    submissions: &[mastery_store::assignments::Submission],
    observed: &[mastery_store::observations::Observation],
) -> mastery_store::Result<mastery_packs::CourseFacts> {
    let done = learning::lessons_done(c, me, &course.id)?;
    let lessons: Vec<&mastery_packs::Lesson> = pack
        .lessons
        .iter()
        .filter(|l| l.course == course.id)
        .collect();
    let attempts = learning::attempts(c, me, &course.id)?;
    let style = match &course.self_assessment {
        Some(id) => learning::latest_style(c, me, id)?.is_some(),
        None => false,
    };
    Ok(mastery_packs::CourseFacts {
        lessons_total: lessons.len(),
        lessons_done: lessons.iter().filter(|l| done.contains(&l.id)).count(),
        knowledge_check_passed: attempts
            .iter()
            .any(|a| a.submitted.as_ref().is_some_and(|s| s.1)),
        self_assessment_done: style,
        coaching_covers_all_drivers: crate::coaching::acknowledged_drivers(sessions, &course.id)
            .len()
            == mastery_types::Driver::ALL.len(),
        assignments_accepted: crate::assignments::all_accepted(pack, &course.id, submissions),
        observation_passed: observed.iter().any(|o| o.course == course.id && o.passed),
        team_synthesis_accepted: match mastery_store::teams::team_of(c, me, &course.id)? {
            Some(team) => crate::assignments::synthesis_accepted(
                pack,
                &course.id,
                &mastery_store::assignments::of_team(c, &team.id)?,
            ),
            None => false,
        },
        ..Default::default()
    })
}
