//! Step 5, assembly: the pairs of the best path, with their confidence,
//! [`Flag`]s and [`Evidence`].
//!
//! In: the path the dynamic programme found ([`dp::best_path`](super::dp)),
//! the gains it computed, the scorer and the label offsets. Out: one
//! [`Pair`] per move of the path, in document order. A one-sided article
//! gets a confidence from the best 1–1 score it could have had in a band
//! around the same guide path; a matched pair gets its exact evidence
//! (the length fit computed exactly, not from the table the programme
//! used), flags for label and number disagreements, partial translations,
//! merges and splits, and the numbering flags ([`Document::numbering`]).
//! [`add_context`] then raises the confidence of pairs among confident
//! neighbours.

use std::ops::Range;

use super::band::label_term;
use super::decide::Repealed;
use super::dp::{Band, Gains, Move};
use super::emission::one_to_one;
use super::features::ArticleFeatures;
use super::score::{sigmoid, Scorer, Signals};
use crate::document::{ArticleNumbering, Numbering};
use crate::document::{Document, Label};
use crate::parallel::{ArticleRef, Evidence, Flag, Pair};

/// The half-width of the band over which the counterpart of a one-sided
/// article is looked for, to say how sure it is that it has none (the
/// best 1–1 score in its row, or column, of a band this wide around the
/// same guide path), whatever the width the alignment itself used.
const ONE_SIDED_BAND: usize = 8;

/// What the assembly of the pairs of a path reads: the documents, the
/// scorer, the label offsets of both walks, the band the path was found in
/// (with its anchors, its final half-width and the gains computed in it),
/// and the threshold of [`Flag::LikelyPartial`].
pub(super) struct Assembly<'a, 's> {
    pub arabic: &'a Document,
    pub english: &'a Document,
    pub scorer: &'a Scorer<'s>,
    pub offsets: (&'a [i64], &'a [i64]),
    pub band: &'a Band,
    pub anchors: &'a [(usize, usize)],
    pub width: usize,
    pub full: &'a [Gains],
    pub partial_ratio: f64,
    pub repealed: &'a Repealed,
}

/// Content score (without the label term) below which a 1–1 pair whose
/// labels agree under the local offset is flagged
/// [`Flag::ContentDiffers`]: its content alone says the articles do not
/// correspond (a pair probability below one half). A pair flagged
/// [`Flag::LikelyPartial`] (which explains a low score) is flagged too only
/// when its content is below minus the label weight: the programme would
/// not have paired it on its own.
const CONTENT_DIFFERS_BELOW: f64 = 0.0;

/// The numbers of a matched pair, as written: on both sides, on the
/// Arabic side only, on the English side only.
#[derive(Default)]
struct PairNumbers {
    shared: Vec<String>,
    only_arabic: Vec<String>,
    only_english: Vec<String>,
}

impl Assembly<'_, '_> {
    /// The pairs of `path`, one per move.
    pub(super) fn pairs(&self, path: &[(Move, usize, usize)]) -> Vec<Pair> {
        let f = self.scorer.f;
        let one_sided = path
            .iter()
            .any(|&(mv, ..)| matches!(mv, Move::M10 | Move::M01));
        let wide = one_sided.then(|| {
            Band::around(
                f.arabic.len(),
                f.english.len(),
                self.anchors,
                ONE_SIDED_BAND.max(self.width),
            )
        });
        let (numbering_ar, numbering_en) = (self.arabic.numbering(), self.english.numbering());
        let mut pairs = Vec::with_capacity(path.len());
        for &(mv, i, j) in path {
            let (di, dj) = mv.size();
            let (arabic, english) = (i..i + di, j..j + dj);
            let (confidence, mut flags, evidence) = if di == 0 {
                self.one_sided(wide.as_ref(), false, j)
            } else if dj == 0 {
                self.one_sided(wide.as_ref(), true, i)
            } else {
                self.matched(mv, i, j)
            };
            let any = |numbering: &Numbering,
                       range: &Range<usize>,
                       mark: fn(&ArticleNumbering) -> bool| {
                numbering.articles[range.clone()].iter().any(mark)
            };
            if any(&numbering_ar, &arabic, |a| a.duplicate)
                || any(&numbering_en, &english, |a| a.duplicate)
            {
                flags.push(Flag::DuplicateNumber);
            }
            if any(&numbering_ar, &arabic, |a| a.gap_before)
                || any(&numbering_en, &english, |a| a.gap_before)
            {
                flags.push(Flag::NumberingGap);
            }
            pairs.push(Pair {
                arabic: refs(self.arabic, arabic),
                english: refs(self.english, english),
                confidence: confidence.clamp(0.0, 1.0),
                flags,
                evidence,
            });
        }
        pairs
    }

