//! Item analysis of a knowledge check, per pack version: how hard each
//! item is, whether it tells stronger learners from weaker ones, and how
//! often each option is chosen — what a designer needs to fix weak items.
//!
//! Over submitted attempts: an item's **difficulty** is the share of
//! attempts that got it right; its **discrimination** is the point-biserial
//! correlation between getting it right and the score on the *rest* of the
//! check (the item itself left out, so it does not correlate with itself).

pub use mastery_types::ItemFlag;
use std::collections::BTreeMap;

/// One submitted attempt, as the analysis needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct AttemptItems {
    /// Per item: its id, the credit earned (0 to 1) and the options chosen.
    pub items: Vec<(String, f64, Vec<String>)>,
}

/// Attempts below which no flag is raised (too few to say).
pub const MIN_ATTEMPTS_FOR_FLAGS: usize = 20;

/// The analysis of one item.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemStats {
    pub item: String,
    pub attempts: usize,
    /// Share answering right (mean credit), 0 to 1.
    pub difficulty: f64,
    /// Point-biserial against the rest of the check, -1 to 1; `None` when
    /// either side has no spread.
    pub discrimination: Option<f64>,
    /// How often each option was chosen (every option of the item, chosen
    /// or not, when `options` lists them).
    pub chosen: BTreeMap<String, usize>,
    pub flags: Vec<ItemFlag>,
}

/// Analyses every item of a check. `options` gives, per item, its options
/// and which are right (to find wrong options nobody picks).
pub fn analyse(
    attempts: &[AttemptItems],
    options: &BTreeMap<String, Vec<(String, bool)>>,
) -> Vec<ItemStats> {
    let mut ids: Vec<&str> = Vec::new();
    for a in attempts {
        for (id, _, _) in &a.items {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
    }
    let totals: Vec<f64> = attempts
        .iter()
        .map(|a| a.items.iter().map(|(_, c, _)| c).sum())
        .collect();
    ids.iter()
        .map(|id| {
            let mut credit = Vec::new();
            let mut rest = Vec::new();
            let mut chosen: BTreeMap<String, usize> = options
                .get(*id)
                .map(|o| o.iter().map(|(opt, _)| (opt.clone(), 0)).collect())
                .unwrap_or_default();
            for (a, total) in attempts.iter().zip(&totals) {
                if let Some((_, c, picked)) = a.items.iter().find(|(i, _, _)| i == id) {
                    credit.push(*c);
                    rest.push(total - c);
                    for p in picked {
                        *chosen.entry(p.clone()).or_default() += 1;
                    }
                }
            }
            let n = credit.len();
            let difficulty = mean(&credit);
            let discrimination = correlation(&credit, &rest);
            let mut flags = Vec::new();
            if n >= MIN_ATTEMPTS_FOR_FLAGS {
                if difficulty > 0.9 {
                    flags.push(ItemFlag::TooEasy);
                }
                if difficulty < 0.25 {
                    flags.push(ItemFlag::TooHard);
                }
                if discrimination.is_some_and(|d| d < 0.0) {
                    flags.push(ItemFlag::NegativeDiscrimination);
                }
                let unused_wrong = options.get(*id).is_some_and(|o| {
                    o.iter()
                        .any(|(opt, right)| !right && chosen.get(opt).copied().unwrap_or(0) == 0)
                });
                if unused_wrong {
                    flags.push(ItemFlag::UnusedOption);
                }
            }
            ItemStats {
                item: (*id).to_owned(),
                attempts: n,
                difficulty,
                discrimination,
                chosen,
                flags,
            }
        })
        .collect()
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// Pearson's r (the point-biserial when one side is 0/1).
fn correlation(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    if n < 2 {
        return None;
    }
    let (mx, my) = (mean(&x[..n]), mean(&y[..n]));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (dx, dy) = (x[i] - mx, y[i] - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx <= f64::EPSILON || syy <= f64::EPSILON {
        return None;
    }
    Some(sxy / (sxx.sqrt() * syy.sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` attempts of a three-item check: `strong` learners get a and b
    /// right, the others only a; item c is got right by the weak ones only.
    fn attempts(strong: usize, weak: usize) -> Vec<AttemptItems> {
        let mk = |a: f64, b: f64, c: f64, pick_c: &str| AttemptItems {
            items: vec![
                ("a".into(), a, vec!["a1".into()]),
                (
                    "b".into(),
                    b,
                    vec![if b > 0.0 { "b1" } else { "b2" }.into()],
                ),
                ("c".into(), c, vec![pick_c.into()]),
            ],
        };
        let mut v: Vec<AttemptItems> = (0..strong).map(|_| mk(1.0, 1.0, 0.0, "c2")).collect();
        v.extend((0..weak).map(|_| mk(1.0, 0.0, 1.0, "c1")));
        v
    }

    fn options() -> BTreeMap<String, Vec<(String, bool)>> {
        [
            ("a", vec![("a1", true), ("a2", false), ("a3", false)]),
            ("b", vec![("b1", true), ("b2", false)]),
            ("c", vec![("c1", true), ("c2", false)]),
        ]
        .into_iter()
        .map(|(k, v)| {
            (
                k.to_owned(),
                v.into_iter().map(|(o, r)| (o.to_owned(), r)).collect(),
            )
        })
        .collect()
    }

    #[test]
    fn difficulty_discrimination_and_choices_per_item() {
        let s = analyse(&attempts(15, 15), &options());
        let by = |id: &str| s.iter().find(|x| x.item == id).expect("item");
        assert_eq!(by("a").difficulty, 1.0);
        assert_eq!(by("a").discrimination, None, "no spread");
        assert_eq!(by("b").difficulty, 0.5);
        // b: the strong get it right and score more on the rest? The rest
        // of the strong is a only (1), of the weak a + c (2): negative.
        assert!(by("b").discrimination.is_some_and(|d| d < 0.0));
        assert_eq!(by("a").chosen.get("a2"), Some(&0));
        assert_eq!(by("b").chosen.get("b2"), Some(&15));
    }

    #[test]
    fn flags_need_enough_attempts() {
        let s = analyse(&attempts(15, 15), &options());
        let a = s.iter().find(|x| x.item == "a").expect("a");
        assert_eq!(a.flags, vec![ItemFlag::TooEasy, ItemFlag::UnusedOption]);
        let few = analyse(&attempts(3, 3), &options());
        assert!(few.iter().all(|x| x.flags.is_empty()));
    }

    #[test]
    fn a_good_item_discriminates_positively_and_is_not_flagged() {
        // Strong learners: right on b and on the rest (c); weak: wrong on both.
        let mut v = Vec::new();
        for i in 0..40 {
            let strong = i % 2 == 0;
            let c = if strong { 1.0 } else { 0.0 };
            v.push(AttemptItems {
                items: vec![
                    ("b".into(), c, vec![if strong { "b1" } else { "b2" }.into()]),
                    ("c".into(), c, vec![if strong { "c1" } else { "c2" }.into()]),
                ],
            });
        }
        let s = analyse(&v, &options());
        let b = s.iter().find(|x| x.item == "b").expect("b");
        assert!((b.discrimination.expect("spread") - 1.0).abs() < 1e-9);
        assert!(b.flags.is_empty(), "{:?}", b.flags);
    }
}
