//! Renderers over a [`ParallelText`]: JSON, a terminal table, TSV, TMX and
//! HTML.
//!
//! Each renderer is a function from a parallel text (and a small options
//! struct) to a `String`; nothing here does I/O.
//!
//! | module | output | for |
//! |---|---|---|
//! | [`json`] (feature `serde`) | [`json::Report`], a serde value with a stable contract | other programs |
//! | [`text`] | a table plus a summary, optional ANSI colour | a translator at a terminal |
//! | [`tsv`] | one row per pair, header row | spreadsheets, `awk` |
//! | [`tmx`] | TMX 1.4b, one `<tu>` per matched pair | translation-memory tools |
//! | [`html`] | one self-contained page, side by side | reviewing in a browser |
//!
//! The article text (heading and body) is taken from the two source
//! documents, [`ParallelText::arabic`] and [`ParallelText::english`].
//!
//! ## Status of a pair
//!
//! Every renderer classifies pairs the same way, with [`PairStatus`]:
//! a pair with an empty side is [`OneSided`](PairStatus::OneSided); a
//! matched pair carrying a flag is [`Flagged`](PairStatus::Flagged); a
//! matched pair with no flag but a confidence below the chosen
//! `min_confidence` is [`LowConfidence`](PairStatus::LowConfidence); the
//! rest are [`Ok`](PairStatus::Ok). All but `Ok` are *problems*.
//!
//! ```
//! use lexalign::export::{PairStatus, DEFAULT_MIN_CONFIDENCE};
//! # use lexalign::{Pair, Evidence, Flag};
//! let pair = Pair { arabic: vec![], english: vec![], confidence: 0.9,
//!                   flags: vec![Flag::OnlyEnglish], evidence: Evidence::default() };
//! assert_eq!(PairStatus::of(&pair, DEFAULT_MIN_CONFIDENCE), PairStatus::OneSided);
//! assert!(PairStatus::OneSided.is_problem());
//! ```

use std::fmt::Write as _;

use crate::{Article, ArticleRef, Document, Evidence, Flag, Pair, ParallelText};

pub mod html;
#[cfg(feature = "serde")]
pub mod json;
pub mod text;
pub mod tmx;
pub mod tsv;

/// The confidence below which a matched pair counts as uncertain when no
/// other threshold is given: `0.5`.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.5;

/// How a pair is classified in reports; see the [module docs](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PairStatus {
    /// Matched, no flag, confidence at or above the threshold.
    Ok,
    /// Matched with no flag, but the confidence is below the threshold.
    LowConfidence,
    /// Matched, with at least one flag.
    Flagged,
    /// One side is empty: the article has no counterpart.
    OneSided,
}

impl PairStatus {
    /// Classifies `pair`, treating a confidence below `min_confidence` as
    /// uncertain.
    pub fn of(pair: &Pair, min_confidence: f64) -> PairStatus {
        if !pair.is_matched() {
            PairStatus::OneSided
        } else if !pair.flags.is_empty() {
            PairStatus::Flagged
        } else if pair.confidence < min_confidence {
            PairStatus::LowConfidence
        } else {
            PairStatus::Ok
        }
    }

    /// The status name used in JSON, TSV and HTML classes: `"ok"`,
    /// `"low_confidence"`, `"flagged"`, `"one_sided"`.
    pub fn as_str(self) -> &'static str {
        match self {
            PairStatus::Ok => "ok",
            PairStatus::LowConfidence => "low_confidence",
            PairStatus::Flagged => "flagged",
            PairStatus::OneSided => "one_sided",
        }
    }

    /// Whether the pair needs a look: everything but [`PairStatus::Ok`].
    pub fn is_problem(self) -> bool {
        self != PairStatus::Ok
    }
}

/// Counts a reader (or a CI job) wants from a parallel text, computed once
/// and shared by the renderers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Number of pairs.
    pub pairs: usize,
    /// Matched pairs with no flag and enough confidence.
    pub ok: usize,
    /// Matched pairs with no flag but a confidence below the threshold.
    pub low_confidence: usize,
    /// Matched pairs carrying at least one flag.
    pub flagged: usize,
    /// Arabic articles with no English counterpart.
    pub only_arabic: usize,
    /// English articles with no Arabic counterpart.
    pub only_english: usize,
    /// Pairs flagged [`Flag::LikelyPartial`].
    pub likely_partial: usize,
    /// Pairs flagged [`Flag::NumericMismatch`].
    pub numeric_mismatch: usize,
    /// Pairs with [`PairStatus::is_problem`].
    pub problems: usize,
}

