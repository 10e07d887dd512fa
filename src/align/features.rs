//! Per-article signals: the numbers an article mentions (with rarity
//! weights), its length, its list items and its place in the structure.
//!
//! Everything here is computed once per article; the scorer then compares
//! these summaries, which keeps the alignment itself cheap.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::document::{Article, DivisionKind, Document};
use crate::normalize::{fold, is_arabic_letter};

use super::lexicon::{ConceptSet, Lexicon, Scratch, CONCEPTS};

/// A number found in running text, after digit folding.
pub(crate) type Value = u64;

/// What the aligner knows about one article.
#[derive(Debug, Clone)]
pub(crate) struct ArticleFeatures {
    /// Number part of the label, if any.
    pub label_number: Option<u32>,
    /// Suffix of the label (`bis`…), if any.
    pub label_suffix: Option<String>,
    /// Distinct numbers of the body, as ids into [`NumberTable`], sorted.
    pub numbers: Vec<u32>,
    /// Characters of the body that carry content (no spaces, marks).
    pub chars: f64,
    /// Characters of the body outside list items (of the first paragraph
    /// when there are no items).
    pub lead_chars: f64,
    /// Characters of the frame around the list: the first paragraph and
    /// the paragraphs after the last list item (what a translation that
    /// drops a list with its sub-lines keeps); `lead_chars` when the
    /// article has no items or the blocks carry no positions.
    pub frame_chars: f64,
    /// Number of list items.
    pub items: usize,
    /// Number of blocks: paragraphs plus list items.
    pub units: usize,
    /// Whether the article announces a list: it has list items, or its
    /// first paragraph ends with a colon ("… as follows:", "… ما يلي:-").
    pub announces_list: bool,
    /// Ordinals of the list items (0 when unknown).
    pub ordinals: Vec<u32>,
    /// The enclosing division, summarised.
    pub division: Option<DivisionKey>,
    /// Concepts of the built-in legal lexicon found in the title and body
    /// (ids index [`PairFeatures::concept_weights`]).
    pub concepts: ConceptSet,
    /// Total weight of those concepts.
    pub concept_weight: f64,
}

/// The enclosing division of an article, reduced to what can be compared
/// across languages.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DivisionKey {
    pub kind: DivisionKind,
    pub number: Option<u32>,
    /// Position among the divisions of the same kind in the document.
    pub ordinal: usize,
    /// Title folded for fuzzy comparison, and whether it is Arabic script.
    pub title: Option<(String, bool)>,
}

/// Numbers of both documents with their rarity weights.
#[derive(Debug, Clone, Default)]
pub(crate) struct NumberTable {
    pub values: Vec<Value>,
    pub weights: Vec<f64>,
}

/// Features of both documents of a pair.
#[derive(Debug, Clone)]
pub(crate) struct PairFeatures {
    pub arabic: Vec<ArticleFeatures>,
    pub english: Vec<ArticleFeatures>,
    pub table: NumberTable,
    /// Rarity weight of every lexicon concept (by concept id) over the
    /// articles of both documents.
    pub concept_weights: Vec<f64>,
}

