//! Typed facts: what the store reads back, as the rules need it. Each is
//! something that happened (append-only in the store), with id newtypes,
//! enums for its kinds and its JSON already decoded — a row the store
//! cannot read is an error there, never a silently missing fact here.

use chrono::{DateTime, NaiveDate, Utc};
use mastery_types::{
    AssessmentKind, CoachingResponseKind, CoachingSetting, CourseId, CriterionScore, Observation,
    PersonId, ReviewOutcome,
};

/// A knowledge-check attempt: started, and (maybe) submitted.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizAttempt {
    pub id: String,
    pub person: PersonId,
    pub course: CourseId,
    /// The pack version the attempt was taken against.
    pub pack_version: String,
    pub started_at: DateTime<Utc>,
    pub submission: Option<QuizSubmission>,
}

impl QuizAttempt {
    pub fn passed(&self) -> bool {
        self.submission.as_ref().is_some_and(|s| s.passed)
    }
}

/// A submitted attempt's score, with the feedback the learner saw.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizSubmission {
    pub percent: u8,
    pub passed: bool,
    pub at: DateTime<Utc>,
}

/// A coaching session a coach logged about a learner, with the learner's
/// response once given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoachingSession {
    pub id: String,
    pub coach: PersonId,
    pub learner: PersonId,
    pub course: CourseId,
    pub pack_version: String,
    pub held_on: NaiveDate,
    pub duration_minutes: u16,
    pub setting: CoachingSetting,
    pub observations: Vec<Observation>,
    pub next_steps: String,
    pub recorded_at: DateTime<Utc>,
    pub response: Option<CoachingResponse>,
}

impl CoachingSession {
    pub fn acknowledged(&self) -> bool {
        self.response
            .as_ref()
            .is_some_and(|r| r.kind == CoachingResponseKind::Acknowledged)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoachingResponse {
    pub kind: CoachingResponseKind,
    pub comment: String,
    pub at: DateTime<Utc>,
}

/// A Level 2 submission (an assignment, or a team's synthesis) with its
/// review once made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    pub id: String,
    /// Who submitted it (for a team: the member who did).
    pub author: PersonId,
    pub course: CourseId,
    /// The assignment (or team synthesis) id in the pack.
    pub assignment: String,
    pub pack_version: String,
    pub body: String,
    pub submitted_at: DateTime<Utc>,
    pub team: Option<String>,
    /// (name, size in bytes) of each attached file.
    pub files: Vec<(String, u64)>,
    pub review: Option<Review>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub reviewer: PersonId,
    pub outcome: ReviewOutcome,
    pub scores: Vec<CriterionScore>,
    pub comment: String,
    pub at: DateTime<Utc>,
}

/// A Level 3 observed or secret-shopper assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub id: String,
    pub assessor: PersonId,
    pub learner: PersonId,
    pub course: CourseId,
    pub pack_version: String,
    pub kind: AssessmentKind,
    pub held_on: NaiveDate,
    pub scores: Vec<CriterionScore>,
    pub notes: String,
    pub passed: bool,
    pub recorded_at: DateTime<Utc>,
}
