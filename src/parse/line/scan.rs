//! The line scanner's byte-level fast path: where a line's visible text
//! starts and ends, and how many words, letters of each script and digits
//! it has, read from its bytes without decoding them.
//!
//! In: the raw bytes of one line. Out: offsets and counts written into a
//! [`Line`]. The classes of characters come from
//! [`crate::normalize`]; the tests check the byte-level tables against
//! them for every code point, and the branch-free counter against the
//! counter that goes one character at a time.

use super::Line;
use crate::normalize;

/// What a raw byte sequence is to the line scanner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A space of any kind.
    Space,
    /// Dropped by the matching view (tatweel, diacritics, bidi and
    /// zero-width marks, BOM, soft hyphen): as if absent.
    Absent,
    ArabicLetter,
    Digit,
    /// Anything else visible.
    Other,
}

/// Classifies the character starting at `bytes[k]`; returns its class and
/// length. Works on bytes: ASCII, the Arabic block, the spaces and marks
/// the matching view folds, and Arabic presentation forms; everything else
/// is a visible character.
#[inline]
fn classify(bytes: &[u8], k: usize) -> (Class, usize) {
    let b = bytes[k];
    let at = |i: usize| bytes.get(k + i).copied().unwrap_or(0);
    if b < 0x80 {
        let class = match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Class::Space,
            b'0'..=b'9' => Class::Digit,
            _ => Class::Other,
        };
        return (class, 1);
    }
    let len = match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let class = match (b, at(1), at(2)) {
        (0xD8 | 0xD9, c, _) => ARABIC_CLASS[usize::from(((b & 1) << 6) | (c & 0x3F))],
        (0xDA | 0xDB, c, _) => {
            let cp = ((b as u32 & 0x1F) << 6) | (c as u32 & 0x3F);
            arabic_class(char::from_u32(cp).unwrap_or(' '))
        }
        (0xC2, 0xA0 | 0x85, _) => Class::Space,
        (0xC2, 0xAD, _) => Class::Absent,
        (0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => Class::Space,
        (0xE2, 0x80, 0x8B..=0x8F | 0xAA..=0xAE) => Class::Absent,
        (0xE2, 0x81, 0x9F) => Class::Space,
        (0xE2, 0x81, 0xA0..=0xA4 | 0xA6..=0xA9) => Class::Absent,
        (0xE3, 0x80, 0x80) | (0xE1, 0x9A, 0x80) => Class::Space,
        (0xEF, 0xBB, 0xBF) => Class::Absent,
        // Presentation forms A (U+FB50–U+FDFF) and B (U+FE70–U+FEFC).
        (0xEF, 0xAD..=0xB7, _) => Class::ArabicLetter,
        (0xEF, 0xB9, 0xB0..=0xBF) | (0xEF, 0xBA, _) | (0xEF, 0xBB, 0x80..=0xBC) => {
            Class::ArabicLetter
        }
        _ => Class::Other,
    };
    (class, len)
}

/// What a byte starting a character is to the counting loop.
const B_SPACE: u8 = 0;
const B_LOWER: u8 = 1;
const B_UPPER: u8 = 2;
const B_DIGIT: u8 = 3;
/// Any other ASCII character: visible.
const B_OTHER: u8 = 4;
/// The lead byte of a character in U+0600–U+067F.
const B_ARABIC: u8 = 5;
/// Anything else: `classify` decides.
const B_SLOW: u8 = 6;

const BYTE_CLASS: [u8; 256] = {
    let mut t = [B_SLOW; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => B_SPACE,
            b'a'..=b'z' => B_LOWER,
            b'A'..=b'Z' => B_UPPER,
            b'0'..=b'9' => B_DIGIT,
            _ => B_OTHER,
        };
        b += 1;
    }
    t[0xD8] = B_ARABIC;
    t[0xD9] = B_ARABIC;
    t
};

/// The class `classify` gives a character U+0600–U+067F, indexed by its
/// code point minus U+0600.
const ARABIC_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut i = 0;
    while i < 128 {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            t[i] = arabic_class(c);
        }
        i += 1;
    }
    t
};

