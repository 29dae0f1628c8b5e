//! Rebuilds the crate when the shipped pack changes: `include_dir!` sees
//! edited files but not added or removed ones.

fn main() {
    println!("cargo:rerun-if-changed=../../courses/service-excellence");
}
