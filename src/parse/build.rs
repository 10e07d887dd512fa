//! Second pass: from line records to a [`Document`].
//!
//! In: the input text, the [`Line`]s of one document's region and its
//! language. Out: the document structure, with every byte of the region
//! assigned to exactly one [`Segment`].
//!
//! Steps: units (lines, or pieces of lines holding several headings) →
//! broken headings joined → table of contents set apart → article headings
//! chosen as the most plausible numbering sequence (quoted articles and
//! cross-references left as body text) → zones (front, law, closing,
//! boilerplate) → structure.

use super::heading::{self, ArticleMatch, DivisionMatch, NumStyle};
use super::line::{self, Cues, Line, Marker, PieceKind};
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
    Art(ArticleMatch),
    Div(DivisionMatch),
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

    fn get(&self, li: usize) -> Cues {
        if let Some(c) = self.cache[li].get() {
            return c;
        }
        let c = line::line_cues(self.text, &self.lines[li], &mut self.view.borrow_mut());
        self.cache[li].set(Some(c));
        c
    }

    /// `self.get(li).amend`, without the other cues.
    fn amend(&self, li: usize) -> bool {
        if let Some(c) = self.cache[li].get() {
            return c.amend;
        }
        if let Some(a) = self.amend[li].get() {
            return a;
        }
        // A very long line (a text without line breaks): one view for all
        // the cues rather than copies for this one.
        let l = &self.lines[li];
        if l.tend - l.tstart > 4096 {
            return self.get(li).amend;
        }
        let a = line::line_amend(
            self.text,
            &self.lines[li],
            &mut self.view.borrow_mut(),
            &mut self.plain.borrow_mut(),
        );
        self.amend[li].set(Some(a));
        a
    }
}

#[derive(Debug, Clone)]
struct Unit {
    /// Segment range (line terminators included where the unit ends a line).
    start: usize,
    end: usize,
    /// Visible text range.
    tstart: usize,
    tend: usize,
    /// For headings: where the inline rest starts (== tend when none).
    rest: usize,
    line: usize,
    kind: Kind,
    /// A heading candidate inside a quotation (an amending law quoting the
    /// articles it amends), or one the numbering sequence left out.
    quoted: bool,
}

impl Unit {
    fn is_blank(&self) -> bool {
        matches!(self.kind, Kind::Blank)
    }
}

