//! Batch runs: many documents aligned in one go (feature `json`).
//!
//! In: the documents to align, as jobs of the caller's choosing, and a
//! function aligning one. Out: one [`BatchRecord`] per document, written as
//! a line of JSON (JSON Lines), and a [`table`] summing the run up for
//! people. [`jobs_in`] finds the documents of a folder
//! ([`documents_in`] groups file names into documents); [`run`] aligns them on several threads, handing each record
//! over in order as soon as it is ready.
//!
//! ```
//! use lexalign::export::batch::{table, BatchDocument};
//! let failed = BatchDocument::failed("news", vec!["news.txt".into()], "news.txt: no articles found".into());
//! assert!(failed.record.to_json_line().starts_with(r#"{"version":1,"name":"news","#));
//! assert!(table(&[failed]).contains("1 documents: 0 aligned, 1 failed"));
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use serde::{Deserialize, Serialize};

use super::FailOn;
use super::{percent, Summary};
use crate::{Coverage, Language, ParallelText, Verdict};

/// The version of the [`BatchRecord`] schema written by this crate: `1`.
pub const VERSION: u32 = 1;

/// Up to this many documents, [`table`] lists every one; beyond, only
/// those that need a look.
pub const TABLE_LISTS_ALL: usize = 40;

/// The record of one document of a batch run, one JSON line.
///
/// The schema (version [`VERSION`]): keys in this order, never removed or
/// renamed within a version; the keys after `status` are `null` (`flags`
/// empty) when the document failed, and `error` is `null` when it aligned.
///
/// | key | value |
/// |---|---|
/// | `version` | [`VERSION`] |
/// | `name` | the document: the file name without `.txt` (and `.ar`/`.en` for a pair of files) |
/// | `files` | the paths of its one or two files |
/// | `status` | `"ok"` or `"error"` |
/// | `arabic_articles`, `english_articles` | article counts |
/// | `pairs`, `problems` | number of pairs, and of those that are problems ([`PairStatus::is_problem`](super::PairStatus::is_problem)) |
/// | `coverage` | the [`Coverage`] object of the JSON report |
/// | `verdict` | the [`Verdict`]: `same_law`, `score`, `reasons` |
/// | `flags` | flag name → number of pairs |
/// | `error` | why the document failed |
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchRecord {
    /// The schema version, [`VERSION`].
    pub version: u32,
    /// The document's name.
    pub name: String,
    /// Its files, as given.
    pub files: Vec<String>,
    /// Whether it aligned.
    pub status: BatchStatus,
    /// Articles in the Arabic document.
    pub arabic_articles: Option<usize>,
    /// Articles in the English document.
    pub english_articles: Option<usize>,
    /// Number of pairs.
    pub pairs: Option<usize>,
    /// Pairs that are problems.
    pub problems: Option<usize>,
    /// The coverage figures.
    pub coverage: Option<Coverage>,
    /// Whether the two texts look like versions of one law.
    pub verdict: Option<Verdict>,
    /// Number of pairs carrying each flag, by flag name.
    pub flags: BTreeMap<String, usize>,
    /// Why the document failed.
    pub error: Option<String>,
}

/// Whether a document of a batch aligned: `"ok"` or `"error"` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchStatus {
    /// Aligned.
    Ok,
    /// Failed; see [`BatchRecord::error`].
    Error,
}

impl BatchRecord {
    /// The record as one line of JSON, ending with a line feed.
    pub fn to_json_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("a batch record serialises");
        line.push('\n');
        line
    }
}

/// One document of a batch, done: its record, and its [`Summary`] when it
/// aligned (computed once, for the record, the table and an exit code).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchDocument {
    /// The JSON Lines record.
    pub record: BatchRecord,
    /// The summary, `None` when the document failed.
    pub summary: Option<Summary>,
}

impl BatchDocument {
    /// A document that aligned into `pt`; `uncertain_below` is the
    /// threshold of [`PairStatus::Uncertain`](super::PairStatus::Uncertain).
    pub fn aligned(
        name: &str,
        files: Vec<String>,
        pt: &ParallelText,
        uncertain_below: f64,
    ) -> BatchDocument {
        let summary = Summary::of(pt, uncertain_below);
        let coverage = pt.coverage();
        let record = BatchRecord {
            version: VERSION,
            name: name.to_string(),
            files,
            status: BatchStatus::Ok,
            arabic_articles: Some(coverage.arabic_articles),
            english_articles: Some(coverage.english_articles),
            pairs: Some(summary.pairs),
            problems: Some(summary.problems),
            coverage: Some(coverage.clone()),
            verdict: Some(pt.verdict().clone()),
            flags: coverage.flags.clone(),
            error: None,
        };
        BatchDocument {
            record,
            summary: Some(summary),
        }
    }

