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
//! on 919 decisions of the development pairs (4 wrong) and 2968
//! decisions of the robustness cases, neighbour-drop probes and the
//! unrelated seeds 000/004 (23 wrong).

/// The coefficients of the features of [`FEATURES`](super::FEATURES), in
/// their order.
#[rustfmt::skip]
pub const COEFFICIENTS: &[f64] = &[
    4.501896230906133, // bias
    0.002489809139576199, // merge_or_split
    -0.3763312417063814, // one_sided
    1.5076789487888982, // score_matched
    0.46628591569666145, // score_one_sided
    0.3763312417064076, // labels_agree
    0.0, // labels_differ
    0.18225065796643392, // neighbours_agree
    0.027626393625462663, // numbering_gap
    -1.1324149432404524, // partner_unpaired
    0.42564337749705183, // label_absent_other_side
    -0.7014374575049357, // verdict_matched
    -0.6195945199694765, // verdict_one_sided
    0.1744028148200418, // likely_partial
    0.14647874181778725, // numbers_differ
    1.01834194445729, // lexical
    0.8167552414498074, // length_fit
    0.09952558344552757, // duplicate_number
    0.17928827453547735, // partner_terms
    -0.5780869613099927, // partner_numbers
    0.03748598965499517, // numbers_shared
    -1.6775381687926063, // few_terms_shared
    0.3636808317376653, // position
    -1.4161002826172857, // content_differs
    0.0, // repealed
];