impl PairFeatures {
    /// Computes the features of both documents; rarity weights are computed
    /// over the articles of both, so the two roles are treated alike.
    pub fn new(arabic: &Document, english: &Document, number_words: bool) -> PairFeatures {
        let mut ids: HashMap<Value, u32, BuildHasherDefault<super::PairHasher>> =
            HashMap::default();
        let mut table = NumberTable::default();
        let mut df: Vec<u32> = Vec::new();
        let lex = Lexicon::get();
        let mut concept_df = vec![0u32; CONCEPTS];
        let mut scratch = Scratch::default();
        let mut build = |doc: &Document| -> Vec<ArticleFeatures> {
            let ordinals = division_ordinals(doc);
            let mut words = WordCache::default();
            doc.articles
                .iter()
                .map(|a| {
                    let mut vals = Vec::new();
                    let lengths = read_blocks(a, number_words.then_some(&mut words), &mut vals);
                    vals.sort_unstable();
                    vals.dedup();
                    let mut nums: Vec<u32> = vals
                        .iter()
                        .map(|v| {
                            *ids.entry(*v).or_insert_with(|| {
                                table.values.push(*v);
                                df.push(0);
                                (table.values.len() - 1) as u32
                            })
                        })
                        .collect();
                    nums.sort_unstable();
                    for &n in &nums {
                        df[n as usize] += 1;
                    }
                    let mut concepts = ConceptSet::default();
                    lex.concepts(&a.text, &mut concepts, &mut scratch);
                    if let Some(t) = &a.title {
                        lex.concepts(t, &mut concepts, &mut scratch);
                    }
                    for c in concepts.iter() {
                        concept_df[c as usize] += 1;
                    }
                    let mut f = article_features(doc, a, nums, &ordinals, lengths);
                    f.concepts = concepts;
                    f
                })
                .collect()
        };
        let mut ar = build(arabic);
        let mut en = build(english);
        let total = (ar.len() + en.len()).max(1) as f64;
        table.weights = df
            .iter()
            .map(|&d| ((total + 1.0) / d.max(1) as f64).ln().max(0.05))
            .collect();
        let concept_weights: Vec<f64> = concept_df
            .iter()
            .map(|&d| ((total + 1.0) / d.max(1) as f64).ln().max(0.05))
            .collect();
        for a in ar.iter_mut().chain(en.iter_mut()) {
            a.concept_weight = a.concepts.weight(&concept_weights);
        }
        PairFeatures {
            arabic: ar,
            english: en,
            table,
            concept_weights,
        }
    }
}

fn division_ordinals(doc: &Document) -> Vec<usize> {
    let mut counts: HashMap<DivisionKind, usize> = HashMap::new();
    doc.divisions
        .iter()
        .map(|d| {
            let c = counts.entry(d.kind).or_insert(0);
            *c += 1;
            *c - 1
        })
        .collect()
}

/// Reads the blocks of an article (its paragraphs and items, or its text
/// when it has neither) with [`read_block`]: their lengths, and the numbers
/// written in them pushed onto `vals` (with digits, and with words when
/// `words` is given). List markers ("1-", "(2)") are not part of the
/// blocks, so they are not numbers of the text.
fn read_blocks<'d>(
    a: &'d Article,
    mut words: Option<&mut WordCache<'d>>,
    vals: &mut Vec<Value>,
) -> BlockChars {
    let mut scan = |t: &'d str| -> usize {
        let (chars, first_digit) = read_block(t, words.as_deref_mut(), vals);
        if let Some(k) = first_digit {
            vals.extend(numbers_from(t, k));
        }
        chars
    };
    if a.paragraphs.is_empty() && a.items.is_empty() {
        BlockChars {
            text: scan(&a.text),
            paragraphs: Vec::new(),
            items: 0,
        }
    } else {
        let paragraphs: Vec<usize> = a.paragraphs.iter().map(|p| scan(&p.text)).collect();
        let items = a.items.iter().map(|i| scan(&i.text)).sum();
        BlockChars {
            text: 0,
            paragraphs,
            items,
        }
    }
}

/// [`content_chars`] of the blocks of an article: of its text when it has
/// no paragraphs or items (`text`), else of each paragraph and of all items.
struct BlockChars {
    text: usize,
    paragraphs: Vec<usize>,
    items: usize,
}

