//! `--statistics`: one line per rule instead of one per finding, as ruff's
//! flag prints them, to see at a glance what a blog's archive holds before
//! deciding what to turn off, accept or baseline.
//!
//! Each row is a rule with how many findings it made, how many of them carry
//! a safe fix (which `--fix` applies) and the highest severity it reported
//! at (overrides may report one rule at several). Rows are sorted by count,
//! most first, then by rule id.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::check::FileReport;
use crate::diagnostic::{Applicability, Severity};

/// One rule's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Row {
    /// The rule id.
    pub(crate) rule: String,
    /// How many findings it made.
    pub(crate) count: usize,
    /// How many of them carry a safe fix.
    pub(crate) safe_fixes: usize,
    /// The highest severity among them.
    pub(crate) severity: Severity,
}

/// The rows of a run as its reports pass.
#[derive(Debug, Default)]
pub(crate) struct Statistics {
    by_rule: HashMap<String, Row>,
}

impl Statistics {
    /// Counts the findings of `file`.
    pub(crate) fn add(&mut self, file: &FileReport) {
        for finding in &file.findings {
            let d = &finding.diagnostic;
            let row = match self.by_rule.get_mut(d.rule.as_str()) {
                Some(row) => row,
                None => self
                    .by_rule
                    .entry(d.rule.to_string())
                    .or_insert_with(|| Row {
                        rule: d.rule.to_string(),
                        count: 0,
                        safe_fixes: 0,
                        severity: d.severity,
                    }),
            };
            row.count += 1;
            row.severity = row.severity.max(d.severity);
            if d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
            {
                row.safe_fixes += 1;
            }
        }
    }

    /// The rows, most findings first.
    pub(crate) fn rows(&self) -> Vec<&Row> {
        let mut rows: Vec<&Row> = self.by_rule.values().collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(&b.rule)));
        rows
    }

    /// The rows as an aligned table with a header, for people.
    pub(crate) fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.rows();
        let width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0).max(4);
        writeln!(
            out,
            "{:>7}  {:width$}  {:>9}  severity",
            "count", "rule", "safe fix"
        )?;
        for row in &rows {
            writeln!(
                out,
                "{:>7}  {:width$}  {:>9}  {}",
                row.count, row.rule, row.safe_fixes, row.severity
            )?;
        }
        Ok(())
    }

    /// The rows as one JSON document:
    /// `{"version": 1, "files_checked": N, "statistics": [{"rule", "count", "safe_fixes", "severity"}]}`.
    pub(crate) fn write_json(&self, files_checked: usize, out: &mut dyn Write) -> io::Result<()> {
        let document = Document {
            version: super::json::VERSION,
            files_checked,
            statistics: self.rows(),
        };
        serde_json::to_writer_pretty(&mut *out, &document)?;
        writeln!(out)
    }
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files_checked: usize,
    statistics: Vec<&'a Row>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Finding;
    use crate::diagnostic::{Diagnostic, Fix};
    use crate::line_index::Position;

    fn finding(rule: &'static str, severity: Severity, fix: Option<Applicability>) -> Finding {
        let mut diagnostic = Diagnostic::new(rule, severity, 0..1, "m".to_string());
        diagnostic.fix = fix.map(|applicability| Fix {
            span: 0..1,
            replacement: String::new(),
            applicability,
        });
        let at = Position { line: 1, column: 1 };
        Finding {
            diagnostic,
            start: at,
            end: at,
            labels: Vec::new(),
        }
    }

    #[test]
    fn counts_per_rule_with_safe_fixes_and_the_highest_severity() {
        let mut statistics = Statistics::default();
        statistics.add(&FileReport {
            findings: vec![
                finding("b", Severity::Info, Some(Applicability::Unsafe)),
                finding("a", Severity::Warning, Some(Applicability::Safe)),
                finding("b", Severity::Warning, Some(Applicability::Safe)),
                finding("c", Severity::Error, None),
                finding("a", Severity::Warning, None),
            ],
            ..FileReport::default()
        });
        let row = |rule: &str, count, safe_fixes, severity| Row {
            rule: rule.to_string(),
            count,
            safe_fixes,
            severity,
        };
        assert_eq!(
            statistics.rows(),
            [
                &row("a", 2, 1, Severity::Warning),
                &row("b", 2, 1, Severity::Warning),
                &row("c", 1, 0, Severity::Error),
            ]
        );
    }
}
