//! Recognising headings in one piece of normalized text.
//!
//! In: a trimmed piece of the matching view (see [`crate::normalize`]).
//! Out: an article or division heading with its label and where the rest of
//! the piece (a title or body text) starts, or nothing.

use crate::document::{DivisionKind, Label};
use crate::numerals;

/// How a number was written in a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumStyle {
    Digits,
    Words,
    Roman,
}

/// An article heading found at the start of a piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ArticleMatch {
    pub label: Label,
    /// Byte offset in the piece where the rest (title/body) starts; equal to
    /// the piece length when there is none.
    pub rest: usize,
    /// Whether a separator (`:`, `-`, `.`) followed the number.
    pub sep: bool,
    /// The heading was written number first (`(14) مادة`).
    pub reversed: bool,
    pub style: NumStyle,
    pub arabic: bool,
}

/// A division heading found at the start of a piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DivisionMatch {
    pub kind: DivisionKind,
    /// `None` for a preliminary or final division (`باب تمهيدي`).
    pub number: Option<u32>,
    pub rest: usize,
}

const AR_ARTICLE: [&str; 2] = ["الماده", "ماده"];

const AR_DIVISIONS: [(&str, DivisionKind); 14] = [
    ("الباب", DivisionKind::Part),
    ("باب", DivisionKind::Part),
    ("الجزء", DivisionKind::Part),
    ("جزء", DivisionKind::Part),
    ("العنوان", DivisionKind::Title),
    ("عنوان", DivisionKind::Title),
    ("الفصل", DivisionKind::Chapter),
    ("فصل", DivisionKind::Chapter),
    ("الفرع", DivisionKind::Section),
    ("فرع", DivisionKind::Section),
    ("القسم", DivisionKind::Title),
    ("قسم", DivisionKind::Title),
    ("الكتاب", DivisionKind::Book),
    ("كتاب", DivisionKind::Book),
];

const EN_DIVISIONS: [(&str, DivisionKind); 5] = [
    ("part", DivisionKind::Part),
    ("chapter", DivisionKind::Chapter),
    ("section", DivisionKind::Section),
    ("title", DivisionKind::Title),
    ("book", DivisionKind::Book),
];

/// First words after a heading-like start that show the line is a
/// cross-reference in a sentence, not a heading.
const AR_STOP: [&str; 24] = [
    "من",
    "في",
    "الي",
    "علي",
    "عن",
    "او",
    "و",
    "لسنه",
    "المشار",
    "المذكوره",
    "المذكور",
    "السابقه",
    "السابق",
    "اعلاه",
    "هذا",
    "هذه",
    "بشان",
    "التي",
    "الذي",
    "منه",
    "فيما",
    "مع",
    "بعد",
    "قبل",
];
const EN_STOP: [&str; 18] = [
    "of",
    "in",
    "to",
    "from",
    "and",
    "or",
    "shall",
    "is",
    "are",
    "above",
    "hereof",
    "thereof",
    "herein",
    "which",
    "that",
    "above-mentioned",
    "mentioned",
    "under",
];

/// Characters left around a heading by extraction (bullets, dashes, stray
/// punctuation) that are passed over before a heading is matched.
const LEADING_DEBRIS: [char; 12] = ['-', '–', '—', '*', '•', '·', '.', ':', '|', '_', '~', ' '];

/// Characters after a heading that are debris, not a title.
pub(crate) const TRAILING_DEBRIS: [char; 6] = ['*', '•', '·', '|', '~', ' '];

/// The piece without the extraction debris before its first letter or
/// digit (`- الفصل 5`, `* Article 3`, `.5 الفصل`). A list number (`5-`) or
/// bracket is not debris.
pub(crate) fn strip_debris(s: &str) -> &str {
    // Most pieces open with a letter or digit: one byte tells (the debris
    // outside ASCII starts with 0xC2 or 0xE2, an Arabic letter with
    // 0xD8–0xDB).
    match s.as_bytes().first() {
        None => s,
        Some(&b) if b.is_ascii() && !LEADING_DEBRIS.contains(&char::from(b)) => s,
        Some(&(0xD8..=0xDB)) => s,
        Some(_) => s.trim_start_matches(LEADING_DEBRIS),
    }
}

/// Strips `prefix` (ASCII case-insensitive) when followed by a non-letter.
fn strip_keyword<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if s.len() < prefix.len() || !s.is_char_boundary(prefix.len()) {
        return None;
    }
    let (head, tail) = s.split_at(prefix.len());
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    match tail.chars().next() {
        Some(c) if c.is_alphabetic() => None,
        _ => Some(tail),
    }
}

fn skip_ws(s: &str) -> &str {
    s.trim_start_matches([' ', '\t'])
}

