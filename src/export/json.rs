//! The JSON report: a serde value with a stable contract (feature `serde`).
//!
//! In: a parallel text and the threshold of the `"uncertain"` status. Out:
//! a [`Report`]. [`render`](super::render) with
//! [`Format::Json`](super::Format::Json) writes it pretty-printed (feature
//! `json`); [`Report::new`] builds the value for any other serde format:
//!
//! ```
//! # fn demo(parallel_text: &lexalign::ParallelText) -> serde_json::Result<String> {
//! use lexalign::export::{json::Report, DEFAULT_UNCERTAIN_BELOW};
//! let report = Report::new(parallel_text, DEFAULT_UNCERTAIN_BELOW);
//! let json = serde_json::to_string_pretty(&report)?;
//! # Ok(json) }
//! ```
//!
//! ## The contract
//!
//! A top-level object with these keys; keys are never removed or renamed
//! within a `version`, new keys may be added.
//!
//! - `"version"`: `3`, the version of this contract (see [`VERSION`] for
//!   what changed).
//! - `"arabic"`, `"english"`: document summaries, each with
//!   - `"language"`: `"ar"` or `"en"`;
//!   - `"title"`: the title of the law as written, or `null`;
//!   - `"article_count"`: number of articles;
//!   - `"diagnostics"`: array of `{"kind", "message"}` from the parser;
//!     `kind` is snake_case (`"numbering_gap"`, `"no_articles"` …).
//! - `"document"`: the verdict, `{"same_law": bool, "score": 0–1,
//!   "reasons": [string]}`.
//! - `"coverage"`: the [`Coverage`] fields: `arabic_articles`,
//!   `english_articles`, `matched_pairs`, `arabic_matched`,
//!   `english_matched`, `arabic_coverage`, `english_coverage` (0–1) and
//!   `flags` (object: flag name → number of pairs).
//! - `"renumbering"`: array of the runs of renumbering
//!   ([`ParallelText::renumbering`]), each `{"arabic_from", "arabic_to",
//!   "english_from", "english_to"` (labels, as strings)`, "offset"` (English
//!   number minus Arabic number)`}`; a pair inside a run does not carry
//!   `"label_mismatch"`;
//! - `"uncertain_below"`: the threshold used for `"status"` below
//!   ([`ReportOptions::uncertain_below`](super::ReportOptions::uncertain_below)).
//! - `"pairs"`: array in document order, one entry per pair:
//!   - `"arabic"`, `"english"`: arrays of `{"index", "label", "heading"}`;
//!     empty when the article has no counterpart, two entries for a merge
//!     or split. `index` is the article's position in its document (from
//!     0), `label` the canonical label string (`"5"`, `"5bis"`) or `null`,
//!     `heading` the heading as written;
//!   - `"confidence"`: 0–1;
//!   - `"status"`: `"ok"`, `"uncertain"`, `"flagged"` or
//!     `"one_sided"` (see [`PairStatus`]);
//!   - `"flags"`: array of flag names ([`Flag::as_str`](crate::Flag::as_str): `"only_arabic"`,
//!     `"likely_partial"` …);
//!   - `"evidence"`: the [`Evidence`] fields: `label_match` (bool or
//!     null), `position`, `division` (number or null), `numeric` (number or
//!     null), `numbers_shared`, `numbers_only_arabic`,
//!     `numbers_only_english` (arrays of strings), `length_ratio`,
//!     `length`, `items_arabic`, `items_english`, `lexical` (number or
//!     null: the share of legal-lexicon concepts both sides use), `score`;
//!     since version 3 also `written_only_arabic`, `written_only_english`
//!     (each one-sided number as the text writes it, in the order of
//!     `numbers_only_*`: `"ثماني عشرة"` beside `"18"`), `usual_length_ratio`
//!     (the document's usual English/Arabic length ratio, 0 for a one-sided
//!     pair), `units_arabic`, `units_english` (paragraphs and list items):
//!     the figures `likely_partial` is raised on.
//!
//! Every pair is listed whatever its confidence; `uncertain_below` only
//! sets `status`.
//!
//! ```json
//! {
//!   "version": 3,
//!   "arabic": {"language": "ar", "title": "قانون رقم (7) لسنة 2012", "article_count": 2,
//!              "diagnostics": []},
//!   "english": {"language": "en", "title": null, "article_count": 1,
//!               "diagnostics": [{"kind": "numbering_gap", "message": "Article 3 follows article 1."}]},
//!   "document": {"same_law": true, "score": 0.91, "reasons": ["28 of 28 labels agree."]},
//!   "coverage": {"arabic_articles": 2, "english_articles": 1, "matched_pairs": 1,
//!                "arabic_matched": 1, "english_matched": 1,
//!                "arabic_coverage": 0.5, "english_coverage": 1.0,
//!                "flags": {"only_arabic": 1}},
//!   "renumbering": [],
//!   "uncertain_below": 0.5,
//!   "pairs": [
//!     {"arabic": [{"index": 0, "label": "1", "heading": "مادة (1)"}],
//!      "english": [{"index": 0, "label": "1", "heading": "Article (1)"}],
//!      "confidence": 0.98, "status": "ok", "flags": [],
//!      "evidence": {"label_match": true, "position": 1.0, "division": null, "numeric": null,
//!                   "numbers_shared": [], "numbers_only_arabic": [], "numbers_only_english": [],
//!                   "length_ratio": 1.2, "length": 0.95, "items_arabic": 0, "items_english": 0,
//!                   "lexical": 0.8, "score": 0.97}},
//!     {"arabic": [{"index": 1, "label": "2", "heading": "مادة (2)"}],
//!      "english": [],
//!      "confidence": 0.9, "status": "one_sided", "flags": ["only_arabic"],
//!      "evidence": {"label_match": null, "position": 0.0, "division": null, "numeric": null,
//!                   "numbers_shared": [], "numbers_only_arabic": [], "numbers_only_english": [],
//!                   "length_ratio": 0.0, "length": 0.0, "items_arabic": 0, "items_english": 0,
//!                   "lexical": null, "score": 0.0}}
//!   ]
//! }
//! ```

