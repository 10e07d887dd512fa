//! Numbers written with digits: Arabic-Indic and Extended Arabic-Indic
//! digits folded, thousands separators read, dates split, two-digit years
//! with an Arabic year marker read as 19xx.
//!
//! In: a text. Out: the [`Value`]s it writes with digits, in order.

use std::collections::HashMap;
use std::ops::Range;

use crate::normalize::{fold, is_arabic_letter};

/// A number found in running text, after digit folding.
pub(crate) type Value = u64;

/// The numbers written with digits in `s`, after digit folding.
///
/// - Arabic-Indic and Extended Arabic-Indic digits count as digits;
/// - `1,000` and `١٬٠٠٠` are one thousand;
/// - dates (`01/01/1430`) and decimals are split into their parts, leading
///   zeros dropped;
/// - a two-digit year followed by Arabic `ف`, `م`, `هـ` or `ميلادي`
///   (`74ف`) is read as 19xx;
/// - runs longer than 15 digits (phone numbers, ids) are ignored.
pub(crate) fn numbers_in(s: &str) -> Vec<Value> {
    // Most paragraphs hold no digit at all: ASCII, Arabic-Indic (U+0660–9),
    // Extended Arabic-Indic (U+06F0–9) or full-width.
    match first_digit(s) {
        Some(k) => numbers_from(s, k),
        None => Vec::new(),
    }
}

/// The start of the first character of `s` that is a digit for
/// [`numbers_in`].
pub(super) fn first_digit(s: &str) -> Option<usize> {
    s.char_indices()
        .find(|&(_, c)| {
            c.is_ascii_digit()
                || ('\u{0660}'..='\u{0669}').contains(&c)
                || ('\u{06F0}'..='\u{06F9}').contains(&c)
                || ('\u{FF10}'..='\u{FF19}').contains(&c)
        })
        .map(|(k, _)| k)
}

/// [`numbers_in`] of `s`, whose first digit is the character at `start`
/// (see [`scan_block`]).
pub(crate) fn numbers_from(s: &str, start: usize) -> Vec<Value> {
    let mut out = Vec::new();
    // The folded text from the character holding the first digit on,
    // after the last folded character before it (no digit folds out of
    // what precedes: only the look-behind of the first run needs it).
    let keep = |c: char| if c.is_ascii() { Some(c) } else { fold(c) };
    let mut chars: Vec<char> = Vec::with_capacity(s.len() - start + 1);
    chars.extend(s[..start].chars().rev().find_map(keep));
    chars.extend(s[start..].chars().filter_map(keep));
    let n = chars.len();
    let mut i = 0;
    while i < n {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut value: Value = 0;
        let mut digits = 0;
        let mut grouped = false;
        loop {
            while j < n && chars[j].is_ascii_digit() {
                value = value
                    .saturating_mul(10)
                    .saturating_add(chars[j] as Value - '0' as Value);
                digits += 1;
                j += 1;
            }
            // Thousands separator followed by exactly three digits.
            if j + 3 < n + 1
                && j < n
                && (chars[j] == ',' || chars[j] == '\u{066C}')
                && (1..=3).all(|k| j + k < n && chars[j + k].is_ascii_digit())
                && !(j + 4 < n && chars[j + 4].is_ascii_digit())
                && (digits <= 3 || grouped)
            {
                grouped = true;
                j += 1;
                continue;
            }
            break;
        }
        if digits > 15 {
            i = j;
            continue;
        }
        if digits == 2 && !grouped && short_year_follows(&chars, j) {
            value += 1900;
        }
        out.push(value);
        i = j;
    }
    out
}

/// Whether a year marker (`ف`, `م`, `هـ`, `ميلادي`) follows position `j`,
/// possibly after one space.
fn short_year_follows(chars: &[char], mut j: usize) -> bool {
    if j < chars.len() && chars[j] == ' ' {
        j += 1;
    }
    let letter_at = |k: usize| k < chars.len() && is_arabic_letter(chars[k]);
    if j >= chars.len() {
        return false;
    }
    if matches!(chars[j], 'ف' | 'م' | 'ه') && !letter_at(j + 1) {
        return true;
    }
    let word: String = chars[j..].iter().take(6).collect();
    word.starts_with("ميلادي")
}

