//! The matching view of a text.
//!
//! In: a string as written. Out: a [`Normalized`] string in which the
//! differences that do not matter for recognising headings and comparing
//! numbers are folded away, with a map from every byte back to the original.
//!
//! What is folded:
//! - NFKC compatibility forms, so Arabic presentation forms (`ﻣﺎﺩﺓ`) become
//!   ordinary letters and full-width digits become ASCII;
//! - tatweel (`ـ`), Arabic diacritics and Quranic marks are removed;
//! - bidi controls, zero-width characters and the BOM are removed;
//! - CRLF and lone CR become LF; non-breaking and other Unicode spaces and
//!   tabs become a plain space;
//! - Arabic-Indic (`٠–٩`) and Extended Arabic-Indic (`۰–۹`) digits become
//!   ASCII digits;
//! - Arabic letters are folded for matching: `أ إ آ ٱ → ا`, `ى ی → ي`,
//!   `ة → ه`, `ک → ك`.
//!
//! The original text is never changed: the parser keeps byte spans into it.
//!
//! Which characters are marks, spaces, Arabic letters or word characters is
//! said once, in `classes.rs`; the parser and the number readers ask there
//! too. The byte tables of the fast paths, built from those classes, and
//! the view of a plain text without a map are in `tables.rs`.
//!
//! ```
//! use lexalign::normalize::normalize;
//! let n = normalize("\u{feff}المــادة (٥)\r\n");
//! assert_eq!(n.as_str(), "الماده (5)\n");
//! // Byte 0 of the view ("ا") comes from byte 3 of the input (after the BOM).
//! assert_eq!(n.original_offset(0), 3);
//! ```

mod classes;
mod tables;

pub use classes::is_arabic_letter;
pub(crate) use classes::{
    arabic_digit_value, fold_letter, is_arabic_block_letter, is_counted_arabic_letter, is_dropped,
    is_invisible_on_line, is_word_char, is_word_mark,
};
pub(crate) use tables::normalize_plain;

use classes::{fold_char, Fold};
use tables::{arabic_index, is_plain_ascii, ARABIC_FOLDS, STABLE_ARABIC};
use unicode_normalization::UnicodeNormalization;

/// A normalized view of a text with a map back to the original bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// The view in runs, in order: a run copied unchanged maps byte for
    /// byte; any other run (one changed character) maps all its bytes to
    /// the start of the original character. One entry per run, not per
    /// byte: most of a line is copied as it is.
    runs: Vec<Run>,
    /// Length of the original text.
    len: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Run {
    view: usize,
    orig: usize,
    copied: bool,
}

impl Normalized {
    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte offset that view byte `i` comes from. For
    /// `i == len`, the original length.
    ///
    /// # Panics
    /// Panics if `i` is greater than the length of the view.
    pub fn original_offset(&self, i: usize) -> usize {
        assert!(i <= self.text.len(), "view offset {i} out of range");
        if i == self.text.len() {
            return self.len;
        }
        let k = self.runs.partition_point(|r| r.view <= i) - 1;
        let r = self.runs[k];
        if r.copied {
            r.orig + (i - r.view)
        } else {
            r.orig
        }
    }

    /// Maps a byte range of the view to the original range it covers.
    pub fn original_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let s = self.original_offset(start);
        let e = if end > start {
            // End of the original char that produced the last view byte.
            self.original_offset(end).max(self.original_offset(end - 1))
        } else {
            s
        };
        s..e.max(s)
    }
}

/// Normalizes `text` into its matching view. See the [module docs](self).
pub fn normalize(text: &str) -> Normalized {
    let mut n = Normalized {
        text: String::with_capacity(text.len()),
        runs: Vec::new(),
        len: 0,
    };
    normalize_into(text, &mut n);
    n
}

/// Normalizes `text` into `out`, reusing its buffers (clears it first).
pub fn normalize_into(text: &str, out: &mut Normalized) {
    out.text.clear();
    out.runs.clear();
    out.len = text.len();
    // Characters that stay as they are are copied a run at a time; only the
    // ones that change go through `push`. The scan for them works on bytes:
    // ASCII and the two-byte Arabic letters are classified by their bytes.
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if is_plain_ascii(b) {
            i += 1;
            continue;
        }
        if b == 0xD8 || b == 0xD9 {
            let k = arabic_index(bytes, i);
            if STABLE_ARABIC[k] {
                i += 2;
                continue;
            }
            // What `fold_char` makes of it, looked up.
            match ARABIC_FOLDS[k] {
                Fold::Keep(v) => {
                    flush(out, text, run, i);
                    push(out, v, i);
                    run = i + 2;
                    i += 2;
                    continue;
                }
                Fold::Drop => {
                    flush(out, text, run, i);
                    run = i + 2;
                    i += 2;
                    continue;
                }
                Fold::Compat => {}
            }
        }
        let c = text[i..].chars().next().unwrap_or('\0');
        flush(out, text, run, i);
        run = i + c.len_utf8();
        if c == '\r' {
            i += 1;
            if bytes.get(i) == Some(&b'\n') {
                continue;
            }
            push(out, '\n', i - 1);
            continue;
        }
        match fold_char(c) {
            Fold::Keep(c) => push(out, c, i),
            Fold::Drop => {}
            Fold::Compat => {
                for d in std::iter::once(c).nfkc() {
                    match fold_char(d) {
                        Fold::Keep(d) => push(out, d, i),
                        Fold::Drop => {}
                        // Already in compatibility normal form: kept as is.
                        Fold::Compat => push(out, d, i),
                    }
                }
            }
        }
        i = run;
    }
    flush(out, text, run, text.len());
}

