//! Lessons (Markdown pairs) and knowledge checks (TOML) of a pack: parsing,
//! validation with file and line, and the sanitized rendering of lessons.

use crate::model::{
    Choice, ItemKind, Lesson, Pair, Quiz, QuizItem, ScenarioChoice, ScenarioNode, Step,
};
use crate::validate::{parse_toml, Ctx, Problem, Severity};
use crate::PackFiles;
use mastery_types::{CourseId, Driver, LocalizedText};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

type Text = Spanned<BTreeMap<String, String>>;

/// How deeply Markdown blocks may nest (quotes in quotes, lists in
/// lists). Real lessons use three or four levels; the HTML sanitizer's
/// cost grows with the square of the depth, so deeper input is refused by
/// the validator and flattened by the renderer.
pub const MAX_NESTING: usize = 16;

/// Markdown → HTML a learner's window may show: CommonMark (plus tables and
/// strikethrough) rendered by pulldown-cmark, then cleaned by ammonia, which
/// drops scripts, event-handler attributes and `javascript:` links. Pictures
/// named `images/<name>` are replaced by the pack's `data:` URL for them
/// (`images`, from [`crate::Pack::images`]); only `data:image/…` URLs on
/// pictures survive cleaning, never on links. Relative links are dropped
/// (the app is one page: nothing inside it to link to); web links keep
/// `rel="noopener noreferrer"`, and the window opens them in the system's
/// browser after the user confirms the address, never in itself.
///
/// Bounded whatever the input: raw HTML is never passed on (a lesson is
/// Markdown; the validator warns), and blocks nested deeper than
/// [`MAX_NESTING`] are flattened into their parent, so the work is linear
/// in the size of the text.
pub fn render_markdown(markdown: &str, images: &BTreeMap<String, String>) -> String {
    use pulldown_cmark::{html, CowStr, Event, Parser, Tag};
    // For each open container: was its start kept?
    let mut open: Vec<bool> = Vec::new();
    let mut depth = 0usize;
    let parser = Parser::new_ext(markdown, options()).filter_map(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) => None,
        Event::Start(tag) => {
            let keep = depth < MAX_NESTING;
            open.push(keep);
            if !keep {
                return None;
            }
            depth += 1;
            Some(Event::Start(match tag {
                Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                } => {
                    let dest_url = match images.get(dest_url.as_ref()) {
                        Some(data) => CowStr::from(data.clone()),
                        None => dest_url,
                    };
                    Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }
                }
                other => other,
            }))
        }
        Event::End(end) => {
            if open.pop().unwrap_or(false) {
                depth -= 1;
                Some(Event::End(end))
            } else {
                None
            }
        }
        other => Some(other),
    });
    let mut raw = String::new();
    html::push_html(&mut raw, parser);
    ammonia::Builder::default()
        .add_url_schemes(&["data"])
        .url_relative(ammonia::UrlRelative::Deny)
        .attribute_filter(|element, attribute, value| {
            let is_data = value.trim_start().to_ascii_lowercase().starts_with("data:");
            match (element, attribute) {
                ("img", "src") if is_data => value
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("data:image/")
                    .then(|| value.into()),
                _ if is_data => None,
                _ => Some(value.into()),
            }
        })
        .clean(&raw)
        .to_string()
}

/// 1-based line numbers of byte offsets in a text, found by binary search
/// in the offsets of its line starts (computed once), so reporting many
/// problems stays linear.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// What the renderer would change in a Markdown text, each with its
/// 1-based line: blocks nested deeper than [`MAX_NESTING`] (an error: they
/// would be flattened) and raw HTML (a warning: it is not shown).
pub(crate) fn markdown_problems(markdown: &str) -> Vec<(Severity, String, usize)> {
    use pulldown_cmark::{Event, Parser};
    let lines = LineIndex::new(markdown);
    let mut out = Vec::new();
    let (mut depth, mut deep_reported, mut html_reported) = (0usize, false, false);
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_NESTING && !deep_reported {
                    deep_reported = true;
                    out.push((
                        Severity::Error,
                        format!("blocks are nested more than {MAX_NESTING} levels deep here (quotes or lists inside each other); flatten them"),
                        lines.line(range.start),
                    ));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(_) | Event::InlineHtml(_) if !html_reported => {
                html_reported = true;
                out.push((
                    Severity::Warning,
                    "raw HTML is not shown to learners; write it in Markdown".to_owned(),
                    lines.line(range.start),
                ));
            }
            _ => {}
        }
    }
    out
}

fn options() -> pulldown_cmark::Options {
    pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
}

