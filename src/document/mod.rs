//! The document structure: what the parser makes of a legal text.
//!
//! Every type here is owned (no borrow of the input), so a [`Document`] can be
//! stored, sent across threads and serialised. Text fields hold the text *as
//! written*; [`Span`]s are byte ranges into the string that was given to
//! [`parse`](crate::parse), so the original can always be recovered exactly.

use std::fmt;
use std::str::FromStr;

mod numbering;
pub use numbering::{ArticleNumbering, Numbering};

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// A byte range `start..end` into the parsed input.
///
/// ```
/// let span = lexalign::Span::new(2, 5);
/// assert_eq!(&"abcdefg"[span.range()], "cde");
/// assert_eq!(span.len(), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (`end` is exclusive).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing the input.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// The language of a document.
///
/// Serialised as its ISO 639-1 code, `"ar"` or `"en"`.
///
/// ```
/// use lexalign::Language;
/// assert_eq!(Language::Arabic.code(), "ar");
/// assert_eq!(Language::English.other(), Language::Arabic);
/// assert_eq!(Language::English.to_string(), "English");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum Language {
    /// Arabic (`"ar"`).
    #[cfg_attr(feature = "serde", serde(rename = "ar"))]
    Arabic,
    /// English (`"en"`).
    #[cfg_attr(feature = "serde", serde(rename = "en"))]
    English,
}

impl Language {
    /// The ISO 639-1 code: `"ar"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::English => "en",
        }
    }

    /// The other language of the pair.
    pub fn other(self) -> Language {
        match self {
            Language::Arabic => Language::English,
            Language::English => Language::Arabic,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Language::Arabic => "Arabic",
            Language::English => "English",
        })
    }
}

/// The canonical label of an article: a number and an optional suffix.
///
/// The canonical form is ASCII digits followed by the suffix, e.g. `"5"` or
/// `"5bis"`. Arabic `مكرر` is written `bis`, as are English `bis` and `Bis`;
/// a second repetition (`ter`, `مكرر ثانيا`) is `ter`, and so on. Serialised
/// as the canonical string.
///
/// ```
/// use lexalign::Label;
/// let l: Label = "5bis".parse().unwrap();
/// assert_eq!(l.number, 5);
/// assert_eq!(l.suffix.as_deref(), Some("bis"));
/// assert_eq!(l.to_string(), "5bis");
/// assert_eq!(Label::number(7).to_string(), "7");
/// assert!("bis".parse::<Label>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label {
    /// The article number.
    pub number: u32,
    /// A suffix such as `bis` (`مكرر`), lower-case ASCII, if any.
    pub suffix: Option<String>,
}

impl Label {
    /// A plain numbered label with no suffix.
    pub fn number(number: u32) -> Label {
        Label {
            number,
            suffix: None,
        }
    }

    /// A label with a suffix such as `"bis"`.
    pub fn with_suffix(number: u32, suffix: impl Into<String>) -> Label {
        Label {
            number,
            suffix: Some(suffix.into()),
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number)?;
        if let Some(s) = &self.suffix {
            f.write_str(s)?;
        }
        Ok(())
    }
}

/// The error returned when a string is not a canonical [`Label`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a canonical article label: {0:?}")]
pub struct LabelParseError(pub String);

impl FromStr for Label {
    type Err = LabelParseError;

    fn from_str(s: &str) -> Result<Label, LabelParseError> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let number = s[..digits]
            .parse()
            .map_err(|_| LabelParseError(s.to_string()))?;
        let rest = &s[digits..];
        if rest.is_empty() {
            Ok(Label::number(number))
        } else if rest
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            Ok(Label::with_suffix(number, rest))
        } else {
            Err(LabelParseError(s.to_string()))
        }
    }
}

#[cfg(feature = "serde")]
impl Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Label, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A piece of text as written, with its place in the input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Block {
    /// The text as written (trimmed of surrounding whitespace).
    pub text: String,
    /// Where the text is in the input.
    pub span: Span,
}

/// One item of a list inside an article (`1-`, `أ-`, `(b)`, `- …`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ListItem {
    /// The marker as written, e.g. `"1."`, `"أ-"`, `"-"`.
    pub marker: String,
    /// The marker's value where it has one (`أ` = 1, `ب` = 2, `c` = 3, `iv` = 4).
    pub ordinal: Option<u32>,
    /// The item's text as written, without the marker.
    pub text: String,
    /// Where the whole item (marker included) is in the input.
    pub span: Span,
}

/// An article of a legal text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Article {
    /// Position of the article in its document, from 0.
    pub index: usize,
    /// The canonical label, or `None` when the heading carries no number.
    pub label: Option<Label>,
    /// The heading as written, e.g. `"مادة (5) مكرر"` or `"Article Five"`.
    pub heading: String,
    /// Where the heading is in the input.
    pub heading_span: Span,
    /// A title given to the article, such as `تعريفات` or `Definitions`.
    pub title: Option<String>,
    /// The body as written: everything after the heading (and title) up to
    /// the next heading, list items included.
    pub text: String,
    /// Body paragraphs that are not list items, in order.
    pub paragraphs: Vec<Block>,
    /// List items, in order.
    pub items: Vec<ListItem>,
    /// Index of the innermost enclosing [`Division`] in
    /// [`Document::divisions`], if any.
    pub division: Option<usize>,
    /// The whole article, heading to the end of its body.
    pub span: Span,
}

/// The kind of a division of a legal text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DivisionKind {
    /// Book (`الكتاب`).
    Book,
    /// Part (`الباب`).
    Part,
    /// Title (`القسم`).
    Title,
    /// Chapter (`الفصل`).
    Chapter,
    /// Section (`الفرع`).
    Section,
    /// A heading standing between articles with no kind word or number,
    /// e.g. "Armed People Courts".
    Unnumbered,
}

