//! `published-false`: a post that Jekyll will leave off the site.

use super::context::Context;
use super::values::{Value, effective, label_default, value_or_key_span};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::resolve::Resolved;
use crate::rule::FixAvailability;
use crate::rule::Rule;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "published-false",
    severity: Severity::Info,
    summary: "A post has `published: false` (or another false value) and will not be published",
    explanation: "\
## What it does
Reports a post in `_posts/` whose `published` value is false in YAML 1.1 terms:
`false`, `no`, `off`, or an empty value.

## Why is this bad?
Jekyll renders a post only when `published` is true or absent, so the post stays
off the site, out of the feed and out of the sitemap, without a word in the build
log. Left in a pull request that is meant to ship a post, it is a slip. An empty
`published:` counts as false too. Drafts in `_drafts/` are not reported: being
unpublished is what a draft is for.

It is an info note: on real blogs, a finished post in `_posts/` with
`published: false` is most often one taken down on purpose, and nothing in the
file tells that from a slip. Where posts are unpublished only by mistake (a
blog that keeps its unfinished posts in `_drafts/`), make it a warning:
`rules: {severity: {published-false: warning}}` in `.prepress.yml`.

## How to fix
To publish the post, delete the line. To keep working on it unpublished, move it
to `_drafts/` (without the date in its file name) and delete the line there.

## Example
```yaml
published: false   # reported in _posts/, not in _drafts/
published: no      # reported: YAML 1.1 reads `no` as false
published: \"false\" # not this rule: see quoted-boolean (Jekyll publishes it)
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.role != Role::Post {
        return;
    }
    let Some(value) = effective(context, doc, "published") else {
        return;
    };
    let entry = value.entry();
    let Some(scalar) = entry.value.as_scalar() else {
        return;
    };
    let mut message = match scalar.resolve() {
        Resolved::Bool(false) => {
            format!("`published: {}` keeps this post off the site", scalar.value)
        }
        Resolved::Null => "an empty `published` keeps this post off the site".to_string(),
        _ => return,
    };
    let span = match (value, context.site) {
        (Value::Default(_), Some(site)) => {
            message = format!(
                "{message}: the site's `defaults` set it ({})",
                site.origin(entry)
            );
            0..0
        }
        _ => value_or_key_span(entry),
    };
    let mut diagnostic = Diagnostic::new(RULE.id, RULE.severity, span, message).with_help(
        "delete the line to publish the post, or move the file to `_drafts/` \
         (without the date in its name) to keep it as a draft",
    );
    if let (Value::Default(_), Some(site)) = (value, context.site) {
        diagnostic = label_default(diagnostic, site, entry.value.span.clone());
    }
    out.push(diagnostic);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, spans};

    const POST: &str = "_posts/2024-01-01-a.md";

    #[test]
    fn reports_false_values_in_posts() {
        assert_eq!(
            spans(&RULE, POST, "---\npublished: false\n---\n"),
            ["false"]
        );
        assert_eq!(spans(&RULE, POST, "---\npublished: no\n---\n"), ["no"]);
        assert_eq!(spans(&RULE, POST, "---\npublished: Off\n---\n"), ["Off"]);
        assert_eq!(
            messages(&RULE, POST, "---\npublished:\n---\n"),
            ["an empty `published` keeps this post off the site"]
        );
    }

    #[test]
    fn is_a_note_since_a_post_is_often_taken_down_on_purpose() {
        use crate::rules::testing::run;
        let found = run(
            &RULE,
            POST,
            "---\ntitle: Old news\npublished: false\n---\nText.\n",
        );
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn near_misses_stay_quiet() {
        for text in [
            "---\npublished: true\n---\n",
            "---\npublished: yes\n---\n",
            "---\npublished: \"false\"\n---\n",
            "---\ntitle: x\n---\npublished: false\n",
            "---\nseo:\n  published: false\n---\n",
        ] {
            assert!(spans(&RULE, POST, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn drafts_and_pages_are_not_reported() {
        let text = "---\npublished: false\n---\n";
        assert!(spans(&RULE, "_drafts/a.md", text).is_empty());
        assert!(spans(&RULE, "about.md", text).is_empty());
    }

    #[test]
    fn the_last_duplicate_decides() {
        let text = "---\npublished: false\npublished: true\n---\n";
        assert!(spans(&RULE, POST, text).is_empty());
    }
}
