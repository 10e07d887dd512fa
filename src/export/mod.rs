//! Reports over a [`ParallelText`]: JSON, a terminal table, TSV, TMX and
//! HTML, written by one function, [`render`].
//!
//! In: a parallel text, a [`Format`] and one [`ReportOptions`]. Out: the
//! report, written to any [`std::io::Write`] (a file, stdout, a
//! `Vec<u8>`).
//!
//! | [`Format`] | output | for |
//! |---|---|---|
//! | [`Json`](Format::Json) (feature `json`) | [`json::Report`] as pretty JSON, a stable contract | other programs |
//! | [`Text`](Format::Text) | a table plus a summary, optional ANSI colour | a translator at a terminal |
//! | [`Tsv`](Format::Tsv) | one row per pair, header row ([`TSV_COLUMNS`]) | spreadsheets, `awk` |
//! | [`Tmx`](Format::Tmx) | TMX 1.4b, one `<tu>` per matched pair | translation-memory tools |
//! | [`Html`](Format::Html) | one self-contained page, side by side | reviewing in a browser |
//!
//! The article text (heading and body) is taken from the two source
//! documents, [`ParallelText::arabic`] and [`ParallelText::english`]. Every
//! report names a pair Arabic first: `5↔5`, `7+8 ↔ 7`. [`batch`] holds the
//! record of one document in a batch run (JSON Lines) and the summary table
//! of a run; [`FailOn`] says which problems fail a checking run.
//!
//! ```
//! use lexalign::export::{render, Format, ReportOptions};
//! # fn demo(pt: &lexalign::ParallelText) -> std::io::Result<()> {
//! let format: Format = "tsv".parse().unwrap();
//! let mut out = Vec::new();
//! render(pt, format, &ReportOptions::default(), &mut out)?;
//! let coloured = ReportOptions { color: true, ..ReportOptions::default() };
//! render(pt, Format::Text, &coloured, &mut std::io::stdout())?;
//! # Ok(()) }
//! ```
//!
//! ## Status of a pair
//!
//! Every report classifies pairs the same way, with [`PairStatus`]:
//! a pair with an empty side is [`OneSided`](PairStatus::OneSided); a
//! matched pair carrying a flag is [`Flagged`](PairStatus::Flagged); a
//! matched pair with no flag but a confidence below
//! [`ReportOptions::uncertain_below`] is [`Uncertain`](PairStatus::Uncertain);
//! the rest are [`Ok`](PairStatus::Ok). All but `Ok` are *problems*.
//!
//! ```
//! use lexalign::export::{PairStatus, DEFAULT_UNCERTAIN_BELOW};
//! # use lexalign::{Pair, Evidence, Flag};
//! let pair = Pair { arabic: vec![], english: vec![], confidence: 0.9,
//!                   flags: vec![Flag::OnlyEnglish], evidence: Evidence::default() };
//! assert_eq!(PairStatus::of(&pair, DEFAULT_UNCERTAIN_BELOW), PairStatus::OneSided);
//! assert!(PairStatus::OneSided.is_problem());
//! ```

use std::fmt::Write as _;
use std::io;

use crate::{Article, ArticleRef, Coverage, Document, Evidence, Flag, Pair, ParallelText};

#[cfg(feature = "json")]
pub mod batch;
mod fail_on;
mod html;
#[cfg(feature = "serde")]
pub mod json;
mod text;
mod tmx;
mod tsv;

pub use crate::pipeline::{articles_phrase, describe_documents};
pub use fail_on::FailOn;
pub use tsv::COLUMNS as TSV_COLUMNS;

/// The confidence below which a matched pair without flags is uncertain
/// when no other threshold is given: `0.5`.
pub const DEFAULT_UNCERTAIN_BELOW: f64 = 0.5;