fn article_features(
    doc: &Document,
    a: &Article,
    numbers: Vec<u32>,
    div_ordinals: &[usize],
    lengths: BlockChars,
) -> ArticleFeatures {
    // Lengths from the blocks (each counted once); from the text when the
    // parser gave no blocks. List markers are not counted.
    let para = lengths.paragraphs;
    let item_chars = lengths.items;
    let para_chars: usize = para.iter().sum();
    let chars = if para.is_empty() && a.items.is_empty() {
        lengths.text as f64
    } else {
        (para_chars + item_chars) as f64
    };
    // The text a shortened translation is expected to keep: what stands
    // outside the list items, or the first paragraph when there are none.
    let lead_chars = if a.items.is_empty() {
        para.first().map(|&p| p as f64).unwrap_or(chars)
    } else if para_chars > 0 {
        para_chars as f64
    } else {
        (chars - item_chars as f64).max(0.0)
    };
    let frame_chars = match (a.items.last(), para.first()) {
        (Some(last), Some(&first)) if last.span.end > 0 => {
            let after: usize = a
                .paragraphs
                .iter()
                .zip(&para)
                .skip(1)
                .filter(|(p, _)| p.span.start >= last.span.end)
                .map(|(_, &c)| c)
                .sum();
            (first + after) as f64
        }
        _ => lead_chars,
    };
    let division = a
        .division
        .and_then(|i| doc.divisions.get(i))
        .map(|d| DivisionKey {
            kind: d.kind,
            number: d.number,
            ordinal: div_ordinals.get(d.index).copied().unwrap_or(0),
            title: d.title.as_ref().map(|t| {
                let f: String = t
                    .chars()
                    .filter_map(fold)
                    .collect::<String>()
                    .to_lowercase();
                let ar = f.chars().any(is_arabic_letter);
                (f, ar)
            }),
        });
    ArticleFeatures {
        label_number: a.label.as_ref().map(|l| l.number),
        label_suffix: a.label.as_ref().and_then(|l| l.suffix.clone()),
        numbers,
        chars: chars.max(1.0),
        lead_chars: lead_chars.max(1.0),
        frame_chars: frame_chars.max(1.0),
        items: a.items.len(),
        units: a.items.len() + a.paragraphs.len(),
        announces_list: !a.items.is_empty()
            || a.paragraphs.first().is_some_and(|p| {
                p.text
                    .trim_end_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '.')
                    })
                    .ends_with([':', '：'])
            }),
        ordinals: a.items.iter().map(|i| i.ordinal.unwrap_or(0)).collect(),
        division,
        concepts: ConceptSet::default(),
        concept_weight: 0.0,
    }
}

/// Characters that carry content: not whitespace, not dropped by folding
/// (diacritics, tatweel, bidi marks).
#[cfg(test)]
pub(crate) fn content_chars(s: &str) -> usize {
    scan_block(s).0
}

/// [`content_chars`] of `s`, and the start of the first character that is
/// a digit for [`numbers_in`] (ASCII, Arabic-Indic, Extended Arabic-Indic
/// or full-width), in one pass. [`read_block`] counts the number phrases
/// it finds with it; the tests hold it as the reference for the rest.
pub(crate) fn scan_block(s: &str) -> (usize, Option<usize>) {
    // Whether each character of the Arabic block (U+0600–U+06FF, two UTF-8
    // bytes D8–DB xx) counts, from `fold` itself.
    static ARABIC: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    let arabic = ARABIC.get_or_init(|| {
        std::array::from_fn(|k| {
            let c = char::from_u32(0x0600 + k as u32).expect("Arabic block");
            !c.is_whitespace() && fold(c).is_some()
        })
    });
    let b = s.as_bytes();
    let mut n = 0;
    let mut k = 0;
    let mut first_digit = None;
    while k < b.len() {
        let x = b[k];
        if x < 0x80 {
            n += !x.is_ascii_whitespace() as usize;
            if x.is_ascii_digit() && first_digit.is_none() {
                first_digit = Some(k);
            }
            k += 1;
        } else if (0xD8..=0xDB).contains(&x) {
            // A valid str: the continuation byte follows.
            let u = (((x as usize) & 0x1F) << 6 | (b[k + 1] as usize & 0x3F)) - 0x600;
            n += arabic[u] as usize;
            // Arabic-Indic (U+0660–9) and Extended Arabic-Indic (U+06F0–9).
            if (0x60..=0x69).contains(&u) || (0xF0..=0xF9).contains(&u) {
                first_digit.get_or_insert(k);
            }
            k += 2;
        } else {
            let c = s[k..].chars().next().expect("char boundary");
            n += (!c.is_whitespace() && fold(c).is_some()) as usize;
            // Full-width digits.
            if ('\u{FF10}'..='\u{FF19}').contains(&c) {
                first_digit.get_or_insert(k);
            }
            k += c.len_utf8();
        }
    }
    (n, first_digit)
}

