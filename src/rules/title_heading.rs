//! `title-heading`: a `#` heading in a page whose layout prints the title.

use super::context::Context;
use super::values::effective;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::FrontMatter;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "title-heading",
    severity: Severity::Info,
    summary: "A `#` heading in a post whose layout already prints the title as a heading",
    explanation: "\
## What it does
Reports a level-one heading (`# Title`, or a title underlined with `===`) in a
post or page whose layout prints `page.title` inside a heading element
(`<h1>{{ page.title }}</h1>`), in the layout itself or in one it is rendered
in (the layout's own `layout:`). The layout is the document's `layout:` or
the one the site's `defaults` give it; a file without front matter is copied
as it is, in no layout, and left alone. Headings in block quotes and list
items, and layouts that come from a theme (which prepress does not read),
are left alone.

It is an info note: some sites print no other heading, and a post may mean
its `#` heading as the page's only one.

## Why is this bad?
The page shows two titles, and its outline has two top-level headings: the
layout's and the post's. Search engines and screen readers take the first
`<h1>` as the page's subject.

## How to fix
Remove the heading when it repeats the title, or make it a `##` section.

## Example
```markdown
---
layout: post          # _layouts/post.html prints <h1>{{ page.title }}</h1>
title: Release notes
---
# Release notes       reported
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let (Some(site), Some(body)) = (context.site, doc.body()) else {
        return;
    };
    let mut titles = body
        .markdown
        .headings
        .iter()
        .filter(|h| h.level == 1 && !h.nested)
        .peekable();
    // A file without front matter is copied as it is, in no layout.
    if titles.peek().is_none() || matches!(doc.front_matter, FrontMatter::Absent) {
        return;
    }
    let Some(layout) = effective(context, doc, "layout") else {
        return;
    };
    let Some(name) = layout.entry().value.as_scalar().map(|s| s.value.trim()) else {
        return;
    };
    if name.is_empty() || name == "none" || !site.layout_prints_title(name) {
        return;
    }
    for heading in titles {
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                heading.span.clone(),
                format!(
                    "the layout `{name}` already prints the title as a heading, so this level-one heading makes a second one"
                ),
            )
            .with_help("remove it if it repeats the title, or make it a `##` section"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run_in_site;
    use crate::site::Site;

    fn site() -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| crate::test_files::write(dir.path(), path, text);
        write(
            "_config.yml",
            "defaults:\n  - scope:\n      type: posts\n    values:\n      layout: post\n",
        );
        write("_layouts/default.html", "<title>{{ page.title }}</title>{{ content }}");
        write("_layouts/titled.html", "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}");
        write("_layouts/post.html", "---\nlayout: titled\n---\n{{ content }}");
        let site = Site::load(dir.path(), &[]);
        (dir, site)
    }

    fn spans(dir: &tempfile::TempDir, site: &Site, front_matter: &str, body: &str) -> Vec<String> {
        let text = format!("---\n{front_matter}---\n{body}");
        let path = dir.path().join("_posts/2024-01-01-a.md");
        run_in_site(site, &RULE, path.to_str().unwrap(), &text)
            .into_iter()
            .map(|d| text[d.span].to_string())
            .collect()
    }

    #[test]
    fn reports_a_first_level_heading_under_a_titled_layout() {
        let (dir, site) = site();
        let body = "# Release notes\n\nText.\n\nAgain\n=====\n";
        assert_eq!(spans(&dir, &site, "title: R\n", body), ["# Release notes", "Again\n====="]);
        assert_eq!(spans(&dir, &site, "layout: titled\n", body).len(), 2);
    }

    #[test]
    fn other_layouts_levels_and_nesting_stay_quiet() {
        let (dir, site) = site();
        let body = "# Release notes\n";
        for front_matter in ["layout: default\n", "layout: none\n", "layout: theme-one\n"] {
            assert!(spans(&dir, &site, front_matter, body).is_empty(), "{front_matter}");
        }
        let body = "## Section\n\n> # Quoted\n\n```\n# comment\n```\n";
        assert!(spans(&dir, &site, "title: R\n", body).is_empty());
        let path = dir.path().join("_posts/2024-01-02-bare.md");
        let bare = run_in_site(&site, &RULE, path.to_str().unwrap(), "# Notes\n");
        assert!(bare.is_empty());
    }
}
