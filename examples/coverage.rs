//! `coverage`: how completely does the English version cover the Arabic
//! (and the reverse)?
//!
//! ```text
//! cargo run --release --example coverage -- [OPTIONS] FILE [FILE]
//! cargo run --release --example coverage -- [OPTIONS] --batch DIR
//! ```
//!
//! One file holding both versions, or the Arabic and English files in
//! either order (the language of each is detected and said on stderr).
//!
//! - `--format text` (default): a table and a summary for a translator;
//!   coloured on a terminal, plain when piped or when `NO_COLOR` is set
//!   (`--color always|never|auto` overrides).
//! - `--format json`: the report of `lexalign::export::json` (contract in
//!   its docs); `tsv`, `tmx` (TMX 1.4b) and `html` (one self-contained
//!   page) likewise.
//! - `--output FILE` writes there instead of stdout.
//! - `--min-confidence X` (0–1, default 0.5): matched pairs without flags
//!   whose confidence is below X count as problems ("uncertain"). Text,
//!   TSV, JSON and HTML still show every pair and mark these; TMX leaves
//!   them out of the translation memory.
//! - `--only-problems`: text hides the rows that are not problems; HTML
//!   opens with "show only problems" ticked.
//! - `--fail-on one-sided|partial|any`: exit 1 when an article has no
//!   counterpart / a pair is flagged as a likely partial translation / any
//!   pair is a problem (flagged, uncertain or one-sided).
//! - `--batch DIR`: every document in DIR — `NAME.ar.txt` with
//!   `NAME.en.txt`, and each other `*.txt` as a bilingual file — aligned in
//!   parallel. One JSON line per document on the output (`name`, `files`,
//!   `status` `"ok"`/`"error"`, `arabic_articles`, `english_articles`,
//!   `pairs`, `problems`, `coverage`, `verdict`, `flags`, `error`), in
//!   name order, written as soon as they are ready; progress and then a
//!   summary table on stderr (beyond 40 documents the table lists only
//!   those that failed, have one-sided articles or look like different
//!   laws). A file that fails is reported and skipped. `--jobs N` sets
//!   the number of worker threads (default: the number of cores).
//!   With `--fail-on`, the exit code is 1 when any document triggers it
//!   (with `any`, a document that failed counts too).
//!
//! Exit codes: 0 done; 1 problems found where `--fail-on` asked for it;
//! 2 usage or input error (missing or unreadable file, not UTF-8, no
//! articles, both files in one language, one language only, a batch
//! folder that cannot be read or holds no `*.txt`).

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use clap::{Parser, ValueEnum};
use lexalign::export::{
    self, html::HtmlOptions, json::Report, text::TextOptions, tmx::TmxOptions, tsv::TsvOptions,
    Summary,
};
use lexalign::{Document, Language, ParallelText};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A table and a summary for people.
    Text,
    /// The JSON report (see lexalign::export::json).
    Json,
    /// Tab-separated values, one row per pair.
    Tsv,
    /// A TMX 1.4b translation memory of the matched pairs.
    Tmx,
    /// One self-contained HTML page, side by side.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    /// An article has no counterpart.
    OneSided,
    /// A pair is flagged as a likely partial translation.
    Partial,
    /// Any pair is a problem: flagged, uncertain or one-sided.
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    /// Colour when writing text to a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour text output.
    Always,
    /// Never colour.
    Never,
}

/// Pair the articles of the Arabic and English versions of a legal text
/// and report the coverage.
#[derive(Debug, Parser)]
#[command(name = "coverage", version, after_help = EXIT_CODES)]
struct Cli {
    /// One bilingual file, or the Arabic and English files in either order.
    #[arg(value_name = "FILE", num_args = 1..=2, required_unless_present = "batch")]
    files: Vec<PathBuf>,

    /// Output format [default: text; json lines with --batch].
    #[arg(long, value_enum)]
    format: Option<Format>,

