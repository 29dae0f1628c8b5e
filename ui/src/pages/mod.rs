//! One module per page.

pub mod accounts;
pub mod assignments;
pub mod catalogue;
pub mod certification;
pub mod classes;
pub mod coaching;
pub mod course;
pub mod dashboard;
pub mod designer;
pub mod editor;
pub mod hr;
pub mod lesson;
pub mod quiz;
pub mod self_assessment;
pub mod setup;
pub mod sign_in;
pub mod survey_results;
pub mod team;
