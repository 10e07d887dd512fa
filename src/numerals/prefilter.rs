//! The cheap first looks of the number readers: necessary conditions for a
//! word to be a number word (its length and first two letters, the letters
//! it may hold), tested before the word tables are consulted.
//!
//! In: a word or the start of one, as bytes or `&str`. Out: `false` (or
//! `Err`) when the word cannot be a number word; `true` says nothing. The
//! filters are built at compile time from the word tables of the parent
//! module, so they can never reject a word the tables know; the tests
//! check that too.

use super::{
    ar_lookup_article, ar_word, char_at, en_lookup, EnTok, AR_WORDS, EN_WORDS, EN_WORD_MAX,
    HUNDRED, HUNDRED_STEMS,
};
use crate::normalize::{fold_letter, is_arabic_block_letter, is_word_mark};

/// A cheap necessary condition for a word to be a number word: its length in
/// bytes and its first two letters (as letter indices below 64).
struct Prefilter {
    min_len: usize,
    max_len: usize,
    /// Bit `b` of `pairs[a]`: some word starts with letters `a`, `b`.
    pairs: [u64; 64],
}

impl Prefilter {
    const EMPTY: Prefilter = Prefilter {
        min_len: usize::MAX,
        max_len: 0,
        pairs: [0; 64],
    };

    /// Adds a word of `len` bytes starting with the letters `pair`.
    const fn add(mut self, pair: Option<(usize, usize)>, len: usize) -> Self {
        let Some((a, b)) = pair else {
            panic!("a number word must start with two letters")
        };
        assert!(a < 64 && b < 64, "a letter index must be below 64");
        self.pairs[a] |= 1 << b;
        if len < self.min_len {
            self.min_len = len;
        }
        if len > self.max_len {
            self.max_len = len;
        }
        self
    }

    /// Whether a word may start with the letters at indices `a`, `b`.
    #[inline]
    fn admits_pair(&self, (a, b): (usize, usize)) -> bool {
        a < 64 && b < 64 && self.pairs[a] >> b & 1 != 0
    }
}

/// Indices of the first two letters of a folded Arabic word (U+0621–U+064A,
/// two bytes each in UTF-8): code point − U+0620.
const fn ar_pair(w: &[u8]) -> Option<(usize, usize)> {
    if w.len() < 4 {
        return None;
    }
    Some((ar_index(w[0], w[1]), ar_index(w[2], w[3])))
}

/// Code point − U+0620 of a two-byte UTF-8 character (large for others).
const fn ar_index(hi: u8, lo: u8) -> usize {
    (((hi as usize) & 0x1F) << 6 | ((lo as usize) & 0x3F)).wrapping_sub(0x620)
}

/// Indices of the first two letters of a lower-case English word.
const fn en_pair(w: &[u8]) -> Option<(usize, usize)> {
    if w.len() < 2 {
        return None;
    }
    Some((
        w[0].wrapping_sub(b'a') as usize,
        w[1].wrapping_sub(b'a') as usize,
    ))
}

/// Admits every word [`ar_lookup`](super::ar_lookup) may accept: [`AR_WORDS`](super::AR_WORDS) and hundred
/// stems joined to each spelling of "hundred".
const AR_FILTER: Prefilter = {
    let mut f = Prefilter::EMPTY;
    let mut k = 0;
    while k < AR_WORDS.len() {
        let w = AR_WORDS[k].as_bytes();
        f = f.add(ar_pair(w), w.len());
        k += 1;
    }
    let mut h = 0;
    while h < HUNDRED.len() {
        let suffix = HUNDRED[h].as_bytes();
        let mut k = 0;
        while k < HUNDRED_STEMS.len() {
            let stem = HUNDRED_STEMS[k].as_bytes();
            // The joined word starts with the stem's letters, or with the
            // suffix's when the stem is empty.
            let first = if stem.is_empty() { suffix } else { stem };
            f = f.add(ar_pair(first), stem.len() + suffix.len());
            k += 1;
        }
        h += 1;
    }
    f
};

/// The letters (bit `code point − U+0620`) of every word [`ar_lookup`](super::ar_lookup) may
/// accept ([`AR_WORDS`](super::AR_WORDS), hundred stems, the spellings of "hundred"), of the
/// article ال and of the glued و/ب: all the letters of a word with which a
/// number phrase may start.
const NUMBER_LETTERS: u64 = {
    const fn letters(mut mask: u64, words: &[&str]) -> u64 {
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            let mut i = 0;
            while i + 1 < w.len() {
                let l = ar_index(w[i], w[i + 1]);
                assert!(l < 64, "a number word is made of basic Arabic letters");
                mask |= 1 << l;
                i += 2;
            }
            k += 1;
        }
        mask
    }
    let mask = letters(0, AR_WORDS);
    let mask = letters(mask, HUNDRED_STEMS);
    let mask = letters(mask, &HUNDRED);
    letters(mask, &["ال", "و", "ب"])
};

