//! Number words, ordinals, Roman numerals and Arabic list letters.
//!
//! In: a `&str`, normally the crate's normalized matching view (see
//! [`crate::normalize`]): Arabic letters folded (`أ إ آ ٱ → ا`, `ى → ي`,
//! `ة → ه`), no diacritics, no tatweel, ASCII digits. Raw text works too: every
//! function folds those letters itself and skips tatweel, Arabic diacritics and
//! zero-width joiners while comparing, without allocating.
//!
//! Out: the value (and, for the readers that look at the *start* of a string,
//! the number of bytes consumed, always ending at a word boundary), or `None`.
//!
//! - [`arabic_number`] / [`english_number`]: an ordinal or cardinal number
//!   phrase, 1..=999, at the start of a string ("الحاديه والعشرون بعد
//!   السبعمائه", "One Hundred and Five", "Twenty-First").
//! - [`roman`]: a whole string that is a canonical Roman numeral, 1..=3999.
//! - [`arabic_letter_ordinal`]: the position of a list letter (أ، ب، ج …) in
//!   abjad or alphabetical order.
//! - [`arabic_ordinal_adverb`]: list markers "اولا", "ثانيا" … "تاسع عشر".
//! - [`number_words_in`]: every number phrase inside running text.
//!
//! Words of a phrase are separated by horizontal white space only (never a
//! line break), so a heading's number never runs into the next line.
//!
//! ```
//! use lexalign::numerals::{arabic_number, english_number, roman};
//! let heading = "الثانيه عشره العدول عن الموافقه";
//! assert_eq!(arabic_number(heading), Some((12, "الثانيه عشره".len())));
//! assert_eq!(english_number("Five Definitions"), Some((5, 4)));
//! assert_eq!(roman("xii"), Some(12));
//! ```

use std::ops::Range;

// ---------------------------------------------------------------------------
// Character helpers
// ---------------------------------------------------------------------------

// The character classes (word marks, letter folding, Arabic letters,
// word characters) are those of the matching view: `crate::normalize`.
use crate::normalize::{fold_letter, is_arabic_block_letter, is_word_char, is_word_mark};

mod prefilter;

use prefilter::{
    ar_head_may_be_number, ar_may_be_number, ar_may_be_number_article, en_may_be_number,
    en_may_start,
};
pub(crate) use prefilter::{may_start_phrase, never_in_number_word};

/// White space that may separate the words of one phrase (no line breaks).
fn is_hspace(c: char) -> bool {
    c.is_whitespace()
        && !matches!(
            c,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
}

/// Skips horizontal white space from `i`; `Some(j)` only if at least one
/// character was skipped.
fn after_space(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?;
    let skipped = rest.len() - rest.trim_start_matches(is_hspace).len();
    (skipped > 0).then_some(i + skipped)
}

// ---------------------------------------------------------------------------
// Arabic words
// ---------------------------------------------------------------------------

/// Longest folded Arabic word (in bytes) that can be a number word.
const AR_WORD_MAX: usize = 64;

/// A folded Arabic word on the stack: letters U+0621–U+064A only, two bytes
/// each in UTF-8.
struct ArWord {
    buf: [u8; AR_WORD_MAX],
    len: usize,
}

impl ArWord {
    fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes()).unwrap_or("")
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Reads the whole word starting at byte `i`, folded, with its end. `None`
/// if the word holds anything but Arabic letters and skipped marks, is empty,
/// or is too long to be a number word.
fn ar_word(s: &str, i: usize) -> Option<(ArWord, usize)> {
    let rest = s.get(i..)?;
    let mut w = ArWord {
        buf: [0; AR_WORD_MAX],
        len: 0,
    };
    let mut off = 0;
    while let Some(c) = char_at(rest, off) {
        let f = match c {
            // The common case first: an already folded letter.
            'ا' | 'ب' | 'ت'..='غ' | 'ف'..='ه' | 'و' | 'ي' => c,
            _ if is_word_mark(c) => {
                off += c.len_utf8();
                continue;
            }
            _ => {
                let f = fold_letter(c);
                if is_arabic_block_letter(f) {
                    f
                } else if is_word_char(c) {
                    // Not a word mark (handled above), so alphanumeric.
                    return None;
                } else {
                    break;
                }
            }
        };
        // Folded letters are two bytes long, like the letters they fold.
        off += c.len_utf8();
        if w.len + 2 > AR_WORD_MAX {
            return None;
        }
        let code = u32::from(f);
        w.buf[w.len] = 0xC0 | (code >> 6) as u8;
        w.buf[w.len + 1] = 0x80 | (code & 0x3F) as u8;
        w.len += 2;
    }
    (w.len > 0).then_some((w, i + off))
}

/// One Arabic number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ArTok {
    /// 1..=10. `teen`: may be followed by عشر/عشره (11..19); `compound`: may
    /// be followed by و + tens; `alone`: a complete number by itself.
    Unit {
        v: u32,
        teen: bool,
        compound: bool,
        alone: bool,
    },
    /// 20, 30, … 90.
    Tens(u32),
    /// 100, 200, … 900.
    Hundreds(u32),
}

const fn unit(v: u32, teen: bool, compound: bool, alone: bool) -> ArTok {
    ArTok::Unit {
        v,
        teen,
        compound,
        alone,
    }
}

/// Units 3..=9: every form takes teens and compounds and stands alone.
const fn full(v: u32) -> ArTok {
    unit(v, true, true, true)
}