/// What [`read_block`] needs to know of a character: whether it counts
/// for [`content_chars`] ([`CONTENT`]), is part of a word for the number
/// words ([`WORD`]: [`crate::numerals::is_word_char`]), is a digit for
/// [`numbers_in`] ([`DIGIT`]) and rules out a number word ([`NOT_NUMBER`]).
fn char_class(c: char) -> u8 {
    let content = if c.is_ascii() {
        !c.is_ascii_whitespace()
    } else {
        !c.is_whitespace() && fold(c).is_some()
    };
    let digit = c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
        || ('\u{FF10}'..='\u{FF19}').contains(&c);
    let mut class = 0;
    if content {
        class |= CONTENT;
    }
    if crate::numerals::is_word_char(c) {
        class |= WORD;
    }
    if digit {
        class |= DIGIT;
    }
    if crate::numerals::never_in_number_word(c) {
        class |= NOT_NUMBER;
    }
    class
}

/// [`char_class`] bit: the character carries content.
const CONTENT: u8 = 1;
/// [`char_class`] bit: the character is part of a word.
const WORD: u8 = 2;
/// [`char_class`] bit: the character is a digit.
const DIGIT: u8 = 4;
/// [`char_class`] bit: no word holding the character may start a number
/// phrase ([`crate::numerals::never_in_number_word`]).
const NOT_NUMBER: u8 = 8;

/// [`char_class`] of the ASCII characters (by byte) and of the Arabic block
/// U+0600–U+06FF (at 128 + code point − U+0600).
fn class_table() -> &'static [u8; 384] {
    static TABLE: std::sync::OnceLock<[u8; 384]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|k| {
            let c = if k < 128 {
                char::from(k as u8)
            } else {
                char::from_u32(0x0600 + k as u32 - 128).expect("Arabic block")
            };
            char_class(c)
        })
    })
}

/// The words of a document already looked at by [`read_block`], as written,
/// and whether a number phrase may start with each
/// ([`crate::numerals::may_start_phrase`]): a document uses a few thousand
/// words again and again, and most are no number word.
type WordCache<'d> = HashMap<&'d str, bool, BuildHasherDefault<WordHasher>>;

/// Hasher of the words of [`WordCache`]: eight bytes a multiply.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        if n >= 8 {
            let mut chunks = bytes.chunks_exact(8);
            for c in &mut chunks {
                self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
            }
            if !chunks.remainder().is_empty() {
                // The last eight bytes, overlapping the last chunk.
                self.add(u64::from_le_bytes(
                    bytes[n - 8..].try_into().expect("eight bytes"),
                ));
            }
        } else {
            self.add(bytes.iter().fold(0, |v, &x| v << 8 | x as u64));
        }
    }
    fn write_u8(&mut self, v: u8) {
        self.add(v as u64);
    }
}