/// Every picture a lesson's Markdown shows, with its 1-based line.
pub(crate) fn image_sources(markdown: &str) -> Vec<(String, usize)> {
    use pulldown_cmark::{Event, Parser, Tag};
    let lines = LineIndex::new(markdown);
    Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                Some((dest_url.to_string(), lines.line(range.start)))
            }
            _ => None,
        })
        .collect()
}

/// (course, order, slug): one lesson, whatever its language.
type LessonKey = (String, u8, String);
/// (file, title, body) of one language's file.
type LessonFile = (String, String, String);

/// Lessons from `lessons/<course>/<NN>-<slug>.<lang>.md`.
pub(crate) fn lessons(
    files: &PackFiles,
    courses: &BTreeSet<CourseId>,
    langs: &[String],
    draft: bool,
    problems: &mut Vec<Problem>,
) -> Vec<Lesson> {
    let mut found: BTreeMap<LessonKey, BTreeMap<String, LessonFile>> = BTreeMap::new();
    for (path, bytes) in files.0.iter().filter(|(p, _)| p.starts_with("lessons/")) {
        let problem = |problems: &mut Vec<Problem>, line: Option<usize>, message: String| {
            problems.push(Problem {
                severity: Severity::Error,
                file: path.clone(),
                line,
                message,
            })
        };
        let parts: Vec<&str> = path.split('/').collect();
        let Some(((number, slug), lang)) = (parts.len() == 3)
            .then(|| parts[2].strip_suffix(".md"))
            .flatten()
            .and_then(|name| name.rsplit_once('.'))
            .and_then(|(stem, lang)| stem.split_once('-').map(|ns| (ns, lang)))
        else {
            problem(
                problems,
                None,
                "a lesson file must be named lessons/<course-id>/<NN>-<slug>.<language>.md".into(),
            );
            continue;
        };
        let course = parts[1].to_owned();
        if !courses.contains(&CourseId(course.clone())) {
            problem(
                problems,
                None,
                format!("the folder {course:?} is not a course of this pack"),
            );
            continue;
        }
        let Some(order) = number.parse::<u8>().ok().filter(|n| *n >= 1) else {
            problem(
                problems,
                None,
                format!("the lesson number {number:?} must be 01, 02, …"),
            );
            continue;
        };
        if !langs.iter().any(|l| l == lang) {
            problem(
                problems,
                None,
                format!("the pack does not declare the language {lang:?}"),
            );
            continue;
        }
        let Ok(text) = std::str::from_utf8(bytes) else {
            problem(problems, None, "not UTF-8 text".into());
            continue;
        };
        let (first, body) = text.split_once('\n').unwrap_or((text, ""));
        let Some(title) = first
            .strip_prefix("# ")
            .map(str::trim)
            .filter(|t| !t.is_empty())
        else {
            problem(
                problems,
                Some(1),
                "a lesson starts with its title: a line `# Title`".into(),
            );
            continue;
        };
        if body.trim().is_empty() {
            problem(
                problems,
                Some(2),
                "the lesson has a title but no text".into(),
            );
        }
        for (severity, message, line) in markdown_problems(body) {
            problems.push(Problem {
                severity,
                file: path.clone(),
                // +1: the title line precedes the body.
                line: Some(line + 1),
                message,
            });
        }
        found
            .entry((course, order, slug.to_owned()))
            .or_default()
            .insert(
                lang.to_owned(),
                (path.clone(), title.to_owned(), body.trim_end().to_owned()),
            );
    }
    let mut orders: BTreeMap<(String, u8), String> = BTreeMap::new();
    let mut out = Vec::new();
    for ((course, order, slug), by_lang) in found {
        let any_file = by_lang
            .values()
            .next()
            .map(|v| v.0.clone())
            .unwrap_or_default();
        if let Some(other) = orders.insert((course.clone(), order), slug.clone()) {
            problems.push(Problem {
                severity: Severity::Error,
                file: any_file.clone(),
                line: None,
                message: format!("lesson number {order:02} is also used by {other:?} in {course}"),
            });
        }
        for lang in langs.iter().filter(|l| !by_lang.contains_key(*l)) {
            problems.push(Problem {
                severity: if draft { Severity::Warning } else { Severity::Error },
                file: any_file.clone(),
                line: None,
                message: format!("the lesson has no {lang} version (lessons/{course}/{order:02}-{slug}.{lang}.md)"),
            });
        }
        out.push(Lesson {
            id: format!("{course}/{order:02}-{slug}"),
            course: CourseId(course),
            order,
            title: LocalizedText(
                by_lang
                    .iter()
                    .map(|(l, v)| (l.clone(), v.1.clone()))
                    .collect(),
            ),
            markdown: LocalizedText(
                by_lang
                    .iter()
                    .map(|(l, v)| (l.clone(), v.2.clone()))
                    .collect(),
            ),
        });
    }
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuiz {
    id: Spanned<String>,
    course: Spanned<String>,
    title: Text,
    pass_mark: Spanned<i64>,
    max_attempts: Spanned<i64>,
    #[serde(default)]
    wait_minutes_between_attempts: Option<Spanned<i64>>,
    #[serde(default)]
    items: Vec<RawItem>,
}

/// Every field any item type may have; which are required depends on `type`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    #[serde(default)]
    drivers: Vec<Spanned<String>>,
    prompt: Option<Text>,
    feedback: Option<Text>,
    answer: Option<bool>,
    #[serde(default)]
    choices: Vec<RawChoice>,
    #[serde(default)]
    steps: Vec<RawStep>,
    #[serde(default)]
    pairs: Vec<RawPair>,
    situation: Option<Text>,
    start: Option<Spanned<String>>,
    #[serde(default)]
    nodes: Vec<RawNode>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    id: Spanned<String>,
    correct: bool,
    text: Text,
    feedback: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: Spanned<String>,
    text: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPair {
    id: Spanned<String>,
    left: Text,
    right: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    id: Spanned<String>,
    prompt: Text,
    #[serde(default)]
    choices: Vec<RawScenarioChoice>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenarioChoice {
    id: Spanned<String>,
    points: Spanned<i64>,
    text: Text,
    feedback: Text,
    next: Option<Spanned<String>>,
}

/// Knowledge checks from `quizzes/<course-id>.toml`.
pub(crate) fn quizzes(
    files: &PackFiles,
    courses: &BTreeSet<CourseId>,
    langs: &[String],
    draft: bool,
    problems: &mut Vec<Problem>,
) -> Vec<Quiz> {
    let mut out: Vec<Quiz> = Vec::new();
    for (path, bytes) in files.0.iter().filter(|(p, _)| p.starts_with("quizzes/")) {
        let Some((raw, text)) = parse_toml::<RawQuiz>(path, bytes, problems) else {
            continue;
        };
        let mut cx = Ctx {
            file: path,
            text: &text,
            problems,
        };
        if let Some(q) = quiz(&mut cx, raw, courses, langs, draft) {
            if out.iter().any(|o| o.id == q.id) {
                cx.error_at(0, format!("quiz id {:?} is used by another quiz", q.id));
            }
            out.push(q);
        }
    }
    out
}

fn quiz(
    cx: &mut Ctx<'_>,
    raw: RawQuiz,
    courses: &BTreeSet<CourseId>,
    langs: &[String],
    draft: bool,
) -> Option<Quiz> {
    let course = CourseId(raw.course.get_ref().clone());
    if !courses.contains(&course) {
        cx.error_at(
            raw.course.span().start,
            format!("course {:?} is not a course of this pack", course.0),
        );
    }
    let pass_mark = u8::try_from(*raw.pass_mark.get_ref())
        .ok()
        .filter(|p| (1..=100).contains(p));
    if pass_mark.is_none() {
        cx.error_at(
            raw.pass_mark.span().start,
            format!(
                "pass_mark is a percentage from 1 to 100, not {}",
                raw.pass_mark.get_ref()
            ),
        );
    }
    let max_attempts = u8::try_from(*raw.max_attempts.get_ref())
        .ok()
        .filter(|n| *n >= 1);
    if max_attempts.is_none() {
        cx.error_at(
            raw.max_attempts.span().start,
            "max_attempts must be at least 1".into(),
        );
    }
    let wait = match &raw.wait_minutes_between_attempts {
        None => Some(0),
        Some(w) => {
            let ok = u32::try_from(*w.get_ref()).ok();
            if ok.is_none() {
                cx.error_at(
                    w.span().start,
                    "wait_minutes_between_attempts cannot be negative".into(),
                );
            }
            ok
        }
    };
    let title = cx.text("title", &raw.title, langs, draft);
    if raw.items.is_empty() {
        cx.error_at(
            raw.id.span().start,
            "the knowledge check has no items".into(),
        );
    }
    let mut seen = BTreeSet::new();
    let mut items = Vec::new();
    for it in &raw.items {
        if !seen.insert(it.id.get_ref().clone()) {
            cx.error_at(
                it.id.span().start,
                format!("item id {:?} is used twice", it.id.get_ref()),
            );
        }
        if let Some(item) = item(cx, it, langs, draft) {
            items.push(item);
        }
    }
    Some(Quiz {
        id: raw.id.into_inner(),
        course,
        title,
        pass_mark: pass_mark?,
        max_attempts: max_attempts?,
        wait_minutes_between_attempts: wait?,
        items,
    })
}

fn required_text(
    cx: &mut Ctx<'_>,
    field: &str,
    t: &Option<Text>,
    at: usize,
    item: &str,
    langs: &[String],
    draft: bool,
) -> Option<LocalizedText> {
    match t {
        Some(t) => Some(cx.text(field, t, langs, draft)),
        None => {
            cx.error_at(at, format!("item {item:?} needs a `{field}`"));
            None
        }
    }
}

fn item(cx: &mut Ctx<'_>, it: &RawItem, langs: &[String], draft: bool) -> Option<QuizItem> {
    let id = it.id.get_ref().as_str();
    let at = it.id.span().start;
    let mut drivers = Vec::new();
    for d in &it.drivers {
        match Driver::parse(d.get_ref()) {
            Some(driver) => drivers.push(driver),
            None => cx.error_at(
                d.span().start,
                format!(
                    "unknown driver {:?} (knowledge, timeliness, fairness, outcome or extra_mile)",
                    d.get_ref()
                ),
            ),
        }
    }
    if it.drivers.is_empty() {
        cx.error_at(
            at,
            format!("item {id:?} does not say which of the Five Drivers it measures"),
        );
    }
    let choices = |cx: &mut Ctx<'_>| -> Vec<Choice> {
        unique_ids(cx, it.choices.iter().map(|c| &c.id), id);
        it.choices
            .iter()
            .map(|c| Choice {
                id: c.id.get_ref().clone(),
                correct: c.correct,
                text: cx.text("text", &c.text, langs, draft),
                feedback: cx.text("feedback", &c.feedback, langs, draft),
            })
            .collect()
    };
    let kind = match it.kind.get_ref().as_str() {
        t @ ("single" | "multiple") => {
            let prompt = required_text(cx, "prompt", &it.prompt, at, id, langs, draft);
            let choices = choices(cx);
            let correct = choices.iter().filter(|c| c.correct).count();
            if choices.len() < 2 {
                cx.error_at(at, format!("item {id:?} needs at least two choices"));
            }
            if correct == 0 {
                cx.error_at(at, format!("item {id:?} has no correct answer"));
            } else if t == "single" && correct > 1 {
                cx.error_at(at, format!("single-choice item {id:?} has {correct} correct answers; use type = \"multiple\""));
            } else if t == "multiple" && correct == 1 {
                cx.warn_at(at, format!("multiple-choice item {id:?} has only one correct answer; use type = \"single\""));
            }
            if t == "single" {
                ItemKind::Single {
                    prompt: prompt?,
                    choices,
                }
            } else {
                ItemKind::Multiple {
                    prompt: prompt?,
                    choices,
                }
            }
        }
        "true_false" => {
            let prompt = required_text(cx, "prompt", &it.prompt, at, id, langs, draft);
            let feedback = required_text(cx, "feedback", &it.feedback, at, id, langs, draft);
            if it.answer.is_none() {
                cx.error_at(
                    at,
                    format!(
                        "true/false item {id:?} has no correct answer (`answer = true` or `false`)"
                    ),
                );
            }
            ItemKind::TrueFalse {
                prompt: prompt?,
                answer: it.answer?,
                feedback: feedback?,
            }
        }
        "ordering" => {
            let prompt = required_text(cx, "prompt", &it.prompt, at, id, langs, draft);
            let feedback = required_text(cx, "feedback", &it.feedback, at, id, langs, draft);
            if it.steps.len() < 2 {
                cx.error_at(at, format!("ordering item {id:?} needs at least two steps"));
            }
            unique_ids(cx, it.steps.iter().map(|s| &s.id), id);
            let steps = it
                .steps
                .iter()
                .map(|s| Step {
                    id: s.id.get_ref().clone(),
                    text: cx.text("text", &s.text, langs, draft),
                })
                .collect();
            ItemKind::Ordering {
                prompt: prompt?,
                steps,
                feedback: feedback?,
            }
        }
        "matching" => {
            let prompt = required_text(cx, "prompt", &it.prompt, at, id, langs, draft);
            let feedback = required_text(cx, "feedback", &it.feedback, at, id, langs, draft);
            if it.pairs.len() < 2 {
                cx.error_at(at, format!("matching item {id:?} needs at least two pairs"));
            }
            unique_ids(cx, it.pairs.iter().map(|p| &p.id), id);
            let pairs = it
                .pairs
                .iter()
                .map(|p| Pair {
                    id: p.id.get_ref().clone(),
                    left: cx.text("left", &p.left, langs, draft),
                    right: cx.text("right", &p.right, langs, draft),
                })
                .collect();
            ItemKind::Matching {
                prompt: prompt?,
                pairs,
                feedback: feedback?,
            }
        }
        "scenario" => scenario(cx, it, langs, draft)?,
        other => {
            cx.error_at(
                it.kind.span().start,
                format!("unknown item type {other:?} (single, multiple, true_false, ordering, matching or scenario)"),
            );
            return None;
        }
    };
    Some(QuizItem {
        id: id.to_owned(),
        drivers,
        kind,
    })
}

fn unique_ids<'a>(cx: &mut Ctx<'_>, ids: impl Iterator<Item = &'a Spanned<String>>, item: &str) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id.get_ref().as_str()) {
            cx.error_at(
                id.span().start,
                format!("id {:?} is used twice in item {item:?}", id.get_ref()),
            );
        }
    }
}

