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
    /// Minutes of class attended (classes of this course, not cancelled,
    /// the latest attendance mark "present").
    pub class_minutes: u32,
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
        class_hours,
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
        (
            class_hours > 0,
            InClass,
            f.class_minutes >= u32::from(class_hours) * 60,
        ),
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
    /// Courses recorded as completed (prior learning, HR records), each
    /// with when it was first recorded.
    pub recorded: BTreeMap<CourseId, DateTime<Utc>>,
    /// Lessons marked done, by course, each with when it was first marked.
    pub lessons_done: BTreeMap<CourseId, BTreeMap<String, DateTime<Utc>>>,
    /// Knowledge-check attempts, oldest first.
    pub attempts: Vec<QuizAttempt>,
    /// Self-assessments answered (their ids), each with when it was first
    /// answered.
    pub self_assessments: BTreeMap<String, DateTime<Utc>>,
    pub coaching: Vec<CoachingSession>,
    /// Their own (individual) submissions, oldest first.
    pub submissions: Vec<Submission>,
    /// Their teams' submissions (team synthesis), oldest first.
    pub team_submissions: Vec<Submission>,
    pub assessments: Vec<Assessment>,
    /// Classes attended (present at the latest mark, not cancelled).
    pub classes: Vec<AttendedClass>,
}

/// A class a learner attended, as the in-class requirement counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttendedClass {
    pub course: CourseId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// Minutes of class attended on a course: each class's length once (a
/// class marked twice counts once, as the store gives each class once).
pub fn class_minutes(classes: &[AttendedClass], course: &CourseId) -> u32 {
    let minutes: i64 = classes
        .iter()
        .filter(|c| &c.course == course)
        .map(|c| (c.ends_at - c.starts_at).num_minutes().max(0))
        .sum();
    u32::try_from(minutes).unwrap_or(u32::MAX)
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
    /// Minutes of class attended (for a course asking for class time).
    pub class_minutes: u32,
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
        lessons_done: done.map_or(0, |d| {
            lessons.iter().filter(|l| d.contains_key(**l)).count()
        }),
        knowledge_check_passed: f
            .attempts
            .iter()
            .any(|a| a.course == course.id && a.passed()),
        self_assessment_done: course
            .self_assessment
            .as_ref()
            .is_some_and(|id| f.self_assessments.contains_key(id)),
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
        class_minutes: class_minutes(&f.classes, &course.id),
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
    let mut completed: BTreeSet<CourseId> = f.recorded.keys().cloned().collect();
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
                recorded: f.recorded.contains_key(&c.id),
                started: cf.lessons_done > 0 || requirements.iter().any(|r| r.1),
                lessons_done: cf.lessons_done,
                lessons_total: cf.lessons_total,
                class_minutes: cf.class_minutes,
                requirements,
                quiz,
                course: c.id.clone(),
            }
        })
        .collect();
    LearnerState { courses, completed }
}

/// When each completed course was completed, in pack order: when it was
/// first recorded, or when the last of its requirements was met from the
/// facts, whichever came first. Courses not completed are left out.
pub fn completion_times(program: &Program<'_>, f: &LearnerFacts) -> Vec<(CourseId, DateTime<Utc>)> {
    let pack = program.pack;
    pack.courses
        .iter()
        .zip(&program.lessons)
        .filter_map(|(c, lessons)| {
            let by_facts = facts_met_at(pack, c, lessons, f);
            let recorded = f.recorded.get(&c.id).copied();
            let at = match (by_facts, recorded) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }?;
            Some((c.id.clone(), at))
        })
        .collect()
}

