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
use crate::check::{FileReport, Finding, Outcome};
use crate::diagnostic::Severity;

/// The most a step summary may hold, in bytes.
pub(crate) const LIMIT: usize = 1024 * 1024;

/// The summary of `outcome` in at most `budget` bytes (the limit less what
/// the file already holds).
pub(crate) fn render(outcome: &Outcome, changed: Option<&Changes>, budget: usize) -> String {
    let count = |severity| outcome.count(severity);
    let mut out = String::from("## prepress\n\n");
    let total = outcome.findings().count();
    if total == 0 {
        let _ = writeln!(
            out,
            "No findings in {} checked {}.",
            outcome.files_checked,
            if outcome.files_checked == 1 {
                "file"
            } else {
                "files"
            }
        );
        return fit(out, budget);
    }
    let _ = writeln!(
        out,
        "{} errors, {} warnings and {} notes in {} checked files.\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        outcome.files_checked
    );
    let mut rows: Vec<(bool, &FileReport, &Finding)> = outcome
        .files
        .iter()
        .flat_map(|file| file.findings.iter().map(move |f| (file, f)))
        .map(|(file, f)| {
            let on_change =
                changed.is_some_and(|c| c.touches(&file.display, f.start.line, f.end.line));
            (on_change, file, f)
        })
        .collect();
    // Findings on changed lines first, then the rest, each in path order.
    rows.sort_by_key(|(on_change, _, _)| !on_change);
    let with_changes = changed.is_some();
    out.push_str(if with_changes {
        "| | changed | file | line | rule | message |\n|---|---|---|---|---|---|\n"
    } else {
        "| | file | line | rule | message |\n|---|---|---|---|---|\n"
    });
    // Room kept for the line that counts rows left out.
    let reserve = 120;
    let mut written = 0;
    for (on_change, file, finding) in &rows {
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
            if *on_change { "yes | " } else { " | " }
        } else {
            ""
        };
        let row = format!(
            "| {mark} | {changed_cell}`{}` | {}:{} | `{}` | {} |\n",
            cell(&file.display),
            finding.start.line,
            finding.start.column,
            d.rule,
            cell(&message)
        );
        if out.len() + row.len() + reserve > budget {
            break;
        }
        out.push_str(&row);
        written += 1;
    }
    if written < rows.len() {
        let _ = writeln!(
            out,
            "\n{} more findings are not listed: a job summary holds at most 1 MiB. Run `prepress --format compact` to see them all.",
            rows.len() - written
        );
    }
    fit(out, budget)
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
    use std::time::Duration;

    fn outcome(findings: usize) -> Outcome {
        let finding = |line| Finding {
            diagnostic: Diagnostic::new("some-rule", Severity::Error, 0..1, "`tags | x` is empty")
                .with_help("fill it <in>"),
            start: Position { line, column: 2 },
            end: Position { line, column: 3 },
            labels: Vec::new(),
        };
        Outcome {
            files: vec![FileReport {
                path: PathBuf::from("_posts/a.md"),
                display: "_posts/a.md".into(),
                findings: (1..=findings).map(finding).collect(),
                ..FileReport::default()
            }],
            files_checked: 3,
            elapsed: Duration::ZERO,
        }
    }

    #[test]
    fn lists_every_finding_changed_lines_first() {
        let changes = Changes::parse("+++ b/_posts/a.md\n@@ -2 +2 @@\n").unwrap();
        let text = render(&outcome(3), Some(&changes), LIMIT);
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
        let text = render(&outcome(20_000), None, LIMIT);
        assert!(text.len() <= LIMIT);
        let listed = text.lines().filter(|l| l.starts_with("| ❌")).count();
        assert!(listed > 1000 && listed < 20_000, "{listed}");
        assert!(text.contains(&format!("{} more findings are not listed", 20_000 - listed)));
        let small = render(&outcome(5), None, 400);
        assert!(small.len() <= 400, "{small}");
        assert!(small.contains("more findings are not listed"), "{small}");
    }

    #[test]
    fn says_so_when_there_is_nothing() {
        assert_eq!(
            render(&outcome(0), None, LIMIT),
            "## prepress\n\nNo findings in 3 checked files.\n"
        );
    }
}
