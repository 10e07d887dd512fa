//! The character classes: the one place that says which characters are
//! Arabic letters, which marks are ignorable, how letters fold, which
//! characters are spaces and which belong to a word.
//!
//! In: one `char`. Out: its class (a `bool`) or its folded form. The
//! matching view ([`super::normalize`]), the line scanner
//! (`crate::parse`) and the number readers ([`crate::numerals`]) all ask
//! here; the byte-level fast paths of the view and of the line scanner
//! are built from these functions or tested against them for every code
//! point.
//!
//! Some facts come in several sizes, each with its own name, because the
//! readers that use them were written to different needs:
//!
//! | class | holds |
//! |---|---|
//! | [`is_arabic_mark`] | tatweel, diacritics, Quranic marks, superscript alef |
//! | [`is_invisible_format`] | bidi controls, zero-width characters, BOM, soft hyphen |
//! | [`is_dropped`] | both of the above: what the view removes |
//! | [`is_word_mark`] | Arabic marks and zero-width (non-)joiners: skipped inside a word |
//! | [`is_invisible_on_line`] | what the view removes but superscript alef |
//! | [`is_basic_arabic_letter`] | ء–غ and ف–ي (U+0621–U+063A, U+0641–U+064A) |
//! | [`is_arabic_block_letter`] | the same and the rare letters U+063B–U+063F |
//! | [`is_arabic_letter`] | any Arabic letter of the Arabic block |
//! | [`is_counted_arabic_letter`] | the Arabic letters the line scanner counts |
//! | [`is_word_char`] | letters, digits and word marks |

/// Whether `c` is an Arabic mark that the matching view removes:
/// tatweel (U+0640), the diacritics (tanwin, harakat, shadda, sukun and
/// the other combining marks U+064B–U+065F), superscript alef (U+0670)
/// and the Quranic annotation marks (U+0610–U+061A, U+06D6–U+06ED).
#[inline]
pub(crate) const fn is_arabic_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0610}'..='\u{061A}'
            | '\u{0640}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}'
    )
}

/// Whether `c` is an invisible format character that the matching view
/// removes: the Arabic letter mark (U+061C), zero-width space, non-joiner
/// and joiner, the left-to-right and right-to-left marks (U+200B–U+200F),
/// bidi embeddings and overrides (U+202A–U+202E), the word joiner and
/// invisible operators (U+2060–U+2064), bidi isolates (U+2066–U+2069), the
/// byte order mark (U+FEFF) and the soft hyphen (U+00AD).
#[inline]
pub(crate) const fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Whether the matching view removes `c`: an [Arabic
/// mark](is_arabic_mark) or an [invisible format
/// character](is_invisible_format).
#[inline]
pub(crate) const fn is_dropped(c: char) -> bool {
    is_arabic_mark(c) || is_invisible_format(c)
}

/// Whether the number readers skip `c` inside a word: an [Arabic
/// mark](is_arabic_mark), or a zero-width non-joiner or joiner (U+200C,
/// U+200D), which may sit between the letters of one word. The other
/// invisible format characters (bidi marks) are no part of a word.
#[inline]
pub(crate) const fn is_word_mark(c: char) -> bool {
    is_arabic_mark(c) || matches!(c, '\u{200C}' | '\u{200D}')
}

/// Whether the line scanner treats `c` as absent when it looks for a
/// line's visible characters and counts its words: what the view
/// [removes](is_dropped), except superscript alef (U+0670), which the
/// scanner has always counted as a visible character.
#[inline]
pub(crate) const fn is_invisible_on_line(c: char) -> bool {
    is_dropped(c) && c != '\u{0670}'
}

/// Whether `c` is a space other than U+0020 that the matching view writes
/// as a plain space: the tab, the no-break space (U+00A0), the spaces of
/// fixed width (U+2000–U+200A), the narrow no-break space (U+202F), the
/// medium mathematical space (U+205F) and the ideographic space (U+3000).
/// Line breaks are not among them.
#[inline]
pub(crate) const fn is_folded_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// The value of an Arabic-Indic (`٠–٩`, U+0660–U+0669) or Extended
/// Arabic-Indic (`۰–۹`, U+06F0–U+06F9) digit.
#[inline]
pub(crate) const fn arabic_digit_value(c: char) -> Option<u8> {
    match c {
        '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0) as u8),
        _ => None,
    }
}

/// The matching fold of one Arabic letter: `أ إ آ ٱ → ا`, `ى ی → ي`,
/// `ة → ه`, `ک → ك`; any other character is returned as it is.
#[inline]
pub(crate) const fn fold_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        _ => c,
    }
}

