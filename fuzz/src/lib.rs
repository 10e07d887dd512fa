//! The invariants every fuzz target checks, written once.
//!
//! In: the text(s) a target gave to lexalign and what lexalign made of them.
//! Out: nothing, or a panic naming the invariant that broke (libFuzzer
//! records the input as a crash).
//!
//! - [`check_parsed`] / [`check_document`]: the spans promised by
//!   `lexalign::Parsed` and `lexalign::Region` — documents partition the
//!   input, each document's regions are in order, non-empty, contiguous and
//!   cover its span, every span lies on char boundaries inside its
//!   document, indices count from 0;
//! - [`check_parallel`]: every article of both documents appears exactly
//!   once in the pairs (matched or one-sided), pairs are monotonic in both
//!   languages, confidences are finite and in `[0, 1]`, references name
//!   the article they point at;
//! - [`check_reports`]: every export format renders; JSON parses, TMX is
//!   well-formed XML, HTML parses without a single error in an HTML5
//!   parser, TSV rows all have the header's number of fields;
//! - [`check_mirror`]: `align(a, b)` and `align(b, a)` give the same result
//!   (or the same error), as `tests/align_props.rs` states it.
//!
//! Time is bounded by libFuzzer's `-timeout` (see `scripts/fuzz.sh`).

pub mod mutate;

use std::borrow::Cow;

use html5ever::tendril::TendrilSink;
use lexalign::export::{self, Format, ReportOptions};
use lexalign::{Document, ParallelText, Parsed, Role, Span};
use markup5ever_rcdom::RcDom;

/// Inputs larger than this are skipped (libFuzzer's `-max_len` is the
/// same); the time limit is set for it.
pub const MAX_LEN: usize = 200_000;

/// A fuzz input as text: `None` when it is longer than [`MAX_LEN`] or not
/// UTF-8 (the targets that take text skip it).
pub fn text_input(data: &[u8]) -> Option<&str> {
    if data.len() > MAX_LEN {
        return None;
    }
    std::str::from_utf8(data).ok()
}

#[path = "../../tests/common/lines.rs"]
mod lines;
use lines::line_boundaries;

fn on_boundaries(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    assert!(
        text.get(span.range()).is_some(),
        "{what}: span {span:?} off char boundaries or out of range (len {})",
        text.len()
    );
}

fn inside(outer: Span, inner: Span, what: &str) {
    assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what}: span {inner:?} outside the document's span {outer:?}"
    );
}

/// The documents of one parse partition `text`, and each is a valid
/// document of it.
pub fn check_parsed(text: &str, parsed: &Parsed) {
    let docs = &parsed.documents;
    assert!(!docs.is_empty(), "Ok parse with no documents");
    assert_eq!(docs[0].span.start, 0, "first document does not start at 0");
    for w in docs.windows(2) {
        assert_eq!(w[0].span.end, w[1].span.start, "documents not contiguous");
    }
    assert_eq!(
        docs.last().unwrap().span.end,
        text.len(),
        "last document does not end the input"
    );
    for d in docs {
        check_document(text, d);
    }
}

/// One document's spans in `text`: regions in order, non-empty,
/// contiguous, covering the document's span, never across a line end
/// (a blank region may hold several blank lines); every other span on char
/// boundaries inside the document.
pub fn check_document(text: &str, d: &Document) {
    on_boundaries(text, d.span, "document");
    assert!(!d.span.is_empty(), "document with an empty span");
    assert!(!d.regions.is_empty(), "document without regions");
    assert_eq!(d.regions[0].span.start, d.span.start, "first region");
    assert_eq!(
        d.regions.last().unwrap().span.end,
        d.span.end,
        "last region"
    );
    let bounds = line_boundaries(text);
    for (k, r) in d.regions.iter().enumerate() {
        assert!(!r.span.is_empty(), "region {k} empty: {r:?}");
        on_boundaries(text, r.span, &format!("region {k}"));
        if k > 0 {
            assert_eq!(
                d.regions[k - 1].span.end,
                r.span.start,
                "regions {k} not contiguous"
            );
        }
        let next = bounds.partition_point(|&b| b <= r.span.start);
        if let (Some(&b), false) = (bounds.get(next), r.role == Role::Blank) {
            assert!(
                b >= r.span.end,
                "region {k} {r:?} crosses the line end at {b}"
            );
        }
        match r.role {
            Role::ArticleHeading(i) | Role::ArticleBody(i) | Role::ArticleItem(i) => {
                assert!(i < d.articles.len(), "region {k} names article {i}")
            }
            Role::Division(i) => assert!(i < d.divisions.len(), "region {k} names division {i}"),
            _ => {}
        }
    }
    for (i, a) in d.articles.iter().enumerate() {
        assert_eq!(a.index, i, "article index");
        let what = format!("article {i}");
        for s in [a.span, a.heading_span]
            .into_iter()
            .chain(a.items.iter().map(|x| x.span))
            .chain(a.paragraphs.iter().map(|x| x.span))
        {
            on_boundaries(text, s, &what);
            inside(d.span, s, &what);
        }
        if let Some(v) = a.division {
            assert!(v < d.divisions.len(), "{what}: division {v} does not exist");
        }
    }
    for (i, v) in d.divisions.iter().enumerate() {
        assert_eq!(v.index, i, "division index");
        on_boundaries(text, v.span, "division");
        inside(d.span, v.span, "division");
        if let Some(p) = v.parent {
            assert!(p < i, "division {i}: parent {p} is not before it");
        }
    }
    let blocks = [&d.title, &d.closing, &d.boilerplate];
    for b in blocks.into_iter().flatten() {
        on_boundaries(text, b.span, "block");
        inside(d.span, b.span, "block");
    }
    let preamble = d.preamble.lines.iter().chain(&d.preamble.recitals);
    for b in preamble.chain(&d.preamble.enacting) {
        on_boundaries(text, b.span, "preamble");
    }
    for dg in &d.diagnostics {
        if let Some(s) = dg.span {
            on_boundaries(text, s, "diagnostic");
        }
    }
}

