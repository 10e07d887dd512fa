//! The lexicon's fast reader of a text: folded characters in, the concepts
//! of the completed words out ([`Words`]), each distinct word stripped of
//! its affixes once per document ([`WordMap`], kept in a [`Scratch`]).
//!
//! In: the bytes of a text, fed by [`Lexicon::concepts`](super::Lexicon).
//! Out: the concepts of its words, added to a [`ConceptSet`].

use std::sync::OnceLock;

use super::forms::{key, key_chars, key_step, stem_en, Lexicon, KEY_SEED};
use super::set::ConceptSet;
use crate::normalize::{fold, is_arabic_letter, normalize_into, Normalized};

/// A character after [`fold`], as [`Words::feed`] tells it apart.
#[derive(Clone, Copy)]
pub(super) enum Folded {
    /// Dropped by folding.
    Drop,
    /// An Arabic letter.
    Arabic(char),
    /// An ASCII letter.
    Latin(char),
    /// Anything else (ends a word).
    Other,
}

/// [`fold`] of every character of the Arabic block (U+0600–U+06FF), by
/// code point − U+0600.
pub(super) fn arabic_block_fold() -> &'static [Folded; 256] {
    static TABLE: OnceLock<[Folded; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|k| {
            match fold(char::from_u32(0x0600 + k as u32).expect("Arabic block")) {
                None => Folded::Drop,
                Some(d) if d.is_ascii_alphabetic() => Folded::Latin(d),
                Some(d) if is_arabic_letter(d) => Folded::Arabic(d),
                Some(_) => Folded::Other,
            }
        })
    })
}

/// Whether [`Lexicon::concepts`] reads `c` as it reads a space: it ends the
/// word being read (Arabic or Latin) and starts none. Then the concepts of
/// a text in which every character that is no word character
/// ([`crate::normalize::is_word_char`]) is one of these are those of its
/// runs of word characters, each read alone.
///
/// Characters that fold away (diacritics, bidi marks) or fold to letters
/// (compatibility forms) are not: a word may run on across them.
pub(crate) fn ends_words(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_alphabetic();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return matches!(arabic_block_fold()[c as usize - 0x600], Folded::Other);
    }
    // As `Words::feed_compat` reads it.
    let mut buf = Normalized::default();
    normalize_into(c.encode_utf8(&mut [0u8; 4]), &mut buf);
    let s = buf.as_str();
    !s.is_empty()
        && s.chars()
            .all(|d| !d.is_ascii_alphabetic() && !is_arabic_letter(d))
}

/// The word reader of [`Lexicon::concepts`]: folded characters in, concepts
/// of the completed words out.
pub(super) struct Words<'a> {
    lex: &'a Lexicon,
    /// The Arabic word being read, letter by letter (longer words are not
    /// looked up), and its length.
    ar: [char; 24],
    na: usize,
    /// [`key_chars`] of the letters kept in `ar`, built as they come.
    ha: u64,
    /// The Latin word being read, lower-cased (up to 25 letters kept), and
    /// its length.
    latin: [u8; 25],
    nl: usize,
    /// [`key`] of the letters kept in `latin`, built as they come.
    hl: u64,
    seen_ar: &'a mut WordMap,
    seen_en: &'a mut WordMap,
}

/// The concept of every word already looked up, by its key: a table of
/// keys and a table of answers, probed linearly from the slot the key's
/// top bits give, at most half full. A lookup that finds its word reads a
/// slot or two of `keys`; a general map reads its control bytes first and
/// then the slot, two loads one after the other, for every word of a text.
#[derive(Default)]
pub(super) struct WordMap {
    /// Per slot, a key, or 0 when empty (the key 0 is kept in `zero`).
    keys: Vec<u64>,
    /// Per slot, the concept of the word with that key.
    found: Vec<Option<u16>>,
    /// Number of keys in `keys`.
    len: usize,
    /// 64 − log2 of the number of slots.
    shift: u32,
    /// The concept of the word whose key is 0, once looked up.
    zero: Option<Option<u16>>,
}

