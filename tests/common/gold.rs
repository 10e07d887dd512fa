//! Scoring an alignment against a gold article alignment (`gold.tsv` of a
//! folder in `../shared/pairs`): pair F1 over links compared as multisets
//! of label pairs, one-sided precision and recall per language, and every
//! output decision (one pair: 1–1, merge, split or one-sided) with its
//! confidence and whether it is right, for calibration.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lexalign::{ArticleRef, ParallelText};

/// One gold row: the Arabic and English labels, `None` for `-`.
pub type Row = (Option<String>, Option<String>);

/// A pair folder: its name, the two texts and the gold rows.
pub struct PairFolder {
    /// The folder's name.
    pub name: String,
    /// `ar.txt`.
    pub arabic: String,
    /// `en.txt`.
    pub english: String,
    /// `gold.tsv`, comment lines left out.
    pub gold: Vec<Row>,
}

/// Where the development pairs live.
pub fn pairs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pairs")
}

/// Every pair folder under `dir` in name order; `None` when `dir` is absent.
pub fn read_pairs(dir: &Path) -> Option<Vec<PairFolder>> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.tsv").exists())
        .collect();
    dirs.sort();
    let folders = dirs
        .iter()
        .map(|d| PairFolder {
            name: d.file_name().unwrap().to_string_lossy().to_string(),
            arabic: std::fs::read_to_string(d.join("ar.txt")).expect("ar.txt"),
            english: std::fs::read_to_string(d.join("en.txt")).expect("en.txt"),
            gold: parse_gold(&std::fs::read_to_string(d.join("gold.tsv")).expect("gold.tsv")),
        })
        .collect();
    Some(folders)
}

/// The rows of a `gold.tsv` text.
pub fn parse_gold(text: &str) -> Vec<Row> {
    let side = |s: &str| {
        let s = s.trim();
        (s != "-").then(|| s.to_string())
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (a, e) = l.split_once('\t').expect("gold row has a tab");
            (side(a), side(e))
        })
        .collect()
}

/// Counts for precision and recall.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Found and in the gold.
    pub right: usize,
    /// Found.
    pub found: usize,
    /// In the gold.
    pub gold: usize,
}

impl Counts {
    /// Precision (1 when nothing was found).
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.found)
    }
    /// Recall (1 when the gold has none).
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.gold)
    }
    /// F1 (1 when both are empty).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another count.
    pub fn add(&mut self, o: Counts) {
        self.right += o.right;
        self.found += o.found;
        self.gold += o.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// One output decision: its confidence and whether the gold agrees.
#[derive(Debug, Clone)]
pub struct Decision {
    /// The pair's confidence.
    pub confidence: f64,
    /// Every link (or the one-sided article) is in the gold.
    pub right: bool,
    /// `ar ↔ en` labels, for messages.
    pub what: String,
}

/// The score of one alignment.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Links (both sides present).
    pub links: Counts,
    /// Arabic-only articles.
    pub only_arabic: Counts,
    /// English-only articles.
    pub only_english: Counts,
    /// Every decision.
    pub decisions: Vec<Decision>,
}

fn label(r: &ArticleRef) -> String {
    r.label
        .as_ref()
        .map_or_else(|| format!("?{}", r.index), |l| l.to_string())
}

/// A multiset of keys.
#[derive(Default)]
struct Bag(HashMap<Row, usize>);

impl Bag {
    fn add(&mut self, k: Row) {
        *self.0.entry(k).or_insert(0) += 1;
    }
    /// Takes `k` out if present.
    fn take(&mut self, k: &Row) -> bool {
        match self.0.get_mut(k) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
    fn count(&self, pred: impl Fn(&Row) -> bool) -> usize {
        self.0.iter().filter(|(k, _)| pred(k)).map(|(_, n)| n).sum()
    }
}

/// Scores `pt` against `gold`.
pub fn score(pt: &ParallelText, gold: &[Row]) -> Score {
    let mut bag = Bag::default();
    for r in gold {
        bag.add(r.clone());
    }
    let mut s = Score {
        links: Counts {
            gold: bag.count(|(a, e)| a.is_some() && e.is_some()),
            ..Counts::default()
        },
        only_arabic: Counts {
            gold: bag.count(|(a, e)| a.is_some() && e.is_none()),
            ..Counts::default()
        },
        only_english: Counts {
            gold: bag.count(|(a, e)| a.is_none() && e.is_some()),
            ..Counts::default()
        },
        decisions: Vec::new(),
    };
    for p in pt.pairs() {
        let mut keys: Vec<Row> = Vec::new();
        if p.english.is_empty() {
            keys.extend(p.arabic.iter().map(|a| (Some(label(a)), None)));
        } else if p.arabic.is_empty() {
            keys.extend(p.english.iter().map(|e| (None, Some(label(e)))));
        } else {
            for a in &p.arabic {
                for e in &p.english {
                    keys.push((Some(label(a)), Some(label(e))));
                }
            }
        }
        let mut all = true;
        for k in &keys {
            let hit = bag.take(k);
            all &= hit;
            let c = match k {
                (Some(_), Some(_)) => &mut s.links,
                (Some(_), None) => &mut s.only_arabic,
                _ => &mut s.only_english,
            };
            c.found += 1;
            c.right += usize::from(hit);
        }
        let show = |v: &[ArticleRef]| v.iter().map(label).collect::<Vec<_>>().join("+");
        s.decisions.push(Decision {
            confidence: p.confidence,
            right: all,
            what: format!("{} ↔ {}", show(&p.arabic), show(&p.english)),
        });
    }
    s
}

/// Confidence buckets of a reliability table: lower bounds.
pub const BUCKETS: [f64; 6] = [0.0, 0.5, 0.7, 0.9, 0.99, 1.0];

/// A markdown reliability table of `decisions`: per confidence bucket the
/// number of decisions and the share that is right.
pub fn reliability_table(decisions: &[Decision]) -> String {
    let mut out =
        String::from("| Confidence | Decisions | Right | Share right |\n|---|---|---|---|\n");
    for w in BUCKETS.windows(2) {
        let last = w[1] >= 1.0;
        let inside: Vec<&Decision> = decisions
            .iter()
            .filter(|d| d.confidence >= w[0] && (d.confidence < w[1] || last))
            .collect();
        let right = inside.iter().filter(|d| d.right).count();
        let share = if inside.is_empty() {
            "–".to_string()
        } else {
            format!("{:.3}", right as f64 / inside.len() as f64)
        };
        let close = if last { "]" } else { ")" };
        out.push_str(&format!(
            "| [{:.2}, {:.2}{close} | {} | {right} | {share} |\n",
            w[0],
            w[1],
            inside.len()
        ));
    }
    out
}
