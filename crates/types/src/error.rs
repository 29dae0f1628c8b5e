//! The error every API call returns: a stable machine `code` the UI matches
//! on (and translates), an English `message` with the details for logs and
//! the command line, and for input problems a structured [`Problem`] the UI
//! translates too. The UI never matches on message text.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Username or password wrong; deliberately does not say which.
    InvalidCredentials,
    /// Too many failed sign-ins; try again later.
    AccountLocked,
    /// No session, or the session ended or expired.
    NotSignedIn,
    /// Signed in, but no role that allows this.
    Forbidden,
    /// The request is malformed or breaks a rule; the message says which.
    InvalidInput,
    /// Something named in the request does not exist.
    NotFound,
    /// The request clashes with what is already saved (e.g. a taken username).
    Conflict,
    /// The first administrator must be created before anything else.
    SetupRequired,
    /// The database file is not an SQLite database.
    NotADatabase,
    /// The database was written by a newer Mastery.
    SchemaTooNew,
    /// A content pack could not be read.
    InvalidPack,
    /// Disk or database failure; nothing was changed.
    Storage,
    /// A service Mastery depends on (HR) did not answer or refused;
    /// nothing was changed here.
    Unavailable,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 13] = [
        ErrorCode::InvalidCredentials,
        ErrorCode::AccountLocked,
        ErrorCode::NotSignedIn,
        ErrorCode::Forbidden,
        ErrorCode::InvalidInput,
        ErrorCode::NotFound,
        ErrorCode::Conflict,
        ErrorCode::SetupRequired,
        ErrorCode::NotADatabase,
        ErrorCode::SchemaTooNew,
        ErrorCode::InvalidPack,
        ErrorCode::Storage,
        ErrorCode::Unavailable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::AccountLocked => "account_locked",
            ErrorCode::NotSignedIn => "not_signed_in",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::SetupRequired => "setup_required",
            ErrorCode::NotADatabase => "not_a_database",
            ErrorCode::SchemaTooNew => "schema_too_new",
            ErrorCode::InvalidPack => "invalid_pack",
            ErrorCode::Storage => "storage",
            ErrorCode::Unavailable => "unavailable",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// What exactly is wrong with the input, for the UI to say in the
    /// user's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            problem: None,
        }
    }

    /// A refusal the window translates (its code follows from it).
    pub fn problem(problem: Problem) -> Self {
        Self {
            code: problem.code(),
            message: problem.to_string(),
            problem: Some(problem),
        }
    }

    /// A refusal with a detail for logs and the command line beyond what
    /// the problem says (the window still shows only the problem).
    pub fn problem_with(problem: Problem, detail: impl fmt::Display) -> Self {
        Self {
            code: problem.code(),
            message: format!("{problem}: {detail}"),
            problem: Some(problem),
        }
    }

    /// `not_found` naming what is missing.
    pub fn not_found(thing: Thing, id: impl fmt::Display) -> Self {
        Self::problem(Problem::NotFound {
            thing,
            id: id.to_string(),
        })
    }
}

