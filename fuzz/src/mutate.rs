//! Structured mutations of real legislation for the `legislation` target.
//!
//! In: a [`Mutation`] that `arbitrary` builds from the fuzzer's bytes.
//! Out: one text (a bilingual input) or two texts (an Arabic and an English
//! version), made from the seed documents of `seeds/` by line edits:
//! headings injected in every form the parser knows (and near misses), huge
//! and odd numbers, mixed scripts, long lines, deep list markers, moved and
//! duplicated lines, CR / BOM / bidi marks and other invisible characters.

use std::sync::OnceLock;

use arbitrary::Arbitrary;

/// The seed documents, compiled in (the fuzz target reads no files).
const SEEDS: [&str; 5] = [
    include_str!("../../seeds/000_ff3a95e3da9538be.txt"),
    include_str!("../../seeds/001_173673d9bc598e3e.txt"),
    include_str!("../../seeds/002_4e4c290d33eac378.txt"),
    include_str!("../../seeds/003_69ae4700308f9516.txt"),
    include_str!("../../seeds/004_a216d71da35efc7e.txt"),
];

/// The generated texts stop growing past this many bytes.
const CAP: usize = crate::MAX_LEN;

/// The pieces edits start from: every seed whole, and every language
/// version the parser finds in a seed, cut out of it.
fn pieces() -> &'static [&'static str] {
    static PIECES: OnceLock<Vec<&'static str>> = OnceLock::new();
    PIECES.get_or_init(|| {
        let mut v: Vec<&'static str> = SEEDS.to_vec();
        for seed in SEEDS {
            if let Ok(parsed) = lexalign::parse(seed) {
                v.extend(parsed.documents.iter().map(|d| &seed[d.span.range()]));
            }
        }
        v
    })
}

/// What to build and which edits to apply.
#[derive(Arbitrary, Debug)]
pub struct Mutation {
    /// Which piece to start from (modulo their number).
    pub piece: u8,
    /// The edits of the first text.
    pub edits: Vec<Edit>,
    /// A second text, for two-text alignment: its piece and edits.
    pub second: Option<(u8, Vec<Edit>)>,
}

/// The texts a mutation gives.
pub enum Texts {
    /// One text, to parse and align as a bilingual input.
    One(String),
    /// Two texts, to align with each other.
    Two(String, String),
}

impl Mutation {
    /// Applies the edits.
    pub fn texts(&self) -> Texts {
        let first = build(self.piece, &self.edits);
        match &self.second {
            None => Texts::One(first),
            Some((piece, edits)) => Texts::Two(first, build(*piece, edits)),
        }
    }
}

fn build(piece: u8, edits: &[Edit]) -> String {
    let all = pieces();
    let text = all[piece as usize % all.len()];
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    for edit in edits.iter().take(64) {
        edit.apply(&mut lines);
    }
    let mut out = lines.concat();
    if out.len() > CAP {
        let mut cut = CAP;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
    }
    out
}

/// One edit; line numbers are taken modulo the number of lines.
#[derive(Arbitrary, Debug)]
pub enum Edit {
    /// A heading line inserted before line `at`.
    Heading {
        at: u16,
        heading: Heading,
        number: Number,
    },
    /// A heading written at the start of line `at`, the line's text after it.
    HeadingInline {
        at: u16,
        heading: Heading,
        number: Number,
    },
    /// A line of the other script (or both) inserted.
    MixedScript { at: u16, which: u8 },
    /// Line `at` repeated `times` on one line.
    LongLine { at: u16, times: u16 },
    /// List markers nested `depth` deep before line `at`.
    DeepMarkers { at: u16, depth: u8, style: u8 },
    /// Lines `from..from+len` moved before line `to`.
    Move { from: u16, len: u8, to: u16 },
    /// Two lines swapped.
    Swap { a: u16, b: u16 },
    /// Every line reversed in order from `from`, `len` of them.
    Reverse { from: u16, len: u8 },
    /// Line `at` dropped.
    Delete { at: u16 },
    /// Line `at` written again after itself.
    Duplicate { at: u16 },
    /// An invisible or odd character put into line `at` at char `pos`.
    Insert { at: u16, pos: u16, what: Odd },
    /// Line ends of every line from `from` changed to `\r\n` or `\r`.
    LineEnds { from: u16, lone_cr: bool },
    /// Text of the fuzzer's choosing inserted into line `at`.
    Raw { at: u16, pos: u16, text: String },
    /// Line `at` cut at char `pos`.
    Truncate { at: u16, pos: u16 },
}

