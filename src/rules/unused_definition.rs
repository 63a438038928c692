//! `unused-definition`: a reference definition or footnote nothing uses.

use std::ops::Range;

use super::Context;
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::markdown::{Kind, References};
use crate::prose::segments::Body;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    id: "unused-definition",
    severity: Severity::Warning,
    summary: "A reference definition or footnote is never used",
    explanation: "\
## What it does
Reports a `[^note]: …` footnote no `[^note]` marks, and a `[label]: …` link
definition no `[text][label]`, `[label][]` or `[label]` of the post uses
when the post shows that a link was meant: its text mentions the label
outside any link (built with Widgetron, beside an unused
`[Widgetron]: https://…`), or a reference nearby names a label one slip
away from it. Labels match as kramdown matches them (case does not matter,
runs of whitespace count as one space). An unused definition nothing
mentions is left alone: it shows nothing and breaks nothing (on real blogs
most are a shared list of links pasted into every post). A label written
with Liquid (`[#{{ issue }}]:`, made in a loop) is skipped, and so are an
include and a file that includes others (`{% include %}`): the use may be
in the other file.

## Why is this bad?
kramdown leaves an unused footnote out of the page, so its text is lost. An
unused definition whose name the text mentions is a link the reader never
gets: the author wrote the definition and forgot the brackets, or mistyped
the label (which `undefined-reference` reports at the reference).

## How to fix
Use it, fix the label of the reference meant to use it, or delete it.

## Example
```markdown
Built with Widgetron.                the name is not linked

[Widgetron]: https://widgetron.example   reported
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
        } else if let Some(near) = near_reference(references, &definition.label) {
            format!(
                "no reference uses this definition of `[{}]`; `[{near}]` may have meant it",
                definition.label
            )
        } else if let Some(mention) = mention(body, &doc.text[..], &definition.label) {
            format!(
                "no reference uses this definition of `[{}]`, though the text mentions `{mention}` without a link",
                definition.label
            )
        } else {
            continue;
        };
        out.push(Diagnostic::new(
            RULE.id,
            RULE.severity,
            definition.span.clone(),
            message,
        ));
    }
}

/// The label of a reference with no definition one slip away from `label`.
fn near_reference<'r>(references: &'r References, label: &str) -> Option<&'r str> {
    let undefined = references.uses.iter().filter(|r| {
        r.kind != Kind::Footnote && r.kind != Kind::Shortcut && !references.defines(&r.label, false)
    });
    closest(label, undefined.map(|r| r.label.as_str()))
}

/// Where the prose mentions `label` as words of its own (not inside a
/// longer word) outside every link: the text as written there.
fn mention<'t>(body: &Body, text: &'t str, label: &str) -> Option<&'t str> {
    if !label.chars().any(char::is_alphabetic) {
        return None;
    }
    let markdown = &body.markdown;
    let linked = |span: &Range<usize>| {
        let inside = |r: &Range<usize>| r.start <= span.start && span.end <= r.end;
        markdown.links.iter().any(|l| inside(&l.span))
            || markdown.references.uses.iter().any(|r| inside(&r.span))
            || markdown
                .references
                .definitions
                .iter()
                .any(|d| inside(&d.span))
    };
    for segment in body.prose.iter() {
        let lower = segment.text.to_lowercase();
        // Lowercasing may change lengths; such a segment is not searched.
        if lower.len() != segment.text.len() {
            continue;
        }
        for (at, _) in lower.match_indices(label) {
            let end = at + label.len();
            let word_edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_');
            if !word_edge(lower[..at].chars().next_back())
                || !word_edge(lower[end..].chars().next())
            {
                continue;
            }
            let span = segment.source_span(at..end);
            if !linked(&span) {
                return text.get(span);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::spans;

    #[test]
    fn reports_unused_footnotes_and_definitions_the_text_mentions() {
        let text = "---\ntitle: x\n---\nBuilt with widgetron, not [Other](/o).\n\n\
                    [Widgetron]: https://widgetron.example\n\n[^lost]: A note.\n";
        assert_eq!(
            spans(&RULE, "a.md", text),
            ["[Widgetron]: https://widgetron.example", "[^lost]: A note."]
        );
    }

    #[test]
    fn reports_a_definition_a_mistyped_reference_meant() {
        let text = "---\ntitle: x\n---\nSee [the guide][setup-guid].\n\n[setup-guide]: /g\n";
        assert_eq!(spans(&RULE, "a.md", text), ["[setup-guide]: /g"]);
    }

    #[test]
    fn every_kind_of_use_counts() {
        let text = "---\ntitle: x\n---\n[a][One], [Two][], [three], ![i][FOUR], note[^5].\n\n\
                    [one]: /1\n[two]: /2\n[Three]: /3\n[four]: /4.png\n\n[^5]: Five.\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }

    #[test]
    fn near_misses_stay_quiet() {
        let text = "---\ntitle: x\n---\nA [tool](https://t.org) and toolkit and [Docs][tool].\n\n\
                    [tool]: /t\n[Leftover]: /l\n\n```\n[code]: /not-a-definition\n```\n\n\
                    Text [a]: b.\n\n{% for i in page.issues %}\n[#{{ i }}]: https://x.org/{{ i }}\n{% endfor %}\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }
}
