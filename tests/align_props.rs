//! Properties of the alignment on generated documents (proptest; modest
//! case counts so the suite runs in seconds):
//! - every article of both inputs appears exactly once in the output;
//! - pairs are in order (monotonic) in both languages;
//! - `align(a, b)` and `align(b, a)` give the same result;
//! - with both sides of identical structure, swapping the roles of the two
//!   documents mirrors the alignment.

mod common;

use lexalign::*;
use proptest::prelude::*;

const WORDS: [&str; 16] = [
    "law",
    "committee",
    "shall",
    "decree",
    "the",
    "issue",
    "court",
    "members",
    "period",
    "within",
    "may",
    "be",
    "appointed",
    "provisions",
    "security",
    "council",
];

/// One generated article: label, paragraphs (each a list of words and
/// numbers), list items.
#[derive(Debug, Clone)]
struct Gen {
    label: Option<u32>,
    paragraphs: Vec<String>,
    items: Vec<String>,
}

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => (0..WORDS.len()).prop_map(|k| WORDS[k].to_string()),
            1 => (1900u32..2030).prop_map(|y| y.to_string()),
            1 => (1u32..200).prop_map(|n| format!("({n})")),
        ],
        3..40,
    )
    .prop_map(|w| w.join(" ") + ".")
}

fn article() -> impl Strategy<Value = Gen> {
    (
        prop::collection::vec(sentence(), 1..3),
        prop::collection::vec(sentence(), 0..4),
    )
        .prop_map(|(paragraphs, items)| Gen {
            label: None,
            paragraphs,
            items,
        })
}

fn articles(max: usize) -> impl Strategy<Value = Vec<Gen>> {
    prop::collection::vec(article(), 1..max).prop_map(|mut v| {
        for (k, a) in v.iter_mut().enumerate() {
            a.label = Some(k as u32 + 1);
        }
        v
    })
}

fn document(language: Language, arts: &[Gen]) -> Document {
    Document::new(
        language,
        arts.iter()
            .enumerate()
            .map(|(i, a)| {
                let mut text = a.paragraphs.join("\n");
                for it in &a.items {
                    text.push_str("\n- ");
                    text.push_str(it);
                }
                Article {
                    index: i,
                    label: a.label.map(Label::number),
                    heading: a
                        .label
                        .map(|l| format!("Article ({l})"))
                        .unwrap_or_default(),
                    heading_span: Span::default(),
                    title: None,
                    text,
                    paragraphs: a
                        .paragraphs
                        .iter()
                        .map(|p| Block {
                            text: p.clone(),
                            span: Span::default(),
                        })
                        .collect(),
                    items: a
                        .items
                        .iter()
                        .enumerate()
                        .map(|(k, t)| ListItem {
                            marker: "-".into(),
                            ordinal: Some(k as u32 + 1),
                            text: t.clone(),
                            span: Span::default(),
                        })
                        .collect(),
                    division: None,
                    span: Span::default(),
                }
            })
            .collect(),
    )
}

/// Edits turning the Arabic articles into the English ones: deletions,
/// merges, relabelling.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Merge(usize),
    Shift(u32),
    Unlabel(usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        prop_oneof![
            (0usize..100).prop_map(Edit::Delete),
            (0usize..100).prop_map(Edit::Merge),
            (1u32..3).prop_map(Edit::Shift),
            (0usize..100).prop_map(Edit::Unlabel),
        ],
        0..4,
    )
}

fn apply(arts: &[Gen], edits: &[Edit]) -> Vec<Gen> {
    let mut v = arts.to_vec();
    for e in edits {
        match *e {
            Edit::Delete(k) if v.len() > 1 => {
                v.remove(k % v.len());
            }
            Edit::Merge(k) if v.len() > 1 => {
                let k = k % (v.len() - 1);
                let next = v.remove(k + 1);
                v[k].paragraphs.extend(next.paragraphs);
                v[k].items.extend(next.items);
            }
            Edit::Shift(by) => v.iter_mut().for_each(|a| a.label = a.label.map(|l| l + by)),
            Edit::Unlabel(k) => {
                let k = k % v.len();
                v[k].label = None;
            }
            _ => {}
        }
    }
    v
}