    /// The document `align` gives: aligned, or failed with its message
    /// (a panic while aligning is caught and reported as an internal
    /// error).
    pub fn attempt(
        name: &str,
        files: Vec<String>,
        uncertain_below: f64,
        align: impl FnOnce() -> Result<ParallelText, String>,
    ) -> BatchDocument {
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(align));
        let result = caught.unwrap_or_else(|panic| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(format!("{name}: internal error while aligning: {message}"))
        });
        match result {
            Ok(pt) => BatchDocument::aligned(name, files, &pt, uncertain_below),
            Err(error) => BatchDocument::failed(name, files, error),
        }
    }

    /// Whether this document fails a checking run that fails on `on`: it
    /// has such a problem, or it failed and `on` is [`FailOn::Any`].
    pub fn fails(&self, on: FailOn) -> bool {
        self.summary
            .as_ref()
            .map_or(on == FailOn::Any, |summary| on.is_triggered(summary))
    }

    /// A document that failed, with the message saying why.
    pub fn failed(name: &str, files: Vec<String>, error: String) -> BatchDocument {
        let record = BatchRecord {
            version: VERSION,
            name: name.to_string(),
            files,
            status: BatchStatus::Error,
            arabic_articles: None,
            english_articles: None,
            pairs: None,
            problems: None,
            coverage: None,
            verdict: None,
            flags: BTreeMap::new(),
            error: Some(error),
        };
        BatchDocument {
            record,
            summary: None,
        }
    }
}

/// The documents among the `*.txt` file names of a folder, sorted by name:
/// `NAME.ar.txt` with `NAME.en.txt` is one document `NAME` of two files;
/// every other name is a document of one file, named without `.txt`.
///
/// ```
/// use lexalign::export::batch::documents_in;
/// let names = ["law.en.txt", "law.ar.txt", "both.txt", "lone.ar.txt"].map(String::from);
/// assert_eq!(documents_in(&names), [
///     ("both".to_string(), vec!["both.txt".to_string()]),
///     ("law".to_string(), vec!["law.ar.txt".to_string(), "law.en.txt".to_string()]),
///     ("lone.ar".to_string(), vec!["lone.ar.txt".to_string()]),
/// ]);
/// ```
pub fn documents_in(names: &[String]) -> Vec<(String, Vec<String>)> {
    let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
    names.sort_unstable();
    let present: std::collections::HashSet<&str> = names.iter().copied().collect();
    let mut documents = Vec::new();
    for name in &names {
        if let Some(stem) = name.strip_suffix(".ar.txt") {
            let english = format!("{stem}.en.txt");
            if present.contains(english.as_str()) {
                documents.push((stem.to_string(), vec![name.to_string(), english]));
                continue;
            }
        }
        if let Some(stem) = name.strip_suffix(".en.txt") {
            if present.contains(format!("{stem}.ar.txt").as_str()) {
                continue; // taken with its Arabic partner
            }
        }
        let stem = name.strip_suffix(".txt").unwrap_or(name);
        documents.push((stem.to_string(), vec![name.to_string()]));
    }
    documents.sort_by(|a, b| a.0.cmp(&b.0));
    documents
}

/// One document of a batch: its name and its one or two files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchJob {
    /// The document's name (see [`documents_in`]).
    pub name: String,
    /// Its files: a bilingual file, or the Arabic and the English file.
    pub files: Vec<PathBuf>,
}

impl BatchJob {
    /// The paths of the files as text, for a [`BatchRecord`].
    pub fn file_names(&self) -> Vec<String> {
        self.files.iter().map(|p| p.display().to_string()).collect()
    }
}