/// Reads a number at the start of `s`: digits, optionally in brackets, or
/// number words. Returns (value, style, rest, had_open_bracket_unclosed).
fn read_number(s: &str, arabic: bool) -> Option<(u32, NumStyle, &str)> {
    let s = skip_ws(s);
    let (open, inner) = match s.chars().next() {
        Some(c @ ('(' | '[' | '{')) => (Some(c), skip_ws(&s[1..])),
        _ => (None, s),
    };
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    let (value, style, after) = if digits > 0 {
        if digits > super::refused::MAX_DIGITS {
            return None;
        }
        let v: u32 = inner[..digits].parse().ok()?;
        (v, NumStyle::Digits, &inner[digits..])
    } else if open.is_none() {
        let (v, len) = if arabic {
            numerals::arabic_number(inner)?
        } else if let Some(r) = numerals::english_number(inner) {
            r
        } else {
            let len = inner
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(inner.len());
            let v = numerals::roman(&inner[..len])?;
            return Some((v, NumStyle::Roman, &inner[len..]));
        };
        (v, NumStyle::Words, &inner[len..])
    } else {
        return None;
    };
    if value == 0 {
        return None;
    }
    // A letter glued to digits (`5A`) is handled by the suffix reader; a
    // digit run followed by `.digit` or `/digit` is a sub-number reference.
    let mut chars = after.chars();
    if let (Some('.' | '/' | ','), Some(d)) = (chars.next(), chars.next()) {
        if d.is_ascii_digit() {
            return None;
        }
    }
    if let Some(open) = open {
        let close = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        let a = skip_ws(after);
        if let Some(rest) = a.strip_prefix(close) {
            return Some((value, style, rest));
        }
        // `Article (1` with the bracket never closed, at the end of a line.
        if a.trim().is_empty() {
            return Some((value, style, a));
        }
        // `المادة (5 مكرر)`: the suffix inside the bracket.
        return None;
    }
    Some((value, style, after))
}

/// Skips a word meaning "number" (`رقم`, `No.`) when a number follows it.
fn skip_number_word<'a>(s: &'a str, words: &[&str]) -> &'a str {
    let t = skip_ws(s);
    for w in words {
        if let Some(r) = strip_keyword(t, w) {
            let r2 = skip_ws(r);
            if r2.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '[') {
                return r2;
            }
        }
    }
    s
}

/// Reads an article suffix (`مكرر`, `bis`, `(bis)`, `5A`) at the start of `s`.
fn read_suffix(s: &str, arabic: bool) -> (Option<String>, &str) {
    if !arabic {
        if let Some((suffix, after)) = glued_capital_suffix(s) {
            return (Some(suffix), after);
        }
    }
    let (bracketed, inner) = open_bracket(skip_ws(s));
    let Some((base, mut rest)) = suffix_word(inner, arabic) else {
        return (None, s);
    };
    if bracketed {
        match skip_ws(rest).strip_prefix(')') {
            Some(r) => rest = r,
            None => {
                return match unclosed_suffix(base, rest).filter(|_| !arabic) {
                    Some((suffix, after)) => (Some(suffix), after),
                    None => (None, s),
                };
            }
        }
    }
    let repetition = if arabic {
        arabic_repetition(rest)
    } else {
        english_repetition(rest)
    };
    match repetition {
        Some((n, after)) => (Some(repetition_suffix(base, n)), after),
        None => (Some(base.to_string()), rest),
    }
}

/// An article suffix right after the number, or after a separator
/// (`المادة 87 - مكرر (اضيفت …)`, `Article 5 - bis`): no title starts with
/// the suffix word, so it is the label's suffix, not a title.
fn suffix_after_separator(s: &str, arabic: bool) -> (Option<String>, &str) {
    let (suffix, after) = read_suffix(s, arabic);
    if suffix.is_some() {
        return (suffix, after);
    }
    let (had, rest) = read_sep(s);
    if !had || rest.starts_with('(') {
        return (None, s);
    }
    match read_suffix(rest, arabic) {
        (Some(x), a) if x.len() > 1 => (Some(x), a),
        _ => (None, s),
    }
}

/// A capital letter glued to the number (`5A`) and not followed by a
/// letter or digit: the suffix `a`, with the rest after it.
fn glued_capital_suffix(s: &str) -> Option<(String, &str)> {
    let mut it = s.chars();
    let c = it.next().filter(char::is_ascii_uppercase)?;
    let after = it.as_str();
    after
        .chars()
        .next()
        .is_none_or(|n| !n.is_alphanumeric())
        .then(|| (c.to_ascii_lowercase().to_string(), after))
}

