//! Alignment tests: hand-built documents, the seeds, errors.

mod common;

use common::{links, seed_text as seed};
use lexalign::*;

/// Builds a document from `(label, text, items)` tuples.
fn doc(language: Language, arts: &[(Option<&str>, &str, &[&str])]) -> Document {
    Document::new(
        language,
        arts.iter()
            .enumerate()
            .map(|(i, (label, text, items))| {
                let mut body = text.to_string();
                for it in items.iter() {
                    body.push('\n');
                    body.push_str(it);
                }
                Article {
                    index: i,
                    label: label.map(|l| l.parse().unwrap()),
                    heading: label.map(|l| format!("Article ({l})")).unwrap_or_default(),
                    heading_span: Span::default(),
                    title: None,
                    text: body,
                    paragraphs: vec![Block {
                        text: text.to_string(),
                        span: Span::default(),
                    }],
                    items: items
                        .iter()
                        .enumerate()
                        .map(|(k, t)| ListItem {
                            marker: format!("{}-", k + 1),
                            ordinal: Some(k as u32 + 1),
                            text: t.to_string(),
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

fn print(pt: &ParallelText) {
    for p in pt.pairs() {
        let a: Vec<String> = p.arabic.iter().map(|r| r.heading.clone()).collect();
        let e: Vec<String> = p.english.iter().map(|r| r.heading.clone()).collect();
        println!(
            "{:?} <-> {:?} conf={:.3} score={:.2} len={:.2} ratio={:.2} flags={:?} only_ar={:?} only_en={:?}",
            a, e, p.confidence, p.evidence.score, p.evidence.length, p.evidence.length_ratio, p.flags,
            p.evidence.numbers_only_arabic, p.evidence.numbers_only_english
        );
    }
    println!("verdict: {:?}", pt.verdict());
}

fn check_seed(prefix: &str, n: usize, partial: &[u32]) {
    let pt = align_bilingual(&seed(prefix)).unwrap();
    print(&pt);
    assert_eq!(pt.pairs().len(), n, "{prefix}: pair count");
    for p in pt.pairs() {
        assert!(
            p.is_matched() && p.arabic.len() == 1 && p.english.len() == 1,
            "{prefix}: {p:?}"
        );
        assert_eq!(p.arabic[0].label, p.english[0].label, "{prefix}");
        assert!(p.confidence >= 0.9, "{prefix}: low confidence {p:?}");
        let label = p.english[0].label.as_ref().unwrap().number;
        assert_eq!(
            p.has_flag(Flag::LikelyPartial),
            partial.contains(&label),
            "{prefix}: LikelyPartial on English article {label}: {p:?}"
        );
    }
    assert!(pt.verdict().same_law, "{prefix}: {:?}", pt.verdict());
    assert_eq!(pt.coverage().matched_pairs, n);
}

#[test]
fn seed_001_pairs_and_partials() {
    check_seed("001", 28, &[4, 5, 6, 12, 13, 14, 22, 24]);
}

#[test]
fn seed_003_pairs_and_partials() {
    check_seed("003", 25, &[2, 4, 19]);
}

#[test]
fn seed_003_short_year_is_not_a_mismatch() {
    let pt = align_bilingual(&seed("003")).unwrap();
    let p = pt.by_english_label(&Label::number(18)).unwrap();
    assert!(!p.has_flag(Flag::NumbersDiffer), "{p:?}");
    assert!(
        p.evidence.numbers_shared.contains(&"1974".to_string()),
        "{p:?}"
    );
    assert!(
        p.evidence.numbers_shared.contains(&"39".to_string()),
        "{p:?}"
    );
    // Cross-reference Article (44) ↔ المادة (44).
    let p = pt.by_english_label(&Label::number(17)).unwrap();
    assert!(
        p.evidence.numbers_shared.contains(&"44".to_string()),
        "{p:?}"
    );
}

#[test]
fn different_laws_are_told_apart() {
    let en = seed("000");
    let ar = seed("004");
    let pt = align(&en, &ar).unwrap();
    print(&pt);
    let v = pt.verdict();
    assert!(!v.same_law, "{v:?}");
    assert!(v.reasons.len() >= 2, "{v:?}");
    assert!(v.reasons[0].contains("WARNING"), "{v:?}");
    for p in pt.pairs().iter().filter(|p| p.is_matched()) {
        assert!(p.confidence <= 0.3, "{p:?}");
    }
}

#[test]
fn order_of_inputs_does_not_matter() {
    let text = seed("001");
    let parsed = parse(&text).unwrap();
    let ar = &text[parsed
        .documents
        .iter()
        .find(|d| d.language == Language::Arabic)
        .unwrap()
        .span
        .range()];
    let en = &text[parsed
        .documents
        .iter()
        .find(|d| d.language == Language::English)
        .unwrap()
        .span
        .range()];
    let x = align(ar, en).unwrap();
    let y = align(en, ar).unwrap();
    assert_eq!(x, y);
    assert_eq!(links(&x), links(&align_bilingual(&text).unwrap()));
}

#[test]
fn errors() {
    let ar = "مادة (1)\nنص المادة الأولى.\nمادة (2)\nنص المادة الثانية.\n";
    let ar2 = "مادة (1)\nنص آخر.\n";
    let en = "Article (1)\nThe first article.\nArticle (2)\nThe second article.\n";
    assert_eq!(
        align(ar, ar2).unwrap_err().kind(),
        &ErrorKind::SameLanguage {
            language: Language::Arabic
        }
    );
    assert!(align("", en).is_err());
    assert_eq!(
        align_bilingual(en).unwrap_err().kind(),
        &ErrorKind::MissingLanguage {
            found: Language::English,
            missing: Language::Arabic
        }
    );
    assert_eq!(align_bilingual("").unwrap_err().kind(), &ErrorKind::Empty);
    let pt = align(en, ar).unwrap();
    assert_eq!(links(&pt), vec![(0, 0), (1, 1)]);
    let no_articles = "This is a letter with no articles at all.\nIt has two lines.\n";
    assert!(matches!(
        align(ar, no_articles).unwrap_err().kind(),
        ErrorKind::NoArticles | ErrorKind::SameLanguage { .. }
    ));
}

#[test]
fn hand_built_renumbered_translation() {
    // The English skips Arabic article 2 and is renumbered.
    let ar = doc(
        Language::Arabic,
        &[
            (
                Some("1"),
                "يصدر هذا القانون بموجب القرار رقم (40) لسنة 1974 ويعمل به فورا.",
                &[],
            ),
            (Some("2"), "تشكل لجنة.", &[]),
            (
                Some("3"),
                "تختص اللجنة بما يلي وفقا للقانون رقم (11) لسنة 2012:",
                &["الأولى", "الثانية", "الثالثة"],
            ),
            (
                Some("4"),
                "ينشر هذا القانون في الجريدة الرسمية ويعمل به من تاريخ 1/1/2013.",
                &[],
            ),
        ],
    );
    let en = doc(
        Language::English,
        &[
            (Some("1"), "This law is issued by virtue of Decree No. (40) of 1974 and shall enter into force immediately.", &[]),
            (Some("2"), "The committee shall be competent for the following in accordance with Law No. (11) of 2012:", &["first", "second", "third"]),
            (Some("3"), "This law shall be published in the Official Gazette and shall enter into force on 1/1/2013.", &[]),
        ],
    );
    let pt = align_documents(&ar, &en);
    print(&pt);
    assert_eq!(links(&pt), vec![(0, 0), (2, 1), (3, 2)]);
    let lone = pt.pairs().iter().find(|p| !p.is_matched()).unwrap();
    assert!(lone.has_flag(Flag::OnlyArabic));
    // 3↔2 and 4↔3: one run of renumbering, reported once, not a flag
    // per pair.
    assert_eq!(pt.pairs()[2].evidence.label_match, Some(false));
    assert!(!pt.pairs()[2].has_flag(Flag::LabelMismatch));
    assert_eq!(pt.renumbering().len(), 1);
    assert_eq!(pt.only_arabic().count(), 1);
}

#[test]
fn numbers_that_differ_are_listed() {
    let ar = doc(Language::Arabic, &[(Some("1"), "يعاقب بغرامة لا تقل عن 500 دينار ولا تزيد على 1000 دينار وفقا للقانون رقم (3) لسنة 1423.", &[])]);
    let en = doc(
        Language::English,
        &[(
            Some("1"),
            "A fine of no less than 500 dinars shall be imposed pursuant to Law No. (3) of 1423.",
            &[],
        )],
    );
    let pt = align_documents(&ar, &en);
    let p = &pt.pairs()[0];
    assert!(p.is_matched());
    assert!(p.has_flag(Flag::NumbersDiffer));
    assert_eq!(p.evidence.numbers_only_arabic, vec!["1000".to_string()]);
    assert!(p.evidence.numbers_only_english.is_empty());
}

#[test]
fn aligner_options() {
    let a = Aligner::builder()
        .band(1)
        .pair_threshold(0.99)
        .partial_ratio(0.3)
        .build();
    let text = seed("003");
    let pt = a.align_bilingual(&text).unwrap();
    // Every article still appears exactly once.
    let n_ar: usize = pt.pairs().iter().map(|p| p.arabic.len()).sum();
    let n_en: usize = pt.pairs().iter().map(|p| p.english.len()).sum();
    assert_eq!((n_ar, n_en), (25, 25));
    assert_eq!(Aligner::default(), Aligner::builder().build());
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Aligner>();
    check::<AlignerBuilder>();
    check::<Weights>();
    check::<ParallelText>();
    check::<Pair>();
    check::<Evidence>();
}

#[test]
fn lexical_evidence() {
    let pt = align_bilingual(&seed("001")).unwrap();
    let mut some = 0;
    for p in pt.pairs() {
        if let Some(v) = p.evidence.lexical {
            assert!(p.is_matched(), "one-sided pairs carry no lexical share");
            assert!((0.0..=1.0).contains(&v), "{v}");
            some += 1;
        }
    }
    // Legal articles and their translations share lexicon concepts.
    assert!(
        some * 2 > pt.pairs().len(),
        "{some} of {}",
        pt.pairs().len()
    );
    let mean = pt
        .pairs()
        .iter()
        .filter_map(|p| p.evidence.lexical)
        .sum::<f64>()
        / some as f64;
    assert!(mean > 0.3, "mean shared share {mean:.2}");
}

#[cfg(feature = "serde")]
#[test]
fn evidence_without_lexical_still_loads() {
    let pt = align_bilingual(&seed("001")).unwrap();
    let p = pt
        .pairs()
        .iter()
        .find(|p| p.evidence.lexical.is_some())
        .unwrap();
    let mut v = serde_json::to_value(&p.evidence).unwrap();
    assert!(v.get("lexical").is_some());
    v.as_object_mut().unwrap().remove("lexical");
    let back: Evidence = serde_json::from_value(v).unwrap();
    assert_eq!(back.lexical, None);
    assert_eq!(back.score, p.evidence.score);
}

/// A Latin word of more than 25 letters that goes on after a character the
/// word reader skips (a soft hyphen, common in PDF extractions) once
/// panicked in the lexicon pass.
#[test]
fn long_word_broken_by_a_soft_hyphen_does_not_panic() {
    for sep in ["\u{AD}", "\u{640}", "\u{200D}", "\u{64E}", "\u{FB01}"] {
        let en = format!("Article (1)\nThe abcdefghijklmnopqrstuvwxyza{sep}b shall apply.\n");
        let pt = lexalign::align("مادة (1)\nنص المادة.\n", &en).unwrap();
        assert_eq!(pt.pairs().len(), 1);
    }
}

/// Found by the mirror property (`tests/align_props.rs`): a two-article
/// law against its first article alone, relabelled 3. Swapping the
/// languages must mirror the links.
#[test]
fn mirror_holds_for_a_shifted_single_article() {
    let first: (Option<&str>, &str, &[&str]) = (Some("1"), "1900 committee 1901 law.", &[]);
    let second: (Option<&str>, &str, &[&str]) = (Some("2"), "law law law.", &["law issue (100)."]);
    let alone: (Option<&str>, &str, &[&str]) = (Some("3"), first.1, &[]);
    let x = align_documents(
        &doc(Language::Arabic, &[first, second]),
        &doc(Language::English, &[alone]),
    );
    let y = align_documents(
        &doc(Language::Arabic, &[alone]),
        &doc(Language::English, &[first, second]),
    );
    let mirrored: Vec<(usize, usize)> = links(&y).into_iter().map(|(i, j)| (j, i)).collect();
    assert_eq!(links(&x), mirrored);
}
