//! The numbering checks of a document: which article labels occur more
//! than once, where the numbering jumps and where it goes back.
//!
//! In: a [`Document`]'s articles (parsed or built with [`Document::new`]).
//! Out: a [`Numbering`], one [`ArticleNumbering`] per article. The parser
//! turns it into its `DuplicateNumber`, `NumberingGap` and `OutOfOrder`
//! diagnostics; the aligner flags pairs from it.

use super::{Document, Label};

/// The numbering checks of a document's articles, one entry per article in
/// the order of [`Document::articles`]. Made by [`Document::numbering`].
///
/// ```
/// use lexalign::{Article, Document, Label, Language, Span};
/// let article = |index: usize, number: u32| Article {
///     index,
///     label: Some(Label::number(number)),
///     heading: format!("Article {number}"),
///     heading_span: Span::default(),
///     title: None,
///     text: String::new(),
///     paragraphs: vec![],
///     items: vec![],
///     division: None,
///     span: Span::default(),
/// };
/// let doc = Document::new(Language::English, vec![article(0, 1), article(1, 3), article(2, 3)]);
/// let numbering = doc.numbering();
/// assert!(numbering.articles[1].gap_before);
/// assert!(numbering.articles[1].duplicate && numbering.articles[2].duplicate);
/// assert_eq!(numbering.articles[2].first_with_label, Some(1));
/// assert_eq!(numbering.duplicates().collect::<Vec<_>>(), [false, true, true]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Numbering {
    /// One entry per article, in the order of [`Document::articles`].
    pub articles: Vec<ArticleNumbering>,
}

/// The numbering checks of one article. Articles without a label are in
/// no check: all fields false or `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ArticleNumbering {
    /// The article's label (number and suffix) is that of another article
    /// of the document too. True for every article with that label, the
    /// first one included.
    pub duplicate: bool,
    /// When an earlier article has the same label: the position in
    /// [`Document::articles`] of the first one. `None` for the first
    /// article with its label, and for articles without one.
    pub first_with_label: Option<usize>,
    /// The article and the one just before it in [`Document::articles`]
    /// are both labelled, and the earlier number plus one is less than this
    /// number: the numbering jumps (`5` after `3`). Suffixes are not
    /// compared.
    pub gap_before: bool,
    /// The article and the one just before it are both labelled, and this
    /// number is less than the earlier one: the numbering goes back (`3`
    /// after `5`).
    pub goes_back: bool,
}

impl Numbering {
    /// Whether each article's label is [duplicated](ArticleNumbering::duplicate).
    pub fn duplicates(&self) -> impl Iterator<Item = bool> + '_ {
        self.articles.iter().map(|a| a.duplicate)
    }

    /// Whether each article has a [gap before it](ArticleNumbering::gap_before).
    pub fn gaps(&self) -> impl Iterator<Item = bool> + '_ {
        self.articles.iter().map(|a| a.gap_before)
    }
}

impl Document {
    /// The numbering checks of the articles: duplicated labels, gaps and
    /// numbering that goes back. The same for a parsed document and for
    /// one built with [`Document::new`]; see [`Numbering`].
    pub fn numbering(&self) -> Numbering {
        let mut articles = vec![ArticleNumbering::default(); self.articles.len()];
        for (position, first) in first_with_label(self).into_iter().enumerate() {
            if let Some(first) = first {
                articles[position].first_with_label = Some(first);
                articles[position].duplicate = true;
                articles[first].duplicate = true;
            }
        }
        for (k, w) in self.articles.windows(2).enumerate() {
            if let (Some(x), Some(y)) = (&w[0].label, &w[1].label) {
                if y.number > x.number + 1 {
                    articles[k + 1].gap_before = true;
                } else if y.number < x.number {
                    articles[k + 1].goes_back = true;
                }
            }
        }
        Numbering { articles }
    }
}