/// When the facts met every requirement of the course's rule (the latest
/// of the moments each was first met); `None` when one is unmet or the
/// course has no rule. Agrees with [`is_complete`] over the same facts.
fn facts_met_at(
    pack: &Pack,
    course: &PackCourse,
    lessons: &[&str],
    f: &LearnerFacts,
) -> Option<DateTime<Utc>> {
    let Completion {
        lessons: needs_lessons,
        knowledge_check,
        coaching,
        self_assessment,
        assignments,
        team_synthesis,
        validation_exam,
        observation,
        portfolio,
        class_hours,
    } = course.completion;
    let id = &course.id;
    let mut times: Vec<Option<DateTime<Utc>>> = Vec::new();
    if needs_lessons {
        let done = f.lessons_done.get(id);
        times.push(if lessons.is_empty() {
            None
        } else {
            lessons
                .iter()
                .map(|l| done.and_then(|d| d.get(*l)).copied())
                .collect::<Option<Vec<_>>>()
                .and_then(|t| t.into_iter().max())
        });
    }
    if knowledge_check {
        times.push(
            f.attempts
                .iter()
                .filter(|a| &a.course == id && a.passed())
                .filter_map(|a| a.submission.as_ref().map(|s| s.at))
                .min(),
        );
    }
    if self_assessment {
        times.push(
            course
                .self_assessment
                .as_ref()
                .and_then(|sa| f.self_assessments.get(sa))
                .copied(),
        );
    }
    if coaching {
        let mut acknowledged: Vec<&crate::facts::CoachingSession> = f
            .coaching
            .iter()
            .filter(|s| &s.course == id && s.acknowledged())
            .collect();
        acknowledged.sort_by_key(|s| s.response.as_ref().map(|r| r.at));
        let mut seen = BTreeSet::new();
        let mut when = None;
        for s in acknowledged {
            seen.extend(s.observations.iter().map(|o| o.driver));
            if seen.len() == mastery_types::Driver::ALL.len() {
                when = s.response.as_ref().map(|r| r.at);
                break;
            }
        }
        times.push(when);
    }
    let accepted_at = |subs: &[crate::facts::Submission], assignment: &str| {
        let latest = crate::assignments::latest(subs, id, assignment);
        (crate::assignments::status(latest) == mastery_types::AssignmentStatus::Accepted)
            .then(|| latest.and_then(|s| s.review.as_ref()).map(|r| r.at))
            .flatten()
    };
    if assignments {
        times.push(pack.assignments_of(id).and_then(|a| {
            if a.assignments.is_empty() {
                return None;
            }
            a.assignments
                .iter()
                .map(|x| accepted_at(&f.submissions, &x.id))
                .collect::<Option<Vec<_>>>()
                .and_then(|t| t.into_iter().max())
        }));
    }
    if team_synthesis {
        times.push(
            pack.assignments_of(id)
                .and_then(|a| a.team_synthesis.as_ref())
                .and_then(|t| accepted_at(&f.team_submissions, &t.id)),
        );
    }
    if validation_exam || portfolio {
        // Not yet recorded as facts (see `facts_of`): never met.
        times.push(None);
    }
    if observation {
        times.push(
            f.assessments
                .iter()
                .filter(|a| &a.course == id && a.passed)
                .map(|a| a.recorded_at)
                .min(),
        );
    }
    if class_hours > 0 {
        let mut attended: Vec<&AttendedClass> =
            f.classes.iter().filter(|c| &c.course == id).collect();
        attended.sort_by_key(|c| c.ends_at);
        let needed = i64::from(class_hours) * 60;
        let mut minutes = 0i64;
        let mut when = None;
        for c in attended {
            minutes += (c.ends_at - c.starts_at).num_minutes().max(0);
            if minutes >= needed {
                when = Some(c.ends_at);
                break;
            }
        }
        times.push(when);
    }
    if times.is_empty() {
        return None;
    }
    times
        .into_iter()
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .max()
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
        assert_eq!(
            keys,
            [Lessons, KnowledgeCheck, SelfAssessment, Coaching, InClass]
        );
        assert!(requirements(&c, &none).iter().all(|r| !r.1));
        let mut f = CourseFacts {
            lessons_total: 4,
            lessons_done: 4,
            knowledge_check_passed: true,
            self_assessment_done: true,
            coaching_covers_all_drivers: false,
            class_minutes: 6 * 60,
            ..CourseFacts::default()
        };
        assert!(!is_complete(&c, &f));
        f.coaching_covers_all_drivers = true;
        assert!(is_complete(&c, &f));
        f.class_minutes = 6 * 60 - 1;
        assert!(!is_complete(&c, &f), "a minute short of six hours in class");
        f.class_minutes = 6 * 60;
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
            recorded: [(CourseId("clients-l1".into()), now)].into(),
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
            .insert(lesson.clone(), now);
        f.lessons_done
            .entry(CourseId("staff-l1".into()))
            .or_default()
            .insert(lesson, now);
        let s = project(pack(), &f, now);
        assert_eq!(state(&s, "clients-l1").lessons_done, 1);
        assert!(state(&s, "clients-l1").started);
        assert_eq!(state(&s, "staff-l1").lessons_done, 0);
    }

    /// A Level 1 course is completed when its last requirement is met:
    /// here the class that brought time in class to six hours; a record of
    /// prior learning dates from when it was recorded.
    #[test]
    fn a_course_is_completed_when_its_last_requirement_is_met() {
        use crate::facts::{CoachingResponse, CoachingSession, QuizSubmission};
        use mastery_types::{CoachingResponseKind, CoachingSetting, Driver, Observation, PersonId};
        let t = |day: u32| {
            chrono::NaiveDate::from_ymd_opt(2026, 10, day)
                .and_then(|d| d.and_hms_opt(12, 0, 0))
                .map(|d| d.and_utc())
                .expect("date")
        };
        let course = CourseId("clients-l1".into());
        let program = Program::new(pack());
        let mut f = LearnerFacts::default();
        for (i, l) in pack()
            .lessons
            .iter()
            .filter(|l| l.course == course)
            .enumerate()
        {
            f.lessons_done
                .entry(course.clone())
                .or_default()
                .insert(l.id.clone(), t(1 + i as u32));
        }
        f.attempts.push(QuizAttempt {
            id: "a".into(),
            person: PersonId(uuid::Uuid::nil()),
            course: course.clone(),
            pack_version: "1.0.0".into(),
            started_at: t(7),
            submission: Some(QuizSubmission {
                percent: 90,
                passed: true,
                at: t(8),
            }),
        });
        f.self_assessments
            .insert("communication-style".into(), t(2));
        f.coaching.push(CoachingSession {
            id: "s".into(),
            coach: PersonId(uuid::Uuid::nil()),
            learner: PersonId(uuid::Uuid::nil()),
            course: course.clone(),
            pack_version: "1.0.0".into(),
            held_on: t(9).date_naive(),
            duration_minutes: 45,
            setting: CoachingSetting::Counter,
            observations: Driver::ALL
                .iter()
                .map(|d| Observation {
                    driver: *d,
                    rating: 4,
                    evidence: "seen".into(),
                })
                .collect(),
            next_steps: String::new(),
            recorded_at: t(9),
            response: Some(CoachingResponse {
                kind: CoachingResponseKind::Acknowledged,
                comment: String::new(),
                at: t(10),
            }),
        });
        let class = |day: u32| AttendedClass {
            course: course.clone(),
            starts_at: t(day) - chrono::Duration::hours(3),
            ends_at: t(day),
        };
        f.classes.push(class(12));
        assert!(
            completion_times(&program, &f).is_empty(),
            "three hours of six"
        );
        f.classes.push(class(20));
        f.classes.push(class(15));
        let times = completion_times(&program, &f);
        assert_eq!(
            times,
            [(course.clone(), t(15))],
            "the second class made six hours"
        );
        assert!(project(pack(), &f, t(30)).completed.contains(&course));
        f.recorded.insert(course.clone(), t(11));
        assert_eq!(completion_times(&program, &f), [(course, t(11))]);
    }

    fn completion() -> impl Strategy<Value = Completion> {
        (proptest::array::uniform9(any::<bool>()), 0u16..3).prop_map(|(b, class_hours)| {
            Completion {
                lessons: b[0],
                knowledge_check: b[1],
                coaching: b[2],
                self_assessment: b[3],
                assignments: b[4],
                team_synthesis: b[5],
                validation_exam: b[6],
                observation: b[7],
                portfolio: b[8],
                class_hours,
            }
        })
    }

    fn facts() -> impl Strategy<Value = CourseFacts> {
        (
            0usize..8,
            0usize..10,
            proptest::array::uniform8(any::<bool>()),
            0u32..200,
        )
            .prop_map(|(total, done, b, class_minutes)| CourseFacts {
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
                class_minutes,
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
            8 => g.portfolio_reviewed = true,
            _ => g.class_minutes += 60,
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
        fn more_evidence_never_undoes_completion(rule in completion(), f in facts(), which in 0u8..10) {
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