/// Whether no word holding the character `c` may start a number phrase:
/// `c` folds to an Arabic letter that no number word, article or glued
/// و/ب has (see [`NUMBER_LETTERS`]). Then [`may_start_phrase`] is false for
/// every word holding it.
pub(crate) fn never_in_number_word(c: char) -> bool {
    // Skipped marks (tatweel among them) are no letters of the word.
    let f = fold_letter(c);
    !is_word_mark(c) && is_arabic_block_letter(f) && NUMBER_LETTERS >> (f as u32 - 0x620) & 1 == 0
}

/// Whether the folded Arabic word `w` (no article or conjunction) may be a
/// number word; a necessary condition for [`ar_lookup`](super::ar_lookup).
#[inline]
pub(super) fn ar_may_be_number(w: &[u8]) -> bool {
    (AR_FILTER.min_len..=AR_FILTER.max_len).contains(&w.len())
        && ar_pair(w).is_some_and(|p| AR_FILTER.admits_pair(p))
}

/// The same, for a word that may also carry the article ال.
#[inline]
pub(super) fn ar_may_be_number_article(w: &[u8]) -> bool {
    ar_may_be_number(w)
        || w.strip_prefix("ال".as_bytes())
            .is_some_and(ar_may_be_number)
}

/// Admits every word of [`EN_WORDS`](super::EN_WORDS).
const EN_FILTER: Prefilter = {
    let mut f = Prefilter::EMPTY;
    let mut k = 0;
    while k < EN_WORDS.len() {
        f = f.add(en_pair(EN_WORDS[k]), EN_WORDS[k].len());
        k += 1;
    }
    f
};

/// Whether an English word may start with the letters `a`, `b` (any case);
/// a necessary condition for [`en_lookup`](super::en_lookup).
#[inline]
pub(super) fn en_may_start(a: u8, b: u8) -> bool {
    en_pair(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()])
        .is_some_and(|p| EN_FILTER.admits_pair(p))
}

/// Whether the lower-case English word `w` may be a number word; a
/// necessary condition for [`en_lookup`](super::en_lookup).
#[inline]
pub(super) fn en_may_be_number(w: &[u8]) -> bool {
    (EN_FILTER.min_len..=EN_FILTER.max_len).contains(&w.len())
        && en_pair(w).is_some_and(|p| EN_FILTER.admits_pair(p))
}

/// Whether a number phrase may start at the word `w`: a whole run of word
/// characters (as [`is_word_char`](crate::normalize::is_word_char) tells them) that a character which is
/// none ends, or the end of the text. A necessary condition for
/// [`phrase_at`](super::phrase_at) to find a phrase at the start of such a word, whatever
/// follows it: the phrase's first number word is the whole word (ASCII
/// letters, or Arabic letters and skipped marks, possibly after a glued
/// و/ب), and this looks that word up. It depends on the word alone, so a
/// caller may remember it per word.
pub(crate) fn may_start_phrase(w: &str) -> bool {
    let b = w.as_bytes();
    match b.first() {
        None => false,
        Some(&x) if x.is_ascii_alphabetic() => {
            // The first two letters first: they rule out most words.
            if b.len() < 2
                || !en_may_start(x, b[1])
                || b.len() > EN_WORD_MAX
                || !b.iter().all(u8::is_ascii_alphabetic)
            {
                return false;
            }
            let mut lower = [0u8; EN_WORD_MAX];
            for (d, x) in lower.iter_mut().zip(b) {
                *d = x.to_ascii_lowercase();
            }
            // "and" only joins the parts of a phrase.
            en_lookup(&lower[..b.len()]).is_some_and(|t| t != EnTok::And)
        }
        Some(x) if x.is_ascii() => false,
        Some(_) => {
            let Some((word, _)) = ar_word(w, 0) else {
                return false;
            };
            let word = word.bytes();
            let number = |w: &[u8]| {
                ar_may_be_number_article(w)
                    && std::str::from_utf8(w).is_ok_and(|w| ar_lookup_article(w).is_some())
            };
            if number(word) {
                return true;
            }
            // A glued و/ب and at least three letters after it (as
            // `phrase_at` reads them).
            let first = w.chars().next().unwrap_or_default();
            matches!(first, 'و' | 'ب')
                && word
                    .get(first.len_utf8()..)
                    .is_some_and(|rest| rest.len() >= 3 * 2 && number(rest))
        }
    }
}