fn scenario(cx: &mut Ctx<'_>, it: &RawItem, langs: &[String], draft: bool) -> Option<ItemKind> {
    let id = it.id.get_ref().as_str();
    let at = it.id.span().start;
    let situation = required_text(cx, "situation", &it.situation, at, id, langs, draft);
    unique_ids(cx, it.nodes.iter().map(|n| &n.id), id);
    let node_ids: BTreeSet<&str> = it.nodes.iter().map(|n| n.id.get_ref().as_str()).collect();
    let start = match &it.start {
        Some(s) if node_ids.contains(s.get_ref().as_str()) => Some(s.get_ref().clone()),
        Some(s) => {
            cx.error_at(
                s.span().start,
                format!(
                    "scenario {id:?} starts at {:?}, which is not one of its nodes",
                    s.get_ref()
                ),
            );
            None
        }
        None => {
            cx.error_at(
                at,
                format!("scenario {id:?} needs `start`, the id of its first node"),
            );
            None
        }
    };
    let mut nodes = Vec::new();
    for n in &it.nodes {
        if n.choices.len() < 2 {
            cx.error_at(
                n.id.span().start,
                format!(
                    "scenario node {:?} needs at least two choices",
                    n.id.get_ref()
                ),
            );
        }
        unique_ids(cx, n.choices.iter().map(|c| &c.id), id);
        let mut choices = Vec::new();
        for c in &n.choices {
            let points = u8::try_from(*c.points.get_ref()).ok().filter(|p| *p <= 2);
            if points.is_none() {
                cx.error_at(
                    c.points.span().start,
                    format!("points must be 0, 1 or 2, not {}", c.points.get_ref()),
                );
            }
            if let Some(next) = &c.next {
                if !node_ids.contains(next.get_ref().as_str()) {
                    cx.error_at(
                        next.span().start,
                        format!(
                            "choice leads to {:?}, which is not a node of scenario {id:?}",
                            next.get_ref()
                        ),
                    );
                }
            }
            choices.push(ScenarioChoice {
                id: c.id.get_ref().clone(),
                points: points.unwrap_or(0),
                text: cx.text("text", &c.text, langs, draft),
                feedback: cx.text("feedback", &c.feedback, langs, draft),
                next: c.next.as_ref().map(|n| n.get_ref().clone()),
            });
        }
        if !choices.is_empty() && !choices.iter().any(|c| c.points == 2) {
            cx.warn_at(
                n.id.span().start,
                format!(
                    "scenario node {:?} has no best (2-point) choice",
                    n.id.get_ref()
                ),
            );
        }
        nodes.push(ScenarioNode {
            id: n.id.get_ref().clone(),
            prompt: cx.text("prompt", &n.prompt, langs, draft),
            choices,
        });
    }
    if let Some(start) = &start {
        check_paths(cx, it, start, &nodes);
    }
    Some(ItemKind::Scenario {
        situation: situation?,
        start: start?,
        nodes,
    })
}

