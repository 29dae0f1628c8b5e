//! The parsed pack, as the rest of the app uses it (and as it is stored).

use mastery_types::{CourseId, Driver, LangTag, LocalizedText, MasteryLevel, Track};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// Level 1 coaching checklists, one per course that has one.
    pub checklists: Vec<Checklist>,
    pub self_assessments: Vec<SelfAssessment>,
    pub rubrics: Vec<Rubric>,
    /// Level 2 assignments and team synthesis, one per course that has them.
    pub assignments: Vec<CourseAssignments>,
    /// Level 3 validation exams, one per course that has one.
    pub exams: Vec<Exam>,
    pub surveys: Vec<Survey>,
    /// `images/<name>` → a `data:` URL, substituted into lessons when shown.
    pub images: BTreeMap<String, String>,
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
    /// The survey asked when the course ends.
    pub survey: Option<String>,
    /// Level 1: the self-assessment learners answer.
    pub self_assessment: Option<String>,
    pub completion: Completion,
    /// Lessons grouped in order; empty when the course does not group them.
    pub modules: Vec<Module>,
}

/// What completing a course takes (see `courses/README.md`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    pub lessons: bool,
    pub knowledge_check: bool,
    pub coaching: bool,
    pub self_assessment: bool,
    pub assignments: bool,
    pub team_synthesis: bool,
    pub validation_exam: bool,
    pub observation: bool,
    pub portfolio: bool,
    /// Hours of class the learner must attend (0: none). Attendance taken
    /// by the class's facilitator counts; a cancelled class does not.
    #[serde(default)]
    pub class_hours: u16,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Module {
    pub id: String,
    pub title: LocalizedText,
    /// Lesson ids (`<course>/<NN>-<slug>`), in order.
    pub lessons: Vec<String>,
}

impl Pack {
    pub fn course(&self, id: &CourseId) -> Option<&PackCourse> {
        self.courses.iter().find(|c| &c.id == id)
    }
    pub fn quiz_of(&self, course: &CourseId) -> Option<&Quiz> {
        self.quizzes.iter().find(|q| &q.course == course)
    }
    pub fn checklist_of(&self, course: &CourseId) -> Option<&Checklist> {
        self.checklists.iter().find(|c| &c.course == course)
    }
    pub fn assignments_of(&self, course: &CourseId) -> Option<&CourseAssignments> {
        self.assignments.iter().find(|a| &a.course == course)
    }
    pub fn exam_of(&self, course: &CourseId) -> Option<&Exam> {
        self.exams.iter().find(|e| &e.course == course)
    }
    pub fn rubric(&self, id: &str) -> Option<&Rubric> {
        self.rubrics.iter().find(|r| r.id == id)
    }
    pub fn survey(&self, id: &str) -> Option<&Survey> {
        self.surveys.iter().find(|s| s.id == id)
    }
    pub fn self_assessment(&self, id: &str) -> Option<&SelfAssessment> {
        self.self_assessments.iter().find(|s| s.id == id)
    }
}

/// Level 1: behaviours a coach looks for, at least one per driver.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Checklist {
    pub course: CourseId,
    pub title: LocalizedText,
    pub intro: LocalizedText,
    pub items: Vec<ChecklistItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub id: String,
    pub driver: Driver,
    pub text: LocalizedText,
}

/// Statements rated on a scale, scored into profiles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelfAssessment {
    pub id: String,
    pub title: LocalizedText,
    pub intro: LocalizedText,
    pub scale: Scale,
    pub profiles: Vec<Profile>,
    pub statements: Vec<Statement>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
    pub low: LocalizedText,
    pub high: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub title: LocalizedText,
    pub description: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub profile: String,
    pub text: LocalizedText,
}

/// Criteria scored 1..n, with a pass rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rubric {
    pub id: String,
    pub title: LocalizedText,
    /// Percent of the maximum total needed to pass.
    pub min_total_percent: u8,
    /// No criterion may score below this.
    pub min_each: u8,
    pub criteria: Vec<Criterion>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: String,
    pub drivers: Vec<Driver>,
    pub title: LocalizedText,
    /// Descriptors for scores 1..=n, in order.
    pub levels: Vec<LocalizedText>,
}

/// Level 2: a course's assignments and its team synthesis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseAssignments {
    pub course: CourseId,
    pub max_attachment_mb: u8,
    pub assignments: Vec<Assignment>,
    pub team_synthesis: Option<TeamSynthesis>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub id: String,
    pub rubric: String,
    pub title: LocalizedText,
    /// Markdown.
    pub brief: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamSynthesis {
    pub id: String,
    pub rubric: String,
    pub min_members: u8,
    pub max_members: u8,
    pub title: LocalizedText,
    /// Markdown.
    pub brief: LocalizedText,
}

/// Level 3: the validation exam's blueprint and the observation rubric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exam {
    pub course: CourseId,
    pub title: LocalizedText,
    pub instructions: LocalizedText,
    /// Markdown: what the portfolio must contain.
    pub portfolio: LocalizedText,
    pub pass_mark: u8,
    pub time_limit_minutes: u16,
    /// Courses whose knowledge checks the items are drawn from.
    pub pool: Vec<CourseId>,
    pub observation_rubric: String,
    pub blueprint: Vec<(Driver, u16)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    pub id: String,
    pub title: LocalizedText,
    pub intro: LocalizedText,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub required: bool,
    pub driver: Option<Driver>,
    pub text: LocalizedText,
    pub kind: QuestionKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Five points, strongly disagree → strongly agree.
    Likert,
    /// 0–10: would you recommend this course?
    Recommend,
    Single {
        options: Vec<Step>,
    },
    Multiple {
        options: Vec<Step>,
    },
    Text,
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