use serde::{Deserialize, Serialize};

use super::PairStatus;
use crate::{
    ArticleRef, Coverage, DiagnosticKind, Document, Evidence, Language, ParallelText, Renumbering,
    Verdict,
};

/// The version of the contract written by this crate: `3`.
///
/// Version 3 against version 2:
/// - `"renumbering"`: the runs of renumbering, each reported once
///   (`arabic_from`, `arabic_to`, `english_from`, `english_to`, `offset`);
/// - a pair inside such a run no longer carries `"label_mismatch"` (nor,
///   for that alone, the status `"flagged"`): one dropped article in a
///   long law gives one run, not one flag per later pair;
/// - `"evidence"` adds `written_only_arabic`, `written_only_english`,
///   `usual_length_ratio`, `units_arabic`, `units_english`;
/// - `"confidence"` is the fitted probability that the decision is right.
///
/// Version 2 (lexalign 0.2) against version 1:
/// - `"status"`: a matched pair without flags below the threshold is
///   `"uncertain"`, the word every other report uses (was
///   `"low_confidence"`);
/// - the threshold's key is `"uncertain_below"` (was `"min_confidence"`);
/// - flags: `"label_mismatch"` (was `"number_mismatch"`: the article
///   numbers differ) and `"numbers_differ"` (was `"numeric_mismatch"`:
///   numbers inside the texts differ);
/// - `"evidence"."length"` is within 0–1 (it could exceed 1 by 3e-8).
pub const VERSION: u32 = 3;

/// The JSON report of a parallel text; see the [module docs](self) for the
/// contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The contract version, [`VERSION`].
    pub version: u32,
    /// The Arabic document.
    pub arabic: DocumentSummary,
    /// The English document.
    pub english: DocumentSummary,
    /// The document-level verdict.
    pub document: Verdict,
    /// Coverage figures.
    pub coverage: Coverage,
    /// The runs of renumbering, each once.
    pub renumbering: Vec<Renumbering>,
    /// The confidence below which a matched pair with no flag is
    /// `"uncertain"` in [`PairReport::status`].
    pub uncertain_below: f64,
    /// Every pair, in document order.
    pub pairs: Vec<PairReport>,
}

/// A document in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// Its language.
    pub language: Language,
    /// The title of the law as written, if found.
    pub title: Option<String>,
    /// Number of articles.
    pub article_count: usize,
    /// What the parser noticed.
    pub diagnostics: Vec<DiagnosticSummary>,
}

/// A parser diagnostic in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosticSummary {
    /// Its kind.
    pub kind: DiagnosticKind,
    /// A sentence for people.
    pub message: String,
}

/// A pair in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairReport {
    /// The Arabic article(s); empty when none.
    pub arabic: Vec<ArticleRef>,
    /// The English article(s); empty when none.
    pub english: Vec<ArticleRef>,
    /// Confidence, 0–1.
    pub confidence: f64,
    /// [`PairStatus::as_str`] of the pair under the report's threshold.
    pub status: String,
    /// Flag names, [`Flag::as_str`](crate::Flag::as_str).
    pub flags: Vec<String>,
    /// The signals behind the score.
    pub evidence: Evidence,
}

impl DocumentSummary {
    /// Summarises `doc`.
    pub fn of(doc: &Document) -> DocumentSummary {
        DocumentSummary {
            language: doc.language,
            title: doc.title.as_ref().map(|b| b.text.clone()),
            article_count: doc.articles.len(),
            diagnostics: doc
                .diagnostics
                .iter()
                .map(|d| DiagnosticSummary {
                    kind: d.kind,
                    message: d.message.clone(),
                })
                .collect(),
        }
    }
}

impl Report {
    /// Builds the report of `pt`; `uncertain_below` sets each pair's
    /// `status` (use [`DEFAULT_UNCERTAIN_BELOW`](super::DEFAULT_UNCERTAIN_BELOW)
    /// when in doubt).
    pub fn new(pt: &ParallelText, uncertain_below: f64) -> Report {
        Report {
            version: VERSION,
            arabic: DocumentSummary::of(pt.arabic()),
            english: DocumentSummary::of(pt.english()),
            document: pt.verdict().clone(),
            coverage: pt.coverage().clone(),
            renumbering: pt.renumbering().to_vec(),
            uncertain_below,
            pairs: pt
                .pairs()
                .iter()
                .map(|p| PairReport {
                    arabic: p.arabic.clone(),
                    english: p.english.clone(),
                    confidence: p.confidence,
                    status: PairStatus::of(p, uncertain_below).as_str().to_string(),
                    flags: p.flags.iter().map(|f| f.as_str().to_string()).collect(),
                    evidence: p.evidence.clone(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_mirrors_the_parallel_text() {
        let pt = crate::export::testdata::sample();
        let r = Report::new(&pt, 0.5);
        assert_eq!(r.pairs.len(), 3);
        assert_eq!(r.arabic.article_count, 3);
        assert_eq!(r.english.language, Language::English);
        assert_eq!(r.pairs[1].flags, ["likely_partial", "numbers_differ"]);
        assert_eq!(r.pairs[2].status, "one_sided");
        assert!(r.pairs[2].english.is_empty());
        assert_eq!(r.coverage.arabic_matched, 2);
    }
}
