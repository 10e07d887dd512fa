//! Second pass: from line records to a [`Document`].
//!
//! In: the input text, the [`Line`]s of one document's region and its
//! language. Out: the document structure, with every byte of the region
//! assigned to exactly one [`Region`].
//!
//! Steps: units (lines, or pieces of lines holding several headings) →
//! broken headings joined → table of contents set apart → article headings
//! chosen as the most plausible numbering sequence (quoted articles and
//! cross-references left as body text) → zones (front, law, closing,
//! boilerplate) → structure.

use super::heading::{self, ArticleMatch, DivisionMatch, NumStyle};
use super::line::{self, Cues, Line, Marker, PieceKind};
use super::paths::best_paths;
use crate::document::*;
use crate::normalize::normalize;

#[derive(Debug, Clone)]
enum Kind {
    Blank,
    Text,
    Item(Marker),
    /// The first part of a heading broken over lines; belongs to the next
    /// article heading.
    Fragment,
    Article(ArticleMatch),
    Division(DivisionMatch),
}

/// Line cues, computed the first time a line's are asked for.
struct CueCache<'a> {
    text: &'a str,
    lines: &'a [Line],
    cache: Vec<std::cell::Cell<Option<Cues>>>,
    /// The `amend` cue alone, for the many lines asked about nothing else.
    amend: Vec<std::cell::Cell<Option<bool>>>,
    /// A buffer for the matching view of a line.
    view: std::cell::RefCell<crate::normalize::Normalized>,
    /// A buffer for the view of a plain line (no map needed).
    plain: std::cell::RefCell<String>,
}

impl<'a> CueCache<'a> {
    fn new(text: &'a str, lines: &'a [Line]) -> Self {
        CueCache {
            text,
            lines,
            cache: vec![std::cell::Cell::new(None); lines.len()],
            amend: vec![std::cell::Cell::new(None); lines.len()],
            view: std::cell::RefCell::default(),
            plain: std::cell::RefCell::default(),
        }
    }

    fn get(&self, line_index: usize) -> Cues {
        if let Some(c) = self.cache[line_index].get() {
            return c;
        }
        let c = line::line_cues(
            self.text,
            &self.lines[line_index],
            &mut self.view.borrow_mut(),
        );
        self.cache[line_index].set(Some(c));
        c
    }

    /// `self.get(line_index).amend`, without the other cues.
    fn amend(&self, line_index: usize) -> bool {
        if let Some(c) = self.cache[line_index].get() {
            return c.amend;
        }
        if let Some(a) = self.amend[line_index].get() {
            return a;
        }
        // A very long line (a text without line breaks): one view for all
        // the cues rather than copies for this one.
        let l = &self.lines[line_index];
        if l.text_end - l.text_start > 4096 {
            return self.get(line_index).amend;
        }
        let a = line::line_amend(
            self.text,
            &self.lines[line_index],
            &mut self.view.borrow_mut(),
            &mut self.plain.borrow_mut(),
        );
        self.amend[line_index].set(Some(a));
        a
    }
}

#[derive(Debug, Clone)]
struct Unit {
    /// Region range (line terminators included where the unit ends a line).
    start: usize,
    end: usize,
    /// Visible text range.
    text_start: usize,
    text_end: usize,
    /// For headings: where the inline rest starts (== text_end when none).
    rest: usize,
    line: usize,
    kind: Kind,
    /// A heading candidate inside a quotation (an amending law quoting the
    /// articles it amends), or one the numbering sequence left out.
    quoted: bool,
    /// The closing (signatures, issued-on formula) of a law that another
    /// law follows in the same text (numbering restarts after it).
    closing: bool,
    /// Site chrome inside the law: a running head repeated in several
    /// articles, a page number, a `Share` line. Boilerplate, not body.
    chrome: bool,
}

impl Unit {
    fn is_blank(&self) -> bool {
        matches!(self.kind, Kind::Blank)
    }
}

fn line_units(text: &str, lines: &[Line]) -> Vec<Unit> {
    let mut out = Vec::with_capacity(lines.len());
    for (line_index, l) in lines.iter().enumerate() {
        // A line without headings is one unit.
        if l.pieces.is_empty() {
            let kind = match (l.is_blank(), l.marker) {
                (true, _) => Kind::Blank,
                (false, Some(m)) => Kind::Item(m),
                (false, None) => Kind::Text,
            };
            out.push(Unit {
                start: l.start,
                end: l.next,
                text_start: l.text_start,
                text_end: l.text_end,
                rest: l.text_end,
                line: line_index,
                kind,
                quoted: false,
                closing: false,
                chrome: false,
            });
            continue;
        }
        let n = l.pieces.len();
        for (k, p) in l.pieces.iter().enumerate() {
            let start = if k == 0 { l.start } else { p.start };
            let end = if k + 1 == n {
                l.next
            } else {
                l.pieces[k + 1].start
            };
            let kind = match &p.kind {
                PieceKind::Article(m) => Kind::Article(m.clone()),
                PieceKind::Division(m) => Kind::Division(m.clone()),
                PieceKind::Text => {
                    let nview = normalize(&text[p.start..p.end]);
                    match line::list_marker(nview.as_str()) {
                        Some((len, ordinal, letter)) => Kind::Item(Marker {
                            text_start: p.start
                                + nview.original_offset(len.min(nview.as_str().len())),
                            ordinal,
                            letter,
                        }),
                        None => Kind::Text,
                    }
                }
            };
            out.push(Unit {
                start,
                end,
                text_start: p.start,
                text_end: p.end,
                rest: p.rest,
                line: line_index,
                kind,
                quoted: false,
                closing: false,
                chrome: false,
            });
        }
    }
    out
}

