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
//! on 946 decisions of the development pairs (64 wrong) and 2981
//! decisions of the robustness cases, neighbour-drop probes and the
//! unrelated seeds 000/004 (22 wrong).

/// The coefficients of the features of [`FEATURES`](super::FEATURES), in
/// their order.
#[rustfmt::skip]
pub const COEFFICIENTS: &[f64] = &[
    2.4877781518741933, // bias
    -0.9624676176883614, // merge_or_split
    -0.5931971712101557, // one_sided
    2.037867658800658, // score_matched
    -0.09733384302280366, // score_one_sided
    1.025489656503052, // labels_agree
    -0.43229248529282194, // labels_differ
    0.06964316893042187, // neighbours_agree
    0.024317508104169307, // numbering_gap
    -1.4395522863202619, // partner_unpaired
    0.9996544936571308, // label_absent_other_side
    -0.5922147503648637, // verdict_matched
    -0.5907392381792458, // verdict_one_sided
    1.1757965071635983, // likely_partial
    -0.2973062284037779, // numbers_differ
    1.1557311189466308, // lexical
    0.8684590310699838, // length_fit
    -1.3090596891682056, // duplicate_number
    -2.3414918535470797, // partner_terms
    -0.17066234086471757, // partner_numbers
    0.05278395241991168, // numbers_shared
    -1.5899965762794122, // few_terms_shared
    0.5863426910522227, // position
];
