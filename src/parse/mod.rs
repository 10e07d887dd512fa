//! Parsing: from text to [`Document`]s.
//!
//! In: a legal text as written — Arabic, English, or one file holding both
//! versions in either order, with website boilerplate around them. Out:
//! [`Parsed`], one [`Document`] per language version found.
//!
//! The stages, each in its own module:
//! - `line`: one record of features per line (script, cues, headings found
//!   in the matching view of [`crate::normalize`]);
//! - `heading`: the article and division heading recognisers;
//! - `build`: from line records to the document structure.
//!
//! This module splits the input into language runs first: a run of Arabic
//! lines and a run of English lines each become a document when they hold
//! articles; runs without articles after a law are its boilerplate.

mod build;
mod heading;
mod line;
mod paths;
mod refused;
mod visual;

use crate::document::{Diagnostic, DiagnosticKind, Document, Language};
use crate::error::{Error, ErrorKind, Result};
use line::{Line, PieceKind};

/// The documents found in one input, in order of appearance.
///
/// Their spans partition the input: every byte belongs to exactly one
/// document.
///
/// ```
/// let text = "Article 1\nThe law applies.\nمادة (1)\nيطبق القانون.\n";
/// let parsed = lexalign::parse(text).unwrap();
/// assert_eq!(parsed.documents.len(), 2);
/// assert_eq!(parsed.english().unwrap().articles.len(), 1);
/// assert_eq!(parsed.arabic().unwrap().articles.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Parsed {
    /// Documents in order of appearance.
    pub documents: Vec<Document>,
}

impl Parsed {
    /// The Arabic document with the most articles (the first on a tie), if
    /// any; see [`main_document`](crate::main_document).
    pub fn arabic(&self) -> Option<&Document> {
        crate::main_document(&self.documents, Language::Arabic).map(|i| &self.documents[i])
    }

    /// The English document with the most articles (the first on a tie),
    /// if any; see [`main_document`](crate::main_document).
    pub fn english(&self) -> Option<&Document> {
        crate::main_document(&self.documents, Language::English).map(|i| &self.documents[i])
    }
}

/// Parses a legal text into its language versions.
///
/// Returns [`ErrorKind::Empty`] when the text holds nothing but whitespace.
/// Everything else parses: a text with no articles gives a document with
/// none and a [`DiagnosticKind::NoArticles`] diagnostic.
///
/// ```
/// let doc = &lexalign::parse("المادة الأولى\nتعريفات\nنص.\nمادة (2)\nنص.").unwrap().documents[0];
/// assert_eq!(doc.articles[0].label.as_ref().unwrap().to_string(), "1");
/// assert_eq!(doc.articles[1].heading, "مادة (2)");
/// ```
pub fn parse(text: &str) -> Result<Parsed> {
    let lines = line::analyse(text);
    if lines.iter().all(Line::is_blank) {
        return Err(ErrorKind::Empty.into());
    }
    let runs = language_runs(&lines);
    let mut documents = Vec::new();
    // Runs with articles are documents; a run without articles belongs to
    // the document before it (boilerplate) or, at the start, the one after.
    let with_articles: Vec<bool> = runs
        .iter()
        .map(|r| heading_count(&lines[r.first..r.last]) > 0)
        .collect();
    if !with_articles.iter().any(|&x| x) {
        let language = majority(&lines);
        documents.push(build::build(text, &lines, language, None));
    } else {
        let mut k = 0;
        while k < runs.len() {
            if !with_articles[k] {
                k += 1;
                continue;
            }
            let first = if documents.is_empty() {
                0
            } else {
                runs[k].first
            };
            let mut last = runs[k].last;
            let mut boiler = None;
            let mut j = k + 1;
            while j < runs.len() && !with_articles[j] {
                boiler.get_or_insert(runs[j].first - first);
                last = runs[j].last;
                j += 1;
            }
            let mut doc = build::build(text, &lines[first..last], runs[k].language, boiler);
            if boiler.is_some() {
                doc.diagnostics.push(Diagnostic {
                    kind: DiagnosticKind::MixedLanguage,
                    message: format!(
                        "text in the other script after the {} law was set apart as boilerplate",
                        runs[k].language
                    ),
                    span: doc.boilerplate.as_ref().map(|b| b.span),
                });
            }
            documents.push(doc);
            k = j;
        }
    }
    for d in &mut documents {
        if d.language == Language::Arabic {
            check_visual_order(text, d);
        }
    }
    Ok(Parsed { documents })
}

