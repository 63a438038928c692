//! `empty-value`: a front matter key that matters for publishing, left empty.

use super::{Context, Rule, Value, effective, value_or_key_span};
use crate::config::KeySet;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{Node, NodeKind};
use crate::rules::FixAvailability;

/// Keys whose empty value is a publishing slip. Other keys are often left empty
/// on purpose (template keys such as `translator:` or `image:`), so they are not
/// checked. `date` is not here: an empty date stops the build, and
/// `invalid-date` reports it as the error it is.
const KEYS: &[&str] = &[
    "title",
    "author",
    "authors",
    "categories",
    "category",
    "tags",
    "tag",
    "description",
    "excerpt",
    "layout",
    "permalink",
];

/// The rule.
pub static RULE: Rule = Rule {
    id: "empty-value",
    severity: Severity::Warning,
    summary: "A front matter key such as `author`, `tags` or `title` is present but empty",
    explanation: "\
## What it does
Reports a front matter key that is written but holds nothing: `\"\"`, `''`, an empty
list `[]`, whitespace, or no value at all. It checks the keys where an empty value
is a publishing slip: title, author, authors, categories, category, tags, tag,
description, excerpt, layout and permalink.

## Why is this bad?
A key left empty is usually a template field nobody filled in. Jekyll publishes
the empty value as it is: the post shows no author, sits in no category, has no
description for search engines and feeds, or (for `layout: \"\"`) renders without
the site's layout. An explicit empty string also overrides any value the site's
`defaults` would have given.

`layout` is the exception: an empty value there is an idiom. Jekyll 4.3.1 reads
`layout: none` as no layout (even when `_layouts/none.html` exists), and a null
`layout` (`layout: null`, `~`, or nothing after the colon) as no layout in a
page, while a post or collection document keeps the layout its `defaults` give;
neither warns, and neither is reported. Only `layout: \"\"` is: Jekyll looks for a
layout named `\"\"`, warns \"Layout '' requested in … does not exist\" and renders
the page bare.

Other keys are often left empty on purpose (an empty `translator:` or `image:`
kept from a template), so they are not checked. An empty `date` is reported by
`invalid-date`, because Jekyll stops the build on it.

A key left without a value (`author:`) is not reported when the site's
`defaults` give it one, since Jekyll then uses the default; an explicit
`author: \"\"` overrides the default and is reported.

The keys are configurable: `front-matter.check-empty: all` checks every
top-level key, a list checks exactly those (see the README's configuration).

## How to fix
Fill the value in, or delete the line so the site's defaults apply.

## Example
```yaml
author: \"\"        # reported
tags: []          # reported
categories:       # reported
layout: \"\"        # reported
layout: null      # not reported: no layout (in a post, the defaults' layout)
translator: \"\"    # not checked
```",
    fix: FixAvailability::Never,
    check: Some(check),
};

fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(entries) = doc.front_matter.entries() else {
        return;
    };
    let checked = |key: &str| match &context.config.empty_value_keys {
        None => KEYS.contains(&key),
        Some(KeySet::All) => true,
        Some(KeySet::Only(keys)) => keys.iter().any(|k| k == key),
    };
    for entry in entries {
        let Some(key) = entry.key.key_text() else {
            continue;
        };
        if !checked(key) || !is_empty(&entry.value) || no_layout(key, &entry.value) {
            continue;
        }
        // `key:` with nothing after it does not override a default in Jekyll.
        if matches!(effective(context, doc, key), Some(Value::Default(_))) {
            continue;
        }
        let message = if entry.value.span.is_empty() {
            format!("`{key}` has no value")
        } else {
            format!("`{key}` is empty")
        };
        out.push(
            Diagnostic::new(&RULE, value_or_key_span(entry), message)
                .with_help(help(key).to_string()),
        );
    }
}

/// Whether `key: value` is a null `layout`, Jekyll's way to ask for no layout
/// (in a post, for the one the defaults give): an idiom, not a slip.
fn no_layout(key: &str, value: &Node) -> bool {
    key == "layout"
        && value
            .as_scalar()
            .is_some_and(|s| s.resolve() == Resolved::Null)
}

/// Whether a value holds nothing: a blank scalar, or a list or mapping of nothing.
fn is_empty(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Scalar(scalar) => scalar.is_blank(),
        NodeKind::Sequence(items) => items.iter().all(is_empty),
        NodeKind::Mapping(entries) => entries.is_empty(),
        NodeKind::Alias => false,
    }
}