    /// Confidence, flags and evidence of the one-sided article `k` (Arabic
    /// with `arabic`, else English): the confidence that it has no
    /// counterpart, from the best 1–1 score it could have had.
    fn one_sided(&self, wide: Option<&Band>, arabic: bool, k: usize) -> (f64, Vec<Flag>, Evidence) {
        let f = self.scorer.f;
        let best = wide.map_or(f64::NEG_INFINITY, |w| self.best_for(w, arabic, k));
        let features = if arabic { &f.arabic[k] } else { &f.english[k] };
        let numbers: Vec<String> = features
            .numbers
            .iter()
            .map(|&x| f.table.values[x as usize].to_string())
            .collect();
        let mut evidence = Evidence::default();
        let flag = if arabic {
            evidence.numbers_only_arabic = numbers;
            evidence.items_arabic = features.items;
            Flag::OnlyArabic
        } else {
            evidence.numbers_only_english = numbers;
            evidence.items_english = features.items;
            Flag::OnlyEnglish
        };
        let confidence = if best.is_finite() {
            1.0 - sigmoid(best)
        } else {
            1.0
        };
        evidence.score = if best.is_finite() { best } else { 0.0 };
        (confidence, vec![flag], evidence)
    }

    /// The best 1–1 score (content and label) the one-sided article `k`
    /// (Arabic with `arabic`, else English) could have had: over its row
    /// (Arabic) or column (English) of the band `wide` of half-width
    /// [`ONE_SIDED_BAND`] (or the alignment's, if wider) around the same
    /// guide, so that it does not depend on the band the alignment started
    /// from.
    fn best_for(&self, wide: &Band, arabic: bool, k: usize) -> f64 {
        // Cell (r, c) counts when its 1–1 move starts inside the band.
        let linked = |r: usize, c: usize| r >= 1 && c >= 1 && wide.index(r - 1, c - 1).is_some();
        let mut best = f64::NEG_INFINITY;
        if arabic {
            let r = k + 1;
            for c in wide.lo[r].max(1)..=wide.hi[r] {
                if linked(r, c) {
                    best = best.max(self.score_11(k, c - 1));
                }
            }
        } else {
            // The rows holding column k + 1 (rows' ranges only move
            // right).
            let c = k + 1;
            let first = wide.hi.partition_point(|&h| h < c);
            let end = wide.lo.partition_point(|&l| l <= c);
            for r in first.max(1)..end {
                if linked(r, c) {
                    best = best.max(self.score_11(r - 1, k));
                }
            }
        }
        best
    }

    /// The 1–1 score (content and label) of `(a, e)`: the alignment's own
    /// where its band scored the cell, computed alike otherwise.
    fn score_11(&self, a: usize, e: usize) -> f64 {
        let s = self.scorer;
        match self.band.index(a + 1, e + 1) {
            Some(c) if self.full[c][0].is_finite() => self.full[c][0] as f64,
            _ => {
                (one_to_one(s, a, e).0 as f32
                    + label_term(&s.w, s.f, self.offsets, a, 1, e, 1) as f32) as f64
            }
        }
    }

    /// Confidence, flags and evidence of the matched pair of move `mv`
    /// ending after Arabic article `i` and English article `j` start.
    fn matched(&self, mv: Move, i: usize, j: usize) -> (f64, Vec<Flag>, Evidence) {
        let s = self.scorer;
        let f = s.f;
        let (di, dj) = mv.size();
        let signals = s.signals(i, di, j, dj);
        let slot = match mv {
            Move::M11 => 0,
            Move::M21 => 1,
            _ => 2,
        };
        let score = match self.band.index(i + di, j + dj) {
            Some(c) if self.full[c][slot].is_finite() => self.full[c][slot] as f64,
            // A same-slot pair restored after the programme (1–1 only).
            _ => self.score_11(i, j),
        };
        let (a_side, e_side) = (&f.arabic[i..i + di], &f.english[j..j + dj]);
        let numbers = self.numbers(a_side, e_side);
        let label_match = self.label_match(i..i + di, j..j + dj);
        let mut flags = Vec::new();
        if label_match == Some(false) {
            flags.push(Flag::LabelMismatch);
        }
        if !numbers.only_arabic.is_empty() || !numbers.only_english.is_empty() {
            flags.push(Flag::NumbersDiffer);
        }
        let repealed = mv == Move::M11 && self.repealed.either(i, j);
        let partial = !repealed && likely_partial(self.partial_ratio, s, a_side, e_side);
        if repealed {
            flags.push(Flag::Repealed);
        } else if partial {
            flags.push(Flag::LikelyPartial);
        }
        if mv == Move::M11 && !repealed {
            let label = label_term(&s.w, f, self.offsets, i, 1, j, 1);
            let content = score - label;
            let below = if partial { -s.w.label } else { 0.0 };
            if label > 0.0 && content < CONTENT_DIFFERS_BELOW.min(below) {
                flags.push(Flag::ContentDiffers);
            }
        }
        match mv {
            Move::M12 => flags.push(Flag::Split),
            Move::M21 => flags.push(Flag::Merged),
            _ => {}
        }
        let mut evidence = matched_evidence(&signals, label_match, numbers, score);
        // The figures Flag::LikelyPartial is raised on, for its explanation.
        evidence.usual_length_ratio = s.len.mu.exp();
        evidence.units_arabic = a_side.iter().map(|x| x.units.max(1)).sum();
        evidence.units_english = e_side.iter().map(|x| x.units.max(1)).sum();
        (sigmoid(score), flags, evidence)
    }

