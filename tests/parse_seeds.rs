//! Acceptance tests of the parser on the seed documents in `seeds/`.
//!
//! The expected inventories live beside this file in `tests/expected/`, one
//! line per article: `LABEL<TAB>ITEMS<TAB>DIVISION HEADING` (a dash where
//! there is none), per document, in the order `seeds/NNN_*.txt` → `NNN.<lang>.tsv`.

use std::fs;
mod common;

use std::path::Path;

use common::labels;
use lexalign::{DiagnosticKind, DivisionKind, Document, Language, Parsed, Role};

fn parse(prefix: &str) -> (String, Parsed) {
    let text = common::seed_text(prefix);
    let parsed = lexalign::parse(&text).unwrap();
    (text, parsed)
}

fn range(a: u32, b: u32) -> Vec<String> {
    (a..=b).map(|n| n.to_string()).collect()
}

/// The inventory of a document as lines of `label<TAB>items<TAB>division`.
fn inventory(d: &Document) -> String {
    let mut out = String::new();
    for a in &d.articles {
        let div = d
            .division_of(a)
            .map_or("-".to_string(), |v| v.heading.clone());
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            a.label.as_ref().map_or("-".into(), ToString::to_string),
            a.items.len(),
            div
        ));
    }
    out
}

/// Compares with `tests/expected/NAME`; with `LEXALIGN_BLESS=1` writes it.
fn check_inventory(name: &str, d: &Document) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    let got = inventory(d);
    if std::env::var_os("LEXALIGN_BLESS").is_some() {
        fs::write(&path, &got).unwrap();
    }
    let want = fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} missing (run with LEXALIGN_BLESS=1 once and review it)",
            path.display()
        )
    });
    assert_eq!(got, want, "inventory differs from {}", path.display());
}

/// Regions cover the document span exactly, in order.
fn check_segments(text: &str, p: &Parsed) {
    let mut pos = 0;
    for d in &p.documents {
        assert_eq!(d.span.start, pos, "documents must partition the input");
        let mut at = d.span.start;
        for s in &d.regions {
            assert_eq!(s.span.start, at, "regions must be contiguous");
            assert!(s.span.end > s.span.start);
            at = s.span.end;
        }
        assert_eq!(at, d.span.end);
        pos = d.span.end;
    }
    assert_eq!(pos, text.len());
}

#[test]
fn seed_000_english_decree() {
    let (text, p) = parse("000");
    check_segments(&text, &p);
    assert_eq!(p.documents.len(), 1);
    let d = &p.documents[0];
    assert_eq!(d.language, Language::English);
    assert_eq!(labels(d), range(1, 7));
    assert!(d
        .title
        .as_ref()
        .unwrap()
        .text
        .contains("Decree No. (607) of 2013"));
    assert_eq!(d.preamble.recitals.len(), 5);
    assert!(d
        .preamble
        .enacting
        .as_ref()
        .unwrap()
        .text
        .contains("has decided"));
    let a3 = &d.articles[2];
    let ords: Vec<u32> = a3.items.iter().map(|i| i.ordinal.unwrap()).collect();
    assert_eq!(ords, [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5]);
    assert!(d.closing.as_ref().unwrap().text.contains("Issued on"));
    assert!(!d.articles[6].text.contains("Issued on"));
    check_inventory("000.en.tsv", d);
}

#[test]
fn seed_001_bilingual_arabic_first() {
    let (text, p) = parse("001");
    check_segments(&text, &p);
    let ar = p.arabic().unwrap();
    let en = p.english().unwrap();
    assert_eq!(labels(ar), range(1, 28));
    assert_eq!(labels(en), range(1, 28));
    assert_eq!(ar.articles[13].heading.replace('\n', ""), "مادة (14)");
    let a4 = &ar.articles[3];
    assert_eq!(a4.items.len(), 11);
    assert_eq!(
        a4.items
            .iter()
            .map(|i| i.ordinal.unwrap())
            .collect::<Vec<_>>(),
        (1..=11).collect::<Vec<_>>()
    );
    assert_eq!(en.articles[3].items.len(), 0);
    // The Arabic newsletter at the end is boilerplate, not part of the law.
    let newsletter = text.find("الأخبار الجيدة").unwrap();
    let last = en.articles.last().unwrap();
    assert!(last.span.end <= newsletter);
    assert!(en.closing.as_ref().unwrap().span.end <= newsletter);
    let b = p
        .documents
        .iter()
        .find_map(|d| d.boilerplate.as_ref())
        .unwrap();
    assert!(b.span.start <= newsletter && b.span.end > newsletter);
    check_inventory("001.ar.tsv", ar);
    check_inventory("001.en.tsv", en);
}