/// For each article, the position of the first earlier article with the
/// same label, if any. Plain numbers (most labels) are looked up in a
/// table by number; the others (suffixed or very large numbers) in a
/// B-tree.
fn first_with_label(doc: &Document) -> Vec<Option<usize>> {
    let n = doc.articles.len();
    let mut by_number: Vec<usize> = Vec::new();
    let mut others: std::collections::BTreeMap<&Label, usize> = std::collections::BTreeMap::new();
    let mut out = vec![None; n];
    for (position, a) in doc.articles.iter().enumerate() {
        let Some(l) = &a.label else { continue };
        out[position] = match usize::try_from(l.number) {
            Ok(k) if l.suffix.is_none() && k < 4 * n + 1024 => {
                if by_number.len() <= k {
                    by_number.resize(k + 1, usize::MAX);
                }
                let first = by_number[k];
                if first == usize::MAX {
                    by_number[k] = position;
                    None
                } else {
                    Some(first)
                }
            }
            _ => {
                let first = others.get(l).copied();
                if first.is_none() {
                    others.insert(l, position);
                }
                first
            }
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Language, Span};

    fn article(index: usize, label: Option<Label>) -> Article {
        Article {
            index,
            label,
            heading: String::new(),
            heading_span: Span::default(),
            title: None,
            text: String::new(),
            paragraphs: vec![],
            items: vec![],
            division: None,
            span: Span::default(),
        }
    }

    fn doc(labels: &[Option<Label>]) -> Document {
        let articles = labels
            .iter()
            .enumerate()
            .map(|(i, l)| article(i, l.clone()))
            .collect();
        Document::new(Language::English, articles)
    }

    /// The checks as the aligner first wrote them: a count per (number,
    /// suffix) and a comparison of neighbours.
    fn reference(d: &Document) -> (Vec<bool>, Vec<bool>) {
        let mut count = std::collections::HashMap::new();
        for l in d.articles.iter().filter_map(|a| a.label.as_ref()) {
            *count.entry((l.number, l.suffix.clone())).or_insert(0) += 1;
        }
        let dup = d
            .articles
            .iter()
            .map(|a| {
                a.label
                    .as_ref()
                    .is_some_and(|l| count[&(l.number, l.suffix.clone())] > 1)
            })
            .collect();
        let mut gap = vec![false; d.articles.len()];
        for (k, w) in d.articles.windows(2).enumerate() {
            if let (Some(p), Some(c)) = (&w[0].label, &w[1].label) {
                gap[k + 1] = c.number > p.number + 1;
            }
        }
        (dup, gap)
    }

    #[test]
    fn checks() {
        let n = |v| Some(Label::number(v));
        let bis = |v| Some(Label::with_suffix(v, "bis"));
        let d = doc(&[
            n(1),
            n(2),
            bis(2),
            n(5),
            None,
            n(7),
            n(3),
            bis(2),
            n(5),
            n(u32::MAX - 1),
        ]);
        let got = d.numbering();
        let dup: Vec<bool> = got.duplicates().collect();
        assert_eq!(
            dup,
            [false, false, true, true, false, false, false, true, true, false]
        );
        let gap: Vec<bool> = got.gaps().collect();
        assert_eq!(
            gap,
            [false, false, false, true, false, false, false, false, true, true]
        );
        let back: Vec<bool> = got.articles.iter().map(|a| a.goes_back).collect();
        assert_eq!(
            back,
            [false, false, false, false, false, false, true, true, false, false]
        );
        let first: Vec<Option<usize>> = got.articles.iter().map(|a| a.first_with_label).collect();
        assert_eq!(
            first,
            [
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Some(2),
                Some(3),
                None
            ]
        );
        assert_eq!(reference(&d), (dup, gap));
    }

    proptest::proptest! {
        /// Duplicates and gaps are those of the reference, for any labels.
        #[test]
        fn agrees_with_reference(labels in proptest::collection::vec(
            proptest::option::weighted(0.9, (0u32..40, proptest::option::weighted(0.2, "bis|ter"))),
            0..40,
        )) {
            let labels: Vec<Option<Label>> = labels
                .into_iter()
                .map(|l| l.map(|(number, suffix)| Label { number, suffix }))
                .collect();
            let d = doc(&labels);
            let got = d.numbering();
            let (dup, gap) = reference(&d);
            proptest::prop_assert_eq!(got.duplicates().collect::<Vec<_>>(), dup);
            proptest::prop_assert_eq!(got.gaps().collect::<Vec<_>>(), gap);
        }
    }
}