/// Defines a word lookup as a `match` together with the list of every word
/// it accepts, so that a `Prefilter` (see `prefilter.rs`) built from the list can never reject a
/// word the lookup knows.
macro_rules! word_table {
    (
        $(#[$meta:meta])*
        fn $name:ident(&$t:ty) -> $out:ty;
        const $list:ident;
        $($($w:literal)|+ => $v:expr,)*
    ) => {
        $(#[$meta])*
        fn $name(w: &$t) -> Option<$out> {
            Some(match w {
                $($($w)|+ => $v,)*
                _ => return None,
            })
        }

        /// Every word accepted by the lookup defined with it.
        const $list: &[&$t] = &[$($($w),+),*];
    };
}

word_table! {
    /// Classifies a folded Arabic word without article or conjunction, joined
    /// hundreds (ثلاثمائه) aside.
    fn ar_table(&str) -> ArTok;
    const AR_WORDS;
    "اول" | "اولي" => unit(1, false, false, true),
    "واحد" | "واحده" => unit(1, false, true, true),
    // احد عشر, احدي عشره, الحادي عشر, الحاديه والعشرون: never alone.
    "احد" | "احدي" | "حادي" | "حاديه" => unit(1, true, true, false),
    "اثنان" | "اثنين" | "اثنتان" | "اثنتين" => unit(2, false, true, true),
    "اثنا" | "اثني" | "اثنتا" | "اثنتي" => unit(2, true, false, false),
    "ثاني" | "ثانيه" => full(2),
    "ثلاث" | "ثلاثه" | "ثالث" | "ثالثه" => full(3),
    "اربع" | "اربعه" | "رابع" | "رابعه" => full(4),
    "خمس" | "خمسه" | "خامس" | "خامسه" => full(5),
    "ست" | "سته" | "سادس" | "سادسه" => full(6),
    "سبع" | "سبعه" | "سابع" | "سابعه" => full(7),
    "ثمان" | "ثماني" | "ثمانيه" | "ثامن" | "ثامنه" => full(8),
    "تسع" | "تسعه" | "تاسع" | "تاسعه" => full(9),
    "عشر" | "عشره" | "عاشر" | "عاشره" => unit(10, false, false, true),
    "عشرون" | "عشرين" => ArTok::Tens(20),
    "ثلاثون" | "ثلاثين" => ArTok::Tens(30),
    "اربعون" | "اربعين" => ArTok::Tens(40),
    "خمسون" | "خمسين" => ArTok::Tens(50),
    "ستون" | "ستين" => ArTok::Tens(60),
    "سبعون" | "سبعين" => ArTok::Tens(70),
    "ثمانون" | "ثمانين" => ArTok::Tens(80),
    "تسعون" | "تسعين" => ArTok::Tens(90),
    "مائتان" | "مائتين" | "مئتان" | "مئتين" | "مايتان" | "مايتين" | "مائتا" | "مائتي"
    | "مئتا" | "مئتي" => ArTok::Hundreds(200),
}

word_table! {
    /// The stem of a hundreds word before مائه/مئه/مايه: "" for 100,
    /// ثلاث … تسع for the joined spellings ثلاثمائه … تسعمائه.
    fn hundred_stem(&str) -> u32;
    const HUNDRED_STEMS;
    "" => 100,
    "ثلاث" | "ثلث" => 300,
    "اربع" => 400,
    "خمس" => 500,
    "ست" => 600,
    "سبع" => 700,
    "ثمان" | "ثماني" => 800,
    "تسع" => 900,
}

/// The spellings of "hundred".
const HUNDRED: [&str; 3] = ["مائه", "مئه", "مايه"];

/// Classifies a folded Arabic word without article or conjunction.
fn ar_lookup(w: &str) -> Option<ArTok> {
    if !ar_may_be_number(w.as_bytes()) {
        return None;
    }
    ar_table(w).or_else(|| hundred_word(w).map(ArTok::Hundreds))
}

/// A joined hundreds word: مائه/مئه/مايه, ثلاثمائه … تسعمائه.
fn hundred_word(w: &str) -> Option<u32> {
    let stem = HUNDRED.iter().find_map(|suffix| w.strip_suffix(suffix))?;
    hundred_stem(stem)
}

/// What may precede a number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pre {
    /// Optionally the article ال.
    Article,
    /// The conjunction و (glued or a word of its own), then optionally ال.
    Conj,
}

fn ar_lookup_article(w: &str) -> Option<ArTok> {
    ar_lookup(w).or_else(|| w.strip_prefix("ال").and_then(ar_lookup))
}

/// The Arabic number word starting at byte `i`, and its end.
fn ar_tok(s: &str, i: usize, pre: Pre) -> Option<(ArTok, usize)> {
    let (w, end) = ar_word(s, i)?;
    let w = w.as_str();
    let tok = match pre {
        Pre::Article => ar_lookup_article(w),
        Pre::Conj if w == "و" => return ar_tok(s, after_space(s, end)?, Pre::Article),
        Pre::Conj => w.strip_prefix('و').and_then(ar_lookup_article),
    };
    tok.map(|t| (t, end))
}

/// Is the word at `i` exactly `want` (folded, no prefixes)?
fn ar_word_is(s: &str, i: usize, want: &[&str]) -> Option<usize> {
    let (w, end) = ar_word(s, i)?;
    want.contains(&w.as_str()).then_some(end)
}

/// 1..=99 at `i`: (value, end, complete). Not complete means the phrase is
/// only valid before "بعد" + hundreds (الحاديه بعد المائه).
fn ar_below_100(s: &str, i: usize, pre: Pre) -> Option<(u32, usize, bool)> {
    below_100_from(s, ar_tok(s, i, pre)?)
}

/// [`ar_below_100`] from its first word, already read (its token and end).
fn below_100_from(s: &str, (tok, e): (ArTok, usize)) -> Option<(u32, usize, bool)> {
    match tok {
        ArTok::Tens(t) => Some((t, e, true)),
        ArTok::Hundreds(_) => None,
        ArTok::Unit {
            v,
            teen,
            compound,
            alone,
        } => {
            if let Some(j) = after_space(s, e) {
                if teen {
                    if let Some(e2) = ar_word_is(s, j, &["عشر", "عشره"]) {
                        return Some((v + 10, e2, true));
                    }
                }
                if compound {
                    if let Some((ArTok::Tens(t), e2)) = ar_tok(s, j, Pre::Conj) {
                        return Some((t + v, e2, true));
                    }
                }
            }
            Some((v, e, alone))
        }
    }
}

/// 100..=900 at `i`, joined (ثلاثمائه) or split (ثلاث مائه).
fn ar_hundreds(s: &str, i: usize, pre: Pre) -> Option<(u32, usize)> {
    hundreds_from(s, ar_tok(s, i, pre)?)
}

/// [`ar_hundreds`] from its first word, already read (its token and end).
fn hundreds_from(s: &str, first: (ArTok, usize)) -> Option<(u32, usize)> {
    match first {
        (ArTok::Hundreds(h), e) => Some((h, e)),
        (ArTok::Unit { v: v @ 3..=9, .. }, e) => {
            let e2 = ar_word_is(s, after_space(s, e)?, &HUNDRED)?;
            Some((v * 100, e2))
        }
        _ => None,
    }
}

/// A whole Arabic number phrase at `i`: (value, end).
fn ar_number_at(s: &str, i: usize, pre: Pre) -> Option<(u32, usize)> {
    ar_number_from(s, ar_tok(s, i, pre)?)
}

/// [`ar_number_at`] from its first word, already read (its token and end):
/// the hundreds and the numbers below 100 both start with it, and reading
/// a word (folding it letter by letter) is most of the cost of a phrase.
fn ar_number_from(s: &str, first: (ArTok, usize)) -> Option<(u32, usize)> {
    if let Some((h, e)) = hundreds_from(s, first) {
        // المائه والخامسه, مائه وخمسون, ثلاثمائه وخمسه وعشرون
        if let Some((r, e2, true)) = after_space(s, e).and_then(|j| ar_below_100(s, j, Pre::Conj)) {
            return Some((h + r, e2));
        }
        return Some((h, e));
    }
    let (r, e, complete) = below_100_from(s, first)?;
    // الخامسه بعد المائه, الحاديه والعشرون بعد السبعمائه
    let after = after_space(s, e)
        .and_then(|j| ar_word_is(s, j, &["بعد"]))
        .and_then(|j| after_space(s, j))
        .and_then(|k| ar_hundreds(s, k, Pre::Article));
    match after {
        Some((h, e2)) => Some((h + r, e2)),
        None => complete.then_some((r, e)),
    }
}

/// Reads an Arabic number phrase (ordinal or cardinal, masculine or
/// feminine, with or without the article ال) at the START of `s`; returns
/// (value, bytes consumed). 1..=999.
///
/// The phrase ends at a word boundary and never swallows the word after it.
/// Accepted: ordinals (الاولي, الحادي عشر, الخامسه والعشرون, المائه,
/// الحاديه والعشرون بعد السبعمائه, المائه والخامسه), cardinals (ثلاثه,
/// اثنا عشر, خمسه وعشرون, مائه وخمسون, ثلاث مائه), hundreds spelled
/// مائه/مئه/مايه, joined or split. `None` if the first word is not a number
/// word (المادة, الثانويه).
///
/// ```
/// use lexalign::numerals::arabic_number;
/// let s = "الثانيه عشره العدول عن الموافقه";
/// assert_eq!(arabic_number(s), Some((12, "الثانيه عشره".len())));
/// let s = "الحاديه والعشرون بعد السبعمائه";
/// assert_eq!(arabic_number(s), Some((721, s.len())));
/// // Un-normalized input works too.
/// assert_eq!(arabic_number("الأولى"), Some((1, "الأولى".len())));
/// assert_eq!(arabic_number("المادة"), None);
/// ```
pub fn arabic_number(s: &str) -> Option<(u32, usize)> {
    ar_number_at(s, 0, Pre::Article)
}

// ---------------------------------------------------------------------------
// English words
// ---------------------------------------------------------------------------

/// Longest English number word ("seventeenth" has 11 letters).
const EN_WORD_MAX: usize = 16;

/// One English number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EnTok {
    /// one..nineteen
    Card(u32),
    /// first..nineteenth
    Ord(u32),
    /// twenty..ninety
    Tens(u32),
    /// twentieth..ninetieth
    TensOrd(u32),
    Hundred,
    Hundredth,
    And,
}

