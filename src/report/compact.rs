//! `--format compact`: one line per finding, for editors and problem matchers.
//!
//! `path:line:column: severity[rule-id] message`, path relative to the working
//! directory, line and column 1-based with the column in characters. Nothing
//! else is printed, so every line can be parsed by the same pattern.

use std::io::{self, Write};

use crate::check::FileReport;

/// Writes one line per finding of `file`.
pub(crate) fn write(file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for finding in &file.findings {
        let d = &finding.diagnostic;
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            file.display,
            finding.start.line,
            finding.start.column,
            d.severity,
            d.rule,
            one_line(&d.message)
        )?;
    }
    Ok(())
}

/// The message on one line, whatever it holds.
fn one_line(message: &str) -> String {
    message.replace(['\r', '\n'], " ")
}
