//! `unreadable-file`: a path that could not be read. Reported by the load step.

use crate::diagnostic::Severity;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "unreadable-file",
    severity: Severity::Error,
    summary: "A file or path could not be read (missing, no permission, a directory)",
    explanation: "\
## What it does
Reports a path given on the command line that does not exist, a file that cannot
be opened or read (permissions, a broken link, a directory where a file was
expected), and folders the walk could not enter. The run goes on with the other
files, and exits with status 2 at the end, since the check was incomplete.

## Why is this bad?
A file prepress cannot read is a file nobody checked; a silent skip would let its
problems through.

## How to fix
Check the path and its permissions.

## Example
```text
prepress _posts/missing.md   reported: no such file
```",
    fix: FixAvailability::Never,
};