/// The pairs of `pt`: every article of both documents exactly once, in
/// order on both sides, confidences finite in `[0, 1]`, no empty pair, a
/// one-sided pair flagged as such. `arabic` and `english` are the texts the
/// documents' spans point into (the same text for a bilingual input).
pub fn check_parallel(pt: &ParallelText, arabic: &str, english: &str) {
    check_document(arabic, pt.arabic());
    check_document(english, pt.english());
    let (n, m) = (pt.arabic().articles.len(), pt.english().articles.len());
    let mut seen = (vec![0usize; n], vec![0usize; m]);
    let mut last: (Option<usize>, Option<usize>) = (None, None);
    for (k, p) in pt.pairs().iter().enumerate() {
        assert!(
            !p.arabic.is_empty() || !p.english.is_empty(),
            "pair {k} is empty"
        );
        assert!(
            p.confidence.is_finite() && (0.0..=1.0).contains(&p.confidence),
            "pair {k}: confidence {}",
            p.confidence
        );
        let sides = [
            (&p.arabic, pt.arabic(), &mut seen.0, &mut last.0),
            (&p.english, pt.english(), &mut seen.1, &mut last.1),
        ];
        for (refs, doc, seen, last) in sides {
            for r in refs {
                assert!(
                    r.index < doc.articles.len(),
                    "pair {k}: article {} out of range",
                    r.index
                );
                let a = &doc.articles[r.index];
                assert_eq!(
                    (&r.label, &r.heading),
                    (&a.label, &a.heading),
                    "pair {k}: reference"
                );
                seen[r.index] += 1;
                assert!(last.is_none_or(|l| r.index > l), "pair {k}: not monotonic");
                *last = Some(r.index);
            }
        }
        if p.arabic.is_empty() {
            assert!(
                p.has_flag(lexalign::Flag::OnlyEnglish),
                "pair {k}: one-sided, unflagged"
            );
        }
        if p.english.is_empty() {
            assert!(
                p.has_flag(lexalign::Flag::OnlyArabic),
                "pair {k}: one-sided, unflagged"
            );
        }
    }
    assert!(
        seen.0.iter().all(|&c| c == 1),
        "Arabic articles seen {:?}",
        seen.0
    );
    assert!(
        seen.1.iter().all(|&c| c == 1),
        "English articles seen {:?}",
        seen.1
    );
}

/// Report options that turn every switch away from its default, with a
/// title taken from the input (so HTML escaping meets fuzzed text).
pub fn odd_options(title: &str) -> ReportOptions {
    ReportOptions {
        uncertain_below: 0.0,
        only_problems: true,
        summary_only: true,
        color: true,
        header: false,
        skip_partial: true,
        title: Some(title.chars().take(200).collect()),
    }
}

/// Renders `pt` in every format with `options` and checks each output;
/// the HTML page goes through the HTML5 parser when `parse_html` is set
/// (the costliest check, so the structured target makes it once per input).
pub fn check_reports(pt: &ParallelText, options: &ReportOptions, parse_html: bool) {
    for &format in Format::ALL {
        let mut out = Vec::new();
        export::render(pt, format, options, &mut out).expect("rendering into a Vec");
        let out = String::from_utf8(out).expect("a report is UTF-8");
        match format {
            Format::Json => {
                serde_json::from_str::<serde_json::Value>(&out).expect("JSON report parses");
            }
            Format::Tmx => check_xml(&out),
            Format::Html if parse_html => check_html(&out),
            Format::Tsv => check_tsv(&out, options.header),
            _ => {}
        }
    }
}

