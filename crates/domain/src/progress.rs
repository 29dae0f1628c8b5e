//! One learner's whole state on the program, projected from their facts:
//! each course's completion rule applied to what they have done
//! ([`requirements`], [`is_complete`]), which courses are open, completed
//! or locked, and each knowledge check's gate. The catalogue, a course's
//! outline, a manager's team overview, certification and the
//! organization-wide counts all read it from [`project`]; nothing else
//! decides these.

use crate::catalogue::{availability, CourseRule};
use crate::facts::{Assessment, CoachingSession, QuizAttempt, Submission};
use crate::quiz::{self, QuizGate};
use chrono::{DateTime, Utc};
use mastery_packs::{Completion, Pack, PackCourse};
use mastery_types::{Availability, CourseId, RequirementKind};
use std::collections::{BTreeMap, BTreeSet};

/// What is known of one learner's work on one course, as the completion
/// rule reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CourseFacts {
    pub lessons_total: usize,
    pub lessons_done: usize,
    pub knowledge_check_passed: bool,
    pub self_assessment_done: bool,
    /// Acknowledged coaching sessions together cover all five drivers.
    pub coaching_covers_all_drivers: bool,
    pub assignments_accepted: bool,
    pub team_synthesis_accepted: bool,
    pub validation_exam_passed: bool,
    pub observation_passed: bool,
    pub portfolio_reviewed: bool,
}

/// The course's requirements in a fixed order, each with whether it is met.
pub fn requirements(course: &PackCourse, f: &CourseFacts) -> Vec<(RequirementKind, bool)> {
    use RequirementKind::*;
    let Completion {
        lessons,
        knowledge_check,
        coaching,
        self_assessment,
        assignments,
        team_synthesis,
        validation_exam,
        observation,
        portfolio,
    } = course.completion;
    [
        (
            lessons,
            Lessons,
            f.lessons_total > 0 && f.lessons_done >= f.lessons_total,
        ),
        (knowledge_check, KnowledgeCheck, f.knowledge_check_passed),
        (self_assessment, SelfAssessment, f.self_assessment_done),
        (coaching, Coaching, f.coaching_covers_all_drivers),
        (assignments, Assignments, f.assignments_accepted),
        (team_synthesis, TeamSynthesis, f.team_synthesis_accepted),
        (validation_exam, ValidationExam, f.validation_exam_passed),
        (observation, Observation, f.observation_passed),
        (portfolio, Portfolio, f.portfolio_reviewed),
    ]
    .into_iter()
    .filter(|(required, _, _)| *required)
    .map(|(_, key, met)| (key, met))
    .collect()
}

/// Complete when the course has a rule and every requirement is met.
pub fn is_complete(course: &PackCourse, f: &CourseFacts) -> bool {
    let r = requirements(course, f);
    !r.is_empty() && r.iter().all(|(_, met)| *met)
}

/// Every fact of one learner the projection reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LearnerFacts {
    /// Courses recorded as completed (prior learning, HR records).
    pub recorded: BTreeSet<CourseId>,
    /// Lessons marked done, by course.
    pub lessons_done: BTreeMap<CourseId, BTreeSet<String>>,
    /// Knowledge-check attempts, oldest first.
    pub attempts: Vec<QuizAttempt>,
    /// Self-assessments answered (their ids).
    pub self_assessments: BTreeSet<String>,
    pub coaching: Vec<CoachingSession>,
    /// Their own (individual) submissions, oldest first.
    pub submissions: Vec<Submission>,
    /// Their teams' submissions (team synthesis), oldest first.
    pub team_submissions: Vec<Submission>,
    pub assessments: Vec<Assessment>,
}

/// One course as the rules see it for one learner.
#[derive(Clone, Debug, PartialEq)]
pub struct CourseState {
    pub course: CourseId,
    pub availability: Availability,
    /// Completed: recorded, or every requirement met.
    pub complete: bool,
    /// Completed by a record (prior learning) rather than from the facts.
    pub recorded: bool,
    pub requirements: Vec<(RequirementKind, bool)>,
    pub lessons_done: usize,
    pub lessons_total: usize,
    /// Something was done towards it (a requirement met or a lesson done).
    pub started: bool,
    /// The knowledge check's gate, for a course that has one.
    pub quiz: Option<QuizGate>,
}

