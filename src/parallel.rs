//! The parallel text: Arabic and English articles paired, with confidence,
//! evidence and flags.
//!
//! A [`ParallelText`] is what [`align`](fn@crate::align) gives back. It owns the
//! two source [`Document`]s and a list of [`Pair`]s in document order; every
//! article of both documents appears in exactly one pair, either matched or
//! alone (a one-sided pair with an empty other side).

use std::collections::BTreeMap;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::document::{Article, Document, Label};

/// A flag raised on a pair.
///
/// Serialised in `snake_case` (`"only_arabic"`, `"likely_partial"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Flag {
    /// The Arabic article has no English counterpart.
    OnlyArabic,
    /// The English article has no Arabic counterpart.
    OnlyEnglish,
    /// Paired, but the labels (article numbers) differ, and no reported
    /// run of renumbering ([`ParallelText::renumbering`]) explains it: a
    /// pair inside such a run does not carry this flag (its
    /// [`Evidence::label_match`] still says `false`).
    LabelMismatch,
    /// The numbers inside the texts differ: some occur on one side only;
    /// see [`Evidence::numbers_only_arabic`]
    /// and [`Evidence::numbers_only_english`].
    NumbersDiffer,
    /// The translation is much shorter, or has far fewer list items or
    /// paragraphs, than the calibrated length ratio predicts; see
    /// [`Evidence::partial`] for the figures.
    LikelyPartial,
    /// Two articles of one side pair with one of the other, where the
    /// Arabic side holds one article: two English articles merged into one
    /// Arabic, or one Arabic split into two English.
    Split,
    /// Two Arabic articles pair with one English article.
    Merged,
    /// The label of an article in this pair occurs more than once in its
    /// document.
    DuplicateNumber,
    /// The numbering jumps just before this pair on one side.
    NumberingGap,
    /// Paired by their numbers and position in the same law, but their
    /// content differs more than a translation's would (an article amended
    /// after the translation was made, a loose translation): the evidence
    /// states the numbers and legal terms both share and the length ratio.
    ContentDiffers,
    /// One side of the pair is repealed: its heading stands alone or with a
    /// short note such as `(ملغاة)` or `[Repealed]`.
    Repealed,
}

impl Flag {
    /// The flag's name as used in JSON and reports (`"only_arabic"` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::OnlyArabic => "only_arabic",
            Flag::OnlyEnglish => "only_english",
            Flag::LabelMismatch => "label_mismatch",
            Flag::NumbersDiffer => "numbers_differ",
            Flag::LikelyPartial => "likely_partial",
            Flag::Split => "split",
            Flag::Merged => "merged",
            Flag::DuplicateNumber => "duplicate_number",
            Flag::NumberingGap => "numbering_gap",
            Flag::ContentDiffers => "content_differs",
            Flag::Repealed => "repealed",
        }
    }

    /// A sentence explaining the flag to a translator.
    pub fn explain(self) -> &'static str {
        match self {
            Flag::OnlyArabic => "This Arabic article has no English counterpart.",
            Flag::OnlyEnglish => "This English article has no Arabic counterpart.",
            Flag::LabelMismatch => "The two articles are paired but carry different numbers.",
            Flag::NumbersDiffer => {
                "Some numbers (years, law numbers, amounts) appear on one side only."
            }
            Flag::LikelyPartial => {
                "The translation looks partial: much shorter, or missing list items."
            }
            Flag::Split => "One Arabic article corresponds to two English articles.",
            Flag::Merged => "Two Arabic articles correspond to one English article.",
            Flag::DuplicateNumber => {
                "An article number in this pair occurs more than once in its document."
            }
            Flag::NumberingGap => "The article numbering jumps just before this pair.",
            Flag::ContentDiffers => {
                "Paired by number and position, but the content differs more than a translation's would (amended or loosely translated): check it."
            }
            Flag::Repealed => "The article is repealed on one side (its heading alone or with a repeal note).",
        }
    }
}

