//! How lexalign sees a file: the documents found, their language, title,
//! divisions, articles and diagnostics.
//!
//! ```text
//! cargo run --release --example structure -- FILE [--json] [--max-size SIZE]
//! ```
//!
//! `FILE` may be `-` for stdin; it is read as `lexalign::input` reads
//! (regular files only, a size limit, UTF-8 or UTF-16, binary refused).
//! `--json` prints `{"documents": [{"language", "title", "articles": [{"index",
//! "label", "heading", "title", "items", "division"}], "divisions": [...],
//! "diagnostics": [...]}]}` where `label` is the canonical label (`"5"`,
//! `"5bis"`) or null. The listing has control characters stripped; a
//! closed stdout (`| head`) ends the program quietly.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;
use serde_json::json;

/// Show the structure lexalign finds in a legal text.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// The file to read (UTF-8 or UTF-16 text; `-` for stdin).
    file: std::path::PathBuf,
    /// Print JSON instead of a listing.
    #[arg(long)]
    json: bool,
    /// Refuse inputs larger than this (bytes; K, M, G suffixes).
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = lexalign::input::parse_size)]
    max_size: u64,
}

/// The JSON of the documents.
fn to_json(parsed: &lexalign::Parsed) -> String {
    let docs: Vec<_> = parsed
        .documents
        .iter()
        .map(|d| {
            json!({
                "language": d.language,
                "title": d.title.as_ref().map(|t| &t.text),
                "articles": d.articles.iter().map(|a| json!({
                    "index": a.index,
                    "label": a.label,
                    "heading": a.heading,
                    "title": a.title,
                    "items": a.items.len(),
                    "division": a.division,
                })).collect::<Vec<_>>(),
                "divisions": d.divisions.iter().map(|v| json!({
                    "index": v.index,
                    "kind": v.kind,
                    "number": v.number,
                    "heading": v.heading,
                    "title": v.title,
                    "parent": v.parent,
                })).collect::<Vec<_>>(),
                "diagnostics": d.diagnostics,
            })
        })
        .collect();
    let mut out =
        serde_json::to_string_pretty(&json!({ "documents": docs })).expect("JSON values serialise");
    out.push('\n');
    out
}

/// The listing of the documents.
fn listing(parsed: &lexalign::Parsed) -> String {
    let mut out = String::new();
    let dash = || "-".to_string();
    for d in &parsed.documents {
        let (start, end, articles) = (d.span.start, d.span.end, d.articles.len());
        let divisions = d.divisions.len();
        let _ = writeln!(
            out,
            "== {} document, bytes {start}..{end}: {articles} articles, {divisions} divisions",
            d.language
        );
        if let Some(t) = &d.title {
            let _ = writeln!(out, "title: {}", t.text.replace('\n', " / "));
        }
        let enacting = d
            .preamble
            .enacting
            .as_ref()
            .map_or("-", |b| b.text.as_str());
        let (lines, recitals) = (d.preamble.lines.len(), d.preamble.recitals.len());
        let _ = writeln!(
            out,
            "preamble: {lines} lines, {recitals} recitals, enacting: {enacting}"
        );
        for v in &d.divisions {
            let title = v
                .title
                .as_ref()
                .map(|t| format!(" — {t}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  division {} {:?} {:?}: {}{title}",
                v.index, v.kind, v.number, v.heading
            );
        }
        for a in &d.articles {
            let label = a.label.as_ref().map_or_else(dash, ToString::to_string);
            let division = a.division.map_or_else(dash, |x| x.to_string());
            let title = a
                .title
                .as_ref()
                .map(|t| format!(" title={t}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  [{}] {label:<8} {:<24} items={:<3} division={division}{title}",
                a.index,
                a.heading,
                a.items.len()
            );
        }
        if let Some(c) = &d.closing {
            let _ = writeln!(out, "closing: {}", c.text.replace('\n', " / "));
        }
        if let Some(b) = &d.boilerplate {
            let _ = writeln!(out, "boilerplate: {} bytes", b.span.len());
        }
        for g in &d.diagnostics {
            let _ = writeln!(out, "  ! {:?}: {}", g.kind, g.message);
        }
    }
    lexalign::input::strip_controls(&out).into_owned()
}

fn main() -> ExitCode {
    let args = Args::parse();
    let parsed = lexalign::input::read_text(&args.file, args.max_size)
        .map_err(|e| e.to_string())
        .and_then(|text| {
            let shown = lexalign::input::shown(&args.file);
            lexalign::parse(&text).map_err(|e| format!("{shown}: {e}"))
        });
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let out = if args.json {
        to_json(&parsed)
    } else {
        listing(&parsed)
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write the output: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}
