//! `heading-jump`: a heading more than one level deeper than the one before.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "heading-jump",
    severity: Severity::Warning,
    summary: "A heading skips a level (`##` followed by `####`)",
    explanation: "\
## What it does
Reports a Markdown heading more than one level deeper than the heading before
it: `####` right after `##`, with no `###` between. Going back up any number
of levels is fine, and so is the first heading of a post, whatever its level.
Headings in block quotes and list items are left out: quoted text and
callouts have an outline of their own.

## Why is this bad?
Screen readers and outlines list a page by its headings; a skipped level
reads as a missing section. It is usually a level picked for its size, which
the site's styles should give instead.

## How to fix
Use the next level down (`###` after `##`), and style it if it looks too big.

## Example
```markdown
## Setup
#### Install       reported: `##` then `####`
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(body) = doc.body() else {
        return;
    };
    let outline: Vec<_> = body.markdown.headings.iter().filter(|h| !h.nested).collect();
    for pair in outline.windows(2) {
        let [before, heading] = pair else {
            continue;
        };
        if heading.level <= before.level + 1 {
            continue;
        }
        let marks = |level: u8| "#".repeat(usize::from(level));
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                heading.span.clone(),
                format!(
                    "this `{}` heading comes right after a `{}` one, skipping a level",
                    marks(heading.level),
                    marks(before.level)
                ),
            )
            .with_help(format!("make it `{}`", marks(before.level + 1))),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, spans};

    #[test]
    fn reports_a_heading_that_skips_a_level() {
        let text = "---\ntitle: x\n---\n## Setup\n\n#### Install\n\nText\n======\n\n### Run\n";
        assert_eq!(spans(&RULE, "a.md", text), ["#### Install", "### Run"]);
        assert_eq!(
            messages(&RULE, "a.md", text)[0],
            "this `####` heading comes right after a `##` one, skipping a level"
        );
    }

    #[test]
    fn steps_down_by_one_back_up_and_the_first_heading_are_fine() {
        let text = "---\ntitle: x\n---\n### First\n\n#### A\n\n## B\n\n### C\n\n# D\n\n```\n#### code\n```\n\n    #### indented\n\n> ###### Quoted\n\n- ###### Item\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }
}
