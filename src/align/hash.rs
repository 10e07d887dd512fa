//! Hashers for the aligner's maps, whose keys are numbers already (packed
//! article pairs, label numbers, number values, keys of lexicon forms): the
//! standard library's SipHash would cost more than the look-ups it serves.
//!
//! In: integer keys. Out: `u64` hashes. These hashers are not keyed: label
//! numbers and number values come from the documents, so a hostile input
//! could make its keys collide and slow an alignment down (never change
//! its result).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher of integer keys: with `MIX`, each word is folded in with one
/// rotate and one multiply ([`PairHasher`]); without, the last word written
/// is the hash ([`IdentityHasher`], for keys that are hashes already).
#[derive(Default)]
pub(crate) struct WordHasher<const MIX: bool>(u64);

/// Hasher for packed pair keys, labels and number values (one multiply per
/// word).
pub(crate) type PairHasher = WordHasher<true>;

/// Passes an already computed `u64` hash through.
pub(crate) type IdentityHasher = WordHasher<false>;

impl<const MIX: bool> Hasher for WordHasher<MIX> {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        assert!(MIX, "identity-hashed keys are u64");
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = if MIX {
            (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95)
        } else {
            v
        };
    }
    fn write_u32(&mut self, v: u32) {
        self.write_u64(v as u64);
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

/// Articles (or counts) by label (number and suffix), hashed with
/// [`PairHasher`].
pub(crate) type LabelMap<'a, V> =
    HashMap<(u32, Option<&'a str>), V, BuildHasherDefault<PairHasher>>;
