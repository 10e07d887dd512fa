//! Step 1, features: what the aligner knows about each article, computed
//! once per article so that scoring candidates only compares summaries.
//!
//! In: the two [`Document`]s of a pair. Out: [`PairFeatures`]: for every
//! article its label, the numbers it mentions (ids into a [`NumberTable`]
//! shared by both documents, with rarity weights), its lengths (of the
//! whole body, of the text outside its list, of the frame around its list),
//! its list items and paragraphs, its enclosing division and the concepts
//! of the built-in lexicon it uses (with rarity weights).
//!
//! A *feature* is one of these summaries. The text of each document is
//! read once, by the fast per-document reader of [`reader`] (which looks
//! each distinct word up once); the numbers written with digits are read
//! by [`numbers`]. Test-only reference implementations, against which the
//! reader is checked, are in `reference.rs`.

mod numbers;
mod reader;
#[cfg(test)]
mod reference;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::document::{Article, DivisionKind, Document};
use crate::normalize::{fold, is_arabic_letter};

use super::hash::PairHasher;
use super::lexicon::{ConceptSet, Lexicon, CONCEPTS};
pub(crate) use numbers::{numbers_in, written_each, Value};
use reader::{read_article, BlockChars, Runs};

/// What the aligner knows about one article.
#[derive(Debug, Clone)]
pub(crate) struct ArticleFeatures {
    /// Number part of the label, if any.
    pub label_number: Option<u32>,
    /// Suffix of the label (`bis`…), if any.
    pub label_suffix: Option<String>,
    /// Distinct numbers of the body, as ids into [`NumberTable`], sorted.
    pub numbers: Vec<u32>,
    /// Characters of the body that carry content (no spaces, marks).
    pub chars: f64,
    /// Characters of the body outside list items (of the first paragraph
    /// when there are no items).
    pub lead_chars: f64,
    /// Characters of the frame around the list: the first paragraph and
    /// the paragraphs after the last list item (what a translation that
    /// drops a list with its sub-lines keeps); `lead_chars` when the
    /// article has no items or the blocks carry no positions.
    pub frame_chars: f64,
    /// Number of list items.
    pub items: usize,
    /// Number of blocks: paragraphs plus list items.
    pub units: usize,
    /// Whether the article announces a list: it has list items, or its
    /// first paragraph ends with a colon ("… as follows:", "… ما يلي:-").
    pub announces_list: bool,
    /// Ordinals of the list items (0 when unknown).
    pub ordinals: Vec<u32>,
    /// The enclosing division, summarised.
    pub division: Option<DivisionKey>,
    /// Concepts of the built-in legal lexicon found in the title and body
    /// (ids index [`PairFeatures::concept_weights`]).
    pub concepts: ConceptSet,
    /// Total weight of those concepts.
    pub concept_weight: f64,
    /// The concepts of the text the lead rule keeps (outside the list
    /// items, or of the first paragraph when there are none: the text of
    /// `lead_chars`), with the title's.
    pub lead_concepts: ConceptSet,
    /// Total weight of the lead's concepts.
    pub lead_concept_weight: f64,
}

/// The enclosing division of an article, reduced to what can be compared
/// across languages.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DivisionKey {
    pub kind: DivisionKind,
    pub number: Option<u32>,
    /// Position among the divisions of the same kind in the document.
    pub ordinal: usize,
    /// Title folded for fuzzy comparison, and whether it is Arabic script.
    pub title: Option<(String, bool)>,
}

/// Numbers of both documents with their rarity weights.
#[derive(Debug, Clone, Default)]
pub(crate) struct NumberTable {
    pub values: Vec<Value>,
    pub weights: Vec<f64>,
}

/// Features of both documents of a pair.
#[derive(Debug, Clone)]
pub(crate) struct PairFeatures {
    pub arabic: Vec<ArticleFeatures>,
    pub english: Vec<ArticleFeatures>,
    pub table: NumberTable,
    /// Rarity weight of every lexicon concept (by concept id) over the
    /// articles of both documents.
    pub concept_weights: Vec<f64>,
}

