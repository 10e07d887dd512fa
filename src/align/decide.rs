//! Step 5's decision rule for articles the programme left alone: in the
//! same law, an article's counterpart by number and position is its
//! partner unless the content says decisively otherwise.
//!
//! In: the best path of the dynamic programme ([`dp::best_path`](super::dp)),
//! the scorer, the label offsets of both walks and the two documents. Out:
//! the path with same-slot pairs restored, and which articles are repealed
//! notes.
//!
//! The programme leaves both sides alone when a pair's content score is
//! below minus the label bonus, whatever the structure says: an article
//! amended after the translation was made, or loosely translated, is split
//! into an Arabic-only and an English-only article. Once the verdict says
//! the two texts are versions of one law, [`pair_same_slot`] takes every
//! run of one-sided articles between two matched pairs and pairs, in order,
//! an Arabic and an English article of the run whose labels agree under the
//! local offset. The assembly flags such a pair `content_differs` with its
//! evidence, and its confidence is the fitted probability that it is right
//! (low when its content is against it). A one-sided call thus needs
//! positive evidence: the label missing on the other side (a numbering
//! gap, an added `مكرر` / bis article), or a better partner elsewhere (the
//! programme paired the label's article already).
//!
//! Content alone is never decisive here. Measured on the candidates this
//! rule meets (the same-slot pairs of the development pairs the programme
//! split, all right to pair, and those of the neighbour-drop probe: drop
//! Arabic `k` and English `k + 1` of seed 001 or 003 and renumber both, all
//! wrong to pair), no content figure tells them apart: shares of legal
//! terms 0.00–0.71 against 0.00–0.22, content scores −2.8 to −7.7 against
//! −3.2 to −8.7, no shared number in either, lengths alike. A gate there
//! split three rewritten articles of real laws (two one-sided calls each,
//! at confidence 0.9 and more) to keep a double coincidence of our own
//! making (a drop on each side at neighbouring numbers, both renumbered)
//! one-sided; the rule pairs them and leaves the doubt to the
//! `content_differs` flag and the confidence.

use std::collections::HashMap;

use super::band::label_term;
use super::dp::Move;
use super::score::Scorer;
use crate::document::{Article, Document};

/// Longest body (in characters) read as a repeal note.
const REPEAL_NOTE_CHARS: usize = 80;

/// How many words may come before the cue of a repeal note (*This
/// article was repealed*).
const REPEAL_CUE_WORDS: usize = 4;

/// Words of a repeal note, folded: Arabic `ملغاة` / `ملغى` / `ألغيت` / `حذفت`
/// (hamza and alef forms folded by [`fold_into`]), English *repealed*,
/// *deleted*, *abrogated*, *revoked*, *cancelled*, *omitted*.
const REPEAL_CUES: [&str; 12] = [
    "ملغا",
    "ملغي",
    "ملغى",
    "الغيت",
    "الغي",
    "حذفت",
    "repealed",
    "deleted",
    "abrogated",
    "revoked",
    "cancelled",
    "omitted",
];

/// Whether `article` is a repealed article: no body at all, or a short
/// body (with its title) opening with a repeal note.
pub(super) fn is_repealed(article: &Article) -> bool {
    let body = article.text.trim();
    // (A character takes at most 4 bytes and at least 1: long bodies are
    // not counted, short ones need no count; the others are counted a word
    // at a time by `chars().count()`.)
    if body.len() > 4 * REPEAL_NOTE_CHARS
        || (body.len() > REPEAL_NOTE_CHARS && body.chars().count() > REPEAL_NOTE_CHARS)
    {
        return false;
    }
    let title = article.title.as_deref().unwrap_or("").trim();
    if body.is_empty() && title.is_empty() {
        return true;
    }
    // The note says so at once: a cue among its first words. Words are
    // split as in the folded text (the marks `fold_into` drops do not split).
    let splits = |c: char| !is_word_char(c) && !is_dropped_mark(c);
    let mut folded = String::new();
    title
        .split(splits)
        .chain(body.split(splits))
        .filter(|w| !w.is_empty())
        .take(REPEAL_CUE_WORDS)
        .any(|w| {
            fold_into(w, &mut folded);
            may_hold_cue(&folded) && REPEAL_CUES.iter().any(|c| folded.contains(c))
        })
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII
/// and the Arabic letters and digits (U+0621–U+064A, U+0660–U+0669).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if matches!(c, '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}') {
        true
    } else {
        c.is_alphanumeric()
    }
}

/// Whether the folded word `w` may hold a repeal cue: every cue holds an
/// `e` or an Arabic `غ` or `ذ` (whose UTF-8 encodings end in the bytes
/// 0xBA and 0xB0), a byte test much cheaper than the twelve searches.
fn may_hold_cue(w: &str) -> bool {
    w.bytes().any(|b| matches!(b, b'e' | 0xBA | 0xB0))
}

/// Tashkeel and tatweel, which [`fold_into`] drops.
fn is_dropped_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}')
}