/// A form field a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Organization,
    Name,
    EmployeeNumber,
    Username,
    Password,
    Roles,
    Language,
    /// Why a request is returned, a session disputed, a certification revoked.
    Reason,
    /// A reviewer's or a learner's comment.
    Comment,
    /// An assessor's notes.
    Notes,
    /// A coaching session's agreed next steps.
    NextSteps,
    /// The evidence behind a rating.
    Evidence,
    /// A learner's written response to an assignment.
    Response,
    TeamName,
    /// A note with an assigned course.
    Note,
    Duration,
    Rating,
    Date,
    DueDate,
    Setting,
    /// How an assessment was made (observed, secret shopper).
    AssessmentKind,
    /// A validity period, in months.
    Months,
    /// A reading position in a lesson.
    Position,
    /// A pack version number.
    Version,
    ChangeNotes,
    /// A file's text in the designer.
    FileText,
    Office,
    Manager,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Organization => "organization",
            Field::Name => "name",
            Field::EmployeeNumber => "employee_number",
            Field::Username => "username",
            Field::Password => "password",
            Field::Roles => "roles",
            Field::Language => "language",
            Field::Reason => "reason",
            Field::Comment => "comment",
            Field::Notes => "notes",
            Field::NextSteps => "next_steps",
            Field::Evidence => "evidence",
            Field::Response => "response",
            Field::TeamName => "team_name",
            Field::Note => "note",
            Field::Duration => "duration",
            Field::Rating => "rating",
            Field::Date => "date",
            Field::DueDate => "due_date",
            Field::Setting => "setting",
            Field::AssessmentKind => "assessment_kind",
            Field::Months => "months",
            Field::Position => "position",
            Field::Version => "version",
            Field::ChangeNotes => "change_notes",
            Field::FileText => "file_text",
            Field::Office => "office",
            Field::Manager => "manager",
        }
    }

    pub const ALL: [Field; 28] = [
        Field::Organization,
        Field::Name,
        Field::EmployeeNumber,
        Field::Username,
        Field::Password,
        Field::Roles,
        Field::Language,
        Field::Reason,
        Field::Comment,
        Field::Notes,
        Field::NextSteps,
        Field::Evidence,
        Field::Response,
        Field::TeamName,
        Field::Note,
        Field::Duration,
        Field::Rating,
        Field::Date,
        Field::DueDate,
        Field::Setting,
        Field::AssessmentKind,
        Field::Months,
        Field::Position,
        Field::Version,
        Field::ChangeNotes,
        Field::FileText,
        Field::Office,
        Field::Manager,
    ];
}

/// What a `not_found` refusal could not find.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Thing {
    Person,
    Learner,
    Coach,
    ManagerOrCoach,
    Office,
    Account,
    Course,
    Lesson,
    KnowledgeCheck,
    KnowledgeCheckItem,
    Attempt,
    SelfAssessment,
    CoachingSession,
    Assignment,
    Submission,
    Rubric,
    ObservationRubric,
    TeamSynthesis,
    CertificationRequest,
    Certificate,
    Pairing,
    Pack,
    PackVersion,
    Draft,
    DraftFile,
    Class,
}

impl Thing {
    pub fn as_str(self) -> &'static str {
        match self {
            Thing::Person => "person",
            Thing::Learner => "learner",
            Thing::Coach => "coach",
            Thing::ManagerOrCoach => "manager_or_coach",
            Thing::Office => "office",
            Thing::Account => "account",
            Thing::Course => "course",
            Thing::Lesson => "lesson",
            Thing::KnowledgeCheck => "knowledge_check",
            Thing::KnowledgeCheckItem => "knowledge_check_item",
            Thing::Attempt => "attempt",
            Thing::SelfAssessment => "self_assessment",
            Thing::CoachingSession => "coaching_session",
            Thing::Assignment => "assignment",
            Thing::Submission => "submission",
            Thing::Rubric => "rubric",
            Thing::ObservationRubric => "observation_rubric",
            Thing::TeamSynthesis => "team_synthesis",
            Thing::CertificationRequest => "certification_request",
            Thing::Certificate => "certificate",
            Thing::Pairing => "pairing",
            Thing::Pack => "pack",
            Thing::PackVersion => "pack_version",
            Thing::Draft => "draft",
            Thing::DraftFile => "draft_file",
            Thing::Class => "class",
        }
    }

    pub const ALL: [Thing; 26] = [
        Thing::Person,
        Thing::Learner,
        Thing::Coach,
        Thing::ManagerOrCoach,
        Thing::Office,
        Thing::Account,
        Thing::Course,
        Thing::Lesson,
        Thing::KnowledgeCheck,
        Thing::KnowledgeCheckItem,
        Thing::Attempt,
        Thing::SelfAssessment,
        Thing::CoachingSession,
        Thing::Assignment,
        Thing::Submission,
        Thing::Rubric,
        Thing::ObservationRubric,
        Thing::TeamSynthesis,
        Thing::CertificationRequest,
        Thing::Certificate,
        Thing::Pairing,
        Thing::Pack,
        Thing::PackVersion,
        Thing::Draft,
        Thing::DraftFile,
        Thing::Class,
    ];
}

