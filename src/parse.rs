//! Parsing (placeholder).
use crate::{Document, Result};

/// The documents found in one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// Documents in order of appearance.
    pub documents: Vec<Document>,
}

/// Parses a text.
pub fn parse(_text: &str) -> Result<Parsed> {
    Err(crate::Error::Empty)
}

/// Parses bytes.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed> {
    let text = std::str::from_utf8(bytes).map_err(|e| crate::Error::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    parse(text)
}

/// Parses one document.
pub fn parse_document(_text: &str) -> Result<Document> {
    Err(crate::Error::Empty)
}
