//! Issue 10's silent losses in the parser: a heading whose number is too
//! long for an article (`Article 100000`, a lone `مادة (123456)`) is not
//! read as a heading, and a diagnostic says so (before, its line joined the
//! previous article's body, or the text had "no articles", with nothing
//! said about the line).

use lexalign::{parse_document, DiagnosticKind, Document};

/// The text of every `UncertainHeading` diagnostic's span.
fn refused<'t>(text: &'t str, doc: &Document) -> Vec<&'t str> {
    doc.diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::UncertainHeading)
        .filter_map(|d| d.span)
        .map(|s| &text[s.range()])
        .collect()
}

#[test]
fn a_six_digit_english_heading_is_reported() {
    let text = "Article 1\nThe law applies.\nArticle 100000\nIts text.\nArticle 2\nMore text.\n";
    let doc = parse_document(text).unwrap();
    let labels: Vec<String> = doc
        .articles
        .iter()
        .map(|a| a.label.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(labels, ["1", "2"]);
    assert!(doc.articles[0].text.contains("Article 100000"));
    assert_eq!(refused(text, &doc), ["Article 100000"]);
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.kind == DiagnosticKind::UncertainHeading)
        .unwrap();
    assert!(d.message.contains("6 digits"), "{}", d.message);
}

#[test]
fn a_lone_six_digit_arabic_heading_is_reported() {
    let text = "مادة (123456)\nيعمل بهذا القانون من تاريخ نشره.\n";
    let doc = parse_document(text).unwrap();
    assert!(doc.articles.is_empty());
    assert!(doc.has_diagnostic(DiagnosticKind::NoArticles));
    assert_eq!(refused(text, &doc), ["مادة (123456)"]);
}

#[test]
fn arabic_indic_and_huge_numbers_are_reported_too() {
    let text =
        "المادة (1)\nنص المادة.\nالمادة (١٢٣٤٥٦):\nنص.\n**مادة 99999999999999999999**\nنص.\n";
    let doc = parse_document(text).unwrap();
    assert_eq!(doc.articles.len(), 1);
    assert_eq!(
        refused(text, &doc),
        ["المادة (١٢٣٤٥٦):", "**مادة 99999999999999999999**"]
    );
}

#[test]
fn five_digits_and_references_are_not_reported() {
    let text = "Article 12345\nText.\nArticle 100000 of the Penal Code applies to it.\n";
    let doc = parse_document(text).unwrap();
    assert_eq!(doc.articles.len(), 1);
    assert!(refused(text, &doc).is_empty(), "{:?}", doc.diagnostics);
}
