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
//! on 920 decisions of the development pairs (6 wrong) and 2960
//! decisions of the robustness cases, neighbour-drop probes and the
//! unrelated seeds 000/004 (23 wrong).

/// The coefficients of the features of [`FEATURES`](super::FEATURES), in
/// their order.
#[rustfmt::skip]
pub const COEFFICIENTS: &[f64] = &[
    4.227883516875458, // bias
    0.0066116529691175015, // merge_or_split
    -0.41871241481688637, // one_sided
    1.4990552964982604, // score_matched
    0.2868176195079033, // score_one_sided
    0.41871241481687593, // labels_agree
    0.0, // labels_differ
    0.2502006287635334, // neighbours_agree
    0.020259730074697144, // numbering_gap
    -1.3637912888691521, // partner_unpaired
    0.48293445425537457, // label_absent_other_side
    -0.5853946338586364, // verdict_matched
    -0.6368861174893998, // verdict_one_sided
    0.38513014819413355, // likely_partial
    0.10373478445061449, // numbers_differ
    0.9511190003247548, // lexical
    0.7151346589928209, // length_fit
    0.09678757845486176, // duplicate_number
    0.12751338811857046, // partner_terms
    -0.5358977383885142, // partner_numbers
    0.05694588912174438, // numbers_shared
    -1.5200569678877078, // few_terms_shared
    0.40598824228118047, // position
    -1.5151902400302928, // content_differs
    0.0, // repealed
];
