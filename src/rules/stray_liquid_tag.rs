//! `stray-liquid-tag`: an end tag or a branch (`else`, `elsif`, `when`) that
//! no open block takes, which stops Jekyll's build.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::liquid::known;
use crate::liquid::parse::Problem;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "stray-liquid-tag",
    severity: Severity::Error,
    summary: "A Liquid end tag, `{% else %}`, `{% elsif %}` or `{% when %}` that no open block takes",
    explanation: "\
## What it does
Reports an end tag (`{% endif %}`, `{% endraw %}`) with no block of that name
open, the wrong end tag for the block that is open, and a branch outside a
block that takes it: `else` belongs in `if`, `unless`, `case` and `for`,
`elsif` in `if` and `unless`, `when` in `case`.

## Why is this bad?
Jekyll stops the build: `Liquid syntax error (line N): Unknown tag 'endif'`,
`Unexpected outer 'else' tag`, `capture tag does not expect 'else' tag`, or
`'endif' is not a valid delimiter for for tags. use endfor`.

## How to fix
Delete the stray tag, or add the opening tag it belongs to. To show the tag as
text, wrap it in `{% raw %}` … `{% endraw %}`.

## Example
```liquid
{% else %}    <- reported: no if, unless, case or for is open
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(parsed) = doc.liquid() else {
        return;
    };
    for problem in &parsed.problems {
        let Problem::Stray { name, span, inside } = problem else {
            continue;
        };
        let opens = name.strip_prefix("end");
        let message = match (opens, inside) {
            (Some(block), Some((open, _))) => format!(
                "`{{% {name} %}}` ends no open `{block}` block: the `{open}` block is open here, so Jekyll stops the build"
            ),
            (Some(block), None) => {
                format!("`{{% {name} %}}` ends no open `{block}` block, so Jekyll stops the build")
            }
            (None, Some((open, _))) => {
                format!("a `{open}` block takes no `{{% {name} %}}`, so Jekyll stops the build")
            }
            (None, None) => format!(
                "`{{% {name} %}}` is outside any block that takes it, so Jekyll stops the build"
            ),
        };
        let takers: Vec<&str> = ["if", "unless", "case", "for"]
            .into_iter()
            .filter(|b| known::branches(b).contains(&name.as_str()))
            .collect();
        let help = match opens {
            Some(block) => format!(
                "delete it, or add the `{{% {block} %}}` it ends; to show it as text, wrap it in `{{% raw %}}` … `{{% endraw %}}`"
            ),
            None => format!(
                "`{name}` belongs inside {}: delete it, or move it there",
                takers
                    .iter()
                    .map(|b| format!("`{b}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let mut diagnostic =
            Diagnostic::new(RULE.id, RULE.severity, span.clone(), message).with_help(help);
        if let Some((open, at)) = inside {
            diagnostic = diagnostic.with_label(at.clone(), format!("the open `{open}` block"));
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, run, spans};

    const POST: &str = "_posts/2024-01-01-a.md";

    #[test]
    fn reports_stray_ends_and_branches() {
        let text = "---\n---\n{% endif %} {% else %}\n{% capture a %}{% else %}{% endcapture %}\n{% for a in b %}{% endif %}{% endfor %}\n";
        assert_eq!(
            spans(&RULE, POST, text),
            ["{% endif %}", "{% else %}", "{% else %}", "{% endif %}"]
        );
        let said = messages(&RULE, POST, text);
        assert!(
            said[2].contains("a `capture` block takes no `{% else %}`"),
            "{said:?}"
        );
        assert!(said[3].contains("the `for` block is open here"), "{said:?}");
        let found = run(&RULE, POST, text);
        assert_eq!(
            found[1].help.as_deref(),
            Some(
                "`else` belongs inside `if`, `unless`, `case`, `for`: delete it, or move it there"
            )
        );
        assert_eq!(&text[found[3].labels[0].span.clone()], "{% for a in b %}");
    }

    #[test]
    fn branches_inside_their_blocks_pass() {
        let text = "---\n---\n{% if a %}{% elsif b %}{% else %}{% endif %}{% case a %}{% when 1 %}{% else %}{% endcase %}{% for a in b %}{% else %}{% endfor %}{% comment %}{% endif %}{% endcomment %}\n";
        assert!(run(&RULE, POST, text).is_empty());
    }
}
