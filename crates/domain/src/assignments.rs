//! Level 2 assignments and the team synthesis: where a submission stands,
//! when a course's assignments requirement is met, whether another
//! submission may be made, and the rubric's pass rule.

use crate::facts::Submission;
use mastery_packs::{Pack, Rubric};
use mastery_types::{AssignmentStatus, CourseId, CriterionScore, ReviewOutcome};

/// The latest submission for one assignment of a course (`subs` oldest
/// first).
pub fn latest<'a>(
    subs: &'a [Submission],
    course: &CourseId,
    assignment: &str,
) -> Option<&'a Submission> {
    subs.iter()
        .rfind(|s| &s.course == course && s.assignment == assignment)
}

/// Where an assignment stands, from its latest submission.
pub fn status(latest: Option<&Submission>) -> AssignmentStatus {
    match latest {
        None => AssignmentStatus::NotStarted,
        Some(s) => match s.review.as_ref().map(|r| r.outcome) {
            None => AssignmentStatus::Submitted,
            Some(ReviewOutcome::Accepted) => AssignmentStatus::Accepted,
            Some(ReviewOutcome::Returned) => AssignmentStatus::Returned,
        },
    }
}

/// Why another submission may not be made now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubmitRefusal {
    AwaitingReview,
    AlreadyAccepted,
}

/// A first submission, or a resubmission after a return; nothing while
/// one awaits review or once accepted.
pub fn may_submit(latest: Option<&Submission>) -> Result<(), SubmitRefusal> {
    match status(latest) {
        AssignmentStatus::Submitted => Err(SubmitRefusal::AwaitingReview),
        AssignmentStatus::Accepted => Err(SubmitRefusal::AlreadyAccepted),
        AssignmentStatus::NotStarted | AssignmentStatus::Returned => Ok(()),
    }
}

/// Every assignment of the course accepted (its latest submission).
pub fn all_accepted(pack: &Pack, course: &CourseId, subs: &[Submission]) -> bool {
    let Some(a) = pack.assignments_of(course) else {
        return false;
    };
    !a.assignments.is_empty()
        && a.assignments
            .iter()
            .all(|x| status(latest(subs, course, &x.id)) == AssignmentStatus::Accepted)
}

/// The team synthesis of the course accepted (the team's latest).
pub fn synthesis_accepted(pack: &Pack, course: &CourseId, team_subs: &[Submission]) -> bool {
    pack.assignments_of(course)
        .and_then(|a| a.team_synthesis.as_ref())
        .is_some_and(|t| status(latest(team_subs, course, &t.id)) == AssignmentStatus::Accepted)
}

/// A scoring checked against its rubric.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RubricScore {
    /// The rubric's pass rule is met.
    pub passes: bool,
    /// The scores in the rubric's order.
    pub scores: Vec<CriterionScore>,
}

/// What is wrong with a scoring.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RubricProblem {
    UnknownCriterion(String),
    /// Not scored, or scored more than once.
    ScoreOnce(String),
    OutOfRange {
        criterion: String,
        max: u8,
        given: u8,
    },
}