/// Every node is reachable from the start, and no path comes back on itself
/// (a learner must always reach an end).
fn check_paths(cx: &mut Ctx<'_>, it: &RawItem, start: &str, nodes: &[ScenarioNode]) {
    let next_of = |id: &str| -> Vec<&str> {
        nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.choices.iter().filter_map(|c| c.next.as_deref()).collect())
            .unwrap_or_default()
    };
    let mut reached = BTreeSet::new();
    let mut stack = vec![(start, vec![start])];
    while let Some((id, path)) = stack.pop() {
        reached.insert(id);
        for next in next_of(id) {
            if path.contains(&next) {
                let at = it
                    .nodes
                    .iter()
                    .find(|n| n.id.get_ref() == id)
                    .map_or(0, |n| n.id.span().start);
                cx.error_at(
                    at,
                    format!(
                        "scenario {:?} loops: {} → {next}",
                        it.id.get_ref(),
                        path.join(" → ")
                    ),
                );
                return;
            }
            let mut p = path.clone();
            p.push(next);
            stack.push((next, p));
        }
    }
    for n in &it.nodes {
        if !reached.contains(n.id.get_ref().as_str()) {
            cx.warn_at(
                n.id.span().start,
                format!(
                    "scenario node {:?} cannot be reached from the start",
                    n.id.get_ref()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{ItemKind, Pack, PackFiles, Severity};
    use std::collections::BTreeMap;

    use crate::fixtures::MANIFEST;
    const COURSE: &str = "id = \"c1\"\ntrack = \"clients\"\nlevel = 1\nestimated_hours = 10\ntitle = { en = \"E\", fr = \"F\" }\nsummary = { en = \"E\", fr = \"F\" }\n";

    fn files(extra: &[(&str, &str)]) -> PackFiles {
        let mut f = BTreeMap::new();
        f.insert("pack.toml".to_owned(), MANIFEST.as_bytes().to_vec());
        f.insert(
            "courses/c1.toml".to_owned(),
            format!("{COURSE}{}", crate::fixtures::COURSE_TAIL).into_bytes(),
        );
        let (path, survey) = crate::fixtures::SURVEY;
        f.insert(path.to_owned(), survey.as_bytes().to_vec());
        for (p, b) in extra {
            f.insert((*p).to_owned(), b.as_bytes().to_vec());
        }
        PackFiles(f)
    }

    fn problems(extra: &[(&str, &str)]) -> Vec<String> {
        crate::fixtures::without_no_rule(Pack::lint(&files(extra)).1)
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    const T: &str = "{ en = \"x\", fr = \"y\" }";

    fn quiz(items: &str) -> String {
        format!(
            "id = \"q\"\ncourse = \"c1\"\npass_mark = 80\nmax_attempts = 3\ntitle = {T}\n{items}"
        )
    }

    fn single(correct: [bool; 2]) -> String {
        format!(
            "[[items]]\nid = \"i1\"\ntype = \"single\"\ndrivers = [\"knowledge\"]\nprompt = {T}\n  [[items.choices]]\n  id = \"a\"\n  correct = {}\n  text = {T}\n  feedback = {T}\n  [[items.choices]]\n  id = \"b\"\n  correct = {}\n  text = {T}\n  feedback = {T}\n",
            correct[0], correct[1]
        )
    }

    #[test]
    fn lessons_pair_up_and_render_sanitized() {
        let (pack, problems) = Pack::lint(&files(&[
            (
                "lessons/c1/01-first.en.md",
                "# First contact\n\nHello **there**.\n",
            ),
            (
                "lessons/c1/01-first.fr.md",
                "# Premier contact\n\nBonjour.\n",
            ),
        ]));
        assert_eq!(crate::fixtures::without_no_rule(problems), vec![]);
        let pack = pack.expect("pack");
        assert_eq!(pack.lessons.len(), 1);
        let l = &pack.lessons[0];
        assert_eq!((l.id.as_str(), l.order), ("c1/01-first", 1));
        assert_eq!(l.title.get("fr"), "Premier contact");
        assert_eq!(
            crate::render_markdown(l.markdown.get("en"), &Default::default()),
            "<p>Hello <strong>there</strong>.</p>\n"
        );
    }

    #[test]
    fn lesson_rules() {
        let m = problems(&[
            ("lessons/c1/01-a.en.md", "# A\n\ntext\n"),
            ("lessons/c1/01-b.en.md", "# B\n\ntext\n"),
            ("lessons/c1/01-b.fr.md", "# B\n\ntext\n"),
            ("lessons/c1/02-c.en.md", "no title\n"),
            ("lessons/zz/01-d.en.md", "# D\n\ntext\n"),
            ("lessons/c1/x-e.en.md", "# E\n\ntext\n"),
        ]);
        let has = |s: &str| m.iter().any(|p| p.contains(s));
        assert!(
            has("lessons/c1/01-a.en.md: error: the lesson has no fr version"),
            "{m:#?}"
        );
        assert!(has("lesson number 01 is also used by"), "{m:#?}");
        assert!(
            has("lessons/c1/02-c.en.md:1: error: a lesson starts with its title"),
            "{m:#?}"
        );
        assert!(
            has("lessons/zz/01-d.en.md: error: the folder \"zz\" is not a course"),
            "{m:#?}"
        );
        assert!(
            has("lessons/c1/x-e.en.md: error: the lesson number \"x\""),
            "{m:#?}"
        );
    }

    #[test]
    fn sanitizing_removes_scripts_handlers_and_javascript_links() {
        let html = crate::render_markdown(
            "Hi<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">x</a> <b onclick=\"alert(5)\">b</b>",
            &Default::default(),
        );
        for bad in ["<script", "<img", "onerror", "javascript:", "onclick", "<b"] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
        // Raw HTML is not shown at all (the validator warns): what was
        // between its tags is plain, escaped text.
        assert!(html.contains("Hialert(1)"), "{html}");
    }

    #[test]
    fn a_valid_quiz_parses() {
        let (pack, problems) = Pack::lint(&files(&[(
            "quizzes/c1.toml",
            &quiz(&single([true, false])),
        )]));
        assert_eq!(crate::fixtures::without_no_rule(problems), vec![]);
        let q = &pack.expect("pack").quizzes[0];
        assert_eq!((q.pass_mark, q.max_attempts, q.items.len()), (80, 3, 1));
        assert!(matches!(q.items[0].kind, ItemKind::Single { .. }));
    }

    #[test]
    fn quiz_rules_each_have_a_failing_case() {
        let cases: Vec<(String, &str)> = vec![
            (quiz(&single([false, false])), "item \"i1\" has no correct answer"),
            (quiz(&single([true, true])), "single-choice item \"i1\" has 2 correct answers"),
            (quiz(&single([true, false])).replace("pass_mark = 80", "pass_mark = 120"), "pass_mark is a percentage from 1 to 100, not 120"),
            (quiz(&single([true, false])).replace("max_attempts = 3", "max_attempts = 0"), "max_attempts must be at least 1"),
            (quiz(&single([true, false])).replace("[\"knowledge\"]", "[\"speed\"]"), "unknown driver \"speed\""),
            (quiz(&single([true, false])).replace("drivers = [\"knowledge\"]\n", ""), "does not say which of the Five Drivers"),
            (quiz(&single([true, false])).replace("course = \"c1\"", "course = \"c9\""), "course \"c9\" is not a course of this pack"),
            (quiz(&single([true, false])).replace("type = \"single\"", "type = \"essay\""), "unknown item type \"essay\""),
            (quiz(&single([true, false])).replace("id = \"b\"", "id = \"a\""), "id \"a\" is used twice in item \"i1\""),
            (quiz(&format!("{}{}", single([true, false]), single([true, false]))), "item id \"i1\" is used twice"),
            (quiz(&single([true, false])).replacen(T, "{ en = \"x\", fr = \"\" }", 2), "`prompt` has no fr text"),
            (quiz(&format!("[[items]]\nid = \"t\"\ntype = \"true_false\"\ndrivers = [\"fairness\"]\nprompt = {T}\nfeedback = {T}\n")), "has no correct answer (`answer = true` or `false`)"),
            (quiz(&format!("[[items]]\nid = \"o\"\ntype = \"ordering\"\ndrivers = [\"outcome\"]\nprompt = {T}\nfeedback = {T}\n  [[items.steps]]\n  id = \"s1\"\n  text = {T}\n")), "ordering item \"o\" needs at least two steps"),
            (quiz(&format!("[[items]]\nid = \"m\"\ntype = \"matching\"\ndrivers = [\"outcome\"]\nprompt = {T}\n")), "item \"m\" needs a `feedback`"),
        ];
        for (text, needle) in cases {
            let m = problems(&[("quizzes/c1.toml", &text)]);
            assert!(
                m.iter()
                    .any(|p| p.starts_with("quizzes/c1.toml") && p.contains(needle)),
                "expected {needle:?} in {m:#?}"
            );
        }
    }

    fn scenario(n1_next: &str, extra_node: bool, start: &str) -> String {
        let mut s = format!(
            "[[items]]\nid = \"s\"\ntype = \"scenario\"\ndrivers = [\"extra_mile\"]\nsituation = {T}\nstart = \"{start}\"\n  [[items.nodes]]\n  id = \"n1\"\n  prompt = {T}\n    [[items.nodes.choices]]\n    id = \"a\"\n    points = 2\n    text = {T}\n    feedback = {T}\n    next = \"{n1_next}\"\n    [[items.nodes.choices]]\n    id = \"b\"\n    points = 0\n    text = {T}\n    feedback = {T}\n"
        );
        if extra_node {
            s.push_str(&format!("  [[items.nodes]]\n  id = \"n2\"\n  prompt = {T}\n    [[items.nodes.choices]]\n    id = \"a\"\n    points = 2\n    text = {T}\n    feedback = {T}\n    next = \"n1\"\n    [[items.nodes.choices]]\n    id = \"b\"\n    points = 1\n    text = {T}\n    feedback = {T}\n"));
        }
        quiz(&s)
    }

    #[test]
    fn scenario_rules() {
        let m = problems(&[("quizzes/c1.toml", &scenario("n3", false, "n1"))]);
        assert!(
            m.iter()
                .any(|p| p.contains("choice leads to \"n3\", which is not a node")),
            "{m:#?}"
        );
        let m = problems(&[("quizzes/c1.toml", &scenario("n2", true, "n1"))]);
        assert!(
            m.iter()
                .any(|p| p.contains("scenario \"s\" loops: n1 → n2 → n1")),
            "{m:#?}"
        );
        let m = problems(&[("quizzes/c1.toml", &scenario("n2", false, "n9"))]);
        assert!(m.iter().any(|p| p.contains("starts at \"n9\"")), "{m:#?}");
        let bad_points = scenario("n2", false, "n1").replace("points = 2", "points = 5");
        let m = problems(&[("quizzes/c1.toml", &bad_points)]);
        assert!(
            m.iter()
                .any(|p| p.contains("points must be 0, 1 or 2, not 5")),
            "{m:#?}"
        );
        // n2 exists but nothing leads to it: a warning, not an error.
        let unreachable = scenario("n2", true, "n1").replace("next = \"n1\"", "");
        let unreachable = unreachable.replacen("next = \"n2\"", "", 1);
        let (_, p) = Pack::lint(&files(&[("quizzes/c1.toml", &unreachable)]));
        assert!(p.iter().any(|p| p.severity == Severity::Warning && p.message.contains("cannot be reached")), "{p:#?}");
    }

    #[test]
    fn the_shipped_content_is_complete() {
        let pack = crate::shipped().expect("shipped pack is valid");
        assert_eq!(pack.lessons.len(), 48, "4 lessons for each of 12 courses");
        assert_eq!(pack.quizzes.len(), 12);
        for c in &pack.courses {
            let lessons = pack.lessons.iter().filter(|l| l.course == c.id).count();
            assert!(lessons >= 4, "{} has {lessons} lessons", c.id);
            let quiz = pack
                .quizzes
                .iter()
                .find(|q| q.course == c.id)
                .expect("a quiz per course");
            assert!(
                quiz.items.len() >= 10,
                "{} has {} items",
                c.id,
                quiz.items.len()
            );
            assert!(c.survey.is_some(), "{} asks no survey", c.id);
            assert_eq!(
                c.modules.iter().map(|m| m.lessons.len()).sum::<usize>(),
                lessons
            );
            let done = c.completion;
            assert!(done.lessons && done.knowledge_check, "{}", c.id);
            match c.level.get() {
                1 => {
                    assert!(done.coaching && done.self_assessment, "{}", c.id);
                    assert!(pack.checklist_of(&c.id).is_some_and(|k| k.items.len() >= 5));
                    assert!(c.self_assessment.is_some());
                }
                2 => {
                    assert!(done.assignments && done.team_synthesis, "{}", c.id);
                    let a = pack.assignments_of(&c.id).expect("assignments");
                    assert!(!a.assignments.is_empty() && a.team_synthesis.is_some());
                }
                _ => {
                    assert!(done.validation_exam && done.observation && done.portfolio);
                    let e = pack.exam_of(&c.id).expect("exam");
                    let rubric = pack.rubric(&e.observation_rubric).expect("rubric");
                    assert_eq!(rubric.criteria.len(), 5, "one criterion per driver");
                }
            }
        }
        assert!(
            pack.images.len() >= 2,
            "the Five Drivers picture in EN and FR"
        );
        for l in &pack.lessons {
            for lang in ["en", "fr"] {
                let html = crate::render_markdown(l.markdown.get(lang), &pack.images);
                assert!(html.len() > 2000, "{} {lang} is short", l.id);
            }
        }
    }
}