/// One pass over a block: `scan_block` of it (its [`content_chars`] and the
/// start of its first digit), and, when `words` is given, the values of
/// `word_numbers` (number words other than one and two, in order) pushed
/// onto `vals`.
///
/// The number words are found the way [`crate::numerals::number_words_in`]
/// finds them: a phrase is tried at every word start (a word character
/// after a character that is not one, or after a phrase); when none starts
/// there, the word (with a hyphenated compound it starts) is passed over.
/// Here the word is read first, and the phrase is only tried when the word
/// may start one. The test `read_block_matches_separate_passes` holds the
/// two together.
fn read_block<'d>(
    s: &'d str,
    mut words: Option<&mut WordCache<'d>>,
    vals: &mut Vec<Value>,
) -> (usize, Option<usize>) {
    let table = class_table();
    let b = s.as_bytes();
    let mut n = 0;
    let mut first_digit = None;
    let mut k = 0;
    while k < b.len() {
        let (class, len) = class_at(s, k, table);
        if class & WORD == 0 {
            n += (class & CONTENT) as usize;
            if class & DIGIT != 0 && first_digit.is_none() {
                first_digit = Some(k);
            }
            k += len;
            continue;
        }
        // A word starts here.
        let start = k;
        let before = (n, first_digit);
        let classes;
        (k, classes) = word_run(s, k, table, &mut n, &mut first_digit);
        if let Some(cache) = words.as_deref_mut() {
            let w = &s[start..k];
            let may_start = if b[start] < 0x80 {
                crate::numerals::may_start_phrase(w)
            } else if classes & NOT_NUMBER != 0 {
                // A letter no number word has (about half the words of an
                // Arabic text).
                false
            } else {
                *cache
                    .entry(w)
                    .or_insert_with(|| crate::numerals::may_start_phrase(w))
            };
            let first = w.chars().next().expect("a word");
            if may_start {
                if let Ok((v, _, end)) = crate::numerals::phrase_at(s, start, first) {
                    // One and two are left out: Arabic writes them mostly as
                    // the singular or the dual of the noun (`يومين` = "two
                    // days"), and English "one" is often not a quantity at
                    // all, so they would make noise rather than evidence.
                    if v >= 3 {
                        vals.push(v as Value);
                    }
                    // The phrase is counted again from its start: it may end
                    // before the end of the word as well as after it.
                    let (m, d) = scan_block(&s[start..end]);
                    n = before.0 + m;
                    first_digit = before.1.or(d.map(|d| start + d));
                    k = end;
                    continue;
                }
            }
        }
        // No phrase: the rest of the hyphenated compound the word starts is
        // passed over as well.
        while b.get(k) == Some(&b'-') && class_at(s, k + 1, table).0 & WORD != 0 {
            n += (table[b'-' as usize] & CONTENT) as usize;
            k = word_run(s, k + 1, table, &mut n, &mut first_digit).0;
        }
    }
    (n, first_digit)
}

/// Reads the run of word characters from byte `k` of `s`, adding to the
/// count and first digit of [`read_block`]; returns the end of the run and
/// the union of the [`char_class`] of its non-ASCII characters.
#[inline(always)]
fn word_run(
    s: &str,
    mut k: usize,
    table: &[u8; 384],
    n: &mut usize,
    first_digit: &mut Option<usize>,
) -> (usize, u8) {
    let b = s.as_bytes();
    let mut classes = 0;
    while k < b.len() {
        let x = b[k];
        let class = if x < 0x80 {
            // ASCII: letters and digits are the word characters, and carry
            // content.
            if x.is_ascii_alphabetic() {
                *n += 1;
                k += 1;
                continue;
            }
            if !x.is_ascii_digit() {
                break;
            }
            CONTENT | WORD | DIGIT
        } else if x & 0xFC == 0xD8 {
            // The Arabic block: two bytes, the continuation byte follows (a
            // valid str). Letters are the common case.
            let class = table[128 + (((x as usize) & 3) << 6 | (b[k + 1] as usize & 0x3F))];
            classes |= class;
            if class & !NOT_NUMBER == CONTENT | WORD {
                *n += 1;
                k += 2;
                continue;
            }
            class
        } else {
            let class = class_other(s, k).0;
            classes |= class;
            class
        };
        if class & WORD == 0 {
            break;
        }
        *n += (class & CONTENT) as usize;
        if class & DIGIT != 0 && first_digit.is_none() {
            *first_digit = Some(k);
        }
        k += s[k..].chars().next().map_or(1, char::len_utf8);
    }
    (k, classes)
}

