//! TMX 1.4b translation memory: one `<tu>` per matched pair.
//!
//! Each translation unit holds a `<tuv xml:lang="ar">` and a
//! `<tuv xml:lang="en">` whose `<seg>` is the article text (heading, title
//! and body, one per line; the two articles of a merge or split separated
//! by a blank line). Properties record where the unit came from:
//! `x-arabic-label`, `x-english-label`, `x-confidence` and, when flagged,
//! `x-flags`. One-sided pairs have nothing to translate and are left out,
//! as are pairs below [`TmxOptions::min_confidence`].
//!
//! The header carries `srclang="ar"`, `adminlang="en"`, `segtype="block"`,
//! `datatype="plaintext"`, `o-tmf="lexalign"`, `creationtool="lexalign"`
//! and the crate version as `creationtoolversion`. Text is escaped, and
//! characters not allowed in XML 1.0 are dropped.
//!
//! ```
//! # fn demo(pt: &lexalign::ParallelText) {
//! let tmx = lexalign::export::tmx::render(pt, &Default::default());
//! assert!(tmx.starts_with("<?xml"));
//! # }
//! ```

use std::fmt::Write as _;

use super::{article_text, escape_text, escape_xml, labels};
use crate::ParallelText;

/// Options for [`render`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TmxOptions {
    /// Leave out pairs whose confidence is below this. Default `0.0`
    /// (every matched pair).
    pub min_confidence: f64,
    /// Leave out pairs flagged as likely partial translations. Default
    /// `false`.
    pub skip_partial: bool,
}

/// Renders the matched pairs of `pt` as a TMX 1.4b document.
pub fn render(pt: &ParallelText, opts: &TmxOptions) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<tmx version=\"1.4\">\n");
    let _ = writeln!(
        out,
        "  <header creationtool=\"lexalign\" creationtoolversion=\"{}\" \
         datatype=\"plaintext\" segtype=\"block\" adminlang=\"en\" srclang=\"ar\" \
         o-tmf=\"lexalign\"/>",
        escape_xml(env!("CARGO_PKG_VERSION"))
    );
    out.push_str("  <body>\n");
    for (i, p) in pt.pairs().iter().enumerate() {
        if !p.is_matched()
            || p.confidence < opts.min_confidence
            || (opts.skip_partial && p.has_flag(crate::Flag::LikelyPartial))
        {
            continue;
        }
        let _ = writeln!(out, "    <tu tuid=\"{}\">", i + 1);
        let prop = |out: &mut String, kind: &str, value: &str| {
            let _ = writeln!(
                out,
                "      <prop type=\"{kind}\">{}</prop>",
                escape_text(value)
            );
        };
        prop(&mut out, "x-arabic-label", &labels(&p.arabic));
        prop(&mut out, "x-english-label", &labels(&p.english));
        prop(&mut out, "x-confidence", &format!("{:.3}", p.confidence));
        if !p.flags.is_empty() {
            let flags: Vec<&str> = p.flags.iter().map(|f| f.as_str()).collect();
            prop(&mut out, "x-flags", &flags.join(","));
        }
        for (lang, doc, refs) in [
            ("ar", pt.arabic(), &p.arabic),
            ("en", pt.english(), &p.english),
        ] {
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{lang}\"><seg>{}</seg></tuv>",
                escape_text(&article_text(doc, refs))
            );
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matched_pairs_only_and_escaped() {
        let pt = crate::export::testdata::sample();
        let t = render(&pt, &TmxOptions::default());
        assert_eq!(t.matches("<tu ").count(), 2);
        assert!(t.contains("&amp; &lt;تجربة&gt;"));
        assert!(t.contains("First \"article\" text."));
        assert!(t.contains("<prop type=\"x-flags\">likely_partial,numeric_mismatch</prop>"));
        let strict = render(
            &pt,
            &TmxOptions {
                min_confidence: 0.9,
                ..TmxOptions::default()
            },
        );
        assert_eq!(strict.matches("<tu ").count(), 1);
        let nopartial = render(
            &pt,
            &TmxOptions {
                skip_partial: true,
                ..TmxOptions::default()
            },
        );
        assert_eq!(nopartial.matches("<tu ").count(), 1);
    }
}