/// The evidence behind a pair's score: each signal and its value.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Evidence {
    /// Whether the canonical labels are equal (`None` when a side has none).
    pub label_match: Option<bool>,
    /// Agreement of relative position in the two documents, 0–1.
    pub position: f64,
    /// Agreement of the enclosing divisions, 0–1 (`None` when neither side
    /// has divisions).
    pub division: Option<f64>,
    /// Rarity-weighted overlap of the numbers in the two texts, 0–1 (`None`
    /// when neither side has numbers).
    pub numeric: Option<f64>,
    /// Share of the pair's concept weight that both sides have, 0–1: the
    /// concepts of the aligner's small built-in bilingual lexicon of common
    /// legal terms (`لجنة` ↔ committee, `عقوبة` ↔ penalty…) found in the
    /// articles, each weighted by its rarity in the document pair; shared
    /// weight over the weight of all concepts found on either side. `None`
    /// when neither side has any lexicon concept (and for one-sided pairs).
    /// Absent in JSON written before the field existed (read as `None`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub lexical: Option<f64>,
    /// Numbers found on both sides.
    pub numbers_shared: Vec<String>,
    /// Numbers found only in the Arabic text.
    pub numbers_only_arabic: Vec<String>,
    /// Numbers found only in the English text.
    pub numbers_only_english: Vec<String>,
    /// Each number of [`numbers_only_arabic`](Self::numbers_only_arabic),
    /// in the same order, as the text writes it (`ثماني عشرة` for 18,
    /// `74ف` for 1974, `01/01/1430` for 1430; the value itself when it is
    /// written as it reads). Filled by the aligner; empty in JSON written
    /// before the field existed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub written_only_arabic: Vec<String>,
    /// Each number of [`numbers_only_english`](Self::numbers_only_english)
    /// as the text writes it (`eighteen` for 18), as
    /// [`written_only_arabic`](Self::written_only_arabic).
    #[cfg_attr(feature = "serde", serde(default))]
    pub written_only_english: Vec<String>,
    /// English length / Arabic length, in characters.
    pub length_ratio: f64,
    /// How well the length ratio fits the document's calibrated ratio: the
    /// two-sided tail probability of its z-score, in 0–1 (1: the ratio is
    /// the one expected).
    pub length: f64,
    /// Number of list items on the Arabic side.
    pub items_arabic: usize,
    /// Number of list items on the English side.
    pub items_english: usize,
    /// The document's usual English/Arabic length ratio: what the length
    /// model calibrated on the document pair expects of a pair (0 for a
    /// one-sided pair). [`Flag::LikelyPartial`] compares
    /// [`length_ratio`](Self::length_ratio) with it.
    #[cfg_attr(feature = "serde", serde(default))]
    pub usual_length_ratio: f64,
    /// Paragraphs and list items on the Arabic side (at least one per
    /// article; 0 for a pair without an Arabic side).
    #[cfg_attr(feature = "serde", serde(default))]
    pub units_arabic: usize,
    /// Paragraphs and list items on the English side, as
    /// [`units_arabic`](Self::units_arabic).
    #[cfg_attr(feature = "serde", serde(default))]
    pub units_english: usize,
    /// The combined score the aligner used for this pair.
    pub score: f64,
}

/// The figures behind [`Flag::LikelyPartial`], from a pair's
/// [`Evidence`]: which side is short and by how much against the
/// document's usual length ratio, and the paragraphs and list items of
/// each side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Partial {
    /// Whether the English side is the short one (else the Arabic).
    pub english_short: bool,
    /// The short side's length as a share of what the usual ratio
    /// predicts from the other side, 0–1.
    pub share: f64,
    /// Paragraphs and list items: (short side, long side).
    pub units: (usize, usize),
    /// List items: (short side, long side).
    pub items: (usize, usize),
}

impl Evidence {
    /// The figures of a partial translation: which side is short and by
    /// how much against [`usual_length_ratio`](Self::usual_length_ratio);
    /// `None` when the evidence has no usual ratio or no length (a
    /// one-sided pair, or evidence written before the field existed).
    pub fn partial(&self) -> Option<Partial> {
        let (r, c) = (self.length_ratio, self.usual_length_ratio);
        if !(r > 0.0 && c > 0.0 && r.is_finite() && c.is_finite()) {
            return None;
        }
        let english_short = r / c <= c / r;
        let share = if english_short { r / c } else { c / r };
        let (us, ul, is, il) = if english_short {
            (
                self.units_english,
                self.units_arabic,
                self.items_english,
                self.items_arabic,
            )
        } else {
            (
                self.units_arabic,
                self.units_english,
                self.items_arabic,
                self.items_english,
            )
        };
        Some(Partial {
            english_short,
            share,
            units: (us, ul),
            items: (is, il),
        })
    }

