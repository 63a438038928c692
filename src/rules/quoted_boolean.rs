//! `quoted-boolean`: `"true"` or `"false"` written as text where a boolean is meant.

use super::context::Context;
use super::values::visit_mappings;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::tree::Style;
use crate::rule::FixAvailability;
use crate::rule::Rule;

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
pub(crate) static RULE: Rule = Rule {
    id: "quoted-boolean",
    severity: Severity::Warning,
    summary: "A boolean is quoted (`comments: \"true\"`), so it is text, and \"false\" is truthy",
    explanation: "\
## What it does
Reports a front matter value written as `\"true\"` or `\"false\"` (in single or double
quotes), at any depth, except under keys that hold prose such as `title` or
`description`. A quoted `\"false\"` is a warning. A quoted `\"true\"` is a
warning when one of the site's templates compares that key with `true`
(`{% if page.comments == true %}`, in a layout, an include or an `.html`
page), and an info note otherwise.

## Why is this bad?
Quotes make the value a string, and in Liquid every string is truthy. For
`\"false\"` that turns the author's intent upside down: `{% if page.comments %}`
is true for `comments: \"false\"`, and Jekyll publishes a post with
`published: \"false\"`. For `\"true\"` the string is truthy too, so `{% if %}`
behaves as meant; only a comparison with `true` sees the difference, which is
why it is a warning only where the site's templates make one. A plugin or a
theme prepress cannot read may compare too, so the other quoted `\"true\"`
values are still noted.

## How to fix
Remove the quotes. The fix does that where the quotes change what the site does
(a quoted `\"false\"`, or a quoted `\"true\"` a template compares with `true`),
and is safe there: it makes the value mean what it says. A quoted `\"true\"` no
template compares has no fix: the site works as it is, and a template may
compare the key with the text `\"true\"`, which the fix would break. Remove the
quotes by hand where a theme or a plugin compares it with `true`.

## Example
```yaml
published: 'false'   # warning: Jekyll publishes this post
comments: \"true\"     # warning when a template has `page.comments == true`, else info; fix: comments: true
title: \"false\"       # not reported: a title is text
```",
    fix: FixAvailability::Sometimes {
        applicability: Applicability::Safe,
        when: "a quoted \"false\", and a quoted \"true\" that a template compares with `true`",
    },
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
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
            let written = format!("{key}: {quote}{word}{quote}");
            let help = format!("remove the quotes: `{key}: {word}`");
            let compared = if is_false { None } else { context
            .site
            .and_then(|site| site.comparisons().with_true(key)) };
            out.push(match (is_false, compared) {
                (true, _) => {
                    let message = if key == "published" && doc.role == Role::Post {
                        format!("`{written}` is text, so Jekyll publishes this post")
                    } else {
                        format!("`{written}` is the text \"{word}\", which Liquid treats as true")
                    };
                    Diagnostic::new(RULE.id, RULE.severity, span.clone(), message)
                        .with_help(help)
                        .with_fix(span, word, Applicability::Safe)
                }
                (false, Some(comparison)) => Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    span.clone(),
                    format!(
                        "`{written}` is the text \"{word}\", not a boolean, and `{}` compares it with `true` (`{}`), which the text never equals",
                        comparison.file, comparison.text
                    ),
                )
                .with_help(help)
                .with_fix(span, word, Applicability::Safe),
                // Nothing prepress sees tells the text from the boolean, and
                // a template may compare with the text "true": no fix.
                (false, None) => Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    span,
                    format!(
                        "`{written}` is the text \"{word}\", not a boolean; `{{% if %}}` reads it as true, only a comparison with `true` would not"
                    ),
                )
                .with_severity(Severity::Info)
                .with_help(format!(
                    "where a theme or plugin compares it with `true`, {help}"
                )),
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, run, run_in_site, spans};
    use crate::site::Site;

    const POST: &str = "_posts/2024-01-01-a.md";

    #[test]
    fn reports_quoted_booleans_and_fixes_a_quoted_false() {
        let text = "---\ncomments: \"true\"\nshare: 'False'\n---\n";
        let found = run(&RULE, POST, text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].span.clone()], "\"true\"");
        // A quoted "true" nothing compares with `true` works as it is: no fix.
        assert_eq!(found[0].fix, None);
        let fix = found[1].fix.as_ref().unwrap();
        assert_eq!(
            (fix.replacement.as_str(), fix.applicability),
            ("False", Applicability::Safe)
        );
        assert_eq!(
            found[1].message,
            "`share: 'False'` is the text \"False\", which Liquid treats as true"
        );
    }

    #[test]
    fn a_quoted_false_warns_and_a_quoted_true_is_a_note() {
        let found = run(
            &RULE,
            POST,
            "---
show: \"true\"
hide: 'false'
---
",
        );
        let severities: Vec<Severity> = found.iter().map(|d| d.severity).collect();
        assert_eq!(severities, [Severity::Info, Severity::Warning]);
        assert_eq!(
            found[0].message,
            "`show: \"true\"` is the text \"true\", not a boolean; `{% if %}` reads it as true, only a comparison with `true` would not"
        );
    }

    /// A site on disk whose only template is `layout`, and the findings on a
    /// post with `front_matter`.
    fn in_site_with_layout(layout: &str, front_matter: &str) -> Vec<Diagnostic> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("_layouts")).unwrap();
        std::fs::write(dir.path().join("_config.yml"), "title: x\n").unwrap();
        std::fs::write(dir.path().join("_layouts/post.html"), layout).unwrap();
        let site = Site::load(dir.path(), &[]);
        let post = dir.path().join(POST);
        let text = format!("---\n{front_matter}---\n");
        run_in_site(&site, &RULE, post.to_str().unwrap(), &text)
    }

    #[test]
    fn a_quoted_true_warns_where_a_template_compares_it_with_true() {
        let found = in_site_with_layout(
            "{% if page.comments == true %}{% include comments.html %}{% endif %}",
            "comments: \"true\"
",
        );
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[0].message,
            "`comments: \"true\"` is the text \"true\", not a boolean, and `_layouts/post.html` compares it with `true` (`page.comments == true`), which the text never equals"
        );
        assert_eq!(found[0].fix.as_ref().unwrap().replacement, "true");
    }

    #[test]
    fn a_quoted_true_stays_a_note_where_no_template_compares_it() {
        for layout in [
            "{% if page.comments %}{% endif %}",
            "{% if page.share == true %}{% endif %}",
            "{% if page.comments == false %}{% endif %}",
            "<script>if (page.comments == true) {}</script>",
        ] {
            let found = in_site_with_layout(
                layout,
                "comments: \"true\"
",
            );
            assert_eq!(found[0].severity, Severity::Info, "{layout}");
            assert_eq!(found[0].fix, None, "{layout}");
        }
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
