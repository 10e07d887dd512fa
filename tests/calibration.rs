//! Confidence as the probability that a decision is right: the fit of the
//! confidence model and its held-out reliability.
//!
//! A decision is one output pair (1–1, merge, split or one-sided). Its
//! features are `lexalign::calibration::features`; the coefficients live
//! in `src/align/calibrate/table.rs`, written by this test:
//!
//! ```text
//! LEXALIGN_FIT=1 cargo test --release --test calibration -- --nocapture
//! ```
//!
//! fits a logistic model (L2-regularised, Newton's method) on every
//! decision of
//! - the development pairs (`../shared/pairs`, right or wrong by their
//!   `gold.tsv`), and
//! - the robustness perturbations of seeds 001 and 003 plus the
//!   neighbour-drop probes (Arabic k and English k + 1 dropped, both
//!   renumbered), short laws cut from those seeds (windows of 3–12
//!   articles, as they are and with the middle article dropped on one
//!   side) and the two unrelated seeds 000 and 004 (every link wrong):
//!   gold by construction,
//!
//! and writes the table. Without `LEXALIGN_FIT` it prints two reliability
//! tables measured *held out*: the development pairs, each document scored
//! by a model fitted without it; and the robustness cases, each seed's
//! cases scored by a model fitted without that seed's cases. It checks the
//! issue's targets on both (among decisions with confidence ≥ 0.9 at least
//! 99.5% right; at least 90% of wrong decisions below 0.5), holds a floor
//! under the first ([`MIN_SURE_RIGHT`]), and checks that the stored table
//! is the fit of today's decisions (re-fit after changing the aligner). Skipped, with a message, where `../shared/pairs` is absent.

// Linear algebra reads best with indices.
#![allow(clippy::needless_range_loop)]

mod common;

use common::gold::{pairs_dir, read_pairs, reliability_table, score, Counts, Decision};
use common::perturb::{perturbations, right_by_construction, split, windows, Side, SHORT_LAWS};
use common::seed_text as seed;
use lexalign::calibration::{belief, confidence, features, probability, COEFFICIENTS, FEATURES, N};
use lexalign::{Aligner, ParallelText};

/// One decision: its features, whether it is right, the verdict's belief
/// that the documents are one law, and what it is.
struct Row {
    x: [f64; N],
    right: bool,
    same_law: f64,
    what: String,
}