/// A report format; see the [module docs](self).
///
/// Its name on a command line is [`as_str`](Format::as_str), read back by
/// [`FromStr`](std::str::FromStr):
///
/// ```
/// use lexalign::export::Format;
/// assert_eq!("html".parse::<Format>(), Ok(Format::Html));
/// assert_eq!(Format::Tsv.as_str(), "tsv");
/// assert!("pdf".parse::<Format>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The JSON report of [`json::Report`], pretty-printed, ending with a
    /// line feed (feature `json`).
    #[cfg(feature = "json")]
    Json,
    /// A table of the pairs and a summary, for people.
    Text,
    /// Tab-separated values, one row per pair, under a header row.
    Tsv,
    /// A TMX 1.4b translation memory of the matched pairs.
    Tmx,
    /// One self-contained HTML page, the two texts side by side.
    Html,
}

impl Format {
    /// Every format, in the order a command line lists them.
    pub const ALL: &'static [Format] = &[
        Format::Text,
        #[cfg(feature = "json")]
        Format::Json,
        Format::Tsv,
        Format::Tmx,
        Format::Html,
    ];

    /// The format's name: `"json"`, `"text"`, `"tsv"`, `"tmx"`, `"html"`.
    pub fn as_str(self) -> &'static str {
        match self {
            #[cfg(feature = "json")]
            Format::Json => "json",
            Format::Text => "text",
            Format::Tsv => "tsv",
            Format::Tmx => "tmx",
            Format::Html => "html",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not a [`Format`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl std::fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown report format {:?}", self.0)
    }
}

impl std::error::Error for UnknownFormat {}

impl std::str::FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Format, UnknownFormat> {
        named(Format::ALL, name, Format::as_str).ok_or_else(|| UnknownFormat(name.to_string()))
    }
}

/// The item of `all` whose name (`as_str`) is `name`.
pub(crate) fn named<T: Copy>(all: &[T], name: &str, as_str: fn(T) -> &'static str) -> Option<T> {
    all.iter().copied().find(|item| as_str(*item) == name)
}

/// The options of every report; each says which formats read it.
///
/// ```
/// use lexalign::export::ReportOptions;
/// let strict = ReportOptions { uncertain_below: 0.8, only_problems: true, ..Default::default() };
/// assert!(strict.header); // the TSV header row is on by default
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// Matched pairs without flags whose confidence is below this are
    /// [`PairStatus::Uncertain`] (every format but TMX shows and marks
    /// them), and TMX leaves out every matched pair below it. Default
    /// [`DEFAULT_UNCERTAIN_BELOW`]; `0.0` keeps every pair in TMX.
    pub uncertain_below: f64,
    /// Text: leave out the table rows of pairs that are not problems (the
    /// summary is unchanged). HTML: open with "show only problems" ticked.
    /// Default `false`.
    pub only_problems: bool,
    /// Text: leave out the table and write the summary only. Default
    /// `false`.
    pub summary_only: bool,
    /// Text: colour with ANSI escape codes. Default `false`.
    pub color: bool,
    /// TSV: write the header row. Default `true`.
    pub header: bool,
    /// TMX: leave out pairs flagged as likely partial translations.
    /// Default `false`.
    pub skip_partial: bool,
    /// HTML: the page title; by default the title of the law (English,
    /// else Arabic), else "Parallel text".
    pub title: Option<String>,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            uncertain_below: DEFAULT_UNCERTAIN_BELOW,
            only_problems: false,
            summary_only: false,
            color: false,
            header: true,
            skip_partial: false,
            title: None,
        }
    }
}

/// Writes the report of `pt` in `format` to `out`.
///
/// # Errors
/// Those of writing to `out`.
pub fn render(
    pt: &ParallelText,
    format: Format,
    options: &ReportOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let summary = Summary::of(pt, options.uncertain_below);
    render_summarised(pt, &summary, format, options, out)
}