/// Whether `s` starts with `(` (then the text after it and its spaces).
fn open_bracket(s: &str) -> (bool, &str) {
    match s.strip_prefix('(') {
        Some(r) => (true, skip_ws(r)),
        None => (false, s),
    }
}

/// The rest after the `)` that closes a bracket opened before `after`
/// (spaces allowed before it); `after` itself when no bracket was opened.
fn close_bracket(after: &str, bracketed: bool) -> Option<&str> {
    if bracketed {
        skip_ws(after).strip_prefix(')')
    } else {
        Some(after)
    }
}

/// A suffix word at the start of `inner` (`مكرر`, `bis`, `ter` …): its
/// English name and the rest after it.
fn suffix_word(inner: &str, arabic: bool) -> Option<(&'static str, &str)> {
    if arabic {
        // `مكرراً` loses its tanween in the view: `مكررا`.
        ["مكرره", "مكررا", "مكرر"].into_iter().find_map(|w| {
            let r = inner.strip_prefix(w)?;
            r.chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
                .then_some(("bis", r))
        })
    } else {
        ["bis", "ter", "quater", "quinquies", "sexies"]
            .into_iter()
            .find_map(|w| strip_keyword(inner, w).map(|r| (w, r)))
    }
}

/// `Article (58)(bis 1` with the bracket never closed: the suffix (with
/// its repetition number, if any) when only digits and spaces follow the
/// word, and the empty rest.
fn unclosed_suffix<'a>(base: &str, rest: &'a str) -> Option<(String, &'a str)> {
    let r = skip_ws(rest);
    if !(r.is_empty() || r.bytes().all(|b| b.is_ascii_digit() || b == b' ')) {
        return None;
    }
    let suffix = match r.trim().parse::<u32>() {
        Ok(v) => repetition_suffix(base, v),
        Err(_) => base.to_string(),
    };
    Some((suffix, &r[r.len()..]))
}

/// `مكرر (2)`, `مكرر ب`, `مكرر ثانيا`: the number of a later repetition
/// after an Arabic suffix word, and the rest after it.
fn arabic_repetition(rest: &str) -> Option<(u32, &str)> {
    let (bracketed, q) = open_bracket(skip_ws(rest));
    let d = q.bytes().take_while(u8::is_ascii_digit).count();
    let (v, after) = if d > 0 && d < 3 {
        q[..d].parse().ok().map(|v| (v, &q[d..]))?
    } else if let Some((v, len)) = numerals::arabic_ordinal_adverb(q) {
        (v, &q[len..])
    } else {
        let letter_len = q.chars().next().map_or(0, char::len_utf8);
        let alone = letter_len > 0
            && q[letter_len..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        if !alone {
            return None;
        }
        let v = numerals::arabic_letter_ordinal(&q[..letter_len], numerals::LetterOrder::Abjad)?;
        (v, &q[letter_len..])
    };
    Some((v, close_bracket(after, bracketed)?))
}

/// `Bis 1`, `bis (3)`: the number of a later repetition after an English
/// suffix word (one or two digits not followed by a digit, `.` or `/`),
/// and the rest after it.
fn english_repetition(rest: &str) -> Option<(u32, &str)> {
    let (bracketed, q) = open_bracket(skip_ws(rest));
    let d = q.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..3).contains(&d) {
        return None;
    }
    let after = close_bracket(&q[d..], bracketed)?;
    let v = q[..d].parse::<u32>().ok()?;
    (!after.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '/')).then_some((v, after))
}

/// A numbered repetition (`مكرر (2)`, `Bis 2`, `مكرر ب`) is `bis2`.
fn repetition_suffix(base: &str, n: u32) -> String {
    format!("{base}{n}")
}

/// Reads an optional separator; returns (had_separator, rest).
fn read_sep(s: &str) -> (bool, &str) {
    let t = skip_ws(s);
    let mut had = false;
    let mut rest = t;
    for _ in 0..3 {
        match rest.chars().next() {
            Some(c @ (':' | '-' | '–' | '—' | '.' | ')' | '_' | '=')) => {
                had = true;
                rest = skip_ws(&rest[c.len_utf8()..]);
            }
            _ => break,
        }
    }
    (had, rest)
}

fn first_word(s: &str) -> &str {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '،')
        .next()
        .unwrap_or("")
}

/// Whether text after a heading number reads as a short title.
pub(crate) fn is_title_like(s: &str) -> bool {
    let t = s.trim().trim_end_matches(['*', '#']).trim();
    if t.is_empty() {
        return false;
    }
    let words = t.split_whitespace().count();
    let last = t.chars().last().unwrap_or(' ');
    words <= 9
        && !matches!(last, '.' | ':' | ';' | '؛' | '،' | ',')
        && !t.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether `s` ends by introducing a list (`… التالية:-`, `… as follows:-`):
/// a sentence, not a title.
pub(crate) fn introduces_list(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['*', '#']).trim_end();
    t.strip_suffix(['-', '–'])
        .is_some_and(|r| r.trim_end().ends_with([':', '.']))
}

