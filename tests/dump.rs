//! The alignment dump: many document pairs × aligner settings × both input
//! orders, each alignment written out in full (the parallel text as JSON,
//! and for the seeds every report format), compared byte for byte with the
//! digests in `tests/expected/dump.tsv`.
//!
//! This is the net under refactoring: a change that should not alter any
//! output must leave every digest as it is. A change that alters output on
//! purpose rewrites the expected file with `LEXALIGN_BLESS=1 cargo test
//! --release --test dump`, and its commit says why. The full dumps are
//! written to `target/dump/` (one file per job) so that two runs can be
//! compared with `diff -r`.
//!
//! Document pairs: the bilingual seeds 001 and 003 (as one file, and split
//! into their two texts), seed 000 against 004 (two different laws), every
//! robustness perturbation of 001 and 003, generated laws of 300 and 1,000
//! articles, and the real pairs in `../shared/pairs` where that folder is
//! present (skipped, with a message, where it is not).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

mod common;

use common::law::law;
use common::perturb::{perturbations, split};
use common::seed_text as seed;
use lexalign::export::{render, Format, ReportOptions};
use lexalign::{Aligner, ParallelText, Weights};

/// FNV-1a, 64 bits: a digest that needs no dependency and never changes.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The aligner settings every pair is run under.
fn settings() -> Vec<(&'static str, Aligner)> {
    let light_labels = Weights {
        label: Weights::default().label * 0.5,
        ..Weights::default()
    };
    vec![
        ("default", Aligner::default()),
        ("band8", Aligner::builder().band(8).build()),
        (
            "labels-half",
            Aligner::builder()
                .weights(light_labels)
                .partial_ratio(0.6)
                .build(),
        ),
    ]
}

/// Every report of a parallel text, in every format.
fn reports(pt: &ParallelText) -> String {
    let only_problems = ReportOptions {
        only_problems: true,
        ..ReportOptions::default()
    };
    // TMX with every matched pair, as its own options did before the one
    // ReportOptions (whose threshold defaults to 0.5).
    let every_pair = ReportOptions {
        uncertain_below: 0.0,
        ..ReportOptions::default()
    };
    let sections = [
        ("json", Format::Json, ReportOptions::default()),
        ("text", Format::Text, ReportOptions::default()),
        ("text, only problems", Format::Text, only_problems),
        ("tsv", Format::Tsv, ReportOptions::default()),
        ("tmx", Format::Tmx, every_pair),
        ("html", Format::Html, ReportOptions::default()),
    ];
    let mut out = Vec::new();
    for (i, (name, format, options)) in sections.iter().enumerate() {
        // A blank line between reports (JSON ends with its own line feed).
        if i > 1 {
            out.push(b'\n');
        }
        writeln!(out, "## {name}").unwrap();
        render(pt, *format, options, &mut out).unwrap();
    }
    String::from_utf8(out).unwrap()
}

/// The dump of one alignment (or of the error it gave).
fn dump(result: lexalign::Result<ParallelText>, with_reports: bool) -> String {
    match result {
        Err(e) => format!("error: {e}\n"),
        Ok(pt) => {
            let mut s = serde_json::to_string_pretty(&pt).unwrap();
            s.push('\n');
            if with_reports {
                s.push_str(&reports(&pt));
            }
            s
        }
    }
}

/// Document pairs as (name, first text, second text, with reports).
fn pairs() -> Vec<(String, String, String, bool)> {
    let mut v = Vec::new();
    for s in ["001", "003"] {
        let (ar, en) = split(&seed(s));
        v.push((format!("seed-{s}"), ar.render(), en.render(), true));
        for (name, f) in perturbations() {
            let (mut a, mut e) = (ar.clone(), en.clone());
            f(&mut a, &mut e);
            v.push((format!("seed-{s} {name}"), a.render(), e.render(), false));
        }
    }
    v.push(("000-vs-004".into(), seed("004"), seed("000"), true));
    for n in [300, 1000] {
        let (a, e) = law(n);
        v.push((format!("law-{n}"), a, e, false));
    }
    v
}

