//! The program catalogue as one learner sees it, and loading the shipped pack.

use crate::errors::not_found;
use crate::{Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_domain::progress::{self, CourseState, LearnerFacts, LearnerState};
use mastery_domain::quiz::QuizGate;
use mastery_packs::{Pack, PackCourse};
use mastery_store::{learning, packs, people};
use mastery_types::{
    ApiError, Availability, Catalogue, CatalogueCourse, CatalogueTrack, ClassTime, CourseId,
    CourseOutline, CourseRef, CourseRequest, Field, KnowledgeCheckSummary, LessonPositionRequest,
    LessonRequest, LessonSummary, LessonView, LocalizedText, PersonId, Problem, Requirement, Thing,
    Track,
};
use std::collections::BTreeSet;
use std::sync::Arc;

/// What happened when the shipped pack was offered to the database.
#[derive(Debug, PartialEq, Eq)]
pub enum PackLoad {
    Added { version: String },
    AlreadyPresent { version: String },
}

/// One learner's program: the latest published pack, their facts and the
/// state the domain projects from them (`mastery_domain::progress`).
pub(crate) struct LearnerView {
    pub(crate) pack: Arc<Pack>,
    pub(crate) home: Option<Track>,
    pub(crate) facts: LearnerFacts,
    pub(crate) state: LearnerState,
}

impl LearnerView {
    pub(crate) fn state_of(&self, id: &CourseId) -> Result<&CourseState> {
        self.state
            .course(id)
            .ok_or_else(|| not_found(Thing::Course, id))
    }

    pub(crate) fn entry(&self, c: &PackCourse) -> CatalogueCourse {
        CatalogueCourse {
            id: c.id.clone(),
            track: c.track,
            level: c.level,
            title: c.title.clone(),
            summary: c.summary.clone(),
            estimated_hours: c.estimated_hours,
            availability: self
                .state
                .course(&c.id)
                .map_or(Availability::Open, |s| s.availability.clone()),
        }
    }

    /// The course, if the learner may open it (not locked).
    pub(crate) fn open_course(&self, id: &CourseId) -> Result<(&PackCourse, &CourseState)> {
        let course = self
            .pack
            .course(id)
            .ok_or_else(|| not_found(Thing::Course, id))?;
        let state = self.state_of(id)?;
        if let Availability::Locked { missing } = &state.availability {
            return Err(ApiError::problem(Problem::CourseLocked {
                course: course.title.clone(),
                missing: missing.iter().map(|m| m.title.clone()).collect(),
            }));
        }
        Ok((course, state))
    }

    /// A lesson of a course the learner may open.
    pub(crate) fn open_lesson(&self, id: &str) -> Result<&mastery_packs::Lesson> {
        let lesson = self
            .pack
            .lessons
            .iter()
            .find(|l| l.id == id)
            .ok_or_else(|| not_found(Thing::Lesson, id))?;
        self.open_course(&lesson.course)?;
        Ok(lesson)
    }

    /// The knowledge check of a course the learner may open.
    pub(crate) fn open_quiz(
        &self,
        id: &CourseId,
    ) -> Result<(&PackCourse, &mastery_packs::Quiz, &QuizGate)> {
        let (course, state) = self.open_course(id)?;
        let quiz = self
            .pack
            .quiz_of(&course.id)
            .ok_or_else(|| not_found(Thing::KnowledgeCheck, &course.id))?;
        let gate = state
            .quiz
            .as_ref()
            .ok_or_else(|| not_found(Thing::KnowledgeCheck, &course.id))?;
        Ok((course, quiz, gate))
    }

    /// The self-assessment of a course the learner may open.
    pub(crate) fn open_self_assessment(
        &self,
        id: &CourseId,
    ) -> Result<(&PackCourse, &mastery_packs::SelfAssessment)> {
        let (course, _) = self.open_course(id)?;
        let sa = course
            .self_assessment
            .as_deref()
            .and_then(|sa| self.pack.self_assessment(sa))
            .ok_or_else(|| not_found(Thing::SelfAssessment, &course.id))?;
        Ok((course, sa))
    }

    /// Lessons of a course the learner marked done.
    pub(crate) fn lessons_done(&self, course: &CourseId) -> BTreeSet<String> {
        self.facts
            .lessons_done
            .get(course)
            .map(|d| d.keys().cloned().collect())
            .unwrap_or_default()
    }
}

impl Api {
    /// A learner's program as it stands at `now`: their facts read once,
    /// the domain's projection over them.
    pub(crate) fn learner_view(&self, me: PersonId, now: DateTime<Utc>) -> Result<LearnerView> {
        let pack = self.latest_pack()?;
        let (facts, person) = self.store.read(|c| {
            Ok((
                mastery_store::facts::learner_facts(c, PROGRAM_PACK_ID, me)?,
                people::person(c, me)?,
            ))
        })?;
        let state = progress::project(&pack, &facts, now);
        Ok(LearnerView {
            home: person.and_then(|p| p.home_track),
            pack,
            facts,
            state,
        })
    }

    /// A course the learner may open, with its lessons in order and its
    /// knowledge check. A locked course is refused (the API enforces the
    /// prerequisites, not only the UI).
    pub fn course_outline(
        &self,
        caller: &Caller,
        req: &CourseRequest,
        now: DateTime<Utc>,
    ) -> Result<CourseOutline> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
        let (course, state) = view.open_course(&req.course)?;
        let done = view.lessons_done(&course.id);
        let resume = self
            .store
            .read(|c| learning::last_opened(c, me, &course.id))?;
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
        let knowledge_check = view
            .pack
            .quiz_of(&course.id)
            .map(|q| KnowledgeCheckSummary {
                title: q.title.clone(),
                items: u16::try_from(q.items.len()).unwrap_or(u16::MAX),
                pass_mark: q.pass_mark,
                max_attempts: q.max_attempts,
            });
        Ok(CourseOutline {
            course: view.entry(course),
            lessons,
            knowledge_check,
            resume: resume.filter(|r| view.pack.lessons.iter().any(|l| &l.id == r)),
            has_self_assessment: course.self_assessment.is_some(),
            requirements: state
                .requirements
                .iter()
                .map(|(key, met)| Requirement {
                    key: *key,
                    met: *met,
                })
                .collect(),
            completed_by_record: state.recorded,
            class_time: (course.completion.class_hours > 0).then_some(ClassTime {
                attended_minutes: state.class_minutes,
                required_hours: course.completion.class_hours,
            }),
        })
    }

    /// One lesson of a course the learner may open, rendered to sanitized
    /// HTML in every language the pack carries, and remembered as the
    /// place to resume the course.
    pub fn open_lesson(
        &self,
        caller: &Caller,
        req: &LessonRequest,
        now: DateTime<Utc>,
    ) -> Result<LessonView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.lesson(caller, req, now)?;
        let pack = self.latest_pack()?;
        self.record_opened(me, &pack, &view.course.id, &view.id, now)?;
        Ok(view)
    }

    pub fn lesson(
        &self,
        caller: &Caller,
        req: &LessonRequest,
        now: DateTime<Utc>,
    ) -> Result<LessonView> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
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
            done: view.lessons_done(&lesson.course).contains(&lesson.id),
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
            return Err(ApiError::problem(Problem::OutOfRange {
                field: Field::Position,
                min: 0,
                max: 1000,
                given: i64::from(req.permille),
            }));
        }
        let view = self.learner_view(me, now)?;
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
    pub fn catalogue(&self, caller: &Caller, now: DateTime<Utc>) -> Result<Catalogue> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let view = self.learner_view(me, now)?;
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

/// Where a person stands on every course of the program, in pack order:
/// completed, open with how many requirements are met, or locked.
pub(crate) fn progress_of(state: &LearnerState) -> Vec<(CourseId, mastery_types::CourseProgress)> {
    use mastery_types::CourseProgress;
    state
        .courses
        .iter()
        .map(|s| {
            let p = if s.complete {
                CourseProgress::Completed
            } else if !s.open() {
                CourseProgress::Locked
            } else {
                CourseProgress::Open {
                    met: u8::try_from(s.requirements.iter().filter(|x| x.1).count())
                        .unwrap_or(u8::MAX),
                    of: u8::try_from(s.requirements.len()).unwrap_or(u8::MAX),
                }
            };
            (s.course.clone(), p)
        })
        .collect()
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