/// Joins headings broken over lines: `ما` / `دة (14)`, `مادة` / `(4):`,
/// `Article` / `1 - Definitions`.
fn join_broken(text: &str, units: &mut [Unit]) {
    let mut i = 0;
    while i < units.len() {
        if !matches!(units[i].kind, Kind::Text) || units[i].text_end - units[i].text_start > 24 {
            i += 1;
            continue;
        }
        let first = text[units[i].text_start..units[i].text_end].trim_matches(['*', '#', ' ']);
        let first_view = normalize(first);
        let fragment = heading::is_keyword_fragment(first_view.as_str());
        let bare = heading::is_bare_keyword(first_view.as_str());
        if !(fragment || bare) {
            i += 1;
            continue;
        }
        // The next non-blank unit, within a few blank lines.
        let mut j = i + 1;
        while j < units.len() && units[j].is_blank() && j - i <= 6 {
            j += 1;
        }
        if j >= units.len()
            || (fragment && j != i + 1)
            || !matches!(units[j].kind, Kind::Text | Kind::Item(_))
        {
            i += 1;
            continue;
        }
        let second = text[units[j].text_start..units[j].text_end].trim_start_matches(['*', ' ']);
        let joiner = if fragment { "" } else { " " };
        let joined = format!("{first}{joiner}{second}");
        let view = normalize(&joined);
        let v = view.as_str().trim_end_matches(['*', ' ']);
        if let Some(m) = heading::match_article(v) {
            // Map the rest back into the second line.
            let rest_in_joined = view.original_offset(m.rest.min(v.len()));
            let second_off = first.len() + joiner.len();
            let rest = if m.rest >= v.len() {
                units[j].text_end
            } else {
                let second_start = units[j].text_end - second.len();
                second_start + rest_in_joined.saturating_sub(second_off).min(second.len())
            };
            units[i].kind = Kind::Fragment;
            units[j].kind = Kind::Article(m);
            units[j].rest = rest;
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

/// A heading glued to the end of a line of text (a chapter title, by
/// extraction: `… Committee (NAMLC) Article (29)`) is split off as an
/// article heading when it is the next article by number, nothing follows
/// it, the text before it is a title (at most 14 words, no sentence end, no
/// word such as `in`, `of`, `وفق` just before it), a body follows on the
/// next lines and no heading of that number comes later. A cross-reference
/// at the end of a line fails one of these.
fn glued_headings(text: &str, lines: &[Line], units: Vec<Unit>) -> Vec<Unit> {
    // The number of the next article heading after each unit.
    let mut next_number = vec![None; units.len()];
    let mut next = None;
    for (k, unit) in units.iter().enumerate().rev() {
        next_number[k] = next;
        if let Kind::Article(m) = &unit.kind {
            next = Some(m.label.number);
        }
    }
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    let mut last: Option<u32> = None;
    for (i, unit) in units.iter().enumerate() {
        match &unit.kind {
            Kind::Article(m) => last = Some(m.label.number),
            Kind::Text => {
                // In the usual case the next heading has the next number.
                if let Some((head_at, m)) = last
                    .filter(|&prev| next_number[i] != Some(prev + 1))
                    .and_then(|prev| glued_heading(text, lines, &units, i, prev))
                {
                    let l = &lines[unit.line];
                    let before = text[unit.text_start..head_at].trim_end();
                    last = Some(m.label.number);
                    out.push(Unit {
                        end: head_at,
                        text_end: unit.text_start + before.len(),
                        rest: unit.text_start + before.len(),
                        ..unit.clone()
                    });
                    out.push(Unit {
                        start: head_at,
                        end: unit.end,
                        text_start: head_at,
                        text_end: l.text_end,
                        rest: l.text_end,
                        line: unit.line,
                        kind: Kind::Article(m),
                        quoted: false,
                        closing: false,
                        chrome: false,
                    });
                    continue;
                }
            }
            _ => {}
        }
        out.push(unit.clone());
    }
    out
}

/// Words that, standing before an article heading at the end of a line,
/// make it a cross-reference (`… in accordance with Article (5)`, `… وفقا
/// لاحكام المادة (5)`).
const GLUED_STOP: [&str; 24] = [
    "in",
    "of",
    "to",
    "with",
    "under",
    "by",
    "see",
    "and",
    "or",
    "per",
    "from",
    "pursuant",
    "في",
    "من",
    "الي",
    "علي",
    "و",
    "او",
    "لاحكام",
    "احكام",
    "بموجب",
    "وفق",
    "حسب",
    "نص",
];

/// The glued heading of text unit `i` (see [`glued_headings`]) after an
/// article numbered `prev`: its original offset and match.
fn glued_heading(
    text: &str,
    lines: &[Line],
    units: &[Unit],
    i: usize,
    prev: u32,
) -> Option<(usize, ArticleMatch)> {
    let unit = &units[i];
    let l = &lines[unit.line];
    if !(l.last == ')' || l.last.is_ascii_digit())
        || unit.start != l.start
        || unit.text_end != l.text_end
    {
        return None;
    }
    // A title line is short.
    let raw = &text[unit.text_start..unit.text_end];
    if raw.len() > 240 || !(raw.contains("rticle") || raw.contains("RTICLE") || raw.contains('م'))
    {
        return None;
    }
    let view = normalize(raw);
    let v = view.as_str().trim_end();
    let at = heading::ending_article(v)?;
    let m = heading::match_article(&v[at..])?;
    let before = v[..at].trim_end();
    // A title before it, not a sentence that refers to the article.
    let last_word = before.rsplit(' ').next().unwrap_or("");
    let before_ok = !before.is_empty()
        && before.split_whitespace().count() <= 14
        && !before.ends_with(['.', ':', ';', '؛', ',', '،'])
        && !GLUED_STOP.iter().any(|w| last_word.eq_ignore_ascii_case(w));
    if !before_ok || m.label.suffix.is_some() || m.label.number != prev + 1 {
        return None;
    }
    // A body follows (the caller knows that the next heading has another
    // number).
    let next = units[i + 1..].iter().find(|x| !x.is_blank())?;
    if !matches!(next.kind, Kind::Text | Kind::Item(_)) {
        return None;
    }
    let head_at = unit.text_start + view.original_offset(at);
    Some((head_at, m))
}

/// Tunisian and Moroccan laws number their articles `الفصل 1`, `الفصل 2`
/// (under `الباب`, `القسم` …), and some English translations use
/// `Chapter One:` or `Section 1`. Which convention a text follows is decided
/// from its own numbering: when the chapters (or sections) form a longer
/// mostly-rising sequence than the article headings do (three at least,
/// most steps forward by one to three, so a missed heading or a gap does
/// not break it), they are its articles, and the few article headings
/// (quotations, cross-references) are left to the text.
fn numbered_divisions_as_articles(units: &mut [Unit]) {
    let articles: Vec<u32> = units
        .iter()
        .filter_map(|unit| match &unit.kind {
            Kind::Article(m) => Some(m.label.number),
            _ => None,
        })
        .collect();
    let article_evidence = sequence_evidence(&articles);
    for kind in [DivisionKind::Chapter, DivisionKind::Section] {
        let found: Vec<(usize, u32)> = units
            .iter()
            .enumerate()
            .filter_map(|(i, unit)| match &unit.kind {
                Kind::Division(m) if m.kind == kind => m.number.map(|n| (i, n)),
                _ => None,
            })
            .collect();
        let numbers: Vec<u32> = found.iter().map(|&(_, n)| n).collect();
        let evidence = sequence_evidence(&numbers);
        if evidence < 3 || evidence <= 2 * article_evidence {
            continue;
        }
        for unit in units.iter_mut() {
            if matches!(unit.kind, Kind::Article(_) | Kind::Fragment) {
                unit.kind = Kind::Text;
                unit.quoted = true;
            }
        }
        for (i, n) in found {
            units[i].kind = Kind::Article(ArticleMatch {
                label: Label::number(n),
                rest: 0,
                sep: false,
                reversed: false,
                style: NumStyle::Digits,
                arabic: true,
            });
        }
        return;
    }
}

/// How strongly `numbers` (in document order) read as a numbering: the
/// length of the longest run whose steps go forward by one to three, with
/// at least three in four steps of exactly one; 0 when there is none.
fn sequence_evidence(numbers: &[u32]) -> usize {
    let mut best = 0;
    let mut start = 0;
    let mut ones = 0;
    for k in 0..=numbers.len() {
        let step_ok = k > start
            && k < numbers.len()
            && (1..=3).contains(&(numbers[k] as i64 - numbers[k - 1] as i64));
        if k > start && k < numbers.len() && numbers[k] == numbers[k - 1] + 1 {
            ones += 1;
        }
        if k == start || step_ok {
            continue;
        }
        // The run start..k ends here.
        let len = k - start;
        let steps = len - 1;
        if len >= 2 && ones * 4 >= steps * 3 || len >= 3 && ones * 2 >= steps {
            best = best.max(len);
        }
        start = k;
        ones = 0;
    }
    best
}

/// A table of contents lists the headings before the body: the first
/// heading's label comes again later, and the headings in between have
/// (almost) no text. Returns the index of the first unit after it.
fn table_of_contents(text: &str, units: &[Unit]) -> Option<(usize, usize)> {
    let heads: Vec<usize> = units
        .iter()
        .enumerate()
        .filter(|(_, unit)| matches!(unit.kind, Kind::Article(_)))
        .map(|(i, _)| i)
        .collect();
    let first = heads.first()?;
    let Kind::Article(m0) = &units[*first].kind else {
        return None;
    };
    let again = heads
        .iter()
        .skip(3)
        .find(|&&h| matches!(&units[h].kind, Kind::Article(m) if m.label == m0.label))?;
    let listed = heads.iter().take_while(|&&h| h < *again).count();
    let body: usize = units[*first..*again]
        .iter()
        .filter(|unit| matches!(unit.kind, Kind::Text | Kind::Item(_)))
        .map(|unit| text[unit.text_start..unit.text_end].chars().count())
        .sum();
    (body / listed.max(1) < 60).then_some((*first, *again))
}

/// Whether unit `i` is a paragraph ending in a colon whose text (this
/// line or the four before it, back to `from`) has an amending verb
/// (`يستبدل`, `replaced`): it introduces quoted articles.
fn introduces_quotation(
    text: &str,
    cues: &CueCache<'_>,
    units: &[Unit],
    from: usize,
    i: usize,
) -> bool {
    if !text[units[i].text_start..units[i].text_end]
        .trim_end_matches(['-', ' ', '*'])
        .ends_with(':')
    {
        return false;
    }
    let mut seen = 0;
    let mut k = i;
    loop {
        match units[k].kind {
            Kind::Text | Kind::Item(_) => {
                if cues.amend(units[k].line) {
                    return true;
                }
                seen += 1;
            }
            Kind::Blank => {}
            _ => return false,
        }
        if seen > 4 || k == from {
            return false;
        }
        k -= 1;
    }
}

/// Chooses which article headings are real: the most plausible numbering
/// sequence by dynamic programming over the candidates.
fn choose_headings(text: &str, cues: &CueCache<'_>, units: &mut [Unit], from: usize) -> Vec<usize> {
    // Mark candidates inside quotation context (amending laws).
    let mut cands: Vec<usize> = Vec::new();
    let mut outer: Option<(u32, NumStyle)> = None;
    let mut last: Option<(u32, NumStyle)> = None;
    for i in from..units.len() {
        match &units[i].kind {
            Kind::Text | Kind::Item(_) if introduces_quotation(text, cues, units, from, i) => {
                outer = last;
            }
            Kind::Article(m) => {
                let quote_char = text[units[i].start..units[i].text_start.max(units[i].start)]
                    .chars()
                    .chain(text[units[i].text_start..].chars().take(1))
                    .any(|c| matches!(c, '"' | '“' | '«' | '„'));
                let mut quoted = quote_char;
                if let Some((n, style)) = outer {
                    if m.label.number == n + 1 && m.style == style {
                        outer = None;
                    } else {
                        quoted = true;
                    }
                }
                units[i].quoted = quoted;
                last = Some((m.label.number, m.style));
                cands.push(i);
            }
            _ => {}
        }
    }
    let m = cands.len();
    if m == 0 {
        return cands;
    }
    let info: Vec<(&ArticleMatch, bool)> = cands
        .iter()
        .map(|&i| match &units[i].kind {
            Kind::Article(a) => (a, units[i].quoted),
            _ => unreachable!("candidates are article units"),
        })
        .collect();
    let skip = |k: usize| if info[k].1 { 0.3 } else { 1.5 };
    let mut skip_prefix = vec![0.0; m + 1];
    for k in 0..m {
        skip_prefix[k + 1] = skip_prefix[k] + skip(k);
    }
    let closed = restarts_after_closing(cues, units, &cands);
    let trans = |i: usize, j: usize| -> f64 {
        let (a, _) = info[i];
        let (b, _) = info[j];
        let d = b.label.number as i64 - a.label.number as i64;
        let mut c = match d {
            _ if d < 0 && closed[j] && b.label.suffix.is_none() => 0.5,
            1 if b.label.suffix.is_none() => 0.0,
            1 => 0.3,
            0 if b.label.suffix.is_some() && a.label.suffix != b.label.suffix => 0.0,
            0 => 1.0,
            2..=3 => 0.4 * (d - 1) as f64,
            4..=20 => 1.2 + 0.02 * d as f64,
            d if d > 20 => 3.0,
            _ => 4.0,
        };
        if a.style != b.style {
            c += 0.3;
        }
        c
    };
    let start = |j: usize| {
        if info[j].0.label.number == 1 {
            0.0
        } else {
            0.8
        }
    };
    let (best, prev) = best_paths(&skip_prefix, start, trans);
    let mut end = 0;
    let mut end_cost = f64::INFINITY;
    for j in 0..m {
        let c = best[j] + (skip_prefix[m] - skip_prefix[j + 1]);
        if c < end_cost {
            end_cost = c;
            end = j;
        }
    }
    let keep = path_members(&prev, end);
    let mut chosen = Vec::new();
    for (k, &unit_index) in cands.iter().enumerate() {
        if keep[k] {
            chosen.push(unit_index);
        } else {
            units[unit_index].kind = Kind::Text;
            units[unit_index].quoted = true;
        }
    }
    chosen
}

/// The members of the best path that ends at `end`, as flags (`prev` links
/// each to the one before it, `usize::MAX` at the start).
fn path_members(prev: &[usize], end: usize) -> Vec<bool> {
    let mut keep = vec![false; prev.len()];
    let mut k = end;
    loop {
        keep[k] = true;
        if prev[k] == usize::MAX {
            break;
        }
        k = prev[k];
    }
    keep
}

/// For each candidate heading (unit indices `cands`): whether it numbers
/// 1 and a closing formula stands between it and the candidate before: the
/// numbering restarts with a new law.
fn restarts_after_closing(cues: &CueCache<'_>, units: &[Unit], cands: &[usize]) -> Vec<bool> {
    cands
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            matches!(&units[i].kind, Kind::Article(m) if m.label.number == 1)
                && k > 0
                && units[cands[k - 1]..i].iter().any(|unit| {
                    matches!(unit.kind, Kind::Text | Kind::Item(_)) && cues.get(unit.line).closing
                })
        })
        .collect()
}

fn block(text: &str, start: usize, end: usize) -> Block {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Block {
        text: t.to_string(),
        span: Span::new(start + lead, start + lead + t.len()),
    }
}

fn clean_title(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| {
            c == '*'
                || c == '#'
                || c == '_'
                || c == ':'
                || c == '-'
                || c == '–'
                || c.is_whitespace()
        })
        .to_string()
}