/// How `text` writes the number `value`: the first token (a run of
/// characters between spaces, without the brackets and punctuation around
/// it), or two tokens together, whose digits read as `value` with
/// [`numbers_in`] (`74ف` or `74 ف` for 1974, `01/01/1430` for 1430), else
/// the first phrase of number words that means it (`ثماني عشرة` for 18);
/// `None` when neither is found. (The aligner asks for many values at
/// once: [`written_each`].)
#[cfg(test)]
fn written_as(text: &str, value: Value) -> Option<&str> {
    written_each(text, &[value]).pop().flatten()
}

/// [`written_as`] of each of `values`, in their order, reading `text` once
/// whatever their number (time linear in the text and the values).
pub(crate) fn written_each<'t>(text: &'t str, values: &[Value]) -> Vec<Option<&'t str>> {
    let mut found: Vec<Option<&str>> = vec![None; values.len()];
    let mut wanted: HashMap<Value, Vec<usize>> = HashMap::new();
    for (k, &v) in values.iter().enumerate() {
        wanted.entry(v).or_default().push(k);
    }
    // The first reading of each value wanted, removed once found.
    let mut take = |written: &'t str, read: Vec<Value>, wanted: &mut HashMap<Value, Vec<usize>>| {
        for v in read {
            for k in wanted.remove(&v).unwrap_or_default() {
                found[k] = Some(written);
            }
        }
    };
    // Without a digit, no token reads as a number: only words may.
    if first_digit(text).is_some() {
        let edge = |c: char| !c.is_alphanumeric();
        let tokens = tokens(text);
        let with_digit = |r: &Range<usize>| first_digit(&text[r.clone()]).is_some();
        // Trimming keeps every digit (digits are alphanumeric): a token
        // without one is passed over untrimmed.
        for r in tokens.iter().filter(|r| with_digit(r)) {
            let t = text[r.clone()].trim_matches(edge);
            take(t, numbers_in(t), &mut wanted);
        }
        for w in tokens.windows(2).filter(|w| with_digit(&w[0])) {
            let t = text[w[0].start..w[1].end].trim_matches(edge);
            take(t, numbers_in(t), &mut wanted);
        }
    }
    if !wanted.is_empty() {
        // Phrase by phrase, stopping once every value is found.
        crate::numerals::number_phrases_until(text, |v, r| {
            take(&text[r], vec![Value::from(v)], &mut wanted);
            wanted.is_empty()
        });
    }
    found
}

/// Byte ranges of the tokens of `text`: runs of characters between
/// whitespace.
fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (k, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(b)) => {
                tokens.push(b..k);
                start = None;
            }
            (false, None) => start = Some(k),
            _ => {}
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_folded() {
        assert_eq!(numbers_in("المادة (٤٤) من القانون"), vec![44]);
        assert_eq!(numbers_in("Article (44) of the Code"), vec![44]);
    }

    #[test]
    fn short_years() {
        assert_eq!(
            numbers_in("القانون رقم (39) لسنة 74ف بإصدار"),
            vec![39, 1974]
        );
        assert_eq!(numbers_in("لسنة 74 ف."), vec![1974]);
        assert_eq!(numbers_in("لسنة 81 ميلادية"), vec![1981]);
        assert_eq!(numbers_in("مدة 15 فقرة"), vec![15]);
        assert_eq!(numbers_in("Law No. (39) of 1974"), vec![39, 1974]);
    }

    #[test]
    fn dates_and_groups() {
        assert_eq!(numbers_in("from 01/01/1430 FBP"), vec![1, 1, 1430]);
        assert_eq!(numbers_in("1/1/1430 ميلادية"), vec![1, 1, 1430]);
        assert_eq!(numbers_in("LYD 1,000,000 and 2,5"), vec![1_000_000, 2, 5]);
        assert_eq!(numbers_in("١٬٠٠٠ دينار"), vec![1000]);
        assert_eq!(
            numbers_in("code A4 and 12345678901234567890"),
            Vec::<u64>::new()
        );
    }

    #[test]
    fn numbers_as_written() {
        let ar = "خلال ثماني عشرة يوما من القانون رقم (5) لسنة 74ف.";
        assert_eq!(written_as(ar, 18), Some("ثماني عشرة"));
        assert_eq!(written_as(ar, 1974), Some("74ف"));
        assert_eq!(written_as(ar, 5), Some("5"));
        assert_eq!(written_as("لسنة 74 ف.", 1974), Some("74 ف"));
        assert_eq!(written_as("on 01/01/1430.", 1430), Some("01/01/1430"));
        assert_eq!(written_as("١٬٠٠٠ دينار", 1000), Some("١٬٠٠٠"));
        assert_eq!(written_as("within eighteen days", 18), Some("eighteen"));
        assert_eq!(written_as("nothing here", 7), None);
    }
}
