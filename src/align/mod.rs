//! Alignment: pairing the articles of an Arabic and an English document.
//!
//! In: two [`Document`]s (or texts, parsed here). Out: a [`ParallelText`]
//! whose [`Pair`]s cover every article of both documents exactly once, in
//! document order, each with a confidence, its [`Evidence`] and [`Flag`]s,
//! plus a document-level [`Verdict`](crate::Verdict).
//!
//! How it works:
//! 1. *Features* ([`features`](self) module, private): for every article the
//!    numbers it mentions (digits folded, dates split, `74ف` read as 1974,
//!    the heading excluded) weighted by how rare they are in the two
//!    documents, its length, its list items, its enclosing division, and
//!    the concepts of a small built-in bilingual lexicon of common legal
//!    terms it uses (`لجنة` ↔ committee, `عقوبة` ↔ penalty…; Arabic matched
//!    on folded forms with prefixes and suffixes stripped, English on light
//!    stems), weighted by rarity like the numbers.
//! 2. *Scores*: every candidate (1–1, 2–1, 1–2) gets a log-odds score from
//!    the numbers, the Gale–Church style length fit (mean and spread of the
//!    English/Arabic length ratio calibrated on the document pair), the
//!    relative position, the division, the list items and the shared
//!    lexicon concepts; see [`Weights`].
//! 3. *Labels, never trusted blindly*: the label offset of every article
//!    (0 when the numbering agrees, +1 when the English numbering is
//!    shifted, changing where an article was dropped and the rest
//!    renumbered) is chosen by a small Viterbi walk over the articles whose
//!    emissions are the content scores (no label) of the pairs each offset
//!    implies; the walk runs over either side, so that swapping the
//!    documents mirrors the result. The alignment then rewards labels that
//!    agree *given the local offset*.
//! 4. *Dynamic programming* over a band around a guide path anchored on the
//!    pairs the offsets imply, so long codes cost linear time and memory;
//!    the band is widened when the best path touches its edge. Gains are
//!    computed as the programme asks for them: a merge or split whose upper
//!    bound cannot beat what its cell already has is never scored, and the
//!    length fit of a candidate comes from precomputed log lengths and a
//!    tabulated normal tail (the evidence of the final pairs is computed
//!    exactly).
//! 5. *Flags and verdict*: one-sided articles, renumbering, numbers on one
//!    side only, partial translations, merges and splits, duplicate numbers
//!    and numbering gaps; and whether the two texts look like versions of
//!    the same law at all (pair confidences are scaled by that belief).
//!
//! ```
//! use lexalign::{Article, Document, Label, Language, Span};
//! # fn doc(language: Language, bodies: &[&str]) -> Document {
//! #     Document::new(language, bodies.iter().enumerate().map(|(i, t)| Article {
//! #         index: i, label: Some(Label::number(i as u32 + 1)), heading: format!("{}", i + 1),
//! #         heading_span: Span::default(), title: None, text: t.to_string(), paragraphs: vec![],
//! #         items: vec![], division: None, span: Span::default(),
//! #     }).collect())
//! # }
//! let ar = doc(Language::Arabic, &["يعمل بهذا القانون من تاريخ 1/1/2013.", "ينشر في الجريدة الرسمية."]);
//! let en = doc(Language::English, &["This law enters into force on 1/1/2013.", "It shall be published in the Official Gazette."]);
//! let pt = lexalign::align_documents(&ar, &en);
//! assert_eq!(pt.pairs().len(), 2);
//! assert!(pt.pairs().iter().all(|p| p.is_matched()));
//! ```

mod dp;
mod features;
mod lexicon;
mod score;
mod verdict;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::document::{Document, Label};
use crate::error::Result;
use crate::parallel::{ArticleRef, Evidence, Flag, Pair, ParallelText};

use dp::{Band, Gains, Move};
use features::{ArticleFeatures, PairFeatures};
use score::{sigmoid, tail, LengthModel, Lengths, Scorer, Terms};

pub use score::Weights;

/// Aligns an Arabic and an English text, given in either order, with the
/// default [`Aligner`].
///
/// Each text is parsed with [`parse_document`](crate::parse_document); the
/// language of each is taken from the parsed document.
///
/// # Errors
/// - [`Error::Empty`](crate::Error::Empty) when a text is empty (or the parser finds nothing);
/// - [`Error::SameLanguage`](crate::Error::SameLanguage) when both texts are in the same language;
/// - [`Error::NoArticles`](crate::Error::NoArticles) when a text has no articles.
///
/// ```no_run
/// let ar = std::fs::read_to_string("law.ar.txt")?;
/// let en = std::fs::read_to_string("law.en.txt")?;
/// let pt = lexalign::align(&ar, &en)?;
/// for p in pt.pairs() {
///     println!("{:?} ↔ {:?} ({:.2})", p.arabic, p.english, p.confidence);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn align(a: &str, b: &str) -> Result<ParallelText> {
    Aligner::default().align(a, b)
}