fn title_like_line(l: &Line, max_words: u32) -> bool {
    l.words <= max_words
        && !matches!(l.last, '.' | ':' | ';' | '؛' | '،' | ',' | '-')
        && l.marker.is_none()
}

struct Builder<'t> {
    text: &'t str,
    doc: Document,
    /// Open divisions, innermost last.
    stack: Vec<usize>,
}

impl<'t> Builder<'t> {
    fn seg(&mut self, start: usize, end: usize, role: Role) {
        if end > start {
            self.doc.regions.push(Region {
                span: Span::new(start, end),
                role,
            });
        }
    }

    fn diag(&mut self, kind: DiagnosticKind, message: String, span: Option<Span>) {
        self.doc.diagnostics.push(Diagnostic {
            kind,
            message,
            span,
        });
    }

    /// Opens a division: closes the open ones it does not nest in, records
    /// it, and assigns its heading region.
    fn open_division(
        &mut self,
        unit: &Unit,
        kind: DivisionKind,
        number: Option<u32>,
        heading: String,
        title: Option<String>,
    ) -> usize {
        let rank = kind.rank();
        while let Some(&top) = self.stack.last() {
            if self.doc.divisions[top].kind.rank() >= rank {
                self.stack.pop();
            } else {
                break;
            }
        }
        let idx = self.doc.divisions.len();
        self.doc.divisions.push(Division {
            index: idx,
            kind,
            number,
            heading,
            title,
            parent: self.stack.last().copied(),
            span: Span::new(unit.text_start, unit.text_end),
        });
        self.stack.push(idx);
        self.seg(unit.start, unit.end, Role::Division(idx));
        idx
    }

