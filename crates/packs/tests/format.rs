//! The example pack in `docs/example-pack` is complete and clean; each test
//! here breaks it in one way and checks that the validator names the
//! problem, its file and its line.

use mastery_packs::{Pack, PackFiles, Severity};
use std::path::PathBuf;

fn example() -> PackFiles {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/example-pack");
    PackFiles::read_dir(&root).expect("the example pack is readable")
}

/// The example with `from` replaced by `to` in `file` (`to` = None removes
/// the file); every problem as `file:line: severity: message`.
fn lint_with(edits: &[(&str, &str, Option<&str>)]) -> Vec<String> {
    let mut files = example();
    for (file, from, to) in edits {
        match to {
            None => {
                assert!(files.0.remove(*file).is_some(), "no file {file}");
            }
            Some(to) => {
                let bytes = files
                    .0
                    .get_mut(*file)
                    .unwrap_or_else(|| panic!("no file {file}"));
                let text = String::from_utf8(bytes.clone()).expect("utf-8");
                assert!(text.contains(from), "{file} has no {from:?}");
                *bytes = text.replacen(from, to, 1).into_bytes();
            }
        }
    }
    Pack::lint(&files).1.iter().map(|p| p.to_string()).collect()
}

fn assert_reports(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p.contains(expected)),
        "expected a problem containing {expected:?}, got {problems:#?}"
    );
}

#[test]
fn the_example_pack_is_clean_and_complete() {
    let (pack, problems) = Pack::lint(&example());
    assert!(problems.is_empty(), "{problems:#?}");
    let pack = pack.expect("parsed");
    assert_eq!(pack.courses.len(), 3);
    assert_eq!(pack.checklists.len(), 1);
    assert_eq!(pack.self_assessments[0].statements.len(), 6);
    assert_eq!(pack.rubrics.len(), 2);
    assert_eq!(pack.assignments[0].assignments.len(), 1);
    assert!(pack.assignments[0].team_synthesis.is_some());
    assert_eq!(pack.exams[0].blueprint.len(), 2);
    assert_eq!(pack.surveys[0].questions.len(), 5);
    assert_eq!(
        pack.courses[0].modules[0].lessons,
        ["counter-l1/01-greeting"]
    );
    assert!(pack.courses[0].completion.coaching);
    assert!(pack.images["images/counter.svg"].starts_with("data:image/svg+xml;base64,"));
}

#[test]
fn checklist_rules() {
    let p = lint_with(&[(
        "checklists/counter-l1.toml",
        "driver = \"outcome\"",
        Some("driver = \"timeliness\""),
    )]);
    assert_reports(
        &p,
        "checklists/counter-l1.toml:1: error: the checklist has no item for the driver outcome",
    );
    let p = lint_with(&[(
        "checklists/counter-l1.toml",
        "driver = \"outcome\"",
        Some("driver = \"speed\""),
    )]);
    assert_reports(
        &p,
        "checklists/counter-l1.toml:18: error: unknown driver \"speed\"",
    );
    let p = lint_with(&[(
        "checklists/counter-l1.toml",
        "id = \"t1\"",
        Some("id = \"k1\""),
    )]);
    assert_reports(&p, "error: checklist item id \"k1\" is used twice");
    let p = lint_with(&[(
        "checklists/counter-l1.toml",
        "course = \"counter-l1\"",
        Some("course = \"counter-l9\""),
    )]);
    assert_reports(&p, "must be in a file named \"counter-l9\".toml");
    assert_reports(&p, "course \"counter-l9\" is not a course of this pack");
}

