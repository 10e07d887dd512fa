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

use common::perturb::{f1, gold, perturbations, predicted, split, Art, Links, Perturb, Side};
use common::seed_text as seed;
use lexalign::{Aligner, Document, Flag, ParallelText};

/// The suite's own cases, on top of the shared perturbations (which the
/// alignment dump uses too): articles rewritten or repealed at the same
/// number, which must stay paired (and be flagged), and a loose translation.
fn own_cases() -> Vec<(&'static str, Perturb)> {
    vec![
        ("rewritten at the same number: Arabic amended", |a, _| {
            amend_arabic(&mut a.arts[4], true)
        }),
        (
            "paragraph added at the same number: Arabic amended",
            |a, _| amend_arabic(&mut a.arts[16], false),
        ),
        ("rewritten at the same number: English loose", |_, e| {
            for k in [6, 15] {
                loosen_english(&mut e.arts[k])
            }
        }),
        (
            "repealed on one side: Arabic note, English empty",
            |a, e| {
                a.arts[5].body = "\n(ملغاة)\n\n".to_string();
                a.arts[5].items.clear();
                e.arts[13].body = "\n\n".to_string();
                e.arts[13].items.clear();
            },
        ),
        ("repealed on one side: English note", |_, e| {
            e.arts[9].body = "\n[Repealed]\n\n".to_string();
            e.arts[9].items.clear();
        }),
    ]
}

/// An amended Arabic article: an amendment note opens it, its text is kept
/// (its first half only with `cut`), and a new paragraph with new figures
/// ends it.
fn amend_arabic(art: &mut Art, cut: bool) {
    let keep: String = if cut {
        first_half(&art.body)
    } else {
        art.body.trim().to_string()
    };
    art.items.clear();
    let added = if cut {
        "ويعاقب كل من يخالف أحكام هذه المادة بغرامة لا تقل عن 5000 درهم ولا تزيد على 20000 درهم، وتضاعف العقوبة في حالة العود خلال 3 سنوات."
    } else {
        "ويصدر الوزير القرارات اللازمة لتنفيذ أحكام هذه المادة خلال 6 أشهر من تاريخ العمل بها."
    };
    art.body = format!(
        "\nاستبدل نص هذه المادة بموجب المرسوم بقانون رقم 7 لسنة 2016، وأصبح على الوجه التالي:\n{keep}\n{added}\n\n"
    );
}

/// A loose English translation: the first quarter of the article's words,
/// then a sentence the Arabic does not have.
fn loosen_english(art: &mut Art) {
    let words: Vec<&str> = art.body.split_whitespace().collect();
    let keep = words[..words.len().div_ceil(4)].join(" ");
    art.items.clear();
    art.body = format!(
        "\n{keep}\nThe competent authority may issue the regulations needed for the purposes of this provision.\n\n"
    );
}

/// The first half (by lines, at least one) of an article body's text.
fn first_half(body: &str) -> String {
    let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    let n = lines.len().div_ceil(2).max(1).min(lines.len());
    lines[..n].join("\n")
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
        for (name, f) in perturbations().into_iter().chain(own_cases()) {
            if let Ok(only) = std::env::var("ONLY") {
                if !name.contains(&only) {
                    continue;
                }
            }
            let (mut ar, mut en) = (ar0.clone(), en0.clone());
            f(&mut ar, &mut en);
            rows.push(evaluate(&aligner, name, s, &ar, &en).0);
        }
    }
    rows
}

/// The 4-article law whose English drops article 3 and renumbers the rest.
fn four_article_drop() -> (Side, Side) {
    let (at, et) = common::law::law(4);
    let side = |t: &str| Side::from(t, &lexalign::parse_document(t).expect("law parses"));
    let (ar, mut en) = (side(&at), side(&et));
    en.delete(&[2]);
    en.renumber();
    (ar, en)
}

/// Aligns one perturbed pair and scores it against its gold links.
fn evaluate(
    aligner: &Aligner,
    name: &str,
    s: &'static str,
    ar: &Side,
    en: &Side,
) -> (Row, ParallelText) {
    let (at, et) = (ar.render(), en.render());
    let pt = aligner
        .align(&et, &at)
        .unwrap_or_else(|e| panic!("{s} {name}: {e}"));
    let g = gold(ar, en);
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
    (row, pt)
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
    assert!(avg >= 0.99, "average pair F1 {avg:.3} < 0.99");
    assert_eq!(flagged, lone, "every one-sided article must be flagged");
}

/// The articles of `side` in `pt` that stand alone, by index.
fn alone(pt: &ParallelText, arabic: bool) -> Vec<usize> {
    pt.pairs()
        .iter()
        .filter(|p| !p.is_matched())
        .flat_map(|p| if arabic { &p.arabic } else { &p.english })
        .map(|r| r.index)
        .collect()
}

