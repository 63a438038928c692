//! `tag-variants`: one tag spelled several ways across the site.
//! Reported by the site step (`site_checks`), which sees every document.

use crate::diagnostic::Severity;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "tag-variants",
    severity: Severity::Warning,
    summary: "Tags or categories that differ only in case or hyphenation (\"Agile\" and \"agile\")",
    explanation: "\
## What it does
Compares every tag and category of the site, ignoring case, spaces, hyphens and
underscores, and reports groups that are written more than one way: \"Agile\"
and \"agile\", \"open-source\" and \"open source\". The finding is reported once
per group, at the first use of a less common spelling, and lists every place.

## Why is this bad?
Jekyll treats each spelling as its own tag: readers get two tag pages with half
the posts each, and archives and related-post lists split.

## How to fix
Pick one spelling (the help shows which is most used) and use it everywhere.

## Example
```yaml
tags: [Agile]      # _posts/a.md
tags: [agile]      # _posts/b.md and _posts/c.md: `Agile` is reported
```",
    fix: FixAvailability::Never,
};
