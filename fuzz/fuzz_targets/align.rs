//! Two texts (the input split at its first NUL, else at the line end
//! nearest the middle): `align` in both orders mirrors, and its invariants.
#![no_main]

use lexalign_fuzz::{check_mirror, check_parallel, split_two, MAX_LEN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_LEN {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = split_two(text);
    if let Some((pt, arabic, english)) = check_mirror(a, b) {
        check_parallel(&pt, arabic, english);
    }
});
