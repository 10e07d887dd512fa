//! The lexicon's forms, ready for look-ups: every form of the table keyed
//! by a hash of its letters, and the affix stripping that finds a word's
//! form ([`Lexicon::arabic_word`], [`stem_en`]).
//!
//! In: the [`TABLE`]. Out: the concept of a word, if the table knows it.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::table::TABLE;
use crate::align::hash::IdentityHasher;
use crate::normalize::{normalize_into, Normalized};

/// Suffixes stripped from Arabic words (folded forms), as letters.
pub(super) const AR_SUFFIXES: &[&[char]] = &[
    &['ه'],
    &['ا', 'ت'],
    &['ي', 'ن'],
    &['و', 'ن'],
    &['ه', 'ا'],
    &['ه', 'م'],
    &['ه', 'ن'],
    &['ا', 'ن'],
    &['ي', 'ه'],
    &['ي'],
    &['ا'],
    &['ك', 'م'],
    &['ن', 'ا'],
    &['ا', 'ت', 'ه'],
    &['ا', 'ت', 'ه', 'ا'],
    &['ا', 'ت', 'ه', 'م'],
];

/// Lengths (in letters) of the prefixes an Arabic word may carry: a
/// conjunction (`و`, `ف`), then a preposition (`ب`, `ك`, `ل`), then the
/// article `ال` (after `ل`, written `لل`), each optional. At most 12.
fn prefix_lengths(w: &[char], out: &mut [usize; 12]) -> usize {
    let mut n = 0;
    let conj: &[usize] = if matches!(w.first(), Some('و' | 'ف')) {
        &[0, 1]
    } else {
        &[0]
    };
    for &c in conj {
        let prep: &[usize] = if matches!(w.get(c), Some('ب' | 'ك' | 'ل')) {
            &[0, 1]
        } else {
            &[0]
        };
        for &p in prep {
            let k = c + p;
            if k > 0 {
                out[n] = k;
                n += 1;
            }
            if w.get(k) == Some(&'ا') && w.get(k + 1) == Some(&'ل') {
                out[n] = k + 2;
                n += 1;
            } else if p == 1 && w[c] == 'ل' && w.get(k) == Some(&'ل') {
                out[n] = k + 1;
                n += 1;
            }
        }
    }
    n
}

/// Key of a form (FNV-1a over its letters): the table is keyed by these
/// (64 bits for a few thousand forms), so a lookup hashes the form once
/// and compares no strings.
#[inline]
pub(super) fn key_chars(form: impl IntoIterator<Item = char>) -> u64 {
    form.into_iter().fold(KEY_SEED, key_step)
}

/// [`key_chars`] of no letters.
pub(super) const KEY_SEED: u64 = 0xcbf29ce484222325;

/// [`key_chars`] of a form, from the key of the form without its last
/// letter `c`.
#[inline(always)]
pub(super) fn key_step(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(0x100000001b3)
}

#[inline]
pub(super) fn key(form: &str) -> u64 {
    key_chars(form.chars())
}

/// Concepts by the [`key`] of a form (a hash already, passed through).
type KeyMap = HashMap<u64, u16, BuildHasherDefault<IdentityHasher>>;

/// The lexicon, ready for matching.
pub(crate) struct Lexicon {
    /// Concepts by the key of an Arabic form (folded).
    arabic: KeyMap,
    /// Concepts by the key of an English form (lower-cased, stemmed).
    pub(super) english: KeyMap,
}

impl Lexicon {
    /// The built-in lexicon (built once).
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut arabic: KeyMap = HashMap::default();
        let mut english: KeyMap = HashMap::default();
        let mut secondary: Vec<(String, u16)> = Vec::new();
        let mut buf = Normalized::default();
        for (id, (ar, en)) in TABLE.iter().enumerate() {
            let id = id as u16;
            for w in ar.split_whitespace() {
                normalize_into(w, &mut buf);
                let f = buf.as_str().to_string();
                if let Some(stem) = f.strip_suffix('ه') {
                    if stem.chars().count() >= 3 {
                        secondary.push((stem.to_string(), id));
                    }
                    secondary.push((format!("{stem}ت"), id));
                }
                arabic.entry(key(&f)).or_insert(id);
            }
            for w in en.split_whitespace() {
                english
                    .entry(key(&stem_en(&w.to_lowercase())))
                    .or_insert(id);
            }
        }
        for (f, id) in secondary {
            arabic.entry(key(&f)).or_insert(id);
        }
        Lexicon { arabic, english }
    }

    /// The concept of a folded Arabic word (its letters): the
    /// least-stripped form of it (prefixes and suffixes removed) that the
    /// table knows.
    pub(super) fn arabic_word(&self, w: &[char]) -> Option<u16> {
        if w.len() < 2 {
            return None;
        }
        if let Some(&id) = self.arabic.get(&key_chars(w.iter().copied())) {
            return Some(id);
        }
        let mut pre = [0usize; 12];
        let np = prefix_lengths(w, &mut pre);
        let mut best: Option<(usize, u16)> = None;
        for s in std::iter::once(0).chain(
            AR_SUFFIXES
                .iter()
                .filter(|s| {
                    s.len() < w.len() && s.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
                })
                .map(|s| s.len()),
        ) {
            for &p in std::iter::once(&0).chain(&pre[..np]) {
                let cost = p + s;
                // Something stripped, at least three letters left.
                if cost == 0 || cost + 3 > w.len() || best.is_some_and(|(c, _)| c <= cost) {
                    continue;
                }
                let stem = &w[p..w.len() - s];
                if let Some(&id) = self.arabic.get(&key_chars(stem.iter().copied())) {
                    best = Some((cost, id));
                }
            }
        }
        best.map(|(_, id)| id)
    }
}

/// Light English suffix stripping, applied alike to the table and to the
/// texts: at most one inflectional or derivational ending is removed
/// (`-ies/-ied → y`, `-ments`, `-ings`, `-ions`, `-ives`, `-ed`, `-es`,
/// `-s`, `-able`, `-ible`), or, when none is, a final `e`; at least three
/// letters are kept.
pub(crate) fn stem_en(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    for (suf, rep) in [("ies", "y"), ("ied", "y")] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.len() >= 3 {
                return Cow::Owned(format!("{s}{rep}"));
            }
        }
    }
    const ENDINGS: &[&str] = &[
        "ments", "ment", "ings", "ing", "ions", "ion", "ives", "ive", "able", "ible", "ed", "es",
    ];
    for suf in ENDINGS {
        if suf.starts_with("ment") && (w.ends_with("gment") || w.ends_with("gement")) {
            // "judgment" is not "judge".
            continue;
        }
        if let Some(s) = w.strip_suffix(suf) {
            if s.len() >= 3 {
                return Cow::Borrowed(s);
            }
        }
    }
    if let Some(s) = w.strip_suffix('s') {
        if s.len() >= 3 && !s.ends_with('s') && !s.ends_with('u') && !s.ends_with('i') {
            return Cow::Borrowed(s);
        }
    }
    if let Some(s) = w.strip_suffix('e') {
        if s.len() >= 3 {
            return Cow::Borrowed(s);
        }
    }
    Cow::Borrowed(w)
}