/// `s` folded into `out` (cleared first): lower case, Arabic hamza forms
/// of alef and final yeh folded, tashkeel and tatweel dropped; no
/// allocation once `out` has room. (Characters are lowered one by one,
/// which differs from lowering the string only for a final Greek sigma,
/// which no repeal cue holds.)
fn fold_into(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars().filter(|&c| !is_dropped_mark(c)) {
        match c {
            'أ' | 'إ' | 'آ' => out.push('ا'),
            'ى' => out.push('ي'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            // (The Arabic block has no case.)
            '\u{0600}'..='\u{06FF}' => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The fold as first written (lowering the whole string), which the tests
/// compare [`fold_into`] with.
#[cfg(test)]
fn fold(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_dropped_mark(c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .to_lowercase()
}

/// The repealed articles of the two documents ([`is_repealed`]).
pub(super) struct Repealed {
    pub arabic: Vec<bool>,
    pub english: Vec<bool>,
}

impl Repealed {
    pub(super) fn of(ar: &Document, en: &Document) -> Repealed {
        let marks = |d: &Document| d.articles.iter().map(is_repealed).collect();
        Repealed {
            arabic: marks(ar),
            english: marks(en),
        }
    }

    /// Whether either side of the 1–1 `(a, e)` is repealed.
    pub(super) fn either(&self, a: usize, e: usize) -> bool {
        self.arabic.get(a).copied().unwrap_or(false)
            || self.english.get(e).copied().unwrap_or(false)
    }
}

/// The path with the same-slot pairs of its one-sided runs restored (see
/// the [module docs](self)), and whether any was; `lookups` counts the
/// label look-ups made (a few per one-sided article).
pub(super) fn pair_same_slot(
    path: &[(Move, usize, usize)],
    s: &Scorer<'_>,
    offsets: (&[i64], &[i64]),
    lookups: &mut usize,
) -> Option<Vec<(Move, usize, usize)>> {
    let lone = |m: &(Move, usize, usize)| matches!(m.0, Move::M10 | Move::M01);
    if !path.iter().any(lone) {
        return None;
    }
    let mut out = Vec::with_capacity(path.len());
    let mut changed = false;
    let mut k = 0;
    while k < path.len() {
        if !lone(&path[k]) {
            out.push(path[k]);
            k += 1;
            continue;
        }
        let start = k;
        while k < path.len() && lone(&path[k]) {
            k += 1;
        }
        let run = &path[start..k];
        let matched = same_slot_pairs(run, s, offsets, lookups);
        if matched.is_empty() {
            out.extend_from_slice(run);
            continue;
        }
        changed = true;
        let (i0, j0) = (run[0].1, run[0].2);
        let n_ar = run.iter().filter(|m| m.0 == Move::M10).count();
        let n_en = run.len() - n_ar;
        let (mut i, mut j) = (i0, j0);
        let end = (i0 + n_ar, j0 + n_en);
        for (a, e) in matched.into_iter().chain(std::iter::once(end)) {
            while i < a {
                out.push((Move::M10, i, j));
                i += 1;
            }
            while j < e {
                out.push((Move::M01, i, j));
                j += 1;
            }
            if (a, e) != end {
                out.push((Move::M11, i, j));
                i += 1;
                j += 1;
            }
        }
    }
    changed.then_some(out)
}

/// The pairs, in order, of Arabic and English articles of the one-sided
/// `run` whose labels agree under the local offset: each Arabic article in
/// turn with the first English article after the last one paired whose
/// label term is positive ([`label_term`]).
///
/// The English articles are found through their labels, not by trying
/// each in turn, so that a long run costs a few look-ups per article
/// rather than the product of its two sides: with a positive label weight
/// and a non-negative mismatch weight the term is positive exactly when
/// the labels agree under a near offset ([`near_offset`](super::offsets::near_offset)) of either
/// walk. (Other weights pair nothing, or, with a negative mismatch
/// weight, the first of the next [`SLOT_WINDOW`] English articles whose
/// term is positive.)
fn same_slot_pairs(
    run: &[(Move, usize, usize)],
    s: &Scorer<'_>,
    offsets: (&[i64], &[i64]),
    lookups: &mut usize,
) -> Vec<(usize, usize)> {
    let ar = run.iter().filter(|m| m.0 == Move::M10).map(|m| m.1);
    let en: Vec<usize> = run
        .iter()
        .filter(|m| m.0 == Move::M01)
        .map(|m| m.2)
        .collect();
    let mut matched = Vec::new();
    let mut next = 0;
    if s.w.label <= 0.0 && s.w.label_mismatch >= 0.0 {
        return matched;
    }
    let index = (s.w.label_mismatch >= 0.0).then(|| SlotIndex::new(&en, s, offsets.1));
    for a in ar {
        let found = match &index {
            Some(index) => index.first(a, next, s, offsets.0, lookups),
            None => (next..en.len().min(next + SLOT_WINDOW)).find(|&x| {
                *lookups += 1;
                label_term(&s.w, s.f, offsets, a, 1, en[x], 1) > 0.0
            }),
        };
        if let Some(x) = found {
            debug_assert!(label_term(&s.w, s.f, offsets, a, 1, en[x], 1) > 0.0);
            matched.push((a, en[x]));
            next = x + 1;
        }
    }
    matched
}

/// How far [`same_slot_pairs`] looks for an English partner, with a
/// negative label-mismatch weight (when its label index does not apply).
const SLOT_WINDOW: usize = 64;

/// A label: number (shifted by an offset) and suffix.
type SlotKey<'a> = (i64, Option<&'a str>);

/// The English articles of a one-sided run, by label: `written` by the
/// label as written, `shifted` by the label minus each near offset of the
/// English walk; each list holds positions in the run, increasing.
struct SlotIndex<'a> {
    written: HashMap<SlotKey<'a>, Vec<usize>>,
    shifted: HashMap<SlotKey<'a>, Vec<usize>>,
}

impl<'a> SlotIndex<'a> {
    fn new(en: &[usize], s: &Scorer<'a>, offsets_en: &[i64]) -> SlotIndex<'a> {
        let mut index = SlotIndex {
            written: HashMap::new(),
            shifted: HashMap::new(),
        };
        for (x, &e) in en.iter().enumerate() {
            let fe = &s.f.english[e];
            let Some(ne) = fe.label_number else { continue };
            let suffix = fe.label_suffix.as_deref();
            index
                .written
                .entry((ne.into(), suffix))
                .or_default()
                .push(x);
            for d in near_offsets(offsets_en, e) {
                let list = index
                    .shifted
                    .entry((i64::from(ne) - d, suffix))
                    .or_default();
                if list.last() != Some(&x) {
                    list.push(x);
                }
            }
        }
        index
    }

    /// The first position from `next` of an English article whose label
    /// agrees with Arabic article `a`'s under a near offset of either walk.
    fn first(
        &self,
        a: usize,
        next: usize,
        s: &Scorer<'_>,
        offsets_ar: &[i64],
        lookups: &mut usize,
    ) -> Option<usize> {
        let fa = &s.f.arabic[a];
        let na = i64::from(fa.label_number?);
        let suffix = fa.label_suffix.as_deref();
        let mut after = |list: Option<&Vec<usize>>| {
            *lookups += 1;
            let list = list?;
            list.get(list.partition_point(|&x| x < next)).copied()
        };
        let mut best = after(self.shifted.get(&(na, suffix)));
        for d in near_offsets(offsets_ar, a) {
            let x = after(self.written.get(&(na + d, suffix)));
            best = match (best, x) {
                (Some(b), Some(x)) => Some(b.min(x)),
                (b, x) => b.or(x),
            };
        }
        best
    }
}

/// The offsets [`near_offset`](super::offsets::near_offset) accepts at article `k`: its own, and a
/// neighbour's where the offset changes there.
fn near_offsets(off: &[i64], k: usize) -> impl Iterator<Item = i64> + '_ {
    let o = off[k];
    let before = k.checked_sub(1).map(|b| off[b]).filter(|&d| d != o);
    let after = off.get(k + 1).copied().filter(|&d| d != o);
    std::iter::once(o).chain(before).chain(after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Label, Span};

    fn article(title: Option<&str>, text: &str) -> Article {
        Article {
            index: 0,
            label: Some(Label::number(3)),
            heading: "Article 3".into(),
            heading_span: Span::default(),
            title: title.map(str::to_string),
            text: text.into(),
            paragraphs: vec![],
            items: vec![],
            division: None,
            span: Span::default(),
        }
    }

    #[test]
    fn word_chars_and_folding_agree_with_the_tables() {
        for c in ('\0'..='\u{2FFF}').chain(['\u{FB50}', '\u{FEFC}', '\u{FF21}', '\u{1D400}']) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            let s = format!("{c}x{c}");
            let mut out = String::new();
            fold_into(&s, &mut out);
            if !matches!(c, 'Σ' | 'ς' | 'σ') {
                assert_eq!(out, fold(&s), "{c:?}");
            }
        }
    }

    #[test]
    fn every_cue_passes_the_byte_test() {
        for c in REPEAL_CUES {
            assert!(may_hold_cue(c), "{c}");
        }
        assert!(!may_hold_cue("مادة") && !may_hold_cue("law"));
    }

    #[test]
    fn repeal_notes_are_recognised() {
        for (title, text) in [
            (None, ""),
            (None, "(ملغاة)"),
            (None, "أُلغيت هذه المادة بموجب القانون رقم 5 لسنة 2010."),
            (Some("(ملغى)"), ""),
            (None, "[Repealed]"),
            (None, "Deleted by Law No. 3 of 2015."),
            (None, "This article was repealed."),
        ] {
            assert!(is_repealed(&article(title, text)), "{title:?} {text:?}");
        }
        for text in [
            "Any provision contrary to this Law shall be repealed.",
            "يلغى كل حكم يخالف أحكام هذا القانون، وينشر هذا القانون في الجريدة الرسمية ويعمل به من تاريخ نشره.",
            "This Law shall come into force on the date of its publication.",
        ] {
            assert!(!is_repealed(&article(None, text)), "{text:?}");
        }
    }
}
