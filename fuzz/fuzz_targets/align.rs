//! Two texts (the input split at its first NUL, else at the line end
//! nearest the middle): `align` in both orders mirrors, and its invariants.
#![no_main]

use lexalign_fuzz::{check_mirror, check_parallel, split_two, text_input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_input(data) else {
        return;
    };
    let (a, b) = split_two(text);
    if let Some((pt, arabic, english)) = check_mirror(a, b) {
        check_parallel(&pt, arabic, english);
    }
});
