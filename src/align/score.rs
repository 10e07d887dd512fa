//! Scoring a candidate pair: each signal gives a log-odds contribution and
//! the sum is the pair's score (a logit: `sigmoid(score)` is the pair's
//! probability before the document-level verdict is taken into account).

use super::features::{ArticleFeatures, PairFeatures};
use super::lexicon::ConceptSet;

/// The weight of each signal in the combined score.
///
/// Every signal yields a log-odds contribution in a bounded range; the
/// weight multiplies it. Setting a weight to `0.0` switches the signal off.
///
/// ```
/// use lexalign::Weights;
/// let w = Weights { label: 1.0, ..Weights::default() };
/// assert_eq!(w.numeric, Weights::default().numeric);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Weights {
    /// Reward for labels that agree (equal, or equal once a consistent
    /// renumbering offset is allowed for). Default `2.5`.
    pub label: f64,
    /// Penalty for labels that disagree. Default `1.0`.
    pub label_mismatch: f64,
    /// Multiplier of the numeric-overlap evidence (shared rare numbers
    /// count up, numbers on one side only count down). Default `1.0`.
    pub numeric: f64,
    /// Multiplier of the length evidence (Gale–Church style fit of the
    /// length ratio to the calibrated ratio). Default `1.0`.
    pub length: f64,
    /// Multiplier of the relative-position evidence. Default `0.5`.
    pub position: f64,
    /// Multiplier of the enclosing-division evidence. Default `0.7`.
    pub division: f64,
    /// Multiplier of the list-item evidence (counts and markers).
    /// Default `0.8`.
    pub items: f64,
    /// Multiplier of the lexical evidence: concepts of a small built-in
    /// bilingual lexicon of common legal terms (`لجنة` ↔ committee,
    /// `عقوبة` ↔ penalty…) found in both articles, weighted by their rarity
    /// in the document pair, count up; concepts found only on the side that
    /// has fewer of them count down (a translation may leave things out,
    /// but rarely adds). The contribution before weighting lies in
    /// −1.5…2.5. Default `1.0`.
    #[cfg_attr(feature = "serde", serde(default = "default_lexicon"))]
    pub lexicon: f64,
    /// Log-odds cost of a merge or split (2–1 or 1–2) step. Default `1.5`.
    pub merge_penalty: f64,
    /// Log-odds of a pair about which nothing is known. Default `-1.0`.
    pub prior: f64,
    /// Structural context, used for the reported confidence: added for each
    /// neighbour of a pair (the pair before it and the pair after it, or
    /// the start or end of the documents) that is itself a confident
    /// match. Default `1.5`.
    pub context: f64,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            label: 2.5,
            label_mismatch: 1.0,
            numeric: 1.0,
            length: 1.0,
            position: 0.5,
            division: 0.7,
            items: 0.8,
            lexicon: 1.0,
            merge_penalty: 1.5,
            prior: -1.0,
            context: 1.5,
        }
    }
}

#[cfg(feature = "serde")]
fn default_lexicon() -> f64 {
    Weights::default().lexicon
}

/// Calibrated length model: the log of the English/Arabic length ratio is
/// taken as normal with mean `mu` and standard deviation `sigma`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LengthModel {
    pub mu: f64,
    pub sigma: f64,
}

impl LengthModel {
    /// Fewest articles on each side for the mode of the candidates' length
    /// ratios to be trusted: about one candidate in five near the diagonal is
    /// a real pair, so a short law's mode is mostly made of wrong pairs (a
    /// 6-article law gave a spread of 0.08 around a ratio no real pair had).
    /// Measured on the short-law windows of `tests/short_laws.rs`.
    const MODE_MIN_ARTICLES: usize = 12;

    /// A prior for English/Arabic legal text when nothing better is known.
    pub const PRIOR: LengthModel = LengthModel {
        mu: 0.45,
        sigma: 0.3,
    };

    /// Estimates the model from length pairs `(arabic, english)` believed to
    /// correspond, robustly (median and median absolute deviation); keeps
    /// `fallback` when there are too few.
    pub fn calibrate(pairs: &[(f64, f64)], fallback: LengthModel) -> LengthModel {
        let mut r = log_ratios(pairs);
        if r.len() < 5 {
            return fallback;
        }
        let Some(med) = median(&mut r) else {
            return fallback;
        };
        LengthModel {
            mu: med,
            sigma: spread(&r, med),
        }
    }