/// Checks a scoring (every criterion once, within its levels) and applies
/// the pass rule: at least `min_total_percent` of the maximum total, and no
/// criterion below `min_each`.
pub fn score_rubric(
    rubric: &Rubric,
    given: &[CriterionScore],
) -> Result<RubricScore, RubricProblem> {
    if let Some(sc) = given
        .iter()
        .find(|sc| !rubric.criteria.iter().any(|c| c.id == sc.criterion))
    {
        return Err(RubricProblem::UnknownCriterion(sc.criterion.clone()));
    }
    let mut scores = Vec::new();
    let (mut total, mut max, mut lowest) = (0u32, 0u32, u8::MAX);
    for c in &rubric.criteria {
        let n = u8::try_from(c.levels.len()).unwrap_or(u8::MAX);
        let mine: Vec<&CriterionScore> = given.iter().filter(|s| s.criterion == c.id).collect();
        let [sc] = mine.as_slice() else {
            return Err(RubricProblem::ScoreOnce(c.id.clone()));
        };
        if sc.score < 1 || sc.score > n {
            return Err(RubricProblem::OutOfRange {
                criterion: c.id.clone(),
                max: n,
                given: sc.score,
            });
        }
        total += u32::from(sc.score);
        max += u32::from(n);
        lowest = lowest.min(sc.score);
        scores.push((*sc).clone());
    }
    let passes = max > 0
        && total * 100 >= u32::from(rubric.min_total_percent) * max
        && lowest >= rubric.min_each;
    Ok(RubricScore { passes, scores })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Review;
    use mastery_packs::Criterion;
    use mastery_types::{LocalizedText, PersonId};

    fn sub(outcome: Option<ReviewOutcome>) -> Submission {
        Submission {
            id: "s".into(),
            author: PersonId(uuid::Uuid::nil()),
            course: CourseId("clients-l2".into()),
            assignment: "a1".into(),
            pack_version: "1.0.0".into(),
            body: "b".into(),
            submitted_at: chrono::DateTime::default(),
            team: None,
            files: vec![],
            review: outcome.map(|outcome| Review {
                reviewer: PersonId(uuid::Uuid::nil()),
                outcome,
                scores: vec![],
                comment: String::new(),
                at: chrono::DateTime::default(),
            }),
        }
    }

    #[test]
    fn status_and_resubmission() {
        use AssignmentStatus::*;
        let cases = [
            (None, NotStarted, Ok(())),
            (
                Some(sub(None)),
                Submitted,
                Err(SubmitRefusal::AwaitingReview),
            ),
            (Some(sub(Some(ReviewOutcome::Returned))), Returned, Ok(())),
            (
                Some(sub(Some(ReviewOutcome::Accepted))),
                Accepted,
                Err(SubmitRefusal::AlreadyAccepted),
            ),
        ];
        for (latest, want, may) in cases {
            assert_eq!(status(latest.as_ref()), want);
            assert_eq!(may_submit(latest.as_ref()), may);
        }
    }

    #[test]
    fn the_rubric_pass_rule() {
        let criterion = |id: &str| Criterion {
            id: id.into(),
            drivers: vec![],
            title: LocalizedText::default(),
            levels: vec![LocalizedText::default(); 4],
        };
        let rubric = Rubric {
            id: "r".into(),
            title: LocalizedText::default(),
            min_total_percent: 70,
            min_each: 2,
            criteria: vec![criterion("a"), criterion("b")],
        };
        let s = |a: u8, b: u8| {
            vec![
                CriterionScore {
                    criterion: "a".into(),
                    score: a,
                },
                CriterionScore {
                    criterion: "b".into(),
                    score: b,
                },
            ]
        };
        // 7/8 = 87 %, none below 2: passes; 6/8 = 75 % but a 1: fails.
        assert!(score_rubric(&rubric, &s(4, 3)).expect("ok").passes);
        assert!(!score_rubric(&rubric, &s(4, 1)).expect("ok").passes);
        // 5/8 = 62 %: under 70 %.
        assert!(!score_rubric(&rubric, &s(3, 2)).expect("ok").passes);
        assert_eq!(
            score_rubric(&rubric, &s(5, 3)),
            Err(RubricProblem::OutOfRange {
                criterion: "a".into(),
                max: 4,
                given: 5
            })
        );
        assert_eq!(
            score_rubric(&rubric, &s(3, 3)[..1]),
            Err(RubricProblem::ScoreOnce("b".into()))
        );
        let mut extra = s(3, 3);
        extra.push(CriterionScore {
            criterion: "z".into(),
            score: 1,
        });
        assert_eq!(
            score_rubric(&rubric, &extra),
            Err(RubricProblem::UnknownCriterion("z".into()))
        );
    }
}
