//! Survey answers and results, as they cross IPC.

use serde::{Deserialize, Serialize};

/// One answer to one survey question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum SurveyAnswer {
    /// 1 (strongly disagree) to 5 (strongly agree).
    Likert(u8),
    /// 0 to 10.
    Recommend(u8),
    /// An option's id.
    Single(String),
    /// Option ids.
    Multiple(Vec<String>),
    Text(String),
}

/// What is wrong with a set of answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SurveyAnswerProblem {
    UnknownQuestion {
        question: String,
    },
    AnsweredTwice {
        question: String,
    },
    WrongKind {
        question: String,
    },
    OutOfScale {
        question: String,
        min: u8,
        max: u8,
        given: u8,
    },
    UnknownOption {
        question: String,
        option: String,
    },
    Required {
        question: String,
    },
    TooLong {
        question: String,
        max: usize,
    },
}

/// Results of one question over a group of at least the threshold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionResult {
    /// Counts of 1..=5, and the mean.
    Likert { counts: [u32; 5], mean: Option<f64> },
    /// Counts of 0..=10 and the net score (promoters 9–10 minus
    /// detractors 0–6, in percent).
    Recommend { counts: [u32; 11], net: Option<f64> },
    /// Times each option was chosen (in the pack's order).
    Choice { counts: Vec<(String, u32)> },
    /// The comments, sorted (their order never tells who wrote them).
    Text { comments: Vec<String> },
}

/// A group's results, or that it is too small to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GroupResults {
    /// Fewer responses than the threshold: nothing is shown, not even the
    /// exact count.
    Suppressed { threshold: u32 },
    Shown {
        responses: u32,
        questions: Vec<(String, QuestionResult)>,
    },
}

/// A coach or manager schedules a class of a course in their office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleClassRequest {
    pub course: crate::CourseId,
    /// Local date and times in the office's time zone: `YYYY-MM-DD`, `HH:MM`.
    pub date: String,
    pub starts: String,
    pub ends: String,
    /// A room, or a virtual room's name or link.
    pub place: String,
    /// Who teaches (default: the person scheduling).
    pub facilitator: Option<crate::PersonId>,
    pub capacity: u32,
}

/// Where a person stands in a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seat {
    None,
    Enrolled,
    /// On the waiting list, at this position (1 = next).
    Waiting(u32),
}

/// A class as people see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassView {
    pub id: String,
    pub course: crate::CourseId,
    pub course_title: crate::LocalizedText,
    pub pack_version: String,
    pub office: Option<String>,
    pub time_zone: String,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub place: String,
    pub facilitator: String,
    pub capacity: u32,
    pub enrolled: u32,
    pub waiting: u32,
    pub cancelled: bool,
    pub cancel_reason: Option<String>,
    /// The caller's own place in it.
    pub seat: Seat,
    /// The caller may take attendance and cancel (facilitator, scheduler,
    /// or a manager of the office).
    pub runs_it: bool,
}

/// One person of a class's list, for the one running it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassMember {
    pub person_id: crate::PersonId,
    pub name: String,
    pub waiting: bool,
    /// `None` until attendance is taken.
    pub present: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassDetail {
    pub class: ClassView,
    /// Empty unless the caller runs the class.
    pub members: Vec<ClassMember>,
    /// Learners of the class's office the caller coaches and may invite
    /// (not yet on its list; empty once it has started or unless the caller
    /// runs it), by name.
    #[serde(default)]
    pub invitable: Vec<(crate::PersonId, String)>,
}

/// Whoever runs a class puts a learner they coach on its list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteRequest {
    pub class_id: String,
    pub person_id: crate::PersonId,
}

