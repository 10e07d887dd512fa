//! `coverage`: how completely does the English version cover the Arabic
//! (and the reverse)?
//!
//! ```text
//! cargo run --release --example coverage -- [OPTIONS] FILE [FILE]
//! cargo run --release --example coverage -- [OPTIONS] --batch DIR
//! ```
//!
//! One file holding both versions, or the Arabic and English files in
//! either order, each read as one language version (the language of each
//! is detected and said on stderr); see `lexalign::DocumentPair`.
//!
//! - `--format text` (default): a table and a summary for a translator;
//!   coloured on a terminal, plain when piped or when `NO_COLOR` is set
//!   (`--color always|never|auto` overrides).
//! - `--format json`: the report of `lexalign::export::json` (contract in
//!   its docs); `tsv`, `tmx` (TMX 1.4b) and `html` (one self-contained
//!   page) likewise: every format is `lexalign::export::render`.
//! - `FILE` may be `-` for stdin. Named files must be regular files (a
//!   FIFO, device or socket is refused) of at most `--max-size` bytes
//!   (default 256M, stdin included), UTF-8 or UTF-16 text; anything else
//!   "looks like a binary file" (`lexalign::input`).
//! - `--output FILE` writes there instead of stdout; an output that is one
//!   of the inputs (symlinks resolved), or in `--batch` a `*.txt` file of
//!   the batch folder, is refused.
//! - `--uncertain-below X` (0–1, default 0.5; `--min-confidence` is an
//!   alias): matched pairs without flags whose confidence is below X count
//!   as problems ("uncertain"). Text, TSV, JSON and HTML still show every
//!   pair and mark these; TMX leaves every pair below X out of the
//!   translation memory.
//! - `--only-problems`: text hides the rows that are not problems; HTML
//!   opens with "show only problems" ticked.
//! - `--fail-on one-sided|partial|any`: exit 1 when an article has no
//!   counterpart / a pair is flagged as a likely partial translation / any
//!   pair is a problem (flagged, uncertain or one-sided).
//! - `--batch DIR`: every document in DIR — `NAME.ar.txt` with
//!   `NAME.en.txt`, and each other `*.txt` as a bilingual file — aligned in
//!   parallel. One JSON line per document on the output
//!   (`lexalign::export::batch::BatchRecord`, schema in its docs), in
//!   name order, written as soon as they are ready; progress and then a
//!   summary table on stderr (beyond 40 documents the table lists only
//!   those that failed, have one-sided articles or look like different
//!   laws). A file that fails is reported and skipped. `--jobs N` sets
//!   the number of worker threads (default: the number of cores; only
//!   with `--batch`). A document that fails or panics is reported on its
//!   line and the run goes on; the lines are the same whatever `--jobs`.
//!   With `--fail-on`, the exit code is 1 when any document triggers it
//!   (with `any`, a document that failed counts too).
//!
//! Exit codes: 0 done; 1 problems found where `--fail-on` asked for it;
//! 2 usage or input error (missing, unreadable, special, too large or
//! binary file, output over an input, no
//! articles, both files in one language, one language only, a batch
//! folder that cannot be read or holds no `*.txt`).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, ValueEnum};
use lexalign::export::batch::{self, BatchDocument, BatchJob};
use lexalign::export::{self, FailOn, Format, ReportOptions, Summary};
use lexalign::input::shown;
use lexalign::{Aligner, Document, DocumentPair, Error, ErrorKind, ParallelText};

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
    #[arg(long, value_parser = format_parser())]
    format: Option<Format>,

    /// Write the output to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Matched pairs without flags below this confidence are uncertain and
    /// count as problems (TMX leaves out every pair below it).
    #[arg(long, alias = "min-confidence", value_name = "X",
          default_value_t = export::DEFAULT_UNCERTAIN_BELOW, value_parser = parse_confidence)]
    uncertain_below: f64,

    /// Exit with code 1 when this kind of problem is found: one-sided (an
    /// article has no counterpart), partial (a likely partial translation)
    /// or any (flagged, uncertain or one-sided).
    #[arg(long, value_name = "WHAT", value_parser = fail_on_parser())]
    fail_on: Option<FailOn>,

    /// Align every document in DIR (NAME.ar.txt + NAME.en.txt, or a
    /// bilingual *.txt); JSON Lines out, summary on stderr.
    #[arg(long, value_name = "DIR", conflicts_with = "files")]
    batch: Option<PathBuf>,

    /// Worker threads for --batch [default: number of cores].
    #[arg(long, value_name = "N", requires = "batch", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Refuse inputs larger than this (bytes; K, M, G suffixes) [default: 256M].
    #[arg(long, value_name = "SIZE", value_parser = lexalign::input::parse_size)]
    max_size: Option<u64>,

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

