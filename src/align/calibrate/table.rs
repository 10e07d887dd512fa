//! GENERATED: do not edit. The coefficients of the confidence model
//! (`super::features`), fitted by
//!
//! ```text
//! LEXALIGN_FIT=1 cargo test --release --test calibration -- --nocapture
//! ```
//!
//! (logistic regression, L2 penalty 1 on every coefficient but the bias,
//! the synthetic decisions weighing as much in total as the real ones;
//! a matched pair's probability is then multiplied by the verdict's
//! belief that the documents are one law, and the links between
//! documents it calls different laws are left out of the fit)
//! on 917 decisions of the development pairs (0 wrong) and 2940
//! decisions of the robustness cases, neighbour-drop probes and the
//! unrelated seeds 000/004 (51 wrong).

/// The coefficients of the features of [`FEATURES`](super::FEATURES), in
/// their order.
#[rustfmt::skip]
pub const COEFFICIENTS: &[f64] = &[
    8.191601411909295, // bias
    0.002034626954515717, // merge_or_split
    0.021317237252054515, // one_sided
    1.1156263275987992, // score_matched
    -0.007752352125568331, // score_one_sided
    -0.021317237252054214, // labels_agree
    0.0, // labels_differ
    -0.05113442344276007, // neighbours_agree
    0.030030168606800918, // numbering_gap
    0.0009696837253033487, // partner_unpaired
    0.015392693423803592, // label_absent_other_side
    -1.619448682282424, // verdict_matched
    -0.023931527762196106, // verdict_one_sided
    -0.22138865575383282, // likely_partial
    0.18285212463263079, // numbers_differ
    0.9997671142173843, // lexical
    0.5869898380937386, // length_fit
    0.1320674205684236, // duplicate_number
    4.455634804436719e-5, // partner_terms
    0.0, // partner_numbers
    0.001958973724151794, // numbers_shared
    -1.765565564437214, // few_terms_shared
    -0.03371124788791616, // position
    -1.6385156895183655, // content_differs
    0.0, // repealed
    -0.3086209707450614, // score_negative
    1.2029058295756103, // below_usual
];