    /// Estimates the model from candidate pairs of which only some
    /// correspond: the mean is the mode of the log length ratios (a kernel
    /// density estimate), the spread comes from the ratios near the mode.
    /// With too little data (fewer than 30 candidates, or fewer than
    /// [`Self::MODE_MIN_ARTICLES`] articles on a side), the ratio of the
    /// documents' median article lengths outside list items (of the
    /// `articles`, Arabic and English) is used: an article
    /// dropped on one side of a short law does not move it, nor do lists
    /// the other side leaves out (most of a short law's articles may be
    /// such partial translations); swapping the languages negates it, so
    /// the model mirrors.
    pub fn from_mode(
        pairs: &[(f64, f64)],
        articles: (&[ArticleFeatures], &[ArticleFeatures]),
    ) -> LengthModel {
        let r = log_ratios(pairs);
        if r.len() < 30 || articles.0.len().min(articles.1.len()) < Self::MODE_MIN_ARTICLES {
            // Too little to find a mode: the ratio of the median lengths.
            let leads = |v: &[ArticleFeatures]| {
                median(&mut v.iter().map(|a| a.lead_chars).collect::<Vec<_>>())
            };
            return match (leads(articles.0), leads(articles.1)) {
                (Some(ar), Some(en)) if ar > 0.0 && en > 0.0 => LengthModel {
                    mu: (en / ar).ln(),
                    sigma: Self::PRIOR.sigma,
                },
                _ => Self::PRIOR,
            };
        }
        // The density is weighted by a broad prior: one version of a legal
        // text is typically about 1.5 times as long as the other. The prior
        // does not say which (it is symmetric in the log ratio), so that
        // swapping the two documents mirrors the model; it keeps a crowd of
        // unrelated pairs or partial translations from winning.
        // Kernel density on a grid of 0.01 from -2 to 2, from binned
        // values (linear in the number of pairs).
        const H: f64 = 0.06;
        const LO: f64 = -2.0;
        const BINS: usize = 401;
        let mut count = [0u32; BINS];
        for &v in &r {
            let k = ((v - LO) / 0.01).round();
            if (0.0..BINS as f64).contains(&k) {
                count[k as usize] += 1;
            }
        }
        let reach = (4.0 * H / 0.01) as isize;
        let kernel: Vec<f64> = (-reach..=reach)
            .map(|d| {
                let u = d as f64 * 0.01 / H;
                (-0.5 * u * u).exp()
            })
            .collect();
        let (mut best, mut best_d) = (Self::PRIOR.mu, f64::NEG_INFINITY);
        for x in 0..BINS as isize {
            let mut d = 0.0;
            for (t, kv) in kernel.iter().enumerate() {
                let b = x + t as isize - reach;
                if b >= 0 && (b as usize) < BINS {
                    d += count[b as usize] as f64 * kv;
                }
            }
            let xv = LO + x as f64 * 0.01;
            let z = (xv.abs() - Self::PRIOR.mu) / 0.35;
            let d = d * (-0.5 * z * z).exp();
            if d > best_d {
                best_d = d;
                best = xv;
            }
        }
        let near: Vec<f64> = r.into_iter().filter(|v| (v - best).abs() < 0.35).collect();
        LengthModel {
            mu: best,
            sigma: if near.len() >= 3 {
                spread(&near, best)
            } else {
                Self::PRIOR.sigma
            },
        }
    }

    /// z-score of an (arabic, english) length pair.
    pub fn z(&self, ar: f64, en: f64) -> f64 {
        let var = self.sigma * self.sigma + 8.0 / (ar + en);
        ((en / ar).ln() - self.mu) / var.sqrt()
    }
}

/// The median of `v` (the mean of the two middle values when their number
/// is even), by selection in linear time (`v` is reordered); `None` when
/// `v` is empty.
fn median(v: &mut [f64]) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    let (below, &mut upper, _) = v.select_nth_unstable_by(n / 2, f64::total_cmp);
    let lower = if n % 2 == 0 {
        below.iter().copied().fold(f64::NEG_INFINITY, f64::max)
    } else {
        upper
    };
    Some(0.5 * (lower + upper))
}

fn log_ratios(pairs: &[(f64, f64)]) -> Vec<f64> {
    pairs
        .iter()
        .filter(|(a, e)| *a >= 20.0 && *e >= 20.0)
        .map(|(a, e)| (e / a).ln())
        .collect()
}

/// 1.4826 × median absolute deviation from `center`, clamped.
fn spread(r: &[f64], center: f64) -> f64 {
    let mut dev: Vec<f64> = r.iter().map(|x| (x - center).abs()).collect();
    let k = dev.len() / 2;
    let (_, mid, _) = dev.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
    (*mid * 1.4826).clamp(0.08, 0.5)
}

/// Two-sided tail probability of a standard normal: `P(|Z| >= |z|)`, in
/// 0–1.
///
/// [`erfc`]'s approximation slightly exceeds 1 at and just around 0 (by up
/// to 3e-8): the result is capped at 1. A NaN `z` (which the aligner does
/// not produce: article lengths are at least 1) gives 0, a negligible fit,
/// as the candidate scorer's tabulated tail does.
pub(crate) fn tail(z: f64) -> f64 {
    if z.is_nan() {
        return 0.0;
    }
    erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0)
}

