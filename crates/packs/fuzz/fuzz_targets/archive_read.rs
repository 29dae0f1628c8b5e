//! Fuzzes the archive reader: any bytes must give a pack's files or a
//! clear refusal, never a panic or an unbounded allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = mastery_packs::archive::read(data, |_, _| {});
});
