//! Robustness of the aligner, with gold known by construction.
//!
//! The bilingual seeds 001 and 003 are split into their Arabic and English
//! texts; each text is cut into articles (heading + body, from the parser's
//! spans) and perturbed *as text*: articles deleted (with and without
//! renumbering the rest), the English numbering shifted, two English
//! articles merged, an Arabic `مكرر` article inserted, headings rewritten
//! in other forms, lists stripped, and combinations. The perturbed texts go
//! through the whole pipeline (`Aligner::align` parses them), and the
//! resulting links are compared with the gold links by pair F1.
//!
//! `cargo test --release --test robustness -- --nocapture` prints a
//! markdown table with the aligner's F1 and a naive baseline's (pair the
//! articles with equal labels, nothing else) for every perturbation.

use std::collections::{BTreeSet, HashMap};

mod common;

use common::perturb::{perturbations, split, Side};
use common::seed_text as seed;
use lexalign::{Aligner, Document, Flag, ParallelText};

type Links = BTreeSet<(usize, usize)>;

fn gold(a: &Side, e: &Side) -> Links {
    let mut l = Links::new();
    for (i, x) in a.arts.iter().enumerate() {
        for (j, y) in e.arts.iter().enumerate() {
            if x.orig.iter().any(|o| y.orig.contains(o)) {
                l.insert((i, j));
            }
        }
    }
    l
}

fn predicted(pt: &ParallelText) -> Links {
    let mut l = Links::new();
    for p in pt.pairs() {
        for a in &p.arabic {
            for e in &p.english {
                l.insert((a.index, e.index));
            }
        }
    }
    l
}

/// The naive baseline: pair the articles whose labels are equal.
fn baseline(ar: &Document, en: &Document) -> Links {
    let mut by: HashMap<String, usize> = HashMap::new();
    for a in &en.articles {
        if let Some(l) = &a.label {
            by.entry(l.to_string()).or_insert(a.index);
        }
    }
    let mut used = BTreeSet::new();
    let mut l = Links::new();
    for a in &ar.articles {
        if let Some(j) = a.label.as_ref().and_then(|x| by.get(&x.to_string())) {
            if used.insert(*j) {
                l.insert((a.index, *j));
            }
        }
    }
    l
}

fn f1(pred: &Links, gold: &Links) -> f64 {
    if pred.is_empty() && gold.is_empty() {
        return 1.0;
    }
    let tp = pred.intersection(gold).count() as f64;
    if tp == 0.0 {
        return 0.0;
    }
    let p = tp / pred.len() as f64;
    let r = tp / gold.len() as f64;
    2.0 * p * r / (p + r)
}

struct Row {
    name: String,
    seed: &'static str,
    counts: (usize, usize),
    parsed: (usize, usize),
    f1: f64,
    base: f64,
    lone: usize,
    lone_flagged: usize,
}

