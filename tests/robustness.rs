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

use common::{arabic_ordinal, english_words, seed_text as seed};
use lexalign::{Aligner, Document, Flag, Language, ParallelText};

/// One article as text: its heading and everything up to the next heading.
#[derive(Clone, Debug)]
struct Art {
    heading: String,
    /// Label number as written now (for renumbering and heading forms).
    number: u32,
    suffix: bool,
    body: String,
    /// Byte ranges of list items in `body`.
    items: Vec<std::ops::Range<usize>>,
    /// Original article indices this article holds (gold).
    orig: Vec<usize>,
}

/// One language version as text, cut into articles.
#[derive(Clone, Debug)]
struct Side {
    prefix: String,
    arts: Vec<Art>,
    suffix: String,
}

impl Side {
    fn from(text: &str, doc: &Document) -> Side {
        let arts = &doc.articles;
        let end = arts.last().unwrap().span.end;
        let mut out = Vec::new();
        for (k, a) in arts.iter().enumerate() {
            let next = if k + 1 < arts.len() {
                arts[k + 1].heading_span.start
            } else {
                end
            };
            let body_start = a.heading_span.end;
            out.push(Art {
                heading: text[a.heading_span.range()].to_string(),
                number: a.label.as_ref().unwrap().number,
                suffix: a.label.as_ref().unwrap().suffix.is_some(),
                body: text[body_start..next].to_string(),
                items: a
                    .items
                    .iter()
                    .map(|i| i.span.start - body_start..i.span.end - body_start)
                    .collect(),
                orig: vec![k],
            });
        }
        Side {
            prefix: text[..arts[0].heading_span.start].to_string(),
            arts: out,
            suffix: text[end..].to_string(),
        }
    }

    fn render(&self) -> String {
        let mut s = self.prefix.clone();
        for a in &self.arts {
            s.push_str(&a.heading);
            s.push_str(&a.body);
        }
        s.push_str(&self.suffix);
        s
    }

    fn delete(&mut self, ks: &[usize]) {
        let mut ks = ks.to_vec();
        ks.sort_unstable();
        for k in ks.into_iter().rev() {
            self.arts.remove(k);
        }
    }

    /// Renumbers the headings 1, 2, 3… in order (suffixes dropped).
    fn renumber(&mut self) {
        for k in 0..self.arts.len() {
            set_number(&mut self.arts[k], k as u32 + 1);
        }
    }

    fn shift(&mut self, by: u32) {
        for a in &mut self.arts {
            let n = a.number + by;
            set_number(a, n);
        }
    }

    /// Merges article `k + 1` into article `k` (its heading dropped).
    fn merge(&mut self, k: usize) {
        let next = self.arts.remove(k + 1);
        let a = &mut self.arts[k];
        if !a.body.ends_with('\n') {
            a.body.push('\n');
        }
        let rest = next.body.trim_start_matches('\n');
        let strip = next.body.len() - rest.len();
        let at = a.body.len();
        a.body.push_str(rest);
        a.items.extend(
            next.items
                .iter()
                .map(|r| r.start - strip + at..r.end - strip + at),
        );
        a.orig.extend(next.orig);
    }

    fn insert(&mut self, at: usize, heading: &str, number: u32, body: &str) {
        self.arts.insert(
            at,
            Art {
                heading: heading.to_string(),
                number,
                suffix: true,
                body: body.to_string(),
                items: vec![],
                orig: vec![],
            },
        );
    }

    fn strip_lists(&mut self) {
        for a in &mut self.arts {
            let mut body = a.body.clone();
            for r in a.items.iter().rev() {
                let mut end = r.end;
                if body[end..].starts_with('\n') {
                    end += 1;
                }
                body.replace_range(r.start..end, "");
            }
            a.body = body;
            a.items.clear();
        }
    }

    fn headings(&mut self, form: fn(u32, usize) -> String) {
        for (k, a) in self.arts.iter_mut().enumerate() {
            if !a.suffix {
                a.heading = form(a.number, k);
            }
        }
    }
}

