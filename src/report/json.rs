//! `--format json`: one JSON document, a contract for tools (schema in the README).
//!
//! `{"version": 1, "files_checked": N, "diagnostics": [...]}`. Positions are
//! 1-based with columns in characters and exclusive ends; `start` and `end` are
//! byte offsets into the file, which is what a fix edits. The diagnostics are
//! written as they come, each file's as soon as it is checked. Adding a field is
//! allowed within a version; removing or changing one needs a new version.

use std::io::{self, Write};

use serde::Serialize;

use super::elements::Elements;
use crate::baseline::Applied;
use crate::check::Finding;
use crate::diagnostic::{Applicability, Severity};

/// The schema version of this output.
pub(crate) const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files_checked: usize,
    diagnostics: Vec<Item<'a>>,
    /// What the baseline left out, when the run read one.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<Applied>,
}

#[derive(Serialize)]
struct Item<'a> {
    path: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
    help: Option<&'a str>,
    fix: Option<Fix<'a>>,
    labels: Vec<Label<'a>>,
}

#[derive(Serialize)]
struct Fix<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
    applicability: Applicability,
    /// `applicability == safe`, kept for readers of the first form.
    safe: bool,
}

#[derive(Serialize)]
struct Label<'a> {
    message: &'a str,
    /// The other file, for a label outside the document (its `start` and
    /// `end` are then 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
}

/// Writes the document's head, up to the opening of its `diagnostics`;
/// `files_checked` is known before any finding.
pub(crate) fn start(files_checked: usize, out: &mut dyn Write) -> io::Result<Elements> {
    Elements::start(&document(files_checked, None), "diagnostics", out)
}

/// Writes one finding of the file shown as `path`.
pub(crate) fn push(
    diagnostics: &mut Elements,
    path: &str,
    finding: &Finding,
    out: &mut dyn Write,
) -> io::Result<()> {
    diagnostics.push(&item(path, finding), out)
}

/// Closes `diagnostics` and writes the rest of the document: `baseline` is
/// what a baseline left out, if the run read one.
pub(crate) fn end(
    diagnostics: Elements,
    files_checked: usize,
    baseline: Option<Applied>,
    out: &mut dyn Write,
) -> io::Result<()> {
    diagnostics.end(&document(files_checked, baseline), out)
}

/// The document with no diagnostics: the findings go in one at a time.
fn document(files_checked: usize, baseline: Option<Applied>) -> Document<'static> {
    Document {
        version: VERSION,
        files_checked,
        diagnostics: Vec::new(),
        baseline,
    }
}

fn item<'a>(path: &'a str, finding: &'a Finding) -> Item<'a> {
    let d = &finding.diagnostic;
    Item {
        path,
        rule: &d.rule,
        severity: d.severity,
        message: &d.message,
        line: finding.start.line,
        column: finding.start.column,
        end_line: finding.end.line,
        end_column: finding.end.column,
        start: d.span.start,
        end: d.span.end,
        help: d.help.as_deref(),
        fix: d.fix.as_ref().map(|fix| Fix {
            start: fix.span.start,
            end: fix.span.end,
            replacement: &fix.replacement,
            applicability: fix.applicability,
            safe: fix.applicability == Applicability::Safe,
        }),
        labels: d
            .labels
            .iter()
            .zip(&finding.labels)
            .map(|(label, place)| Label {
                message: &label.message,
                path: place.path.as_deref(),
                line: place.start.line,
                column: place.start.column,
                end_line: place.end.line,
                end_column: place.end.column,
                start: label.span.start,
                end: label.span.end,
            })
            .collect(),
    }
}
