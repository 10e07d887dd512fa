//! A small bilingual lexicon of common legal and administrative terms, and
//! the matching of its concepts in article texts.
//!
//! How the table was made: it is a hand-written list of the vocabulary that
//! legislation in general uses (institutions, office holders, legislative
//! acts, procedure, offences and penalties, public service, money, time,
//! documents, property, trade…), each concept given with its common Arabic
//! forms (singular, broken plural, adjective, verb where usual) and its
//! common English renderings. It was written from general knowledge of
//! legal Arabic and English, not extracted from any corpus, and not tuned
//! to particular documents. A concept is only evidence when it occurs in
//! both articles of a candidate; its weight is its rarity in the document
//! pair, so words that every article uses count for little.
//!
//! Matching is by script, not by the document's declared language (so the
//! signal is symmetric when the roles of the two documents are swapped):
//! - Arabic words are folded with [`crate::normalize`] (alef forms, `ى`,
//!   `ة → ه`, no diacritics or tatweel); the common prefixes (`و ف ب ل ك`,
//!   the article `ال` and their combinations) and suffixes (`ه ات ين ون ها
//!   هم`, …) are stripped in every possible way and the least-stripped form
//!   found in the table wins. A table form ending in `ه` (ta marbuta) is also
//!   known without it and with `ت` (its form before a pronoun suffix), so
//!   that `مخالفات` and `لجنته` find `مخالفة` and `لجنة`.
//! - English words are lower-cased and reduced by a light suffix stripper
//!   ([`stem_en`](forms::stem_en)); the table's English forms go through the same stripper.
//!
//! A stem belongs to at most one concept (checked by a test).

mod forms;
mod reader;
mod set;
mod table;

pub(crate) use forms::Lexicon;
use reader::{arabic_block_fold, Folded, Words};
pub(crate) use reader::{ends_words, Scratch};
pub(crate) use set::ConceptSet;
pub(crate) use table::CONCEPTS;

impl Lexicon {
    /// Adds the concepts of a text to `out`. `scratch` holds buffers and
    /// the words already looked up, reused across calls.
    ///
    /// The text is read in its matching view ([`crate::normalize`]), folded
    /// a character at a time: ASCII as it is, the Arabic block with
    /// [`fold`] (which is what normalization does there), and anything else
    /// through [`normalize_into`] on the character alone (compatibility
    /// forms). Words are only told apart by letters and non-letters, so
    /// the line-end folding of the whole-text view makes no difference.
    pub fn concepts(&self, text: &str, out: &mut ConceptSet, scratch: &mut Scratch) {
        let (mut reader, buf) = Words::new(self, scratch);
        let arabic = arabic_block_fold();
        // Read by bytes: ASCII as it is, the Arabic block (two UTF-8 bytes
        // D8–DB xx) through the table, other characters decoded. Runs of
        // ASCII letters and of Arabic letters (with the marks that fold
        // away between them) are read in one go: they are most of a text.
        let b = text.as_bytes();
        let mut k = 0;
        while k < b.len() {
            let x = b[k];
            if x.is_ascii_alphabetic() {
                let start = k;
                k += 1;
                while k < b.len() && b[k].is_ascii_alphabetic() {
                    k += 1;
                }
                reader.latin_run(&b[start..k], out);
            } else if x < 0x80 {
                reader.feed_other(out);
                k += 1;
            } else if x & 0xFC == 0xD8 {
                // A valid str: the continuation byte follows.
                let u = ((x as usize) & 3) << 6 | (b[k + 1] as usize & 0x3F);
                match arabic[u] {
                    Folded::Drop => k += 2,
                    Folded::Arabic(_) => k = reader.arabic_run(b, k, arabic, out),
                    Folded::Latin(d) => {
                        reader.feed_latin(d, out);
                        k += 2;
                    }
                    Folded::Other => {
                        reader.feed_other(out);
                        k += 2;
                    }
                }
            } else {
                let c = text[k..].chars().next().expect("char boundary");
                k += c.len_utf8();
                reader.feed_compat(c, buf, out);
            }
        }
        reader.end(out);
    }