    /// Write the output to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Matched pairs without flags below this confidence count as problems
    /// (TMX leaves them out).
    #[arg(long, value_name = "X", default_value_t = export::DEFAULT_MIN_CONFIDENCE, value_parser = parse_confidence)]
    min_confidence: f64,

    /// Exit with code 1 when this kind of problem is found.
    #[arg(long, value_enum, value_name = "WHAT")]
    fail_on: Option<FailOn>,

    /// Align every document in DIR (NAME.ar.txt + NAME.en.txt, or a
    /// bilingual *.txt); JSON Lines out, summary on stderr.
    #[arg(long, value_name = "DIR", conflicts_with = "files")]
    batch: Option<PathBuf>,

    /// Worker threads for --batch [default: number of cores].
    #[arg(long, value_name = "N", requires = "batch", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Colour the text output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    color: ColorWhen,

    /// Text: show only the rows that are problems. HTML: open with "show
    /// only problems" ticked.
    #[arg(long)]
    only_problems: bool,

    /// Say nothing on stderr but errors.
    #[arg(short, long)]
    quiet: bool,
}

const EXIT_CODES: &str = "Exit codes: 0 done; 1 problems found where --fail-on asked for it; \
2 usage or input error.";

fn parse_confidence(s: &str) -> Result<f64, String> {
    let x: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is not between 0 and 1"))
    }
}

/// An error worth a message and exit code 2.
struct Fatal(String);

/// Reads `path` as UTF-8 text, with a message naming the file on failure.
fn read_text(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{shown}: no such file"),
        std::io::ErrorKind::PermissionDenied => {
            format!("{shown}: cannot read the file: permission denied")
        }
        _ if path.is_dir() => {
            format!("{shown}: is a folder, not a file (use --batch for a folder)")
        }
        _ => format!("{shown}: cannot read the file: {e}"),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        format!(
            "{shown}: not UTF-8 text (first invalid byte at offset {offset}); \
             convert it first, e.g. iconv -f WINDOWS-1256 -t UTF-8"
        )
    })
}

/// The article count of a document as words.
fn articles(n: usize) -> String {
    if n == 1 {
        "1 article".to_string()
    } else {
        format!("{n} articles")
    }
}

/// The documents with articles in a file, at most one per language, and a
/// description such as "Arabic, 28 articles".
fn parse_file(path: &Path, text: &str) -> Result<(Vec<Document>, String), String> {
    let shown = path.display();
    let parsed = match lexalign::parse(text) {
        Ok(p) => p,
        Err(lexalign::Error::Empty) => return Err(format!("{shown}: the file is empty")),
        Err(lexalign::Error::NoArticles) => return Err(no_articles(path)),
        Err(e) => return Err(format!("{shown}: {e}")),
    };
    let docs: Vec<Document> = [parsed.arabic(), parsed.english()]
        .into_iter()
        .flatten()
        .filter(|d| !d.articles.is_empty())
        .cloned()
        .collect();
    if docs.is_empty() {
        return Err(no_articles(path));
    }
    let desc = docs
        .iter()
        .map(|d| format!("{}, {}", d.language, articles(d.articles.len())))
        .collect::<Vec<_>>()
        .join(" + ");
    Ok((docs, desc))
}

fn no_articles(path: &Path) -> String {
    format!(
        "{}: no articles found: it may not be legislation (no headings such as \"Article (1)\" or \"مادة (1)\")",
        path.display()
    )
}

fn main_doc(docs: &[Document]) -> &Document {
    docs.iter()
        .max_by_key(|d| d.articles.len())
        .expect("parse_file returns at least one document")
}

