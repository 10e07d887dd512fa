//! The cues of a line: what its words suggest about its place in a law
//! (title, preamble, closing, boilerplate, quotation).
//!
//! In: a line's record and the input text. Out: its [`Cues`], computed on
//! the line's matching view with the keyword lists below.

use super::{strip_md, Line};
use crate::normalize::{self, Normalized};

/// What a line's words suggest about its place in a law: the cues the
/// builder reads to find the title, preamble, closing, boilerplate and
/// quotations. Each is computed on the line's matching view, with any
/// leading bullet (`-`, `–`, `•`, `*`) and spaces trimmed off, and each
/// word list lives beside the code that tests it ([`cues`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Cues {
    /// A closing formula (`صدر في`, `Issued on`, `Done at`, `dated` …) at
    /// the start of a line of at most 16 words (32 for `وقع في`, `Done at`,
    /// `Signed at`, which carry both calendars' dates).
    pub closing: bool,
    /// An enacting formula (`قررت`, `اصدرنا`, `has decided`, `as
    /// follows`, `promulgated the following` …) opening or ending a line
    /// of at most 9 words.
    pub enacting: bool,
    /// The opening of the recitals (`بعد الاطلاع`, `بناء علي`, `Having
    /// regard`, `Pursuant to` …) at the start of the line.
    pub recital_intro: bool,
    /// One recital of a list of them: a line starting with `وعلي`, `علي`,
    /// `and ` or `having regard`, or with a bullet.
    pub recital: bool,
    /// A title line: an [`instrument`](Self::instrument) line that also has
    /// a number keyword (`رقم`, `No.`, `number`, `(`).
    pub title_kw: bool,
    /// The name of a kind of instrument (`قانون`, `مرسوم`, `Law`, `Decree`,
    /// `Resolution` …) anywhere in a line of at most 30 words that does not
    /// start with `-`.
    pub instrument: bool,
    /// A line of at most 12 words that starts with a number keyword (`رقم`,
    /// `No.`, `No`, `Number`): the number line under a title.
    pub number_line: bool,
    /// The subject line of a title (`بشان`, `بتعديل`, `On`, `Concerning`,
    /// `Amending` …) at the start of a line of at most 30 words.
    pub subtitle: bool,
    /// Web-page boilerplate anywhere in the line (`Subscribe`, `All rights
    /// reserved`, `Follow us`, `جميع الحقوق` …).
    pub boilerplate: bool,
    /// An amending verb anywhere in the line (`يستبدل`, `تضاف`, `replaced`,
    /// `shall read` …): the line may introduce a quoted article.
    pub amend: bool,
    /// The line starts with an opening quotation mark (`"`, `“`, `«`, `'`,
    /// `„`).
    pub quote_start: bool,
    /// The line is only an article keyword (`مادة`, `Article`) whose
    /// number is on the next line; set by the line scanner.
    pub bare_keyword: bool,
    /// The line is one word that is a proper prefix of an article keyword
    /// (`ما` of a heading broken as `ما` / `دة (14)`); set by the line
    /// scanner.
    pub keyword_fragment: bool,
}

