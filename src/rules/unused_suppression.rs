//! `unused-suppression`: a suppression comment that suppresses nothing.
//! The suppress step (`suppress`) finds the comments and what each silenced;
//! this file decides which to report, and words the finding.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "unused-suppression",
    severity: Severity::Info,
    summary: "A `prepress-disable` comment that suppresses nothing, or names no rule",
    explanation: "\
## What it does
Reports a suppression comment (`<!-- prepress-disable … -->`,
`<!-- prepress-disable-next-line … -->`, or `# prepress-disable-line …` in front
matter) under which no finding of the named rules was suppressed, or that names
a rule that does not exist.

## Why is this bad?
Suppressions rot: the text they excused gets fixed or moved, and the comment
stays, ready to hide the next real finding. An unknown rule id is a typo that
suppresses nothing at all.

## How to fix
Delete the comment, or fix the rule id.

## Example
```markdown
<!-- prepress-disable-next-line repeated-word -->
This line repeats nothing.          <- the comment above is reported
```",
    fix: FixAvailability::Never,
};

/// The finding for the suppression comment at `span` naming `ids` (none:
/// every rule), when it names a rule that does not exist (`known` says which
/// do) or, if `used` is false, silenced nothing; `None` when it did its job.
pub(crate) fn check(
    span: &Range<usize>,
    ids: &[String],
    used: bool,
    known: &dyn Fn(&str) -> bool,
) -> Option<Diagnostic> {
    let unknown: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| !known(id))
        .collect();
    let message = if !unknown.is_empty() {
        format!(
            "this suppression names no rule called `{}`",
            unknown.join("`, `")
        )
    } else if !used {
        "this suppression suppresses nothing".to_string()
    } else {
        return None;
    };
    Some(
        Diagnostic::new(RULE.id, RULE.severity, span.clone(), message)
            .with_help("delete the comment, or name the rule that should be silenced"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(std::string::ToString::to_string).collect()
    }

    fn message(names: &[&str], used: bool) -> Option<String> {
        let known = |id: &str| matches!(id, "repeated-word" | "misspelling");
        check(&(4..40), &ids(names), used, &known).map(|d| d.message)
    }

    #[test]
    fn a_comment_that_silenced_something_is_not_reported() {
        assert_eq!(message(&["repeated-word"], true), None);
        assert_eq!(message(&[], true), None);
    }

    #[test]
    fn a_comment_that_silenced_nothing_is_reported_where_it_is() {
        let known = |_: &str| true;
        let found = check(&(4..40), &ids(&["misspelling"]), false, &known)
            .expect("an unused comment is reported");
        assert_eq!((found.rule.as_str(), found.span), (RULE.id, 4..40));
        assert_eq!(found.message, "this suppression suppresses nothing");
        assert_eq!(
            found.help.as_deref(),
            Some("delete the comment, or name the rule that should be silenced")
        );
    }

    #[test]
    fn unknown_ids_are_named_even_when_the_others_silenced_something() {
        assert_eq!(
            message(&["repeated-word", "no-such", "nor-this"], true).as_deref(),
            Some("this suppression names no rule called `no-such`, `nor-this`")
        );
    }
}
