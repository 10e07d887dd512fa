//! Step 5, the document-level verdict: do two documents look like versions
//! of the same law?
//!
//! In: the two documents, their features and the assembled pairs. Out: a
//! [`Verdict`] (a score in 0–1, whether the texts look like versions of one
//! law, and the reasons in words). The score is a weighted mean of pieces of
//! evidence, each in 0–1; [`VerdictWeights`] holds their weights and the
//! other constants of the verdict.

use std::collections::HashSet;

use super::features::{numbers_in, PairFeatures};
use super::score::{sigmoid, tail, LengthModel};
use crate::document::Document;
use crate::parallel::{Pair, Verdict};

/// The weights and constants of the document-level verdict
/// ([`Verdict`](crate::Verdict)).
///
/// The verdict's score is the weighted mean of the pieces of evidence that
/// are available for a document pair (each in 0–1: a piece that cannot be
/// measured, such as title numbers when a title has none, is left out of
/// the mean), scaled down when the titles conflict. The texts look like
/// versions of one law when the score reaches [`same_law`](Self::same_law);
/// the confidence of every matched pair is then multiplied by
/// `sigmoid(sharpness · (score − same_law))`.
///
/// ```
/// use lexalign::{Aligner, VerdictWeights};
/// let strict = VerdictWeights { same_law: 0.6, ..VerdictWeights::default() };
/// let aligner = Aligner::builder().verdict_weights(strict).build();
/// assert_eq!(aligner.verdict_weights().same_law, 0.6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct VerdictWeights {
    /// Weight of the title numbers (law number, year): the share of the
    /// numbers of both titles that occur in both. Default `0.2`.
    pub title_numbers: f64,
    /// Weight of the share of the articles of both documents that are in
    /// high-scoring pairs (see
    /// [`AlignerBuilder::high_confidence`](crate::AlignerBuilder::high_confidence)).
    /// Default `0.35`.
    pub high_scoring: f64,
    /// Weight of label agreement: the share of the matched pairs with
    /// labels on both sides whose labels are equal. Default `0.1`.
    pub labels: f64,
    /// Weight of numeric agreement over the whole documents: the rarity
    /// weight of the numbers found in both documents over that of the
    /// numbers found in either. Default `0.2`.
    pub numbers: f64,
    /// Weight of the fit of the overall English/Arabic length ratio to what
    /// translations of legal text show. Default `0.15`.
    pub length: f64,
    /// Spread of the overall length fit: the logarithm of the length ratio
    /// is compared with the length model's prior mean in units of this.
    /// Default `0.45`.
    pub length_spread: f64,
    /// Tail probability of the overall length ratio from which the length
    /// fit counts fully (a rarer ratio counts in proportion). Default
    /// `0.05`.
    pub length_tail: f64,
    /// Factor applied to the score when the titles carry numbers and share
    /// none of them. Default `0.6`.
    pub title_conflict: f64,
    /// Score from which the two texts look like versions of the same law.
    /// Default `0.5`.
    pub same_law: f64,
    /// Slope of the belief that scales pair confidences: the confidence of
    /// a matched pair is multiplied by `sigmoid(sharpness · (score −
    /// same_law))`. Default `15.0`.
    pub sharpness: f64,
}

impl Default for VerdictWeights {
    fn default() -> VerdictWeights {
        VerdictWeights {
            title_numbers: 0.2,
            high_scoring: 0.35,
            labels: 0.1,
            numbers: 0.2,
            length: 0.15,
            length_spread: 0.45,
            length_tail: 0.05,
            title_conflict: 0.6,
            same_law: 0.5,
            sharpness: 15.0,
        }
    }
}

impl VerdictWeights {
    /// The belief, from a verdict's score, that the two texts are versions
    /// of one law: the factor applied to the confidence of matched pairs.
    pub(crate) fn belief(&self, score: f64) -> f64 {
        sigmoid(self.sharpness * (score - self.same_law))
    }
}

/// The pieces of evidence of a verdict, as they are weighed, and the
/// reasons given for it.
#[derive(Default)]
struct Tally {
    /// `(weight, value)` of every piece measured.
    parts: Vec<(f64, f64)>,
    reasons: Vec<String>,
}

/// Weighs the evidence that the documents are versions of one law: the
/// numbers in the titles (law number and year), the share of articles in
/// high-scoring pairs, label agreement, numeric agreement over the whole
/// documents and the overall length ratio. `high` is the probability from
/// which a pair counts as high-scoring.
pub(crate) fn verdict(
    ar: &Document,
    en: &Document,
    f: &PairFeatures,
    pairs: &[Pair],
    high: f64,
    w: &VerdictWeights,
) -> Verdict {
    let mut tally = Tally::default();
    let title_conflict = title_numbers(ar, en, w, &mut tally);
    pair_agreement(f, pairs, high, w, &mut tally);
    numeric_agreement(f, w, &mut tally);
    length_fit(f, w, &mut tally);
    let Tally { parts, mut reasons } = tally;
    let wsum: f64 = parts.iter().map(|p| p.0).sum();
    let mut score = parts.iter().map(|p| p.0 * p.1).sum::<f64>() / wsum.max(1e-9);
    if title_conflict {
        score *= w.title_conflict;
    }
    let same_law = score >= w.same_law;
    if same_law {
        reasons.insert(
            0,
            "The two texts look like versions of the same law.".to_string(),
        );
    } else {
        reasons.insert(
            0,
            "WARNING: the two texts do not look like versions of the same law; pairs are unreliable."
                .to_string(),
        );
    }
    Verdict {
        same_law,
        score: score.clamp(0.0, 1.0),
        reasons,
    }
}

