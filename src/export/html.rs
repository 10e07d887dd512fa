//! A self-contained HTML page showing the two texts side by side.
//!
//! The page has no external resources: CSS and a few lines of JavaScript
//! are inline. At the top, a summary: the verdict and its reasons, the
//! coverage in both directions, the number of pairs by status, each flag
//! with its count and an explanation, and the parser's notes. Below, one
//! row per pair: the English article on the left (`lang="en"`), the
//! Arabic on the right (`lang="ar" dir="rtl"`), between them the labels
//! (Arabic first, as in every report) and confidence. Rows are coloured by [`PairStatus`] (ok, uncertain,
//! flagged, one-sided) and problem rows carry the flags explained in
//! words ([`Flag::explain`]). A checkbox shows only the problems.
//!
//! The markup is also well-formed XML (void elements are self-closed), so
//! it can be checked or post-processed with an XML tool.
//!

use std::fmt::Write as _;

use super::{
    article, coverage_sentences, escape_text, evidence_summary, numbers_or, one_line_title,
    pair_name, title_apart, PairStatus, ReportOptions, Summary,
};
use crate::{ArticleRef, Document, Flag, Language, Pair, ParallelText};

const CSS: &str = r#"
:root { --ok: #e8f5e9; --ok-b: #43a047; --low: #fff8e1; --low-b: #f9a825;
        --flag: #fff3e0; --flag-b: #ef6c00; --one: #fdecea; --one-b: #c62828; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.5rem; color: #1d1d1d; background: #fafafa;
       font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 15px; }
h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
.title-ar { font-size: 1.2rem; margin: 0 0 .75rem; }
[lang="ar"] { font-family: "Noto Naskh Arabic", "Amiri", "Noto Sans Arabic", "Scheherazade New",
              "Arabic Typesetting", "Traditional Arabic", "DejaVu Sans", sans-serif;
              font-size: 1.12em; line-height: 1.75; }
