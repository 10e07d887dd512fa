//! Step 3's search: the Viterbi walk over label offsets, on a *sparse* set
//! of offsets per article, so that its cost does not grow with the offset.
//!
//! At each article the walk considers only a few offsets: 0 (the numbering
//! as written), the offsets of the best states at the previous article
//! (a run of constant offset goes on), and the offsets that the labels of
//! the other side's articles near the *expected position* suggest (the
//! article after the last one paired on the best way so far). An offset of
//! 20 after twenty renumbered drops costs what an offset of 1 does.
//!
//! A label is looked up among *all* the other side's articles that carry
//! it, taking the one nearest the expected position, so that numbering
//! that restarts (an issuing law's articles 1–5, then the law's 1–54)
//! leads to the right article.
//!
//! In: the articles walked and the other side's, their labels, and the
//! emissions ([`EmissionCache`]). Out: per article walked, the chosen
//! offset and the other side's article it names ([`Walk`]).

use super::emission::EmissionCache;
use super::features::ArticleFeatures;
use super::offsets::LabelCounts;
use super::score::Scorer;

/// Cost of a change of offset along the document.
const SWITCH: f64 = 2.5;
/// Emission of an offset under which the article's counterpart would cross
/// a pair already made, or (when offset 0 names no article either) under
/// which the other side has no article of that number.
const GAP: f64 = -0.3;
/// Cost, per article of the other side, of ending a way before the end of
/// the other side: without it a run of offset +1 to the end of a short law
/// costs one switch, and leaving the other side's last article unpaired
/// costs nothing. Measured on the short-law windows of
/// `tests/short_laws.rs` (1 and 2 both help; 2 and 3 give the same).
const END_SKIP: f64 = 2.0;
/// Preference, per article, for the numbering as written (offset 0).
const ZERO_BONUS: f64 = 0.05;
/// Most states kept from one article to the next.
const KEEP: usize = 8;
/// States kept are within this much of the best one.
const KEEP_MARGIN: f64 = 2.0 * SWITCH;
/// The other side's articles whose labels suggest offsets: from `BEHIND`
/// before the expected position to `AHEAD` after it (more ahead: a run of
/// articles dropped on the side walked, and renumbered, puts the
/// counterpart further ahead).
const BEHIND: usize = 3;
const AHEAD: usize = 6;
/// Most offsets considered at one article.
const CANDS: usize = 1 + KEEP + 2 * (BEHIND + 1 + AHEAD);
/// No article (a state's last pair, an offset's target).
const NONE: u32 = u32::MAX;

/// The result of a walk: per article walked, its offset (English minus
/// Arabic) and the other side's article that offset names, if any.
pub(super) struct Walk {
    /// Offset per article walked.
    pub(super) offsets: Vec<i64>,
    /// Per article walked, the other side's article its offset names.
    pub(super) targets: Vec<Option<usize>>,
}

/// One state of the walk at an article: an offset, the score of the best
/// way into it, the other side's article last paired on that way, and the
/// article the offset names here.
#[derive(Clone, Copy)]
struct State {
    off: i64,
    score: f64,
    last: u32,
    target: u32,
    /// Index of the state it came from, at the previous article.
    back: u8,
}

const EMPTY: State = State {
    off: 0,
    score: f64::NEG_INFINITY,
    last: NONE,
    target: NONE,
    back: 0,
};

/// The states kept at one article, by offset (ascending).
#[derive(Clone, Copy)]
struct Step {
    states: [State; KEEP],
    len: u8,
}

impl Step {
    fn states(&self) -> &[State] {
        &self.states[..self.len as usize]
    }

    fn best(&self) -> Option<&State> {
        // The first of equal scores: the lowest offset.
        self.states()
            .iter()
            .fold(None, |b: Option<&State>, s| match b {
                Some(b) if b.score >= s.score => Some(b),
                _ => Some(s),
            })
    }
}

