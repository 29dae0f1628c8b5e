//! Nothing to export: this crate only holds the cross-crate and end-to-end
//! test binaries under `e2e/`.