.summary { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; background: #fff;
           border: 1px solid #ddd; border-radius: 6px; padding: .75rem 1rem; }
.summary h2 { font-size: 1rem; margin: 0 0 .35rem; }
.summary ul { margin: 0; padding-left: 1.1rem; }
.summary table { border-collapse: collapse; }
.summary td, .summary th { padding: .1rem .6rem .1rem 0; text-align: left; vertical-align: top; }
.verdict.same { color: #1b5e20; font-weight: bold; }
.verdict.differ { color: #b71c1c; font-weight: bold; }
.swatch { display: inline-block; width: 1.2em; height: .9em; border-radius: 2px;
          vertical-align: -.1em; margin-right: .3em; border-left: 4px solid; }
.swatch.ok { background: var(--ok); border-color: var(--ok-b); }
.swatch.uncertain { background: var(--low); border-color: var(--low-b); }
.swatch.flagged { background: var(--flag); border-color: var(--flag-b); }
.swatch.one_sided { background: var(--one); border-color: var(--one-b); }
.controls { margin: .9rem 0 .6rem; display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
.controls label { font-weight: bold; cursor: pointer; }
table.pairs { width: 100%; border-collapse: collapse; table-layout: fixed; background: #fff; }
table.pairs th { position: sticky; top: 0; background: #eceff1; padding: .4rem .6rem;
                 border-bottom: 2px solid #b0bec5; }
table.pairs td { padding: .5rem .7rem; vertical-align: top; border-bottom: 1px solid #e0e0e0; }
col.meta { width: 7.5rem; }
td.meta { text-align: center; font-size: .85rem; color: #455a64; white-space: nowrap; }
td.meta .labels { font-weight: bold; font-size: .95rem; color: #263238; }
tbody.pair > tr:first-child > td:first-child { border-left: 5px solid transparent; }
tbody.ok td { background: var(--ok); }
tbody.ok > tr:first-child > td:first-child { border-left-color: var(--ok-b); }
tbody.uncertain td { background: var(--low); }
tbody.uncertain > tr:first-child > td:first-child { border-left-color: var(--low-b); }
tbody.flagged td { background: var(--flag); }
tbody.flagged > tr:first-child > td:first-child { border-left-color: var(--flag-b); }
tbody.one_sided td { background: var(--one); }
tbody.one_sided > tr:first-child > td:first-child { border-left-color: var(--one-b); }
.art + .art { margin-top: .8rem; padding-top: .6rem; border-top: 1px dashed #bbb; }
.art .head { font-weight: bold; }
.art .atitle { font-style: italic; }
.art .body { white-space: pre-wrap; overflow-wrap: anywhere; }
td.missing { color: #b71c1c; font-style: italic; text-align: center; vertical-align: middle; }
tr.notes td { font-size: .88rem; padding-top: 0; }
tr.notes ul { margin: 0; padding-left: 1.2rem; }
tr.notes code { font-weight: bold; }
body.only-problems tbody.ok { display: none; }
"#;

const JS: &str = r#"
(function () {
  var box = document.getElementById("only-problems");
  function apply() { document.body.classList.toggle("only-problems", box.checked); }
  box.addEventListener("change", apply);
  apply();
})();
"#;

fn write_side(out: &mut String, doc: &Document, refs: &[ArticleRef]) {
    let (lang, dir) = match doc.language {
        Language::Arabic => ("ar", "rtl"),
        Language::English => ("en", "ltr"),
    };
    if refs.is_empty() {
        let msg = match doc.language {
            Language::Arabic => "no Arabic counterpart",
            Language::English => "no English counterpart",
        };
        let _ = write!(out, "<td class=\"{lang} missing\">— {msg} —</td>");
        return;
    }
    let _ = write!(out, "<td class=\"{lang}\" lang=\"{lang}\" dir=\"{dir}\">");
    for r in refs {
        out.push_str("<div class=\"art\">");
        match article(doc, r) {
            Some(a) => {
                let _ = write!(
                    out,
                    "<div class=\"head\">{}</div>",
                    escape_text(a.heading.trim())
                );
                if let Some(t) = title_apart(a) {
                    let _ = write!(out, "<div class=\"atitle\">{}</div>", escape_text(t));
                }
                // Blank lines between paragraphs double the height of
                // sources that put one after every line; one line break is
                // enough to read.
                let body = a
                    .text
                    .trim()
                    .lines()
                    .map(str::trim_end)
                    .filter(|l| !l.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                if !body.is_empty() {
                    let _ = write!(out, "<div class=\"body\">{}</div>", escape_text(&body));
                }
            }
            None => {
                let _ = write!(
                    out,
                    "<div class=\"head\">{}</div>",
                    escape_text(r.heading.trim())
                );
            }
        }
        out.push_str("</div>");
    }
    out.push_str("</td>");
}

/// The evidence of [`Flag::ContentDiffers`] in words: numbers and legal
/// terms shared, the length ratio and its fit.
fn content_evidence(e: &crate::Evidence) -> String {
    let total = e.numbers_shared.len() + e.numbers_only_arabic.len() + e.numbers_only_english.len();
    let terms = e
        .lexical
        .map_or("no legal terms of the lexicon".to_string(), |x| {
            format!("{:.0}% of legal-term weight shared", 100.0 * x)
        });
    format!(
        "Numbers shared {} of {total}; {terms}; length ratio English/Arabic {:.2} (fit {:.2})",
        e.numbers_shared.len(),
        e.length_ratio,
        e.length
    )
}

fn notes(pair: &Pair, status: PairStatus, uncertain_below: f64) -> Vec<String> {
    let mut v = Vec::new();
    for f in &pair.flags {
        let mut s = format!("<code>{}</code>: {}", f.as_str(), escape_text(f.explain()));
        let e = &pair.evidence;
        match f {
            Flag::NumbersDiffer => {
                let _ = write!(
                    s,
                    " Only in Arabic: {}; only in English: {}.",
                    escape_text(&numbers_or(&e.numbers_as_written(true), ", ", "none")),
                    escape_text(&numbers_or(&e.numbers_as_written(false), ", ", "none"))
                );
            }
            Flag::LikelyPartial => {
                let _ = write!(s, " {}.", escape_text(&e.partial_explanation()));
            }
            Flag::ContentDiffers => {
                let _ = write!(s, " {}.", escape_text(&content_evidence(e)));
            }
            _ => {}
        }
        v.push(s);
    }
    if status == PairStatus::Uncertain {
        v.push(format!(
            "<code>uncertain</code>: confidence {:.2} is below {:.2}; check that these articles correspond. Evidence: {}.",
            pair.confidence, uncertain_below, escape_text(&evidence_summary(&pair.evidence))
        ));
    }
    if status == PairStatus::OneSided && pair.flags.is_empty() {
        v.push("<code>one-sided</code>: this article has no counterpart.".to_string());
    }
    v
}

/// The summary at the top: verdict, coverage, flags, parser notes.
fn write_summary(out: &mut String, pt: &ParallelText, s: &Summary, uncertain_below: f64) {
    out.push_str("<section class=\"summary\">\n");
    write_verdict(out, pt);
    write_coverage(out, pt, s, uncertain_below);
    write_flags(out, pt);
    write_renumbering(out, pt);
    write_parser_notes(out, pt);
    out.push_str("</section>\n");
}

/// The runs of renumbering, one line each.
fn write_renumbering(out: &mut String, pt: &ParallelText) {
    if pt.renumbering().is_empty() {
        return;
    }
    out.push_str("<div>\n<h2>Renumbering</h2>\n<ul class=\"renumbering\">");
    for run in pt.renumbering() {
        let _ = write!(out, "<li>{}</li>", escape_text(&run.sentence()));
    }
    out.push_str("</ul>\n</div>\n");
}

fn write_verdict(out: &mut String, pt: &ParallelText) {
    let v = pt.verdict();
    out.push_str("<div>\n<h2>Verdict</h2>\n");
    let (class, word) = if v.same_law {
        ("same", "Same law")
    } else {
        ("differ", "Probably not the same law")
    };
    let _ = writeln!(
        out,
        "<p class=\"verdict {class}\">{word} (score {:.2})</p>",
        v.score
    );
    if !v.reasons.is_empty() {
        out.push_str("<ul>");
        for r in &v.reasons {
            let _ = write!(out, "<li>{}</li>", escape_text(r));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
}

fn write_coverage(out: &mut String, pt: &ParallelText, s: &Summary, uncertain_below: f64) {
    out.push_str("<div>\n<h2>Coverage</h2>\n<table>\n");
    let [arabic, english] = coverage_sentences(pt.coverage());
    let _ = writeln!(out, "<tr><th>Arabic → English</th><td>{arabic}</td></tr>");
    let _ = writeln!(out, "<tr><th>English → Arabic</th><td>{english}</td></tr>");
    let one_sided = pt.pairs().iter().filter(|p| !p.is_matched()).count();
    let _ = writeln!(
        out,
        "<tr><th>Pairs</th><td><span class=\"swatch ok\"></span>{} paired \
         <span class=\"swatch uncertain\"></span>{} uncertain (&lt; {:.2}) \
         <span class=\"swatch flagged\"></span>{} flagged \
         <span class=\"swatch one_sided\"></span>{} one-sided</td></tr>",
        s.ok, s.uncertain, uncertain_below, s.flagged, one_sided
    );
    out.push_str("</table>\n</div>\n");
}

/// Each flag raised, with its count and what it means.
fn write_flags(out: &mut String, pt: &ParallelText) {
    let cov = pt.coverage();
    out.push_str("<div>\n<h2>Flags</h2>\n");
    if cov.flags.is_empty() {
        out.push_str("<p>No flags raised.</p>\n");
    } else {
        out.push_str("<table>\n");
        let mut flags: Vec<Flag> = pt
            .pairs()
            .iter()
            .flat_map(|p| p.flags.iter().copied())
            .collect();
        flags.sort();
        flags.dedup();
        for f in flags {
            let n = cov.flags.get(f.as_str()).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "<tr><th><code>{}</code></th><td>{n}</td><td>{}</td></tr>",
                f.as_str(),
                escape_text(f.explain())
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("</div>\n");
}

fn write_parser_notes(out: &mut String, pt: &ParallelText) {
    let diags: Vec<(&Document, &crate::Diagnostic)> = [pt.arabic(), pt.english()]
        .into_iter()
        .flat_map(|d| d.diagnostics.iter().map(move |x| (d, x)))
        .collect();
    if !diags.is_empty() {
        out.push_str("<div>\n<h2>Parser notes</h2>\n<ul>");
        for (d, x) in diags {
            let _ = write!(out, "<li>{}: {}</li>", d.language, escape_text(&x.message));
        }
        out.push_str("</ul>\n</div>\n");
    }
}

/// The `<head>` and the page heading: the title, and the Arabic title
/// below it when it differs.
fn write_head(out: &mut String, pt: &ParallelText, options: &ReportOptions) {
    let ar_title = one_line_title(pt.arabic());
    let title = options
        .title
        .clone()
        .or_else(|| one_line_title(pt.english()))
        .or_else(|| ar_title.clone())
        .unwrap_or_else(|| "Parallel text".to_string());
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"lexalign {}\" />",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "<title>{} — lexalign</title>", escape_text(&title));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>");
    let body_class = if options.only_problems {
        " class=\"only-problems\""
    } else {
        ""
    };
    let _ = writeln!(out, "<body{body_class}>\n<header>");
    let _ = writeln!(out, "<h1>{}</h1>", escape_text(&title));
    if let Some(t) = ar_title.filter(|t| *t != title) {
        let _ = writeln!(
            out,
            "<p class=\"title-ar\" lang=\"ar\" dir=\"rtl\">{}</p>",
            escape_text(&t)
        );
    }
}

/// The "show only problems" switch and the colour key.
fn write_controls(out: &mut String, summary: &Summary, options: &ReportOptions) {
    let _ = writeln!(
        out,
        "<div class=\"controls\"><label><input type=\"checkbox\" id=\"only-problems\"{} /> \
         Show only problems ({} of {} pairs)</label>\
         <span><span class=\"swatch ok\"></span>paired \
         <span class=\"swatch uncertain\"></span>uncertain \
         <span class=\"swatch flagged\"></span>flagged \
         <span class=\"swatch one_sided\"></span>one-sided</span></div>",
        if options.only_problems {
            " checked=\"checked\""
        } else {
            ""
        },
        summary.problems,
        summary.pairs
    );
}

/// One `<tbody>` per pair: English, labels and confidence, Arabic; then
/// the notes of a problem.
fn write_pairs(out: &mut String, pt: &ParallelText, uncertain_below: f64) {
    out.push_str("<table class=\"pairs\">\n");
    out.push_str(
        "<colgroup><col class=\"en\" /><col class=\"meta\" /><col class=\"ar\" /></colgroup>\n",
    );
    out.push_str(
        "<thead><tr><th lang=\"en\">English</th><th>Pair</th>\
         <th lang=\"ar\" dir=\"rtl\">العربية</th></tr></thead>\n",
    );
    for (i, p) in pt.pairs().iter().enumerate() {
        let status = PairStatus::of(p, uncertain_below);
        let _ = write!(
            out,
            "<tbody class=\"pair {}\" id=\"pair-{}\"><tr>",
            status.as_str(),
            i + 1
        );
        write_side(out, pt.english(), &p.english);
        let _ = write!(
            out,
            "<td class=\"meta\"><div class=\"labels\">{}</div><div>#{} · {:.2}</div><div>{}</div></td>",
            escape_text(&pair_name(p, true)),
            i + 1,
            p.confidence,
            status.word()
        );
        write_side(out, pt.arabic(), &p.arabic);
        out.push_str("</tr>");
        let n = notes(p, status, uncertain_below);
        if !n.is_empty() {
            out.push_str("<tr class=\"notes\"><td colspan=\"3\"><ul>");
            for x in n {
                let _ = write!(out, "<li>{x}</li>");
            }
            out.push_str("</ul></td></tr>");
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
}

/// Renders `pt` as one self-contained HTML page.
pub(crate) fn render(pt: &ParallelText, summary: &Summary, options: &ReportOptions) -> String {
    let mut out =
        String::with_capacity(4096 + 2 * (pt.arabic().span.len() + pt.english().span.len()));
    write_head(&mut out, pt, options);
    write_summary(&mut out, pt, summary, options.uncertain_below);
    write_controls(&mut out, summary, options);
    out.push_str("</header>\n<main>\n");
    write_pairs(&mut out, pt, options.uncertain_below);
    out.push_str("</main>\n");
    let _ = writeln!(out, "<script>{JS}</script>\n</body>\n</html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(options: ReportOptions) -> String {
        let pt = crate::export::testdata::sample();
        render(&pt, &Summary::of(&pt, options.uncertain_below), &options)
    }

    #[test]
    fn page_has_both_columns_and_statuses() {
        let h = page(ReportOptions::default());
        assert!(h.contains("<td class=\"ar\" lang=\"ar\" dir=\"rtl\">"));
        assert!(h.contains("<td class=\"en\" lang=\"en\" dir=\"ltr\">"));
        assert!(h.contains("<tbody class=\"pair one_sided\" id=\"pair-3\">"));
        assert!(h.contains(Flag::LikelyPartial.explain()));
        assert!(h.contains("Only in Arabic: 2012; only in English: 1999."));
        assert!(h.contains("&amp; &lt;تجربة&gt;"));
        assert!(!h.contains("http://") && !h.contains("https://"));
        assert!(h.contains("id=\"only-problems\" />"));
        let only = page(ReportOptions {
            only_problems: true,
            ..ReportOptions::default()
        });
        assert!(only.contains("<body class=\"only-problems\">"));
        assert!(only.contains("checked=\"checked\""));
    }
}