    /// The law's body, units `from..to`: divisions, article headings,
    /// titles, paragraphs and list items.
    fn law(&mut self, lines: &[Line], units: &[Unit], from: usize, to: usize) {
        let text = self.text;
        let mut state = LawState::default();
        for i in from..to {
            let unit = &units[i];
            match &unit.kind {
                Kind::Blank => self.seg(unit.start, unit.end, Role::Blank),
                Kind::Fragment => {
                    state.pending_fragment = Some(unit.text_start);
                    let idx = self.doc.articles.len();
                    self.seg(unit.start, unit.end, Role::ArticleHeading(idx));
                }
                Kind::Division(m) => {
                    state.current_article = None;
                    state.expect_article_title = false;
                    let head_end = unit.rest.min(unit.text_end);
                    let heading = clean_title(&text[unit.text_start..head_end]);
                    let title = (unit.rest < unit.text_end)
                        .then(|| clean_title(&text[unit.rest..unit.text_end]))
                        .filter(|t| !t.is_empty());
                    let has_title = title.is_some();
                    let idx = self.open_division(unit, m.kind, m.number, heading, title);
                    state.expect_division_title = (!has_title).then_some(idx);
                }
                Kind::Article(m) => {
                    state.expect_division_title = None;
                    let heading_start = state.pending_fragment.take().unwrap_or(unit.text_start);
                    let idx = self.article_heading(unit, m, heading_start, state.current_article);
                    state.current_article = Some(idx);
                    state.expect_article_title = unit.rest >= unit.text_end;
                }
                Kind::Text | Kind::Item(_) if unit.chrome => {
                    self.seg(unit.start, unit.end, Role::Boilerplate);
                }
                Kind::Text | Kind::Item(_) if unit.closing => {
                    state.current_article = None;
                    state.expect_article_title = false;
                    state.expect_division_title = None;
                    self.seg(unit.start, unit.end, Role::Closing);
                }
                Kind::Text | Kind::Item(_) => {
                    let next = units[i + 1..to].iter().find(|x| !x.is_blank());
                    self.body_unit(lines, units, i, next, &mut state);
                }
            }
        }
    }

    /// An article heading: a new article, or the same one again when the
    /// heading is repeated around a division title. Returns its index.
    fn article_heading(
        &mut self,
        unit: &Unit,
        m: &ArticleMatch,
        heading_start: usize,
        current_article: Option<usize>,
    ) -> usize {
        let text = self.text;
        let head_end = unit.rest.min(unit.text_end);
        let division = self.stack.last().copied();
        // A heading repeated around a division title: the same article. Its
        // body so far may hold only short titles (`باب تمهيدي`).
        let repeat = self.doc.articles.len().checked_sub(1).filter(|&c| {
            let a = &self.doc.articles[c];
            (current_article.is_none() || current_article == Some(c))
                && a.label.as_ref() == Some(&m.label)
                && a.paragraphs.len() + a.items.len() <= 2
                && a.paragraphs
                    .iter()
                    .map(|p| p.text.as_str())
                    .chain(a.items.iter().map(|i| i.text.as_str()))
                    .all(|t| t.split_whitespace().count() <= 6 && heading::is_title_like(t))
        });
        let idx = match repeat {
            Some(c) => {
                self.titles_to_divisions(c);
                self.doc.articles[c].division = division;
                c
            }
            None => {
                let idx = self.doc.articles.len();
                self.doc.articles.push(Article {
                    index: idx,
                    label: Some(m.label.clone()),
                    heading: text[heading_start..head_end]
                        .trim()
                        .trim_matches(['*', '#', ' '])
                        .trim_end_matches([':', '-', '–', ' '])
                        .trim()
                        .to_string(),
                    heading_span: Span::new(heading_start, head_end.max(heading_start)),
                    title: None,
                    text: String::new(),
                    paragraphs: Vec::new(),
                    items: Vec::new(),
                    division,
                    span: Span::new(heading_start, unit.text_end),
                });
                idx
            }
        };
        if unit.rest < unit.text_end {
            // The rest of the heading line: a title, or the body's start.
            let rest = &text[unit.rest..unit.text_end];
            if heading::is_title_like(rest)
                && !heading::introduces_list(rest)
                && !rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
            {
                self.doc.articles[idx].title = Some(clean_title(rest));
                self.seg(unit.start, unit.end, Role::ArticleHeading(idx));
            } else {
                self.seg(unit.start, unit.rest, Role::ArticleHeading(idx));
                self.seg(unit.rest, unit.end, Role::ArticleBody(idx));
                let unit_block = block(text, unit.rest, unit.text_end);
                self.doc.articles[idx].paragraphs.push(unit_block);
            }
        } else {
            self.seg(unit.start, unit.end, Role::ArticleHeading(idx));
        }
        let a = &mut self.doc.articles[idx];
        a.span.end = a.span.end.max(unit.text_end);
        idx
    }

    /// The short lines found between two copies of an article's heading
    /// were headings of their own: they become unnumbered divisions.
    fn titles_to_divisions(&mut self, c: usize) {
        let mut titles = std::mem::take(&mut self.doc.articles[c].paragraphs);
        titles.extend(
            std::mem::take(&mut self.doc.articles[c].items)
                .into_iter()
                .map(|i| Block {
                    text: format!("{} {}", i.marker, i.text),
                    span: i.span,
                }),
        );
        for t in titles {
            let d = self.doc.divisions.len();
            self.doc.divisions.push(Division {
                index: d,
                kind: DivisionKind::Unnumbered,
                number: None,
                heading: clean_title(&t.text),
                title: None,
                parent: None,
                span: t.span,
            });
            for s in self.doc.regions.iter_mut().filter(|s| {
                matches!(s.role, Role::ArticleBody(x) | Role::ArticleItem(x) if x == c)
                    && s.span.start <= t.span.start
                    && s.span.end >= t.span.end
            }) {
                s.role = Role::Division(d);
            }
        }
    }