impl DivisionKind {
    /// Nesting rank: lower ranks enclose higher ones. Unnumbered headings
    /// rank below every named kind.
    pub fn rank(self) -> u8 {
        match self {
            DivisionKind::Book => 0,
            DivisionKind::Part => 1,
            DivisionKind::Title => 2,
            DivisionKind::Chapter => 3,
            DivisionKind::Section => 4,
            DivisionKind::Unnumbered => 5,
        }
    }
}

/// A division: Part, Chapter, Section… (`الباب`, `الفصل`, `الفرع`…).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Division {
    /// Position of the division in [`Document::divisions`], from 0.
    pub index: usize,
    /// Its kind.
    pub kind: DivisionKind,
    /// Its number (`الباب الثاني` = 2, `Chapter IV` = 4), if it has one.
    pub number: Option<u32>,
    /// The heading as written, e.g. `"الفصل الأول"`.
    pub heading: String,
    /// The division's title, e.g. `"أحكام عامة"`, if any.
    pub title: Option<String>,
    /// Index of the enclosing division, if any.
    pub parent: Option<usize>,
    /// Where the heading (and title) is in the input.
    pub span: Span,
}

/// The preamble: who enacts, on what authority, and the enacting formula.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Preamble {
    /// Lines of the preamble that are neither recitals nor the enacting
    /// formula (the issuing authority, "Upon review of:" …).
    pub lines: Vec<Block>,
    /// The recitals ("Law No. (40) of 1974 …", "وعلى القانون رقم …").
    pub recitals: Vec<Block>,
    /// The enacting formula: "has decided:", "قررت:", "أصدر القانون الآتي".
    pub enacting: Option<Block>,
}

/// The role of one region of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", tag = "role", content = "index")
)]
#[non_exhaustive]
pub enum Role {
    /// Whitespace only.
    Blank,
    /// Front matter before the law: metadata, a table of contents.
    Front,
    /// The title of the law.
    Title,
    /// A preamble line that is not a recital or the enacting formula.
    Preamble,
    /// A recital of the preamble.
    Recital,
    /// The enacting formula.
    Enacting,
    /// The heading of the division with this index.
    Division(usize),
    /// The heading (or title) of the article with this index.
    ArticleHeading(usize),
    /// Body text of the article with this index.
    ArticleBody(usize),
    /// A list item of the article with this index.
    ArticleItem(usize),
    /// The closing block: issued on, signatures.
    Closing,
    /// Text after the law that is not part of it (website boilerplate).
    Boilerplate,
}

/// A piece of the input and the place it belongs to.
///
/// The regions of a [`Document`] are in order, do not overlap and cover its
/// [`Document::span`] exactly: nothing of the input is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Region {
    /// Where the region is in the input.
    pub span: Span,
    /// What it is.
    pub role: Role,
}

/// The kind of a [`Diagnostic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// No article structure was found: the text may not be legislation.
    NoArticles,
    /// Two articles carry the same label.
    DuplicateNumber,
    /// Article numbers jump forward (articles may be missing).
    NumberingGap,
    /// Article numbers go backwards.
    OutOfOrder,
    /// The Arabic text appears to be stored in visual (reversed) order.
    VisualOrder,
    /// A table of contents listing the headings was found and skipped.
    TableOfContents,
    /// A heading-like line was not taken as a heading (or the reverse).
    UncertainHeading,
    /// Text in the other script was found and set apart.
    MixedLanguage,
}

/// Something the parser noticed and could not settle, or wants said.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Diagnostic {
    /// What kind of problem.
    pub kind: DiagnosticKind,
    /// A sentence for people.
    pub message: String,
    /// Where, if it has a place.
    pub span: Option<Span>,
}

/// One language version of a legal text, parsed.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Document {
    /// The language of the document.
    pub language: Language,
    /// The part of the input this document covers.
    pub span: Span,
    /// The title of the law, if found.
    pub title: Option<Block>,
    /// The preamble.
    pub preamble: Preamble,
    /// Divisions in order of appearance.
    pub divisions: Vec<Division>,
    /// Articles in order of appearance.
    pub articles: Vec<Article>,
    /// The closing block (issued on, signatures), if found.
    pub closing: Option<Block>,
    /// Text after the law that is not part of it, if any.
    pub boilerplate: Option<Block>,
    /// Every piece of the input with its role, in order.
    pub regions: Vec<Region>,
    /// What the parser noticed.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// A document holding these articles and nothing else: no title,
    /// preamble, divisions, regions or diagnostics, and an empty span. For
    /// building documents by hand, e.g. to align articles that were split
    /// out by other means.
    ///
    /// ```
    /// use lexalign::{Document, Language};
    /// let d = Document::new(Language::English, vec![]);
    /// assert!(d.articles.is_empty() && d.title.is_none());
    /// ```
    pub fn new(language: Language, articles: Vec<Article>) -> Document {
        Document {
            language,
            span: Span::default(),
            title: None,
            preamble: Preamble::default(),
            divisions: Vec::new(),
            articles,
            closing: None,
            boilerplate: None,
            regions: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The article with this canonical label, if any (the first one when the
    /// label is duplicated).
    pub fn article(&self, label: &Label) -> Option<&Article> {
        self.articles
            .iter()
            .find(|a| a.label.as_ref() == Some(label))
    }

    /// The division enclosing an article, if any.
    pub fn division_of(&self, article: &Article) -> Option<&Division> {
        article.division.and_then(|i| self.divisions.get(i))
    }

    /// Whether any diagnostic of this kind was reported.
    pub fn has_diagnostic(&self, kind: DiagnosticKind) -> bool {
        self.diagnostics.iter().any(|d| d.kind == kind)
    }
}
