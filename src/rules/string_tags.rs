//! `string-tags`: `tags` or `categories` written as a string in a site of lists.
//! Reported by the site step (`site_checks`), which sees every document.

use crate::diagnostic::Severity;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub static RULE: Rule = Rule {
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
