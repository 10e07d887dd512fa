//! Per-article signals: the numbers an article mentions (with rarity
//! weights), its length, its list items and its place in the structure.
//!
//! Everything here is computed once per article; the scorer then compares
//! these summaries, which keeps the alignment itself cheap.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::document::{Article, DivisionKind, Document};
use crate::normalize::{fold, is_arabic_letter};

use super::hash::PairHasher;
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
    pub fn new<'d>(
        arabic: &'d Document,
        english: &'d Document,
        number_words: bool,
    ) -> PairFeatures {
        let mut ids: HashMap<Value, u32, BuildHasherDefault<PairHasher>> = HashMap::default();
        let mut table = NumberTable::default();
        let mut df: Vec<u32> = Vec::new();
        let mut concept_df = vec![0u32; CONCEPTS];
        let mut runs = Runs::new(Lexicon::get());
        let mut build = |doc: &'d Document| -> Vec<ArticleFeatures> {
            let divisions = division_keys(doc);
            doc.articles
                .iter()
                .map(|a| {
                    let mut vals = Vec::new();
                    let (lengths, concepts) = read_article(a, number_words, &mut runs, &mut vals);
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
                    for c in concepts.iter() {
                        concept_df[c as usize] += 1;
                    }
                    let mut f = article_features(a, nums, &divisions, lengths);
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

/// The [`DivisionKey`] of every division of a document, by position: each
/// title is folded once, not once per article.
fn division_keys(doc: &Document) -> Vec<DivisionKey> {
    let ordinals = division_ordinals(doc);
    doc.divisions
        .iter()
        .map(|d| DivisionKey {
            kind: d.kind,
            number: d.number,
            ordinal: ordinals.get(d.index).copied().unwrap_or(0),
            title: d.title.as_ref().map(|t| {
                let f: String = t
                    .chars()
                    .filter_map(fold)
                    .collect::<String>()
                    .to_lowercase();
                let ar = f.chars().any(is_arabic_letter);
                (f, ar)
            }),
        })
        .collect()
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

/// Reads an article: the lengths of its blocks (its paragraphs and items,
/// or its text when it has neither) and the numbers written in them, pushed
/// onto `vals` (with digits, and with words when `number_words`), as
/// [`scan_block`], [`numbers_from`] and `word_numbers` find them block by
/// block; and the concepts of its text and title, as [`Lexicon::concepts`]
/// finds them. List markers ("1-", "(2)") are not part of the blocks, so
/// they are not numbers of the text.
///
/// The blocks are pieces of the text. When they are found in it in order,
/// the text is read once: each block with [`read_block`], which looks up
/// its words in the lexicon as it goes, and the pieces between the blocks
/// (list markers, line breaks) with [`read_runs`], for the lexicon alone.
/// An article whose blocks are not found so, or whose text holds a
/// character across which a word of the lexicon may run on
/// ([`JOINS`]), has its text read again by [`Lexicon::concepts`].
fn read_article<'d>(
    a: &'d Article,
    number_words: bool,
    runs: &mut Runs<'d>,
    vals: &mut Vec<Value>,
) -> (BlockChars, ConceptSet) {
    let mut concepts = ConceptSet::default();
    let whole = a.paragraphs.is_empty() && a.items.is_empty();
    let start = vals.len();
    let read = if whole {
        read_block::<true>(&a.text, runs, number_words, vals, &mut concepts)
            .ok()
            .map(|n| BlockChars {
                text: n,
                paragraphs: Vec::new(),
                items: 0,
            })
    } else {
        read_pieces(a, runs, number_words, vals, &mut concepts)
    };
    let lengths = read.unwrap_or_else(|| {
        // Read again: the blocks for their lengths and numbers, the text
        // for its concepts.
        vals.truncate(start);
        concepts = ConceptSet::default();
        runs.lexicon
            .concepts(&a.text, &mut concepts, &mut runs.scratch);
        let mut block = |t: &'d str| {
            let mut none = ConceptSet::default();
            read_block::<false>(t, runs, number_words, vals, &mut none).unwrap_or_default()
        };
        if whole {
            BlockChars {
                text: block(&a.text),
                paragraphs: Vec::new(),
                items: 0,
            }
        } else {
            BlockChars {
                text: 0,
                paragraphs: a.paragraphs.iter().map(|p| block(&p.text)).collect(),
                items: a.items.iter().map(|i| block(&i.text)).sum(),
            }
        }
    });
    if let Some(t) = &a.title {
        let mut title = ConceptSet::default();
        if read_runs(t, 0, t.len(), runs, &mut title).is_err() {
            title = ConceptSet::default();
            runs.lexicon.concepts(t, &mut title, &mut runs.scratch);
        }
        concepts = concepts.or(&title);
    }
    (lengths, concepts)
}

/// [`read_article`] of an article with blocks, when they are found in its
/// text in the order of their spans, each where no word runs across its
/// ends. `None` when they are not, or when [`read_block`] or
/// [`read_runs`] gives up; `vals` and `concepts` then hold part of the
/// article.
fn read_pieces<'d>(
    a: &'d Article,
    runs: &mut Runs<'d>,
    number_words: bool,
    vals: &mut Vec<Value>,
    concepts: &mut ConceptSet,
) -> Option<BlockChars> {
    // The blocks in the order of the input: paragraphs by index, then items
    // by number of paragraphs + index.
    let np = a.paragraphs.len();
    let mut order = std::mem::take(&mut runs.order);
    order.clear();
    order.extend(a.paragraphs.iter().map(|p| p.span.start));
    order.extend(a.items.iter().map(|i| i.span.start));
    let mut blocks: Vec<usize> = (0..order.len()).collect();
    blocks.sort_by_key(|&k| order[k]);
    runs.order = order;
    let text = a.text.as_str();
    let mut paragraphs = vec![0; np];
    let mut items = 0;
    let mut pos = 0;
    for k in blocks {
        let t = if k < np {
            &a.paragraphs[k].text
        } else {
            &a.items[k - np].text
        };
        let at = locate(text, pos, t)?;
        let end = at + t.len();
        if !separates(text, at) || !separates(text, end) {
            return None;
        }
        read_runs(text, pos, at, runs, concepts).ok()?;
        let n = read_block::<true>(t, runs, number_words, vals, concepts).ok()?;
        if k < np {
            paragraphs[k] = n;
        } else {
            items += n;
        }
        pos = end;
    }
    read_runs(text, pos, text.len(), runs, concepts).ok()?;
    Some(BlockChars {
        text: 0,
        paragraphs,
        items,
    })
}

/// Where `needle` is in `text`, from byte `from` on: the first place, which
/// is most often a few bytes on (after a line break and a list marker).
fn locate(text: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = text.as_bytes().get(from..)?;
    let n = needle.as_bytes();
    let Some(&first) = n.first() else {
        return Some(from);
    };
    if hay.len() < n.len() {
        return None;
    }
    let near = (hay.len() - n.len()).min(32);
    if let Some(p) = (0..=near).find(|&p| hay[p] == first && hay[p..].starts_with(n)) {
        return Some(from + p);
    }
    memchr::memmem::find(hay, n).map(|p| from + p)
}

/// Whether no word runs across byte `k` of `s` (a character boundary): it
/// is an end of `s`, or the characters on either side are not both word
/// characters.
fn separates(s: &str, k: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(crate::numerals::is_word_char);
    !(word(s[..k].chars().next_back()) && word(s[k..].chars().next()))
}

/// [`content_chars`] of the blocks of an article: of its text when it has
/// no paragraphs or items (`text`), else of each paragraph and of all items.
struct BlockChars {
    text: usize,
    paragraphs: Vec<usize>,
    items: usize,
}

/// The features of an article, from its numbers, its block lengths and the
/// [`division_keys`] of its document.
fn article_features(
    a: &Article,
    numbers: Vec<u32>,
    divisions: &[DivisionKey],
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
    let division = a.division.and_then(|i| divisions.get(i)).cloned();
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
/// [`numbers_in`] ([`DIGIT`]), rules out a number word ([`NOT_NUMBER`]),
/// and is no word character across which the lexicon may read on
/// ([`JOINS`]).
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
    if !crate::numerals::is_word_char(c) && !super::lexicon::ends_words(c) {
        class |= JOINS;
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
/// [`char_class`] bit: the character is no word character, and the lexicon
/// may read a word across it (see [`super::lexicon::ends_words`]).
const JOINS: u8 = 16;

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

/// The runs of word characters of a document already read (one entry per
/// distinct run, as written) with what [`read_block`] and [`read_runs`]
/// need of each ([`RunInfo`]): a document uses a few thousand words again
/// and again.
///
/// A table of slots probed linearly from the slot the hash of the run
/// gives, at most half full. A slot holds the first sixteen bytes of its
/// run as two numbers, so that most runs (Arabic words of up to eight
/// letters, English words of up to sixteen) are compared in two steps; a
/// longer run compares the rest of its bytes.
struct Runs<'d> {
    slots: Vec<Slot<'d>>,
    /// Number of runs in `slots`.
    len: usize,
    /// 64 − log2 of the number of slots.
    shift: u32,
    /// The concepts of the runs that hold more than one (see
    /// [`RunInfo::tag`]).
    many: Vec<ConceptSet>,
    lexicon: &'static Lexicon,
    /// Scratch space of [`Lexicon::concepts`].
    scratch: Scratch,
    /// Scratch space of [`read_pieces`]: where each block starts.
    order: Vec<usize>,
}

/// A slot of [`Runs`]: empty when `run` is.
#[derive(Clone, Copy, Default)]
struct Slot<'d> {
    /// [`head`] of the run.
    head: [u64; 2],
    run: &'d str,
    info: RunInfo,
}

/// What the readers need of a run of word characters, which depends on the
/// run alone; twelve bytes, so that a look-up hands it over in registers.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct RunInfo {
    /// Its [`content_chars`].
    chars: u32,
    /// Where its first digit is ([`char_class`] [`DIGIT`]), or
    /// [`NO_DIGIT`].
    digit: u32,
    /// [`MAY_START`] when a number phrase may start with it: as
    /// `read_block` used to decide before reading the phrase,
    /// [`crate::numerals::may_start_phrase`] unless the run holds a letter
    /// that no number word has. In the other bits, its concepts as
    /// [`Lexicon::concepts`] finds them in it alone: 0 for none, 1 + the
    /// id of its only one, or [`MANY`] + an index into [`Runs::many`].
    tag: u32,
}

