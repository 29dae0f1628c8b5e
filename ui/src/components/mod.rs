//! Reusable pieces of the interface, one per file.

pub mod back_to_course;
pub mod course_card;
pub mod field;
pub mod header;
pub mod lang_switch;
pub mod pairings;
pub mod prose;

use crate::i18n::I18n;
use mastery_types::{ApiError, Problem};

/// Did the last error point at `field`?
pub fn points_at(e: &Option<ApiError>, field: mastery_types::Field) -> bool {
    e.as_ref()
        .and_then(|e| e.problem.as_ref())
        .and_then(Problem::field)
        == Some(field)
}

/// An input problem in the user's language.
pub fn problem_text(t: &I18n, p: &Problem) -> String {
    let field = |f: &mastery_types::Field| t.t(&format!("field-{}", f.as_str()));
    match p {
        Problem::Empty { field: f } => t.t_args("problem-empty", &[("field", field(f).into())]),
        Problem::TooLong { field: f, max } => t.t_args(
            "problem-too-long",
            &[("field", field(f).into()), ("max", (*max).into())],
        ),
        Problem::PasswordTooShort { min } => {
            t.t_args("problem-password-too-short", &[("min", (*min).into())])
        }
        Problem::PasswordIsUsername => t.t("problem-password-is-username"),
        Problem::UsernameCharacter { character } => t.t_args(
            "problem-username-character",
            &[("character", character.clone().into())],
        ),
        Problem::NoRole => t.t("problem-no-role"),
        Problem::BadLanguage { tag } => {
            t.t_args("problem-bad-language", &[("tag", tag.clone().into())])
        }
        Problem::EmployeeNumberTaken { number } => t.t_args(
            "problem-employee-number-taken",
            &[("number", number.clone().into())],
        ),
        Problem::UsernameTaken { username } => t.t_args(
            "problem-username-taken",
            &[("username", username.clone().into())],
        ),
        Problem::AlreadySetUp => t.t("problem-already-set-up"),
        Problem::LockedFor { minutes } => {
            t.t_args("problem-locked-for", &[("minutes", (*minutes).into())])
        }
        Problem::NotYourLearner { name } => {
            t.t_args("problem-not-your-learner", &[("name", name.clone().into())])
        }
        Problem::NotYourStaff { name } => {
            t.t_args("problem-not-your-staff", &[("name", name.clone().into())])
        }
        Problem::NotForYourself => t.t("problem-not-for-yourself"),
        Problem::CourseLockedFor { name, course } => t.t_args(
            "problem-course-locked-for",
            &[
                ("name", name.clone().into()),
                ("course", course.get(t.lang()).to_owned().into()),
            ],
        ),
        Problem::UploadTooLarge { max_mb } => {
            t.t_args("problem-upload-too-large", &[("max", (*max_mb).into())])
        }
    }
}

/// An API error in the user's language: its problem if it has one, else the
/// text for its code, with the English detail where it helps support.
pub fn error_text(t: &I18n, e: &ApiError) -> String {
    if let Some(p) = &e.problem {
        return problem_text(t, p);
    }
    let id = format!("error-{}", e.code.as_str());
    let text = t.t(&id);
    if text == id {
        return t.t_args("error-unknown", &[("detail", e.message.clone().into())]);
    }
    use mastery_types::ErrorCode::*;
    match e.code {
        InvalidInput | Conflict | Storage | InvalidPack | AccountLocked => {
            format!("{text} ({})", e.message)
        }
        _ => text,
    }
}