fn check_cover_and_order(pt: &ParallelText, n: usize, m: usize) -> Result<(), TestCaseError> {
    let mut seen_a = vec![0usize; n];
    let mut seen_e = vec![0usize; m];
    let (mut last_a, mut last_e) = (None::<usize>, None::<usize>);
    for p in pt.pairs() {
        prop_assert!(!p.arabic.is_empty() || !p.english.is_empty());
        prop_assert!((0.0..=1.0).contains(&p.confidence));
        for r in &p.arabic {
            seen_a[r.index] += 1;
            prop_assert!(last_a.is_none_or(|l| r.index > l), "Arabic order");
            last_a = Some(r.index);
        }
        for r in &p.english {
            seen_e[r.index] += 1;
            prop_assert!(last_e.is_none_or(|l| r.index > l), "English order");
            last_e = Some(r.index);
        }
        if p.arabic.is_empty() {
            prop_assert!(p.has_flag(Flag::OnlyEnglish));
        }
        if p.english.is_empty() {
            prop_assert!(p.has_flag(Flag::OnlyArabic));
        }
    }
    prop_assert!(seen_a.iter().all(|&c| c == 1), "Arabic coverage {seen_a:?}");
    prop_assert!(
        seen_e.iter().all(|&c| c == 1),
        "English coverage {seen_e:?}"
    );
    Ok(())
}

/// The links, sorted.
fn links(pt: &ParallelText) -> Vec<(usize, usize)> {
    let mut v = common::links(pt);
    v.sort_unstable();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Independent random documents: coverage and order still hold.
    #[test]
    fn unrelated_documents_are_covered_in_order(a in articles(25), b in articles(25)) {
        let ar = document(Language::Arabic, &a);
        let en = document(Language::English, &b);
        let pt = align_documents(&ar, &en);
        check_cover_and_order(&pt, a.len(), b.len())?;
    }

    /// A translation derived by edits: coverage and order hold.
    #[test]
    fn edited_translation_is_covered_in_order(a in articles(30), e in edits()) {
        let b = apply(&a, &e);
        let ar = document(Language::Arabic, &a);
        let en = document(Language::English, &b);
        let pt = align_documents(&ar, &en);
        check_cover_and_order(&pt, a.len(), b.len())?;
    }

    /// Same structure on both sides: swapping the roles mirrors the links.
    #[test]
    fn swapping_roles_mirrors_the_alignment(a in articles(25), e in edits()) {
        let b = apply(&a, &e);
        let x = align_documents(&document(Language::Arabic, &a), &document(Language::English, &b));
        let y = align_documents(&document(Language::Arabic, &b), &document(Language::English, &a));
        let mut mirrored: Vec<(usize, usize)> = links(&y).into_iter().map(|(i, j)| (j, i)).collect();
        mirrored.sort_unstable();
        prop_assert_eq!(links(&x), mirrored);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// From text: the order of the two inputs does not matter.
    #[test]
    fn input_order_does_not_matter(a in articles(12), e in edits()) {
        let b = apply(&a, &e);
        let text = |heading: &str, arts: &[Gen]| -> String {
            let mut s = String::new();
            for (k, g) in arts.iter().enumerate() {
                let n = g.label.unwrap_or(k as u32 + 1);
                s.push_str(&heading.replace('N', &n.to_string()));
                s.push('\n');
                s.push_str(&g.paragraphs.join("\n"));
                s.push('\n');
            }
            s
        };
        let ar = text("مادة (N)", &a);
        let en = text("Article (N)", &b);
        let x = align(&ar, &en);
        let y = align(&en, &ar);
        match (x, y) {
            (Ok(x), Ok(y)) => prop_assert_eq!(x, y),
            (Err(x), Err(y)) => prop_assert_eq!(x, y),
            (x, y) => prop_assert!(false, "{:?} vs {:?}", x.is_ok(), y.is_ok()),
        }
    }
}