/// Heading forms, in both languages, including near misses.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Heading {
    /// `مادة (N)`
    Madda,
    /// `(N) مادة`
    MaddaReversed,
    /// `المادة N`
    AlMadda,
    /// `المادة(N):`
    AlMaddaTight,
    /// `المادة الأولى` and other ordinal words.
    AlMaddaOrdinal,
    /// `مادة (N) مكرر`
    MaddaMukarrar,
    /// `الفصل N`
    Fasl,
    /// `الباب` and an ordinal word.
    Bab,
    /// `الفرع N`
    Far,
    /// `مادة` / `(N)` broken over two lines.
    MaddaBroken,
    /// `Article N`
    Article,
    /// `Article (N)`
    ArticleParen,
    /// `ARTICLE N:`
    ArticleUpper,
    /// `Article One` and other number words.
    ArticleWord,
    /// `Article N bis`
    ArticleBis,
    /// `Art. N`
    ArticleShort,
    /// `Chapter Two:`
    ChapterWord,
    /// `Chapter N`
    Chapter,
    /// `Part N`
    Part,
    /// `Section N`
    Section,
    /// `Article` / `N - Title` broken over two lines.
    ArticleBroken,
    /// `**مادة (N)**`, Markdown bold.
    MarkdownBold,
    /// `## Article N. Title`
    MarkdownHeading,
}

/// Numbers for headings: small, huge, odd, in other digit sets.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Number {
    /// A small number.
    Small(u8),
    /// Any `u32`.
    Any(u32),
    /// 100000.
    HundredThousand,
    /// 123456.
    Big,
    /// 99999999999999999999 (more than `u64`).
    Huge,
    /// Zero.
    Zero,
    /// `007`.
    LeadingZeros(u8),
    /// In Arabic-Indic digits.
    ArabicIndic(u32),
    /// In Eastern Arabic-Indic (Persian) digits.
    Persian(u16),
    /// Roman numerals.
    Roman(u8),
    /// `1-16-33`.
    Dashed(u8, u8),
    /// `-5`.
    Negative(u8),
}

/// Odd characters.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Odd {
    /// A byte-order mark.
    Bom,
    /// Right-to-left and left-to-right marks, embeddings, isolates.
    Bidi(u8),
    /// A carriage return.
    Cr,
    /// Zero-width joiner and non-joiner.
    ZeroWidth,
    /// Tatweel.
    Tatweel,
    /// A no-break space.
    Nbsp,
    /// NUL.
    Nul,
    /// A tab.
    Tab,
    /// ESC and BEL.
    Escape,
    /// A combining diacritic.
    Diacritic,
    /// Characters special in XML, HTML and TSV.
    Markup(u8),
    /// An Arabic presentation form.
    PresentationForm,
}

const ORDINALS_AR: [&str; 10] = [
    "الأولى",
    "الثانية",
    "الثالثة",
    "العاشرة",
    "الحادية عشرة",
    "الثانية عشرة",
    "العشرون",
    "الحادية والعشرون بعد السبعمائة",
    "المائة",
    "الأخيرة",
];

const WORDS_EN: [&str; 10] = [
    "One",
    "Two",
    "Three",
    "Ten",
    "Eleven",
    "Twenty-One",
    "One Hundred",
    "First",
    "Last",
    "Seventy",
];

const MIXED: [&str; 8] = [
    "This Law shall enter into force on the date of its publication.\n",
    "يعمل بهذا القانون من تاريخ نشره في الجريدة الرسمية.\n",
    "The Ministry of Justice وزارة العدل shall issue the regulation.\n",
    "Article 5 مادة (5)\n",
    "مادة (3) Article 3\n",
    "ﻣﺎﺩﺓ (٤)\n",
    "ىلولأا ةداملا\n",
    "Art. 12 — المادة ١٢ — Article XII\n",
];

