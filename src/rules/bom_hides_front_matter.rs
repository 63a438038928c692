//! `bom-hides-front-matter`: a byte order mark that makes Jekyll skip a page's front matter.

use super::context::Context;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::FrontMatter;
use crate::rule::FixAvailability;
use crate::rule::Rule;

/// Length of the UTF-8 byte order mark.
const BOM: usize = 3;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "bom-hides-front-matter",
    severity: Severity::Error,
    summary: "A byte order mark before `---` makes Jekyll ignore a page's front matter",
    explanation: "\
## What it does
Reports a page (any Markdown file outside `_posts/` and `_drafts/`) that starts
with a UTF-8 byte order mark followed by a front matter block.

## Why is this bad?
Jekyll decides whether a page has front matter by looking at its raw first bytes.
With an invisible byte order mark in front of `---`, it sees none, so it copies the
file to the site as it is: not rendered, no layout, front matter shown as text.
Posts and drafts are read with the mark stripped, so they are not affected.
Some Windows editors add the mark when saving as \"UTF-8\".

## How to fix
Remove the byte order mark (save as \"UTF-8\" without BOM). The fix deletes it and
is safe: the mark is invisible and carries nothing.

## Example
```text
<U+FEFF>---        <- reported: the page's front matter is ignored
title: About
---
```",
    fix: FixAvailability::Always(Applicability::Safe),
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    if let FrontMatter::HiddenByBom { open } = &doc.front_matter {
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                0..BOM,
                "a byte order mark before `---` hides this page's front matter from Jekyll",
            )
            .with_label(open.clone(), "Jekyll does not see this front matter")
            .with_help("remove the byte order mark (save the file as UTF-8 without BOM)")
            .with_fix(0..BOM, "", Applicability::Safe),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    const TEXT: &str = "\u{feff}---\ntitle: About\n---\n";

    #[test]
    fn reports_a_page_with_a_bom_and_removes_it() {
        let found = run(&RULE, "about.md", TEXT);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, 0..3);
        let fix = found[0].fix.as_ref().unwrap();
        assert_eq!(
            (
                fix.span.clone(),
                fix.replacement.as_str(),
                fix.applicability
            ),
            (0..3, "", Applicability::Safe)
        );
    }

    #[test]
    fn posts_drafts_and_bom_without_front_matter_are_fine() {
        assert!(run(&RULE, "_posts/2024-01-01-a.md", TEXT).is_empty());
        assert!(run(&RULE, "_drafts/a.md", TEXT).is_empty());
        assert!(run(&RULE, "about.md", "\u{feff}Hello\n").is_empty());
        assert!(run(&RULE, "about.md", "---\ntitle: x\n---\n").is_empty());
    }
}