/// The walk of [`offsets_walking`](super::offsets::offsets_walking) over
/// `walk` (the Arabic side, or with `english` the English side) against
/// `other`, whose labels are counted in `by_label`.
pub(super) fn walk(
    s: &Scorer<'_>,
    english: bool,
    cache: &mut EmissionCache,
    (walk, other): (&[ArticleFeatures], &[ArticleFeatures]),
    by_label: &LabelCounts<'_>,
) -> Walk {
    let mut steps: Vec<Step> = Vec::with_capacity(walk.len());
    // Before the first article: no state yet; every offset starts at 0
    // but offset 0, which starts at 1 (see `step`).
    let mut prev = Step {
        states: [EMPTY; KEEP],
        len: 0,
    };
    let ratio = other.len() as f64 / walk.len().max(1) as f64;
    for (i, a) in walk.iter().enumerate() {
        // The expected position: after the last article paired on the best
        // way so far, else where the lengths of the documents put it.
        let p = match prev.best() {
            Some(b) if b.last != NONE => b.last as usize + 1,
            _ => ((i as f64 + 0.5) * ratio) as usize,
        };
        let mut cands = Candidates::default();
        cands.add(0);
        for st in prev.states() {
            cands.add(st.off);
        }
        let label = a.label_number.map(|n| (n, a.label_suffix.as_deref()));
        if label.is_some() {
            // The offsets the labels near the expected position suggest
            // for this article, and for the next one: an article left
            // alone where the offset changes may take the offset of the run
            // after it.
            let lo = p.saturating_sub(BEHIND);
            let hi = (p + AHEAD + 1).min(other.len());
            let near = other.get(lo..hi).unwrap_or(&[]);
            for b in [Some(a), walk.get(i + 1)].into_iter().flatten() {
                let Some(num) = b.label_number else { continue };
                for o in near {
                    if let Some(n) = o.label_number {
                        if o.label_suffix == b.label_suffix {
                            cands.add(n as i64 - num as i64);
                        }
                    }
                }
            }
        }
        cands.sort();
        // Per candidate: the article it names and its emission.
        let mut emit = [(NONE, 0.0f64); CANDS];
        if let Some((num, suffix)) = label {
            for (x, &d) in cands.offs().iter().enumerate() {
                let t = u32::try_from(num as i64 + d)
                    .ok()
                    .and_then(|t| by_label.nearest(t, suffix, p));
                emit[x] = match t {
                    Some(j) if english => (j as u32, cache.get(s, j, i)),
                    Some(j) => (j as u32, cache.get(s, i, j)),
                    None => (NONE, f64::NAN),
                };
            }
            // An offset that names no article at all must not beat offset
            // 0 with real content, however weak.
            let zero = cands.offs().iter().position(|&d| d == 0);
            let floor = zero
                .map(|z| emit[z])
                .filter(|e| e.0 != NONE)
                .map_or(GAP, |e| GAP.min(e.1));
            for e in &mut emit[..cands.len] {
                if e.0 == NONE {
                    e.1 = floor;
                }
            }
        }
        let next = step(&prev, &cands, &emit[..cands.len], label.is_some());
        steps.push(next);
        prev = next;
    }
    // The other side's articles after the last one paired on a way are
    // left alone by it: each is a claim that the other side has an article
    // this side lacks, and costs.
    if let Some(last) = steps.last_mut() {
        let kept = last.len as usize;
        for st in &mut last.states[..kept] {
            let rest = match st.last {
                NONE => other.len(),
                t => other.len() - 1 - t as usize,
            };
            st.score -= END_SKIP * rest as f64;
        }
    }
    let mut out = backtrack(&steps, english);
    refine_jumps(s, english, cache, walk, by_label, &mut out);
    out
}

/// Where the offset jumps by two or more, the offsets between may belong to
/// a short run the walk passed over (two articles dropped close together,
/// one article apart: a run of one article earns less than its two
/// switches cost). An article at the jump takes such an offset when content
/// prefers that reading: its pair under it scores better than the pair of
/// the article that the walk gave the same counterpart.
fn refine_jumps(
    s: &Scorer<'_>,
    english: bool,
    cache: &mut EmissionCache,
    walk: &[ArticleFeatures],
    by_label: &LabelCounts<'_>,
    out: &mut Walk,
) {
    let n = walk.len();
    // Offsets are English minus Arabic; in the walk's own terms, other side
    // minus walked side.
    let own = |d: i64| if english { -d } else { d };
    let emit = |cache: &mut EmissionCache, i: usize, j: usize| {
        if english {
            cache.get(s, j, i)
        } else {
            cache.get(s, i, j)
        }
    };
    for i in 1..n {
        let (o1, o2) = (own(out.offsets[i - 1]), own(out.offsets[i]));
        if o1.abs_diff(o2) < 2 {
            continue;
        }
        for k in [i - 1, i] {
            let Some(num) = walk[k].label_number else {
                continue;
            };
            let suffix = walk[k].label_suffix.as_deref();
            let p = out.targets[i - 1].map_or(k, |t| t + 1);
            for d in o1.min(o2) + 1..o1.max(o2) {
                let Some(j) = u32::try_from(num as i64 + d)
                    .ok()
                    .and_then(|t| by_label.nearest(t, suffix, p))
                else {
                    continue;
                };
                let mine = emit(cache, k, j);
                let lo = k.saturating_sub(2);
                let rival = (lo..(k + 3).min(n))
                    .filter(|&c| c != k && out.targets[c] == Some(j))
                    .map(|c| emit(cache, c, j))
                    .fold(0.0f64, f64::max);
                if mine > rival {
                    out.offsets[k] = own(d);
                    out.targets[k] = Some(j);
                    break;
                }
            }
        }
    }
}

