//! The TSV report ([`Format::Tsv`](super::Format::Tsv)): tab-separated
//! values, a header row, then one row per pair.
//!
//! In: a parallel text and the [`ReportOptions`]. Out: the table as a
//! string.
//!
//! Columns, in order:
//!
//! | column | content |
//! |---|---|
//! | `pair` | position of the pair, from 1 |
//! | `status` | [`PairStatus::as_str`] |
//! | `confidence` | 0–1, three decimals |
//! | `arabic_index`, `english_index` | article positions (from 0), joined by `+`; empty for no article |
//! | `arabic_label`, `english_label` | canonical labels joined by `+`; empty for none or unnumbered |
//! | `arabic_heading`, `english_heading` | headings as written, joined by ` + ` |
//! | `flags` | flag names joined by `,` |
//! | `numbers_only_arabic`, `numbers_only_english` | numbers joined by a space |
//! | `length_ratio` | English / Arabic length, three decimals |
//!
//! Fields are escaped so that every row is one line with a fixed number
//! of tabs: a backslash becomes `\\`, a tab `\t`, a line feed `\n`, a
//! carriage return `\r`.

use std::fmt::Write as _;

use super::{PairStatus, ReportOptions};
use crate::{ArticleRef, ParallelText};

/// The header row's column names of the TSV report, in order.
pub const COLUMNS: [&str; 13] = [
    "pair",
    "status",
    "confidence",
    "arabic_index",
    "english_index",
    "arabic_label",
    "english_label",
    "arabic_heading",
    "english_heading",
    "flags",
    "numbers_only_arabic",
    "numbers_only_english",
    "length_ratio",
];

/// Escapes one field: `\` → `\\`, tab → `\t`, line feed → `\n`, carriage
/// return → `\r`.
pub(crate) fn escape_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn join<T: AsRef<str>>(items: impl Iterator<Item = T>, sep: &str) -> String {
    let v: Vec<String> = items.map(|s| s.as_ref().to_string()).collect();
    v.join(sep)
}

fn indices(refs: &[ArticleRef]) -> String {
    join(refs.iter().map(|r| r.index.to_string()), "+")
}

fn label_list(refs: &[ArticleRef]) -> String {
    join(
        refs.iter()
            .filter_map(|r| r.label.as_ref())
            .map(|l| l.to_string()),
        "+",
    )
}

fn headings(refs: &[ArticleRef]) -> String {
    join(refs.iter().map(|r| r.heading.trim().to_string()), " + ")
}

/// Renders `pt` as TSV; every row ends with `\n`.
pub(crate) fn render(pt: &ParallelText, options: &ReportOptions) -> String {
    let mut out = String::new();
    if options.header {
        out.push_str(&COLUMNS.join("\t"));
        out.push('\n');
    }
    for (i, p) in pt.pairs().iter().enumerate() {
        let fields = [
            (i + 1).to_string(),
            PairStatus::of(p, options.uncertain_below)
                .as_str()
                .to_string(),
            format!("{:.3}", p.confidence),
            indices(&p.arabic),
            indices(&p.english),
            label_list(&p.arabic),
            label_list(&p.english),
            headings(&p.arabic),
            headings(&p.english),
            join(p.flags.iter().map(|f| f.as_str()), ","),
            p.evidence.numbers_only_arabic.join(" "),
            p.evidence.numbers_only_english.join(" "),
            format!("{:.3}", p.evidence.length_ratio),
        ];
        for (k, f) in fields.iter().enumerate() {
            if k > 0 {
                out.push('\t');
            }
            let _ = write!(out, "{}", escape_field(f));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_pair_fixed_columns() {
        let pt = crate::export::testdata::sample();
        let t = render(&pt, &ReportOptions::default());
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 1 + pt.pairs().len());
        for l in &lines {
            assert_eq!(l.split('\t').count(), COLUMNS.len(), "{l}");
        }
        assert!(lines[3].starts_with("3\tone_sided\t0.900\t2\t\t3\t\t"));
        assert!(lines[2].contains("likely_partial,numbers_differ\t2012\t1999\t0.300"));
        assert_eq!(escape_field("a\tb\nc\\"), "a\\tb\\nc\\\\");
    }
}
