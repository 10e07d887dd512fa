//! The `structure` example end to end: how the library sees each seed.

mod common;

use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

fn binary() -> &'static std::path::Path {
    static BIN: OnceLock<std::path::PathBuf> = OnceLock::new();
    BIN.get_or_init(|| common::example_binary("structure"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(prefix: &str) -> Value {
    let path = common::seed_path(prefix);
    let (code, out, err) = run(&[path.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn labels(doc: &Value) -> Vec<String> {
    doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["label"].as_str().unwrap_or("-").to_string())
        .collect()
}

#[test]
fn json_for_every_seed_follows_the_shape() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let v = json(prefix);
        let docs = v["documents"].as_array().unwrap();
        assert!(!docs.is_empty());
        for d in docs {
            assert!(
                matches!(d["language"].as_str(), Some("ar" | "en")),
                "{prefix}"
            );
            assert!(d["divisions"].is_array() && d["diagnostics"].is_array());
            for (i, a) in d["articles"].as_array().unwrap().iter().enumerate() {
                assert_eq!(a["index"].as_u64(), Some(i as u64));
                assert!(a["label"].is_string() || a["label"].is_null());
                assert!(a["heading"].is_string());
                assert!(a["items"].is_u64());
                assert!(a["division"].is_u64() || a["division"].is_null());
            }
        }
    }
}

#[test]
fn seed_001_labels_and_lists() {
    let v = json("001");
    let docs = v["documents"].as_array().unwrap();
    let ar = docs.iter().find(|d| d["language"] == "ar").unwrap();
    let en = docs.iter().find(|d| d["language"] == "en").unwrap();
    let want: Vec<String> = (1..=28).map(|n| n.to_string()).collect();
    assert_eq!(labels(ar), want);
    assert_eq!(labels(en), want);
    assert_eq!(ar["articles"][3]["items"], 11);
    assert_eq!(en["articles"][3]["items"], 0);
}

#[test]
fn seed_002_says_no_articles() {
    let v = json("002");
    let d = &v["documents"][0];
    assert_eq!(d["articles"].as_array().unwrap().len(), 0);
    assert!(d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["kind"] == "no_articles"));
}

#[test]
fn listing_and_errors() {
    let path = common::seed_path("004");
    let (code, out, _) = run(&[path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Arabic document") && out.contains("104 articles"),
        "{out}"
    );
    assert!(out.contains("DuplicateNumber"));
    let (code, _, err) = run(&["no/such/file.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.txt"), "{err}");
}

#[test]
fn listing_strips_terminal_escapes() {
    let dir = std::env::temp_dir().join(format!("lexalign-structure-{}-esc", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("hostile.txt");
    let text = "Labour\x1b]0;owned\x07 Law\x1b[2J\nArticle (1)\x07\nText.\nArticle (2)\nText.\n";
    std::fs::write(&path, text).unwrap();
    let (code, out, err) = run(&[path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Labour") && out.contains("Law"), "{out}");
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn binary_and_special_files_are_refused() {
    let dir = std::env::temp_dir().join(format!("lexalign-structure-{}-bin", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("zeros.txt");
    std::fs::write(&path, vec![0u8; 100_000]).unwrap();
    for json in [false, true] {
        let mut args = vec![path.to_str().unwrap()];
        if json {
            args.push("--json");
        }
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{out}");
        assert!(
            out.is_empty() && err.contains("looks like a binary file"),
            "{err}"
        );
    }
    #[cfg(unix)]
    {
        let (code, _, err) = run(&["/dev/zero", "--json"]);
        assert_eq!(code, 2);
        assert!(err.contains("not a regular file"), "{err}");
    }
    let (code, _, err) = run(&[
        "--max-size",
        "1K",
        common::seed_path("001").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("larger than the limit"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_closed_stdout_ends_quietly() {
    use std::io::Read;
    let dir = std::env::temp_dir().join(format!("lexalign-structure-{}-pipe", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("long.txt");
    let (ar, en) = common::law::law(3000);
    std::fs::write(&path, ar + &en).unwrap();
    for json in [false, true] {
        let mut cmd = Command::new(binary());
        cmd.arg(&path).stdout(std::process::Stdio::piped());
        cmd.stderr(std::process::Stdio::piped());
        if json {
            cmd.arg("--json");
        }
        let mut child = cmd.spawn().unwrap();
        let mut head = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap();
        // The pipe is closed here, like `| head`.
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}
