//! First pass: one record of features per line of the input.
//!
//! In: the input text. Out: a [`Line`] per line with its byte range, its
//! script, a few cues (closing formula, recital, enacting formula…) and its
//! pieces: the article and division headings found on it, mapped back to
//! original byte offsets. Later passes work on these records only.

use super::heading::{self, ArticleMatch, DivisionMatch};
use crate::normalize::{self, Normalized};
use crate::numerals;

/// What a piece of a line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PieceKind {
    Article(ArticleMatch),
    Division(DivisionMatch),
    Text,
}

/// A piece of a line; ranges are original byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    pub kind: PieceKind,
    /// For headings: where the rest (title or body) starts, original offset.
    pub rest: usize,
}

/// A list marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Original byte offset where the item text starts.
    pub text_start: usize,
    pub ordinal: Option<u32>,
    /// An Arabic list letter, for deciding the letter order later.
    pub letter: Option<char>,
}

/// What a line's words suggest about its place in a law: the cues the
/// builder reads to find the title, preamble, closing, boilerplate and
/// quotations. Each is computed on the line's matching view, with any
/// leading bullet (`-`, `–`, `•`, `*`) and spaces trimmed off, and each
/// word list lives beside the code that tests it ([`cues`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Cues {
    /// A closing formula (`صدر في`, `Issued on`, `Done at`, `dated` …) at
    /// the start of a line of at most 16 words.
    pub closing: bool,
    /// An enacting formula (`قررت`, `اصدرنا`, `has decided`, `as
    /// follows`, `promulgated the following` …) opening or ending a line
    /// of at most 9 words.
    pub enacting: bool,
    /// The opening of the recitals (`بعد الاطلاع`, `بناء علي`, `Having
    /// regard`, `Pursuant to` …) at the start of the line.
    pub recital_intro: bool,
    /// One recital of a list of them: a line starting with `وعلي`, `علي`,
    /// `and ` or `having regard`, or with a bullet.
    pub recital: bool,
    /// A title line: an [`instrument`](Self::instrument) line that also has
    /// a number keyword (`رقم`, `No.`, `number`, `(`).
    pub title_kw: bool,
    /// The name of a kind of instrument (`قانون`, `مرسوم`, `Law`, `Decree`,
    /// `Resolution` …) anywhere in a line of at most 30 words that does not
    /// start with `-`.
    pub instrument: bool,
    /// A line of at most 12 words that starts with a number keyword (`رقم`,
    /// `No.`, `No`, `Number`): the number line under a title.
    pub number_line: bool,
    /// The subject line of a title (`بشان`, `بتعديل`, `On`, `Concerning`,
    /// `Amending` …) at the start of a line of at most 30 words.
    pub subtitle: bool,
    /// Web-page boilerplate anywhere in the line (`Subscribe`, `All rights
    /// reserved`, `Follow us`, `جميع الحقوق` …).
    pub boilerplate: bool,
    /// An amending verb anywhere in the line (`يستبدل`, `تضاف`, `replaced`,
    /// `shall read` …): the line may introduce a quoted article.
    pub amend: bool,
    /// The line starts with an opening quotation mark (`"`, `“`, `«`, `'`,
    /// `„`).
    pub quote_start: bool,
    /// The line is only an article keyword (`مادة`, `Article`) whose
    /// number is on the next line; set by the line scanner.
    pub bare_keyword: bool,
    /// The line is one word that is a proper prefix of an article keyword
    /// (`ما` of a heading broken as `ما` / `دة (14)`); set by the line
    /// scanner.
    pub keyword_fragment: bool,
}

/// One line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// Start of the line.
    pub start: usize,
    /// End of the line's content (before the line terminator).
    pub end: usize,
    /// Start of the next line (after the terminator).
    pub next: usize,
    /// Trimmed content range (original offsets); empty when blank.
    pub text_start: usize,
    pub text_end: usize,
    pub arabic: u32,
    pub latin: u32,
    pub words: u32,
    pub has_digit: bool,
    /// Last visible character of the matching view.
    pub last: char,
    /// First visible character is an upper-case Latin letter.
    pub capitalised: u32,
    pub pieces: Vec<Piece>,
    pub marker: Option<Marker>,
    pub cues: Cues,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text_start >= self.text_end
    }

    pub fn has_heading(&self) -> bool {
        !self.pieces.is_empty()
    }

    pub fn ends_sentence(&self) -> bool {
        matches!(
            self.last,
            '.' | ':' | ';' | '؛' | '!' | '?' | '-' | '،' | ','
        )
    }
}

