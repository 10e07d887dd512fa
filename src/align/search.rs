//! Step 4's search: which band the dynamic programme ([`dp`](super::dp))
//! runs over, with its work bounded on every input.
//!
//! The band starts around the *label guide* (the path through the anchors
//! the label offsets imply) and is widened, its half-width doubled, while
//! the best path touches its edge, up to [`MAX_HALF_WIDTH`]. Where the
//! path still touches the edge there, the label guide has failed, and two
//! other guides are tried at that width: the *number guide* (the path
//! through the pairs of articles that share a number no other article of
//! either document has, [`number_anchors`]) and the diagonal. The path with
//! the best total gain wins (the label guide on a tie). No band is ever
//! wider than [`MAX_HALF_WIDTH`], so a pass stores and scores
//! `O((n + m) · MAX_HALF_WIDTH)` cells, and there are at most a constant
//! number of passes.
//!
//! In: the gains' inputs ([`Inputs`]), the label anchors and the initial
//! half-width. Out: the band, guide, half-width, path and computed gains
//! of the chosen pass ([`Found`]), and the work done ([`Work`]).

use super::band::BandGains;
use super::dp::{self, Band, Gains, Move};
use super::emission::EmissionCache;
use super::features::PairFeatures;
use super::score::Scorer;

/// The widest half-width the band is widened to. Measured with the code
/// that doubled without a limit: on the 408 alignments of the dump, the
/// development pairs, the robustness suite, the seeds and the property
/// tests no band grew beyond 16 (real documents: 8); twice that keeps
/// every one of them unchanged.
pub(super) const MAX_HALF_WIDTH: usize = 32;

/// Most passes around the pairs of the best path so far, once the label
/// guide has failed.
const RECENTRE: usize = 3;

/// How much work the aligner did on one document pair, for tests that
/// bound it (`tests/bounded.rs`) and for measuring. Not a stable API.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Passes of the dynamic programme (one per band tried).
    pub passes: usize,
    /// Cells of the bands, summed over the passes.
    pub cells: usize,
    /// Gains scored in the bands: 1–1 candidates and the merges and
    /// splits not skipped by their bound, summed over the passes.
    pub gains: usize,
    /// Look-ups of the same-slot rule (`decide.rs`).
    pub slot_lookups: usize,
    /// The half-width of the band of the chosen pass.
    pub width: usize,
}

impl Work {
    /// All the steps counted: cells, gains and look-ups.
    pub fn steps(&self) -> usize {
        self.cells + self.gains + self.slot_lookups
    }
}

/// What the gains of a band are computed from (see [`BandGains`]).
pub(super) struct Inputs<'a, 's> {
    pub scorer: &'a Scorer<'s>,
    pub cache: Option<&'a EmissionCache>,
    pub offsets: (&'a [i64], &'a [i64]),
    pub theta: f64,
}

/// One pass of the programme: its band, guide and half-width, the best
/// path, its total gain, the gains computed, and whether the path touches
/// the band's edge.
pub(super) struct Found {
    pub band: Band,
    pub anchors: Vec<(usize, usize)>,
    pub width: usize,
    pub path: Vec<(Move, usize, usize)>,
    pub full: Vec<Gains>,
    score: f64,
    cut: bool,
}

/// The best path: in a band around the label guide `anchors`, starting
/// at half-width `width` and doubled while the path touches the band's
/// edge, up to [`MAX_HALF_WIDTH`]; then, if it still does, the best of
/// that and the number guide and the diagonal at that width.
pub(super) fn search(
    inputs: &Inputs<'_, '_>,
    anchors: Vec<(usize, usize)>,
    width: usize,
    work: &mut Work,
) -> Found {
    let f = inputs.scorer.f;
    let whole = f.arabic.len().max(f.english.len());
    let mut w = width.min(MAX_HALF_WIDTH);
    let mut found = pass(inputs, anchors, w, work);
    while found.cut && w < whole && w < MAX_HALF_WIDTH {
        w = (w * 2).min(MAX_HALF_WIDTH);
        found = pass(inputs, found.anchors, w, work);
    }
    if found.cut && w < whole {
        let mut tried = vec![found.anchors.clone()];
        for guide in [number_anchors(f), Vec::new()] {
            if tried.contains(&guide) {
                continue;
            }
            tried.push(guide.clone());
            let other = pass(inputs, guide, w, work);
            if other.score > found.score {
                found = other;
            }
        }
        // The band moved to where the best path went, while that helps.
        for _ in 0..RECENTRE {
            let guide: Vec<(usize, usize)> = found
                .path
                .iter()
                .filter(|m| m.0 == Move::M11)
                .map(|&(_, i, j)| (i, j))
                .collect();
            if guide == found.anchors {
                break;
            }
            let other = pass(inputs, guide, w, work);
            if other.score <= found.score {
                break;
            }
            found = other;
        }
    }
    work.width = found.width;
    found
}

/// The best path in the band of half-width `w` around `anchors`.
fn pass(inputs: &Inputs<'_, '_>, anchors: Vec<(usize, usize)>, w: usize, work: &mut Work) -> Found {
    let f = inputs.scorer.f;
    let band = Band::around(f.arabic.len(), f.english.len(), &anchors, w);
    let mut gains = BandGains::new(
        inputs.scorer,
        &band,
        inputs.cache,
        inputs.offsets,
        inputs.theta,
    );
    let (path, score) = dp::best_path(&band, &mut gains);
    work.passes += 1;
    work.cells += band.cells();
    work.gains += gains.scored;
    let full = gains.full;
    let cut = path.iter().any(|&(mv, i, j)| {
        let (di, dj) = mv.size();
        band.on_inner_edge(i, j) || band.on_inner_edge(i + di, j + dj)
    });
    Found {
        band,
        anchors,
        width: w,
        path,
        full,
        score,
        cut,
    }
}

/// Number anchors: pairs of articles that share a number no other article
/// of either document mentions, reduced to the longest chain increasing on
/// both sides. Linear in the numbers of the two documents, plus the sort
/// of the pairs.
pub(super) fn number_anchors(f: &PairFeatures) -> Vec<(usize, usize)> {
    // Per number: the one Arabic and the one English article holding it
    // (`NONE`: none yet; `MANY`: more than one).
    const NONE: usize = usize::MAX;
    const MANY: usize = usize::MAX - 1;
    let mut holders = vec![(NONE, NONE); f.table.values.len()];
    let mark = |slot: &mut usize, k: usize| {
        *slot = if *slot == NONE { k } else { MANY };
    };
    for (i, a) in f.arabic.iter().enumerate() {
        for &x in &a.numbers {
            mark(&mut holders[x as usize].0, i);
        }
    }
    for (j, e) in f.english.iter().enumerate() {
        for &x in &e.numbers {
            mark(&mut holders[x as usize].1, j);
        }
    }
    let mut cands: Vec<(usize, usize)> = holders
        .into_iter()
        .filter(|&(i, j)| i < MANY && j < MANY)
        .collect();
    // By Arabic article, and within one by English article from the last,
    // so that a chain increasing in both takes at most one per article.
    cands.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    super::offsets::longest_increasing(&cands)
}