/// Whether `c` is one of the letters hamza to ghain or feh to yeh
/// (U+0621–U+063A, U+0641–U+064A): the Arabic alphabet with its hamza
/// forms, ta marbuta and alef maqsura. Each is two bytes in UTF-8, lead
/// byte D8 or D9.
#[inline]
pub(crate) const fn is_basic_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// Whether `c` is a letter of U+0621–U+064A: a [basic
/// letter](is_basic_arabic_letter) or one of the rare Persian-family
/// letters U+063B–U+063F. Each is two bytes in UTF-8 and its code point
/// minus U+0620 is below 64, which the number readers use as a bit index.
#[inline]
pub(crate) const fn is_arabic_block_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}')
}

/// Whether `c` is an Arabic letter (after folding, in the basic Arabic block).
///
/// ```
/// use lexalign::normalize::is_arabic_letter;
/// assert!(is_arabic_letter('م'));
/// assert!(!is_arabic_letter('\u{0640}')); // tatweel
/// assert!(!is_arabic_letter('٥'));
/// ```
#[inline]
pub const fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
        && c != '\u{0640}'
}

/// Whether the line scanner counts `c` as an Arabic letter of the Arabic
/// block when it tells a line's script: an [Arabic letter](is_arabic_letter)
/// but the rare letters U+063B–U+063F and those of U+066E–U+067F (alef
/// wasla among them), which its byte-level counter has always left out.
/// (It counts the presentation forms too; those are outside the block.)
#[inline]
pub(crate) const fn is_counted_arabic_letter(c: char) -> bool {
    is_arabic_letter(c) && !matches!(c, '\u{063B}'..='\u{063F}' | '\u{066E}'..='\u{067F}')
}

/// Whether `c` is part of a word for the number readers: a letter or digit
/// of any script, or a [word mark](is_word_mark).
///
/// Same as `c.is_alphanumeric() || is_word_mark(c)`, but ASCII and the
/// Arabic block (U+0600–U+06FF, by range) are answered without the Unicode
/// tables, which are slow for Arabic letters. A test compares every code
/// point.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // Not in a word: number signs and footnote marks (U+0600–U+060F),
        // punctuation (U+061B–U+061F, U+066A–U+066D, U+06D4), the end of ayah
        // and small high marks (U+06FD–U+06FE).
        return matches!(
            c,
            '\u{0610}'..='\u{061A}'
                | '\u{0620}'..='\u{0669}'
                | '\u{066E}'..='\u{06D3}'
                | '\u{06D5}'..='\u{06FC}'
                | '\u{06FF}'
        );
    }
    c.is_alphanumeric() || is_word_mark(c)
}

/// What the matching view does with one character.
#[derive(Clone, Copy)]
pub(super) enum Fold {
    /// Written as this character.
    Keep(char),
    /// Removed.
    Drop,
    /// A compatibility form (or a character not looked at here): NFKC
    /// decides.
    Compat,
}

