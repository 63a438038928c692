//! `date-mismatch`: a post's `date:` on another day than its file name says.

use super::{Context, FixAvailability, Rule};
use crate::date::{name_date, parse_iso};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::tree::lookup;

/// The rule.
pub static RULE: Rule = Rule {
    id: "date-mismatch",
    severity: Severity::Warning,
    summary: "A post's front matter `date` is on another day than the date in its file name",
    explanation: "\
## What it does
Compares the day of a post's `date:` with the date in its file name
(`YYYY-MM-DD-slug.md`).

## Why is this bad?
Jekyll uses the front matter date for the post's URL, its place in the feed and
the archive; the file name's date only decides the order in the folder. When
they disagree, one of them is a slip, and links built from the file name (a
`post_url`, a path someone remembers) point at the other date.

## How to fix
Make them agree: rename the file, or fix the date.

## Example
```text
_posts/2024-03-04-launch.md with date: 2024-03-05   reported
```",
    fix: FixAvailability::Never,
    check: Some(check),
};

fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.role != Role::Post {
        return;
    }
    let Some((named, written)) = name_date(doc.file_name()) else {
        return;
    };
    let Some(entry) = doc.front_matter.entries().and_then(|e| lookup(e, "date")) else {
        return;
    };
    let Some(date) = entry
        .value
        .as_scalar()
        .and_then(|s| parse_iso(s.value.trim()))
    else {
        return;
    };
    if named.year_digits != 4
        || date.year_digits != 4
        || (named.year, named.month, named.day) == (date.year, date.month, date.day)
    {
        return;
    }
    out.push(
        Diagnostic::new(
            &RULE,
            entry.value.span.clone(),
            format!(
                "the date here is {:04}-{:02}-{:02}, but the file name says {written}",
                date.year, date.month, date.day
            ),
        )
        .with_help(
            "Jekyll builds the URL from this date; rename the file or fix the date so they agree",
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, spans};

    #[test]
    fn reports_a_different_day() {
        let text = "---\ndate: 2024-03-05 10:00:00 +0100\n---\n";
        let found = run(&RULE, "_posts/2024-03-04-launch.md", text);
        assert_eq!(&text[found[0].span.clone()], "2024-03-05 10:00:00 +0100");
        assert_eq!(
            found[0].message,
            "the date here is 2024-03-05, but the file name says 2024-03-04"
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        for (path, text) in [
            (
                "_posts/2024-03-04-launch.md",
                "---\ndate: 2024-03-04 23:59:00 -0800\n---\n",
            ),
            ("_posts/2024-3-4-launch.md", "---\ndate: 2024-03-04\n---\n"),
            ("_posts/2024-03-04-launch.md", "---\ntitle: x\n---\n"),
            ("_posts/launch.md", "---\ndate: 2024-03-05\n---\n"),
            (
                "_drafts/2024-03-04-launch.md",
                "---\ndate: 2024-03-05\n---\n",
            ),
            (
                "_posts/2024-03-04-launch.md",
                "---\ndate: March 5, 2024\n---\n",
            ),
        ] {
            assert!(spans(&RULE, path, text).is_empty(), "{path} {text}");
        }
    }
}