/// The documents in the folder `dir` ([`documents_in`] of its `*.txt`
/// entries that are not folders, hidden ones left out), and the number of
/// other files, skipped.
///
/// # Errors
/// When the folder cannot be read.
pub fn jobs_in(dir: &Path) -> std::io::Result<(Vec<BatchJob>, usize)> {
    let mut names: Vec<String> = Vec::new();
    // The real name of each entry whose name is not UTF-8 (shown lossily).
    let mut real: HashMap<String, std::ffi::OsString> = HashMap::new();
    let mut skipped = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        // A `.txt` entry that is not a folder is a document, readable or
        // not (a dangling link or a FIFO is reported, not skipped).
        if !path.is_dir() && name.ends_with(".txt") && !name.starts_with('.') {
            if entry.file_name().to_str().is_none() {
                real.insert(name.clone(), entry.file_name());
            }
            names.push(name);
        } else if path.is_file() {
            skipped += 1;
        }
    }
    let jobs = documents_in(&names)
        .into_iter()
        .map(|(name, files)| BatchJob {
            name,
            files: files
                .iter()
                .map(|f| real.get(f).map_or_else(|| dir.join(f), |r| dir.join(r)))
                .collect(),
        })
        .collect();
    Ok((jobs, skipped))
}

/// The sentence failing a batch run on `on`, naming the documents that
/// fail it ([`BatchDocument::fails`]); `None` when none does.
pub fn fail_message(documents: &[BatchDocument], on: FailOn) -> Option<String> {
    let hit: Vec<&str> = documents
        .iter()
        .filter(|d| d.fails(on))
        .map(|d| d.record.name.as_str())
        .collect();
    (!hit.is_empty()).then(|| {
        format!(
            "--fail-on {on}: {} documents: {}",
            hit.len(),
            hit.join(", ")
        )
    })
}

/// The name of the file holding the `language` version of the document
/// whose other version is in `file_name` (`law.ar.txt`, `law.txt` →
/// `law.en.txt`), for a message asking for it.
///
/// ```
/// use lexalign::{export::batch::partner_file, Language};
/// assert_eq!(partner_file("law.ar.txt", Language::English), "law.en.txt");
/// assert_eq!(partner_file("law.txt", Language::Arabic), "law.ar.txt");
/// ```
pub fn partner_file(file_name: &str, language: Language) -> String {
    let stem = file_name.strip_suffix(".txt").unwrap_or(file_name);
    let stem = stem
        .strip_suffix(".ar")
        .or_else(|| stem.strip_suffix(".en"))
        .unwrap_or(stem);
    format!("{stem}.{}.txt", language.code())
}

/// Aligns every job with `align` on `workers` threads (`None`: one per
/// core; never more than there are jobs).
///
/// `progress(done, index)` is called as each job finishes (`done` of them
/// so far, `index` the job's position); `ready` receives the documents in
/// job order, each as soon as it and all before it are done. Returns the
/// documents in job order.
///
/// ```
/// use lexalign::export::batch::{run, BatchDocument};
/// let jobs = ["a", "b", "c"];
/// let mut names = Vec::new();
/// let documents = run(&jobs, Some(2), |job| {
///     BatchDocument::failed(job, vec![], "not aligned".into())
/// }, |_, _| {}, |document| names.push(document.record.name.clone()));
/// assert_eq!(names, ["a", "b", "c"]);
/// assert_eq!(documents.len(), 3);
/// ```
pub fn run<J: Sync>(
    jobs: &[J],
    workers: Option<usize>,
    align: impl Fn(&J) -> BatchDocument + Sync,
    mut progress: impl FnMut(usize, usize),
    mut ready: impl FnMut(&BatchDocument),
) -> Vec<BatchDocument> {
    let workers = workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let mut done: Vec<BatchDocument> = Vec::with_capacity(jobs.len());
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, BatchDocument)>();
        for _ in 0..workers {
            let (tx, next, align) = (tx.clone(), &next, &align);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(index) else { break };
                if tx.send((index, align(job))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending: HashMap<usize, BatchDocument> = HashMap::new();
        for (count, (index, document)) in rx.into_iter().enumerate() {
            progress(count + 1, index);
            pending.insert(index, document);
            while let Some(document) = pending.remove(&done.len()) {
                ready(&document);
                done.push(document);
            }
        }
    });
    done
}

/// The columns of [`table`].
const HEADER: [&str; 8] = [
    "document",
    "status",
    "ar",
    "en",
    "ar→en",
    "en→ar",
    "flagged",
    "one-sided",
];

