//! Test-only reference implementations of what the fast reader
//! ([`reader`](super::reader)) computes, each written the plain way, and
//! the tests that hold the reader to them.

use super::numbers::{first_digit, numbers_in, Value};
use super::reader::*;
use crate::align::lexicon::{ConceptSet, Lexicon, Scratch};
use crate::document::Article;
use crate::normalize::fold;

/// Characters that carry content: not whitespace, not dropped by folding
/// (diacritics, tatweel, bidi marks).
pub(crate) fn content_chars(s: &str) -> usize {
    scan_block(s).0
}

/// Numbers written as words (`fifteen days`, `خمسة عشر يوما`), when the
/// numerals module can read them.
///
/// One and two are left out: Arabic writes them mostly as the singular or
/// the dual of the noun (`يومين` = "two days"), and English "one" is often
/// not a quantity at all, so they would make noise rather than evidence.
/// [`read_block`] finds the same in its own pass; this is its reference.
fn word_numbers(s: &str) -> Vec<Value> {
    crate::numerals::number_words_in(s)
        .into_iter()
        .filter(|&(v, _)| v >= 3)
        .map(|(v, _)| v as Value)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words() {
        assert_eq!(word_numbers("within fifteen days, or two years"), vec![15]);
        assert_eq!(word_numbers("خلال خمسة عشر يوما"), vec![15]);
        assert_eq!(word_numbers("ولا تقل خبرته عن خمس عشرة سنة"), vec![15]);
    }

    #[test]
    fn scan_block_finds_the_first_digit() {
        for (t, want) in [
            ("", None),
            ("no digits here", None),
            ("مادة ٥", Some("مادة ".len())),
            ("x ۳ y", Some(2)),
            ("Ａ１", Some("Ａ".len())),
            ("ab 12", Some(3)),
        ] {
            assert_eq!(scan_block(t).1, want, "{t:?}");
            assert_eq!(first_digit(t), want, "{t:?}");
        }
    }

    #[test]
    fn read_block_matches_separate_passes() {
        // Every split of a few phrases, so that blocks start and end inside
        // words and phrases.
        let mut texts = crate::align::lexicon::sample_texts(
            &[
                "",
                "within fifteen days, or two years",
                "خلال خمسة عشر يوما",
                "ولا تقل خبرته عن خمس عشرة سنة",
                "one-third of twenty-five members; fifty-fifty; five-year term",
                "Twenty One Hundred and Five, three-\nfour, seven -eight",
                "وخمسة وبثلاثين والعشرين لست وست الثالثة والعشرون بعد المائة",
                "ثلاثمائة وخمسة وعشرون، ثلاث مائة؛ الحادية بعد السبعمائة ٣ خمسة٣",
                "مَادَّةٌ الخامسـة عشرة ١٤ and Article 5 Ａ１ x۳y",
                "A4 b12 twelve1 ten\u{00a0}days ١٬٠٠٠ خمسة\u{200c}عشر —ثلاثة– seven\u{2003}days",
            ],
            true,
        );
        // Characters across which the lexicon reads on, between words.
        texts.push("committee\u{200f}s court\u{0640} x\u{feff}court ab™cd".to_string());
        let lex = Lexicon::get();
        // One table for all, as for the articles of a document (its runs
        // borrow the texts).
        let mut runs = Runs::new(lex);
        for t in &texts {
            let t = t.as_str();
            let want = scan_block(t).0;
            let mut digits = word_numbers(t);
            digits.extend(numbers_in(t));
            let mut plain = ConceptSet::default();
            lex.concepts(t, &mut plain, &mut Scratch::default());
            // The lexicon reads on across a character only when it joins.
            let joins = t.chars().any(|c| char_class(c) & JOINS != 0);
            for round in 0..2 {
                let mut vals = Vec::new();
                let mut concepts = ConceptSet::default();
                match read_block::<true>(t, &mut runs, true, &mut vals, &mut concepts) {
                    Ok(n) => {
                        assert_eq!(n, want, "{t:?}");
                        assert_eq!(vals, digits, "{t:?}");
                        assert_eq!(concepts, plain, "{t:?} (round {round})");
                    }
                    Err(Joined) => assert!(joins, "{t:?}"),
                }
                let mut concepts = ConceptSet::default();
                match read_runs(t, 0, t.len(), &mut runs, &mut concepts) {
                    Ok(end) => {
                        assert_eq!(end, t.len(), "{t:?}");
                        assert_eq!(concepts, plain, "{t:?}");
                    }
                    Err(Joined) => assert!(joins, "{t:?}"),
                }
                vals.clear();
                let mut none = ConceptSet::default();
                let n = read_block::<false>(t, &mut runs, true, &mut vals, &mut none);
                assert_eq!(n.ok(), Some(want), "{t:?}");
                assert_eq!(vals, digits, "{t:?}");
                assert_eq!(none, ConceptSet::default(), "{t:?}");
                vals.clear();
                let n = read_block::<false>(t, &mut runs, false, &mut vals, &mut none);
                assert_eq!(n.ok(), Some(want), "{t:?}");
                assert_eq!(vals, numbers_in(t), "{t:?}");
            }
        }
    }

    /// An article of `text` with the given paragraphs and items (their
    /// spans in order of the list, paragraphs first).
    fn article(text: &str, paragraphs: &[&str], items: &[&str], title: Option<&str>) -> Article {
        let span = |k: usize| crate::Span::new(k, k + 1);
        Article {
            index: 0,
            label: None,
            heading: String::new(),
            heading_span: span(0),
            title: title.map(str::to_string),
            text: text.to_string(),
            paragraphs: paragraphs
                .iter()
                .enumerate()
                .map(|(k, t)| crate::document::Block {
                    text: t.to_string(),
                    span: span(k),
                })
                .collect(),
            items: items
                .iter()
                .enumerate()
                .map(|(k, t)| crate::document::ListItem {
                    marker: String::new(),
                    ordinal: None,
                    text: t.to_string(),
                    span: span(paragraphs.len() + k),
                })
                .collect(),
            division: None,
            span: span(0),
        }
    }

    /// [`read_article`] against the plain reading: each block alone, and
    /// the lexicon over the whole text and the title.
    fn check_article<'a>(a: &'a Article, runs: &mut Runs<'a>) {
        let lex = Lexicon::get();
        let blocks: Vec<&str> = if a.paragraphs.is_empty() && a.items.is_empty() {
            vec![&a.text]
        } else {
            a.paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .chain(a.items.iter().map(|i| i.text.as_str()))
                .collect()
        };
        let mut want_vals: Vec<Value> = blocks
            .iter()
            .flat_map(|t| word_numbers(t).into_iter().chain(numbers_in(t)))
            .collect();
        let mut want_concepts = ConceptSet::default();
        let mut scratch = Scratch::default();
        lex.concepts(&a.text, &mut want_concepts, &mut scratch);
        if let Some(t) = &a.title {
            lex.concepts(t, &mut want_concepts, &mut scratch);
        }
        let mut vals = Vec::new();
        let (lengths, concepts, _) = read_article(a, true, runs, &mut vals);
        vals.sort_unstable();
        want_vals.sort_unstable();
        assert_eq!(vals, want_vals, "{a:?}");
        assert_eq!(concepts, want_concepts, "{a:?}");
        if a.paragraphs.is_empty() && a.items.is_empty() {
            assert_eq!(lengths.text, scan_block(&a.text).0, "{a:?}");
        } else {
            let para: Vec<usize> = a.paragraphs.iter().map(|p| scan_block(&p.text).0).collect();
            let items: usize = a.items.iter().map(|i| scan_block(&i.text).0).sum();
            assert_eq!(
                (lengths.text, &lengths.paragraphs, lengths.items),
                (0, &para, items)
            );
        }
    }

    #[test]
    fn read_article_matches_plain_reading() {
        let mut odd = vec![
            article("one twenty days", &[], &[], Some("The Court")),
            article("court\n1- committee", &["court"], &["committee"], None),
            // Blocks out of the order of the text, or not in it at all.
            article("court\n1- committee", &["committee"], &["court"], None),
            article("court committee", &["courts"], &[], None),
            // A block that ends or starts inside a word of the text.
            article("courtroom fine", &["court"], &["fine"], None),
            article("the fine", &["he"], &[], None),
            // Characters between the blocks that join words.
            article("court\u{200f}\ncommittee", &["court"], &["committee"], None),
            article(
                "court\n\u{feff}- committee",
                &["court"],
                &["committee"],
                None,
            ),
            article(
                "court\n(a)committee fine",
                &["court"],
                &["committee fine"],
                Some("x\u{200f}y"),
            ),
            // Phrases that run to the end of a block, and past words.
            article(
                "within fifteen days\n- twenty-five members",
                &["within fifteen days"],
                &["twenty-five members"],
                None,
            ),
            article(
                "خلال خمسة عشر يوما\nأ- المحكمة",
                &["خلال خمسة عشر يوما"],
                &["المحكمة"],
                Some("اللجنة"),
            ),
            article("", &[""], &[""], Some("")),
        ];
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        for e in std::fs::read_dir(seeds).expect("seeds") {
            let t = std::fs::read_to_string(e.expect("entry").path()).expect("UTF-8");
            if let Ok(parsed) = crate::parse(&t) {
                for d in parsed.documents {
                    odd.extend(d.articles);
                }
            }
        }
        let mut runs = Runs::new(Lexicon::get());
        for a in &odd {
            check_article(a, &mut runs);
        }
        // Again, with every run known.
        for a in &odd {
            check_article(a, &mut runs);
        }
    }

    #[test]
    fn content_chars_matches_per_char_fold() {
        let naive = |s: &str| {
            s.chars()
                .filter(|&c| {
                    if c.is_ascii() {
                        !c.is_ascii_whitespace()
                    } else {
                        !c.is_whitespace() && fold(c).is_some()
                    }
                })
                .count()
        };
        let mut all: String = (0x0600..=0x06FF).filter_map(char::from_u32).collect();
        all.push_str("\u{feff}\u{200f}ﻣﺎﺩﺓ\u{00a0}Ａ é\t\r\n x\u{2003}—");
        for t in [
            "",
            "المــادة (٥)\r\n",
            "مَادَّةٌ ١٤ and Article 5",
            all.as_str(),
        ] {
            assert_eq!(content_chars(t), naive(t), "{t:?}");
        }
    }
}
