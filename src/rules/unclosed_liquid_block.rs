//! `unclosed-liquid-block`: a Liquid block (`if`, `for`, `raw`, `highlight`,
//! …) that is never closed, which stops Jekyll's build.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::liquid::parse::Problem;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "unclosed-liquid-block",
    severity: Severity::Error,
    summary: "A Liquid block (`{% if %}`, `{% for %}`, `{% raw %}`, `{% highlight %}`, …) is never closed",
    explanation: "\
## What it does
Reads the body as Jekyll's Liquid does and reports every block tag with no end
tag: `if`, `unless`, `case`, `for`, `tablerow`, `capture`, `comment`, `raw`,
`ifchanged`, Jekyll's `highlight`, and a plugin's block. The finding points at
the opening tag. When an outer block's end tag comes first (`{% for %}{% if %}
{% endfor %}`), that end tag is labelled too.

`{% raw %}` ends only at an end tag without whitespace control: Liquid (4 and
5) does not see `{%- endraw -%}` as its end, so a raw block closed that way is
never closed.

## Why is this bad?
Jekyll stops the build: `Liquid syntax error (line N): 'if' tag was never
closed`, or `'endfor' is not a valid delimiter for if tags. use endif`. Liquid's
line number counts from the end of the front matter; prepress gives the line in
the file.

prepress goes on checking the text after the tag as Jekyll would show it once
the block is closed, so a missing end tag hides no other finding.

## How to fix
Add the end tag (`{% endif %}`) where the block ends, or delete the opening tag.
To show Liquid in a post, wrap it in `{% raw %}` … `{% endraw %}`.

## Example
```liquid
Here is an unclosed if: {% if page.x %} shown   <- reported: no {% endif %}
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(parsed) = doc.liquid() else {
        return;
    };
    for problem in &parsed.problems {
        let Problem::Unclosed { name, open, cut_by } = problem else {
            continue;
        };
        let end = format!("{{% end{name} %}}");
        let mut diagnostic = Diagnostic::new(
            RULE.id,
            RULE.severity,
            open.clone(),
            format!("this `{name}` block is never closed, so Jekyll stops the build"),
        );
        diagnostic = match cut_by {
            Some(cut) if name == "raw" => diagnostic
                .with_label(cut.clone(), "Liquid does not see this as the end of `raw`")
                .with_help(format!(
                    "write `{end}` without `-`: `raw` ends only at an end tag with no whitespace control"
                )),
            Some(cut) => diagnostic
                .with_label(
                    cut.clone(),
                    format!("Liquid meets this end tag while the `{name}` is still open"),
                )
                .with_help(format!("close the `{name}` with `{end}` before this end tag")),
            None => diagnostic.with_help(format!(
                "close it with `{end}`; to show the tag as text, wrap it in `{{% raw %}}` … `{{% endraw %}}`"
            )),
        };
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, spans};

    #[test]
    fn reports_the_opening_tag() {
        let text = "---\ntitle: x\n---\nHere is an unclosed if: {% if page.x %} shown\n{% highlight ruby %}\nx\n";
        assert_eq!(
            spans(&RULE, "_posts/2024-01-01-a.md", text),
            ["{% if page.x %}", "{% highlight ruby %}"]
        );
        let found = run(&RULE, "_posts/2024-01-01-a.md", text);
        assert_eq!(
            found[0]
                .help
                .as_deref()
                .map(|h| h.contains("`{% endif %}`")),
            Some(true)
        );
    }

    #[test]
    fn labels_the_end_tag_liquid_meets_first() {
        let text =
            "---\n---\n{% for a in b %}{% if a %}{% endfor %}\n{% raw %}{{ x }}{%- endraw -%}\n";
        let found = run(&RULE, "_posts/2024-01-01-a.md", text);
        let labels: Vec<&str> = found
            .iter()
            .flat_map(|d| d.labels.iter().map(|l| &text[l.span.clone()]))
            .collect();
        assert_eq!(labels, ["{% endfor %}", "{%- endraw -%}"]);
        assert_eq!(&text[found[0].span.clone()], "{% if a %}");
    }

    #[test]
    fn closed_blocks_and_files_without_liquid_pass() {
        let text = "---\n---\n{% if a %}{% raw %}{% if %}{% endraw %}{% endif %}\n";
        assert!(run(&RULE, "_posts/2024-01-01-a.md", text).is_empty());
        let text = "---\nrender_with_liquid: false\n---\n{% if a %}\n";
        assert!(run(&RULE, "_posts/2024-01-01-a.md", text).is_empty());
        // A page without front matter is copied as it is.
        assert!(run(&RULE, "notes.md", "{% if a %}\n").is_empty());
    }
}
