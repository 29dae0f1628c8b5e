//! Content packs: the course material of the program as a folder of
//! human-editable TOML files (see `courses/README.md`).
//!
//! [`Pack::parse`] turns a set of files into a validated [`Pack`] or the
//! full list of [`Problem`]s, each naming its file and line. Parsing is pure
//! (files in, pack out); reading a folder from disk is [`PackFiles::read_dir`],
//! and the program's own pack is compiled into the binary as [`shipped`].
//!
//! ```
//! let pack = mastery_packs::shipped().expect("the shipped pack is valid");
//! assert_eq!(pack.courses.len(), 12);
//! ```

pub mod archive;
mod diagnostics;
mod diff;
mod files;
mod lessons;
mod markdown;
mod material;
mod model;
mod quizzes;
mod references;
mod scoring;
mod validate;

pub use diagnostics::{Problem, Severity};
pub use diff::{diff, Change, Difference};
pub use files::{PackFiles, FOLDERS};
pub use markdown::render_markdown;
pub use material::MAX_IMAGE_BYTES;
pub use model::{
    Assignment, Checklist, ChecklistItem, Choice, Completion, CourseAssignments, Criterion, Exam,
    ItemKind, Lesson, Module, Pack, PackCourse, PackStatus, PackTrack, Pair, Profile, Question,
    QuestionKind, Quiz, QuizItem, Rubric, Scale, ScenarioChoice, ScenarioNode, SelfAssessment,
    Statement, Step, Survey, TeamSynthesis,
};
pub use scoring::{best_answer, score, score_style, AnswerError, ItemScore, StyleResult};

use include_dir::{include_dir, Dir};

static SHIPPED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../courses/service-excellence");

#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("cannot read pack folder {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the pack has {} problem(s):\n{}", .0.len(), .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

impl From<PackError> for mastery_types::ApiError {
    fn from(e: PackError) -> Self {
        mastery_types::ApiError::new(mastery_types::ErrorCode::InvalidPack, e.to_string())
    }
}

/// The program's own pack (`courses/service-excellence`), embedded at build
/// time so the app works from any folder. Parsed once per process: it
/// cannot change while the process runs.
pub fn shipped() -> Result<Pack, PackError> {
    static PARSED: std::sync::OnceLock<Result<Pack, Vec<Problem>>> = std::sync::OnceLock::new();
    match PARSED.get_or_init(|| {
        Pack::parse(&shipped_files()).map_err(|e| match e {
            PackError::Invalid(p) => p,
            PackError::Io { path, source } => vec![Problem {
                severity: Severity::Error,
                file: path,
                line: None,
                message: source.to_string(),
            }],
        })
    }) {
        Ok(p) => Ok(p.clone()),
        Err(p) => Err(PackError::Invalid(p.clone())),
    }
}

/// The files of the program's own pack.
pub fn shipped_files() -> PackFiles {
    PackFiles::from_embedded(&SHIPPED)
}

/// Test data shared by the parser's tests.
#[cfg(test)]
pub(crate) mod fixtures {
    /// A published manifest with one track (clients), in English and French.
    pub const MANIFEST: &str = r#"id = "t"
version = "1.0.0"
status = "published"
languages = ["en", "fr"]
title = { en = "T", fr = "T" }
summary = { en = "S", fr = "S" }
change_notes = { en = "C", fr = "C" }
[[tracks]]
id = "clients"
title = { en = "Clients", fr = "Clients" }
audience = { en = "A", fr = "A" }
"#;

    /// The survey the test courses name (`survey = "s"`).
    pub const SURVEY: (&str, &str) = (
        "surveys/s.toml",
        "id = \"s\"\ntitle = { en = \"S\", fr = \"S\" }\nintro = { en = \"I\", fr = \"I\" }\n[[questions]]\nid = \"q\"\ntype = \"recommend\"\ntext = { en = \"Q\", fr = \"Q\" }\n",
    );

    /// The line every test course file ends with: its survey. (Test courses
    /// have no completion rule, which is a warning: see [`without_no_rule`].)
    pub const COURSE_TAIL: &str = "survey = \"s\"\n";

    /// Problems but the "no completion rule" warning every test course gets.
    pub fn without_no_rule(problems: Vec<crate::Problem>) -> Vec<crate::Problem> {
        problems
            .into_iter()
            .filter(|p| !p.message.contains("has no [completion] rule"))
            .collect()
    }

    const COURSE: &str = "id = \"c1\"\ntrack = \"clients\"\nlevel = 1\nestimated_hours = 10\ntitle = { en = \"E\", fr = \"F\" }\nsummary = { en = \"E\", fr = \"F\" }\n";

    /// A pack of one Level 1 course `c1` plus `extra` files.
    pub fn one_course_with(extra: &[(&str, &str)]) -> crate::PackFiles {
        let mut f = std::collections::BTreeMap::new();
        f.insert("pack.toml".to_owned(), MANIFEST.as_bytes().to_vec());
        f.insert(
            "courses/c1.toml".to_owned(),
            format!("{COURSE}{COURSE_TAIL}").into_bytes(),
        );
        let (path, survey) = SURVEY;
        f.insert(path.to_owned(), survey.as_bytes().to_vec());
        for (p, b) in extra {
            f.insert((*p).to_owned(), b.as_bytes().to_vec());
        }
        crate::PackFiles(f)
    }

    /// The problems of [`one_course_with`]`(extra)`, as text.
    pub fn problems_with(extra: &[(&str, &str)]) -> Vec<String> {
        without_no_rule(crate::Pack::lint(&one_course_with(extra)).1)
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    /// A text in both test languages.
    pub const T: &str = "{ en = \"x\", fr = \"y\" }";
}

#[cfg(test)]
mod tests {
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
