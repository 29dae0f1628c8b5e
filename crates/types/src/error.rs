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
}

impl ErrorCode {
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

    /// An input problem: `invalid_input`, or `conflict` for what clashes
    /// with saved data.
    pub fn problem(problem: Problem) -> Self {
        let code = match problem {
            Problem::EmployeeNumberTaken { .. }
            | Problem::UsernameTaken { .. }
            | Problem::AlreadySetUp => ErrorCode::Conflict,
            Problem::LockedFor { .. } => ErrorCode::AccountLocked,
            Problem::NotYourLearner { .. }
            | Problem::NotYourStaff { .. }
            | Problem::NotForYourself
            | Problem::CourseLockedFor { .. } => ErrorCode::Forbidden,
            _ => ErrorCode::InvalidInput,
        };
        Self {
            code,
            message: problem.to_string(),
            problem: Some(problem),
        }
    }
}

/// A form field a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Organization,
    Name,
    EmployeeNumber,
    Username,
    Password,
    Roles,
    Language,
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
        }
    }
}

/// Something wrong with what the user typed, precise enough to translate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    Empty {
        field: Field,
    },
    TooLong {
        field: Field,
        max: usize,
    },
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
    /// A coach acting on someone who is not their learner (not in their
    /// office, not paired with them, not their staff).
    NotYourLearner {
        name: String,
    },
    /// A manager acting on someone who is not one of their direct reports.
    NotYourStaff {
        name: String,
    },
    /// Coaching, assessing or reviewing oneself.
    NotForYourself,
    /// The course is still locked for that learner (prerequisites missing).
    CourseLockedFor {
        name: String,
        course: crate::LocalizedText,
    },
    /// An upload (archive, attachment, file) over the size allowed.
    UploadTooLarge {
        max_mb: u32,
    },
}

impl Problem {
    /// The field the problem is about, for the UI to point at.
    pub fn field(&self) -> Option<Field> {
        match self {
            Problem::Empty { field } | Problem::TooLong { field, .. } => Some(*field),
            Problem::PasswordTooShort { .. } | Problem::PasswordIsUsername => Some(Field::Password),
            Problem::UsernameCharacter { .. } | Problem::UsernameTaken { .. } => {
                Some(Field::Username)
            }
            Problem::NoRole => Some(Field::Roles),
            Problem::BadLanguage { .. } => Some(Field::Language),
            Problem::EmployeeNumberTaken { .. } => Some(Field::EmployeeNumber),
            Problem::AlreadySetUp
            | Problem::LockedFor { .. }
            | Problem::NotYourLearner { .. }
            | Problem::NotYourStaff { .. }
            | Problem::NotForYourself
            | Problem::CourseLockedFor { .. }
            | Problem::UploadTooLarge { .. } => None,
        }
    }
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
                write!(
                    f,
                    "too many failed sign-ins; try again in {minutes} minute(s)"
                )
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
                f.write_str("nobody coaches, assesses or reviews themself")
            }
            Problem::CourseLockedFor { name, course } => write!(
                f,
                "{} is still locked for {name}: its prerequisites are not completed",
                course.get("en")
            ),
            Problem::UploadTooLarge { max_mb } => {
                write!(f, "the file is larger than the {max_mb} MB allowed")
            }
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for ApiError {}