/// Like [`render`], with the summary already computed, for a caller that
/// needs it too (to decide an exit code, say): `summary` must be
/// `Summary::of(pt, options.uncertain_below)`.
///
/// # Errors
/// Those of writing to `out`.
pub fn render_summarised(
    pt: &ParallelText,
    summary: &Summary,
    format: Format,
    options: &ReportOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    debug_assert_eq!(summary, &Summary::of(pt, options.uncertain_below));
    let report = match format {
        #[cfg(feature = "json")]
        Format::Json => {
            let report = json::Report::new(pt, options.uncertain_below);
            let mut s = serde_json::to_string_pretty(&report).map_err(io::Error::other)?;
            s.push('\n');
            s
        }
        Format::Text => text::render(pt, summary, options),
        Format::Tsv => tsv::render(pt, options),
        Format::Tmx => tmx::render(pt, options),
        Format::Html => html::render(pt, summary, options),
    };
    out.write_all(report.as_bytes())
}

/// How a pair is classified in reports; see the [module docs](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PairStatus {
    /// Matched, no flag, confidence at or above the threshold.
    Ok,
    /// Matched with no flag, but the confidence is below the threshold.
    Uncertain,
    /// Matched, with at least one flag.
    Flagged,
    /// One side is empty: the article has no counterpart.
    OneSided,
}

impl PairStatus {
    /// Classifies `pair`, treating a confidence below `uncertain_below` as
    /// uncertain.
    pub fn of(pair: &Pair, uncertain_below: f64) -> PairStatus {
        if !pair.is_matched() {
            PairStatus::OneSided
        } else if !pair.flags.is_empty() {
            PairStatus::Flagged
        } else if pair.confidence < uncertain_below {
            PairStatus::Uncertain
        } else {
            PairStatus::Ok
        }
    }

    /// The status name used in JSON, TSV and HTML classes: `"ok"`,
    /// `"uncertain"`, `"flagged"`, `"one_sided"`.
    pub fn as_str(self) -> &'static str {
        match self {
            PairStatus::Ok => "ok",
            PairStatus::Uncertain => "uncertain",
            PairStatus::Flagged => "flagged",
            PairStatus::OneSided => "one_sided",
        }
    }

    /// The status as written for people, in the text table and the HTML
    /// page: [`as_str`](Self::as_str) with `one-sided` hyphenated.
    pub fn word(self) -> &'static str {
        match self {
            PairStatus::OneSided => "one-sided",
            other => other.as_str(),
        }
    }

    /// Whether the pair needs a look: everything but [`PairStatus::Ok`].
    pub fn is_problem(self) -> bool {
        self != PairStatus::Ok
    }
}

/// Counts a reader (or a CI job) wants from a parallel text, computed once
/// and shared by the reports.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Number of pairs.
    pub pairs: usize,
    /// Matched pairs with no flag and enough confidence.
    pub ok: usize,
    /// Matched pairs with no flag but a confidence below the threshold
    /// ([`PairStatus::Uncertain`]).
    pub uncertain: usize,
    /// Matched pairs carrying at least one flag.
    pub flagged: usize,
    /// Arabic articles with no English counterpart.
    pub only_arabic: usize,
    /// English articles with no Arabic counterpart.
    pub only_english: usize,
    /// Pairs flagged [`Flag::LikelyPartial`].
    pub likely_partial: usize,
    /// Pairs flagged [`Flag::NumbersDiffer`].
    pub numbers_differ: usize,
    /// Pairs with [`PairStatus::is_problem`].
    pub problems: usize,
}

impl Summary {
    /// Computes the summary of `pt` with `uncertain_below` as the threshold
    /// for [`PairStatus::Uncertain`].
    pub fn of(pt: &ParallelText, uncertain_below: f64) -> Summary {
        let mut s = Summary {
            pairs: pt.pairs().len(),
            ..Summary::default()
        };
        for p in pt.pairs() {
            let status = PairStatus::of(p, uncertain_below);
            match status {
                PairStatus::Ok => s.ok += 1,
                PairStatus::Uncertain => s.uncertain += 1,
                PairStatus::Flagged => s.flagged += 1,
                PairStatus::OneSided => {}
            }
            if status.is_problem() {
                s.problems += 1;
            }
            if p.english.is_empty() {
                s.only_arabic += p.arabic.len();
            }
            if p.arabic.is_empty() {
                s.only_english += p.english.len();
            }
            if p.has_flag(Flag::LikelyPartial) {
                s.likely_partial += 1;
            }
            if p.has_flag(Flag::NumbersDiffer) {
                s.numbers_differ += 1;
            }
        }
        s
    }

