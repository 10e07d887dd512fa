//! Alignment: pairing the articles of an Arabic and an English document.
//!
//! In: two [`Document`]s (or texts, parsed here). Out: a [`ParallelText`]
//! whose [`Pair`]s cover every article of both documents exactly once, in
//! document order, each with a confidence, its
//! [`Evidence`](crate::Evidence) and [`Flag`](crate::Flag)s, plus a
//! document-level [`Verdict`](crate::Verdict).
//!
//! How it works, step by step (each step in its own private file of
//! `src/align/`, called in this order by the aligner's run):
//! 1. *Features* (`features/`; the lexicon in `lexicon/`): for every
//!    article the numbers it mentions (digits folded, dates split, `74ف`
//!    read as 1974, the heading excluded) weighted by how rare they are in
//!    the two documents, its length, its list items, its enclosing
//!    division, and the concepts of a small built-in bilingual lexicon of
//!    common legal terms it uses (`لجنة` ↔ committee, `عقوبة` ↔ penalty…;
//!    Arabic matched on folded forms with prefixes and suffixes stripped,
//!    English on light stems), weighted by rarity like the numbers.
//! 2. *Scores* (`score.rs`): every candidate (1–1, 2–1, 1–2) gets a
//!    log-odds score from the numbers, the Gale–Church style length fit
//!    (mean and spread of the English/Arabic length ratio calibrated on the
//!    document pair; with the *lead rule*, an article that leaves out the
//!    list of its counterpart is compared with the text outside that list),
//!    the relative position, the division, the list items and the shared
//!    lexicon concepts; see [`Weights`].
//! 3. *Label offsets, labels never trusted blindly* (`offsets.rs`, with
//!    `emission.rs`): the *offset* of an article is the English label
//!    number of its counterpart minus its own (0 when the numbering agrees,
//!    +1 when the English numbering is shifted, changing where an article
//!    was dropped and the rest renumbered). Offsets are chosen by a
//!    Viterbi walk (`walk.rs`) over the articles whose *emissions* (the
//!    evidence for each offset at an article) are the content scores (no
//!    label) of the pairs each offset implies; the walk runs over either
//!    side, so that swapping the documents mirrors the result. At each
//!    article it considers only a few offsets (0, those of the best ways
//!    so far, those the labels near the expected position suggest), so
//!    offsets can be as large as the document needs at a cost per article
//!    that does not grow with them; a label carried by several articles
//!    (numbering that restarts) names the one nearest the expected
//!    position. The alignment then rewards labels that agree *given the
//!    local offset*.
//! 4. *Dynamic programming* (`dp.rs`, gains from `band.rs`, the band
//!    chosen by `search.rs`) over a *band*: the cells within a half-width
//!    of a *guide* path, the path through the *anchors* (the pairs the
//!    offsets imply, kept where they increase on both sides). The
//!    half-width is doubled while the best path touches the band's edge,
//!    up to 32; where the path still touches it there, the guide of numbers
//!    shared by one article on each side, the diagonal and the best path's
//!    own pairs are tried at that width and the best path wins. No table of
//!    every pair is ever built: time and memory are linear in the number of
//!    articles on every input. Gains are computed as
//!    the programme asks for them: a merge or split whose upper bound
//!    cannot beat what its cell already has is never scored, and the length
//!    fit of a candidate comes from precomputed log lengths and a tabulated
//!    normal tail (the evidence of the final pairs is computed exactly).
//! 5. *Pairs, flags and verdict* (`assemble.rs`, [`Document::numbering`],
//!    `verdict.rs`): one-sided articles, renumbering, numbers on one side
//!    only, partial translations, merges and splits, duplicate numbers and
//!    numbering gaps; and whether the two texts look like versions of the
//!    same law at all (pair confidences are scaled by that belief; see
//!    [`VerdictWeights`]).
//!
//! `hash.rs` holds the hashers of the aligner's integer-keyed maps.

mod assemble;
mod band;
pub mod calibrate;
mod decide;
mod dp;
mod emission;
mod features;
mod hash;
mod lexicon;
mod offsets;
mod score;
mod search;
mod verdict;
mod walk;

use crate::document::Document;
use crate::error::Result;
use crate::parallel::{Pair, ParallelText};

use assemble::{add_context, Assembly};
use emission::EmissionCache;
use features::PairFeatures;
use offsets::{agreed_pairs, near_candidates, offset_anchors, offsets_walking};
use score::{LengthModel, Lengths, Scorer};

pub use score::Weights;
#[doc(hidden)]
pub use search::Work;
pub use verdict::VerdictWeights;