fn run() -> Vec<Row> {
    let aligner = Aligner::default();
    let mut rows = Vec::new();
    for s in ["001", "003"] {
        let (ar0, en0) = split(&seed(s));
        assert_eq!(
            ar0.arts.len(),
            en0.arts.len(),
            "seed {s}: unperturbed article counts"
        );
        for (name, f) in perturbations() {
            if let Ok(only) = std::env::var("ONLY") {
                if !name.contains(&only) {
                    continue;
                }
            }
            let (mut ar, mut en) = (ar0.clone(), en0.clone());
            f(&mut ar, &mut en);
            let (at, et) = (ar.render(), en.render());
            let pt = aligner
                .align(&et, &at)
                .unwrap_or_else(|e| panic!("{s} {name}: {e}"));
            let g = gold(&ar, &en);
            let pred = predicted(&pt);
            let base = baseline(pt.arabic(), pt.english());
            // One-sided articles (by construction) must be flagged.
            let mut lone = 0;
            let mut lone_flagged = 0;
            for (i, _) in ar.arts.iter().enumerate() {
                if !g.iter().any(|l| l.0 == i) {
                    lone += 1;
                    if pt.pairs().iter().any(|p| {
                        p.english.is_empty()
                            && p.arabic.iter().any(|r| r.index == i)
                            && p.has_flag(Flag::OnlyArabic)
                    }) {
                        lone_flagged += 1;
                    }
                }
            }
            for (j, _) in en.arts.iter().enumerate() {
                if !g.iter().any(|l| l.1 == j) {
                    lone += 1;
                    if pt.pairs().iter().any(|p| {
                        p.arabic.is_empty()
                            && p.english.iter().any(|r| r.index == j)
                            && p.has_flag(Flag::OnlyEnglish)
                    }) {
                        lone_flagged += 1;
                    }
                }
            }
            let row = Row {
                name: name.to_string(),
                seed: s,
                counts: (ar.arts.len(), en.arts.len()),
                parsed: (pt.arabic().articles.len(), pt.english().articles.len()),
                f1: f1(&pred, &g),
                base: f1(&base, &g),
                lone,
                lone_flagged,
            };
            if row.f1 < 1.0 || std::env::var_os("LEXALIGN_DEBUG").is_some() {
                eprintln!("{s} {name}: F1 {:.3}", row.f1);
                eprintln!("  missing: {:?}", g.difference(&pred).collect::<Vec<_>>());
                eprintln!("  extra:   {:?}", pred.difference(&g).collect::<Vec<_>>());
                if std::env::var_os("LEXALIGN_PAIRS").is_some() {
                    for p in pt.pairs() {
                        let a: Vec<String> = p
                            .arabic
                            .iter()
                            .map(|r| format!("{}:{}", r.index, r.heading))
                            .collect();
                        let e: Vec<String> = p
                            .english
                            .iter()
                            .map(|r| format!("{}:{}", r.index, r.heading))
                            .collect();
                        eprintln!(
                            "    {a:?} <-> {e:?} score={:.2} len={:.2} ratio={:.2} items={}/{} flags={:?}",
                            p.evidence.score,
                            p.evidence.length,
                            p.evidence.length_ratio,
                            p.evidence.items_arabic,
                            p.evidence.items_english,
                            p.flags
                        );
                    }
                }
            }
            rows.push(row);
        }
    }
    rows
}

#[test]
fn robustness() {
    let rows = run();
    println!();
    println!("| Perturbation | Seed | Articles ar/en | Parsed ar/en | Pair F1 (lexalign) | Pair F1 (equal labels) | One-sided flagged |");
    println!("|---|---|---|---|---|---|---|");
    for r in &rows {
        println!(
            "| {} | {} | {}/{} | {}/{} | {:.3} | {:.3} | {}/{} |",
            r.name,
            r.seed,
            r.counts.0,
            r.counts.1,
            r.parsed.0,
            r.parsed.1,
            r.f1,
            r.base,
            r.lone_flagged,
            r.lone
        );
    }
    let n = rows.len() as f64;
    let avg = rows.iter().map(|r| r.f1).sum::<f64>() / n;
    let avg_base = rows.iter().map(|r| r.base).sum::<f64>() / n;
    let lone: usize = rows.iter().map(|r| r.lone).sum();
    let flagged: usize = rows.iter().map(|r| r.lone_flagged).sum();
    println!(
        "| **Average** ({} cases) | | | | **{:.3}** | **{:.3}** | {}/{} |",
        rows.len(),
        avg,
        avg_base,
        flagged,
        lone
    );
    for r in &rows {
        assert_eq!(
            r.counts, r.parsed,
            "{} {}: the parser did not find the articles made",
            r.seed, r.name
        );
    }
    assert!(avg >= 0.97, "average pair F1 {avg:.3} < 0.97");
    assert_eq!(flagged, lone, "every one-sided article must be flagged");
}