/// The class `classify` gives a character of the Arabic block (U+0600–U+06FF),
/// from the character classes of [`crate::normalize`].
const fn arabic_class(c: char) -> Class {
    if normalize::is_invisible_on_line(c) {
        Class::Absent
    } else if normalize::arabic_digit_value(c).is_some() {
        Class::Digit
    } else if normalize::is_counted_arabic_letter(c) {
        Class::ArabicLetter
    } else {
        Class::Other
    }
}

/// [`count`] for the common line of ASCII and Arabic (U+0600–U+067F)
/// characters: every character but the ASCII spaces and the marks
/// `classify` calls absent (tatweel, diacritics) is visible, and when no
/// mark follows a space, a word starts at each character after a space.
/// Each count is then a sum over bytes that needs no state (and
/// vectorizes). Returns `false`, counting nothing, for any other line.
fn count_plain(bytes: &[u8], line: &mut Line) -> bool {
    // Written with `&` and `|` on booleans and ranges as one wrapping
    // comparison, and summed in bytes over chunks of at most 255 pairs, so
    // the loop has no branches and runs 16 bytes at a time.
    let Some(&first) = bytes.first() else {
        return true;
    };
    let mut words = 1u32;
    let mut latin = u32::from(within(first | 0x20, b'a', b'z'));
    let mut capitalised = u32::from(within(first, b'A', b'Z'));
    let mut arabic = 0u32;
    let mut digits = u8::from(within(first, b'0', b'9'));
    // Lead bytes of characters outside ASCII and U+0600–U+067F.
    let mut foreign = u8::from((first >= 0xC0) & (first != 0xD8) & (first != 0xD9));
    let mut marks = 0u8;
    let prev = &bytes[..bytes.len() - 1];
    let next = &bytes[1..];
    for (ps, bs) in prev.chunks(255).zip(next.chunks(255)) {
        let (mut w, mut l, mut c, mut a) = (0u8, 0u8, 0u8, 0u8);
        for (&p, &b) in ps.iter().zip(bs) {
            let after_space = is_space(p);
            let d9 = p == 0xD9;
            w = w.wrapping_add(u8::from(after_space & ((b & 0xC0) != 0x80) & !is_space(b)));
            l = l.wrapping_add(u8::from(within(b | 0x20, b'a', b'z')));
            c = c.wrapping_add(u8::from(after_space & within(b, b'A', b'Z')));
            a = a.wrapping_add(u8::from(
                ((p == 0xD8) & within(b, 0xA1, 0xBA)) | (d9 & within(b, 0x81, 0x8A)),
            ));
            digits |= u8::from(within(b, b'0', b'9') | (d9 & within(b, 0xA0, 0xA9)));
            foreign |= u8::from((b >= 0xC0) & (b != 0xD8) & (b != 0xD9));
            marks |= u8::from(is_mark(p, b));
        }
        words += u32::from(w);
        latin += u32::from(l);
        capitalised += u32::from(c);
        arabic += u32::from(a);
        if foreign != 0 {
            return false;
        }
    }
    // A mark inside a word changes nothing above: it is neither a letter
    // nor a word start, and the character after it follows no space. A
    // mark right after a space would move the word's start past it.
    if marks != 0 {
        let n = bytes.len();
        let mut after_space = 0u8;
        for ((&before, &p), &b) in bytes[..n - 2].iter().zip(&bytes[1..n - 1]).zip(&bytes[2..]) {
            after_space |= u8::from(is_space(before) & is_mark(p, b));
        }
        if after_space != 0 {
            return false;
        }
    }
    line.words = words;
    line.arabic = arabic;
    line.latin = latin;
    line.capitalised = capitalised;
    line.has_digit = digits != 0;
    true
}

