//! Reusable pieces of the interface, one per file.

pub mod course_card;
pub mod field;
pub mod header;
pub mod lang_switch;

use crate::i18n::I18n;
use mastery_types::ApiError;

/// An API error in the user's language, by its code; the English detail is
/// added where it tells the user something the code alone does not.
pub fn error_text(t: &I18n, e: &ApiError) -> String {
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