word_table! {
    /// Classifies a lower-cased English word.
    fn en_table(&[u8]) -> EnTok;
    const EN_WORDS;
    b"one" => EnTok::Card(1),
    b"two" => EnTok::Card(2),
    b"three" => EnTok::Card(3),
    b"four" => EnTok::Card(4),
    b"five" => EnTok::Card(5),
    b"six" => EnTok::Card(6),
    b"seven" => EnTok::Card(7),
    b"eight" => EnTok::Card(8),
    b"nine" => EnTok::Card(9),
    b"ten" => EnTok::Card(10),
    b"eleven" => EnTok::Card(11),
    b"twelve" => EnTok::Card(12),
    b"thirteen" => EnTok::Card(13),
    b"fourteen" => EnTok::Card(14),
    b"fifteen" => EnTok::Card(15),
    b"sixteen" => EnTok::Card(16),
    b"seventeen" => EnTok::Card(17),
    b"eighteen" => EnTok::Card(18),
    b"nineteen" => EnTok::Card(19),
    b"first" => EnTok::Ord(1),
    b"second" => EnTok::Ord(2),
    b"third" => EnTok::Ord(3),
    b"fourth" => EnTok::Ord(4),
    b"fifth" => EnTok::Ord(5),
    b"sixth" => EnTok::Ord(6),
    b"seventh" => EnTok::Ord(7),
    b"eighth" => EnTok::Ord(8),
    b"ninth" => EnTok::Ord(9),
    b"tenth" => EnTok::Ord(10),
    b"eleventh" => EnTok::Ord(11),
    b"twelfth" => EnTok::Ord(12),
    b"thirteenth" => EnTok::Ord(13),
    b"fourteenth" => EnTok::Ord(14),
    b"fifteenth" => EnTok::Ord(15),
    b"sixteenth" => EnTok::Ord(16),
    b"seventeenth" => EnTok::Ord(17),
    b"eighteenth" => EnTok::Ord(18),
    b"nineteenth" => EnTok::Ord(19),
    b"twenty" => EnTok::Tens(20),
    b"thirty" => EnTok::Tens(30),
    b"forty" => EnTok::Tens(40),
    b"fifty" => EnTok::Tens(50),
    b"sixty" => EnTok::Tens(60),
    b"seventy" => EnTok::Tens(70),
    b"eighty" => EnTok::Tens(80),
    b"ninety" => EnTok::Tens(90),
    b"twentieth" => EnTok::TensOrd(20),
    b"thirtieth" => EnTok::TensOrd(30),
    b"fortieth" => EnTok::TensOrd(40),
    b"fiftieth" => EnTok::TensOrd(50),
    b"sixtieth" => EnTok::TensOrd(60),
    b"seventieth" => EnTok::TensOrd(70),
    b"eightieth" => EnTok::TensOrd(80),
    b"ninetieth" => EnTok::TensOrd(90),
    b"hundred" => EnTok::Hundred,
    b"hundredth" => EnTok::Hundredth,
    b"and" => EnTok::And,
}

fn en_lookup(w: &[u8]) -> Option<EnTok> {
    if !en_may_be_number(w) {
        return None;
    }
    en_table(w)
}

/// A lower-cased English word on the stack.
struct EnWord {
    buf: [u8; EN_WORD_MAX],
    len: usize,
}

impl EnWord {
    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Reads the whole word at `i`, lower-cased. `None` unless it is 1..=16
/// ASCII letters followed by a word boundary.
fn en_word(s: &str, i: usize) -> Option<(EnWord, usize)> {
    let rest = s.get(i..)?;
    let n = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    if n == 0 || n > EN_WORD_MAX {
        return None;
    }
    if rest[n..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    let mut w = EnWord {
        buf: [0; EN_WORD_MAX],
        len: n,
    };
    for (d, b) in w.buf.iter_mut().zip(rest.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    Some((w, i + n))
}

fn en_tok(s: &str, i: usize) -> Option<(EnTok, usize)> {
    let (w, e) = en_word(s, i)?;
    en_lookup(w.bytes()).map(|t| (t, e))
}

/// The separator between two parts: one hyphen, or horizontal white space.
fn en_sep(s: &str, i: usize) -> Option<usize> {
    if s.get(i..)?.starts_with('-') {
        Some(i + 1)
    } else {
        after_space(s, i)
    }
}

/// The next number word after a separator.
fn en_next(s: &str, i: usize) -> Option<(EnTok, usize)> {
    en_tok(s, en_sep(s, i)?)
}

/// 1..=99 starting with the already-read token `t` (ending at `e`).
fn en_below_100(t: EnTok, s: &str, e: usize) -> Option<(u32, usize)> {
    match t {
        EnTok::Card(v) | EnTok::Ord(v) | EnTok::TensOrd(v) => Some((v, e)),
        EnTok::Tens(t) => match en_next(s, e) {
            Some((EnTok::Card(u) | EnTok::Ord(u), e2)) if u <= 9 => Some((t + u, e2)),
            _ => Some((t, e)),
        },
        EnTok::Hundred | EnTok::Hundredth | EnTok::And => None,
    }
}

fn en_number_raw(s: &str, i: usize) -> Option<(u32, usize)> {
    let (t, e) = en_tok(s, i)?;
    let (h, he) = match t {
        EnTok::Hundred => (100, e),
        EnTok::Hundredth => return Some((100, e)),
        EnTok::Card(v) if v <= 9 => match en_next(s, e) {
            Some((EnTok::Hundred, e2)) => (v * 100, e2),
            Some((EnTok::Hundredth, e2)) => return Some((v * 100, e2)),
            _ => return en_below_100(t, s, e),
        },
        _ => return en_below_100(t, s, e),
    };
    let rest = match en_next(s, he) {
        Some((EnTok::And, e2)) => en_next(s, e2),
        other => other,
    };
    match rest.and_then(|(t, e)| en_below_100(t, s, e)) {
        Some((r, e)) => Some((h + r, e)),
        None => Some((h, he)),
    }
}

/// Does a hyphenated number or fraction word follow at `e` ("one-third",
/// "two-thirds", "fifty-fifty")? Then the phrase is not a plain number.
fn hyphen_number_follows(s: &str, e: usize) -> bool {
    if !s.get(e..).is_some_and(|r| r.starts_with('-')) {
        return false;
    }
    let Some((w, _)) = en_word(s, e + 1) else {
        return false;
    };
    let w = w.bytes();
    en_lookup(w).is_some_and(|t| t != EnTok::And)
        || w.strip_suffix(b"s")
            .and_then(en_lookup)
            .is_some_and(|t| matches!(t, EnTok::Ord(_) | EnTok::TensOrd(_) | EnTok::Hundredth))
        || matches!(w, b"half" | b"halves" | b"quarter" | b"quarters")
}

fn en_number_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let (v, e) = en_number_raw(s, i)?;
    (!hyphen_number_follows(s, e)).then_some((v, e))
}

/// Reads an English number phrase at the START of `s`; returns (value,
/// bytes consumed). 1..=999, case-insensitive.
///
/// Accepted: "One", "twenty-one", "Twenty One", "One Hundred", "One Hundred
/// and Five", "First", "Twenty-First", "Hundredth", "one hundred
/// twenty-third". Parts are separated by one hyphen or by spaces; "and" only
/// after "hundred". The phrase ends at a word boundary ("Five Definitions" →
/// 5, 4 bytes). `None` if the first word is not a number word ("Firstly",
/// "Articles"), or if the number is the first half of a hyphenated fraction
/// or pair ("one-third", "fifty-fifty"); "five-year" still reads as 5.
///
/// ```
/// use lexalign::numerals::english_number;
/// assert_eq!(english_number("Five Definitions"), Some((5, 4)));
/// assert_eq!(english_number("One Hundred and Five"), Some((105, 20)));
/// assert_eq!(english_number("Twenty-First Amendment"), Some((21, 12)));
/// assert_eq!(english_number("one-third"), None);
/// assert_eq!(english_number("Firstly"), None);
/// ```
pub fn english_number(s: &str) -> Option<(u32, usize)> {
    en_number_at(s, 0)
}

// ---------------------------------------------------------------------------
// Roman numerals
// ---------------------------------------------------------------------------

/// One decimal place of a Roman numeral: 0..=9 written with `one`, `five`,
/// `ten` (upper-case); advances `i`.
fn roman_place(b: &[u8], i: &mut usize, one: u8, five: u8, ten: u8) -> u32 {
    let at = |k: usize| b.get(k).map(u8::to_ascii_uppercase);
    if at(*i) == Some(one) && at(*i + 1) == Some(ten) {
        *i += 2;
        return 9;
    }
    if at(*i) == Some(one) && at(*i + 1) == Some(five) {
        *i += 2;
        return 4;
    }
    let mut v = 0;
    if at(*i) == Some(five) {
        v = 5;
        *i += 1;
    }
    let mut n = 0;
    while n < 3 && at(*i) == Some(one) {
        n += 1;
        *i += 1;
    }
    v + n
}

/// A whole string that is a valid Roman numeral ("IV", "xii", "MCMXC"),
/// case-insensitive; 1..=3999.
///
/// Only canonical numerals are accepted: "IIII", "IC", "VX" and "MMMM" are
/// `None`, as are the empty string and anything with other characters
/// (including surrounding spaces).
///
/// ```
/// use lexalign::numerals::roman;
/// assert_eq!(roman("MCMXC"), Some(1990));
/// assert_eq!(roman("iv"), Some(4));
/// assert_eq!(roman("IIII"), None);
/// ```
pub fn roman(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    // The longest canonical numeral is MMMDCCCLXXXVIII (15 letters).
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    let mut i = 0;
    let mut v = 0;
    while v < 3000 && b.get(i).map(u8::to_ascii_uppercase) == Some(b'M') {
        v += 1000;
        i += 1;
    }
    v += roman_place(b, &mut i, b'C', b'D', b'M') * 100;
    v += roman_place(b, &mut i, b'X', b'L', b'C') * 10;
    v += roman_place(b, &mut i, b'I', b'V', b'X');
    (i == b.len() && v > 0).then_some(v)
}

// ---------------------------------------------------------------------------
// List letters and ordinal adverbs
// ---------------------------------------------------------------------------

/// Order of Arabic list letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LetterOrder {
    /// أ ب ج د هـ و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ
    Abjad,
    /// أ ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن هـ و ي
    Alphabetical,
}

/// The abjad order, folded (أ → ا).
const ABJAD: [char; 28] = [
    'ا', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق',
    'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ',
];

/// The alphabetical (hijā'ī) order, folded (أ → ا).
const ALPHABETICAL: [char; 28] = [
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
];

/// Position (1-based) of an Arabic list letter in the given order.
///
/// Accepts the letter alone, folded or not ("أ"/"ا", "هـ"/"ه", "ى"/"ي"),
/// with tatweel or diacritics and surrounding white space ignored. `None` for
/// anything that is not exactly one Arabic letter.
///
/// ```
/// use lexalign::numerals::{arabic_letter_ordinal, LetterOrder};
/// assert_eq!(arabic_letter_ordinal("ج", LetterOrder::Abjad), Some(3));
/// assert_eq!(arabic_letter_ordinal("ج", LetterOrder::Alphabetical), Some(5));
/// assert_eq!(arabic_letter_ordinal("هـ", LetterOrder::Abjad), Some(5));
/// assert_eq!(arabic_letter_ordinal("أب", LetterOrder::Abjad), None);
/// ```
pub fn arabic_letter_ordinal(letter: &str, order: LetterOrder) -> Option<u32> {
    let mut found = None;
    for c in letter.trim().chars() {
        if is_word_mark(c) {
            continue;
        }
        if found.is_some() {
            return None;
        }
        found = Some(fold_letter(c));
    }
    let c = found?;
    let table = match order {
        LetterOrder::Abjad => &ABJAD,
        LetterOrder::Alphabetical => &ALPHABETICAL,
    };
    let pos = table.iter().position(|&t| t == c)?;
    u32::try_from(pos + 1).ok()
}

/// Arabic ordinal adverbs used as list markers, at the START of `s`; returns
/// (value, bytes consumed).
///
/// "اولا" (1), "ثانيا" (2) … "عاشرا" (10), with or without tanween ("أولاً")
/// and hamza, then "حادي عشر" (11), "ثاني عشر" (12) … "تاسع عشر" (19). The
/// tens ("عشرون") are not list markers and are not read.
///
/// ```
/// use lexalign::numerals::arabic_ordinal_adverb;
/// assert_eq!(arabic_ordinal_adverb("أولاً: التعريفات"), Some((1, "أولاً".len())));
/// assert_eq!(arabic_ordinal_adverb("ثالث عشر - "), Some((13, "ثالث عشر".len())));
/// assert_eq!(arabic_ordinal_adverb("ثاني"), None);
/// ```
pub fn arabic_ordinal_adverb(s: &str) -> Option<(u32, usize)> {
    let (w, e) = ar_word(s, 0)?;
    let adverb = match w.as_str() {
        "اولا" => Some(1),
        "ثانيا" => Some(2),
        "ثالثا" => Some(3),
        "رابعا" => Some(4),
        "خامسا" => Some(5),
        "سادسا" => Some(6),
        "سابعا" => Some(7),
        "ثامنا" => Some(8),
        "تاسعا" => Some(9),
        "عاشرا" => Some(10),
        _ => None,
    };
    if let Some(v) = adverb {
        return Some((v, e));
    }
    let v = match w.as_str() {
        "حادي" => 1,
        "ثاني" => 2,
        "ثالث" => 3,
        "رابع" => 4,
        "خامس" => 5,
        "سادس" => 6,
        "سابع" => 7,
        "ثامن" => 8,
        "تاسع" => 9,
        _ => return None,
    };
    let e2 = ar_word_is(s, after_space(s, e)?, &["عشر"])?;
    Some((v + 10, e2))
}

// ---------------------------------------------------------------------------
// Running text
// ---------------------------------------------------------------------------

/// The character at byte `i` (a character boundary), decoding ASCII and
/// two-byte characters (Arabic) inline.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = s.as_bytes();
    match *b.get(i)? {
        x @ 0..=0x7F => Some(char::from(x)),
        x @ 0xC2..=0xDF => {
            let y = *b.get(i + 1)?;
            char::from_u32(u32::from(x & 0x1F) << 6 | u32::from(y & 0x3F))
        }
        _ => s.get(i..)?.chars().next(),
    }
}

