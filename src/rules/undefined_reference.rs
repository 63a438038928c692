//! `undefined-reference`: a reference link, image or footnote with no
//! definition, which kramdown leaves as text.

use super::context::Context;
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::markdown::Kind;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "undefined-reference",
    severity: Severity::Warning,
    summary: "A reference link or footnote has no definition, so it shows as text",
    explanation: "\
## What it does
Reports `[text][label]`, `[text][]`, `![alt][label]` and `[^note]` when the
post defines no `[label]: …` (or `[^note]: …`), matching labels as kramdown
does: case does not matter, and every run of spaces or line breaks counts as
one space. `[text]` alone is not reported: kramdown links it only when a
definition matches and otherwise shows it as it is, as authors write `[sic]`
or `[1]`. Brackets in code, HTML, Liquid and URLs are not read, nor a label Liquid
writes, nor any in a post whose definitions Liquid writes
(`[{{ slug }}]: …` in a `{% for %}` loop), nor an index
such as `a[i][j]` (a bracket right after a word), nor labels set apart from
their text by a space. A file that includes others (`{% include %}`) and an
include are skipped: the definition may be in the other file.

In a block quote, someone else's text or a template shown as it is, the
finding is an info note.

## Why is this bad?
kramdown renders a reference it cannot resolve as the text it is: the reader
sees `[see here][nowhere]`, brackets and all, and no link.

## How to fix
Add the definition (`[nowhere]: https://…` on a line of its own), or fix the
label; the help names the closest one the post defines.

## Example
```markdown
A reference with no definition: [see here][nowhere].     reported
A reference: [see here][docs].                           fine

[docs]: https://example.org/docs
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
    // A definition whose label Liquid writes (in a loop) may define any label.
    let made_by_liquid = references.definitions.iter().any(|d| {
        let written = &doc.text[d.span.clone()];
        written[..written.find("]:").unwrap_or(written.len())].contains('{')
    });
    if made_by_liquid {
        return;
    }
    for reference in &references.uses {
        let footnote = reference.kind == Kind::Footnote;
        if reference.kind == Kind::Shortcut
            || !reference.plain
            || references.defines(&reference.label, footnote)
        {
            continue;
        }
        let written = &doc.text[reference.span.clone()];
        // A label Liquid writes is only known once the site is built.
        if written.contains("{{") || written.contains("{%") {
            continue;
        }
        let (what, prefix) = match (footnote, reference.image) {
            (true, _) => ("footnote", "^"),
            (false, true) => ("image reference", ""),
            (false, false) => ("link reference", ""),
        };
        let mut diagnostic = Diagnostic::new(
            RULE.id,
            RULE.severity,
            reference.span.clone(),
            format!(
                "this {what} has no definition `[{prefix}{}]:`, so it shows as the text `{written}`",
                reference.label
            ),
        );
        let defined = references
            .definitions
            .iter()
            .filter(|d| d.footnote == footnote)
            .map(|d| d.label.as_str());
        diagnostic = match closest(&reference.label, defined) {
            Some(near) => diagnostic.with_help(format!("did you mean `[{prefix}{near}]`?")),
            None => diagnostic.with_help(format!(
                "add `[{prefix}{}]: …` on a line of its own",
                reference.label
            )),
        };
        // A block quote is someone else's text, a template shown as it is.
        if body
            .quotes
            .iter()
            .any(|q| q.start <= reference.span.start && reference.span.end <= q.end)
        {
            diagnostic = diagnostic.with_severity(Severity::Info);
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, spans};

    #[test]
    fn reports_references_without_definitions() {
        let text = "---\ntitle: x\n---\nA reference with no definition: [see here][nowhere]. \
                    Also [Docs Page][] and ![chart][fig] and a note[^gone].\n\n[docs]: /d\n";
        assert_eq!(
            spans(&RULE, "a.md", text),
            [
                "[see here][nowhere]",
                "[Docs Page][]",
                "![chart][fig]",
                "[^gone]"
            ]
        );
    }

    #[test]
    fn a_reference_in_a_block_quote_is_an_info_note() {
        let text = "---\ntitle: x\n---\n> * [Title][Url]\n";
        let found = run(&RULE, "a.md", text);
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn the_help_names_the_closest_definition() {
        let text = "---\ntitle: x\n---\nSee [the guide][setup-guid].\n\n[setup-guide]: /g\n";
        let found = run(&RULE, "a.md", text);
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean `[setup-guide]`?")
        );
    }

    #[test]
    fn labels_match_as_kramdown_matches_them() {
        let text = "---\ntitle: x\n---\nSee [a][The  Docs] and [b][the\ndocs] and [THE DOCS][].\n\n\
                    [the docs]: https://example.org\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }

    #[test]
    fn near_misses_stay_quiet() {
        let text = "---\ntitle: x\n---\nText [sic] and [1] and m[i][j] and `[a][b]` and \
                    \\[c\\]\\[d\\] and [e] [f] and {{ site.data[x][y] }} and more.\n\n<div>[g][h]</div>\n\n\
                    ```\n[i][j]\n```\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }

    #[test]
    fn definitions_written_by_liquid_may_define_anything() {
        let text = "---\ntitle: x\n---\nSee [a][b-filter].\n\n{% for f in page.fs %}\n\
                    [{{ f }}-filter]: /docs/#{{ f }}\n{% endfor %}\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }

    #[test]
    fn includes_and_files_that_include_are_skipped() {
        let text = "---\ntitle: x\n---\n{% include links.md %}\nSee [a][b].\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
        assert!(spans(&RULE, "_includes/x.md", "See [a][b].\n").is_empty());
    }
}