/// Aligns one bilingual file or two single-language files. `say` receives
/// the per-file language lines.
fn align_files(
    paths: &[PathBuf],
    say: &mut dyn FnMut(String),
    hint_pair: bool,
) -> Result<ParallelText, String> {
    match paths {
        [path] => {
            let text = read_text(path)?;
            let (docs, desc) = parse_file(path, &text)?;
            say(format!("{}: {desc}", path.display()));
            if docs.len() < 2 {
                let found = docs[0].language;
                let missing = found.other();
                let how = if hint_pair {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let stem = name.strip_suffix(".txt").unwrap_or(&name);
                    let stem = stem
                        .strip_suffix(".ar")
                        .or_else(|| stem.strip_suffix(".en"))
                        .unwrap_or(stem);
                    format!("add {stem}.{}.txt beside it", missing.code())
                } else {
                    format!("give the {missing} file as a second FILE")
                };
                return Err(format!(
                    "{}: only {found} text was found ({}); the {missing} version is needed too: {how}",
                    path.display(),
                    articles(docs[0].articles.len())
                ));
            }
            lexalign::align::align_bilingual(&text).map_err(|e| format!("{}: {e}", path.display()))
        }
        [a, b] => {
            let ta = read_text(a)?;
            let tb = read_text(b)?;
            let (da, desc_a) = parse_file(a, &ta)?;
            say(format!("{}: {desc_a}", a.display()));
            let (db, desc_b) = parse_file(b, &tb)?;
            say(format!("{}: {desc_b}", b.display()));
            let (la, lb) = (main_doc(&da).language, main_doc(&db).language);
            if la == lb {
                return Err(format!(
                    "{} and {} are both in {la}: one Arabic and one English text are needed",
                    a.display(),
                    b.display()
                ));
            }
            let (ar, en) = if la == Language::Arabic {
                (main_doc(&da), main_doc(&db))
            } else {
                (main_doc(&db), main_doc(&da))
            };
            Ok(lexalign::align::align_documents(ar, en))
        }
        _ => Err("give one or two files".to_string()),
    }
}

/// Whether `fail_on` is triggered by this parallel text.
fn triggered(fail_on: FailOn, s: &Summary) -> bool {
    match fail_on {
        FailOn::OneSided => s.one_sided() > 0,
        FailOn::Partial => s.likely_partial > 0,
        FailOn::Any => s.problems > 0,
    }
}

fn fail_on_message(fail_on: FailOn, s: &Summary) -> String {
    match fail_on {
        FailOn::OneSided => format!(
            "--fail-on one-sided: {} Arabic and {} English articles have no counterpart",
            s.only_arabic, s.only_english
        ),
        FailOn::Partial => format!(
            "--fail-on partial: {} pairs look like partial translations",
            s.likely_partial
        ),
        FailOn::Any => format!(
            "--fail-on any: {} of {} pairs are problems",
            s.problems, s.pairs
        ),
    }
}

fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Where the output goes.
fn open_output(path: Option<&Path>) -> Result<Box<dyn Write>, Fatal> {
    match path {
        Some(p) => std::fs::File::create(p)
            .map(|f| Box::new(std::io::BufWriter::new(f)) as Box<dyn Write>)
            .map_err(|e| Fatal(format!("{}: cannot write the output: {e}", p.display()))),
        None => Ok(Box::new(std::io::stdout().lock())),
    }
}

fn write_all(out: &mut dyn Write, s: &str, path: Option<&Path>) -> Result<(), Fatal> {
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // The reader went away (`| head`): not our problem.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Fatal(format!(
            "{}: cannot write the output: {e}",
            path.map_or("stdout".to_string(), |p| p.display().to_string())
        ))),
    }
}

