//! Parser throughput: `lexalign::parse` on Arabic legislation of 10 KB, 1 MB
//! and 10 MB, a bilingual 1 MB text, and pathological inputs.
//!
//! The large inputs are built from the seeds by repeating their articles
//! with renumbered headings (article 104 follows article 103), so each
//! stays one plausible law rather than the same 1..103 over and over.
//!
//! Target: linear in input size, at least 50 MB/s of Arabic legislation on
//! one core. Run with `cargo bench --bench parse` (about two minutes).

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn seed(prefix: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let path = fs::read_dir(&dir)
        .expect("seeds/ exists")
        .map(|e| e.expect("readable dir entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("seed {prefix} missing"));
    fs::read_to_string(path).expect("seed is UTF-8")
}

/// End of the line holding byte `i` (after its terminator).
fn line_end(text: &str, i: usize) -> usize {
    text[i..].find('\n').map_or(text.len(), |k| i + k + 1)
}

/// One language version of a law cut into: the text before its numbered
/// articles, the articles (each from its heading to the next heading), and
/// the text after the last article (closing, boilerplate).
struct Law<'t> {
    head: &'t str,
    /// (label number, heading byte range within the chunk, chunk)
    articles: Vec<(u32, std::ops::Range<usize>, &'t str)>,
    tail: &'t str,
    /// Largest label: the renumbering step.
    max: u32,
}

/// Cuts the document `doc` of `text` using the parser's own spans; the
/// repeated cycle starts at the last article labelled 1 (seed 004 also has
/// an `المادة الأولى` before `مادة (1)`).
fn cut<'t>(text: &'t str, doc: &lexalign::Document) -> Law<'t> {
    let arts = &doc.articles;
    let first = arts
        .iter()
        .rposition(|a| {
            a.label
                .as_ref()
                .is_some_and(|l| l.number == 1 && l.suffix.is_none())
        })
        .expect("an article 1");
    let last = arts.len() - 1;
    let end = line_end(text, arts[last].span.end.max(arts[last].span.start)).min(doc.span.end);
    let mut articles = Vec::new();
    for k in first..=last {
        let s = arts[k].span.start;
        let e = if k < last {
            arts[k + 1].span.start
        } else {
            end
        };
        let h = arts[k].heading_span;
        let number = arts[k].label.as_ref().map_or(0, |l| l.number);
        articles.push((number, h.start - s..h.end - s, &text[s..e]));
    }
    let max = articles.iter().map(|a| a.0).max().unwrap_or(1);
    Law {
        head: &text[doc.span.start..arts[first].span.start],
        articles,
        tail: &text[end..doc.span.end],
        max,
    }
}

/// Replaces the first ASCII number in the heading of `chunk` by `number`.
fn renumber(out: &mut String, chunk: &str, heading: &std::ops::Range<usize>, number: u32) {
    let h = &chunk[heading.clone()];
    match h.find(|c: char| c.is_ascii_digit()) {
        Some(d) => {
            let d = heading.start + d;
            let e = d + chunk[d..].bytes().take_while(u8::is_ascii_digit).count();
            out.push_str(&chunk[..d]);
            out.push_str(&number.to_string());
            out.push_str(&chunk[e..]);
        }
        None => out.push_str(chunk),
    }
}

/// The law grown (or cut) to about `target` bytes: head, articles repeated
/// with numbers continuing, tail.
fn grow(law: &Law<'_>, target: usize) -> String {
    let mut out = String::with_capacity(target + 64 * 1024);
    out.push_str(law.head);
    let budget = target.saturating_sub(law.tail.len());
    let mut cycle = 0u32;
    'outer: loop {
        for (n, h, chunk) in &law.articles {
            if out.len() + chunk.len() > budget && out.len() > law.head.len() {
                break 'outer;
            }
            renumber(&mut out, chunk, h, n + cycle * law.max);
        }
        cycle += 1;
    }
    out.push_str(law.tail);
    out
}

fn arabic(target: usize) -> String {
    let text = seed("004_");
    let parsed = lexalign::parse(&text).expect("seed 004 parses");
    let doc = parsed.arabic().expect("seed 004 is Arabic");
    grow(&cut(&text, doc), target)
}

fn bilingual(target: usize) -> String {
    let text = seed("001_");
    let parsed = lexalign::parse(&text).expect("seed 001 parses");
    let docs: Vec<_> = parsed
        .documents
        .iter()
        .filter(|d| !d.articles.is_empty())
        .collect();
    assert_eq!(docs.len(), 2, "seed 001 is bilingual");
    let mut out = String::new();
    for d in docs {
        out.push_str(&grow(&cut(&text, d), target / 2));
    }
    out
}

const MB: usize = 1 << 20;

fn check(name: &str, text: &str) {
    // Sanity: the inputs are what they claim to be.
    let parsed = lexalign::parse(text).expect("bench input parses");
    let n: Vec<usize> = parsed.documents.iter().map(|d| d.articles.len()).collect();
    eprintln!("{name}: {} bytes, articles per document {n:?}", text.len());
}

fn bench_arabic(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse/arabic");
    for (name, size, samples, secs) in [
        ("10KB", 10 * 1024, 100, 3),
        ("1MB", MB, 10, 5),
        ("10MB", 10 * MB, 10, 15),
    ] {
        let text = arabic(size);
        check(&format!("arabic {name}"), &text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(samples);
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(secs));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| lexalign::parse(black_box(t)))
        });
    }
    g.finish();
}

fn bench_bilingual(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse/bilingual");
    let text = bilingual(MB);
    check("bilingual 1MB", &text);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(5));
    g.bench_with_input(BenchmarkId::from_parameter("1MB"), &text, |b, t| {
        b.iter(|| lexalign::parse(black_box(t)))
    });
    g.finish();
}

/// Inputs no law looks like; they must still parse in linear time.
fn pathological() -> Vec<(&'static str, String)> {
    let repeat = |unit: &str| unit.repeat(MB / unit.len());
    let one_line = {
        let t = seed("004_");
        let flat: String = t
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        let mut s = String::with_capacity(MB + flat.len());
        while s.len() < MB {
            s.push_str(&flat);
        }
        s
    };
    vec![
        // Every line a heading with the same number.
        ("same-heading-lines", repeat("مادة (1)\n")),
        // The whole 58 KB law on one line, repeated to 1 MB: no newline.
        ("one-line", one_line),
        // Arabic and English lines alternating (a sentence and its
        // translation): once quadratic in `language_runs`.
        ("interleaved", {
            let unit =
                "تطبق أحكام هذا القانون على الجميع\nThe provisions of this law apply to all\n";
            unit.repeat(MB / unit.len())
        }),
        // A division heading followed by many article headings on one line,
        // ending in text: once quadratic in `trailing_article`.
        ("division-line", {
            let mut s = String::from("الباب الأول: ");
            while s.len() < MB {
                s.push_str("مادة (1) ");
            }
            s.push_str("نص.");
            s
        }),
    ]
}

fn bench_pathological(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse/pathological");
    for (name, text) in pathological() {
        check(name, &text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(10);
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(5));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| lexalign::parse(black_box(t)))
        });
    }
    g.finish();
}

/// Criterion's generated group and main live here so they can be allowed
/// to go undocumented.
#[allow(missing_docs)]
mod harness {
    use super::*;
    criterion_group!(benches, bench_arabic, bench_bilingual, bench_pathological);
}

criterion_main!(harness::benches);