#[test]
fn a_checklist_outside_level_1_is_a_warning() {
    let mut files = example();
    let l1 = files.0["checklists/counter-l1.toml"].clone();
    let text = String::from_utf8(l1)
        .expect("utf-8")
        .replace("counter-l1", "counter-l2");
    files
        .0
        .insert("checklists/counter-l2.toml".into(), text.into_bytes());
    let (_, problems) = Pack::lint(&files);
    let p = problems
        .iter()
        .find(|p| p.file == "checklists/counter-l2.toml")
        .expect("a problem");
    assert_eq!(p.severity, Severity::Warning);
    assert!(
        p.message
            .contains("belong to Level 1 courses; counter-l2 is Level 2"),
        "{p}"
    );
}

#[test]
fn self_assessment_rules() {
    let f = "self-assessments/style.toml";
    let p = lint_with(&[(
        f,
        "profile = \"direct\"\ntext = { en = \"I keep",
        Some("profile = \"warm\"\ntext = { en = \"I keep"),
    )]);
    assert_reports(
        &p,
        "profile \"direct\" has 2 statement(s); it needs at least 3",
    );
    let p = lint_with(&[(f, "profile = \"warm\"", Some("profile = \"calm\""))]);
    assert_reports(&p, "scores toward \"calm\", which is not a profile");
    let p = lint_with(&[(f, "min = 1, max = 5", Some("min = 5, max = 5"))]);
    assert_reports(
        &p,
        "self-assessments/style.toml:4: error: scale.max (5) must be greater than scale.min (5)",
    );
    let p = lint_with(&[(f, "id = \"s2\"", Some("id = \"s1\""))]);
    assert_reports(&p, "statement id \"s1\" is used twice");
    let p = lint_with(&[(
        "courses/counter-l1.toml",
        "self_assessment = \"style\"",
        Some("self_assessment = \"styles\""),
    )]);
    assert_reports(
        &p,
        "courses/counter-l1.toml:7: error: self-assessment \"styles\" is not in self-assessments/",
    );
}

#[test]
fn rubric_rules() {
    let f = "rubrics/written.toml";
    let p = lint_with(&[(f, "score = 2", Some("score = 3"))]);
    assert_reports(&p, "rubrics/written.toml:12: error: criterion \"clarity\": levels must be scored 1, 2, 3… in order; this one should be 2, not 3");
    let p = lint_with(&[(f, "min_each = 2", Some("min_each = 4"))]);
    assert_reports(
        &p,
        "pass.min_each is 4 but criterion \"clarity\" only goes up to 3",
    );
    let p = lint_with(&[(f, "min_total_percent = 70", Some("min_total_percent = 170"))]);
    assert_reports(
        &p,
        "pass.min_total_percent must be between 1 and 100, not 170",
    );
    let p = lint_with(&[(f, "drivers = [\"outcome\"]", Some("drivers = []"))]);
    assert_reports(
        &p,
        "criterion \"clarity\" does not say which of the Five Drivers it assesses",
    );
    let p = lint_with(&[(
        "assignments/counter-l2.toml",
        "rubric = \"written\"",
        Some("rubric = \"writen\""),
    )]);
    assert_reports(
        &p,
        "assignments/counter-l2.toml:5: error: rubric \"writen\" is not in rubrics/",
    );
    let p = lint_with(&[(
        "exams/counter-l3.toml",
        "observation_rubric = \"observation\"",
        Some("observation_rubric = \"written\""),
    )]);
    assert!(
        p.iter().any(|x| x == "rubrics/observation.toml: warning: rubric \"observation\" is not used by any assignment or exam"),
        "{p:#?}"
    );
}

#[test]
fn assignment_rules() {
    let f = "assignments/counter-l2.toml";
    let p = lint_with(&[(f, "max_members = 5", Some("max_members = 2"))]);
    assert_reports(&p, "max_members (2) is smaller than min_members (3)");
    let p = lint_with(&[(f, "max_attachment_mb = 5", Some("max_attachment_mb = 0"))]);
    assert_reports(
        &p,
        "assignments/counter-l2.toml:2: error: max_attachment_mb must be between 1 and 50, not 0",
    );
    let p = lint_with(&[(f, "id = \"synthesis\"", Some("id = \"letter\""))]);
    assert_reports(&p, "assignment id \"letter\" is used twice");
    let p = lint_with(&[(f, "", None)]);
    assert_reports(&p, "courses/counter-l2.toml:1: error: completion requires assignments but course counter-l2 has no assignments");
    assert_reports(&p, "completion requires team_synthesis");
}