impl Number {
    fn text(self) -> String {
        match self {
            Number::Small(n) => (n % 120).to_string(),
            Number::Any(n) => n.to_string(),
            Number::HundredThousand => "100000".into(),
            Number::Big => "123456".into(),
            Number::Huge => "99999999999999999999".into(),
            Number::Zero => "0".into(),
            Number::LeadingZeros(n) => format!("00{n}"),
            Number::ArabicIndic(n) => digits(n.to_string(), '\u{0660}'),
            Number::Persian(n) => digits(n.to_string(), '\u{06F0}'),
            Number::Roman(n) => roman(n),
            Number::Dashed(a, b) => format!("{a}-{b}-33"),
            Number::Negative(n) => format!("-{n}"),
        }
    }
}

fn digits(ascii: String, zero: char) -> String {
    ascii
        .chars()
        .map(|c| char::from_u32(zero as u32 + (c as u32 - '0' as u32)).unwrap_or(c))
        .collect()
}

fn roman(mut n: u8) -> String {
    let table = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in table {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    if s.is_empty() {
        s.push('N');
    }
    s
}

impl Heading {
    /// The heading's line(s), each ending in a line feed.
    fn text(self, number: Number) -> String {
        let n = number.text();
        let k = match number {
            Number::Small(k) => k as usize,
            Number::Any(k) => k as usize,
            _ => 0,
        };
        let ord = ORDINALS_AR[k % ORDINALS_AR.len()];
        let word = WORDS_EN[k % WORDS_EN.len()];
        match self {
            Heading::Madda => format!("مادة ({n})\n"),
            Heading::MaddaReversed => format!("({n}) مادة\n"),
            Heading::AlMadda => format!("المادة {n}\n"),
            Heading::AlMaddaTight => format!("المادة({n}):\n"),
            Heading::AlMaddaOrdinal => format!("المادة {ord}\n"),
            Heading::MaddaMukarrar => format!("مادة ({n}) مكرر\n"),
            Heading::Fasl => format!("الفصل {n}\n"),
            Heading::Bab => format!("الباب {ord}\n"),
            Heading::Far => format!("الفرع {n}\n"),
            Heading::MaddaBroken => format!("مادة\n({n}):\n"),
            Heading::Article => format!("Article {n}\n"),
            Heading::ArticleParen => format!("Article ({n})\n"),
            Heading::ArticleUpper => format!("ARTICLE {n}:\n"),
            Heading::ArticleWord => format!("Article {word}\n"),
            Heading::ArticleBis => format!("Article {n} bis\n"),
            Heading::ArticleShort => format!("Art. {n}\n"),
            Heading::ChapterWord => format!("Chapter {word}:\n"),
            Heading::Chapter => format!("Chapter {n}\n"),
            Heading::Part => format!("Part {n}\n"),
            Heading::Section => format!("Section {n}\n"),
            Heading::ArticleBroken => format!("Article\n{n} - Definitions\n"),
            Heading::MarkdownBold => format!("**مادة ({n})**\n"),
            Heading::MarkdownHeading => format!("## Article {n}. Scope\n"),
        }
    }
}

impl Odd {
    fn text(self) -> &'static str {
        match self {
            Odd::Bom => "\u{FEFF}",
            Odd::Bidi(k) => {
                let all = [
                    "\u{200F}", "\u{200E}", "\u{202B}", "\u{202A}", "\u{202C}", "\u{202E}",
                    "\u{2067}", "\u{2069}", "\u{061C}",
                ];
                all[k as usize % all.len()]
            }
            Odd::Cr => "\r",
            Odd::ZeroWidth => "\u{200D}\u{200C}\u{200B}",
            Odd::Tatweel => "\u{0640}\u{0640}",
            Odd::Nbsp => "\u{00A0}",
            Odd::Nul => "\0",
            Odd::Tab => "\t",
            Odd::Escape => "\u{1b}[31m\u{7}",
            Odd::Diacritic => "\u{064E}\u{0651}",
            Odd::Markup(k) => {
                let all = [
                    "<", ">", "&", "\"", "'", "]]>", "<!--", "</div>", "\\", "&amp;",
                ];
                all[k as usize % all.len()]
            }
            Odd::PresentationForm => "\u{FEE3}\u{FE8E}",
        }
    }
}

