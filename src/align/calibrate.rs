//! The last step: the numbers of the evidence as the texts write them, and
//! confidence as the probability that a decision is right.
//!
//! `finish` first puts beside every number found on one side only the
//! form the text writes it in ([`Evidence::written_only_arabic`](crate::Evidence::written_only_arabic)),
//! then sets the confidences.
//!
//! A *decision* is one output pair: a 1–1 pair, a merge or split, or an
//! article left one-sided. Its confidence is a small logistic model over
//! features every decision has once the alignment is done ([`features`]):
//! the pair's own score (for a one-sided article, the best score it could
//! have had), whether its labels agree under the local numbering offset
//! (a run of renumbering counts as agreement), whether its neighbours'
//! labels agree, numbering gaps, whether the other side holds an unpaired
//! article with the label this one should pair with, the verdict, the kind
//! of pair and its flags, and for a matched pair how far its score falls
//! below zero and below the document's usual (median) pair score: a pair
//! kept by its number and slot against its content (flagged
//! `content_differs`) is the doubtful decision of a translation that is
//! otherwise close.
//!
//! The coefficients are not set by hand: they are fitted on decisions
//! whose rightness is known (the development pairs with their gold
//! alignments, and the robustness perturbations of the seeds, gold by
//! construction) by the test `tests/calibration.rs`, which writes them to
//! `calibrate/table.rs`; its header names the command that fits them
//! again.

use super::features::{numbers_in, written_each};
use super::hash::LabelMap;
use super::lexicon::{ConceptSet, Lexicon, Scratch};
use super::score::sigmoid;
use crate::document::{Document, Label};
use crate::parallel::{renumbering_runs, Flag, Pair, Verdict};

mod table;

pub use table::COEFFICIENTS;

/// The names of the features, in the order of [`features`] and of
/// [`COEFFICIENTS`].
pub const FEATURES: [&str; 29] = [
    "bias",
    "merge_or_split",
    "one_sided",
    "score_matched",
    "score_one_sided",
    "labels_agree",
    "labels_differ",
    "neighbours_agree",
    "numbering_gap",
    "partner_unpaired",
    "label_absent_other_side",
    "verdict_matched",
    "verdict_one_sided",
    "likely_partial",
    "numbers_differ",
    "lexical",
    "length_fit",
    "duplicate_number",
    "partner_terms",
    "partner_numbers",
    "numbers_shared",
    "few_terms_shared",
    "position",
    "content_differs",
    "repealed",
    "score_negative",
    "below_usual",
    "short_law_matched",
    "short_law_one_sided",
];

/// How many features a decision has.
pub const N: usize = FEATURES.len();

/// A finite value of `x` within `[-limit, limit]` (0 for NaN).
fn bounded(x: f64, limit: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(-limit, limit)
    }
}

/// The label key of a one-article side: number and suffix.
fn key(label: &Label) -> Key<'_> {
    (label.number, label.suffix.as_deref())
}

/// A label as a map key: number and suffix.
type Key<'p> = (u32, Option<&'p str>);