    /// Articles, in either language, with no counterpart.
    pub fn one_sided(&self) -> usize {
        self.only_arabic + self.only_english
    }
}

/// The article a reference points to, looked up by its index (falling back
/// to a search when the index is out of step with the document).
pub(crate) fn article<'a>(doc: &'a Document, r: &ArticleRef) -> Option<&'a Article> {
    match doc.articles.get(r.index) {
        Some(a) if a.index == r.index => Some(a),
        _ => doc.articles.iter().find(|a| a.index == r.index),
    }
}

/// The full text of the referenced articles: for each, the heading, the
/// title if any, and the body, one per line; articles separated by a blank
/// line. Falls back to the heading stored in the reference when the
/// document does not hold the article.
pub(crate) fn article_text(doc: &Document, refs: &[ArticleRef]) -> String {
    let mut out = String::new();
    for (i, r) in refs.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        match article(doc, r) {
            Some(a) => {
                out.push_str(a.heading.trim());
                let body = a.text.trim();
                if let Some(t) = title_apart(a) {
                    out.push('\n');
                    out.push_str(t);
                }
                if !body.is_empty() {
                    out.push('\n');
                    out.push_str(body);
                }
            }
            None => out.push_str(r.heading.trim()),
        }
    }
    out
}

/// The article's title when it is not already the first line of its body
/// text (so that it is shown once).
pub(crate) fn title_apart(a: &Article) -> Option<&str> {
    a.title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty() && !a.text.trim_start().starts_with(t))
}

/// `text` on one line: runs of white space become one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The title of the law in `doc` on one line, if it has a title that is
/// not blank.
pub(crate) fn one_line_title(doc: &Document) -> Option<String> {
    doc.title
        .as_ref()
        .map(|b| one_line(&b.text))
        .filter(|t| !t.is_empty())
}

/// A short name for one side of a pair: canonical labels joined by `+`
/// (`"5"`, `"5bis"`, `"7+8"`), `#N` for an unnumbered article at position
/// N (counting from 1), and `-` for an empty side.
pub(crate) fn labels(refs: &[ArticleRef]) -> String {
    if refs.is_empty() {
        return "-".to_string();
    }
    let mut out = String::new();
    for (i, r) in refs.iter().enumerate() {
        if i > 0 {
            out.push('+');
        }
        match &r.label {
            Some(l) => {
                let _ = write!(out, "{l}");
            }
            None => {
                let _ = write!(out, "#{}", r.index + 1);
            }
        }
    }
    out
}

/// The name of a pair, Arabic first: `"5↔5"`, or with `spaced`
/// `"5 ↔ 5"`.
pub(crate) fn pair_name(pair: &Pair, spaced: bool) -> String {
    let arrow = if spaced { " ↔ " } else { "↔" };
    format!("{}{arrow}{}", labels(&pair.arabic), labels(&pair.english))
}

/// The two coverage sentences, Arabic → English then English → Arabic:
/// `"27 of 28 Arabic articles have an English counterpart (96.4%)"`.
pub(crate) fn coverage_sentences(cov: &Coverage) -> [String; 2] {
    [
        format!(
            "{} of {} Arabic articles have an English counterpart ({})",
            cov.arabic_matched,
            cov.arabic_articles,
            percent(cov.arabic_coverage)
        ),
        format!(
            "{} of {} English articles have an Arabic counterpart ({})",
            cov.english_matched,
            cov.english_articles,
            percent(cov.english_coverage)
        ),
    ]
}

