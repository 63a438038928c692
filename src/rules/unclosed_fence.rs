//! `unclosed-fence`: a code fence opened and never closed.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "unclosed-fence",
    severity: Severity::Warning,
    summary: "A code fence (```` ``` ```` or `~~~`) is opened and never closed",
    explanation: "\
## What it does
Reports a code fence, a line of three or more backticks or tildes (with one
word of info such as `ruby`, or none), that no closing fence follows: a line of the
same character, at least as many, and nothing else. A fence inside a longer
one (```` ``` ```` within `````` ```` ``````) is code, not a fence.

## Why is this bad?
kramdown, which renders the site, makes a fence a code block only when it is
closed. An unclosed one shows on the site as the backticks themselves, and
the code after it is rendered as Markdown: comments become headings, `*`
becomes emphasis, indentation is lost. GitHub's preview does the opposite and
shows the rest of the post as code, so the slip is easy to miss in either.
The finding says how many lines follow the fence.

## How to fix
Close the code block with a line of the same fence after the code.

## Example
````markdown
```ruby                reported: nothing closes it
puts 'hello'

The rest of the post.
````",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(body) = doc.body() else {
        return;
    };
    let Some(fence) = &body.markdown.unclosed_fence else {
        return;
    };
    if doc.role == Role::Include {
        return;
    }
    let marks = doc.text[fence.span.clone()].trim_end_matches(|c: char| c != '`' && c != '~');
    let lines = match fence.lines_after {
        1 => "the line".to_string(),
        n => format!("the {n} lines"),
    };
    out.push(
        Diagnostic::new(
            RULE.id,
            RULE.severity,
            fence.span.clone(),
            format!(
                "this {marks} fence is never closed: the site shows it as text and renders {lines} after it as Markdown, not code; GitHub's preview makes them all code"
            ),
        )
        .with_help(format!("close the code block with a line of {marks} after the code")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, spans};

    #[test]
    fn reports_the_fence_nothing_closes() {
        let text = "---\ntitle: x\n---\nIntro.\n\n```ruby\nputs 1\n\nThe rest.\n";
        assert_eq!(spans(&RULE, "a.md", text), ["```ruby"]);
        assert_eq!(
            messages(&RULE, "a.md", text),
            ["this ``` fence is never closed: the site shows it as text and renders the 3 lines after it as Markdown, not code; GitHub's preview makes them all code"]
        );
    }

    #[test]
    fn closed_and_nested_fences_stay_quiet() {
        let text = "---\ntitle: x\n---\n```\na\n```\n\n````md\n```\nb\n````\n\n~~~\nc\n~~~\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }
}
