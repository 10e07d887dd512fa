//! GENERATED: do not edit. The coefficients of the confidence model
//! (`super::features`), fitted by
//!
//! ```text
//! LEXALIGN_FIT=1 cargo test --release --test calibration -- --nocapture
//! ```
//!
//! (logistic regression, L2 penalty 1 on every coefficient but the bias;
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
    3.5440022492698184, // bias
    -0.9420175288327353, // merge_or_split
    -0.4694617757648318, // one_sided
    3.1460857341932855, // score_matched
    -0.14914953340454454, // score_one_sided
    0.8221777503462643, // labels_agree
    -0.35271597458140536, // labels_differ
    -0.5968446034577112, // neighbours_agree
    0.0450556531388365, // numbering_gap
    -1.3149804442704829, // partner_unpaired
    1.2226909313219692, // label_absent_other_side
    -1.3024628723154192, // verdict_matched
    -0.28747540272232314, // verdict_one_sided
    2.392940188751617, // likely_partial
    -0.06480066008297368, // numbers_differ
    1.8551900853905259, // lexical
    1.156679017433901, // length_fit
    -1.4886585975921378, // duplicate_number
    -3.5489035012851073, // partner_terms
    -0.2691926020732023, // partner_numbers
    -0.09612862991990297, // numbers_shared
    -1.959422961093966, // few_terms_shared
    0.43583126910680986, // position
];