/// Everything the window may be refused for, precise enough to translate:
/// the UI says each in the person's language from the variant, never from
/// the English `message` (which stays for logs and the command line).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    // ── Input ────────────────────────────────────────────────────────────
    Empty {
        field: Field,
    },
    TooLong {
        field: Field,
        max: usize,
    },
    /// A number outside its range.
    OutOfRange {
        field: Field,
        min: i64,
        max: i64,
        given: i64,
    },
    /// A choice that is not one of the offered ones.
    NotAChoice {
        field: Field,
        given: String,
    },
    /// A date later than allowed (in the future for something that happened).
    DateInFuture {
        field: Field,
    },
    /// A date earlier than allowed.
    DateTooOld {
        field: Field,
        days: i64,
    },
    /// A date already past (for something that is due).
    DateInPast {
        field: Field,
        today: chrono::NaiveDate,
    },
    /// A date further away than allowed.
    DateTooFar {
        field: Field,
        days: i64,
    },
    /// A date field that does not hold a date.
    NotADate {
        field: Field,
    },
    /// An end before its start.
    EndsBeforeStart,
    PasswordTooShort {
        min: usize,
    },
    PasswordIsUsername,
    UsernameCharacter {
        character: String,
    },
    NoRole,
    BadLanguage {
        tag: String,
    },
    EmployeeNumberTaken {
        number: String,
    },
    UsernameTaken {
        username: String,
    },
    AlreadySetUp,
    /// Too many failed sign-ins: try again in this many minutes.
    LockedFor {
        minutes: i64,
    },
    // ── Files ────────────────────────────────────────────────────────────
    /// An upload (archive, attachment, file) over the size allowed.
    UploadTooLarge {
        max_mb: u32,
    },
    TooManyFiles {
        max: usize,
    },
    BadFileName {
        name: String,
    },
    FileUnreadable {
        name: String,
    },
    // ── Not found ────────────────────────────────────────────────────────
    NotFound {
        thing: Thing,
        id: String,
    },
    // ── Who may act on whom ──────────────────────────────────────────────
    /// A coach acting on someone who is not their learner (not in their
    /// office, not paired with them, not their staff).
    NotYourLearner {
        name: String,
    },
    /// A manager acting on someone who is not one of their direct reports.
    NotYourStaff {
        name: String,
    },
    /// Coaching, assessing, reviewing or deciding for oneself.
    NotForYourself,
    /// The course is still locked for that learner (prerequisites missing).
    CourseLockedFor {
        name: String,
        course: crate::LocalizedText,
    },
    /// The course is locked for the caller until they complete others.
    CourseLocked {
        course: crate::LocalizedText,
        missing: Vec<crate::LocalizedText>,
    },
    // ── Knowledge checks ─────────────────────────────────────────────────
    QuizAlreadyPassed,
    NoAttemptsLeft {
        max: u8,
    },
    /// The next attempt may start at this time (shown in the person's zone).
    WaitUntil {
        at: chrono::DateTime<chrono::Utc>,
    },
    AttemptAlreadySubmitted,
    /// Answers still missing before the attempt can be submitted.
    UnansweredItems {
        count: usize,
    },
    /// An answer of the wrong kind for its item (a bug or a tampered call).
    AnswerDoesNotFit {
        item: String,
    },
    /// Not every step, pair or choice of the item was answered.
    AnswerIncomplete {
        item: String,
    },
    // ── Coaching ─────────────────────────────────────────────────────────
    NoDriverRated,
    DriverRatedTwice {
        driver: crate::Driver,
    },
    EvidenceMissing {
        driver: crate::Driver,
    },
    AlreadyResponded,
    // ── Assignments and rubrics ──────────────────────────────────────────
    AwaitingReview,
    AlreadyAccepted,
    AlreadyReviewed,
    UnknownCriterion {
        criterion: String,
    },
    ScoreEachCriterionOnce {
        criterion: String,
    },
    ScoreOutOfRange {
        criterion: String,
        max: u8,
        given: u8,
    },
    /// Accepting needs scores that meet the rubric's pass rule.
    RubricNotMet {
        min_total_percent: u8,
        min_each: u8,
    },
    TeamSize {
        min: u8,
        max: u8,
        given: usize,
    },
    AlreadyInTeam {
        name: String,
        team: String,
    },
    NotInTeamYet,
    // ── Certification ────────────────────────────────────────────────────
    NotEligible {
        missing: Vec<crate::Missing>,
    },
    /// At the decision: the requester no longer meets what the request was
    /// made on (a lower level revoked since, say).
    NoLongerEligible {
        name: String,
        missing: Vec<crate::Missing>,
    },
    AlreadyRequested,
    /// A period is in force well beyond the expiring window.
    CertifiedUntil {
        until: chrono::DateTime<chrono::Utc>,
    },
    AlreadyDecided,
    NoManagerOnRecord {
        name: String,
    },
    /// Only the requester's manager, or that manager's delegate today.
    NotTheirApprover {
        name: String,
    },
    NotApproved,
    AlreadyRevoked,
    DelegationTooLong,
    PairingAlreadyExists {
        coach: String,
        learner: String,
    },
    PairingAlreadyEnded,
    // ── Course design ────────────────────────────────────────────────────
    /// The pack has problems (their count); the designer lists them.
    PackHasProblems {
        errors: usize,
    },
    /// A version that is not higher than the latest one.
    VersionNotNewer {
        latest: String,
    },
    /// Only the program's own pack can be designed here.
    OnlyTheProgramPack,
    DraftChanged,
    /// An archive refused, and why.
    ArchiveRefused {
        reason: ArchiveReason,
    },
    // ── HR ───────────────────────────────────────────────────────────────
    /// SCIM is not set up (no base URL, or file mode).
    HrNotConfigured,
    /// Not an http(s) address.
    BadUrl {
        given: String,
    },
    /// The HR server could not be reached (timeout, refused, cut off).
    HrUnreachable {
        detail: String,
    },
    /// The HR server answered with an error; `detail` is its own reason.
    HrRefused {
        status: u16,
        detail: String,
    },
    /// The HR server answered something that is not SCIM.
    HrAnswerUnreadable {
        detail: String,
    },
    /// A roster file that is not UTF-8 text (e.g. saved as Latin-1).
    NotUtf8 {
        line: u32,
    },
    /// A roster file without the columns Mastery needs.
    MissingColumns {
        columns: Vec<String>,
    },
    /// A roster file with no header line.
    EmptyRoster,
    /// The people or the roster changed since the preview: preview again.
    RosterChanged,
    /// An activation code that is wrong, used or expired (not said which).
    ActivationRefused,
    /// HR has no record of this person (employee number, or HR id).
    HrNoRecord {
        number: String,
    },
    /// HR's record was changed on the HR side since Mastery last wrote
    /// it (HR shows this sequence number): reported, not overwritten.
    HrEditedThere {
        sequence: Option<u64>,
    },
    /// A status message that cannot be read back from the outbox.
    HrDamagedMessage,
    // ── Classes and surveys ──────────────────────────────────────────────
    ClassNoCapacity,
    ClassInThePast,
    ClassEndsBeforeStart,
    ClassTooLong {
        hours: u32,
    },
    ClassCancelled,
    ClassStarted,
    ClassNotStarted,
    AlreadyEnrolled,
    NotEnrolled,
    /// Only the facilitator, whoever scheduled it, or a manager of its
    /// office may take attendance or cancel.
    NotRunningClass,
    /// A learner invited to a class of an office they do not work in.
    NotInClassOffice,
    /// No survey is waiting for this person for this class (not attended,
    /// not ended, already answered or declined, or closed 30 days after).
    SurveyNotDue,
    SurveyAnswer {
        problem: crate::SurveyAnswerProblem,
    },
    /// Not a time of day like 13:30.
    NotATime {
        given: String,
    },
}