/// Complementary error function (Numerical Recipes `erfcc`, |error| < 1.2e-7).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.26551223
            + t * (1.00002368
                + t * (0.37409196
                    + t * (0.09678418
                        + t * (-0.18628806
                            + t * (0.27886807
                                + t * (-1.13520398
                                    + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
            .exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

/// Logistic function.
pub(crate) fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The lengths a candidate's length fit reads, for one side: per article
/// alone and per two neighbours together (merges and splits), with their
/// logarithms, computed once per document pair so that scoring a
/// candidate takes no logarithm.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Len {
    chars: f64,
    lead: f64,
    frame: f64,
    ln_chars: f64,
    ln_lead: f64,
    ln_frame: f64,
    units: usize,
    items: usize,
    announces: bool,
    /// Total rarity weight of the articles' numbers, each article's
    /// counted (at least the weight of their union).
    number_weight: f64,
    /// Rarity weight of the union of the articles' numbers.
    union_weight: f64,
    /// Total weight of the articles' concepts, likewise.
    concept_weight: f64,
}

impl Len {
    fn of(v: &[ArticleFeatures], number_weights: &[f64]) -> Len {
        let chars: f64 = v.iter().map(|a| a.chars).sum();
        let lead: f64 = v.iter().map(|a| a.lead_chars).sum();
        let frame: f64 = v.iter().map(|a| a.frame_chars).sum();
        let ln_chars = chars.ln();
        Len {
            chars,
            lead,
            frame,
            ln_chars,
            // Most articles have no list: their lead and frame are the
            // whole text.
            ln_lead: if lead == chars { ln_chars } else { lead.ln() },
            ln_frame: if frame == chars { ln_chars } else { frame.ln() },
            units: v.iter().map(|a| a.units).sum(),
            items: v.iter().map(|a| a.items).sum(),
            announces: v.iter().any(|a| a.announces_list),
            number_weight: v
                .iter()
                .flat_map(|a| &a.numbers)
                .map(|&x| number_weights[x as usize])
                .sum(),
            concept_weight: v.iter().map(|a| a.concept_weight).sum(),
            union_weight: Union::of(v).map(|x| number_weights[x as usize]).sum(),
        }
    }
}

/// The *lead rule* of the length fit: when one side has fewer blocks and no
/// more list items than the other, and the other announces a list, the
/// shorter side is compared with the other's lead and frame (the text a
/// translation that leaves out the list is expected to keep); the fit so
/// found counts at 0.8 of its tail probability, and the candidate's fit is
/// the better of that and the plain one. The *lead* of an article is its
/// text outside the list items; its *frame*, its first paragraph and the
/// paragraphs after its last item (see `ArticleFeatures`). Returns the
/// smaller |z| of the two comparisons, with `z(arabic, english)` taking
/// each length with its logarithm; `None` when the rule does not apply.
fn lead_z(a: &Len, e: &Len, z: impl Fn((f64, f64), (f64, f64)) -> f64) -> Option<f64> {
    let pair = |z1: f64, z2: f64| Some(z1.abs().min(z2.abs()));
    if e.units < a.units && e.items <= a.items && a.announces {
        let en = (e.chars, e.ln_chars);
        pair(z((a.lead, a.ln_lead), en), z((a.frame, a.ln_frame), en))
    } else if a.units < e.units && a.items <= e.items && e.announces {
        let ar = (a.chars, a.ln_chars);
        pair(z(ar, (e.lead, e.ln_lead)), z(ar, (e.frame, e.ln_frame)))
    } else {
        None
    }
}

/// [`Len`] of every article and every two neighbours of both documents.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lengths {
    ar: [Vec<Len>; 2],
    en: [Vec<Len>; 2],
}

impl Lengths {
    pub fn new(f: &PairFeatures) -> Lengths {
        let wt = &f.table.weights;
        let side = |v: &[ArticleFeatures]| -> [Vec<Len>; 2] {
            [
                v.chunks(1).map(|a| Len::of(a, wt)).collect(),
                v.windows(2).map(|a| Len::of(a, wt)).collect(),
            ]
        };
        Lengths {
            ar: side(&f.arabic),
            en: side(&f.english),
        }
    }
}

/// Numbers on one side of a candidate from which
/// [`Scorer::numeric_sums`] may look the other side's up instead of
/// merging the two lists.
const MANY_NUMBERS: usize = 512;

/// Steps per unit of `z` in [`TailTable`].
const TAIL_STEPS: f64 = 1024.0;

/// The two-sided normal tail ([`tail`]) and its logarithm on
/// `0 ≤ z < NEGLIGIBLE_Z`, tabulated for linear interpolation (error below
/// 1e-7, the accuracy of [`erfc`] itself).
struct TailTable(Vec<(f64, f64)>);

impl TailTable {
    fn get() -> &'static TailTable {
        static TABLE: std::sync::OnceLock<TailTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let n = (NEGLIGIBLE_Z * TAIL_STEPS) as usize + 2;
            TailTable(
                (0..n)
                    .map(|k| {
                        let p = tail(k as f64 / TAIL_STEPS);
                        (p, p.ln())
                    })
                    .collect(),
            )
        })
    }

    /// `(tail(z), ln tail(z))`, or `(0, -inf)` from [`NEGLIGIBLE_Z`] on.
    #[inline]
    fn at(&self, z: f64) -> (f64, f64) {
        let z = z.abs();
        if z >= NEGLIGIBLE_Z || z.is_nan() {
            return (0.0, f64::NEG_INFINITY);
        }
        let x = z * TAIL_STEPS;
        let k = x as usize;
        let t = x - k as f64;
        let (p0, l0) = self.0[k];
        let (p1, l1) = self.0[k + 1];
        (p0 + t * (p1 - p0), l0 + t * (l1 - l0))
    }
}

/// The length fit of a candidate: its tail probability, the probability's
/// logarithm, and whether the lead rule gave it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fit {
    pub p: f64,
    pub ln: f64,
    pub lead_rule: bool,
}

