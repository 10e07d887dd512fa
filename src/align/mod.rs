//! Alignment of Arabic and English articles (placeholder).
