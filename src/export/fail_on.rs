//! Which problems fail a checking run (the coverage tool's `--fail-on`).
//!
//! In: a [`Summary`]. Out: whether the run should fail, and the sentence
//! saying why.

use super::Summary;

/// A kind of problem that fails a checking run, for a CI job that wants a
/// non-zero exit code.
///
/// ```
/// use lexalign::export::{FailOn, Summary};
/// let summary = Summary { pairs: 3, only_arabic: 1, problems: 1, ..Summary::default() };
/// let on: FailOn = "one-sided".parse().unwrap();
/// assert!(on.is_triggered(&summary));
/// assert!(!FailOn::Partial.is_triggered(&summary));
/// assert_eq!(FailOn::Any.message(&summary), "--fail-on any: 1 of 3 pairs are problems");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FailOn {
    /// An article has no counterpart.
    OneSided,
    /// A pair is flagged as a likely partial translation.
    Partial,
    /// Any pair is a problem: flagged, uncertain or one-sided (and, in a
    /// batch, any document that failed).
    Any,
}

impl FailOn {
    /// Every kind, in the order a command line lists them.
    pub const ALL: &'static [FailOn] = &[FailOn::OneSided, FailOn::Partial, FailOn::Any];

    /// The name on a command line: `"one-sided"`, `"partial"`, `"any"`.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::OneSided => "one-sided",
            FailOn::Partial => "partial",
            FailOn::Any => "any",
        }
    }

    /// Whether the parallel text summarised by `summary` has this kind of
    /// problem.
    pub fn is_triggered(self, summary: &Summary) -> bool {
        match self {
            FailOn::OneSided => summary.one_sided() > 0,
            FailOn::Partial => summary.likely_partial > 0,
            FailOn::Any => summary.problems > 0,
        }
    }

    /// The sentence saying what was found, starting `--fail-on NAME:`.
    pub fn message(self, summary: &Summary) -> String {
        match self {
            FailOn::OneSided => format!(
                "--fail-on one-sided: {} Arabic and {} English articles have no counterpart",
                summary.only_arabic, summary.only_english
            ),
            FailOn::Partial => format!(
                "--fail-on partial: {} pairs look like partial translations",
                summary.likely_partial
            ),
            FailOn::Any => format!(
                "--fail-on any: {} of {} pairs are problems",
                summary.problems, summary.pairs
            ),
        }
    }
}

impl std::fmt::Display for FailOn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for FailOn {
    type Err = String;

    /// Reads [`as_str`](FailOn::as_str) back.
    fn from_str(name: &str) -> Result<FailOn, String> {
        super::named(FailOn::ALL, name, FailOn::as_str)
            .ok_or_else(|| format!("unknown problem kind {name:?}"))
    }
}