#[inline(always)]
fn is_space(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

#[inline(always)]
fn within(b: u8, lo: u8, hi: u8) -> bool {
    b.wrapping_sub(lo) <= hi - lo
}

/// Whether bytes `p`, `b` are a mark `classify` calls absent (tatweel,
/// diacritics, Quranic marks in U+0610–U+061C).
#[inline(always)]
fn is_mark(p: u8, b: u8) -> bool {
    ((p == 0xD8) & (within(b, 0x90, 0x9A) | (b == 0x9C)))
        | ((p == 0xD9) & ((b == 0x80) | within(b, 0x8B, 0x9F)))
}

/// Where the first visible character of a line starts.
pub(super) fn first_visible(bytes: &[u8]) -> Option<usize> {
    let mut k = 0;
    while k < bytes.len() {
        let (class, len) = classify(bytes, k);
        if !matches!(class, Class::Space | Class::Absent) {
            return Some(k);
        }
        k += len;
    }
    None
}

/// The end of the last visible character of a line whose first visible
/// character starts at `first`, and where the last visible character other
/// than `*` and `_` starts.
pub(super) fn last_visible(bytes: &[u8], first: usize) -> (usize, Option<usize>) {
    let mut vis_end = None;
    let mut k = bytes.len();
    while k > first {
        let mut s = k - 1;
        while bytes[s] & 0xC0 == 0x80 {
            s -= 1;
        }
        let (class, _) = classify(bytes, s);
        if !matches!(class, Class::Space | Class::Absent) {
            let end = *vis_end.get_or_insert(k);
            if bytes[s] != b'*' && bytes[s] != b'_' {
                return (end, Some(s));
            }
        }
        k = s;
    }
    (vis_end.unwrap_or(first), None)
}

/// Counts the letters (by script), words and digits of `bytes`, which
/// starts with a visible character.
/// `false` when the line holds a character outside ASCII and U+0600–U+067F
/// or a mark `classify` calls absent (it may also hold neither).
pub(super) fn count(bytes: &[u8], line: &mut Line) -> bool {
    if bytes.is_ascii() {
        count_ascii(bytes, line);
    } else if !count_plain(bytes, line) {
        count_each(bytes, line);
        return false;
    }
    true
}

/// [`count_plain`] for a line of ASCII, with fewer tests per byte.
fn count_ascii(bytes: &[u8], line: &mut Line) {
    let Some(&first) = bytes.first() else {
        return;
    };
    let mut words = 1u32;
    let mut latin = u32::from((first | 0x20).wrapping_sub(b'a') < 26);
    let mut capitalised = u32::from(first.wrapping_sub(b'A') < 26);
    let mut digits = u8::from(first.wrapping_sub(b'0') < 10);
    let prev = &bytes[..bytes.len() - 1];
    let next = &bytes[1..];
    for (ps, bs) in prev.chunks(255).zip(next.chunks(255)) {
        let (mut w, mut l, mut c) = (0u8, 0u8, 0u8);
        for (&p, &b) in ps.iter().zip(bs) {
            let after_space = is_space(p);
            w = w.wrapping_add(u8::from(after_space & !is_space(b)));
            l = l.wrapping_add(u8::from((b | 0x20).wrapping_sub(b'a') < 26));
            c = c.wrapping_add(u8::from(after_space & (b.wrapping_sub(b'A') < 26)));
            digits |= u8::from(b.wrapping_sub(b'0') < 10);
        }
        words += u32::from(w);
        latin += u32::from(l);
        capitalised += u32::from(c);
    }
    line.words = words;
    line.arabic = 0;
    line.latin = latin;
    line.capitalised = capitalised;
    line.has_digit = digits != 0;
}

/// [`count`] one character at a time, for any line.
fn count_each(bytes: &[u8], line: &mut Line) {
    let mut in_word = false;
    let (mut words, mut arabic, mut latin, mut capitalised) = (0u32, 0u32, 0u32, 0u32);
    let mut has_digit = false;
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        let class = match BYTE_CLASS[b as usize] {
            B_SPACE => {
                in_word = false;
                k += 1;
                continue;
            }
            B_LOWER => {
                words += u32::from(!in_word);
                in_word = true;
                latin += 1;
                k += 1;
                continue;
            }
            B_UPPER => {
                capitalised += u32::from(!in_word);
                words += u32::from(!in_word);
                in_word = true;
                latin += 1;
                k += 1;
                continue;
            }
            B_DIGIT => {
                words += u32::from(!in_word);
                in_word = true;
                has_digit = true;
                k += 1;
                continue;
            }
            B_OTHER => {
                words += u32::from(!in_word);
                in_word = true;
                k += 1;
                continue;
            }
            B_ARABIC => {
                let c = bytes.get(k + 1).copied().unwrap_or(0);
                k += 2;
                ARABIC_CLASS[usize::from(((b & 1) << 6) | (c & 0x3F))]
            }
            _ => {
                let (class, len) = classify(bytes, k);
                k += len;
                class
            }
        };
        match class {
            Class::Space => in_word = false,
            Class::Absent => {}
            Class::ArabicLetter => {
                words += u32::from(!in_word);
                in_word = true;
                arabic += 1;
            }
            Class::Digit => {
                words += u32::from(!in_word);
                in_word = true;
                has_digit = true;
            }
            Class::Other => {
                words += u32::from(!in_word);
                in_word = true;
            }
        }
    }
    line.words = words;
    line.arabic = arabic;
    line.latin = latin;
    line.capitalised = capitalised;
    line.has_digit = has_digit;
}