/// Aligns the two versions held in one bilingual file, with the default
/// [`Aligner`].
///
/// # Errors
/// - [`Error::Empty`](crate::Error::Empty) when the text is empty;
/// - [`Error::MissingLanguage`](crate::Error::MissingLanguage) when only one language is found;
/// - [`Error::NoArticles`](crate::Error::NoArticles) when a version has no articles.
///
/// ```no_run
/// let text = std::fs::read_to_string("seeds/001_173673d9bc598e3e.txt")?;
/// let pt = lexalign::align_bilingual(&text)?;
/// println!("{}", pt.verdict().same_law);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn align_bilingual(text: &str) -> Result<ParallelText> {
    Aligner::default().align_bilingual(text)
}

/// Aligns two parsed documents with the default [`Aligner`]. The documents
/// are cloned into the result. See the [module docs](self) for an example.
pub fn align_documents(arabic: &Document, english: &Document) -> ParallelText {
    Aligner::default().align_documents(arabic, english)
}

/// The alignment engine: immutable, cheap to clone, `Send + Sync`; build one
/// with [`Aligner::builder`] to change options, or use
/// [`Aligner::default`].
///
/// ```
/// use lexalign::{Aligner, Weights};
/// let aligner = Aligner::builder()
///     .weights(Weights { label: 3.0, ..Weights::default() })
///     .band(32)
///     .min_confidence(0.6)
///     .build();
/// assert_eq!(aligner.weights().label, 3.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Aligner {
    weights: Weights,
    band: usize,
    partial_ratio: f64,
    min_confidence: f64,
    high_confidence: f64,
}

impl Default for Aligner {
    fn default() -> Aligner {
        Aligner {
            weights: Weights::default(),
            band: 2,
            partial_ratio: 0.5,
            min_confidence: 0.5,
            high_confidence: 0.8,
        }
    }
}

/// Builder for an [`Aligner`]; see [`Aligner::builder`].
#[derive(Debug, Clone, Default)]
pub struct AlignerBuilder {
    inner: Aligner,
}

impl AlignerBuilder {
    /// Weights of the signals. Default: [`Weights::default()`].
    pub fn weights(mut self, weights: Weights) -> AlignerBuilder {
        self.inner.weights = weights;
        self
    }

    /// Initial half-width of the band around the guide path, in articles.
    /// The band is doubled automatically when the best path touches its
    /// edge. Default `2`; at least 1.
    pub fn band(mut self, half_width: usize) -> AlignerBuilder {
        self.inner.band = half_width.max(1);
        self
    }

    /// A pair is flagged [`Flag::LikelyPartial`] when one side is shorter
    /// than this share of what the calibrated length ratio predicts from
    /// the other. Default `0.5`. (A milder shortfall, below 0.85, is also
    /// flagged when the short side has at most half the list items or
    /// paragraphs of the other.)
    pub fn partial_ratio(mut self, ratio: f64) -> AlignerBuilder {
        self.inner.partial_ratio = ratio.clamp(0.0, 1.0);
        self
    }

    /// Minimum pair probability for two articles to be paired rather than
    /// left one-sided. Default `0.5`.
    pub fn min_confidence(mut self, p: f64) -> AlignerBuilder {
        self.inner.min_confidence = p.clamp(1e-6, 1.0 - 1e-6);
        self
    }

    /// Probability from which a pair counts as "high-scoring" in the
    /// document-level verdict. Default `0.8`.
    pub fn high_confidence(mut self, p: f64) -> AlignerBuilder {
        self.inner.high_confidence = p.clamp(0.0, 1.0);
        self
    }

    /// The aligner.
    pub fn build(self) -> Aligner {
        self.inner
    }
}

impl Aligner {
    /// A builder starting from the defaults.
    pub fn builder() -> AlignerBuilder {
        AlignerBuilder::default()
    }

    /// The signal weights in use.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Aligns an Arabic and an English text given in either order; see
    /// [`align`](crate::align()).
    pub fn align(&self, a: &str, b: &str) -> Result<ParallelText> {
        Ok(crate::DocumentPair::from_texts(a, b)?.align(self))
    }

    /// Aligns the two versions held in one bilingual text; see
    /// [`align_bilingual`](crate::align_bilingual()). When the text holds
    /// several documents of a language, the one with most articles is used.
    pub fn align_bilingual(&self, text: &str) -> Result<ParallelText> {
        Ok(crate::DocumentPair::from_bilingual(text)?.align(self))
    }

    /// Aligns two parsed documents (cloned into the result).
    pub fn align_documents(&self, arabic: &Document, english: &Document) -> ParallelText {
        self.align_owned(arabic.clone(), english.clone())
    }

    pub(crate) fn align_owned(&self, arabic: Document, english: Document) -> ParallelText {
        let (pairs, verdict) = self.run(&arabic, &english);
        ParallelText::from_parts(arabic, english, pairs, verdict)
    }