/// The states at the next article from those at the previous one (`prev`),
/// for the candidate offsets `cands` with their targets and emissions
/// `emit`, pruned to the best few.
fn step(prev: &Step, cands: &Candidates, emit: &[(u32, f64)], labelled: bool) -> Step {
    let mut all = [EMPTY; CANDS];
    for (x, &d) in cands.offs().iter().enumerate() {
        let (t, e) = emit[x];
        // A target at or before the last article paired on the way in
        // would cross that pair: the article only counts as a gap.
        let fresh = |y: &State| !labelled || t == NONE || y.last == NONE || t > y.last;
        let gain = |y: &State| if fresh(y) { e } else { GAP };
        if prev.len == 0 {
            all[x] = State {
                off: d,
                score: if d == 0 { 1.0 + ZERO_BONUS } else { 0.0 } + e,
                last: if labelled && t != NONE && e > GAP {
                    t
                } else {
                    NONE
                },
                target: if labelled { t } else { NONE },
                back: 0,
            };
            continue;
        }
        let mut from = usize::MAX;
        let mut v = f64::NEG_INFINITY;
        if let Some(k) = prev.states().iter().position(|y| y.off == d) {
            from = k;
            v = prev.states[k].score + gain(&prev.states[k]);
        }
        // The best switch (the first of equal sums), taken when it beats
        // staying.
        for (k, y) in prev.states().iter().enumerate() {
            if y.off == d {
                continue;
            }
            let sum = y.score - SWITCH + gain(y);
            if sum > v {
                (v, from) = (sum, k);
            }
        }
        // (Only scores that are not numbers leave no way in: any state.)
        let from = if from < prev.len as usize { from } else { 0 };
        let y = &prev.states[from];
        let last = if labelled && t != NONE && fresh(y) && e > GAP {
            t
        } else {
            y.last
        };
        all[x] = State {
            off: d,
            score: v + if d == 0 { ZERO_BONUS } else { 0.0 },
            last,
            target: if labelled { t } else { NONE },
            back: from as u8,
        };
    }
    prune(&all[..cands.len])
}

/// The best [`KEEP`] states within [`KEEP_MARGIN`] of the best one, by
/// offset.
fn prune(all: &[State]) -> Step {
    let best = all
        .iter()
        .map(|s| s.score)
        .fold(f64::NEG_INFINITY, f64::max);
    let mut out = Step {
        states: [EMPTY; KEEP],
        len: 0,
    };
    for s in all.iter().filter(|s| s.score >= best - KEEP_MARGIN) {
        if (out.len as usize) < KEEP {
            out.states[out.len as usize] = *s;
            out.len += 1;
        } else {
            // Replace the worst kept one (the last of equal scores).
            let (w, ws) =
                out.states()
                    .iter()
                    .enumerate()
                    .fold((0, f64::INFINITY), |acc, (k, x)| {
                        if x.score <= acc.1 {
                            (k, x.score)
                        } else {
                            acc
                        }
                    });
            if s.score > ws {
                out.states[w] = *s;
            }
        }
    }
    // Kept by offset, as they were considered.
    out.states[..out.len as usize].sort_by_key(|s| s.off);
    out
}

/// The best walk's offsets (English minus Arabic: the walk over the
/// English side, with `english`, finds them the other way round) and
/// targets.
fn backtrack(steps: &[Step], english: bool) -> Walk {
    let n = steps.len();
    let mut offsets = vec![0i64; n];
    let mut targets = vec![None; n];
    let Some(last) = steps.last() else {
        return Walk { offsets, targets };
    };
    let mut k = last
        .states()
        .iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |acc, (k, s)| {
            if s.score > acc.1 {
                (k, s.score)
            } else {
                acc
            }
        })
        .0;
    for i in (0..n).rev() {
        let st = &steps[i].states[k];
        offsets[i] = if english { -st.off } else { st.off };
        targets[i] = (st.target != NONE).then_some(st.target as usize);
        k = st.back as usize;
    }
    Walk { offsets, targets }
}

/// The distinct candidate offsets at one article.
#[derive(Default)]
struct Candidates {
    offs: [i64; CANDS],
    len: usize,
}

impl Candidates {
    fn add(&mut self, d: i64) {
        if self.len < CANDS && !self.offs[..self.len].contains(&d) {
            self.offs[self.len] = d;
            self.len += 1;
        }
    }

    fn sort(&mut self) {
        self.offs[..self.len].sort_unstable();
    }

    fn offs(&self) -> &[i64] {
        &self.offs[..self.len]
    }
}
