//! Reusable pieces of the interface, one per file.

pub mod activate_form;
pub mod activation_codes;
pub mod attempt_result;
pub mod back_to_course;
pub mod breakdown_table;
pub mod cert_card;
pub mod cert_status;
pub mod class_card;
pub mod class_roster;
pub mod coaching_by_driver;
pub mod coaching_session;
pub mod completions_over_time;
pub mod course_card;
pub mod course_feedback;
pub mod feedback_citations;
pub mod field;
pub mod header;
pub mod hr_connection;
pub mod hr_delivery;
pub mod hr_progress;
pub mod import_summary;
pub mod item_analysis_view;
pub mod item_flags;
pub mod lang_switch;
pub mod mandatory_gaps;
pub mod observation_form;
pub mod office_certifications;
pub mod pairings;
pub mod pending_card;
pub mod previous_version;
pub mod prose;
pub mod question_result;
pub mod quiz_item;
pub mod results_export;
pub mod review_queue;
pub mod roster_import;
pub mod roster_preview;
pub mod schedule_class_form;
pub mod survey_charts;
pub mod survey_form;
pub mod team_form;
pub mod verify_card;
pub mod version_comparison;

use mastery_types::{ApiError, Problem};

/// Did the last error point at `field`?
pub fn points_at(e: &Option<ApiError>, field: mastery_types::Field) -> bool {
    e.as_ref()
        .and_then(|e| e.problem.as_ref())
        .and_then(Problem::field)
        == Some(field)
}

pub use crate::refusals::error_text;
