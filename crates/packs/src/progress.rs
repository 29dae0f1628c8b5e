//! A course's completion rule applied to what a learner has done: which
//! requirements are met. Pure: the same facts always give the same answer.

use crate::model::{Completion, PackCourse};

/// What is known of one learner's work on one course.
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
pub fn requirements(course: &PackCourse, f: &CourseFacts) -> Vec<(&'static str, bool)> {
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
            "lessons",
            f.lessons_total > 0 && f.lessons_done >= f.lessons_total,
        ),
        (knowledge_check, "knowledge_check", f.knowledge_check_passed),
        (self_assessment, "self_assessment", f.self_assessment_done),
        (coaching, "coaching", f.coaching_covers_all_drivers),
        (assignments, "assignments", f.assignments_accepted),
        (team_synthesis, "team_synthesis", f.team_synthesis_accepted),
        (validation_exam, "validation_exam", f.validation_exam_passed),
        (observation, "observation", f.observation_passed),
        (portfolio, "portfolio", f.portfolio_reviewed),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn l1() -> PackCourse {
        let pack = crate::shipped().expect("shipped");
        pack.courses
            .into_iter()
            .find(|c| c.id.as_str() == "clients-l1")
            .expect("clients-l1")
    }

    #[test]
    fn level_1_needs_lessons_check_self_assessment_and_coaching() {
        let c = l1();
        let none = CourseFacts::default();
        let keys: Vec<&str> = requirements(&c, &none).iter().map(|r| r.0).collect();
        assert_eq!(
            keys,
            ["lessons", "knowledge_check", "self_assessment", "coaching"]
        );
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
        assert_eq!(requirements(&c, &f)[0], ("lessons", false));
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
}
