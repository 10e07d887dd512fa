//! Variants of the seeds made in the test: every heading re-written in each
//! listed form, and noise injected (tatweel, Arabic-Indic digits,
//! presentation forms, bidi marks, CRLF, BOM). Each variant must parse to
//! the same labels as the original.

use std::fs;
use std::path::Path;

mod common;

use common::{arabic_ordinal, english_words};
use lexalign::{Document, Language};

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn labels(docs: &[Document]) -> Vec<(Language, Vec<String>)> {
    docs.iter()
        .filter(|d| !d.articles.is_empty())
        .map(|d| {
            (
                d.language,
                d.articles
                    .iter()
                    .map(|a| a.label.as_ref().map_or("-".into(), ToString::to_string))
                    .collect(),
            )
        })
        .collect()
}

fn indic(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32('٠' as u32 + c.to_digit(10).unwrap()).unwrap())
        .collect()
}

type Form = fn(u32) -> String;

/// A form ending in this marker puts the body on the heading's line.
const JOIN: char = '\u{0}';

const EN_FORMS: [(&str, Form); 10] = [
    ("Article (N)", |n| format!("Article ({n})")),
    ("Article N", |n| format!("Article {n}")),
    ("ARTICLE N", |n| format!("ARTICLE {n}")),
    ("Art. N", |n| format!("Art. {n}")),
    ("Article N:", |n| format!("Article {n}:")),
    ("Article N -", |n| format!("Article {n} -")),
    ("Article Words", |n| format!("Article {}", english_words(n))),
    ("**Article N**", |n| format!("**Article {n}**")),
    ("### Article N", |n| format!("### Article {n}")),
    ("Article N - body", |n| format!("Article {n} - {JOIN}")),
];

/// Forms that add a repetition suffix: the labels gain `bis`.
const EN_BIS_FORMS: [(&str, Form); 3] = [
    ("Article N bis", |n| format!("Article {n} bis")),
    ("Article (N) bis", |n| format!("Article ({n}) bis")),
    ("Article N (bis)", |n| format!("Article {n} (bis)")),
];
const AR_BIS_FORMS: [(&str, Form); 2] = [
    ("مادة (N) مكرر", |n| format!("مادة ({n}) مكرر")),
    ("المادة N مكرر", |n| format!("المادة {n} مكرر")),
];

const AR_FORMS: [(&str, Form); 12] = [
    ("مادة (N)", |n| format!("مادة ({n})")),
    ("المادة (N)", |n| format!("المادة ({n})")),
    ("المادة N", |n| format!("المادة {n}")),
    ("مادة N:", |n| format!("مادة {n}:")),
    ("(N) مادة", |n| format!("({n}) مادة")),
    ("المادة ordinal", |n| {
        format!("المادة {}", arabic_ordinal(n))
    }),
    ("مادة (indic)", |n| format!("مادة ({})", indic(n))),
    ("**مادة (N)**", |n| format!("**مادة ({n})**")),
    ("## المادة N", |n| format!("## المادة {n}")),
    ("broken ما / دة", |n| format!("ما\nدة ({n})")),
    ("المادة(N):", |n| format!("المادة({n}):")),
    ("مادة (N): body", |n| format!("مادة ({n}): {JOIN}")),
];