/// The real pairs of `../shared/pairs`, if present.
fn dev_pairs() -> Option<Vec<(String, String, String, bool)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pairs");
    let mut v = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("ar.txt").exists())
        .collect();
    dirs.sort();
    for d in dirs {
        let name = d.file_name().unwrap().to_string_lossy().to_string();
        let ar = std::fs::read_to_string(d.join("ar.txt")).ok()?;
        let en = std::fs::read_to_string(d.join("en.txt")).ok()?;
        v.push((format!("pairs/{name}"), ar, en, false));
    }
    Some(v)
}

/// Runs every job; the dumps by job name.
fn run() -> (BTreeMap<String, String>, bool) {
    let mut jobs = pairs();
    let dev = dev_pairs();
    let have_dev = dev.is_some();
    jobs.extend(dev.unwrap_or_default());
    let mut out = BTreeMap::new();
    for (setting, aligner) in settings() {
        for (name, a, b, with_reports) in &jobs {
            let reports = *with_reports && setting == "default";
            out.insert(
                format!("{name} | {setting} | ar,en"),
                dump(aligner.align(a, b), reports),
            );
            out.insert(
                format!("{name} | {setting} | en,ar"),
                dump(aligner.align(b, a), false),
            );
        }
        for s in ["001", "003"] {
            out.insert(
                format!("seed-{s} bilingual | {setting}"),
                dump(aligner.align_bilingual(&seed(s)), setting == "default"),
            );
        }
    }
    (out, have_dev)
}

#[test]
fn alignment_dump_matches_the_expected_digests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let expected_path = root.join("tests/expected/dump.tsv");
    let (dumps, have_dev) = run();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
        .join("dump");
    let _ = std::fs::remove_dir_all(&target);
    std::fs::create_dir_all(&target).unwrap();
    let mut table = String::from("# job\tbytes\tfnv1a64 (written by tests/dump.rs)\n");
    for (name, d) in &dumps {
        let file = name.replace(['/', ' ', '|', ','], "_");
        std::fs::write(target.join(file), d).unwrap();
        writeln!(table, "{name}\t{}\t{:016x}", d.len(), fnv(d.as_bytes())).unwrap();
    }
    if std::env::var_os("LEXALIGN_BLESS").is_some() {
        assert!(have_dev, "bless only with ../shared/pairs present");
        std::fs::write(&expected_path, &table).unwrap();
        println!("wrote {} digests", dumps.len());
        return;
    }
    if !have_dev {
        common::skip_notice("../shared/pairs is absent: the real pairs' jobs are not dumped");
    }
    let expected = std::fs::read_to_string(&expected_path).expect("tests/expected/dump.tsv");
    let mut compared = 0;
    let mut differ = Vec::new();
    for line in expected.lines().filter(|l| !l.starts_with('#')) {
        let name = line.split('\t').next().unwrap();
        let got = match dumps.get(name) {
            Some(d) => format!("{name}\t{}\t{:016x}", d.len(), fnv(d.as_bytes())),
            None if name.starts_with("pairs/") && !have_dev => continue,
            None => format!("{name} is no longer dumped"),
        };
        compared += 1;
        if got != line {
            differ.push(name.to_string());
        }
    }
    let known = expected.lines().filter(|l| !l.starts_with('#')).count();
    println!(
        "{compared} of {} dumps compared with tests/expected/dump.tsv; full dumps in {}",
        dumps.len(),
        target.display()
    );
    assert!(
        differ.is_empty(),
        "{} of {compared} dumps differ (first: {:?})",
        differ.len(),
        &differ[..differ.len().min(10)]
    );
    assert!(
        dumps.len() <= known,
        "{} jobs have no expected digest: rerun with LEXALIGN_BLESS=1",
        dumps.len() - known
    );
}