/// `ln 0.8`: the lead rule's discount, in log space.
const LN_LEAD_DISCOUNT: f64 = -0.223_143_551_314_209_7;

/// The signals of one candidate, before weighting.
#[derive(Debug, Clone, Default)]
pub(crate) struct Signals {
    pub shared: f64,
    pub only_ar: f64,
    pub only_en: f64,
    pub len_p: f64,
    /// `ln len_p` (`-inf` for a negligible fit).
    pub len_ln: f64,
    pub ratio: f64,
    pub position: f64,
    pub division: Option<f64>,
    pub items_ar: usize,
    pub items_en: usize,
    pub units_ar: usize,
    pub units_en: usize,
    /// Whether the length was compared on the text before a list.
    pub lead_rule: bool,
    /// Whether each side announces a list (has items, or its first
    /// paragraph ends with a colon).
    pub announce: (bool, bool),
    /// Lexicon concepts: weights shared, only Arabic, only English.
    pub lex_shared: f64,
    pub lex_only_ar: f64,
    pub lex_only_en: f64,
}

/// The weighted terms of a candidate's content score but the length term
/// (see [`Scorer::terms`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Terms {
    /// The prior plus the numbers' term.
    head: f64,
    position: f64,
    division: Option<f64>,
    items: f64,
    lexicon: f64,
    /// Whether the candidate is a merge or a split (it pays the merge
    /// penalty).
    multi: bool,
}

/// Scores candidates between two documents.
pub(crate) struct Scorer<'a> {
    pub f: &'a PairFeatures,
    pub w: Weights,
    pub len: LengthModel,
    lens: &'a Lengths,
    tails: &'static TailTable,
    /// `1 / sqrt(sigma² + 8 / s)` for integer total lengths `s` (the
    /// z-score's scale), by `s`.
    inv_sd: Vec<f64>,
}

/// Total lengths (Arabic plus English characters) whose z-score scale is
/// tabulated.
const INV_SD_TABLE: usize = 4096;

/// Beyond this |z| the length fit's tail probability (below 0.0027) is not
/// computed while scoring candidates: it is reported as `0.0`. Every use
/// of the fit there is insensitive to values that small — the length term
/// `ln(p / 0.15)` is clamped at −3.5 from p ≈ 0.0045 down, and the merge
/// rule compares the fit with 0.01 and 0.1 — so scores are unchanged, and
/// the `exp` of the tail is saved for most unrelated candidates. The
/// evidence of a pair ([`Scorer::signals`]) always gets the exact value.
const NEGLIGIBLE_Z: f64 = 3.0;

impl<'a> Scorer<'a> {
    /// A scorer of the candidates of `f` (whose [`Lengths`] are `lens`)
    /// under the length model `len`.
    pub fn new(f: &'a PairFeatures, lens: &'a Lengths, w: Weights, len: LengthModel) -> Self {
        let var0 = len.sigma * len.sigma;
        Scorer {
            f,
            w,
            len,
            lens,
            tails: TailTable::get(),
            inv_sd: (0..INV_SD_TABLE)
                .map(|s| 1.0 / (var0 + 8.0 / s as f64).sqrt())
                .collect(),
        }
    }

    /// The length fit of the 1–1 candidate `(a, e)` as the candidate scorer
    /// uses it (negligible fits reported as `0.0`, see [`NEGLIGIBLE_Z`]).
    pub fn part_fit(&self, a: usize, e: usize) -> f64 {
        self.fast_fit(a, 1, e, 1).p
    }

    /// The z-score of lengths whose logarithms are `ln_ar`, `ln_en` and
    /// whose sum is `total` (as [`LengthModel::z`], in log space).
    #[inline]
    fn z_ln(&self, ln_ar: f64, ln_en: f64, total: f64) -> f64 {
        let k = total as usize;
        let scale = if k < INV_SD_TABLE && k as f64 == total {
            self.inv_sd[k]
        } else {
            1.0 / (self.len.sigma * self.len.sigma + 8.0 / total).sqrt()
        };
        (ln_en - ln_ar - self.len.mu) * scale
    }

    /// The length fit of the candidate scorer (what
    /// [`length_fit_exact`] gives, from the precomputed [`Lengths`] and the
    /// tabulated tail: equal to it within 1e-7).
    ///
    /// [`length_fit_exact`]: Self::length_fit_exact
    #[inline]
    pub fn fast_fit(&self, i: usize, ka: usize, j: usize, ke: usize) -> Fit {
        let a = &self.lens.ar[ka - 1][i];
        let e = &self.lens.en[ke - 1][j];
        let (mut p, mut ln) = self
            .tails
            .at(self.z_ln(a.ln_chars, e.ln_chars, a.chars + e.chars));
        let lead = lead_z(a, e, |(x, lx), (y, ly)| self.z_ln(lx, ly, x + y));
        if let Some(z) = lead {
            let (p2, ln2) = self.tails.at(z);
            p = p.max(0.8 * p2);
            ln = ln.max(LN_LEAD_DISCOUNT + ln2);
        }
        Fit {
            p,
            ln,
            lead_rule: lead.is_some(),
        }
    }

