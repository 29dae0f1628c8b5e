//! `rubrics/<id>.toml`: criteria, levels and the pass rule of an assessment.

use super::{driver, each, named_after, ranged, unique, Langs, Text};
use crate::diagnostics::Problem;
use crate::model::{Criterion, Rubric};
use crate::PackFiles;
use mastery_types::Driver;
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRubric {
    id: Spanned<String>,
    title: Text,
    pass: RawPass,
    #[serde(default)]
    criteria: Vec<RawCriterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPass {
    min_total_percent: Spanned<i64>,
    min_each: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    id: Spanned<String>,
    #[serde(default)]
    drivers: Vec<Spanned<String>>,
    title: Text,
    #[serde(default)]
    levels: Vec<RawLevel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevel {
    score: Spanned<i64>,
    descriptor: Text,
}

pub(crate) fn rubrics(
    files: &PackFiles,
    l: &Langs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<Rubric> {
    each(files, "rubrics", problems, |cx, stem, raw: RawRubric| {
        named_after(cx, stem, &raw.id, "rubric");
        unique(cx, raw.criteria.iter().map(|c| &c.id), "criterion");
        let pct = ranged::<u8>(
            cx,
            &raw.pass.min_total_percent,
            "pass.min_total_percent",
            1..=100,
        );
        let min_each = ranged::<u8>(cx, &raw.pass.min_each, "pass.min_each", 0..=10);
        if raw.criteria.is_empty() {
            cx.error_at(raw.id.span().start, "the rubric has no criteria".into());
        }
        let mut criteria = Vec::new();
        for c in &raw.criteria {
            let cid = c.id.get_ref();
            if c.drivers.is_empty() {
                cx.error_at(
                    c.id.span().start,
                    format!("criterion {cid:?} does not say which of the Five Drivers it assesses"),
                );
            }
            let drivers: Vec<Driver> = c.drivers.iter().filter_map(|d| driver(cx, d)).collect();
            if c.levels.len() < 2 {
                cx.error_at(
                    c.id.span().start,
                    format!("criterion {cid:?} needs at least two levels"),
                );
            }
            let mut levels = Vec::new();
            for (i, level) in c.levels.iter().enumerate() {
                if *level.score.get_ref() != i as i64 + 1 {
                    cx.error_at(
                        level.score.span().start,
                        format!(
                            "criterion {cid:?}: levels must be scored 1, 2, 3… in order; this one should be {}, not {}",
                            i + 1,
                            level.score.get_ref()
                        ),
                    );
                }
                levels.push(cx.text("descriptor", &level.descriptor, l.langs, l.draft));
            }
            if let Some(m) = min_each {
                if usize::from(m) > c.levels.len() && c.levels.len() >= 2 {
                    cx.error_at(
                        raw.pass.min_each.span().start,
                        format!(
                            "pass.min_each is {m} but criterion {cid:?} only goes up to {}",
                            c.levels.len()
                        ),
                    );
                }
            }
            criteria.push(Criterion {
                id: cid.clone(),
                drivers,
                title: cx.text("title", &c.title, l.langs, l.draft),
                levels,
            });
        }
        Some(Rubric {
            id: raw.id.get_ref().clone(),
            title: cx.text("title", &raw.title, l.langs, l.draft),
            min_total_percent: pct?,
            min_each: min_each?,
            criteria,
        })
    })
}