fn check_xml(out: &str) {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    if let Err(e) = roxmltree::Document::parse_with_options(out, options) {
        panic!("TMX is not well-formed XML: {e}");
    }
}

/// Parses `page` with html5ever and fails on any parse error it reports
/// (tokenizer and tree builder errors both reach the sink).
pub fn html_errors(page: &str) -> Vec<Cow<'static, str>> {
    let mut opts = html5ever::ParseOpts::default();
    opts.tokenizer.exact_errors = true;
    opts.tree_builder.exact_errors = true;
    let dom = html5ever::parse_document(RcDom::default(), opts).one(page);
    let errors = dom.errors.take();
    errors
}

fn check_html(page: &str) {
    let errors = html_errors(page);
    assert!(errors.is_empty(), "HTML parse errors: {errors:?}");
}

fn check_tsv(out: &str, header: bool) {
    let columns = export::TSV_COLUMNS.len();
    let mut rows = out.lines();
    if header {
        assert_eq!(
            rows.next().map(|h| h.split('\t').count()),
            Some(columns),
            "TSV header"
        );
    }
    for (k, row) in rows.enumerate() {
        assert_eq!(row.split('\t').count(), columns, "TSV row {k}: {row:?}");
    }
}

/// `align(a, b)` and `align(b, a)`: the same result or the same error.
/// Returns the result for further checks.
pub fn check_mirror<'t>(a: &'t str, b: &'t str) -> Option<(ParallelText, &'t str, &'t str)> {
    let x = lexalign::align(a, b);
    let y = lexalign::align(b, a);
    match (x, y) {
        (Ok(x), Ok(y)) => {
            assert!(x == y, "align(a, b) != align(b, a)");
            let arabic_first = lexalign::parse_document(a)
                .map(|d| d.language == lexalign::Language::Arabic)
                .unwrap_or(false);
            Some(if arabic_first { (x, a, b) } else { (x, b, a) })
        }
        (Err(x), Err(y)) => {
            assert_eq!(
                x.kind(),
                y.kind(),
                "align(a, b) and align(b, a) fail differently"
            );
            None
        }
        (x, y) => panic!(
            "align(a, b) ok: {}, align(b, a) ok: {}",
            x.is_ok(),
            y.is_ok()
        ),
    }
}

/// Splits a fuzz input into two texts: at the first NUL, else at the line
/// end nearest the middle.
pub fn split_two(text: &str) -> (&str, &str) {
    if let Some(k) = text.find('\0') {
        return (&text[..k], &text[k + 1..]);
    }
    let mut mid = text.len() / 2;
    while !text.is_char_boundary(mid) {
        mid += 1;
    }
    let cut = text[mid..].find('\n').map_or(text.len(), |k| mid + k + 1);
    text.split_at(cut)
}

/// Everything a target does with one text taken as a bilingual input:
/// parse (both entry points) and align, with every invariant.
pub fn exercise_bilingual(text: &str) {
    if let Ok(parsed) = lexalign::parse(text) {
        check_parsed(text, &parsed);
    }
    if let Ok(doc) = lexalign::parse_document(text) {
        check_document(text, &doc);
    }
    if let Ok(pt) = lexalign::align_bilingual(text) {
        check_parallel(&pt, text, text);
        check_reports(&pt, &ReportOptions::default(), true);
    }
}

/// Everything a target does with two texts: both orders, every invariant,
/// every report.
pub fn exercise_two(a: &str, b: &str) {
    if let Some((pt, arabic, english)) = check_mirror(a, b) {
        check_parallel(&pt, arabic, english);
        check_reports(&pt, &ReportOptions::default(), true);
        check_reports(&pt, &odd_options(english), false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_errors_are_reported() {
        let good =
            "<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>a</p></body></html>";
        assert!(html_errors(good).is_empty(), "{:?}", html_errors(good));
        assert!(!html_errors("<!DOCTYPE html><p>a</div>").is_empty());
        assert!(!html_errors("<p>no doctype</p>").is_empty());
        assert!(!html_errors("<!DOCTYPE html><p a=\"1\" a=\"2\">dup</p>").is_empty());
    }

    #[test]
    fn split_two_cuts_at_nul_or_a_line_end() {
        assert_eq!(split_two("ab\0cd"), ("ab", "cd"));
        assert_eq!(split_two("a\nb\nc\nd\n"), ("a\nb\nc\n", "d\n"));
    }
}
