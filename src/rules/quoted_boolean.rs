//! `quoted-boolean`: `"true"` or `"false"` written as text where a boolean is meant.

use super::{Context, Rule, visit_mappings};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::tree::Style;
use crate::rules::FixAvailability;

/// Keys whose values are prose, where the word "true" or "false" may be meant.
const TEXT_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "description",
    "excerpt",
    "summary",
    "name",
    "alt",
    "caption",
    "label",
    "text",
    "content",
    "message",
    "question",
    "answer",
];

/// The rule.
pub static RULE: Rule = Rule {
    id: "quoted-boolean",
    severity: Severity::Warning,
    summary: "A boolean is quoted (`comments: \"true\"`), so it is text, and \"false\" is truthy",
    explanation: "\
## What it does
Reports a front matter value written as `\"true\"` or `\"false\"` (in single or double
quotes), at any depth, except under keys that hold prose such as `title` or
`description`.

## Why is this bad?
Quotes make the value a string. In Liquid every string is truthy, so
`{% if page.comments %}` is true for `comments: \"false\"`, and Jekyll publishes a
post with `published: \"false\"`. The quotes are nearly always a slip, and they
turn the author's intent upside down for `\"false\"`.

## How to fix
Remove the quotes. The fix does that, and is safe: it makes the value mean what it
says.

## Example
```yaml
comments: \"true\"     # reported; fix: comments: true
published: 'false'   # reported: Jekyll publishes this post
title: \"false\"       # not reported: a title is text
```",
    fix: FixAvailability::Always(Applicability::Safe),
    check: Some(check),
};

fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(entries) = doc.front_matter.entries() else {
        return;
    };
    visit_mappings(entries, &mut |mapping| {
        for entry in mapping {
            let Some(key) = entry.key.key_text() else {
                continue;
            };
            let Some(scalar) = entry.value.as_scalar() else {
                continue;
            };
            let quote = match scalar.style {
                Style::DoubleQuoted => '"',
                Style::SingleQuoted => '\'',
                _ => continue,
            };
            let word = scalar.value.as_str();
            if TEXT_KEYS.contains(&key)
                || scalar.tag.is_some()
                || !matches!(word, "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
            {
                continue;
            }
            let span = entry.value.span.clone();
            if doc.text[span.clone()] != format!("{quote}{word}{quote}") {
                continue;
            }
            let is_false = word.eq_ignore_ascii_case("false");
            let message = if key == "published" && is_false && doc.role == Role::Post {
                format!("`published: {quote}{word}{quote}` is text, so Jekyll publishes this post")
            } else if is_false {
                format!(
                    "`{key}: {quote}{word}{quote}` is the text \"{word}\", which Liquid treats as true"
                )
            } else {
                format!("`{key}: {quote}{word}{quote}` is the text \"{word}\", not a boolean")
            };
            out.push(
                Diagnostic::new(&RULE, span.clone(), message)
                    .with_help(format!("remove the quotes: `{key}: {word}`"))
                    .with_fix(span, word, Applicability::Safe),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, run, spans};

    const POST: &str = "_posts/2024-01-01-a.md";

    #[test]
    fn reports_quoted_booleans_with_a_fix() {
        let text = "---\ncomments: \"true\"\nshare: 'False'\n---\n";
        let found = run(&RULE, POST, text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].span.clone()], "\"true\"");
        let fix = found[0].fix.as_ref().unwrap();
        assert_eq!(
            (fix.replacement.as_str(), fix.applicability),
            ("true", Applicability::Safe)
        );
        assert_eq!(found[1].fix.as_ref().unwrap().replacement, "False");
        assert_eq!(
            found[1].message,
            "`share: 'False'` is the text \"False\", which Liquid treats as true"
        );
    }

    #[test]
    fn says_what_a_quoted_false_does_to_publishing() {
        assert_eq!(
            messages(&RULE, POST, "---\npublished: \"false\"\n---\n"),
            ["`published: \"false\"` is text, so Jekyll publishes this post"]
        );
    }

    #[test]
    fn looks_inside_nested_mappings() {
        let text = "---\ntoc:\n  enabled: \"true\"\nitems:\n  - show: 'false'\n---\n";
        assert_eq!(spans(&RULE, POST, text), ["\"true\"", "'false'"]);
    }

    #[test]
    fn near_misses_stay_quiet() {
        for text in [
            "---\ncomments: true\n---\n",
            "---\ntitle: \"false\"\n---\n",
            "---\nanswer: 'yes'\n---\n",
            "---\nflag: \"no\"\n---\n",
            "---\nflag: \"truely\"\n---\n",
            "---\nflag: !!str \"true\"\n---\n",
            "---\nflag: \"tr\\x75e\"\n---\n",
            "---\nx: 1\n---\ncomments: \"true\"\n",
        ] {
            assert!(spans(&RULE, POST, text).is_empty(), "{text}");
        }
    }
}
