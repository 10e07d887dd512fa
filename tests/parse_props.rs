//! Property tests of the parser: it never panics, its spans partition the
//! input as documented, it is deterministic, and a generated well-formed law
//! parses to exactly its articles.
//!
//! The documented invariants checked on every `Ok` result:
//! - the documents' spans partition the input (first starts at 0, each starts
//!   where the previous ended, the last ends at `text.len()`);
//! - each document's regions are in order, contiguous, non-empty and cover
//!   its span exactly (so every byte of the input is in exactly one region);
//! - a region never crosses a line boundary (a line is up to and including
//!   its `\n`, `\r\n` or lone `\r`);
//! - every article's span, heading span and item spans lie inside its
//!   document's span, and `articles[i].index == i`;
//! - every span lies on char boundaries.

mod common;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use common::lines::line_boundaries;
use lexalign::{ErrorKind, Parsed, Role, Span};

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

fn on_boundaries(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    prop_assert!(
        text.get(span.range()).is_some(),
        "{what}: span {span:?} not on char boundaries / out of range (len {})",
        text.len()
    );
    Ok(())
}

fn inside(outer: Span, inner: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what}: span {inner:?} outside document span {outer:?}"
    );
    Ok(())
}

/// The documented invariants of a parse result. With `strict_lines` off, a
/// run of blank lines merged into one `Role::Blank` region is tolerated
/// (see `segments_never_cross_line_boundaries`).
fn check_invariants(text: &str, parsed: &Parsed) -> Result<(), TestCaseError> {
    check_invariants_with(text, parsed, false)
}

fn check_invariants_with(
    text: &str,
    parsed: &Parsed,
    strict_lines: bool,
) -> Result<(), TestCaseError> {
    let docs = &parsed.documents;
    prop_assert!(!docs.is_empty(), "Ok result with no documents");
    // Documents partition the input.
    prop_assert_eq!(docs[0].span.start, 0, "first document does not start at 0");
    for w in docs.windows(2) {
        prop_assert_eq!(w[0].span.end, w[1].span.start, "documents not contiguous");
    }
    prop_assert_eq!(
        docs.last().unwrap().span.end,
        text.len(),
        "last document does not end at text.len()"
    );

    let bounds = line_boundaries(text);
    for (di, d) in docs.iter().enumerate() {
        on_boundaries(text, d.span, &format!("doc {di}"))?;
        prop_assert!(
            !d.span.is_empty(),
            "doc {} has an empty span {:?}",
            di,
            d.span
        );
        // Regions: in order, contiguous, non-empty, covering the span.
        prop_assert!(!d.regions.is_empty(), "doc {} has no regions", di);
        prop_assert_eq!(
            d.regions[0].span.start,
            d.span.start,
            "doc {}: first region does not start the doc",
            di
        );
        prop_assert_eq!(
            d.regions.last().unwrap().span.end,
            d.span.end,
            "doc {}: last region does not end the doc",
            di
        );
        for (si, s) in d.regions.iter().enumerate() {
            prop_assert!(
                !s.span.is_empty(),
                "doc {} region {} empty: {:?}",
                di,
                si,
                s
            );
            on_boundaries(text, s.span, &format!("doc {di} region {si}"))?;
            if si > 0 {
                prop_assert_eq!(
                    d.regions[si - 1].span.end,
                    s.span.start,
                    "doc {}: regions {} and {} not contiguous",
                    di,
                    si - 1,
                    si
                );
            }
            // Never across a line boundary.
            let k = bounds.partition_point(|&b| b <= s.span.start);
            let lenient = !strict_lines && s.role == Role::Blank;
            if let (Some(&b), false) = (bounds.get(k), lenient) {
                prop_assert!(
                    b >= s.span.end,
                    "doc {} region {} {:?} ({:?}) crosses the line boundary at {}",
                    di,
                    si,
                    s.span,
                    s.role,
                    b
                );
            }
            // Never between the `\r` and `\n` of a CRLF.
            prop_assert!(
                !(s.span.start > 0
                    && text.as_bytes()[s.span.start - 1] == b'\r'
                    && text.as_bytes()[s.span.start] == b'\n'),
                "doc {} region {} starts inside a CRLF",
                di,
                si
            );
        }
        // Articles.
        for (ai, a) in d.articles.iter().enumerate() {
            prop_assert_eq!(a.index, ai, "doc {}: article index", di);
            on_boundaries(text, a.span, &format!("doc {di} article {ai}"))?;
            on_boundaries(
                text,
                a.heading_span,
                &format!("doc {di} article {ai} heading"),
            )?;
            inside(d.span, a.span, &format!("doc {di} article {ai}"))?;
            inside(
                d.span,
                a.heading_span,
                &format!("doc {di} article {ai} heading"),
            )?;
            for (ii, it) in a.items.iter().enumerate() {
                on_boundaries(text, it.span, &format!("doc {di} article {ai} item {ii}"))?;
                inside(d.span, it.span, &format!("doc {di} article {ai} item {ii}"))?;
            }
            for (pi, p) in a.paragraphs.iter().enumerate() {
                on_boundaries(
                    text,
                    p.span,
                    &format!("doc {di} article {ai} paragraph {pi}"),
                )?;
                inside(
                    d.span,
                    p.span,
                    &format!("doc {di} article {ai} paragraph {pi}"),
                )?;
            }
        }
        for (vi, v) in d.divisions.iter().enumerate() {
            prop_assert_eq!(v.index, vi, "doc {}: division index", di);
            on_boundaries(text, v.span, &format!("doc {di} division {vi}"))?;
            inside(d.span, v.span, &format!("doc {di} division {vi}"))?;
        }
        let blocks = [
            ("title", d.title.as_ref()),
            ("closing", d.closing.as_ref()),
            ("boilerplate", d.boilerplate.as_ref()),
        ];
        for (name, b) in blocks {
            if let Some(b) = b {
                on_boundaries(text, b.span, &format!("doc {di} {name}"))?;
                inside(d.span, b.span, &format!("doc {di} {name}"))?;
            }
        }
        for (name, bs) in [
            ("preamble line", &d.preamble.lines),
            ("recital", &d.preamble.recitals),
        ] {
            for b in bs {
                on_boundaries(text, b.span, &format!("doc {di} {name}"))?;
            }
        }
        for dg in &d.diagnostics {
            if let Some(s) = dg.span {
                on_boundaries(text, s, &format!("doc {di} diagnostic {:?}", dg.kind))?;
            }
        }
    }
    Ok(())
}