    /// A line of text (or list item) inside the law: a division's title,
    /// an article's title, an unnumbered division heading, or body.
    fn body_unit(
        &mut self,
        lines: &[Line],
        units: &[Unit],
        i: usize,
        next: Option<&Unit>,
        state: &mut LawState,
    ) {
        let text = self.text;
        let unit = &units[i];
        let l = &lines[unit.line];
        let plain_text = matches!(unit.kind, Kind::Text);
        if let Some(d) = state.expect_division_title.take() {
            if plain_text && (!l.pieces.is_empty() || title_like_line(l, 14)) {
                self.doc.divisions[d].title =
                    Some(clean_title(&text[unit.text_start..unit.text_end]));
                self.doc.divisions[d].span.end = unit.text_end;
                self.seg(unit.start, unit.end, Role::Division(d));
                return;
            }
        }
        let Some(c) = state.current_article else {
            // Text between a division heading and the first article.
            match self.stack.last() {
                Some(&d) => self.seg(unit.start, unit.end, Role::Division(d)),
                None => {
                    self.doc
                        .preamble
                        .lines
                        .push(block(text, unit.text_start, unit.text_end));
                    self.seg(unit.start, unit.end, Role::Preamble);
                }
            }
            return;
        };
        // An article title on the line after the heading.
        if std::mem::take(&mut state.expect_article_title)
            && plain_text
            && l.pieces.is_empty()
            && title_like_line(l, 5)
            && next.is_some_and(|n| matches!(n.kind, Kind::Text | Kind::Item(_)))
            && self.doc.articles[c].title.is_none()
        {
            self.doc.articles[c].title = Some(clean_title(&text[unit.text_start..unit.text_end]));
            self.seg(unit.start, unit.end, Role::ArticleHeading(c));
            return;
        }
        // An unnumbered division heading standing between articles.
        if plain_text
            && l.pieces.is_empty()
            && next.is_some_and(|n| matches!(n.kind, Kind::Article(_)))
            && unnumbered_heading(text, l, self.doc.language)
            && {
                let a = &self.doc.articles[c];
                !(a.paragraphs.is_empty() && a.items.is_empty())
                    && prev_ends_sentence(lines, units, i)
            }
        {
            state.current_article = None;
            // It replaces the unnumbered division open before it.
            while self
                .stack
                .last()
                .is_some_and(|&top| self.doc.divisions[top].kind == DivisionKind::Unnumbered)
            {
                self.stack.pop();
            }
            let heading = clean_title(&text[unit.text_start..unit.text_end]);
            self.open_division(unit, DivisionKind::Unnumbered, None, heading, None);
            return;
        }
        let role = match unit.kind {
            Kind::Item(m) => {
                let mut marker_end = m.text_start.clamp(unit.text_start, unit.text_end);
                while marker_end > unit.text_start && !text.is_char_boundary(marker_end) {
                    marker_end -= 1;
                }
                self.doc.articles[c].items.push(ListItem {
                    marker: text[unit.text_start..marker_end].trim().to_string(),
                    ordinal: m.ordinal,
                    text: text[marker_end..unit.text_end]
                        .trim()
                        .trim_end_matches('*')
                        .trim_end()
                        .to_string(),
                    span: Span::new(unit.text_start, unit.text_end),
                });
                Role::ArticleItem(c)
            }
            _ => {
                self.doc.articles[c]
                    .paragraphs
                    .push(block(text, unit.text_start, unit.text_end));
                Role::ArticleBody(c)
            }
        };
        self.seg(unit.start, unit.end, role);
        self.doc.articles[c].span.end = unit.text_end;
    }

    /// Gives the units of a zone (closing, boilerplate) its role, blank
    /// lines aside, and returns the zone's text.
    fn zone(&mut self, units: &[Unit], role: Role) -> Option<Block> {
        for unit in units {
            let r = if unit.is_blank() { Role::Blank } else { role };
            self.seg(unit.start, unit.end, r);
        }
        let first = units.iter().find(|unit| !unit.is_blank())?;
        let last = units.iter().rev().find(|unit| !unit.is_blank())?;
        Some(block(
            self.text,
            first.text_start,
            last.text_end.max(first.text_start),
        ))
    }
}

/// Where the builder is inside the law.
#[derive(Default)]
struct LawState {
    /// The article the next body line belongs to.
    current_article: Option<usize>,
    /// Start of a heading broken over lines, waiting for its second part.
    pending_fragment: Option<usize>,
    /// A division whose title may stand on the next line.
    expect_division_title: Option<usize>,
    /// The article heading had nothing after it on its line.
    expect_article_title: bool,
}

/// Builds the document for `lines` (a region of `text`). Lines from
/// `boilerplate_from` on (an index into `lines`) are known not to be part of
/// the law (text in the other script after it).
pub(crate) fn build(
    text: &str,
    lines: &[Line],
    language: Language,
    boilerplate_from: Option<usize>,
) -> Document {
    let mut builder = Builder {
        text,
        doc: empty_document(lines, language),
        stack: Vec::new(),
    };
    let mut units = line_units(text, lines);
    let law_end_unit = boilerplate_from
        .map(|first_line| {
            units
                .iter()
                .position(|unit| unit.line >= first_line)
                .unwrap_or(units.len())
        })
        .unwrap_or(units.len());
    let mut tail: Vec<Unit> = units.split_off(law_end_unit);
    join_broken(text, &mut units);
    let mut units = glued_headings(text, lines, units);
    numbered_divisions_as_articles(&mut units);
    let front_end = yaml_front_matter_end(text, &units);
    let toc = set_apart_table_of_contents(&mut builder, &mut units, front_end);
    let toc_end = toc.map_or(front_end, |(_, end)| end);
    let cues = CueCache::new(text, lines);
    let chosen = choose_headings(text, &cues, &mut units, toc_end);
    unkept_fragments_as_text(&mut units);
    widen_text_units(lines, &mut units);
    report_uncertain_headings(&mut builder, &units);
    let first_head = law_start(&units, toc_end, &chosen);

    restart_closings(&cues, lines, &mut units, &chosen);
    // Closing block and same-script boilerplate after the last article.
    let (closing_start, boiler_start) = match chosen.last().copied() {
        Some(last_article) => closing_and_boilerplate(text, &cues, lines, &units, last_article),
        None => (units.len(), units.len()),
    };

    // Front zone: title, preamble.
    front(
        &mut builder,
        &cues,
        lines,
        &units[..first_head.min(units.len())],
        front_end,
        toc,
    );

    // The law.
    let law_end = closing_start.min(units.len());
    mark_chrome(text, lines, &mut units[first_head.min(law_end)..law_end]);
    builder.law(lines, &units, first_head, law_end);
    article_texts(text, &mut builder.doc.articles);
    builder.doc.closing = builder.zone(
        &units[closing_start.min(units.len())..boiler_start.min(units.len())],
        Role::Closing,
    );
    // Boilerplate: same-script after the closing, and the other-script tail.
    let mut boiler: Vec<Unit> = units.split_off(boiler_start.min(units.len()));
    boiler.append(&mut tail);
    builder.doc.boilerplate = builder.zone(&boiler, Role::Boilerplate);
    diagnostics(&mut builder);
    let refused = super::refused::diagnostics(text, lines);
    builder.doc.diagnostics.extend(refused);
    builder.doc
}

