//! The report step: findings in the form a person or a machine reads.
//!
//! Each format is its own module. `human` renders each file's findings while its
//! text is still loaded (it shows snippets); `compact` and `json` work from the
//! located findings alone. All of them print files in path order and findings in
//! span order, as `check::run` returns them.

pub(crate) mod compact;
mod excerpt;
pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod sarif;
pub(crate) mod statistics;
pub(crate) mod summary;

use std::io::{self, Write};

use crate::baseline::Applied;
use crate::changes::Changes;
use crate::check::Outcome;
use crate::rule::RuleInfo;

/// The output formats of `prepress check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Snippets with the span underlined, then a summary line.
    Human,
    /// One line per finding: `path:line:column: severity[rule] message`.
    Compact,
    /// One JSON document (schema in the README).
    Json,
    /// GitHub Actions workflow commands, which become annotations.
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

/// What a run asks of the report beyond its format.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Drop the human summary line.
    pub quiet: bool,
    /// The lines a change touched: GitHub annotations go only there.
    pub(crate) changed: Option<&'a Changes>,
    /// What a baseline left out, when the run read one.
    pub baseline: Option<Applied>,
    /// A count per rule instead of each finding (`--statistics`): the human
    /// and compact formats print a table, JSON a document of its own.
    pub statistics: bool,
}

/// Writes `outcome` in `format` to `out`; `catalog` describes the rules (for
/// SARIF).
pub(crate) fn write(
    format: Format,
    outcome: &Outcome,
    catalog: &[RuleInfo],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json if options.statistics => statistics::write_json(outcome, out),
        Format::Human | Format::Compact if options.statistics => {
            statistics::write_text(outcome, out)?;
            if !options.quiet {
                writeln!(out, "{}", human::summary(outcome))?;
                if let Some(applied) = options.baseline {
                    writeln!(out, "{}", human::baselined(applied))?;
                }
            }
            Ok(())
        }
        Format::Human => {
            for file in &outcome.files {
                out.write_all(file.rendered.as_bytes())?;
            }
            if !options.quiet {
                writeln!(out, "{}", human::summary(outcome))?;
                if let Some(applied) = options.baseline {
                    writeln!(out, "{}", human::baselined(applied))?;
                }
                if let Some(fixable) = human::fixable(outcome) {
                    writeln!(out, "{fixable}")?;
                }
            }
            Ok(())
        }
        Format::Compact => compact::write(outcome, out),
        Format::Json => json::write(outcome, options.baseline, out),
        Format::Github => github::write(outcome, options.changed, out),
        Format::Sarif => sarif::write(outcome, catalog, out),
    }
}
