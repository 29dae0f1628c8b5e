//! The desktop binary: all of it is in the library, so tests can drive it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    mastery_desktop::run();
}
