//! Knowledge checks: `quizzes/<course>.toml`, items of every kind with
//! their feedback, scenario graphs checked for reachability and endings.

use crate::diagnostics::{parse_toml, Ctx, Problem};
use crate::model::{Choice, ItemKind, Pair, Quiz, QuizItem, ScenarioChoice, ScenarioNode, Step};
use crate::PackFiles;
use mastery_types::{CourseId, Driver, LocalizedText};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

type Text = Spanned<BTreeMap<String, String>>;

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
    use crate::fixtures::{one_course_with as files, problems_with as problems, T};
    use crate::{ItemKind, Pack, Severity};

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
}
