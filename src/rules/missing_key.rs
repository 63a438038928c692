//! `missing-key`: a front matter key the config requires for this kind of document.

use super::context::Context;
use super::values::effective;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::Entry;
use crate::rule::{FixAvailability, Rule};
use crate::schema::{Schema, SchemaError};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "missing-key",
    severity: Severity::Warning,
    summary: "A front matter key the config requires for this kind of document is missing",
    explanation: "\
## What it does
Checks the keys a site requires, set in the config per kind of document:

```yaml
front-matter:
  required:
    posts: [title, author, description]
    recipes: [servings]        # a collection's name
```

The kinds are `posts`, `drafts`, `pages` and the names of the site's
collections. A key counts as present when the document or the site's `defaults`
give it a value; a key written with nothing after it counts as missing. A key
written as an empty string is present: `empty-value` reports that (add the key
to `front-matter.check-empty` to have it checked).

## Why is this bad?
A team's template has keys every post needs: a description for search results,
an image for link previews, a category for the archive. A missing one is found
only when the post looks wrong on the site.

## How to fix
Add the key with its value.

## Example
```yaml
---
title: Release notes   # reported when the config requires `description` for posts
---
```",
    fix: FixAvailability::Never,
};

/// The key this rule reads under the config's `front-matter:`.
pub(super) const OPTIONS: &[&str] = &["required"];

/// The keys each kind of document must have (`posts`, `drafts`, `pages` or a
/// collection's name), as `required:` lists them.
#[derive(Debug, Default)]
pub(super) struct Options(Vec<(String, Vec<String>)>);

/// Reads `required`: a mapping of kinds to lists of keys.
pub(super) fn read_options(schema: &Schema, entries: &[&Entry]) -> Result<Options, SchemaError> {
    let mut options = Options::default();
    for entry in entries {
        for kind in schema.mapping(&entry.value, "`required`")? {
            let name = schema.key(kind)?.to_string();
            let keys = schema.strings(&kind.value, "the required keys")?;
            options
                .0
                .push((name, keys.into_iter().map(|(k, _)| k).collect()));
        }
    }
    Ok(options)
}

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let required = context.options.get::<Options>().map_or(&[][..], |o| &o.0);
    // An include has no front matter to require keys in.
    if required.is_empty() || !doc.role.reads_front_matter() {
        return;
    }
    let Some(span) = doc.front_matter.anchor() else {
        return;
    };
    let kind = match context.site.and_then(|site| Some((site, doc.relative()?))) {
        Some((site, relative)) => site.kind_of(relative).to_string(),
        None => match doc.role {
            Role::Post => "posts".to_string(),
            Role::Draft => "drafts".to_string(),
            Role::Page | Role::Include => "pages".to_string(),
        },
    };
    let Some((_, keys)) = required.iter().find(|(k, _)| *k == kind) else {
        return;
    };
    let what = kind.trim_end_matches('s');
    for key in keys {
        let present = effective(context, doc, key).is_some_and(|value| {
            value
                .entry()
                .value
                .as_scalar()
                .is_none_or(|s| s.resolve() != Resolved::Null)
        });
        if !present {
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    span.clone(),
                    format!("this {what} has no `{key}`, which the config requires for {kind}"),
                )
                .with_help(format!("add a `{key}:` line with its value")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::rules::testing::{self, messages, run_with};
    use crate::rules::{OPTION_READERS, options::RuleOptions};

    fn config() -> Config {
        testing::config("front-matter:\n  required:\n    posts: [title, description]\n")
    }

    #[test]
    fn reads_required_keys_per_kind() {
        let text = "front-matter:\n  required:\n    posts: [title, author]\n    recipes: [servings]\n";
        let options = RuleOptions::read(&testing::config(text), OPTION_READERS).unwrap();
        let kinds: Vec<_> = options.get::<Options>().unwrap().0.iter().map(|(k, keys)| (k.as_str(), keys.len())).collect();
        assert_eq!(kinds, [("posts", 2), ("recipes", 1)]);
        let text = "front-matter:\n  required:\n    posts: title\n";
        let err = RuleOptions::read(&testing::config(text), OPTION_READERS).unwrap_err();
        assert_eq!(&text[err.span], "title");
        let text = "front-matter:\n  requires:\n    posts: [title]\n";
        let err = RuleOptions::read(&testing::config(text), OPTION_READERS).unwrap_err();
        assert_eq!(
            err.message,
            "unknown key `requires` in `front-matter`; it accepts `check-empty`, `required`"
        );
    }

    #[test]
    fn reports_each_missing_required_key() {
        let found = run_with(
            &config(),
            &RULE,
            "_posts/2024-01-01-a.md",
            "---\nlayout: post\ndescription:\n---\n",
        );
        let texts: Vec<String> = found.into_iter().map(|d| d.message).collect();
        assert_eq!(
            texts,
            [
                "this post has no `title`, which the config requires for posts",
                "this post has no `description`, which the config requires for posts"
            ]
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        let post = "_posts/2024-01-01-a.md";
        assert!(
            run_with(
                &config(),
                &RULE,
                post,
                "---\ntitle: A\ndescription: \"\"\n---\n"
            )
            .is_empty()
        );
        assert!(run_with(&config(), &RULE, "about.md", "---\nlayout: page\n---\n").is_empty());
        assert!(
            messages(&RULE, post, "---\nlayout: post\n---\n").is_empty(),
            "nothing required without a config"
        );
    }
}