#[test]
fn exam_rules() {
    let f = "exams/counter-l3.toml";
    let p = lint_with(&[(
        f,
        "items = 2\n[[blueprint]]\ndriver = \"fairness\"\nitems = 2",
        Some("items = 2\n[[blueprint]]\ndriver = \"fairness\"\nitems = 4"),
    )]);
    assert_reports(&p, "exams/counter-l3.toml:1: error: the blueprint asks for 4 fairness item(s) but the pool has only 3");
    let p = lint_with(&[(
        f,
        "\"counter-l2\", \"counter-l3\"]",
        Some("\"counter-l4\"]"),
    )]);
    assert_reports(
        &p,
        "exams/counter-l3.toml:4: error: pool course \"counter-l4\" is not a course of this pack",
    );
    let p = lint_with(&[("quizzes/counter-l2.toml", "", None)]);
    assert_reports(
        &p,
        "pool course \"counter-l2\" has no knowledge check to draw from",
    );
    let p = lint_with(&[(f, "driver = \"fairness\"", Some("driver = \"knowledge\""))]);
    assert_reports(&p, "the blueprint names knowledge twice");
    let p = lint_with(&[(f, "time_limit_minutes = 30", Some("time_limit_minutes = 0"))]);
    assert_reports(&p, "time_limit_minutes must be between 5 and 600, not 0");
    let p = lint_with(&[(f, "", None)]);
    assert_reports(&p, "completion requires validation_exam/observation/portfolio but course counter-l3 has no an exam file");
}

#[test]
fn survey_rules() {
    let f = "surveys/after-class.toml";
    let p = lint_with(&[(f, "type = \"likert\"", Some("type = \"stars\""))]);
    assert_reports(
        &p,
        "surveys/after-class.toml:6: error: unknown question type \"stars\"",
    );
    let p = lint_with(&[(f, "What should change in the next version?\", fr = \"Que faudrait-il changer dans la prochaine version?\" }", Some("What should change in the next version?\", fr = \"Que faudrait-il changer dans la prochaine version?\" }\n  [[questions.options]]\n  id = \"x\"\n  text = { en = \"X\", fr = \"X\" }"))]);
    assert_reports(
        &p,
        "question \"change\" is of type \"text\", which has no options",
    );
    let p = lint_with(&[(
        f,
        "  [[questions.options]]\n  id = \"right\"",
        Some("  [[questions.nothing]]\n  id = \"right\""),
    )]);
    assert!(
        p.iter().any(|x| x.starts_with("surveys/after-class.toml:")),
        "{p:#?}"
    );
    let p = lint_with(&[(f, "id = \"pace\"", Some("id = \"useful\""))]);
    assert_reports(&p, "question id \"useful\" is used twice");
    let p = lint_with(&[(
        "courses/counter-l2.toml",
        "survey = \"after-class\"",
        Some("survey = \"after\""),
    )]);
    assert_reports(
        &p,
        "courses/counter-l2.toml:6: error: survey \"after\" is not in surveys/",
    );
    let p = lint_with(&[(
        "courses/counter-l2.toml",
        "survey = \"after-class\"\n",
        Some(""),
    )]);
    assert_reports(
        &p,
        "courses/counter-l2.toml:1: warning: course counter-l2 asks no post-class survey",
    );
}

