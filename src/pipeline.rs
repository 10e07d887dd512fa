//! The pipeline from text to the two documents an alignment needs.
//!
//! In: one bilingual text, or two texts of one language each given in
//! either order (or documents already parsed). Out: a [`DocumentPair`], the
//! Arabic and the English [`Document`], owned, ready for
//! [`DocumentPair::align`]. [`Aligner::align`], [`Aligner::align_bilingual`],
//! [`Parsed::arabic`] / [`Parsed::english`] and the `coverage` example all
//! go through here.
//!
//! The rules are on [`DocumentPair`].

use crate::document::{Document, Language};
use crate::error::{ErrorKind, Result};
use crate::parse::Parsed;
use crate::{Aligner, ParallelText};

/// The Arabic and the English version of a legal text, as parsed
/// documents ready to be aligned.
///
/// The rules, written once:
/// - Two texts are each parsed as one language version
///   ([`parse_document`](crate::parse_document)); the language of each is
///   the one the parser found.
/// - A bilingual text is parsed once ([`parse`](crate::parse)); when it
///   holds several documents of a language, the one with the most articles
///   is used, and on a tie the **first** in text order
///   ([`main_document`]).
/// - Errors, in the order they are checked: a text that is empty
///   ([`ErrorKind::Empty`]); two texts in the same language
///   ([`ErrorKind::SameLanguage`]); no articles ([`ErrorKind::NoArticles`]); a
///   bilingual text with articles in one language only
///   ([`ErrorKind::MissingLanguage`]).
///
/// ```
/// use lexalign::{DocumentPair, ErrorKind, Language};
/// let ar = "مادة (1)\nيعمل بهذا القانون.\nمادة (2)\nينشر في الجريدة الرسمية.\n";
/// let en = "Article (1)\nThis law is in force.\nArticle (2)\nIt shall be published.\n";
/// let pair = DocumentPair::from_texts(en, ar)?; // either order
/// assert_eq!(pair.arabic.language, Language::Arabic);
/// assert_eq!(pair.english.articles.len(), 2);
/// let pt = pair.align(&lexalign::Aligner::default());
/// assert_eq!(pt.pairs().len(), 2);
///
/// let err = DocumentPair::from_texts(en, en).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::SameLanguage { .. }));
/// let err = DocumentPair::from_bilingual(en).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::MissingLanguage { .. }));
/// # Ok::<(), lexalign::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentPair {
    /// The Arabic document; it has at least one article.
    pub arabic: Document,
    /// The English document; it has at least one article.
    pub english: Document,
}

impl DocumentPair {
    /// Parses two texts, one Arabic and one English, given in either order.
    ///
    /// # Errors
    /// [`ErrorKind::Empty`] when a text is empty, [`ErrorKind::SameLanguage`] when
    /// both are in one language, [`ErrorKind::NoArticles`] when one has no
    /// articles.
    pub fn from_texts(first: &str, second: &str) -> Result<DocumentPair> {
        let first = crate::parse_document(first)?;
        let second = crate::parse_document(second)?;
        DocumentPair::from_documents(first, second)
    }

    /// Orders two parsed documents, one Arabic and one English, given in
    /// either order.
    ///
    /// # Errors
    /// [`ErrorKind::SameLanguage`] when both are in one language,
    /// [`ErrorKind::NoArticles`] when one has no articles.
    pub fn from_documents(first: Document, second: Document) -> Result<DocumentPair> {
        if first.language == second.language {
            return Err(ErrorKind::SameLanguage {
                language: first.language,
            }
            .into());
        }
        let (arabic, english) = if first.language == Language::Arabic {
            (first, second)
        } else {
            (second, first)
        };
        if arabic.articles.is_empty() || english.articles.is_empty() {
            return Err(ErrorKind::NoArticles.into());
        }
        Ok(DocumentPair { arabic, english })
    }

    /// Parses one text holding both versions (parsed once).
    ///
    /// # Errors
    /// [`ErrorKind::Empty`] when the text is empty; otherwise those of
    /// [`from_parsed`](Self::from_parsed).
    pub fn from_bilingual(text: &str) -> Result<DocumentPair> {
        DocumentPair::from_parsed(crate::parse(text)?)
    }

    /// Takes the main Arabic and English documents out of a parsed
    /// bilingual text ([`main_document`] of each language, among the
    /// documents that have articles), without copying them.
    ///
    /// # Errors
    /// [`ErrorKind::NoArticles`] when no document has articles,
    /// [`ErrorKind::MissingLanguage`] when only one language has.
    pub fn from_parsed(parsed: Parsed) -> Result<DocumentPair> {
        let with_articles: Vec<Document> = parsed
            .documents
            .into_iter()
            .filter(|d| !d.articles.is_empty())
            .collect();
        let arabic = main_document(&with_articles, Language::Arabic);
        let english = main_document(&with_articles, Language::English);
        let (arabic, english) = match (arabic, english) {
            (Some(arabic), Some(english)) => (arabic, english),
            (None, None) => return Err(ErrorKind::NoArticles.into()),
            (found, _) => {
                let found = if found.is_some() {
                    Language::Arabic
                } else {
                    Language::English
                };
                return Err(ErrorKind::MissingLanguage {
                    found,
                    missing: found.other(),
                }
                .into());
            }
        };
        let mut slots: Vec<Option<Document>> = with_articles.into_iter().map(Some).collect();
        Ok(DocumentPair {
            arabic: slots[arabic].take().expect("a document taken once"),
            english: slots[english].take().expect("a document taken once"),
        })
    }

    /// Aligns the two documents with `aligner`; they move into the result.
    pub fn align(self, aligner: &Aligner) -> ParallelText {
        aligner.align_owned(self.arabic, self.english)
    }
}

/// What `documents` hold, for people: `"Arabic, 28 articles + English, 1
/// article"`, leaving out those without articles; `None` when none has
/// any.
///
/// ```
/// let parsed = lexalign::parse("Article 1\nThe law applies.\n")?;
/// assert_eq!(lexalign::export::describe_documents(&parsed.documents).as_deref(), Some("English, 1 article"));
/// # Ok::<(), lexalign::Error>(())
/// ```
pub fn describe_documents<'a>(documents: impl IntoIterator<Item = &'a Document>) -> Option<String> {
    let said: Vec<String> = documents
        .into_iter()
        .filter(|d| !d.articles.is_empty())
        .map(|d| format!("{}, {}", d.language, articles_phrase(d.articles.len())))
        .collect();
    (!said.is_empty()).then(|| said.join(" + "))
}

/// `"1 article"`, `"28 articles"`.
pub fn articles_phrase(n: usize) -> String {
    if n == 1 {
        "1 article".to_string()
    } else {
        format!("{n} articles")
    }
}

/// The position in `documents` of the main document in `language`: the one
/// with the most articles, the first on a tie; `None` when there is no
/// document in that language.
///
/// ```
/// use lexalign::{main_document, Document, Language};
/// let documents = [
///     Document::new(Language::English, vec![]),
///     Document::new(Language::Arabic, vec![]),
///     Document::new(Language::English, vec![]),
/// ];
/// // Two English documents with as many articles: the first is used.
/// assert_eq!(main_document(&documents, Language::English), Some(0));
/// assert_eq!(main_document(&documents[..1], Language::Arabic), None);
/// ```
pub fn main_document(documents: &[Document], language: Language) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (position, document) in documents.iter().enumerate() {
        if document.language != language {
            continue;
        }
        if best.is_none_or(|b| documents[b].articles.len() < document.articles.len()) {
            best = Some(position);
        }
    }
    best
}
