//! One text holding both versions: `align_bilingual` and its invariants.
#![no_main]

use lexalign_fuzz::{check_parallel, MAX_LEN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_LEN {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(pt) = lexalign::align_bilingual(text) {
        check_parallel(&pt, text, text);
    }
});
