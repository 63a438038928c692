//! `post-filename`: a file in `_posts/` that Jekyll will skip or cannot date.

use super::context::Context;
use crate::date::{DateProblem, check_calendar, name_date, parse_iso};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::tree::lookup;
use crate::rule::FixAvailability;
use crate::rule::Rule;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "post-filename",
    severity: Severity::Error,
    summary: "A file in `_posts/` is not named `YYYY-MM-DD-slug.ext`, or its date does not exist",
    explanation: "\
## What it does
Checks the name of every Markdown file under a `_posts/` folder against Jekyll's
own pattern, `YYYY-MM-DD-slug.ext` (Jekyll accepts 2 to 4 digit years and 1 or 2
digit months and days), and checks that the date exists.

## Why is this bad?
Jekyll reads only files whose names match; any other file in `_posts/` is skipped
without a message, so the post is simply missing from the site. A matching name
with an impossible date stops the build (`2024-13-01-…`, `2024-01-32-…`), or,
for a day past the end of its month (`2023-02-29-…`), is a warning: Jekyll
says nothing and dates the post on the day it rolls over to (1 March). Files Jekyll ignores on purpose (names starting with `_`, `.`, `#` or
`~`, or ending with `~`) and a `README` are not reported.

## How to fix
Rename the file with its publication date in front: `2024-05-01-my-post.md`. When
the front matter has a `date:`, the help suggests the name it implies.

## Example
```text
_posts/my-post.md              reported: Jekyll skips it
_posts/2024-5-1-my-post.md     fine
_posts/2023-02-29-leap.md      reported: February 2023 has no day 29 (dated 2023-03-01)
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.role != Role::Post {
        return;
    }
    let name = doc.file_name();
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    if name.starts_with(['_', '.', '#', '~'])
        || name.ends_with('~')
        || stem.eq_ignore_ascii_case("readme")
    {
        return;
    }
    if let Some((date, written)) = name_date(name) {
        match check_calendar(&date) {
            Err(DateProblem::Impossible(why)) => out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    0..0,
                    format!("the date in the file name, {written}, does not exist: {why}, and Jekyll stops the build on it"),
                )
                .with_help("rename the file with the real publication date"),
            ),
            Err(DateProblem::RollsOver(why, becomes)) => out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    0..0,
                    format!("the date in the file name, {written}, does not exist: {why}, so Jekyll dates the post {becomes}"),
                )
                .with_severity(Severity::Warning)
                .with_help("rename the file with the real publication date: Jekyll says nothing and uses the day it rolls over to"),
            ),
            _ => {}
        }
    } else {
        let date = doc
            .front_matter
            .entries()
            .and_then(|e| lookup(e, "date"))
            .and_then(|e| e.value.as_scalar())
            .and_then(|s| parse_iso(s.value.trim()))
            .filter(|d| d.year_digits == 4 && check_calendar(d).is_ok());
        let suggestion = match date {
            Some(d) => format!("{:04}-{:02}-{:02}-{name}", d.year, d.month, d.day),
            None => format!("YYYY-MM-DD-{name}"),
        };
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                0..0,
                format!("`{name}` is not named `YYYY-MM-DD-slug.ext`, so Jekyll skips it without a word"),
            )
            .with_help(format!("rename it to `{suggestion}`")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, run};

    fn names(path: &str) -> Vec<String> {
        messages(&RULE, path, "---\ntitle: x\n---\n")
    }

    #[test]
    fn reports_names_jekyll_skips() {
        assert_eq!(
            names("_posts/my-post.md"),
            ["`my-post.md` is not named `YYYY-MM-DD-slug.ext`, so Jekyll skips it without a word"]
        );
        assert_eq!(names("_posts/2024-01-01.md").len(), 1);
        assert_eq!(names("_posts/20240101-x.md").len(), 1);
        assert_eq!(names("_posts/2024-01-01x.md").len(), 1);
        // Found by the oracle: Jekyll wants a `-` right after the day's digits.
        assert_eq!(names("_posts/2021-04-05name-183ferry.md").len(), 1);
    }

    #[test]
    fn suggests_a_name_from_the_front_matter_date() {
        let found = run(
            &RULE,
            "_posts/retro.md",
            "---\ndate: 2024-05-01 10:00:00\n---\n",
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("rename it to `2024-05-01-retro.md`")
        );
        assert_eq!(found[0].span, 0..0);
    }

    #[test]
    fn reports_dates_that_do_not_exist() {
        assert_eq!(
            names("_posts/2023-02-29-leap.md"),
            [
                "the date in the file name, 2023-02-29, does not exist: February 2023 has no day 29, so Jekyll dates the post 2023-03-01"
            ]
        );
        assert_eq!(
            names("_posts/2024-13-01-x.md"),
            [
                "the date in the file name, 2024-13-01, does not exist: there is no month 13, and Jekyll stops the build on it"
            ]
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        for path in [
            "_posts/2024-01-01-hello.md",
            "_posts/2024-1-5-hello.markdown",
            "_posts/24-01-05-short-year.md",
            "_posts/2024/2024-02-29-leap.md",
            "_posts/2024-01-01-.md",
            "_posts/2024-01-01-v1.2-notes.md",
            "_posts/_template.md",
            "_posts/README.md",
            "_drafts/my-post.md",
            "notes/my-post.md",
        ] {
            assert!(names(path).is_empty(), "{path}");
        }
    }
}