/// The title numbers (law number, year); whether they conflict (both
/// titles carry numbers, none shared).
fn title_numbers(ar: &Document, en: &Document, w: &VerdictWeights, tally: &mut Tally) -> bool {
    let (Some(ta), Some(te)) = (&ar.title, &en.title) else {
        return false;
    };
    let a: HashSet<u64> = numbers_in(&ta.text).into_iter().collect();
    let e: HashSet<u64> = numbers_in(&te.text).into_iter().collect();
    if a.is_empty() || e.is_empty() {
        return false;
    }
    let shared = a.intersection(&e).count();
    let v = shared as f64 / a.union(&e).count() as f64;
    tally.parts.push((w.title_numbers, v));
    let fmt = |s: &HashSet<u64>| {
        let mut v: Vec<u64> = s.iter().copied().collect();
        v.sort_unstable();
        v.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    tally.reasons.push(if shared == 0 {
        format!(
            "The titles carry different numbers (Arabic: {}; English: {}): law number and year do not match.",
            fmt(&a),
            fmt(&e)
        )
    } else if v < 1.0 {
        format!(
            "The titles share some numbers but not all (Arabic: {}; English: {}).",
            fmt(&a),
            fmt(&e)
        )
    } else {
        format!("The titles carry the same numbers ({}).", fmt(&a))
    });
    shared == 0
}

/// The share of articles in high-scoring pairs, and label agreement over
/// the matched pairs.
fn pair_agreement(
    f: &PairFeatures,
    pairs: &[Pair],
    high: f64,
    w: &VerdictWeights,
    tally: &mut Tally,
) {
    let n = f.arabic.len();
    let m = f.english.len();
    let mut in_high = 0usize;
    let mut labelled = 0usize;
    let mut label_equal = 0usize;
    for p in pairs.iter().filter(|p| p.is_matched()) {
        if sigmoid(p.evidence.score) >= high {
            in_high += p.arabic.len() + p.english.len();
        }
        if let Some(eq) = p.evidence.label_match {
            labelled += 1;
            if eq {
                label_equal += 1;
            }
        }
    }
    let agreement = in_high as f64 / (n + m).max(1) as f64;
    tally.parts.push((w.high_scoring, agreement));
    tally.reasons.push(format!(
        "{:.0}% of the articles ({} Arabic, {} English) are in high-scoring pairs.",
        100.0 * agreement,
        n,
        m
    ));
    let count_ratio = n.min(m) as f64 / n.max(m).max(1) as f64;
    if count_ratio < 0.5 {
        tally.reasons.push(format!(
            "The article counts differ widely: {n} Arabic against {m} English."
        ));
    }
    if labelled > 0 {
        let v = label_equal as f64 / labelled as f64;
        tally.parts.push((w.labels, v));
        if v < 0.5 {
            tally.reasons.push(format!(
                "Only {label_equal} of {labelled} paired articles carry the same number."
            ));
        }
    }
}

/// Numeric agreement over the whole documents.
fn numeric_agreement(f: &PairFeatures, w: &VerdictWeights, tally: &mut Tally) {
    let mut in_ar = vec![false; f.table.values.len()];
    let mut in_en = vec![false; f.table.values.len()];
    for a in &f.arabic {
        for &x in &a.numbers {
            in_ar[x as usize] = true;
        }
    }
    for e in &f.english {
        for &x in &e.numbers {
            in_en[x as usize] = true;
        }
    }
    let (mut shared, mut union) = (0.0, 0.0);
    for (k, weight) in f.table.weights.iter().enumerate() {
        if in_ar[k] || in_en[k] {
            union += weight;
            if in_ar[k] && in_en[k] {
                shared += weight;
            }
        }
    }
    if union > 0.0 {
        let v = shared / union;
        tally.parts.push((w.numbers, v));
        if v < 0.3 {
            tally.reasons.push(format!(
                "Few of the numbers in the articles occur in both texts ({:.0}% by weight).",
                100.0 * v
            ));
        }
    }
}

/// The overall length ratio against what English/Arabic legal text shows.
fn length_fit(f: &PairFeatures, w: &VerdictWeights, tally: &mut Tally) {
    let ta: f64 = f.arabic.iter().map(|a| a.chars).sum();
    let te: f64 = f.english.iter().map(|a| a.chars).sum();
    if ta > 0.0 && te > 0.0 {
        let z = ((te / ta).ln() - LengthModel::PRIOR.mu) / w.length_spread;
        let v = (tail(z) / w.length_tail).min(1.0);
        tally.parts.push((w.length, v));
        if v < 0.5 {
            tally.reasons.push(format!(
                "The lengths do not fit a translation: the English articles are {:.2} times as long as the Arabic ones.",
                te / ta
            ));
        }
    }
}
