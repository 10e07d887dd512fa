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

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "../tests/common/law.rs"]
mod law;
use law::law;

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

/// Criterion's generated group and main, with `missing_docs` allowed.
#[allow(missing_docs)]
mod harness {
    use super::*;
    criterion_group!(benches, bench);
}

criterion_main!(harness::benches);