/// Parses bytes, checking that they are UTF-8 first.
///
/// ```
/// let err = lexalign::parse_bytes(b"Article 1\n\xff").unwrap_err();
/// assert_eq!(err.kind(), &lexalign::ErrorKind::NotUtf8 { offset: 10 });
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::from(ErrorKind::NotUtf8 {
            offset: e.valid_up_to(),
        })
    })?;
    parse(text)
}

/// Parses a text known to hold one language version: no bilingual split,
/// the language is the majority script.
///
/// ```
/// let doc = lexalign::parse_document("Article 1\nText.\nArticle 2\nText.").unwrap();
/// assert_eq!(doc.articles.len(), 2);
/// assert_eq!(doc.language, lexalign::Language::English);
/// ```
pub fn parse_document(text: &str) -> Result<Document> {
    let lines = line::analyse(text);
    if lines.iter().all(Line::is_blank) {
        return Err(ErrorKind::Empty.into());
    }
    let language = law_language(&lines);
    let mut doc = build::build(text, &lines, language, None);
    if language == Language::Arabic {
        check_visual_order(text, &mut doc);
    }
    Ok(doc)
}

#[derive(Debug, Clone, Copy)]
struct Run {
    language: Language,
    first: usize,
    last: usize,
    mass: u32,
}

fn script(l: &Line) -> Option<Language> {
    if l.arabic + l.latin < 3 {
        None
    } else if l.arabic >= l.latin {
        Some(Language::Arabic)
    } else {
        Some(Language::English)
    }
}

/// The language of one document: that of the script runs with article
/// or division headings (by their letters), so that website text in the
/// other script after a short law does not outweigh it; the majority of
/// all letters when no run has a heading.
fn law_language(lines: &[Line]) -> Language {
    let (mut arabic, mut latin) = (0u64, 0u64);
    for r in language_runs(lines) {
        if heading_count(&lines[r.first..r.last]) > 0 {
            match r.language {
                Language::Arabic => arabic += u64::from(r.mass),
                Language::English => latin += u64::from(r.mass),
            }
        }
    }
    match (arabic, latin) {
        (0, 0) => majority(lines),
        (a, l) if a >= l => Language::Arabic,
        _ => Language::English,
    }
}

fn majority(lines: &[Line]) -> Language {
    let (a, l) = lines.iter().fold((0u64, 0u64), |(a, l), x| {
        (a + x.arabic as u64, l + x.latin as u64)
    });
    if a >= l && a > 0 {
        Language::Arabic
    } else {
        Language::English
    }
}

/// Splits the lines into runs of one script, absorbing small runs (stray
/// Latin words in Arabic text and the reverse) into their neighbours.
fn language_runs(lines: &[Line]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let s = script(l);
        match (runs.last_mut(), s) {
            (Some(r), None) => r.last = i + 1,
            (Some(r), Some(lang)) if r.language == lang => {
                r.last = i + 1;
                r.mass += l.arabic + l.latin;
            }
            (_, Some(lang)) => runs.push(Run {
                language: lang,
                first: i,
                last: i + 1,
                mass: l.arabic + l.latin,
            }),
            (None, None) => {}
        }
    }
    if runs.is_empty() {
        return vec![Run {
            language: majority(lines),
            first: 0,
            last: lines.len(),
            mass: 0,
        }];
    }
    // Absorb small runs: fewer than 300 letters and no article heading is
    // noise (a stray Latin word in Arabic text, a title in the other
    // script), joined to the run before it; a short run with headings is a
    // short law. One pass, joining neighbours of the same script.
    let mut kept: Vec<Run> = Vec::with_capacity(runs.len());
    for r in runs {
        let noise = r.mass < 300 && heading_count(&lines[r.first..r.last]) == 0;
        match kept.last_mut() {
            Some(k) if noise || k.language == r.language => {
                k.last = r.last;
                k.mass += r.mass;
            }
            None if noise => {}
            _ => kept.push(r),
        }
    }
    match kept.first_mut() {
        Some(k) => k.first = 0,
        None => {
            return vec![Run {
                language: majority(lines),
                first: 0,
                last: lines.len(),
                mass: 0,
            }]
        }
    }
    kept.last_mut().expect("kept is not empty").last = lines.len();
    kept
}