fn units(text: &str, lines: &[Line]) -> Vec<Unit> {
    let mut out = Vec::with_capacity(lines.len());
    for (li, l) in lines.iter().enumerate() {
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
                tstart: l.tstart,
                tend: l.tend,
                rest: l.tend,
                line: li,
                kind,
                quoted: false,
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
                PieceKind::Article(m) => Kind::Art(m.clone()),
                PieceKind::Division(m) => Kind::Div(m.clone()),
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
                tstart: p.start,
                tend: p.end,
                rest: p.rest,
                line: li,
                kind,
                quoted: false,
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
        if !matches!(units[i].kind, Kind::Text) || units[i].tend - units[i].tstart > 24 {
            i += 1;
            continue;
        }
        let first = text[units[i].tstart..units[i].tend].trim_matches(['*', '#', ' ']);
        let fview = normalize(first);
        let fragment = heading::is_keyword_fragment(fview.as_str());
        let bare = heading::is_bare_keyword(fview.as_str());
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
        let second = text[units[j].tstart..units[j].tend].trim_start_matches(['*', ' ']);
        let joiner = if fragment { "" } else { " " };
        let joined = format!("{first}{joiner}{second}");
        let view = normalize(&joined);
        let v = view.as_str().trim_end_matches(['*', ' ']);
        if let Some(m) = heading::match_article(v) {
            // Map the rest back into the second line.
            let rest_in_joined = view.original_offset(m.rest.min(v.len()));
            let second_off = first.len() + joiner.len();
            let rest = if m.rest >= v.len() {
                units[j].tend
            } else {
                let second_start = units[j].tend - second.len();
                second_start + rest_in_joined.saturating_sub(second_off).min(second.len())
            };
            units[i].kind = Kind::Fragment;
            units[j].kind = Kind::Art(m);
            units[j].rest = rest;
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

/// Tunisian and Moroccan laws number their articles `الفصل 1`, `الفصل 2`,
/// and some English translations use `Section 1`: in a text with no article
/// heading at all, a run of three or more chapters (or sections) whose
/// numbers rise is read as the articles.
fn numbered_divisions_as_articles(us: &mut [Unit]) {
    if us
        .iter()
        .any(|u| matches!(u.kind, Kind::Art(_) | Kind::Fragment))
    {
        return;
    }
    for kind in [DivisionKind::Chapter, DivisionKind::Section] {
        let found: Vec<(usize, u32)> = us
            .iter()
            .enumerate()
            .filter_map(|(i, u)| match &u.kind {
                Kind::Div(m) if m.kind == kind => m.number.map(|n| (i, n)),
                _ => None,
            })
            .collect();
        let rising = found.windows(2).filter(|w| w[1].1 == w[0].1 + 1).count();
        if found.len() < 3 || rising * 4 < (found.len() - 1) * 3 {
            continue;
        }
        for (i, n) in found {
            us[i].kind = Kind::Art(ArticleMatch {
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

/// A table of contents lists the headings before the body: the first
/// heading's label comes again later, and the headings in between have
/// (almost) no text. Returns the index of the first unit after it.
fn table_of_contents(text: &str, units: &[Unit]) -> Option<(usize, usize)> {
    let heads: Vec<usize> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| matches!(u.kind, Kind::Art(_)))
        .map(|(i, _)| i)
        .collect();
    let first = heads.first()?;
    let Kind::Art(m0) = &units[*first].kind else {
        return None;
    };
    let again = heads
        .iter()
        .skip(3)
        .find(|&&h| matches!(&units[h].kind, Kind::Art(m) if m.label == m0.label))?;
    let listed = heads.iter().take_while(|&&h| h < *again).count();
    let body: usize = units[*first..*again]
        .iter()
        .filter(|u| matches!(u.kind, Kind::Text | Kind::Item(_)))
        .map(|u| text[u.tstart..u.tend].chars().count())
        .sum();
    (body / listed.max(1) < 60).then_some((*first, *again))
}

/// Whether unit `i` is a paragraph ending in a colon whose text (this
/// line or the four before it, back to `from`) has an amending verb
/// (`يستبدل`, `replaced`): it introduces quoted articles.
fn introduces_quotation(
    text: &str,
    cx: &CueCache<'_>,
    units: &[Unit],
    from: usize,
    i: usize,
) -> bool {
    if !text[units[i].tstart..units[i].tend]
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
                if cx.amend(units[k].line) {
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
fn choose_headings(text: &str, cx: &CueCache<'_>, units: &mut [Unit], from: usize) -> Vec<usize> {
    // Mark candidates inside quotation context (amending laws).
    let mut cands: Vec<usize> = Vec::new();
    let mut outer: Option<(u32, NumStyle)> = None;
    let mut last: Option<(u32, NumStyle)> = None;
    for i in from..units.len() {
        match &units[i].kind {
            Kind::Text | Kind::Item(_) if introduces_quotation(text, cx, units, from, i) => {
                outer = last;
            }
            Kind::Art(m) => {
                let quote_char = text[units[i].start..units[i].tstart.max(units[i].start)]
                    .chars()
                    .chain(text[units[i].tstart..].chars().take(1))
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
            Kind::Art(a) => (a, units[i].quoted),
            _ => unreachable!("candidates are article units"),
        })
        .collect();
    let skip = |k: usize| if info[k].1 { 0.3 } else { 1.5 };
    let mut skip_prefix = vec![0.0; m + 1];
    for k in 0..m {
        skip_prefix[k + 1] = skip_prefix[k] + skip(k);
    }
    let trans = |i: usize, j: usize| -> f64 {
        let (a, _) = info[i];
        let (b, _) = info[j];
        let d = b.label.number as i64 - a.label.number as i64;
        let mut c = match d {
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
    let mut keep = vec![false; m];
    let mut k = end;
    loop {
        keep[k] = true;
        if prev[k] == usize::MAX {
            break;
        }
        k = prev[k];
    }
    let mut chosen = Vec::new();
    for (k, &ui) in cands.iter().enumerate() {
        if keep[k] {
            chosen.push(ui);
        } else {
            units[ui].kind = Kind::Text;
            units[ui].quoted = true;
        }
    }
    chosen
}

/// How far back a heading's predecessor in the numbering is looked for.
const WINDOW: usize = 40;

/// The dynamic programme of [`choose_headings`] over `m` candidates
/// (`skip_prefix` has `m + 1` sums of the costs of leaving candidates out):
/// for each candidate, the cost of the best path ending at it and its
/// predecessor on that path (`usize::MAX` when the path starts there, at
/// cost `start(j)` after leaving out all before it). `trans(i, j)` is never
/// negative.
fn best_paths(
    skip_prefix: &[f64],
    start: impl Fn(usize) -> f64,
    trans: impl Fn(usize, usize) -> f64,
) -> (Vec<f64>, Vec<usize>) {
    let m = skip_prefix.len() - 1;
    let mut best = vec![f64::INFINITY; m];
    let mut prev = vec![usize::MAX; m];
    for j in 0..m {
        best[j] = skip_prefix[j] + start(j);
        let lo = j.saturating_sub(WINDOW);
        // Nearest first, where the cheap steps are, so that the bound below
        // passes over most of the others unpriced. Ties go to the earliest
        // candidate, and to starting here over any of them, as in a scan
        // from the earliest with a strict comparison.
        for i in (lo..j).rev() {
            // A transition costs nothing or more: a path that cannot reach
            // the best so far even without it cannot win.
            let reach = best[i] + (skip_prefix[j] - skip_prefix[i + 1]);
            if reach > best[j] {
                continue;
            }
            let c = reach + trans(i, j);
            if c < best[j] || (c == best[j] && prev[j] != usize::MAX) {
                best[j] = c;
                prev[j] = i;
            }
        }
    }
    (best, prev)
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
            self.doc.segments.push(Segment {
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
    /// it, and assigns its heading segment.
    fn open_division(
        &mut self,
        u: &Unit,
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
            span: Span::new(u.tstart, u.tend),
        });
        self.stack.push(idx);
        self.seg(u.start, u.end, Role::Division(idx));
        idx
    }

    /// The law's body, units `from..to`: divisions, article headings,
    /// titles, paragraphs and list items.
    fn law(&mut self, lines: &[Line], us: &[Unit], from: usize, to: usize) {
        let text = self.text;
        let mut st = LawState::default();
        for i in from..to {
            let u = &us[i];
            match &u.kind {
                Kind::Blank => self.seg(u.start, u.end, Role::Blank),
                Kind::Fragment => {
                    st.pending_fragment = Some(u.tstart);
                    let idx = self.doc.articles.len();
                    self.seg(u.start, u.end, Role::ArticleHeading(idx));
                }
                Kind::Div(m) => {
                    st.cur = None;
                    st.expect_article_title = false;
                    let head_end = u.rest.min(u.tend);
                    let heading = clean_title(&text[u.tstart..head_end]);
                    let title = (u.rest < u.tend)
                        .then(|| clean_title(&text[u.rest..u.tend]))
                        .filter(|t| !t.is_empty());
                    let has_title = title.is_some();
                    let idx = self.open_division(u, m.kind, m.number, heading, title);
                    st.expect_division_title = (!has_title).then_some(idx);
                }
                Kind::Art(m) => {
                    st.expect_division_title = None;
                    let hstart = st.pending_fragment.take().unwrap_or(u.tstart);
                    let idx = self.article_heading(u, m, hstart, st.cur);
                    st.cur = Some(idx);
                    st.expect_article_title = u.rest >= u.tend;
                }
                Kind::Text | Kind::Item(_) => {
                    let next = us[i + 1..to].iter().find(|x| !x.is_blank());
                    self.body_unit(lines, us, i, next, &mut st);
                }
            }
        }
    }

    /// An article heading: a new article, or the same one again when the
    /// heading is repeated around a division title. Returns its index.
    fn article_heading(
        &mut self,
        u: &Unit,
        m: &ArticleMatch,
        hstart: usize,
        cur: Option<usize>,
    ) -> usize {
        let text = self.text;
        let head_end = u.rest.min(u.tend);
        let division = self.stack.last().copied();
        // A heading repeated around a division title: the same article. Its
        // body so far may hold only short titles (`باب تمهيدي`).
        let repeat = self.doc.articles.len().checked_sub(1).filter(|&c| {
            let a = &self.doc.articles[c];
            (cur.is_none() || cur == Some(c))
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
                    heading: text[hstart..head_end]
                        .trim()
                        .trim_matches(['*', '#', ' '])
                        .trim_end_matches([':', '-', '–', ' '])
                        .trim()
                        .to_string(),
                    heading_span: Span::new(hstart, head_end.max(hstart)),
                    title: None,
                    text: String::new(),
                    paragraphs: Vec::new(),
                    items: Vec::new(),
                    division,
                    span: Span::new(hstart, u.tend),
                });
                idx
            }
        };
        if u.rest < u.tend {
            // The rest of the heading line: a title, or the body's start.
            let rest = &text[u.rest..u.tend];
            if heading::is_title_like(rest)
                && !rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
            {
                self.doc.articles[idx].title = Some(clean_title(rest));
                self.seg(u.start, u.end, Role::ArticleHeading(idx));
            } else {
                self.seg(u.start, u.rest, Role::ArticleHeading(idx));
                self.seg(u.rest, u.end, Role::ArticleBody(idx));
                let blk = block(text, u.rest, u.tend);
                self.doc.articles[idx].paragraphs.push(blk);
            }
        } else {
            self.seg(u.start, u.end, Role::ArticleHeading(idx));
        }
        let a = &mut self.doc.articles[idx];
        a.span.end = a.span.end.max(u.tend);
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
            for s in self.doc.segments.iter_mut().filter(|s| {
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
        us: &[Unit],
        i: usize,
        next: Option<&Unit>,
        st: &mut LawState,
    ) {
        let text = self.text;
        let u = &us[i];
        let l = &lines[u.line];
        let plain_text = matches!(u.kind, Kind::Text);
        if let Some(d) = st.expect_division_title.take() {
            if plain_text && (!l.pieces.is_empty() || title_like_line(l, 14)) {
                self.doc.divisions[d].title = Some(clean_title(&text[u.tstart..u.tend]));
                self.doc.divisions[d].span.end = u.tend;
                self.seg(u.start, u.end, Role::Division(d));
                return;
            }
        }
        let Some(c) = st.cur else {
            // Text between a division heading and the first article.
            match self.stack.last() {
                Some(&d) => self.seg(u.start, u.end, Role::Division(d)),
                None => {
                    self.doc.preamble.lines.push(block(text, u.tstart, u.tend));
                    self.seg(u.start, u.end, Role::Preamble);
                }
            }
            return;
        };
        // An article title on the line after the heading.
        if std::mem::take(&mut st.expect_article_title)
            && plain_text
            && l.pieces.is_empty()
            && title_like_line(l, 5)
            && next.is_some_and(|n| matches!(n.kind, Kind::Text | Kind::Item(_)))
            && self.doc.articles[c].title.is_none()
        {
            self.doc.articles[c].title = Some(clean_title(&text[u.tstart..u.tend]));
            self.seg(u.start, u.end, Role::ArticleHeading(c));
            return;
        }
        // An unnumbered division heading standing between articles.
        if plain_text
            && l.pieces.is_empty()
            && next.is_some_and(|n| matches!(n.kind, Kind::Art(_)))
            && unnumbered_heading(text, l, self.doc.language)
            && {
                let a = &self.doc.articles[c];
                !(a.paragraphs.is_empty() && a.items.is_empty()) && prev_ends_sentence(lines, us, i)
            }
        {
            st.cur = None;
            // It replaces the unnumbered division open before it.
            while self
                .stack
                .last()
                .is_some_and(|&top| self.doc.divisions[top].kind == DivisionKind::Unnumbered)
            {
                self.stack.pop();
            }
            let heading = clean_title(&text[u.tstart..u.tend]);
            self.open_division(u, DivisionKind::Unnumbered, None, heading, None);
            return;
        }
        let role = match u.kind {
            Kind::Item(m) => {
                let mut marker_end = m.text_start.clamp(u.tstart, u.tend);
                while marker_end > u.tstart && !text.is_char_boundary(marker_end) {
                    marker_end -= 1;
                }
                self.doc.articles[c].items.push(ListItem {
                    marker: text[u.tstart..marker_end].trim().to_string(),
                    ordinal: m.ordinal,
                    text: text[marker_end..u.tend]
                        .trim()
                        .trim_end_matches('*')
                        .trim_end()
                        .to_string(),
                    span: Span::new(u.tstart, u.tend),
                });
                Role::ArticleItem(c)
            }
            _ => {
                self.doc.articles[c]
                    .paragraphs
                    .push(block(text, u.tstart, u.tend));
                Role::ArticleBody(c)
            }
        };
        self.seg(u.start, u.end, role);
        self.doc.articles[c].span.end = u.tend;
    }

    /// Gives the units of a zone (closing, boilerplate) its role, blank
    /// lines aside, and returns the zone's text.
    fn zone(&mut self, us: &[Unit], role: Role) -> Option<Block> {
        for u in us {
            let r = if u.is_blank() { Role::Blank } else { role };
            self.seg(u.start, u.end, r);
        }
        let first = us.iter().find(|u| !u.is_blank())?;
        let last = us.iter().rev().find(|u| !u.is_blank())?;
        Some(block(self.text, first.tstart, last.tend.max(first.tstart)))
    }
}

/// Where the builder is inside the law.
#[derive(Default)]
struct LawState {
    /// The article the next body line belongs to.
    cur: Option<usize>,
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
    let span = match (lines.first(), lines.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.next),
        _ => Span::new(0, 0),
    };
    let mut b = Builder {
        text,
        doc: Document {
            language,
            span,
            title: None,
            preamble: Preamble::default(),
            divisions: Vec::new(),
            articles: Vec::new(),
            closing: None,
            boilerplate: None,
            segments: Vec::new(),
            diagnostics: Vec::new(),
        },
        stack: Vec::new(),
    };
    let mut us = units(text, lines);
    let law_end_unit = boilerplate_from
        .map(|bl| us.iter().position(|u| u.line >= bl).unwrap_or(us.len()))
        .unwrap_or(us.len());
    let mut tail: Vec<Unit> = us.split_off(law_end_unit);
    join_broken(text, &mut us);
    numbered_divisions_as_articles(&mut us);

    // YAML front matter.
    let mut front_end = 0;
    if let Some(first) = us.iter().position(|u| !u.is_blank()) {
        if text[us[first].tstart..us[first].tend].trim() == "---" {
            if let Some(close) = us[first + 1..]
                .iter()
                .position(|u| text[u.tstart..u.tend].trim() == "---")
            {
                front_end = first + 1 + close + 1;
            }
        }
    }
    // Table of contents.
    let mut toc_end = front_end;
    let mut toc = None;
    if let Some((s, e)) = table_of_contents(text, &us[front_end..]) {
        let toc_start = front_end + s;
        toc_end = front_end + e;
        toc = Some((toc_start, toc_end));
        // The headings listed in it are not headings.
        for u in &mut us[toc_start..toc_end] {
            if matches!(u.kind, Kind::Art(_) | Kind::Div(_) | Kind::Fragment) {
                u.kind = Kind::Text;
            }
        }
        let s = Span::new(us[toc_start].start, us[toc_end].start);
        b.diag(DiagnosticKind::TableOfContents, "a table of contents lists the headings before the body; it was set apart as front matter".into(), Some(s));
    }
    let cx = CueCache::new(text, lines);
    let chosen = choose_headings(text, &cx, &mut us, toc_end);
    // A fragment whose heading was not kept is text.
    for i in 0..us.len() {
        if matches!(us[i].kind, Kind::Fragment) {
            let next = us[i + 1..].iter().find(|u| !u.is_blank());
            if !next.is_some_and(|u| matches!(u.kind, Kind::Art(_))) {
                us[i].kind = Kind::Text;
            }
        }
    }
    // A heading read as text that opened its line keeps what stood before
    // it on the line (the `**` or `#` of a heading not kept belong to the
    // text), and one that was the whole line keeps what stood after it too:
    // a line read as text is covered whole by its paragraph. (The first
    // piece of a line split at `**` is always a heading; text pieces after
    // a heading keep their own ends.)
    for u in &mut us {
        let l = &lines[u.line];
        if matches!(u.kind, Kind::Text) && u.start == l.start {
            u.tstart = u.tstart.min(l.tstart);
            if u.end == l.next {
                u.tend = u.tend.max(l.tend);
            }
        }
    }
    for u in &us {
        if u.quoted && matches!(u.kind, Kind::Text) {
            let s = Span::new(u.tstart, u.tend);
            let msg = format!("heading-like text {:?} was read as body text (quoted article, cross-reference or out of sequence)", truncate(text[u.tstart..u.tend].trim_matches(['*', '#', ' ']), 40));
            b.diag(DiagnosticKind::UncertainHeading, msg, Some(s));
        }
    }
    // The law starts at the first division heading, chosen article heading
    // or fragment of a broken heading (every fragment left is followed by a
    // chosen heading).
    let first_head = us
        .iter()
        .enumerate()
        .skip(toc_end)
        .find(|(i, u)| matches!(u.kind, Kind::Div(_) | Kind::Fragment) || chosen.first() == Some(i))
        .map(|(i, _)| i)
        .unwrap_or(us.len());
    let last_art = chosen.last().copied();

    // Closing block and same-script boilerplate after the last article.
    let (closing_start, boiler_start) = match last_art {
        Some(la) => closing_and_boilerplate(&cx, lines, &us, la),
        None => (us.len(), us.len()),
    };

    // Front zone: title, preamble.
    front(
        &mut b,
        &cx,
        lines,
        &us[..first_head.min(us.len())],
        front_end,
        toc,
    );

    // The law.
    b.law(lines, &us, first_head, closing_start.min(us.len()));
    // Article texts: from the first paragraph or item (after the heading
    // and any title line) to the end of the article.
    for a in &mut b.doc.articles {
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
    b.doc.closing = b.zone(
        &us[closing_start.min(us.len())..boiler_start.min(us.len())],
        Role::Closing,
    );
    // Boilerplate: same-script after the closing, and the other-script tail.
    let mut boiler: Vec<Unit> = us.split_off(boiler_start.min(us.len()));
    boiler.append(&mut tail);
    b.doc.boilerplate = b.zone(&boiler, Role::Boilerplate);
    diagnostics(&mut b);
    b.doc
}

fn truncate(s: &str, n: usize) -> String {
    let t: String = s.chars().take(n).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

fn prev_ends_sentence(lines: &[Line], us: &[Unit], i: usize) -> bool {
    us[..i]
        .iter()
        .rev()
        .find(|u| !u.is_blank())
        .is_some_and(|u| matches!(lines[u.line].last, '.' | ';' | '؛' | '!' | '?'))
}

fn unnumbered_heading(text: &str, l: &Line, language: Language) -> bool {
    // The line record first: it turns most lines away without a scan.
    if l.words == 0 || l.words > 8 || l.has_digit || l.ends_sentence() || l.marker.is_some() {
        return false;
    }
    let t = &text[l.tstart..l.tend];
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

fn closing_and_boilerplate(
    cx: &CueCache<'_>,
    lines: &[Line],
    us: &[Unit],
    last_art: usize,
) -> (usize, usize) {
    let n = us.len();
    // The last article keeps at least its first body unit.
    let first_body = us[last_art + 1..]
        .iter()
        .position(|u| !u.is_blank())
        .map_or(n, |k| last_art + 1 + k);
    let search_from = (first_body + 1).min(n);
    let cue = us[search_from..]
        .iter()
        .position(|u| matches!(u.kind, Kind::Text | Kind::Item(_)) && cx.get(u.line).closing)
        .map(|k| search_from + k);
    let boiler_cue = |from: usize| {
        us[from..]
            .iter()
            .position(|u| {
                matches!(u.kind, Kind::Text | Kind::Item(_)) && cx.get(u.line).boilerplate
            })
            .map(|k| from + k)
    };
    match cue {
        Some(c) => {
            // Signature lines just before the closing formula.
            let mut start = c;
            let mut k = c;
            let mut taken = 0;
            while k > search_from && taken < 4 {
                k -= 1;
                if us[k].is_blank() {
                    continue;
                }
                let l = &lines[us[k].line];
                if matches!(us[k].kind, Kind::Text)
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
            while end < n {
                let u = &us[end];
                if u.is_blank() {
                    end += 1;
                    continue;
                }
                let l = &lines[u.line];
                let c = cx.get(u.line);
                if c.boilerplate
                    || (!c.closing && l.words > 14)
                    || matches!(u.kind, Kind::Art(_) | Kind::Div(_))
                {
                    break;
                }
                end += 1;
            }
            (start, end)
        }
        None => {
            let b = boiler_cue(search_from).unwrap_or(n);
            (b, b)
        }
    }
}

/// The front zone: YAML front matter and table of contents (already
/// known), title, preamble lines, recitals, enacting formula.
fn front(
    b: &mut Builder<'_>,
    cx: &CueCache<'_>,
    lines: &[Line],
    us: &[Unit],
    front_end: usize,
    toc: Option<(usize, usize)>,
) {
    let text = b.text;
    let in_front = |i: usize| i < front_end || toc.is_some_and(|(s, e)| i >= s && i < e);
    // Title: the block up to the first line naming the instrument and its
    // number, with the "on …" lines after it.
    let head: Vec<usize> = us
        .iter()
        .enumerate()
        .filter(|(i, u)| !u.is_blank() && !in_front(*i))
        .map(|(i, _)| i)
        .take_while(|&i| {
            let c = cx.get(us[i].line);
            !(c.recital_intro || c.enacting || matches!(us[i].kind, Kind::Item(_)))
        })
        .take(5)
        .collect();
    let mut title_range: Option<(usize, usize)> = None;
    let kw = head
        .iter()
        .position(|&i| cx.get(us[i].line).title_kw)
        .or_else(|| {
            // `قرار أمين اللجنة …` / `رقم (15) لسنة 1430`: the number on the next line.
            head.windows(2)
                .position(|w| cx.get(us[w[0]].line).instrument && cx.get(us[w[1]].line).number_line)
        });
    if let Some(kw) = kw {
        let mut end = kw;
        while end + 1 < head.len() && {
            let c = cx.get(us[head[end + 1]].line);
            c.subtitle || c.number_line
        } {
            end += 1;
        }
        // Lines right above the instrument line (the issuer) stay preamble.
        title_range = Some((head[kw], head[end]));
    } else if let Some(&f) = head.first() {
        if lines[us[f].line].words <= 25 {
            title_range = Some((f, f));
        }
    }
    let mut after_intro = false;
    for (i, u) in us.iter().enumerate() {
        if u.is_blank() {
            b.seg(u.start, u.end, Role::Blank);
            continue;
        }
        if in_front(i) {
            b.seg(u.start, u.end, Role::Front);
            continue;
        }
        if let Some((s, e)) = title_range {
            if i >= s && i <= e {
                b.seg(u.start, u.end, Role::Title);
                if i == e {
                    let mut t = block(text, us[s].tstart, us[e].tend);
                    t.text = t.text.trim_matches(['*', '#', ' ']).to_string();
                    b.doc.title = Some(t);
                }
                continue;
            }
        }
        let c = cx.get(u.line);
        let blk = block(text, u.tstart, u.tend);
        // "Upon review of:" alone introduces the recitals; "Having perused
        // the Constitution; and" is the first of them as well.
        let bare_intro = || {
            let t = blk.text.trim_end_matches(['-', ' ', '*']);
            t.ends_with(':') || lines[u.line].words <= 4
        };
        if c.enacting {
            after_intro = false;
            b.doc.preamble.enacting = Some(blk);
            b.seg(u.start, u.end, Role::Enacting);
        } else if c.recital_intro && !c.recital && !after_intro && bare_intro() {
            after_intro = true;
            b.doc.preamble.lines.push(blk);
            b.seg(u.start, u.end, Role::Preamble);
        } else if matches!(u.kind, Kind::Item(_)) || c.recital || c.recital_intro || after_intro {
            after_intro |= c.recital_intro;
            b.doc.preamble.recitals.push(blk);
            b.seg(u.start, u.end, Role::Recital);
        } else {
            b.doc.preamble.lines.push(blk);
            b.seg(u.start, u.end, Role::Preamble);
        }
    }
}

fn diagnostics(b: &mut Builder<'_>) {
    if b.doc.articles.is_empty() {
        b.diag(
            DiagnosticKind::NoArticles,
            "no article headings were found: the text may not be legislation".into(),
            None,
        );
        return;
    }
    // The first article with each label: plain numbers (most labels) in a
    // table by number, the others in a B-tree of references.
    let n = b.doc.articles.len();
    let mut by_number: Vec<usize> = Vec::new();
    let mut others: std::collections::BTreeMap<&Label, usize> = std::collections::BTreeMap::new();
    let mut msgs = Vec::new();
    for a in &b.doc.articles {
        if let Some(l) = &a.label {
            let seen = match usize::try_from(l.number) {
                Ok(k) if l.suffix.is_none() && k < 4 * n + 1024 => {
                    if by_number.len() <= k {
                        by_number.resize(k + 1, usize::MAX);
                    }
                    let first = by_number[k];
                    if first == usize::MAX {
                        by_number[k] = a.index;
                        None
                    } else {
                        Some(first)
                    }
                }
                _ => {
                    let first = others.get(l).copied();
                    if first.is_none() {
                        others.insert(l, a.index);
                    }
                    first
                }
            };
            if let Some(first) = seen {
                msgs.push((
                    DiagnosticKind::DuplicateNumber,
                    format!(
                        "article {l} occurs more than once (articles {} and {})",
                        first, a.index
                    ),
                    Some(a.heading_span),
                ));
            }
        }
    }
    for w in b.doc.articles.windows(2) {
        if let (Some(x), Some(y)) = (&w[0].label, &w[1].label) {
            if y.number > x.number + 1 {
                msgs.push((
                    DiagnosticKind::NumberingGap,
                    format!("numbering jumps from {x} to {y}"),
                    Some(w[1].heading_span),
                ));
            } else if y.number < x.number {
                msgs.push((
                    DiagnosticKind::OutOfOrder,
                    format!("numbering goes back from {x} to {y}"),
                    Some(w[1].heading_span),
                ));
            }
        }
    }
    for (k, m, s) in msgs {
        b.diag(k, m, s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The programme as first written: every predecessor in order, a strict
    /// comparison.
    fn best_paths_in_order(
        skip_prefix: &[f64],
        start: impl Fn(usize) -> f64,
        trans: impl Fn(usize, usize) -> f64,
    ) -> (Vec<f64>, Vec<usize>) {
        let m = skip_prefix.len() - 1;
        let mut best = vec![f64::INFINITY; m];
        let mut prev = vec![usize::MAX; m];
        for j in 0..m {
            best[j] = skip_prefix[j] + start(j);
            for i in j.saturating_sub(WINDOW)..j {
                let c = best[i] + (skip_prefix[j] - skip_prefix[i + 1]) + trans(i, j);
                if c < best[j] {
                    best[j] = c;
                    prev[j] = i;
                }
            }
        }
        (best, prev)
    }

    proptest::proptest! {
        /// Same costs and same predecessors, ties included (the costs are
        /// drawn from a few values so that ties are common).
        #[test]
        fn pruned_paths_are_the_paths(
            skips in proptest::collection::vec(proptest::sample::select(vec![0.3, 1.5]), 1..60),
            starts in proptest::collection::vec(proptest::sample::select(vec![0.0, 0.8]), 60),
            costs in proptest::collection::vec(proptest::sample::select(vec![0.0, 0.3, 0.4, 0.8, 1.0, 1.5, 3.0, 4.3]), 60 * 60),
        ) {
            let mut skip_prefix = vec![0.0];
            for s in &skips {
                skip_prefix.push(skip_prefix.last().copied().unwrap_or(0.0) + s);
            }
            let start = |j: usize| starts[j];
            let trans = |i: usize, j: usize| costs[i * 60 + j];
            let got = best_paths(&skip_prefix, start, trans);
            let want = best_paths_in_order(&skip_prefix, start, trans);
            proptest::prop_assert_eq!(got.1, want.1);
            proptest::prop_assert!(got.0.iter().zip(&want.0).all(|(a, b)| a.to_bits() == b.to_bits()));
        }
    }
}