/// Aligns an Arabic and an English text, given in either order, with the
/// default [`Aligner`].
///
/// Each text is parsed with [`parse_document`](crate::parse_document); the
/// language of each is taken from the parsed document.
///
/// # Errors
/// - [`ErrorKind::Empty`](crate::ErrorKind::Empty) when a text is empty (or the parser finds nothing);
/// - [`ErrorKind::SameLanguage`](crate::ErrorKind::SameLanguage) when both texts are in the same language;
/// - [`ErrorKind::NoArticles`](crate::ErrorKind::NoArticles) when a text has no articles.
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
/// - [`ErrorKind::Empty`](crate::ErrorKind::Empty) when the text is empty;
/// - [`ErrorKind::MissingLanguage`](crate::ErrorKind::MissingLanguage) when only one language is found;
/// - [`ErrorKind::NoArticles`](crate::ErrorKind::NoArticles) when a version has no articles.
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
/// are cloned into the result.
///
/// ```
/// use lexalign::{Article, Document, Label, Language, Span};
/// # fn doc(language: Language, bodies: &[&str]) -> Document {
/// #     Document::new(language, bodies.iter().enumerate().map(|(i, t)| Article {
/// #         index: i, label: Some(Label::number(i as u32 + 1)), heading: format!("{}", i + 1),
/// #         heading_span: Span::default(), title: None, text: t.to_string(), paragraphs: vec![],
/// #         items: vec![], division: None, span: Span::default(),
/// #     }).collect())
/// # }
/// let ar = doc(Language::Arabic, &["يعمل بهذا القانون من تاريخ 1/1/2013.", "ينشر في الجريدة الرسمية."]);
/// let en = doc(Language::English, &["This law enters into force on 1/1/2013.", "It shall be published in the Official Gazette."]);
/// let pt = lexalign::align_documents(&ar, &en);
/// assert_eq!(pt.pairs().len(), 2);
/// assert!(pt.pairs().iter().all(|p| p.is_matched()));
/// ```
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
///     .pair_threshold(0.6)
///     .build();
/// assert_eq!(aligner.weights().label, 3.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Aligner {
    weights: Weights,
    band: usize,
    partial_ratio: f64,
    pair_threshold: f64,
    high_confidence: f64,
    verdict_weights: VerdictWeights,
}

