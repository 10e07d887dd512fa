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
//! ```
//! use lexalign::normalize::normalize;
//! let n = normalize("\u{feff}المــادة (٥)\r\n");
//! assert_eq!(n.as_str(), "الماده (5)\n");
//! // Byte 0 of the view ("ا") comes from byte 3 of the input (after the BOM).
//! assert_eq!(n.original_offset(0), 3);
//! ```

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
        if b < 0x80 {
            if b != b'\r' && b != b'\t' {
                i += 1;
                continue;
            }
        } else if b == 0xD8 || b == 0xD9 {
            let k = usize::from(((b & 1) << 6) | (bytes.get(i + 1).copied().unwrap_or(0) & 0x3F));
            if STABLE_ARABIC[k] {
                i += 2;
                continue;
            }
            // What `fold_char` makes of it, looked up.
            match arabic_folds()[k] {
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

/// What [`normalize_plain`] does with a character U+0600–U+067F (indexed by
/// its code point minus U+0600): 0 keeps it, 1 gives up (the view drops it
/// or writes it with fewer bytes), any other value is the second byte of
/// the two-byte letter it folds to (`أ إ آ ٱ → ا`, `ى → ي`, `ة → ه`).
const PLAIN_ARABIC: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let cp = 0x0600 + i as u32;
        t[i] = match cp {
            // ا is U+0627 (D8 A7), ي U+064A (D9 8A), ه U+0647 (D9 87).
            0x0622 | 0x0623 | 0x0625 | 0x0671 => 0xA7,
            0x0649 => 0x8A,
            0x0629 => 0x87,
            0x0610..=0x061A | 0x061C | 0x0640 | 0x064B..=0x065F | 0x0660..=0x0669 | 0x0670 => 1,
            _ => 0,
        };
        i += 1;
    }
    t
};

/// The matching view of a plain text, without the map: `true` when every
/// character of `text` is ASCII other than CR and tab, or in U+0600–U+067F
/// and not dropped by the view nor written shorter (Arabic-Indic digits).
/// The view then has the length of `text`, each character where the
/// original's is, so any offset of the view at a character boundary is
/// the same offset of `text`; it is written to `out` (cleared first) and
/// equals [`normalize`]`(text).as_str()`. `false` for any other text, with
/// `out` left unspecified.
pub(crate) fn normalize_plain(text: &str, out: &mut String) -> bool {
    out.clear();
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b == b'\r' || b == b'\t' {
                return false;
            }
            i += 1;
            continue;
        }
        if b != 0xD8 && b != 0xD9 {
            return false;
        }
        let c = bytes.get(i + 1).copied().unwrap_or(0);
        match PLAIN_ARABIC[usize::from(((b & 1) << 6) | (c & 0x3F))] {
            0 => {}
            1 => return false,
            second => {
                out.push_str(&text[run..i]);
                let first: u8 = if second == 0xA7 { 0xD8 } else { 0xD9 };
                let folded = u32::from(first & 0x1F) << 6 | u32::from(second & 0x3F);
                out.push(char::from_u32(folded).unwrap_or('\u{FFFD}'));
                run = i + 2;
            }
        }
        i += 2;
    }
    out.push_str(&text[run..]);
    true
}

/// [`fold_char`] of each character U+0600–U+067F (indexed by its code point
/// minus U+0600).
fn arabic_folds() -> &'static [Fold; 128] {
    static FOLDS: std::sync::OnceLock<[Fold; 128]> = std::sync::OnceLock::new();
    FOLDS.get_or_init(|| {
        std::array::from_fn(|k| match char::from_u32(0x0600 + k as u32) {
            Some(c) => fold_char(c),
            None => Fold::Compat,
        })
    })
}

/// Whether a character U+0600–U+067F (indexed by its code point minus
/// U+0600) is stable, as [`is_stable`] says.
const STABLE_ARABIC: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = match char::from_u32(0x0600 + i as u32) {
            Some(c) => is_stable(c),
            None => false,
        };
        i += 1;
    }
    t
};

/// Whether a non-ASCII character is its own matching view (most Arabic
/// letters): those are copied without looking further.
#[inline]
const fn is_stable(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
        && !matches!(c, 'أ' | 'إ' | 'آ' | 'ى' | 'ة')
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

fn push(out: &mut Normalized, c: char, orig: usize) {
    out.runs.push(Run {
        view: out.text.len(),
        orig,
        copied: false,
    });
    out.text.push(c);
}

#[derive(Clone, Copy)]
enum Fold {
    Keep(char),
    Drop,
    Compat,
}

#[inline]
fn fold_char(c: char) -> Fold {
    let u = c as u32;
    if u < 0x80 {
        return Fold::Keep(if c == '\t' { ' ' } else { c });
    }
    match c {
        '\u{0660}'..='\u{0669}' => Fold::Keep(char::from(b'0' + (u - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Fold::Keep(char::from(b'0' + (u - 0x06F0) as u8)),
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::Keep('ا'),
        'ى' | 'ی' => Fold::Keep('ي'),
        'ة' => Fold::Keep('ه'),
        'ک' => Fold::Keep('ك'),
        '\u{0640}' => Fold::Drop,
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0610}'..='\u{061A}' => Fold::Drop,
        '\u{061C}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => Fold::Drop,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Fold::Keep(' ')
        }
        '\u{0600}'..='\u{06FF}' => Fold::Keep(c),
        _ if u < 0x0300 => Fold::Keep(c),
        _ if (0x2010..=0x2027).contains(&u) => Fold::Keep(c),
        _ => Fold::Compat,
    }
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

/// Whether `c` is an Arabic letter (after folding, in the basic Arabic block).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
        && c != '\u{0640}'
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

    proptest::proptest! {
        /// A text of ASCII and Arabic letters has a plain view: the view.
        #[test]
        fn plain_view_is_the_view(text in "[a-zA-Z0-9 .:*()\u{b}ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآٱؤئ،؛؟\u{63b}\u{66a}\u{672}]{0,40}") {
            let mut plain = String::new();
            proptest::prop_assert!(normalize_plain(&text, &mut plain));
            let view = normalize(&text);
            proptest::prop_assert_eq!(plain.as_str(), view.as_str());
            proptest::prop_assert_eq!(plain.len(), text.len());
        }

        /// Any other text: a plain view, when given, is still the view.
        #[test]
        fn plain_view_or_none(text in "[a-z \t\r\nاأةى٠١ـًٰ\u{61c}\u{615}\u{a0}۴]{0,20}") {
            let mut plain = String::new();
            if normalize_plain(&text, &mut plain) {
                let view = normalize(&text);
                proptest::prop_assert_eq!(plain.as_str(), view.as_str());
                proptest::prop_assert_eq!(plain.len(), text.len());
            }
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
