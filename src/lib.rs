//! # lexalign
//!
//! Pair the articles of the Arabic and English versions of a legal text
//! (law, decree, regulation, constitution), say which articles exist in
//! one language only and which translations look partial.
//!
//! The main types:
//! - [`Aligner`] — the alignment engine (built with [`Aligner::builder`];
//!   [`align`] and [`align_bilingual`] use the defaults). It parses the two
//!   texts, pairs their articles and gives a [`ParallelText`].
//! - [`ParallelText`] — the result: the two [`Document`]s and their
//!   [`Pair`]s in document order. Every article of both texts is in exactly
//!   one pair, matched or one-sided; each pair has a confidence, its
//!   [`Evidence`] and its [`Flag`]s (`only_arabic`, `likely_partial`,
//!   `numbers_differ`, …), and a document-level [`Verdict`] says whether
//!   the two texts are versions of the same law at all.
//! - [`export`] — reports over a parallel text in every [`export::Format`]
//!   (JSON, a terminal table, TSV, TMX, HTML) through one
//!   [`export::render`], and the batch records of [`export::batch`].
//! - [`Document`] — one language version parsed into its structure: title,
//!   preamble, divisions, [`Article`]s with labels, list items and byte
//!   spans into the input, closing block, boilerplate, and the
//!   [`Diagnostic`]s of what the parser could not settle.
//! - [`input`] — reading a file or stdin safely for a tool (regular files
//!   only, a size limit, UTF-8 or UTF-16, binary refused) and keeping an
//!   output from overwriting an input.
//!
//! The main job: align two texts and list what a translator must look at.
//!
//! ```
//! use lexalign::export::{self, Format, ReportOptions};
//!
//! let arabic = "مادة (1)\nيعمل بهذا القانون من تاريخ 1/1/2013.\n\
//!               مادة (2)\nينشر في الجريدة الرسمية.\n\
//!               مادة (3)\nتلغى أحكام القانون رقم 5 لسنة 1990.\n";
//! let english = "Article (1)\nThis law enters into force on 1/1/2013.\n\
//!                Article (2)\nIt shall be published in the Official Gazette.\n";
//! let parallel = lexalign::align(arabic, english)?;      // texts in either order
//! assert!(parallel.verdict().same_law);
//! for pair in parallel.pairs() {
//!     println!("{:?} ↔ {:?} {:.2} {:?}", pair.arabic, pair.english, pair.confidence, pair.flags);
//! }
//! let missing: Vec<String> = parallel.only_arabic()
//!     .map(|a| a.label.as_ref().unwrap().to_string()).collect();
//! assert_eq!(missing, ["3"]);                              // no English for article 3
//!
//! let mut report = Vec::new();
//! export::render(&parallel, Format::Tsv, &ReportOptions::default(), &mut report)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The data flows one way:
//! `text → normalize → parse → Document → align → ParallelText → export`.
//! Parsing alone is [`parse`] (one [`Document`] per language version found
//! in a text) or [`parse_document`]; [`DocumentPair`] is the step from one
//! or two texts to the Arabic and the English document, with the errors
//! ([`ErrorKind`]) when that cannot be done. [`normalize`] gives the
//! matching view of a text (digits, presentation forms, tatweel,
//! diacritics, bidi marks folded) with a map back to the original bytes;
//! [`numerals`] reads Arabic and English number words, ordinals, Roman
//! numerals and Arabic list letters.
//!
//! How the aligner decides: per-article features (numbers weighted by
//! rarity, a length fit calibrated on the document pair, list items,
//! divisions, a bilingual lexicon of legal terms), label *offsets* found by
//! a small Viterbi walk so that renumbering is recognised, and a banded
//! dynamic programme over 1–1, 1–0, 0–1, 2–1 and 1–2 moves; see
//! [`Weights`], [`VerdictWeights`] and `DESIGN.md`.
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for the public types.
//! - `json` (default, with `serde`): the JSON report
//!   ([`export::Format::Json`]) and the batch records.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Library functions stay under 100 lines (clippy.toml); unit tests hold tables of cases.
#![cfg_attr(not(test), warn(clippy::too_many_lines))]

mod align;
mod document;
mod error;
pub mod export;
pub mod input;
pub mod normalize;
pub mod numerals;
mod parallel;
mod parse;
mod pipeline;

/// The confidence model's features and coefficients, for the test that
/// fits them (`tests/calibration.rs`); not a stable API.
#[doc(hidden)]
pub use align::calibrate as calibration;
#[doc(hidden)]
pub use align::Work;
pub use align::{
    align, align_bilingual, align_documents, Aligner, AlignerBuilder, VerdictWeights, Weights,
};
pub use document::{
    Article, ArticleNumbering, Block, Diagnostic, DiagnosticKind, Division, DivisionKind, Document,
    Label, LabelParseError, Language, ListItem, Numbering, Preamble, Region, Role, Span,
};
pub use error::{Error, ErrorKind, Result};
pub use parallel::{
    ArticleRef, Coverage, Evidence, Flag, Pair, ParallelText, Partial, Renumbering, Verdict,
    MIN_RENUMBERING_RUN,
};
pub use parse::{parse, parse_bytes, parse_document, Parsed};
pub use pipeline::{main_document, DocumentPair};

/// The README's examples, compiled and run as doctests so they cannot drift.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
