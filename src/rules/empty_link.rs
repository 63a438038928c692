//! `empty-link`: a link with no text, or with an empty destination.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "empty-link",
    severity: Severity::Warning,
    summary: "A link has no text, or goes nowhere",
    explanation: "\
## What it does
Reports a Markdown link with no text (`[](https://example.org)`) and one whose
destination is empty or only `#` (`[click]()`, `[click](#)`). A destination
written in Liquid (`[a]({{ page.url }})`) is not empty, and neither is text
made by Liquid or an image.

## Why is this bad?
A link with no text is invisible on the page and read as its address by a
screen reader; a link to nothing reloads the page or scrolls to its top.
Both are usually a placeholder the author meant to fill in.

## How to fix
Give the link its text, or its destination.

## Example
```markdown
An empty link: [click]().           reported
A link: [click](/docs/).            fine
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(body) = doc.body() else {
        return;
    };
    for link in body.markdown.links.iter().filter(|l| !l.image) {
        let destination = link.destination.clone().map(|d| doc.text[d].trim());
        let message = if matches!(destination, Some("" | "#")) {
            "this link goes nowhere: its destination is empty"
        } else if link.empty_text {
            "this link has no text, so readers cannot see it"
        } else {
            continue;
        };
        out.push(Diagnostic::new(
            RULE.id,
            RULE.severity,
            link.span.clone(),
            message,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::spans;

    #[test]
    fn reports_links_without_text_or_destination() {
        let text = "---\ntitle: x\n---\nAn empty link: [click](). Top: [up](#). Bare: [](https://example.org).\n";
        assert_eq!(
            spans(&RULE, "a.md", text),
            ["[click]()", "[up](#)", "[](https://example.org)"]
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        let text = "---\ntitle: x\n---\n[a](/b) [c](#d) [e]({{ page.url }}) [{{ page.t }}](/f) \
                    [![logo](/l.png)](/) `[](x)` [g](<h> \"T\")\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }
}