/// [`char_class`] of the character at byte `k` of `s` (a character
/// boundary), and its length; `(0, 0)` at the end.
#[inline(always)]
fn class_at(s: &str, k: usize, table: &[u8; 384]) -> (u8, usize) {
    let b = s.as_bytes();
    match b.get(k) {
        None => (0, 0),
        Some(&x) if x < 0x80 => (table[x as usize], 1),
        Some(&x) if x & 0xFC == 0xD8 => {
            // The Arabic block: two bytes, the continuation byte follows
            // (a valid str).
            let u = ((x as usize) & 3) << 6 | (b[k + 1] as usize & 0x3F);
            (table[128 + u], 2)
        }
        Some(_) => class_other(s, k),
    }
}

/// [`class_at`] of a character outside ASCII and the Arabic block.
#[inline(never)]
fn class_other(s: &str, k: usize) -> (u8, usize) {
    let c = s[k..].chars().next().expect("char boundary");
    (char_class(c), c.len_utf8())
}

/// The numbers written with digits in `s`, after digit folding.
///
/// - Arabic-Indic and Extended Arabic-Indic digits count as digits;
/// - `1,000` and `١٬٠٠٠` are one thousand;
/// - dates (`01/01/1430`) and decimals are split into their parts, leading
///   zeros dropped;
/// - a two-digit year followed by Arabic `ف`, `م`, `هـ` or `ميلادي`
///   (`74ف`) is read as 19xx;
/// - runs longer than 15 digits (phone numbers, ids) are ignored.
pub(crate) fn numbers_in(s: &str) -> Vec<Value> {
    // Most paragraphs hold no digit at all: ASCII, Arabic-Indic (U+0660–9),
    // Extended Arabic-Indic (U+06F0–9) or full-width.
    match first_digit(s) {
        Some(k) => numbers_from(s, k),
        None => Vec::new(),
    }
}

/// The start of the first character of `s` that is a digit for
/// [`numbers_in`].
fn first_digit(s: &str) -> Option<usize> {
    s.char_indices()
        .find(|&(_, c)| {
            c.is_ascii_digit()
                || ('\u{0660}'..='\u{0669}').contains(&c)
                || ('\u{06F0}'..='\u{06F9}').contains(&c)
                || ('\u{FF10}'..='\u{FF19}').contains(&c)
        })
        .map(|(k, _)| k)
}

/// [`numbers_in`] of `s`, whose first digit is the character at `start`
/// (see [`scan_block`]).
pub(crate) fn numbers_from(s: &str, start: usize) -> Vec<Value> {
    let mut out = Vec::new();
    // The folded text from the character holding the first digit on,
    // after the last folded character before it (no digit folds out of
    // what precedes: only the look-behind of the first run needs it).
    let keep = |c: char| if c.is_ascii() { Some(c) } else { fold(c) };
    let mut chars: Vec<char> = Vec::with_capacity(s.len() - start + 1);
    chars.extend(s[..start].chars().rev().find_map(keep));
    chars.extend(s[start..].chars().filter_map(keep));
    let n = chars.len();
    let mut i = 0;
    while i < n {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut value: Value = 0;
        let mut digits = 0;
        let mut grouped = false;
        loop {
            while j < n && chars[j].is_ascii_digit() {
                value = value
                    .saturating_mul(10)
                    .saturating_add(chars[j] as Value - '0' as Value);
                digits += 1;
                j += 1;
            }
            // Thousands separator followed by exactly three digits.
            if j + 3 < n + 1
                && j < n
                && (chars[j] == ',' || chars[j] == '\u{066C}')
                && (1..=3).all(|k| j + k < n && chars[j + k].is_ascii_digit())
                && !(j + 4 < n && chars[j + 4].is_ascii_digit())
                && (digits <= 3 || grouped)
            {
                grouped = true;
                j += 1;
                continue;
            }
            break;
        }
        if digits > 15 {
            i = j;
            continue;
        }
        if digits == 2 && !grouped && short_year_follows(&chars, j) {
            value += 1900;
        }
        out.push(value);
        i = j;
    }
    out
}

