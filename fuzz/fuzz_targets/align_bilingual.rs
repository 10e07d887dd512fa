//! One text holding both versions: `align_bilingual` and its invariants.
#![no_main]

use lexalign_fuzz::{check_parallel, text_input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_input(data) else {
        return;
    };
    if let Ok(pt) = lexalign::align_bilingual(text) {
        check_parallel(&pt, text, text);
    }
});
