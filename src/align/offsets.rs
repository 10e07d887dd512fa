//! Step 3, label offsets: which English label each Arabic article's label
//! corresponds to, never trusting the labels blindly.
//!
//! The *offset* of an Arabic article is the English label number of its
//! counterpart minus its own label number: 0 while the two numberings
//! agree, +1 after an article the English version dropped and renumbered
//! over, and so on. Offsets are taken as piecewise constant and chosen by a
//! small Viterbi walk over the articles of one side ([`offsets_walking`]),
//! whose *emissions* ([`emission`](super::emission)) are the content scores
//! of the pairs each offset implies.
//!
//! In: the [`PairFeatures`] of a document pair and a [`Scorer`]. Out: an
//! offset per article, and the pairs built from them: *anchors* (pairs
//! trusted enough to pin the band of the dynamic programme, see
//! [`offset_anchors`] and [`label_anchors`]), the candidates of the first
//! length calibration ([`near_candidates`]) and the pairs both walks agree
//! on ([`agreed_pairs`]).

use std::collections::HashMap;

use super::emission::{EmissionCache, MAX_OFFSET, STATES};
use super::features::{ArticleFeatures, PairFeatures};
use super::hash::LabelMap;
use super::score::Scorer;

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
pub(super) fn offsets_walking(
    s: &Scorer<'_>,
    english: bool,
    cache: &mut EmissionCache,
) -> Vec<i64> {
    let f = s.f;
    let (walk, other) = if english {
        (&f.english, &f.arabic)
    } else {
        (&f.arabic, &f.english)
    };
    let by_label = LabelCounts::new(other);
    if other.iter().all(|a| a.label_number.is_none())
        || walk.iter().all(|a| a.label_number.is_none())
    {
        return vec![0i64; walk.len()];
    }
    let mut viterbi = Viterbi::new(walk.len());
    let mut emit = [0.0f64; STATES];
    for (i, a) in walk.iter().enumerate() {
        let suffix = a.label_suffix.as_deref();
        match a.label_number {
            None => emit = [0.0; STATES],
            Some(num) => {
                for (x, e) in emit.iter_mut().enumerate() {
                    let target = num as i64 + OFFSETS[x];
                    *e = match u32::try_from(target)
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
        viterbi.step(a.label_number, &emit);
    }
    viterbi.offsets(english)
}

/// The offset of each state, `-MAX_OFFSET..=MAX_OFFSET`.
const OFFSETS: [i64; STATES] = {
    let mut offsets = [0; STATES];
    let mut x = 0;
    while x < STATES {
        offsets[x] = x as i64 - MAX_OFFSET;
        x += 1;
    }
    offsets
};

/// The state of offset 0.
const ZERO: usize = MAX_OFFSET as usize;

/// [`Viterbi::last`] of a state with no article paired on the way into it.
const NONE: i64 = i64::MIN;

/// The Viterbi walk of [`offsets_walking`], one article at a time.
struct Viterbi {
    /// Per state (offset), the score of the best way into it.
    score: [f64; STATES],
    /// Per state, the target label of the last article paired on the best
    /// way into it ([`NONE`]: none yet).
    last: [i64; STATES],
    /// Per article walked, per state, the state it came from.
    back: Vec<[u8; STATES]>,
}

impl Viterbi {
    /// A walk over `n` articles, starting at offset 0.
    fn new(n: usize) -> Viterbi {
        let mut score = [0.0f64; STATES];
        score[ZERO] = 1.0;
        Viterbi {
            score,
            last: [NONE; STATES],
            back: Vec::with_capacity(n),
        }
    }

    /// Walks over the next article, whose label number is `label` and
    /// whose emission under each offset is `emit`.
    #[inline]
    fn step(&mut self, label: Option<u32>, emit: &[f64; STATES]) {
        // An offset that would pair this article with an article at or
        // before the last one paired on the way to the previous state (the
        // pairs would cross) leaves this article unpaired: it only counts
        // as a gap. (`NONE` is below every target; an article without a
        // label has no target and is always fresh.)
        let labelled = label.is_some();
        let (score, last) = (&self.score, &self.last);
        let mut next = [0.0f64; STATES];
        let mut next_last = [NONE; STATES];
        let mut back = [0u8; STATES];
        let order = by_score(score);
        for x in 0..STATES {
            let t = label.map_or(NONE, |num| num as i64 + OFFSETS[x]);
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
            let (mut best_sum, mut best_from) = (f64::NEG_INFINITY, usize::MAX);
            for &y in &order {
                let y = y as usize;
                if y == x {
                    continue;
                }
                let bound = score[y] - SWITCH + top;
                if bound <= v || bound < best_sum {
                    break;
                }
                let sum = score[y] - SWITCH + if fresh(y) { e } else { GAP };
                if sum > best_sum || (sum == best_sum && y < best_from) {
                    (best_sum, best_from) = (sum, y);
                }
            }
            if best_from != usize::MAX && best_sum > v {
                v = best_sum;
                from = best_from;
            }
            back[x] = from as u8;
            next_last[x] = if labelled && fresh(from) && e > GAP {
                t
            } else {
                last[from]
            };
            // A slight, steady preference for the numbering as written.
            next[x] = v + if x == ZERO { 0.05 } else { 0.0 };
        }
        self.last = next_last;
        self.score = next;
        self.back.push(back);
    }

    /// The offsets of the best walk, English minus Arabic (the walk over
    /// the English side, with `english`, stored them the other way round).
    fn offsets(self, english: bool) -> Vec<i64> {
        let n = self.back.len();
        let mut out = vec![0i64; n];
        let mut x = argmax(&self.score).0;
        for i in (0..n).rev() {
            out[i] = if english { -OFFSETS[x] } else { OFFSETS[x] };
            x = self.back[i][x] as usize;
        }
        out
    }
}

/// The states by score, best first (equal scores by index): the best
/// switch into a state is found by reading them in that order until no
/// later one can do better.
#[inline]
fn by_score(score: &[f64; STATES]) -> [u8; STATES] {
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
    order
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
pub(super) fn agreed_pairs(
    f: &PairFeatures,
    walk_ar: &[i64],
    walk_en: &[i64],
) -> Vec<(usize, usize)> {
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
/// does: labels without a suffix in a table when the numbers are not much
/// larger than the number of articles, others hashed.
pub(super) struct LabelCounts<'a> {
    plain: Vec<(u32, usize)>,
    other: LabelMap<'a, (u32, usize)>,
}

impl<'a> LabelCounts<'a> {
    pub(super) fn new(arts: &'a [ArticleFeatures]) -> LabelCounts<'a> {
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
    pub(super) fn get(&self, number: u32, suffix: Option<&str>) -> Option<(u32, usize)> {
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

fn argmax(v: &[f64]) -> (usize, f64) {
    v.iter().enumerate().fold(
        (0, f64::NEG_INFINITY),
        |acc, (x, &y)| if y > acc.1 { (x, y) } else { acc },
    )
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
    fn lis() {
        let c = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)];
        assert_eq!(longest_increasing(&c), vec![(0, 0), (2, 1), (3, 2), (4, 3)]);
        assert!(longest_increasing(&[]).is_empty());
    }
}
