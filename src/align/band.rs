//! Step 4's gain source: the gains of the moves of the dynamic programme
//! ([`dp`](super::dp)) over its band.
//!
//! The *band* is the set of cells of the programme it explores: the cells
//! within a half-width of a *guide* path, the path through the *anchors*
//! (pairs the label offsets imply, see [`offsets`](super::offsets)). The
//! *gain* of a move is its content score plus its label term, minus the
//! pair threshold; only cells of the band are ever scored.
//!
//! In: a [`Scorer`], a [`Band`], the offsets of both walks and, when the
//! walks scored the 1–1 candidates under the same scorer, their
//! [`EmissionCache`]. Out: the gains the programme asks for, and the score
//! of every move computed ([`BandGains::full`]).

use super::dp::{Band, GainSource, Gains, Move};
use super::emission::{one_to_one, EmissionCache};
use super::features::PairFeatures;
use super::offsets::near_offset;
use super::score::{Scorer, Weights};

/// The gains of the linking moves of the band, computed as the DP asks for
/// them ([`GainSource`]): the content score plus the label term,
/// minus the threshold `theta` (the logit of the pair threshold, see
/// [`AlignerBuilder::pair_threshold`](crate::AlignerBuilder::pair_threshold)). `full` keeps content plus label of every
/// move computed (`-inf` for the others).
///
/// The length fit of every 1–1 candidate is kept with its score and
/// reused by the merges and splits that hold it. 1–1 candidates already
/// scored by the offset walks under the same scorer are taken from their
/// `cache`. A merge or split whose score cannot reach what the DP already
/// has for its cell ([`Scorer::merge_bound`]) is not scored at all.
pub(super) struct BandGains<'a, 's> {
    scorer: &'a Scorer<'s>,
    band: &'a Band,
    cache: Option<&'a EmissionCache>,
    offsets: (&'a [i64], &'a [i64]),
    theta: f32,
    /// Content plus label of every move computed, by cell and move.
    pub(super) full: Vec<Gains>,
    /// Length fit of the 1–1 candidate ending in each cell (NaN: not
    /// scored).
    fit: Vec<f64>,
    /// Gains scored so far: 1–1 candidates, and merges and splits not
    /// skipped by their bound.
    pub(super) scored: usize,
}

impl<'a, 's> BandGains<'a, 's> {
    pub(super) fn new(
        s: &'a Scorer<'s>,
        band: &'a Band,
        cache: Option<&'a EmissionCache>,
        offsets: (&'a [i64], &'a [i64]),
        theta: f64,
    ) -> Self {
        BandGains {
            scorer: s,
            band,
            cache,
            offsets,
            theta: theta as f32,
            full: vec![[f32::NEG_INFINITY; 3]; band.cells()],
            fit: vec![f64::NAN; band.cells()],
            scored: 0,
        }
    }
}

/// Relative margin of [`BandGains::merge`]'s bound test (times one plus
/// the bound's magnitude), far above the rounding of the `f32` gains.
const BOUND_MARGIN: f64 = 1e-3;

impl GainSource for &mut BandGains<'_, '_> {
    fn one_to_one(&mut self, c: usize, i: usize, j: usize) -> f64 {
        let s = self.scorer;
        self.scored += 1;
        let (x, p) = match self.cache.and_then(|k| k.peek(i - 1, j - 1)) {
            Some(v) => v,
            None => one_to_one(s, i - 1, j - 1),
        };
        self.fit[c] = p;
        let g = x as f32 + label_term(&s.w, s.f, self.offsets, i - 1, 1, j - 1, 1) as f32;
        self.full[c][0] = g;
        (g - self.theta) as f64
    }

