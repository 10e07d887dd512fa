//! Failures the fuzz targets of `fuzz/` found, as plain tests on stable.
//! Each test says which target found it, which invariant broke and what
//! the input was (minimized by hand to what matters).

use lexalign::export::{render, Format, ReportOptions};

/// Characters an HTML5 parser reports as a parse error wherever they
/// appear in the input stream (control-character-in-input-stream,
/// noncharacter-in-input-stream, unexpected-null-character).
fn html_refuses(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FDD0}'..='\u{FDEF}')
        || (c as u32) & 0xFFFE == 0xFFFE
}

fn page(pt: &lexalign::ParallelText) -> String {
    let mut out = Vec::new();
    render(pt, Format::Html, &ReportOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// `render` (2026-12-03): a DEL (U+007F) in an article's text reached the
/// HTML page, and html5ever reported "Bad character". The C1 controls
/// (U+0080–U+009F) and Unicode noncharacters break the page the same way.
#[test]
fn html_has_no_character_an_html_parser_refuses() {
    let text = "Article 1\nThe law\u{7F} applies from\u{85} 2013.\n\
                Article 2\nIt is published\u{FDD0} in the Gazette\u{1FFFF}.\n\
                مادة (1)\nيعمل بهذا\u{7F} القانون من سنة 2013.\n\
                مادة (2)\nينشر\u{9F} في الجريدة الرسمية.\n";
    let pt = lexalign::align_bilingual(text).unwrap();
    assert!(
        pt.arabic().articles[0].text.contains('\u{7F}'),
        "the parser keeps the text as written"
    );
    let page = page(&pt);
    let refused: Vec<char> = page.chars().filter(|&c| html_refuses(c)).collect();
    assert!(refused.is_empty(), "{refused:?}");
    assert!(page.contains("The law applies from 2013."));
}
