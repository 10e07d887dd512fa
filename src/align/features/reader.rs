//! The fast per-document reader: one pass over the text of each article
//! gives its block lengths, the numbers it writes (with digits and with
//! words) and the concepts of the lexicon it uses.
//!
//! In: the articles of a document, one after the other, with one [`Runs`]
//! table for the whole document (the distinct runs of word characters —
//! a few thousand words, used again and again — are each read once; a
//! look-up hands over a packed twelve-byte [`RunInfo`]). Out: per article,
//! its [`BlockChars`], numbers and [`ConceptSet`].
//!
//! The test-only reference implementations that this reader must agree
//! with (each block read alone, a character at a time) are in
//! `reference.rs`; its tests hold the two together.

use super::numbers::{numbers_from, Value};
use crate::align::lexicon::{ConceptSet, Lexicon, Scratch, CONCEPTS};
use crate::document::Article;
use crate::normalize::fold;

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
pub(super) fn read_article<'d>(
    a: &'d Article,
    number_words: bool,
    runs: &mut Runs<'d>,
    vals: &mut Vec<Value>,
) -> (BlockChars, ConceptSet, ConceptSet) {
    let mut concepts = ConceptSet::default();
    let mut lead = None;
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
        read_pieces(a, runs, number_words, vals, &mut concepts).map(|(b, l)| {
            lead = Some(l);
            b
        })
    };
    let lengths = read.unwrap_or_else(|| {
        // Read again: the blocks for their lengths and numbers, the text
        // for its concepts.
        vals.truncate(start);
        concepts = ConceptSet::default();
        lead = None;
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
        lead = lead.map(|l| l.or(&title));
    }
    (lengths, concepts, lead.unwrap_or(concepts))
}

/// [`read_article`] of an article with blocks, when they are found in its
/// text in the order of their spans, each where no word runs across its
/// ends. `None` when they are not, or when [`read_block`] or
/// [`read_runs`] gives up; `vals` and `concepts` then hold part of the
/// article. Also returns the concepts of the article's *lead* (as for its
/// `lead_chars`): outside the list items, or of the first paragraph when
/// there are none.
fn read_pieces<'d>(
    a: &'d Article,
    runs: &mut Runs<'d>,
    number_words: bool,
    vals: &mut Vec<Value>,
    concepts: &mut ConceptSet,
) -> Option<(BlockChars, ConceptSet)> {
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
    // Concepts of the first paragraph, and of the rest outside the items.
    let (mut first, mut outside) = (ConceptSet::default(), ConceptSet::default());
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
        read_runs(text, pos, at, runs, &mut outside).ok()?;
        let mut set = ConceptSet::default();
        let n = read_block::<true>(t, runs, number_words, vals, &mut set).ok()?;
        *concepts = concepts.or(&set);
        if k < np {
            if k == 0 {
                first = set;
            } else {
                outside = outside.or(&set);
            }
            paragraphs[k] = n;
        } else {
            items += n;
        }
        pos = end;
    }
    read_runs(text, pos, text.len(), runs, &mut outside).ok()?;
    *concepts = concepts.or(&outside);
    let lead = if a.items.is_empty() {
        first
    } else {
        first.or(&outside)
    };
    Some((
        BlockChars {
            text: 0,
            paragraphs,
            items,
        },
        lead,
    ))
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
    let word = |c: Option<char>| c.is_some_and(crate::normalize::is_word_char);
    !(word(s[..k].chars().next_back()) && word(s[k..].chars().next()))
}

/// [`content_chars`] of the blocks of an article: of its text when it has
/// no paragraphs or items (`text`), else of each paragraph and of all items.
pub(super) struct BlockChars {
    pub text: usize,
    pub paragraphs: Vec<usize>,
    pub items: usize,
}

/// [`content_chars`] of `s`, and the start of the first character that is
/// a digit for [`numbers_in`] (ASCII, Arabic-Indic, Extended Arabic-Indic
/// or full-width), in one pass. [`read_block`] counts the number phrases
/// it finds with it; the tests hold it as the reference for the rest.
pub(super) fn scan_block(s: &str) -> (usize, Option<usize>) {
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
/// words ([`WORD`]: [`crate::normalize::is_word_char`]), is a digit for
/// [`numbers_in`] ([`DIGIT`]), rules out a number word ([`NOT_NUMBER`]),
/// and is no word character across which the lexicon may read on
/// ([`JOINS`]).
pub(super) fn char_class(c: char) -> u8 {
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
    if crate::normalize::is_word_char(c) {
        class |= WORD;
    }
    if digit {
        class |= DIGIT;
    }
    if crate::numerals::never_in_number_word(c) {
        class |= NOT_NUMBER;
    }
    if !crate::normalize::is_word_char(c) && !crate::align::lexicon::ends_words(c) {
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
/// may read a word across it (see [`crate::align::lexicon::ends_words`]).
pub(super) const JOINS: u8 = 16;

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
pub(super) struct Runs<'d> {
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

    /// The content characters `n` and the first digit `first_digit` of a
    /// block counted on over this run, which starts at byte `start`.
    #[inline(always)]
    fn count(self, start: usize, n: usize, first_digit: Option<usize>) -> (usize, Option<usize>) {
        let first_digit = match first_digit {
            None if self.digit != NO_DIGIT => Some(start + self.digit as usize),
            other => other,
        };
        (n + self.chars as usize, first_digit)
    }
}

impl<'d> Runs<'d> {
    /// An empty table.
    pub(super) fn new(lexicon: &'static Lexicon) -> Runs<'d> {
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

    /// The [`RunInfo`] of the word `s[start..end]` of a block, whose
    /// concepts are added to `concepts` (with `LEX`) unless the lexicon
    /// has read past its start (`read`, see [`read_block`]).
    #[inline(always)]
    fn word<const LEX: bool>(
        &mut self,
        s: &'d str,
        start: usize,
        end: usize,
        read: usize,
        concepts: &mut ConceptSet,
    ) -> RunInfo {
        let info = self.get(s, start, end);
        if LEX && start >= read {
            self.add_concepts(info, concepts);
        }
        info
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
pub(super) struct Joined;

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
pub(super) fn read_block<'d, const LEX: bool>(
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
        let info = runs.word::<LEX>(s, start, k, read, concepts);
        (n, first_digit) = info.count(start, n, first_digit);
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
            let info = runs.word::<LEX>(s, start, k, read, concepts);
            (n, first_digit) = info.count(start, n, first_digit);
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
pub(super) fn read_runs<'d>(
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
