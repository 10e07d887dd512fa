//! serde round trips of the public types (default `serde` feature).
#![cfg(feature = "serde")]

mod common;

use lexalign::{Label, ParallelText, Parsed};

#[test]
fn parsed_documents_round_trip() {
    for prefix in ["000", "001", "003", "004"] {
        let text = std::fs::read_to_string(common::seed_path(prefix)).unwrap();
        let parsed = lexalign::parse(&text).unwrap();
        let json = serde_json::to_string(&parsed).unwrap();
        let back: Parsed = serde_json::from_str(&json).unwrap();
        assert_eq!(back, parsed, "{prefix}");
    }
}

#[test]
fn parallel_text_round_trips() {
    let text = std::fs::read_to_string(common::seed_path("003")).unwrap();
    let pt = lexalign::align_bilingual(&text).unwrap();
    let json = serde_json::to_string(&pt).unwrap();
    let back: ParallelText = serde_json::from_str(&json).unwrap();
    assert_eq!(back.pairs().len(), pt.pairs().len());
    assert_eq!(back.coverage(), pt.coverage());
    assert_eq!(back.arabic(), pt.arabic());
    // Floats may lose their last bit in JSON; everything else is exact.
    for (a, b) in back.pairs().iter().zip(pt.pairs()) {
        assert_eq!(a.arabic, b.arabic);
        assert_eq!(a.english, b.english);
        assert_eq!(a.flags, b.flags);
        assert!((a.confidence - b.confidence).abs() < 1e-12);
    }
}

#[test]
fn labels_serialise_as_canonical_strings() {
    let l: Label = "5bis".parse().unwrap();
    assert_eq!(serde_json::to_string(&l).unwrap(), "\"5bis\"");
    let back: Label = serde_json::from_str("\"12\"").unwrap();
    assert_eq!(back, Label::number(12));
    assert!(serde_json::from_str::<Label>("\"bis\"").is_err());
    let lang = serde_json::to_string(&lexalign::Language::Arabic).unwrap();
    assert_eq!(lang, "\"ar\"");
}

#[cfg(feature = "json")]
#[test]
fn batch_record_round_trips() {
    use lexalign::export::batch::{BatchDocument, BatchRecord};
    let text = std::fs::read_to_string(common::seed_path("001")).unwrap();
    let pt = lexalign::align_bilingual(&text).unwrap();
    let aligned = BatchDocument::aligned("001", vec!["001.txt".into()], &pt, 0.5);
    let failed = BatchDocument::failed("002", vec!["002.txt".into()], "no articles".into());
    for document in [aligned, failed] {
        let line = document.record.to_json_line();
        assert!(
            line.ends_with('\n') && line.starts_with("{\"version\":1,"),
            "{line}"
        );
        let back: BatchRecord = serde_json::from_str(&line).unwrap();
        assert_eq!(back.name, document.record.name);
        assert_eq!(back.status, document.record.status);
        assert_eq!(back.flags, document.record.flags);
        assert_eq!(back.error, document.record.error);
    }
}