/// What the matching view does with `c`, from the classes above.
#[inline]
pub(super) const fn fold_char(c: char) -> Fold {
    let code = c as u32;
    if code < 0x80 {
        return Fold::Keep(if c == '\t' { ' ' } else { c });
    }
    if let Some(d) = arabic_digit_value(c) {
        return Fold::Keep((b'0' + d) as char);
    }
    if is_dropped(c) {
        return Fold::Drop;
    }
    if is_folded_space(c) {
        return Fold::Keep(' ');
    }
    match c {
        '\u{0600}'..='\u{06FF}' => Fold::Keep(fold_letter(c)),
        _ if code < 0x0300 => Fold::Keep(c),
        _ if 0x2010 <= code && code <= 0x2027 => Fold::Keep(c),
        _ => Fold::Compat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    /// The classes pinned by the ranges they hold.
    #[test]
    fn classes_hold_their_ranges() {
        let set = |f: fn(char) -> bool| -> Vec<(u32, u32)> {
            let mut ranges: Vec<(u32, u32)> = Vec::new();
            for c in all_chars().filter(|&c| f(c)) {
                let code = c as u32;
                match ranges.last_mut() {
                    Some(r) if r.1 + 1 == code => r.1 = code,
                    _ => ranges.push((code, code)),
                }
            }
            ranges
        };
        let marks = [
            (0x610, 0x61A),
            (0x640, 0x640),
            (0x64B, 0x65F),
            (0x670, 0x670),
            (0x6D6, 0x6ED),
        ];
        assert_eq!(set(is_arabic_mark), marks);
        let invisible = [
            (0xAD, 0xAD),
            (0x61C, 0x61C),
            (0x200B, 0x200F),
            (0x202A, 0x202E),
            (0x2060, 0x2064),
            (0x2066, 0x2069),
            (0xFEFF, 0xFEFF),
        ];
        assert_eq!(set(is_invisible_format), invisible);
        let word_marks = [
            (0x610, 0x61A),
            (0x640, 0x640),
            (0x64B, 0x65F),
            (0x670, 0x670),
            (0x6D6, 0x6ED),
            (0x200C, 0x200D),
        ];
        assert_eq!(set(is_word_mark), word_marks);
        assert_eq!(
            set(is_basic_arabic_letter),
            [(0x621, 0x63A), (0x641, 0x64A)]
        );
        assert_eq!(
            set(is_arabic_block_letter),
            [(0x621, 0x63F), (0x641, 0x64A)]
        );
        let letters = [
            (0x621, 0x63F),
            (0x641, 0x64A),
            (0x66E, 0x6D3),
            (0x6FA, 0x6FF),
        ];
        assert_eq!(set(is_arabic_letter), letters);
        let counted = [
            (0x621, 0x63A),
            (0x641, 0x64A),
            (0x680, 0x6D3),
            (0x6FA, 0x6FF),
        ];
        assert_eq!(set(is_counted_arabic_letter), counted);
        let spaces = [
            (0x9, 0x9),
            (0xA0, 0xA0),
            (0x2000, 0x200A),
            (0x202F, 0x202F),
            (0x205F, 0x205F),
            (0x3000, 0x3000),
        ];
        assert_eq!(set(is_folded_space), spaces);
    }

    /// How the classes relate: each narrower one inside the wider.
    #[test]
    fn classes_nest() {
        for c in all_chars() {
            assert_eq!(is_dropped(c), is_arabic_mark(c) || is_invisible_format(c));
            assert!(!is_word_mark(c) || is_dropped(c), "U+{:04X}", c as u32);
            assert!(!is_invisible_on_line(c) || is_dropped(c));
            assert!(!is_basic_arabic_letter(c) || is_arabic_block_letter(c));
            assert!(!is_arabic_block_letter(c) || is_arabic_letter(c));
            assert!(!is_counted_arabic_letter(c) || is_arabic_letter(c));
            assert!(!is_arabic_letter(c) || !is_dropped(c) || c == '\u{0670}');
            assert!(!is_folded_space(c) || c.is_whitespace());
        }
    }

    #[test]
    fn letters_fold_to_basic_letters() {
        let folded: Vec<(char, char)> = all_chars()
            .filter(|&c| fold_letter(c) != c)
            .map(|c| (c, fold_letter(c)))
            .collect();
        let expected = [
            ('آ', 'ا'),
            ('أ', 'ا'),
            ('إ', 'ا'),
            ('ة', 'ه'),
            ('ى', 'ي'),
            ('ٱ', 'ا'),
            ('ک', 'ك'),
            ('ی', 'ي'),
        ];
        assert_eq!(folded, expected);
        assert!(folded.iter().all(|&(_, f)| is_basic_arabic_letter(f)));
    }

    #[test]
    fn digits() {
        let digits: Vec<(char, u8)> = all_chars()
            .filter_map(|c| arabic_digit_value(c).map(|v| (c, v)))
            .collect();
        assert_eq!(digits.len(), 20);
        assert_eq!(arabic_digit_value('٣'), Some(3));
        assert_eq!(arabic_digit_value('۹'), Some(9));
        assert_eq!(arabic_digit_value('3'), None);
    }

    #[test]
    fn word_char_matches_unicode_everywhere() {
        for c in all_chars() {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || is_word_mark(c),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
