//! What a rule is to everything else: its metadata.
//!
//! A rule has a stable id, a default severity, a one-line summary, a longer
//! explanation (what `prepress explain` prints, and the README's rule table is
//! made from the same text) and whether it can offer a fix. This module is low
//! in the layers so the config, the packs, the site model and the reports can
//! name rules without reaching the checks; `rules` pairs each code rule with
//! its check, and `lint` runs them.

use crate::diagnostic::{Applicability, Severity};
use crate::shared_str::SharedStr;

/// Whether a rule's findings come with a fix, and how sure the fix is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    /// Never: the right change needs a person.
    Never,
    /// For the findings `when` describes (a clause such as "when the help
    /// names a post"), where the change is unambiguous.
    Sometimes {
        /// How sure the fix is.
        applicability: Applicability,
        /// Which findings carry one.
        when: &'static str,
    },
    /// For every finding.
    Always(Applicability),
}

impl FixAvailability {
    /// How sure the rule's fixes are; `None` for a rule without fixes.
    pub fn applicability(self) -> Option<Applicability> {
        match self {
            FixAvailability::Never => None,
            FixAvailability::Sometimes { applicability, .. }
            | FixAvailability::Always(applicability) => Some(applicability),
        }
    }

    /// Words for listings: `no`, or how often and how sure (`yes, safe`,
    /// `sometimes, unsafe`).
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::Never => "no",
            FixAvailability::Sometimes {
                applicability: Applicability::Safe,
                ..
            } => "sometimes, safe",
            FixAvailability::Sometimes {
                applicability: Applicability::Unsafe,
                ..
            } => "sometimes, unsafe",
            FixAvailability::Always(Applicability::Safe) => "yes, safe",
            FixAvailability::Always(Applicability::Unsafe) => "yes, unsafe",
        }
    }

    /// The "Fix safety" section of `prepress explain`: which findings carry a
    /// fix, and what `--fix` does with it.
    pub(crate) fn safety(self) -> String {
        let which = match self {
            FixAvailability::Never => {
                return "This rule has no fix: the right change needs a person.".to_string();
            }
            FixAvailability::Sometimes { when, .. } => {
                format!("Some findings carry a fix: {when}.")
            }
            FixAvailability::Always(_) => "Every finding carries a fix.".to_string(),
        };
        let what = match self.applicability() {
            Some(Applicability::Unsafe) => {
                "The fix is unsafe: it is right most of the time, but it may not be what \
                 the author meant, so a person should look. `--fix` leaves it alone; \
                 `--fix --unsafe-fixes` applies it and `--diff --unsafe-fixes` shows it \
                 (or set `unsafe-fixes: true` in the config)."
            }
            _ if matches!(self, FixAvailability::Sometimes { .. }) => {
                "The fix is safe: it cannot change what the author meant, so `--fix` \
                 applies it and `--diff` shows it. A finding in quoted text, or one \
                 whose fix the rule cannot be sure of (see How to fix), carries an \
                 unsafe fix instead: the output marks it (`[unsafe fix]`, JSON \
                 `\"applicability\": \"unsafe\"`) and only `--unsafe-fixes` applies it."
            }
            _ => {
                "The fix is safe: it cannot change what the author meant, so `--fix` \
                 applies it and `--diff` shows it."
            }
        };
        format!("{which} {what}")
    }
}

/// A rule's metadata: what listings, configs and findings need to know of it.
#[derive(Debug)]
pub(crate) struct Rule {
    /// Stable kebab-case id, used in output, config and suppressions.
    pub(crate) id: &'static str,
    /// Severity its findings get unless configured otherwise.
    pub(crate) severity: Severity,
    /// One line saying what it reports.
    pub(crate) summary: &'static str,
    /// What it does, why it matters, how to fix it, with an example.
    pub(crate) explanation: &'static str,
    /// Whether its findings carry fixes.
    pub(crate) fix: FixAvailability,
}

/// What every rule, code or pack, is to a listing or a config: its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable kebab-case id.
    pub id: SharedStr,
    /// The pack it belongs to (`jekyll` for the built-in code rules).
    pub group: SharedStr,
    /// Default severity.
    pub severity: Severity,
    /// Whether it runs without being enabled in the config.
    pub enabled: bool,
    /// One line saying what it reports.
    pub summary: SharedStr,
    /// The long explanation `prepress explain` prints.
    pub explanation: SharedStr,
    /// Whether its findings carry fixes.
    pub fix: FixAvailability,
}

/// The group name of the built-in code rules, usable in config like a pack name.
pub(crate) const CODE_GROUP: &str = "jekyll";

impl Rule {
    /// The rule's metadata.
    pub(crate) fn info(&self) -> RuleInfo {
        RuleInfo {
            id: self.id.into(),
            group: CODE_GROUP.into(),
            severity: self.severity,
            enabled: true,
            summary: self.summary.into(),
            explanation: self.explanation.into(),
            fix: self.fix,
        }
    }
}
