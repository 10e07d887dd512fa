//! The fast paths of the matching view: tables over the characters
//! U+0600–U+067F (two bytes in UTF-8, lead byte D8 or D9), built from the
//! [character classes](super::classes), and [`normalize_plain`], the view
//! of a plain text without the map back.
//!
//! In: bytes of UTF-8 text. Out: what the view does with them, as
//! [`super::normalize`] would, only faster. The tests check each fast path
//! against the view.

use super::classes::{fold_char, fold_letter, is_basic_arabic_letter, is_dropped, Fold};

/// Whether an ASCII byte is its own matching view (any but CR and tab);
/// `false` for every byte of a multi-byte character.
#[inline(always)]
pub(super) fn is_plain_ascii(b: u8) -> bool {
    b < 0x80 && b != b'\r' && b != b'\t'
}

/// The index (code point minus U+0600) of the character U+0600–U+067F
/// whose UTF-8 encoding starts at `bytes[i]`, a lead byte D8 or D9.
#[inline(always)]
pub(super) fn arabic_index(bytes: &[u8], i: usize) -> usize {
    usize::from(((bytes[i] & 1) << 6) | (bytes.get(i + 1).copied().unwrap_or(0) & 0x3F))
}

/// The character U+0600 + `i`, or U+FFFD for none (every index below
/// 128 is a character).
const fn arabic_char(i: usize) -> char {
    match char::from_u32(0x0600 + i as u32) {
        Some(c) => c,
        None => '\u{FFFD}',
    }
}

/// [`fold_char`] of each character U+0600–U+067F (indexed by its code point
/// minus U+0600).
pub(super) static ARABIC_FOLDS: [Fold; 128] = {
    let mut t = [Fold::Compat; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = fold_char(arabic_char(i));
        i += 1;
    }
    t
};

/// Whether a character U+0600–U+067F (indexed by its code point minus
/// U+0600) is its own matching view and a basic letter (most Arabic
/// letters): those are copied without looking further.
pub(super) static STABLE_ARABIC: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        let c = arabic_char(i);
        t[i] = is_basic_arabic_letter(c) && fold_letter(c) as u32 == c as u32;
        i += 1;
    }
    t
};

/// What [`normalize_plain`] does with a character U+0600–U+067F (indexed by
/// its code point minus U+0600): 0 keeps it, 1 gives up (the view drops it
/// or writes it with fewer bytes: marks and digits), any other value is
/// the second byte of the two-byte letter it folds to (`أ إ آ ٱ → ا`,
/// `ى → ي`, `ة → ه`).
static PLAIN_ARABIC: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = arabic_char(i);
        let folded = fold_letter(c);
        t[i] = if is_dropped(c) || super::classes::arabic_digit_value(c).is_some() {
            1
        } else if folded as u32 != c as u32 {
            0x80 | (folded as u32 & 0x3F) as u8
        } else {
            0
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
/// equals [`normalize`](super::normalize)`(text).as_str()`. `false` for any
/// other text, with `out` left unspecified.
pub(crate) fn normalize_plain(text: &str, out: &mut String) -> bool {
    out.clear();
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if is_plain_ascii(b) {
            i += 1;
            continue;
        }
        if b != 0xD8 && b != 0xD9 {
            return false;
        }
        match PLAIN_ARABIC[arabic_index(bytes, i)] {
            0 => {}
            1 => return false,
            second => {
                out.push_str(&text[run..i]);
                // Every letter folds to a letter of U+0621–U+064A: lead
                // byte D8 for those below U+0640 (ا), D9 for the others.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    /// The tables as they were written out by hand before they were built
    /// from the classes.
    #[test]
    fn tables_pinned() {
        for i in 0..128 {
            let cp = 0x0600 + i as u32;
            let plain = match cp {
                0x0622 | 0x0623 | 0x0625 | 0x0671 => 0xA7,
                0x0649 => 0x8A,
                0x0629 => 0x87,
                0x0610..=0x061A | 0x061C | 0x0640 | 0x064B..=0x065F | 0x0660..=0x0669 | 0x0670 => 1,
                _ => 0,
            };
            assert_eq!(PLAIN_ARABIC[i], plain, "U+{cp:04X}");
            let stable = matches!(cp, 0x0621..=0x063A | 0x0641..=0x064A)
                && !matches!(cp, 0x0623 | 0x0625 | 0x0622 | 0x0649 | 0x0629);
            assert_eq!(STABLE_ARABIC[i], stable, "U+{cp:04X}");
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
}