fn starts_with_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        s.len() >= w.len()
            && s.is_char_boundary(w.len())
            && s[..w.len()].eq_ignore_ascii_case(w)
            && s[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The cues of a line without headings, computed on demand: only the
/// lines around the law's edges (title, preamble, closing, boilerplate)
/// and the paragraphs that introduce quotations need them.
/// `view` is a buffer for the line's matching view.
pub(crate) fn line_cues(text: &str, l: &Line, view: &mut Normalized) -> Cues {
    if l.is_blank() || l.has_heading() {
        return l.cues;
    }
    normalize::normalize_into(&text[l.text_start..l.text_end], view);
    let mut c = cues(strip_md(view.as_str()), l.words);
    c.bare_keyword = l.cues.bare_keyword;
    c.keyword_fragment = l.cues.keyword_fragment;
    c
}

/// The `amend` cue of [`line_cues`] alone: whether the line has an
/// amending verb. The keywords start and end with letters, so the marks
/// `cues` trims off the line's ends cannot be part of one, and a line of
/// ASCII without tabs is its own matching view. `view` and `plain` are
/// buffers.
pub(crate) fn line_amend(text: &str, l: &Line, view: &mut Normalized, plain: &mut String) -> bool {
    if l.is_blank() || l.has_heading() {
        return l.cues.amend;
    }
    let raw = &text[l.text_start..l.text_end];
    if raw.is_ascii() && !raw.contains('\t') {
        plain.clear();
        plain.push_str(raw);
    } else if !normalize::normalize_plain(raw, plain) {
        normalize::normalize_into(raw, view);
        plain.clear();
        plain.push_str(view.as_str());
    }
    plain.make_ascii_lowercase();
    has_amend_verb(plain)
}

/// Whether the lower-cased view `s` holds an amending verb (the keywords
/// are lower case, so this is the ASCII-case-insensitive search `cues`
/// makes). A packed (SIMD) searcher when the machine has one: it skips
/// most of the line.
fn has_amend_verb(s: &str) -> bool {
    enum Finder {
        Packed(aho_corasick::packed::Searcher),
        Automaton(aho_corasick::AhoCorasick),
    }
    static FINDER: std::sync::OnceLock<Finder> = std::sync::OnceLock::new();
    let f = FINDER.get_or_init(|| {
        let words = KEYWORDS.iter().filter(|(_, c)| *c == AMEND).map(|(k, _)| k);
        debug_assert!(words.clone().all(|w| w.to_ascii_lowercase() == *w));
        match aho_corasick::packed::Searcher::new(words.clone()) {
            Some(p) => Finder::Packed(p),
            None => Finder::Automaton(
                aho_corasick::AhoCorasick::new(words).expect("the keyword patterns are valid"),
            ),
        }
    });
    match f {
        Finder::Packed(p) => p.find(s).is_some(),
        Finder::Automaton(a) => a.is_match(s),
    }
}

const INSTRUMENT: u8 = 1;
const NUMBERED: u8 = 2;
const BOILERPLATE: u8 = 4;
const AMEND: u8 = 8;

/// Words looked for anywhere in a line, each with the cue it raises.
const KEYWORDS: &[(&str, u8)] = &[
    ("قانون", INSTRUMENT),
    ("قرار", INSTRUMENT),
    ("مرسوم", INSTRUMENT),
    ("لائحه", INSTRUMENT),
    ("نظام", INSTRUMENT),
    ("امر", INSTRUMENT),
    ("law", INSTRUMENT),
    ("decree", INSTRUMENT),
    ("resolution", INSTRUMENT),
    ("regulation", INSTRUMENT),
    ("order", INSTRUMENT),
    ("decision", INSTRUMENT),
    ("act", INSTRUMENT),
    ("constitution", INSTRUMENT),
    ("declaration", INSTRUMENT),
    ("رقم", NUMBERED),
    ("no.", NUMBERED),
    ("number", NUMBERED),
    ("(", NUMBERED),
    ("subscribe", BOILERPLATE),
    ("newsletter", BOILERPLATE),
    ("cookie", BOILERPLATE),
    ("all rights reserved", BOILERPLATE),
    ("related articles", BOILERPLATE),
    ("read more", BOILERPLATE),
    ("copyright", BOILERPLATE),
    ("follow us", BOILERPLATE),
    ("mailbox", BOILERPLATE),
    ("spam", BOILERPLATE),
    ("comments", BOILERPLATE),
    ("share this", BOILERPLATE),
    ("new legal database", BOILERPLATE),
    ("thrilled to announce", BOILERPLATE),
    ("الاخبار الجيده", BOILERPLATE),
    ("النشره البريديه", BOILERPLATE),
    ("اشترك", BOILERPLATE),
    ("جميع الحقوق", BOILERPLATE),
    ("رسائل غير مرغوب", BOILERPLATE),
    ("تصميمنا الجديد", BOILERPLATE),
    ("اخر تحديث", BOILERPLATE),
    ("last updated", BOILERPLATE),
    ("يستبدل", AMEND),
    ("تستبدل", AMEND),
    ("يضاف", AMEND),
    ("تضاف", AMEND),
    ("يعدل", AMEND),
    ("تعدل", AMEND),
    ("يستعاض", AMEND),
    ("replaced", AMEND),
    ("amended", AMEND),
    ("inserted", AMEND),
    ("added", AMEND),
    ("substituted", AMEND),
    ("to read", AMEND),
    ("shall read", AMEND),
    ("reworded", AMEND),
];

/// One pass over the line finds every keyword (ASCII case-insensitive).
fn keyword_cues(s: &str) -> u8 {
    use aho_corasick::{AhoCorasick, AhoCorasickKind};
    type Matcher = std::sync::OnceLock<AhoCorasick>;
    let build = |kind| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(kind))
            .build(KEYWORDS.iter().map(|(k, _)| k))
            .expect("the keyword patterns are valid")
    };
    // A few lines per document are searched: an automaton quick to build
    // (a DFA costs about a millisecond) rather than quick to run, unless a
    // line is long (a text without line breaks).
    static SHORT: Matcher = Matcher::new();
    static LONG: Matcher = Matcher::new();
    let m = if s.len() <= 4096 {
        SHORT.get_or_init(|| build(AhoCorasickKind::ContiguousNFA))
    } else {
        LONG.get_or_init(|| build(AhoCorasickKind::DFA))
    };
    let mut bits = 0;
    for found in m.find_overlapping_iter(s) {
        bits |= KEYWORDS[found.pattern().as_usize()].1;
        if bits == INSTRUMENT | NUMBERED | BOILERPLATE | AMEND {
            break;
        }
    }
    bits
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Closing formulas: [`Cues::closing`].
const CLOSING_OPENERS: &[&str] = &[
    "صدر في",
    "صدر ب",
    "صدر عن",
    "صدر بتاريخ",
    "حرر في",
    "حرر ب",
    "الموافق",
    "تحريرا في",
    "signed at",
    "signed in",
    "issued on",
    "issued in",
    "issued at",
    "issued",
    "done at",
    "done in",
    "done on",
    "corresponding to",
    "promulgated on",
    "promulgated at",
    "dated",
];

