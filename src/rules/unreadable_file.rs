//! `unreadable-file`: a path that could not be read. Reported by the load step,
//! and for accepted-words files by the settings; this file words both.

use std::ops::Range;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
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

/// The finding for a path the load step could not read, shown as `display`,
/// at the start of the file (there is no text to point into).
pub(crate) fn path(display: &str, reason: &str) -> Diagnostic {
    Diagnostic::new(
        RULE.id,
        RULE.severity,
        0..0,
        format!("could not read `{display}`: {reason}"),
    )
}

/// The finding for the accepted-words `file` that could not be read, at
/// `span` (its name in the config, or the empty start of the file itself).
pub(super) fn words(span: &Range<usize>, file: &Path, reason: &str) -> Diagnostic {
    Diagnostic::new(
        RULE.id,
        RULE.severity,
        span.clone(),
        format!(
            "could not read the accepted words in `{}`: {reason}",
            file.display()
        ),
    )
}

/// The finding for an accepted-words file that is not UTF-8 at `span`.
pub(super) fn words_not_utf8(span: &Range<usize>) -> Diagnostic {
    Diagnostic::new(
        RULE.id,
        RULE.severity,
        span.clone(),
        "the accepted words are not UTF-8 here; save the file as UTF-8 (its words are not used until then)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_says_which_and_why_at_the_start() {
        let found = path("_posts/a.md", "no such file");
        assert_eq!((found.rule.as_str(), found.span.clone()), (RULE.id, 0..0));
        assert_eq!(found.message, "could not read `_posts/a.md`: no such file");
    }

    #[test]
    fn accepted_words_problems_say_which_file_and_why() {
        let found = words(&(9..18), Path::new("site/words.txt"), "No such file");
        assert_eq!((&*found.rule, found.span.clone()), (RULE.id, 9..18));
        assert_eq!(
            found.message,
            "could not read the accepted words in `site/words.txt`: No such file"
        );
        let found = words_not_utf8(&(11..14));
        assert_eq!(found.span, 11..14);
        assert!(
            found
                .message
                .starts_with("the accepted words are not UTF-8 here")
        );
    }
}
