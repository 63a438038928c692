//! `unknown-timezone`: a `timezone` in `_config.yml` that names no time zone.
//! The site model reports the problem when it reads the config; this file
//! words the finding.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
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

/// The finding for the `timezone` value at `span` naming `name`, which the
/// time zone database does not know, with the closest name it does know.
pub(super) fn diagnostic(span: &Range<usize>, name: &str) -> Diagnostic {
    let names: Vec<_> = jiff::tz::db().available().collect();
    let near = crate::closest::closest(name, names.iter().map(jiff::tz::TimeZoneName::as_str));
    let diagnostic = Diagnostic::new(
        RULE.id,
        RULE.severity,
        span.clone(),
        format!("`{name}` is not a time zone Jekyll knows: it will build in UTC"),
    );
    match near {
        Some(near) => diagnostic.with_help(format!("did you mean `{near}`?")),
        None => diagnostic.with_help("use an IANA name such as `Europe/Berlin`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_closest_zone_or_how_zones_are_named() {
        let found = diagnostic(&(10..23), "Europe/Berlim");
        assert_eq!((&*found.rule, found.span.clone()), (RULE.id, 10..23));
        assert_eq!(
            found.message,
            "`Europe/Berlim` is not a time zone Jekyll knows: it will build in UTC"
        );
        assert_eq!(found.help.as_deref(), Some("did you mean `Europe/Berlin`?"));
        let far = diagnostic(&(0..1), "qqqqqqqqqqqqqqqqqqqqqqqqq");
        assert_eq!(
            far.help.as_deref(),
            Some("use an IANA name such as `Europe/Berlin`")
        );
    }
}