/// Splits `text` into lines and analyses each.
pub(crate) fn analyse(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 60 + 1);
    let mut bufs = Buffers::default();
    let bytes = text.as_bytes();
    let mut start = 0;
    // Line ends, found by one searcher over the whole text.
    let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes);
    while start < text.len() {
        // A CR LF's LF is passed over: the line after it starts past it.
        let end = ends.find(|&k| k >= start).unwrap_or(bytes.len());
        let mut next = end;
        if next < bytes.len() {
            if bytes[next] == b'\r' && bytes.get(next + 1) == Some(&b'\n') {
                next += 2;
            } else {
                next += 1;
            }
        }
        lines.push(analyse_line(text, start, end, next, &mut bufs));
        start = next;
    }
    lines
}

/// How many bytes of a line's start are normalized when the line cannot
/// hold a heading: enough for any list marker (`- 7- `, `(iv)`, `أولا:`,
/// `Twenty-First:`) and for the keywords that decide whether it may.
const PREFIX: usize = 64;

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
fn first_visible(bytes: &[u8]) -> Option<usize> {
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
fn last_visible(bytes: &[u8], first: usize) -> (usize, Option<usize>) {
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
fn count(bytes: &[u8], line: &mut Line) -> bool {
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

/// Buffers for the views of one line after another.
#[derive(Default)]
struct Buffers {
    norm: Normalized,
    plain: String,
}

fn analyse_line(text: &str, start: usize, end: usize, next: usize, bufs: &mut Buffers) -> Line {
    let raw = &text[start..end];
    let mut line = Line {
        start,
        end,
        next,
        text_start: end,
        text_end: end,
        arabic: 0,
        latin: 0,
        words: 0,
        has_digit: false,
        last: ' ',
        capitalised: 0,
        pieces: Vec::new(),
        marker: None,
        cues: Cues::default(),
    };
    // The visible range and the last visible character come from short
    // scans at either end; one pass over the bytes between counts letters
    // and words.
    let bytes = raw.as_bytes();
    let Some(first) = first_visible(bytes) else {
        return line;
    };
    let (vis_end, last_at) = last_visible(bytes, first);
    let counted_plain = count(&bytes[first..vis_end], &mut line);
    line.text_start = start + first;
    line.text_end = start + vis_end;
    if let Some(at) = last_at {
        let c = raw[at..].chars().next().unwrap_or(' ');
        line.last = if c.is_ascii() || ('\u{0600}'..='\u{06FF}').contains(&c) {
            normalize::fold(c).unwrap_or(c)
        } else {
            // Compatibility forms (`：`) need the full view.
            let v = normalize::normalize(&raw[at..at + c.len_utf8()]);
            v.as_str().chars().last().unwrap_or(c)
        };
    }

    // The matching view of the line's start; of all of it when it may hold
    // headings (the heading matchers read the rest of the line too).
    let visible = &raw[first..vis_end];
    let mut full = visible.len() <= PREFIX || has_double_star(visible);
    let mut cut = visible.len().min(PREFIX);
    while !visible.is_char_boundary(cut) {
        cut -= 1;
    }
    // A plain start (ASCII and Arabic letters) has a view of its own
    // length, offsets unchanged: no map is needed.
    let prefix = if full { visible } else { &visible[..cut] };
    // ASCII without tabs is its own view.
    let ascii = prefix.is_ascii() && memchr::memchr(b'\t', prefix.as_bytes()).is_none();
    // A whole line the count found no plain line has no plain view either.
    let plain =
        ascii || ((counted_plain || !full) && normalize::normalize_plain(prefix, &mut bufs.plain));
    if !plain {
        normalize::normalize_into(prefix, &mut bufs.norm);
    }
    let plain_view = if ascii { prefix } else { bufs.plain.as_str() };
    let mut mapped = !plain;
    let md_off = |n: &str| n.len() - n.trim_start_matches(['#', ' ', '>']).len();
    let view = if plain {
        plain_view
    } else {
        bufs.norm.as_str()
    };
    if might_be_heading(&view[md_off(view)..]) {
        if !full || plain {
            normalize::normalize_into(visible, &mut bufs.norm);
            full = true;
            mapped = true;
        }
        let norm = &bufs.norm;
        let n = norm.as_str();
        let off = md_off(n);
        // Pieces: split on `**` (several headings run together on one line).
        find_pieces(&n[off..], off, line.text_start, norm, &mut line);
    }
    if line.pieces.is_empty() {
        let n = if mapped {
            bufs.norm.as_str()
        } else {
            plain_view
        };
        let s = strip_md(n);
        // Where `s` starts in the view (markdown marks stripped before it).
        let s_off = s.as_ptr() as usize - n.as_ptr() as usize;
        line.marker = list_marker(s).map(|(len, ordinal, letter)| {
            let at = (s_off + len).min(n.len());
            Marker {
                text_start: line.text_start
                    + if mapped {
                        bufs.norm.original_offset(at)
                    } else {
                        at
                    },
                ordinal,
                letter,
            }
        });
        if full {
            line.cues.bare_keyword = heading::is_bare_keyword(s);
            line.cues.keyword_fragment = line.words == 1 && heading::is_keyword_fragment(s);
        }
    }
    line
}

fn strip_md(s: &str) -> &str {
    s.trim_start_matches(['#', '>', ' '])
        .trim_matches(|c| c == '*' || c == '_' || c == ' ')
}

/// Whether `s` contains `**`: most lines have no `*` at all, and `memchr`
/// skips them fast.
fn has_double_star(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'*', b).any(|i| b.get(i + 1) == Some(&b'*'))
}

/// `s.split("**")`, with `memchr` finding the stars (no searcher to set
/// up for each line).
fn split_double_star(s: &str) -> impl Iterator<Item = &str> {
    let b = s.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut from = start;
        while let Some(k) = memchr::memchr(b'*', &b[from..]) {
            let at = from + k;
            if b.get(at + 1) == Some(&b'*') {
                let part = &s[start..at];
                start = at + 2;
                return Some(part);
            }
            from = at + 1;
        }
        done = true;
        Some(&s[start..])
    })
}

