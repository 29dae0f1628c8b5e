//! Property tests of the pure derivations certification rests on: a
//! course's completion rule over any facts, and knowledge-check scoring
//! over any answer of the right shape. The same facts always give the same
//! result, more evidence never undoes completion, and a score is a share.

use mastery_packs::{best_answer, is_complete, requirements, score, Completion, CourseFacts};
use mastery_packs::{ItemKind, Pack, QuizItem};
use mastery_types::{Answer, Match};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| mastery_packs::shipped().expect("the shipped pack parses"))
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
    #[test]
    fn completion_is_exactly_every_required_fact(
        course in 0usize..12, rule in completion(), f in facts()
    ) {
        let mut c = pack().courses[course].clone();
        c.completion = rule;
        let expected_keys = [
            (rule.lessons, "lessons"),
            (rule.knowledge_check, "knowledge_check"),
            (rule.self_assessment, "self_assessment"),
            (rule.coaching, "coaching"),
            (rule.assignments, "assignments"),
            (rule.team_synthesis, "team_synthesis"),
            (rule.validation_exam, "validation_exam"),
            (rule.observation, "observation"),
            (rule.portfolio, "portfolio"),
        ];
        let r = requirements(&c, &f);
        let keys: Vec<&str> = r.iter().map(|x| x.0).collect();
        let wanted: Vec<&str> = expected_keys.iter().filter(|k| k.0).map(|k| k.1).collect();
        prop_assert_eq!(keys, wanted);
        let met = |key: &str| match key {
            "lessons" => f.lessons_total > 0 && f.lessons_done >= f.lessons_total,
            "knowledge_check" => f.knowledge_check_passed,
            "self_assessment" => f.self_assessment_done,
            "coaching" => f.coaching_covers_all_drivers,
            "assignments" => f.assignments_accepted,
            "team_synthesis" => f.team_synthesis_accepted,
            "validation_exam" => f.validation_exam_passed,
            "observation" => f.observation_passed,
            _ => f.portfolio_reviewed,
        };
        for (key, m) in &r {
            prop_assert_eq!(*m, met(key), "{}", key);
        }
        prop_assert_eq!(is_complete(&c, &f), !r.is_empty() && r.iter().all(|x| x.1));
        // The same facts, asked again, give the same answer.
        prop_assert_eq!(requirements(&c, &f), r);
    }

    #[test]
    fn more_evidence_never_undoes_completion(
        course in 0usize..12, f in facts(), which in 0u8..9
    ) {
        let c = &pack().courses[course];
        let g = with_more(&f, which);
        if is_complete(c, &f) {
            prop_assert!(is_complete(c, &g));
        }
        // And a requirement met stays met.
        for ((k1, m1), (k2, m2)) in requirements(c, &f).into_iter().zip(requirements(c, &g)) {
            prop_assert_eq!(k1, k2);
            prop_assert!(!m1 || m2, "{} was met and is not", k1);
        }
    }

    #[test]
    fn any_well_formed_answer_scores_between_nothing_and_full(
        item in 0usize..200, seed in any::<u64>()
    ) {
        let items: Vec<&QuizItem> = pack().quizzes.iter().flat_map(|q| q.items.iter()).collect();
        let item = items[item % items.len()];
        let answer = arbitrary_answer(item, seed);
        let s = score(item, &answer).expect("a well-formed answer is scored");
        prop_assert!((0.0..=1.0).contains(&s.earned), "{}", s.earned);
        if s.correct {
            prop_assert!((s.earned - 1.0).abs() < 1e-9);
        }
        let again = score(item, &answer).expect("scored again");
        prop_assert_eq!(again.earned.to_bits(), s.earned.to_bits());
        let best = score(item, &best_answer(item)).expect("best");
        prop_assert!(best.correct && best.earned >= s.earned);
    }
}

/// A pseudo-random answer of the right shape for an item (xorshift on the
/// seed, so a failing case replays exactly).
fn arbitrary_answer(item: &QuizItem, mut seed: u64) -> Answer {
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    match &item.kind {
        ItemKind::Single { choices, .. } => Answer::Single(choices[next(choices.len())].id.clone()),
        ItemKind::Multiple { choices, .. } => {
            let mut picked: Vec<String> = choices
                .iter()
                .filter(|_| next(2) == 1)
                .map(|c| c.id.clone())
                .collect();
            if picked.is_empty() {
                picked.push(choices[next(choices.len())].id.clone());
            }
            Answer::Multiple(picked)
        }
        ItemKind::TrueFalse { .. } => Answer::TrueFalse(next(2) == 1),
        ItemKind::Ordering { steps, .. } => {
            let mut ids: Vec<String> = steps.iter().map(|s| s.id.clone()).collect();
            for i in (1..ids.len()).rev() {
                ids.swap(i, next(i + 1));
            }
            Answer::Ordering(ids)
        }
        ItemKind::Matching { pairs, .. } => {
            let mut rights: Vec<String> = pairs.iter().map(|p| p.id.clone()).collect();
            for i in (1..rights.len()).rev() {
                rights.swap(i, next(i + 1));
            }
            Answer::Matching(
                pairs
                    .iter()
                    .zip(rights)
                    .map(|(p, right)| Match {
                        left: p.id.clone(),
                        right,
                    })
                    .collect(),
            )
        }
        ItemKind::Scenario { start, nodes, .. } => {
            let mut path = Vec::new();
            let mut at = Some(start.clone());
            while let Some(id) = at {
                let Some(node) = nodes.iter().find(|n| n.id == id) else {
                    break;
                };
                let choice = &node.choices[next(node.choices.len())];
                path.push(choice.id.clone());
                at = choice.next.clone();
            }
            Answer::Scenario(path)
        }
    }
}