/// Why a pack archive is refused at import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ArchiveReason {
    /// Not a zip archive, or cut short.
    NotAnArchive,
    /// No record of its contents (not made by an export).
    NoRecord,
    /// A record that cannot be read.
    BadRecord,
    /// Made by a newer Mastery.
    NewerFormat { format: u32 },
    /// A file the record lists is missing.
    Missing { path: String },
    /// A file the record does not list.
    Extra { path: String },
    /// A file whose content does not match the record.
    Altered { path: String },
    /// A file cut short or damaged.
    Damaged { path: String },
    /// A file no pack may contain.
    NotPackFile { path: String },
    /// Over the size allowed once unpacked.
    TooLarge { max_mb: u64 },
    /// The files do not add up to the recorded content hash.
    HashMismatch,
    /// The record names another pack than the pack's manifest.
    PackMismatch { record: String, manifest: String },
    /// The pack inside has errors.
    InvalidPack { errors: usize },
}

impl Problem {
    /// The field the problem is about, for the UI to point at.
    pub fn field(&self) -> Option<Field> {
        match self {
            Problem::Empty { field }
            | Problem::TooLong { field, .. }
            | Problem::OutOfRange { field, .. }
            | Problem::NotAChoice { field, .. }
            | Problem::DateInFuture { field }
            | Problem::DateTooOld { field, .. }
            | Problem::DateInPast { field, .. }
            | Problem::DateTooFar { field, .. }
            | Problem::NotADate { field } => Some(*field),
            Problem::PasswordTooShort { .. } | Problem::PasswordIsUsername => Some(Field::Password),
            Problem::UsernameCharacter { .. } | Problem::UsernameTaken { .. } => {
                Some(Field::Username)
            }
            Problem::NoRole => Some(Field::Roles),
            Problem::BadLanguage { .. } => Some(Field::Language),
            Problem::EmployeeNumberTaken { .. } => Some(Field::EmployeeNumber),
            Problem::NoDriverRated
            | Problem::DriverRatedTwice { .. }
            | Problem::EvidenceMissing { .. } => Some(Field::Rating),
            _ => None,
        }
    }

