//! The text report, for a translator at a terminal ([`Format::Text`](super::Format::Text)).
//!
//! In: a parallel text, its [`Summary`] and the [`ReportOptions`]. Out: one
//! line per pair (position, Arabic and English labels, confidence,
//! status, flags), then a summary: the verdict, coverage in both
//! directions, the one-sided articles, the likely partial translations,
//! the pairs whose numbers differ (with the numbers), the uncertain pairs and the
//! parser's notes; lines end with `\n`.
//!
//! Labels are shown in canonical form (`5`, `5bis`); `7+8` is a merge or
//! split, `#4` an unnumbered article at position 4 (counting from 1), `-`
//! an empty side. No colour unless [`ReportOptions::color`] is set.

use super::{
    coverage_sentences, evidence_summary, labels, numbers_or, one_line, pair_name, PairStatus,
    ReportOptions, Summary,
};
use crate::{ArticleRef, Flag, Pair, ParallelText};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const MAGENTA: &str = "\x1b[35m";
const DIM: &str = "\x1b[2m";

/// The width of the status column: its longest word.
const STATUS_WIDTH: usize = "one-sided".len();

/// Wraps text in ANSI styles when colour is on.
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
        PairStatus::Uncertain => YELLOW,
        PairStatus::Flagged => MAGENTA,
        PairStatus::OneSided => RED,
    }
}

fn pad(s: &str, width: usize) -> String {
    format!("{s:<width$}")
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

/// The report being written: the output so far and what every step reads.
struct TextReport<'a> {
    out: String,
    painter: Painter,
    pt: &'a ParallelText,
    summary: &'a Summary,
    options: &'a ReportOptions,
}

/// Renders the report of `pt` as text.
pub(crate) fn render(pt: &ParallelText, summary: &Summary, options: &ReportOptions) -> String {
    let mut report = TextReport {
        out: String::new(),
        painter: Painter { on: options.color },
        pt,
        summary,
        options,
    };
    report.heading();
    if !options.summary_only {
        report.table();
    }
    report.summary();
    report.renumbering();
    report.one_sided();
    report.likely_partial();
    report.numbers_differ_section();
    report.other_flags();
    report.uncertain();
    report.parser_notes();
    report.out
}

