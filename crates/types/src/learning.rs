//! Requests and views of a learner's own work: lesson progress, knowledge
//! checks and the communication-style self-assessment.

use crate::{CourseId, LocalizedText};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A learner's answer to one knowledge-check item; its shape follows the
/// item's type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Single(String),
    Multiple(Vec<String>),
    TrueFalse(bool),
    /// Step ids, first to last.
    Ordering(Vec<String>),
    /// Each left item (by pair id) with the right item chosen for it.
    Matching(Vec<Match>),
    /// The choice ids taken, from the first situation to the last.
    Scenario(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Match {
    pub left: String,
    pub right: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonDoneRequest {
    pub lesson: String,
}

/// One choice, step or option as shown to the learner (no answer key).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Option_ {
    pub id: String,
    pub text: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioStep {
    pub id: String,
    pub prompt: LocalizedText,
    /// Each choice with the situation it leads to (`None` ends it).
    pub choices: Vec<(Option_, Option<String>)>,
}

/// An item as the learner sees it while answering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemView {
    Single {
        prompt: LocalizedText,
        choices: Vec<Option_>,
    },
    Multiple {
        prompt: LocalizedText,
        choices: Vec<Option_>,
    },
    TrueFalse {
        prompt: LocalizedText,
    },
    /// Steps shuffled.
    Ordering {
        prompt: LocalizedText,
        steps: Vec<Option_>,
    },
    /// Lefts in order, rights shuffled.
    Matching {
        prompt: LocalizedText,
        lefts: Vec<Option_>,
        rights: Vec<Option_>,
    },
    Scenario {
        situation: LocalizedText,
        start: String,
        nodes: Vec<ScenarioStep>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizItemView {
    pub id: String,
    pub view: ItemView,
}

/// A knowledge check in progress: resumed with the answers saved so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttemptView {
    pub attempt_id: String,
    pub course: CourseId,
    pub title: LocalizedText,
    pub pass_mark: u8,
    /// This attempt's number, from 1.
    pub number: u8,
    pub max_attempts: u8,
    pub started_at: DateTime<Utc>,
    pub items: Vec<QuizItemView>,
    pub saved: BTreeMap<String, Answer>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveAnswerRequest {
    pub attempt_id: String,
    pub item_id: String,
    pub answer: Answer,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptRequest {
    pub attempt_id: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemFeedback {
    pub item_id: String,
    /// The item's question (or a scenario's situation).
    pub prompt: LocalizedText,
    pub correct: bool,
    /// 0–100.
    pub earned_percent: u8,
    pub feedback: Vec<LocalizedText>,
    /// Left unanswered when the attempt was abandoned (scores nothing).
    #[serde(default)]
    pub unanswered: bool,
}

/// A submitted attempt: the score, and feedback on every item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttemptResult {
    pub attempt_id: String,
    pub course: CourseId,
    pub number: u8,
    pub percent: u8,
    pub pass_mark: u8,
    pub passed: bool,
    pub items: Vec<ItemFeedback>,
    pub attempts_left: u8,
    /// When another attempt may start, if one may.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// The learner ended the attempt before answering everything; it was
    /// scored on the answers saved and counts as an attempt.
    #[serde(default)]
    pub abandoned: bool,
}

/// Where a learner stands on a knowledge check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizStatus {
    pub course: CourseId,
    pub best_percent: Option<u8>,
    pub passed: bool,
    pub attempts_used: u8,
    pub max_attempts: u8,
    /// An attempt started and not submitted (resume it).
    pub in_progress: Option<String>,
    /// Why a new attempt cannot start now, if it cannot.
    pub can_start: bool,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last: Option<AttemptResult>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfAssessmentView {
    pub id: String,
    pub title: LocalizedText,
    pub intro: LocalizedText,
    pub min: u8,
    pub max: u8,
    pub low: LocalizedText,
    pub high: LocalizedText,
    pub statements: Vec<Option_>,
    /// The learner's latest result, if any.
    pub result: Option<StyleProfile>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyleRequest {
    pub course: CourseId,
    pub ratings: BTreeMap<String, u8>,
}

/// A communication-style result: every profile's score, the learner's
/// style, and its description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyleProfile {
    pub scores: Vec<StyleScore>,
    pub profile: String,
    pub title: LocalizedText,
    /// The profile's explanation as sanitized HTML (it is Markdown in the pack).
    pub description_html: LocalizedText,
    pub answered_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyleScore {
    pub profile: String,
    pub title: LocalizedText,
    pub percent: u8,
}

/// One driver observed in a coaching session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub driver: crate::Driver,
    /// 1 (not yet) to 4 (role model).
    pub rating: u8,
    pub evidence: String,
}

/// A coach logs an on-the-job coaching session for a learner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachingRequest {
    pub learner: crate::PersonId,
    pub course: CourseId,
    /// The day it took place.
    pub held_on: chrono::NaiveDate,
    pub duration_minutes: i32,
    pub setting: crate::CoachingSetting,
    pub observations: Vec<Observation>,
    pub next_steps: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachingResponseRequest {
    pub session_id: String,
    pub acknowledge: bool,
    /// Optional with an acknowledgement; the reason, required, with a dispute.
    pub comment: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoachingStatus {
    Awaiting,
    Acknowledged,
    Disputed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachingSessionView {
    pub id: String,
    pub coach: String,
    pub learner: String,
    pub learner_id: crate::PersonId,
    pub course: CourseId,
    pub course_title: LocalizedText,
    pub held_on: chrono::NaiveDate,
    pub duration_minutes: u16,
    pub setting: crate::CoachingSetting,
    pub observations: Vec<Observation>,
    pub next_steps: String,
    pub status: CoachingStatus,
    pub response_comment: String,
}

/// Someone a coach may log a session for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoacheeSummary {
    pub person_id: crate::PersonId,
    pub name: String,
    pub employee_number: String,
    pub office: Option<String>,
}

/// What the coach's page needs: whom to coach, the Level 1 courses with
/// their checklists, and the sessions this coach logged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachHome {
    pub learners: Vec<CoacheeSummary>,
    pub courses: Vec<CoachingCourse>,
    /// Level 3 courses with their observation rubric.
    pub observation_courses: Vec<ObservationCourse>,
    /// Level 2 courses whose team synthesis needs teams.
    pub synthesis_courses: Vec<SynthesisCourse>,
    pub logged: Vec<CoachingSessionView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachingCourse {
    pub id: CourseId,
    pub title: LocalizedText,
    /// Checklist items per driver, to guide the observation.
    pub checklist: Vec<(crate::Driver, Vec<LocalizedText>)>,
}

/// A rubric as reviewers and learners read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RubricView {
    pub id: String,
    pub title: LocalizedText,
    pub min_total_percent: u8,
    pub min_each: u8,
    pub criteria: Vec<CriterionView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionView {
    pub id: String,
    pub title: LocalizedText,
    pub drivers: Vec<crate::Driver>,
    /// Descriptors for scores 1..=n.
    pub levels: Vec<LocalizedText>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentStatus {
    NotStarted,
    Submitted,
    Returned,
    Accepted,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub criterion: String,
    pub score: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub reviewer: String,
    pub scores: Vec<CriterionScore>,
    pub comment: String,
    pub accepted: bool,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInfo {
    pub name: String,
    pub size: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionView {
    pub id: String,
    pub learner: String,
    pub course: CourseId,
    pub course_title: LocalizedText,
    pub assignment: String,
    pub assignment_title: LocalizedText,
    pub body: String,
    pub submitted_at: DateTime<Utc>,
    pub files: Vec<FileInfo>,
    pub review: Option<ReviewView>,
    pub rubric: Option<RubricView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentView {
    pub id: String,
    pub title: LocalizedText,
    /// The brief, rendered from Markdown and sanitized.
    pub brief_html: LocalizedText,
    pub max_attachment_mb: u8,
    pub rubric: Option<RubricView>,
    pub status: AssignmentStatus,
    /// Oldest first; the last is the current one.
    pub submissions: Vec<SubmissionView>,
    /// The team synthesis: the learner's team (`None` until a coach forms
    /// it). Always `None` for an individual assignment.
    pub team: Option<TeamInfo>,
    /// True for the team synthesis.
    pub is_team_synthesis: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamInfo {
    pub name: String,
    pub members: Vec<String>,
}

/// A coach or manager forms a team for a course's team synthesis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormTeamRequest {
    pub course: CourseId,
    pub name: String,
    pub members: Vec<crate::PersonId>,
}

/// A Level 2 course with a team synthesis, and the team sizes it allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynthesisCourse {
    pub id: CourseId,
    pub title: LocalizedText,
    pub min_members: u8,
    pub max_members: u8,
}

/// A file attached to a submission, base64-encoded for IPC.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upload {
    pub name: String,
    pub base64: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitAssignmentRequest {
    pub course: CourseId,
    pub assignment: String,
    pub body: String,
    pub files: Vec<Upload>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRequest {
    pub submission_id: String,
    pub scores: Vec<CriterionScore>,
    pub comment: String,
    pub accept: bool,
}

/// A manager assigns a course to one of their staff, due on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignCourseRequest {
    pub learner: crate::PersonId,
    pub course: CourseId,
    /// A date in the learner's office time zone.
    pub due_on: chrono::NaiveDate,
    pub note: String,
}

/// A course assigned to the learner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueCourse {
    pub course: CourseId,
    pub title: LocalizedText,
    pub due_on: chrono::NaiveDate,
    pub note: String,
    pub assigned_by: String,
    pub completed: bool,
    /// Past its due date (in the learner's office time zone) and not completed.
    pub overdue: bool,
}

/// One of a manager's staff, with what is assigned to them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub person_id: crate::PersonId,
    pub name: String,
    pub employee_number: String,
    pub assigned: Vec<DueCourse>,
    /// Where the person stands on every course, in the order of
    /// [`TeamView::columns`].
    #[serde(default)]
    pub progress: Vec<CourseProgress>,
}

/// Where one person stands on one course, derived from their facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CourseProgress {
    Completed,
    /// Open, with `met` of the completion rule's `of` requirements met.
    Open {
        met: u8,
        of: u8,
    },
    /// A prerequisite is not completed yet.
    Locked,
}

/// One course as a column of the team overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverviewColumn {
    pub course: CourseId,
    pub track: crate::Track,
    pub track_title: LocalizedText,
    pub level: crate::MasteryLevel,
    pub title: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamView {
    pub members: Vec<TeamMember>,
    /// Every course, to choose from when assigning.
    pub courses: Vec<(CourseId, LocalizedText)>,
    /// The courses of the progress overview, by track then level.
    #[serde(default)]
    pub columns: Vec<OverviewColumn>,
    /// Coaches paired with the manager's staff, ended pairings included.
    #[serde(default)]
    pub pairings: Vec<PairingView>,
    /// Who may be paired as a coach (coaches and managers of the
    /// organization, with their office).
    #[serde(default)]
    pub coaches: Vec<CoachCandidate>,
}

/// A manager pairs a coach with one of their staff, from today until
/// `ends_on` (or until the pairing is ended).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairCoachRequest {
    pub coach: crate::PersonId,
    pub learner: crate::PersonId,
    pub ends_on: Option<chrono::NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndPairingRequest {
    pub pairing_id: String,
}

/// A coach paired with one of the manager's staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingView {
    pub id: String,
    pub coach: crate::PersonId,
    pub coach_name: String,
    pub learner: crate::PersonId,
    pub learner_name: String,
    pub starts_on: chrono::NaiveDate,
    pub ends_on: Option<chrono::NaiveDate>,
    /// In force today.
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachCandidate {
    pub person_id: crate::PersonId,
    pub name: String,
    pub office: Option<String>,
}

/// A Level 3 assessment of a learner at work, scored on the course's
/// observation rubric: observed by the assessor, or by a secret shopper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationRequest {
    pub learner: crate::PersonId,
    pub course: CourseId,
    pub kind: crate::AssessmentKind,
    pub held_on: chrono::NaiveDate,
    pub scores: Vec<CriterionScore>,
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationView {
    pub id: String,
    pub assessor: String,
    pub course: CourseId,
    pub course_title: LocalizedText,
    pub kind: crate::AssessmentKind,
    pub held_on: chrono::NaiveDate,
    pub scores: Vec<CriterionScore>,
    pub notes: String,
    pub passed: bool,
    pub rubric: Option<RubricView>,
}

/// A Level 3 course and its observation rubric, for the assessor's form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationCourse {
    pub id: CourseId,
    pub title: LocalizedText,
    pub rubric: RubricView,
}