/// A cheap test before the heading matchers run.
fn might_be_heading(s: &str) -> bool {
    // A heading starts the line, or follows `**` (several run together).
    if has_double_star(s) {
        return true;
    }
    let l = s.trim_start_matches(['*', '_', ' ', '#']);
    let a = l.strip_prefix("ال").unwrap_or(l);
    if ["ماده", "باب", "فصل", "فرع", "قسم", "كتاب"]
        .iter()
        .any(|k| a.starts_with(k))
    {
        return true;
    }
    // Number first: `(14) مادة`.
    if l.starts_with(|c: char| c == '(' || c == '[' || c.is_ascii_digit()) {
        return true;
    }
    let b = l.as_bytes();
    ["art", "part", "chapter", "section", "title", "book"]
        .iter()
        .any(|k| b.len() >= k.len() && b[..k.len()].eq_ignore_ascii_case(k.as_bytes()))
}

/// Finds the heading pieces of a line. `body` is the view from `off`;
/// `base` the line's original start.
fn find_pieces(body: &str, off: usize, base: usize, norm: &Normalized, line: &mut Line) {
    let mut pos = 0;
    let raw_pieces = split_double_star(body).filter_map(|part| {
        let lead = part.len() - part.trim_start_matches([' ', '_', '#']).len();
        let t = part
            .trim_start_matches([' ', '_', '#'])
            .trim_end_matches([' ', '_']);
        let at = pos;
        pos += part.len() + 2;
        (!t.is_empty()).then_some((at + lead, at + lead + t.len()))
    });
    let orig = |v: usize| base + norm.original_offset(off + v);
    let orig_end = |a: usize, b: usize| base + norm.original_range(off + a, off + b).end;
    let mut pieces = Vec::new();
    let mut any_heading = false;
    let mut first = true;
    for (a, b) in raw_pieces {
        let s = &body[a..b];
        // Only the first piece of a line, or a piece after a heading, can be
        // a heading: `… وكذلك **مادة (5)**` inside a sentence is not one.
        let may_head = first || any_heading;
        first = false;
        if may_head {
            if let Some(m) = heading::match_article(s) {
                let rest = a + m.rest.min(s.len());
                pieces.push(Piece {
                    start: orig(a),
                    end: orig_end(a, b),
                    rest: if rest >= b {
                        orig_end(a, b)
                    } else {
                        orig(rest)
                    },
                    kind: PieceKind::Article(m),
                });
                any_heading = true;
                continue;
            }
            if let Some(m) = heading::match_division(s) {
                let rest_rel = m.rest.min(s.len());
                // A division heading that ends with an article heading.
                let tail = heading::trailing_article(&s[rest_rel..]).map(|t| rest_rel + t);
                let div_end = tail.unwrap_or(s.len());
                let rest = a + rest_rel;
                pieces.push(Piece {
                    start: orig(a),
                    end: orig_end(a, a + s[..div_end].trim_end().len()),
                    rest: if rest >= a + div_end {
                        orig_end(a, a + div_end)
                    } else {
                        orig(rest)
                    },
                    kind: PieceKind::Division(m),
                });
                if let Some(t) = tail {
                    if let Some(am) = heading::match_article(&s[t..]) {
                        let rest = a + t + am.rest;
                        pieces.push(Piece {
                            start: orig(a + t),
                            end: orig_end(a, b),
                            rest: if rest >= b {
                                orig_end(a, b)
                            } else {
                                orig(rest)
                            },
                            kind: PieceKind::Article(am),
                        });
                    }
                }
                any_heading = true;
                continue;
            }
        }
        pieces.push(Piece {
            start: orig(a),
            end: orig_end(a, b),
            rest: orig_end(a, b),
            kind: PieceKind::Text,
        });
    }
    if any_heading {
        line.pieces = pieces;
    }
}

