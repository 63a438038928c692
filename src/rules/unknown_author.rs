//! `unknown-author`: an author id the site's `_data/authors` file does not have.

use super::context::Context;
use super::values::{Value, effective, label_default};
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::tree::{Node, NodeKind, lookup};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "unknown-author",
    severity: Severity::Warning,
    summary: "`author:` names an id that `_data/authors.yml` does not have",
    explanation: "\
## What it does
When the site keeps its authors in `_data/authors.yml` (or `.yaml`, `.json`,
`.csv`, `.tsv`), checks that `author:` (and each entry of `authors:`) is one of
its ids: the keys of a mapping, or for a list of records (and the rows of a
table) the `id`, `key`, `username`, `slug` or `name` field, else the first
column. Sites without such a file are not checked: there, `author` is free
text.

## Why is this bad?
Themes and plugins (jekyll-seo-tag, jekyll-feed) look the id up in
`site.data.authors` for the name, bio and picture. An unknown id shows as a raw
id, or as no author at all.

## How to fix
Use an id from `_data/authors.yml`; the help names the closest one.

## Example
```yaml
author: pryia   # reported: did you mean `priya`?
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(site) = context.site else {
        return;
    };
    let Some(authors) = &site.authors else {
        return;
    };
    let mut named: Vec<(&Node, bool)> = Vec::new();
    if let Some(value) = effective(context, doc, "author") {
        named.push((&value.entry().value, matches!(value, Value::Default(_))));
    }
    if let Some(entries) = doc.front_matter.entries()
        && let Some(entry) = lookup(entries, "authors")
        && let NodeKind::Sequence(items) = &entry.value.kind
    {
        named.extend(items.iter().map(|item| (item, false)));
    }
    for (node, from_defaults) in named {
        let Some(scalar) = node.as_scalar().filter(|s| !s.is_blank()) else {
            continue;
        };
        let id = scalar.value.trim();
        if authors.iter().any(|a| a == id) {
            continue;
        }
        let (span, from) = if from_defaults {
            (
                0..0,
                format!(
                    " (set by the site's `defaults`, {})",
                    site.origin_at(node.span.start)
                ),
            )
        } else {
            (node.span.clone(), String::new())
        };
        let mut diagnostic = Diagnostic::new(
            RULE.id,
            RULE.severity,
            span,
            format!("`{id}` is not an author in `_data/authors`{from}"),
        );
        if from_defaults {
            diagnostic = label_default(diagnostic, site, node.span.clone());
        }
        out.push(match closest(id, authors.iter().map(String::as_str)) {
            Some(near) => diagnostic.with_help(format!("did you mean `{near}`?")),
            None => diagnostic.with_help(format!("the ids there are: {}", authors.join(", "))),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run_in_site;
    use crate::site::Site;

    fn site(authors: Option<&[&str]>) -> Site {
        Site {
            authors: authors.map(|a| a.iter().map(std::string::ToString::to_string).collect()),
            ..Site::default()
        }
    }

    #[test]
    fn reports_an_unknown_id_with_the_closest() {
        let text = "---\nauthor: pryia\nauthors: [sam, jo]\n---\n";
        let found = run_in_site(&site(Some(&["priya", "sam"])), &RULE, "a.md", text);
        let spans: Vec<&str> = found.iter().map(|d| &text[d.span.clone()]).collect();
        assert_eq!(spans, ["pryia", "jo"]);
        assert_eq!(found[0].help.as_deref(), Some("did you mean `priya`?"));
        assert_eq!(
            found[1].help.as_deref(),
            Some("the ids there are: priya, sam")
        );
    }

    #[test]
    fn sites_without_an_authors_file_are_not_checked() {
        let text = "---\nauthor: Anyone At All\n---\n";
        assert!(run_in_site(&site(None), &RULE, "a.md", text).is_empty());
        assert!(
            run_in_site(
                &site(Some(&["priya"])),
                &RULE,
                "a.md",
                "---\nauthor: priya\n---\n"
            )
            .is_empty()
        );
        assert!(
            run_in_site(
                &site(Some(&["priya"])),
                &RULE,
                "a.md",
                "---\nauthor: \"\"\n---\n"
            )
            .is_empty()
        );
    }
}
