//! Reusable pieces of the interface, one per file.

pub mod back_to_course;
pub mod course_card;
pub mod field;
pub mod header;
pub mod lang_switch;
pub mod pairings;
pub mod prose;

use mastery_types::{ApiError, Problem};

/// Did the last error point at `field`?
pub fn points_at(e: &Option<ApiError>, field: mastery_types::Field) -> bool {
    e.as_ref()
        .and_then(|e| e.problem.as_ref())
        .and_then(Problem::field)
        == Some(field)
}

pub use crate::refusals::error_text;