/// The cheap first look of [`phrase_at`](super::phrase_at) at an Arabic word starting at `i`
/// (first character `first`): reads at most its first five letters (folded,
/// marks skipped, as [`ar_word`](super::ar_word) does) and tells whether they admit a
/// number word the way [`phrase_at`](super::phrase_at) tries it (bare or with ال, or after a
/// glued و/ب). `Err(j)` when they cannot: every character from `i` to `j`
/// belongs to the word. A necessary condition only: `Ok` says nothing.
#[inline]
pub(super) fn ar_head_may_be_number(s: &str, i: usize, first: char) -> Result<(), usize> {
    const ALEF: usize = 'ا' as usize - 0x620;
    const LAM: usize = 'ل' as usize - 0x620;
    let mut l = [0usize; 5];
    let mut k = 0;
    let mut j = i;
    while k < l.len() {
        let Some(c) = char_at(s, j) else { break };
        if is_word_mark(c) {
            j += c.len_utf8();
            continue;
        }
        let f = fold_letter(c);
        if !is_arabic_block_letter(f) {
            // The end of the word, or a character that makes it no Arabic
            // word at all: either way no number word starts here unless
            // the letters so far admit one.
            break;
        }
        l[k] = f as usize - 0x620;
        k += 1;
        j += c.len_utf8();
    }
    let pair = |o: usize| k >= o + 2 && AR_FILTER.admits_pair((l[o], l[o + 1]));
    let article =
        |o: usize| pair(o) || (k >= o + 2 && l[o] == ALEF && l[o + 1] == LAM && pair(o + 2));
    if article(0) || (matches!(first, 'و' | 'ب') && article(1)) {
        Ok(())
    } else {
        Err(j)
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::*;

    #[test]
    fn prefilters_admit_every_table_word() {
        for w in AR_WORDS {
            assert!(ar_may_be_number(w.as_bytes()), "{w}");
            assert!(ar_lookup(w).is_some(), "{w}");
            assert!(ar_lookup(&format!("ال{w}")).is_none(), "ال{w}");
        }
        for stem in HUNDRED_STEMS {
            for suffix in HUNDRED {
                let w = format!("{stem}{suffix}");
                assert!(ar_may_be_number(w.as_bytes()), "{w}");
                assert!(ar_lookup(&w).is_some(), "{w}");
            }
        }
        for w in EN_WORDS {
            assert!(en_may_start(w[0].to_ascii_uppercase(), w[1]), "{w:?}");
            assert!(en_lookup(w).is_some(), "{w:?}");
        }
        assert!(!ar_may_be_number("قانون".as_bytes()));
        assert!(!ar_may_be_number_article("الكتاب".as_bytes()));
        assert!(!en_may_start(b'T', b'o'));
    }

    #[test]
    fn words_that_may_start_a_phrase() {
        for w in [
            "Five",
            "twenty",
            "Hundred",
            "خمسه",
            "والخامسة",
            "بثلاثين",
            "ثلاثمائة",
        ] {
            assert!(may_start_phrase(w), "{w}");
        }
        for w in [
            "and",
            "And",
            "the",
            "on",
            "fives",
            "A4",
            "",
            "المادة",
            "لست",
            "خمس١",
        ] {
            assert!(!may_start_phrase(w), "{w}");
        }
    }

    #[test]
    fn letters_never_in_number_words() {
        // Every word the lookups accept, with the article and a glued و/ب.
        let mut words: Vec<String> = AR_WORDS.iter().map(|w| w.to_string()).collect();
        for stem in HUNDRED_STEMS {
            for suffix in HUNDRED {
                words.push(format!("{stem}{suffix}"));
            }
        }
        for w in words {
            for full in [w.clone(), format!("وال{w}"), format!("ب{w}")] {
                assert!(!full.chars().any(never_in_number_word), "{full}");
            }
        }
        // Raw spellings fold first; other letters rule a word out.
        assert!(!"الأولى والخامسة".chars().any(never_in_number_word));
        for c in ['ق', 'ك', 'ج', 'ف', 'ص', 'ط', 'ز', 'ذ', 'ض', 'ظ', 'غ'] {
            assert!(never_in_number_word(c), "{c}");
            assert!(!may_start_phrase(&format!("خمس{c}")), "{c}");
        }
        for c in ['ـ', 'a', '1', ' ', '\u{064B}'] {
            assert!(!never_in_number_word(c), "{c:?}");
        }
    }
}