impl WordMap {
    /// The concept of the word with key `key`, from `find` the first time.
    #[inline(always)]
    pub(super) fn get_or_find(
        &mut self,
        key: u64,
        find: impl FnOnce() -> Option<u16>,
    ) -> Option<u16> {
        if key == 0 {
            return *self.zero.get_or_insert_with(find);
        }
        if self.keys.is_empty() {
            self.resize(1024);
        }
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.keys[i] {
                k if k == key => return self.found[i],
                0 => break,
                _ => i = (i + 1) & mask,
            }
        }
        let found = find();
        self.keys[i] = key;
        self.found[i] = found;
        self.len += 1;
        if 2 * self.len > self.keys.len() {
            self.resize(2 * self.keys.len());
        }
        found
    }

    /// The first slot to probe for `key`.
    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Moves the keys into `slots` slots (a power of two).
    #[cold]
    fn resize(&mut self, slots: usize) {
        let keys = std::mem::replace(&mut self.keys, vec![0; slots]);
        let found = std::mem::replace(&mut self.found, vec![None; slots]);
        self.shift = 64 - slots.trailing_zeros();
        let mask = slots - 1;
        for (key, f) in keys.into_iter().zip(found).filter(|&(k, _)| k != 0) {
            let mut i = self.slot(key);
            while self.keys[i] != 0 {
                i = (i + 1) & mask;
            }
            self.keys[i] = key;
            self.found[i] = f;
        }
    }
}

/// Scratch space of [`Lexicon::concepts`]: a buffer, and the concept of
/// every word already looked up (by the key of the word as written, folded
/// and lower-cased), so that the vocabulary of a document — a few thousand
/// words, used again and again — is stripped of its affixes once.
#[derive(Default)]
pub(crate) struct Scratch {
    norm: Normalized,
    seen_ar: WordMap,
    seen_en: WordMap,
}

impl<'a> Words<'a> {
    /// A reader with no word begun, and the normalization buffer of
    /// `scratch`.
    pub(super) fn new(
        lex: &'a Lexicon,
        scratch: &'a mut Scratch,
    ) -> (Words<'a>, &'a mut Normalized) {
        let Scratch {
            norm,
            seen_ar,
            seen_en,
        } = scratch;
        let reader = Words {
            lex,
            ar: ['\0'; 24],
            na: 0,
            ha: KEY_SEED,
            latin: [0; 25],
            nl: 0,
            hl: KEY_SEED,
            seen_ar,
            seen_en,
        };
        (reader, norm)
    }
}