    /// The explanation of [`Flag::LikelyPartial`] in one sentence, with the
    /// figures the flag was raised on: `"English is 41% of the length the
    /// usual ratio predicts (usual en/ar 0.85, this pair 0.35); paragraphs
    /// and items 6 ar / 2 en; list items 4 ar / 0 en"`.
    pub fn partial_explanation(&self) -> String {
        let Some(p) = self.partial() else {
            return format!(
                "length en/ar {:.2}; list items {} ar / {} en",
                self.length_ratio, self.items_arabic, self.items_english
            );
        };
        format!(
            "{} is {:.0}% of the length the usual ratio predicts (usual en/ar {:.2}, this pair {:.2}); \
             paragraphs and items {} ar / {} en; list items {} ar / {} en",
            if p.english_short { "English" } else { "Arabic" },
            100.0 * p.share,
            self.usual_length_ratio,
            self.length_ratio,
            self.units_arabic,
            self.units_english,
            self.items_arabic,
            self.items_english
        )
    }

    /// The numbers found on one side only, each with the form the text
    /// writes it in when that differs from its value: `"18 (ثماني عشرة)"`.
    /// `arabic` picks the side.
    pub fn numbers_as_written(&self, arabic: bool) -> Vec<String> {
        let (values, written) = if arabic {
            (&self.numbers_only_arabic, &self.written_only_arabic)
        } else {
            (&self.numbers_only_english, &self.written_only_english)
        };
        values
            .iter()
            .enumerate()
            .map(|(k, v)| match written.get(k) {
                Some(w) if w != v => format!("{v} ({w})"),
                _ => v.clone(),
            })
            .collect()
    }
}

/// A reference to one article in a pair.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ArticleRef {
    /// Position of the article in its document.
    pub index: usize,
    /// Its canonical label, if numbered.
    pub label: Option<Label>,
    /// Its heading as written.
    pub heading: String,
}

impl ArticleRef {
    /// A reference to `article`.
    pub fn of(article: &Article) -> ArticleRef {
        ArticleRef {
            index: article.index,
            label: article.label.clone(),
            heading: article.heading.clone(),
        }
    }
}

/// One step of the alignment: Arabic and English articles that correspond.
///
/// One side is empty for an article that exists in one language only; one
/// side holds two articles for a merge or split.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Pair {
    /// The Arabic article(s), in order.
    pub arabic: Vec<ArticleRef>,
    /// The English article(s), in order.
    pub english: Vec<ArticleRef>,
    /// Confidence that the pairing is right, 0–1 (for a one-sided pair:
    /// confidence that the article really has no counterpart).
    pub confidence: f64,
    /// Flags raised on this pair.
    pub flags: Vec<Flag>,
    /// The signals behind the score.
    pub evidence: Evidence,
}

impl Pair {
    /// Whether both sides hold at least one article.
    pub fn is_matched(&self) -> bool {
        !self.arabic.is_empty() && !self.english.is_empty()
    }

    /// Whether the pair carries this flag.
    pub fn has_flag(&self, flag: Flag) -> bool {
        self.flags.contains(&flag)
    }
}

/// The document-level verdict: do the two texts look like versions of the
/// same law?
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Verdict {
    /// `true` when the two documents look like versions of the same law.
    pub same_law: bool,
    /// Overall agreement, 0–1.
    pub score: f64,
    /// Sentences saying why.
    pub reasons: Vec<String>,
}

/// Coverage figures for a parallel text.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Coverage {
    /// Articles in the Arabic document.
    pub arabic_articles: usize,
    /// Articles in the English document.
    pub english_articles: usize,
    /// Pairs with both sides present.
    pub matched_pairs: usize,
    /// Arabic articles with an English counterpart.
    pub arabic_matched: usize,
    /// English articles with an Arabic counterpart.
    pub english_matched: usize,
    /// Share of Arabic articles with an English counterpart, 0–1.
    pub arabic_coverage: f64,
    /// Share of English articles with an Arabic counterpart, 0–1.
    pub english_coverage: f64,
    /// Number of pairs carrying each flag, by flag name.
    pub flags: BTreeMap<String, usize>,
}

