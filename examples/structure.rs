//! How lexalign sees a file: the documents found, their language, title,
//! divisions, articles and diagnostics.
//!
//! ```text
//! cargo run --release --example structure -- FILE [--json]
//! ```
//!
//! `--json` prints `{"documents": [{"language", "title", "articles": [{"index",
//! "label", "heading", "title", "items", "division"}], "divisions": [...],
//! "diagnostics": [...]}]}` where `label` is the canonical label (`"5"`,
//! `"5bis"`) or null.

use std::process::ExitCode;

use clap::Parser;
use serde_json::json;

/// Show the structure lexalign finds in a legal text.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// The file to read (UTF-8 text).
    file: std::path::PathBuf,
    /// Print JSON instead of a listing.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let parsed = match lexalign::parse_bytes(&bytes) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    if args.json {
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
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({ "documents": docs }))
                .expect("JSON values serialise")
        );
        return ExitCode::SUCCESS;
    }
    for d in &parsed.documents {
        println!(
            "== {} document, bytes {}..{}: {} articles, {} divisions",
            d.language,
            d.span.start,
            d.span.end,
            d.articles.len(),
            d.divisions.len()
        );
        if let Some(t) = &d.title {
            println!("title: {}", t.text.replace('\n', " / "));
        }
        println!(
            "preamble: {} lines, {} recitals, enacting: {}",
            d.preamble.lines.len(),
            d.preamble.recitals.len(),
            d.preamble
                .enacting
                .as_ref()
                .map_or("-", |b| b.text.as_str())
        );
        for v in &d.divisions {
            println!(
                "  division {} {:?} {:?}: {}{}",
                v.index,
                v.kind,
                v.number,
                v.heading,
                v.title
                    .as_ref()
                    .map(|t| format!(" — {t}"))
                    .unwrap_or_default()
            );
        }
        for a in &d.articles {
            println!(
                "  [{}] {:<8} {:<24} items={:<3} division={}{}",
                a.index,
                a.label
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_else(|| "-".into()),
                a.heading,
                a.items.len(),
                a.division
                    .map(|x| x.to_string())
                    .unwrap_or_else(|| "-".into()),
                a.title
                    .as_ref()
                    .map(|t| format!(" title={t}"))
                    .unwrap_or_default()
            );
        }
        if let Some(c) = &d.closing {
            println!("closing: {}", c.text.replace('\n', " / "));
        }
        if let Some(b) = &d.boilerplate {
            println!("boilerplate: {} bytes", b.span.len());
        }
        for g in &d.diagnostics {
            println!("  ! {:?}: {}", g.kind, g.message);
        }
    }
    ExitCode::SUCCESS
}
