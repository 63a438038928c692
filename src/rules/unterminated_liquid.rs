//! `unterminated-liquid`: a `{{` or `{%` that Liquid cannot close, which
//! stops Jekyll's build or swallows the tag after it.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::liquid::lex;
use crate::liquid::parse::{Problem, Unterminated};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "unterminated-liquid",
    severity: Severity::Error,
    summary: "A `{{` or `{%` that Liquid cannot close",
    explanation: "\
## What it does
Reads the body as Liquid cuts it: a `{%` runs to the first `%}` after it, a
`{{` to the first `}` after it (and one more `}` if one follows). Reports:
- a `{{` that does not end in `}}` there (`{{ x`, `{{ x }`, and `{{ \"}\" }}`,
  which Liquid cuts at the quoted brace);
- a `{%` with no `%}` after it;
- a `{% %}` with no tag name (`{% %}`, or a name that is not ASCII);
- a `{%` whose first `%}` belongs to a later tag: Liquid reads the two as one
  tag, and the later one is lost. This is a warning, or an error when the lost
  tag's block then has no end.

## Why is this bad?
Jekyll stops the build: `Liquid syntax error (line N): Variable '{{' was not
properly terminated with regexp: /\\}\\}/`, or `Tag '{%' was not properly
terminated with regexp: /\\%\\}/`. A tag that runs on into the next one
renders wrong, or stops the build when the tag it swallowed was an end tag.

## How to fix
Close the tag or output. To show `{{` or `{%` as text, write `{{ \"{{\" }}` or
`{{ \"{%\" }}`, or wrap the text in `{% raw %}` … `{% endraw %}`.

## Example
```liquid
Hello {{ page.author    <- reported: no }}
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(parsed) = doc.liquid() else {
        return;
    };
    let text = &doc.text;
    for problem in &parsed.problems {
        let Problem::Unterminated { span, why } = problem else {
            continue;
        };
        let diagnostic = match why {
            Unterminated::Output => {
                let at = span.start..span.start + 2;
                let inner_brace = span.len() > 2;
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    at,
                    "this `{{` is never closed with `}}`, so Jekyll stops the build",
                )
                .with_help(if inner_brace {
                    "Liquid ends a `{{` at its first `}`, even one in quotes: close it with `}}` there, or write `{{ \"{{\" }}` to show the braces"
                } else {
                    "close it with `}}`, or write `{{ \"{{\" }}` to show the braces as text"
                })
            }
            Unterminated::Tag => Diagnostic::new(
                RULE.id,
                RULE.severity,
                span.clone(),
                "this `{%` has no `%}` after it, so Jekyll stops the build",
            )
            .with_help("close the tag with `%}`, or write `{{ \"{%\" }}` to show the characters as text"),
            Unterminated::Nameless => Diagnostic::new(
                RULE.id,
                RULE.severity,
                span.clone(),
                "this tag has no name Liquid can read, so Jekyll stops the build",
            )
            .with_help("a tag name is ASCII letters, digits and `_`; to show the text, wrap it in `{% raw %}` … `{% endraw %}`"),
            Unterminated::RunsOn => runs_on(text, span.clone()),
        };
        out.push(diagnostic);
    }
}

/// The finding for a `{%` whose `%}` is a later tag's: at the opener's first
/// line, with the swallowed tag labelled; an error when what it swallows
/// leaves a block unclosed (its own block tag, or a block's end tag).
fn runs_on(text: &str, span: std::ops::Range<usize>) -> Diagnostic {
    let token = &text[span.clone()];
    let inner = span.start + 2 + token[2..].find("{%").unwrap_or(0);
    let line_end = token.find('\n').map_or(span.end, |i| span.start + i);
    let head = span.start..line_end.min(inner).max(span.start + 2);
    let name = lex::tag_parts(token).map(|(n, _)| &token[n]);
    let block = name.is_some_and(|n| {
        crate::liquid::known::builtin(n).is_some_and(|b| b.block) || n.starts_with("end")
    }) || text[inner..span.end].contains("{% end");
    let mut diagnostic = Diagnostic::new(
        RULE.id,
        RULE.severity,
        head,
        "this `{%` has no `%}` of its own: Liquid reads on to the end of the next tag and loses it",
    )
    .with_label(inner..span.end, "read as part of the tag before it")
    .with_help("close the first tag with `%}`");
    if !block {
        diagnostic = diagnostic.with_severity(Severity::Warning);
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, spans};

    const POST: &str = "_posts/2024-01-01-a.md";

    #[test]
    fn reports_each_opener_liquid_cannot_close() {
        let text = "---\n---\nHello {{ page.author\n\nThen {% %}\n";
        // Liquid cuts the `{{` at the first `}`: the `{% %}` is inside it.
        assert_eq!(spans(&RULE, POST, text), ["{{"]);
        assert_eq!(spans(&RULE, POST, "---\n---\nThen {% %}\n"), ["{% %}"]);
        let text = "---\n---\nA {{ \"}\" }} quoted brace\n";
        assert_eq!(spans(&RULE, POST, text), ["{{"]);
        let text = "---\n---\nA 50{% rebate\n";
        assert_eq!(spans(&RULE, POST, text), ["{%"]);
    }

    #[test]
    fn a_tag_that_runs_into_the_next_is_an_error_when_a_block_is_lost() {
        let text =
            "---\n---\n{% if page.x\nshown {% endif %}\n{% assign a = 1 {% include b.html %}\n";
        let found = run(&RULE, POST, text);
        assert_eq!(
            found
                .iter()
                .map(|d| (&text[d.span.clone()], d.severity))
                .collect::<Vec<_>>(),
            [
                ("{% if page.x", Severity::Error),
                ("{% assign a = 1 ", Severity::Warning)
            ]
        );
        assert_eq!(&text[found[0].labels[0].span.clone()], "{% endif %}");
    }

    #[test]
    fn escapes_and_closed_tags_pass() {
        let text =
            "---\n---\n{{ \"{{\" }} and {{ '{%' }} and {% raw %}{{ x {% endraw %} {{ a }}}\n";
        assert!(run(&RULE, POST, text).is_empty());
    }
}
