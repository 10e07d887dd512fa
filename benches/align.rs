//! Alignment end to end from text: `lexalign::align(arabic, english)` on
//! laws of 1,000 and 5,000 articles (parsing both texts included), plus the
//! alignment alone (`align_documents` on parsed documents) to show how the
//! time splits between parser and aligner.
//!
//! The inputs are built from the bilingual seeds 001 and 003 by repeating
//! their articles, in order, with renumbered headings (`مادة (1234)` /
//! `Article (1234)`), so each input is one long plausible law whose Arabic
//! and English articles correspond one to one.
//!
//! Targets (one core): ≤ 10 ms for 1,000 articles, ≤ 60 ms for 5,000.
//! Run with `cargo bench --bench align` (or `-- --quick`).
//!
//! The `pathological` group aligns the shapes of
//! `tests/common/pathological.rs` (issue 10): short Arabic articles
//! against English articles that are headings only (2,000 × 20,000 and
//! 5,000 × 40,000; target: under 1 s), every line a heading, one huge
//! line, mostly digits, one line of 80,000 numbers against 20,000 short
//! articles. `tests/bounded.rs` bounds the work they take.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "../tests/common/law.rs"]
mod law;
use law::law;

#[path = "../tests/common/pathological.rs"]
mod pathological;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("align");
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(3));
    for n in [1_000usize, 5_000] {
        let (ar, en) = law(n);
        let pt = lexalign::align(&ar, &en).expect("aligns");
        assert_eq!(pt.arabic().articles.len(), n);
        assert_eq!(pt.english().articles.len(), n);
        let matched = pt
            .pairs()
            .iter()
            .filter(|p| p.is_matched() && p.arabic[0].index == p.english[0].index)
            .count();
        assert!(
            matched as f64 >= 0.99 * n as f64,
            "{matched} of {n} pairs right"
        );
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(
            BenchmarkId::new("from_text", n),
            &(&ar, &en),
            |b, (ar, en)| b.iter(|| lexalign::align(black_box(ar), black_box(en)).unwrap()),
        );
        let da = lexalign::parse_document(&ar).unwrap();
        let de = lexalign::parse_document(&en).unwrap();
        g.bench_with_input(
            BenchmarkId::new("parse_only", n),
            &(&ar, &en),
            |b, (ar, en)| {
                b.iter(|| {
                    (
                        lexalign::parse_document(black_box(ar)).unwrap(),
                        lexalign::parse_document(black_box(en)).unwrap(),
                    )
                })
            },
        );
        g.bench_with_input(
            BenchmarkId::new("documents", n),
            &(&da, &de),
            |b, (da, de)| b.iter(|| lexalign::align_documents(black_box(da), black_box(de))),
        );
    }
    g.finish();
}

/// The pathological shapes, end to end from text.
fn pathological(c: &mut Criterion) {
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(5));
    let shapes = [
        (
            "headings_only/2000x20000",
            pathological::headings_only(2_000, 20_000),
        ),
        (
            "headings_only/5000x40000",
            pathological::headings_only(5_000, 40_000),
        ),
        (
            "every_line_a_heading/4000",
            pathological::every_line_a_heading(4_000),
        ),
        ("one_huge_line/2000", pathological::one_huge_line(2_000)),
        ("mostly_digits/2000", pathological::mostly_digits(2_000)),
        (
            "huge_line_of_digits/80000x20000",
            pathological::huge_line_of_digits(80_000, 20_000),
        ),
    ];
    for (name, (ar, en)) in &shapes {
        g.throughput(Throughput::Bytes((ar.len() + en.len()) as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(name),
            &(ar, en),
            |b, (ar, en)| b.iter(|| lexalign::align(black_box(ar), black_box(en)).unwrap()),
        );
    }
    g.finish();
}

/// Criterion's generated group and main, with `missing_docs` allowed.
#[allow(missing_docs)]
mod harness {
    use super::*;
    criterion_group!(benches, bench, pathological);
}

criterion_main!(harness::benches);
