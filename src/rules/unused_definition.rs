//! `unused-definition`: a reference definition or footnote nothing uses.

use super::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "unused-definition",
    severity: Severity::Warning,
    summary: "A reference definition or footnote is never used",
    explanation: "\
## What it does
Reports a `[^note]: …` footnote no `[^note]` marks (a warning), and, as an
info note, a `[label]: …` definition no `[text][label]`, `[label][]` or
`[label]` of the post uses, with labels matched as kramdown matches them
(case does not matter, runs of whitespace count as one space). A label
written with Liquid (`[#{{ issue }}]:`, made in a loop) is skipped, and so
are an include and a file that includes others (`{% include %}`): the use may
be in the other file.

## Why is this bad?
kramdown leaves an unused footnote out of the page, so its text is lost. An
unused link definition shows nothing and breaks nothing, which is why it is
only an info note: on real blogs most are a shared list of links pasted into
every post, but one may be the other half of a reference whose label was
mistyped (which `undefined-reference` reports), or a link the author meant
to add. Make it a warning with `severity: {unused-definition: warning}` to
keep every post's definitions tidy.

## How to fix
Use it, fix the label of the reference meant to use it, or delete it.

## Example
```markdown
See [the docs][doc].          the label is mistyped

[docs]: https://example.org   reported
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(body) = doc.body() else {
        return;
    };
    if doc.role == Role::Include || doc.liquid_targets("include").next().is_some() {
        return;
    }
    let references = &body.markdown.references;
    for definition in &references.definitions {
        let written = &doc.text[definition.span.clone()];
        let label_end = written.find("]:").unwrap_or(written.len());
        if references.is_used(definition) || written[..label_end].contains(['{', '}']) {
            continue;
        }
        let message = if definition.footnote {
            format!(
                "no `[^{}]` marks this footnote, so kramdown leaves it out of the page",
                definition.label
            )
        } else {
            format!(
                "no reference uses this definition of `[{}]`",
                definition.label
            )
        };
        let severity = if definition.footnote {
            RULE.severity
        } else {
            Severity::Info
        };
        out.push(Diagnostic::new(
            RULE.id,
            severity,
            definition.span.clone(),
            message,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, spans};

    #[test]
    fn reports_definitions_nothing_uses() {
        let text = "---\ntitle: x\n---\nSee [the docs][doc].\n\n[docs]: https://example.org\n\n\
                    [^lost]: A note.\n";
        assert_eq!(
            spans(&RULE, "a.md", text),
            ["[docs]: https://example.org", "[^lost]: A note."]
        );
    }

    #[test]
    fn an_unused_link_definition_is_an_info_note() {
        let text = "---\ntitle: x\n---\nText.\n\n[docs]: /d\n\nMore[^1].\n\n[^1]: N.\n[^2]: M.\n";
        let found = run(&RULE, "a.md", text);
        let severities: Vec<_> = found.iter().map(|d| d.severity).collect();
        assert_eq!(severities, [Severity::Info, Severity::Warning]);
    }

    #[test]
    fn every_kind_of_use_counts() {
        let text = "---\ntitle: x\n---\n[a][One], [Two][], [three], ![i][FOUR], note[^5].\n\n\
                    [one]: /1\n[two]: /2\n[Three]: /3\n[four]: /4.png\n\n[^5]: Five.\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }

    #[test]
    fn near_misses_stay_quiet() {
        let text = "---\ntitle: x\n---\n```\n[code]: /not-a-definition\n```\n\nText [a]: b.\n\n\
                    {% for i in page.issues %}\n[#{{ i }}]: https://x.org/{{ i }}\n{% endfor %}\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }
}
