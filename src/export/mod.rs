//! Renderers over a parallel text (placeholder).