    fn run(&self, ar: &Document, en: &Document) -> (Vec<Pair>, crate::Verdict) {
        let f = PairFeatures::new(ar, en, true);
        let (n, m) = (f.arabic.len(), f.english.len());
        // Length model: first from the mode of the length ratios of nearby
        // candidates (robust to renumbering and partial translations), then
        // refined on the pairs the label offsets imply.
        let near = near_candidates(&f);
        let lens = |v: &[(usize, usize)]| -> Vec<(f64, f64)> {
            v.iter()
                .map(|&(i, j)| (f.arabic[i].chars, f.english[j].chars))
                .collect()
        };
        let total_ar: f64 = f.arabic.iter().map(|a| a.chars).sum();
        let total_en: f64 = f.english.iter().map(|a| a.chars).sum();
        let len0 = LengthModel::from_mode(&lens(&near), total_ar, total_en);
        let lengths = Lengths::new(&f);
        let scorer0 = Scorer::new(&f, &lengths, self.weights, len0);
        // The pairs both walks agree on (the same set whichever document is
        // called Arabic) refine the length model.
        let mut cache0 = EmissionCache::record(n);
        let walk_ar = offsets_walking(&scorer0, false, &mut cache0);
        let walk_en = offsets_walking(&scorer0, true, &mut cache0);
        let agreed = agreed_pairs(&f, &walk_ar, &walk_en);
        let len = LengthModel::calibrate(&lens(&agreed), len0);
        let scorer = Scorer::new(&f, &lengths, self.weights, len);
        let theta = logit(self.min_confidence);
        // Offsets walking the Arabic side and walking the English side; a
        // label agrees when it fits either (the two walks mirror each other).
        let same = (len.mu - len0.mu).abs() < 0.03 && (len.sigma - len0.sigma).abs() < 0.03;
        // The 1–1 content scores the walks computed under the final scorer
        // (if they were run again) are reused by the band.
        let (offsets_ar, offsets_en, cache) = if same {
            (walk_ar, walk_en, None)
        } else {
            // The walks visit the same pairs under either length model:
            // their other terms are kept.
            let mut cache = cache0.relength(&scorer);
            (
                offsets_walking(&scorer, false, &mut cache),
                offsets_walking(&scorer, true, &mut cache),
                Some(cache),
            )
        };
        let offsets = (&offsets_ar[..], &offsets_en[..]);
        let anchors = offset_anchors(&f, &offsets_ar);
        let mut w = self.band;
        let (band, path, full) = loop {
            let band = Band::around(n, m, &anchors, w);
            let mut gains = BandGains::new(&scorer, &band, cache.as_ref(), offsets, theta);
            let path = dp::best_path(&band, &mut gains);
            let full = gains.full;
            let cut = path.iter().any(|&(mv, i, j)| {
                let (di, dj) = mv.size();
                band.on_inner_edge(i, j) || band.on_inner_edge(i + di, j + dj)
            });
            if !cut || w >= n.max(m) {
                break (band, path, full);
            }
            w *= 2;
        };
        let mut built = build_pairs(
            self,
            ar,
            en,
            &scorer,
            offsets,
            (&band, &anchors, w),
            &path,
            &full,
        );
        add_context(&mut built, self.weights.context, self.high_confidence);
        let verdict = verdict::verdict(ar, en, &f, &built, self.high_confidence);
        let p_same = sigmoid(15.0 * (verdict.score - 0.5));
        for p in &mut built {
            if p.is_matched() {
                p.confidence *= p_same;
            }
        }
        (built, verdict)
    }
}

/// Raises the confidence of matched pairs whose neighbours are confident
/// matches too (or the ends of the documents): a pair inside a run of good
/// pairs is more likely right than its own signals alone say.
fn add_context(pairs: &mut [Pair], weight: f64, high: f64) {
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

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

/// Candidate pairs near the diagonal (within two articles of the expected
/// place) and pairs with equal labels, for the first length calibration.
fn near_candidates(f: &PairFeatures) -> Vec<(usize, usize)> {
    let (n, m) = (f.arabic.len(), f.english.len());
    // From the rows and from the columns, so the set is the same whichever
    // document is called Arabic: the pairs within two places of the
    // diagonal of each row, of each column, and the label anchors, each
    // pair once (in no particular order).
    let row = |i: usize| {
        let c = ((i as f64 + 0.5) * m as f64 / n.max(1) as f64) as i64;
        (c - 2).max(0)..(c + 3).min(m as i64)
    };
    let col = |j: usize| {
        let c = ((j as f64 + 0.5) * n as f64 / m.max(1) as f64) as i64;
        (c - 2).max(0)..(c + 3).min(n as i64)
    };
    let mut v = Vec::with_capacity(6 * (n + m));
    for i in 0..n {
        v.extend(row(i).map(|j| (i, j as usize)));
    }
    for j in 0..m {
        v.extend(
            col(j)
                .map(|i| i as usize)
                .filter(|&i| !row(i).contains(&(j as i64)))
                .map(|i| (i, j)),
        );
    }
    for (i, j) in label_anchors(&f.arabic, &f.english) {
        if !row(i).contains(&(j as i64)) && !col(j).contains(&(i as i64)) {
            v.push((i, j));
        }
    }
    v
}

/// Pairs implied by the offsets of both walks (each Arabic article with the
/// English article its offset names, and the reverse), kept when both walks
/// imply them.
fn agreed_pairs(f: &PairFeatures, walk_ar: &[i64], walk_en: &[i64]) -> Vec<(usize, usize)> {
    let mut en_at: HashMap<(u32, Option<&str>), usize> = HashMap::new();
    for (j, e) in f.english.iter().enumerate() {
        if let Some(num) = e.label_number {
            en_at.entry((num, e.label_suffix.as_deref())).or_insert(j);
        }
    }
    let mut out = Vec::new();
    for (i, a) in f.arabic.iter().enumerate() {
        let Some(num) = a.label_number else { continue };
        let Ok(t) = u32::try_from(num as i64 + walk_ar[i]) else {
            continue;
        };
        if let Some(&j) = en_at.get(&(t, a.label_suffix.as_deref())) {
            if walk_en[j] == walk_ar[i] {
                out.push((i, j));
            }
        }
    }
    out
}

/// Pairs of articles with equal labels that are unique in both documents,
/// reduced to the longest chain increasing on both sides.
/// Articles (or counts) by label, hashed with [`PairHasher`].
type LabelMap<'a, V> = HashMap<(u32, Option<&'a str>), V, BuildHasherDefault<PairHasher>>;

