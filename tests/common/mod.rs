//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

pub mod gold;
pub mod law;
pub mod lines;
pub mod pathological;
pub mod perturb;

/// Builds an example with the profile the tests run under and returns its
/// executable.
pub fn example_binary(name: &str) -> PathBuf {
    let mut args = vec![
        "build",
        "--quiet",
        "--example",
        name,
        "--message-format=json",
    ];
    if !cfg!(debug_assertions) {
        args.push("--release");
    }
    let out = Command::new(env!("CARGO"))
        .args(&args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "building the example failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["reason"] == "compiler-artifact" && v["target"]["name"] == name)
        .find_map(|v| v["executable"].as_str().map(PathBuf::from))
        .expect("cargo names the example's executable")
}

/// The seed file whose name starts with `prefix`.
pub fn seed_path(prefix: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} missing"))
}

/// The (Arabic index, English index) links of a parallel text, in pair
/// order.
pub fn links(pt: &lexalign::ParallelText) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    for p in pt.pairs() {
        for a in &p.arabic {
            for e in &p.english {
                v.push((a.index, e.index));
            }
        }
    }
    v
}

/// The text of the seed whose file name starts with `prefix`.
pub fn seed_text(prefix: &str) -> String {
    std::fs::read_to_string(seed_path(prefix)).unwrap()
}

/// The canonical labels of a document's articles (`-` when unnumbered).
pub fn labels(d: &lexalign::Document) -> Vec<String> {
    d.articles
        .iter()
        .map(|a| a.label.as_ref().map_or("-".into(), ToString::to_string))
        .collect()
}

const EN_UNITS: [&str; 20] = [
    "",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety",
];

/// `n` (1–999) in English words, as in `Article Twenty-One`.
pub fn english_words(n: u32) -> String {
    let mut parts = Vec::new();
    if n >= 100 {
        parts.push(format!("{} Hundred", EN_UNITS[(n / 100) as usize]));
    }
    let r = n % 100;
    if r > 0 {
        if r < 20 {
            parts.push(EN_UNITS[r as usize].to_string());
        } else if r % 10 == 0 {
            parts.push(EN_TENS[(r / 10) as usize].to_string());
        } else {
            parts.push(format!(
                "{}-{}",
                EN_TENS[(r / 10) as usize],
                EN_UNITS[(r % 10) as usize]
            ));
        }
    }
    parts.join(" ")
}

const AR_FEM: [&str; 11] = [
    "",
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
    "العاشرة",
];
const AR_FEM_TEEN: [&str; 10] = [
    "",
    "الحادية",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
];
const AR_TENS: [&str; 10] = [
    "",
    "",
    "العشرون",
    "الثلاثون",
    "الأربعون",
    "الخمسون",
    "الستون",
    "السبعون",
    "الثمانون",
    "التسعون",
];

/// Feminine ordinal with the article (1–199), as in `المادة الخامسة والعشرون`.
pub fn arabic_ordinal(n: u32) -> String {
    let below = |r: u32| -> String {
        match r {
            1..=10 => AR_FEM[r as usize].to_string(),
            11..=19 => format!("{} عشرة", AR_FEM_TEEN[(r - 10) as usize]),
            _ if r % 10 == 0 => AR_TENS[(r / 10) as usize].to_string(),
            _ => format!(
                "{} و{}",
                AR_FEM_TEEN[(r % 10) as usize],
                AR_TENS[(r / 10) as usize]
            ),
        }
    };
    match n {
        1..=99 => below(n),
        100 => "المائة".into(),
        101..=199 => format!("{} بعد المائة", below(n - 100)),
        _ => panic!("ordinal {n} not needed by the tests"),
    }
}

