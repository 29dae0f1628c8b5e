//! `exams/<course>.toml`: a Level 3 validation exam's pool and blueprint.

use super::{driver, each, named_after, ranged, Langs, RubricRef, Text};
use crate::diagnostics::{Located, Problem};
use crate::model::Exam;
use crate::PackFiles;
use mastery_types::CourseId;
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExam {
    course: Spanned<String>,
    pass_mark: Spanned<i64>,
    time_limit_minutes: Spanned<i64>,
    #[serde(default)]
    pool: Vec<Spanned<String>>,
    observation_rubric: Spanned<String>,
    title: Text,
    instructions: Text,
    portfolio: Text,
    #[serde(default)]
    blueprint: Vec<RawBlueprint>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlueprint {
    driver: Spanned<String>,
    items: Spanned<i64>,
}

/// An exam and where its pool and blueprint are written, for the checks
/// that need the knowledge checks.
pub(crate) struct ExamAt {
    pub(crate) exam: Exam,
    pub(crate) at: Located,
    pub(crate) pool: Vec<(CourseId, Located)>,
    pub(crate) rubric: RubricRef,
}

pub(crate) fn exams(files: &PackFiles, l: &Langs<'_>, problems: &mut Vec<Problem>) -> Vec<ExamAt> {
    each(files, "exams", problems, |cx, stem, raw: RawExam| {
        named_after(cx, stem, &raw.course, "the exam of course");
        let pass_mark = ranged::<u8>(cx, &raw.pass_mark, "pass_mark", 1..=100);
        let minutes = ranged::<u16>(cx, &raw.time_limit_minutes, "time_limit_minutes", 5..=600);
        if raw.pool.is_empty() {
            cx.error_at(
                raw.course.span().start,
                "the exam's pool names no course to draw items from".into(),
            );
        }
        if raw.blueprint.is_empty() {
            cx.error_at(
                raw.course.span().start,
                "the exam has no blueprint (how many items per driver)".into(),
            );
        }
        let mut blueprint = Vec::new();
        for b in &raw.blueprint {
            let d = driver(cx, &b.driver);
            let n = ranged::<u16>(cx, &b.items, "items", 1..=200);
            if let (Some(d), Some(n)) = (d, n) {
                if blueprint.iter().any(|(x, _)| *x == d) {
                    cx.error_at(
                        b.driver.span().start,
                        format!("the blueprint names {} twice", d.as_str()),
                    );
                }
                blueprint.push((d, n));
            }
        }
        let pool: Vec<(CourseId, Located)> = raw
            .pool
            .iter()
            .map(|p| {
                (
                    CourseId(p.get_ref().clone()),
                    Located::at(cx, p.span().start),
                )
            })
            .collect();
        let exam = Exam {
            course: CourseId(raw.course.get_ref().clone()),
            title: cx.text("title", &raw.title, l.langs, l.draft),
            instructions: cx.text("instructions", &raw.instructions, l.langs, l.draft),
            portfolio: cx.text("portfolio", &raw.portfolio, l.langs, l.draft),
            pass_mark: pass_mark?,
            time_limit_minutes: minutes?,
            pool: pool.iter().map(|(c, _)| c.clone()).collect(),
            observation_rubric: raw.observation_rubric.get_ref().clone(),
            blueprint,
        };
        Some(ExamAt {
            exam,
            at: Located::at(cx, raw.course.span().start),
            pool,
            rubric: (
                raw.observation_rubric.get_ref().clone(),
                Located::at(cx, raw.observation_rubric.span().start),
            ),
        })
    })
}