fn starts_with_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        s.len() >= w.len()
            && s.is_char_boundary(w.len())
            && s[..w.len()].eq_ignore_ascii_case(w)
            && s[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The cues of a line without headings, computed on demand: only the
/// lines around the law's edges (title, preamble, closing, boilerplate)
/// and the paragraphs that introduce quotations need them.
/// `view` is a buffer for the line's matching view.
pub(crate) fn line_cues(text: &str, l: &Line, view: &mut Normalized) -> Cues {
    if l.is_blank() || l.has_heading() {
        return l.cues;
    }
    normalize::normalize_into(&text[l.text_start..l.text_end], view);
    let mut c = cues(strip_md(view.as_str()), l.words);
    c.bare_keyword = l.cues.bare_keyword;
    c.keyword_fragment = l.cues.keyword_fragment;
    c
}

/// The `amend` cue of [`line_cues`] alone: whether the line has an
/// amending verb. The keywords start and end with letters, so the marks
/// `cues` trims off the line's ends cannot be part of one, and a line of
/// ASCII without tabs is its own matching view. `view` and `plain` are
/// buffers.
pub(crate) fn line_amend(text: &str, l: &Line, view: &mut Normalized, plain: &mut String) -> bool {
    if l.is_blank() || l.has_heading() {
        return l.cues.amend;
    }
    let raw = &text[l.text_start..l.text_end];
    if raw.is_ascii() && !raw.contains('\t') {
        plain.clear();
        plain.push_str(raw);
    } else if !normalize::normalize_plain(raw, plain) {
        normalize::normalize_into(raw, view);
        plain.clear();
        plain.push_str(view.as_str());
    }
    plain.make_ascii_lowercase();
    has_amend_verb(plain)
}

/// Whether the lower-cased view `s` holds an amending verb (the keywords
/// are lower case, so this is the ASCII-case-insensitive search `cues`
/// makes). A packed (SIMD) searcher when the machine has one: it skips
/// most of the line.
fn has_amend_verb(s: &str) -> bool {
    enum Finder {
        Packed(aho_corasick::packed::Searcher),
        Automaton(aho_corasick::AhoCorasick),
    }
    static FINDER: std::sync::OnceLock<Finder> = std::sync::OnceLock::new();
    let f = FINDER.get_or_init(|| {
        let words = KEYWORDS.iter().filter(|(_, c)| *c == AMEND).map(|(k, _)| k);
        debug_assert!(words.clone().all(|w| w.to_ascii_lowercase() == *w));
        match aho_corasick::packed::Searcher::new(words.clone()) {
            Some(p) => Finder::Packed(p),
            None => Finder::Automaton(
                aho_corasick::AhoCorasick::new(words).expect("the keyword patterns are valid"),
            ),
        }
    });
    match f {
        Finder::Packed(p) => p.find(s).is_some(),
        Finder::Automaton(a) => a.is_match(s),
    }
}

const INSTRUMENT: u8 = 1;
const NUMBERED: u8 = 2;
const BOILERPLATE: u8 = 4;
const AMEND: u8 = 8;

/// Words looked for anywhere in a line, each with the cue it raises.
const KEYWORDS: &[(&str, u8)] = &[
    ("قانون", INSTRUMENT),
    ("قرار", INSTRUMENT),
    ("مرسوم", INSTRUMENT),
    ("لائحه", INSTRUMENT),
    ("نظام", INSTRUMENT),
    ("امر", INSTRUMENT),
    ("law", INSTRUMENT),
    ("decree", INSTRUMENT),
    ("resolution", INSTRUMENT),
    ("regulation", INSTRUMENT),
    ("order", INSTRUMENT),
    ("decision", INSTRUMENT),
    ("act", INSTRUMENT),
    ("constitution", INSTRUMENT),
    ("declaration", INSTRUMENT),
    ("رقم", NUMBERED),
    ("no.", NUMBERED),
    ("number", NUMBERED),
    ("(", NUMBERED),
    ("subscribe", BOILERPLATE),
    ("newsletter", BOILERPLATE),
    ("cookie", BOILERPLATE),
    ("all rights reserved", BOILERPLATE),
    ("related articles", BOILERPLATE),
    ("read more", BOILERPLATE),
    ("copyright", BOILERPLATE),
    ("follow us", BOILERPLATE),
    ("mailbox", BOILERPLATE),
    ("spam", BOILERPLATE),
    ("comments", BOILERPLATE),
    ("share this", BOILERPLATE),
    ("new legal database", BOILERPLATE),
    ("thrilled to announce", BOILERPLATE),
    ("الاخبار الجيده", BOILERPLATE),
    ("النشره البريديه", BOILERPLATE),
    ("اشترك", BOILERPLATE),
    ("جميع الحقوق", BOILERPLATE),
    ("رسائل غير مرغوب", BOILERPLATE),
    ("تصميمنا الجديد", BOILERPLATE),
    ("يستبدل", AMEND),
    ("تستبدل", AMEND),
    ("يضاف", AMEND),
    ("تضاف", AMEND),
    ("يعدل", AMEND),
    ("تعدل", AMEND),
    ("يستعاض", AMEND),
    ("replaced", AMEND),
    ("amended", AMEND),
    ("inserted", AMEND),
    ("added", AMEND),
    ("substituted", AMEND),
    ("to read", AMEND),
    ("shall read", AMEND),
    ("reworded", AMEND),
];

/// One pass over the line finds every keyword (ASCII case-insensitive).
fn keyword_cues(s: &str) -> u8 {
    use aho_corasick::{AhoCorasick, AhoCorasickKind};
    type Matcher = std::sync::OnceLock<AhoCorasick>;
    let build = |kind| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(kind))
            .build(KEYWORDS.iter().map(|(k, _)| k))
            .expect("the keyword patterns are valid")
    };
    // A few lines per document are searched: an automaton quick to build
    // (a DFA costs about a millisecond) rather than quick to run, unless a
    // line is long (a text without line breaks).
    static SHORT: Matcher = Matcher::new();
    static LONG: Matcher = Matcher::new();
    let m = if s.len() <= 4096 {
        SHORT.get_or_init(|| build(AhoCorasickKind::ContiguousNFA))
    } else {
        LONG.get_or_init(|| build(AhoCorasickKind::DFA))
    };
    let mut bits = 0;
    for found in m.find_overlapping_iter(s) {
        bits |= KEYWORDS[found.pattern().as_usize()].1;
        if bits == INSTRUMENT | NUMBERED | BOILERPLATE | AMEND {
            break;
        }
    }
    bits
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Closing formulas: [`Cues::closing`].
const CLOSING_OPENERS: &[&str] = &[
    "صدر في",
    "صدر ب",
    "صدر عن",
    "صدر بتاريخ",
    "حرر في",
    "حرر ب",
    "الموافق",
    "تحريرا في",
    "issued on",
    "issued in",
    "issued at",
    "issued",
    "done at",
    "done in",
    "done on",
    "corresponding to",
    "promulgated on",
    "promulgated at",
    "dated",
];

