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
mod content;
mod diff;
mod files;
mod material;
mod model;
mod scoring;
mod validate;

pub use content::render_markdown;
pub use diff::{diff, Change, Difference};
pub use files::{PackFiles, FOLDERS};
pub use material::MAX_IMAGE_BYTES;
pub use model::{
    Assignment, Checklist, ChecklistItem, Choice, Completion, CourseAssignments, Criterion, Exam,
    ItemKind, Lesson, Module, Pack, PackCourse, PackStatus, PackTrack, Pair, Profile, Question,
    QuestionKind, Quiz, QuizItem, Rubric, Scale, ScenarioChoice, ScenarioNode, SelfAssessment,
    Statement, Step, Survey, TeamSynthesis,
};
pub use scoring::{best_answer, score, score_style, AnswerError, ItemScore, StyleResult};
pub use validate::{Problem, Severity};

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
}
