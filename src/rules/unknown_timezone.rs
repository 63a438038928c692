//! `unknown-timezone`: a `timezone` in `_config.yml` that names no time zone.
//! Reported by the site step when it reads the config.

use crate::diagnostic::Severity;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "unknown-timezone",
    severity: Severity::Warning,
    summary: "The site's `timezone` is not a time zone name",
    explanation: "\
## What it does
Reports a `timezone:` value in the site config that is not a name in the IANA
time zone database (`Europe/Berlin`, `America/New_York`, `UTC`), with the
closest name as help.

## Why is this bad?
Jekyll hands the value to the operating system as `TZ`, which quietly falls
back to UTC for a name it does not know. Post dates without an offset are then
read in UTC, so a post can land on the day before or after the one in its file
name, change its URL, or count as future-dated for some hours.

## How to fix
Use the zone's IANA name; names are case-sensitive.

## Example
```yaml
timezone: Europe/Berlim   # reported: did you mean `Europe/Berlin`?
```",
    fix: FixAvailability::Never,
};
