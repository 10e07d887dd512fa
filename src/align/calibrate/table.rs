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
    8.130654070101102, // bias
    0.006338907613812403, // merge_or_split
    0.021978325280024132, // one_sided
    1.1339103588167871, // score_matched
    -0.008573825186262997, // score_one_sided
    -0.021978325280021895, // labels_agree
    0.0, // labels_differ
    -0.044324760639511705, // neighbours_agree
    0.019891057758216275, // numbering_gap
    0.0003427102156098805, // partner_unpaired
    0.015178502232951105, // label_absent_other_side
    -1.555208946202237, // verdict_matched
    -0.024306939334947025, // verdict_one_sided
    0.013520518693779458, // likely_partial
    0.21266595949296752, // numbers_differ
    0.9744894004445611, // lexical
    0.5028941435363227, // length_fit
    0.13245397459070027, // duplicate_number
    3.023913667146005e-5, // partner_terms
    0.0, // partner_numbers
    -0.018618609755166923, // numbers_shared
    -1.5827492331086448, // few_terms_shared
    -0.03423716753544393, // position
    -1.7641915433841489, // content_differs
    0.0, // repealed
    -0.21982457779371736, // score_negative
    1.2191004354913888, // below_usual
];
