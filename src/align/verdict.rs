//! The document-level verdict: do two documents look like versions of the
//! same law?

use std::collections::HashSet;

use super::features::{numbers_in, PairFeatures};
use super::score::{sigmoid, tail};
use crate::document::Document;
use crate::parallel::{Pair, Verdict};

/// Weighs the evidence that the documents are versions of one law: the
/// numbers in the titles (law number and year), the share of articles in
/// high-scoring pairs, label agreement, numeric agreement over the whole
/// documents and the overall length ratio.
pub(crate) fn verdict(
    ar: &Document,
    en: &Document,
    f: &PairFeatures,
    pairs: &[Pair],
    high: f64,
) -> Verdict {
    let mut reasons = Vec::new();
    let mut parts: Vec<(f64, f64)> = Vec::new(); // (weight, value)
    let n = f.arabic.len();
    let m = f.english.len();

    // Title numbers (law number, year).
    let mut title_conflict = false;
    if let (Some(ta), Some(te)) = (&ar.title, &en.title) {
        let a: HashSet<u64> = numbers_in(&ta.text).into_iter().collect();
        let e: HashSet<u64> = numbers_in(&te.text).into_iter().collect();
        if !a.is_empty() && !e.is_empty() {
            let shared = a.intersection(&e).count();
            let v = shared as f64 / a.union(&e).count() as f64;
            parts.push((0.2, v));
            let fmt = |s: &HashSet<u64>| {
                let mut v: Vec<u64> = s.iter().copied().collect();
                v.sort_unstable();
                v.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if shared == 0 {
                title_conflict = true;
                reasons.push(format!(
                    "The titles carry different numbers (Arabic: {}; English: {}): law number and year do not match.",
                    fmt(&a),
                    fmt(&e)
                ));
            } else if v < 1.0 {
                reasons.push(format!(
                    "The titles share some numbers but not all (Arabic: {}; English: {}).",
                    fmt(&a),
                    fmt(&e)
                ));
            } else {
                reasons.push(format!("The titles carry the same numbers ({}).", fmt(&a)));
            }
        }
    }

    // Share of articles in high-scoring pairs.
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
    parts.push((0.35, agreement));
    reasons.push(format!(
        "{:.0}% of the articles ({} Arabic, {} English) are in high-scoring pairs.",
        100.0 * agreement,
        n,
        m
    ));
    let count_ratio = n.min(m) as f64 / n.max(m).max(1) as f64;
    if count_ratio < 0.5 {
        reasons.push(format!(
            "The article counts differ widely: {n} Arabic against {m} English."
        ));
    }

    // Label agreement over the matched pairs.
    if labelled > 0 {
        let v = label_equal as f64 / labelled as f64;
        parts.push((0.1, v));
        if v < 0.5 {
            reasons.push(format!(
                "Only {label_equal} of {labelled} paired articles carry the same number."
            ));
        }
    }

    // Numeric agreement over the whole documents.
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
    for (k, w) in f.table.weights.iter().enumerate() {
        if in_ar[k] || in_en[k] {
            union += w;
            if in_ar[k] && in_en[k] {
                shared += w;
            }
        }
    }
    if union > 0.0 {
        let v = shared / union;
        parts.push((0.2, v));
        if v < 0.3 {
            reasons.push(format!(
                "Few of the numbers in the articles occur in both texts ({:.0}% by weight).",
                100.0 * v
            ));
        }
    }

    // Overall length ratio against what English/Arabic legal text shows.
    let ta: f64 = f.arabic.iter().map(|a| a.chars).sum();
    let te: f64 = f.english.iter().map(|a| a.chars).sum();
    if ta > 0.0 && te > 0.0 {
        let z = ((te / ta).ln() - 0.45) / 0.45;
        let v = (tail(z) / 0.05).min(1.0);
        parts.push((0.15, v));
        if v < 0.5 {
            reasons.push(format!(
                "The lengths do not fit a translation: the English articles are {:.2} times as long as the Arabic ones.",
                te / ta
            ));
        }
    }

    let wsum: f64 = parts.iter().map(|p| p.0).sum();
    let mut score = parts.iter().map(|p| p.0 * p.1).sum::<f64>() / wsum.max(1e-9);
    if title_conflict {
        score *= 0.6;
    }
    let same_law = score >= 0.5;
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
