//! The post-class feedback survey: which answers are acceptable, and the
//! results of a group — shown only when the group has at least
//! [`MIN_GROUP`] responses, so that no result can be traced to a person.

use mastery_packs::{QuestionKind, Survey};
use mastery_types::{GroupResults, QuestionResult, SurveyAnswer, SurveyAnswerProblem};

/// One response: each question answered, by question id.
pub type Response = Vec<(String, SurveyAnswer)>;

/// The smallest group whose results are shown (DESIGN: k ≥ 5).
pub const MIN_GROUP: usize = 5;
/// The longest free-text answer kept.
pub const MAX_TEXT: usize = 2000;

/// The occasion of the survey asked of a learner who completed `course`
/// online in pack `version` (a class's survey has the class id).
pub fn online_occasion(course: &mastery_types::CourseId, version: &str) -> String {
    format!("course:{}@{version}", course.0)
}

/// Checks a set of answers against the survey: known questions, each once,
/// of the right kind, on the scale, required ones answered.
pub fn check(
    survey: &Survey,
    answers: &[(String, SurveyAnswer)],
) -> Result<(), SurveyAnswerProblem> {
    for (i, (qid, answer)) in answers.iter().enumerate() {
        if answers[..i].iter().any(|(q, _)| q == qid) {
            return Err(SurveyAnswerProblem::AnsweredTwice {
                question: qid.clone(),
            });
        }
        let Some(q) = survey.questions.iter().find(|q| &q.id == qid) else {
            return Err(SurveyAnswerProblem::UnknownQuestion {
                question: qid.clone(),
            });
        };
        let wrong = || SurveyAnswerProblem::WrongKind {
            question: qid.clone(),
        };
        let scale = |min: u8, max: u8, given: u8| {
            if (min..=max).contains(&given) {
                Ok(())
            } else {
                Err(SurveyAnswerProblem::OutOfScale {
                    question: qid.clone(),
                    min,
                    max,
                    given,
                })
            }
        };
        let known = |options: &[mastery_packs::Step], o: &str| {
            if options.iter().any(|s| s.id == o) {
                Ok(())
            } else {
                Err(SurveyAnswerProblem::UnknownOption {
                    question: qid.clone(),
                    option: o.to_owned(),
                })
            }
        };
        match (&q.kind, answer) {
            (QuestionKind::Likert, SurveyAnswer::Likert(v)) => scale(1, 5, *v)?,
            (QuestionKind::Recommend, SurveyAnswer::Recommend(v)) => scale(0, 10, *v)?,
            (QuestionKind::Single { options }, SurveyAnswer::Single(o)) => known(options, o)?,
            (QuestionKind::Multiple { options }, SurveyAnswer::Multiple(chosen)) => {
                for (j, o) in chosen.iter().enumerate() {
                    known(options, o)?;
                    if chosen[..j].contains(o) {
                        return Err(SurveyAnswerProblem::AnsweredTwice {
                            question: qid.clone(),
                        });
                    }
                }
            }
            (QuestionKind::Text, SurveyAnswer::Text(t)) => {
                if t.chars().count() > MAX_TEXT {
                    return Err(SurveyAnswerProblem::TooLong {
                        question: qid.clone(),
                        max: MAX_TEXT,
                    });
                }
            }
            _ => return Err(wrong()),
        }
    }
    for q in survey.questions.iter().filter(|q| q.required) {
        let answered = answers.iter().any(|(id, a)| {
            id == &q.id && !matches!(a, SurveyAnswer::Text(t) if t.trim().is_empty())
        });
        if !answered {
            return Err(SurveyAnswerProblem::Required {
                question: q.id.clone(),
            });
        }
    }
    Ok(())
}