/// Enacting formulas that open a line: [`Cues::enacting`].
const ENACTING_OPENERS: &[&str] = &[
    "قرر",
    "قررت",
    "قررنا",
    "يقرر",
    "اصدر",
    "اصدرنا",
    "نصدر",
    "رسمنا",
    "رسم بما",
    "اصدرت",
    "اقر",
];

/// Enacting formulas that end a line (ASCII case-insensitive):
/// [`Cues::enacting`].
const ENACTING_ENDINGS: &[&str] = &[
    "decided",
    "decreed",
    "decides",
    "decrees",
    "has decided",
    "as follows",
    "following law",
    "following decree",
    "hereby decree",
    "promulgates",
    "resolved",
    "resolves",
    "enacted",
];

/// Openings of the recitals: [`Cues::recital_intro`].
const RECITAL_INTRO_OPENERS: &[&str] = &[
    "بعد الاطلاع",
    "وبعد الاطلاع",
    "بناء علي",
    "وبناء علي",
    "استنادا",
    "upon review",
    "upon reviewing",
    "having reviewed",
    "having regard",
    "after review",
    "after reviewing",
    "after perusal",
    "pursuant to",
    "in accordance with",
    "based on",
    "having perused",
];

/// Openings of a title's subject line: [`Cues::subtitle`].
const SUBTITLE_OPENERS: &[&str] = &[
    "بشان",
    "في شان",
    "بتنظيم",
    "باصدار",
    "بتعديل",
    "بانشاء",
    "بتقرير",
    "باعتماد",
    "on",
    "concerning",
    "regarding",
    "relating",
    "establishing",
    "amending",
    "organising",
    "organizing",
    "issuing",
    "promulgating",
];

