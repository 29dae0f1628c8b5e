//! Scoring a learner's answer to one knowledge-check item, and a
//! communication-style self-assessment: pure functions of the pack's
//! definitions and the answer.

use crate::model::{ItemKind, QuizItem, ScenarioNode, SelfAssessment};
use mastery_types::{Answer, LocalizedText};
use std::collections::{BTreeMap, BTreeSet};

/// What one answer earned, with the feedback the learner sees.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemScore {
    /// 0.0 to 1.0: every item weighs the same in the quiz's percentage.
    pub earned: f64,
    /// Full marks.
    pub correct: bool,
    pub feedback: Vec<LocalizedText>,
}

/// An answer that does not fit its item: refused, never scored as wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("item {item}: expected {expected}")]
    WrongShape {
        item: String,
        expected: &'static str,
    },
    #[error("item {item}: {id:?} is not one of its choices")]
    UnknownChoice { item: String, id: String },
    #[error("item {item}: {detail}")]
    Incomplete { item: String, detail: String },
}

fn shape(item: &QuizItem, expected: &'static str) -> AnswerError {
    AnswerError::WrongShape {
        item: item.id.clone(),
        expected,
    }
}

/// Scores `answer` against `item`.
pub fn score(item: &QuizItem, answer: &Answer) -> Result<ItemScore, AnswerError> {
    let unknown = |id: &str| AnswerError::UnknownChoice {
        item: item.id.clone(),
        id: id.to_owned(),
    };
    let incomplete = |detail: String| AnswerError::Incomplete {
        item: item.id.clone(),
        detail,
    };
    match (&item.kind, answer) {
        (ItemKind::Single { choices, .. }, Answer::Single(id)) => {
            let c = choices
                .iter()
                .find(|c| &c.id == id)
                .ok_or_else(|| unknown(id))?;
            Ok(ItemScore {
                earned: if c.correct { 1.0 } else { 0.0 },
                correct: c.correct,
                feedback: vec![c.feedback.clone()],
            })
        }
        (ItemKind::Single { .. }, _) => Err(shape(item, "one choice id")),
        (ItemKind::Multiple { choices, .. }, Answer::Multiple(ids)) => {
            let picked: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
            if let Some(bad) = picked
                .iter()
                .find(|id| !choices.iter().any(|c| c.id == **id))
            {
                return Err(unknown(bad));
            }
            if picked.is_empty() {
                return Err(incomplete("choose at least one answer".into()));
            }
            // Each choice is a true/false judgement: picked when correct,
            // left when not. Full marks only when all are right.
            let right = choices
                .iter()
                .filter(|c| c.correct == picked.contains(c.id.as_str()))
                .count();
            let feedback = choices
                .iter()
                .filter(|c| picked.contains(c.id.as_str()) || c.correct)
                .map(|c| c.feedback.clone())
                .collect();
            Ok(ItemScore {
                earned: right as f64 / choices.len().max(1) as f64,
                correct: right == choices.len(),
                feedback,
            })
        }
        (ItemKind::Multiple { .. }, _) => Err(shape(item, "a list of choice ids")),
        (
            ItemKind::TrueFalse {
                answer: want,
                feedback,
                ..
            },
            Answer::TrueFalse(got),
        ) => Ok(ItemScore {
            earned: if want == got { 1.0 } else { 0.0 },
            correct: want == got,
            feedback: vec![feedback.clone()],
        }),
        (ItemKind::TrueFalse { .. }, _) => Err(shape(item, "true or false")),
        (
            ItemKind::Ordering {
                steps, feedback, ..
            },
            Answer::Ordering(order),
        ) => {
            let known: BTreeSet<&str> = steps.iter().map(|s| s.id.as_str()).collect();
            let given: BTreeSet<&str> = order.iter().map(String::as_str).collect();
            if let Some(bad) = given.difference(&known).next() {
                return Err(unknown(bad));
            }
            if given.len() != order.len() || given.len() != known.len() {
                return Err(incomplete(format!(
                    "put each of the {} steps in order exactly once",
                    known.len()
                )));
            }
            // Credit for each step in its right place.
            let placed = steps.iter().zip(order).filter(|(s, o)| &s.id == *o).count();
            Ok(ItemScore {
                earned: placed as f64 / steps.len().max(1) as f64,
                correct: placed == steps.len(),
                feedback: vec![feedback.clone()],
            })
        }
        (ItemKind::Ordering { .. }, _) => Err(shape(item, "the step ids in order")),
        (
            ItemKind::Matching {
                pairs, feedback, ..
            },
            Answer::Matching(matches),
        ) => {
            let mut seen_left = BTreeSet::new();
            let mut seen_right = BTreeSet::new();
            for m in matches {
                for id in [&m.left, &m.right] {
                    if !pairs.iter().any(|p| &p.id == id) {
                        return Err(unknown(id));
                    }
                }
                if !seen_left.insert(m.left.as_str()) || !seen_right.insert(m.right.as_str()) {
                    return Err(incomplete("each item may be matched only once".into()));
                }
            }
            if matches.len() != pairs.len() {
                return Err(incomplete(format!("match all {} items", pairs.len())));
            }
            let right = matches.iter().filter(|m| m.left == m.right).count();
            Ok(ItemScore {
                earned: right as f64 / pairs.len().max(1) as f64,
                correct: right == pairs.len(),
                feedback: vec![feedback.clone()],
            })
        }
        (ItemKind::Matching { .. }, _) => Err(shape(item, "a list of left/right matches")),
        (ItemKind::Scenario { start, nodes, .. }, Answer::Scenario(path)) => {
            let node = |id: &str| nodes.iter().find(|n| n.id == id);
            let mut at = node(start);
            let mut points = 0u32;
            let mut feedback = Vec::new();
            for choice_id in path {
                let Some(n) = at else {
                    return Err(incomplete("the scenario had already ended".into()));
                };
                let c = n
                    .choices
                    .iter()
                    .find(|c| &c.id == choice_id)
                    .ok_or_else(|| unknown(choice_id))?;
                points += u32::from(c.points);
                feedback.push(c.feedback.clone());
                at = c.next.as_deref().and_then(node);
            }
            if at.is_some() {
                return Err(incomplete("the scenario is not finished".into()));
            }
            let best = node(start).map_or(0, |n| best_path(n, nodes, 0));
            Ok(ItemScore {
                earned: if best == 0 {
                    1.0
                } else {
                    f64::from(points) / f64::from(best)
                },
                correct: points >= best,
                feedback,
            })
        }
        (ItemKind::Scenario { .. }, _) => {
            Err(shape(item, "the choice ids taken through the scenario"))
        }
    }
}

