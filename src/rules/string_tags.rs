//! `string-tags`: `tags` or `categories` written as a string in a site of lists.
//! Run by the site step (`site_checks`) over the tag facts of every document.

use super::tag_facts::{KEYS, SiteFacts, SiteFinding};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "string-tags",
    severity: Severity::Warning,
    summary: "`tags` or `categories` is a string where the rest of the site writes a list",
    explanation: "\
## What it does
Reports a `tags:` or `categories:` value written as a string (`tags: \"open
source\"`) when other documents of the site write that key as a list. It is a
warning where something reads the key of that document: Jekyll (a post's tags
and categories, a collection document's categories), an enabled plugin
(jekyll-feed lists a post's tags), the theme, or a template (`page.tags`, or
`post.tags` in a loop over the collection), and an info note elsewhere, such as
a collection without `output: true` or a page jekyll-redirect-from writes as a
redirect, where the split shows nowhere.

## Why is this bad?
Jekyll splits a string on spaces: `tags: \"open source\"` gives the two tags
`open` and `source`, and the tag pages, feeds and archives show them apart. A
site that writes lists everywhere else almost certainly meant one list here.

## How to fix
Write a list: `tags: [open source]`, or one tag per line with `- `.

## Example
```yaml
tags: \"open source\"   # reported: Jekyll makes two tags of it
tags: [open source]   # one tag
```",
    fix: FixAvailability::Never,
};

/// Adds a finding for each `tags` or `categories` value of the site written
/// as a string where other documents write that key as a list, at `severity`
/// (an info note where nothing reads the key, unless the config sets another).
pub(crate) fn check(facts: &SiteFacts, severity: Severity, found: &mut Vec<SiteFinding>) {
    for (key_index, key) in KEYS.iter().enumerate() {
        let lists = facts.lists[key_index];
        if lists == 0 {
            continue;
        }
        for (file, used) in facts.strings.iter().filter(|(_, u)| u.key == *key) {
            let parts: Vec<&str> = used.tags.iter().map(|t| &*t.text).collect();
            let split = if parts.len() > 1 {
                format!(
                    ", which Jekyll splits into {} {key}: {}",
                    parts.len(),
                    parts.join(", ")
                )
            } else {
                String::new()
            };
            let mut diagnostic = Diagnostic::new(
                RULE.id,
                RULE.severity,
                used.value.span.clone(),
                format!(
                    "`{key}` is a string here{split}; {lists} other {} as a list",
                    if lists == 1 {
                        "document of this site writes it"
                    } else {
                        "documents of this site write it"
                    }
                ),
            )
            .with_help(format!(
                "write a list: `{key}: [{}]`",
                if parts.len() > 1 {
                    parts.join(", ")
                } else {
                    parts.concat()
                }
            ));
            diagnostic.severity = severity;
            // Where nothing reads the key, the split shows nowhere: a
            // note, unless the config sets another severity.
            if let Some(why) = used
                .unread
                .as_ref()
                .filter(|_| severity == RULE.severity)
            {
                diagnostic.message =
                    format!("{}, but nothing reads it here: {why}", diagnostic.message);
                diagnostic.severity = Severity::Info;
            }
            found.push(SiteFinding {
                file: *file,
                diagnostic,
                start: used.value.start,
                end: used.value.end,
            });
        }
    }
}
