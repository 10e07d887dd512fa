//! Step 3, label offsets: which English label each Arabic article's label
//! corresponds to, never trusting the labels blindly.
//!
//! The *offset* of an Arabic article is the English label number of its
//! counterpart minus its own label number: 0 while the two numberings
//! agree, +1 after an article the English version dropped and renumbered
//! over, and so on. Offsets are taken as piecewise constant and chosen by a
//! Viterbi walk over the articles of one side ([`offsets_walking`], the
//! walk itself in [`walk`](super::walk)), whose *emissions*
//! ([`emission`](super::emission)) are the content scores of the pairs each
//! offset implies.
//!
//! In: the [`PairFeatures`] of a document pair and a [`Scorer`]. Out: an
//! offset per article, and the pairs built from them: *anchors* (pairs
//! trusted enough to pin the band of the dynamic programme, see
//! [`offset_anchors`] and [`label_anchors`]), the candidates of the first
//! length calibration ([`near_candidates`]) and the pairs both walks agree
//! on ([`agreed_pairs`]).

use std::collections::HashMap;

use super::emission::EmissionCache;
use super::features::{ArticleFeatures, PairFeatures};
use super::hash::LabelMap;
use super::score::Scorer;
use super::walk::{walk, Walk};

/// Label offsets, never trusted blindly: for every Arabic article the
/// offset `d` such that its counterpart is the English article numbered
/// `number + d`. The offset is taken as piecewise constant (renumbering
/// after a deleted or merged article shifts it for the rest of the
/// document) and chosen by a Viterbi walk over the Arabic articles
/// ([`walk`](super::walk)), whose emissions are the *content* scores
/// (numbers, length, items, position; no label) of the pairs each offset
/// implies. Offset 0 is preferred when the evidence is weak. Only a few
/// offsets are considered at each article (0, those of the best ways so
/// far, and those the labels near the expected position suggest), so
/// offsets may be as large as the document needs at a cost that does not
/// grow with them.
///
/// Computed per article of one side: the Arabic side, or with `english`
/// the English side (offsets are still English minus Arabic). Walking
/// either side runs the very same computation with the roles swapped, so
/// that swapping the two documents mirrors the result.
pub(super) fn offsets_walking(s: &Scorer<'_>, english: bool, cache: &mut EmissionCache) -> Walk {
    let f = s.f;
    let (walked, other) = if english {
        (&f.english, &f.arabic)
    } else {
        (&f.arabic, &f.english)
    };
    if other.iter().all(|a| a.label_number.is_none())
        || walked.iter().all(|a| a.label_number.is_none())
    {
        return Walk {
            offsets: vec![0i64; walked.len()],
            targets: vec![None; walked.len()],
        };
    }
    let by_label = LabelCounts::new(other);
    walk(s, english, cache, (walked, other), &by_label)
}

/// Candidate pairs near the diagonal (within two articles of the expected
/// place) and pairs with equal labels, for the first length calibration.
pub(super) fn near_candidates(f: &PairFeatures) -> Vec<(usize, usize)> {
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
pub(super) fn agreed_pairs(walk_ar: &Walk, walk_en: &Walk) -> Vec<(usize, usize)> {
    walk_ar
        .targets
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let j = (*t)?;
            (walk_en.targets.get(j).copied().flatten() == Some(i)).then_some((i, j))
        })
        .collect()
}

/// Label anchors: pairs of articles with equal labels that are unique in
/// both documents, reduced to the longest chain increasing on both sides.
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
/// does (labels without a suffix in a table when the numbers are not much
/// larger than the number of articles, others hashed), and the articles of
/// every label carried more than once, in order (numbering that restarts).
pub(super) struct LabelCounts<'a> {
    /// Per label: count, first article, start of its articles in `multi`.
    plain: Vec<(u32, usize, u32)>,
    other: LabelMap<'a, (u32, usize, u32)>,
    /// The articles of the labels carried more than once, grouped by label,
    /// each group in document order.
    multi: Vec<usize>,
}

