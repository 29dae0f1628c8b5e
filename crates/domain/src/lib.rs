//! The rules of the Service Excellence Certification Program as pure
//! functions: they take the facts and the current time as arguments and
//! return decisions. This crate never touches SQLite, the clock, the
//! network or Tauri, which is why every rule here is tested exhaustively
//! without a window.
//!
//! ```
//! use mastery_domain::access::{Permission, allows};
//! use mastery_types::Role;
//! assert!(allows(&[Role::Administrator], Permission::ManageAccounts));
//! assert!(!allows(&[Role::Learner], Permission::ManageAccounts));
//! ```

pub mod access;
pub mod accounts;
pub mod assignments;
pub mod catalogue;
pub mod certification;
pub mod classes;
pub mod coaching;
pub mod dashboard;
pub mod facts;
pub mod hr;
pub mod integrity;
pub mod item_analysis;
pub mod progress;
pub mod quiz;
pub mod roster;
pub mod scope;
pub mod surveys;