fn format_parser() -> impl TypedValueParser<Value = Format> {
    let names = Format::ALL.iter().map(|f| f.as_str());
    PossibleValuesParser::new(names).map(|name| name.parse::<Format>().expect("a listed format"))
}

fn fail_on_parser() -> impl TypedValueParser<Value = FailOn> {
    let names = FailOn::ALL.iter().map(|f| f.as_str());
    PossibleValuesParser::new(names).map(|name| name.parse::<FailOn>().expect("a listed kind"))
}

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

/// Reads `path` (stdin for `-`) as text: a regular file within the size
/// limit, UTF-8 or UTF-16 (see `lexalign::input`).
fn read_text(path: &Path, max_size: u64) -> Result<String, String> {
    lexalign::input::read_text(path, max_size).map_err(|e| e.to_string())
}

/// What a file holds, said on stderr ("Arabic, 28 articles"), or the
/// error when it holds no article.
fn describe(path: &Path, documents: &[&Document]) -> Result<String, String> {
    lexalign::export::describe_documents(documents.iter().copied()).ok_or_else(|| {
        format!(
            "{}: no articles found: it may not be legislation (no headings such as \"Article (1)\" or \"مادة (1)\")",
            shown(path)
        )
    })
}

/// The message of a parse error of the file at `path`.
fn parse_error(path: &Path, error: &Error) -> String {
    match error.kind() {
        ErrorKind::Empty => format!("{}: the file is empty", shown(path)),
        _ => format!("{}: {error}", shown(path)),
    }
}

/// The documents of one bilingual file. In a batch, the
/// message for a missing language names the file to add.
fn bilingual(path: &Path, say: &mut dyn FnMut(String), cli: &Cli) -> Result<DocumentPair, String> {
    let max = cli.max_size.unwrap_or(lexalign::input::DEFAULT_MAX_SIZE);
    let parsed = lexalign::parse(&read_text(path, max)?).map_err(|e| parse_error(path, &e))?;
    let main: Vec<&Document> = [parsed.arabic(), parsed.english()]
        .into_iter()
        .flatten()
        .collect();
    say(format!("{}: {}", shown(path), describe(path, &main)?));
    let found_articles = main.iter().map(|d| d.articles.len()).max().unwrap_or(0);
    DocumentPair::from_parsed(parsed).map_err(|e| match *e.kind() {
        ErrorKind::MissingLanguage { found, missing } => {
            let how = if cli.batch.is_some() {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                format!("add {} beside it", batch::partner_file(&name, missing))
            } else {
                format!("give the {missing} file as a second FILE")
            };
            let count = lexalign::export::articles_phrase(found_articles);
            format!(
                "{}: only {found} text was found ({count}); the {missing} version is needed too: {how}",
                shown(path)
            )
        }
        _ => parse_error(path, &e),
    })
}