    /// Content score (everything but the label) of Arabic articles
    /// `i..i+ka` against English articles `j..j+ke` (`ka`, `ke` in 1..=2),
    /// with the length fits of 1–1 candidates (needed for merges) taken
    /// from `part` (which must agree with [`part_fit`](Self::part_fit));
    /// also returns the candidate's own length fit.
    pub fn content_with(
        &self,
        i: usize,
        ka: usize,
        j: usize,
        ke: usize,
        part: impl Fn(usize, usize) -> f64,
    ) -> (f64, f64) {
        let s = self.signals_with(i, ka, j, ke, false);
        let mut x = self.combine(&s, i, ka, j, ke);
        if ka + ke > 2 && s.len_p > 0.01 {
            // A merge (or split) whose combined length fits where neither
            // part alone does (poor fit, less than half the merged one's)
            // is what a merge looks like: half the
            // step's penalty is given back, so that it can beat a 1–1 pair
            // plus an article left alone.
            let best_part = if ka == 2 {
                part(i, j).max(part(i + 1, j))
            } else {
                part(i, j).max(part(i, j + 1))
            };
            if best_part < 0.1 && s.len_p > 2.0 * best_part {
                x += 0.5 * self.w.merge_penalty;
            }
        }
        (x, s.len_p)
    }

    /// The content score of Arabic articles `i..i+ka` against English
    /// articles `j..j+ke` from their signals `s`: the weighted sum of the
    /// signals' log-odds, less the merge penalty for a merge or split.
    pub fn combine(&self, s: &Signals, i: usize, ka: usize, j: usize, ke: usize) -> f64 {
        self.finish(&self.terms(s, i, ka, j, ke), s.len_ln)
    }

    /// The weighted terms of [`combine`](Self::combine) but the length
    /// term, which alone depends on the length model.
    pub fn terms(&self, s: &Signals, i: usize, ka: usize, j: usize, ke: usize) -> Terms {
        let w = &self.w;
        let mut head = w.prior;
        // Numbers: shared rare numbers are strong evidence, one-sided ones
        // count against (softly: translations drop lists with numbers).
        head += w.numeric * (0.8 * s.shared.min(8.0) - 0.35 * (s.only_ar + s.only_en).min(8.0));
        // Position (weak; the DP already enforces order).
        let dev = 1.0 - s.position;
        Terms {
            head,
            position: w.position * (1.0 - 8.0 * dev).clamp(-2.0, 1.0),
            division: s.division.map(|d| w.division * (2.0 * d - 1.0)),
            items: w.items * self.items_llr(i, ka, j, ke, s),
            lexicon: w.lexicon * lexical_llr(s),
            multi: ka + ke > 2,
        }
    }

    /// The content score from its [`Terms`] and the logarithm `len_ln` of
    /// the length fit: the terms added in a fixed order, so that the result
    /// does not depend on whether the terms were kept from an earlier
    /// length model.
    pub fn finish(&self, t: &Terms, len_ln: f64) -> f64 {
        /// `ln 0.15`: the fit at which the length term is zero.
        const LN_NEUTRAL: f64 = -1.897_119_984_885_881_3;
        let w = &self.w;
        let mut x = t.head;
        // Length: `ln(p / 0.15)`, clamped (a negligible fit's `-inf` to the
        // floor).
        x += w.length * (len_ln - LN_NEUTRAL).clamp(-3.5, 1.9);
        x += t.position;
        // Division.
        if let Some(d) = t.division {
            x += d;
        }
        // Items.
        x += t.items;
        // Lexicon.
        x += t.lexicon;
        if t.multi {
            x -= w.merge_penalty;
        }
        x
    }

    /// The 1–1 content score of `(i, j)` and its length fit, as
    /// [`content_with`](Self::content_with) gives them, and the terms that
    /// do not depend on the length model (for [`relength`](Self::relength)).
    pub fn one_to_one_terms(&self, i: usize, j: usize) -> (f64, f64, Terms) {
        let s = self.signals_with(i, 1, j, 1, false);
        let t = self.terms(&s, i, 1, j, 1);
        (self.finish(&t, s.len_ln), s.len_p, t)
    }

    /// The 1–1 content score of `(i, j)` and its length fit under this
    /// scorer's length model, from terms computed under another one
    /// ([`one_to_one_terms`](Self::one_to_one_terms)): the same values as
    /// computing them afresh.
    pub fn relength(&self, t: &Terms, i: usize, j: usize) -> (f64, f64) {
        let fit = self.fast_fit(i, 1, j, 1);
        (self.finish(t, fit.ln), fit.p)
    }