/// The row of one document, or `None` when a long run leaves it out (it
/// aligned, looks like one law and has no one-sided article).
fn row(document: &BatchDocument, brief: bool) -> Option<[String; 8]> {
    let record = &document.record;
    let (Some(summary), Some(coverage), Some(verdict)) =
        (&document.summary, &record.coverage, &record.verdict)
    else {
        let mut failed: [String; 8] = Default::default();
        failed[0] = record.name.clone();
        failed[1] = "ERROR".into();
        return Some(failed);
    };
    if brief && verdict.same_law && summary.one_sided() == 0 {
        return None;
    }
    let status = if verdict.same_law {
        "ok"
    } else {
        "ok, differ?"
    };
    Some([
        record.name.clone(),
        status.into(),
        coverage.arabic_articles.to_string(),
        coverage.english_articles.to_string(),
        percent(coverage.arabic_coverage),
        percent(coverage.english_coverage),
        summary.flagged.to_string(),
        summary.one_sided().to_string(),
    ])
}

/// The rows as aligned columns: the first two left-aligned, the others
/// right-aligned.
fn columns(rows: &[[String; 8]]) -> String {
    let mut width = [0usize; 8];
    for row in rows {
        for (k, cell) in row.iter().enumerate() {
            width[k] = width[k].max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (k, cell) in row.iter().enumerate() {
            if k < 2 {
                let _ = write!(line, "{cell:<w$}  ", w = width[k]);
            } else {
                let _ = write!(line, "{cell:>w$}  ", w = width[k]);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The summary of a batch run, for people (the coverage tool writes it on
/// stderr): one row per document (beyond [`TABLE_LISTS_ALL`] documents,
/// only those that failed, have one-sided articles or look like different
/// laws), the counts, the flags summed over the run, and the errors.
pub fn table(documents: &[BatchDocument]) -> String {
    let brief = documents.len() > TABLE_LISTS_ALL;
    let mut rows: Vec<[String; 8]> = vec![HEADER.map(String::from)];
    let mut flag_totals: BTreeMap<&str, usize> = BTreeMap::new();
    for document in documents {
        for (flag, count) in &document.record.flags {
            *flag_totals.entry(flag).or_default() += count;
        }
        rows.extend(row(document, brief));
    }
    let mut out = columns(&rows);
    let unlisted = documents.len() + 1 - rows.len();
    if unlisted > 0 {
        let _ = writeln!(
            out,
            "({unlisted} aligned documents with no one-sided article not listed)"
        );
    }
    let aligned = documents.iter().filter(|d| d.summary.is_some()).count();
    let _ = writeln!(
        out,
        "{} documents: {aligned} aligned, {} failed",
        documents.len(),
        documents.len() - aligned
    );
    if !flag_totals.is_empty() {
        let flags: Vec<String> = flag_totals
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let _ = writeln!(out, "flags: {}", flags.join(", "));
    }
    for document in documents {
        if let Some(error) = &document.record.error {
            let _ = writeln!(out, "error: {error}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A panic in one document is reported on its line; the lines keep
    /// the job order and are the same whatever the number of workers.
    #[test]
    fn a_panic_is_one_failed_line_and_workers_do_not_change_the_output() {
        let jobs: Vec<usize> = (0..9).collect();
        let lines = |workers| {
            let mut ready = Vec::new();
            let documents = run(
                &jobs,
                Some(workers),
                |&job| {
                    BatchDocument::attempt(&format!("doc{job}"), vec![], 0.5, || {
                        if job % 4 == 1 {
                            panic!("boom {job}");
                        }
                        Err(format!("doc{job}: no articles"))
                    })
                },
                |_, _| {},
                |document| ready.push(document.record.to_json_line()),
            );
            assert_eq!(documents.len(), jobs.len());
            ready
        };
        let serial = lines(1);
        assert!(
            serial[1].contains("internal error while aligning: boom 1"),
            "{}",
            serial[1]
        );
        assert!(serial[2].contains("doc2: no articles"));
        for workers in [2, 4, 16] {
            assert_eq!(lines(workers), serial);
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_name_that_is_not_utf8_keeps_its_real_path() {
        use std::os::unix::ffi::OsStrExt;
        let dir = std::env::temp_dir().join(format!("lexalign-batch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let name = std::ffi::OsStr::from_bytes(b"law\xff.txt");
        std::fs::write(dir.join(name), "Article 1\n").unwrap();
        let (jobs, skipped) = jobs_in(&dir).unwrap();
        assert_eq!(skipped, 0);
        assert_eq!(jobs.len(), 1);
        assert!(jobs[0].files[0].is_file(), "{:?}", jobs[0].files);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
