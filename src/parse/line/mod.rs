//! First pass: one record of features per line of the input.
//!
//! In: the input text. Out: a [`Line`] per line with its byte range, its
//! script, a few cues (closing formula, recital, enacting formula…) and its
//! pieces: the article and division headings found on it, mapped back to
//! original byte offsets. Later passes work on these records only.
//!
//! The byte-level scanner that finds a line's visible text and counts its
//! words and letters is in `scan.rs`; the cues and their keyword lists in
//! `cues.rs`.

mod cues;
mod scan;

pub(crate) use cues::{line_amend, line_cues, Cues};
use scan::{count, first_visible, last_visible};

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
    /// The marker's position in its list (`3` for `3-`, `ج` or `(iii)`), if
    /// it has one (a bullet has none).
    pub ordinal: Option<u32>,
    /// An Arabic list letter, for deciding the letter order later.
    pub letter: Option<char>,
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
    /// Start of the trimmed content (original offset): its first visible
    /// character.
    pub text_start: usize,
    /// End of the trimmed content (original offset); `text_start` when the
    /// line is blank.
    pub text_end: usize,
    /// Arabic letters in the trimmed content (presentation forms counted).
    pub arabic: u32,
    /// Latin letters (ASCII) in the trimmed content.
    pub latin: u32,
    /// Words (runs of visible characters between spaces).
    pub words: u32,
    /// Whether the content holds an ASCII or Arabic-Indic digit.
    pub has_digit: bool,
    /// Last visible character of the matching view.
    pub last: char,
    /// Words that start with an upper-case Latin letter (a count, not a
    /// flag).
    pub capitalised: u32,
    /// The heading pieces of the line and the text between them; empty when
    /// the line holds no heading.
    pub pieces: Vec<Piece>,
    /// The list marker the line starts with, if any.
    pub marker: Option<Marker>,
    /// The cues known when the line is read (those of heading lines and the
    /// keyword cues); the others are computed on demand ([`line_cues`]).
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

pub(super) fn strip_md(s: &str) -> &str {
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
    let l = heading::strip_debris(l);
    let a = l.strip_prefix("ال").unwrap_or(l);
    if ["ماده", "باب", "فصل", "فرع", "قسم", "كتاب", "جزء", "عنوان"]
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
    for (a0, b) in raw_pieces {
        // Extraction debris before a heading (`- الفصل 5`, `* Article 3`,
        // `.5 الفصل`) and after it (`الفصل 5 *`) is passed over for
        // matching; it stays with the heading's unit.
        let s0 = &body[a0..b];
        let trimmed = heading::strip_debris(s0)
            .trim_end_matches(heading::TRAILING_DEBRIS)
            .trim_end();
        let (a, s) = if trimmed.is_empty() {
            (a0, s0)
        } else {
            (a0 + (s0.len() - heading::strip_debris(s0).len()), trimmed)
        };
        // Only the first piece of a line, or a piece after a heading, can be
        // a heading: `… وكذلك **مادة (5)**` inside a sentence is not one.
        let may_head = first || any_heading;
        first = false;
        // A heading piece from view byte `start` to `end`, its rest (title
        // or body) from `rest`, or none when `rest` is at `limit` or past it
        // (offsets in the view, mapped to the original; the end is that of
        // the original of `a..end`).
        let heading_piece = |start: usize, end: usize, rest: usize, limit: usize, kind| Piece {
            start: orig(start),
            end: orig_end(a, end),
            rest: if rest >= limit {
                orig_end(a, limit)
            } else {
                orig(rest)
            },
            kind,
        };
        // The rest after a heading: nothing when only debris follows it.
        let rest_at = |r: usize| if r >= s.len() { b } else { a + r };
        if may_head {
            if let Some(m) = heading::match_article(s) {
                let rest = rest_at(m.rest);
                pieces.push(heading_piece(a, b, rest, b, PieceKind::Article(m)));
                any_heading = true;
                continue;
            }
            if let Some(m) = heading::match_division(s) {
                let rest_rel = m.rest.min(s.len());
                // A division heading that ends with an article heading.
                let tail = heading::trailing_article(&s[rest_rel..]).map(|t| rest_rel + t);
                let div_end = tail.map_or(b, |t| a + t);
                let rest = if tail.is_none() {
                    rest_at(rest_rel)
                } else {
                    a + rest_rel
                };
                let end = match tail {
                    Some(t) => a + s[..t].trim_end().len(),
                    None => b,
                };
                pieces.push(heading_piece(a, end, rest, div_end, PieceKind::Division(m)));
                if let Some(t) = tail {
                    if let Some(am) = heading::match_article(&s[t..]) {
                        let rest = rest_at(t + am.rest);
                        pieces.push(heading_piece(a + t, b, rest, b, PieceKind::Article(am)));
                    }
                }
                any_heading = true;
                continue;
            }
        }
        pieces.push(Piece {
            start: orig(a0),
            end: orig_end(a0, b),
            rest: orig_end(a0, b),
            kind: PieceKind::Text,
        });
    }
    if any_heading {
        line.pieces = pieces;
    }
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