/// The results of a group of responses: per question, in the survey's
/// order. A group under [`MIN_GROUP`] shows nothing (not even its count).
pub fn results<R: AsRef<[(String, SurveyAnswer)]>>(
    survey: &Survey,
    responses: &[R],
) -> GroupResults {
    if responses.len() < MIN_GROUP {
        return GroupResults::Suppressed {
            threshold: MIN_GROUP as u32,
        };
    }
    fn answers<'a, R: AsRef<[(String, SurveyAnswer)]>>(
        responses: &'a [R],
        qid: &'a str,
    ) -> impl Iterator<Item = &'a SurveyAnswer> + 'a {
        responses
            .iter()
            .filter_map(move |r| r.as_ref().iter().find(|(q, _)| q == qid).map(|(_, a)| a))
    }
    let questions = survey
        .questions
        .iter()
        .filter_map(|q| {
            let result = match &q.kind {
                QuestionKind::Likert => {
                    let mut counts = [0u32; 5];
                    for a in answers(responses, &q.id) {
                        if let SurveyAnswer::Likert(v @ 1..=5) = a {
                            counts[usize::from(*v) - 1] += 1;
                        }
                    }
                    let n: u32 = counts.iter().sum();
                    let sum: u32 = counts
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (i as u32 + 1) * c)
                        .sum();
                    QuestionResult::Likert {
                        counts,
                        mean: (n > 0).then(|| f64::from(sum) / f64::from(n)),
                    }
                }
                QuestionKind::Recommend => {
                    let mut counts = [0u32; 11];
                    for a in answers(responses, &q.id) {
                        if let SurveyAnswer::Recommend(v @ 0..=10) = a {
                            counts[usize::from(*v)] += 1;
                        }
                    }
                    QuestionResult::Recommend {
                        counts,
                        net: net_score(&counts),
                    }
                }
                QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                    let mut counts: Vec<(String, u32)> =
                        options.iter().map(|o| (o.id.clone(), 0)).collect();
                    for a in answers(responses, &q.id) {
                        let chosen: Vec<&String> = match a {
                            SurveyAnswer::Single(o) => vec![o],
                            SurveyAnswer::Multiple(os) => os.iter().collect(),
                            _ => vec![],
                        };
                        for o in chosen {
                            if let Some(c) = counts.iter_mut().find(|(id, _)| id == o) {
                                c.1 += 1;
                            }
                        }
                    }
                    QuestionResult::Choice { counts }
                }
                QuestionKind::Text => {
                    let mut comments: Vec<String> = answers(responses, &q.id)
                        .filter_map(|a| match a {
                            SurveyAnswer::Text(t) if !t.trim().is_empty() => {
                                Some(t.trim().to_owned())
                            }
                            _ => None,
                        })
                        .collect();
                    // Comments too are a group: fewer than the threshold
                    // are not shown.
                    if comments.len() < MIN_GROUP {
                        return None;
                    }
                    comments.sort();
                    QuestionResult::Text { comments }
                }
            };
            Some((q.id.clone(), result))
        })
        .collect();
    GroupResults::Shown {
        responses: responses.len() as u32,
        questions,
    }
}

/// Promoters (9–10) minus detractors (0–6), in percent of all answers.
pub fn net_score(counts: &[u32; 11]) -> Option<f64> {
    let n: u32 = counts.iter().sum();
    if n == 0 {
        return None;
    }
    let promoters: u32 = counts[9..].iter().sum();
    let detractors: u32 = counts[..7].iter().sum();
    Some(100.0 * (f64::from(promoters) - f64::from(detractors)) / f64::from(n))
}

/// Results broken down by a key (an office, a facilitator): each group
/// shown only with at least [`MIN_GROUP`] responses, without its comments
/// (a comment beside a small breakdown could name its author), and never
/// so that a hidden group can be worked out by subtracting the shown ones
/// from the whole: while the hidden groups together hold some responses
/// but fewer than [`MIN_GROUP`], the smallest shown group is hidden too.
/// Groups come back in the order given.
pub fn breakdown<K, R: AsRef<[(String, SurveyAnswer)]>>(
    survey: &Survey,
    groups: Vec<(K, Vec<R>)>,
) -> Vec<(K, GroupResults)> {
    let mut hidden: Vec<bool> = groups.iter().map(|(_, r)| r.len() < MIN_GROUP).collect();
    loop {
        let hidden_total: usize = groups
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| **h)
            .map(|((_, r), _)| r.len())
            .sum();
        if hidden_total == 0 || hidden_total >= MIN_GROUP {
            break;
        }
        let smallest_shown = groups
            .iter()
            .zip(&hidden)
            .enumerate()
            .filter(|(_, (_, h))| !**h)
            .min_by_key(|(_, ((_, r), _))| r.len())
            .map(|(i, _)| i);
        match smallest_shown {
            Some(i) => hidden[i] = true,
            None => break,
        }
    }
    groups
        .into_iter()
        .zip(hidden)
        .map(|((key, responses), hide)| {
            let result = if hide {
                GroupResults::Suppressed {
                    threshold: MIN_GROUP as u32,
                }
            } else {
                without_comments(results(survey, &responses))
            };
            (key, result)
        })
        .collect()
}