/// The number phrase starting at word start `i`, whose first character is
/// `first`: (value, start, end). Without one, `Err(j)`: the characters from
/// `i` to `j` are all part of the word (so skipping it may resume at `j`).
///
/// [`number_words_in`] tries it at every word start; the aligner's features
/// read their blocks with their own word scanner and call it the same way.
pub(crate) fn phrase_at(s: &str, i: usize, first: char) -> Result<(u32, usize, usize), usize> {
    if first.is_ascii_alphabetic() {
        // Every number word has two letters or more: look at them before
        // reading the word.
        let second = s.as_bytes().get(i + 1).copied().unwrap_or(0);
        if !en_may_start(first as u8, second) {
            return Err(i);
        }
        return en_number_at(s, i).map(|(v, e)| (v, i, e)).ok_or(i);
    }
    if first.is_ascii() {
        // A digit: not a word of Arabic letters either.
        return Err(i);
    }
    // The phrase starts with an Arabic number word, with or without ال, or
    // with a glued و/ب: look at its first letters, then read the word once,
    // and parse only if they fit.
    ar_head_may_be_number(s, i, first)?;
    let Some((w, end)) = ar_word(s, i) else {
        return Err(i);
    };
    // A phrase needs its first word to be a number word (what `ar_tok`
    // reads at the phrase start): look the word up once here, so that the
    // parse below, which reads it again, runs only for number words.
    let token = |w: &[u8]| {
        ar_may_be_number_article(w)
            .then(|| std::str::from_utf8(w).ok().and_then(ar_lookup_article))
            .flatten()
    };
    let may_start = |w: &[u8]| token(w).is_some();
    let w = w.bytes();
    if let Some(tok) = token(w) {
        // The word read here is the phrase's first (`ar_tok` would read it
        // again).
        if let Some((v, e)) = ar_number_from(s, (tok, end)) {
            return Ok((v, i, e));
        }
    }
    // A glued proclitic: وخمسه, بثلاثين, والعشرين. The rest must be at least
    // three letters, so that e.g. لست/وست are not read as 6.
    if matches!(first, 'و' | 'ب') {
        // `w` is the folded word: `first` and then the rest's letters, two
        // bytes each.
        let rest = w.get(first.len_utf8()..).unwrap_or_default();
        if rest.len() >= 3 * 2 && may_start(rest) {
            let after = &s[i + first.len_utf8()..];
            let j = s.len() - after.trim_start_matches(is_word_mark).len();
            if let Some((v, e)) = ar_number_at(s, j, Pre::Article) {
                return Ok((v, j, e));
            }
        }
    }
    Err(end)
}

/// Skips the rest of the word at `i`, and of a hyphenated compound it starts
/// ("one-third", "fifty-fifty": no part of it is a number).
fn skip_word(s: &str, mut i: usize) -> usize {
    loop {
        while let Some(c) = char_at(s, i).filter(|&c| is_word_char(c)) {
            i += c.len_utf8();
        }
        if s.as_bytes().get(i) == Some(&b'-') && char_at(s, i + 1).is_some_and(is_word_char) {
            i += 1;
        } else {
            return i;
        }
    }
}