    fn items_llr(&self, i: usize, ka: usize, j: usize, ke: usize, s: &Signals) -> f64 {
        // A list announced on one side only ("… as follows:") is unlikely
        // in a translation, but where one side's list items are left out
        // (the lead rule: the content is read outside the list, as the
        // length is), what announces them goes with them.
        let announce = match s.announce {
            (true, true) => 0.4,
            (false, false) => 0.0,
            _ if s.lead_rule && (s.items_ar > 0) != (s.items_en > 0) => 0.0,
            _ => -0.4,
        };
        announce + self.list_llr(i, ka, j, ke, s)
    }

    fn list_llr(&self, i: usize, ka: usize, j: usize, ke: usize, s: &Signals) -> f64 {
        let (ia, ie) = (s.items_ar, s.items_en);
        if ia == 0 && ie == 0 {
            // Paragraph counts.
            let (ua, ue) = (s.units_ar, s.units_en);
            return if ua == ue {
                if ua >= 2 {
                    0.6
                } else {
                    0.1
                }
            } else if s.lead_rule {
                -0.1
            } else {
                -0.5 * (ua.abs_diff(ue).min(2) as f64)
            };
        }
        if ia == 0 || ie == 0 {
            // Items on one side only: less against it where the lead rule
            // reads the other side without its list.
            return if s.lead_rule { -0.1 } else { -0.2 };
        }
        let ratio = ia.min(ie) as f64 / ia.max(ie) as f64;
        let mut v = 2.0 * ratio - 1.0;
        if ka == 1 && ke == 1 && ia == ie {
            let oa = &self.f.arabic[i].ordinals;
            let oe = &self.f.english[j].ordinals;
            if oa == oe && oa.iter().all(|&o| o > 0) {
                v += 0.3;
            }
        }
        v
    }

    /// Length evidence of a candidate: the tail probability of its length
    /// ratio under the calibrated model, and whether the lead rule was
    /// used. Computed exactly, for the evidence of a pair; the candidate
    /// scorer uses [`fast_fit`](Self::fast_fit).
    ///
    /// A translation that leaves out a list (or the lines after the first
    /// paragraph) is compared on the text it is expected to keep: the lead,
    /// or the frame (first paragraph and what follows the list, as a list
    /// may carry sub-lines that go with it).
    fn length_fit_exact(&self, ar: &[ArticleFeatures], en: &[ArticleFeatures]) -> (f64, bool) {
        let wt = &self.f.table.weights;
        let (a, e) = (Len::of(ar, wt), Len::of(en, wt));
        let mut len_p = tail(self.len.z(a.chars, e.chars));
        let lead = lead_z(&a, &e, |(x, _), (y, _)| self.len.z(x, y));
        if let Some(z) = lead {
            len_p = len_p.max(0.8 * tail(z));
        }
        (len_p, lead.is_some())
    }

    /// Raw signals of a candidate.
    pub fn signals(&self, i: usize, ka: usize, j: usize, ke: usize) -> Signals {
        self.signals_with(i, ka, j, ke, true)
    }

    fn signals_with(&self, i: usize, ka: usize, j: usize, ke: usize, exact: bool) -> Signals {
        let ar = &self.f.arabic[i..i + ka];
        let en = &self.f.english[j..j + ke];
        let fit = if exact {
            let (p, lead_rule) = self.length_fit_exact(ar, en);
            Fit {
                p,
                ln: p.ln(),
                lead_rule,
            }
        } else {
            self.fast_fit(i, ka, j, ke)
        };
        let mut s = self.base_signals(i, ka, j, ke, fit);
        (s.shared, s.only_ar, s.only_en) = self.numeric_sums(i, ka, j, ke);
        (s.lex_shared, s.lex_only_ar, s.lex_only_en) = self.lexical(ar, en);
        if fit.lead_rule {
            // As the length: the side that announces a list and has more
            // blocks is read on its lead too, and the better reading kept.
            let (a, e) = (&self.lens.ar[ka - 1][i], &self.lens.en[ke - 1][j]);
            let by_lead = (
                e.units < a.units && e.items <= a.items && a.announces,
                a.units < e.units && a.items <= e.items && e.announces,
            );
            // (A lead with all the article's concepts reads the same.)
            let differs =
                |v: &[ArticleFeatures]| v.iter().any(|x| x.lead_concept_weight < x.concept_weight);
            if (by_lead.0 && differs(ar)) || (by_lead.1 && differs(en)) {
                let lead = self.lexical_on(ar, en, by_lead);
                if lexicon_llr(lead) > lexicon_llr((s.lex_shared, s.lex_only_ar, s.lex_only_en)) {
                    (s.lex_shared, s.lex_only_ar, s.lex_only_en) = lead;
                }
            }
        }
        s
    }

    /// The signals of a candidate but the numbers and the lexicon (left at
    /// zero), with the length fit `fit`.
    #[inline]
    fn base_signals(&self, i: usize, ka: usize, j: usize, ke: usize, fit: Fit) -> Signals {
        let a = &self.lens.ar[ka - 1][i];
        let e = &self.lens.en[ke - 1][j];
        let n = self.f.arabic.len().max(1) as f64;
        let m = self.f.english.len().max(1) as f64;
        let pa = (i as f64 + ka as f64 / 2.0) / n;
        let pe = (j as f64 + ke as f64 / 2.0) / m;
        Signals {
            len_p: fit.p,
            len_ln: fit.ln,
            ratio: e.chars / a.chars,
            position: 1.0 - (pa - pe).abs(),
            division: division_agreement(&self.f.arabic[i], &self.f.english[j]),
            items_ar: a.items,
            items_en: e.items,
            units_ar: a.units,
            units_en: e.units,
            lead_rule: fit.lead_rule,
            announce: (a.announces, e.announces),
            ..Signals::default()
        }
    }