impl CourseState {
    pub fn open(&self) -> bool {
        !matches!(self.availability, Availability::Locked { .. })
    }
}

/// One learner's state on every course of the program, in pack order.
#[derive(Clone, Debug, PartialEq)]
pub struct LearnerState {
    pub courses: Vec<CourseState>,
    pub completed: BTreeSet<CourseId>,
}

impl LearnerState {
    pub fn course(&self, id: &CourseId) -> Option<&CourseState> {
        self.courses.iter().find(|c| &c.course == id)
    }
}

/// What the rules read of a pack, arranged once: each course's lessons and
/// knowledge-check policy, in pack order. Organization-wide views build it
/// once for everyone; [`project`] builds it for one learner.
pub struct Program<'a> {
    pack: &'a Pack,
    /// Per course (pack order): its lesson ids.
    lessons: Vec<Vec<&'a str>>,
    /// Per course (pack order): its knowledge check's policy, if it has one.
    quizzes: Vec<Option<quiz::Policy>>,
}

impl<'a> Program<'a> {
    pub fn new(pack: &'a Pack) -> Program<'a> {
        let index: BTreeMap<&CourseId, usize> = pack
            .courses
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.id, i))
            .collect();
        let mut lessons = vec![Vec::new(); pack.courses.len()];
        for l in &pack.lessons {
            if let Some(i) = index.get(&l.course) {
                lessons[*i].push(l.id.as_str());
            }
        }
        let quizzes = pack
            .courses
            .iter()
            .map(|c| {
                pack.quiz_of(&c.id).map(|q| quiz::Policy {
                    max_attempts: q.max_attempts,
                    wait_minutes: q.wait_minutes_between_attempts,
                })
            })
            .collect();
        Program {
            pack,
            lessons,
            quizzes,
        }
    }

    pub fn pack(&self) -> &'a Pack {
        self.pack
    }
}

/// What the learner's facts say about one course, for its completion rule.
pub fn course_facts(pack: &Pack, course: &PackCourse, f: &LearnerFacts) -> CourseFacts {
    let lessons: Vec<&str> = pack
        .lessons
        .iter()
        .filter(|l| l.course == course.id)
        .map(|l| l.id.as_str())
        .collect();
    facts_of(pack, course, &lessons, f)
}

fn facts_of(pack: &Pack, course: &PackCourse, lessons: &[&str], f: &LearnerFacts) -> CourseFacts {
    let done = f.lessons_done.get(&course.id);
    CourseFacts {
        lessons_total: lessons.len(),
        lessons_done: done.map_or(0, |d| lessons.iter().filter(|l| d.contains(**l)).count()),
        knowledge_check_passed: f
            .attempts
            .iter()
            .any(|a| a.course == course.id && a.passed()),
        self_assessment_done: course
            .self_assessment
            .as_ref()
            .is_some_and(|id| f.self_assessments.contains(id)),
        coaching_covers_all_drivers: crate::coaching::covers_all_drivers(&f.coaching, &course.id),
        assignments_accepted: crate::assignments::all_accepted(pack, &course.id, &f.submissions),
        team_synthesis_accepted: crate::assignments::synthesis_accepted(
            pack,
            &course.id,
            &f.team_submissions,
        ),
        observation_passed: f
            .assessments
            .iter()
            .any(|a| a.course == course.id && a.passed),
        ..Default::default()
    }
}

/// The projection: every course's requirements, completion, availability
/// (a course opens when its prerequisites are completed) and knowledge-check
/// gate at `now`.
pub fn project(pack: &Pack, f: &LearnerFacts, now: DateTime<Utc>) -> LearnerState {
    project_in(&Program::new(pack), f, now)
}

