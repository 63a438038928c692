//! `empty-value`: a front matter key that matters for publishing, left empty.

use super::context::Context;
use super::readers;
use super::values::{Value, effective, value_or_key_span};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{Entry, Node, NodeKind};
use crate::rule::FixAvailability;
use crate::rule::Rule;
use crate::schema::{Schema, SchemaError};

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
pub(crate) static RULE: Rule = Rule {
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

An empty value matters only where something reads the key, so the finding is
a warning there and an info note elsewhere. What reads a key:
- Jekyll itself: `layout` and `permalink` of every page it writes; a post's
  `tags` and `tag` (`site.tags`); `categories`, `category` (`site.categories`
  and the URL's `:categories`) and `excerpt` of a post or a document of a
  collection with `output: true`;
- an enabled plugin: jekyll-seo-tag (where a template calls `{% seo %}`, or a
  theme may) reads `title`, `description` and `image`: for empty ones it
  gives the page the site's title and description (an absent description
  gives the post's excerpt) and an `og:image` of the site's root.
  jekyll-feed reads a post's `title`, `category`, `tags`, `excerpt` and
  `image`. Neither counts `author`: both fall back to `authors` and the
  site's `author` when it is empty, as when it is missing;
- the site's theme, whose layouts prepress cannot read, for any page;
- one of the site's templates (a layout, an include, or an `.html`, `.htm`,
  `.liquid`, `.xml` or `.json` file): `page.KEY` of every page Jekyll writes,
  and `post.KEY` where `post` loops over (or is assigned) `site.posts`,
  `paginator.posts` or `site.COLLECTION`, of that collection's documents. A
  variable of unknown origin, such as an include's parameter, is not counted.

A document of a collection without `output: true` has no page, and a page
with `redirect_to` is written by jekyll-redirect-from as a redirect, without
its layout: only a template looping over the collection reads them. A post
with `published: false` counts as written, since its values show once it is
published. Without a site config, prepress cannot tell, and every empty value
is a warning. The notes fail a run only with `--fail-on info`: use it where a
plugin of your own, which prepress cannot read, reads these keys.

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
author: \"\"        # reported: a warning where a template reads `page.author`
tags: []          # reported: a warning in a post, since Jekyll files it under its tags
categories:       # reported
layout: \"\"        # reported
layout: null      # not reported: no layout (in a post, the defaults' layout)
translator: \"\"    # not checked
```",
    fix: FixAvailability::Never,
};

/// The key this rule reads under the config's `front-matter:`.
pub(super) const OPTIONS: &[&str] = &["check-empty"];

/// The keys checked: `check-empty: all`, or a list; the default list without it.
#[derive(Debug, Default)]
pub(super) struct Options(Option<KeySet>);

/// Which front matter keys are checked, when configured.
#[derive(Debug)]
enum KeySet {
    /// Every top-level key.
    All,
    /// Only these keys.
    Only(Vec<String>),
}

/// Reads `check-empty`: `all`, or a list of keys.
pub(super) fn read_options(schema: &Schema, entries: &[&Entry]) -> Result<Options, SchemaError> {
    let mut options = Options::default();
    for entry in entries {
        let node = &entry.value;
        options.0 = Some(match &node.kind {
            NodeKind::Scalar(s) if s.value == "all" => KeySet::All,
            NodeKind::Sequence(_) => KeySet::Only(
                schema
                    .strings(node, "`check-empty`")?
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect(),
            ),
            _ => {
                return Err(schema.error(
                    node.span.clone(),
                    "`check-empty` is `all` or a list of front matter keys, such as [title, author]",
                ));
            }
        });
    }
    Ok(options)
}

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(entries) = doc.front_matter.entries() else {
        return;
    };
    let configured = context.options.get::<Options>().and_then(|o| o.0.as_ref());
    let checked = |key: &str| match configured {
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
        let diagnostic = Diagnostic::new(RULE.id, RULE.severity, value_or_key_span(entry), message);
        out.push(match readers::unread(context, doc, key) {
            None => diagnostic.with_help(help(key).to_string()),
            Some(why) => {
                let message = format!("{}, but nothing reads it here: {why}", diagnostic.message);
                Diagnostic {
                    message,
                    ..diagnostic
                }
                .with_severity(Severity::Info)
                .with_help("delete the line, unless a theme or plugin prepress cannot see reads it")
            }
        });
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
        use crate::rules::testing::{config, run_with};
        let text = "---\ntitle: ''\ntranslator: ''\nimage:\n---\n";
        let all: Vec<_> = run_with(&config("front-matter:\n  check-empty: all\n"), &RULE, POST, text)
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
        let only = config("front-matter:\n  check-empty: [translator]\n");
        let only: Vec<_> = run_with(&only, &RULE, POST, text)
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(only, ["`translator` is empty"]);
    }

    #[test]
    fn a_bad_option_stops_the_run_at_its_value() {
        use crate::rules::testing::config;
        use crate::rules::{OPTION_READERS, options::RuleOptions};
        let text = "front-matter:\n  check-empty: some\n";
        let err = RuleOptions::read(&config(text), OPTION_READERS).unwrap_err();
        assert_eq!(&text[err.span], "some");
        assert!(err.message.starts_with("`check-empty` is `all` or a list"));
    }

    #[test]
    fn checks_pages_too() {
        assert_eq!(spans(&RULE, "about.md", "---\ntitle: ''\n---\n"), ["''"]);
    }

    /// The severity of each finding on `text` at `path`, in a site made of
    /// `files`.
    fn in_site(files: &[(&str, &str)], path: &str, text: &str) -> Vec<(Severity, String)> {
        use crate::rules::testing::run_in_site;
        let dir = tempfile::tempdir().unwrap();
        for (file, content) in files {
            let file = dir.path().join(file);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, content).unwrap();
        }
        let site = crate::site::Site::load(dir.path(), &[]);
        let path = dir.path().join(path);
        run_in_site(&site, &RULE, path.to_str().unwrap(), text)
            .into_iter()
            .map(|d| (d.severity, d.message))
            .collect()
    }

    fn severities(found: &[(Severity, String)]) -> Vec<Severity> {
        found.iter().map(|(s, _)| *s).collect()
    }

    const EVENTS: &str =
        "collections:\n  events:\n    output: false\n  recipes:\n    output: true\n";

    #[test]
    fn a_collection_without_pages_matters_only_where_a_template_loops_over_it() {
        let files = [
            ("_config.yml", EVENTS),
            (
                "_includes/events.html",
                "{% assign soon = site.events | sort: 'start' %}{% for e in soon %}{{ e.title }}{% endfor %}",
            ),
            ("_layouts/default.html", "{{ page.description }}"),
        ];
        let text = "---\ntitle: ''\ndescription: ''\nlayout: ''\n---\n";
        let found = in_site(&files, "_events/meetup.md", text);
        assert_eq!(
            severities(&found),
            [Severity::Warning, Severity::Info, Severity::Info]
        );
        assert_eq!(
            found[1].1,
            "`description` is empty, but nothing reads it here: the `events` collection has no pages (its `output` is not true), and no template reads `description` of its documents"
        );
        // The same keys in a collection with pages: the layout reads
        // `page.description`, and Jekyll reads `layout`.
        let found = in_site(&files, "_recipes/soup.md", text);
        assert_eq!(
            severities(&found),
            [Severity::Info, Severity::Warning, Severity::Warning]
        );
    }

    #[test]
    fn jekyll_reads_its_own_keys_of_every_page_it_writes() {
        let files = [("_config.yml", "title: x\n")];
        let text = "---\ntags: []\ncategories: ''\nexcerpt: ''\npermalink: ''\nauthor: ''\n---\n";
        assert_eq!(
            severities(&in_site(&files, "_posts/2024-01-01-a.md", text)),
            [
                Severity::Warning,
                Severity::Warning,
                Severity::Warning,
                Severity::Warning,
                Severity::Info
            ]
        );
        // A page has no categories, tags or excerpt of Jekyll's own.
        assert_eq!(
            severities(&in_site(&files, "about.md", text)),
            [
                Severity::Info,
                Severity::Info,
                Severity::Info,
                Severity::Warning,
                Severity::Info
            ]
        );
    }

    #[test]
    fn a_plugin_reads_only_where_it_runs() {
        let text = "---\ntitle: ''\ndescription: ''\n---\n";
        let seo = "plugins:\n  - jekyll-seo-tag\n";
        let head = ("_includes/head.html", "<head>{%- seo -%}</head>");
        assert_eq!(
            severities(&in_site(&[("_config.yml", seo), head], "about.md", text)),
            [Severity::Warning, Severity::Warning]
        );
        // Enabled, but no template calls `{% seo %}`.
        assert_eq!(
            severities(&in_site(&[("_config.yml", seo)], "about.md", text)),
            [Severity::Info, Severity::Info]
        );
        // jekyll-feed lists posts only, with their titles.
        let feed = [("_config.yml", "plugins: [jekyll-feed]\n")];
        assert_eq!(
            severities(&in_site(&feed, "_posts/2024-01-01-a.md", text)),
            [Severity::Warning, Severity::Info]
        );
        assert_eq!(
            severities(&in_site(&feed, "about.md", text)),
            [Severity::Info, Severity::Info]
        );
    }

    #[test]
    fn a_theme_may_read_any_key_of_a_page() {
        let files = [("_config.yml", "theme: minima\n")];
        let text = "---\ndescription: ''\n---\n";
        assert_eq!(
            severities(&in_site(&files, "about.md", text)),
            [Severity::Warning]
        );
    }

    #[test]
    fn reads_of_unknown_lists_and_outside_liquid_are_not_counted() {
        let files = [
            ("_config.yml", EVENTS),
            (
                "_includes/list.html",
                "{% for item in include.items %}{{ item.description }}{% endfor %}\
                 {% for d in site.data.talks %}{{ d.description }}{% endfor %}\
                 <script>page.description</script>",
            ),
        ];
        let text = "---\ndescription: ''\n---\n";
        for path in ["_events/a.md", "about.md"] {
            assert_eq!(
                severities(&in_site(&files, path, text)),
                [Severity::Info],
                "{path}"
            );
        }
    }
}
