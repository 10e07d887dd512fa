//! Sets of concepts of the lexicon, as bitsets over the table.

use super::table::CONCEPTS;

/// Number of `u64` words of a [`ConceptSet`].
const WORDS: usize = CONCEPTS.div_ceil(64);

/// A set of concepts (a bitset over the table): intersections and unions
/// are a few word operations, and nothing is allocated per comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ConceptSet([u64; WORDS]);

impl ConceptSet {
    /// Adds concept `id`.
    pub fn insert(&mut self, id: u16) {
        self.0[id as usize / 64] |= 1 << (id % 64);
    }

    /// Whether concept `id` is in the set.
    #[cfg(test)]
    pub fn contains(&self, id: u16) -> bool {
        self.0[id as usize / 64] & (1 << (id % 64)) != 0
    }

    /// The concepts in the set, in order.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &w)| {
            let mut bits = w;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let b = bits.trailing_zeros();
                bits &= bits - 1;
                Some((k * 64) as u16 + b as u16)
            })
        })
    }

    /// Concepts in both sets.
    #[inline]
    pub fn and(&self, other: &ConceptSet) -> ConceptSet {
        let mut out = *self;
        for (x, y) in out.0.iter_mut().zip(&other.0) {
            *x &= y;
        }
        out
    }

    /// Concepts in either set.
    #[inline]
    pub fn or(&self, other: &ConceptSet) -> ConceptSet {
        let mut out = *self;
        for (x, y) in out.0.iter_mut().zip(&other.0) {
            *x |= y;
        }
        out
    }

    /// Sum of the weights (indexed by concept id) of the concepts in the set.
    #[inline]
    pub fn weight(&self, weights: &[f64]) -> f64 {
        let mut s = 0.0;
        for (k, &w) in self.0.iter().enumerate() {
            let mut bits = w;
            while bits != 0 {
                s += weights[k * 64 + bits.trailing_zeros() as usize];
                bits &= bits - 1;
            }
        }
        s
    }
}
