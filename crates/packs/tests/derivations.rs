//! Property tests of knowledge-check scoring over any answer of the right
//! shape: the same answer always scores the same, and a score is a share.
//! (The completion rule's properties are tested where it lives, in
//! `mastery_domain::progress`.)

use mastery_packs::{best_answer, score};
use mastery_packs::{ItemKind, Pack, QuizItem};
use mastery_types::{Answer, Match};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| mastery_packs::shipped().expect("the shipped pack parses"))
}

proptest! {
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
