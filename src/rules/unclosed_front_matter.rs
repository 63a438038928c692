//! `unclosed-front-matter`: an opening `---` that no closing line ends.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::FrontMatter;
use crate::rule::FixAvailability;
use crate::rule::Rule;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "unclosed-front-matter",
    severity: Severity::Error,
    summary: "The front matter block opens with `---` but is never closed",
    explanation: "\
## What it does
Reports a file that starts with a `---` line when no later line is `---` or `...`
(with nothing but spaces after it), which is what Jekyll needs to end the block.

## Why is this bad?
Without the closing line Jekyll finds no front matter at all: the post gets no
layout, title or date from it, and the YAML is published as the first paragraph
of the page, under a horizontal rule.

## How to fix
Add a line with just `---` after the last front matter line.

## Example
```markdown
---
title: Hello
Here the post begins.   <- reported at the opening `---`: nothing closes it
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    if let FrontMatter::Unclosed { open } = &doc.front_matter {
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                open.clone(),
                "this front matter block is never closed",
            )
            .with_help(
                "add a line with just `---` after the last front matter line; \
                     until then Jekyll publishes the block as text",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::spans;

    #[test]
    fn reports_the_opening_line() {
        assert_eq!(
            spans(&RULE, "_posts/2024-01-01-a.md", "---\ntitle: x\nBody\n"),
            ["---"]
        );
        assert_eq!(spans(&RULE, "page.md", "---\n"), ["---"]);
    }

    #[test]
    fn near_misses_stay_quiet() {
        for text in [
            "---\ntitle: x\n...\nBody\n",
            "---\ntitle: x\n---   \nBody\n",
            "Body\n---\n",
            "--- title\n",
        ] {
            assert!(spans(&RULE, "page.md", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_include_has_no_front_matter_to_close() {
        // Jekyll never reads front matter from an include: a leading `---`
        // is a horizontal rule there.
        let text = "---\nA note under a rule.\n";
        assert!(spans(&RULE, "_includes/note.md", text).is_empty());
        let site = crate::site::Site {
            root: ".".into(),
            includes_dir: "_partials".to_string(),
            ..crate::site::Site::default()
        };
        let found = crate::rules::testing::run_in_site(&site, &RULE, "_partials/note.md", text);
        assert!(found.is_empty(), "{found:?}");
    }
}