fn help(key: &str) -> &'static str {
    match key {
        "author" | "authors" => {
            "fill in the author, or delete the line to use the site's default author"
        }
        "categories" | "category" => {
            "name a category, or delete the line; as it is the post is filed under none"
        }
        "tags" | "tag" => "add tags, or delete the line; as it is the post has no tags",
        "title" => "give the post a title; readers, feeds and search engines show it",
        "description" | "excerpt" => {
            "write a sentence, or delete the line to let Jekyll take the first paragraph"
        }
        "layout" => {
            "name a layout, or write `layout: none` for no layout; Jekyll warns that the layout `\"\"` does not exist"
        }
        _ => "fill in the value, or delete the line",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, spans};

    const POST: &str = "_posts/2024-01-01-a.md";

    #[test]
    fn reports_each_empty_publishing_key_at_its_value() {
        let text =
            "---\ntitle: Hi\nauthor: \"\"\ncategories: ''\ntags: []\ndescription: \"  \"\n---\n";
        assert_eq!(spans(&RULE, POST, text), ["\"\"", "''", "[]", "\"  \""]);
        assert_eq!(
            messages(&RULE, POST, text),
            [
                "`author` is empty",
                "`categories` is empty",
                "`tags` is empty",
                "`description` is empty"
            ]
        );
    }

    #[test]
    fn a_missing_value_points_at_the_key() {
        let text = "---\ntitle: Hi\nauthor:\ntags: ~\n---\n";
        assert_eq!(spans(&RULE, POST, text), ["author", "~"]);
        assert_eq!(
            messages(&RULE, POST, text),
            ["`author` has no value", "`tags` is empty"]
        );
    }

    #[test]
    fn lists_of_empty_strings_are_empty() {
        let text = "---\ntags:\n  - \"\"\n---\n";
        assert_eq!(spans(&RULE, POST, text).len(), 1);
    }

    #[test]
    fn near_misses_stay_quiet() {
        let text = "---\ntitle: \"0\"\nauthor: ~jane\ntranslator: \"\"\nimage:\ntags: [a]\n\
                    categories: \"\\\"\"\nlayout: post\ndescription: false\n---\nauthor: \"\"\n";
        assert!(
            spans(&RULE, POST, text).is_empty(),
            "{:?}",
            spans(&RULE, POST, text)
        );
    }

    #[test]
    fn a_null_or_none_layout_is_an_idiom_and_an_empty_one_is_not() {
        for text in [
            "---\nlayout: null\n---\n",
            "---\nlayout: ~\n---\n",
            "---\nlayout: NULL\n---\n",
            "---\nlayout:\n---\n",
            "---\nlayout: none\n---\n",
        ] {
            for path in [POST, "about.md"] {
                assert!(spans(&RULE, path, text).is_empty(), "{path} {text}");
            }
        }
        assert_eq!(
            spans(&RULE, "about.md", "---\nlayout: \"\"\n---\n"),
            ["\"\""]
        );
        assert_eq!(spans(&RULE, POST, "---\nlayout: ' '\n---\n"), ["' '"]);
        // Only `layout`: a null `author` is still an empty value.
        assert_eq!(spans(&RULE, POST, "---\nauthor: null\n---\n"), ["null"]);
    }

    #[test]
    fn nested_keys_are_not_top_level_keys() {
        let text = "---\nseo:\n  title: \"\"\n---\n";
        assert!(spans(&RULE, POST, text).is_empty());
    }

    #[test]
    fn configured_keys_replace_the_default_list() {
        use crate::config::Config;
        use crate::rules::testing::run_with;
        let text = "---\ntitle: ''\ntranslator: ''\nimage:\n---\n";
        let mut config = Config::default();
        config.empty_value_keys = Some(KeySet::All);
        let all: Vec<_> = run_with(&config, &RULE, POST, text)
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(
            all,
            [
                "`title` is empty",
                "`translator` is empty",
                "`image` has no value"
            ]
        );
        config.empty_value_keys = Some(KeySet::Only(vec!["translator".into()]));
        let only: Vec<_> = run_with(&config, &RULE, POST, text)
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(only, ["`translator` is empty"]);
    }

    #[test]
    fn checks_pages_too() {
        assert_eq!(spans(&RULE, "about.md", "---\ntitle: ''\n---\n"), ["''"]);
    }
}
