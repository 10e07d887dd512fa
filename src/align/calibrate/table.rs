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
//! on 917 decisions of the development pairs (0 wrong) and 5779
//! decisions of the robustness cases, neighbour-drop probes and the
//! unrelated seeds 000/004 (79 wrong).

/// The coefficients of the features of [`FEATURES`](super::FEATURES), in
/// their order.
#[rustfmt::skip]
pub const COEFFICIENTS: &[f64] = &[
    4.547027763601063, // bias
    -0.15653206676407522, // merge_or_split
    -0.2209202672331005, // one_sided
    1.3712299498974163, // score_matched
    0.18578418739634178, // score_one_sided
    0.1471883104923958, // labels_agree
    0.07373195674071245, // labels_differ
    0.002312583358697084, // neighbours_agree
    0.012747975789740532, // numbering_gap
    0.00695990336409132, // partner_unpaired
    -0.21640840879910977, // label_absent_other_side
    -0.15053152713157772, // verdict_matched
    -0.28225604655334285, // verdict_one_sided
    -0.3946891628377473, // likely_partial
    0.28376822403336466, // numbers_differ
    0.905217299666907, // lexical
    0.566355607586745, // length_fit
    0.08006992759909218, // duplicate_number
    0.0, // partner_terms
    0.0, // partner_numbers
    -0.04309671154793877, // numbers_shared
    -1.5499367717308994, // few_terms_shared
    0.5857716985772936, // position
    -1.3902457310653076, // content_differs
    0.0, // repealed
    -0.3063083067428161, // score_negative
    0.7322321044909751, // below_usual
    -0.7291100919051413, // short_law_matched
    -0.7477538038197447, // short_law_one_sided
];
