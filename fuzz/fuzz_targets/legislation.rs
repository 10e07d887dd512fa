//! Real legislation (the seeds) mutated by structured edits (see
//! `lexalign_fuzz::mutate`): one text parsed and aligned as a bilingual
//! input, or two texts aligned both ways; every invariant, every report.
//!
//! `LEXALIGN_FUZZ_DUMP=DIR` writes the generated text(s) to DIR before the
//! checks, to turn a crash into a plain-text regression test.
#![no_main]

use lexalign_fuzz::mutate::{Mutation, Texts};
use lexalign_fuzz::{exercise_bilingual, exercise_two};
use libfuzzer_sys::fuzz_target;

fn dump(name: &str, text: &str) {
    if let Some(dir) = std::env::var_os("LEXALIGN_FUZZ_DUMP") {
        let path = std::path::Path::new(&dir).join(name);
        std::fs::write(&path, text).expect("writing the dump");
    }
}

fuzz_target!(|m: Mutation| {
    match m.texts() {
        Texts::One(text) => {
            dump("text.txt", &text);
            exercise_bilingual(&text);
        }
        Texts::Two(a, b) => {
            dump("a.txt", &a);
            dump("b.txt", &b);
            exercise_two(&a, &b);
        }
    }
});