/// [`project`] with the pack arranged beforehand (for many learners).
pub fn project_in(program: &Program<'_>, f: &LearnerFacts, now: DateTime<Utc>) -> LearnerState {
    let pack = program.pack;
    let facts: Vec<CourseFacts> = pack
        .courses
        .iter()
        .zip(&program.lessons)
        .map(|(c, lessons)| facts_of(pack, c, lessons, f))
        .collect();
    let mut completed = f.recorded.clone();
    completed.extend(
        pack.courses
            .iter()
            .zip(&facts)
            .filter(|(c, cf)| is_complete(c, cf))
            .map(|(c, _)| c.id.clone()),
    );
    let title_of = |id: &CourseId| {
        pack.courses
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.title.clone())
            .unwrap_or_default()
    };
    let courses = pack
        .courses
        .iter()
        .zip(facts)
        .zip(&program.quizzes)
        .map(|((c, cf), policy)| {
            let requirements = requirements(c, &cf);
            let quiz = policy.map(|policy| {
                let mine: Vec<&QuizAttempt> =
                    f.attempts.iter().filter(|a| a.course == c.id).collect();
                quiz::gate(policy, &mine, now)
            });
            CourseState {
                availability: availability(
                    &CourseRule {
                        id: &c.id,
                        prerequisites: &c.prerequisites,
                    },
                    &completed,
                    &title_of,
                ),
                complete: completed.contains(&c.id),
                recorded: f.recorded.contains(&c.id),
                started: cf.lessons_done > 0 || requirements.iter().any(|r| r.1),
                lessons_done: cf.lessons_done,
                lessons_total: cf.lessons_total,
                requirements,
                quiz,
                course: c.id.clone(),
            }
        })
        .collect();
    LearnerState { courses, completed }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn pack() -> &'static Pack {
        static PACK: OnceLock<Pack> = OnceLock::new();
        PACK.get_or_init(|| mastery_packs::shipped().expect("the shipped pack parses"))
    }

    fn l1() -> PackCourse {
        pack()
            .courses
            .iter()
            .find(|c| c.id.as_str() == "clients-l1")
            .cloned()
            .expect("clients-l1")
    }

    #[test]
    fn level_1_needs_lessons_check_self_assessment_and_coaching() {
        use RequirementKind::*;
        let c = l1();
        let none = CourseFacts::default();
        let keys: Vec<RequirementKind> = requirements(&c, &none).iter().map(|r| r.0).collect();
        assert_eq!(keys, [Lessons, KnowledgeCheck, SelfAssessment, Coaching]);
        assert!(requirements(&c, &none).iter().all(|r| !r.1));
        let mut f = CourseFacts {
            lessons_total: 4,
            lessons_done: 4,
            knowledge_check_passed: true,
            self_assessment_done: true,
            coaching_covers_all_drivers: false,
            ..CourseFacts::default()
        };
        assert!(!is_complete(&c, &f));
        f.coaching_covers_all_drivers = true;
        assert!(is_complete(&c, &f));
        f.lessons_done = 3;
        assert!(!is_complete(&c, &f));
        assert_eq!(requirements(&c, &f)[0], (Lessons, false));
        // Facts a Level 1 rule does not ask for change nothing.
        f.lessons_done = 4;
        f.portfolio_reviewed = true;
        assert!(is_complete(&c, &f));
    }

    #[test]
    fn a_course_without_lessons_or_rule_is_never_complete() {
        let mut c = l1();
        let f = CourseFacts {
            lessons_total: 0,
            lessons_done: 0,
            knowledge_check_passed: true,
            self_assessment_done: true,
            coaching_covers_all_drivers: true,
            ..CourseFacts::default()
        };
        assert!(!is_complete(&c, &f), "no lessons to have read");
        c.completion = Completion::default();
        assert!(!is_complete(&c, &f), "no rule");
    }

    #[test]
    fn the_projection_opens_the_next_level_when_one_is_recorded() {
        let now = DateTime::<Utc>::default();
        let nothing = project(pack(), &LearnerFacts::default(), now);
        let state =
            |s: &LearnerState, id: &str| s.course(&CourseId(id.into())).cloned().expect("course");
        assert!(state(&nothing, "clients-l1").open());
        assert!(!state(&nothing, "clients-l2").open());
        assert!(!state(&nothing, "clients-l1").started);
        let l1 = LearnerFacts {
            recorded: [CourseId("clients-l1".into())].into(),
            ..LearnerFacts::default()
        };
        let s = project(pack(), &l1, now);
        assert!(state(&s, "clients-l1").complete && state(&s, "clients-l1").recorded);
        assert!(state(&s, "clients-l2").open());
        assert!(!state(&s, "clients-l3").open());
        assert!(state(&s, "clients-l1").quiz.is_some());
        // A lesson done starts a course; lessons of another course do not count.
        let lesson = pack()
            .lessons
            .iter()
            .find(|l| l.course.as_str() == "clients-l1")
            .expect("lesson")
            .id
            .clone();
        let mut f = LearnerFacts::default();
        f.lessons_done
            .entry(CourseId("clients-l1".into()))
            .or_default()
            .insert(lesson.clone());
        f.lessons_done
            .entry(CourseId("staff-l1".into()))
            .or_default()
            .insert(lesson);
        let s = project(pack(), &f, now);
        assert_eq!(state(&s, "clients-l1").lessons_done, 1);
        assert!(state(&s, "clients-l1").started);
        assert_eq!(state(&s, "staff-l1").lessons_done, 0);
    }

    fn completion() -> impl Strategy<Value = Completion> {
        proptest::array::uniform9(any::<bool>()).prop_map(|b| Completion {
            lessons: b[0],
            knowledge_check: b[1],
            coaching: b[2],
            self_assessment: b[3],
            assignments: b[4],
            team_synthesis: b[5],
            validation_exam: b[6],
            observation: b[7],
            portfolio: b[8],
        })
    }

    fn facts() -> impl Strategy<Value = CourseFacts> {
        (
            0usize..8,
            0usize..10,
            proptest::array::uniform8(any::<bool>()),
        )
            .prop_map(|(total, done, b)| CourseFacts {
                lessons_total: total,
                lessons_done: done,
                knowledge_check_passed: b[0],
                self_assessment_done: b[1],
                coaching_covers_all_drivers: b[2],
                assignments_accepted: b[3],
                team_synthesis_accepted: b[4],
                validation_exam_passed: b[5],
                observation_passed: b[6],
                portfolio_reviewed: b[7],
            })
    }

    /// Every fact turned to its "more evidence" value.
    fn with_more(f: &CourseFacts, which: u8) -> CourseFacts {
        let mut g = f.clone();
        match which {
            0 => g.lessons_done = g.lessons_done.max(g.lessons_total),
            1 => g.knowledge_check_passed = true,
            2 => g.self_assessment_done = true,
            3 => g.coaching_covers_all_drivers = true,
            4 => g.assignments_accepted = true,
            5 => g.team_synthesis_accepted = true,
            6 => g.validation_exam_passed = true,
            7 => g.observation_passed = true,
            _ => g.portfolio_reviewed = true,
        }
        g
    }

    proptest! {
        /// Completion is exactly "every required fact present" (and a rule
        /// to complete), for any rule and any facts.
        #[test]
        fn completion_is_every_requirement_met(rule in completion(), f in facts()) {
            let mut c = l1();
            c.completion = rule;
            let r = requirements(&c, &f);
            prop_assert_eq!(is_complete(&c, &f), !r.is_empty() && r.iter().all(|x| x.1));
            prop_assert_eq!(requirements(&c, &f), r);
        }

        /// More evidence never undoes a completion or a met requirement.
        #[test]
        fn more_evidence_never_undoes_completion(rule in completion(), f in facts(), which in 0u8..9) {
            let mut c = l1();
            c.completion = rule;
            let g = with_more(&f, which);
            if is_complete(&c, &f) {
                prop_assert!(is_complete(&c, &g));
            }
            for ((k1, m1), (k2, m2)) in requirements(&c, &f).into_iter().zip(requirements(&c, &g)) {
                prop_assert_eq!(k1, k2);
                prop_assert!(!m1 || m2);
            }
        }
    }
}
