//! The vocabulary both halves of Mastery speak: identifiers, program enums,
//! request/response DTOs and the `{code, message}` error sent across IPC.
//!
//! This crate compiles for native and for `wasm32-unknown-unknown`; it holds
//! data only: no IO, no clock, no business rules (those live in
//! `mastery-domain`).
//!
//! ```
//! use mastery_types::{Role, Track};
//! assert_eq!(Track::ALL.len(), 4);
//! assert!(Role::ALL.contains(&Role::Coach));
//! ```

mod certification;
mod dashboard;
mod design;
mod dto;
mod error;
mod facts;
mod hr;
mod ids;
mod learning;
mod program;
mod surveys;
mod text;

pub use certification::*;
pub use dashboard::*;
pub use design::*;
pub use dto::*;
pub use error::{ApiError, ArchiveReason, ErrorCode, Field, Problem, Thing};
pub use facts::{
    AssessmentKind, CoachingResponseKind, CoachingSetting, LessonEventKind, ReviewOutcome,
};
pub use hr::*;
pub use ids::{CourseId, EmployeeNumber, PersonId, Username};
pub use learning::*;
pub use program::{Driver, MasteryLevel, Role, Track};
pub use surveys::*;
pub use text::{LangTag, LocalizedText};
