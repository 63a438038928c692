//! `unused-definition`: a reference definition or footnote nothing uses.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::context::Context;
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::markdown::{Definition, Kind};
use crate::prose::segments::Body;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
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
    let unused: Vec<&Definition> = references
        .definitions
        .iter()
        .filter(|d| {
            let written = &doc.text[d.span.clone()];
            let label_end = written.find("]:").unwrap_or(written.len());
            !references.is_used(d) && !written[..label_end].contains(['{', '}'])
        })
        .collect();
    let labels = unused
        .iter()
        .filter(|d| !d.footnote)
        .map(|d| d.label.as_str());
    let mentioned = mentions(body, &doc.text, labels);
    let undefined: Vec<&str> = references
        .uses
        .iter()
        .filter(|r| {
            matches!(r.kind, Kind::Full | Kind::Collapsed) && !references.defines(&r.label, false)
        })
        .map(|r| r.label.as_str())
        .collect();
    for definition in unused {
        let message = if definition.footnote {
            format!(
                "no `[^{}]` marks this footnote, so kramdown leaves it out of the page",
                definition.label
            )
        } else if let Some(near) = closest(&definition.label, undefined.iter().copied()) {
            format!(
                "no reference uses this definition of `[{}]`; `[{near}]` may have meant it",
                definition.label
            )
        } else if let Some(mention) = mentioned.get(definition.label.as_str()) {
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

/// Where the prose mentions each of `labels` as words of its own (not
/// inside a longer word) outside every link: the text as written there, by
/// label. One pass over the prose, whatever the number of labels.
fn mentions<'t, 'l>(
    body: &Body,
    text: &'t str,
    labels: impl Iterator<Item = &'l str>,
) -> HashMap<&'l str, &'t str> {
    let mut by_first_word: HashMap<&str, Vec<&str>> = HashMap::default();
    for label in labels.filter(|l| l.chars().any(char::is_alphabetic)) {
        by_first_word
            .entry(first_word(label))
            .or_default()
            .push(label);
    }
    let mut found = HashMap::default();
    if by_first_word.is_empty() {
        return found;
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
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    for segment in body.prose.iter() {
        let lower = segment.text.to_lowercase();
        // Lowercasing may change lengths; such a segment is not searched.
        if lower.len() != segment.text.len() {
            continue;
        }
        // Word by word: each word is read once, then looked up.
        let mut chars = lower.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if !is_word(c) {
                continue;
            }
            let mut end = lower.len();
            while let Some(&(next, c)) = chars.peek() {
                if !is_word(c) {
                    end = next;
                    break;
                }
                chars.next();
            }
            let Some(candidates) = by_first_word.get(&lower[at..end]) else {
                continue;
            };
            for label in candidates {
                let end = at + label.len();
                let whole = lower[at..].starts_with(label)
                    && !lower[end..].chars().next().is_some_and(is_word);
                if !whole || found.contains_key(label) {
                    continue;
                }
                let span = segment.source_span(at..end);
                if !linked(&span)
                    && let Some(written) = text.get(span)
                {
                    found.insert(*label, written);
                }
            }
        }
    }
    found
}

/// The first word of `text`: up to its first character that is not a
/// letter, digit or `_`.
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
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
    fn a_mention_is_a_whole_word_run_at_a_word_start() {
        let text = "---\ntitle: x\n---\nA subwidget and big_tool, then the Big Tool\n\n\
                    [widget]: /w\n[big tool]: /b\n[tool]: /t\n";
        assert_eq!(spans(&RULE, "a.md", text), ["[big tool]: /b", "[tool]: /t"]);
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