impl PairFeatures {
    /// Computes the features of both documents; rarity weights are computed
    /// over the articles of both, so the two roles are treated alike.
    pub fn new<'d>(
        arabic: &'d Document,
        english: &'d Document,
        number_words: bool,
    ) -> PairFeatures {
        let mut ids: HashMap<Value, u32, BuildHasherDefault<PairHasher>> = HashMap::default();
        let mut table = NumberTable::default();
        let mut df: Vec<u32> = Vec::new();
        let mut concept_df = vec![0u32; CONCEPTS];
        let mut runs = Runs::new(Lexicon::get());
        let mut build = |doc: &'d Document| -> Vec<ArticleFeatures> {
            let divisions = division_keys(doc);
            doc.articles
                .iter()
                .map(|a| {
                    let mut vals = Vec::new();
                    let (lengths, concepts, lead) =
                        read_article(a, number_words, &mut runs, &mut vals);
                    vals.sort_unstable();
                    vals.dedup();
                    let mut nums: Vec<u32> = vals
                        .iter()
                        .map(|v| {
                            *ids.entry(*v).or_insert_with(|| {
                                table.values.push(*v);
                                df.push(0);
                                (table.values.len() - 1) as u32
                            })
                        })
                        .collect();
                    nums.sort_unstable();
                    for &n in &nums {
                        df[n as usize] += 1;
                    }
                    for c in concepts.iter() {
                        concept_df[c as usize] += 1;
                    }
                    let mut f = article_features(a, nums, &divisions, lengths);
                    f.concepts = concepts;
                    f.lead_concepts = lead;
                    f
                })
                .collect()
        };
        let mut ar = build(arabic);
        let mut en = build(english);
        let total = (ar.len() + en.len()).max(1) as f64;
        table.weights = df
            .iter()
            .map(|&d| ((total + 1.0) / d.max(1) as f64).ln().max(0.05))
            .collect();
        let concept_weights: Vec<f64> = concept_df
            .iter()
            .map(|&d| ((total + 1.0) / d.max(1) as f64).ln().max(0.05))
            .collect();
        for a in ar.iter_mut().chain(en.iter_mut()) {
            a.concept_weight = a.concepts.weight(&concept_weights);
            a.lead_concept_weight = if a.lead_concepts == a.concepts {
                a.concept_weight
            } else {
                a.lead_concepts.weight(&concept_weights)
            };
        }
        PairFeatures {
            arabic: ar,
            english: en,
            table,
            concept_weights,
        }
    }
}

/// The [`DivisionKey`] of every division of a document, by position: each
/// title is folded once, not once per article.
fn division_keys(doc: &Document) -> Vec<DivisionKey> {
    let ordinals = division_ordinals(doc);
    doc.divisions
        .iter()
        .map(|d| DivisionKey {
            kind: d.kind,
            number: d.number,
            ordinal: ordinals.get(d.index).copied().unwrap_or(0),
            title: d.title.as_ref().map(|t| {
                let f: String = t
                    .chars()
                    .filter_map(fold)
                    .collect::<String>()
                    .to_lowercase();
                let ar = f.chars().any(is_arabic_letter);
                (f, ar)
            }),
        })
        .collect()
}

fn division_ordinals(doc: &Document) -> Vec<usize> {
    let mut counts: HashMap<DivisionKind, usize> = HashMap::new();
    doc.divisions
        .iter()
        .map(|d| {
            let c = counts.entry(d.kind).or_insert(0);
            *c += 1;
            *c - 1
        })
        .collect()
}

/// The features of an article, from its numbers, its block lengths and the
/// [`division_keys`] of its document.
fn article_features(
    a: &Article,
    numbers: Vec<u32>,
    divisions: &[DivisionKey],
    lengths: BlockChars,
) -> ArticleFeatures {
    // Lengths from the blocks (each counted once); from the text when the
    // parser gave no blocks. List markers are not counted.
    let para = lengths.paragraphs;
    let item_chars = lengths.items;
    let para_chars: usize = para.iter().sum();
    let chars = if para.is_empty() && a.items.is_empty() {
        lengths.text as f64
    } else {
        (para_chars + item_chars) as f64
    };
    // The text a shortened translation is expected to keep: what stands
    // outside the list items, or the first paragraph when there are none.
    let lead_chars = if a.items.is_empty() {
        para.first().map(|&p| p as f64).unwrap_or(chars)
    } else if para_chars > 0 {
        para_chars as f64
    } else {
        (chars - item_chars as f64).max(0.0)
    };
    let frame_chars = match (a.items.last(), para.first()) {
        (Some(last), Some(&first)) if last.span.end > 0 => {
            let after: usize = a
                .paragraphs
                .iter()
                .zip(&para)
                .skip(1)
                .filter(|(p, _)| p.span.start >= last.span.end)
                .map(|(_, &c)| c)
                .sum();
            (first + after) as f64
        }
        _ => lead_chars,
    };
    let division = a.division.and_then(|i| divisions.get(i)).cloned();
    ArticleFeatures {
        label_number: a.label.as_ref().map(|l| l.number),
        label_suffix: a.label.as_ref().and_then(|l| l.suffix.clone()),
        numbers,
        chars: chars.max(1.0),
        lead_chars: lead_chars.max(1.0),
        frame_chars: frame_chars.max(1.0),
        items: a.items.len(),
        units: a.items.len() + a.paragraphs.len(),
        announces_list: !a.items.is_empty()
            || a.paragraphs.first().is_some_and(|p| {
                p.text
                    .trim_end_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '.')
                    })
                    .ends_with([':', '：'])
            }),
        ordinals: a.items.iter().map(|i| i.ordinal.unwrap_or(0)).collect(),
        division,
        concepts: ConceptSet::default(),
        concept_weight: 0.0,
        lead_concepts: ConceptSet::default(),
        lead_concept_weight: 0.0,
    }
}