#[cfg(test)]
mod tests {
    use super::super::analyse;
    use super::*;

    /// The byte-level classifier says of every character what the
    /// character classes of `crate::normalize` say (the Arabic
    /// presentation forms, and the Hebrew ones at U+FB40–U+FB4F before
    /// them, count as Arabic letters), and the branch-free tests of
    /// `count_plain` agree with it on U+0600–U+067F.
    #[test]
    fn classify_agrees_with_the_classes() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let presentation = matches!(c, '\u{FB40}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}');
            let expected = if c.is_whitespace() {
                Class::Space
            } else if normalize::is_invisible_on_line(c) {
                Class::Absent
            } else if c.is_ascii_digit() || normalize::arabic_digit_value(c).is_some() {
                Class::Digit
            } else if normalize::is_counted_arabic_letter(c) || presentation {
                Class::ArabicLetter
            } else {
                Class::Other
            };
            let (class, len) = classify(bytes, 0);
            assert!(class == expected, "U+{:04X}", c as u32);
            assert_eq!(len, bytes.len());
            if ('\u{0600}'..='\u{067F}').contains(&c) {
                let (p, b) = (bytes[0], bytes[1]);
                assert_eq!(
                    is_mark(p, b),
                    expected == Class::Absent,
                    "U+{:04X}",
                    c as u32
                );
                let letter =
                    ((p == 0xD8) & within(b, 0xA1, 0xBA)) | ((p == 0xD9) & within(b, 0x81, 0x8A));
                assert_eq!(
                    letter,
                    expected == Class::ArabicLetter,
                    "U+{:04X}",
                    c as u32
                );
                let digit = (p == 0xD9) & within(b, 0xA0, 0xA9);
                assert_eq!(digit, expected == Class::Digit, "U+{:04X}", c as u32);
            }
        }
    }

    proptest::proptest! {
        /// The pairwise count of plain lines agrees with the count one
        /// character at a time.
        #[test]
        fn plain_count_agrees(raw in "[aA1 .\tابتدرسعكلمنهويةىأـًٌٍَُِّْ٠١\u{610}\u{61c}]{1,40}|[a-zA-Z0-9 .:*()\t\u{b}\u{c}\n_@\\[`{~]{1,40}|[a-zA-Z0-9 .:*()\t\u{b}ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآ،؛؟٠١٩]{1,40}|[a-zA-Z0-9 .:*()\t\u{b}\u{a0}\u{3000}ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآـًٌٍَُِّ،؛؟\u{200f}٠١٩۴\u{FE8D}\u{66e}\u{670}]{1,40}") {
            let bytes = raw.as_bytes();
            let Some(first) = first_visible(bytes) else {
                return Ok(());
            };
            let bytes = &bytes[first..last_visible(bytes, first).0];
            let mut plain = analyse("x").remove(0);
            let mut each = plain.clone();
            count_each(bytes, &mut each);
            if bytes.is_ascii() {
                let mut ascii = plain.clone();
                count_ascii(bytes, &mut ascii);
                proptest::prop_assert_eq!(&ascii, &each);
            }
            if count_plain(bytes, &mut plain) {
                proptest::prop_assert_eq!(plain, each);
            }
        }
    }
}