/// Article and division headings in `lines`: a run with none is no law.
fn heading_count(lines: &[Line]) -> usize {
    lines
        .iter()
        .map(|l| {
            // Division headings count too: `الفصل 1` is an article in
            // Tunisian and Moroccan laws.
            let heads = l
                .pieces
                .iter()
                .filter(|p| matches!(p.kind, PieceKind::Article(_) | PieceKind::Division(_)))
                .count();
            // `ما` / `دة (14)`: a broken heading counts too.
            heads + usize::from(l.cues.keyword_fragment || l.cues.bare_keyword)
        })
        .sum()
}

/// Detects Arabic stored in visual (reversed) order: common words read
/// backwards (`يف` for `في`, `نم` for `من`, `ةداملا` for `المادة`)
/// outnumber the same words read forwards. Such a document is parsed again
/// from a repaired copy in logical order; its spans then cover whole lines
/// of the input and its text fields hold the repaired text.
fn check_visual_order(text: &str, doc: &mut Document) {
    let (fwd, rev) = visual::reversed_evidence(&text[doc.span.range()]);
    if !visual::is_visual(fwd, rev) {
        return;
    }
    let repaired = visual::repair(text, doc.span.range());
    let region = doc.span.range();
    let lines = line::analyse(&repaired);
    let first = lines.partition_point(|l| l.start < region.start);
    let last = lines.partition_point(|l| l.start < region.end);
    let mut fixed = build::build(&repaired, &lines[first..last], Language::Arabic, None);
    line_spans(text, &lines[first..last], &mut fixed);
    let found = fixed.articles.len();
    *doc = fixed;
    doc.diagnostics.push(Diagnostic {
        kind: DiagnosticKind::VisualOrder,
        message: format!(
            "the Arabic text is stored in visual (reversed) order ({rev} reversed common words against {fwd}); it was repaired line by line and {found} articles were found; spans cover whole lines"
        ),
        span: Some(doc.span),
    });
}

/// Widens every span of `doc` to whole lines of the input `text`, without
/// the whitespace at their ends (the repaired text permutes characters
/// within lines, so only line boundaries are shared with the input: the
/// repaired lines' own trimmed bounds can fall inside a character of the
/// input), and merges regions that now share a line.
fn line_spans(text: &str, lines: &[Line], doc: &mut Document) {
    let widen = |s: &mut crate::Span| {
        let last = lines.len().saturating_sub(1);
        let a = lines.partition_point(|l| l.next <= s.start).min(last);
        let b = lines
            .partition_point(|l| l.next < s.end.max(s.start + 1))
            .min(last);
        if let (Some(la), Some(lb)) = (lines.get(a), lines.get(b)) {
            let first = &text[la.start..la.end];
            let start = la.start + (first.len() - first.trim_start().len());
            let end = lb.start + text[lb.start..lb.end].trim_end().len();
            *s = crate::Span::new(start, end.max(start));
        }
    };
    let mut blocks: Vec<&mut crate::Block> = Vec::new();
    blocks.extend(doc.title.as_mut());
    blocks.extend(doc.closing.as_mut());
    blocks.extend(doc.boilerplate.as_mut());
    blocks.extend(doc.preamble.lines.iter_mut());
    blocks.extend(doc.preamble.recitals.iter_mut());
    blocks.extend(doc.preamble.enacting.as_mut());
    for b in blocks {
        widen(&mut b.span);
    }
    for d in &mut doc.divisions {
        widen(&mut d.span);
    }
    for a in &mut doc.articles {
        widen(&mut a.span);
        widen(&mut a.heading_span);
        for p in &mut a.paragraphs {
            widen(&mut p.span);
        }
        for i in &mut a.items {
            widen(&mut i.span);
        }
    }
    for g in &mut doc.diagnostics {
        if let Some(s) = &mut g.span {
            widen(s);
        }
    }
    // Regions: one per line, with the role of the line's first region.
    let mut merged: Vec<crate::Region> = Vec::with_capacity(doc.regions.len());
    for s in doc.regions.drain(..) {
        let line = lines.partition_point(|l| l.next <= s.span.start);
        let (ls, le) = lines
            .get(line)
            .map_or((s.span.start, s.span.end), |l| (l.start, l.next));
        match merged.last_mut() {
            Some(m) if m.span.start == ls => m.span.end = le.max(m.span.end),
            _ => merged.push(crate::Region {
                span: crate::Span::new(ls, le),
                role: s.role,
            }),
        }
    }
    doc.regions = merged;
}
