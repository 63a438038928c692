//! `unclosed-html-comment`: a `<!--` that no `-->` follows.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "unclosed-html-comment",
    severity: Severity::Warning,
    summary: "An HTML comment `<!--` is never closed with `-->`",
    explanation: "\
## What it does
Reports a `<!--` starting a line, outside code, that no `-->` follows
anywhere after it. One inside a line (`a <!-- b`) is left alone: GitHub's
preview shows it as text too, so its author saw it there.

## Why is this bad?
An HTML comment hides a note or a draft paragraph from readers. kramdown,
which renders the site, makes it a comment only when `-->` follows; without
it the site shows the `<!--` (as `<!–`) and everything meant to be hidden.
GitHub's preview hides the rest of the post instead, so the slip does not
show there. The finding says how many lines follow.

## How to fix
End the comment with `-->`, or remove the `<!--`.

## Example
```markdown
<!-- TODO: a better example    reported: nothing closes it

The rest of the post.
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(body) = doc.body() else {
        return;
    };
    let Some(comment) = &body.markdown.unclosed_comment else {
        return;
    };
    if doc.role == Role::Include {
        return;
    }
    let after = match comment.lines_after {
        0 => String::new(),
        1 => " and the line after it".to_string(),
        n => format!(" and the {n} lines after it"),
    };
    let preview = if comment.lines_after > 0 {
        ", which GitHub's preview hides"
    } else {
        ""
    };
    out.push(
        Diagnostic::new(
            RULE.id,
            RULE.severity,
            comment.span.clone(),
            format!(
                "this `<!--` is never closed: the site shows it as text{after}{preview}"
            ),
        )
        .with_help("end the comment with `-->`, or remove the `<!--`"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, spans};

    #[test]
    fn reports_the_comment_nothing_closes() {
        let text = "---\ntitle: x\n---\nIntro.\n\n<!-- draft note\n\nThe rest.\n";
        assert_eq!(spans(&RULE, "a.md", text), ["<!--"]);
        assert_eq!(
            messages(&RULE, "a.md", text),
            ["this `<!--` is never closed: the site shows it as text and the 2 lines after it, which GitHub's preview hides"]
        );
        let last = "---\ntitle: x\n---\nIntro.\n\n<!-- a note";
        assert_eq!(
            messages(&RULE, "a.md", last),
            ["this `<!--` is never closed: the site shows it as text"]
        );
    }

    #[test]
    fn closed_comments_and_code_stay_quiet() {
        let text = "---\ntitle: x\n---\n<!--more-->\n\n<!-- a\n\nb -->\n\n`<!--` and\n\n```\n<!-- x\n```\n\nA <!-- b\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }
}
