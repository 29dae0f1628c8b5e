//! The rest of a course's material, one module per pack folder: coaching
//! checklists, the communication-style self-assessment, rubrics, Level 2
//! assignments, Level 3 exam blueprints, surveys and images. Each file is
//! parsed and checked on its own here; what one file says about another is
//! checked in [`crate::references`], and [`Material::into_pack`] assembles.

mod assignments;
mod checklists;
mod exams;
mod images;
mod rubrics;
mod self_assessments;
mod surveys;

pub(crate) use assignments::RubricRef;
pub(crate) use exams::ExamAt;
pub use images::MAX_IMAGE_BYTES;

use crate::diagnostics::{parse_toml, Ctx, Located, Problem};
use crate::model::{Checklist, CourseAssignments, Rubric, SelfAssessment, Survey};
use crate::{Pack, PackFiles};
use mastery_types::{CourseId, Driver, MasteryLevel};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

type Text = Spanned<BTreeMap<String, String>>;

/// What every parser here needs besides its file.
pub(crate) struct Langs<'a> {
    pub(crate) langs: &'a [String],
    pub(crate) draft: bool,
}

/// Parses every `<dir>/*.toml` as `T`, handing each to `check` with a
/// context for its file and the file's stem.
fn each<T: for<'de> Deserialize<'de>, R>(
    files: &PackFiles,
    dir: &str,
    problems: &mut Vec<Problem>,
    mut check: impl FnMut(&mut Ctx<'_>, &str, T) -> Option<R>,
) -> Vec<R> {
    let prefix = format!("{dir}/");
    let mut out = Vec::new();
    for (path, bytes) in files.0.iter().filter(|(p, _)| p.starts_with(&prefix)) {
        let Some((raw, text)) = parse_toml::<T>(path, bytes, problems) else {
            continue;
        };
        let stem = path
            .strip_prefix(&prefix)
            .and_then(|n| n.strip_suffix(".toml"))
            .unwrap_or_default()
            .to_owned();
        let mut cx = Ctx {
            file: path,
            text: &text,
            problems,
        };
        if let Some(r) = check(&mut cx, &stem, raw) {
            out.push(r);
        }
    }
    out
}

/// The file must be named after what it describes.
fn named_after(cx: &mut Ctx<'_>, stem: &str, id: &Spanned<String>, what: &str) {
    if id.get_ref() != stem {
        cx.error_at(
            id.span().start,
            format!(
                "{what} {:?} must be in a file named {:?}.toml, not {stem:?}.toml",
                id.get_ref(),
                id.get_ref()
            ),
        );
    }
}

fn unique<'a>(cx: &mut Ctx<'_>, ids: impl Iterator<Item = &'a Spanned<String>>, what: &str) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id.get_ref().as_str()) {
            cx.error_at(
                id.span().start,
                format!("{what} id {:?} is used twice", id.get_ref()),
            );
        }
    }
}

fn driver(cx: &mut Ctx<'_>, d: &Spanned<String>) -> Option<Driver> {
    let parsed = Driver::parse(d.get_ref());
    if parsed.is_none() {
        cx.error_at(
            d.span().start,
            format!(
                "unknown driver {:?} (knowledge, timeliness, fairness, outcome or extra_mile)",
                d.get_ref()
            ),
        );
    }
    parsed
}

/// An integer field within `range`, or an error naming the range.
fn ranged<T: TryFrom<i64> + Copy>(
    cx: &mut Ctx<'_>,
    v: &Spanned<i64>,
    field: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Option<T> {
    let n = *v.get_ref();
    let ok = range.contains(&n).then(|| T::try_from(n).ok()).flatten();
    if ok.is_none() {
        cx.error_at(
            v.span().start,
            format!(
                "{field} must be between {} and {}, not {n}",
                range.start(),
                range.end()
            ),
        );
    }
    ok
}

/// A course's references, as written in its file.
pub(crate) struct CourseRefs {
    pub(crate) id: CourseId,
    pub(crate) level: MasteryLevel,
    pub(crate) at: Located,
    pub(crate) survey: Option<(String, Located)>,
    pub(crate) self_assessment: Option<(String, Located)>,
    /// Module id → the lesson names it lists, each where it is written.
    pub(crate) modules: Vec<(String, Vec<(String, Located)>)>,
}

impl CourseRefs {
    pub(crate) fn at(cx: &Ctx<'_>, offset: usize) -> Located {
        Located::at(cx, offset)
    }
}

/// Everything parsed on its own, waiting for the references between files
/// to be checked.
pub(crate) struct Material {
    pub(crate) checklists: Vec<(Checklist, Located)>,
    pub(crate) self_assessments: Vec<SelfAssessment>,
    pub(crate) rubrics: Vec<Rubric>,
    pub(crate) assignments: Vec<(CourseAssignments, Located, Vec<RubricRef>)>,
    pub(crate) exams: Vec<ExamAt>,
    pub(crate) surveys: Vec<Survey>,
    pub(crate) images: BTreeMap<String, String>,
}

pub(crate) fn material(files: &PackFiles, l: &Langs<'_>, problems: &mut Vec<Problem>) -> Material {
    Material {
        checklists: checklists::checklists(files, l, problems),
        self_assessments: self_assessments::self_assessments(files, l, problems),
        rubrics: rubrics::rubrics(files, l, problems),
        assignments: assignments::assignments(files, l, problems),
        exams: exams::exams(files, l, problems),
        surveys: surveys::surveys(files, l, problems),
        images: images::images(files, problems),
    }
}

impl Material {
    /// Moves the material into the pack, once its references are checked.
    pub(crate) fn into_pack(self, pack: &mut Pack) {
        pack.checklists = self.checklists.into_iter().map(|(c, _)| c).collect();
        pack.self_assessments = self.self_assessments;
        pack.rubrics = self.rubrics;
        pack.assignments = self.assignments.into_iter().map(|(a, _, _)| a).collect();
        pack.exams = self.exams.into_iter().map(|e| e.exam).collect();
        pack.surveys = self.surveys;
        pack.images = self.images;
    }
}
