//! `internal-error`: prepress itself failed (panicked) while checking a file.
//! The check step catches the panic around each file's check and goes on
//! with the next file; this file words the finding from the panic's message.

use std::any::Any;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "internal-error",
    severity: Severity::Error,
    summary: "prepress failed while checking this file (a bug in prepress)",
    explanation: "\
## What it does
Reports a file whose check stopped on an internal error of prepress (a Rust
panic) instead of ending the whole run. The finding sits at the start of the
file and carries the error's message; the file's other findings are lost, and
every other file is checked as usual.

## Why is this bad?
It is a bug in prepress, not in your post: the file was not checked, so its
problems may have gone unseen.

## How to fix
Please report it at https://github.com/prepress-lint/prepress/issues with the
file (or the smallest part of it that still fails), the message, and
`prepress --version`. Until it is fixed, check the file by eye.

## Example
```text
_posts/2024-01-01-a.md:1:1: error[internal-error] prepress failed while checking
`_posts/2024-01-01-a.md`: <the error's message>
```",
    fix: FixAvailability::Never,
};

/// The finding for the file shown as `display` whose check panicked with
/// `payload`, at the start of the file (its text may be gone, so the message
/// names the file for formats that show no snippet).
pub(crate) fn diagnostic(display: &str, payload: &(dyn Any + Send)) -> Diagnostic {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message");
    Diagnostic::new(
        RULE.id,
        RULE.severity,
        0..0,
        format!("prepress failed while checking `{display}`: {message}"),
    )
    .with_help(
        "this is a bug in prepress, not in the file: please report it with the file at \
         https://github.com/prepress-lint/prepress/issues",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panic_message_becomes_the_finding_at_the_start() {
        let found = diagnostic("a.md", &"index out of bounds");
        assert_eq!((found.rule.as_str(), found.span.clone()), (RULE.id, 0..0));
        assert_eq!(found.severity, Severity::Error);
        assert_eq!(
            found.message,
            "prepress failed while checking `a.md`: index out of bounds"
        );
        assert!(found.help.is_some_and(|help| help.contains("report it")));
        let formatted = diagnostic("a.md", &format!("byte {} is not a char boundary", 7));
        assert_eq!(
            formatted.message,
            "prepress failed while checking `a.md`: byte 7 is not a char boundary"
        );
        assert_eq!(
            diagnostic("a.md", &42_u8).message,
            "prepress failed while checking `a.md`: no message"
        );
    }
}