    /// An upper bound of the score [`content_with`](Self::content_with)
    /// gives a merge or split (`ka + ke == 3`), without comparing numbers
    /// or concepts: every term computed as it is, but the numbers and the
    /// concepts taken as all shared, up to the smaller side's total
    /// weight, with nothing on one side only, and the merge bonus given
    /// whenever the merged length fits. `+inf` when a weight is negative
    /// (the terms would no longer grow with what is shared).
    pub fn merge_bound(&self, i: usize, ka: usize, j: usize, ke: usize) -> f64 {
        if self.w.numeric < 0.0 || self.w.lexicon < 0.0 {
            return f64::INFINITY;
        }
        let fit = self.fast_fit(i, ka, j, ke);
        let mut s = self.base_signals(i, ka, j, ke, fit);
        let a = &self.lens.ar[ka - 1][i];
        let e = &self.lens.en[ke - 1][j];
        s.shared = a.number_weight.min(e.number_weight);
        s.lex_shared = a.concept_weight.min(e.concept_weight);
        let mut x = self.combine(&s, i, ka, j, ke);
        if fit.p > 0.01 {
            x += (0.5 * self.w.merge_penalty).max(0.0);
        }
        x
    }

    /// [`numeric`](Self::numeric) of the candidate `(i, ka, j, ke)`,
    /// without visits. When one side holds at least [`MANY_NUMBERS`]
    /// numbers and 16 times as many as the other (a table of figures
    /// against a short article), the smaller side's numbers are looked up
    /// in the larger side's, whose own weight is its total less the shared
    /// weight: the cost follows the smaller side, so that a huge article
    /// costs little in each of the many cells of its row. (The larger
    /// side's weight is then summed in another order: equal within
    /// rounding.)
    fn numeric_sums(&self, i: usize, ka: usize, j: usize, ke: usize) -> (f64, f64, f64) {
        let (ar, en) = (&self.f.arabic[i..i + ka], &self.f.english[j..j + ke]);
        let count = |v: &[ArticleFeatures]| v.iter().map(|a| a.numbers.len()).sum::<usize>();
        let (ca, ce) = (count(ar), count(en));
        if ca.max(ce) < MANY_NUMBERS || ca.max(ce) < 16 * ca.min(ce) {
            return self.numeric(ar, en, |_, _| {});
        }
        let (few, many, total) = if ca < ce {
            (ar, en, self.lens.en[ke - 1][j].union_weight)
        } else {
            (en, ar, self.lens.ar[ka - 1][i].union_weight)
        };
        let wt = &self.f.table.weights;
        let (mut shared, mut only_few) = (0.0, 0.0);
        for x in Union::of(few) {
            if many.iter().any(|a| a.numbers.binary_search(&x).is_ok()) {
                shared += wt[x as usize];
            } else {
                only_few += wt[x as usize];
            }
        }
        let only_many = (total - shared).max(0.0);
        if ca < ce {
            (shared, only_few, only_many)
        } else {
            (shared, only_many, only_few)
        }
    }

    /// Rarity-weighted overlap: (shared, only Arabic, only English) weights.
    /// `visit(value index, side)` is called for every number, with side
    /// 0 = shared, 1 = Arabic only, 2 = English only.
    pub fn numeric(
        &self,
        ar: &[ArticleFeatures],
        en: &[ArticleFeatures],
        mut visit: impl FnMut(u32, u8),
    ) -> (f64, f64, f64) {
        let mut a = Union::of(ar).peekable();
        let mut e = Union::of(en).peekable();
        let wt = &self.f.table.weights;
        let (mut s, mut oa, mut oe) = (0.0, 0.0, 0.0);
        loop {
            match (a.peek().copied(), e.peek().copied()) {
                (None, None) => break,
                (Some(x), y) if y.is_none_or(|y| x < y) => {
                    oa += wt[x as usize];
                    visit(x, 1);
                    a.next();
                }
                (x, Some(y)) if x.is_none_or(|x| y < x) => {
                    oe += wt[y as usize];
                    visit(y, 2);
                    e.next();
                }
                (Some(x), Some(_)) => {
                    s += wt[x as usize];
                    visit(x, 0);
                    a.next();
                    e.next();
                }
                _ => unreachable!(),
            }
        }
        (s, oa, oe)
    }

    /// Rarity-weighted overlap of the lexicon concepts: (shared, only
    /// Arabic, only English) weights. No allocation: the concept sets are
    /// bitsets.
    pub fn lexical(&self, ar: &[ArticleFeatures], en: &[ArticleFeatures]) -> (f64, f64, f64) {
        self.lexical_on(ar, en, (false, false))
    }

