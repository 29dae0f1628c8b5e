//! The parsed pack, as the rest of the app uses it (and as it is stored).

use mastery_types::{CourseId, Driver, LangTag, LocalizedText, MasteryLevel, Track};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PackStatus {
    Draft,
    Published,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    pub id: String,
    pub version: String,
    pub status: PackStatus,
    pub languages: Vec<LangTag>,
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub change_notes: LocalizedText,
    pub tracks: Vec<PackTrack>,
    /// Sorted by track, then level.
    pub courses: Vec<PackCourse>,
    /// Sorted by course, then order.
    pub lessons: Vec<Lesson>,
    pub quizzes: Vec<Quiz>,
    /// SHA-256 of the pack's files (see [`crate::PackFiles::content_hash`]).
    pub content_hash: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackTrack {
    pub track: Track,
    pub title: LocalizedText,
    pub audience: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackCourse {
    pub id: CourseId,
    pub track: Track,
    pub level: MasteryLevel,
    pub prerequisites: Vec<CourseId>,
    pub estimated_hours: u16,
    pub title: LocalizedText,
    pub summary: LocalizedText,
}

impl Pack {
    pub fn course(&self, id: &CourseId) -> Option<&PackCourse> {
        self.courses.iter().find(|c| &c.id == id)
    }
}

/// A lesson: Markdown in each language, rendered to sanitized HTML on demand
/// (see [`crate::render_markdown`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// `<course-id>/<NN>-<slug>`, unique in the pack.
    pub id: String,
    pub course: CourseId,
    /// Position in the course (the `NN` of the file name).
    pub order: u8,
    /// From each file's first line, `# Title`.
    pub title: LocalizedText,
    /// The Markdown after the title line.
    pub markdown: LocalizedText,
}

/// A course's knowledge check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    pub id: String,
    pub course: CourseId,
    pub title: LocalizedText,
    /// Percent of the maximum score needed to pass, 1–100.
    pub pass_mark: u8,
    pub max_attempts: u8,
    pub wait_minutes_between_attempts: u32,
    pub items: Vec<QuizItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizItem {
    pub id: String,
    pub drivers: Vec<Driver>,
    pub kind: ItemKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub correct: bool,
    pub text: LocalizedText,
    pub feedback: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub text: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub id: String,
    pub left: LocalizedText,
    pub right: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioNode {
    pub id: String,
    pub prompt: LocalizedText,
    pub choices: Vec<ScenarioChoice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioChoice {
    pub id: String,
    /// 2 = best, 1 = acceptable, 0 = poor.
    pub points: u8,
    pub text: LocalizedText,
    pub feedback: LocalizedText,
    /// The node this choice leads to; `None` ends the scenario.
    pub next: Option<String>,
}

/// The six item types of a knowledge check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// Exactly one correct choice.
    Single {
        prompt: LocalizedText,
        choices: Vec<Choice>,
    },
    /// Two or more correct choices.
    Multiple {
        prompt: LocalizedText,
        choices: Vec<Choice>,
    },
    TrueFalse {
        prompt: LocalizedText,
        answer: bool,
        feedback: LocalizedText,
    },
    /// Steps in the correct order; shown shuffled.
    Ordering {
        prompt: LocalizedText,
        steps: Vec<Step>,
        feedback: LocalizedText,
    },
    /// Each left goes with its right; rights shown shuffled.
    Matching {
        prompt: LocalizedText,
        pairs: Vec<Pair>,
        feedback: LocalizedText,
    },
    /// A situation with branching choices and feedback per choice.
    Scenario {
        situation: LocalizedText,
        start: String,
        nodes: Vec<ScenarioNode>,
    },
}