fn run_files(cli: &Cli) -> Result<ExitCode, Fatal> {
    let quiet = cli.quiet;
    let mut say = |s: String| {
        if !quiet {
            eprintln!("{s}");
        }
    };
    let pt = align_files(&cli.files, &mut say, false).map_err(Fatal)?;
    let format = cli.format.unwrap_or(Format::Text);
    let rendered = match format {
        Format::Text => {
            let color = match cli.color {
                ColorWhen::Always => true,
                ColorWhen::Never => false,
                ColorWhen::Auto => {
                    cli.output.is_none() && std::io::stdout().is_terminal() && !no_color_env()
                }
            };
            export::text::render(
                &pt,
                &TextOptions {
                    color,
                    min_confidence: cli.min_confidence,
                    only_problems: cli.only_problems,
                    ..TextOptions::default()
                },
            )
        }
        Format::Json => {
            let report = Report::new(&pt, cli.min_confidence);
            let mut s = serde_json::to_string_pretty(&report).expect("a report serialises");
            s.push('\n');
            s
        }
        Format::Tsv => export::tsv::render(
            &pt,
            &TsvOptions {
                min_confidence: cli.min_confidence,
                ..TsvOptions::default()
            },
        ),
        Format::Tmx => export::tmx::render(
            &pt,
            &TmxOptions {
                min_confidence: cli.min_confidence,
                ..TmxOptions::default()
            },
        ),
        Format::Html => export::html::render(
            &pt,
            &HtmlOptions {
                min_confidence: cli.min_confidence,
                only_problems: cli.only_problems,
                ..HtmlOptions::default()
            },
        ),
    };
    let mut out = open_output(cli.output.as_deref())?;
    write_all(&mut *out, &rendered, cli.output.as_deref())?;
    drop(out);
    if let Some(path) = &cli.output {
        if !quiet {
            eprintln!("wrote {}", path.display());
        }
    }
    let summary = Summary::of(&pt, cli.min_confidence);
    if let Some(f) = cli.fail_on {
        if triggered(f, &summary) {
            eprintln!("{}", fail_on_message(f, &summary));
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------- batch --

/// One document of a batch: a name and its one or two files.
struct Job {
    name: String,
    files: Vec<PathBuf>,
}

/// The documents in `dir`: `NAME.ar.txt` + `NAME.en.txt` pairs, and every
/// other `*.txt` alone. Sorted by name.
fn batch_jobs(dir: &Path) -> Result<(Vec<Job>, usize), Fatal> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Fatal(format!("{}: cannot read the folder: {e}", dir.display())))?;
    let mut txt: Vec<String> = Vec::new();
    let mut skipped = 0;
    for entry in entries {
        let entry =
            entry.map_err(|e| Fatal(format!("{}: cannot read the folder: {e}", dir.display())))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        // A `.txt` entry that is not a folder is a document, readable or
        // not (a dangling link is reported, not skipped).
        let document = !path.is_dir() && name.ends_with(".txt") && !name.starts_with('.');
        if document {
            txt.push(name);
        } else if path.is_file() {
            skipped += 1;
        }
    }
    txt.sort();
    let present: std::collections::HashSet<&str> = txt.iter().map(String::as_str).collect();
    let mut jobs = Vec::new();
    for name in &txt {
        if let Some(stem) = name.strip_suffix(".ar.txt") {
            let en = format!("{stem}.en.txt");
            if present.contains(en.as_str()) {
                jobs.push(Job {
                    name: stem.to_string(),
                    files: vec![dir.join(name), dir.join(en)],
                });
                continue;
            }
        }
        if let Some(stem) = name.strip_suffix(".en.txt") {
            if present.contains(format!("{stem}.ar.txt").as_str()) {
                continue; // taken with its Arabic partner
            }
        }
        jobs.push(Job {
            name: name.strip_suffix(".txt").unwrap_or(name).to_string(),
            files: vec![dir.join(name)],
        });
    }
    jobs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((jobs, skipped))
}

/// What came of one document.
struct Outcome {
    result: Result<(ParallelText, Summary), String>,
}

fn run_job(job: &Job, min_confidence: f64) -> Outcome {
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        align_files(&job.files, &mut |_| {}, true).map(|pt| {
            let s = Summary::of(&pt, min_confidence);
            (pt, s)
        })
    }));
    let result = caught.unwrap_or_else(|panic| {
        let msg = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(format!(
            "{}: internal error while aligning: {msg}",
            job.name
        ))
    });
    Outcome { result }
}

