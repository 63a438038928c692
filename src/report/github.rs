//! `--format github`: workflow commands that GitHub Actions turns into annotations.
//!
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`, one
//! per finding, escaped as the workflow-command format requires (`%`, CR and LF
//! everywhere; `:` and `,` too inside properties). GitHub shows at most 10
//! annotations of each kind per step (and 50 per job), so errors come first,
//! then warnings, then notices, 10 of each; when some findings are left out,
//! the last notice slot goes to one notice that counts them. With the lines a
//! pull request changed (`--changed-lines`), only findings on those lines are
//! annotated: the others are counted in that notice, and the job summary lists
//! every finding.

use std::io::{self, Write};

use crate::changes::Changes;
use crate::check::{FileReport, Finding};
use crate::diagnostic::Severity;

/// Annotations GitHub shows per kind and step.
pub(crate) const PER_KIND: usize = 10;

/// The annotations of a run as its reports pass: the first [`PER_KIND`] of
/// each kind, and how many there are, which is all the end needs.
pub(crate) struct Annotations<'a> {
    /// The changed lines, when only those are annotated.
    changed: Option<&'a Changes>,
    /// The first annotations of each kind: errors, warnings, notices.
    kept: [Vec<String>; 3],
    /// How many findings of each kind are wanted.
    wanted: [usize; 3],
    /// How many findings there are in all.
    total: usize,
}

impl<'a> Annotations<'a> {
    /// None yet: every finding is wanted, or with `changed` only those on a
    /// changed line.
    pub(crate) fn new(changed: Option<&'a Changes>) -> Self {
        Self {
            changed,
            kept: Default::default(),
            wanted: [0; 3],
            total: 0,
        }
    }

    /// Counts the findings of `file`, keeping the first of each kind.
    pub(crate) fn add(&mut self, file: &FileReport) {
        for finding in &file.findings {
            self.total += 1;
            let wanted = self
                .changed
                .is_none_or(|c| c.touches(&file.display, finding.start.line, finding.end.line));
            if !wanted {
                continue;
            }
            let kind = match finding.diagnostic.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            };
            self.wanted[kind] += 1;
            if self.kept[kind].len() < PER_KIND {
                self.kept[kind].push(annotation(&file.display, finding));
            }
        }
    }

    /// Writes the annotations: errors first, then warnings, then notices,
    /// and the notice that counts what is left out.
    pub(crate) fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let [errors, warnings, notices] = self.wanted;
        let before_notices = errors.min(PER_KIND) + warnings.min(PER_KIND);
        // The counting notice takes a notice slot when anything is left out.
        let notice_slots = if self.total > before_notices + notices.min(PER_KIND) {
            PER_KIND - 1
        } else {
            PER_KIND
        };
        let mut shown = 0;
        for (kept, limit) in self.kept.iter().zip([PER_KIND, PER_KIND, notice_slots]) {
            for line in kept.iter().take(limit) {
                writeln!(out, "{line}")?;
                shown += 1;
            }
        }
        let left_out = self.total - shown;
        if left_out > 0 {
            let why = if self.changed.is_some() {
                "only findings on changed lines are annotated, at most"
            } else {
                "GitHub shows at most"
            };
            writeln!(
                out,
                "::notice title=prepress::{}",
                data(&format!(
                    "{left_out} more findings are not annotated ({why} {PER_KIND} of each kind per step); the job summary or `prepress --format compact` lists them all"
                ))
            )?;
        }
        Ok(())
    }
}

/// One finding as a workflow command.
pub(crate) fn annotation(path: &str, finding: &Finding) -> String {
    let d = &finding.diagnostic;
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let message = match &d.help {
        Some(help) => format!("{}\n{help}", d.message),
        None => d.message.clone(),
    };
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(path),
        finding.start.line,
        finding.start.column,
        finding.end.line,
        finding.end.column,
        property(&d.rule),
        data(&message)
    )
}

/// Escapes a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::line_index::Position;

    #[test]
    fn escapes_as_the_workflow_command_format_requires() {
        let mut diagnostic =
            Diagnostic::new("some-rule", Severity::Error, 0..1, "50% off: a, b\r\nnext");
        diagnostic.help = Some("fix it".into());
        let finding = Finding {
            diagnostic,
            start: Position { line: 2, column: 3 },
            end: Position { line: 2, column: 4 },
            labels: Vec::new(),
        };
        assert_eq!(
            annotation("posts/a,b:c.md", &finding),
            "::error file=posts/a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=4,title=some-rule::50%25 off: a, b%0D%0Anext%0Afix it"
        );
    }

    #[test]
    fn keeps_to_the_annotation_limits_and_counts_the_rest() {
        let finding = |severity, line| {
            let mut diagnostic = Diagnostic::new("some-rule", Severity::Error, 0..1, "m");
            diagnostic.severity = severity;
            Finding {
                diagnostic,
                start: Position { line, column: 1 },
                end: Position { line, column: 2 },
                labels: Vec::new(),
            }
        };
        let mut findings: Vec<Finding> = (1..=12).map(|l| finding(Severity::Error, l)).collect();
        findings.extend((13..=24).map(|l| finding(Severity::Info, l)));
        let file = FileReport {
            display: "a.md".into(),
            findings,
            ..Default::default()
        };
        let lines = |changed: Option<&Changes>| {
            let mut annotations = Annotations::new(changed);
            annotations.add(&file);
            let mut out = Vec::new();
            annotations.write(&mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let all = lines(None);
        assert_eq!(all.matches("::error ").count(), 10);
        assert_eq!(
            all.matches("::notice file=").count(),
            9,
            "one slot is kept for the count"
        );
        assert!(all.ends_with("::notice title=prepress::5 more findings are not annotated (GitHub shows at most 10 of each kind per step); the job summary or `prepress --format compact` lists them all\n"));
        let changes = Changes::parse("+++ b/a.md\n@@ -1,0 +2,2 @@\n").unwrap();
        let some = lines(Some(&changes));
        assert_eq!(some.lines().count(), 3, "{some}");
        assert!(some.contains("line=2,") && some.contains("line=3,"));
        assert!(some.contains("::notice title=prepress::22 more findings"));
    }
}
