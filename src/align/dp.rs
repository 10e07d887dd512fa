//! Monotonic alignment by dynamic programming over a band.
//!
//! Pure computation, no I/O. A cell `(i, j)` stands for "the first `i`
//! Arabic and the first `j` English articles are aligned". Only the cells of
//! a [`Band`] around a guide path are stored, so time and memory are
//! `O((n + m) · width)` rather than `O(n · m)`.

/// One step of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Move {
    /// One Arabic article with one English article.
    M11,
    /// An Arabic article alone.
    M10,
    /// An English article alone.
    M01,
    /// Two Arabic articles with one English article.
    M21,
    /// One Arabic article with two English articles.
    M12,
}

impl Move {
    /// Articles consumed on each side.
    pub fn size(self) -> (usize, usize) {
        match self {
            Move::M11 => (1, 1),
            Move::M10 => (1, 0),
            Move::M01 => (0, 1),
            Move::M21 => (2, 1),
            Move::M12 => (1, 2),
        }
    }
}

/// The *band*: the cells of the programme that are stored and explored,
/// for every row `i` in `0..=n` the columns `lo[i]..=hi[i]`.
///
/// A band is built around a *guide* path: the piecewise-linear path from
/// `(0, 0)` to `(n, m)` through the *anchors*, pairs of articles the path is
/// expected to pass through (in the aligner, the pairs the label offsets
/// imply). Its half-width is the number of articles on either side of the
/// guide that a cell may be from it.
#[derive(Debug, Clone)]
pub(crate) struct Band {
    pub n: usize,
    pub m: usize,
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
    start: Vec<usize>,
}

impl Band {
    /// A band of half-width `w` around the piecewise-linear path through
    /// `anchors` (cells `(i, j)` the path is expected to pass through, in
    /// increasing order of both coordinates), from `(0, 0)` to `(n, m)`.
    pub fn around(n: usize, m: usize, anchors: &[(usize, usize)], w: usize) -> Band {
        let mut pts: Vec<(f64, f64)> = Vec::with_capacity(anchors.len() + 2);
        pts.push((0.0, 0.0));
        for &(i, j) in anchors {
            let (pi, pj) = (i as f64 + 0.5, j as f64 + 0.5);
            let last = *pts.last().unwrap();
            if pi > last.0 && pj > last.1 && pi < n as f64 && pj < m as f64 {
                pts.push((pi, pj));
            }
        }
        pts.push((n as f64, m as f64));
        // Guide column for every row.
        let mut g = vec![0.0; n + 1];
        let mut seg = 0;
        for (i, gi) in g.iter_mut().enumerate() {
            let x = i as f64;
            while seg + 1 < pts.len() - 1 && pts[seg + 1].0 <= x {
                seg += 1;
            }
            let (x0, y0) = pts[seg];
            let (x1, y1) = pts[(seg + 1).min(pts.len() - 1)];
            *gi = if x1 > x0 {
                y0 + (y1 - y0) * (x - x0) / (x1 - x0)
            } else {
                y1
            };
        }
        let mut lo = vec![0usize; n + 1];
        let mut hi = vec![0usize; n + 1];
        for i in 0..=n {
            let a = g[i.saturating_sub(1)].min(g[i]);
            let b = g[(i + 1).min(n)].max(g[i]);
            lo[i] = (a.floor() as i64 - w as i64).max(0) as usize;
            hi[i] = ((b.ceil() as i64 + w as i64).max(0) as usize).min(m);
        }
        lo[0] = 0;
        hi[n] = m;
        // Monotone, and consecutive rows overlap.
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]);
            lo[i] = lo[i].min(hi[i - 1]);
        }
        let mut start = Vec::with_capacity(n + 2);
        let mut s = 0;
        for i in 0..=n {
            start.push(s);
            s += hi[i] - lo[i] + 1;
        }
        start.push(s);
        Band {
            n,
            m,
            lo,
            hi,
            start,
        }
    }

    /// Number of stored cells.
    pub fn cells(&self) -> usize {
        self.start[self.n + 1]
    }

    /// Index of cell `(i, j)` if it is stored.
    #[inline]
    pub fn index(&self, i: usize, j: usize) -> Option<usize> {
        if i <= self.n && j >= self.lo[i] && j <= self.hi[i] {
            Some(self.start[i] + j - self.lo[i])
        } else {
            None
        }
    }

    /// Whether `(i, j)` lies on the edge of the band where the edge is not
    /// the edge of the whole matrix (the path may have been cut off).
    pub fn on_inner_edge(&self, i: usize, j: usize) -> bool {
        (j == self.lo[i] && j > 0) || (j == self.hi[i] && j < self.m)
    }
}

/// Gains of the linking moves that end in a cell: `[1–1, 2–1, 1–2]`.
/// Moves leaving an article alone gain `0`; a linking move is taken when
/// its gain is positive enough to beat leaving both sides alone.
pub(crate) type Gains = [f32; 3];

/// Where [`best_path`] takes the gains of the linking moves from, asked
/// for on demand so that a source may skip computing a merge that cannot
/// be taken.
pub(crate) trait GainSource {
    /// The gain of the 1–1 move ending in cell `c` = `(i, j)`. Asked for at
    /// most once per cell, cells in order (row by row), and before the
    /// merges of the same cell.
    fn one_to_one(&mut self, c: usize, i: usize, j: usize) -> f64;

