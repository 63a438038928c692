//! `--format github`: workflow commands that GitHub Actions turns into annotations.
//!
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`, one
//! per finding, escaped as the workflow-command format requires (`%`, CR and LF
//! everywhere; `:` and `,` too inside properties). GitHub shows at most 10
//! annotations of each kind per step, so errors come first, then warnings, then
//! notices, 10 of each, and one last notice counts what was left out.

use std::io::{self, Write};

use crate::check::{Finding, Outcome};
use crate::diagnostic::Severity;

/// Annotations GitHub shows per kind and step.
pub const PER_KIND: usize = 10;

/// Writes the annotations.
pub fn write(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    let mut left_out = 0;
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let mut shown = 0;
        for file in &outcome.files {
            for finding in file
                .findings
                .iter()
                .filter(|f| f.diagnostic.severity == severity)
            {
                if shown == PER_KIND {
                    left_out += 1;
                    continue;
                }
                shown += 1;
                writeln!(out, "{}", annotation(&file.display, finding))?;
            }
        }
    }
    if left_out > 0 {
        writeln!(
            out,
            "::notice title=prepress::{}",
            data(&format!(
                "{left_out} more findings are not annotated (GitHub shows {PER_KIND} of each kind per step); the job summary or `prepress --format compact` lists them all"
            ))
        )?;
    }
    Ok(())
}

/// One finding as a workflow command.
pub fn annotation(path: &str, finding: &Finding) -> String {
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
        property(d.rule),
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
            Diagnostic::new(&crate::rules::INVALID_YAML, 0..1, "50% off: a, b\r\nnext");
        diagnostic.help = Some("fix it".into());
        let finding = Finding {
            diagnostic,
            start: Position { line: 2, column: 3 },
            end: Position { line: 2, column: 4 },
            labels: Vec::new(),
        };
        assert_eq!(
            annotation("posts/a,b:c.md", &finding),
            "::error file=posts/a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=4,title=invalid-yaml::50%25 off: a, b%0D%0Anext%0Afix it"
        );
    }
}
