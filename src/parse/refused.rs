//! Headings refused for their number, said in a diagnostic.
//!
//! In: the text and its line records. Out: one
//! [`DiagnosticKind::UncertainHeading`] for each line that reads as an
//! article heading (`Article 100000`, `مادة (123456)`, `المادة ١٢٣٤٥٦:`)
//! except that its number has more than [`MAX_DIGITS`] digits. The heading
//! reader refuses such numbers (no law has that many articles; a reference
//! or serial number is likelier), so the line stays in the body around it
//! or, alone, leaves a text with no articles: the diagnostic makes that
//! loss visible instead of silent.

use super::line::Line;
use crate::document::{Diagnostic, DiagnosticKind, Span};
use crate::normalize;

/// The most digits an article number may have; the heading reader refuses
/// longer numbers.
pub(crate) const MAX_DIGITS: usize = 5;

/// Article keywords as they are in the matching view (`ة` folded to `ه`),
/// longest first; English ones in lower case.
const KEYWORDS: [&str; 5] = ["الماده", "ماده", "article", "art.", "art"];

/// Lines longer than this (visible bytes) are not headings.
const MAX_LINE: usize = 120;

/// One diagnostic for each line of `lines` that is an article heading but
/// for its number's length.
pub(crate) fn diagnostics(text: &str, lines: &[Line]) -> Vec<Diagnostic> {
    lines
        .iter()
        .filter(|l| l.has_digit && l.text_end - l.text_start <= MAX_LINE)
        .filter_map(|l| {
            let visible = text.get(l.text_start..l.text_end)?;
            // Most lines with a digit hold no run of more than MAX_DIGITS
            // digits: they are not normalised.
            if !has_long_digit_run(visible) {
                return None;
            }
            let digits = refused_number(normalize::normalize(visible).as_str())?;
            Some(Diagnostic {
                kind: DiagnosticKind::UncertainHeading,
                message: format!(
                    "{visible:?} looks like an article heading, but its number has {digits} digits \
                     (more than {MAX_DIGITS}): it was not read as a heading"
                ),
                span: Some(Span::new(l.text_start, l.text_end)),
            })
        })
        .collect()
}

/// Whether `s` holds more than [`MAX_DIGITS`] digits in a row (ASCII,
/// Arabic-Indic or Extended Arabic-Indic; what the matching view removes,
/// such as bidi marks and tatweel, does not break a run).
fn has_long_digit_run(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if normalize::is_dropped(c) {
            continue;
        }
        if c.is_ascii_digit() || normalize::arabic_digit_value(c).is_some() {
            run += 1;
            if run > MAX_DIGITS {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The number of digits of the article number of `line` (a matching view)
/// when the line is a keyword, that number (bracketed or not) and nothing
/// but punctuation, and the number is too long; `None` otherwise.
fn refused_number(line: &str) -> Option<usize> {
    let s = line.trim_start_matches(['*', '#', ' ']);
    let head = s.char_indices().nth(8).map_or(s.len(), |(i, _)| i);
    let lower = s[..head].to_ascii_lowercase();
    let keyword = KEYWORDS.iter().find(|k| lower.starts_with(*k))?;
    let s = s[keyword.len()..].trim_start_matches([' ', '(', '[']);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    let only_punctuation = rest
        .chars()
        .all(|c| matches!(c, ' ' | ')' | ']' | ':' | '.' | '-' | '–' | '—' | '*'));
    (digits > MAX_DIGITS && only_punctuation).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::refused_number;

    #[test]
    fn digit_runs_are_counted_across_invisible_marks() {
        assert!(super::has_long_digit_run("Article 123\u{200f}456"));
        assert!(super::has_long_digit_run("مادة (١٢٣٤٥٦)"));
        assert!(!super::has_long_digit_run("Article 12345 of 2020"));
    }

    #[test]
    fn only_keyword_and_long_number_lines_are_refused() {
        let cases: [(&str, Option<usize>); 9] = [
            ("Article 100000", Some(6)),
            ("ARTICLE (123456):", Some(6)),
            ("ماده (123456)", Some(6)),
            ("**الماده 99999999999999999999**", Some(20)),
            ("Article 12345", None),
            ("Article 100000 of the Penal Code applies.", None),
            ("Articles 100000", None),
            ("the Article 100000", None),
            ("Article", None),
        ];
        for (line, expected) in cases {
            assert_eq!(refused_number(line), expected, "{line:?}");
        }
    }
}