impl Coverage {
    /// Computes coverage figures from pairs.
    pub fn from_pairs(arabic_articles: usize, english_articles: usize, pairs: &[Pair]) -> Coverage {
        let mut c = Coverage {
            arabic_articles,
            english_articles,
            ..Coverage::default()
        };
        for p in pairs {
            if p.is_matched() {
                c.matched_pairs += 1;
                c.arabic_matched += p.arabic.len();
                c.english_matched += p.english.len();
            }
            for f in &p.flags {
                *c.flags.entry(f.as_str().to_string()).or_insert(0) += 1;
            }
        }
        let share = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        c.arabic_coverage = share(c.arabic_matched, arabic_articles);
        c.english_coverage = share(c.english_matched, english_articles);
        c
    }
}

/// A run of renumbering: consecutive matched pairs whose English label is
/// the Arabic label plus the same non-zero `offset` (an article dropped or
/// added on one side and the rest renumbered). Reported once, instead of
/// one [`Flag::LabelMismatch`] per pair.
///
/// ```
/// use lexalign::{Label, Renumbering};
/// let run = Renumbering { arabic_from: Label::number(42), arabic_to: Label::number(224),
///     english_from: Label::number(40), english_to: Label::number(222), offset: -2 };
/// assert_eq!(run.sentence(), "English numbering runs 2 below the Arabic from Arabic 42 to 224");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Renumbering {
    /// The Arabic label of the first pair of the run.
    pub arabic_from: Label,
    /// The Arabic label of the last pair of the run.
    pub arabic_to: Label,
    /// The English label of the first pair of the run.
    pub english_from: Label,
    /// The English label of the last pair of the run.
    pub english_to: Label,
    /// English number minus Arabic number, the same for every pair of the
    /// run; never 0.
    pub offset: i64,
}

impl Renumbering {
    /// The run in one sentence: `"English numbering runs 2 below the
    /// Arabic from Arabic 42 to 224"`.
    pub fn sentence(&self) -> String {
        let way = if self.offset < 0 { "below" } else { "above" };
        format!(
            "English numbering runs {} {way} the Arabic from Arabic {} to {}",
            self.offset.unsigned_abs(),
            self.arabic_from,
            self.arabic_to
        )
    }
}

/// The fewest pairs a run of renumbering holds: a lone pair whose labels
/// differ is not explained by a run (it is flagged
/// [`Flag::LabelMismatch`]).
pub const MIN_RENUMBERING_RUN: usize = 2;

/// The label offset of a 1–1 pair whose labels both exist and carry the
/// same suffix: English number minus Arabic number.
fn pair_offset(p: &Pair) -> Option<i64> {
    match (&p.arabic[..], &p.english[..]) {
        ([a], [e]) => {
            let (la, le) = (a.label.as_ref()?, e.label.as_ref()?);
            (la.suffix == le.suffix).then(|| i64::from(le.number) - i64::from(la.number))
        }
        _ => None,
    }
}

/// The runs of renumbering of `pairs` (see [`Renumbering`]): maximal runs
/// of 1–1 pairs with the same non-zero label offset, at least
/// [`MIN_RENUMBERING_RUN`] long; one-sided pairs between them neither end
/// nor join a run, any other pair ends it. With each run, the indices of
/// its pairs.
pub(crate) fn renumbering_runs(pairs: &[Pair]) -> Vec<(Renumbering, Vec<usize>)> {
    let mut runs = Vec::new();
    let mut current: Option<(i64, Vec<usize>)> = None;
    let mut close = |current: &mut Option<(i64, Vec<usize>)>| {
        if let Some((offset, members)) = current.take() {
            if offset != 0 && members.len() >= MIN_RENUMBERING_RUN {
                let label = |k: usize, arabic: bool| {
                    let side = if arabic {
                        &pairs[k].arabic
                    } else {
                        &pairs[k].english
                    };
                    side[0].label.clone().unwrap_or_else(|| Label::number(0))
                };
                let (first, last) = (members[0], members[members.len() - 1]);
                let run = Renumbering {
                    arabic_from: label(first, true),
                    arabic_to: label(last, true),
                    english_from: label(first, false),
                    english_to: label(last, false),
                    offset,
                };
                runs.push((run, members));
            }
        }
    };
    for (k, p) in pairs.iter().enumerate() {
        if !p.is_matched() {
            continue;
        }
        match (pair_offset(p), current.as_mut()) {
            (Some(o), Some((offset, members))) if o == *offset => members.push(k),
            (o, _) => {
                close(&mut current);
                current = o.map(|o| (o, vec![k]));
            }
        }
    }
    close(&mut current);
    runs
}