#[test]
fn seed_002_news_is_not_law() {
    let (text, p) = parse("002");
    check_segments(&text, &p);
    let total: usize = p.documents.iter().map(|d| d.articles.len()).sum();
    assert_eq!(total, 0);
    assert!(p
        .documents
        .iter()
        .all(|d| d.has_diagnostic(DiagnosticKind::NoArticles)));
}

#[test]
fn seed_003_bilingual_english_first() {
    let (text, p) = parse("003");
    check_segments(&text, &p);
    let ar = p.arabic().unwrap();
    let en = p.english().unwrap();
    assert_eq!(labels(ar), range(1, 25));
    assert_eq!(labels(en), range(1, 25));
    for d in [ar, en] {
        let unnumbered: Vec<_> = d
            .divisions
            .iter()
            .filter(|v| v.kind == DivisionKind::Unnumbered)
            .collect();
        assert_eq!(unnumbered.len(), 3, "{:?}", d.divisions);
        assert_eq!(d.divisions.len(), 3);
        // Articles 2–13 in the first, 14–18 in the second, 19–25 in the third.
        let div = |n: usize| d.articles[n - 1].division;
        assert_eq!(div(1), None);
        assert_eq!(div(2), Some(0));
        assert_eq!(div(13), Some(0));
        assert_eq!(div(14), Some(1));
        assert_eq!(div(19), Some(2));
        assert_eq!(div(25), Some(2));
    }
    let news = text.find("Only good news").unwrap();
    let b = ar.boilerplate.as_ref().unwrap();
    assert!(b.span.start <= news);
    assert!(ar.articles.last().unwrap().span.end <= news);
    check_inventory("003.ar.tsv", ar);
    check_inventory("003.en.tsv", en);
}

#[test]
fn seed_004_arabic_law_with_parts_and_chapters() {
    let (text, p) = parse("004");
    check_segments(&text, &p);
    assert_eq!(p.documents.len(), 1);
    let d = &p.documents[0];
    assert_eq!(d.language, Language::Arabic);
    let mut want = vec!["1".to_string()];
    want.extend(range(1, 103));
    assert_eq!(labels(d), want);
    assert_eq!(d.articles[0].title.as_deref(), Some("تعريفات"));
    assert!(d.has_diagnostic(DiagnosticKind::DuplicateNumber));
    // The reversed headings.
    for n in [14, 53, 54, 55, 56, 57, 58, 103] {
        assert!(
            d.articles[n].heading.starts_with('('),
            "article {n}: {}",
            d.articles[n].heading
        );
    }
    // The cross-reference line is body text of article 78.
    let xref = text.find("المادة (1-16-33-38)").unwrap();
    let a78 = &d.articles[78];
    assert!(a78.span.start < xref && a78.span.end > xref);
    let parts: Vec<u32> = d
        .divisions
        .iter()
        .filter(|v| v.kind == DivisionKind::Part)
        .map(|v| v.number.unwrap())
        .collect();
    assert_eq!(parts, [1, 2, 4, 5, 6]);
    let chapters: Vec<u32> = d
        .divisions
        .iter()
        .filter(|v| v.kind == DivisionKind::Chapter)
        .map(|v| v.number.unwrap())
        .collect();
    assert_eq!(chapters, [1, 2, 3, 4, 5, 6, 7]);
    // Each article in the right division.
    let at = |label: usize| {
        let a = &d.articles[label];
        let v = d.division_of(a).unwrap();
        let parent = v.parent.map(|p| d.divisions[p].number.unwrap());
        (v.kind, v.number.unwrap(), parent)
    };
    assert_eq!(d.articles[0].division, None);
    assert_eq!(at(1), (DivisionKind::Part, 1, None));
    assert_eq!(at(4), (DivisionKind::Part, 1, None));
    assert_eq!(at(5), (DivisionKind::Chapter, 1, Some(2)));
    assert_eq!(at(15), (DivisionKind::Chapter, 2, Some(2)));
    assert_eq!(at(26), (DivisionKind::Chapter, 3, Some(2)));
    assert_eq!(at(71), (DivisionKind::Chapter, 6, Some(2)));
    assert_eq!(at(79), (DivisionKind::Chapter, 7, Some(2)));
    assert_eq!(at(83), (DivisionKind::Part, 4, None));
    assert_eq!(at(89), (DivisionKind::Part, 5, None));
    assert_eq!(at(94), (DivisionKind::Part, 6, None));
    assert_eq!(at(103), (DivisionKind::Part, 6, None));
    assert_eq!(
        d.divisions
            .iter()
            .find(|v| v.kind == DivisionKind::Chapter && v.number == Some(1))
            .unwrap()
            .title
            .as_deref(),
        Some("الوظائف بجهاز المخابرات الليبية")
    );
    assert!(d.closing.as_ref().unwrap().text.contains("صدر في طرابلس"));
    assert!(d.regions.iter().any(|s| s.role == Role::Recital));
    check_inventory("004.ar.tsv", d);
}
