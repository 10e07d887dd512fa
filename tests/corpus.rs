//! The parser on real single-language legislation from other Arab states.
//!
//! The corpus lives in `../shared/corpus/` (it is not ours to commit into
//! the project). These tests read it where it exists and skip, saying so,
//! where it does not. There is no gold inventory: what is checked is that
//! every file parses without panic into a plausible numbering sequence, and
//! that every jump, repeat or reversal left in it is reported as a
//! diagnostic. The per-file summary (articles, first and last label,
//! unexplained anomalies) is kept in `tests/expected/corpus.tsv`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use lexalign::{DiagnosticKind, Document};

fn corpus() -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !dir.is_dir() {
        common::skip_notice(&format!("{} is absent", dir.display()));
        return None;
    }
    let mut files = Vec::new();
    for sub in ["ar", "en"] {
        for e in fs::read_dir(dir.join(sub)).ok()? {
            let p = e.ok()?.path();
            if p.is_file() {
                files.push(p);
            }
        }
    }
    files.sort();
    Some(files)
}

/// Transitions between consecutive articles that are not `n → n+1` (or a
/// bis of the same number), and whether a diagnostic explains each.
fn anomalies(d: &Document) -> (usize, usize) {
    let mut total = 0;
    let mut unexplained = 0;
    for w in d.articles.windows(2) {
        let (Some(a), Some(b)) = (&w[0].label, &w[1].label) else {
            continue;
        };
        let normal = b.number == a.number + 1 && b.suffix.is_none()
            || b.number == a.number && b.suffix.is_some() && a.suffix != b.suffix;
        // A restart at 1 after a short run is a new instrument: a decree
        // followed by the law it enacts. It must still be reported.
        let restart = b.number == 1 && a.number > 1;
        if normal || restart && d.has_diagnostic(DiagnosticKind::OutOfOrder) {
            continue;
        }
        total += 1;
        let explained = d.diagnostics.iter().any(|g| {
            matches!(
                g.kind,
                DiagnosticKind::DuplicateNumber
                    | DiagnosticKind::NumberingGap
                    | DiagnosticKind::OutOfOrder
            ) && g.span == Some(w[1].heading_span)
        }) || b.number == a.number + 1;
        if !explained {
            unexplained += 1;
        }
    }
    (total, unexplained)
}

#[test]
fn corpus_parses_plausibly() {
    let Some(files) = corpus() else { return };
    let mut summary = String::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = fs::read(path).unwrap();
        let parsed = lexalign::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let d = parsed
            .documents
            .iter()
            .max_by_key(|d| d.articles.len())
            .unwrap();
        let (total, unexplained) = anomalies(d);
        assert_eq!(unexplained, 0, "{name}: an anomaly without a diagnostic");
        let first = d
            .articles
            .first()
            .and_then(|a| a.label.as_ref())
            .map_or("-".into(), ToString::to_string);
        let last = d
            .articles
            .last()
            .and_then(|a| a.label.as_ref())
            .map_or("-".into(), ToString::to_string);
        summary.push_str(&format!(
            "{name}\t{}\t{}\t{first}\t{last}\t{total}\n",
            d.language.code(),
            d.articles.len()
        ));
        if d.articles.is_empty() {
            assert!(d.has_diagnostic(DiagnosticKind::NoArticles), "{name}");
        } else {
            // Plausible: anomalies are rare — at most one transition in ten,
            // or two in a short text (om-profit-tax has a missing article 4
            // and a repeated 5 bis in the source itself).
            assert!(
                total * 10 <= d.articles.len().max(20),
                "{name}: {total} anomalies in {} articles",
                d.articles.len()
            );
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/corpus.tsv");
    if std::env::var_os("LEXALIGN_BLESS").is_some() {
        fs::write(&path, &summary).unwrap();
    }
    let want = fs::read_to_string(&path).unwrap();
    assert_eq!(
        summary,
        want,
        "corpus summary differs from {}",
        path.display()
    );
}

fn corpus_file(name: &str) -> Option<String> {
    let files = corpus()?;
    let p = files
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy() == name)?;
    Some(fs::read_to_string(p).unwrap())
}

#[test]
fn moroccan_visual_order_is_detected_and_repaired() {
    let Some(text) = corpus_file("ma-decree-2-18-625-2019.txt") else {
        return;
    };
    let p = lexalign::parse(&text).unwrap();
    let d = &p.documents[0];
    assert!(d.has_diagnostic(DiagnosticKind::VisualOrder));
    // Repaired line by line: the articles are found, in logical order.
    let labels: Vec<u32> = d
        .articles
        .iter()
        .map(|a| a.label.as_ref().unwrap().number)
        .collect();
    assert!(labels.len() >= 10, "{labels:?}");
    assert_eq!(labels, (1..=labels.len() as u32).collect::<Vec<_>>());
    assert_eq!(d.articles[0].heading, "المادة الأولى");
    // Spans still cover the input exactly, line by line.
    let mut at = 0;
    for s in &d.regions {
        assert_eq!(s.span.start, at);
        at = s.span.end;
    }
    assert_eq!(at, text.len());
}

#[test]
fn amending_law_quotes_are_not_articles() {
    let Some(text) = corpus_file("bh-law-7-2026-amendment.txt") else {
        return;
    };
    let p = lexalign::parse(&text).unwrap();
    let d = p.arabic().unwrap();
    let labels: Vec<u32> = d
        .articles
        .iter()
        .map(|a| a.label.as_ref().unwrap().number)
        .collect();
    assert_eq!(labels, (1..=labels.len() as u32).collect::<Vec<_>>());
    assert!(d.has_diagnostic(DiagnosticKind::UncertainHeading));
}

#[test]
fn ordinal_headings_past_seven_hundred() {
    let Some(text) = corpus_file("sa-civil-transactions-law-2023.md") else {
        return;
    };
    let d = lexalign::parse_document(&text).unwrap();
    assert_eq!(
        d.articles.last().unwrap().label.as_ref().unwrap().number,
        721
    );
    // Headings repeated around a chapter title are one article.
    assert_eq!(
        d.articles
            .iter()
            .filter(|a| a.label.as_ref().is_some_and(|l| l.number == 1))
            .count(),
        1
    );
}

#[test]
fn table_of_contents_is_set_apart() {
    let Some(text) = corpus_file("om-companies-income-tax-law-1981.txt") else {
        return;
    };
    let p = lexalign::parse(&text).unwrap();
    assert!(p
        .english()
        .unwrap()
        .has_diagnostic(DiagnosticKind::TableOfContents));
}
