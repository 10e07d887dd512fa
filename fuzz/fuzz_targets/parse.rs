//! Parsing any bytes: `parse_bytes` never panics; any UTF-8 text parses
//! (as a bilingual input and as one document) with its spans as promised.
#![no_main]

use lexalign_fuzz::{check_document, check_parsed, text_input, MAX_LEN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_LEN {
        return;
    }
    let _ = lexalign::parse_bytes(data);
    let Some(text) = text_input(data) else {
        return;
    };
    if let Ok(parsed) = lexalign::parse(text) {
        check_parsed(text, &parsed);
    }
    if let Ok(doc) = lexalign::parse_document(text) {
        check_document(text, &doc);
    }
});