    /// [`Lexicon::concepts`] a character at a time, as first written: the
    /// reference its runs are tested against.
    #[cfg(test)]
    fn concepts_by_char(&self, text: &str, out: &mut ConceptSet, scratch: &mut Scratch) {
        let (mut reader, buf) = Words::new(self, scratch);
        let arabic = arabic_block_fold();
        for c in text.chars() {
            match c {
                _ if c.is_ascii_alphabetic() => reader.feed_latin(c, out),
                _ if c.is_ascii() => reader.feed_other(out),
                '\u{0600}'..='\u{06FF}' => match arabic[c as usize - 0x600] {
                    Folded::Drop => {}
                    Folded::Arabic(d) => reader.feed_arabic(d, out),
                    Folded::Latin(d) => reader.feed_latin(d, out),
                    Folded::Other => reader.feed_other(out),
                },
                _ => reader.feed_compat(c, buf, out),
            }
        }
        reader.end(out);
    }
}

/// Texts for the tests that compare a fast reader with a plain one: `own`,
/// then every line and the whole of every seed, then every suffix (and,
/// with `prefixes`, every prefix) of `own` but its first, joined by spaces,
/// so that blocks start and end inside words and phrases.
#[cfg(test)]
pub(crate) fn sample_texts(own: &[&str], prefixes: bool) -> Vec<String> {
    let mut texts: Vec<String> = own.iter().map(|t| t.to_string()).collect();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    for e in std::fs::read_dir(seeds).expect("seeds") {
        let t = std::fs::read_to_string(e.expect("entry").path()).expect("UTF-8");
        texts.extend(t.lines().map(str::to_string));
        texts.push(t);
    }
    let joined = own[1..].join(" ");
    for (k, _) in joined.char_indices() {
        texts.push(joined[k..].to_string());
        if prefixes {
            texts.push(joined[..k].to_string());
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::forms::{key, stem_en};
    use super::reader::WordMap;
    use super::table::TABLE;
    use super::*;
    use crate::normalize::{normalize_into, Normalized};

    fn concepts(t: &str) -> Vec<u16> {
        let mut set = ConceptSet::default();
        Lexicon::get().concepts(t, &mut set, &mut Scratch::default());
        set.iter().collect()
    }

    #[test]
    fn word_map_finds_each_key_once() {
        let mut map = WordMap::default();
        let answer = |k: u64| (k % 3 != 0).then_some((k % 1000) as u16);
        // Keys that share their top bits, and 0.
        let mut keys: Vec<u64> = (0..5000u64)
            .map(|k| k.wrapping_mul(0x1000_0000_0001) ^ (k % 7))
            .chain([0, u64::MAX])
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for round in 0..2 {
            for &k in &keys {
                let mut calls = 0;
                let got = map.get_or_find(k, || {
                    calls += 1;
                    answer(k)
                });
                assert_eq!(got, answer(k), "{k}");
                assert_eq!(calls, 1 - round, "{k}");
            }
        }
    }

    #[test]
    fn runs_read_as_characters() {
        let lex = Lexicon::get();
        let texts = sample_texts(
            &[
                "",
                "المحكمة وبالمحاكم لجنته اللجان للجنة وللمحكمة المخالفات لسنة الأَمْن",
                "يعاقب الموظف المخالف بغرامة لا تزيد على مرتب شهر.",
                "An employee in violation shall be punished by a fine.",
                "Mixedعربيwords اللجنةcommittee court\u{064B}s ab\u{0640}cd مـــادة",
                "ﻣﺎﺩﺓ ﻻ Ａrticle Ｃｏｕｒｔ é\u{200f}x \u{feff}court ٣ courts",
                "averyveryveryverylongwordindeed anotherextremelylongwordhere x",
                "استثنائيةواستثنائيةواستثنائية committees' committee’s",
            ],
            false,
        );
        // One scratch for all, as for the articles of a document.
        let (mut fast, mut slow) = (Scratch::default(), Scratch::default());
        for t in &texts {
            let (mut a, mut b) = (ConceptSet::default(), ConceptSet::default());
            lex.concepts(t, &mut a, &mut fast);
            lex.concepts_by_char(t, &mut b, &mut slow);
            assert_eq!(a, b, "{t:?}");
        }
    }

    fn id(en: &str) -> u16 {
        Lexicon::get().english[&key(&stem_en(en))]
    }

    #[test]
    fn size_and_uniqueness() {
        let n = CONCEPTS;
        assert!((200..=400).contains(&n), "{n} concepts");
        // No Arabic form or English stem belongs to two concepts.
        let mut ar: HashMap<String, usize> = HashMap::new();
        let mut en: HashMap<String, usize> = HashMap::new();
        let mut buf = Normalized::default();
        let mut clashes = Vec::new();
        for (k, (a, e)) in TABLE.iter().enumerate() {
            for w in a.split_whitespace() {
                normalize_into(w, &mut buf);
                if let Some(&o) = ar.get(buf.as_str()) {
                    if o != k {
                        clashes.push(format!("Arabic {w} in {:?} and {:?}", TABLE[o], TABLE[k]));
                    }
                }
                ar.insert(buf.as_str().to_string(), k);
            }
            for w in e.split_whitespace() {
                let s = stem_en(w).to_string();
                if let Some(&o) = en.get(&s) {
                    if o != k {
                        clashes.push(format!("English {w} in {:?} and {:?}", TABLE[o], TABLE[k]));
                    }
                }
                en.insert(s, k);
            }
        }
        assert!(clashes.is_empty(), "{}", clashes.join("\n"));
        // The 64-bit keys of distinct forms are distinct.
        let mut keys: HashMap<u64, &String> = HashMap::new();
        for f in ar.keys().chain(en.keys()) {
            if let Some(o) = keys.insert(key(f), f) {
                assert_eq!(o, f);
            }
        }
    }

    #[test]
    fn sets() {
        let mut a = ConceptSet::default();
        let mut b = ConceptSet::default();
        for id in [0, 63, 64, 200] {
            a.insert(id);
        }
        for id in [63, 200, 369] {
            b.insert(id);
        }
        assert_eq!(a.and(&b).iter().collect::<Vec<_>>(), vec![63, 200]);
        assert_eq!(a.or(&b).iter().count(), 5);
        assert!(a.contains(64) && !b.contains(64));
        let w: Vec<f64> = (0..CONCEPTS).map(|k| k as f64).collect();
        assert_eq!(a.and(&b).weight(&w), 263.0);
    }

    #[test]
    fn english_stems() {
        assert_eq!(stem_en("committees"), stem_en("committee"));
        assert_eq!(stem_en("penalties"), stem_en("penalty"));
        assert_eq!(stem_en("employees"), stem_en("employee"));
        assert_eq!(stem_en("appointed"), stem_en("appointment"));
        assert_eq!(stem_en("promotion"), stem_en("promoted"));
        assert_eq!(stem_en("executive"), stem_en("execute"));
        assert_eq!(stem_en("decrees"), stem_en("decree"));
        assert_ne!(stem_en("officer"), stem_en("office"));
        assert_eq!(stem_en("status"), "status");
    }

    #[test]
    fn arabic_affixes() {
        let court = id("court");
        assert_eq!(concepts("المحكمة"), vec![court]);
        assert_eq!(concepts("وبالمحاكم"), vec![court]);
        let c = id("committee");
        assert_eq!(concepts("لجنته"), vec![c]);
        assert_eq!(concepts("اللجان"), vec![c]);
        assert_eq!(concepts("للجنة"), vec![c]);
        assert_eq!(concepts("وللمحكمة"), vec![court]);
        let v = id("violation");
        assert_eq!(concepts("المخالفات"), vec![v]);
        let y = id("year");
        assert_eq!(concepts("لسنة"), vec![y]);
        // Diacritics and alef forms are folded.
        assert_eq!(concepts("الأَمْن"), vec![id("security")]);
    }

    #[test]
    fn both_languages_meet() {
        let a = concepts("يعاقب الموظف المخالف بغرامة لا تزيد على مرتب شهر.");
        let e = concepts("An employee in violation shall be punished by a fine not exceeding one month's salary.");
        for w in ["employee", "punish", "fine", "salary", "month", "violation"] {
            assert!(a.contains(&id(w)), "Arabic lacks {w}");
            assert!(e.contains(&id(w)), "English lacks {w}");
        }
    }
}
