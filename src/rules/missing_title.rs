//! `missing-title`: a post without a `title`.

use super::context::Context;
use super::values::effective;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::rule::FixAvailability;
use crate::rule::Rule;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "missing-title",
    severity: Severity::Warning,
    summary: "A post or draft has no `title` key",
    explanation: "\
## What it does
Reports a post (in `_posts/`) or draft (in `_drafts/`) whose front matter has no
`title` key, or that has no front matter at all, unless the site's `defaults`
give it one.

## Why is this bad?
Jekyll does not fail: it makes a title from the file name, so
`2024-05-01-q2-okr-retro.md` is published as \"Q2 Okr Retro\". Feeds, search results
and link previews show that made-up title. An empty `title:` is reported by
`empty-value` instead.

## How to fix
Add a `title:` line with the title readers should see.

## Example
```yaml
---
layout: post        # reported at the opening `---`: no title
date: 2024-05-01
---
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    if !matches!(doc.role, Role::Post | Role::Draft) {
        return;
    }
    let Some(span) = doc.front_matter.anchor() else {
        return;
    };
    if effective(context, doc, "title").is_some() {
        return;
    }
    let what = if doc.role == Role::Post {
        "post"
    } else {
        "draft"
    };
    let made_up = titleize(slug(doc.file_name(), doc.role));
    out.push(
        Diagnostic::new(RULE.id, RULE.severity, span, format!("this {what} has no `title`")).with_help(format!(
            "Jekyll will title it \"{made_up}\" from the file name; add a `title:` line to choose the title readers see"
        )),
    );
}

/// The slug Jekyll takes from a file name: the stem, without the date of a post.
fn slug(name: &str, role: Role) -> &str {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    if role != Role::Post {
        return stem;
    }
    let mut rest = stem;
    for _ in 0..3 {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        match rest[digits..].strip_prefix('-') {
            Some(after) if digits > 0 => rest = after,
            _ => return stem,
        }
    }
    rest
}

/// Jekyll's `titleize_slug`: words split on `-`, each capitalised.
fn titleize(slug: &str) -> String {
    slug.split('-')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, spans};

    #[test]
    fn reports_a_post_without_a_title_at_the_opening_line() {
        let path = "_posts/2024-05-01-q2-OKR-retro.md";
        let found = run(&RULE, path, "---\nlayout: post\n---\nText\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, 0..3);
        assert_eq!(
            found[0].help.as_deref(),
            Some(
                "Jekyll will title it \"Q2 Okr Retro\" from the file name; add a `title:` line to choose the title readers see"
            )
        );
    }

    #[test]
    fn reports_a_post_without_front_matter_at_the_start() {
        let found = run(&RULE, "_drafts/my-idea.md", "Just text\n");
        assert_eq!(found[0].span, 0..0);
        assert!(found[0].help.as_deref().unwrap().contains("\"My Idea\""));
    }

    #[test]
    fn near_misses_stay_quiet() {
        let post = "_posts/2024-01-01-a.md";
        for text in [
            "---\ntitle: Hello\n---\n",
            "---\ntitle:\n---\n",
            "---\ntitle: [broken\n---\n",
            "---\nlayout: post\n",
        ] {
            assert!(spans(&RULE, post, text).is_empty(), "{text}");
        }
        assert!(spans(&RULE, "about.md", "---\nlayout: page\n---\n").is_empty());
    }

    #[test]
    fn slugs_drop_the_date_of_posts_only() {
        assert_eq!(slug("2024-01-02-hello-world.md", Role::Post), "hello-world");
        assert_eq!(
            slug("2024-01-02-hello-world.md", Role::Draft),
            "2024-01-02-hello-world"
        );
        assert_eq!(slug("notes.md", Role::Post), "notes");
    }
}