impl Words<'_> {
    #[inline]
    fn feed(&mut self, c: char, out: &mut ConceptSet) {
        if c.is_ascii_alphabetic() {
            self.feed_latin(c, out);
        } else if is_arabic_letter(c) {
            self.feed_arabic(c, out);
        } else {
            self.feed_other(out);
        }
    }

    /// A character outside ASCII and the Arabic block: its compatibility
    /// form, normalized alone (with `buf`), fed a character at a time.
    #[inline(never)]
    pub(super) fn feed_compat(&mut self, c: char, buf: &mut Normalized, out: &mut ConceptSet) {
        let mut tmp = [0u8; 4];
        normalize_into(c.encode_utf8(&mut tmp), buf);
        for d in buf.as_str().chars() {
            self.feed(d, out);
        }
    }

    /// An ASCII letter.
    #[inline(always)]
    pub(super) fn feed_latin(&mut self, c: char, out: &mut ConceptSet) {
        self.end_arabic(out);
        if self.nl <= 24 {
            let l = c.to_ascii_lowercase();
            self.latin[self.nl] = l as u8;
            self.hl = key_step(self.hl, l);
        }
        self.nl += 1;
    }

    /// A run of ASCII letters: [`feed_latin`](Self::feed_latin) of each.
    #[inline(always)]
    pub(super) fn latin_run(&mut self, run: &[u8], out: &mut ConceptSet) {
        self.end_arabic(out);
        let (mut nl, mut hl) = (self.nl, self.hl);
        // Letters past the 25th are counted, not kept.
        // (`nl` may already be past 25 when a long word goes on after a
        // character the reader skips, such as a soft hyphen.)
        let from = nl.min(25);
        let keep = run.len().min(25 - from);
        for (slot, &x) in self.latin[from..from + keep].iter_mut().zip(run) {
            let l = x.to_ascii_lowercase();
            *slot = l;
            hl = key_step(hl, l as char);
        }
        nl += run.len();
        (self.nl, self.hl) = (nl, hl);
    }

    /// An Arabic letter.
    #[inline(always)]
    pub(super) fn feed_arabic(&mut self, c: char, out: &mut ConceptSet) {
        self.end_latin(out);
        if self.na < self.ar.len() {
            self.ar[self.na] = c;
            self.ha = key_step(self.ha, c);
        }
        self.na += 1;
    }

    /// The run of Arabic-block characters of `b` from `k` (an Arabic
    /// letter) that are Arabic letters or fold away:
    /// [`feed_arabic`](Self::feed_arabic) of each letter. Returns the end of
    /// the run.
    #[inline(always)]
    pub(super) fn arabic_run(
        &mut self,
        b: &[u8],
        mut k: usize,
        table: &[Folded; 256],
        out: &mut ConceptSet,
    ) -> usize {
        self.end_latin(out);
        let (mut na, mut ha) = (self.na, self.ha);
        while k < b.len() && b[k] & 0xFC == 0xD8 {
            // A valid str: the continuation byte follows.
            let u = ((b[k] as usize) & 3) << 6 | (b[k + 1] as usize & 0x3F);
            match table[u] {
                Folded::Arabic(c) => {
                    if na < self.ar.len() {
                        self.ar[na] = c;
                        ha = key_step(ha, c);
                    }
                    na += 1;
                }
                Folded::Drop => {}
                Folded::Latin(_) | Folded::Other => break,
            }
            k += 2;
        }
        (self.na, self.ha) = (na, ha);
        k
    }

    /// Neither.
    #[inline(always)]
    pub(super) fn feed_other(&mut self, out: &mut ConceptSet) {
        self.end_arabic(out);
        self.end_latin(out);
    }

    #[inline(always)]
    fn end_arabic(&mut self, out: &mut ConceptSet) {
        if self.na > 0 {
            self.flush_arabic(out);
        }
    }

    #[inline(never)]
    fn flush_arabic(&mut self, out: &mut ConceptSet) {
        if self.na <= self.ar.len() {
            let w = &self.ar[..self.na];
            debug_assert_eq!(self.ha, key_chars(w.iter().copied()));
            let lex = self.lex;
            let found = self.seen_ar.get_or_find(self.ha, || lex.arabic_word(w));
            if let Some(id) = found {
                out.insert(id);
            }
        }
        self.na = 0;
        self.ha = KEY_SEED;
    }

    #[inline(always)]
    fn end_latin(&mut self, out: &mut ConceptSet) {
        if self.nl > 0 {
            self.flush_latin(out);
        }
    }

    #[inline(never)]
    fn flush_latin(&mut self, out: &mut ConceptSet) {
        if (3..=24).contains(&self.nl) {
            let lex = self.lex;
            // ASCII letters.
            let latin = || std::str::from_utf8(&self.latin[..self.nl]).unwrap_or_default();
            debug_assert_eq!(self.hl, key(latin()));
            let found = self.seen_en.get_or_find(self.hl, || {
                lex.english.get(&key(&stem_en(latin()))).copied()
            });
            if let Some(id) = found {
                out.insert(id);
            }
        }
        self.nl = 0;
        self.hl = KEY_SEED;
    }

    pub(super) fn end(&mut self, out: &mut ConceptSet) {
        self.end_arabic(out);
        self.end_latin(out);
    }
}
