//! `reversed-link`: `(text)[https://…]`, a link written the wrong way round.

use super::context::Context;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::Document;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "reversed-link",
    severity: Severity::Warning,
    summary: "A link is written `(text)[url]` instead of `[text](url)`",
    explanation: "\
## What it does
Reports text in parentheses right before a destination in brackets,
`(the docs)[https://example.org]`, where the brackets hold a web address, a
site path or a `#fragment` and no reference definition of that name exists.

## Why is this bad?
kramdown renders it as the text it is, brackets and address included: the
reader sees `(the docs)[https://example.org]` and no link.

## How to fix
Swap the brackets: `[the docs](https://example.org)`. The fix does that.

## Example
```markdown
Read (the docs)[https://example.org].     reported
Read [the docs](https://example.org).     fine
```",
    fix: FixAvailability::Always(Applicability::Safe),
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(body) = doc.body() else {
        return;
    };
    for reversed in &body.markdown.references.reversed {
        let text = &doc.text[reversed.text.clone()];
        let url = &doc.text[reversed.url.clone()];
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                reversed.span.clone(),
                "this link is written the wrong way round, so it shows as text",
            )
            .with_help(format!("write `[{text}]({url})`"))
            .with_fix(
                reversed.span.clone(),
                format!("[{text}]({url})"),
                Applicability::Safe,
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn reports_and_swaps_a_reversed_link() {
        let text = "---\ntitle: x\n---\nA reversed link: (the docs)[https://example.org]\n";
        let found = run(&RULE, "a.md", text);
        assert_eq!(
            &text[found[0].span.clone()],
            "(the docs)[https://example.org]"
        );
        let fix = found[0].fix.as_ref().map(|f| f.replacement.as_str());
        assert_eq!(fix, Some("[the docs](https://example.org)"));
    }

    #[test]
    fn near_misses_stay_quiet() {
        let text = "---\ntitle: x\n---\nA list (a, b)[^1] and f(x)[0] and (see)[below] and \
                    [a](b)[c] and `(x)[https://y.org]` and (z)[/about/](/q).\n\n\
                    (defined)[/x]\n\n[/x]: /y\n\n[^1]: Note.\n";
        assert!(run(&RULE, "a.md", text).is_empty());
    }
}
