//! A plain-text report for a translator at a terminal.
//!
//! One line per pair (position, Arabic and English labels, confidence,
//! status, flags), then a summary: the verdict, coverage in both
//! directions, the one-sided articles, the likely partial translations,
//! the numeric mismatches with their numbers, the uncertain pairs and the
//! parser's notes.
//!
//! Labels are shown in canonical form (`5`, `5bis`); `7+8` is a merge or
//! split, `#4` an unnumbered article at position 4 (counting from 1), `-`
//! an empty side. No colour unless [`TextOptions::color`] is set.
//!
//! ```
//! # fn demo(pt: &lexalign::ParallelText) {
//! use lexalign::export::text::{render, TextOptions};
//! let plain = render(pt, &TextOptions::default());
//! let coloured = render(pt, &TextOptions { color: true, ..TextOptions::default() });
//! # }
//! ```

use std::fmt::Write as _;

use super::{labels, percent, PairStatus, Summary, DEFAULT_MIN_CONFIDENCE};
use crate::{ArticleRef, Flag, Pair, ParallelText};

/// Options for [`render`].
#[derive(Debug, Clone, PartialEq)]
pub struct TextOptions {
    /// Colour the output with ANSI escape codes. Default `false`.
    pub color: bool,
    /// Matched pairs without flags below this confidence are listed as
    /// uncertain ([`PairStatus::LowConfidence`]). Default
    /// [`DEFAULT_MIN_CONFIDENCE`].
    pub min_confidence: f64,
    /// Leave out the table rows of pairs that are not problems (the
    /// summary is unchanged). Default `false`.
    pub only_problems: bool,
    /// Leave out the table and print the summary only. Default `false`.
    pub summary_only: bool,
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions {
            color: false,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            only_problems: false,
            summary_only: false,
        }
    }
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const MAGENTA: &str = "\x1b[35m";
const DIM: &str = "\x1b[2m";

struct Painter {
    on: bool,
}

impl Painter {
    fn paint(&self, style: &str, s: &str) -> String {
        if self.on && !s.is_empty() {
            format!("{style}{s}{RESET}")
        } else {
            s.to_string()
        }
    }
}

fn status_style(status: PairStatus) -> &'static str {
    match status {
        PairStatus::Ok => GREEN,
        PairStatus::LowConfidence => YELLOW,
        PairStatus::Flagged => MAGENTA,
        PairStatus::OneSided => RED,
    }
}

fn status_word(status: PairStatus) -> &'static str {
    match status {
        PairStatus::Ok => "ok",
        PairStatus::LowConfidence => "uncertain",
        PairStatus::Flagged => "flagged",
        PairStatus::OneSided => "one-sided",
    }
}

fn pad(s: &str, width: usize) -> String {
    format!("{s:<width$}")
}

fn pair_name(p: &Pair) -> String {
    format!("{}↔{}", labels(&p.arabic), labels(&p.english))
}