/// A document in `language` spanning `lines`, with nothing in it yet.
fn empty_document(lines: &[Line], language: Language) -> Document {
    let span = match (lines.first(), lines.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.next),
        _ => Span::new(0, 0),
    };
    Document {
        span,
        ..Document::new(language, Vec::new())
    }
}

/// The index of the first unit after a YAML front matter (a block between
/// two `---` lines at the start), or 0 when there is none.
fn yaml_front_matter_end(text: &str, units: &[Unit]) -> usize {
    let is_rule = |unit: &Unit| text[unit.text_start..unit.text_end].trim() == "---";
    let Some(first) = units.iter().position(|unit| !unit.is_blank()) else {
        return 0;
    };
    if !is_rule(&units[first]) {
        return 0;
    }
    match units[first + 1..].iter().position(is_rule) {
        Some(close) => first + 1 + close + 1,
        None => 0,
    }
}

/// Finds a table of contents after the unit `front_end` and sets it apart:
/// the headings it lists become text, and a diagnostic says so. Returns
/// its range of units.
fn set_apart_table_of_contents(
    builder: &mut Builder<'_>,
    units: &mut [Unit],
    front_end: usize,
) -> Option<(usize, usize)> {
    let (s, e) = table_of_contents(builder.text, &units[front_end..])?;
    let toc_start = front_end + s;
    let toc_end = front_end + e;
    // The headings listed in it are not headings.
    for unit in &mut units[toc_start..toc_end] {
        if matches!(
            unit.kind,
            Kind::Article(_) | Kind::Division(_) | Kind::Fragment
        ) {
            unit.kind = Kind::Text;
        }
    }
    let s = Span::new(units[toc_start].start, units[toc_end].start);
    builder.diag(
        DiagnosticKind::TableOfContents,
        "a table of contents lists the headings before the body; it was set apart as front matter"
            .into(),
        Some(s),
    );
    Some((toc_start, toc_end))
}

/// A fragment whose heading was not kept is text.
fn unkept_fragments_as_text(units: &mut [Unit]) {
    for i in 0..units.len() {
        if matches!(units[i].kind, Kind::Fragment) {
            let next = units[i + 1..].iter().find(|unit| !unit.is_blank());
            if !next.is_some_and(|unit| matches!(unit.kind, Kind::Article(_))) {
                units[i].kind = Kind::Text;
            }
        }
    }
}

/// A heading read as text that opened its line keeps what stood before
/// it on the line (the `**` or `#` of a heading not kept belong to the
/// text), and one that was the whole line keeps what stood after it too:
/// a line read as text is covered whole by its paragraph. (The first
/// piece of a line split at `**` is always a heading; text pieces after
/// a heading keep their own ends.)
fn widen_text_units(lines: &[Line], units: &mut [Unit]) {
    for unit in units {
        let l = &lines[unit.line];
        if matches!(unit.kind, Kind::Text) && unit.start == l.start {
            unit.text_start = unit.text_start.min(l.text_start);
            if unit.end == l.next {
                unit.text_end = unit.text_end.max(l.text_end);
            }
        }
    }
}

/// One diagnostic for each heading candidate that was read as text.
fn report_uncertain_headings(builder: &mut Builder<'_>, units: &[Unit]) {
    let text = builder.text;
    for unit in units {
        if unit.quoted && matches!(unit.kind, Kind::Text) {
            let s = Span::new(unit.text_start, unit.text_end);
            let msg = format!("heading-like text {:?} was read as body text (quoted article, cross-reference or out of sequence)", truncate(text[unit.text_start..unit.text_end].trim_matches(['*', '#', ' ']), 40));
            builder.diag(DiagnosticKind::UncertainHeading, msg, Some(s));
        }
    }
}

/// The unit where the law starts: the first division heading, chosen
/// article heading or fragment of a broken heading after the table of
/// contents (every fragment left is followed by a chosen heading); the
/// number of units when there is none.
fn law_start(units: &[Unit], toc_end: usize, chosen: &[usize]) -> usize {
    units
        .iter()
        .enumerate()
        .skip(toc_end)
        .find(|(i, unit)| {
            matches!(unit.kind, Kind::Division(_) | Kind::Fragment) || chosen.first() == Some(i)
        })
        .map(|(i, _)| i)
        .unwrap_or(units.len())
}

/// Article texts: from the first paragraph or item (after the heading
/// and any title line) to the end of the article.
fn article_texts(text: &str, articles: &mut [Article]) {
    for a in articles {
        let body_start = a
            .paragraphs
            .iter()
            .map(|p| p.span.start)
            .chain(a.items.iter().map(|i| i.span.start))
            .min();
        a.text = match body_start {
            Some(s) if s < a.span.end => text[s..a.span.end]
                .trim()
                .trim_end_matches(['*', ' '])
                .to_string(),
            _ => String::new(),
        };
        fix_letter_order(a);
    }
}

fn truncate(s: &str, n: usize) -> String {
    let t: String = s.chars().take(n).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

fn prev_ends_sentence(lines: &[Line], units: &[Unit], i: usize) -> bool {
    units[..i]
        .iter()
        .rev()
        .find(|unit| !unit.is_blank())
        .is_some_and(|unit| matches!(lines[unit.line].last, '.' | ';' | '؛' | '!' | '?'))
}

fn unnumbered_heading(text: &str, l: &Line, language: Language) -> bool {
    // The line record first: it turns most lines away without a scan.
    if l.words == 0 || l.words > 8 || l.has_digit || l.ends_sentence() || l.marker.is_some() {
        return false;
    }
    let t = &text[l.text_start..l.text_end];
    if t.contains('\t') || t.contains("..") || t.contains(':') {
        return false;
    }
    match language {
        Language::English => l.capitalised * 2 >= l.words && l.capitalised >= 1,
        Language::Arabic => l.arabic > 0,
    }
}

/// Arabic list letters are read in abjad order (أ ب ج د هـ…) unless the
/// article's markers follow the alphabetical order (أ ب ت ث…).
fn fix_letter_order(a: &mut Article) {
    use crate::numerals::{arabic_letter_ordinal, LetterOrder};
    let letters: Vec<(usize, String)> = a
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| {
            // An ASCII marker (`1-`, `(b)`) holds no Arabic letter.
            if it.marker.is_ascii() {
                return None;
            }
            let m = normalize(&it.marker);
            let mut l = m
                .as_str()
                .chars()
                .filter(|c| crate::normalize::is_arabic_letter(*c));
            let first = l.next()?;
            l.next().is_none().then(|| (i, first.to_string()))
        })
        .collect();
    if letters.len() < 2 {
        return;
    }
    let score = |order: LetterOrder| -> usize {
        letters
            .windows(2)
            .filter(|w| {
                let a = arabic_letter_ordinal(&w[0].1, order);
                let b = arabic_letter_ordinal(&w[1].1, order);
                matches!((a, b), (Some(x), Some(y)) if y == x + 1)
            })
            .count()
    };
    if score(LetterOrder::Alphabetical) > score(LetterOrder::Abjad) {
        for (i, l) in letters {
            a.items[i].ordinal = arabic_letter_ordinal(&l, LetterOrder::Alphabetical);
        }
    }
}

