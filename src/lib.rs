//! # lexalign
//!
//! Pair the articles of the Arabic and English versions of a legal text.
//!
//! The data flows one way:
//! `text → normalize → parse → Document → align → ParallelText → export`.
//!
//! - [`parse`] turns a legal text (Arabic, English, or a file holding both)
//!   into [`Document`]s: title, preamble, divisions, articles with their
//!   labels, list items and byte spans, closing block and boilerplate.
//! - [`normalize`] gives the matching view of a text (digits, presentation
//!   forms, tatweel, diacritics, bidi marks folded) with a map back to the
//!   original bytes.
//! - [`numerals`] reads Arabic and English number words, ordinals, Roman
//!   numerals and Arabic list letters.
//!
//! ```
//! let text = "مادة (1)\nنص المادة الأولى.\nمادة (2)\nنص المادة الثانية.\n";
//! let parsed = lexalign::parse(text).unwrap();
//! let doc = &parsed.documents[0];
//! assert_eq!(doc.language, lexalign::Language::Arabic);
//! let labels: Vec<String> = doc.articles.iter()
//!     .map(|a| a.label.as_ref().unwrap().to_string()).collect();
//! assert_eq!(labels, ["1", "2"]);
//! ```
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for the public types.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod align;
mod document;
mod error;
pub mod export;
pub mod normalize;
pub mod numerals;
mod parallel;
mod parse;
mod pipeline;

pub use align::{
    align, align_bilingual, align_documents, Aligner, AlignerBuilder, VerdictWeights, Weights,
};
pub use document::{
    Article, ArticleNumbering, Block, Diagnostic, DiagnosticKind, Division, DivisionKind, Document,
    Label, LabelParseError, Language, ListItem, Numbering, Preamble, Region, Role, Span,
};
pub use error::{Error, ErrorKind, Result};
pub use parallel::{ArticleRef, Coverage, Evidence, Flag, Pair, ParallelText, Verdict};
pub use parse::{parse, parse_bytes, parse_document, Parsed};
pub use pipeline::{main_document, DocumentPair};

/// The README's examples, compiled and run as doctests so they cannot drift.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