/// Rewrites every numbered article heading of `text` with `form`.
fn rewrite(text: &str, language: Language, form: Form) -> String {
    let parsed = lexalign::parse(text).unwrap();
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for d in parsed.documents.iter().filter(|d| d.language == language) {
        for a in &d.articles {
            if let Some(l) = &a.label {
                if l.suffix.is_none() && l.number < 200 {
                    edits.push((a.heading_span.start, a.heading_span.end, form(l.number)));
                }
            }
        }
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (s, mut e, mut r) in edits {
        if r.ends_with(JOIN) {
            // Body on the heading's line: drop the line break(s) after it.
            r.pop();
            let after = &text[e..];
            let skip = after.len() - after.trim_start_matches(['\r', '\n', ' ', '*']).len();
            e += skip;
        }
        // A heading broken over lines starts its own line: extraction breaks
        // a heading line, it does not glue a fragment to the line before.
        let at_line_start = text[..s].trim_end_matches([' ', '*', '#']).ends_with('\n') || s == 0;
        if r.contains('\n') && !at_line_start {
            r.insert(0, '\n');
        }
        out.replace_range(s..e, &r);
    }
    out
}

#[test]
fn heading_forms() {
    let mut failures = Vec::new();
    for (name, text) in seeds() {
        let want = labels(&lexalign::parse(&text).unwrap().documents);
        for (lang, forms) in [
            (Language::English, &EN_FORMS[..]),
            (Language::Arabic, &AR_FORMS[..]),
        ] {
            if !want.iter().any(|(l, _)| *l == lang) {
                continue;
            }
            for (fname, form) in forms {
                let v = rewrite(&text, lang, *form);
                let got = labels(&lexalign::parse(&v).unwrap().documents);
                if got != want {
                    failures.push(format!("{name}: form {fname:?}: got {got:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bis_forms() {
    let mut failures = Vec::new();
    for (name, text) in seeds() {
        let want: Vec<(Language, Vec<String>)> = labels(&lexalign::parse(&text).unwrap().documents)
            .into_iter()
            .map(|(l, v)| (l, v.into_iter().map(|x| format!("{x}bis")).collect()))
            .collect();
        for (lang, forms) in [
            (Language::English, &EN_BIS_FORMS[..]),
            (Language::Arabic, &AR_BIS_FORMS[..]),
        ] {
            if !want.iter().any(|(l, _)| *l == lang) {
                continue;
            }
            for (fname, form) in forms {
                let v = rewrite(&text, lang, *form);
                let got: Vec<_> = labels(&lexalign::parse(&v).unwrap().documents)
                    .into_iter()
                    .filter(|(l, _)| *l == lang)
                    .collect();
                let want: Vec<_> = want.iter().filter(|(l, _)| *l == lang).cloned().collect();
                if got != want {
                    failures.push(format!("{name}: form {fname:?}: got {got:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn tatweel(s: &str) -> String {
    // After every third Arabic letter that joins forward.
    let mut out = String::with_capacity(s.len() * 2);
    let mut k = 0;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let joins = matches!(
            c,
            'ب' | 'ت'
                | 'ث'
                | 'ج'
                | 'ح'
                | 'خ'
                | 'س'
                | 'ش'
                | 'ص'
                | 'ض'
                | 'ط'
                | 'ظ'
                | 'ع'
                | 'غ'
                | 'ف'
                | 'ق'
                | 'ك'
                | 'ل'
                | 'م'
                | 'ن'
                | 'ه'
                | 'ي'
        );
        let next_letter = chars
            .get(i + 1)
            .is_some_and(|n| ('\u{0621}'..='\u{064A}').contains(n));
        if joins && next_letter {
            k += 1;
            if k % 3 == 0 {
                out.push_str("ـــ");
            }
        }
    }
    out
}

fn arabic_indic_digits(s: &str) -> String {
    // Digits inside Arabic lines only; English lines keep ASCII.
    s.split_inclusive('\n')
        .map(|line| {
            if line.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
                line.chars()
                    .map(|c| {
                        if c.is_ascii_digit() {
                            char::from_u32('٠' as u32 + c.to_digit(10).unwrap()).unwrap()
                        } else {
                            c
                        }
                    })
                    .collect()
            } else {
                line.to_string()
            }
        })
        .collect()
}

fn presentation_forms(s: &str) -> String {
    // Isolated presentation forms for a few letters (NFKC folds them back).
    s.chars()
        .map(|c| match c {
            'ا' => '\u{FE8D}',
            'د' => '\u{FEA9}',
            'م' => '\u{FEE1}',
            'ة' => '\u{FE93}',
            'ل' => '\u{FEDD}',
            _ => c,
        })
        .collect()
}

fn bidi_marks(s: &str) -> String {
    s.split_inclusive('\n')
        .map(|line| {
            if line.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
                format!("\u{200F}\u{202B}{}", line.replacen(' ', " \u{200F}", 2))
            } else {
                line.to_string()
            }
        })
        .collect()
}

/// Stray Latin-script noise inside Arabic text: letters glued into words
/// (`المuar`, as in seed 004) and short Latin lines from page furniture.
fn latin_noise(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for (k, line) in s.split_inclusive('\n').enumerate() {
        let arabic = line
            .chars()
            .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
            .count();
        if arabic > 20 {
            // Glue Latin letters inside the third word of long Arabic lines.
            let mut words = 0;
            for ch in line.chars() {
                out.push(ch);
                if ch == ' ' {
                    words += 1;
                    if words == 2 {
                        out.push_str("ال");
                        out.push_str("uar");
                    }
                }
            }
            if k % 7 == 0 {
                out.push_str("Page 3 of 12\n");
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

/// A named rewrite of a whole text.
type Transform = (&'static str, fn(&str) -> String);

#[test]
fn noise() {
    let transforms: [Transform; 8] = [
        ("latin noise", latin_noise),
        ("tatweel", tatweel),
        ("arabic-indic digits", arabic_indic_digits),
        ("presentation forms", presentation_forms),
        ("bidi marks", bidi_marks),
        ("crlf", |s| s.replace('\n', "\r\n")),
        ("bom", |s| format!("\u{feff}{s}")),
        ("diacritics", |s| {
            s.replace("مادة", "مَادَّة").replace("المادة", "المَادَّةُ")
        }),
    ];
    let mut failures = Vec::new();
    for (name, text) in seeds() {
        let want = labels(&lexalign::parse(&text).unwrap().documents);
        for (tname, t) in &transforms {
            let v = t(&text);
            let got = labels(&lexalign::parse(&v).unwrap().documents);
            if got != want {
                failures.push(format!("{name}: {tname}: got {got:?}\nwant {want:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