#[test]
fn completion_and_module_rules() {
    let p = lint_with(&[("checklists/counter-l1.toml", "", None)]);
    assert_reports(&p, "courses/counter-l1.toml:1: error: completion requires coaching but course counter-l1 has no a coaching checklist");
    let p = lint_with(&[(
        "courses/counter-l1.toml",
        "lessons = [\"01-greeting\"]",
        Some("lessons = [\"01-greeting\", \"02-farewell\"]"),
    )]);
    assert_reports(&p, "courses/counter-l1.toml:20: error: module \"greeting\" lists lesson \"02-farewell\", which is not in lessons/counter-l1/");
    let p = lint_with(&[(
        "courses/counter-l1.toml",
        "lessons = [\"01-greeting\"]",
        Some("lessons = [\"01-greeting\", \"01-greeting\"]"),
    )]);
    assert_reports(
        &p,
        "lesson \"01-greeting\" is in module \"greeting\" and again in \"greeting\"",
    );
    let p = lint_with(&[(
        "courses/counter-l1.toml",
        "lessons = [\"01-greeting\"]",
        Some("lessons = [\"01-greeting\"]\n[[modules]]\nid = \"greeting\"\ntitle = { en = \"x\", fr = \"x\" }\nlessons = []"),
    )]);
    assert_reports(&p, "module id \"greeting\" is used twice");
    assert_reports(&p, "module \"greeting\" lists no lesson");
    let p = lint_with(&[(
        "courses/counter-l1.toml",
        "[[modules]]\nid = \"greeting\"\ntitle = { en = \"Greeting\", fr = \"L'accueil\" }\nlessons = [\"01-greeting\"]",
        Some("[[modules]]\nid = \"greeting\"\ntitle = { en = \"Greeting\", fr = \"L'accueil\" }\nlessons = [\"01-other\"]"),
    )]);
    assert_reports(
        &p,
        "courses/counter-l1.toml:1: error: lesson \"01-greeting\" is in no module",
    );
    let p = lint_with(&[(
        "courses/counter-l1.toml",
        "[completion]\nlessons = true\nknowledge_check = true\ncoaching = true\nself_assessment = true\n",
        Some(""),
    )]);
    assert_reports(
        &p,
        "courses/counter-l1.toml:1: warning: the course has no [completion] rule",
    );
    let p = lint_with(&[(
        "courses/counter-l1.toml",
        "coaching = true",
        Some("coaching = true\nhomework = true"),
    )]);
    assert_reports(&p, "courses/counter-l1.toml:");
    assert_reports(&p, "unknown field `homework`");
}

#[test]
fn image_rules() {
    let en = "lessons/counter-l1/01-greeting.en.md";
    let p = lint_with(&[(en, "images/counter.svg", Some("images/counter.png"))]);
    assert_reports(&p, "lessons/counter-l1/01-greeting.en.md:5: error: picture \"images/counter.png\" not found in the pack");
    let p = lint_with(&[(en, "images/counter.svg", Some("https://example.org/x.png"))]);
    assert_reports(
        &p,
        "picture \"https://example.org/x.png\" is not in the pack",
    );
    let p = lint_with(&[
        (en, "![The counter](images/counter.svg)", Some("")),
        (
            "lessons/counter-l1/01-greeting.fr.md",
            "![Le comptoir](images/counter.svg)",
            Some(""),
        ),
    ]);
    assert!(
        p.contains(&"images/counter.svg: warning: no lesson shows this picture".to_owned()),
        "{p:#?}"
    );

    let mut files = example();
    files.0.insert("images/notes.txt".into(), b"hello".to_vec());
    files.0.insert(
        "images/huge.png".into(),
        vec![0; mastery_packs::MAX_IMAGE_BYTES + 1],
    );
    let p: Vec<String> = Pack::lint(&files).1.iter().map(|p| p.to_string()).collect();
    assert_reports(
        &p,
        "images/notes.txt: error: pictures must be PNG, JPEG, SVG or WebP",
    );
    assert_reports(
        &p,
        "images/huge.png: error: the picture is 2048 KB; the limit is 2048 KB",
    );
}