impl Default for Aligner {
    fn default() -> Aligner {
        Aligner {
            weights: Weights::default(),
            band: 2,
            partial_ratio: 0.5,
            pair_threshold: 0.5,
            high_confidence: 0.8,
            verdict_weights: VerdictWeights::default(),
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
    /// edge, up to 32 articles (a larger value starts there), so that the
    /// work stays linear in the number of articles on every input.
    /// Default `2`; at least 1.
    pub fn band(mut self, half_width: usize) -> AlignerBuilder {
        self.inner.band = half_width.max(1);
        self
    }

    /// A pair is flagged [`Flag::LikelyPartial`](crate::Flag::LikelyPartial) when one side is shorter
    /// than this share of what the calibrated length ratio predicts from
    /// the other. Default `0.5`. (A milder shortfall, below 0.85, is also
    /// flagged when the short side has at most half the list items or
    /// paragraphs of the other.)
    pub fn partial_ratio(mut self, ratio: f64) -> AlignerBuilder {
        self.inner.partial_ratio = ratio.clamp(0.0, 1.0);
        self
    }

    /// The pair threshold: the minimum pair probability for two articles
    /// to be paired rather than left one-sided. Clamped to the open
    /// interval (0, 1). Default `0.5`.
    pub fn pair_threshold(mut self, p: f64) -> AlignerBuilder {
        self.inner.pair_threshold = p.clamp(1e-6, 1.0 - 1e-6);
        self
    }

    /// Probability from which a pair counts as "high-scoring" in the
    /// document-level verdict. Default `0.8`.
    pub fn high_confidence(mut self, p: f64) -> AlignerBuilder {
        self.inner.high_confidence = p.clamp(0.0, 1.0);
        self
    }

    /// Weights and constants of the document-level verdict. Default:
    /// [`VerdictWeights::default()`].
    pub fn verdict_weights(mut self, weights: VerdictWeights) -> AlignerBuilder {
        self.inner.verdict_weights = weights;
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

    /// The verdict's weights in use.
    pub fn verdict_weights(&self) -> &VerdictWeights {
        &self.verdict_weights
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
        let (pairs, verdict) = self.run(&arabic, &english, &mut Work::default());
        ParallelText::from_parts(arabic, english, pairs, verdict)
    }

    /// [`align_documents`](Self::align_documents), and the [`Work`] it did:
    /// for tests that bound the work (`tests/bounded.rs`) and for measuring.
    #[doc(hidden)]
    pub fn align_documents_counting(
        &self,
        arabic: &Document,
        english: &Document,
    ) -> (ParallelText, Work) {
        let mut work = Work::default();
        let (pairs, verdict) = self.run(arabic, english, &mut work);
        let pt = ParallelText::from_parts(arabic.clone(), english.clone(), pairs, verdict);
        (pt, work)
    }

    /// The alignment: the steps of the [module docs](self) in order, and
    /// the work it did.
    fn run(&self, ar: &Document, en: &Document, work: &mut Work) -> (Vec<Pair>, crate::Verdict) {
        // Step 1: features.
        let f = PairFeatures::new(ar, en, true);
        let n = f.arabic.len();
        // Length model: first from the mode of the length ratios of nearby
        // candidates (robust to renumbering and partial translations), then
        // refined on the pairs the label offsets imply.
        let near = near_candidates(&f);
        let lens = |v: &[(usize, usize)]| -> Vec<(f64, f64)> {
            v.iter()
                .map(|&(i, j)| (f.arabic[i].chars, f.english[j].chars))
                .collect()
        };
        let len0 = LengthModel::from_mode(&lens(&near), (&f.arabic, &f.english));
        // Step 2: the scorer, first under that length model.
        let lengths = Lengths::new(&f);
        let scorer0 = Scorer::new(&f, &lengths, self.weights, len0);
        // Step 3: label offsets. The pairs both walks agree on (the same set
        // whichever document is called Arabic) refine the length model.
        let mut cache0 = EmissionCache::record(n);
        let walk_ar = offsets_walking(&scorer0, false, &mut cache0);
        let walk_en = offsets_walking(&scorer0, true, &mut cache0);
        let agreed = agreed_pairs(&walk_ar, &walk_en);
        let len = LengthModel::calibrate(&lens(&agreed), len0);
        let scorer = Scorer::new(&f, &lengths, self.weights, len);
        let theta = logit(self.pair_threshold);
        // Offsets walking the Arabic side and walking the English side; a
        // label agrees when it fits either (the two walks mirror each other).
        let same = (len.mu - len0.mu).abs() < 0.03 && (len.sigma - len0.sigma).abs() < 0.03;
        // The 1–1 content scores the walks computed under the final scorer
        // (if they were run again) are reused by the band.
        let (offsets_ar, offsets_en, cache) = if same {
            (walk_ar.offsets, walk_en.offsets, None)
        } else {
            // The walks visit the same pairs under either length model:
            // their other terms are kept.
            let mut cache = cache0.relength(&scorer);
            (
                offsets_walking(&scorer, false, &mut cache).offsets,
                offsets_walking(&scorer, true, &mut cache).offsets,
                Some(cache),
            )
        };
        let offsets = (&offsets_ar[..], &offsets_en[..]);
        let anchors = offset_anchors(&f, &offsets_ar);
        // Step 4: the best path in a band around the anchors, widened while
        // the path touches the band's edge, up to a limit (`search.rs`).
        let inputs = search::Inputs {
            scorer: &scorer,
            cache: cache.as_ref(),
            offsets,
            theta,
        };
        let found = search::search(&inputs, anchors, self.band, work);
        let (band, path) = (&found.band, &found.path);
        // Step 5: pairs, flags, context, verdict; in the same law, the
        // same-slot pairs of one-sided runs restored (`decide.rs`).
        let repealed = decide::Repealed::of(ar, en);
        let assembly = Assembly {
            arabic: ar,
            english: en,
            scorer: &scorer,
            offsets,
            band,
            anchors: &found.anchors,
            width: found.width,
            full: &found.full,
            partial_ratio: self.partial_ratio,
            repealed: &repealed,
        };
        let judged = |path: &[(dp::Move, usize, usize)]| {
            let mut built = assembly.pairs(path);
            add_context(&mut built, self.weights.context, self.high_confidence);
            let v = verdict::verdict(
                ar,
                en,
                &f,
                &built,
                self.high_confidence,
                &self.verdict_weights,
            );
            (built, v)
        };
        let (mut built, mut verdict) = judged(path);
        if verdict.same_law {
            if let Some(restored) =
                decide::pair_same_slot(path, &scorer, offsets, &mut work.slot_lookups)
            {
                let (b, v) = judged(&restored);
                if v.same_law {
                    (built, verdict) = (b, v);
                }
            }
        }
        // The confidences so far served the verdict; the fitted model
        // replaces them all (a matched pair's probability times `p_same`).
        let p_same = self.verdict_weights.belief(verdict.score);
        calibrate::finish(&mut built, &verdict, p_same, ar, en);
        (built, verdict)
    }
}

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Aligner>();
        check::<AlignerBuilder>();
        check::<Weights>();
        check::<VerdictWeights>();
    }
}
