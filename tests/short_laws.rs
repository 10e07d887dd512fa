//! Short laws: windows of a few consecutive articles of the bilingual seeds,
//! numbered from 1 on both sides, as a decree of 3 to 12 articles would be.
//! Short documents give the aligner little to learn lengths and numbering
//! from; a law whose numbering agrees on both sides must still pair every
//! article with its own, and an article dropped (and the rest renumbered)
//! on one side must be the one left alone.
//!
//! `cargo test --release --test short_laws -- --nocapture` prints the
//! figures per kind of window.

mod common;

use common::gold::{reliability_table, Decision};
use common::perturb::{f1, gold, predicted, right_by_construction, windows, Side, SHORT_LAWS};
use lexalign::{Aligner, Flag};

/// What [`run`] measures: windows, average pair F1, the windows below 1,
/// same-text pairs flagged `content_differs`, and every decision with its
/// confidence.
type Figures = (usize, f64, Vec<String>, usize, Vec<Decision>);

/// Aligns every window of every length in `ks` of both seeds after `edit`.
fn run(ks: &[usize], edit: impl Fn(&mut Side, &mut Side)) -> Figures {
    let aligner = Aligner::default();
    let (mut count, mut sum, mut bad, mut differs) = (0, 0.0, Vec::new(), 0);
    let mut decisions = Vec::new();
    for s in ["001", "003"] {
        for &k in ks {
            for (start, (mut ar, mut en)) in
                windows(&common::seed_text(s), k).into_iter().enumerate()
            {
                edit(&mut ar, &mut en);
                let pt = aligner
                    .align(&ar.render(), &en.render())
                    .unwrap_or_else(|e| panic!("{s} k={k} start={}: {e}", 2 * start));
                let score = f1(&predicted(&pt), &gold(&ar, &en));
                let right = right_by_construction(&pt, &ar, &en);
                decisions.extend(pt.pairs().iter().zip(right).map(|(p, right)| Decision {
                    confidence: p.confidence,
                    right,
                    what: format!("{s} k={k} start={}", 2 * start),
                }));
                count += 1;
                sum += score;
                if score < 1.0 {
                    bad.push(format!("{s} k={k} start={}: F1 {score:.3}", 2 * start));
                }
                differs += pt
                    .pairs()
                    .iter()
                    .filter(|p| {
                        p.has_flag(Flag::ContentDiffers)
                            && p.arabic.len() == 1
                            && p.english.len() == 1
                            && ar.arts[p.arabic[0].index].orig == en.arts[p.english[0].index].orig
                    })
                    .count();
            }
        }
    }
    (count, sum / count as f64, bad, differs, decisions)
}

fn report(name: &str, r: &Figures) {
    eprintln!(
        "{name}: {} windows, average pair F1 {:.3}, {} below 1, {} same-text pairs flagged content_differs",
        r.0,
        r.1,
        r.2.len(),
        r.3
    );
    for b in &r.2 {
        eprintln!("  {b}");
    }
    eprintln!("{}", reliability_table(&r.4));
}

#[test]
fn short_laws_pair_every_article_with_its_own() {
    let r = run(&SHORT_LAWS, |_, _| {});
    report("plain", &r);
    assert!(
        r.2.is_empty(),
        "every window pairs article k with article k"
    );
    // Measured: 1 of the 950 same-text pairs.
    assert!(r.3 <= 2, "{} same-text pairs flagged content_differs", r.3);
}

/// Average pair F1 a drop must reach over the windows (measured: 0.975
/// for an Arabic drop, 0.981 for an English one; 0.881 and 0.880 while
/// a short law's length model came from whole article lengths and a walk
/// paid nothing for the other side's articles it left at the end). A 3-article law
/// that loses its middle article is often undecidable from lengths and
/// numbers alone, hence not 1.
const DROP_F1: f64 = 0.97;

#[test]
fn short_laws_with_one_english_article_dropped() {
    let r = run(&SHORT_LAWS, |_, en| en.drop_middle());
    report("English drops its middle article", &r);
    assert!(r.1 >= DROP_F1, "average pair F1 {:.3}", r.1);
}

#[test]
fn short_laws_with_one_arabic_article_dropped() {
    let r = run(&SHORT_LAWS, |ar, _| ar.drop_middle());
    report("Arabic drops its middle article", &r);
    assert!(r.1 >= DROP_F1, "average pair F1 {:.3}", r.1);
}