/// [`Cues::enacting`] of the line `l` (bullet trimmed off), which has at
/// most 9 words.
fn is_enacting(l: &str) -> bool {
    let core = l.trim_end_matches([':', '-', '.', ' ', '*']);
    let lower = core.to_ascii_lowercase();
    starts_with_any(core, ENACTING_OPENERS)
        || ENACTING_ENDINGS.iter().any(|e| ends_with_ci(core, e))
        || lower.contains("issued the following")
        || lower.contains("promulgated the following")
}

/// The cues of the matching view `s` of a line of `words` words; the two
/// the line scanner sets ([`Cues::bare_keyword`],
/// [`Cues::keyword_fragment`]) are left false.
fn cues(s: &str, words: u32) -> Cues {
    let mut c = Cues::default();
    let l = s.trim_start_matches(['-', '–', '•', '*', ' ']);
    c.closing = words <= 16 && starts_with_any(l, CLOSING_OPENERS);
    if words <= 9 {
        c.enacting = is_enacting(l);
    }
    c.recital_intro = starts_with_any(l, RECITAL_INTRO_OPENERS);
    c.recital = starts_with_any(l, &["وعلي", "علي", "and ", "having regard"])
        || s.starts_with(['-', '–', '•', '*']);
    let kw = keyword_cues(l);
    c.instrument = words <= 30 && !l.starts_with('-') && kw & INSTRUMENT != 0;
    c.number_line = words <= 12 && starts_with_any(l, &["رقم", "no.", "no", "number"]);
    c.title_kw = c.instrument && kw & NUMBERED != 0;
    c.subtitle = words <= 30 && starts_with_any(l, SUBTITLE_OPENERS);
    c.boilerplate = kw & BOILERPLATE != 0;
    c.amend = kw & AMEND != 0;
    c.quote_start = s.starts_with(['"', '“', '«', '\'', '„']);
    c
}