/// Where the closing and the boilerplate after the law start (unit
/// indices): from a closing formula back over its signature lines, or from
/// a recognisable block after the law (numbered footnotes `[1]`, `[2]` …, a
/// table of contents with article ranges, web boilerplate), whichever comes
/// first; the last article keeps at least its first body unit.
fn closing_and_boilerplate(
    text: &str,
    cues: &CueCache<'_>,
    lines: &[Line],
    units: &[Unit],
    last_art: usize,
) -> (usize, usize) {
    let n = units.len();
    let first_body = units[last_art + 1..]
        .iter()
        .position(|unit| !unit.is_blank())
        .map_or(n, |k| last_art + 1 + k);
    let search_from = (first_body + 1).min(n);
    let block = after_law_block(text, cues, units, search_from).unwrap_or(n);
    let cue = units[search_from..block]
        .iter()
        .position(|unit| {
            matches!(unit.kind, Kind::Text | Kind::Item(_)) && cues.get(unit.line).closing
        })
        .map(|k| search_from + k);
    match cue {
        Some(c) => closing_extent(cues, lines, units, search_from, c, block),
        None => (block, block),
    }
}

/// The closing around the closing formula at unit `c`: back over up to four
/// short signature lines (not before `from`), and on over short lines up to
/// `stop` at most. Returns (start, end) unit indices.
fn closing_extent(
    cues: &CueCache<'_>,
    lines: &[Line],
    units: &[Unit],
    from: usize,
    c: usize,
    stop: usize,
) -> (usize, usize) {
    // Signature lines just before the closing formula.
    let mut start = c;
    let mut k = c;
    let mut taken = 0;
    while k > from && taken < 4 {
        k -= 1;
        if units[k].is_blank() {
            continue;
        }
        let l = &lines[units[k].line];
        if matches!(units[k].kind, Kind::Text)
            && l.words <= 12
            && !matches!(l.last, '.' | ':' | ';' | '؛' | '،' | ',')
            && !l.has_heading()
        {
            start = k;
            taken += 1;
        } else {
            break;
        }
    }
    // The closing runs on over short lines.
    let mut end = c + 1;
    while end < stop {
        let unit = &units[end];
        if unit.is_blank() {
            end += 1;
            continue;
        }
        let l = &lines[unit.line];
        let cu = cues.get(unit.line);
        if cu.boilerplate
            || (!cu.closing && l.words > 14)
            || matches!(
                unit.kind,
                Kind::Article(_) | Kind::Division(_) | Kind::Fragment
            )
        {
            break;
        }
        end += 1;
    }
    (start, end)
}

/// The first unit from `from` on that starts a block standing after the
/// law: web boilerplate (`آخر تحديث في`, `All rights reserved` …), numbered
/// footnotes (a line opening with `[1]` and a later one with `[2]`), or a
/// table of contents (a contents title, or two lines close together that
/// end in an article range such as `(مادة ١ - مادة ٦)`).
fn after_law_block(text: &str, cues: &CueCache<'_>, units: &[Unit], from: usize) -> Option<usize> {
    let body = |unit: &Unit| matches!(unit.kind, Kind::Text | Kind::Item(_));
    let view = |unit: &Unit| normalize(&text[unit.text_start..unit.text_end]);
    let mut pending_range: Option<(usize, usize)> = None;
    for (i, unit) in units.iter().enumerate().skip(from) {
        if !body(unit) {
            continue;
        }
        if cues.get(unit.line).boilerplate {
            return Some(pending_range.map_or(i, |(at, _)| at));
        }
        let v = view(unit);
        let t = v.as_str().trim();
        if footnote_number(t) == Some(1)
            && units[i + 1..]
                .iter()
                .filter(|x| body(x))
                .any(|x| footnote_number(view(x).as_str().trim()) == Some(2))
        {
            return Some(i);
        }
        if heading::is_contents_title(t) {
            return Some(i);
        }
        if heading::ends_with_article_range(t) {
            match pending_range {
                Some((at, seen)) if seen <= 3 => return Some(at),
                _ => pending_range = Some((i, 0)),
            }
        } else if let Some((_, seen)) = &mut pending_range {
            *seen += 1;
        }
    }
    None
}

/// Marks the site chrome among the text units of the law: lines that are
/// only a `Share`/`Print` button or a page number (`- 12 -`, `Page 3 of
/// 10`, `صفحة 3`), and running heads: a short line with a digit that comes
/// again, digits aside, at least three times (`الجريدة الرسمية - العدد ٣ …
/// في ١٨ يناير سنة ٢٠١٤`).
fn mark_chrome(text: &str, lines: &[Line], units: &mut [Unit]) {
    use std::collections::HashMap;
    let candidate = |unit: &Unit| {
        let l = &lines[unit.line];
        matches!(unit.kind, Kind::Text) && l.words <= 16 && unit.start == l.start
    };
    // For each digit-folded line: in how many articles, and the last one.
    let mut seen: HashMap<u64, (u32, usize)> = HashMap::new();
    let mut keys = vec![None; units.len()];
    let mut article = 0;
    for (k, unit) in units.iter_mut().enumerate() {
        if matches!(unit.kind, Kind::Article(_)) {
            article += 1;
        }
        if !candidate(unit) {
            continue;
        }
        let raw = &text[unit.text_start..unit.text_end];
        if heading::is_chrome_line(raw) {
            unit.chrome = true;
            continue;
        }
        let l = &lines[unit.line];
        if l.has_digit && l.arabic + l.latin >= 6 && running_head_like(raw, l) {
            let key = digit_folded_hash(raw);
            let e = seen.entry(key).or_insert((0, usize::MAX));
            if e.1 != article {
                *e = (e.0 + 1, article);
            }
            keys[k] = Some(key);
        }
    }
    for (unit, key) in units.iter_mut().zip(keys) {
        if key.is_some_and(|key| seen[&key].0 >= 3) {
            unit.chrome = true;
        }
    }
}

/// Whether a short line with a digit may be a running head or a repeated
/// note when it comes again: a note (`* عدلت …`, `[3] …`), or a line that
/// does not end a sentence and names no article. A sentence that differs
/// from others only by its numbers (`يستبدل بنص المادة (5) … الآتي:`) is
/// body text.
fn running_head_like(raw: &str, l: &Line) -> bool {
    let t = raw.trim_start();
    if t.starts_with(['*', '[']) {
        return true;
    }
    !l.ends_sentence()
        && !["ماده", "مادة", "المادة", "rticle", "RTICLE"]
            .iter()
            .any(|k| t.contains(k))
}

