//! Number words, ordinals, Roman numerals and list letters (placeholder).
