//! `invalid-date`: a `date:` value Jekyll cannot turn into a date.

use super::context::Context;
use super::values::value_or_key_span;
use crate::date::{DateProblem, check_value};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::tree::{NodeKind, lookup};
use crate::rule::FixAvailability;
use crate::rule::Rule;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "invalid-date",
    severity: Severity::Error,
    summary: "The front matter `date` is empty, not a date, or a date that does not exist",
    explanation: "\
## What it does
Reports a front matter `date:` that is empty, holds no date at all (`date: TBD`),
or names a month, day or time that cannot be (`2024-13-01`, `2024-01-32`,
`25:00`, and `12/31/2020`, which Ruby reads day first); these are errors. A day
past the end of its month (`2023-02-29`) is a warning.

## Why is this bad?
Jekyll reads `date:` with Ruby's `Time.parse`, which is lenient about the form
(`June 2, 2020`, `2 Jun 2020 10:00`, `2020/06/02` all work) but stops the whole
build when there is no date to read or a month, day or time cannot be (\"does
not have a valid date in the YAML front matter\"; checked with Jekyll 4.3.1). A
day past the end of its month is silently moved: `2023-02-29` becomes 1 March,
and the post is filed under `/2023/03/01/`. Either way the post does not appear
when and as intended.

## How to fix
Write the date as `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS +/-TTTT` with a time, or
delete the line to use the date in the file name.

## Example
```yaml
date: 2024-13-01          # reported, error: there is no month 13
date: 2024-02-30          # reported, warning: Jekyll reads it as 2024-03-01
date:                     # reported: empty
date: 2024-02-29 09:00:00 +0100   # fine
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(entry) = doc.front_matter.entries().and_then(|e| lookup(e, "date")) else {
        return;
    };
    let span = value_or_key_span(entry);
    let problem = match &entry.value.kind {
        NodeKind::Scalar(scalar) => match check_value(&scalar.value) {
            Ok(()) => return,
            Err(DateProblem::NoDate) if scalar.is_blank() => {
                "`date` is empty, and Jekyll stops the build on an empty date".to_string()
            }
            Err(DateProblem::NoDate) => format!(
                "`{}` is not a date Jekyll can read, so the build stops",
                scalar.value.trim()
            ),
            Err(DateProblem::Impossible(why)) => format!(
                "`{}` is not a real date: {why}, and Jekyll stops the build on it",
                scalar.value.trim()
            ),
            Err(DateProblem::RollsOver(why, becomes)) => {
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        RULE.severity,
                        span,
                        format!(
                            "`{}` is not a real date: {why}, so Jekyll reads it as {becomes}",
                            scalar.value.trim()
                        ),
                    )
                    .with_severity(Severity::Warning)
                    .with_help(
                        "fix the day: Jekyll says nothing and uses the day it rolls over to",
                    ),
                );
                return;
            }
        },
        NodeKind::Alias => return,
        NodeKind::Sequence(_) | NodeKind::Mapping(_) => {
            "`date` holds a list or a mapping, not a date, so the build stops".to_string()
        }
    };
    out.push(Diagnostic::new(RULE.id, RULE.severity, span, problem).with_help(
        "write `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS +/-TTTT`, or delete the line to use the file name's date",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, spans};

    const POST: &str = "_posts/2024-01-01-a.md";

    #[test]
    fn reports_empty_and_unreadable_dates() {
        assert_eq!(spans(&RULE, POST, "---\ndate:\n---\n"), ["date"]);
        assert_eq!(spans(&RULE, POST, "---\ndate: \"\"\n---\n"), ["\"\""]);
        assert_eq!(
            messages(&RULE, POST, "---\ndate: TBD\n---\n"),
            ["`TBD` is not a date Jekyll can read, so the build stops"]
        );
        assert_eq!(spans(&RULE, POST, "---\ndate: [2024]\n---\n"), ["[2024]"]);
    }

    #[test]
    fn reports_dates_that_do_not_exist() {
        assert_eq!(
            messages(&RULE, POST, "---\ndate: 2023-02-29 10:00:00\n---\n"),
            [
                "`2023-02-29 10:00:00` is not a real date: February 2023 has no day 29, so Jekyll reads it as 2023-03-01"
            ]
        );
        let found = crate::rules::testing::run(&RULE, POST, "---\ndate: 2023-02-29\n---\n");
        assert_eq!(found[0].severity, Severity::Warning);
        let found = crate::rules::testing::run(&RULE, POST, "---\ndate: 12/31/2020\n---\n");
        assert_eq!(
            found[0].message,
            "`12/31/2020` is not a real date: there is no month 31, and Jekyll stops the build on it"
        );
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(
            spans(&RULE, POST, "---\ndate: '2024-13-01'\n---\n"),
            ["'2024-13-01'"]
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        for text in [
            "---\ndate: 2024-02-29\n---\n",
            "---\ndate: 2024-01-05 10:00:00 +0100\n---\n",
            "---\ndate: \"Jan 5, 2024\"\n---\n",
            "---\ndate: Tue, 02 Jun 2020 10:00:00 -0500\n---\n",
            "---\ndate: 31/12/2020\n---\n",
            "---\ndate: 2024-01-01 24:00:00\n---\n",
            "---\ndate: 2024-1-5\n---\n",
            "---\nupdated: TBD\n---\n",
            "---\nseo:\n  date: TBD\n---\n",
            "---\ntitle: x\n---\ndate: TBD\n",
        ] {
            assert!(spans(&RULE, POST, text).is_empty(), "{text}");
        }
    }
}