/// Copies `text[from..to]` unchanged into the view.
#[inline]
fn flush(out: &mut Normalized, text: &str, from: usize, to: usize) {
    if to > from {
        out.runs.push(Run {
            view: out.text.len(),
            orig: from,
            copied: true,
        });
        out.text.push_str(&text[from..to]);
    }
}

/// Writes `c`, which comes from the character at `orig`, into the view.
fn push(out: &mut Normalized, c: char, orig: usize) {
    out.runs.push(Run {
        view: out.text.len(),
        orig,
        copied: false,
    });
    out.text.push(c);
}

/// Folds one character for matching, as [`normalize`] does; `None` when the
/// character is dropped. Compatibility forms are returned unchanged (use
/// [`normalize`] for those).
///
/// ```
/// use lexalign::normalize::fold;
/// assert_eq!(fold('إ'), Some('ا'));
/// assert_eq!(fold('٣'), Some('3'));
/// assert_eq!(fold('\u{0640}'), None);
/// ```
pub fn fold(c: char) -> Option<char> {
    match fold_char(c) {
        Fold::Keep(c) => Some(c),
        Fold::Drop => None,
        Fold::Compat => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        input: &'static str,
        expected: &'static str,
    }

    macro_rules! case {
        ($name:expr, $input:expr, $expected:expr) => {
            Case {
                name: $name,
                input: $input,
                expected: $expected,
            }
        };
    }

    #[test]
    fn table() {
        let cases = [
            case!("tatweel", "قــــررت", "قررت"),
            case!("diacritics", "مَادَّةٌ", "ماده"),
            case!("indic digits", "مادة (١٤)", "ماده (14)"),
            case!("extended digits", "۱۲۳", "123"),
            case!("bidi", "\u{200f}مادة\u{202b} 5\u{202c}", "ماده 5"),
            case!("bom", "\u{feff}Article 1", "Article 1"),
            case!("crlf", "a\r\nb\rc", "a\nb\nc"),
            case!("nbsp", "Article\u{a0}5", "Article 5"),
            case!("alef forms", "أإآٱ", "اااا"),
            case!(
                "presentation forms",
                "\u{FEE3}\u{FE8E}\u{FEA9}\u{FE93}",
                "ماده"
            ),
            case!("lam-alef ligature", "\u{FEFB}", "لا"),
            case!("fullwidth", "Ａｒｔ．５", "Art.5"),
            case!("persian kaf", "أحکام", "احكام"),
            case!("alef maqsura", "على", "علي"),
            case!("other scripts kept", "Жa😀שלום", "Жa😀שלום"),
        ];
        for c in cases {
            assert_eq!(normalize(c.input).as_str(), c.expected, "case {}", c.name);
        }
    }

    #[test]
    fn map_points_back() {
        let input = "\u{feff}مــادة (٥)\r\n";
        let n = normalize(input);
        let view = n.as_str();
        let five = view.find('5').unwrap();
        let r = n.original_range(five, five + 1);
        assert_eq!(&input[r], "٥");
        assert_eq!(n.original_offset(view.len()), input.len());
        let r = n.original_range(0, view.len());
        assert!(input[r].starts_with("مــادة"));
    }

    proptest::proptest! {
        /// The map back to the original is monotonic, in bounds and lands
        /// on character boundaries, for any text.
        #[test]
        fn map_is_monotonic_and_on_boundaries(text in "(\\PC|[\u{feff}\u{200f}\u{0640}\u{064b}\r\t\u{a0}أإآىة٣۴\u{FEE3}\u{FDFA}])*") {
            let n = normalize(&text);
            let mut prev = 0;
            for i in 0..=n.as_str().len() {
                if !n.as_str().is_char_boundary(i) {
                    continue;
                }
                let o = n.original_offset(i);
                proptest::prop_assert!(o >= prev && o <= text.len());
                proptest::prop_assert!(text.is_char_boundary(o));
                prev = o;
            }
            proptest::prop_assert_eq!(n.original_offset(n.as_str().len()), text.len());
        }
    }

    #[test]
    fn idempotent_on_view() {
        let input = "ﻣﺎﺩﺓ (٥) مكرر\u{200f} — قــررت، Article\u{a0}Ⅳ";
        let once = normalize(input);
        let twice = normalize(once.as_str());
        assert_eq!(once.as_str(), twice.as_str());
    }
}