/// A hash of `s` with every run of digits (ASCII, Arabic-Indic, Persian)
/// read as one `0` and spaces ignored, so that running heads with their page or issue
/// numbers hash alike.
fn digit_folded_hash(s: &str) -> u64 {
    // FNV-1a over the bytes; an Arabic-Indic (`D9 A0`–`D9 A9`) or Persian
    // (`DB B0`–`DB B9`) digit is two bytes.
    let b = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |x: u8| {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    let mut in_number = false;
    let mut k = 0;
    while k < b.len() {
        let wide = matches!(
            (b[k], b.get(k + 1)),
            (0xD9, Some(0xA0..=0xA9)) | (0xDB, Some(0xB0..=0xB9))
        );
        let digit = wide || b[k].is_ascii_digit();
        if digit && !in_number {
            feed(b'0');
        } else if !digit && !matches!(b[k], b' ' | b'\t') {
            feed(b[k]);
        }
        in_number = digit;
        k += if wide { 2 } else { 1 };
    }
    h
}

/// The number of a footnote line (`[12] …`), if the line is one.
fn footnote_number(t: &str) -> Option<u32> {
    let r = t.strip_prefix('[')?;
    let d = r.bytes().take_while(u8::is_ascii_digit).count();
    if d == 0 || d > 3 || !r[d..].starts_with(']') {
        return None;
    }
    r[..d].parse().ok()
}

/// Where a law closes when another law follows it in the same text: between
/// two chosen headings where the numbering restarts at 1, a closing
/// formula after the first article's body opens a closing (with its
/// signature lines), whose units are marked.
fn restart_closings(cues: &CueCache<'_>, lines: &[Line], units: &mut [Unit], chosen: &[usize]) {
    let number = |unit: &Unit| match &unit.kind {
        Kind::Article(m) => m.label.number,
        _ => 0,
    };
    for w in chosen.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !(number(&units[b]) == 1 && number(&units[a]) > 1) {
            continue;
        }
        let Some(first_body) = units[a + 1..b].iter().position(|u| !u.is_blank()) else {
            continue;
        };
        let from = a + 1 + first_body + 1;
        let cue = (from..b).find(|&k| {
            matches!(units[k].kind, Kind::Text | Kind::Item(_)) && cues.get(units[k].line).closing
        });
        if let Some(c) = cue {
            let (start, end) = closing_extent(cues, lines, units, from, c, b);
            for unit in &mut units[start..end] {
                unit.closing = true;
            }
        }
    }
}

/// The front zone: YAML front matter and table of contents (already
/// known), title, preamble lines, recitals, enacting formula.
fn front(
    builder: &mut Builder<'_>,
    cues: &CueCache<'_>,
    lines: &[Line],
    units: &[Unit],
    front_end: usize,
    toc: Option<(usize, usize)>,
) {
    let text = builder.text;
    let in_front = |i: usize| i < front_end || toc.is_some_and(|(s, e)| i >= s && i < e);
    // Title: the block up to the first line naming the instrument and its
    // number, with the "on …" lines after it.
    let head: Vec<usize> = units
        .iter()
        .enumerate()
        .filter(|(i, unit)| !unit.is_blank() && !in_front(*i))
        .map(|(i, _)| i)
        .take_while(|&i| {
            let c = cues.get(units[i].line);
            !(c.recital_intro || c.enacting || matches!(units[i].kind, Kind::Item(_)))
        })
        .take(5)
        .collect();
    let mut title_range: Option<(usize, usize)> = None;
    let keyword_line = head
        .iter()
        .position(|&i| cues.get(units[i].line).title_kw)
        .or_else(|| {
            // `قرار أمين اللجنة …` / `رقم (15) لسنة 1430`: the number on the next line.
            head.windows(2).position(|w| {
                cues.get(units[w[0]].line).instrument && cues.get(units[w[1]].line).number_line
            })
        });
    if let Some(keyword_line) = keyword_line {
        let mut end = keyword_line;
        while end + 1 < head.len() && {
            let c = cues.get(units[head[end + 1]].line);
            c.subtitle || c.number_line
        } {
            end += 1;
        }
        // Lines right above the instrument line (the issuer) stay preamble.
        title_range = Some((head[keyword_line], head[end]));
    } else if let Some(&f) = head.first() {
        if lines[units[f].line].words <= 25 {
            title_range = Some((f, f));
        }
    }
    let mut after_intro = false;
    for (i, unit) in units.iter().enumerate() {
        if unit.is_blank() {
            builder.seg(unit.start, unit.end, Role::Blank);
            continue;
        }
        if in_front(i) {
            builder.seg(unit.start, unit.end, Role::Front);
            continue;
        }
        if let Some((s, e)) = title_range {
            if i >= s && i <= e {
                builder.seg(unit.start, unit.end, Role::Title);
                if i == e {
                    let mut t = block(text, units[s].text_start, units[e].text_end);
                    t.text = t.text.trim_matches(['*', '#', ' ']).to_string();
                    builder.doc.title = Some(t);
                }
                continue;
            }
        }
        let c = cues.get(unit.line);
        let unit_block = block(text, unit.text_start, unit.text_end);
        // "Upon review of:" alone introduces the recitals; "Having perused
        // the Constitution; and" is the first of them as well.
        let bare_intro = || {
            let t = unit_block.text.trim_end_matches(['-', ' ', '*']);
            t.ends_with(':') || lines[unit.line].words <= 4
        };
        if c.enacting {
            after_intro = false;
            builder.doc.preamble.enacting = Some(unit_block);
            builder.seg(unit.start, unit.end, Role::Enacting);
        } else if c.recital_intro && !c.recital && !after_intro && bare_intro() {
            after_intro = true;
            builder.doc.preamble.lines.push(unit_block);
            builder.seg(unit.start, unit.end, Role::Preamble);
        } else if matches!(unit.kind, Kind::Item(_)) || c.recital || c.recital_intro || after_intro
        {
            after_intro |= c.recital_intro;
            builder.doc.preamble.recitals.push(unit_block);
            builder.seg(unit.start, unit.end, Role::Recital);
        } else {
            builder.doc.preamble.lines.push(unit_block);
            builder.seg(unit.start, unit.end, Role::Preamble);
        }
    }
}

fn diagnostics(builder: &mut Builder<'_>) {
    if builder.doc.articles.is_empty() {
        builder.diag(
            DiagnosticKind::NoArticles,
            "no article headings were found: the text may not be legislation".into(),
            None,
        );
        return;
    }
    let numbering = builder.doc.numbering();
    let mut msgs = Vec::new();
    for (a, check) in builder.doc.articles.iter().zip(&numbering.articles) {
        if let (Some(l), Some(first)) = (&a.label, check.first_with_label) {
            msgs.push((
                DiagnosticKind::DuplicateNumber,
                format!(
                    "article {l} occurs more than once (articles {} and {})",
                    builder.doc.articles[first].index, a.index
                ),
                Some(a.heading_span),
            ));
        }
    }
    for (w, check) in builder
        .doc
        .articles
        .windows(2)
        .zip(&numbering.articles[1..])
    {
        if let (Some(x), Some(y)) = (&w[0].label, &w[1].label) {
            if check.gap_before {
                msgs.push((
                    DiagnosticKind::NumberingGap,
                    format!("numbering jumps from {x} to {y}"),
                    Some(w[1].heading_span),
                ));
            } else if check.goes_back {
                msgs.push((
                    DiagnosticKind::OutOfOrder,
                    format!("numbering goes back from {x} to {y}"),
                    Some(w[1].heading_span),
                ));
            }
        }
    }
    for (k, m, s) in msgs {
        builder.diag(k, m, s);
    }
}