impl TextReport<'_> {
    /// A line of text, control characters from the documents stripped.
    fn line(&mut self, line: &str) {
        self.raw_line(&crate::input::strip_controls(line));
    }

    /// A line as it is: its parts are clean, and painted.
    fn raw_line(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn painted_line(&mut self, style: &str, line: &str) {
        let painted = self
            .painter
            .paint(style, &crate::input::strip_controls(line));
        self.raw_line(&painted);
    }

    /// The title, the counts, and a warning when the texts look like
    /// different laws.
    fn heading(&mut self) {
        let pt = self.pt;
        let title = pt
            .english()
            .title
            .as_ref()
            .or(pt.arabic().title.as_ref())
            .map(|b| one_line(&b.text))
            .filter(|t| !t.is_empty());
        if let Some(title) = title {
            self.painted_line(BOLD, &title);
        }
        let cov = pt.coverage();
        self.line(&format!(
            "Arabic: {} articles, English: {} articles, {} pairs",
            cov.arabic_articles,
            cov.english_articles,
            pt.pairs().len()
        ));
        if !pt.verdict().same_law {
            self.painted_line(
                RED,
                &format!(
                    "WARNING: the two texts do not look like versions of the same law (score {:.2}); \
                     the pairs are unreliable.",
                    pt.verdict().score
                ),
            );
        }
    }

    /// One row per pair (only the problems with
    /// [`ReportOptions::only_problems`]), columns padded to their widest
    /// cell.
    fn table(&mut self) {
        let options = self.options;
        let rows: Vec<(usize, &Pair, PairStatus)> = self
            .pt
            .pairs()
            .iter()
            .enumerate()
            .map(|(i, pair)| (i + 1, pair, PairStatus::of(pair, options.uncertain_below)))
            .filter(|(_, _, status)| !options.only_problems || status.is_problem())
            .collect();
        let cells: Vec<[String; 4]> = rows
            .iter()
            .map(|(n, pair, _)| {
                [
                    n.to_string(),
                    crate::input::strip_controls(&labels(&pair.arabic)).into_owned(),
                    crate::input::strip_controls(&labels(&pair.english)).into_owned(),
                    format!("{:.2}", pair.confidence),
                ]
            })
            .collect();
        let head = ["#", "Arabic", "English", "Conf."];
        let mut width = head.map(|h| h.chars().count());
        for row in &cells {
            for (k, cell) in row.iter().enumerate() {
                width[k] = width[k].max(cell.chars().count());
            }
        }
        self.line("");
        let header = format!(
            "{:>w0$}  {}  {}  {}  {}  Flags",
            head[0],
            pad(head[1], width[1]),
            pad(head[2], width[2]),
            pad(head[3], width[3]),
            pad("Status", STATUS_WIDTH),
            w0 = width[0]
        );
        self.painted_line(BOLD, &header);
        for ((_, pair, status), cell) in rows.iter().zip(&cells) {
            let flags = pair
                .flags
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let style = status_style(*status);
            let line = format!(
                "{:>w0$}  {}  {}  {}  {}  {}",
                cell[0],
                pad(&cell[1], width[1]),
                pad(&cell[2], width[2]),
                pad(&cell[3], width[3]),
                self.painter.paint(style, &pad(status.word(), STATUS_WIDTH)),
                self.painter.paint(style, &flags),
                w0 = width[0]
            );
            self.raw_line(line.trim_end());
        }
        if rows.is_empty() {
            self.painted_line(DIM, "(no pairs to show)");
        }
    }

    /// The verdict with its reasons, coverage both ways, pairs by status.
    fn summary(&mut self) {
        self.line("");
        self.painted_line(BOLD, "Summary");
        let verdict = self.pt.verdict();
        let said = if verdict.same_law {
            self.painter.paint(GREEN, "same law")
        } else {
            self.painter.paint(RED, "probably NOT the same law")
        };
        self.raw_line(&format!("  Verdict: {said} (score {:.2})", verdict.score));
        for reason in &verdict.reasons {
            self.line(&format!("    - {reason}"));
        }
        let [arabic, english] = coverage_sentences(self.pt.coverage());
        self.line(&format!("  Arabic → English: {arabic}"));
        self.line(&format!("  English → Arabic: {english}"));
        let one_sided = self.pt.pairs().iter().filter(|x| !x.is_matched()).count();
        self.line(&format!(
            "  Pairs: {} ok, {} flagged, {} uncertain (confidence < {:.2}), {one_sided} one-sided",
            self.summary.ok,
            self.summary.flagged,
            self.summary.uncertain,
            self.options.uncertain_below,
        ));
    }

    /// A titled list (`none` when empty), its title painted in `style`.
    fn section(&mut self, title: &str, count: usize, items: Vec<String>, style: &str) {
        if count == 0 {
            self.line(&format!("  {title}: none"));
        } else {
            let title = self.painter.paint(style, title);
            self.raw_line(&format!("  {title} ({count}):"));
            for item in items {
                self.line(&format!("    {item}"));
            }
        }
    }

    /// A list of one line per pair in `pairs` that `describe` has words
    /// for.
    fn pair_section(
        &mut self,
        title: &str,
        style: &str,
        describe: impl Fn(&Pair) -> Option<String>,
    ) {
        let items: Vec<String> = self.pt.pairs().iter().filter_map(describe).collect();
        self.section(title, items.len(), items, style);
    }

    /// The runs of renumbering, one line each (nothing when there is none).
    fn renumbering(&mut self) {
        let runs = self.pt.renumbering();
        if !runs.is_empty() {
            let items = runs.iter().map(|r| r.sentence()).collect();
            self.section("Renumbering", runs.len(), items, DIM);
        }
    }

    /// The articles with no counterpart, each language in turn.
    fn one_sided(&mut self) {
        let only_arabic: Vec<&ArticleRef> = self.pt.only_arabic().collect();
        let only_english: Vec<&ArticleRef> = self.pt.only_english().collect();
        let (count, lines) = (only_arabic.len(), list_refs(&only_arabic));
        self.section("Only in Arabic", count, lines, RED);
        let (count, lines) = (only_english.len(), list_refs(&only_english));
        self.section("Only in English", count, lines, RED);
    }

    fn likely_partial(&mut self) {
        self.pair_section("Likely partial translations", MAGENTA, |x| {
            x.has_flag(Flag::LikelyPartial).then(|| {
                format!(
                    "{}: {}",
                    pair_name(x, false),
                    x.evidence.partial_explanation()
                )
            })
        });
    }

    /// Pairs flagged for numbers, and matched pairs with numbers on one
    /// side only.
    fn numbers_differ_section(&mut self) {
        self.pair_section("Numbers that differ", MAGENTA, |x| {
            let one_side_only = !x.evidence.numbers_only_arabic.is_empty()
                || !x.evidence.numbers_only_english.is_empty();
            (x.has_flag(Flag::NumbersDiffer) || (x.is_matched() && one_side_only)).then(|| {
                format!(
                    "{}: only in Arabic: {}; only in English: {}",
                    pair_name(x, false),
                    numbers_or(&x.evidence.numbers_as_written(true), ", ", "-"),
                    numbers_or(&x.evidence.numbers_as_written(false), ", ", "-")
                )
            })
        });
    }

    /// The flags no section above lists.
    fn other_flags(&mut self) {
        self.pair_section("Other flags", MAGENTA, |x| {
            let other: Vec<&str> = x
                .flags
                .iter()
                .filter(|f| {
                    !matches!(
                        f,
                        Flag::OnlyArabic
                            | Flag::OnlyEnglish
                            | Flag::LikelyPartial
                            | Flag::NumbersDiffer
                    )
                })
                .map(|f| f.as_str())
                .collect();
            (!other.is_empty()).then(|| format!("{}: {}", pair_name(x, false), other.join(", ")))
        });
    }

    fn uncertain(&mut self) {
        let uncertain_below = self.options.uncertain_below;
        self.pair_section("Uncertain pairs", YELLOW, |x| {
            (PairStatus::of(x, uncertain_below) == PairStatus::Uncertain).then(|| {
                format!(
                    "{}: confidence {:.2} ({})",
                    pair_name(x, false),
                    x.confidence,
                    evidence_summary(&x.evidence)
                )
            })
        });
    }

    /// What the parser noticed, when it noticed anything.
    fn parser_notes(&mut self) {
        let notes: Vec<String> = [self.pt.arabic(), self.pt.english()]
            .iter()
            .flat_map(|d| {
                d.diagnostics
                    .iter()
                    .map(move |x| format!("{}: {}", d.language, x.message))
            })
            .collect();
        if !notes.is_empty() {
            self.section("Parser notes", notes.len(), notes, DIM);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(options: ReportOptions) -> String {
        let pt = crate::export::testdata::sample();
        let summary = Summary::of(&pt, options.uncertain_below);
        render(&pt, &summary, &options)
    }

    #[test]
    fn table_and_summary() {
        let t = text(ReportOptions::default());
        assert!(!t.contains('\x1b'));
        assert!(t
            .lines()
            .any(|l| l.starts_with("3  3       -") && l.contains("only_arabic")));
        assert!(t.contains("2 of 3 Arabic articles have an English counterpart (66.7%)"));
        assert!(t.contains("only in Arabic: 2012; only in English: 1999"));
        assert!(t.contains("Only in Arabic (1):\n    3\n"));
        let coloured = text(ReportOptions {
            color: true,
            ..ReportOptions::default()
        });
        assert!(coloured.contains("\x1b[31m"));
        let only = text(ReportOptions {
            only_problems: true,
            ..ReportOptions::default()
        });
        assert!(!only.lines().any(|l| l.starts_with("1  1")));
    }

    #[test]
    fn control_characters_of_the_documents_are_stripped() {
        let arabic =
            "قانون\x1b]0;pwned\x07 العمل\nمادة (1)\nنص المادة الأولى 2012.\nمادة (2)\nنص.\n";
        let english = "Labour\x1b[2J Law\x07\nArticle (1)\nText of the first article 2012.\nArticle (2)\nText.\n";
        let pt = crate::align(arabic, english).unwrap();
        for color in [false, true] {
            let options = ReportOptions {
                color,
                ..ReportOptions::default()
            };
            let t = render(&pt, &Summary::of(&pt, 0.5), &options);
            assert!(t.contains("Law"), "{t}");
            assert!(
                !t.contains('\x07') && !t.contains("\x1b[2J") && !t.contains("\x1b]"),
                "{t:?}"
            );
            assert_eq!(color, t.contains('\x1b'));
        }
    }
}