/// What [`features`] needs to know about the pairs around each one.
struct Context<'p> {
    /// Whether pair `k` is a matched pair whose labels agree under its
    /// offset (equal, or inside a run of renumbering).
    agrees: Vec<bool>,
    /// The offset (English minus Arabic number) before and after pair `k`:
    /// of the nearest labelled 1–1 matched pairs.
    offset_before: Vec<Option<i64>>,
    offset_after: Vec<Option<i64>>,
    /// The stretch of pair `k`: how many matched pairs come before it.
    stretch: Vec<usize>,
    /// Labels of each side (Arabic, English) → the stretch of every
    /// one-sided pair holding it, and the article's index.
    lone: [LabelMap<'p, Vec<(usize, usize)>>; 2],
    /// Every label of each side.
    all: [LabelMap<'p, ()>; 2],
}

impl<'p> Context<'p> {
    fn new(pairs: &'p [Pair]) -> Context<'p> {
        let n = pairs.len();
        let mut in_run = vec![false; n];
        for (_, members) in renumbering_runs(pairs) {
            for k in members {
                in_run[k] = true;
            }
        }
        let offset = |p: &Pair| match (&p.arabic[..], &p.english[..]) {
            ([a], [e]) => {
                Some(i64::from(e.label.as_ref()?.number) - i64::from(a.label.as_ref()?.number))
            }
            _ => None,
        };
        let agrees = pairs
            .iter()
            .zip(&in_run)
            .map(|(p, &r)| p.is_matched() && (p.evidence.label_match == Some(true) || r))
            .collect();
        let mut offset_before = Vec::with_capacity(n);
        let mut stretch = Vec::with_capacity(n);
        let (mut last, mut matched) = (None, 0);
        for p in pairs {
            offset_before.push(last);
            stretch.push(matched);
            if p.is_matched() {
                matched += 1;
                last = offset(p).or(last);
            }
        }
        let mut offset_after = vec![None; n];
        let mut next = None;
        for k in (0..n).rev() {
            offset_after[k] = next;
            if pairs[k].is_matched() {
                next = offset(&pairs[k]).or(next);
            }
        }
        let mut lone: [LabelMap<'p, Vec<(usize, usize)>>; 2] = Default::default();
        let mut all: [LabelMap<'p, ()>; 2] = Default::default();
        for (k, p) in pairs.iter().enumerate() {
            for (side, refs) in [&p.arabic, &p.english].into_iter().enumerate() {
                for r in refs {
                    if let Some(l) = &r.label {
                        all[side].insert(key(l), ());
                        if !p.is_matched() {
                            let at = (stretch[k], r.index);
                            lone[side].entry(key(l)).or_default().push(at);
                        }
                    }
                }
            }
        }
        Context {
            agrees,
            offset_before,
            offset_after,
            stretch,
            lone,
            all,
        }
    }

    /// For the one-sided pair `k` whose article is on side `side` (0
    /// Arabic) with `label`: the other side's one-sided article, in the
    /// same stretch, with the label this one has under the offset before
    /// or after it (its index in the other document), if any; and whether
    /// the other side has no article with that label at all.
    fn partner(&self, k: usize, side: usize, label: &Label) -> (Option<usize>, bool) {
        let other = 1 - side;
        let mut unpaired = None;
        let mut absent = true;
        let offsets = [self.offset_before[k], self.offset_after[k], Some(0)];
        for o in offsets.into_iter().flatten() {
            let o = if side == 0 { o } else { -o };
            let Ok(number) = u32::try_from(i64::from(label.number) + o) else {
                continue;
            };
            let want = (number, label.suffix.as_deref());
            // (Each list is in stretch order: the first of the stretch is
            // found by bisection, whatever the list's length.)
            let stretch = self.stretch[k];
            if let Some(&(_, j)) = self.lone[other].get(&want).and_then(|v| {
                v.get(v.partition_point(|&(s, _)| s < stretch))
                    .filter(|&&(s, _)| s == stretch)
            }) {
                unpaired = unpaired.or(Some(j));
            }
            if self.all[other].contains_key(&want) {
                absent = false;
            }
        }
        (unpaired, absent)
    }
}

/// How much two article texts share: the share of the lexicon concepts
/// and of the numbers found in either that are found in both (each 0 when
/// neither has any).
fn shared(a: &str, b: &str) -> (f64, f64) {
    let lex = Lexicon::get();
    let mut scratch = Scratch::default();
    let (mut ca, mut cb) = (ConceptSet::default(), ConceptSet::default());
    lex.concepts(a, &mut ca, &mut scratch);
    lex.concepts(b, &mut cb, &mut scratch);
    let jaccard = |both: usize, either: usize| {
        if either == 0 {
            0.0
        } else {
            both as f64 / either as f64
        }
    };
    let terms = jaccard(ca.and(&cb).iter().count(), ca.or(&cb).iter().count());
    let (mut na, mut nb) = (numbers_in(a), numbers_in(b));
    na.sort_unstable();
    na.dedup();
    nb.sort_unstable();
    nb.dedup();
    let both = na.iter().filter(|x| nb.binary_search(x).is_ok()).count();
    (terms, jaccard(both, na.len() + nb.len() - both))
}

/// The features of every decision of `pairs` (in order), aligned under
/// `verdict`, from the documents `arabic` and `english`. They read the
/// pairs' labels, evidence and flags (not [`Flag::LabelMismatch`], which
/// runs of renumbering remove later, nor the confidence), so the features
/// of a finished [`ParallelText`](crate::ParallelText) are those its
/// confidences were computed from.
pub fn features(
    pairs: &[Pair],
    verdict: &Verdict,
    arabic: &Document,
    english: &Document,
) -> Vec<[f64; N]> {
    let cx = Context::new(pairs);
    let v = bounded(verdict.score, 1.0) - 0.5;
    let usual = usual_score(pairs);
    // How short the shorter document is: 0 from SHORT_LAW articles up,
    // towards 1 for a single article (little to learn lengths and
    // numbering from: its decisions are less sure).
    let fewest = arabic.articles.len().min(english.articles.len()) as f64;
    let short = (1.0 - fewest / SHORT_LAW).max(0.0);
    (0..pairs.len())
        .map(|k| {
            let p = &pairs[k];
            let e = &p.evidence;
            let matched = p.is_matched();
            let mut x = [0.0; N];
            x[0] = 1.0;
            let s = bounded(e.score, 10.0) / 5.0;
            let flag = |f: Flag| f64::from(u8::from(p.has_flag(f)));
            let neighbour = |j: Option<usize>| match j {
                Some(j) if j < pairs.len() => f64::from(u8::from(cx.agrees[j])),
                _ => 1.0,
            };
            x[7] = (neighbour(k.checked_sub(1)) + neighbour(Some(k + 1))) / 2.0;
            x[8] = flag(Flag::NumberingGap);
            x[17] = flag(Flag::DuplicateNumber);
            x[if matched { 27 } else { 28 }] = short;
            if matched {
                x[1] = f64::from(u8::from(p.arabic.len() + p.english.len() > 2));
                x[3] = s;
                x[5] = f64::from(u8::from(cx.agrees[k]));
                x[6] = f64::from(u8::from(!cx.agrees[k] && e.label_match == Some(false)));
                x[11] = 4.0 * v;
                x[13] = flag(Flag::LikelyPartial);
                x[14] = flag(Flag::NumbersDiffer);
                x[15] = e.lexical.map_or(0.0, |l| bounded(l, 1.0) - 0.5);
                x[16] = bounded(e.length, 1.0);
                x[20] = e.numeric.map_or(0.0, |v| bounded(v, 1.0) - 0.5);
                x[21] = f64::from(u8::from(e.lexical.is_some_and(|l| l < 0.15)));
                x[22] = bounded(e.position, 1.0);
                x[23] = flag(Flag::ContentDiffers);
                x[24] = flag(Flag::Repealed);
                x[25] = s.min(0.0);
                x[26] = ((bounded(e.score, 10.0) - usual) / 5.0).clamp(-2.0, 0.0);
            } else {
                x[2] = 1.0;
                x[4] = s;
                x[12] = 4.0 * v;
                let (side, refs) = if p.english.is_empty() {
                    (0, &p.arabic)
                } else {
                    (1, &p.english)
                };
                if let Some(r) = refs.first() {
                    if let Some(label) = &r.label {
                        let (unpaired, absent) = cx.partner(k, side, label);
                        x[10] = f64::from(u8::from(absent));
                        if let Some(j) = unpaired {
                            x[9] = 1.0;
                            let (own, other) = if side == 0 {
                                (arabic, english)
                            } else {
                                (english, arabic)
                            };
                            fn text(d: &Document, i: usize) -> &str {
                                d.articles.get(i).map_or("", |a| a.text.as_str())
                            }
                            let (terms, numbers) = shared(text(own, r.index), text(other, j));
                            x[18] = terms;
                            x[19] = numbers;
                        }
                    }
                }
            }
            x
        })
        .collect()
}

/// Articles on each side from which a law is not short for
/// [`features`] (the length model's own limit for trusting candidates'
/// length ratios is 12 as well).
const SHORT_LAW: f64 = 12.0;

/// The usual score of a matched 1–1 pair in this alignment: the median
/// (bounded to ±10), 0 when there is none.
fn usual_score(pairs: &[Pair]) -> f64 {
    let mut scores: Vec<f64> = pairs
        .iter()
        .filter(|p| p.arabic.len() == 1 && p.english.len() == 1)
        .map(|p| bounded(p.evidence.score, 10.0))
        .collect();
    if scores.is_empty() {
        return 0.0;
    }
    let mid = scores.len() / 2;
    let (_, m, _) = scores.select_nth_unstable_by(mid, f64::total_cmp);
    *m
}

/// The probability that a decision with features `x` is right, under
/// `coefficients` (one per feature; a missing one counts as 0, so that a
/// feature can be added before the table is fitted again).
pub fn probability(coefficients: &[f64], x: &[f64; N]) -> f64 {
    let z: f64 = coefficients.iter().zip(x).map(|(w, v)| w * v).sum();
    sigmoid(bounded(z, 40.0))
}

/// The probability that a decision is right: for an article left
/// one-sided, the model's; for a matched pair, the model's (fitted on
/// documents that are the same law) times `same_law`, the verdict's belief
/// that the two documents are versions of one law (a link between two
/// different laws is never right).
pub fn confidence(coefficients: &[f64], x: &[f64; N], same_law: f64) -> f64 {
    let p = probability(coefficients, x);
    let p = if x[2] > 0.0 { p } else { p * same_law };
    p.clamp(0.0, 1.0)
}

/// The verdict's belief that the documents are one law, from its score,
/// under the verdict weights `w` (what the aligner multiplies into
/// [`confidence`]).
pub fn belief(w: &crate::VerdictWeights, score: f64) -> f64 {
    w.belief(score)
}

/// The numbers of `values` as the articles `refs` of `doc` write them
/// (each value itself when not found): the first article, in order, whose
/// text, else title, writes it. Each text is read once for all the values.
fn written(doc: &Document, refs: &[crate::ArticleRef], values: &[String]) -> Vec<String> {
    let parsed: Vec<Option<u64>> = values.iter().map(|v| v.parse().ok()).collect();
    let mut found: Vec<Option<&str>> = vec![None; values.len()];
    let texts = refs
        .iter()
        .filter_map(|r| doc.articles.get(r.index))
        .flat_map(|a| [Some(a.text.as_str()), a.title.as_deref()])
        .flatten();
    for text in texts {
        let missing: Vec<usize> = (0..values.len())
            .filter(|&k| found[k].is_none() && parsed[k].is_some())
            .collect();
        if missing.is_empty() {
            break;
        }
        let wanted: Vec<u64> = missing.iter().filter_map(|&k| parsed[k]).collect();
        for (k, w) in missing.into_iter().zip(written_each(text, &wanted)) {
            found[k] = w;
        }
    }
    found
        .into_iter()
        .zip(values)
        .map(|(w, v)| w.unwrap_or(v).to_string())
        .collect()
}

/// The last step of the aligner: the numbers found on one side only, as
/// written; then the confidence of every pair, the fitted probability that
/// it is right ([`confidence`]; `same_law` is the verdict's belief).
pub(super) fn finish(
    pairs: &mut [Pair],
    verdict: &Verdict,
    same_law: f64,
    arabic: &Document,
    english: &Document,
) {
    for p in pairs.iter_mut() {
        let e = &mut p.evidence;
        e.written_only_arabic = written(arabic, &p.arabic, &e.numbers_only_arabic);
        e.written_only_english = written(english, &p.english, &e.numbers_only_english);
    }
    apply(pairs, verdict, same_law, arabic, english);
}

/// Sets the confidence of every pair to the fitted probability that it
/// is right ([`confidence`]); `same_law` is the verdict's belief.
fn apply(
    pairs: &mut [Pair],
    verdict: &Verdict,
    same_law: f64,
    arabic: &Document,
    english: &Document,
) {
    let xs = features(pairs, verdict, arabic, english);
    for (p, x) in pairs.iter_mut().zip(&xs) {
        p.confidence = confidence(COEFFICIENTS, x, same_law);
    }
}
