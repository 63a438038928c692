//! `invalid-utf8`: a file that is not UTF-8 text. Reported by the load step,
//! whose finding this file words.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
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

/// The finding for a file that is not UTF-8: at `first`, its first bad
/// sequence (in the text as shown, bad bytes replaced), `count` in all.
pub(crate) fn diagnostic(first: Range<usize>, count: usize) -> Diagnostic {
    let more = match count {
        0 | 1 => String::new(),
        n => format!(" ({} more bad sequences follow)", n - 1),
    };
    Diagnostic::new(
        RULE.id,
        RULE.severity,
        first,
        format!("this file is not valid UTF-8: this byte cannot be read as text{more}"),
    )
    .with_help("re-save the file as UTF-8 in your editor")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_the_first_bad_byte_and_counts_the_others() {
        let one = diagnostic(3..6, 1);
        assert_eq!((one.rule.as_str(), one.span.clone()), (RULE.id, 3..6));
        assert_eq!(
            one.message,
            "this file is not valid UTF-8: this byte cannot be read as text"
        );
        assert_eq!(
            one.help.as_deref(),
            Some("re-save the file as UTF-8 in your editor")
        );
        assert_eq!(
            diagnostic(0..3, 4).message,
            "this file is not valid UTF-8: this byte cannot be read as text (3 more bad sequences follow)"
        );
    }
}