    /// The numbers of the two sides of a matched pair, as written.
    fn numbers(&self, a_side: &[ArticleFeatures], e_side: &[ArticleFeatures]) -> PairNumbers {
        let values = &self.scorer.f.table.values;
        let mut out = PairNumbers::default();
        self.scorer.numeric(a_side, e_side, |v, side| {
            let t = values[v as usize].to_string();
            match side {
                0 => out.shared.push(t),
                1 => out.only_arabic.push(t),
                _ => out.only_english.push(t),
            }
        });
        out
    }

    /// Whether the labels of a matched pair agree (some Arabic label equals
    /// some English label); `None` when a side has no label.
    fn label_match(&self, arabic: Range<usize>, english: Range<usize>) -> Option<bool> {
        let (la, le) = (labels(self.arabic, arabic), labels(self.english, english));
        if la.is_empty() || le.is_empty() {
            None
        } else {
            Some(la.iter().any(|a| le.contains(a)))
        }
    }
}

/// The evidence of a matched pair from its signals, label agreement,
/// numbers and score.
fn matched_evidence(
    signals: &Signals,
    label_match: Option<bool>,
    numbers: PairNumbers,
    score: f64,
) -> Evidence {
    let sig = signals;
    let any_numbers = !(numbers.shared.is_empty()
        && numbers.only_arabic.is_empty()
        && numbers.only_english.is_empty());
    Evidence {
        label_match,
        position: sig.position,
        division: sig.division,
        numeric: if any_numbers {
            let tot = sig.shared + sig.only_ar + sig.only_en;
            Some(if tot > 0.0 { sig.shared / tot } else { 0.0 })
        } else {
            None
        },
        lexical: {
            let tot = sig.lex_shared + sig.lex_only_ar + sig.lex_only_en;
            if tot > 0.0 {
                Some((sig.lex_shared / tot).clamp(0.0, 1.0))
            } else {
                None
            }
        },
        numbers_shared: numbers.shared,
        numbers_only_arabic: numbers.only_arabic,
        numbers_only_english: numbers.only_english,
        length_ratio: sig.ratio,
        length: sig.len_p,
        items_arabic: sig.items_ar,
        items_english: sig.items_en,
        score,
        ..Evidence::default()
    }
}

/// The labels of the articles of `doc` in `range`.
fn labels(doc: &Document, range: Range<usize>) -> Vec<&Label> {
    doc.articles[range]
        .iter()
        .filter_map(|a| a.label.as_ref())
        .collect()
}

/// References to the articles of `doc` in `range`.
fn refs(doc: &Document, range: Range<usize>) -> Vec<ArticleRef> {
    doc.articles[range].iter().map(ArticleRef::of).collect()
}

/// Whether one side of a pair is much shorter, or has far fewer list items
/// or paragraphs, than the calibrated length ratio predicts.
fn likely_partial(
    partial_ratio: f64,
    s: &Scorer<'_>,
    a: &[ArticleFeatures],
    e: &[ArticleFeatures],
) -> bool {
    let la: f64 = a.iter().map(|x| x.chars).sum();
    let le: f64 = e.iter().map(|x| x.chars).sum();
    let c = s.len.mu.exp();
    let r_en = (le / la) / c; // English relative to prediction
    let r_ar = (la / le) * c;
    let (r, short, long) = if r_en <= r_ar {
        (r_en, e, a)
    } else {
        (r_ar, a, e)
    };
    if (short.iter().map(|x| x.chars).sum::<f64>()) < 1.0 {
        return false;
    }
    let items_s: usize = short.iter().map(|x| x.items).sum();
    let items_l: usize = long.iter().map(|x| x.items).sum();
    let units_s: usize = short.iter().map(|x| x.units.max(1)).sum();
    let units_l: usize = long.iter().map(|x| x.units.max(1)).sum();
    r < partial_ratio
        || (r < 0.85 && units_l >= 3 && 2 * units_s <= units_l)
        || (r < 0.85 && items_l >= 3 && 2 * items_s <= items_l)
}

/// Raises the confidence of matched pairs whose neighbours are confident
/// matches too (or the ends of the documents): a pair inside a run of good
/// pairs is more likely right than its own signals alone say.
pub(super) fn add_context(pairs: &mut [Pair], weight: f64, high: f64) {
    let good: Vec<bool> = pairs
        .iter()
        .map(|p| p.is_matched() && sigmoid(p.evidence.score) >= high)
        .collect();
    for k in 0..pairs.len() {
        if !pairs[k].is_matched() {
            continue;
        }
        let left = k == 0 || good[k - 1];
        let right = k + 1 == pairs.len() || good[k + 1];
        let bonus = weight * (left as u8 + right as u8) as f64;
        pairs[k].confidence = sigmoid(pairs[k].evidence.score + bonus);
    }
}