fn size(lines: &[String]) -> usize {
    lines.iter().map(String::len).sum()
}

/// The byte offset of char `pos` (modulo the chars of `line`, line end
/// excluded).
fn char_offset(line: &str, pos: u16) -> usize {
    let body = line.trim_end_matches(['\n', '\r']);
    let chars = body.chars().count() + 1;
    body.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(body.len()))
        .nth(pos as usize % chars)
        .unwrap_or(0)
}

impl Edit {
    fn apply(&self, lines: &mut Vec<String>) {
        let len = lines.len();
        let at = |k: u16| if len == 0 { 0 } else { k as usize % len };
        let grow = size(lines) < CAP;
        match self {
            Edit::Heading {
                at: k,
                heading,
                number,
            } if grow => {
                lines.insert(at(*k), heading.text(*number));
            }
            Edit::HeadingInline {
                at: k,
                heading,
                number,
            } if grow && len > 0 => {
                let h = heading.text(*number);
                let line = &mut lines[at(*k)];
                line.insert_str(0, h.trim_end_matches('\n'));
                line.insert(h.trim_end_matches('\n').len(), ' ');
            }
            Edit::MixedScript { at: k, which } if grow => {
                lines.insert(at(*k), MIXED[*which as usize % MIXED.len()].to_string());
            }
            Edit::LongLine { at: k, times } if grow && len > 0 => {
                let line = lines[at(*k)].trim_end_matches(['\n', '\r']).to_string();
                let room = (CAP - size(lines)) / line.len().max(1);
                let times = (*times as usize).min(room);
                let long = format!("{}\n", vec![line; times + 1].join(" "));
                lines[at(*k)] = long;
            }
            Edit::DeepMarkers {
                at: k,
                depth,
                style,
            } if grow => {
                let markers = [
                    "1-", "أ-", "(a)", "(i)", "-", "•", "1.1.1", "(ب)", "*", "٣)",
                ];
                let mut s = String::new();
                for d in 0..(*depth % 40) as usize {
                    s.push_str(&"  ".repeat(d));
                    s.push_str(markers[(*style as usize + d) % markers.len()]);
                    s.push_str(" item text\n");
                }
                lines.insert(at(*k), s);
            }
            Edit::Move { from, len: n, to } if len > 0 => {
                let from = at(*from);
                let end = (from + *n as usize).min(len);
                let moved: Vec<String> = lines.drain(from..end).collect();
                let to = if lines.is_empty() {
                    0
                } else {
                    *to as usize % (lines.len() + 1)
                };
                lines.splice(to..to, moved);
            }
            Edit::Swap { a, b } if len > 0 => lines.swap(at(*a), at(*b)),
            Edit::Reverse { from, len: n } if len > 0 => {
                let from = at(*from);
                let end = (from + *n as usize).min(len);
                lines[from..end].reverse();
            }
            Edit::Delete { at: k } if len > 1 => {
                lines.remove(at(*k));
            }
            Edit::Duplicate { at: k } if grow && len > 0 => {
                let line = lines[at(*k)].clone();
                lines.insert(at(*k), line);
            }
            Edit::Insert { at: k, pos, what } if len > 0 => {
                let line = &mut lines[at(*k)];
                let p = char_offset(line, *pos);
                line.insert_str(p, what.text());
            }
            Edit::LineEnds { from, lone_cr } if len > 0 => {
                for line in &mut lines[at(*from)..] {
                    if let Some(body) = line.strip_suffix('\n') {
                        let body = body.trim_end_matches('\r');
                        *line = format!("{body}{}", if *lone_cr { "\r" } else { "\r\n" });
                    }
                }
            }
            Edit::Raw { at: k, pos, text } if grow && len > 0 => {
                let line = &mut lines[at(*k)];
                let p = char_offset(line, *pos);
                line.insert_str(p, text);
            }
            Edit::Truncate { at: k, pos } if len > 0 => {
                let line = &mut lines[at(*k)];
                let p = char_offset(line, *pos);
                line.truncate(p);
                line.push('\n');
            }
            _ => {}
        }
    }
}