fn set_number(a: &mut Art, n: u32) {
    let h = &a.heading;
    let start = h.find(|c: char| c.is_ascii_digit());
    if let Some(s) = start {
        let e = s + h[s..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(h.len() - s);
        a.heading = format!("{}{}{}", &h[..s], n, &h[e..]);
    } else {
        a.heading = format!("Article ({n})");
    }
    a.number = n;
}

fn en_form(i: usize) -> fn(u32, usize) -> String {
    const F: [fn(u32, usize) -> String; 4] = [
        |n, _| format!("Article {n}"),
        |n, _| format!("ARTICLE {n}"),
        |n, _| format!("Art. {n}"),
        |n, _| format!("Article {}", english_words(n)),
    ];
    F[i]
}

fn ar_form(i: usize) -> fn(u32, usize) -> String {
    const F: [fn(u32, usize) -> String; 3] = [
        |n, _| format!("المادة {n}"),
        |n, _| format!("({n}) مادة"),
        |n, _| format!("المادة {}", arabic_ordinal(n)),
    ];
    F[i]
}

type Perturb = fn(&mut Side, &mut Side);

/// Perturbations of (Arabic, English), by name.
fn perturbations() -> Vec<(&'static str, Perturb)> {
    vec![
        ("none", |_, _| {}),
        ("delete 1 Arabic", |a, _| a.delete(&[5])),
        ("delete 1 Arabic, renumbered", |a, _| {
            a.delete(&[5]);
            a.renumber()
        }),
        ("delete 2 English", |_, e| e.delete(&[3, 11])),
        ("delete 2 English, renumbered", |_, e| {
            e.delete(&[3, 11]);
            e.renumber()
        }),
        ("delete 3 Arabic (first, middle, last)", |a, _| {
            let n = a.arts.len();
            a.delete(&[0, n / 2, n - 1])
        }),
        ("delete 3 Arabic, renumbered", |a, _| {
            let n = a.arts.len();
            a.delete(&[0, n / 2, n - 1]);
            a.renumber()
        }),
        ("delete 2 consecutive English, renumbered", |_, e| {
            e.delete(&[8, 9]);
            e.renumber()
        }),
        ("delete 1 Arabic + 1 English, renumbered", |a, e| {
            a.delete(&[7]);
            a.renumber();
            e.delete(&[16]);
            e.renumber()
        }),
        ("English numbers shifted by one", |_, e| e.shift(1)),
        ("merge 2 English", |_, e| e.merge(9)),
        ("merge 2 English, renumbered", |_, e| {
            e.merge(9);
            e.renumber()
        }),
        ("insert Arabic مكرر", |a, _| {
            let n = a.arts[6].number;
            a.insert(
                7,
                &format!("مادة ({n}) مكرر"),
                n,
                "\nتنشأ لجنة دائمة للتنسيق والمتابعة تتولى إعداد تقرير سنوي يعرض على الجهة المختصة خلال شهر مارس من كل عام ويصدر بتنظيم عملها قرار من الجهة المختصة.\n",
            )
        }),
        ("headings: Article 5", |_, e| e.headings(en_form(0))),
        ("headings: ARTICLE 5", |_, e| e.headings(en_form(1))),
        ("headings: Art. 5", |_, e| e.headings(en_form(2))),
        ("headings: Article Five", |_, e| e.headings(en_form(3))),
        ("headings: المادة 5", |a, _| a.headings(ar_form(0))),
        ("headings: (5) مادة", |a, _| a.headings(ar_form(1))),
        ("headings: المادة الخامسة", |a, _| {
            a.headings(ar_form(2))
        }),
        ("headings: mixed forms, both sides", |a, e| {
            a.headings(|n, k| ar_form(k % 3)(n, k));
            e.headings(|n, k| en_form(k % 4)(n, k))
        }),
        ("English lists stripped", |_, e| e.strip_lists()),
        ("Arabic lists stripped", |a, _| a.strip_lists()),
        (
            "combo: delete 2 Arabic renumbered + English shifted",
            |a, e| {
                a.delete(&[2, 14]);
                a.renumber();
                e.shift(1)
            },
        ),
        (
            "combo: merge English + delete Arabic + word headings",
            |a, e| {
                e.merge(4);
                e.renumber();
                a.delete(&[12]);
                e.headings(en_form(3))
            },
        ),
        (
            "combo: مكرر + delete English + ordinal headings",
            |a, e| {
                let n = a.arts[10].number;
                a.insert(
                    11,
                    &format!("مادة ({n}) مكرر"),
                    n,
                    "\nيجوز بقرار من الجهة المختصة تعديل الجداول المرفقة بهذا القرار.\n",
                );
                e.delete(&[20]);
                a.headings(ar_form(2))
            },
        ),
        (
            "combo: lists stripped + delete 1 each side renumbered",
            |a, e| {
                e.strip_lists();
                a.delete(&[9]);
                a.renumber();
                e.delete(&[18]);
                e.renumber()
            },
        ),
    ]
}

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

fn split(text: &str) -> (Side, Side) {
    let parsed = lexalign::parse(text).expect("seed parses");
    let doc = |l: Language| {
        parsed
            .documents
            .iter()
            .find(|d| d.language == l)
            .expect("both languages")
    };
    let side = |l: Language| {
        let t = &text[doc(l).span.range()];
        let d = lexalign::parse_document(t).expect("side parses");
        Side::from(t, &d)
    };
    (side(Language::Arabic), side(Language::English))
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