/// Closing formulas that name where the law was signed, often followed by
/// both calendars' dates on the same line: [`Cues::closing`] in a line of
/// up to 32 words.
const SIGNED_OPENERS: &[&str] = &["وقع في", "وقعت في", "حرر في", "done at", "signed at"];

/// Enacting formulas that open a line: [`Cues::enacting`].
const ENACTING_OPENERS: &[&str] = &[
    "قرر",
    "قررت",
    "قررنا",
    "يقرر",
    "اصدر",
    "اصدرنا",
    "نصدر",
    "رسمنا",
    "رسم بما",
    "اصدرت",
    "اقر",
];

/// Enacting formulas that end a line (ASCII case-insensitive):
/// [`Cues::enacting`].
const ENACTING_ENDINGS: &[&str] = &[
    "decided",
    "decreed",
    "decides",
    "decrees",
    "has decided",
    "as follows",
    "following law",
    "following decree",
    "hereby decree",
    "promulgates",
    "resolved",
    "resolves",
    "enacted",
];

/// Openings of the recitals: [`Cues::recital_intro`].
const RECITAL_INTRO_OPENERS: &[&str] = &[
    "بعد الاطلاع",
    "وبعد الاطلاع",
    "بناء علي",
    "وبناء علي",
    "استنادا",
    "upon review",
    "upon reviewing",
    "having reviewed",
    "having regard",
    "after review",
    "after reviewing",
    "after perusal",
    "pursuant to",
    "in accordance with",
    "based on",
    "having perused",
];

/// Openings of a title's subject line: [`Cues::subtitle`].
const SUBTITLE_OPENERS: &[&str] = &[
    "بشان",
    "في شان",
    "بتنظيم",
    "باصدار",
    "بتعديل",
    "بانشاء",
    "بتقرير",
    "باعتماد",
    "on",
    "concerning",
    "regarding",
    "relating",
    "establishing",
    "amending",
    "organising",
    "organizing",
    "issuing",
    "promulgating",
];

/// [`Cues::enacting`] of the line `l` (bullet trimmed off), which has at
/// most 9 words.
fn is_enacting(l: &str) -> bool {
    let core = l.trim_end_matches([':', '-', '.', ' ', '*']);
    let lower = core.to_ascii_lowercase();
    starts_with_any(core, ENACTING_OPENERS)
        || ENACTING_ENDINGS.iter().any(|e| ends_with_ci(core, e))
        || lower.contains("issued the following")
        || lower.contains("promulgated the following")
}

/// The cues of the matching view `s` of a line of `words` words; the two
/// the line scanner sets ([`Cues::bare_keyword`],
/// [`Cues::keyword_fragment`]) are left false.
fn cues(s: &str, words: u32) -> Cues {
    let mut c = Cues::default();
    let l = s.trim_start_matches(['-', '–', '•', '*', ' ']);
    c.closing = words <= 16 && starts_with_any(l, CLOSING_OPENERS)
        || words <= 32 && starts_with_any(l, SIGNED_OPENERS);
    if words <= 9 {
        c.enacting = is_enacting(l);
    }
    c.recital_intro = starts_with_any(l, RECITAL_INTRO_OPENERS);
    c.recital = starts_with_any(l, &["وعلي", "علي", "and ", "having regard"])
        || s.starts_with(['-', '–', '•', '*']);
    let keywords = keyword_cues(l);
    c.instrument = words <= 30 && !l.starts_with('-') && keywords & INSTRUMENT != 0;
    c.number_line = words <= 12 && starts_with_any(l, &["رقم", "no.", "no", "number"]);
    c.title_kw = c.instrument && keywords & NUMBERED != 0;
    c.subtitle = words <= 30 && starts_with_any(l, SUBTITLE_OPENERS);
    c.boilerplate = keywords & BOILERPLATE != 0;
    c.amend = keywords & AMEND != 0;
    c.quote_start = s.starts_with(['"', '“', '«', '\'', '„']);
    c
}

#[cfg(test)]
mod tests {
    use super::super::analyse;
    use super::*;

    proptest::proptest! {
        /// The amend cue alone is the amend cue of all the cues.
        #[test]
        fn amend_alone_agrees(raw in "(( |\t|-|\\*|x|ـ|\u{a0}|أ|قد|Replaced|ADDED|to Read|shall\u{a0}read|amend|ed|يستبدل|تضاف|يـعدل|ت\u{64e}ستبدل|يستعاض|استعاض|ى)){1,12}") {
            let lines = analyse(&raw);
            let mut view = Normalized::default();
            let mut plain = String::new();
            for l in &lines {
                let all = line_cues(&raw, l, &mut view);
                proptest::prop_assert_eq!(line_amend(&raw, l, &mut view, &mut plain), all.amend, "{:?}", &raw[l.start..l.end]);
            }
        }
    }
}
