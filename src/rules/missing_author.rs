//! `missing-author`: a post of a site where nothing gives it an author.

use super::{Context, FixAvailability, Rule, effective};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::tree::{Node, NodeKind};

/// The rule.
pub static RULE: Rule = Rule {
    id: "missing-author",
    severity: Severity::Warning,
    summary: "A post has no author: not in its front matter, its site's defaults, or the site config",
    explanation: "\
## What it does
Reports a post with no `author` (or `authors`) when neither the site's
`defaults` nor a site-wide `author:` in `_config.yml` gives it one. It runs only
inside a Jekyll site, where that can be known.

## Why is this bad?
Themes show the author under the title, jekyll-seo-tag puts it in the page's
metadata for search engines and link previews, and jekyll-feed in the feed. On
a team blog a post without one is usually a template key forgotten.

## How to fix
Add `author:` to the post, or give every post one with `defaults` in
`_config.yml` (or a site-wide `author:`).

## Example
```yaml
---
title: Release notes    # reported at the opening `---` when no default gives an author
---
```",
    fix: FixAvailability::Never,
    check: Some(check),
};

fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(site) = context.site else {
        return;
    };
    // With a broken config nothing is known of the site's authors.
    if doc.role != Role::Post || site.author || !site.problems.is_empty() {
        return;
    }
    let Some(span) = doc.front_matter.anchor() else {
        return;
    };
    let given = ["author", "authors"]
        .iter()
        .any(|key| effective(context, doc, key).is_some_and(|v| !is_nothing(&v.entry().value)));
    if given {
        return;
    }
    out.push(
        Diagnostic::new(&RULE, span, "this post has no author").with_help(
            "add `author:` here, or give every post one with `defaults` in `_config.yml`",
        ),
    );
}

/// Null, or an empty list: no author at all. An empty string is `empty-value`'s.
fn is_nothing(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Scalar(s) => s.resolve() == crate::front_matter::resolve::Resolved::Null,
        NodeKind::Sequence(items) => items.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, run_in_site};
    use crate::site::Site;

    const POST: &str = "_posts/2024-01-01-a.md";

    #[test]
    fn reports_a_post_without_an_author_in_a_site() {
        let found = run_in_site(&Site::default(), &RULE, POST, "---\ntitle: x\n---\n");
        assert_eq!(found[0].span, 0..3);
        assert_eq!(
            run_in_site(&Site::default(), &RULE, POST, "---\nauthor:\n---\n").len(),
            1
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        let site = Site::default();
        assert!(run_in_site(&site, &RULE, POST, "---\nauthor: priya\n---\n").is_empty());
        assert!(run_in_site(&site, &RULE, POST, "---\nauthors: [priya]\n---\n").is_empty());
        assert!(run_in_site(&site, &RULE, POST, "---\nauthor: \"\"\n---\n").is_empty());
        assert!(run_in_site(&site, &RULE, "page.md", "---\ntitle: x\n---\n").is_empty());
        let with_site_author = Site {
            author: true,
            ..Site::default()
        };
        assert!(run_in_site(&with_site_author, &RULE, POST, "---\ntitle: x\n---\n").is_empty());
        assert!(
            run(&RULE, POST, "---\ntitle: x\n---\n").is_empty(),
            "no site, nothing known"
        );
    }
}