/// The labels of `refs`, comma-separated, wrapped into lines of about 72
/// characters.
fn list_refs(refs: &[&ArticleRef]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for (i, r) in refs.iter().enumerate() {
        let mut item = labels(std::slice::from_ref(*r));
        if i + 1 < refs.len() {
            item.push(',');
        }
        if !line.is_empty() && line.chars().count() + 1 + item.chars().count() > 72 {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&item);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Renders the report of `pt` as text; lines end with `\n`.
pub fn render(pt: &ParallelText, opts: &TextOptions) -> String {
    let p = Painter { on: opts.color };
    let mut out = String::new();
    let summary = Summary::of(pt, opts.min_confidence);
    let cov = pt.coverage();

    if let Some(t) = pt
        .english()
        .title
        .as_ref()
        .or(pt.arabic().title.as_ref())
        .map(|b| b.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
    {
        let _ = writeln!(out, "{}", p.paint(BOLD, &t));
    }
    let _ = writeln!(
        out,
        "Arabic: {} articles, English: {} articles, {} pairs",
        cov.arabic_articles,
        cov.english_articles,
        pt.pairs().len()
    );

    if !pt.verdict().same_law {
        let _ = writeln!(
            out,
            "{}",
            p.paint(
                RED,
                &format!(
                    "WARNING: the two texts do not look like versions of the same law (score {:.2}); \
                     the pairs are unreliable.",
                    pt.verdict().score
                )
            )
        );
    }

    if !opts.summary_only {
        let rows: Vec<(usize, &Pair, PairStatus)> = pt
            .pairs()
            .iter()
            .enumerate()
            .map(|(i, pair)| (i + 1, pair, PairStatus::of(pair, opts.min_confidence)))
            .filter(|(_, _, st)| !opts.only_problems || st.is_problem())
            .collect();
        let cells: Vec<[String; 4]> = rows
            .iter()
            .map(|(n, pair, _)| {
                [
                    n.to_string(),
                    labels(&pair.arabic),
                    labels(&pair.english),
                    format!("{:.2}", pair.confidence),
                ]
            })
            .collect();
        let head = ["#", "Arabic", "English", "Conf."];
        let mut w = head.map(|h| h.chars().count());
        for c in &cells {
            for (k, s) in c.iter().enumerate() {
                w[k] = w[k].max(s.chars().count());
            }
        }
        let sw = "one-sided".len();
        let _ = writeln!(out);
        let header = format!(
            "{:>w0$}  {}  {}  {}  {}  Flags",
            head[0],
            pad(head[1], w[1]),
            pad(head[2], w[2]),
            pad(head[3], w[3]),
            pad("Status", sw),
            w0 = w[0]
        );
        let _ = writeln!(out, "{}", p.paint(BOLD, &header));
        for ((_, pair, st), c) in rows.iter().zip(&cells) {
            let flags = pair
                .flags
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let line = format!(
                "{:>w0$}  {}  {}  {}  {}  {}",
                c[0],
                pad(&c[1], w[1]),
                pad(&c[2], w[2]),
                pad(&c[3], w[3]),
                p.paint(status_style(*st), &pad(status_word(*st), sw)),
                p.paint(status_style(*st), &flags),
                w0 = w[0]
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        if rows.is_empty() {
            let _ = writeln!(out, "{}", p.paint(DIM, "(no pairs to show)"));
        }
    }

    let _ = writeln!(out);
    let _ = writeln!(out, "{}", p.paint(BOLD, "Summary"));
    let v = pt.verdict();
    let verdict = if v.same_law {
        p.paint(GREEN, "same law")
    } else {
        p.paint(RED, "probably NOT the same law")
    };
    let _ = writeln!(out, "  Verdict: {verdict} (score {:.2})", v.score);
    for r in &v.reasons {
        let _ = writeln!(out, "    - {r}");
    }
    let _ = writeln!(
        out,
        "  Arabic → English: {} of {} Arabic articles have an English counterpart ({})",
        cov.arabic_matched,
        cov.arabic_articles,
        percent(cov.arabic_coverage)
    );
    let _ = writeln!(
        out,
        "  English → Arabic: {} of {} English articles have an Arabic counterpart ({})",
        cov.english_matched,
        cov.english_articles,
        percent(cov.english_coverage)
    );
    let _ = writeln!(
        out,
        "  Pairs: {} ok, {} flagged, {} uncertain (confidence < {:.2}), {} one-sided",
        summary.ok,
        summary.flagged,
        summary.low_confidence,
        opts.min_confidence,
        pt.pairs().iter().filter(|x| !x.is_matched()).count()
    );

    let mut section_of = |title: &str, count: usize, items: Vec<String>, style: &str| {
        if count == 0 {
            let _ = writeln!(out, "  {title}: none");
        } else {
            let _ = writeln!(out, "  {} ({count}):", p.paint(style, title));
            for it in items {
                let _ = writeln!(out, "    {it}");
            }
        }
    };
    let only_ar: Vec<&ArticleRef> = pt.only_arabic().collect();
    let only_en: Vec<&ArticleRef> = pt.only_english().collect();
    section_of("Only in Arabic", only_ar.len(), list_refs(&only_ar), RED);
    section_of("Only in English", only_en.len(), list_refs(&only_en), RED);
    let mut section = |title: &str, items: Vec<String>, style: &str| {
        section_of(title, items.len(), items, style);
    };
    section(
        "Likely partial translations",
        pt.pairs()
            .iter()
            .filter(|x| x.has_flag(Flag::LikelyPartial))
            .map(|x| {
                format!(
                    "{}: length ratio en/ar {:.2}, list items {} ar / {} en",
                    pair_name(x),
                    x.evidence.length_ratio,
                    x.evidence.items_arabic,
                    x.evidence.items_english
                )
            })
            .collect(),
        MAGENTA,
    );
    section(
        "Numeric mismatches",
        pt.pairs()
            .iter()
            .filter(|x| {
                x.has_flag(Flag::NumericMismatch)
                    || (x.is_matched()
                        && (!x.evidence.numbers_only_arabic.is_empty()
                            || !x.evidence.numbers_only_english.is_empty()))
            })
            .map(|x| {
                let side = |v: &[String]| {
                    if v.is_empty() {
                        "-".to_string()
                    } else {
                        v.join(" ")
                    }
                };
                format!(
                    "{}: only in Arabic: {}; only in English: {}",
                    pair_name(x),
                    side(&x.evidence.numbers_only_arabic),
                    side(&x.evidence.numbers_only_english)
                )
            })
            .collect(),
        MAGENTA,
    );
    section(
        "Other flags",
        pt.pairs()
            .iter()
            .filter_map(|x| {
                let other: Vec<&str> = x
                    .flags
                    .iter()
                    .filter(|f| {
                        !matches!(
                            f,
                            Flag::OnlyArabic
                                | Flag::OnlyEnglish
                                | Flag::LikelyPartial
                                | Flag::NumericMismatch
                        )
                    })
                    .map(|f| f.as_str())
                    .collect();
                (!other.is_empty()).then(|| format!("{}: {}", pair_name(x), other.join(", ")))
            })
            .collect(),
        MAGENTA,
    );
    section(
        "Uncertain pairs",
        pt.pairs()
            .iter()
            .filter(|x| PairStatus::of(x, opts.min_confidence) == PairStatus::LowConfidence)
            .map(|x| {
                format!(
                    "{}: confidence {:.2} ({})",
                    pair_name(x),
                    x.confidence,
                    super::evidence_summary(&x.evidence)
                )
            })
            .collect(),
        YELLOW,
    );
    let notes: Vec<String> = [pt.arabic(), pt.english()]
        .iter()
        .flat_map(|d| {
            d.diagnostics
                .iter()
                .map(move |x| format!("{}: {}", d.language, x.message))
        })
        .collect();
    if !notes.is_empty() {
        section("Parser notes", notes, DIM);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_summary() {
        let pt = crate::export::testdata::sample();
        let t = render(&pt, &TextOptions::default());
        assert!(!t.contains('\x1b'));
        assert!(t
            .lines()
            .any(|l| l.starts_with("3  3       -") && l.contains("only_arabic")));
        assert!(t.contains("2 of 3 Arabic articles have an English counterpart (66.7%)"));
        assert!(t.contains("only in Arabic: 2012; only in English: 1999"));
        assert!(t.contains("Only in Arabic (1):\n    3\n"));
        let c = render(
            &pt,
            &TextOptions {
                color: true,
                ..TextOptions::default()
            },
        );
        assert!(c.contains("\x1b[31m"));
        let only = render(
            &pt,
            &TextOptions {
                only_problems: true,
                ..TextOptions::default()
            },
        );
        assert!(!only.lines().any(|l| l.starts_with("1  1")));
    }
}
