//! The `coverage` example as a program: every seed, seed pairs in every
//! format, the exit codes, the error messages and batch mode.
//!
//! The example is built once (`cargo build --example coverage`) and its
//! binary run many times.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use serde_json::Value;

// ------------------------------------------------------------- running --

/// The example binary, built on first use.
fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| common::example_binary("coverage"))
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_with(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(binary());
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("the example runs");
    Run {
        code: status.code().expect("exited normally"),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str]) -> Run {
    run_with(args, &[])
}

fn json(r: &Run) -> Value {
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.stdout))
}

// ------------------------------------------------------------ fixtures --

fn seeds() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    assert!(v.len() >= 5, "the seeds are there");
    v
}

fn seed(prefix: &str) -> PathBuf {
    seeds()
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A fresh folder under the system temp dir.
fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "lexalign-cli-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Splits seed 001 (Arabic first, then English) at the first line holding
/// a Latin letter: (Arabic part, English part).
fn split_001() -> (String, String) {
    let text = std::fs::read_to_string(seed("001_")).unwrap();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.chars().any(|c| c.is_ascii_alphabetic()) {
            break;
        }
        at += line.len();
    }
    let (ar, en) = text.split_at(at);
    assert!(
        !ar.chars().any(|c| c.is_ascii_alphabetic()),
        "the Arabic part has no Latin letters"
    );
    assert!(
        ar.contains("مادة (1)") && en.contains("Article (1)"),
        "split at the right place"
    );
    (ar.to_string(), en.to_string())
}

/// Writes seed 001 as `dir/NAME.ar.txt` and `dir/NAME.en.txt`.
fn write_split(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let (ar, en) = split_001();
    let (a, e) = (
        dir.join(format!("{name}.ar.txt")),
        dir.join(format!("{name}.en.txt")),
    );
    std::fs::write(&a, ar).unwrap();
    std::fs::write(&e, en).unwrap();
    (a, e)
}

/// `text` without the article whose heading line is `heading` (up to the
/// next line starting with "Article").
fn drop_article(text: &str, heading: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.split_inclusive('\n') {
        if line.trim() == heading {
            skipping = true;
            continue;
        }
        if skipping && line.starts_with("Article") {
            skipping = false;
        }
        if !skipping {
            out.push_str(line);
        }
    }
    assert!(out.len() < text.len(), "{heading} was there");
    out
}

// ------------------------------------------------ well-formedness check --

#[test]
fn the_checker_rejects_unbalanced_markup() {
    assert!(common::check_xml("<a><b/></a>").is_ok());
    assert!(common::check_xml("<a><b></a></b>").is_err());
    assert!(common::check_xml("<a x=1/>").is_err());
    assert!(common::check_xml("<a>&bogus;</a>").is_err());
}