    /// The stable code of the refusal.
    pub fn code(&self) -> ErrorCode {
        use Problem::*;
        match self {
            EmployeeNumberTaken { .. }
            | UsernameTaken { .. }
            | AlreadySetUp
            | QuizAlreadyPassed
            | NoAttemptsLeft { .. }
            | WaitUntil { .. }
            | AttemptAlreadySubmitted
            | AlreadyResponded
            | AwaitingReview
            | AlreadyAccepted
            | AlreadyReviewed
            | AlreadyInTeam { .. }
            | NotEligible { .. }
            | NoLongerEligible { .. }
            | AlreadyRequested
            | CertifiedUntil { .. }
            | AlreadyDecided
            | NotApproved
            | AlreadyRevoked
            | PairingAlreadyExists { .. }
            | PairingAlreadyEnded
            | DraftChanged
            | RosterChanged
            | ClassCancelled
            | ClassStarted
            | ClassNotStarted
            | AlreadyEnrolled
            | NotEnrolled
            | SurveyNotDue => ErrorCode::Conflict,
            NotRunningClass => ErrorCode::Forbidden,
            NotInClassOffice => ErrorCode::InvalidInput,
            HrUnreachable { .. } | HrRefused { .. } | HrAnswerUnreadable { .. } => {
                ErrorCode::Unavailable
            }
            ActivationRefused => ErrorCode::InvalidCredentials,
            LockedFor { .. } => ErrorCode::AccountLocked,
            NotFound { .. } => ErrorCode::NotFound,
            NotYourLearner { .. }
            | NotYourStaff { .. }
            | NotForYourself
            | CourseLockedFor { .. }
            | CourseLocked { .. }
            | NoManagerOnRecord { .. }
            | NotTheirApprover { .. } => ErrorCode::Forbidden,
            // Another pack is, as far as the caller can tell, not there.
            OnlyTheProgramPack => ErrorCode::NotFound,
            PackHasProblems { .. } | ArchiveRefused { .. } => ErrorCode::InvalidPack,
            _ => ErrorCode::InvalidInput,
        }
    }
}