/// Characters the normalizer is documented to drop (bidi controls,
/// zero-width characters, BOM, soft hyphen, tatweel, Arabic diacritics and
/// Quranic marks), plus whitespace: what may surround a visible line.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' | '\u{0640}' | '\u{064B}'..='\u{065F}'
            | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0610}'..='\u{061A}')
}

/// The range of `text[span]` without invisible characters at either end.
fn visible(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let t = s.trim_start_matches(invisible);
    let start = span.start + (s.len() - t.len());
    let t = t.trim_end_matches(invisible);
    Span::new(start, start + t.len())
}

/// Whether `block` covers `visible` and stays inside `region`.
fn covers(region: Span, block: Span, visible: Span) -> bool {
    region.start <= block.start
        && block.start <= visible.start
        && visible.end <= block.end
        && block.end <= region.end
}

/// `Role::Blank` is documented as "whitespace only": a blank region holds
/// nothing visible. And a whole line read as body text or a list item is
/// kept whole: its paragraph / item span is the line's visible content.
fn check_content_kept(text: &str, parsed: &Parsed) -> Result<(), TestCaseError> {
    let mut line_starts = vec![0];
    line_starts.extend(line_boundaries(text));
    for (di, d) in parsed.documents.iter().enumerate() {
        for (si, s) in d.regions.iter().enumerate() {
            let v = visible(text, s.span);
            if s.role == Role::Blank {
                prop_assert!(
                    v.is_empty(),
                    "doc {} region {} is Blank but holds {:?}",
                    di,
                    si,
                    &text[v.range()]
                );
            }
            let whole_line = line_starts.binary_search(&s.span.start).is_ok()
                && (s.span.end == text.len() || line_starts.binary_search(&s.span.end).is_ok());
            if !whole_line || v.is_empty() {
                continue;
            }
            match s.role {
                Role::ArticleBody(a) => {
                    let ps = &d.articles[a].paragraphs;
                    prop_assert!(
                        ps.iter().any(|p| covers(s.span, p.span, v)),
                        "doc {} region {}: body line {:?} has no paragraph covering {:?}; paragraphs: {:?}",
                        di,
                        si,
                        &text[v.range()],
                        v,
                        ps
                    );
                }
                Role::ArticleItem(a) => {
                    let its = &d.articles[a].items;
                    prop_assert!(
                        its.iter().any(|p| covers(s.span, p.span, v)),
                        "doc {} region {}: item line {:?} has no item covering {:?}; items: {:?}",
                        di,
                        si,
                        &text[v.range()],
                        v,
                        its
                    );
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// Parses and checks everything that holds for any input.
fn check_text(text: &str) -> Result<(), TestCaseError> {
    let first = lexalign::parse(text);
    if text.trim_matches(|c: char| c.is_whitespace()).is_empty() {
        prop_assert_eq!(
            first.clone(),
            Err(ErrorKind::Empty.into()),
            "whitespace-only input"
        );
    }
    match &first {
        Ok(p) => check_invariants(text, p)?,
        Err(e) => prop_assert_eq!(e.kind(), &ErrorKind::Empty, "unexpected error"),
    }
    let second = lexalign::parse(text);
    prop_assert_eq!(&first, &second, "parse is not deterministic");
    let bytes = lexalign::parse_bytes(text.as_bytes());
    prop_assert_eq!(&first, &bytes, "parse_bytes differs from parse");
    Ok(())
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

const FRAGMENTS: &[&str] = &[
    "مادة (",
    "مادة",
    "المادة",
    "المادة الأولى",
    "المادة الثانية عشرة",
    "(14) مادة",
    "ما\n",
    "دة (3)",
    "ما",
    "دة",
    ")",
    "(",
    "Article ",
    "ARTICLE 5",
    "Article (",
    "Art. ",
    "art",
    "**",
    "## ",
    "# ",
    "> ",
    "الباب الثاني",
    "الفصل الأول",
    "الفرع",
    "القسم",
    "الكتاب",
    "Chapter IV",
    "Part I",
    "Section One",
    "Title ",
    "Book ",
    "٣",
    "١٤",
    "۱۲",
    "ـ",
    "ـــ",
    "\u{200f}",
    "\u{200e}",
    "\u{202b}",
    "\u{202c}",
    "\u{feff}",
    "\u{a0}",
    "\t",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    " ",
    "  ",
    "-",
    "–",
    "—",
    "•",
    ":",
    ".",
    "،",
    "؛",
    "أ-",
    "ب-",
    "هـ-",
    "1.",
    "2-",
    "(a)",
    "iv)",
    "أولا:",
    "First:",
    "bis",
    " bis",
    "مكرر",
    "مكرره",
    " مكرر (2)",
    "ter",
    "5A",
    "Five",
    "One Hundred",
    "الخامسة",
    "قانون رقم (7) لسنة 2012",
    "بشأن",
    "بعد الاطلاع:",
    "وعلى القانون",
    "قررت:",
    "أصدر القانون الآتي",
    "has decided:",
    "Upon review of:",
    "صدر في طرابلس",
    "Issued on",
    "Done at",
    "all rights reserved",
    "subscribe",
    "يستبدل نص المادة (2) بالنص الآتي:",
    "\"",
    "«",
    "»",
    "“",
    "---",
    "من",
    "في",
    "of",
    "the",
    "law",
    "shall",
    "Minister",
    "الجهاز",
    "الوزير",
    "القانون",
    "نص",
    "text",
    "😀",
    "👨\u{200d}👩\u{200d}👧",
    "\u{0651}",
    "\u{064e}",
    "\u{0301}",
    "e\u{0301}",
    "\u{FEE3}",
    "\u{FEE3}\u{FE8E}\u{FEA9}\u{FE93}",
    "\u{FEFB}",
    "\u{FDFA}",
    "\u{FDFD}",
    "Ａｒｔ．５",
    "Ⅳ",
    "ﬁ",
    "㎏",
    "\u{2028}",
    "\u{85}",
    "İ",
    "ß",
    "ی",
    "ک",
    "ى",
    "ة",
    "إ",
    "آ",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        2 => "[0-9]{1,4}",
        1 => "[٠-٩]{1,3}",
        2 => "[a-zA-Z]{1,8}",
        2 => "[ء-ي]{1,7}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn legalish() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..60).prop_map(|v| v.concat())
}

/// Line-oriented variant: each line a few fragments, so headings land at
/// the start of lines more often.
fn legalish_lines() -> impl Strategy<Value = String> {
    let line = (
        prop::collection::vec(fragment(), 0..6),
        prop::sample::select(&["\n", "\r\n", "\r", "\n\n"][..]),
    )
        .prop_map(|(v, t)| format!("{}{}", v.concat(), t));
    prop::collection::vec(line, 0..25).prop_map(|v| v.concat())
}

fn whitespace() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            &[
                " ", "\n", "\r\n", "\r", "\t", "\u{a0}", "\u{2003}", "\u{3000}", "\u{2028}",
                "\u{85}", "\u{b}", "\u{c}",
            ][..],
        ),
        0..30,
    )
    .prop_map(|v| v.concat())
}

// --- Well-formed laws -------------------------------------------------------

const AR_WORDS: &[&str] = &[
    "يقصد",
    "بالجهاز",
    "جهاز",
    "المخابرات",
    "الليبية",
    "في",
    "تطبيق",
    "أحكام",
    "هذا",
    "القانون",
    "ويكون",
    "مقره",
    "مدينة",
    "طرابلس",
    "ويجوز",
    "إنشاء",
    "فروع",
    "له",
    "داخل",
    "البلاد",
    "يتولى",
    "رئيس",
    "الموظفين",
    "الشؤون",
    "الإدارية",
    "والمالية",
    "للجهاز",
    "ميزانية",
    "مستقلة",
    "تعد",
    "وفقا",
    "للقواعد",
    "المعمول",
    "بها",
    "الدولة",
];
const EN_WORDS: &[&str] = &[
    "the",
    "Service",
    "shall",
    "have",
    "legal",
    "personality",
    "and",
    "an",
    "independent",
    "budget",
    "its",
    "head",
    "office",
    "be",
    "in",
    "Tripoli",
    "may",
    "establish",
    "branches",
    "inside",
    "country",
    "President",
    "employees",
    "administrative",
    "financial",
    "affairs",
    "according",
    "rules",
    "applicable",
    "State",
    "by",
    "a",
    "decision",
];

fn arabic_digits(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap())
        .collect()
}

fn ar_heading(form: usize, n: usize) -> String {
    match form {
        0 => format!("مادة ({n})"),
        1 => format!("المادة ({n})"),
        2 => format!("المادة {n}"),
        3 => format!("مادة {n}:"),
        4 => format!("({n}) مادة"),
        5 => format!("**مادة ({n})**"),
        6 => format!("## المادة ({n})"),
        7 => format!("المادة ({n}):"),
        8 => format!("مادة ({})", arabic_digits(n)),
        9 => format!("المــادة ({n})"),
        10 if (1..=10).contains(&n) => format!("المادة {}", common::arabic_ordinal(n as u32)),
        _ => format!("مادة ({n})"),
    }
}

fn en_heading(form: usize, n: usize) -> String {
    match form {
        0 => format!("Article {n}"),
        1 => format!("ARTICLE {n}"),
        2 => format!("Article ({n})"),
        3 => format!("Art. {n}"),
        4 => format!("Article {n}:"),
        5 => format!("**Article {n}**"),
        6 => format!("## Article {n}"),
        7 => format!("Article {n} - General Provisions"),
        8 => format!("Article ({n}):"),
        _ => format!("Article {n}"),
    }
}

#[derive(Debug, Clone)]
struct ArticleSpec {
    form: usize,
    /// Sentences of the body: each a list of word indices.
    body: Vec<Vec<usize>>,
    /// A cross-reference to this article number, mid-sentence, if any.
    xref: Option<usize>,
    /// List items, each a list of word indices.
    items: Vec<Vec<usize>>,
    item_style: usize,
    title: bool,
}

fn article_spec() -> impl Strategy<Value = ArticleSpec> {
    let sentence = prop::collection::vec(0usize..32, 3..14);
    (
        0usize..12,
        prop::collection::vec(sentence.clone(), 1..3),
        prop::option::weighted(0.2, 1usize..60),
        prop::collection::vec(sentence, 0..4),
        0usize..3,
        prop::bool::weighted(0.2),
    )
        .prop_map(|(form, body, xref, items, item_style, title)| ArticleSpec {
            form,
            body,
            xref,
            items,
            item_style,
            title,
        })
}

#[derive(Debug, Clone)]
struct LawSpec {
    arabic: bool,
    preamble: bool,
    articles: Vec<ArticleSpec>,
    terminator: &'static str,
    blank_lines: bool,
}

fn law_spec() -> impl Strategy<Value = LawSpec> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(article_spec(), 1..=60),
        prop::sample::select(&["\n", "\r\n"][..]),
        any::<bool>(),
    )
        .prop_map(
            |(arabic, preamble, articles, terminator, blank_lines)| LawSpec {
                arabic,
                preamble,
                articles,
                terminator,
                blank_lines,
            },
        )
}