/// The keys of the JSON contract (lexalign::export::json), and that the
/// pairs hold every article of both documents exactly once.
fn check_contract(v: &Value) {
    for key in ["arabic", "english", "document", "coverage", "pairs"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    for side in ["arabic", "english"] {
        let d = &v[side];
        assert!(d["title"].is_string() || d["title"].is_null());
        assert!(d["article_count"].is_u64());
        for diag in d["diagnostics"].as_array().expect("diagnostics") {
            assert!(diag["kind"].is_string() && diag["message"].is_string());
        }
    }
    assert!(v["document"]["same_law"].is_boolean());
    assert!(v["document"]["score"].is_number());
    assert!(v["document"]["reasons"].is_array());
    for key in [
        "arabic_articles",
        "english_articles",
        "matched_pairs",
        "arabic_coverage",
        "english_coverage",
    ] {
        assert!(v["coverage"][key].is_number(), "coverage.{key}");
    }
    let pairs = v["pairs"].as_array().expect("pairs");
    for (side, count) in [
        ("arabic", &v["arabic"]["article_count"]),
        ("english", &v["english"]["article_count"]),
    ] {
        let mut seen: Vec<u64> = pairs
            .iter()
            .flat_map(|p| p[side].as_array().expect("side array").iter())
            .map(|a| {
                assert!(a["label"].is_string() || a["label"].is_null());
                assert!(a["heading"].is_string());
                a["index"].as_u64().expect("index")
            })
            .collect();
        seen.sort_unstable();
        assert_eq!(
            seen,
            (0..count.as_u64().unwrap()).collect::<Vec<_>>(),
            "{side} articles"
        );
    }
    for p in pairs {
        assert!(p["confidence"].is_number());
        assert!(p["flags"].as_array().unwrap().iter().all(Value::is_string));
        for key in [
            "label_match",
            "numbers_only_arabic",
            "numbers_only_english",
            "length_ratio",
            "lexical",
            "score",
        ] {
            assert!(p["evidence"].get(key).is_some(), "evidence.{key}");
        }
        let lexical = &p["evidence"]["lexical"];
        assert!(lexical.is_null() || (0.0..=1.0).contains(&lexical.as_f64().unwrap()));
    }
}

fn pairs(v: &Value) -> &Vec<Value> {
    v["pairs"].as_array().unwrap()
}

fn one_sided(p: &Value) -> bool {
    p["arabic"].as_array().unwrap().is_empty() || p["english"].as_array().unwrap().is_empty()
}

fn has_flag(p: &Value, flag: &str) -> bool {
    p["flags"].as_array().unwrap().iter().any(|f| f == flag)
}

// --------------------------------------------------------------- seeds --

#[test]
fn every_seed_alone() {
    let mut aligned = 0;
    for path in seeds() {
        let r = run(&["--format", "json", s(&path)]);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match r.code {
            0 => {
                let v = json(&r);
                check_contract(&v);
                assert!(
                    r.stderr.contains(&format!("{name}: Arabic, "))
                        && r.stderr.contains("English, "),
                    "{name}: languages said on stderr: {}",
                    r.stderr
                );
                aligned += 1;
            }
            2 => {
                assert!(
                    r.stdout.is_empty(),
                    "{name}: nothing on stdout after an error"
                );
                assert!(
                    r.stderr.contains("error: ") && r.stderr.contains(&name),
                    "{name}: {}",
                    r.stderr
                );
                assert!(
                    r.stderr.contains("only English text")
                        || r.stderr.contains("only Arabic text")
                        || r.stderr.contains("no articles found"),
                    "{name}: {}",
                    r.stderr
                );
            }
            c => panic!("{name}: exit code {c}: {}", r.stderr),
        }
    }
    assert!(aligned >= 2, "seeds 001 and 003 are bilingual");
    for prefix in ["001_", "003_"] {
        assert_eq!(
            run(&["--format", "json", s(&seed(prefix))]).code,
            0,
            "{prefix}"
        );
    }
}

#[test]
fn a_pair_in_either_order_gives_the_same_pairs() {
    let dir = temp_dir("order");
    let (ar, en) = write_split(&dir, "law");
    let a = run(&["--format", "json", s(&ar), s(&en)]);
    let b = run(&["--format", "json", s(&en), s(&ar)]);
    let (va, vb) = (json(&a), json(&b));
    check_contract(&va);
    assert_eq!(va["pairs"], vb["pairs"]);
    let n_ar = va["arabic"]["article_count"].as_u64().unwrap();
    let n_en = va["english"]["article_count"].as_u64().unwrap();
    assert!(n_ar > 0 && n_en > 0);
    assert!(
        a.stderr
            .contains(&format!("law.ar.txt: Arabic, {n_ar} articles")),
        "{}",
        a.stderr
    );
    assert!(
        a.stderr
            .contains(&format!("law.en.txt: English, {n_en} articles")),
        "{}",
        a.stderr
    );
    // The split pair gives what the bilingual seed gives.
    let whole = json(&run(&["--format", "json", s(&seed("001_"))]));
    assert_eq!(
        whole["coverage"]["matched_pairs"],
        va["coverage"]["matched_pairs"]
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn every_format_on_a_pair() {
    let dir = temp_dir("formats");
    let (ar, en) = write_split(&dir, "law");
    let v = json(&run(&["--format", "json", s(&ar), s(&en)]));
    let n = pairs(&v).len();
    assert!(n > 0);

    // text: plain when piped, coloured on request, never with NO_COLOR.
    let t = run(&[s(&ar), s(&en)]);
    assert_eq!(t.code, 0);
    assert!(!t.stdout.contains('\x1b'), "no colour when piped");
    assert!(t.stdout.contains("Summary") && t.stdout.contains("Arabic → English"));
    let c = run(&["--color", "always", s(&ar), s(&en)]);
    assert!(c.stdout.contains("\x1b["));
    let nc = run_with(&[s(&ar), s(&en)], &[("NO_COLOR", "1")]);
    assert_eq!(nc.stdout, t.stdout);

    // tsv: a header and one row per pair, fixed columns.
    let tsv = run(&["--format", "tsv", s(&ar), s(&en)]);
    assert_eq!(tsv.code, 0);
    let rows: Vec<&str> = tsv.stdout.lines().collect();
    assert_eq!(rows.len(), n + 1);
    let cols = rows[0].split('\t').count();
    assert!(cols > 5 && rows.iter().all(|r| r.split('\t').count() == cols));

    // tmx: well-formed, one unit per matched pair at or above the threshold.
    for min in ["0", "0.9"] {
        let tmx = run(&["--format", "tmx", "--min-confidence", min, s(&ar), s(&en)]);
        assert_eq!(tmx.code, 0);
        let (root, _) = common::check_xml(&tmx.stdout).unwrap_or_else(|e| panic!("TMX: {e}"));
        assert_eq!(root, "tmx");
        let min: f64 = min.parse().unwrap();
        let expected = pairs(&v)
            .iter()
            .filter(|p| !one_sided(p) && p["confidence"].as_f64().unwrap() >= min)
            .count();
        assert_eq!(tmx.stdout.matches("<tu ").count(), expected, "min {min}");
        assert_eq!(
            tmx.stdout.matches("<tuv xml:lang=\"ar\">").count(),
            expected
        );
        assert_eq!(
            tmx.stdout.matches("<tuv xml:lang=\"en\">").count(),
            expected
        );
    }

    // html: well-formed, side by side, one row group per pair.
    let html = run(&["--format", "html", s(&ar), s(&en)]);
    assert_eq!(html.code, 0);
    let (root, _) = common::check_xml(&html.stdout).unwrap_or_else(|e| panic!("HTML: {e}"));
    assert_eq!(root, "html");
    assert!(html.stdout.contains("dir=\"rtl\"") && html.stdout.contains("lang=\"ar\""));
    assert_eq!(
        common::between(&html.stdout, "<tbody class=\"pair ", "</tbody>").len(),
        n
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn output_goes_to_the_named_file() {
    let dir = temp_dir("output");
    let out = dir.join("report.json");
    let r = run(&["--format", "json", "--output", s(&out), s(&seed("001_"))]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let direct = run(&["--format", "json", s(&seed("001_"))]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), direct.stdout);
    let bad = run(&[
        "--output",
        s(&dir.join("no/such/dir/x.txt")),
        s(&seed("001_")),
    ]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("cannot write"), "{}", bad.stderr);
    let _ = std::fs::remove_dir_all(dir);
}

// ---------------------------------------------------------- exit codes --

#[test]
fn fail_on_agrees_with_the_report() {
    let dir = temp_dir("failon");
    let (ar, en) = write_split(&dir, "law");
    // A copy with one English article removed: its Arabic article is alone.
    let short = dir.join("short.en.txt");
    std::fs::write(
        &short,
        drop_article(&std::fs::read_to_string(&en).unwrap(), "Article (5)"),
    )
    .unwrap();
    let mut codes = Vec::new();
    for english in [&en, &short] {
        for min in ["0.5", "1"] {
            let v = json(&run(&[
                "--format",
                "json",
                "--min-confidence",
                min,
                s(&ar),
                s(english),
            ]));
            let any_one_sided = pairs(&v).iter().any(one_sided);
            let any_partial = pairs(&v).iter().any(|p| has_flag(p, "likely_partial"));
            let any_problem = pairs(&v).iter().any(|p| p["status"] != "ok");
            for (what, expect) in [
                ("one-sided", any_one_sided),
                ("partial", any_partial),
                ("any", any_problem),
            ] {
                let r = run(&[
                    "--fail-on",
                    what,
                    "--min-confidence",
                    min,
                    s(&ar),
                    s(english),
                ]);
                let want = if expect { 1 } else { 0 };
                assert_eq!(
                    r.code,
                    want,
                    "--fail-on {what} --min-confidence {min} {}: {}",
                    english.display(),
                    r.stderr
                );
                if expect {
                    assert!(
                        r.stderr.contains(&format!("--fail-on {what}")),
                        "{}",
                        r.stderr
                    );
                }
                assert!(
                    !r.stdout.is_empty(),
                    "the report is written even when failing"
                );
                codes.push(r.code);
            }
            if english == &short {
                assert!(
                    any_one_sided,
                    "dropping Article (5) leaves an Arabic article alone"
                );
            }
        }
    }
    assert!(codes.contains(&0) && codes.contains(&1), "{codes:?}");
    let _ = std::fs::remove_dir_all(dir);
}

// -------------------------------------------------------------- errors --

fn error(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(
        r.code, 2,
        "{args:?} should fail with 2; stderr: {}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
    r.stderr
}

#[test]
fn missing_file() {
    let e = error(&["no/such/file.txt"]);
    assert!(
        e.contains("no/such/file.txt") && e.contains("no such file"),
        "{e}"
    );
    let e = error(&[s(&seed("001_")), "missing-english.txt"]);
    assert!(e.contains("missing-english.txt: no such file"), "{e}");
}

#[test]
fn not_utf8_names_the_offset() {
    let dir = temp_dir("utf8");
    for (i, prefix) in ["Article (1)\nThe law applies. ", "مادة (1)\nنص "]
        .iter()
        .enumerate()
    {
        let mut bytes = prefix.as_bytes().to_vec();
        let offset = bytes.len();
        bytes.extend_from_slice(b"\xff\xfe more\n");
        let path = dir.join(format!("latin1-{i}.txt"));
        std::fs::write(&path, &bytes).unwrap();
        let e = error(&[s(&path)]);
        assert!(e.contains(&format!("latin1-{i}.txt: not UTF-8")), "{e}");
        assert!(
            e.contains(&format!("offset {offset}")),
            "offset {offset}: {e}"
        );
        let e = error(&[s(&seed("001_")), s(&path)]);
        assert!(e.contains(&format!("offset {offset}")), "{e}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn no_articles() {
    let news = seed("002_");
    let e = error(&[s(&news)]);
    assert!(
        e.contains(news.file_name().unwrap().to_str().unwrap()),
        "{e}"
    );
    assert!(
        e.contains("no articles found") && e.contains("may not be legislation"),
        "{e}"
    );
    let dir = temp_dir("empty");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n\n").unwrap();
    let e = error(&[s(&empty)]);
    assert!(e.contains("empty.txt") && e.contains("empty"), "{e}");
    let e = error(&[s(&dir)]);
    assert!(e.contains("folder"), "{e}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn same_language_twice() {
    let en = seed("000_");
    let e = error(&[s(&en), s(&en)]);
    assert!(e.contains("both in English"), "{e}");
    let ar = seed("004_");
    let e = error(&[s(&ar), s(&ar)]);
    assert!(e.contains("both in Arabic"), "{e}");
}

#[test]
fn one_language_only() {
    let e = error(&[s(&seed("000_"))]);
    assert!(e.contains("only English text was found"), "{e}");
    assert!(e.contains("Arabic version is needed"), "{e}");
    let e = error(&[s(&seed("004_"))]);
    assert!(
        e.contains("only Arabic text was found") && e.contains("English version is needed"),
        "{e}"
    );
}

#[test]
fn different_laws_are_not_the_same_law() {
    // 004 (Arabic) and 000 (English) are two different laws.
    let v = json(&run(&[
        "--format",
        "json",
        s(&seed("004_")),
        s(&seed("000_")),
    ]));
    check_contract(&v);
    assert_eq!(v["document"]["same_law"], false, "{}", v["document"]);
}

#[test]
fn uncertain_below_and_its_alias_agree() {
    let file = seed("003_");
    let new = json(&run(&[
        "--format",
        "json",
        "--uncertain-below",
        "0.99",
        s(&file),
    ]));
    let old = json(&run(&[
        "--format",
        "json",
        "--min-confidence",
        "0.99",
        s(&file),
    ]));
    assert_eq!(new, old);
    assert_eq!(new["uncertain_below"], 0.99);
    let statuses: Vec<&str> = pairs(&new)
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert!(statuses
        .iter()
        .all(|s| ["ok", "uncertain", "flagged", "one_sided"].contains(s)));
}

#[test]
fn usage_errors_exit_2() {
    error(&[]);
    error(&["--format", "pdf", s(&seed("001_"))]);
    error(&["--min-confidence", "2", s(&seed("001_"))]);
    error(&["--min-confidence", "x", s(&seed("001_"))]);
    error(&["--uncertain-below", "-0.1", s(&seed("001_"))]);
    error(&["--fail-on", "everything", s(&seed("001_"))]);
    error(&[s(&seed("001_")), s(&seed("001_")), s(&seed("001_"))]);
    error(&["--batch", "seeds", s(&seed("001_"))]);
    error(&["--no-such-option"]);
    let help = run(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("--fail-on") && help.stdout.contains("Exit codes"));
}

// --------------------------------------------------------------- batch --

fn batch_folder() -> PathBuf {
    let dir = temp_dir("batch");
    for p in seeds() {
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    write_split(&dir, "split001");
    // An Arabic half with no English partner.
    std::fs::write(dir.join("lonely.ar.txt"), split_001().0).unwrap();
    // Not UTF-8 (Windows-1256 bytes).
    std::fs::write(dir.join("bad.txt"), b"\xe3\xc7\xcf\xc9 (1)\n\xe4\xd5\n").unwrap();
    // Not a .txt file: ignored.
    std::fs::write(dir.join("notes.md"), "# notes\n").unwrap();
    // Unreadable: a link to nothing.
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("no-such-target"), dir.join("gone.txt")).unwrap();
    dir
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .collect()
}

#[test]
fn batch_aligns_the_good_and_reports_the_bad() {
    let dir = batch_folder();
    let r = run(&["--batch", s(&dir)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let docs = lines(&r.stdout);
    let names: Vec<&str> = docs.iter().map(|d| d["name"].as_str().unwrap()).collect();
    let mut expected: Vec<String> = seeds()
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    expected.extend(["split001", "lonely.ar", "bad"].map(String::from));
    if cfg!(unix) {
        expected.push("gone".into());
    }
    expected.sort();
    assert_eq!(names, expected);
    let by_name = |n: &str| docs.iter().find(|d| d["name"] == n).unwrap();

    for d in &docs {
        assert_eq!(d["version"], lexalign::export::batch::VERSION, "{d}");
        let status = d["status"].as_str().unwrap();
        assert!(status == "ok" || status == "error");
        assert!(!d["files"].as_array().unwrap().is_empty());
        if status == "ok" {
            assert!(d["coverage"]["arabic_coverage"].is_number(), "{d}");
            assert!(d["verdict"]["same_law"].is_boolean(), "{d}");
            assert!(d["flags"].is_object() && d["error"].is_null(), "{d}");
        } else {
            assert!(d["error"].is_string() && d["coverage"].is_null(), "{d}");
        }
    }
    // Seeds 001 and 003 and the split pair are aligned.
    for d in docs.iter().filter(|d| {
        let n = d["name"].as_str().unwrap();
        n.starts_with("001_") || n.starts_with("003_") || n == "split001"
    }) {
        assert_eq!(d["status"], "ok", "{d}");
    }
    let split = by_name("split001");
    assert_eq!(split["files"].as_array().unwrap().len(), 2);
    // It agrees with a two-file run.
    let single = json(&run(&[
        "--format",
        "json",
        s(&dir.join("split001.ar.txt")),
        s(&dir.join("split001.en.txt")),
    ]));
    assert_eq!(split["coverage"], single["coverage"]);
    assert_eq!(split["verdict"], single["document"]);
    // The bad ones are reported with the reason.
    let bad = by_name("bad");
    assert_eq!(bad["status"], "error");
    assert!(
        bad["error"].as_str().unwrap().contains("not UTF-8"),
        "{bad}"
    );
    if cfg!(unix) {
        let gone = by_name("gone");
        assert_eq!(gone["status"], "error");
        assert!(
            gone["error"].as_str().unwrap().contains("gone.txt"),
            "{gone}"
        );
    }
    let news = docs
        .iter()
        .find(|d| d["name"].as_str().unwrap().starts_with("002_"))
        .unwrap();
    assert!(
        news["error"].as_str().unwrap().contains("no articles"),
        "{news}"
    );
    let lonely = by_name("lonely.ar");
    assert!(
        lonely["error"].as_str().unwrap().contains("lonely.en.txt"),
        "{lonely}"
    );
    // The summary table on stderr.
    let ok = docs.iter().filter(|d| d["status"] == "ok").count();
    assert!(
        r.stderr.contains(&format!(
            "{} documents: {ok} aligned, {} failed",
            docs.len(),
            docs.len() - ok
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("split001") && r.stderr.contains("not UTF-8"),
        "{}",
        r.stderr
    );

    // One worker gives the same lines.
    let serial = run(&["--batch", s(&dir), "--jobs", "1", "--quiet"]);
    assert_eq!(serial.stdout, r.stdout);
    assert!(serial.stderr.is_empty(), "{}", serial.stderr);
    // --fail-on any counts the failures.
    assert_eq!(run(&["--batch", s(&dir), "--fail-on", "any", "-q"]).code, 1);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn batch_folder_errors() {
    let e = error(&["--batch", "no/such/folder"]);
    assert!(
        e.contains("no/such/folder") && e.contains("cannot read the folder"),
        "{e}"
    );
    let dir = temp_dir("batch-empty");
    let e = error(&["--batch", s(&dir)]);
    assert!(e.contains("no *.txt files"), "{e}");
    let e = error(&["--batch", "seeds", "--format", "tmx"]);
    assert!(e.contains("JSON Lines"), "{e}");
    let _ = std::fs::remove_dir_all(dir);
}

// --------------------------------------------------------- renumbering --

/// A 224-article law whose English drops article 42 and renumbers the
/// rest: the tool reports the run once, and the renumbered pairs are not
/// problems (`--only-problems`, the JSON status, `--fail-on any` counts).
#[test]
fn renumbering_is_not_a_problem_per_pair() {
    let dir = temp_dir("renumbered");
    let (ar, en) = common::law::law(224);
    let doc = lexalign::parse_document(&en).unwrap();
    let mut side = common::perturb::Side::from(&en, &doc);
    side.delete(&[41]);
    side.renumber();
    let (ar_path, en_path, full_en) = (
        dir.join("law.ar.txt"),
        dir.join("law.en.txt"),
        dir.join("full.en.txt"),
    );
    std::fs::write(&ar_path, &ar).unwrap();
    std::fs::write(&en_path, side.render()).unwrap();
    std::fs::write(&full_en, &en).unwrap();
    let problems = |english: &Path| {
        let v = json(&run(&["--format", "json", s(&ar_path), s(english)]));
        let n = pairs(&v).iter().filter(|p| p["status"] != "ok").count();
        let mismatches = pairs(&v)
            .iter()
            .filter(|p| has_flag(p, "label_mismatch"))
            .count();
        (v, n, mismatches)
    };
    let (_, before, _) = problems(&full_en);
    let (v, after, mismatches) = problems(&en_path);
    assert_eq!(mismatches, 0);
    assert_eq!(
        v["renumbering"].as_array().unwrap().len(),
        1,
        "{}",
        v["renumbering"]
    );
    assert!(after <= before + 2, "{after} problems against {before}");
    let r = run(&["--only-problems", s(&ar_path), s(&en_path)]);
    let sentence = "English numbering runs 1 below the Arabic from Arabic 43 to 224";
    assert_eq!(r.stdout.matches(sentence).count(), 1, "{}", r.stdout);
    let r = run(&["--fail-on", "any", "-q", s(&ar_path), s(&en_path)]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(&format!("{after} of ")), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

// ------------------------------------------------------- unsafe inputs --

/// Runs the example with `stdin` from a file, killed after `secs` seconds
/// (`None`: it hung).
fn run_limited(args: &[&str], stdin: Option<&Path>, secs: u64) -> Option<Run> {
    use std::process::Stdio;
    let mut cmd = Command::new(binary());
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match stdin {
        Some(p) => cmd.stdin(std::fs::File::open(p).unwrap()),
        None => cmd.stdin(Stdio::null()),
    };
    let mut child = cmd.spawn().expect("the example runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Some(Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    })
}

#[test]
fn output_over_an_input_is_refused() {
    let dir = temp_dir("output-input");
    let (ar, en) = write_split(&dir, "law");
    let both = dir.join("both.txt");
    std::fs::copy(seed("001_"), &both).unwrap();
    let before = std::fs::read(&both).unwrap();
    let e = error(&[s(&both), "--output", s(&both)]);
    assert!(e.contains("would overwrite"), "{e}");
    #[cfg(unix)]
    {
        let link = dir.join("link.out");
        std::os::unix::fs::symlink(&both, &link).unwrap();
        let e = error(&[s(&both), "-o", s(&link)]);
        assert!(e.contains("would overwrite"), "{e}");
    }
    let e = error(&[s(&dir.join(".").join("both.txt")), "-o", s(&both)]);
    assert!(e.contains("would overwrite"), "{e}");
    assert_eq!(std::fs::read(&both).unwrap(), before, "the input is intact");
    let english = std::fs::read(&en).unwrap();
    for args in [[s(&ar), s(&en)], [s(&en), s(&ar)]] {
        let e = error(&[args[0], args[1], "--format", "tsv", "-o", s(&en)]);
        assert!(e.contains("would overwrite"), "{e}");
    }
    assert_eq!(std::fs::read(&en).unwrap(), english);
    // Batch: an input of the folder, or a new *.txt a later run would read.
    let e = error(&["--batch", s(&dir), "-o", s(&en)]);
    assert!(e.contains("would overwrite"), "{e}");
    assert_eq!(std::fs::read(&en).unwrap(), english);
    let e = error(&["--batch", s(&dir), "-o", s(&dir.join("report.txt"))]);
    assert!(e.contains("batch folder"), "{e}");
    assert!(!dir.join("report.txt").exists());
    // A report the batch does not read is fine.
    let report = dir.join("report.jsonl");
    let r = run(&["--batch", s(&dir), "-q", "-o", s(&report)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_not_waited_for() {
    let dir = temp_dir("fifo");
    std::fs::copy(seed("001_"), dir.join("a.txt")).unwrap();
    std::fs::copy(seed("001_"), dir.join("c.txt")).unwrap();
    let fifo = dir.join("b.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let r = run_limited(&[s(&fifo)], None, 20).expect("a FIFO must not hang the tool");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("b.txt: is a FIFO, not a regular file"),
        "{}",
        r.stderr
    );
    let r = run_limited(&["--batch", s(&dir), "-q"], None, 60).expect("nor a batch");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let docs = lines(&r.stdout);
    let names: Vec<&str> = docs.iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["a", "b", "c"]);
    assert!(
        docs[1]["error"].as_str().unwrap().contains("FIFO"),
        "{}",
        docs[1]
    );
    assert_eq!(docs[2]["status"], "ok");
    let e = error(&["/dev/null"]);
    assert!(e.contains("not a regular file"), "{e}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn size_limit_and_stdin() {
    let path = seed("001_");
    let e = error(&["--max-size", "1K", s(&path)]);
    assert!(e.contains("larger than the limit of 1024 bytes"), "{e}");
    let r = run_limited(&["-", "--format", "json"], Some(&path), 60).unwrap();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json(&r)["pairs"].as_array().unwrap().len(), 28);
    let r = run_limited(&["--max-size", "1K", "-"], Some(&path), 60).unwrap();
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("stdin: larger than the limit"),
        "{}",
        r.stderr
    );
}

#[test]
fn utf16_is_read_and_binary_is_refused() {
    let dir = temp_dir("encodings");
    let text = std::fs::read_to_string(seed("001_")).unwrap();
    let units: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let with_bom = [&[0xff, 0xfe][..], &units].concat();
    let big_endian: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("le", &units), ("bom", &with_bom), ("be", &big_endian)] {
        let path = dir.join(format!("{name}.txt"));
        std::fs::write(&path, bytes).unwrap();
        let r = run(&[s(&path), "--format", "json"]);
        assert_eq!(json(&r)["pairs"].as_array().unwrap().len(), 28, "{name}");
    }
    let nul = dir.join("nul.txt");
    std::fs::write(&nul, vec![0u8; 4096]).unwrap();
    let e = error(&[s(&nul)]);
    assert!(
        e.contains("nul.txt: not UTF-8 or UTF-16 text, looks like a binary file"),
        "{e}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn terminal_escapes_do_not_reach_the_terminal() {
    let dir = temp_dir("escapes");
    let (ar, en) = split_001();
    let taint = |t: &str| t.replacen('\n', "\x1b]0;owned\x07\x1b[2J\n", 1);
    let path = dir.join("hostile.txt");
    std::fs::write(&path, taint(&ar) + &taint(&en)).unwrap();
    for color in ["never", "always"] {
        let r = run(&[s(&path), "--color", color]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            !r.stdout.contains('\x07')
                && !r.stdout.contains("\x1b]")
                && !r.stdout.contains("\x1b[2J"),
            "{color}: {:?}",
            r.stdout
        );
        assert_eq!(color == "always", r.stdout.contains('\x1b'));
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn jobs_needs_batch() {
    let e = error(&["--jobs", "2", s(&seed("001_"))]);
    assert!(e.contains("--batch"), "{e}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_utf8_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("non-utf8-name");
    let name = std::ffi::OsStr::from_bytes(b"law\xff.txt");
    std::fs::copy(seed("001_"), dir.join(name)).unwrap();
    let r = run(&["--batch", s(&dir), "-q"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let docs = lines(&r.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["status"], "ok", "{}", docs[0]);
    let _ = std::fs::remove_dir_all(dir);
}
