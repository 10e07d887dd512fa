//! Emissions: the content score of a 1–1 candidate as the offset walks of
//! step 3 read it, and the cache that computes each one once.
//!
//! In the Viterbi walk over label offsets ([`offsets`](super::offsets)),
//! the *emission* of an offset at an article is the evidence, from the
//! article's content alone (numbers, length, items, position, lexicon; no
//! label), that the article corresponds to the article of the other side
//! that the offset names. The same 1–1 content scores serve the band's
//! gains in step 4 ([`band`](super::band)), so they are kept.
//!
//! In: a [`Scorer`] and pairs `(arabic, english)`. Out: their content
//! scores, length fits and emissions.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::hash::PairHasher;
use super::score::{Scorer, Terms};

/// Pairs kept per Arabic article in its row of the cache before the
/// others go to a map: about as many as the offset walks ask for.
const ROW: usize = 16;

/// Content score of the 1–1 candidate `(i, j)` ([`Scorer::content_with`]) and
/// its length fit ([`Scorer::part_fit`]).
pub(super) fn one_to_one(s: &Scorer<'_>, i: usize, j: usize) -> (f64, f64) {
    s.content_with(i, 1, j, 1, |a, e| s.part_fit(a, e))
}

/// Content evidence that Arabic article `i` corresponds to English article
/// `j` (from its content score); bounded below, so that one odd article (a
/// merge, a partial translation) cannot overturn the offset of a whole run.
pub(super) fn emission(content: f64) -> f64 {
    content.clamp(-2.5, 6.0)
}

/// 1–1 content scores and length fits ([`one_to_one`]) already computed
/// under one scorer, by `(arabic, english)`: the walk over the English side
/// mostly asks for the pairs the walk over the Arabic side asked for, and
/// the band for most of them again.
///
/// The walks ask for a few pairs per Arabic article (those of the offsets
/// they consider there): each Arabic article has a row of [`ROW`] slots,
/// read in order, so that most look-ups are a few array reads. A pair
/// whose row is full goes to a map.
pub(super) struct EmissionCache {
    /// Per Arabic article, the pairs kept in its row (filled from the
    /// start): the English article, plus one (`0`: empty), and the pair's
    /// content score and length fit.
    slots: Vec<[(u32, f64, f64); ROW]>,
    /// The pairs without a slot of their own, by [`key`](Self::key).
    extra: HashMap<u64, (f64, f64), BuildHasherDefault<PairHasher>>,
    /// With [`record`](Self::record): the length-independent terms of every
    /// pair computed, for [`relength`](Self::relength).
    terms: Option<Vec<(usize, usize, Terms)>>,
}

impl EmissionCache {
    /// A cache for `n` Arabic articles that also keeps the terms of the
    /// pairs it computes.
    pub(super) fn record(n: usize) -> EmissionCache {
        EmissionCache {
            slots: vec![[(0, 0.0, 0.0); ROW]; n],
            extra: HashMap::default(),
            // Room for a full row per article: the walks ask for about
            // thirteen pairs per article, and growing this vector (72 bytes
            // a pair) copies all of it.
            terms: Some(Vec::with_capacity(ROW * n)),
        }
    }

    /// The key of pair `(i, j)` in [`extra`](Self::extra): both indices
    /// packed into one number.
    fn key(i: usize, j: usize) -> u64 {
        ((i as u64) << 32) | j as u64
    }

    /// The emission of `(i, j)` ([`emission`]), computed once.
    pub(super) fn get(&mut self, s: &Scorer<'_>, i: usize, j: usize) -> f64 {
        if let Some(v) = self.peek(i, j) {
            return emission(v.0);
        }
        let v = match &mut self.terms {
            Some(rec) => {
                let (x, p, t) = s.one_to_one_terms(i, j);
                rec.push((i, j, t));
                (x, p)
            }
            None => one_to_one(s, i, j),
        };
        self.insert(i, j, v);
        emission(v.0)
    }

    /// Keeps the content score and length fit `v` of `(i, j)`: in its slot
    /// when it has a free one, else in [`extra`](Self::extra).
    fn insert(&mut self, i: usize, j: usize, v: (f64, f64)) {
        match self.slots[i].iter_mut().find(|x| x.0 == 0) {
            Some(x) => *x = (j as u32 + 1, v.0, v.1),
            None => {
                self.extra.insert(Self::key(i, j), v);
            }
        }
    }

    /// The content score and length fit of `(i, j)`, if computed.
    #[inline]
    pub(super) fn peek(&self, i: usize, j: usize) -> Option<(f64, f64)> {
        let key = j as u32 + 1;
        for &(k, c, p) in &self.slots[i] {
            if k == key {
                return Some((c, p));
            }
            if k == 0 {
                return None;
            }
        }
        if self.extra.is_empty() {
            None
        } else {
            self.extra.get(&Self::key(i, j)).copied()
        }
    }

    /// The same pairs (a recorded cache's) scored under `s`, whose length
    /// model differs: only the length fits are computed again.
    pub(super) fn relength(mut self, s: &Scorer<'_>) -> EmissionCache {
        for row in &mut self.slots {
            *row = [(0, 0.0, 0.0); ROW];
        }
        self.extra.clear();
        for (i, j, t) in self.terms.take().unwrap_or_default() {
            let v = s.relength(&t, i, j);
            self.insert(i, j, v);
        }
        self
    }
}