/// Aligns one bilingual file or two single-language files. `say` receives
/// the per-file language lines.
fn align_files(
    paths: &[PathBuf],
    say: &mut dyn FnMut(String),
    cli: &Cli,
) -> Result<ParallelText, String> {
    let max = cli.max_size.unwrap_or(lexalign::input::DEFAULT_MAX_SIZE);
    let pair = match paths {
        [path] => bilingual(path, say, cli)?,
        [first, second] => {
            let texts = [read_text(first, max)?, read_text(second, max)?];
            let mut documents = Vec::with_capacity(2);
            for (path, text) in [first, second].into_iter().zip(&texts) {
                let document = lexalign::parse_document(text).map_err(|e| parse_error(path, &e))?;
                say(format!(
                    "{}: {}",
                    shown(path),
                    describe(path, &[&document])?
                ));
                documents.push(document);
            }
            let second_document = documents.pop().expect("two documents");
            let first_document = documents.pop().expect("two documents");
            DocumentPair::from_documents(first_document, second_document).map_err(|e| {
                match *e.kind() {
                    ErrorKind::SameLanguage { language } => format!(
                    "{} and {} are both in {language}: one Arabic and one English text are needed",
                    shown(first),
                    shown(second)
                ),
                    _ => e.to_string(),
                }
            })?
        }
        _ => return Err("give one or two files".to_string()),
    };
    Ok(pair.align(&Aligner::default()))
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

/// The outcome of writing to the output, as the tool reports it.
fn written(result: std::io::Result<()>, path: Option<&Path>) -> Result<(), Fatal> {
    match result {
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
    if cli.jobs.is_some() {
        return Err(Fatal("--jobs works with --batch only".into()));
    }
    if let Some(output) = &cli.output {
        lexalign::input::check_output(output, &cli.files).map_err(|e| Fatal(e.to_string()))?;
    }
    let pt = align_files(&cli.files, &mut say, cli).map_err(Fatal)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let options = ReportOptions {
        uncertain_below: cli.uncertain_below,
        only_problems: cli.only_problems,
        color: match cli.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => cli.output.is_none() && std::io::stdout().is_terminal() && !no_color,
        },
        ..ReportOptions::default()
    };
    let summary = Summary::of(&pt, cli.uncertain_below);
    let format = cli.format.unwrap_or(Format::Text);
    let mut out = open_output(cli.output.as_deref())?;
    let result = export::render_summarised(&pt, &summary, format, &options, &mut *out)
        .and_then(|()| out.flush());
    written(result, cli.output.as_deref())?;
    drop(out);
    if let (Some(path), false) = (&cli.output, quiet) {
        eprintln!("wrote {}", path.display());
    }
    match cli.fail_on {
        Some(f) if f.is_triggered(&summary) => {
            eprintln!("{}", f.message(&summary));
            Ok(ExitCode::from(1))
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}

// ---------------------------------------------------------------- batch --

/// Aligns every job on the worker threads, writing each record to `out` in
/// folder order as soon as it is ready, with progress on stderr.
fn run_jobs(
    cli: &Cli,
    jobs: &[BatchJob],
    out: &mut dyn Write,
) -> Result<Vec<BatchDocument>, Fatal> {
    let progress_tty = !cli.quiet && std::io::stderr().is_terminal();
    let progress_every = if cli.quiet || progress_tty || jobs.len() < 100 {
        0
    } else {
        jobs.len() / 10
    };
    let mut write_error: Option<Fatal> = None;
    let align = |job: &BatchJob| {
        BatchDocument::attempt(&job.name, job.file_names(), cli.uncertain_below, || {
            align_files(&job.files, &mut |_| {}, cli)
        })
    };
    let progress = |done: usize, index: usize| {
        if progress_tty {
            eprint!("\r[{done}/{}] {}\x1b[K", jobs.len(), jobs[index].name);
        } else if progress_every > 0 && done % progress_every == 0 {
            eprintln!("[{done}/{}] done", jobs.len());
        }
    };
    let ready = |document: &BatchDocument| {
        if write_error.is_none() {
            let line = document.record.to_json_line();
            let result = out.write_all(line.as_bytes()).and_then(|()| out.flush());
            write_error = written(result, cli.output.as_deref()).err();
        }
    };
    let documents = batch::run(jobs, cli.jobs.map(usize::from), align, progress, ready);
    if progress_tty {
        eprint!("\r\x1b[K");
    }
    write_error.map_or(Ok(documents), Err)
}

fn run_batch(cli: &Cli, dir: &Path) -> Result<ExitCode, Fatal> {
    if let Some(f) = cli.format.filter(|f| *f != Format::Json) {
        return Err(Fatal(format!(
            "--batch writes JSON Lines; --format {f} is not available with it"
        )));
    }
    let (jobs, skipped) = batch::jobs_in(dir)
        .map_err(|e| Fatal(format!("{}: cannot read the folder: {e}", dir.display())))?;
    if jobs.is_empty() {
        return Err(Fatal(format!(
            "{}: no *.txt files in the folder",
            dir.display()
        )));
    }
    if !cli.quiet && skipped > 0 {
        eprintln!(
            "{}: skipping {skipped} files not ending in .txt",
            dir.display()
        );
    }
    if let Some(output) = &cli.output {
        let inputs: Vec<PathBuf> = jobs.iter().flat_map(|j| j.files.clone()).collect();
        lexalign::input::check_batch_output(output, dir, &inputs)
            .map_err(|e| Fatal(e.to_string()))?;
    }
    let mut out = open_output(cli.output.as_deref())?;
    let documents = run_jobs(cli, &jobs, &mut *out)?;
    drop(out);
    if !cli.quiet {
        eprint!("{}", batch::table(&documents));
    }
    match cli
        .fail_on
        .and_then(|on| batch::fail_message(&documents, on))
    {
        Some(message) => {
            eprintln!("{message}");
            Ok(ExitCode::from(1))
        }
        None => Ok(ExitCode::SUCCESS),
    }
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