    fn merge(&mut self, c: usize, i: usize, j: usize, mv: Move, bar: f64) -> f64 {
        let s = self.scorer;
        let (ka, ke) = mv.size();
        let (a, e) = (i - ka, j - ke);
        let cannot_win = |bound: f64| bound + BOUND_MARGIN * (1.0 + bound.abs()) <= bar;
        // The bound with the largest label term first (the test grows with
        // the bound): most merges are skipped before their labels are read.
        // (Rounding is monotone: the first test implies the second.)
        let content = s.merge_bound(a, ka, e, ke);
        let theta = self.theta as f64;
        if cannot_win(content + max_label_term(&s.w) - theta) {
            return f64::NEG_INFINITY;
        }
        let label = label_term(&s.w, s.f, self.offsets, a, ka, e, ke);
        if cannot_win(content + label - theta) {
            return f64::NEG_INFINITY;
        }
        self.scored += 1;
        let (band, fit) = (self.band, &self.fit);
        let part = |a: usize, e: usize| match band.index(a + 1, e + 1) {
            Some(k) if !fit[k].is_nan() => fit[k],
            _ => s.part_fit(a, e),
        };
        let x = s.content_with(a, ka, e, ke, part).0;
        let slot = if mv == Move::M21 { 1 } else { 2 };
        let g = x as f32 + label as f32;
        self.full[c][slot] = g;
        (g - self.theta) as f64
    }
}

/// The largest value [`label_term`] can take under the weights `w`.
fn max_label_term(w: &Weights) -> f64 {
    w.label.max(0.0).max(-w.label_mismatch)
}

/// The label term of a candidate given the local label offsets (expected
/// English number minus Arabic number, per Arabic article).
///
/// A merge or split needs evidence that both its parts are in the one
/// article of the other side: a member of its two-article side whose label
/// partner (under its own offset in both walks) is the article just before
/// or after the candidate on the other side belongs there, and the
/// candidate gets the label mismatch term rather than the label bonus
/// another member's label would give it.
pub(super) fn label_term(
    w: &Weights,
    f: &PairFeatures,
    offsets: (&[i64], &[i64]),
    i: usize,
    ka: usize,
    j: usize,
    ke: usize,
) -> f64 {
    if ka + ke == 3 && member_belongs_next_door(f, offsets, i, ka, j) {
        return -w.label_mismatch;
    }
    let mut any = false;
    let mut literal = false;
    for a in i..i + ka {
        let fa = &f.arabic[a];
        let Some(na) = fa.label_number else { continue };
        for e in j..j + ke {
            let fe = &f.english[e];
            let Some(ne) = fe.label_number else { continue };
            any = true;
            if fa.label_suffix == fe.label_suffix {
                let d = ne as i64 - na as i64;
                if near_offset(offsets.0, a, d) || near_offset(offsets.1, e, d) {
                    return w.label;
                }
                if na == ne {
                    literal = true;
                }
            }
        }
    }
    if literal {
        // Equal labels where the numbering looks shifted: no evidence
        // either way.
        0.0
    } else if any {
        -w.label_mismatch
    } else {
        0.0
    }
}

/// Whether a member of the two-article side of the merge or split
/// starting at `(i, j)` with `ka` Arabic articles (2: a merge, else a
/// split) has its label partner, under its own offset in both walks, just
/// before or after the candidate on the other side.
fn member_belongs_next_door(
    f: &PairFeatures,
    offsets: (&[i64], &[i64]),
    i: usize,
    ka: usize,
    j: usize,
) -> bool {
    let agrees = |a: usize, e: usize| -> bool {
        let (fa, fe) = (&f.arabic[a], &f.english[e]);
        match (fa.label_number, fe.label_number) {
            (Some(na), Some(ne)) if fa.label_suffix == fe.label_suffix => {
                let d = ne as i64 - na as i64;
                offsets.0[a] == d && offsets.1[e] == d
            }
            _ => false,
        }
    };
    if ka == 2 {
        (i..i + 2)
            .any(|a| (j > 0 && agrees(a, j - 1)) || (j + 1 < f.english.len() && agrees(a, j + 1)))
    } else {
        (j..j + 2)
            .any(|e| (i > 0 && agrees(i - 1, e)) || (i + 1 < f.arabic.len() && agrees(i + 1, e)))
    }
}
