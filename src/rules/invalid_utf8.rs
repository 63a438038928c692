//! `invalid-utf8`: a file that is not UTF-8 text. Reported by the load step.

use crate::diagnostic::Severity;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "invalid-utf8",
    severity: Severity::Error,
    summary: "The file is not valid UTF-8 text",
    explanation: "\
## What it does
Reports a Markdown file that contains bytes which are not UTF-8, pointing at the
first bad byte and counting the others. No other rule runs on such a file.

## Why is this bad?
Jekyll reads posts as UTF-8; invalid bytes make Ruby fail with \"invalid byte
sequence in UTF-8\" while the site builds, or show up as garbage characters. It
usually means the file was saved in a legacy encoding such as Windows-1252 or
Latin-1, often by pasting from a word processor.

## How to fix
Re-save the file as UTF-8 in your editor, or convert it, e.g.
`iconv -f windows-1252 -t utf-8 post.md > fixed.md`.

## Example
```text
caf\\xe9 (Latin-1 é)   reported at the \\xe9 byte
```",
    fix: FixAvailability::Never,
};
