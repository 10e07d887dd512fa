//! Numbering checks: duplicate labels and gaps in the numbering of a
//! document's articles.
//!
//! In: a [`Document`]. Out: per article, whether its label is carried by
//! another article too ([`duplicates`]), and whether its number jumps over
//! one or more numbers after the previous article's ([`gaps`]).

use std::collections::HashMap;

use super::hash::LabelMap;
use crate::document::{Document, Label};

/// Per article of `doc`, whether another article carries the same label
/// (number and suffix).
pub(super) fn duplicates(doc: &Document) -> Vec<bool> {
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

/// Per article of `doc`, whether its label number is more than one above
/// the previous article's.
pub(super) fn gaps(doc: &Document) -> Vec<bool> {
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