/// Reads a list marker at the start of `s` (a trimmed view piece). Returns
/// (bytes of the marker and following spaces, ordinal, Arabic letter).
pub(crate) fn list_marker(s: &str) -> Option<(usize, Option<u32>, Option<char>)> {
    let total = s.len();
    let mut t = s;
    let mut bullet = false;
    while let Some(c) = t.chars().next() {
        if matches!(c, '-' | '–' | '—' | '•' | '*' | '·' | '▪' | '◦') {
            bullet = true;
            t = t[c.len_utf8()..].trim_start();
        } else {
            break;
        }
    }
    let done = |rest: &str| total - rest.trim_start().len();
    // (1), (أ), (a), (iv)
    if let Some(inner) = t.strip_prefix('(') {
        // Only a `)` within 8 bytes closes a marker: no need to look further.
        let near = &inner.as_bytes()[..inner.len().min(9)];
        if let Some(close) = memchr::memchr(b')', near) {
            let tok = inner[..close].trim();
            if let Some((ord, letter)) = token_ordinal(tok) {
                return Some((done(&inner[close + 1..]), Some(ord), letter));
            }
        }
    }
    // 1- 1. 1) أ- هـ- a) iv.
    // The first of `- . ) – / :` starting within 8 bytes, found on bytes:
    // an ASCII byte or the lead byte E2 always starts a character.
    let tb = t.as_bytes();
    let tok_end = (0..tb.len().min(9)).find(|&i| {
        matches!(tb[i], b'-' | b'.' | b')' | b'/' | b':')
            || (tb[i] == 0xE2 && tb.get(i + 1) == Some(&0x80) && tb.get(i + 2) == Some(&0x93))
    });
    if let Some(i) = tok_end {
        let tok = t[..i].trim();
        if !tok.contains(' ') {
            if let Some((ord, letter)) = token_ordinal(tok) {
                let after = &t[i + t[i..].chars().next().map_or(1, char::len_utf8)..];
                // `1.5` or `2012/1` are numbers, not markers.
                if !after.starts_with(|c: char| c.is_ascii_digit()) {
                    return Some((done(after), Some(ord), letter));
                }
            }
        }
    }
    // أولا: / First:
    if may_be_ordinal_adverb(t) {
        if let Some((v, len)) = numerals::arabic_ordinal_adverb(t) {
            let after = t[len..].trim_start();
            if let Some(a) = after.strip_prefix([':', '-', '–']) {
                return Some((done(a), Some(v), None));
            }
        }
    }
    // Only a capitalised number word makes a marker (`First:`), and number
    // words are ASCII.
    if t.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        if let Some((v, len)) = numerals::english_number(t) {
            let after = t[len..].trim_start();
            if let Some(a) = after.strip_prefix([':', '-', '–']) {
                if len > 0 && t[..len].chars().next().is_some_and(char::is_uppercase) {
                    return Some((done(a), Some(v), None));
                }
            }
        }
    }
    if bullet && !t.is_empty() {
        return Some((done(t), None, None));
    }
    None
}

/// Whether `s` may start with an Arabic ordinal adverb (`أولا`, `ثانيا`,
/// `حادي عشر`…) followed by `:`, `-` or `–`: its first letter, after the
/// marks the number reader skips, is the first letter of one of them, and
/// one of those marks (`–` is the only character of its lead byte here
/// that matters) comes somewhere after it.
fn may_be_ordinal_adverb(s: &str) -> bool {
    may_start_ordinal_adverb(s) && memchr::memchr3(b':', b'-', 0xE2, s.as_bytes()).is_some()
}

fn may_start_ordinal_adverb(s: &str) -> bool {
    let first = s.chars().find(|&c| !normalize::is_word_mark(c));
    matches!(
        first.map(normalize::fold_letter),
        Some('ا' | 'ث' | 'ر' | 'خ' | 'س' | 'ت' | 'ع' | 'ح')
    )
}

fn token_ordinal(tok: &str) -> Option<(u32, Option<char>)> {
    if tok.is_empty() {
        return None;
    }
    if tok.bytes().all(|b| b.is_ascii_digit()) {
        if tok.len() > 3 {
            return None;
        }
        return tok.parse().ok().map(|v| (v, None));
    }
    let mut chars = tok.chars();
    let c = chars.next()?;
    let rest = chars.as_str();
    if normalize::is_arabic_letter(c) && (rest.is_empty() || rest == "ـ") {
        let v =
            numerals::arabic_letter_ordinal(&tok[..c.len_utf8()], numerals::LetterOrder::Abjad)?;
        return Some((v, Some(c)));
    }
    if c.is_ascii_lowercase() && rest.is_empty() {
        return Some((c as u32 - 'a' as u32 + 1, None));
    }
    if tok.len() <= 5 && tok.bytes().all(|b| b"ivxlIVXL".contains(&b)) {
        return numerals::roman(tok).map(|v| (v, None));
    }
    None
}

