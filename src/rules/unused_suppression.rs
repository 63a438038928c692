//! `unused-suppression`: a suppression comment that suppresses nothing.
//! Reported by the suppress step (`suppress`).

use crate::diagnostic::Severity;
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