/// Decisions of one document: features, whether right, and what.
struct Group {
    /// Dev pair name, or the seed of a robustness case.
    name: String,
    dev: bool,
    rows: Vec<Row>,
    /// One-sided articles (Arabic-only, English-only) found, right and in
    /// the gold, by kind of case: `dev`, `suite` (the robustness
    /// perturbations), `probe` (the neighbour-drop probes), `unrelated`.
    lone: Vec<(&'static str, [Counts; 2])>,
}

impl Row {
    /// Whether the fit reads this row: not a link between documents the
    /// verdict calls different laws (such a link is scaled by the belief,
    /// not by the model).
    fn fitted(&self) -> bool {
        self.x[2] > 0.0 || self.same_law >= 0.5
    }
}

fn rows_of(pt: &ParallelText, right: &[bool]) -> Vec<Row> {
    let xs = features(pt.pairs(), pt.verdict(), pt.arabic(), pt.english());
    let same_law = belief(Aligner::default().verdict_weights(), pt.verdict().score);
    assert_eq!(xs.len(), right.len());
    xs.into_iter()
        .zip(right)
        .zip(pt.pairs())
        .map(|((x, &right), p)| Row {
            x,
            right,
            same_law,
            what: format!("{:?} ↔ {:?}", lbl(&p.arabic), lbl(&p.english)),
        })
        .collect()
}

fn lbl(v: &[lexalign::ArticleRef]) -> Vec<String> {
    v.iter()
        .map(|r| r.label.as_ref().map_or("?".into(), |l| l.to_string()))
        .collect()
}

/// The one-sided articles (Arabic-only, English-only) of `pt` found,
/// right and in the gold, with the gold links of two perturbed sides.
fn lone_by_construction(pt: &ParallelText, ar: &Side, en: &Side) -> [Counts; 2] {
    let linked = |i: usize, j: usize| ar.arts[i].orig.iter().any(|o| en.arts[j].orig.contains(o));
    let gold_ar: Vec<bool> = (0..ar.arts.len())
        .map(|i| (0..en.arts.len()).all(|j| !linked(i, j)))
        .collect();
    let gold_en: Vec<bool> = (0..en.arts.len())
        .map(|j| (0..ar.arts.len()).all(|i| !linked(i, j)))
        .collect();
    let mut c = [Counts::default(); 2];
    c[0].gold = gold_ar.iter().filter(|&&g| g).count();
    c[1].gold = gold_en.iter().filter(|&&g| g).count();
    for p in pt.pairs().iter().filter(|p| !p.is_matched()) {
        for r in &p.arabic {
            c[0].found += 1;
            c[0].right += usize::from(gold_ar.get(r.index).copied().unwrap_or(false));
        }
        for r in &p.english {
            c[1].found += 1;
            c[1].right += usize::from(gold_en.get(r.index).copied().unwrap_or(false));
        }
    }
    c
}

/// The robustness cases of one seed: the suite's perturbations, the
/// neighbour-drop probes, and short laws cut from it (windows of 3–12
/// articles, as they are and with the middle article dropped on either
/// side, see `tests/short_laws.rs`).
fn robustness_group(aligner: &Aligner, s: &str) -> Group {
    let text = seed(s);
    let (ar0, en0) = split(&text);
    // Cases with their kind: 0 suite, 1 probe, 2 short.
    let mut cases: Vec<(String, Side, Side, usize)> = Vec::new();
    for (name, f) in perturbations() {
        let (mut ar, mut en) = (ar0.clone(), en0.clone());
        f(&mut ar, &mut en);
        cases.push((name.to_string(), ar, en, 0));
    }
    for k in 0..ar0.arts.len() - 1 {
        let (mut ar, mut en) = (ar0.clone(), en0.clone());
        ar.delete(&[k]);
        en.delete(&[k + 1]);
        ar.renumber();
        en.renumber();
        cases.push((format!("drop neighbours {k}"), ar, en, 1));
    }
    for k in SHORT_LAWS {
        for (w, (ar, en)) in windows(&text, k).into_iter().enumerate() {
            let mid = |side: &Side| {
                let mut side = side.clone();
                side.drop_middle();
                side
            };
            cases.push((format!("short {k} at {w}"), ar.clone(), en.clone(), 2));
            cases.push((
                format!("short {k} at {w}, English drop"),
                ar.clone(),
                mid(&en),
                2,
            ));
            cases.push((format!("short {k} at {w}, Arabic drop"), mid(&ar), en, 2));
        }
    }
    let mut rows = Vec::new();
    let mut lone = vec![
        ("suite", [Counts::default(); 2]),
        ("probe", [Counts::default(); 2]),
        ("short", [Counts::default(); 2]),
    ];
    for (name, ar, en, kind) in cases {
        let pt = aligner
            .align(&en.render(), &ar.render())
            .unwrap_or_else(|e| panic!("{s} {name}: {e}"));
        let right = right_by_construction(&pt, &ar, &en);
        let c = lone_by_construction(&pt, &ar, &en);
        let counts = &mut lone[kind].1;
        counts[0].add(c[0]);
        counts[1].add(c[1]);
        rows.extend(rows_of(&pt, &right).into_iter().map(|mut r| {
            r.what = format!("{name}: {}", r.what);
            r
        }));
    }
    Group {
        name: s.to_string(),
        dev: false,
        rows,
        lone,
    }
}

/// Two unrelated laws: every link is wrong, every one-sided article right.
fn unrelated_group(aligner: &Aligner) -> Group {
    let mut rows = Vec::new();
    let mut c = [Counts::default(); 2];
    for (a, b) in [("000", "004"), ("004", "000")] {
        let pt = aligner.align(&seed(a), &seed(b)).unwrap();
        let right: Vec<bool> = pt.pairs().iter().map(|p| !p.is_matched()).collect();
        rows.extend(rows_of(&pt, &right));
        for p in pt.pairs().iter().filter(|p| !p.is_matched()) {
            c[0].add(Counts {
                right: p.arabic.len(),
                found: p.arabic.len(),
                gold: 0,
            });
            c[1].add(Counts {
                right: p.english.len(),
                found: p.english.len(),
                gold: 0,
            });
        }
        c[0].gold += pt.arabic().articles.len();
        c[1].gold += pt.english().articles.len();
    }
    Group {
        name: "000-004".into(),
        dev: false,
        rows,
        lone: vec![("unrelated", c)],
    }
}

fn collect() -> Option<Vec<Group>> {
    let folders = read_pairs(&pairs_dir())?;
    let aligner = Aligner::default();
    let mut groups = Vec::new();
    for f in &folders {
        let pt = aligner
            .align(&f.arabic, &f.english)
            .unwrap_or_else(|e| panic!("{}: {e}", f.name));
        let s = score(&pt, &f.gold);
        let right: Vec<bool> = s.decisions.iter().map(|d| d.right).collect();
        groups.push(Group {
            name: f.name.clone(),
            dev: true,
            rows: rows_of(&pt, &right),
            lone: vec![("dev", [s.only_arabic, s.only_english])],
        });
    }
    for s in ["001", "003"] {
        groups.push(robustness_group(&aligner, s));
    }
    groups.push(unrelated_group(&aligner));
    Some(groups)
}

/// The L2 penalty on every coefficient but the bias.
const L2: f64 = 1.0;

/// Logistic regression by Newton's method, over the rows of `groups`.
///
/// The real documents and the synthetic cases weigh the same in total:
/// every decision of a development pair counts 1 and every synthetic one
/// (perturbations, probes, unrelated seeds) counts the number of
/// development decisions over the number of synthetic ones, so that
/// thousands of generated decisions do not outvote the real documents the
/// model is for. (With no development decision among `groups`, all count
/// 1.)
fn fit(groups: &[&Group]) -> [f64; N] {
    let count = |dev: bool| -> usize {
        groups
            .iter()
            .filter(|g| g.dev == dev)
            .map(|g| g.rows.iter().filter(|r| r.fitted()).count())
            .sum()
    };
    let (n_dev, n_syn) = (count(true), count(false));
    let synthetic = if n_dev == 0 || n_syn == 0 {
        1.0
    } else {
        n_dev as f64 / n_syn as f64
    };
    let rows = groups.iter().flat_map(|g| {
        let weight = if g.dev { 1.0 } else { synthetic };
        g.rows
            .iter()
            .filter(|r| r.fitted())
            .map(move |r| (r, weight))
    });
    let mut w = [0.0; N];
    for _ in 0..100 {
        let mut g = [0.0; N];
        let mut h = [[0.0; N]; N];
        for (Row { x, right, .. }, weight) in rows.clone() {
            let p = probability(&w, x);
            let r = weight * (p - f64::from(u8::from(*right)));
            let s = weight * (p * (1.0 - p)).max(1e-9);
            for a in 0..N {
                g[a] += r * x[a];
                for b in 0..N {
                    h[a][b] += s * x[a] * x[b];
                }
            }
        }
        for a in 1..N {
            g[a] += L2 * w[a];
            h[a][a] += L2;
        }
        h[0][0] += 1e-6;
        let step = solve(h, g);
        let mut size: f64 = 0.0;
        for a in 0..N {
            w[a] -= step[a];
            size = size.max(step[a].abs());
        }
        if size < 1e-10 {
            break;
        }
    }
    w
}

/// Solves `h · x = g` by Gaussian elimination with partial pivoting.
fn solve(mut h: [[f64; N]; N], mut g: [f64; N]) -> [f64; N] {
    for c in 0..N {
        let p = (c..N)
            .max_by(|&a, &b| h[a][c].abs().total_cmp(&h[b][c].abs()))
            .unwrap();
        h.swap(c, p);
        g.swap(c, p);
        for r in c + 1..N {
            let f = h[r][c] / h[c][c];
            for k in c..N {
                h[r][k] -= f * h[c][k];
            }
            g[r] -= f * g[c];
        }
    }
    let mut x = [0.0; N];
    for r in (0..N).rev() {
        let s: f64 = (r + 1..N).map(|k| h[r][k] * x[k]).sum();
        x[r] = (g[r] - s) / h[r][r];
    }
    x
}

/// The decisions of `test`, scored by a model fitted on `train`.
fn held_out(train: &[&Group], test: &[&Group]) -> Vec<Decision> {
    let w = fit(train);
    test.iter()
        .flat_map(|g| g.rows.iter())
        .map(|r| Decision {
            confidence: confidence(&w, &r.x, r.same_law),
            right: r.right,
            what: r.what.clone(),
        })
        .collect()
}

/// The two targets, in words, and whether they are met.
fn targets(name: &str, d: &[Decision]) -> (String, bool) {
    let sure: Vec<&Decision> = d.iter().filter(|x| x.confidence >= 0.9).collect();
    let sure_right = sure.iter().filter(|x| x.right).count();
    let wrong: Vec<&Decision> = d.iter().filter(|x| !x.right).collect();
    let wrong_low = wrong.iter().filter(|x| x.confidence < 0.5).count();
    let share = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let ok = share(sure_right, sure.len()) >= 0.995 && share(wrong_low, wrong.len()) >= 0.9;
    (
        format!(
            "{name}: {} decisions; confidence ≥ 0.9: {sure_right} of {} right ({:.1}%); \
             wrong decisions: {}, of which {wrong_low} below 0.5 ({:.1}%)",
            d.len(),
            sure.len(),
            100.0 * share(sure_right, sure.len()),
            wrong.len(),
            100.0 * share(wrong_low, wrong.len()),
        ),
        ok,
    )
}

/// The table file for coefficients `w` fitted on `groups`.
fn table_file(w: &[f64; N], groups: &[Group]) -> String {
    let count = |dev: bool| -> (usize, usize) {
        let rows = groups.iter().filter(|g| g.dev == dev).flat_map(|g| &g.rows);
        let (n, wrong) = rows
            .filter(|r| r.fitted())
            .fold((0, 0), |(n, k), r| (n + 1, k + usize::from(!r.right)));
        (n, wrong)
    };
    let (dn, dw) = count(true);
    let (rn, rw) = count(false);
    let mut s = String::from(
        "//! GENERATED: do not edit. The coefficients of the confidence model\n\
         //! (`super::features`), fitted by\n\
         //!\n\
         //! ```text\n\
         //! LEXALIGN_FIT=1 cargo test --release --test calibration -- --nocapture\n\
         //! ```\n\
         //!\n\
         //! (logistic regression, L2 penalty 1 on every coefficient but the bias,\n\
         //! the synthetic decisions weighing as much in total as the real ones;\n\
         //! a matched pair's probability is then multiplied by the verdict's\n\
         //! belief that the documents are one law, and the links between\n\
         //! documents it calls different laws are left out of the fit)\n",
    );
    s.push_str(&format!(
        "//! on {dn} decisions of the development pairs ({dw} wrong) and {rn}\n\
         //! decisions of the robustness cases, neighbour-drop probes and the\n\
         //! unrelated seeds 000/004 ({rw} wrong).\n\n\
         /// The coefficients of the features of [`FEATURES`](super::FEATURES), in
/// their order.\n\
         #[rustfmt::skip]\n\
         pub const COEFFICIENTS: &[f64] = &[\n"
    ));
    for (name, c) in FEATURES.iter().zip(w) {
        s.push_str(&format!("    {c:?}, // {name}\n"));
    }
    s.push_str("];\n");
    s
}

#[test]
fn confidence_is_calibrated_held_out() {
    let Some(groups) = collect() else {
        common::skip_notice(&format!("{} is absent", pairs_dir().display()));
        return;
    };
    let all: Vec<&Group> = groups.iter().collect();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/align/calibrate/table.rs");
    let w = fit(&all);
    if std::env::var_os("LEXALIGN_FIT").is_some() {
        std::fs::write(path, table_file(&w, &groups)).unwrap();
        println!("wrote {path}; rebuild and run again without LEXALIGN_FIT to check it");
        for (name, c) in FEATURES.iter().zip(&w) {
            println!("  {name}: {c:.3}");
        }
        return;
    }
    // Development pairs: leave one document out.
    let mut dev = Vec::new();
    for g in all.iter().filter(|g| g.dev) {
        let train: Vec<&Group> = all.iter().copied().filter(|h| h.name != g.name).collect();
        dev.extend(held_out(&train, &[g]));
    }
    // Robustness: leave one seed out.
    let mut robust = Vec::new();
    for s in ["001", "003"] {
        let train: Vec<&Group> = all.iter().copied().filter(|h| h.name != s).collect();
        let test: Vec<&Group> = all.iter().copied().filter(|h| h.name == s).collect();
        robust.extend(held_out(&train, &test));
    }
    println!("\nDevelopment pairs, each document held out:\n");
    println!("{}", reliability_table(&dev));
    println!("Robustness suite and neighbour-drop probes, each seed held out:\n");
    println!("{}", reliability_table(&robust));
    let (dev_line, dev_ok) = targets("dev pairs (held out)", &dev);
    let (rob_line, rob_ok) = targets("robustness (held out)", &robust);
    println!("{dev_line}\n{rob_line}");
    if std::env::var_os("LEXALIGN_DEBUG").is_some() {
        for d in dev
            .iter()
            .chain(&robust)
            .filter(|d| d.right == (d.confidence < 0.5))
        {
            let word = if d.right { "right" } else { "wrong" };
            eprintln!("  {word} at {:.3}: {}", d.confidence, d.what);
        }
    }
    let stale = COEFFICIENTS.len() != N
        || w.iter()
            .zip(COEFFICIENTS)
            .any(|(a, b)| (a - b).abs() > 1e-6 * a.abs().max(1.0));
    assert!(
        !stale,
        "the stored coefficients are not the fit of today's decisions: run \
         LEXALIGN_FIT=1 cargo test --release --test calibration -- --nocapture"
    );
    // The issue's targets are printed (met or not); the test holds a
    // floor under the first, so that a change making confidence less
    // trustworthy fails here.
    let word = |ok: bool| if ok { "met" } else { "NOT met" };
    println!(
        "Targets (≥ 0.9: 99.5% right; 90% of wrong below 0.5): dev {}, robustness {}",
        word(dev_ok),
        word(rob_ok)
    );
    for (name, d) in [("dev pairs", &dev), ("robustness", &robust)] {
        let sure: Vec<&Decision> = d.iter().filter(|x| x.confidence >= 0.9).collect();
        let right = sure.iter().filter(|x| x.right).count();
        assert!(
            right as f64 >= MIN_SURE_RIGHT * sure.len() as f64,
            "{name}: only {right} of {} decisions at confidence ≥ 0.9 are right",
            sure.len()
        );
    }
}

/// The floor: among decisions with confidence ≥ 0.9, this share at least
/// must be right (the issue's target is 0.995).
const MIN_SURE_RIGHT: f64 = 0.99;

/// The issue's target for one-sided articles, each language: F1 pooled
/// over the development pairs and the robustness suite.
const MIN_ONE_SIDED_F1: f64 = 0.95;

/// One-sided articles, Arabic-only and English-only counted apart, pooled
/// over the development pairs and the robustness perturbations (gold by
/// construction); the neighbour-drop probes and the unrelated seeds are
/// printed apart (and pooled in a last line), since the probes are built to
/// be undecidable by structure.
#[test]
fn one_sided_articles_pooled() {
    let Some(groups) = collect() else {
        common::skip_notice(&format!("{} is absent", pairs_dir().display()));
        return;
    };
    let sum = |kinds: &[&str]| -> [Counts; 2] {
        let mut c = [Counts::default(); 2];
        for (_, k) in groups
            .iter()
            .flat_map(|g| &g.lone)
            .filter(|(kind, _)| kinds.contains(kind))
        {
            c[0].add(k[0]);
            c[1].add(k[1]);
        }
        c
    };
    let line = |name: &str, c: &Counts| {
        format!(
            "| {name} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            c.gold,
            c.found,
            c.right,
            c.precision(),
            c.recall(),
            c.f1()
        )
    };
    println!("\n| Cases | Side | Gold | Found | Right | Precision | Recall | F1 |");
    println!("|---|---|---|---|---|---|---|---|");
    let rows: [(&str, &[&str]); 7] = [
        ("dev pairs", &["dev"]),
        ("robustness perturbations", &["suite"]),
        ("**pooled: dev + robustness**", &["dev", "suite"]),
        ("neighbour-drop probes", &["probe"]),
        ("short laws (3–12 articles)", &["short"]),
        ("unrelated seeds 000/004", &["unrelated"]),
        (
            "all of the above",
            &["dev", "suite", "probe", "short", "unrelated"],
        ),
    ];
    for (name, kinds) in rows {
        let c = sum(kinds);
        for (side, c) in ["Arabic-only", "English-only"].iter().zip(&c) {
            println!("{}", line(&format!("{name} | {side}"), c));
        }
    }
    let pooled = sum(&["dev", "suite"]);
    for (side, c) in ["Arabic-only", "English-only"].iter().zip(&pooled) {
        assert!(
            c.f1() >= MIN_ONE_SIDED_F1,
            "{side}: pooled one-sided F1 {:.3} < {MIN_ONE_SIDED_F1} ({} right, {} found, {} gold)",
            c.f1(),
            c.right,
            c.found,
            c.gold
        );
    }
}