/// A 4-article law whose English drops article 3 and renumbers: Arabic 3
/// alone. It gave the merge 3+4 ↔ 3 while a short law's length model came
/// from the mean article lengths (the Arabic's untranslated lists made
/// every pair look partial).
#[test]
fn four_article_drop_leaves_arabic_3_alone() {
    let (ar, en) = four_article_drop();
    let (row, pt) = evaluate(&Aligner::default(), "4-article drop", "law", &ar, &en);
    let links: Vec<(usize, usize)> = predicted(&pt).into_iter().collect();
    assert_eq!(links, vec![(0, 0), (1, 1), (3, 2)], "1↔1, 2↔2, 4↔3");
    assert_eq!(alone(&pt, true), vec![2], "Arabic 3 ↔ nothing");
    assert_eq!(row.lone_flagged, 1);
}

#[test]
fn rewritten_and_repealed_articles_stay_paired_and_flagged() {
    let aligner = Aligner::default();
    for s in ["001", "003"] {
        let (ar0, en0) = split(&seed(s));
        for (name, f) in own_cases() {
            let (mut ar, mut en) = (ar0.clone(), en0.clone());
            f(&mut ar, &mut en);
            let (row, pt) = evaluate(&aligner, name, s, &ar, &en);
            assert_eq!(row.f1, 1.0, "{s} {name}: every article keeps its partner");
            // The changed articles: those whose text differs from the seed's.
            let changed = |side: &Side, orig: &Side| -> Vec<usize> {
                (0..side.arts.len())
                    .filter(|&k| side.arts[k].body != orig.arts[k].body)
                    .collect()
            };
            // A paragraph added may read as a partial translation instead.
            let flags: &[Flag] = if name.starts_with("repealed") {
                &[Flag::Repealed]
            } else if name.starts_with("paragraph") {
                &[Flag::ContentDiffers, Flag::LikelyPartial]
            } else if name.ends_with("loose") {
                // Paired; flagged only where the content is against it.
                &[]
            } else {
                &[Flag::ContentDiffers]
            };
            for (arabic, ks) in [(true, changed(&ar, &ar0)), (false, changed(&en, &en0))] {
                for k in ks {
                    let p = pt
                        .pairs()
                        .iter()
                        .find(|p| {
                            let side = if arabic { &p.arabic } else { &p.english };
                            side.iter().any(|r| r.index == k)
                        })
                        .expect("every article is in a pair");
                    assert!(
                        flags.is_empty() || flags.iter().any(|&f| p.has_flag(f)),
                        "{s} {name}: article {k} ({}) is not flagged {:?}: {:?}",
                        if arabic { "Arabic" } else { "English" },
                        flags,
                        p.flags
                    );
                }
            }
        }
    }
}

/// Wrong links of the neighbour-drop probe (drop Arabic k and English
/// k + 1, renumber both: two unrelated articles then share a label and a
/// slot, with no gap in either numbering) summed over every k, for seeds
/// 001 and 003.
///
/// The probe has no structural evidence for the one-sided call the gold
/// wants, and its content looks like that of an article rewritten after
/// the translation (the development pairs have three: shares of legal
/// terms and content scores fall in the same ranges). The rule
/// (same law, same label at a consistent offset and slot: paired unless
/// the content is decisive; a one-sided call needs positive evidence)
/// therefore pairs them: one wrong link per case, where a content gate
/// kept 13 and 9 (and split the real rewritten articles). The ceiling is
/// that: never more than one wrong link per case; the price is paid in
/// confidence (`tests/calibration.rs` prints how many of these wrong links
/// fall below 0.5).
const NEIGHBOUR_DROP_CEILING: [usize; 2] = [25, 22];

#[test]
fn neighbour_drop_probe() {
    let aligner = Aligner::default();
    for (s, ceiling) in ["001", "003"].into_iter().zip(NEIGHBOUR_DROP_CEILING) {
        let (ar0, en0) = split(&seed(s));
        let (mut wrong, mut total, mut cases, mut flagged) = (0, 0.0, 0, 0);
        for k in 1..ar0.arts.len() - 2 {
            let (mut ar, mut en) = (ar0.clone(), en0.clone());
            ar.delete(&[k]);
            ar.renumber();
            en.delete(&[k + 1]);
            en.renumber();
            let pt = aligner.align(&ar.render(), &en.render()).unwrap();
            let (g, pred) = (gold(&ar, &en), predicted(&pt));
            let w = pred.difference(&g).count();
            if w > 0 && std::env::var_os("LEXALIGN_DEBUG").is_some() {
                eprintln!(
                    "{s} neighbour drop k={k}: wrong {:?}",
                    pred.difference(&g).collect::<Vec<_>>()
                );
            }
            flagged += pt
                .pairs()
                .iter()
                .filter(|p| {
                    p.is_matched()
                        && p.has_flag(Flag::ContentDiffers)
                        && p.arabic
                            .iter()
                            .any(|a| p.english.iter().any(|e| !g.contains(&(a.index, e.index))))
                })
                .count();
            assert!(w <= 1, "{s} k={k}: {w} wrong links");
            wrong += w;
            total += f1(&pred, &g);
            cases += 1;
        }
        println!(
            "seed {s}: neighbour drop (Arabic k, English k+1, both renumbered), {cases} cases: mean pair F1 {:.3}, wrong links {wrong} (ceiling {ceiling}), of which flagged content_differs {flagged}",
            total / cases as f64
        );
        assert!(
            wrong <= ceiling,
            "seed {s}: {wrong} wrong links > {ceiling}"
        );
    }
}