/// Whether a year marker (`ف`, `م`, `هـ`, `ميلادي`) follows position `j`,
/// possibly after one space.
fn short_year_follows(chars: &[char], mut j: usize) -> bool {
    if j < chars.len() && chars[j] == ' ' {
        j += 1;
    }
    let letter_at = |k: usize| k < chars.len() && is_arabic_letter(chars[k]);
    if j >= chars.len() {
        return false;
    }
    if matches!(chars[j], 'ف' | 'م' | 'ه') && !letter_at(j + 1) {
        return true;
    }
    let word: String = chars[j..].iter().take(6).collect();
    word.starts_with("ميلادي")
}

/// Numbers written as words (`fifteen days`, `خمسة عشر يوما`), when the
/// numerals module can read them.
///
/// One and two are left out: Arabic writes them mostly as the singular or
/// the dual of the noun (`يومين` = "two days"), and English "one" is often
/// not a quantity at all, so they would make noise rather than evidence.
/// [`read_block`] finds the same in its own pass; this is its reference.
#[cfg(test)]
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
    fn digits_are_folded() {
        assert_eq!(numbers_in("المادة (٤٤) من القانون"), vec![44]);
        assert_eq!(numbers_in("Article (44) of the Code"), vec![44]);
    }

    #[test]
    fn short_years() {
        assert_eq!(
            numbers_in("القانون رقم (39) لسنة 74ف بإصدار"),
            vec![39, 1974]
        );
        assert_eq!(numbers_in("لسنة 74 ف."), vec![1974]);
        assert_eq!(numbers_in("لسنة 81 ميلادية"), vec![1981]);
        assert_eq!(numbers_in("مدة 15 فقرة"), vec![15]);
        assert_eq!(numbers_in("Law No. (39) of 1974"), vec![39, 1974]);
    }

    #[test]
    fn number_words() {
        assert_eq!(word_numbers("within fifteen days, or two years"), vec![15]);
        assert_eq!(word_numbers("خلال خمسة عشر يوما"), vec![15]);
        assert_eq!(word_numbers("ولا تقل خبرته عن خمس عشرة سنة"), vec![15]);
    }

    #[test]
    fn dates_and_groups() {
        assert_eq!(numbers_in("from 01/01/1430 FBP"), vec![1, 1, 1430]);
        assert_eq!(numbers_in("1/1/1430 ميلادية"), vec![1, 1, 1430]);
        assert_eq!(numbers_in("LYD 1,000,000 and 2,5"), vec![1_000_000, 2, 5]);
        assert_eq!(numbers_in("١٬٠٠٠ دينار"), vec![1000]);
        assert_eq!(
            numbers_in("code A4 and 12345678901234567890"),
            Vec::<u64>::new()
        );
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
        let mut texts: Vec<String> = [
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
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        for e in std::fs::read_dir(seeds).expect("seeds") {
            let t = std::fs::read_to_string(e.expect("entry").path()).expect("UTF-8");
            texts.extend(t.lines().map(str::to_string));
            texts.push(t);
        }
        // Every split of a few phrases, so that blocks start and end inside
        // words and phrases.
        let joined = texts[1..10].join(" ");
        for (k, _) in joined.char_indices() {
            texts.push(joined[k..].to_string());
            texts.push(joined[..k].to_string());
        }
        for t in &texts {
            let mut vals = Vec::new();
            let got = read_block(t, Some(&mut WordCache::default()), &mut vals);
            assert_eq!(got, scan_block(t), "{t:?}");
            assert_eq!(vals, word_numbers(t), "{t:?}");
            // A cache that already knows the words gives the same.
            let mut warm = WordCache::default();
            read_block(t, Some(&mut warm), &mut Vec::new());
            vals.clear();
            assert_eq!(read_block(t, Some(&mut warm), &mut vals), got, "{t:?}");
            assert_eq!(vals, word_numbers(t), "{t:?}");
            let mut none = Vec::new();
            assert_eq!(read_block(t, None, &mut none), got, "{t:?}");
            assert!(none.is_empty());
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
