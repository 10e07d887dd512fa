//! The TMX report ([`Format::Tmx`](super::Format::Tmx)): a TMX 1.4b
//! translation memory, one `<tu>` per matched pair.
//!
//! In: a parallel text and the [`ReportOptions`]. Out: the document as a
//! string.
//!
//! Each translation unit holds a `<tuv xml:lang="ar">` and a
//! `<tuv xml:lang="en">` whose `<seg>` is the article text (heading, title
//! and body, one per line; the two articles of a merge or split separated
//! by a blank line). Properties record where the unit came from:
//! `x-arabic-label`, `x-english-label`, `x-confidence` and, when flagged,
//! `x-flags`. One-sided pairs have nothing to translate and are left out,
//! as are pairs below [`ReportOptions::uncertain_below`] (and, with
//! [`ReportOptions::skip_partial`], likely partial translations).
//!
//! The header carries `srclang="ar"`, `adminlang="en"`, `segtype="block"`,
//! `datatype="plaintext"`, `o-tmf="lexalign"`, `creationtool="lexalign"`
//! and the crate version as `creationtoolversion`. Text is escaped, and
//! characters not allowed in XML 1.0 are dropped.
//!

use std::fmt::Write as _;

use super::{article_text, escape_text, escape_xml, labels, ReportOptions};
use crate::{Pair, ParallelText};

/// Whether the pair goes into the translation memory.
fn kept(pair: &Pair, options: &ReportOptions) -> bool {
    pair.is_matched()
        && pair.confidence >= options.uncertain_below
        && !(options.skip_partial && pair.has_flag(crate::Flag::LikelyPartial))
}

/// Renders the matched pairs of `pt` as a TMX 1.4b document.
pub(crate) fn render(pt: &ParallelText, options: &ReportOptions) -> String {
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
        if !kept(p, options) {
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
        let tmx = |uncertain_below, skip_partial| {
            let options = ReportOptions {
                uncertain_below,
                skip_partial,
                ..ReportOptions::default()
            };
            render(&pt, &options)
        };
        let t = tmx(0.0, false);
        assert_eq!(t.matches("<tu ").count(), 2);
        assert!(t.contains("&amp; &lt;تجربة&gt;"));
        assert!(t.contains("First \"article\" text."));
        assert!(t.contains("<prop type=\"x-flags\">likely_partial,numbers_differ</prop>"));
        assert_eq!(tmx(0.9, false).matches("<tu ").count(), 1);
        assert_eq!(tmx(0.0, true).matches("<tu ").count(), 1);
    }
}