/// Seeded choice of `k` distinct article indices below `n` (a fixed LCG, so
/// that the drop sets are the same at every run).
fn seeded_choice(seed: u64, k: usize, n: usize) -> Vec<usize> {
    let mut x = seed;
    let mut out = BTreeSet::new();
    while out.len() < k {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.insert(((x >> 33) as usize) % n);
    }
    out.into_iter().collect()
}

/// The drop sets of [`long_code_drops_renumbered`]: fixed seeds, English
/// drops for some and Arabic drops for others; `LEXALIGN_DROP_SEEDS=a,b,…`
/// runs those seeds instead, on both sides.
fn drop_sets() -> Vec<(u64, bool)> {
    match std::env::var("LEXALIGN_DROP_SEEDS") {
        Ok(v) => v
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .flat_map(|x| [(x, true), (x, false)])
            .collect(),
        Err(_) => vec![(1, true), (5, true), (12345, true), (7, false), (99, false)],
    }
}

/// One drop set of the 1,000-article code: its name, pair F1, and how many
/// of the dropped articles' counterparts are flagged one-sided (of 20).
fn long_code_case(a0: &Side, e0: &Side, seed: u64, english: bool) -> (String, f64, usize) {
    let (mut a, mut e) = (a0.clone(), e0.clone());
    let drop = seeded_choice(seed, 20, a0.arts.len());
    let target = if english { &mut e } else { &mut a };
    target.delete(&drop);
    target.renumber();
    let pt = Aligner::default()
        .align(&a.render(), &e.render())
        .expect("the code aligns");
    let g = gold(&a, &e);
    let pred = predicted(&pt);
    // The dropped articles' counterparts keep their indices on the other
    // side.
    let flagged = drop
        .iter()
        .filter(|&&k| {
            pt.pairs().iter().any(|p| {
                let (mine, theirs, flag) = if english {
                    (&p.arabic, &p.english, Flag::OnlyArabic)
                } else {
                    (&p.english, &p.arabic, Flag::OnlyEnglish)
                };
                theirs.is_empty() && mine.iter().any(|r| r.index == k) && p.has_flag(flag)
            })
        })
        .count();
    let side = if english { "English" } else { "Arabic" };
    let name = format!("{side} drops 20, seed {seed}");
    if std::env::var_os("LEXALIGN_DEBUG").is_some() {
        eprintln!("{name}: dropped {drop:?}");
        eprintln!("  missing: {:?}", g.difference(&pred).collect::<Vec<_>>());
        eprintln!("  extra:   {:?}", pred.difference(&g).collect::<Vec<_>>());
    }
    (name, f1(&pred, &g), flagged)
}

/// The 1,000-article code of every drop set, as a table; the cases.
fn long_code_table() -> Vec<(String, f64, usize)> {
    let (ar, en) = common::law::law(1000);
    let side = |t: &str| {
        let d = lexalign::parse_document(t).expect("law parses");
        Side::from(t, &d)
    };
    let (a0, e0) = (side(&ar), side(&en));
    println!();
    println!("| 1,000-article code, 2% of one side dropped and renumbered | Pair F1 | Dropped articles flagged one-sided |");
    println!("|---|---|---|");
    let mut rows = Vec::new();
    for (seed, english) in drop_sets() {
        let (name, score, flagged) = long_code_case(&a0, &e0, seed, english);
        println!("| {name} | {score:.3} | {flagged}/20 |");
        rows.push((name, score, flagged));
    }
    rows
}

/// A 1,000-article code (`common::law`) where 2% of one side's articles
/// are dropped and the rest renumbered, so that label offsets grow to 20,
/// for several fixed drop sets on either side: pair F1 ≥ 0.98 everywhere,
/// and the dropped articles' counterparts flagged one-sided, but for at
/// most one per set ([`long_code_every_drop_flagged`] asks for all).
#[test]
fn long_code_drops_renumbered() {
    let rows = long_code_table();
    let bad: Vec<_> = rows.iter().filter(|r| r.1 < 0.98 || r.2 < 19).collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

/// The acceptance of issue 9 for the 1,000-article code: every dropped
/// article flagged. The hard one: a drop just before an article whose
/// English leaves out the Arabic list (seed 001's article 22, set 12345).
/// The two readings (the dropped article paired with the next one's
/// counterpart, or the next one paired with it) were within 0.05 of each
/// other on content until the content, like the length, was read outside
/// the list where the lead rule applies (no penalty for the list and what
/// announces it; the lexicon on the lead when that reads better).
#[test]
fn long_code_every_drop_flagged() {
    let rows = long_code_table();
    let bad: Vec<_> = rows.iter().filter(|r| r.1 < 0.98 || r.2 < 20).collect();
    assert!(bad.is_empty(), "{bad:#?}");
}
