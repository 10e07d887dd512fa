//! Arabic stored in visual order (as some PDF extractors leave it): each
//! line's characters run left to right as displayed, so the words read
//! backwards (`ىلولأا ةداملا` for `المادة الأولى`).
//!
//! In: a document region. Out: whether it is in visual order, and a repaired
//! copy in logical order with exactly the same line lengths, so the parser
//! can run on it and its spans still land on the right lines of the input.

use crate::normalize::is_arabic_letter;

/// Counts common words read forwards and backwards in the first 16 KB of
/// the region, as written (no normalization: the sample is small and the
/// words are short and plain).
pub(crate) fn reversed_evidence(region: &str) -> (usize, usize) {
    let mut end = region.len().min(16 * 1024);
    while !region.is_char_boundary(end) {
        end -= 1;
    }
    let (mut fwd, mut rev) = (0usize, 0usize);
    for w in region[..end].split(|c: char| !is_arabic_letter(c)) {
        match w {
            "في" | "من" | "على" | "علي" | "إلى" | "الى" | "المادة" | "أن" | "ان" | "التي" => {
                fwd += 1
            }
            "يف" | "نم" | "ىلع" | "يلع" | "ىلإ" | "ىلا" | "ةداملا" | "نأ" | "نا" | "يتلا" => {
                rev += 1
            }
            _ => {}
        }
    }
    (fwd, rev)
}

/// Whether the evidence says visual order.
pub(crate) fn is_visual(fwd: usize, rev: usize) -> bool {
    rev > 10 && rev > 2 * fwd
}

/// Repairs one line: reverses the characters, then puts runs of digits and
/// Latin letters (which bidi display keeps left to right) back in order,
/// and restores the definite article before a hamza (`األ` → `الأ`),
/// which extraction splits out of the lam-alef ligature the wrong way round.
fn repair_line(line: &str) -> String {
    let rev: Vec<char> = line.chars().rev().collect();
    let mut out: Vec<char> = Vec::with_capacity(rev.len());
    let ltr = |c: char| c.is_ascii_alphanumeric();
    let inner = |c: char| matches!(c, '.' | ',' | '/' | ':' | '-');
    let mut i = 0;
    while i < rev.len() {
        if ltr(rev[i]) {
            let mut j = i;
            while j < rev.len()
                && (ltr(rev[j]) || inner(rev[j]) && j + 1 < rev.len() && ltr(rev[j + 1]))
            {
                j += 1;
            }
            out.extend(rev[i..j].iter().rev());
            i = j;
        } else {
            out.push(rev[i]);
            i += 1;
        }
    }
    // Word-initial (or after و/ب/ف/ك/ل) alef, hamza-alef, lam → alef, lam, hamza-alef.
    for k in 0..out.len().saturating_sub(2) {
        let starts_word = k == 0
            || !is_arabic_letter(out[k - 1])
            || (k == 1 || !is_arabic_letter(out[k - 2]))
                && matches!(out[k - 1], 'و' | 'ب' | 'ف' | 'ك' | 'ل');
        if starts_word
            && out[k] == 'ا'
            && matches!(out[k + 1], 'أ' | 'إ' | 'آ' | 'ا')
            && out[k + 2] == 'ل'
        {
            out.swap(k + 1, k + 2);
        }
    }
    out.into_iter().collect()
}

/// A copy of `text` with `range` repaired line by line. Line lengths in
/// bytes are unchanged (characters are only permuted within each line).
pub(crate) fn repair(text: &str, range: std::ops::Range<usize>) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..range.start]);
    let region = &text[range.clone()];
    let mut rest = region;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        out.push_str(&repair_line(&rest[..end]));
        let term = rest[end..].chars().next().map_or(0, char::len_utf8);
        out.push_str(&rest[end..end + term]);
        rest = &rest[end + term..];
    }
    out.push_str(&text[range.end..]);
    debug_assert_eq!(out.len(), text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_words_numbers_and_brackets() {
        assert_eq!(
            repair_line("ىلوألا ةداملا"),
            "المادة األولى".replace("األ", "الأ")
        );
        assert_eq!(repair_line(")2019 رياني 17("), "(17 يناير 2019)");
        assert_eq!(repair_line("2.18.625 مقر موسرم"), "مرسوم رقم 2.18.625");
        let text = "abc\nىلوألا ةداملا\r\nxyz";
        let start = text.find('ى').unwrap();
        let fixed = repair(text, start..text.len() - 3);
        assert_eq!(fixed.len(), text.len());
        assert!(fixed.contains("المادة الأولى"));
    }
}
