//! Perturbations of the bilingual seeds as text, with gold links known by
//! construction: the robustness suite and the alignment dump share them.

use std::collections::BTreeSet;

use lexalign::{Document, Language, ParallelText};

use super::{arabic_ordinal, english_words};

/// One article as text: its heading and everything up to the next heading.
#[derive(Clone, Debug)]
pub struct Art {
    pub heading: String,
    /// Label number as written now (for renumbering and heading forms).
    pub number: u32,
    pub suffix: bool,
    pub body: String,
    /// Byte ranges of list items in `body`.
    pub items: Vec<std::ops::Range<usize>>,
    /// Original article indices this article holds (gold).
    pub orig: Vec<usize>,
}

/// One language version as text, cut into articles.
#[derive(Clone, Debug)]
pub struct Side {
    pub prefix: String,
    pub arts: Vec<Art>,
    pub suffix: String,
}

impl Side {
    pub fn from(text: &str, doc: &Document) -> Side {
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

    pub fn render(&self) -> String {
        let mut s = self.prefix.clone();
        for a in &self.arts {
            s.push_str(&a.heading);
            s.push_str(&a.body);
        }
        s.push_str(&self.suffix);
        s
    }

    pub fn delete(&mut self, ks: &[usize]) {
        let mut ks = ks.to_vec();
        ks.sort_unstable();
        for k in ks.into_iter().rev() {
            self.arts.remove(k);
        }
    }

    /// Renumbers the headings 1, 2, 3… in order (suffixes dropped).
    pub fn renumber(&mut self) {
        for k in 0..self.arts.len() {
            set_number(&mut self.arts[k], k as u32 + 1);
        }
    }

    /// Deletes the middle article (index `len / 2`) and renumbers the rest.
    pub fn drop_middle(&mut self) {
        let mid = self.arts.len() / 2;
        self.delete(&[mid]);
        self.renumber();
    }

    pub fn shift(&mut self, by: u32) {
        for a in &mut self.arts {
            let n = a.number + by;
            set_number(a, n);
        }
    }

    /// Merges article `k + 1` into article `k` (its heading dropped).
    pub fn merge(&mut self, k: usize) {
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

    pub fn insert(&mut self, at: usize, heading: &str, number: u32, body: &str) {
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

    pub fn strip_lists(&mut self) {
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

    pub fn headings(&mut self, form: fn(u32, usize) -> String) {
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

pub type Perturb = fn(&mut Side, &mut Side);

/// Perturbations of (Arabic, English), by name.
pub fn perturbations() -> Vec<(&'static str, Perturb)> {
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

/// The Arabic and English texts of a bilingual seed, cut into articles.
pub fn split(text: &str) -> (Side, Side) {
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

/// Links as (Arabic index, English index) pairs.
pub type Links = BTreeSet<(usize, usize)>;

/// The gold links of two perturbed sides: articles that hold a common
/// original article.
pub fn gold(a: &Side, e: &Side) -> Links {
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

/// The links an alignment found.
pub fn predicted(pt: &ParallelText) -> Links {
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

/// Pair F1 of `pred` against `gold` (1 when both are empty).
pub fn f1(pred: &Links, gold: &Links) -> f64 {
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

/// Whether each pair of `pt` is right, with the gold links (Arabic index,
/// English index) of two perturbed sides.
pub fn right_by_construction(pt: &ParallelText, ar: &Side, en: &Side) -> Vec<bool> {
    let linked = |i: usize, j: usize| ar.arts[i].orig.iter().any(|o| en.arts[j].orig.contains(o));
    pt.pairs()
        .iter()
        .map(|p| {
            if p.is_matched() {
                p.arabic
                    .iter()
                    .all(|a| p.english.iter().all(|e| linked(a.index, e.index)))
            } else if p.english.is_empty() {
                p.arabic
                    .iter()
                    .all(|a| (0..en.arts.len()).all(|j| !linked(a.index, j)))
            } else {
                p.english
                    .iter()
                    .all(|e| (0..ar.arts.len()).all(|i| !linked(i, e.index)))
            }
        })
        .collect()
}

/// The lengths, in articles, of the short laws cut from each seed
/// ([`windows`]) by `tests/short_laws.rs` and the calibration data.
pub const SHORT_LAWS: [usize; 7] = [3, 4, 5, 6, 8, 10, 12];

/// Short laws cut from a bilingual seed's text: every window of `k`
/// articles starting at an even index, both sides renumbered from 1 (the
/// seed's title and closing kept).
pub fn windows(seed: &str, k: usize) -> Vec<(Side, Side)> {
    let (ar, en) = split(seed);
    let n = ar.arts.len().min(en.arts.len());
    (0..n.saturating_sub(k - 1))
        .step_by(2)
        .map(|start| {
            let cut = |side: &Side| {
                let mut w = side.clone();
                w.arts = side.arts[start..start + k].to_vec();
                for (i, a) in w.arts.iter_mut().enumerate() {
                    a.orig = vec![start + i];
                }
                w.renumber();
                w
            };
            (cut(&ar), cut(&en))
        })
        .collect()
}