fn without_comments(g: GroupResults) -> GroupResults {
    match g {
        GroupResults::Shown {
            responses,
            questions,
        } => GroupResults::Shown {
            responses,
            questions: questions
                .into_iter()
                .filter(|(_, q)| !matches!(q, QuestionResult::Text { .. }))
                .collect(),
        },
        suppressed => suppressed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mastery_packs::{Question, Step};
    use mastery_types::LocalizedText;
    use proptest::prelude::*;

    fn text(s: &str) -> LocalizedText {
        LocalizedText(
            [("en", s), ("fr", s)]
                .into_iter()
                .map(|(l, t)| (l.to_owned(), t.to_owned()))
                .collect(),
        )
    }

    fn survey() -> Survey {
        let q = |id: &str, required, kind| Question {
            id: id.into(),
            required,
            driver: None,
            text: text(id),
            kind,
        };
        let opts = |ids: &[&str]| {
            ids.iter()
                .map(|i| Step {
                    id: (*i).into(),
                    text: text(i),
                })
                .collect::<Vec<_>>()
        };
        Survey {
            id: "post-class".into(),
            title: text("t"),
            intro: text("i"),
            questions: vec![
                q("l", true, QuestionKind::Likert),
                q("r", true, QuestionKind::Recommend),
                q(
                    "s",
                    false,
                    QuestionKind::Single {
                        options: opts(&["x", "y"]),
                    },
                ),
                q(
                    "m",
                    false,
                    QuestionKind::Multiple {
                        options: opts(&["x", "y", "z"]),
                    },
                ),
                q("t", false, QuestionKind::Text),
            ],
        }
    }

    fn ok(l: u8, r: u8) -> Vec<(String, SurveyAnswer)> {
        vec![
            ("l".into(), SurveyAnswer::Likert(l)),
            ("r".into(), SurveyAnswer::Recommend(r)),
        ]
    }

    #[test]
    fn answers_outside_the_scale_or_the_survey_are_refused() {
        let s = survey();
        assert_eq!(check(&s, &ok(5, 10)), Ok(()));
        assert!(matches!(
            check(&s, &ok(6, 1)),
            Err(SurveyAnswerProblem::OutOfScale {
                min: 1,
                max: 5,
                given: 6,
                ..
            })
        ));
        assert!(matches!(
            check(&s, &ok(0, 3)),
            Err(SurveyAnswerProblem::OutOfScale { .. })
        ));
        assert!(matches!(
            check(&s, &ok(3, 11)),
            Err(SurveyAnswerProblem::OutOfScale { max: 10, .. })
        ));
        let mut a = ok(3, 3);
        a.push(("s".into(), SurveyAnswer::Single("w".into())));
        assert!(matches!(
            check(&s, &a),
            Err(SurveyAnswerProblem::UnknownOption { .. })
        ));
        let mut a = ok(3, 3);
        a.push(("l".into(), SurveyAnswer::Likert(2)));
        assert!(matches!(
            check(&s, &a),
            Err(SurveyAnswerProblem::AnsweredTwice { .. })
        ));
        let a = vec![("r".into(), SurveyAnswer::Likert(3))];
        assert!(matches!(
            check(&s, &a),
            Err(SurveyAnswerProblem::WrongKind { .. })
        ));
        let a = vec![("r".into(), SurveyAnswer::Recommend(3))];
        assert_eq!(
            check(&s, &a),
            Err(SurveyAnswerProblem::Required {
                question: "l".into()
            })
        );
        let mut a = ok(3, 3);
        a.push(("zz".into(), SurveyAnswer::Text("hi".into())));
        assert!(matches!(
            check(&s, &a),
            Err(SurveyAnswerProblem::UnknownQuestion { .. })
        ));
    }

    #[test]
    fn a_group_under_five_shows_nothing_and_five_show_everything() {
        let s = survey();
        let four: Vec<_> = (0..4).map(|i| ok(4, 9 + (i % 2))).collect();
        assert_eq!(
            results(&s, &four),
            GroupResults::Suppressed { threshold: 5 }
        );
        let mut five = four.clone();
        five.push(ok(2, 3));
        let GroupResults::Shown {
            responses,
            questions,
        } = results(&s, &five)
        else {
            panic!("five responses are shown")
        };
        assert_eq!(responses, 5);
        assert_eq!(
            questions[0].1,
            QuestionResult::Likert {
                counts: [0, 1, 0, 4, 0],
                mean: Some(3.6)
            }
        );
        // 4 promoters, 1 detractor of 5: +60.
        assert!(
            matches!(questions[1].1, QuestionResult::Recommend { net: Some(n), .. } if (n - 60.0).abs() < 1e-9)
        );
    }

    #[test]
    fn comments_show_only_when_five_wrote_one_and_never_in_their_order() {
        let s = survey();
        let mut rs: Vec<_> = (0..6).map(|_| ok(4, 8)).collect();
        for (i, r) in rs.iter_mut().take(4).enumerate() {
            r.push(("t".into(), SurveyAnswer::Text(format!("comment {}", 4 - i))));
        }
        let GroupResults::Shown { questions, .. } = results(&s, &rs) else {
            panic!("shown")
        };
        assert!(
            questions.iter().all(|(q, _)| q != "t"),
            "4 comments: hidden"
        );
        rs[4].push(("t".into(), SurveyAnswer::Text("comment 0".into())));
        let GroupResults::Shown { questions, .. } = results(&s, &rs) else {
            panic!("shown")
        };
        let comments = questions
            .iter()
            .find(|(q, _)| q == "t")
            .map(|(_, r)| r.clone());
        assert_eq!(
            comments,
            Some(QuestionResult::Text {
                comments: (0..5).map(|i| format!("comment {i}")).collect()
            })
        );
    }

    proptest! {
        /// Whatever the answers, a group under the threshold shows nothing.
        #[test]
        fn no_group_under_five_is_ever_shown(n in 0usize..5, l in 1u8..=5, r in 0u8..=10) {
            let rs: Vec<_> = (0..n).map(|_| ok(l, r)).collect();
            prop_assert_eq!(results(&survey(), &rs), GroupResults::Suppressed { threshold: 5 });
        }

        /// In any breakdown, no shown group is under five, none shows a
        /// comment, and the hidden groups together hold no responses or at
        /// least five (so subtracting the shown groups from the whole never
        /// reveals a group under five), unless fewer than five were given
        /// in all (when the whole is not shown either).
        #[test]
        fn no_breakdown_reveals_a_group_under_five(sizes in proptest::collection::vec(0usize..12, 1..7)) {
            let groups: Vec<(usize, Vec<_>)> = sizes
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let mut rs: Vec<_> = (0..*n).map(|_| ok(4, 9)).collect();
                    for r in &mut rs {
                        r.push(("t".into(), SurveyAnswer::Text(format!("comment from group {i}"))));
                    }
                    (i, rs)
                })
                .collect();
            let out = breakdown(&survey(), groups);
            prop_assert_eq!(out.len(), sizes.len());
            let mut hidden_total = 0;
            for (i, g) in &out {
                match g {
                    GroupResults::Suppressed { .. } => hidden_total += sizes[*i],
                    GroupResults::Shown { responses, questions } => {
                        prop_assert!(*responses as usize >= MIN_GROUP);
                        prop_assert_eq!(*responses as usize, sizes[*i]);
                        let has_comment = questions
                            .iter()
                            .any(|(_, q)| matches!(q, QuestionResult::Text { .. }));
                        prop_assert!(!has_comment, "a comment beside a breakdown");
                    }
                }
            }
            let total: usize = sizes.iter().sum();
            prop_assert!(hidden_total == 0 || hidden_total >= MIN_GROUP || total < MIN_GROUP,
                "hidden {} of {}", hidden_total, total);
        }
    }

    #[test]
    fn a_lone_small_group_takes_the_smallest_other_down_with_it() {
        let group = |n: usize| (0..n).map(|_| ok(3, 7)).collect::<Vec<_>>();
        let out = breakdown(
            &survey(),
            vec![("a", group(9)), ("b", group(6)), ("c", group(2))],
        );
        let shown: Vec<&str> = out
            .iter()
            .filter(|(_, g)| matches!(g, GroupResults::Shown { .. }))
            .map(|(k, _)| *k)
            .collect();
        assert_eq!(shown, ["a"], "b hidden too: otherwise c = whole - a - b");
    }
}