/// One line of the batch output.
#[derive(serde::Serialize)]
struct BatchLine<'a> {
    name: &'a str,
    files: Vec<String>,
    status: &'static str,
    arabic_articles: Option<usize>,
    english_articles: Option<usize>,
    pairs: Option<usize>,
    problems: Option<usize>,
    coverage: Option<&'a lexalign::Coverage>,
    verdict: Option<&'a lexalign::Verdict>,
    flags: BTreeMap<String, usize>,
    error: Option<&'a str>,
}

fn batch_line<'a>(job: &'a Job, o: &'a Outcome) -> BatchLine<'a> {
    let files = job.files.iter().map(|p| p.display().to_string()).collect();
    match &o.result {
        Ok((pt, s)) => BatchLine {
            name: &job.name,
            files,
            status: "ok",
            arabic_articles: Some(pt.coverage().arabic_articles),
            english_articles: Some(pt.coverage().english_articles),
            pairs: Some(s.pairs),
            problems: Some(s.problems),
            coverage: Some(pt.coverage()),
            verdict: Some(pt.verdict()),
            flags: pt.coverage().flags.clone(),
            error: None,
        },
        Err(e) => BatchLine {
            name: &job.name,
            files,
            status: "error",
            arabic_articles: None,
            english_articles: None,
            pairs: None,
            problems: None,
            coverage: None,
            verdict: None,
            flags: BTreeMap::new(),
            error: Some(e),
        },
    }
}

fn run_batch(cli: &Cli, dir: &Path) -> Result<ExitCode, Fatal> {
    if let Some(f) = cli.format.filter(|f| *f != Format::Json) {
        return Err(Fatal(format!(
            "--batch writes JSON Lines; --format {} is not available with it",
            f.to_possible_value()
                .map(|v| v.get_name().to_string())
                .unwrap_or_default()
        )));
    }
    let (jobs, skipped) = batch_jobs(dir)?;
    if jobs.is_empty() {
        return Err(Fatal(format!(
            "{}: no *.txt files in the folder",
            dir.display()
        )));
    }
    let quiet = cli.quiet;
    if !quiet && skipped > 0 {
        eprintln!(
            "{}: skipping {skipped} files not ending in .txt",
            dir.display()
        );
    }
    let workers = cli
        .jobs
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(jobs.len())
        .max(1);
    let mut out = open_output(cli.output.as_deref())?;
    let progress_tty = !quiet && std::io::stderr().is_terminal();
    let progress_every = if quiet || progress_tty {
        0
    } else if jobs.len() >= 100 {
        jobs.len() / 10
    } else {
        0
    };

    let next = AtomicUsize::new(0);
    let mut outcomes: Vec<Option<Outcome>> = (0..jobs.len()).map(|_| None).collect();
    let mut write_error: Option<Fatal> = None;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
        for _ in 0..workers {
            let tx = tx.clone();
            let (jobs, next) = (&jobs, &next);
            let min_confidence = cli.min_confidence;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                if tx.send((i, run_job(job, min_confidence))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // Write lines in folder order as soon as they are ready.
        let mut pending: HashMap<usize, Outcome> = HashMap::new();
        let mut written = 0;
        let mut done = 0;
        for (i, o) in rx {
            done += 1;
            if progress_tty {
                eprint!("\r[{done}/{}] {}", jobs.len(), jobs[i].name);
                eprint!("\x1b[K");
            } else if progress_every > 0 && done % progress_every == 0 {
                eprintln!("[{done}/{}] done", jobs.len());
            }
            pending.insert(i, o);
            while let Some(o) = pending.remove(&written) {
                if write_error.is_none() {
                    let mut line = serde_json::to_string(&batch_line(&jobs[written], &o))
                        .expect("a batch line serialises");
                    line.push('\n');
                    if let Err(e) = write_all(&mut *out, &line, cli.output.as_deref()) {
                        write_error = Some(e);
                    }
                }
                outcomes[written] = Some(o);
                written += 1;
            }
        }
        if progress_tty {
            eprint!("\r\x1b[K");
        }
    });
    if let Some(e) = write_error {
        return Err(e);
    }
    drop(out);
    let outcomes: Vec<Outcome> = outcomes
        .into_iter()
        .map(|o| o.expect("every job reports"))
        .collect();
    if !quiet {
        eprint!("{}", batch_table(&jobs, &outcomes));
    }
    let mut exit = ExitCode::SUCCESS;
    if let Some(f) = cli.fail_on {
        let hit: Vec<&str> = jobs
            .iter()
            .zip(&outcomes)
            .filter(|(_, o)| match &o.result {
                Ok((_, s)) => triggered(f, s),
                Err(_) => f == FailOn::Any,
            })
            .map(|(j, _)| j.name.as_str())
            .collect();
        if !hit.is_empty() {
            let what = f
                .to_possible_value()
                .map(|v| v.get_name().to_string())
                .unwrap_or_default();
            eprintln!(
                "--fail-on {what}: {} documents: {}",
                hit.len(),
                hit.join(", ")
            );
            exit = ExitCode::from(1);
        }
    }
    Ok(exit)
}