/// [`RunInfo::digit`] of a run without a digit.
const NO_DIGIT: u32 = u32::MAX;
/// [`RunInfo::tag`] bit: a number phrase may start with the run.
const MAY_START: u32 = 1 << 31;
/// [`RunInfo::tag`] of the first run with more than one concept (concept
/// ids are below it).
const MANY: u32 = 1 << 16;
const _: () = assert!(CONCEPTS < MANY as usize);

impl RunInfo {
    /// Whether a number phrase may start with the run.
    #[inline(always)]
    fn may_start(self) -> bool {
        self.tag & MAY_START != 0
    }
}

impl<'d> Runs<'d> {
    /// An empty table.
    fn new(lexicon: &'static Lexicon) -> Runs<'d> {
        let slots = 2048;
        Runs {
            slots: vec![Slot::default(); slots],
            len: 0,
            shift: 64 - slots.trailing_zeros(),
            many: Vec::new(),
            lexicon,
            scratch: Scratch::default(),
            order: Vec::new(),
        }
    }

    /// The [`RunInfo`] of the run `s[start..end]`.
    #[inline(always)]
    fn get(&mut self, s: &'d str, start: usize, end: usize) -> RunInfo {
        let b = s.as_bytes();
        let len = end - start;
        let head = head(b, start, len);
        let run = &b[start..end];
        let mask = self.slots.len() - 1;
        let mut i = (hash_run(head, run) >> self.shift) as usize;
        loop {
            let slot = &self.slots[i];
            if slot.run.is_empty() {
                break;
            }
            if slot.head == head
                && slot.run.len() == len
                && (len <= 16 || slot.run.as_bytes()[16..] == run[16..])
            {
                return slot.info;
            }
            i = (i + 1) & mask;
        }
        self.insert(i, &s[start..end], head)
    }

    /// Adds the concepts of a run to `out`.
    #[inline(always)]
    fn add_concepts(&self, info: RunInfo, out: &mut ConceptSet) {
        let c = info.tag & !MAY_START;
        if c != 0 {
            if c < MANY {
                out.insert((c - 1) as u16);
            } else {
                *out = out.or(&self.many[(c - MANY) as usize]);
            }
        }
    }

    /// Reads a new run and puts it in the empty slot `i`.
    #[cold]
    #[inline(never)]
    fn insert(&mut self, i: usize, run: &'d str, head: [u64; 2]) -> RunInfo {
        let info = self.read(run);
        self.slots[i] = Slot { head, run, info };
        self.len += 1;
        if 2 * self.len > self.slots.len() {
            let slots = 2 * self.slots.len();
            let old = std::mem::replace(&mut self.slots, vec![Slot::default(); slots]);
            self.shift = 64 - slots.trailing_zeros();
            let mask = slots - 1;
            for slot in old.into_iter().filter(|s| !s.run.is_empty()) {
                let mut i = (hash_run(slot.head, slot.run.as_bytes()) >> self.shift) as usize;
                while !self.slots[i].run.is_empty() {
                    i = (i + 1) & mask;
                }
                self.slots[i] = slot;
            }
        }
        info
    }

    /// The [`RunInfo`] of a run, from its characters.
    fn read(&mut self, run: &str) -> RunInfo {
        let mut chars = 0;
        let mut digit = NO_DIGIT;
        let mut classes = 0;
        let table = class_table();
        for (k, _) in run.char_indices() {
            let class = class_at(run, k, table).0;
            chars += u32::from(class & CONTENT);
            if class & DIGIT != 0 && digit == NO_DIGIT {
                digit = k as u32;
            }
            classes |= class;
        }
        // A letter no number word has (about half the words of an Arabic
        // text) rules the run out without a look-up.
        let may_start = (run.as_bytes()[0] < 0x80 || classes & NOT_NUMBER == 0)
            && crate::numerals::may_start_phrase(run);
        let mut set = ConceptSet::default();
        self.lexicon.concepts(run, &mut set, &mut self.scratch);
        let mut ids = set.iter();
        let concepts = match (ids.next(), ids.next()) {
            (None, _) => 0,
            (Some(id), None) => 1 + u32::from(id),
            _ => {
                self.many.push(set);
                MANY + (self.many.len() - 1) as u32
            }
        };
        RunInfo {
            chars,
            digit,
            tag: if may_start { MAY_START } else { 0 } | concepts,
        }
    }
}

/// The first sixteen bytes of the run of `len` bytes at `start` of `b`, as
/// two little-endian numbers, zero past the end of the run.
#[inline(always)]
fn head(b: &[u8], start: usize, len: usize) -> [u64; 2] {
    // The bytes of a run of `m` bytes among sixteen, by `m` up to 16.
    const MASKS: [[u64; 2]; 17] = {
        let mut masks = [[0; 2]; 17];
        let mut m = 1;
        while m <= 16 {
            masks[m] = if m < 8 {
                [(1 << (8 * m)) - 1, 0]
            } else if m < 16 {
                [u64::MAX, (1 << (8 * (m - 8))) - 1]
            } else {
                [u64::MAX, u64::MAX]
            };
            m += 1;
        }
        masks
    };
    let word = |h: &[u8]| u64::from_le_bytes(h.try_into().expect("eight bytes"));
    match b.get(start..start + 16) {
        Some(h) => {
            let mask = MASKS[len.min(16)];
            [word(&h[..8]) & mask[0], word(&h[8..]) & mask[1]]
        }
        None => {
            let mut buf = [0u8; 16];
            let m = len.min(16);
            buf[..m].copy_from_slice(&b[start..start + m]);
            [word(&buf[..8]), word(&buf[8..])]
        }
    }
}

/// Hash of a run (`run`, whose [`head`] is `head`): of its head, its length
/// and its last eight bytes.
#[inline(always)]
fn hash_run(head: [u64; 2], run: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let n = run.len();
    let mut h = (head[0] ^ (n as u64).rotate_left(40)).wrapping_mul(K);
    h = (h.rotate_left(29) ^ head[1]).wrapping_mul(K);
    if n > 16 {
        let tail = u64::from_le_bytes(run[n - 8..].try_into().expect("eight bytes"));
        h = (h.rotate_left(29) ^ tail).wrapping_mul(K);
    }
    h
}

/// Gave up: a character across which a word of the lexicon may run on
/// ([`JOINS`]).
#[derive(Debug)]
struct Joined;

/// One pass over a block: its [`content_chars`]; the numbers written in it
/// with digits ([`numbers_from`]) and, when `number_words`, with words
/// (`word_numbers`: other than one and two, in order) pushed onto `vals`;
/// and, when `LEX`, the concepts of its runs of word characters added to
/// `concepts` (see [`read_runs`]).
///
/// The number words are found the way [`crate::numerals::number_words_in`]
/// finds them: a phrase is tried at every word start (a word character
/// after a character that is not one, or after a phrase); when none starts
/// there, the word (with a hyphenated compound it starts) is passed over.
/// Here the word is looked up in `runs` first, and the phrase is only
/// tried when the word may start one. The test
/// `read_block_matches_separate_passes` holds the two together.
fn read_block<'d, const LEX: bool>(
    s: &'d str,
    runs: &mut Runs<'d>,
    number_words: bool,
    vals: &mut Vec<Value>,
    concepts: &mut ConceptSet,
) -> Result<usize, Joined> {
    let table = class_table();
    let b = s.as_bytes();
    let mut n = 0;
    let mut first_digit = None;
    // The lexicon has read the text up to here: past a number phrase, which
    // may end beyond the word it starts with.
    let mut read = 0;
    let mut k = 0;
    while k < b.len() {
        let (class, len) = class_at(s, k, table);
        if class & WORD == 0 {
            if LEX && class & JOINS != 0 && k >= read {
                return Err(Joined);
            }
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
        k = run_end(s, k, table);
        let info = runs.get(s, start, k);
        if LEX && start >= read {
            runs.add_concepts(info, concepts);
        }
        n += info.chars as usize;
        if first_digit.is_none() && info.digit != NO_DIGIT {
            first_digit = Some(start + info.digit as usize);
        }
        if number_words && info.may_start() {
            let first = s[start..].chars().next().expect("a word");
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
                if LEX && end > k.max(read) {
                    read = read_runs(s, k.max(read), end, runs, concepts)?;
                }
                read = read.max(k);
                k = end;
                continue;
            }
        }
        // No phrase: the rest of the hyphenated compound the word starts is
        // passed over as well.
        while b.get(k) == Some(&b'-') && class_at(s, k + 1, table).0 & WORD != 0 {
            n += (table[b'-' as usize] & CONTENT) as usize;
            let start = k + 1;
            k = run_end(s, start, table);
            let info = runs.get(s, start, k);
            if LEX && start >= read {
                runs.add_concepts(info, concepts);
            }
            n += info.chars as usize;
            if first_digit.is_none() && info.digit != NO_DIGIT {
                first_digit = Some(start + info.digit as usize);
            }
        }
    }
    if let Some(d) = first_digit {
        vals.extend(numbers_from(s, d));
    }
    Ok(n)
}

