//! `numbered-line`: a paragraph line that opens with a number such as
//! `109.`, which kramdown makes a numbered list and GitHub does not.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "numbered-line",
    severity: Severity::Warning,
    summary: "A line inside a paragraph opens with a number (`109. `), which kramdown makes a numbered list",
    explanation: "\
## What it does
Reports a line of a paragraph, not its first, that opens with a number other
than 1 followed by a dot and a space, usually a hard-wrapped sentence
(`…in section` / `109. What a goal!`). kramdown, which renders the site,
starts a numbered list there, in the middle of the paragraph; GitHub's
preview (CommonMark) lets only a list starting at 1 interrupt a paragraph,
so it shows the line as written. Checked against kramdown's HTML
(`.ci/kramdown-oracle`).

## Why is this bad?
On the site the paragraph ends at that line and the rest becomes a list
item numbered 1: the number the text meant is gone, and the sentence is
split in two. The preview on GitHub shows nothing wrong.

## How to fix
Rewrap the paragraph so the number is not at the start of a line, or
escape the dot (`109\\.`). To start a list, leave a blank line before it.

## Example
```markdown
We found seats in section
109. What a game.          reported: the site shows a list item numbered 1
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(body) = doc.body() else {
        return;
    };
    if doc.role == Role::Include {
        return;
    }
    for span in &body.markdown.numbered_lines {
        let number = &doc.text[span.clone()];
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                span.clone(),
                format!(
                    "kramdown starts a numbered list at this `{number}`, shown as item 1 in the middle of the paragraph; GitHub's preview keeps it as text"
                ),
            )
            .with_help(format!(
                "rewrap the line so `{number}` does not open it, or write `{}\\.`",
                number.trim_end_matches('.')
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, spans};

    #[test]
    fn reports_a_wrapped_line_that_opens_with_a_number() {
        let text = "---\ntitle: x\n---\nWe sat in section\n109. What a game.\n\nIt was in\n2015.\tThen\n";
        assert_eq!(spans(&RULE, "a.md", text), ["109.", "2015."]);
        assert_eq!(
            messages(&RULE, "a.md", text)[0],
            "kramdown starts a numbered list at this `109.`, shown as item 1 in the middle of the paragraph; GitHub's preview keeps it as text"
        );
    }

    #[test]
    fn lists_first_lines_and_near_misses_stay_quiet() {
        let text = "---\ntitle: x\n---\n2. A list after a blank line\n3. goes on\n\nSteps:\n1. one\n2. two\n\n\
                    Version\n2.0 is out, and\n3) is not a list, nor 4.five\n\n> quoted\n> 7. inside\n\n```\ntext\n9. code\n```\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }
}
