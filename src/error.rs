//! The crate's error type.
//!
//! Messy input is not an error: headings the parser cannot settle, duplicate
//! numbers or a text with no articles are reported as
//! [`Diagnostic`](crate::Diagnostic)s beside the result. An [`enum@Error`] is
//! returned only when there is nothing sensible to give back.

use thiserror::Error;

/// A specialised `Result` whose error is [`enum@Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, as an enum to match on.
///
/// ```
/// let err = lexalign::parse_bytes(b"\xff\xfe\x00").unwrap_err();
/// assert!(matches!(err.kind(), lexalign::ErrorKind::NotUtf8 { offset: 0 }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input bytes are not valid UTF-8; `offset` is the byte offset of
    /// the first invalid sequence.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input holds no text at all (only whitespace, or nothing).
    Empty,
    /// No article structure was found where one was required.
    NoArticles,
    /// Two documents were expected in different languages but both are in
    /// the same one.
    SameLanguage,
    /// Only one language was found where both were required.
    MissingLanguage,
}

/// The error type of this crate.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// The input bytes are not valid UTF-8.
    #[error("input is not valid UTF-8 (first invalid byte at offset {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input holds no text.
    #[error("input is empty")]
    Empty,
    /// No articles were found: the text may not be legislation.
    #[error("no articles found: the text may not be legislation")]
    NoArticles,
    /// Both inputs are in the same language.
    #[error("both texts are in {language}: one Arabic and one English text are needed")]
    SameLanguage {
        /// The language both texts are in.
        language: crate::Language,
    },
    /// Only one language was found.
    #[error("only {found} text was found: the {missing} version is needed too")]
    MissingLanguage {
        /// The language that was found.
        found: crate::Language,
        /// The language that is missing.
        missing: crate::Language,
    },
}

impl Error {
    /// The kind of this error, for matching without the details.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotUtf8 { offset } => ErrorKind::NotUtf8 { offset: *offset },
            Error::Empty => ErrorKind::Empty,
            Error::NoArticles => ErrorKind::NoArticles,
            Error::SameLanguage { .. } => ErrorKind::SameLanguage,
            Error::MissingLanguage { .. } => ErrorKind::MissingLanguage,
        }
    }
}