#[cfg(test)]
mod tests {
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
        /// The byte scanner agrees with counts taken on the matching view.
        #[test]
        fn scan_agrees_with_the_view(raw in "[a-zA-Z0-9 .:*()\t\u{a0}\u{2009}\u{202f}\u{3000}ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآـًٌٍَُِّ\u{200f}\u{202b}\u{feff}٠١٩۴\u{FE8D}\u{FEE1}\u{FEA9}\u{FE93}]{0,40}") {
            let line = analyse(&raw).into_iter().next();
            let view = crate::normalize::normalize(&raw);
            let v = view.as_str().trim();
            match line {
                None => proptest::prop_assert!(raw.is_empty()),
                Some(l) => {
                    proptest::prop_assert_eq!(l.is_blank(), v.is_empty());
                    if !v.is_empty() {
                        proptest::prop_assert_eq!(l.words as usize, v.split_whitespace().count());
                        let arabic = v.chars().filter(|c| crate::normalize::is_arabic_letter(*c)).count();
                        proptest::prop_assert_eq!(l.arabic as usize, arabic);
                        proptest::prop_assert_eq!(l.latin as usize, v.chars().filter(char::is_ascii_alphabetic).count());
                        proptest::prop_assert_eq!(l.has_digit, v.chars().any(|c| c.is_ascii_digit()));
                        let last = v.trim_end_matches(['*', '_', ' ']).chars().last().unwrap_or(' ');
                        if !v.ends_with(['*', '_']) {
                            proptest::prop_assert_eq!(l.last, last);
                        }
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// The prefilter never turns away an ordinal adverb.
        #[test]
        fn adverb_prefilter_keeps_every_adverb(text in "[\u{0640}\u{064e}\u{200c} ]{0,2}(اولا|أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا|حادي عشر|ثاني عشر|تاسع عشر|مادة|بند)[ :–-]{0,3}") {
            let marker = numerals::arabic_ordinal_adverb(&text)
                .is_some_and(|(_, len)| text[len..].trim_start().starts_with([':', '-', '–']));
            if marker {
                proptest::prop_assert!(may_be_ordinal_adverb(&text), "{}", text);
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

    proptest::proptest! {
        /// The amend cue alone is the amend cue of all the cues.
        #[test]
        fn amend_alone_agrees(raw in "(( |\t|-|\\*|x|ـ|\u{a0}|أ|قد|Replaced|ADDED|to Read|shall\u{a0}read|amend|ed|يستبدل|تضاف|يـعدل|ت\u{64e}ستبدل|يستعاض|استعاض|ى)){1,12}") {
            let lines = analyse(&raw);
            let mut view = Normalized::default();
            let mut plain = String::new();
            for l in &lines {
                let all = line_cues(&raw, l, &mut view);
                proptest::prop_assert_eq!(line_amend(&raw, l, &mut view, &mut plain), all.amend, "{:?}", &raw[l.start..l.end]);
            }
        }
    }

    proptest::proptest! {
        /// The star splitter splits as `str::split` does.
        #[test]
        fn double_star_split(text in "[a*ب ]{0,16}") {
            let got: Vec<&str> = split_double_star(&text).collect();
            let want: Vec<&str> = text.split("**").collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn markers() {
        let cases: &[(&str, Option<u32>)] = &[
            ("1. Libyan Intelligence Services", Some(1)),
            ("1- يشترط", Some(1)),
            ("- 7- الحكم عليه", Some(7)),
            ("أ- تنفيذ برنامج", Some(1)),
            ("هـ- مراجعة الطلبات", Some(5)),
            ("(b) the minister", Some(2)),
            ("iv) item", Some(4)),
            ("- فرع شئون النيابات.", None),
            ("أولا: نيابة", Some(1)),
            ("First: Armed People", Some(1)),
        ];
        for (input, ord) in cases {
            let n = crate::normalize::normalize(input);
            let m = list_marker(n.as_str());
            assert!(m.is_some(), "{input}");
            assert_eq!(m.unwrap().1, *ord, "{input}");
        }
        assert!(list_marker("The JSOR shall").is_none());
        assert!(list_marker("2012/1 something").is_none());
        assert!(list_marker("الجهاز: جهاز المخابرات").is_none());
    }

    #[test]
    fn lines_and_spans() {
        let text = "\u{feff}مادة (1)\r\nنص.\r\n\r\nالباب الثاني**الفصل الأول****مادة (5)**\n";
        let lines = analyse(text);
        assert_eq!(lines.len(), 4);
        assert_eq!(&text[lines[0].text_start..lines[0].text_end], "مادة (1)");
        assert!(lines[2].is_blank());
        assert_eq!(lines[3].pieces.len(), 3);
        let last = &lines[3].pieces[2];
        assert_eq!(&text[last.start..last.end], "مادة (5)");
    }
}
