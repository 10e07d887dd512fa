//! The shortest-path programme that picks the article headings: for each
//! candidate heading, the cheapest numbering sequence that ends at it.
//!
//! In: the costs of leaving candidates out (as prefix sums), of starting a
//! sequence at a candidate and of stepping from one candidate to a later
//! one. Out: for each candidate, the best cost and its predecessor. This
//! file holds the fast version (nearest predecessors first, pruned by a
//! bound); its tests compare it with the programme as first written.

/// How far back a heading's predecessor in the numbering is looked for.
pub(super) const WINDOW: usize = 40;

/// The dynamic programme of the choice of article headings (`build::choose_headings`) over `m` candidates
/// (`skip_prefix` has `m + 1` sums of the costs of leaving candidates out):
/// for each candidate, the cost of the best path ending at it and its
/// predecessor on that path (`usize::MAX` when the path starts there, at
/// cost `start(j)` after leaving out all before it). `trans(i, j)` is never
/// negative.
pub(super) fn best_paths(
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The programme as first written: every predecessor from the earliest,
    /// a strict comparison.
    fn best_paths_in_order(
        skip_prefix: &[f64],
        start: impl Fn(usize) -> f64,
        trans: impl Fn(usize, usize) -> f64,
    ) -> (Vec<f64>, Vec<usize>) {
        let (mut best, mut prev) = (Vec::new(), Vec::new());
        for j in 0..skip_prefix.len() - 1 {
            let (mut cost, mut from) = (skip_prefix[j] + start(j), usize::MAX);
            for i in j.saturating_sub(WINDOW)..j {
                let c = best[i] + (skip_prefix[j] - skip_prefix[i + 1]) + trans(i, j);
                if c < cost {
                    (cost, from) = (c, i);
                }
            }
            best.push(cost);
            prev.push(from);
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
