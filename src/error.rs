//! The crate's error type.
//!
//! Messy input is not an error: headings the parser cannot settle, duplicate
//! numbers or a text with no articles are reported as
//! [`Diagnostic`](crate::Diagnostic)s beside the result. An [`Error`] is
//! returned only when there is nothing sensible to give back.

/// A specialised `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, with its details, as an enum to match on; see
/// [`Error::kind`].
///
/// ```
/// let err = lexalign::parse_bytes(b"\xff\xfe\x00").unwrap_err();
/// assert!(matches!(err.kind(), lexalign::ErrorKind::NotUtf8 { offset: 0 }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input bytes are not valid UTF-8.
    #[error("input is not valid UTF-8 (first invalid byte at offset {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input holds no text at all (only whitespace, or nothing).
    #[error("input is empty")]
    Empty,
    /// No article structure was found where one was required: the text may
    /// not be legislation.
    #[error("no articles found: the text may not be legislation")]
    NoArticles,
    /// Two documents were expected in different languages but both are in
    /// the same one.
    #[error("both texts are in {language}: one Arabic and one English text are needed")]
    SameLanguage {
        /// The language both texts are in.
        language: crate::Language,
    },
    /// Only one language was found where both were required.
    #[error("only {found} text was found: the {missing} version is needed too")]
    MissingLanguage {
        /// The language that was found.
        found: crate::Language,
        /// The language that is missing.
        missing: crate::Language,
    },
}

/// The error type of this crate: one [`ErrorKind`] and its message.
///
/// ```
/// use lexalign::{ErrorKind, Language};
/// let err = lexalign::align("Article 1\nText.\n", "Article 1\nOther text.\n").unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::SameLanguage { language: Language::English });
/// assert_eq!(err.to_string(), "both texts are in English: one Arabic and one English text are needed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(transparent)]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    /// What went wrong, with its details.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error { kind }
    }
}
