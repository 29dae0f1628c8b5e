//! API tests: every use case through `Api`, with the clock passed in.

mod assignments;
mod auth;
mod bad_input;
mod certification;
mod classes;
mod coaching;
mod common;
mod designer;
mod hr;
mod learning;
mod rbac;
mod scope;
mod team;