/// Decides whether `rest` (after the number) is compatible with a heading.
fn rest_ok(rest: &str, sep: bool, arabic: bool) -> bool {
    let r = rest.trim();
    if r.is_empty() {
        return true;
    }
    if r.starts_with([',', '،', ';', '؛', '/', '&']) {
        return false;
    }
    if r.starts_with(|c: char| c.is_ascii_digit()) {
        // `Article 4 9[(The Tax Committee)`: a footnote mark glued on.
        let d = r.bytes().take_while(u8::is_ascii_digit).count();
        if d <= 3 && r[d..].starts_with('[') {
            return true;
        }
        // `مادة (15): 1- يشترط …`: the body opens with a list item. But
        // `المادة 5 - 7 من …` is a range.
        let after = &r[d..];
        return sep
            && d <= 2
            && after.starts_with(['-', '.', ')'])
            && !after[1..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
            && after[1..].starts_with(' ');
    }
    // `Article 31 (Collection of tax from person …`: a title in brackets.
    if r.starts_with('(') && !r[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    if sep {
        return true;
    }
    let stop = starts_with_stop_word(r, arabic);
    !stop && is_title_like(r)
}

/// Recognises an article heading at the start of `s` (a trimmed normalized
/// piece).
pub(crate) fn match_article(s: &str) -> Option<ArticleMatch> {
    let start_len = s.len();
    // Arabic, keyword first.
    for kw in AR_ARTICLE {
        if let Some(mut after) = s.strip_prefix(kw) {
            // `المادة المادة الحادية …`: a keyword written twice.
            if let Some(again) = skip_ws(after).strip_prefix("الماده") {
                after = again;
            }
            if after.chars().next().is_some_and(|c| c.is_alphabetic()) {
                // `المادةالحادية`: keyword glued to an ordinal word.
                if !(after.starts_with("ال") && numerals::arabic_number(after).is_some()) {
                    continue;
                }
            }
            // `مادة رقم (5)`: the word for "number" before it.
            let after = skip_number_word(after, &["رقم"]);
            let (number, style, after) = read_number(after, true)?;
            let (suffix, after) = suffix_after_separator(after, true);
            let (sep, rest) = read_sep(after);
            if !rest_ok(rest, sep, true) {
                return None;
            }
            return Some(ArticleMatch {
                label: Label { number, suffix },
                rest: start_len - rest.len(),
                sep,
                reversed: false,
                style,
                arabic: true,
            });
        }
    }
    // Arabic, number first: `(14) مادة`.
    if s.starts_with(|c: char| c == '(' || c.is_ascii_digit()) {
        if let Some((number, style, after)) = read_number(s, true) {
            let a = skip_ws(after);
            for kw in AR_ARTICLE {
                if let Some(r) = a.strip_prefix(kw) {
                    let (suffix, r) = read_suffix(r, true);
                    let (_, rest) = read_sep(r);
                    if rest.trim().is_empty() {
                        return Some(ArticleMatch {
                            label: Label { number, suffix },
                            rest: start_len,
                            sep: false,
                            reversed: true,
                            style,
                            arabic: true,
                        });
                    }
                }
            }
        }
        return None;
    }
    // English.
    let after = strip_keyword(s, "article")
        .or_else(|| strip_keyword(s, "art.").filter(|_| s.as_bytes().get(3) == Some(&b'.')))
        .or_else(|| {
            strip_keyword(s, "art").filter(|r| {
                let r = skip_ws(r);
                r.starts_with(|c: char| c.is_ascii_digit() || c == '(')
            })
        })?;
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // `Article (5)`: strip_keyword already ensured a non-letter follows.
    // `Article No. 5`, `Article Number 5`.
    let after = skip_number_word(after, &["no.", "no", "number", "nr."]);
    let (number, style, after) = read_number(after, false)?;
    let (suffix, after) = if style == NumStyle::Digits {
        suffix_after_separator(after, false)
    } else {
        let (sfx, a) = read_suffix(after, false);
        // A glued capital after number words is a title, not a suffix.
        match &sfx {
            Some(x) if x.len() == 1 => (None, after),
            _ => (sfx, a),
        }
    };
    let (sep, rest) = read_sep(after);
    if !rest_ok(rest, sep, false) {
        return None;
    }
    Some(ArticleMatch {
        label: Label { number, suffix },
        rest: start_len - rest.len(),
        sep,
        reversed: false,
        style,
        arabic: false,
    })
}

/// A division heading whose number follows its keyword: `after` is the
/// text after the keyword, `start_len` the length of the whole heading.
fn numbered_division(
    kind: DivisionKind,
    after: &str,
    arabic: bool,
    start_len: usize,
) -> Option<DivisionMatch> {
    let (number, _, after) = read_number(after, arabic)?;
    let (sep, rest) = read_sep(after);
    if !division_rest_ok(title_part(rest), sep, arabic) {
        return None;
    }
    Some(DivisionMatch {
        kind,
        number: Some(number),
        rest: start_len - rest.len(),
    })
}

/// A division heading without a number (`الباب التمهيدي`, `Preliminary
/// Part`), whose `rest` follows.
fn unnumbered_division(kind: DivisionKind, rest: &str, start_len: usize) -> DivisionMatch {
    DivisionMatch {
        kind,
        number: None,
        rest: start_len - rest.len(),
    }
}

/// Recognises a division heading at the start of `s`.
pub(crate) fn match_division(s: &str) -> Option<DivisionMatch> {
    let start_len = s.len();
    if s.starts_with(|c: char| c == '(' || c.is_ascii_digit()) {
        return reversed_division(s);
    }
    for (kw, kind) in AR_DIVISIONS {
        if let Some(after) = s.strip_prefix(kw) {
            if !after.starts_with([' ', '(']) {
                continue;
            }
            let a = skip_ws(after);
            for w in [
                "التمهيدي",
                "تمهيدي",
                "الختامي",
                "ختامي",
                "الاخير",
                "التمهيديه",
                "تمهيديه",
            ] {
                if let Some(r) = a.strip_prefix(w) {
                    if r.chars().next().is_none_or(|c| !c.is_alphabetic()) {
                        let (sep, rest) = read_sep(r);
                        if division_rest_ok(rest, sep, true) {
                            return Some(unnumbered_division(kind, rest, start_len));
                        }
                    }
                }
            }
            return numbered_division(kind, after, true, start_len);
        }
    }
    for (kw, kind) in EN_DIVISIONS {
        if let Some(after) = strip_keyword(s, kw) {
            if !after.starts_with([' ', '(']) {
                continue;
            }
            let a = skip_ws(after);
            if let Some(r) = strip_keyword(a, "preliminary").or_else(|| strip_keyword(a, "final")) {
                let (sep, rest) = read_sep(r);
                if rest.trim().is_empty() || sep {
                    return Some(unnumbered_division(kind, rest, start_len));
                }
            }
            return numbered_division(kind, after, false, start_len);
        }
    }
    None
}

/// A division heading written number first, alone on its line (`5 الفصل`,
/// `(5) الفصل`: Arabic extracted right to left).
fn reversed_division(s: &str) -> Option<DivisionMatch> {
    let (number, style, after) = read_number(s, true)?;
    if style != NumStyle::Digits {
        return None;
    }
    let a = skip_ws(after);
    let (kw, kind) = AR_DIVISIONS.into_iter().find(|(kw, _)| {
        a.strip_prefix(kw)
            .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })?;
    let (_, rest) = read_sep(&a[kw.len()..]);
    rest.trim().is_empty().then_some(DivisionMatch {
        kind,
        number: Some(number),
        rest: s.len(),
    })
}

/// The part of a division heading's rest before an article heading on the
/// same line (all of it when there is none).
fn title_part(rest: &str) -> &str {
    match trailing_article(rest) {
        Some(at) => &rest[..at],
        None => rest,
    }
}

/// Whether the rest after a heading's number starts with a word that
/// continues a sentence (`of`, `shall`, `من`, `على` …) rather than a title:
/// then the heading is a cross-reference. An English stop word written with
/// a capital starts a title.
fn starts_with_stop_word(rest: &str, arabic: bool) -> bool {
    let w = first_word(rest);
    if arabic {
        AR_STOP.contains(&w)
    } else {
        EN_STOP.iter().any(|s| s.eq_ignore_ascii_case(w)) && !w.starts_with(char::is_uppercase)
    }
}

fn division_rest_ok(rest: &str, sep: bool, arabic: bool) -> bool {
    let r = rest.trim();
    if r.is_empty() {
        return true;
    }
    if r.starts_with([',', '،', ';', '؛']) || r.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let stop = starts_with_stop_word(r, arabic);
    if stop {
        return false;
    }
    // Division titles run longer than article titles, but a long sentence
    // ending in a full stop is body text.
    sep || r.split_whitespace().count() <= 14 && !r.ends_with('.')
}

/// Finds an article heading inside a division heading's rest, e.g. the
/// `مادة (83)` of `الباب الرابع الميزانية مادة (83)`: one that ends the
/// piece, or one followed by a separator and its body
/// (`… مادة (83): تدرج …`). Returns its byte offset.
pub(crate) fn trailing_article(s: &str) -> Option<usize> {
    if let Some(at) = ending_article(s) {
        return Some(at);
    }
    // A heading with a separator and body text after it; only the first
    // few keyword occurrences are tried, so a long line stays linear.
    for (k, (pos, _)) in s.match_indices("ماده").enumerate() {
        if k >= 4 {
            break;
        }
        let start = if s[..pos].ends_with("ال") {
            pos - "ال".len()
        } else {
            pos
        };
        if start == 0 || !s[..start].ends_with(' ') {
            continue;
        }
        if let Some(m) = match_article(&s[start..]) {
            if m.sep && !m.reversed {
                return Some(start);
            }
        }
    }
    None
}

/// An article heading that ends the piece (`… Committee Article (29)`,
/// `… مادة (83)`, `… (83) مادة`): its byte offset.
pub(crate) fn ending_article(s: &str) -> Option<usize> {
    // A heading that ends the piece starts within its last 160 bytes (the
    // longest ordinal headings run to about 80); looking further back would
    // make a line of many headings cost quadratic time.
    let mut window = s.len().saturating_sub(160);
    while !s.is_char_boundary(window) {
        window += 1;
    }
    let mut search_end = s.len();
    while let Some(pos) = s[window..search_end].rfind("ماده").map(|p| p + window) {
        let start = if s[..pos].ends_with("ال") {
            pos - "ال".len()
        } else {
            pos
        };
        if start > 0 && s[..start].ends_with(|c: char| !c.is_whitespace()) {
            search_end = pos;
            continue;
        }
        if let Some(m) = match_article(&s[start..]) {
            if m.rest == s.len() - start {
                return Some(start);
            }
        }
        search_end = pos;
    }
    // Reversed: `… (83) مادة`.
    if let Some(open) = s.rfind('(').filter(|&o| o >= window) {
        if open > 0 && s[..open].ends_with(' ') {
            if let Some(m) = match_article(&s[open..]) {
                if m.reversed {
                    return Some(open);
                }
            }
        }
    }
    let lower_pos = s[window..].rfind(['A', 'a'])? + window;
    let m = match_article(&s[lower_pos..])?;
    (lower_pos > 0 && m.rest == s.len() - lower_pos && s[..lower_pos].ends_with(' '))
        .then_some(lower_pos)
}

/// Whether a raw line is site chrome on its own: a `Share` or `Print`
/// button, or a page number (`- 12 -`, `Page 3`, `Page 3 of 10`, `صفحة 3`).
pub(crate) fn is_chrome_line(raw: &str) -> bool {
    let t = raw.trim().trim_matches(['*', '#', '|', ' ']);
    if t.len() > 40 {
        return false;
    }
    let button = [
        "share",
        "print",
        "share this",
        "مشاركة",
        "شارك",
        "طباعة",
        "مشاركه",
        "طباعه",
    ];
    // Most lines are ASCII and Arabic without a digit: no page number, and
    // lowering them folds ASCII letters only (the Arabic block has no case).
    if t.chars().all(|c| {
        (c.is_ascii() && !c.is_ascii_digit())
            || (('\u{0600}'..='\u{06FF}').contains(&c) && !is_arabic_block_digit(c))
    }) {
        return button.iter().any(|b| t.eq_ignore_ascii_case(b));
    }
    let lower = t.to_lowercase();
    if button.contains(&lower.as_str()) {
        return true;
    }
    // A page number: digits decorated with dashes, or after a page word.
    let words = ["page", "صفحة", "صفحه", "الصفحة", "الصفحه"];
    let rest = words
        .iter()
        .find_map(|w| lower.strip_prefix(w).map(str::trim))
        .map(|r| (true, r))
        .unwrap_or((false, lower.as_str()));
    let (worded, r) = rest;
    let decorated = r.starts_with(['-', '–']) && r.ends_with(['-', '–']);
    let core = r.trim_matches(['-', '–', ' ']);
    let digits_only =
        |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit() || c.is_numeric());
    let core_ok = digits_only(core)
        || core
            .split_once(" of ")
            .or_else(|| core.split_once(" من "))
            .or_else(|| core.split_once('/'))
            .is_some_and(|(a, b)| digits_only(a.trim()) && digits_only(b.trim()));
    core_ok && (worded || decorated)
}

/// The numeric characters of the Arabic block: Arabic-Indic and Extended
/// Arabic-Indic digits.
fn is_arabic_block_digit(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Whether a line (its trimmed matching view) is only the title of a table
/// of contents (`المحتويات`, `الفهرس`, `Contents`, `Table of Contents`).
pub(crate) fn is_contents_title(t: &str) -> bool {
    let t = t.trim_matches(['*', '#', ' ', ':', '-', '_']);
    ["المحتوي", "المحتويات", "الفهرس", "فهرس المحتويات", "فهرس"].contains(&t)
        || t.eq_ignore_ascii_case("contents")
        || t.eq_ignore_ascii_case("table of contents")
}

/// Whether a line (its trimmed matching view) ends in a range of articles
/// in brackets, as the entries of a table of contents do: `(مادة ١ - مادة
/// ٦)`, `(المواد من 7 الى 26)`, `(Articles 1 - 6)`, `(Articles 7 to 26)`.
pub(crate) fn ends_with_article_range(t: &str) -> bool {
    let t = t.trim_end_matches(['*', ' ', '.']);
    let Some(inner) = t.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let inner = inner[open + 1..].trim();
    let lower = inner.to_ascii_lowercase();
    let kw = [
        "ماده",
        "المواد",
        "مواد",
        "articles",
        "article",
        "arts.",
        "art.",
    ]
    .into_iter()
    .find_map(|k| lower.strip_prefix(k).map(|_| k.len()));
    let Some(kw_len) = kw else {
        return false;
    };
    let rest = &inner[kw_len..];
    let numbers = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|x| !x.is_empty())
        .count();
    numbers == 2
        && (rest.contains(['-', '–'])
            || rest.contains(" to ")
            || rest.contains("الي")
            || rest.contains("حتي"))
}

/// Whether the piece is only an article keyword (`مادة`, `Article`), whose
/// number is on the next line.
pub(crate) fn is_bare_keyword(s: &str) -> bool {
    let t = s.trim().trim_end_matches([':', '-', '.']).trim();
    AR_ARTICLE.contains(&t) || t.eq_ignore_ascii_case("article")
}

/// Whether the piece is a proper prefix of an article keyword (`ما` of a
/// heading broken as `ما` / `دة (14)`).
pub(crate) fn is_keyword_fragment(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && AR_ARTICLE
            .iter()
            .any(|k| k.len() > t.len() && k.starts_with(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_shortcuts_agree_with_the_tables() {
        for c in '\u{0600}'..='\u{06FF}' {
            assert_eq!(is_arabic_block_digit(c), c.is_numeric(), "{c:?}");
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        for s in [
            "",
            " - المادة",
            "–— Article",
            "•· x",
            "المادة",
            "Article",
            "5-",
            "(5)",
            "é",
            "\u{00A0}x",
            ".5 الفصل",
            "~|_:",
            "ـ",
            "\u{2022}",
            "\u{200F}- x",
        ] {
            assert_eq!(
                strip_debris(s),
                s.trim_start_matches(LEADING_DEBRIS),
                "{s:?}"
            );
        }
    }
    use crate::normalize::normalize;

    fn label(s: &str) -> Option<String> {
        let n = normalize(s);
        match_article(n.as_str().trim()).map(|m| m.label.to_string())
    }

    #[test]
    fn article_headings() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Article (5)", Some("5")),
            ("Article 5", Some("5")),
            ("ARTICLE 5", Some("5")),
            ("Art. 5", Some("5")),
            ("Article 5:", Some("5")),
            ("Article 5 -", Some("5")),
            ("Article Five", Some("5")),
            ("Article One Hundred", Some("100")),
            ("Article 5 bis", Some("5bis")),
            ("Article (5) bis", Some("5bis")),
            ("Article 5 (bis)", Some("5bis")),
            ("Article 4 Bis The Secretariat General", Some("4bis")),
            ("Article 50 Bis 1 The Attendance", Some("50bis1")),
            ("Article 6 (bis)(3):", Some("6bis3")),
            ("Article (58)(bis", Some("58bis")),
            ("مادة (15): 1- يشترط فيمن يعين", Some("15")),
            ("المادة 12 مكرراً", Some("12bis")),
            ("مادة رقم (5)", Some("5")),
            ("المادة رقم 7", Some("7")),
            ("Article No. 5", Some("5")),
            ("Article Number 12 - Definitions", Some("12")),
            ("المادة رقم القانون", None),
            ("المادة 5 - 7 من القانون", None),
            ("Article 4 9[(The Tax Committee)", Some("4")),
            (
                "Article 31 (Collection of tax from person holding money for or on behalf of",
                Some("31"),
            ),
            ("Article (58)(bis 1", Some("58bis1")),
            ("مادة (5) مكرر (2)", Some("5bis2")),
            (
                "المادة 87 - مكرر (اضيفت بموجب: مرسوم بقانون 19 / 2021)",
                Some("87bis"),
            ),
            (
                "المادة 8 - مكرراً (اضيفت بموجب: قانون 11 / 2025)",
                Some("8bis"),
            ),
            ("Article 5 - bis", Some("5bis")),
            ("Article Twenty-one", Some("21")),
            ("Article twenty one", Some("21")),
            ("ARTICLE ONE HUNDRED AND FIVE", Some("105")),
            ("Article One Hundred Twenty-Three: The budget", Some("123")),
            ("Article Two hundred and forty-seven", Some("247")),
            ("Article One: The State is sovereign.", Some("1")),
            ("Article 1: The State is sovereign.", Some("1")),
            ("Article 12 - The courts are independent.", Some("12")),
            ("Article 5 - Bisection of powers", Some("5")),
            ("المادة (18): في حال مخالفة الشركة", Some("18")),
            ("المادة المادةالحادية والخمسون بعد المائتين", Some("251")),
            ("Article (1", Some("1")),
            ("Article 1. Nature of the Republic", Some("1")),
            ("Article 1 Short title and commencement", Some("1")),
            ("مادة (5)", Some("5")),
            ("المادة (5)", Some("5")),
            ("المادة 5", Some("5")),
            ("مادة 5:", Some("5")),
            ("(5) مادة", Some("5")),
            ("المادة الخامسة", Some("5")),
            ("المادة الأولى", Some("1")),
            ("مادة (5) مكرر", Some("5bis")),
            ("المادة (1) مكرره", Some("1bis")),
            ("مادة (٥)", Some("5")),
            ("المادة(6):", Some("6")),
            ("المادة الثانية عشرة العدول عن الموافقة", Some("12")),
            ("Article (44) of the Code of Criminal Procedure", None),
            ("article 64 of the Libyan Political Agreement", None),
            ("المادة (1-16-33-38)، وكذلك القانون", None),
            ("المادة (13) من القانون رقم (13)", None),
            ("مادة قانونية", None),
            ("Articles of association", None),
            ("Artistic works", None),
        ];
        for (input, expected) in cases {
            assert_eq!(label(input).as_deref(), *expected, "{input}");
        }
    }

    #[test]
    fn division_headings() {
        let cases: &[(&str, Option<(DivisionKind, u32)>)] = &[
            ("الباب الثاني", Some((DivisionKind::Part, 2))),
            ("الفصل الأول", Some((DivisionKind::Chapter, 1))),
            ("الفصل السابع", Some((DivisionKind::Chapter, 7))),
            ("الفرع الثالث", Some((DivisionKind::Section, 3))),
            ("Chapter IV", Some((DivisionKind::Chapter, 4))),
            ("CHAPTER ONE. THE UNION", Some((DivisionKind::Chapter, 1))),
            ("Part I. The State", Some((DivisionKind::Part, 1))),
            (
                "Section One. Fundamental Principles",
                Some((DivisionKind::Section, 1)),
            ),
            ("الفصل في الدعاوى", None),
            ("5 الفصل", Some((DivisionKind::Chapter, 5))),
            ("(12) الفصل :", Some((DivisionKind::Chapter, 12))),
            ("5 الفصل في الدعاوى", None),
            ("الجزء الثاني", Some((DivisionKind::Part, 2))),
            ("العنوان الثالث", Some((DivisionKind::Title, 3))),
            ("Section 5 of the Law", None),
        ];
        for (input, expected) in cases {
            let n = normalize(input);
            let got = match_division(n.as_str()).and_then(|m| Some((m.kind, m.number?)));
            assert_eq!(got, *expected, "{input}");
        }
    }

    #[test]
    fn contents_and_ranges() {
        let range = |s: &str| ends_with_article_range(normalize(s).as_str().trim());
        assert!(range("*   **الباب الأول - الدولة** (مادة ١ - مادة ٦)"));
        assert!(range("Chapter One - The State (Articles 1 - 6)"));
        assert!(range("الفصل الثاني (المواد من 7 إلى 26)"));
        assert!(!range("وفقا لأحكام المادة (5)"));
        assert!(!range("as provided for in Article (31) of this Law."));
        assert!(is_contents_title(normalize("**المحتوى**").as_str()));
        assert!(is_contents_title("Table of Contents"));
        assert!(!is_contents_title("المحتوى الرقمي للمنصة"));
        for chrome in ["Share", "- 12 -", "Page 3 of 10", "صفحة ٣", "**Print**"] {
            assert!(is_chrome_line(chrome), "{chrome}");
        }
        for text in ["12", "Shares", "(3)", "- 12", "Page of the law"] {
            assert!(!is_chrome_line(text), "{text}");
        }
    }

    #[test]
    fn trailing() {
        let n = normalize("الباب الرابع الميزانية والأحكام المالية مادة (83)");
        let s = n.as_str();
        let at = trailing_article(s).unwrap();
        assert!(s[at..].starts_with("ماده"));
    }
}
