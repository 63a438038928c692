//! `future-date`: a post dated after today, which Jekyll will not publish yet.

use super::{Context, FixAvailability, Rule};
use crate::date::{IsoDate, name_date, parse_iso, today};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::tree::lookup;

/// The rule.
pub static RULE: Rule = Rule {
    id: "future-date",
    severity: Severity::Warning,
    summary: "A post is dated after today and the site does not build future posts",
    explanation: "\
## What it does
Reports a post whose date (its front matter `date:`, else the date in its file
name) is after today (UTC), unless the site's `_config.yml` says `future: true`.

## Why is this bad?
Jekyll skips such a post (\"Skipping: … has a future date\") until the day
comes, and then only if the site is rebuilt. A typo in the year (2052 for 2025)
hides a post for decades.

## How to fix
Fix the date, or set `future: true` if scheduled posts are meant to be built.

## Example
```yaml
date: 2052-06-01   # reported: not published until 2052-06-01
```",
    fix: FixAvailability::Never,
    check: Some(check),
};

fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.role != Role::Post || context.site.is_some_and(|s| s.future) {
        return;
    }
    let entry = doc.front_matter.entries().and_then(|e| lookup(e, "date"));
    let (date, span) = match entry.and_then(|e| Some((e.value.as_scalar()?, e))) {
        Some((scalar, entry)) => match parse_iso(scalar.value.trim()) {
            Some(date) => (date, entry.value.span.clone()),
            None => return,
        },
        None => match name_date(doc.file_name()) {
            Some((date, _)) => (date, 0..0),
            None => return,
        },
    };
    if date.year_digits != 4 || !is_after_today(&date) {
        return;
    }
    out.push(
        Diagnostic::new(
            &RULE,
            span,
            format!(
                "this post is dated {:04}-{:02}-{:02}, in the future: Jekyll will not publish it until then",
                date.year, date.month, date.day
            ),
        )
        .with_help("fix the date, or set `future: true` in `_config.yml` to build scheduled posts"),
    );
}

fn is_after_today(date: &IsoDate) -> bool {
    (date.year, date.month, date.day) > today()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, run_in_site};
    use crate::site::Site;

    #[test]
    fn reports_a_post_dated_in_the_future() {
        let text = "---\ndate: 2999-06-01\n---\n";
        let found = run(&RULE, "_posts/2024-01-01-a.md", text);
        assert_eq!(&text[found[0].span.clone()], "2999-06-01");
        let found = run(&RULE, "_posts/2999-01-01-a.md", "---\ntitle: x\n---\n");
        assert_eq!(found[0].span, 0..0);
    }

    #[test]
    fn near_misses_stay_quiet() {
        assert!(
            run(
                &RULE,
                "_posts/2024-01-01-a.md",
                "---\ndate: 2024-01-01\n---\n"
            )
            .is_empty()
        );
        assert!(run(&RULE, "_drafts/a.md", "---\ndate: 2999-01-01\n---\n").is_empty());
        assert!(run(&RULE, "page.md", "---\ndate: 2999-01-01\n---\n").is_empty());
        let site = Site {
            future: true,
            ..Site::default()
        };
        assert!(
            run_in_site(
                &site,
                &RULE,
                "_posts/2999-01-01-a.md",
                "---\ntitle: x\n---\n"
            )
            .is_empty()
        );
    }
}