impl Summary {
    /// Computes the summary of `pt` with `min_confidence` as the threshold
    /// for [`PairStatus::LowConfidence`].
    pub fn of(pt: &ParallelText, min_confidence: f64) -> Summary {
        let mut s = Summary {
            pairs: pt.pairs().len(),
            ..Summary::default()
        };
        for p in pt.pairs() {
            let status = PairStatus::of(p, min_confidence);
            match status {
                PairStatus::Ok => s.ok += 1,
                PairStatus::LowConfidence => s.low_confidence += 1,
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
            if p.has_flag(Flag::NumericMismatch) {
                s.numeric_mismatch += 1;
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
pub fn article<'a>(doc: &'a Document, r: &ArticleRef) -> Option<&'a Article> {
    match doc.articles.get(r.index) {
        Some(a) if a.index == r.index => Some(a),
        _ => doc.articles.iter().find(|a| a.index == r.index),
    }
}

/// The full text of the referenced articles: for each, the heading, the
/// title if any, and the body, one per line; articles separated by a blank
/// line. Falls back to the heading stored in the reference when the
/// document does not hold the article.
pub fn article_text(doc: &Document, refs: &[ArticleRef]) -> String {
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

/// A short name for one side of a pair: canonical labels joined by `+`
/// (`"5"`, `"5bis"`, `"7+8"`), `#N` for an unnumbered article at position
/// N (counting from 1), and `-` for an empty side.
///
/// ```
/// use lexalign::{ArticleRef, Label};
/// use lexalign::export::labels;
/// let r = |i, l: Option<u32>| ArticleRef { index: i, label: l.map(Label::number), heading: String::new() };
/// assert_eq!(labels(&[r(0, Some(1)), r(1, Some(2))]), "1+2");
/// assert_eq!(labels(&[r(4, None)]), "#5");
/// assert_eq!(labels(&[]), "-");
/// ```
pub fn labels(refs: &[ArticleRef]) -> String {
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

/// Whether `c` may appear in an XML 1.0 document.
fn xml_char_ok(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes `s` for use in XML or HTML text and attribute values: `&`,
/// `<`, `>`, `"` and `'` become entities; characters not allowed in XML
/// 1.0 (control characters other than tab, line feed and carriage return,
/// U+FFFE, U+FFFF) are dropped.
///
/// ```
/// use lexalign::export::escape_xml;
/// assert_eq!(escape_xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
/// ```
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_xml_into(&mut out, s);
    out
}

/// Like [`escape_xml`], appending to `out`.
pub fn escape_xml_into(out: &mut String, s: &str) {
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
/// values), which keeps the text readable.
///
/// ```
/// use lexalign::export::escape_text;
/// assert_eq!(escape_text("People's \"law\" <1> & \u{7}"), "People's \"law\" &lt;1&gt; &amp; ");
/// ```
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if xml_char_ok(c) => out.push(c),
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

    fn article(i: usize, label: Option<Label>, heading: &str, text: &str) -> Article {
        Article {
            index: i,
            label,
            heading: heading.to_string(),
            heading_span: Span::default(),
            title: None,
            text: text.to_string(),
            paragraphs: vec![],
            items: vec![],
            division: None,
            span: Span::default(),
        }
    }

    fn doc(language: Language, articles: Vec<Article>) -> Document {
        Document::new(language, articles)
    }

    /// Arabic 1, 2, 3; English 1, 2 (short, with a stray number). Pairs:
    /// 1↔1 ok, 2↔2 partial + numeric, 3↔- only Arabic.
    pub(crate) fn sample() -> ParallelText {
        let ar = doc(
            Language::Arabic,
            vec![
                article(
                    0,
                    Some(Label::number(1)),
                    "مادة (1)",
                    "نص المادة الأولى & <تجربة>.",
                ),
                article(
                    1,
                    Some(Label::number(2)),
                    "مادة (2)",
                    "نص طويل جدا في سنة 2012.\tثم",
                ),
                article(2, Some(Label::number(3)), "مادة (3)", "نص المادة الثالثة."),
            ],
        );
        let en = doc(
            Language::English,
            vec![
                article(
                    0,
                    Some(Label::number(1)),
                    "Article (1)",
                    "First \"article\" text.",
                ),
                article(1, Some(Label::number(2)), "Article (2)", "Short, 1999."),
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
                flags: vec![Flag::LikelyPartial, Flag::NumericMismatch],
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
        assert_eq!((s.ok, s.low_confidence, s.flagged), (0, 1, 1));
        assert_eq!((s.only_arabic, s.only_english, s.problems), (1, 0, 3));
        assert_eq!((s.likely_partial, s.numeric_mismatch), (1, 1));
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
}
