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
//! on 917 decisions of the development pairs (0 wrong) and 2932
//! decisions of the robustness cases, neighbour-drop probes and the
//! unrelated seeds 000/004 (51 wrong).

/// The coefficients of the features of [`FEATURES`](super::FEATURES), in
/// their order.
#[rustfmt::skip]
pub const COEFFICIENTS: &[f64] = &[
    8.19157380460789, // bias
    0.002038700015444673, // merge_or_split
    0.02089578736877369, // one_sided
    1.116424414887845, // score_matched
    -0.006193124234480583, // score_one_sided
    -0.020895787368771863, // labels_agree
    0.0, // labels_differ
    -0.05075409510332887, // neighbours_agree
    0.030122655654171902, // numbering_gap
    0.00033567691192344944, // partner_unpaired
    0.016694860215179953, // label_absent_other_side
    -1.6207202482723087, // verdict_matched
    -0.020002207716682242, // verdict_one_sided
    -0.22032296798052858, // likely_partial
    0.1832887159279914, // numbers_differ
    1.0007712997018017, // lexical
    0.5874352023362235, // length_fit
    0.13217753951268632, // duplicate_number
    0.0, // partner_terms
    0.0, // partner_numbers
    0.0017993535748825975, // numbers_shared
    -1.7661095133357902, // few_terms_shared
    -0.03332220699794021, // position
    -1.639718945306561, // content_differs
    0.0, // repealed
    -0.3093488144039339, // score_negative
    1.2033481216146178, // below_usual
];