/// Adds to `concepts` the concepts of the runs of word characters of `s`
/// from byte `from` (a character boundary where no word runs across) on,
/// up to the first such boundary at or after `until`, which it returns.
///
/// When no character of `s` between the runs joins words ([`JOINS`]), the
/// lexicon reads each run alone ([`crate::align::lexicon::ends_words`]),
/// so these are the concepts [`Lexicon::concepts`] finds in that part of
/// `s`; otherwise it gives up.
fn read_runs<'d>(
    s: &'d str,
    from: usize,
    until: usize,
    runs: &mut Runs<'d>,
    concepts: &mut ConceptSet,
) -> Result<usize, Joined> {
    let table = class_table();
    let mut k = from;
    while k < until {
        let (class, len) = class_at(s, k, table);
        if class & WORD == 0 {
            if class & JOINS != 0 {
                return Err(Joined);
            }
            k += len;
            continue;
        }
        let start = k;
        k = run_end(s, k, table);
        let info = runs.get(s, start, k);
        runs.add_concepts(info, concepts);
    }
    Ok(k)
}

/// The end of the run of word characters of `s` from byte `k`.
#[inline(always)]
fn run_end(s: &str, mut k: usize, table: &[u8; 384]) -> usize {
    let b = s.as_bytes();
    while let Some(&x) = b.get(k) {
        if x < 0x80 {
            if !x.is_ascii_alphanumeric() {
                break;
            }
            k += 1;
        } else if x & 0xFC == 0xD8 {
            // The Arabic block: two bytes, the continuation byte follows (a
            // valid str).
            if table[128 + (((x as usize) & 3) << 6 | (b[k + 1] as usize & 0x3F))] & WORD == 0 {
                break;
            }
            k += 2;
        } else {
            let (class, len) = class_other(s, k);
            if class & WORD == 0 {
                break;
            }
            k += len;
        }
    }
    k
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
        let (lengths, concepts) = read_article(a, true, runs, &mut vals);
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
