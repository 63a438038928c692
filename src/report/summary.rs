//! `--summary FILE`: a Markdown report for a CI job's summary page.
//!
//! GitHub Actions shows the Markdown a step appends to `$GITHUB_STEP_SUMMARY`
//! on the run's page, and accepts at most 1 MiB of it per step. Annotations
//! show only a few findings; the summary lists every one in a table, with the
//! findings on changed lines first when the changed lines are known. Rows stop
//! before the table would pass the limit, and a last line says how many were
//! left out.

use std::fmt::Write as _;

use crate::changes::Changes;
use crate::check::{FileReport, Finding, Tally};
use crate::diagnostic::Severity;

/// The most a step summary may hold, in bytes.
pub(crate) const LIMIT: usize = 1024 * 1024;

/// The summary as a run's reports pass: its rows, as many as can fit, and
/// how many there are.
pub(crate) struct Summary<'a> {
    /// The changed lines, whose findings come first.
    changed: Option<&'a Changes>,
    /// The most the summary may hold, in bytes.
    budget: usize,
    /// Rows of findings on changed lines, in path order.
    on_change: String,
    /// Rows of the other findings, in path order.
    others: String,
    /// How many findings there are.
    total: usize,
}

impl<'a> Summary<'a> {
    /// An empty summary of at most `budget` bytes (the limit less what the
    /// file already holds).
    pub(crate) fn new(changed: Option<&'a Changes>, budget: usize) -> Self {
        Self {
            changed,
            budget,
            on_change: String::new(),
            others: String::new(),
            total: 0,
        }
    }

    /// Adds the rows of `file`'s findings, while they could fit.
    pub(crate) fn add(&mut self, file: &FileReport) {
        for finding in &file.findings {
            self.total += 1;
            let on_change = self
                .changed
                .is_some_and(|c| c.touches(&file.display, finding.start.line, finding.end.line));
            let rows = if on_change {
                &mut self.on_change
            } else {
                &mut self.others
            };
            // Rows past the budget cannot be written: they are only counted.
            if rows.len() < self.budget {
                rows.push_str(&row(
                    self.changed.is_some(),
                    on_change,
                    &file.display,
                    finding,
                ));
            }
        }
    }

    /// The summary: `tally` counts the run's findings.
    pub(crate) fn render(&self, tally: &Tally) -> String {
        let mut out = String::from("## prepress\n\n");
        if self.total == 0 {
            let _ = writeln!(
                out,
                "No findings in {} checked {}.",
                tally.files_checked,
                if tally.files_checked == 1 {
                    "file"
                } else {
                    "files"
                }
            );
            return fit(out, self.budget);
        }
        let _ = writeln!(
            out,
            "{} errors, {} warnings and {} notes in {} checked files.\n",
            tally.errors, tally.warnings, tally.infos, tally.files_checked
        );
        out.push_str(if self.changed.is_some() {
            "| | changed | file | line | rule | message |\n|---|---|---|---|---|---|\n"
        } else {
            "| | file | line | rule | message |\n|---|---|---|---|---|\n"
        });
        // Findings on changed lines first, then the rest, each in path order.
        // Room is kept for the line that counts rows left out.
        let reserve = 120;
        let mut written = 0;
        for row in self
            .on_change
            .split_inclusive('\n')
            .chain(self.others.split_inclusive('\n'))
        {
            if out.len() + row.len() + reserve > self.budget {
                break;
            }
            out.push_str(row);
            written += 1;
        }
        if written < self.total {
            let _ = writeln!(
                out,
                "\n{} more findings are not listed: a job summary holds at most 1 MiB. Run `prepress --format compact` to see them all.",
                self.total - written
            );
        }
        fit(out, self.budget)
    }
}

/// The table row of `finding` in the file shown as `path`, with the changed
/// column when `with_changes`.
fn row(with_changes: bool, on_change: bool, path: &str, finding: &Finding) -> String {
    let d = &finding.diagnostic;
    let mark = match d.severity {
        Severity::Error => "❌ error",
        Severity::Warning => "⚠️ warning",
        Severity::Info => "ℹ️ note",
    };
    let message = match &d.help {
        Some(help) => format!("{}<br>{help}", d.message),
        None => d.message.clone(),
    };
    let changed_cell = if with_changes {
        if on_change { "yes | " } else { " | " }
    } else {
        ""
    };
    format!(
        "| {mark} | {changed_cell}`{}` | {}:{} | `{}` | {} |\n",
        cell(path),
        finding.start.line,
        finding.start.column,
        d.rule,
        cell(&message)
    )
}

/// `text` cut to `budget` bytes at a character boundary (only a budget too
/// small for the heading cuts anything).
fn fit(mut text: String, budget: usize) -> String {
    if text.len() > budget {
        let mut end = budget;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// Text safe inside a Markdown table cell: no line breaks, `|` escaped, and
/// HTML-looking text shown as text.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace("&lt;br>", "<br>")
        .replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::line_index::Position;
    use std::path::PathBuf;

    /// The summary of a run of 3 files, whose one file with findings has
    /// `findings` errors.
    fn render(findings: usize, changed: Option<&Changes>, budget: usize) -> String {
        let finding = |line| Finding {
            diagnostic: Diagnostic::new("some-rule", Severity::Error, 0..1, "`tags | x` is empty")
                .with_help("fill it <in>"),
            start: Position { line, column: 2 },
            end: Position { line, column: 3 },
            labels: Vec::new(),
        };
        let file = FileReport {
            path: PathBuf::from("_posts/a.md"),
            display: "_posts/a.md".into(),
            findings: (1..=findings).map(finding).collect(),
            ..FileReport::default()
        };
        let mut tally = Tally {
            files_checked: 3,
            ..Tally::default()
        };
        tally.add(&file);
        let mut summary = Summary::new(changed, budget);
        summary.add(&file);
        summary.render(&tally)
    }

    #[test]
    fn lists_every_finding_changed_lines_first() {
        let changes = Changes::parse("+++ b/_posts/a.md\n@@ -2 +2 @@\n").unwrap();
        let text = render(3, Some(&changes), LIMIT);
        let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("| ❌")).collect();
        assert_eq!(rows.len(), 3);
        assert!(rows[0].contains("| yes | `_posts/a.md` | 2:2 |"), "{text}");
        assert!(
            rows[0].ends_with("| `some-rule` | `tags \\| x` is empty<br>fill it &lt;in> |"),
            "{text}"
        );
        assert!(text.contains("3 errors, 0 warnings and 0 notes in 3 checked files."));
    }

    #[test]
    fn stays_within_the_limit_and_counts_what_it_left_out() {
        let text = render(20_000, None, LIMIT);
        assert!(text.len() <= LIMIT);
        let listed = text.lines().filter(|l| l.starts_with("| ❌")).count();
        assert!(listed > 1000 && listed < 20_000, "{listed}");
        assert!(text.contains(&format!("{} more findings are not listed", 20_000 - listed)));
        let small = render(5, None, 400);
        assert!(small.len() <= 400, "{small}");
        assert!(small.contains("more findings are not listed"), "{small}");
    }

    #[test]
    fn says_so_when_there_is_nothing() {
        assert_eq!(
            render(0, None, LIMIT),
            "## prepress\n\nNo findings in 3 checked files.\n"
        );
    }
}
