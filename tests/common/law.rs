//! A long plausible law pair built from the bilingual seeds: their
//! articles repeated in order with renumbered headings (`مادة (1234)` /
//! `Article (1234)`), Arabic and English corresponding one to one. Shared
//! by the align bench and the alignment dump.

use lexalign::{Document, Language};

/// The text of the seed whose file name starts with `prefix`.
fn seed(prefix: &str) -> String {
    let path = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .expect("seeds/ exists")
        .map(|e| e.expect("dir entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("seed {prefix} missing"));
    std::fs::read_to_string(path).expect("seed is UTF-8")
}

/// Article bodies (text after the heading up to the next heading) of one
/// language version of a bilingual seed.
fn bodies(text: &str, language: Language) -> Vec<String> {
    let parsed = lexalign::parse(text).expect("seed parses");
    let doc: &Document = parsed
        .documents
        .iter()
        .find(|d| d.language == language)
        .expect("both languages");
    let arts = &doc.articles;
    arts.iter()
        .enumerate()
        .map(|(k, a)| {
            let end = if k + 1 < arts.len() {
                arts[k + 1].heading_span.start
            } else {
                a.span.end
            };
            let mut b = text[a.heading_span.end..end].trim_matches('\n').to_string();
            b.push('\n');
            b
        })
        .collect()
}

/// An Arabic and an English law of `n` articles each.
pub fn law(n: usize) -> (String, String) {
    let mut ar_src = Vec::new();
    let mut en_src = Vec::new();
    for s in ["001", "003"] {
        let t = seed(s);
        ar_src.extend(bodies(&t, Language::Arabic));
        en_src.extend(bodies(&t, Language::English));
    }
    assert_eq!(ar_src.len(), en_src.len());
    let mut ar = String::from("قانون رقم (1) لسنة 2020\nبشأن الاختبار\n");
    let mut en = String::from("Law No. (1) of 2020\non testing\n");
    for k in 0..n {
        let src = k % ar_src.len();
        ar.push_str(&format!("مادة ({})\n{}", k + 1, ar_src[src]));
        en.push_str(&format!("Article ({})\n{}", k + 1, en_src[src]));
    }
    (ar, en)
}