    /// [`lexical`](Self::lexical), with the Arabic side (`lead.0`) or the
    /// English side (`lead.1`) read on its articles' leads (the text
    /// outside their lists, see `ArticleFeatures::lead_concepts`).
    fn lexical_on(
        &self,
        ar: &[ArticleFeatures],
        en: &[ArticleFeatures],
        lead: (bool, bool),
    ) -> (f64, f64, f64) {
        let wt = &self.f.concept_weights;
        let pick = |a: &ArticleFeatures, lead: bool| {
            if lead {
                (a.lead_concepts, a.lead_concept_weight)
            } else {
                (a.concepts, a.concept_weight)
            }
        };
        // A side's concepts and their total weight (a union of two or more
        // articles counts a concept once).
        let side = |v: &[ArticleFeatures], lead: bool| -> (ConceptSet, f64) {
            let (mut set, mut total) = pick(&v[0], lead);
            for a in &v[1..] {
                let (c, w) = pick(a, lead);
                total += w - set.and(&c).weight(wt);
                set = set.or(&c);
            }
            (set, total)
        };
        let (sa, ta) = side(ar, lead.0);
        let (se, te) = side(en, lead.1);
        let shared = sa.and(&se).weight(wt);
        (shared, (ta - shared).max(0.0), (te - shared).max(0.0))
    }
}

/// Log-odds from the lexicon concepts of a candidate: shared weight counts
/// up; the unshared weight of the side with less of it counts down (the
/// other side's surplus is what a partial translation leaves out).
pub(crate) fn lexical_llr(s: &Signals) -> f64 {
    lexicon_llr((s.lex_shared, s.lex_only_ar, s.lex_only_en))
}

/// [`lexical_llr`] of (shared, only Arabic, only English) weights.
fn lexicon_llr((shared, only_ar, only_en): (f64, f64, f64)) -> f64 {
    (0.15 * shared - 0.1 * only_ar.min(only_en)).clamp(-1.5, 2.5)
}

/// The numbers of one or two articles (each sorted and distinct), merged
/// in order without duplicates, without allocating.
struct Union<'a> {
    a: &'a [u32],
    b: &'a [u32],
}

impl<'a> Union<'a> {
    fn of(arts: &'a [ArticleFeatures]) -> Union<'a> {
        debug_assert!((1..=2).contains(&arts.len()));
        Union {
            a: &arts[0].numbers,
            b: arts.get(1).map_or(&[][..], |x| &x.numbers),
        }
    }
}

impl Iterator for Union<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        match (self.a.first(), self.b.first()) {
            (None, None) => None,
            (Some(&x), None) => {
                self.a = &self.a[1..];
                Some(x)
            }
            (None, Some(&y)) => {
                self.b = &self.b[1..];
                Some(y)
            }
            (Some(&x), Some(&y)) => {
                if x <= y {
                    self.a = &self.a[1..];
                }
                if y <= x {
                    self.b = &self.b[1..];
                }
                Some(x.min(y))
            }
        }
    }
}

/// Agreement of the enclosing divisions, 0–1; `None` when neither article
/// is in a division.
pub(crate) fn division_agreement(a: &ArticleFeatures, e: &ArticleFeatures) -> Option<f64> {
    match (&a.division, &e.division) {
        (None, None) => None,
        (Some(_), None) | (None, Some(_)) => Some(0.4),
        (Some(x), Some(y)) => {
            if x.kind != y.kind {
                return Some(0.3);
            }
            let mut d = match (x.number, y.number) {
                (Some(p), Some(q)) => {
                    if p == q {
                        1.0
                    } else {
                        0.0
                    }
                }
                _ => {
                    if x.ordinal == y.ordinal {
                        0.8
                    } else {
                        0.2
                    }
                }
            };
            if let (Some((t, ta)), Some((u, ua))) = (&x.title, &y.title) {
                if ta == ua {
                    d = 0.5 * d + 0.5 * strsim::normalized_levenshtein(t, u);
                }
            }
            Some(d)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_is_sane() {
        assert!((tail(0.0) - 1.0).abs() < 1e-6);
        assert!((tail(1.96) - 0.05).abs() < 1e-3);
        assert!((tail(-1.96) - 0.05).abs() < 1e-3);
    }

    #[test]
    fn tail_is_a_probability() {
        for z in [0.0, 1e-12, -1e-9, 2.7e-8, 0.5, 3.0, 40.0, f64::INFINITY] {
            let p = tail(z);
            assert!((0.0..=1.0).contains(&p), "tail({z}) = {p}");
        }
        assert_eq!(tail(0.0), 1.0);
        assert_eq!(tail(f64::NAN), 0.0);
    }

    #[test]
    fn calibration_is_robust() {
        let mut pairs: Vec<(f64, f64)> = (0..20)
            .map(|k| (100.0 + k as f64, 150.0 + 1.5 * k as f64))
            .collect();
        pairs.push((1000.0, 50.0)); // a partial translation
        let m = LengthModel::calibrate(&pairs, LengthModel::PRIOR);
        assert!((m.mu - 1.5f64.ln()).abs() < 0.01, "{m:?}");
    }
}