/// The answer that earns full marks: the key, for tests, benchmarks and a
/// designer's preview. Scenarios take the best-scoring choice at each step.
pub fn best_answer(item: &QuizItem) -> Answer {
    match &item.kind {
        ItemKind::Single { choices, .. } => Answer::Single(
            choices
                .iter()
                .find(|c| c.correct)
                .map_or_else(String::new, |c| c.id.clone()),
        ),
        ItemKind::Multiple { choices, .. } => Answer::Multiple(
            choices
                .iter()
                .filter(|c| c.correct)
                .map(|c| c.id.clone())
                .collect(),
        ),
        ItemKind::TrueFalse { answer, .. } => Answer::TrueFalse(*answer),
        ItemKind::Ordering { steps, .. } => {
            Answer::Ordering(steps.iter().map(|s| s.id.clone()).collect())
        }
        ItemKind::Matching { pairs, .. } => Answer::Matching(
            pairs
                .iter()
                .map(|p| mastery_types::Match {
                    left: p.id.clone(),
                    right: p.id.clone(),
                })
                .collect(),
        ),
        ItemKind::Scenario { start, nodes, .. } => {
            let mut path = Vec::new();
            let mut at = Some(start.as_str());
            // A valid pack has no loops; the bound guards an invalid one.
            while let Some(node) = at.and_then(|id| nodes.iter().find(|n| n.id == id)) {
                if path.len() > nodes.len() {
                    break;
                }
                let Some(best) = node.choices.iter().max_by_key(|c| c.points) else {
                    break;
                };
                path.push(best.id.clone());
                at = best.next.as_deref();
            }
            Answer::Scenario(path)
        }
    }
}

/// The most points any path from `n` can earn. The validator refuses
/// loops; `depth` stops a malformed pack from recursing forever.
fn best_path(n: &ScenarioNode, nodes: &[ScenarioNode], depth: usize) -> u32 {
    if depth > nodes.len() {
        return 0;
    }
    n.choices
        .iter()
        .map(|c| {
            let rest = c
                .next
                .as_deref()
                .and_then(|id| nodes.iter().find(|x| x.id == id))
                .map_or(0, |next| best_path(next, nodes, depth + 1));
            u32::from(c.points) + rest
        })
        .max()
        .unwrap_or(0)
}

/// A self-assessment's result: each profile's share of its maximum, and
/// the learner's style (ties go to the profile listed first).
#[derive(Clone, Debug, PartialEq)]
pub struct StyleResult {
    /// Profile id → percent (0–100) of that profile's maximum score.
    pub scores: Vec<(String, u8)>,
    pub profile: String,
}

/// Scores ratings (statement id → rating). Every statement must be rated,
/// within the scale.
pub fn score_style(
    sa: &SelfAssessment,
    ratings: &BTreeMap<String, u8>,
) -> Result<StyleResult, AnswerError> {
    let err = |detail: String| AnswerError::Incomplete {
        item: sa.id.clone(),
        detail,
    };
    if let Some(extra) = ratings
        .keys()
        .find(|k| !sa.statements.iter().any(|s| &s.id == *k))
    {
        return Err(AnswerError::UnknownChoice {
            item: sa.id.clone(),
            id: extra.clone(),
        });
    }
    let mut scores = Vec::new();
    for p in &sa.profiles {
        let mine: Vec<_> = sa.statements.iter().filter(|s| s.profile == p.id).collect();
        let mut sum = 0u32;
        for s in &mine {
            let r = *ratings
                .get(&s.id)
                .ok_or_else(|| err(format!("statement {} is not rated", s.id)))?;
            if r < sa.scale.min || r > sa.scale.max {
                return Err(err(format!(
                    "statement {} is rated {r}; the scale goes from {} to {}",
                    s.id, sa.scale.min, sa.scale.max
                )));
            }
            sum += u32::from(r - sa.scale.min);
        }
        let max = mine.len() as u32 * u32::from(sa.scale.max - sa.scale.min);
        let pct = (sum * 100 + max / 2).checked_div(max).unwrap_or(0);
        scores.push((p.id.clone(), u8::try_from(pct).unwrap_or(100)));
    }
    let profile = scores
        .iter()
        .fold(None::<&(String, u8)>, |best, s| match best {
            Some(b) if b.1 >= s.1 => Some(b),
            _ => Some(s),
        })
        .map(|s| s.0.clone())
        .unwrap_or_default();
    Ok(StyleResult { scores, profile })
}
