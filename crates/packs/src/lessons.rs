//! Lessons: `lessons/<course>/<NN>-<slug>.<lang>.md`, one file per
//! language, each starting with its title.

use crate::diagnostics::{Problem, Severity};
use crate::markdown::markdown_problems;
use crate::model::Lesson;
use crate::PackFiles;
use mastery_types::{CourseId, LocalizedText};
use std::collections::{BTreeMap, BTreeSet};

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

#[cfg(test)]
mod tests {
    use crate::fixtures::{one_course_with as files, problems_with as problems};
    use crate::Pack;

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
}