    /// The gain of the merge or split `mv` ([`Move::M21`] or
    /// [`Move::M12`]) ending in cell `c` = `(i, j)`; asked for at most once
    /// per cell and move, after the cell's 1–1. The move is only taken
    /// when its gain is above `bar`: a source that can tell it is not may
    /// return any value not above `bar` (such as `-inf`) instead.
    fn merge(&mut self, c: usize, i: usize, j: usize, mv: Move, bar: f64) -> f64;
}

/// Precomputed gains: `gains[band.index(i, j)]` are the gains of the moves
/// ending in `(i, j)`.
impl GainSource for &[Gains] {
    fn one_to_one(&mut self, c: usize, _: usize, _: usize) -> f64 {
        self[c][0] as f64
    }

    fn merge(&mut self, c: usize, _: usize, _: usize, mv: Move, _: f64) -> f64 {
        self[c][if mv == Move::M21 { 1 } else { 2 }] as f64
    }
}

/// The best monotonic path through `band`, as moves with the cell each move
/// starts from, in order, and its total gain. The gains of the moves ending
/// in `(i, j)` come from `gains` (not asked for when the move's start is
/// outside the band or the matrix). Time and memory are linear in the
/// band's cells.
pub(crate) fn best_path(
    band: &Band,
    mut gains: impl GainSource,
) -> (Vec<(Move, usize, usize)>, f64) {
    let n = band.n;
    let cells = band.cells();
    let mut best = vec![f64::NEG_INFINITY; cells];
    let mut back = vec![Move::M10; cells];
    best[0] = 0.0;
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            let c = band.index(i, j).unwrap();
            let mut b = f64::NEG_INFINITY;
            let mut mv = Move::M10;
            let consider = |v: f64, m: Move, b: &mut f64, mv: &mut Move| {
                if v > *b {
                    *b = v;
                    *mv = m;
                }
            };
            if i >= 1 && j >= 1 {
                if let Some(f) = band.index(i - 1, j - 1) {
                    consider(
                        best[f] + gains.one_to_one(c, i, j),
                        Move::M11,
                        &mut b,
                        &mut mv,
                    );
                }
            }
            if i >= 1 {
                if let Some(f) = band.index(i - 1, j) {
                    consider(best[f], Move::M10, &mut b, &mut mv);
                }
            }
            if j >= 1 {
                if let Some(f) = band.index(i, j - 1) {
                    consider(best[f], Move::M01, &mut b, &mut mv);
                }
            }
            for (m, di, dj) in [(Move::M21, 2, 1), (Move::M12, 1, 2)] {
                if i >= di && j >= dj {
                    if let Some(f) = band.index(i - di, j - dj) {
                        let g = gains.merge(c, i, j, m, b - best[f]);
                        consider(best[f] + g, m, &mut b, &mut mv);
                    }
                }
            }
            best[c] = b;
            back[c] = mv;
        }
    }
    let mut path = Vec::new();
    let total = best[cells - 1];
    let (mut i, mut j) = (n, band.m);
    while i > 0 || j > 0 {
        let c = band.index(i, j).expect("path stays in the band");
        let mv = back[c];
        let (di, dj) = mv.size();
        i -= di;
        j -= dj;
        path.push((mv, i, j));
    }
    path.reverse();
    (path, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_covers_corners_and_is_monotone() {
        for (n, m, w) in [
            (0, 0, 1),
            (0, 5, 1),
            (5, 0, 1),
            (10, 3, 1),
            (3, 10, 2),
            (50, 50, 3),
        ] {
            let b = Band::around(n, m, &[], w);
            assert!(b.index(0, 0).is_some());
            assert!(b.index(n, m).is_some());
            for i in 1..=n {
                assert!(b.lo[i] >= b.lo[i - 1] && b.hi[i] >= b.hi[i - 1]);
                assert!(b.lo[i] <= b.hi[i - 1]);
            }
        }
    }

    #[test]
    fn diagonal_wins_with_positive_gains() {
        let b = Band::around(4, 4, &[], 2);
        let mut gains = vec![[0.0f32; 3]; b.cells()];
        for i in 1..=4 {
            let c = b.index(i, i).unwrap();
            gains[c] = [1.0, -1.0, -1.0];
        }
        let (p, _) = best_path(&b, &gains[..]);
        assert_eq!(p.len(), 4);
        assert!(p.iter().all(|(mv, i, j)| *mv == Move::M11 && i == j));
    }

    #[test]
    fn merge_is_found() {
        let b = Band::around(3, 2, &[], 3);
        let mut gains = vec![[-1.0f32; 3]; b.cells()];
        gains[b.index(1, 1).unwrap()] = [2.0, -1.0, -1.0];
        gains[b.index(3, 2).unwrap()] = [0.5, 3.0, -1.0];
        let (p, _) = best_path(&b, &gains[..]);
        let moves: Vec<Move> = p.iter().map(|x| x.0).collect();
        assert_eq!(moves, vec![Move::M11, Move::M21]);
    }
}
