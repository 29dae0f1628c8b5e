//! End-to-end tests of the real desktop app: the actual binary in a real
//! WebKit window under Xvfb, driven over WebDriver (tauri-driver). Run by
//! `cargo xtask test`, which builds the UI and the binary first.

mod assignment_review;
mod certification;
mod classes;
mod dashboard;
mod designer;
mod harness;
mod hr;
mod learning;
mod navigation;
#[path = "../hr/peer.rs"]
mod peer;
mod setup_and_accounts;
mod sign_in_and_catalogue;
mod team_pairing;