/// Up to this many documents, the batch summary lists every one.
const BATCH_TABLE_ALL: usize = 40;

/// The summary of a batch run, for stderr.
fn batch_table(jobs: &[Job], outcomes: &[Outcome]) -> String {
    let mut rows: Vec<[String; 8]> = vec![[
        "document".into(),
        "status".into(),
        "ar".into(),
        "en".into(),
        "ar→en".into(),
        "en→ar".into(),
        "flagged".into(),
        "one-sided".into(),
    ]];
    let mut errors = Vec::new();
    let mut flag_totals: BTreeMap<String, usize> = BTreeMap::new();
    // A long run lists only the documents that need a look.
    let brief = jobs.len() > BATCH_TABLE_ALL;
    let mut unlisted = 0;
    for (job, o) in jobs.iter().zip(outcomes) {
        match &o.result {
            Ok((pt, s)) => {
                let c = pt.coverage();
                for (k, v) in &c.flags {
                    *flag_totals.entry(k.clone()).or_default() += v;
                }
                if brief && pt.verdict().same_law && s.one_sided() == 0 {
                    unlisted += 1;
                    continue;
                }
                rows.push([
                    job.name.clone(),
                    if pt.verdict().same_law {
                        "ok"
                    } else {
                        "ok, differ?"
                    }
                    .into(),
                    c.arabic_articles.to_string(),
                    c.english_articles.to_string(),
                    format!("{:.1}%", c.arabic_coverage * 100.0),
                    format!("{:.1}%", c.english_coverage * 100.0),
                    s.flagged.to_string(),
                    s.one_sided().to_string(),
                ]);
            }
            Err(e) => {
                rows.push([
                    job.name.clone(),
                    "ERROR".into(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
                errors.push(e.clone());
            }
        }
    }
    let mut width = [0usize; 8];
    for r in &rows {
        for (k, c) in r.iter().enumerate() {
            width[k] = width[k].max(c.chars().count());
        }
    }
    let mut s = String::new();
    for r in &rows {
        let mut line = String::new();
        for (k, c) in r.iter().enumerate() {
            if k < 2 {
                line.push_str(&format!("{c:<w$}  ", w = width[k]));
            } else {
                line.push_str(&format!("{c:>w$}  ", w = width[k]));
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    if unlisted > 0 {
        s.push_str(&format!(
            "({unlisted} aligned documents with no one-sided article not listed)\n"
        ));
    }
    let ok = outcomes.iter().filter(|o| o.result.is_ok()).count();
    s.push_str(&format!(
        "{} documents: {ok} aligned, {} failed\n",
        outcomes.len(),
        outcomes.len() - ok
    ));
    if !flag_totals.is_empty() {
        let f: Vec<String> = flag_totals
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        s.push_str(&format!("flags: {}\n", f.join(", ")));
    }
    for e in errors {
        s.push_str(&format!("error: {e}\n"));
    }
    s
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.batch {
        Some(dir) => run_batch(&cli, dir),
        None => run_files(&cli),
    };
    match result {
        Ok(code) => code,
        Err(Fatal(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}
