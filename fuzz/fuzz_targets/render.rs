//! Every renderer (text, JSON, TSV, TMX, HTML), with the default options
//! and with every switch turned, over a bilingual input and over the input
//! split into two texts: JSON parses, TMX is XML, HTML has no parse error.
#![no_main]

use lexalign::export::ReportOptions;
use lexalign_fuzz::{check_reports, odd_options, split_two, text_input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_input(data) else {
        return;
    };
    let (a, b) = split_two(text);
    let results = [lexalign::align_bilingual(text), lexalign::align(a, b)];
    for pt in results.iter().flatten() {
        check_reports(pt, &ReportOptions::default(), true);
        check_reports(pt, &odd_options(text), true);
    }
});