/// English and Arabic number words inside running text, for matching
/// durations and amounts.
///
/// Finds every number phrase in `s` (Arabic or English words, ordinal or
/// cardinal, e.g. "fifteen days", "خمسه عشر يوما", "ثلاثين يوما", "two
/// years") and returns (value, byte range) of each, in order. Values 1..=999.
/// Lone "one"/"واحد" are returned too: the caller weights rarity. An Arabic
/// word may carry a glued و or ب ("وخمسه", "بثلاثين"); the range then starts
/// after it. Digits are not read.
///
/// ```
/// use lexalign::numerals::number_words_in;
/// let s = "within fifteen days, or two years";
/// let found: Vec<u32> = number_words_in(s).into_iter().map(|(v, _)| v).collect();
/// assert_eq!(found, [15, 2]);
/// let s = "خلال خمسه عشر يوما";
/// let (v, r) = number_words_in(s)[0].clone();
/// assert_eq!((v, &s[r]), (15, "خمسه عشر"));
/// ```
pub fn number_words_in(s: &str) -> Vec<(u32, Range<usize>)> {
    let mut out = Vec::new();
    number_phrases_until(s, |v, r| {
        out.push((v, r));
        false
    });
    out
}

/// Hands the number phrases of `s` ([`number_words_in`]), in order, to
/// `stop`, until it returns true: a caller looking for some phrases does
/// not read the text past the last it needs.
pub(crate) fn number_phrases_until(s: &str, mut stop: impl FnMut(u32, Range<usize>) -> bool) {
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        match phrase_at(s, i, c) {
            Ok((v, start, end)) => {
                if stop(v, start..end) {
                    return;
                }
                i = end;
            }
            Err(j) => i = skip_word(s, j),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        input: &'static str,
        /// Expected (value, consumed prefix); the prefix stands for its length.
        expected: Option<(u32, &'static str)>,
    }

    fn check(f: fn(&str) -> Option<(u32, usize)>, cases: &[Case]) {
        for c in cases {
            let want = c.expected.map(|(v, p)| (v, p.len()));
            assert_eq!(f(c.input), want, "case {}: {:?}", c.name, c.input);
        }
    }

    const fn case(
        name: &'static str,
        input: &'static str,
        expected: Option<(u32, &'static str)>,
    ) -> Case {
        Case {
            name,
            input,
            expected,
        }
    }

    #[test]
    fn arabic_number_cases() {
        let cases = [
            case("first masc", "الاول", Some((1, "الاول"))),
            case("first fem", "الاولي", Some((1, "الاولي"))),
            case("first unfolded", "الأولى", Some((1, "الأولى"))),
            case("second fem", "الثانيه", Some((2, "الثانيه"))),
            case("third", "الثالث", Some((3, "الثالث"))),
            case("eighth fem", "الثامنه", Some((8, "الثامنه"))),
            case("tenth fem", "العاشره", Some((10, "العاشره"))),
            case("11 masc", "الحادي عشر", Some((11, "الحادي عشر"))),
            case("11 fem", "الحاديه عشره", Some((11, "الحاديه عشره"))),
            case("11 alef maqsura", "الحادى عشر", Some((11, "الحادى عشر"))),
            case("11 raw", "الحادية عشرة", Some((11, "الحادية عشرة"))),
            case(
                "12 title not swallowed",
                "الثانيه عشره العدول عن الموافقه",
                Some((12, "الثانيه عشره")),
            ),
            case("19 fem", "التاسعه عشره", Some((19, "التاسعه عشره"))),
            case("20", "العشرون", Some((20, "العشرون"))),
            case("30 genitive", "الثلاثين", Some((30, "الثلاثين"))),
            case("90", "التسعون", Some((90, "التسعون"))),
            case("21 fem", "الحاديه والعشرون", Some((21, "الحاديه والعشرون"))),
            case("25 fem", "الخامسه والعشرون", Some((25, "الخامسه والعشرون"))),
            case("32 masc", "الثاني والثلاثون", Some((32, "الثاني والثلاثون"))),
            case("21 wahid", "الواحد والعشرون", Some((21, "الواحد والعشرون"))),
            case(
                "split waw",
                "الخامسه و العشرون",
                Some((25, "الخامسه و العشرون")),
            ),
            case("100", "المائه", Some((100, "المائه"))),
            case("100 mi'a", "المئه", Some((100, "المئه"))),
            case("100 maya", "المايه", Some((100, "المايه"))),
            case("100 raw", "المائة", Some((100, "المائة"))),
            case("200", "المائتان", Some((200, "المائتان"))),
            case("200 gen", "المائتين", Some((200, "المائتين"))),
            case("300 joined", "الثلاثمائه", Some((300, "الثلاثمائه"))),
            case("300 bare", "ثلاثمائه", Some((300, "ثلاثمائه"))),
            case("300 split", "ثلاث مائه", Some((300, "ثلاث مائه"))),
            case("900", "التسعمائه", Some((900, "التسعمائه"))),
            case(
                "721",
                "الحاديه والعشرون بعد السبعمائه",
                Some((721, "الحاديه والعشرون بعد السبعمائه")),
            ),
            case(
                "105 after",
                "الخامسه بعد المائه",
                Some((105, "الخامسه بعد المائه")),
            ),
            case(
                "210",
                "العاشره بعد المائتين",
                Some((210, "العاشره بعد المائتين")),
            ),
            case(
                "105 hundreds first",
                "المائه والخامسه",
                Some((105, "المائه والخامسه")),
            ),
            case(
                "153",
                "الثالثه والخمسون بعد المائه",
                Some((153, "الثالثه والخمسون بعد المائه")),
            ),
            case(
                "101 hadiya",
                "الحاديه بعد المائه",
                Some((101, "الحاديه بعد المائه")),
            ),
            case(
                "101 ula",
                "الاولي بعد المائه",
                Some((101, "الاولي بعد المائه")),
            ),
            case(
                "111",
                "الحاديه عشره بعد المائه",
                Some((111, "الحاديه عشره بعد المائه")),
            ),
            case(
                "after not hundreds",
                "الخامسه بعد ذلك",
                Some((5, "الخامسه")),
            ),
            case("waw not tens", "الثانيه والثالثه", Some((2, "الثانيه"))),
            case("card 1", "واحد", Some((1, "واحد"))),
            case("card 1 fem", "واحده", Some((1, "واحده"))),
            case("card 2", "اثنان", Some((2, "اثنان"))),
            case("card 2 fem gen", "اثنتين", Some((2, "اثنتين"))),
            case("card 3", "ثلاثه ايام", Some((3, "ثلاثه"))),
            case("card 6", "ست سنوات", Some((6, "ست"))),
            case("card 8 thamani", "ثماني سنوات", Some((8, "ثماني"))),
            case("card 10", "عشره", Some((10, "عشره"))),
            case("card 11", "احد عشر", Some((11, "احد عشر"))),
            case("card 11 fem", "احدي عشره", Some((11, "احدي عشره"))),
            case("card 11 raw", "إحدى عشرة", Some((11, "إحدى عشرة"))),
            case("card 12", "اثنا عشر", Some((12, "اثنا عشر"))),
            case("card 12 gen", "اثني عشر", Some((12, "اثني عشر"))),
            case("card 12 fem", "اثنتا عشره", Some((12, "اثنتا عشره"))),
            case("card 13", "ثلاثه عشر", Some((13, "ثلاثه عشر"))),
            case("card 19", "تسعه عشر يوما", Some((19, "تسعه عشر"))),
            case("card 25", "خمسه وعشرون", Some((25, "خمسه وعشرون"))),
            case("card 150", "مائه وخمسون", Some((150, "مائه وخمسون"))),
            case(
                "card 325",
                "ثلاثمائه وخمسه وعشرون",
                Some((325, "ثلاثمائه وخمسه وعشرون")),
            ),
            case("diacritics", "الثَّانِيَةُ", Some((2, "الثَّانِيَةُ"))),
            case("tatweel", "الثـانيـة", Some((2, "الثـانيـة"))),
            case("no line break", "الثانيه\nعشره", Some((2, "الثانيه"))),
            case("punctuation", "الثالثه:", Some((3, "الثالثه"))),
            case("neg madda", "المادة", None),
            case("neg thanawiyya", "الثانويه", None),
            case("neg hadi alone", "الحادي", None),
            case("neg ithna alone", "اثنا", None),
            case("neg glued latin", "الثانيهx", None),
            case("neg empty", "", None),
            case("neg space first", " الثاني", None),
            case("neg english", "One", None),
        ];
        check(arabic_number, &cases);
    }

    #[test]
    fn english_number_cases() {
        let cases = [
            case("one", "One", Some((1, "One"))),
            case("title", "Five Definitions", Some((5, "Five"))),
            case("hyphen", "twenty-one", Some((21, "twenty-one"))),
            case("space", "Twenty One", Some((21, "Twenty One"))),
            case("hundred", "One Hundred", Some((100, "One Hundred"))),
            case(
                "and",
                "One Hundred and Five",
                Some((105, "One Hundred and Five")),
            ),
            case(
                "and dangling",
                "One Hundred and more",
                Some((100, "One Hundred")),
            ),
            case("first", "First", Some((1, "First"))),
            case(
                "ordinal compound",
                "Twenty-First",
                Some((21, "Twenty-First")),
            ),
            case("hundredth", "Hundredth", Some((100, "Hundredth"))),
            case(
                "two hundredth",
                "two hundredth",
                Some((200, "two hundredth")),
            ),
            case(
                "hundreds ordinal",
                "one hundred twenty-third",
                Some((123, "one hundred twenty-third")),
            ),
            case(
                "and fifth",
                "one hundred and fifth",
                Some((105, "one hundred and fifth")),
            ),
            case("caps", "NINETEENTH", Some((19, "NINETEENTH"))),
            case("twelfth", "Twelfth Schedule", Some((12, "Twelfth"))),
            case("ninetieth", "ninetieth", Some((90, "ninetieth"))),
            case("tens then word", "Forty Thieves", Some((40, "Forty"))),
            case("five-year", "five-year term", Some((5, "five"))),
            case("punct", "Three:", Some((3, "Three"))),
            case(
                "999",
                "nine hundred ninety-nine",
                Some((999, "nine hundred ninety-nine")),
            ),
            case("neg firstly", "Firstly", None),
            case("neg one-third", "one-third", None),
            case("neg two-thirds", "two-thirds", None),
            case("neg fifty-fifty", "fifty-fifty", None),
            case("neg articles", "Articles", None),
            case("neg and", "and five", None),
            case("neg empty", "", None),
            case("neg digits", "5", None),
            case("neg glued digit", "one1", None),
        ];
        check(english_number, &cases);
    }

    #[test]
    fn adverb_cases() {
        let cases = [
            case("1", "اولا", Some((1, "اولا"))),
            case("1 raw tanween", "أولاً: التعريفات", Some((1, "أولاً"))),
            case("2", "ثانيا", Some((2, "ثانيا"))),
            case("10", "عاشرا -", Some((10, "عاشرا"))),
            case("11", "حادي عشر: ", Some((11, "حادي عشر"))),
            case("11 maqsura", "حادى عشر", Some((11, "حادى عشر"))),
            case("19", "تاسع عشر", Some((19, "تاسع عشر"))),
            case("neg bare stem", "ثاني", None),
            case("neg ordinal", "الاول", None),
            case("neg word", "اولاد", None),
            case("neg empty", "", None),
        ];
        check(arabic_ordinal_adverb, &cases);
    }

    #[test]
    fn roman_cases() {
        struct R {
            name: &'static str,
            input: &'static str,
            expected: Option<u32>,
        }
        let cases = [
            R {
                name: "i",
                input: "I",
                expected: Some(1),
            },
            R {
                name: "iv",
                input: "IV",
                expected: Some(4),
            },
            R {
                name: "lower",
                input: "xii",
                expected: Some(12),
            },
            R {
                name: "1990",
                input: "MCMXC",
                expected: Some(1990),
            },
            R {
                name: "max",
                input: "MMMCMXCIX",
                expected: Some(3999),
            },
            R {
                name: "longest",
                input: "MMMDCCCLXXXVIII",
                expected: Some(3888),
            },
            R {
                name: "xl",
                input: "XL",
                expected: Some(40),
            },
            R {
                name: "cd",
                input: "cd",
                expected: Some(400),
            },
            R {
                name: "mmmm",
                input: "MMMM",
                expected: None,
            },
            R {
                name: "iiii",
                input: "IIII",
                expected: None,
            },
            R {
                name: "ic",
                input: "IC",
                expected: None,
            },
            R {
                name: "vx",
                input: "VX",
                expected: None,
            },
            R {
                name: "vv",
                input: "VV",
                expected: None,
            },
            R {
                name: "ixix",
                input: "IXIX",
                expected: None,
            },
            R {
                name: "empty",
                input: "",
                expected: None,
            },
            R {
                name: "space",
                input: " IV",
                expected: None,
            },
            R {
                name: "word",
                input: "MIX ",
                expected: None,
            },
            R {
                name: "letters",
                input: "ABC",
                expected: None,
            },
        ];
        for c in cases {
            assert_eq!(roman(c.input), c.expected, "case {}: {:?}", c.name, c.input);
        }
    }

    #[test]
    fn roman_round_trip() {
        fn to_roman(mut n: u32) -> String {
            const T: [(u32, &str); 13] = [
                (1000, "M"),
                (900, "CM"),
                (500, "D"),
                (400, "CD"),
                (100, "C"),
                (90, "XC"),
                (50, "L"),
                (40, "XL"),
                (10, "X"),
                (9, "IX"),
                (5, "V"),
                (4, "IV"),
                (1, "I"),
            ];
            let mut s = String::new();
            for (v, r) in T {
                while n >= v {
                    s.push_str(r);
                    n -= v;
                }
            }
            s
        }
        let mut valid = 0;
        for n in 1..=3999 {
            let r = to_roman(n);
            assert_eq!(roman(&r), Some(n), "{r}");
            assert_eq!(roman(&r.to_lowercase()), Some(n), "{r}");
        }
        // Every string of up to 4 Roman letters parses only if canonical.
        let letters = ['I', 'V', 'X', 'L', 'C', 'D', 'M'];
        let mut stack = vec![String::new()];
        while let Some(s) = stack.pop() {
            if !s.is_empty() {
                if let Some(v) = roman(&s) {
                    assert_eq!(to_roman(v), s);
                    valid += 1;
                }
            }
            if s.len() < 4 {
                for l in letters {
                    stack.push(format!("{s}{l}"));
                }
            }
        }
        assert!(valid > 0);
    }

    #[test]
    fn letter_cases() {
        struct L {
            name: &'static str,
            input: &'static str,
            order: LetterOrder,
            expected: Option<u32>,
        }
        use LetterOrder::{Abjad, Alphabetical};
        let cases = [
            L {
                name: "alef hamza",
                input: "أ",
                order: Abjad,
                expected: Some(1),
            },
            L {
                name: "alef folded",
                input: "ا",
                order: Abjad,
                expected: Some(1),
            },
            L {
                name: "jim abjad",
                input: "ج",
                order: Abjad,
                expected: Some(3),
            },
            L {
                name: "ha tatweel",
                input: "هـ",
                order: Abjad,
                expected: Some(5),
            },
            L {
                name: "ha folded",
                input: "ه",
                order: Abjad,
                expected: Some(5),
            },
            L {
                name: "ya maqsura",
                input: "ى",
                order: Abjad,
                expected: Some(10),
            },
            L {
                name: "ghain abjad",
                input: "غ",
                order: Abjad,
                expected: Some(28),
            },
            L {
                name: "ta alpha",
                input: "ت",
                order: Alphabetical,
                expected: Some(3),
            },
            L {
                name: "jim alpha",
                input: "ج",
                order: Alphabetical,
                expected: Some(5),
            },
            L {
                name: "ha alpha",
                input: "هـ",
                order: Alphabetical,
                expected: Some(26),
            },
            L {
                name: "ya alpha",
                input: "ي",
                order: Alphabetical,
                expected: Some(28),
            },
            L {
                name: "spaces",
                input: " ب ",
                order: Alphabetical,
                expected: Some(2),
            },
            L {
                name: "two letters",
                input: "اب",
                order: Abjad,
                expected: None,
            },
            L {
                name: "latin",
                input: "a",
                order: Abjad,
                expected: None,
            },
            L {
                name: "empty",
                input: "",
                order: Abjad,
                expected: None,
            },
            L {
                name: "tatweel only",
                input: "ـ",
                order: Abjad,
                expected: None,
            },
        ];
        for c in cases {
            assert_eq!(
                arabic_letter_ordinal(c.input, c.order),
                c.expected,
                "case {}: {:?}",
                c.name,
                c.input
            );
        }
        // Both orders are permutations of the same 28 letters.
        let mut a = ABJAD;
        let mut b = ALPHABETICAL;
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
    }

    #[test]
    fn number_words_in_cases() {
        struct W {
            name: &'static str,
            input: &'static str,
            expected: &'static [(u32, &'static str)],
        }
        let cases = [
            W {
                name: "english",
                input: "within fifteen days or two years",
                expected: &[(15, "fifteen"), (2, "two")],
            },
            W {
                name: "arabic teen",
                input: "خلال خمسه عشر يوما",
                expected: &[(15, "خمسه عشر")],
            },
            W {
                name: "arabic tens",
                input: "مده ثلاثين يوما",
                expected: &[(30, "ثلاثين")],
            },
            W {
                name: "raw arabic",
                input: "خلال خمسة عشر يوماً",
                expected: &[(15, "خمسة عشر")],
            },
            W {
                name: "proclitic",
                input: "بين العشرين والثلاثين",
                expected: &[(20, "العشرين"), (30, "الثلاثين")],
            },
            W {
                name: "proclitic ba",
                input: "بثلاثين يوما",
                expected: &[(30, "ثلاثين")],
            },
            W {
                name: "short proclitic",
                input: "لست ادري",
                expected: &[],
            },
            W {
                name: "one alone",
                input: "one member",
                expected: &[(1, "one")],
            },
            W {
                name: "wahid",
                input: "عضو واحد",
                expected: &[(1, "واحد")],
            },
            W {
                name: "compound",
                input: "a term of one hundred and twenty days",
                expected: &[(120, "one hundred and twenty")],
            },
            W {
                name: "mixed",
                input: "two years (سنتين) ثلاثه اشهر",
                expected: &[(2, "two"), (3, "ثلاثه")],
            },
            W {
                name: "inside words",
                input: "someone oftentimes",
                expected: &[],
            },
            W {
                name: "fraction",
                input: "one-third of members",
                expected: &[],
            },
            W {
                name: "empty",
                input: "",
                expected: &[],
            },
        ];
        for c in cases {
            let got: Vec<(u32, &str)> = number_words_in(c.input)
                .into_iter()
                .map(|(v, r)| (v, &c.input[r]))
                .collect();
            assert_eq!(got, c.expected, "case {}: {:?}", c.name, c.input);
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long_latin = "x".repeat(100);
        let long_arabic = "ا".repeat(100);
        let inputs = [
            "",
            "-",
            "- -",
            "و",
            "و ",
            "بعد",
            "الحاديه والعشرون بعد",
            "one hundred and",
            "one-",
            "ـــ",
            "\u{064B}",
            "ال",
            "مائه و",
            "ثلاث",
            "ثلاث مائه و",
            &long_latin,
            &long_arabic,
            "one\u{00A0}hundred",
            "é",
            "\u{200D}",
        ];
        for s in inputs {
            let _ = arabic_number(s);
            let _ = english_number(s);
            let _ = roman(s);
            let _ = arabic_ordinal_adverb(s);
            let _ = arabic_letter_ordinal(s, LetterOrder::Abjad);
            let _ = number_words_in(s);
        }
        assert_eq!(
            english_number("one\u{00A0}hundred"),
            Some((100, "one\u{00A0}hundred".len()))
        );
    }

    // -----------------------------------------------------------------------
    // Fast paths against straightforward references.
    // -----------------------------------------------------------------------

    /// `ar_word` as first written: a plain walk over `char_indices`.
    fn ar_word_reference(s: &str, i: usize) -> Option<(String, usize)> {
        let rest = s.get(i..)?;
        let mut w = String::new();
        let mut end = i;
        for (off, c) in rest.char_indices() {
            if is_word_mark(c) {
                end = i + off + c.len_utf8();
                continue;
            }
            let f = fold_letter(c);
            if !is_arabic_block_letter(f) {
                if c.is_alphanumeric() {
                    return None;
                }
                break;
            }
            end = i + off + f.len_utf8();
            if w.len() + f.len_utf8() > AR_WORD_MAX {
                return None;
            }
            w.push(f);
        }
        (!w.is_empty()).then_some((w, end))
    }

    /// `number_words_in` as first written: every word start tried in full,
    /// characters classified by the Unicode tables.
    fn number_words_reference(s: &str) -> Vec<(u32, Range<usize>)> {
        let word_char = |c: char| c.is_alphanumeric() || is_word_mark(c);
        let phrase = |i: usize, first: char| -> Option<(u32, usize, usize)> {
            if first.is_ascii_alphabetic() {
                return en_number_at(s, i).map(|(v, e)| (v, i, e));
            }
            if let Some((v, e)) = ar_number_at(s, i, Pre::Article) {
                return Some((v, i, e));
            }
            if matches!(first, 'و' | 'ب') {
                let rest = s.get(i + first.len_utf8()..)?;
                let j = s.len() - rest.trim_start_matches(is_word_mark).len();
                let (w, _) = ar_word_reference(s, j)?;
                if w.chars().count() >= 3 {
                    return ar_number_at(s, j, Pre::Article).map(|(v, e)| (v, j, e));
                }
            }
            None
        };
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
            if !word_char(c) {
                i += c.len_utf8();
                continue;
            }
            if let Some((v, start, end)) = phrase(i, c) {
                out.push((v, start..end));
                i = end;
                continue;
            }
            loop {
                let rest = &s[i..];
                i += rest.len() - rest.trim_start_matches(word_char).len();
                match s[i..].strip_prefix('-').and_then(|r| r.chars().next()) {
                    Some(c) if word_char(c) => i += 1,
                    _ => break,
                }
            }
        }
        out
    }

    fn check_against_reference(s: &str) {
        assert_eq!(number_words_in(s), number_words_reference(s), "{s:?}");
        // `may_start_phrase` of the word run at any position holds wherever
        // a phrase starts there.
        for (i, c) in s.char_indices() {
            if let Ok((v, ..)) = phrase_at(s, i, c) {
                let rest = &s[i..];
                let end = i + rest.len() - rest.trim_start_matches(is_word_char).len();
                assert!(may_start_phrase(&s[i..end]), "{v} at {i}: {s:?}");
                assert!(
                    !s[i..end].chars().any(never_in_number_word),
                    "{v} at {i}: {s:?}"
                );
            }
        }
        for (i, _) in s.char_indices() {
            let fast = ar_word(s, i).map(|(w, e)| (w.as_str().to_string(), e));
            assert_eq!(fast, ar_word_reference(s, i), "ar_word at {i}: {s:?}");
        }
    }

    #[test]
    fn number_words_in_matches_reference_on_generated_text() {
        const PIECES: &[&str] = &[
            // Arabic number words, folded and raw, with article and proclitics.
            "خمسه",
            "خمسة",
            "عشر",
            "عشرة",
            "الحادي",
            "الحاديه",
            "والعشرون",
            "و",
            "العشرين",
            "بثلاثين",
            "وخمسه",
            "والثلاثين",
            "ثلاث",
            "مائه",
            "مائة",
            "ثلاثمائه",
            "المائتين",
            "بعد",
            "السبعمائه",
            "الأولى",
            "اثنا",
            "إحدى",
            "ست",
            "لست",
            "وست",
            "بست",
            "ثماني",
            "مئه",
            "مايتان",
            "واحد",
            // Other Arabic words (several share a number word's first letters).
            "المادة",
            "الماده",
            "مادة",
            "عام",
            "تاريخ",
            "سنوات",
            "يوما",
            "الثانويه",
            "اول",
            "ال",
            "ب",
            "پ",
            "ک",
            "ی",
            // English.
            "one",
            "One",
            "TWENTY",
            "twenty",
            "first",
            "Hundred",
            "hundredth",
            "and",
            "third",
            "thirds",
            "half",
            "the",
            "to",
            "of",
            "Articles",
            "seventeenth",
            "fifty",
            "someone",
            "x",
            // Digits, marks, spaces, punctuation, other scripts.
            "12",
            "٣",
            "٤٥",
            "ـ",
            "\u{064E}",
            "\u{0651}",
            "\u{200D}",
            "\u{200C}",
            "\u{0670}",
            " ",
            " ",
            " ",
            "  ",
            "\u{00A0}",
            "\t",
            "\n",
            "-",
            "-",
            ",",
            ".",
            ":",
            "(",
            ")",
            "،",
            "؛",
            "؟",
            "٪",
            "\u{06D4}",
            "\u{0600}",
            "é",
            "ß",
            "中",
            "😀",
        ];
        // A small deterministic generator (xorshift64).
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..4000 {
            let n = 1 + next() % 12;
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
                // Mostly a space between pieces, sometimes glued.
                if next() % 4 != 0 {
                    s.push(' ');
                }
            }
            check_against_reference(&s);
        }
        // A word long enough to overflow the folded-word buffer.
        check_against_reference(&format!("و{} وخمسه", "ا".repeat(AR_WORD_MAX / 2)));
    }

    #[test]
    fn number_words_in_matches_reference_on_seeds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                number_words_in(&text),
                number_words_reference(&text),
                "{path:?}"
            );
            // Pieces starting and ending anywhere.
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            for k in (0..starts.len()).step_by(37) {
                let end = starts.get(k + 1 + k % 200).copied().unwrap_or(text.len());
                check_against_reference(&text[starts[k]..end]);
            }
            seen += 1;
        }
        assert!(seen >= 5, "seed texts not found in {dir}");
    }

    // -----------------------------------------------------------------------
    // Exhaustive round trip: spell every n in 1..=999 and read it back.
    // -----------------------------------------------------------------------

    const FEM: [&str; 11] = [
        "",
        "الاولي",
        "الثانيه",
        "الثالثه",
        "الرابعه",
        "الخامسه",
        "السادسه",
        "السابعه",
        "الثامنه",
        "التاسعه",
        "العاشره",
    ];
    const MASC: [&str; 11] = [
        "",
        "الاول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
    ];
    const TENS_AL: [&str; 10] = [
        "",
        "",
        "العشرون",
        "الثلاثون",
        "الاربعون",
        "الخمسون",
        "الستون",
        "السبعون",
        "الثمانون",
        "التسعون",
    ];
    /// Hundreds with the article, genitive (after بعد).
    const HUND_AL: [&str; 10] = [
        "",
        "المائه",
        "المائتين",
        "الثلاثمائه",
        "الاربعمائه",
        "الخمسمائه",
        "الستمائه",
        "السبعمائه",
        "الثمانمائه",
        "التسعمائه",
    ];
    const CARD: [&str; 11] = [
        "",
        "واحد",
        "اثنان",
        "ثلاثه",
        "اربعه",
        "خمسه",
        "سته",
        "سبعه",
        "ثمانيه",
        "تسعه",
        "عشره",
    ];
    const TENS: [&str; 10] = [
        "",
        "",
        "عشرون",
        "ثلاثون",
        "اربعون",
        "خمسون",
        "ستون",
        "سبعون",
        "ثمانون",
        "تسعون",
    ];
    const HUND: [&str; 10] = [
        "",
        "مائه",
        "مائتان",
        "ثلاثمائه",
        "اربعمائه",
        "خمسمائه",
        "ستمائه",
        "سبعمائه",
        "ثمانمائه",
        "تسعمائه",
    ];

    /// An Arabic ordinal with ال: `units` are the 1..10 forms, `hadi` the
    /// compound form of 1, `ten` the teen word.
    fn ar_ordinal(n: u32, units: &[&str; 11], hadi: &str, ten: &str) -> String {
        let (h, r) = ((n / 100) as usize, n % 100);
        let (t, u) = ((r / 10) as usize, (r % 10) as usize);
        let unit = |u: usize| if u == 1 { hadi } else { units[u] };
        let rest = match r {
            0 => String::new(),
            1..=10 => units[r as usize].to_string(),
            11..=19 => format!("{} {ten}", unit(u)),
            _ if u == 0 => TENS_AL[t].to_string(),
            _ => format!("{} و{}", unit(u), TENS_AL[t]),
        };
        match (h, r) {
            (0, _) => rest,
            (2, 0) => "المائتان".to_string(),
            (_, 0) => HUND_AL[h].to_string(),
            _ => format!("{rest} بعد {}", HUND_AL[h]),
        }
    }

    /// An Arabic cardinal, hundreds first: "ثلاثمائه وخمسه وعشرون".
    fn ar_cardinal(n: u32) -> String {
        let (h, r) = ((n / 100) as usize, n % 100);
        let (t, u) = ((r / 10) as usize, (r % 10) as usize);
        let rest = match r {
            0 => String::new(),
            1..=10 => CARD[r as usize].to_string(),
            11 => "احد عشر".to_string(),
            12 => "اثنا عشر".to_string(),
            13..=19 => format!("{} عشر", CARD[u]),
            _ if u == 0 => TENS[t].to_string(),
            _ => format!("{} و{}", CARD[u], TENS[t]),
        };
        match (h, r) {
            (0, _) => rest,
            (_, 0) => HUND[h].to_string(),
            _ => format!("{} و{rest}", HUND[h]),
        }
    }

    const EN_CARD: [&str; 20] = [
        "",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const EN_ORD: [&str; 20] = [
        "",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const EN_TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const EN_TENS_ORD: [&str; 10] = [
        "",
        "",
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];

    /// English words; `sep` joins tens and units, `and` goes after "hundred".
    fn english(n: u32, ordinal: bool, sep: &str, and: bool) -> String {
        let (h, r) = ((n / 100) as usize, (n % 100) as usize);
        let (t, u) = (r / 10, r % 10);
        let small = if ordinal { &EN_ORD } else { &EN_CARD };
        let rest = match r {
            0 => String::new(),
            1..=19 => small[r].to_string(),
            _ if u == 0 && ordinal => EN_TENS_ORD[t].to_string(),
            _ if u == 0 => EN_TENS[t].to_string(),
            _ => format!("{}{sep}{}", EN_TENS[t], small[u]),
        };
        match (h, r) {
            (0, _) => rest,
            (_, 0) if ordinal => format!("{} hundredth", EN_CARD[h]),
            (_, 0) => format!("{} hundred", EN_CARD[h]),
            _ if and => format!("{} hundred and {rest}", EN_CARD[h]),
            _ => format!("{} hundred {rest}", EN_CARD[h]),
        }
    }

    fn title_case(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut start = true;
        for c in s.chars() {
            out.extend(if start {
                c.to_uppercase().collect::<Vec<_>>()
            } else {
                vec![c]
            });
            start = !c.is_alphabetic();
        }
        out
    }

    #[test]
    fn exhaustive_round_trip() {
        let mut checked = 0;
        for n in 1..=999 {
            let arabic = [
                ar_ordinal(n, &FEM, "الحاديه", "عشره"),
                ar_ordinal(n, &MASC, "الحادي", "عشر"),
                ar_cardinal(n),
            ];
            for s in &arabic {
                assert_eq!(arabic_number(s), Some((n, s.len())), "{n}: {s}");
                // The following title word is not swallowed.
                let titled = format!("{s} العدول عن الموافقه");
                assert_eq!(arabic_number(&titled), Some((n, s.len())), "{n}: {titled}");
                // Found in running text, with its exact range.
                let prefix = "خلال ";
                let text = format!("{prefix}{s} يوما");
                let at = prefix.len();
                assert_eq!(
                    number_words_in(&text),
                    [(n, at..at + s.len())],
                    "{n}: {text}"
                );
                checked += 1;
            }
            let english_forms = [
                english(n, true, "-", false),
                english(n, false, "-", false),
                title_case(&english(n, true, " ", true)),
                title_case(&english(n, false, " ", true)),
            ];
            for s in &english_forms {
                assert_eq!(english_number(s), Some((n, s.len())), "{n}: {s}");
                let titled = format!("{s} Definitions");
                assert_eq!(english_number(&titled), Some((n, s.len())), "{n}: {titled}");
                let text = format!("within {s} days");
                assert_eq!(number_words_in(&text), [(n, 7..7 + s.len())], "{n}: {text}");
                checked += 1;
            }
        }
        assert_eq!(checked, 999 * 7);
    }

    #[test]
    fn raw_spelling_round_trip() {
        // Un-normalized spelling: ة for ه, ى for final ي, أ for ا.
        for n in 1..=999 {
            let folded = ar_ordinal(n, &FEM, "الحاديه", "عشره");
            let raw: String = folded
                .split(' ')
                .map(|w| {
                    let w = w.replace("الاولي", "الأولى").replace("اربع", "أربع");
                    match w.strip_suffix('ه') {
                        Some(stem) => format!("{stem}ة"),
                        None => w,
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(arabic_number(&raw), Some((n, raw.len())), "{n}: {raw}");
        }
    }
}