/// Checks that `s` is well-formed XML (an optional prolog and doctype,
/// comments, one root element, balanced tags, quoted and unique
/// attributes, valid entities, no characters illegal in XML 1.0). Returns
/// the root element's name and the number of elements.
pub fn check_xml(s: &str) -> Result<(String, usize), String> {
    fn name_len(s: &str) -> usize {
        s.char_indices()
            .find(|&(i, c)| {
                !(c.is_alphanumeric() || c == '_' || c == ':' || (i > 0 && (c == '-' || c == '.')))
            })
            .map_or(s.len(), |(i, _)| i)
    }
    fn check_text(t: &str, at: usize) -> Result<(), String> {
        if let Some(c) = t.chars().find(|&c| {
            !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        }) {
            return Err(format!("illegal character {c:?} near byte {at}"));
        }
        let mut rest = t;
        while let Some(i) = rest.find('&') {
            let after = &rest[i + 1..];
            let end = after
                .find(';')
                .ok_or_else(|| format!("unterminated entity near byte {at}"))?;
            let ent = &after[..end];
            let ok = matches!(ent, "amp" | "lt" | "gt" | "quot" | "apos")
                || ent
                    .strip_prefix("#x")
                    .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
                || ent
                    .strip_prefix('#')
                    .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
            if !ok {
                return Err(format!("bad entity &{ent}; near byte {at}"));
            }
            rest = &after[end + 1..];
        }
        Ok(())
    }
    let mut stack: Vec<String> = Vec::new();
    let mut root: Option<String> = None;
    let mut count = 0;
    let mut pos = 0;
    let b = s.as_bytes();
    while pos < s.len() {
        let lt = s[pos..].find('<').map_or(s.len(), |i| pos + i);
        let text = &s[pos..lt];
        if text.contains('>') && !stack.is_empty() {
            // '>' is allowed in text; nothing to do.
        }
        if stack.is_empty() && !text.trim().is_empty() {
            return Err(format!(
                "text outside the root element near byte {pos}: {:?}",
                text.trim()
            ));
        }
        check_text(text, pos)?;
        if lt >= s.len() {
            break;
        }
        let rest = &s[lt..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").ok_or("unterminated comment")?;
            pos = lt + end + 3;
        } else if rest.starts_with("<?") {
            if lt != 0 || root.is_some() {
                return Err(format!(
                    "processing instruction not at the start (byte {lt})"
                ));
            }
            pos = lt + rest.find("?>").ok_or("unterminated <?")? + 2;
        } else if rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype") {
            if root.is_some() {
                return Err("doctype after the root".into());
            }
            pos = lt + rest.find('>').ok_or("unterminated doctype")? + 1;
        } else if let Some(close) = rest.strip_prefix("</") {
            let n = name_len(close);
            let name = &close[..n];
            let after = close[n..].trim_start();
            if n == 0 || !after.starts_with('>') {
                return Err(format!("bad end tag near byte {lt}"));
            }
            match stack.pop() {
                Some(open) if open == name => {}
                Some(open) => return Err(format!("</{name}> closes <{open}> near byte {lt}")),
                None => return Err(format!("</{name}> with nothing open near byte {lt}")),
            }
            pos = lt + 2 + n + (close[n..].len() - after.len()) + 1;
        } else {
            let inner = &rest[1..];
            let n = name_len(inner);
            if n == 0 {
                return Err(format!("bad tag near byte {lt}"));
            }
            let name = inner[..n].to_string();
            let mut i = lt + 1 + n;
            let mut attrs = BTreeSet::new();
            let self_closing;
            loop {
                let ws = s[i..].len() - s[i..].trim_start().len();
                i += ws;
                if s[i..].starts_with("/>") {
                    self_closing = true;
                    i += 2;
                    break;
                }
                if s[i..].starts_with('>') {
                    self_closing = false;
                    i += 1;
                    break;
                }
                if ws == 0 {
                    return Err(format!(
                        "attribute not separated by space in <{name}> near byte {i}"
                    ));
                }
                let an = name_len(&s[i..]);
                if an == 0 {
                    return Err(format!("bad attribute in <{name}> near byte {i}"));
                }
                let aname = s[i..i + an].to_string();
                if !attrs.insert(aname.clone()) {
                    return Err(format!("duplicate attribute {aname} in <{name}>"));
                }
                i += an;
                if b.get(i) != Some(&b'=') {
                    return Err(format!("attribute {aname} in <{name}> has no value"));
                }
                i += 1;
                let q = *b.get(i).ok_or("eof in attribute")?;
                if q != b'"' && q != b'\'' {
                    return Err(format!("attribute {aname} in <{name}> is not quoted"));
                }
                let end = s[i + 1..].find(q as char).ok_or("unterminated attribute")? + i + 1;
                let value = &s[i + 1..end];
                if value.contains('<') {
                    return Err(format!("'<' in attribute {aname}"));
                }
                check_text(value, i)?;
                i = end + 1;
            }
            count += 1;
            if stack.is_empty() {
                if root.is_some() {
                    return Err(format!("second root element <{name}>"));
                }
                root = Some(name.clone());
            }
            if !self_closing {
                stack.push(name);
            }
            pos = i;
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> is never closed"));
    }
    root.map(|r| (r, count))
        .ok_or_else(|| "no root element".to_string())
}

/// The texts between `open` and `close`, in order.
pub fn between<'a>(s: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut v = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find(open) {
        let after = &rest[i + open.len()..];
        let end = after.find(close).expect("closing tag");
        v.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    v
}

/// Says that a test skips part of its work because optional data is
/// absent. Written to the process's stderr directly, not through
/// `eprintln!`, so that the test harness does not capture it and the
/// message shows in the test output even when the test passes.
pub fn skip_notice(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED: {message}");
}