fn render_law(spec: &LawSpec) -> String {
    let words = if spec.arabic { AR_WORDS } else { EN_WORDS };
    let nl = spec.terminator;
    let gap = if spec.blank_lines {
        format!("{nl}{nl}")
    } else {
        nl.to_string()
    };
    let mut out = String::new();
    if spec.preamble {
        if spec.arabic {
            out.push_str(&format!("قانون رقم (7) لسنة 2012{nl}بشأن إنشاء جهاز المخابرات{gap}بعد الاطلاع:{nl}- على الإعلان الدستوري.{nl}- وعلى القانون رقم (12) لسنة 2010.{gap}أصدر القانون الآتي:{gap}"));
        } else {
            out.push_str(&format!("Law No. (7) of 2012{nl}On the Establishment of the Intelligence Service{gap}Upon review of:{nl}- The Constitutional Declaration.{nl}- Law No. (12) of 2010.{gap}has decided:{gap}"));
        }
    }
    let sentence = |s: &[usize]| -> String {
        let mut t = s
            .iter()
            .map(|&w| words[w % words.len()])
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(c) = t.get(..1) {
            if !spec.arabic {
                t = c.to_ascii_uppercase() + &t[1..];
            }
        }
        t.push('.');
        t
    };
    for (i, a) in spec.articles.iter().enumerate() {
        let n = i + 1;
        let heading = if spec.arabic {
            ar_heading(a.form, n)
        } else {
            en_heading(a.form, n)
        };
        out.push_str(&heading);
        out.push_str(&gap);
        if a.title {
            out.push_str(if spec.arabic {
                "تعريفات"
            } else {
                "Definitions"
            });
            out.push_str(nl);
        }
        for (k, s) in a.body.iter().enumerate() {
            let mut t = sentence(s);
            if k == 0 {
                if let Some(x) = a.xref {
                    t = if spec.arabic {
                        format!("مع مراعاة أحكام المادة ({x}) من هذا القانون، {t}")
                    } else {
                        format!("Subject to Article {x} of this Law, {t}")
                    };
                }
            }
            out.push_str(&t);
            out.push_str(nl);
        }
        for (k, s) in a.items.iter().enumerate() {
            let marker = match (a.item_style, spec.arabic) {
                (0, _) => format!("{}-", k + 1),
                (1, true) => format!("{}-", ["أ", "ب", "ج", "د"][k]),
                (1, false) => format!("({})", ["a", "b", "c", "d"][k]),
                _ => "-".to_string(),
            };
            out.push_str(&format!("{marker} {}{nl}", sentence(s)));
        }
        if spec.blank_lines {
            out.push_str(nl);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any string: no panic, invariants, determinism, parse_bytes == parse.
    #[test]
    fn any_string(text in any::<String>()) {
        check_text(&text)?;
    }

    /// Strings built from a legal-ish alphabet.
    #[test]
    fn legalish_string(text in legalish()) {
        check_text(&text)?;
    }

    /// Line-oriented legal-ish strings (fragments at line starts).
    #[test]
    fn legalish_lines_string(text in legalish_lines()) {
        check_text(&text)?;
    }

    /// `parse_document` on the same inputs: no panic; its regions cover the
    /// whole input.
    #[test]
    fn parse_document_covers(text in legalish_lines()) {
        match lexalign::parse_document(&text) {
            Ok(d) => check_invariants(&text, &Parsed { documents: vec![d] })?,
            Err(e) => prop_assert_eq!(e.kind(), &ErrorKind::Empty),
        }
    }

    /// Whitespace-only input is `ErrorKind::Empty`.
    #[test]
    fn whitespace_only_is_empty(text in whitespace()) {
        prop_assert_eq!(lexalign::parse(&text), Err(ErrorKind::Empty.into()));
        prop_assert_eq!(lexalign::parse_bytes(text.as_bytes()), Err(ErrorKind::Empty.into()));
        prop_assert_eq!(lexalign::parse_document(&text), Err(ErrorKind::Empty.into()));
    }

    /// A generated well-formed law parses to exactly the labels 1..=n.
    #[test]
    fn wellformed_law_labels(spec in law_spec()) {
        let text = render_law(&spec);
        let parsed = lexalign::parse(&text);
        prop_assert!(parsed.is_ok(), "parse failed: {:?}", parsed);
        let parsed = parsed.unwrap();
        check_invariants(&text, &parsed)?;
        let with_articles: Vec<_> = parsed.documents.iter().filter(|d| !d.articles.is_empty()).collect();
        prop_assert_eq!(with_articles.len(), 1, "expected one document with articles, got {}", with_articles.len());
        let d = with_articles[0];
        let expected_lang = if spec.arabic { lexalign::Language::Arabic } else { lexalign::Language::English };
        prop_assert_eq!(d.language, expected_lang);
        let labels: Vec<String> = d.articles.iter().map(|a| a.label.as_ref().map_or("-".into(), ToString::to_string)).collect();
        let expected: Vec<String> = (1..=spec.articles.len()).map(|n| n.to_string()).collect();
        prop_assert_eq!(labels, expected, "text:\n{}", text);
        // Items are found where written.
        for (a, s) in d.articles.iter().zip(&spec.articles) {
            prop_assert_eq!(a.items.len(), s.items.len(), "items of article {}; text:\n{}", a.index + 1, text);
        }
    }
}

// Stricter properties: no region crosses a line boundary (blank runs
// included), and no visible character is read as blank.
proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// No region crosses a line boundary, blank runs included.
    /// Regression: `"-\n\n\n"` once gave one Blank region 2..4.
    #[test]
    fn segments_never_cross_line_boundaries(text in legalish_lines()) {
        if let Ok(p) = lexalign::parse(&text) {
            check_invariants_with(&text, &p, true)?;
        }
    }

    /// Nothing visible is lost: Blank regions hold only whitespace, and a
    /// body or item line is kept whole in its paragraph or item.
    /// Regression: `normalize` once dropped every character it did not fold
    /// (Cyrillic, Greek, Hebrew, CJK, emoji, combining marks…).
    #[test]
    fn visible_text_is_kept(text in legalish_lines()) {
        if let Ok(p) = lexalign::parse(&text) {
            check_content_kept(&text, &p)?;
        }
    }
}

// ---------------------------------------------------------------------------
// Fixed regressions found by the properties (kept as plain tests)
// ---------------------------------------------------------------------------

/// A body line in another script is kept whole in its paragraph (once the
/// Cyrillic was dropped and the paragraph was just `"."`).
#[test]
fn other_script_body_line_is_kept() {
    let text = "Article 1\nЗакон действует.\n";
    let p = lexalign::parse(text).unwrap();
    let a = &p.documents[0].articles[0];
    assert_eq!(a.paragraphs.len(), 1);
    assert_eq!(a.paragraphs[0].text, "Закон действует.");
}

/// A line that opens like a heading in bold but is read as body text (it
/// repeats the heading before it, or is out of sequence) is kept whole,
/// its `**` included (once the paragraph started after the opening `**`,
/// or ended before the closing one).
#[test]
fn bold_line_read_as_body_is_kept_whole() {
    for text in [
        "المادة الثانية عشرةـ\n**المادة الثانية عشرةأ-\n",
        "Article 3\nText.\n**Article 3** again, as text.\n",
        "ARTICLE 5\nArticle 2دة (3)**\n",
    ] {
        let p = lexalign::parse(text).unwrap();
        check_content_kept(text, &p).unwrap();
    }
}

#[test]
fn line_boundaries_rule() {
    assert_eq!(line_boundaries("a\nb\r\nc\rd"), vec![2, 5, 7]);
    assert_eq!(line_boundaries("a\n"), Vec::<usize>::new());
    assert_eq!(line_boundaries("\r\n\r"), vec![2]);
}