/// Numbers found on one side only, joined by `separator`, or `none` when
/// there are none.
pub(crate) fn numbers_or(numbers: &[String], separator: &str, none: &str) -> String {
    if numbers.is_empty() {
        none.to_string()
    } else {
        numbers.join(separator)
    }
}

/// Whether `c` may appear in an HTML page without a parse error: not DEL,
/// a C1 control or a Unicode noncharacter (HTML's "control character" and
/// "noncharacter in input stream" errors; found by the fuzzer).
fn html_char_ok(c: char) -> bool {
    !matches!(c, '\u{7F}'..='\u{9F}' | '\u{FDD0}'..='\u{FDEF}') && (c as u32) & 0xFFFE != 0xFFFE
}

/// Whether `c` may appear in an XML 1.0 document.
fn xml_char_ok(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes `s` for use in XML or HTML text and attribute values: `&`,
/// `<`, `>`, `"` and `'` become entities; characters not allowed in XML
/// 1.0 (control characters other than tab, line feed and carriage return,
/// U+FFFE, U+FFFF) are dropped.
///
pub(crate) fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_xml_into(&mut out, s);
    out
}

/// Like [`escape_xml`], appending to `out`.
pub(crate) fn escape_xml_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if xml_char_ok(c) => out.push(c),
            _ => {}
        }
    }
}