impl<'a> LabelCounts<'a> {
    pub(super) fn new(arts: &'a [ArticleFeatures]) -> LabelCounts<'a> {
        let max = arts.iter().filter_map(|a| a.label_number).max();
        let table = max.map_or(0, |m| m as usize + 1);
        let dense = table <= 8 * arts.len() + 64;
        let mut c = LabelCounts {
            plain: vec![(0, 0, 0); if dense { table } else { 0 }],
            other: HashMap::default(),
            multi: Vec::new(),
        };
        // Backwards, so that each article links to the next one of its
        // label and the first one is left in the slot.
        let mut next: Vec<usize> = Vec::new();
        for (j, a) in arts.iter().enumerate().rev() {
            let Some(num) = a.label_number else { continue };
            let slot = c.slot(dense, num, a.label_suffix.as_deref(), j);
            if slot.0 > 0 {
                if next.is_empty() {
                    next = vec![usize::MAX; arts.len()];
                }
                next[j] = slot.1;
            }
            slot.1 = j;
            slot.0 += 1;
        }
        if next.is_empty() {
            return c;
        }
        // Each label carried more than once: its articles, from its chain.
        let mut multi = Vec::new();
        for (j, a) in arts.iter().enumerate() {
            let Some(num) = a.label_number else { continue };
            let slot = c.slot(dense, num, a.label_suffix.as_deref(), j);
            if slot.0 > 1 && slot.1 == j {
                slot.2 = multi.len() as u32;
                let mut k = j;
                while k != usize::MAX {
                    multi.push(k);
                    k = next[k];
                }
            }
        }
        c.multi = multi;
        c
    }

    /// The slot of a label (made, empty, for article `j` when new).
    fn slot(
        &mut self,
        dense: bool,
        num: u32,
        suffix: Option<&'a str>,
        j: usize,
    ) -> &mut (u32, usize, u32) {
        if dense && suffix.is_none() {
            &mut self.plain[num as usize]
        } else {
            self.other.entry((num, suffix)).or_insert((0, j, 0))
        }
    }

    fn find(&self, number: u32, suffix: Option<&str>) -> Option<(u32, usize, u32)> {
        let v = if suffix.is_none() && !self.plain.is_empty() {
            self.plain.get(number as usize).copied()
        } else {
            self.other.get(&(number, suffix)).copied()
        };
        v.filter(|c| c.0 > 0)
    }

    /// The number of articles labelled `number` with `suffix`, and the
    /// first of them; `None` when there is none.
    pub(super) fn get(&self, number: u32, suffix: Option<&str>) -> Option<(u32, usize)> {
        self.find(number, suffix).map(|(n, first, _)| (n, first))
    }

    /// The article labelled `number` with `suffix` nearest to position
    /// `p` (the first of two equally near), when numbering restarts and
    /// several carry the label; `None` when there is none. Logarithmic in
    /// the number of articles carrying the label.
    #[inline]
    pub(super) fn nearest(&self, number: u32, suffix: Option<&str>, p: usize) -> Option<usize> {
        let (count, first, start) = self.find(number, suffix)?;
        if count == 1 {
            return Some(first);
        }
        let group = self
            .multi
            .get(start as usize..start as usize + count as usize)?;
        let k = group.partition_point(|&x| x < p);
        match (k.checked_sub(1).map(|b| group[b]), group.get(k)) {
            (Some(b), Some(&a)) if a - p < p - b => Some(a),
            (Some(b), _) => Some(b),
            (None, a) => a.copied(),
        }
    }
}

/// Longest chain of `(i, j)` (sorted by `i`) increasing in `j`: increasing
/// in both when the `i` are distinct, or when the pairs of one `i` come in
/// decreasing `j`. `O(k log k)` for `k` pairs.
pub(super) fn longest_increasing(c: &[(usize, usize)]) -> Vec<(usize, usize)> {
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

/// Anchors for the band: the pairs the label offsets imply, reduced to the
/// longest chain increasing on both sides.
pub(super) fn offset_anchors(f: &PairFeatures, offsets: &[i64]) -> Vec<(usize, usize)> {
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

/// Whether `d` is the offset of article `k` or, where the offset changes
/// there, of one of its neighbours: the place where a renumbering starts is
/// known less surely than the offsets on either side of it.
#[inline]
pub(super) fn near_offset(off: &[i64], k: usize, d: i64) -> bool {
    let o = off[k];
    d == o
        || (k > 0 && off[k - 1] != o && d == off[k - 1])
        || (k + 1 < off.len() && off[k + 1] != o && d == off[k + 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_of_a_restarted_label() {
        use super::super::features::PairFeatures;
        use crate::{Article, Document, Label, Language, Span};
        let en = Document::new(
            Language::English,
            [1, 2, 3, 1, 2, 3, 4, 1, 2]
                .iter()
                .enumerate()
                .map(|(i, &n)| Article {
                    index: i,
                    label: Some(Label::number(n)),
                    heading: format!("Article {n}"),
                    heading_span: Span::default(),
                    title: None,
                    text: format!("The text of article {n}."),
                    paragraphs: vec![],
                    items: vec![],
                    division: None,
                    span: Span::default(),
                })
                .collect(),
        );
        let f = PairFeatures::new(&en, &en, false);
        let c = LabelCounts::new(&f.english);
        assert_eq!(c.get(1, None), Some((3, 0)));
        assert_eq!(c.nearest(1, None, 0), Some(0));
        assert_eq!(c.nearest(1, None, 2), Some(3), "3 is nearer than 0");
        assert_eq!(c.nearest(1, None, 5), Some(3), "3 and 7 tie: the first");
        assert_eq!(c.nearest(2, None, 100), Some(8));
        assert_eq!(c.nearest(4, None, 0), Some(6));
        assert_eq!(c.nearest(5, None, 0), None);
    }

    #[test]
    fn lis() {
        let c = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)];
        assert_eq!(longest_increasing(&c), vec![(0, 0), (2, 1), (3, 2), (4, 3)]);
        assert!(longest_increasing(&[]).is_empty());
    }
}