/// What is missing for a certification, in a line of English.
fn describe(missing: &[crate::Missing]) -> String {
    missing
        .iter()
        .map(|m| match m {
            crate::Missing::Requirement { course, key } => format!("{} in {course}", key.as_str()),
            crate::Missing::PriorLevel { level } => format!("Level {} certified", level.get()),
            crate::Missing::CourseLocked { course } => format!("{course} opened"),
            crate::Missing::CourseIncomplete { course } => format!("{course} completed"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// English, for logs and the command line; the UI translates from the variant.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = |fl: &Field| fl.as_str().replace('_', " ");
        match self {
            Problem::Empty { field: fl } => write!(f, "the {} is empty", field(fl)),
            Problem::TooLong { field: fl, max } => {
                write!(f, "the {} is longer than {max} characters", field(fl))
            }
            Problem::OutOfRange {
                field: fl,
                min,
                max,
                given,
            } => write!(f, "the {} must be {min} to {max}, not {given}", field(fl)),
            Problem::NotAChoice { field: fl, given } => {
                write!(f, "{given:?} is not a choice for the {}", field(fl))
            }
            Problem::DateInFuture { field: fl } => write!(f, "the {} is in the future", field(fl)),
            Problem::DateTooOld { field: fl, days } => {
                write!(f, "the {} is more than {days} days ago", field(fl))
            }
            Problem::DateInPast { field: fl, today } => {
                write!(f, "the {} is in the past (today is {today})", field(fl))
            }
            Problem::DateTooFar { field: fl, days } => {
                write!(f, "the {} is more than {days} days away", field(fl))
            }
            Problem::NotADate { field: fl } => write!(f, "the {} is not a date", field(fl)),
            Problem::EndsBeforeStart => f.write_str("it ends before it starts"),
            Problem::PasswordTooShort { min } => {
                write!(f, "the password must have at least {min} characters")
            }
            Problem::PasswordIsUsername => f.write_str("the password must not be the username"),
            Problem::UsernameCharacter { character } => write!(
                f,
                "the username may hold letters, digits, '.', '-' and '_', not {character:?}"
            ),
            Problem::NoRole => f.write_str("give the account at least one role"),
            Problem::BadLanguage { tag } => {
                write!(f, "{tag:?} is not a language tag like en or fr")
            }
            Problem::EmployeeNumberTaken { number } => {
                write!(f, "employee number {number} is already on file")
            }
            Problem::UsernameTaken { username } => write!(f, "the username {username} is taken"),
            Problem::AlreadySetUp => f.write_str(
                "this database already has accounts; ask an administrator to create yours",
            ),
            Problem::LockedFor { minutes } => {
                write!(f, "too many failed sign-ins; try again in {minutes} minute(s)")
            }
            Problem::UploadTooLarge { max_mb } => {
                write!(f, "the file is larger than the {max_mb} MB allowed")
            }
            Problem::TooManyFiles { max } => write!(f, "attach at most {max} files"),
            Problem::BadFileName { name } => write!(f, "{name:?} is not a usable file name"),
            Problem::FileUnreadable { name } => write!(f, "{name} could not be read"),
            Problem::NotFound { thing, id } => {
                write!(f, "there is no {} {id}", thing.as_str().replace('_', " "))
            }
            Problem::NotYourLearner { name } => write!(
                f,
                "{name} is not one of your learners: a coach acts for learners of their own office, their own staff, or learners a manager paired with them"
            ),
            Problem::NotYourStaff { name } => write!(
                f,
                "{name} is not one of your staff: a manager acts for their own direct reports"
            ),
            Problem::NotForYourself => {
                f.write_str("nobody coaches, assesses, reviews or decides for themself")
            }
            Problem::CourseLockedFor { name, course } => write!(
                f,
                "{} is still locked for {name}: its prerequisites are not completed",
                course.get("en")
            ),
            Problem::CourseLocked { course, missing } => write!(
                f,
                "{} is locked until {} is completed",
                course.get("en"),
                missing
                    .iter()
                    .map(|m| m.get("en"))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            Problem::QuizAlreadyPassed => f.write_str("this knowledge check is already passed"),
            Problem::NoAttemptsLeft { max } => {
                write!(f, "all {max} attempts are used; speak with your coach")
            }
            Problem::WaitUntil { at } => write!(f, "the next attempt may start at {at}"),
            Problem::AttemptAlreadySubmitted => f.write_str("this attempt is already submitted"),
            Problem::UnansweredItems { count } => {
                write!(f, "{count} question(s) are not answered yet")
            }
            Problem::AnswerDoesNotFit { item } => {
                write!(f, "the answer does not fit question {item}")
            }
            Problem::AnswerIncomplete { item } => write!(f, "question {item} is not fully answered"),
            Problem::NoDriverRated => {
                f.write_str("rate at least one of the Five Drivers you observed")
            }
            Problem::DriverRatedTwice { driver } => {
                write!(f, "{} is rated twice", driver.as_str())
            }
            Problem::EvidenceMissing { driver } => {
                write!(f, "write the evidence you saw for {}", driver.as_str())
            }
            Problem::AlreadyResponded => f.write_str("this session already has a response"),
            Problem::AwaitingReview => f.write_str("this assignment already awaits review"),
            Problem::AlreadyAccepted => f.write_str("this assignment is already accepted"),
            Problem::AlreadyReviewed => f.write_str("this submission is already reviewed"),
            Problem::UnknownCriterion { criterion } => {
                write!(f, "the rubric has no criterion {criterion:?}")
            }
            Problem::ScoreEachCriterionOnce { criterion } => {
                write!(f, "score the criterion {criterion:?} once")
            }
            Problem::ScoreOutOfRange {
                criterion,
                max,
                given,
            } => write!(f, "the score for {criterion:?} must be 1 to {max}, not {given}"),
            Problem::RubricNotMet {
                min_total_percent,
                min_each,
            } => write!(
                f,
                "these scores do not meet the rubric's pass rule ({min_total_percent} % of the maximum, no criterion below {min_each}); return it with comments instead"
            ),
            Problem::TeamSize { min, max, given } => {
                write!(f, "a team has {min} to {max} members, not {given}")
            }
            Problem::AlreadyInTeam { name, team } => {
                write!(f, "{name} is already in the team {team:?} for this course")
            }
            Problem::NotInTeamYet => f.write_str(
                "you are not in a team for this course yet; your coach forms the teams",
            ),
            Problem::NotEligible { missing } => {
                write!(f, "not eligible yet; still needed: {}", describe(missing))
            }
            Problem::NoLongerEligible { name, missing } => write!(
                f,
                "{name} is no longer eligible; still needed: {}",
                describe(missing)
            ),
            Problem::AlreadyRequested => f.write_str("a request already awaits a decision"),
            Problem::CertifiedUntil { until } => {
                write!(f, "certified until {until}; recertify once it is expiring")
            }
            Problem::AlreadyDecided => f.write_str("this request is already decided"),
            Problem::NoManagerOnRecord { name } => write!(
                f,
                "{name} has no manager in the org structure; HR must record one before anyone can decide"
            ),
            Problem::NotTheirApprover { name } => write!(
                f,
                "only {name}'s own manager, or a delegate that manager named for today, may decide"
            ),
            Problem::NotApproved => f.write_str("only an approved certification can be revoked"),
            Problem::AlreadyRevoked => f.write_str("this certification is already revoked"),
            Problem::DelegationTooLong => f.write_str("a delegation lasts at most a year"),
            Problem::PairingAlreadyExists { coach, learner } => {
                write!(f, "{coach} is already paired with {learner}")
            }
            Problem::PairingAlreadyEnded => f.write_str("this pairing has already ended"),
            Problem::PackHasProblems { errors } => {
                write!(f, "the pack has {errors} error(s); fix them first")
            }
            Problem::VersionNotNewer { latest } => {
                write!(f, "the new version must be higher than {latest}")
            }
            Problem::OnlyTheProgramPack => {
                f.write_str("only the program's own pack can be designed here")
            }
            Problem::DraftChanged => f.write_str("the draft changed since it was opened"),
            Problem::ArchiveRefused { reason } => write!(f, "import refused: {reason:?}"),
            Problem::HrNotConfigured => {
                f.write_str("the SCIM connection to HR is not set up (base URL and token)")
            }
            Problem::BadUrl { given } => write!(f, "{given:?} is not an http:// or https:// address"),
            Problem::HrUnreachable { detail } => write!(f, "HR could not be reached: {detail}"),
            Problem::HrRefused { status, detail } => {
                write!(f, "HR answered {status}: {detail}")
            }
            Problem::HrAnswerUnreadable { detail } => {
                write!(f, "HR's answer is not SCIM: {detail}")
            }
            Problem::NotUtf8 { line } => write!(
                f,
                "line {line} is not UTF-8 text; save the file as CSV UTF-8"
            ),
            Problem::MissingColumns { columns } => {
                write!(f, "the file lacks the column(s) {}", columns.join(", "))
            }
            Problem::EmptyRoster => f.write_str("the file has no header line"),
            Problem::RosterChanged => {
                f.write_str("the roster or the people changed since the preview; preview again")
            }
            Problem::ActivationRefused => f.write_str(
                "employee number or activation code not valid (codes are single-use and expire)",
            ),
            Problem::HrNoRecord { number } => {
                write!(f, "HR has no record of employee number {number}")
            }
            Problem::HrEditedThere { sequence } => write!(
                f,
                "HR's record was changed in HR since Mastery last wrote it (HR shows sequence {}); retry to overwrite it",
                sequence.map_or("none".to_owned(), |s| s.to_string())
            ),
            Problem::HrDamagedMessage => f.write_str("the status message is damaged"),
            Problem::ClassNoCapacity => f.write_str("a class needs at least one seat"),
            Problem::ClassInThePast => f.write_str("the class would start in the past"),
            Problem::ClassEndsBeforeStart => f.write_str("the class ends before it starts"),
            Problem::ClassTooLong { hours } => write!(f, "a class lasts at most {hours} hours"),
            Problem::ClassCancelled => f.write_str("this class is cancelled"),
            Problem::ClassStarted => f.write_str("this class has already started"),
            Problem::ClassNotStarted => f.write_str("this class has not started yet"),
            Problem::AlreadyEnrolled => f.write_str("already enrolled or waiting for this class"),
            Problem::NotEnrolled => f.write_str("not enrolled in this class"),
            Problem::NotRunningClass => f.write_str(
                "only the facilitator, whoever scheduled the class or a manager of its office may do this",
            ),
            Problem::NotInClassOffice => {
                f.write_str("this learner does not work in the office this class is held for")
            }
            Problem::SurveyNotDue => f.write_str("no survey is waiting for you for this class"),
            Problem::SurveyAnswer { problem } => write!(f, "survey answer refused: {problem:?}"),
            Problem::NotATime { given } => write!(f, "{given:?} is not a time like 13:30"),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for ApiError {}
