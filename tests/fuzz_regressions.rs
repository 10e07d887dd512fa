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

/// `align` (2026-12-03): Arabic in visual (reversed) order whose line ends
/// with a space, as a PDF extractor leaves it. The parser reads a repaired
/// copy (each line's characters reversed) and widened every span to the
/// trimmed bounds of the *repaired* lines, so the span of a paragraph
/// started one byte inside the input line's first letter (off a character
/// boundary: slicing the input with it panics). The input was 17,610 bytes
/// of mutated seed text; this is the same shape, made by hand.
#[test]
fn visual_order_spans_stay_on_character_boundaries() {
    let logical = "قرار رقم (5) لسنة 2010\n\
                   المادة الأولى\n\
                   يعمل بهذا القرار في شأن المادة المذكورة من تاريخ صدوره.\n\
                   المادة الثانية\n\
                   تتولى اللجنة الشعبية العامة تنفيذ هذا القرار في المادة التالية:\n\
                   أ- الحكم عليه في جناية أو جنحة.\n\
                   ب- إذا تبين انحرافه عن المادة.\n\
                   المادة الثالثة\n\
                   ينشر هذا القرار في الجريدة الرسمية ويعمل به من تاريخ صدوره";
    // Visual order: each line's characters reversed; a space that followed
    // the logical line now leads it, and the last line keeps one at its end.
    let visual: Vec<String> = logical
        .lines()
        .map(|l| format!(" {}", l.chars().rev().collect::<String>()))
        .collect();
    let text = visual.join("\n") + " ";
    let doc = lexalign::parse_document(&text).unwrap();
    assert!(
        doc.has_diagnostic(lexalign::DiagnosticKind::VisualOrder),
        "{:?}",
        doc.diagnostics
    );
    assert_eq!(doc.articles.len(), 3);
    for a in &doc.articles {
        let spans = [a.span, a.heading_span]
            .into_iter()
            .chain(a.paragraphs.iter().map(|p| p.span))
            .chain(a.items.iter().map(|i| i.span));
        for s in spans {
            assert!(
                text.get(s.range()).is_some(),
                "article {}: {s:?} is off a character boundary",
                a.index
            );
        }
    }
}