fn label_anchors(ar: &[ArticleFeatures], en: &[ArticleFeatures]) -> Vec<(usize, usize)> {
    let count_en = LabelCounts::new(en);
    let count_ar = LabelCounts::new(ar);
    let cands: Vec<(usize, usize)> = ar
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let (num, suffix) = (a.label_number?, a.label_suffix.as_deref());
            if count_ar.get(num, suffix)?.0 != 1 {
                return None;
            }
            match count_en.get(num, suffix) {
                Some((1, j)) => Some((i, j)),
                _ => None,
            }
        })
        .collect();
    longest_increasing(&cands)
}

/// Per label, how many articles of a side carry it and the first that
/// does: labels without a suffix in a table when the numbers are not much
/// larger than the number of articles, others hashed.
struct LabelCounts<'a> {
    plain: Vec<(u32, usize)>,
    other: LabelMap<'a, (u32, usize)>,
}

impl<'a> LabelCounts<'a> {
    fn new(arts: &'a [ArticleFeatures]) -> LabelCounts<'a> {
        let max = arts.iter().filter_map(|a| a.label_number).max();
        let table = max.map_or(0, |m| m as usize + 1);
        let dense = table <= 8 * arts.len() + 64;
        let mut c = LabelCounts {
            plain: vec![(0, 0); if dense { table } else { 0 }],
            other: HashMap::default(),
        };
        for (j, a) in arts.iter().enumerate() {
            let Some(num) = a.label_number else { continue };
            let suffix = a.label_suffix.as_deref();
            let slot = if dense && suffix.is_none() {
                &mut c.plain[num as usize]
            } else {
                c.other.entry((num, suffix)).or_insert((0, j))
            };
            if slot.0 == 0 {
                slot.1 = j;
            }
            slot.0 += 1;
        }
        c
    }

    /// The number of articles labelled `number` with `suffix`, and the
    /// first of them; `None` when there is none.
    fn get(&self, number: u32, suffix: Option<&str>) -> Option<(u32, usize)> {
        let v = if suffix.is_none() && !self.plain.is_empty() {
            self.plain.get(number as usize).copied()
        } else {
            self.other.get(&(number, suffix)).copied()
        };
        v.filter(|c| c.0 > 0)
    }
}

/// Longest chain of `(i, j)` (sorted by `i`, distinct `i`) increasing in `j`.
fn longest_increasing(c: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new(); // index into c
    let mut prev: Vec<Option<usize>> = vec![None; c.len()];
    for (k, &(_, j)) in c.iter().enumerate() {
        let pos = tails.partition_point(|&t| c[t].1 < j);
        if pos > 0 {
            prev[k] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        out.push(c[k]);
        cur = prev[k];
    }
    out.reverse();
    out
}

/// The gains of the linking moves of the band, computed as the DP asks for
/// them ([`dp::GainSource`]): the content score plus the label term,
/// minus the threshold `theta`. `full` keeps content plus label of every
/// move computed (`-inf` for the others).
///
/// The length fit of every 1–1 candidate is kept with its score and
/// reused by the merges and splits that hold it. 1–1 candidates already
/// scored by the offset walks under the same scorer are taken from their
/// `cache`. A merge or split whose score cannot reach what the DP already
/// has for its cell ([`Scorer::merge_bound`]) is not scored at all.
struct BandGains<'a, 's> {
    s: &'a Scorer<'s>,
    band: &'a Band,
    cache: Option<&'a EmissionCache>,
    offsets: (&'a [i64], &'a [i64]),
    theta: f32,
    full: Vec<Gains>,
    /// Length fit of the 1–1 candidate ending in each cell (NaN: not
    /// scored).
    fit: Vec<f64>,
}

impl<'a, 's> BandGains<'a, 's> {
    fn new(
        s: &'a Scorer<'s>,
        band: &'a Band,
        cache: Option<&'a EmissionCache>,
        offsets: (&'a [i64], &'a [i64]),
        theta: f64,
    ) -> Self {
        BandGains {
            s,
            band,
            cache,
            offsets,
            theta: theta as f32,
            full: vec![[f32::NEG_INFINITY; 3]; band.cells()],
            fit: vec![f64::NAN; band.cells()],
        }
    }
}

/// Relative margin of [`BandGains::merge`]'s bound test (times one plus
/// the bound's magnitude), far above the rounding of the `f32` gains.
const BOUND_MARGIN: f64 = 1e-3;

impl dp::GainSource for &mut BandGains<'_, '_> {
    fn one_to_one(&mut self, c: usize, i: usize, j: usize) -> f64 {
        let s = self.s;
        let (x, p) = match self.cache.and_then(|k| k.peek(s.f, i - 1, j - 1)) {
            Some(v) => v,
            None => one_to_one(s, i - 1, j - 1),
        };
        self.fit[c] = p;
        let g = x as f32 + label_term(&s.w, s.f, self.offsets, i - 1, 1, j - 1, 1) as f32;
        self.full[c][0] = g;
        (g - self.theta) as f64
    }

    fn merge(&mut self, c: usize, i: usize, j: usize, mv: Move, bar: f64) -> f64 {
        let s = self.s;
        let (ka, ke) = mv.size();
        let (a, e) = (i - ka, j - ke);
        let label = label_term(&s.w, s.f, self.offsets, a, ka, e, ke);
        let bound = s.merge_bound(a, ka, e, ke) + label - self.theta as f64;
        if bound + BOUND_MARGIN * (1.0 + bound.abs()) <= bar {
            return f64::NEG_INFINITY;
        }
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

/// The label term of a candidate given the local label offsets (expected
/// English number minus Arabic number, per Arabic article).
fn label_term(
    w: &Weights,
    f: &PairFeatures,
    offsets: (&[i64], &[i64]),
    i: usize,
    ka: usize,
    j: usize,
    ke: usize,
) -> f64 {
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

/// Whether `d` is the offset of article `k` or, where the offset changes
/// there, of one of its neighbours: the place where a renumbering starts is
/// known less surely than the offsets on either side of it.
#[inline]
fn near_offset(off: &[i64], k: usize, d: i64) -> bool {
    let o = off[k];
    d == o
        || (k > 0 && off[k - 1] != o && d == off[k - 1])
        || (k + 1 < off.len() && off[k + 1] != o && d == off[k + 1])
}

/// Largest renumbering offset (English number minus Arabic number)
/// considered.
const MAX_OFFSET: i64 = 6;
/// Number of offsets considered, `-MAX_OFFSET..=MAX_OFFSET`.
const STATES: usize = 2 * MAX_OFFSET as usize + 1;
/// Cost of a change of offset along the document.
const SWITCH: f64 = 2.5;
/// Emission of an offset under which the Arabic article has no English
/// article of that number.
const GAP: f64 = -0.3;

/// Label offsets, never trusted blindly: for every Arabic article the
/// offset `d` such that its counterpart is the English article numbered
/// `number + d`. The offset is taken as piecewise constant (renumbering
/// after a deleted or merged article shifts it for the rest of the
/// document) and chosen by a small Viterbi over the Arabic articles, whose
/// emissions are the *content* scores (numbers, length, items, position;
/// no label) of the pairs each offset implies. Offset 0 is preferred when
/// the evidence is weak.
///
/// Computed per article of one side: the Arabic side, or with `english`
/// the English side (offsets are still English minus Arabic). Walking
/// either side runs the very same computation with the roles swapped, so
/// that swapping the two documents mirrors the result.
fn offsets_walking(s: &Scorer<'_>, english: bool, cache: &mut EmissionCache) -> Vec<i64> {
    let f = s.f;
    let (walk, other) = if english {
        (&f.english, &f.arabic)
    } else {
        (&f.arabic, &f.english)
    };
    let n = walk.len();
    let mut out = vec![0i64; n];
    let by_label = LabelCounts::new(other);
    if other.iter().all(|a| a.label_number.is_none())
        || walk.iter().all(|a| a.label_number.is_none())
    {
        return out;
    }
    let states: [i64; STATES] = std::array::from_fn(|x| x as i64 - MAX_OFFSET);
    let k = STATES;
    let zero = MAX_OFFSET as usize;
    let mut score = [0.0f64; STATES];
    score[zero] = 1.0;
    let mut back: Vec<[u8; STATES]> = Vec::with_capacity(n);
    let mut next = [0.0f64; STATES];
    let mut emit = [0.0f64; STATES];
    // Per state, the target label of the last article paired on the best
    // way into it (`NONE`: none yet).
    const NONE: i64 = i64::MIN;
    let mut last = [NONE; STATES];
    let mut next_last = [NONE; STATES];
    for (i, a) in walk.iter().enumerate() {
        let suffix = a.label_suffix.as_deref();
        match a.label_number {
            None => emit = [0.0; STATES],
            Some(num) => {
                for x in 0..k {
                    let target = num as i64 + states[x];
                    emit[x] = match u32::try_from(target)
                        .ok()
                        .and_then(|t| by_label.get(t, suffix))
                        .map(|(_, first)| first)
                    {
                        Some(j) if english => cache.get(s, j, i),
                        Some(j) => cache.get(s, i, j),
                        None => GAP,
                    };
                }
            }
        }
        // An offset that would pair this article with an article at or
        // before the last one paired on the way to the previous state (the
        // pairs would cross) leaves this article unpaired: it only counts
        // as a gap. (`NONE` is below every target; an article without a
        // label has no target and is always fresh.)
        let labelled = a.label_number.is_some();
        let mut bk = [0u8; STATES];
        // The previous states by score, best first (equal scores by
        // index): the best switch into a state is found by reading them in
        // that order until no later one can do better.
        let mut order: [u8; STATES] = std::array::from_fn(|y| y as u8);
        // Insertion sort (stable: equal scores keep index order).
        for a in 1..STATES {
            let v = order[a];
            let mut b = a;
            while b > 0 && score[v as usize] > score[order[b - 1] as usize] {
                order[b] = order[b - 1];
                b -= 1;
            }
            order[b] = v;
        }
        for x in 0..k {
            let t = a.label_number.map_or(NONE, |num| num as i64 + states[x]);
            let fresh = |y: usize| !labelled || t > last[y];
            let e = emit[x];
            let mut from = x;
            let mut v = score[x] + if fresh(x) { e } else { GAP };
            // The switch with the highest sum, the first state of equal
            // ones; taken when it beats staying. A sum is at most
            // `sy - SWITCH + max(emit, GAP)`, so the reading stops at the
            // first state whose bound is below the best sum found (or not
            // above staying).
            let top = e.max(GAP);
            let (mut bc, mut by) = (f64::NEG_INFINITY, usize::MAX);
            for &y in &order {
                let y = y as usize;
                if y == x {
                    continue;
                }
                let bound = score[y] - SWITCH + top;
                if bound <= v || bound < bc {
                    break;
                }
                let c = score[y] - SWITCH + if fresh(y) { e } else { GAP };
                if c > bc || (c == bc && y < by) {
                    (bc, by) = (c, y);
                }
            }
            if by != usize::MAX && bc > v {
                v = bc;
                from = by;
            }
            bk[x] = from as u8;
            next_last[x] = if labelled && fresh(from) && e > GAP {
                t
            } else {
                last[from]
            };
            // A slight, steady preference for the numbering as written.
            next[x] = v + if x == zero { 0.05 } else { 0.0 };
        }
        std::mem::swap(&mut last, &mut next_last);
        std::mem::swap(&mut score, &mut next);
        back.push(bk);
    }
    let mut x = argmax(&score).0;
    for i in (0..n).rev() {
        out[i] = if english { -states[x] } else { states[x] };
        x = back[i][x] as usize;
    }
    out
}

/// Content score of the 1–1 candidate `(i, j)` ([`Scorer::content_with`]) and
/// its length fit ([`Scorer::part_fit`]).
fn one_to_one(s: &Scorer<'_>, i: usize, j: usize) -> (f64, f64) {
    s.content_with(i, 1, j, 1, |a, e| s.part_fit(a, e))
}

/// Content evidence that Arabic article `i` corresponds to English article
/// `j` (from its content score); bounded below, so that one odd article (a
/// merge, a partial translation) cannot overturn the offset of a whole run.
fn emission(content: f64) -> f64 {
    content.clamp(-2.5, 6.0)
}

/// 1–1 content scores and length fits ([`one_to_one`]) already computed
/// under one scorer, by `(arabic, english)`: the walk over the English side
/// mostly asks for the pairs the walk over the Arabic side asked for, and
/// the band for most of them again.
///
/// The walks only ask for pairs whose labels differ by a label offset:
/// such a pair has a slot of its own, at its Arabic article and offset, so
/// that most look-ups are two array reads. A pair whose slot is taken (by
/// a pair of the same Arabic article and an English article with the same
/// label) or that has none goes to a map.
struct EmissionCache {
    /// Per Arabic article, per offset `-MAX_OFFSET..=MAX_OFFSET`: the
    /// English article of the pair kept there, plus one (`0`: empty), and
    /// the pair's content score and length fit.
    slots: Vec<[(u32, f64, f64); STATES]>,
    extra: HashMap<u64, (f64, f64), BuildHasherDefault<PairHasher>>,
    /// With [`record`](Self::record): the length-independent terms of every
    /// pair computed, for [`relength`](Self::relength).
    terms: Option<Vec<(usize, usize, Terms)>>,
}

impl EmissionCache {
    /// A cache for `n` Arabic articles that also keeps the terms of the
    /// pairs it computes.
    fn record(n: usize) -> EmissionCache {
        EmissionCache {
            slots: vec![[(0, 0.0, 0.0); STATES]; n],
            extra: HashMap::default(),
            terms: Some(Vec::with_capacity(STATES * n)),
        }
    }

    /// The slot of pair `(i, j)`: the offset between their labels, when it
    /// is one the walks consider.
    #[inline]
    fn slot(f: &PairFeatures, i: usize, j: usize) -> Option<usize> {
        let (a, e) = (&f.arabic[i], &f.english[j]);
        let d = e.label_number? as i64 - a.label_number? as i64;
        (d.abs() <= MAX_OFFSET && a.label_suffix == e.label_suffix)
            .then_some((d + MAX_OFFSET) as usize)
    }

    fn key(i: usize, j: usize) -> u64 {
        ((i as u64) << 32) | j as u64
    }

    /// The emission of `(i, j)` ([`emission`]), computed once.
    fn get(&mut self, s: &Scorer<'_>, i: usize, j: usize) -> f64 {
        if let Some(v) = self.peek(s.f, i, j) {
            return emission(v.0);
        }
        let v = match &mut self.terms {
            Some(rec) => {
                let (x, p, t) = s.one_to_one_terms(i, j);
                rec.push((i, j, t));
                (x, p)
            }
            None => one_to_one(s, i, j),
        };
        self.insert(s.f, i, j, v);
        emission(v.0)
    }

    fn insert(&mut self, f: &PairFeatures, i: usize, j: usize, v: (f64, f64)) {
        match Self::slot(f, i, j) {
            Some(x) if self.slots[i][x].0 == 0 => {
                self.slots[i][x] = (j as u32 + 1, v.0, v.1);
            }
            _ => {
                self.extra.insert(Self::key(i, j), v);
            }
        }
    }

    /// The content score and length fit of `(i, j)`, if computed.
    #[inline]
    fn peek(&self, f: &PairFeatures, i: usize, j: usize) -> Option<(f64, f64)> {
        if let Some(x) = Self::slot(f, i, j) {
            let (k, c, p) = self.slots[i][x];
            if k == j as u32 + 1 {
                return Some((c, p));
            }
        }
        if self.extra.is_empty() {
            None
        } else {
            self.extra.get(&Self::key(i, j)).copied()
        }
    }

    /// The same pairs (a recorded cache's) scored under `s`, whose length
    /// model differs: only the length fits are computed again.
    fn relength(mut self, s: &Scorer<'_>) -> EmissionCache {
        for row in &mut self.slots {
            *row = [(0, 0.0, 0.0); STATES];
        }
        self.extra.clear();
        for (i, j, t) in self.terms.take().unwrap_or_default() {
            let v = s.relength(&t, i, j);
            self.insert(s.f, i, j, v);
        }
        self
    }
}

/// Hasher for the packed pair keys of [`EmissionCache`] (one multiply).
#[derive(Default)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u32(&mut self, v: u32) {
        self.write_u64(v as u64);
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

fn argmax(v: &[f64]) -> (usize, f64) {
    v.iter().enumerate().fold(
        (0, f64::NEG_INFINITY),
        |acc, (x, &y)| if y > acc.1 { (x, y) } else { acc },
    )
}

/// Anchors for the band: the pairs the label offsets imply, reduced to the
/// longest chain increasing on both sides.
fn offset_anchors(f: &PairFeatures, offsets: &[i64]) -> Vec<(usize, usize)> {
    let count = LabelCounts::new(&f.english);
    let cands: Vec<(usize, usize)> = f
        .arabic
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let t = u32::try_from(a.label_number? as i64 + offsets[i]).ok()?;
            match count.get(t, a.label_suffix.as_deref()) {
                Some((1, j)) => Some((i, j)),
                _ => None,
            }
        })
        .collect();
    longest_increasing(&cands)
}

fn refs(doc: &Document, range: std::ops::Range<usize>) -> Vec<ArticleRef> {
    doc.articles[range].iter().map(ArticleRef::of).collect()
}

/// The half-width of the band over which the counterpart of a one-sided
/// article is looked for, to say how sure it is that it has none (the
/// best 1–1 score in its row, or column, of a band this wide around the
/// same guide path), whatever the width the alignment itself used.
const ONE_SIDED_BAND: usize = 8;

#[allow(clippy::too_many_arguments)]
fn build_pairs(
    al: &Aligner,
    ar: &Document,
    en: &Document,
    s: &Scorer<'_>,
    offsets: (&[i64], &[i64]),
    (band, anchors, width): (&Band, &[(usize, usize)], usize),
    path: &[(Move, usize, usize)],
    full: &[Gains],
) -> Vec<Pair> {
    let f = s.f;
    // The best 1–1 score (content and label) a one-sided article could have
    // had: over its row (Arabic) or column (English) of a band of
    // half-width `ONE_SIDED_BAND` (or the alignment's, if wider) around
    // the same guide, so that it does not depend on the band the
    // alignment started from. Scores of cells in the alignment's band are
    // reused.
    let score_11 = |a: usize, e: usize| -> f64 {
        match band.index(a + 1, e + 1) {
            Some(c) if full[c][0].is_finite() => full[c][0] as f64,
            _ => {
                (one_to_one(s, a, e).0 as f32 + label_term(&s.w, f, offsets, a, 1, e, 1) as f32)
                    as f64
            }
        }
    };
    let one_sided = path
        .iter()
        .any(|&(mv, ..)| matches!(mv, Move::M10 | Move::M01));
    let wide = one_sided.then(|| {
        Band::around(
            f.arabic.len(),
            f.english.len(),
            anchors,
            ONE_SIDED_BAND.max(width),
        )
    });
    // Cell (r, c) counts when its 1–1 move starts inside the band.
    let linked = |w: &Band, r: usize, c: usize| r >= 1 && c >= 1 && w.index(r - 1, c - 1).is_some();
    let best_for = |arabic: bool, k: usize| -> f64 {
        let Some(w) = &wide else {
            return f64::NEG_INFINITY;
        };
        let mut best = f64::NEG_INFINITY;
        if arabic {
            let r = k + 1;
            for c in w.lo[r].max(1)..=w.hi[r] {
                if linked(w, r, c) {
                    best = best.max(score_11(k, c - 1));
                }
            }
        } else {
            // The rows holding column k + 1 (rows' ranges only move
            // right).
            let c = k + 1;
            let first = w.hi.partition_point(|&h| h < c);
            let end = w.lo.partition_point(|&l| l <= c);
            for r in first.max(1)..end {
                if linked(w, r, c) {
                    best = best.max(score_11(r - 1, k));
                }
            }
        }
        best
    };
    let dup_ar = duplicates(ar);
    let dup_en = duplicates(en);
    let gap_ar = gaps(ar);
    let gap_en = gaps(en);
    let mut pairs = Vec::with_capacity(path.len());
    for &(mv, i, j) in path {
        let (di, dj) = mv.size();
        let mut flags = Vec::new();
        let mut evidence = Evidence::default();
        let confidence;
        if di == 0 || dj == 0 {
            let (doc_f, k, best) = if dj == 0 {
                flags.push(Flag::OnlyArabic);
                (&f.arabic[i], i, best_for(true, i))
            } else {
                flags.push(Flag::OnlyEnglish);
                (&f.english[j], j, best_for(false, j))
            };
            confidence = if best.is_finite() {
                1.0 - sigmoid(best)
            } else {
                1.0
            };
            let nums: Vec<String> = doc_f
                .numbers
                .iter()
                .map(|&x| f.table.values[x as usize].to_string())
                .collect();
            if dj == 0 {
                evidence.numbers_only_arabic = nums;
                evidence.items_arabic = doc_f.items;
            } else {
                evidence.numbers_only_english = nums;
                evidence.items_english = doc_f.items;
            }
            let _ = k;
            evidence.score = if best.is_finite() { best } else { 0.0 };
        } else {
            let sig = s.signals(i, di, j, dj);
            let slot = match mv {
                Move::M11 => 0,
                Move::M21 => 1,
                _ => 2,
            };
            let score = full[band.index(i + di, j + dj).unwrap()][slot] as f64;
            confidence = sigmoid(score);
            let (a_side, e_side) = (&f.arabic[i..i + di], &f.english[j..j + dj]);
            let mut shared = Vec::new();
            let mut only_a = Vec::new();
            let mut only_e = Vec::new();
            s.numeric(a_side, e_side, |v, side| {
                let t = f.table.values[v as usize].to_string();
                match side {
                    0 => shared.push(t),
                    1 => only_a.push(t),
                    _ => only_e.push(t),
                }
            });
            let any_numbers = !(shared.is_empty() && only_a.is_empty() && only_e.is_empty());
            let la: Vec<&Label> = ar.articles[i..i + di]
                .iter()
                .filter_map(|a| a.label.as_ref())
                .collect();
            let le: Vec<&Label> = en.articles[j..j + dj]
                .iter()
                .filter_map(|a| a.label.as_ref())
                .collect();
            let label_match = if la.is_empty() || le.is_empty() {
                None
            } else {
                Some(la.iter().any(|a| le.contains(a)))
            };
            if label_match == Some(false) {
                flags.push(Flag::NumberMismatch);
            }
            if !only_a.is_empty() || !only_e.is_empty() {
                flags.push(Flag::NumericMismatch);
            }
            if likely_partial(al, s, a_side, e_side) {
                flags.push(Flag::LikelyPartial);
            }
            match mv {
                Move::M12 => flags.push(Flag::Split),
                Move::M21 => flags.push(Flag::Merged),
                _ => {}
            }
            evidence = Evidence {
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
                numbers_shared: shared,
                numbers_only_arabic: only_a,
                numbers_only_english: only_e,
                length_ratio: sig.ratio,
                length: sig.len_p,
                items_arabic: sig.items_ar,
                items_english: sig.items_en,
                score,
            };
        }
        if (i..i + di).any(|a| dup_ar[a]) || (j..j + dj).any(|e| dup_en[e]) {
            flags.push(Flag::DuplicateNumber);
        }
        if (i..i + di).any(|a| gap_ar[a]) || (j..j + dj).any(|e| gap_en[e]) {
            flags.push(Flag::NumberingGap);
        }
        pairs.push(Pair {
            arabic: refs(ar, i..i + di),
            english: refs(en, j..j + dj),
            confidence: confidence.clamp(0.0, 1.0),
            flags,
            evidence,
        });
    }
    pairs
}

/// Whether one side of a pair is much shorter, or has far fewer list items
/// or paragraphs, than the calibrated length ratio predicts.
fn likely_partial(
    al: &Aligner,
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
    let _ = tail;
    r < al.partial_ratio
        || (r < 0.85 && units_l >= 3 && 2 * units_s <= units_l)
        || (r < 0.85 && items_l >= 3 && 2 * items_s <= items_l)
}

fn duplicates(doc: &Document) -> Vec<bool> {
    fn key(l: &Label) -> (u32, Option<&str>) {
        (l.number, l.suffix.as_deref())
    }
    let mut count: LabelMap<'_, usize> = HashMap::default();
    for a in &doc.articles {
        if let Some(l) = &a.label {
            *count.entry(key(l)).or_insert(0) += 1;
        }
    }
    doc.articles
        .iter()
        .map(|a| a.label.as_ref().is_some_and(|l| count[&key(l)] > 1))
        .collect()
}

fn gaps(doc: &Document) -> Vec<bool> {
    let mut out = vec![false; doc.articles.len()];
    for (k, w) in doc.articles.windows(2).enumerate() {
        if let (Some(p), Some(c)) = (&w[0].label, &w[1].label) {
            if c.number > p.number + 1 {
                out[k + 1] = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lis() {
        let c = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)];
        assert_eq!(longest_increasing(&c), vec![(0, 0), (2, 1), (3, 2), (4, 3)]);
        assert!(longest_increasing(&[]).is_empty());
    }

    #[test]
    fn public_types_are_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Aligner>();
        check::<AlignerBuilder>();
        check::<Weights>();
    }
}