/// Escapes `s` for XML or HTML element content: like [`escape_xml`] but
/// quotes are left as they are (they need no escaping outside attribute
/// values), which keeps the text readable; DEL, C1 controls and
/// noncharacters, which an HTML parser reports as errors, are dropped too.
///
pub(crate) fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if xml_char_ok(c) && html_char_ok(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Formats a share 0–1 as a percentage with one decimal: `"96.4%"`.
pub(crate) fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// The evidence of a matched pair in one line, for a reader deciding
/// whether an uncertain pair is right: whether the labels agree, how much
/// of the numbers (by rarity) and of the legal terms of the lexicon the two
/// sides share, and the length ratio.
///
/// `"labels differ; numbers shared 40%; legal terms shared 35%; length
/// en/ar 0.61"`
pub(crate) fn evidence_summary(e: &Evidence) -> String {
    let mut v = Vec::with_capacity(4);
    match e.label_match {
        Some(true) => v.push("labels agree".to_string()),
        Some(false) => v.push("labels differ".to_string()),
        None => {}
    }
    v.push(match e.numeric {
        Some(x) => format!("numbers shared {:.0}%", x * 100.0),
        None => "no numbers".to_string(),
    });
    if let Some(x) = e.lexical {
        v.push(format!("legal terms shared {:.0}%", x * 100.0));
    }
    v.push(format!("length en/ar {:.2}", e.length_ratio));
    v.join("; ")
}

#[cfg(test)]
pub(crate) mod testdata {
    //! A hand-built parallel text for the renderers' unit tests.
    use crate::*;

    /// A document whose articles, numbered from 1, have these headings
    /// and texts.
    fn doc(language: Language, articles: &[(&str, &str)]) -> Document {
        let articles = articles
            .iter()
            .enumerate()
            .map(|(i, (heading, text))| Article {
                index: i,
                label: Some(Label::number(i as u32 + 1)),
                heading: heading.to_string(),
                heading_span: Span::default(),
                title: None,
                text: text.to_string(),
                paragraphs: vec![],
                items: vec![],
                division: None,
                span: Span::default(),
            })
            .collect();
        Document::new(language, articles)
    }

    /// Arabic 1, 2, 3; English 1, 2 (short, with a stray number). Pairs:
    /// 1↔1 ok, 2↔2 partial + numeric, 3↔- only Arabic.
    pub(crate) fn sample() -> ParallelText {
        let ar = doc(
            Language::Arabic,
            &[
                ("مادة (1)", "نص المادة الأولى & <تجربة>."),
                ("مادة (2)", "نص طويل جدا في سنة 2012.\tثم"),
                ("مادة (3)", "نص المادة الثالثة."),
            ],
        );
        let en = doc(
            Language::English,
            &[
                ("Article (1)", "First \"article\" text."),
                ("Article (2)", "Short, 1999."),
            ],
        );
        let r = |d: &Document, i: usize| ArticleRef::of(&d.articles[i]);
        let pairs = vec![
            Pair {
                arabic: vec![r(&ar, 0)],
                english: vec![r(&en, 0)],
                confidence: 0.97,
                flags: vec![],
                evidence: Evidence::default(),
            },
            Pair {
                arabic: vec![r(&ar, 1)],
                english: vec![r(&en, 1)],
                confidence: 0.8,
                flags: vec![Flag::LikelyPartial, Flag::NumbersDiffer],
                evidence: Evidence {
                    numbers_only_arabic: vec!["2012".into()],
                    numbers_only_english: vec!["1999".into()],
                    length_ratio: 0.3,
                    ..Evidence::default()
                },
            },
            Pair {
                arabic: vec![r(&ar, 2)],
                english: vec![],
                confidence: 0.9,
                flags: vec![Flag::OnlyArabic],
                evidence: Evidence::default(),
            },
        ];
        let verdict = Verdict {
            same_law: true,
            score: 0.9,
            reasons: vec!["Labels agree.".into()],
        };
        ParallelText::from_parts(ar, en, pairs, verdict)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_and_summary() {
        let pt = testdata::sample();
        let st: Vec<_> = pt.pairs().iter().map(|p| PairStatus::of(p, 0.9)).collect();
        assert_eq!(
            st,
            [PairStatus::Ok, PairStatus::Flagged, PairStatus::OneSided]
        );
        let s = Summary::of(&pt, 0.99);
        assert_eq!((s.ok, s.uncertain, s.flagged), (0, 1, 1));
        assert_eq!((s.only_arabic, s.only_english, s.problems), (1, 0, 3));
        assert_eq!((s.likely_partial, s.numbers_differ), (1, 1));
    }

    #[test]
    fn evidence_summary_says_what_agrees() {
        let e = Evidence {
            label_match: Some(false),
            numeric: Some(0.4),
            lexical: Some(0.35),
            length_ratio: 0.612,
            ..Evidence::default()
        };
        assert_eq!(
            evidence_summary(&e),
            "labels differ; numbers shared 40%; legal terms shared 35%; length en/ar 0.61"
        );
        let e = Evidence {
            length_ratio: 1.5,
            ..Evidence::default()
        };
        assert_eq!(evidence_summary(&e), "no numbers; length en/ar 1.50");
    }

    #[test]
    fn article_text_joins_heading_and_body() {
        let pt = testdata::sample();
        let t = article_text(pt.english(), &pt.pairs()[0].english);
        assert_eq!(t, "Article (1)\nFirst \"article\" text.");
        assert_eq!(article_text(pt.english(), &[]), "");
    }

    #[test]
    fn title_shown_once() {
        let mut pt = testdata::sample().english().clone();
        pt.articles[0].title = Some("Definitions".into());
        pt.articles[0].text = "Definitions\nWords mean things.".into();
        let refs = [ArticleRef::of(&pt.articles[0])];
        assert_eq!(
            article_text(&pt, &refs),
            "Article (1)\nDefinitions\nWords mean things."
        );
        pt.articles[0].text = "Words mean things.".into();
        assert_eq!(
            article_text(&pt, &refs),
            "Article (1)\nDefinitions\nWords mean things."
        );
    }

    #[test]
    fn escape_drops_illegal_chars() {
        assert_eq!(escape_xml("\u{0}x\u{FFFE}\u{1F600}'"), "x\u{1F600}&#39;");
    }

    #[test]
    fn text_escape_drops_what_html_refuses() {
        let s = "a\u{7F}b\u{85}c\u{9F}d\u{FDD0}e\u{1FFFF}f\u{10FFFE}g\u{0}h\u{A0}";
        assert_eq!(escape_text(s), "abcdefgh\u{A0}");
    }
}