/// Classes a person sees: theirs and those they may join, and those they run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassesHome {
    pub upcoming: Vec<ClassView>,
    /// Cancelled classes the caller was in, so they hear of it.
    pub cancelled: Vec<ClassView>,
    pub running: Vec<ClassView>,
    /// Surveys waiting for the caller's answer.
    pub surveys: Vec<PendingSurvey>,
    /// Courses the caller may schedule a class of (empty for learners).
    pub courses: Vec<(crate::CourseId, crate::LocalizedText)>,
    /// The caller's office time zone (for the scheduling form).
    pub time_zone: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRequest {
    pub class_id: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelClassRequest {
    pub class_id: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceRequest {
    pub class_id: String,
    pub person_id: crate::PersonId,
    pub present: bool,
}

/// A survey waiting for the caller: after a class they attended, or after
/// completing a course online without a class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingSurvey {
    /// What the survey is about: a class id, or `course:<course>@<version>`
    /// for a course completed online.
    pub occasion: String,
    pub course_title: crate::LocalizedText,
    /// When the class ended; `None` for a course completed online.
    pub ended_at: Option<chrono::DateTime<chrono::Utc>>,
    pub title: crate::LocalizedText,
    pub intro: crate::LocalizedText,
    pub questions: Vec<SurveyQuestion>,
    /// The smallest group whose results are ever shown (the rule is in
    /// `mastery_domain::surveys`; the form tells the person).
    pub min_group: u32,
    /// The longest free-text answer kept.
    pub max_text: u32,
}

/// A question as the window shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyQuestion {
    pub id: String,
    pub required: bool,
    pub text: crate::LocalizedText,
    pub kind: SurveyQuestionKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SurveyQuestionKind {
    Likert,
    Recommend,
    Single {
        options: Vec<(String, crate::LocalizedText)>,
    },
    Multiple {
        options: Vec<(String, crate::LocalizedText)>,
    },
    Text,
}

/// Declining a survey: which one ([`PendingSurvey::occasion`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclineSurveyRequest {
    pub occasion: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerSurveyRequest {
    /// [`PendingSurvey::occasion`].
    pub occasion: String,
    pub answers: Vec<(String, SurveyAnswer)>,
}

/// Results of a course's survey for one pack version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyResultsRequest {
    pub course: crate::CourseId,
    /// `None`: the latest version with responses.
    pub version: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyResults {
    pub course: crate::CourseId,
    pub course_title: crate::LocalizedText,
    /// Versions that have responses, newest first.
    pub versions: Vec<String>,
    pub version: Option<String>,
    pub questions: Vec<SurveyQuestion>,
    pub results: GroupResults,
    /// The version before, for comparison (same threshold).
    pub previous: Option<(String, GroupResults)>,
    /// People asked this version's survey (present at its classes, or
    /// having answered or declined it after an online completion): the
    /// response rate's denominator.
    #[serde(default)]
    pub asked: u32,
    /// This version by office and by facilitator, for managers and
    /// administrators (empty for course designers): groups under the
    /// threshold hidden, never recoverable by subtraction, no comments.
    /// `None`: not recorded (a course completed online).
    #[serde(default)]
    pub by_office: Vec<(Option<String>, GroupResults)>,
    #[serde(default)]
    pub by_facilitator: Vec<(Option<String>, GroupResults)>,
}

/// Why a knowledge-check item deserves a designer's look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemFlag {
    TooEasy,
    TooHard,
    NegativeDiscrimination,
    UnusedOption,
}

/// One option of an item and how often it was chosen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionChoice {
    pub id: String,
    pub text: crate::LocalizedText,
    pub correct: bool,
    pub chosen: u32,
}

/// One item of a knowledge check, analysed over the submitted attempts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemAnalysisRow {
    pub item: String,
    pub prompt: crate::LocalizedText,
    pub attempts: u32,
    /// Share answering right, 0 to 1.
    pub difficulty: f64,
    /// Point-biserial against the rest of the check; `None` without spread.
    pub discrimination: Option<f64>,
    /// For single- and multiple-choice items.
    pub options: Vec<OptionChoice>,
    pub flags: Vec<ItemFlag>,
}

/// A course's knowledge check analysed for one pack version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemAnalysis {
    pub course: crate::CourseId,
    pub version: String,
    pub attempts: u32,
    /// Attempts from which items are flagged.
    pub min_attempts_for_flags: u32,
    pub items: Vec<ItemAnalysisRow>,
}

/// Which course's check, and which version (`None`: the latest published).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemAnalysisRequest {
    pub course: crate::CourseId,
    pub version: Option<String>,
}