#[test]
fn publishing_needs_every_translation_but_a_draft_does_not() {
    let f = "rubrics/written.toml";
    let drop_fr = (f, ", fr = \"Difficile à suivre.\"", Some(""));
    let p = lint_with(&[drop_fr]);
    assert_reports(
        &p,
        "rubrics/written.toml:10: error: `descriptor` has no fr text",
    );
    let p = lint_with(&[
        drop_fr,
        (
            "pack.toml",
            "status = \"published\"",
            Some("status = \"draft\""),
        ),
    ]);
    assert_reports(
        &p,
        "rubrics/written.toml:10: warning: `descriptor` has no fr text",
    );
}

#[test]
fn pictures_from_the_pack_render_as_data_urls_and_nothing_else_does() {
    let pack = Pack::parse(&example()).expect("valid");
    let lesson = &pack.lessons[0];
    let html = mastery_packs::render_markdown(lesson.markdown.get("en"), &pack.images);
    assert!(
        html.contains("<img src=\"data:image/svg+xml;base64,"),
        "{html}"
    );
    let hostile = "[a](data:text/html;base64,PHNjcmlwdD4=) ![b](data:text/html;base64,PHNjcmlwdD4=) <img src=x onerror=alert(1)>";
    let html = mastery_packs::render_markdown(hostile, &pack.images);
    assert!(!html.contains("data:text"), "{html}");
    assert!(!html.contains("onerror"), "{html}");
}

/// The sanitizer's rule for links (ARCHITECTURE.md, "the window never
/// leaves the app"): web links stay, marked `noopener noreferrer`, for the
/// window to open in the system's browser after confirmation; relative and
/// script links go.
#[test]
fn web_links_stay_marked_and_relative_or_script_links_go() {
    let html = mastery_packs::render_markdown(
        "See [the policy](https://www.canada.ca/en/policy.html), [a page](other.html), \
         [script](javascript:alert(1)) and <a href=\"//evil.example/x\">this</a>.",
        &Default::default(),
    );
    assert!(
        html.contains(
            "<a href=\"https://www.canada.ca/en/policy.html\" rel=\"noopener noreferrer\">"
        ),
        "{html}"
    );
    assert!(!html.contains("other.html"), "{html}");
    assert!(!html.contains("javascript"), "{html}");
    assert!(!html.contains("evil.example"), "{html}");
}

/// Hostile Markdown that once hung whoever opened the lesson (the
/// sanitizer is quadratic in nesting depth): refused by the validator with
/// its line, and rendered in bounded time anyway. A watchdog, not a timed
/// assertion: the render must come back at all within a generous bound
/// (the benchmark reports the real figure).
#[test]
fn deep_nesting_is_refused_at_lint_and_rendered_flat() {
    let quotes = ">".repeat(100_000);
    let divs = "<div>".repeat(100_000);
    let items: String = (0..3_000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    for (name, hostile) in [("quotes", quotes), ("divs", divs), ("lists", items)] {
        let (tx, rx) = std::sync::mpsc::channel();
        let input = hostile.clone();
        std::thread::spawn(move || {
            let html = mastery_packs::render_markdown(&input, &Default::default());
            let _ = tx.send(html.len());
        });
        let len = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("rendering deeply nested {name} did not finish"));
        assert!(len < hostile.len() * 4, "{name}: {len} bytes");
    }
    let mut files = example();
    let path = files
        .0
        .keys()
        .find(|p| p.starts_with("lessons/") && p.ends_with(".en.md"))
        .cloned()
        .expect("a lesson");
    let text = format!("# A lesson\n\nIntro.\n\n{}\n", ">".repeat(100));
    files.0.insert(path.clone(), text.into_bytes());
    let (_, problems) = Pack::lint(&files);
    assert!(
        problems.iter().any(|p| p.file == path
            && p.line == Some(5)
            && p.message.contains("nested more than 16 levels")),
        "{problems:?}"
    );
}
