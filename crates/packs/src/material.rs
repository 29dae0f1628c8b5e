//! The rest of a course's material: coaching checklists, the
//! communication-style self-assessment, rubrics, Level 2 assignments, Level 3
//! exam blueprints, surveys and images. Each file is parsed and checked on
//! its own here; references between files are checked in [`cross_check`].

use crate::model::{
    Assignment, Checklist, ChecklistItem, CourseAssignments, Criterion, Exam, Profile, Question,
    QuestionKind, Rubric, Scale, SelfAssessment, Statement, Step, Survey, TeamSynthesis,
};
use crate::validate::{parse_toml, Ctx, Problem, Severity};
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    course: Spanned<String>,
    title: Text,
    intro: Text,
    #[serde(default)]
    items: Vec<RawChecklistItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklistItem {
    id: Spanned<String>,
    driver: Spanned<String>,
    text: Text,
}

pub(crate) fn checklists(
    files: &PackFiles,
    l: &Langs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<(Checklist, Located)> {
    each(
        files,
        "checklists",
        problems,
        |cx, stem, raw: RawChecklist| {
            named_after(cx, stem, &raw.course, "the checklist of course");
            unique(cx, raw.items.iter().map(|i| &i.id), "checklist item");
            let mut items = Vec::new();
            for it in &raw.items {
                let d = driver(cx, &it.driver);
                let text = cx.text("text", &it.text, l.langs, l.draft);
                if let Some(driver) = d {
                    items.push(ChecklistItem {
                        id: it.id.get_ref().clone(),
                        driver,
                        text,
                    });
                }
            }
            for d in Driver::ALL {
                if !raw
                    .items
                    .iter()
                    .any(|i| Driver::parse(i.driver.get_ref()) == Some(d))
                {
                    cx.error_at(
                        raw.course.span().start,
                        format!("the checklist has no item for the driver {}", d.as_str()),
                    );
                }
            }
            let c = Checklist {
                course: CourseId(raw.course.get_ref().clone()),
                title: cx.text("title", &raw.title, l.langs, l.draft),
                intro: cx.text("intro", &raw.intro, l.langs, l.draft),
                items,
            };
            Some((c, Located::at(cx, raw.course.span().start)))
        },
    )
}

/// Where a reference to another file was made, for cross-file problems.
#[derive(Clone, Debug)]
pub(crate) struct Located {
    file: String,
    line: usize,
}

impl Located {
    fn at(cx: &Ctx<'_>, offset: usize) -> Located {
        Located {
            file: cx.file.to_owned(),
            line: cx.line(offset),
        }
    }
    fn error(&self, problems: &mut Vec<Problem>, message: String) {
        self.push(problems, Severity::Error, message);
    }
    fn push(&self, problems: &mut Vec<Problem>, severity: Severity, message: String) {
        problems.push(Problem {
            severity,
            file: self.file.clone(),
            line: Some(self.line),
            message,
        });
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSelfAssessment {
    id: Spanned<String>,
    title: Text,
    intro: Text,
    scale: RawScale,
    #[serde(default)]
    profiles: Vec<RawProfile>,
    #[serde(default)]
    statements: Vec<RawStatement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    min: Spanned<i64>,
    max: Spanned<i64>,
    low: Text,
    high: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    id: Spanned<String>,
    title: Text,
    description: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatement {
    id: Spanned<String>,
    profile: Spanned<String>,
    text: Text,
}

pub(crate) fn self_assessments(
    files: &PackFiles,
    l: &Langs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<SelfAssessment> {
    each(
        files,
        "self-assessments",
        problems,
        |cx, stem, raw: RawSelfAssessment| {
            named_after(cx, stem, &raw.id, "self-assessment");
            unique(cx, raw.profiles.iter().map(|p| &p.id), "profile");
            unique(cx, raw.statements.iter().map(|s| &s.id), "statement");
            let min = ranged::<u8>(cx, &raw.scale.min, "scale.min", 0..=10);
            let max = ranged::<u8>(cx, &raw.scale.max, "scale.max", 1..=10);
            if let (Some(a), Some(b)) = (min, max) {
                if a >= b {
                    cx.error_at(
                        raw.scale.max.span().start,
                        format!("scale.max ({b}) must be greater than scale.min ({a})"),
                    );
                }
            }
            if raw.profiles.len() < 2 {
                cx.error_at(
                    raw.id.span().start,
                    "a self-assessment needs at least two profiles".into(),
                );
            }
            let mut profiles = Vec::new();
            for p in &raw.profiles {
                let count = raw
                    .statements
                    .iter()
                    .filter(|s| s.profile.get_ref() == p.id.get_ref())
                    .count();
                if count < 3 {
                    cx.error_at(
                    p.id.span().start,
                    format!(
                        "profile {:?} has {count} statement(s); it needs at least 3 to be scored fairly",
                        p.id.get_ref()
                    ),
                );
                }
                profiles.push(Profile {
                    id: p.id.get_ref().clone(),
                    title: cx.text("title", &p.title, l.langs, l.draft),
                    description: cx.text("description", &p.description, l.langs, l.draft),
                });
            }
            let mut statements = Vec::new();
            for s in &raw.statements {
                if !raw
                    .profiles
                    .iter()
                    .any(|p| p.id.get_ref() == s.profile.get_ref())
                {
                    cx.error_at(
                    s.profile.span().start,
                    format!(
                        "statement {:?} scores toward {:?}, which is not a profile of this self-assessment",
                        s.id.get_ref(),
                        s.profile.get_ref()
                    ),
                );
                }
                statements.push(Statement {
                    id: s.id.get_ref().clone(),
                    profile: s.profile.get_ref().clone(),
                    text: cx.text("text", &s.text, l.langs, l.draft),
                });
            }
            let scale = Scale {
                min: min?,
                max: max?,
                low: cx.text("scale.low", &raw.scale.low, l.langs, l.draft),
                high: cx.text("scale.high", &raw.scale.high, l.langs, l.draft),
            };
            Some(SelfAssessment {
                id: raw.id.get_ref().clone(),
                title: cx.text("title", &raw.title, l.langs, l.draft),
                intro: cx.text("intro", &raw.intro, l.langs, l.draft),
                scale,
                profiles,
                statements,
            })
        },
    )
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAssignments {
    course: Spanned<String>,
    max_attachment_mb: Spanned<i64>,
    #[serde(default)]
    assignments: Vec<RawAssignment>,
    team_synthesis: Option<RawSynthesis>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAssignment {
    id: Spanned<String>,
    rubric: Spanned<String>,
    title: Text,
    brief: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSynthesis {
    id: Spanned<String>,
    rubric: Spanned<String>,
    min_members: Spanned<i64>,
    max_members: Spanned<i64>,
    title: Text,
    brief: Text,
}

/// A rubric named somewhere, to be checked once all rubrics are known.
pub(crate) type RubricRef = (String, Located);

pub(crate) fn assignments(
    files: &PackFiles,
    l: &Langs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<(CourseAssignments, Located, Vec<RubricRef>)> {
    each(
        files,
        "assignments",
        problems,
        |cx, stem, raw: RawAssignments| {
            named_after(cx, stem, &raw.course, "the assignments of course");
            let mut ids: Vec<&Spanned<String>> = raw.assignments.iter().map(|a| &a.id).collect();
            ids.extend(raw.team_synthesis.as_ref().map(|t| &t.id));
            unique(cx, ids.into_iter(), "assignment");
            let mb = ranged::<u8>(cx, &raw.max_attachment_mb, "max_attachment_mb", 1..=50);
            if raw.assignments.is_empty() && raw.team_synthesis.is_none() {
                cx.error_at(
                    raw.course.span().start,
                    "the file has neither an assignment nor a team synthesis".into(),
                );
            }
            let mut refs = Vec::new();
            let mut list = Vec::new();
            for a in &raw.assignments {
                refs.push((
                    a.rubric.get_ref().clone(),
                    Located::at(cx, a.rubric.span().start),
                ));
                list.push(Assignment {
                    id: a.id.get_ref().clone(),
                    rubric: a.rubric.get_ref().clone(),
                    title: cx.text("title", &a.title, l.langs, l.draft),
                    brief: cx.text("brief", &a.brief, l.langs, l.draft),
                });
            }
            let mut synthesis = None;
            if let Some(t) = &raw.team_synthesis {
                refs.push((
                    t.rubric.get_ref().clone(),
                    Located::at(cx, t.rubric.span().start),
                ));
                let min = ranged::<u8>(cx, &t.min_members, "min_members", 2..=20);
                let max = ranged::<u8>(cx, &t.max_members, "max_members", 2..=20);
                if let (Some(a), Some(b)) = (min, max) {
                    if a > b {
                        cx.error_at(
                            t.max_members.span().start,
                            format!("max_members ({b}) is smaller than min_members ({a})"),
                        );
                    }
                }
                let title = cx.text("title", &t.title, l.langs, l.draft);
                let brief = cx.text("brief", &t.brief, l.langs, l.draft);
                if let (Some(min_members), Some(max_members)) = (min, max) {
                    synthesis = Some(TeamSynthesis {
                        id: t.id.get_ref().clone(),
                        rubric: t.rubric.get_ref().clone(),
                        min_members,
                        max_members,
                        title,
                        brief,
                    });
                }
            }
            let located = Located::at(cx, raw.course.span().start);
            Some((
                CourseAssignments {
                    course: CourseId(raw.course.get_ref().clone()),
                    max_attachment_mb: mb?,
                    assignments: list,
                    team_synthesis: synthesis,
                },
                located,
                refs,
            ))
        },
    )
}

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
    exam: Exam,
    at: Located,
    pool: Vec<(CourseId, Located)>,
    rubric: RubricRef,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSurvey {
    id: Spanned<String>,
    title: Text,
    intro: Text,
    #[serde(default)]
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    #[serde(default)]
    required: bool,
    driver: Option<Spanned<String>>,
    text: Text,
    #[serde(default)]
    options: Vec<RawOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    id: Spanned<String>,
    text: Text,
}

pub(crate) fn surveys(
    files: &PackFiles,
    l: &Langs<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<Survey> {
    each(files, "surveys", problems, |cx, stem, raw: RawSurvey| {
        named_after(cx, stem, &raw.id, "survey");
        unique(cx, raw.questions.iter().map(|q| &q.id), "question");
        if raw.questions.is_empty() {
            cx.error_at(raw.id.span().start, "the survey has no questions".into());
        }
        let mut questions = Vec::new();
        for q in &raw.questions {
            let qid = q.id.get_ref();
            unique(cx, q.options.iter().map(|o| &o.id), "option");
            let options: Vec<Step> = q
                .options
                .iter()
                .map(|o| Step {
                    id: o.id.get_ref().clone(),
                    text: cx.text("text", &o.text, l.langs, l.draft),
                })
                .collect();
            let takes_options = matches!(q.kind.get_ref().as_str(), "single" | "multiple");
            if takes_options && options.len() < 2 {
                cx.error_at(
                    q.id.span().start,
                    format!("question {qid:?} needs at least two options"),
                );
            }
            if !takes_options && !options.is_empty() {
                cx.error_at(
                    q.id.span().start,
                    format!(
                        "question {qid:?} is of type {:?}, which has no options",
                        q.kind.get_ref()
                    ),
                );
            }
            let kind = match q.kind.get_ref().as_str() {
                "likert" => QuestionKind::Likert,
                "recommend" => QuestionKind::Recommend,
                "single" => QuestionKind::Single { options },
                "multiple" => QuestionKind::Multiple { options },
                "text" => QuestionKind::Text,
                other => {
                    cx.error_at(
                        q.kind.span().start,
                        format!(
                            "unknown question type {other:?} (likert, recommend, single, multiple or text)"
                        ),
                    );
                    continue;
                }
            };
            let driver = q.driver.as_ref().and_then(|d| driver(cx, d));
            questions.push(Question {
                id: qid.clone(),
                required: q.required,
                driver,
                text: cx.text("text", &q.text, l.langs, l.draft),
                kind,
            });
        }
        Some(Survey {
            id: raw.id.get_ref().clone(),
            title: cx.text("title", &raw.title, l.langs, l.draft),
            intro: cx.text("intro", &raw.intro, l.langs, l.draft),
            questions,
        })
    })
}

/// The largest picture a pack may carry.
pub const MAX_IMAGE_BYTES: usize = 2 * 1024 * 1024;

/// `images/*` as `data:` URLs.
pub(crate) fn images(files: &PackFiles, problems: &mut Vec<Problem>) -> BTreeMap<String, String> {
    use base64::Engine;
    let mut out = BTreeMap::new();
    for (path, bytes) in files.0.iter().filter(|(p, _)| p.starts_with("images/")) {
        let mime = match path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()) {
            Some(e) if e == "png" => "image/png",
            Some(e) if e == "jpg" || e == "jpeg" => "image/jpeg",
            Some(e) if e == "svg" => "image/svg+xml",
            Some(e) if e == "webp" => "image/webp",
            _ => {
                problems.push(Problem {
                    severity: Severity::Error,
                    file: path.clone(),
                    line: None,
                    message: "pictures must be PNG, JPEG, SVG or WebP".into(),
                });
                continue;
            }
        };
        if bytes.len() > MAX_IMAGE_BYTES {
            problems.push(Problem {
                severity: Severity::Error,
                file: path.clone(),
                line: None,
                message: format!(
                    "the picture is {} KB; the limit is {} KB",
                    bytes.len() / 1024,
                    MAX_IMAGE_BYTES / 1024
                ),
            });
            continue;
        }
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        out.insert(path.clone(), format!("data:{mime};base64,{data}"));
    }
    out
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
        checklists: checklists(files, l, problems),
        self_assessments: self_assessments(files, l, problems),
        rubrics: rubrics(files, l, problems),
        assignments: assignments(files, l, problems),
        exams: exams(files, l, problems),
        surveys: surveys(files, l, problems),
        images: images(files, problems),
    }
}

/// Checks what one file says about another, and moves the material into
/// the pack.
pub(crate) fn cross_check(
    pack: &mut Pack,
    m: Material,
    courses: &[CourseRefs],
    problems: &mut Vec<Problem>,
) {
    let level_of = |id: &CourseId| courses.iter().find(|c| &c.id == id).map(|c| c.level);
    let rubric_ids: BTreeSet<&str> = m.rubrics.iter().map(|r| r.id.as_str()).collect();
    let check_rubric = |(id, at): &RubricRef, problems: &mut Vec<Problem>| {
        if !rubric_ids.contains(id.as_str()) {
            at.error(
                problems,
                format!("rubric {id:?} is not in rubrics/ (rubrics/{id}.toml)"),
            );
        }
    };
    for (c, at) in &m.checklists {
        match level_of(&c.course) {
            None => at.error(
                problems,
                format!("course {:?} is not a course of this pack", c.course.0),
            ),
            Some(l) if l != MasteryLevel::ALL[0] => at.push(
                problems,
                Severity::Warning,
                format!(
                    "coaching checklists belong to Level 1 courses; {} is Level {}",
                    c.course.0,
                    l.get()
                ),
            ),
            Some(_) => {}
        }
    }
    for (a, at, refs) in &m.assignments {
        if level_of(&a.course).is_none() {
            at.error(
                problems,
                format!("course {:?} is not a course of this pack", a.course.0),
            );
        }
        for r in refs {
            check_rubric(r, problems);
        }
    }
    let mut used_rubrics: BTreeSet<String> = m
        .assignments
        .iter()
        .flat_map(|(_, _, refs)| refs.iter().map(|(id, _)| id.clone()))
        .collect();
    for e in &m.exams {
        if level_of(&e.exam.course).is_none() {
            e.at.error(
                problems,
                format!("course {:?} is not a course of this pack", e.exam.course.0),
            );
        }
        check_rubric(&e.rubric, problems);
        used_rubrics.insert(e.rubric.0.clone());
        let mut pool_items = Vec::new();
        for (course, at) in &e.pool {
            match pack.quiz_of(course) {
                Some(q) => pool_items.extend(q.items.iter()),
                None if level_of(course).is_none() => at.error(
                    problems,
                    format!("pool course {:?} is not a course of this pack", course.0),
                ),
                None => at.error(
                    problems,
                    format!(
                        "pool course {:?} has no knowledge check to draw from",
                        course.0
                    ),
                ),
            }
        }
        let mut total = 0usize;
        for (d, n) in &e.exam.blueprint {
            let have = pool_items.iter().filter(|i| i.drivers.contains(d)).count();
            total += usize::from(*n);
            if have < usize::from(*n) {
                e.at.error(
                    problems,
                    format!(
                        "the blueprint asks for {n} {} item(s) but the pool has only {have}",
                        d.as_str()
                    ),
                );
            }
        }
        if !pool_items.is_empty() && total > pool_items.len() {
            e.at.error(
                problems,
                format!(
                    "the blueprint asks for {total} items but the pool has only {}",
                    pool_items.len()
                ),
            );
        }
    }
    for r in &m.rubrics {
        if !used_rubrics.contains(&r.id) {
            problems.push(Problem {
                severity: Severity::Warning,
                file: format!("rubrics/{}.toml", r.id),
                line: None,
                message: format!("rubric {:?} is not used by any assignment or exam", r.id),
            });
        }
    }
    for c in courses {
        if let Some((id, at)) = &c.survey {
            if !m.surveys.iter().any(|s| &s.id == id) {
                at.error(
                    problems,
                    format!("survey {id:?} is not in surveys/ (surveys/{id}.toml)"),
                );
            }
        }
        if let Some((id, at)) = &c.self_assessment {
            if !m.self_assessments.iter().any(|s| &s.id == id) {
                at.error(
                    problems,
                    format!("self-assessment {id:?} is not in self-assessments/ (self-assessments/{id}.toml)"),
                );
            }
        }
        let Some(course) = pack.courses.iter().find(|x| x.id == c.id) else {
            continue;
        };
        let done = course.completion;
        let needs = [
            (
                done.knowledge_check,
                pack.quiz_of(&c.id).is_some(),
                "knowledge_check",
                "a knowledge check (quizzes/)",
            ),
            (
                done.coaching,
                m.checklists.iter().any(|(x, _)| x.course == c.id),
                "coaching",
                "a coaching checklist (checklists/)",
            ),
            (
                done.self_assessment,
                course.self_assessment.is_some(),
                "self_assessment",
                "a `self_assessment`",
            ),
            (
                done.assignments,
                m.assignments
                    .iter()
                    .any(|(x, _, _)| x.course == c.id && !x.assignments.is_empty()),
                "assignments",
                "assignments (assignments/)",
            ),
            (
                done.team_synthesis,
                m.assignments
                    .iter()
                    .any(|(x, _, _)| x.course == c.id && x.team_synthesis.is_some()),
                "team_synthesis",
                "a [team_synthesis] (assignments/)",
            ),
            (
                done.validation_exam || done.observation || done.portfolio,
                m.exams.iter().any(|e| e.exam.course == c.id),
                "validation_exam/observation/portfolio",
                "an exam file (exams/)",
            ),
            (
                done.lessons,
                pack.lessons.iter().any(|l| l.course == c.id),
                "lessons",
                "lessons",
            ),
        ];
        for (required, present, rule, what) in needs {
            if required && !present {
                c.at.error(
                    problems,
                    format!(
                        "completion requires {rule} but course {} has no {what}",
                        c.id.0
                    ),
                );
            }
        }
        if course.survey.is_none() {
            c.at.push(
                problems,
                Severity::Warning,
                format!(
                    "course {} asks no post-class survey (add `survey = \"…\"`)",
                    c.id.0
                ),
            );
        }
        // Modules: each lesson of the course in exactly one module.
        if !course.modules.is_empty() {
            let lessons: Vec<&str> = pack
                .lessons
                .iter()
                .filter(|l| l.course == c.id)
                .map(|l| l.id.as_str())
                .collect();
            let mut seen = BTreeMap::new();
            for (module, lessons_at) in &c.modules {
                for (name, at) in lessons_at {
                    let lesson = format!("{}/{name}", c.id.0);
                    if !lessons.contains(&lesson.as_str()) {
                        at.error(
                            problems,
                            format!("module {module:?} lists lesson {name:?}, which is not in lessons/{}/", c.id.0),
                        );
                    } else if let Some(other) = seen.insert(lesson, module.clone()) {
                        at.error(
                            problems,
                            format!(
                                "lesson {name:?} is in module {other:?} and again in {module:?}"
                            ),
                        );
                    }
                }
            }
            for l in lessons {
                if !seen.contains_key(l) {
                    c.at.error(problems, format!("lesson {:?} is in no module", at_name(l)));
                }
            }
        }
    }
    // Pictures: every one a lesson shows must exist; unused ones are noise.
    let mut shown = BTreeSet::new();
    for lesson in &pack.lessons {
        for (lang, md) in &lesson.markdown.0 {
            for (src, line) in crate::content::image_sources(md) {
                let file = format!("lessons/{}.{lang}.md", lesson.id);
                // +1: the title line precedes the body.
                let line = Some(line + 1);
                if src.contains("://") || src.starts_with("data:") {
                    problems.push(Problem {
                        severity: Severity::Error,
                        file,
                        line,
                        message: format!("picture {src:?} is not in the pack; put it in images/ and write images/<name>"),
                    });
                } else if !m.images.contains_key(&src) {
                    problems.push(Problem {
                        severity: Severity::Error,
                        file,
                        line,
                        message: format!("picture {src:?} not found in the pack"),
                    });
                } else {
                    shown.insert(src);
                }
            }
        }
    }
    for path in m.images.keys().filter(|p| !shown.contains(*p)) {
        problems.push(Problem {
            severity: Severity::Warning,
            file: path.clone(),
            line: None,
            message: "no lesson shows this picture".into(),
        });
    }
    pack.checklists = m.checklists.into_iter().map(|(c, _)| c).collect();
    pack.self_assessments = m.self_assessments;
    pack.rubrics = m.rubrics;
    pack.assignments = m.assignments.into_iter().map(|(a, _, _)| a).collect();
    pack.exams = m.exams.into_iter().map(|e| e.exam).collect();
    pack.surveys = m.surveys;
    pack.images = m.images;
}

/// `NN-slug` of a lesson id `course/NN-slug`.
fn at_name(lesson: &str) -> &str {
    lesson.rsplit_once('/').map_or(lesson, |(_, n)| n)
}