/// Arabic and English versions of a legal text, article by article.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ParallelText {
    arabic: Document,
    english: Document,
    pairs: Vec<Pair>,
    verdict: Verdict,
    coverage: Coverage,
    /// Absent in JSON written before the field existed (read as empty).
    #[cfg_attr(feature = "serde", serde(default))]
    renumbering: Vec<Renumbering>,
}

impl ParallelText {
    /// Assembles a parallel text from its parts. When the verdict says the
    /// texts are the same law, the runs of renumbering are found in the
    /// pairs ([`renumbering`](Self::renumbering)) and the pairs inside a
    /// run lose their [`Flag::LabelMismatch`]; coverage is then computed
    /// from the pairs. Used by the aligner; other crates normally get a
    /// `ParallelText` from [`align`](fn@crate::align).
    pub fn from_parts(
        arabic: Document,
        english: Document,
        mut pairs: Vec<Pair>,
        verdict: Verdict,
    ) -> ParallelText {
        let mut renumbering = Vec::new();
        if verdict.same_law {
            for (run, members) in renumbering_runs(&pairs) {
                for k in members {
                    pairs[k].flags.retain(|&f| f != Flag::LabelMismatch);
                }
                renumbering.push(run);
            }
        }
        let coverage = Coverage::from_pairs(arabic.articles.len(), english.articles.len(), &pairs);
        ParallelText {
            arabic,
            english,
            pairs,
            verdict,
            coverage,
            renumbering,
        }
    }

    /// The runs of renumbering, in document order: where the English
    /// numbering runs a constant distance from the Arabic (an article
    /// dropped or added and the rest renumbered), each run reported once.
    /// The pairs of a run do not carry [`Flag::LabelMismatch`]; a pair
    /// whose labels differ outside any run does.
    pub fn renumbering(&self) -> &[Renumbering] {
        &self.renumbering
    }

    /// The Arabic source document.
    pub fn arabic(&self) -> &Document {
        &self.arabic
    }

    /// The English source document.
    pub fn english(&self) -> &Document {
        &self.english
    }

    /// All pairs, in document order.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// The document-level verdict.
    pub fn verdict(&self) -> &Verdict {
        &self.verdict
    }

    /// Coverage figures.
    pub fn coverage(&self) -> &Coverage {
        &self.coverage
    }

    /// The pair holding the Arabic article with this label.
    pub fn by_arabic_label(&self, label: &Label) -> Option<&Pair> {
        self.pairs
            .iter()
            .find(|p| p.arabic.iter().any(|a| a.label.as_ref() == Some(label)))
    }

    /// The pair holding the English article with this label.
    pub fn by_english_label(&self, label: &Label) -> Option<&Pair> {
        self.pairs
            .iter()
            .find(|p| p.english.iter().any(|a| a.label.as_ref() == Some(label)))
    }

    /// Arabic articles with no English counterpart.
    pub fn only_arabic(&self) -> impl Iterator<Item = &ArticleRef> + '_ {
        self.pairs
            .iter()
            .filter(|p| p.english.is_empty())
            .flat_map(|p| p.arabic.iter())
    }

    /// English articles with no Arabic counterpart.
    pub fn only_english(&self) -> impl Iterator<Item = &ArticleRef> + '_ {
        self.pairs
            .iter()
            .filter(|p| p.arabic.is_empty())
            .flat_map(|p| p.english.iter())
    }

    /// Pairs carrying at least one flag.
    pub fn flagged(&self) -> impl Iterator<Item = &Pair> + '_ {
        self.pairs.iter().filter(|p| !p.flags.is_empty())
    }
}
