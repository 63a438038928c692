//! `liquid-in-code`: Liquid written in a code sample, which Jekyll renders,
//! so the published sample loses it.

use std::ops::Range;

use super::context::Context;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::Document;
use crate::liquid::known;
use crate::liquid::parse::{Parsed, Rendered};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "liquid-in-code",
    severity: Severity::Warning,
    summary: "Liquid in a code sample that Jekyll renders, so readers never see it",
    explanation: "\
## What it does
Liquid runs before Markdown, over code too: a `{{ … }}` or `{% … %}` in a fenced
or indented code block, a `{% highlight %}` block or inline code is rendered
unless it is inside `{% raw %}` … `{% endraw %}`. Reports a code sample with
Liquid that is certainly meant as text:
- an output of a variable Jekyll does not have (`{{ user.name }}`): not
  `site`, `page`, `layout`, `content`, `paginator`, `jekyll`, `include`, nor one
  the post assigns, captures or loops over; it renders as nothing;
- an output of `page.x` where neither the front matter, the site's `defaults`
  nor Jekyll (`page.url`, `page.title`, `page.date`, …) give the page an `x`:
  it renders as nothing too;
- a control tag (`if`, `for`, `unless`, `case`, `capture`, `assign`, `cycle`,
  `tablerow`, …): it runs, and its text is gone.

Left alone, as what authors write on purpose: `{% include %}`,
`{% include_relative %}`, `{% link %}`, `{% post_url %}` and other tags that
write text (a sample built from a file, a URL in a shell command), outputs of
`site.…`, the page's own `page.…` and Jekyll's other variables (`{{ site.url }}` in a sample),
and the escapes `{{ \"{%\" }}` and `{{ '{{' }}`.

## Why is this bad?
The page differs from the post without a word from Jekyll: `const tpl =
\"{{ user.name }}\";` is published as `const tpl = \"\";`, and a Liquid
template shown in a tutorial vanishes or runs.

## How to fix
Wrap the sample in `{% raw %}` … `{% endraw %}`. The fix does this: before the
opening fence and after the closing one (on the same lines, so nothing else
moves), around inline code, or just inside `{% highlight %}` … `{% endhighlight %}`.
It is unsafe: the author may want part of the sample rendered. A sample that
already holds a `raw` tag gets no fix, as a second `raw` would end at the
first `{% endraw %}`.

## Example
````markdown
```js
const tpl = \"{{ user.name }}\";   <- reported: readers see const tpl = \"\";
```
````",
    fix: FixAvailability::Sometimes {
        applicability: Applicability::Unsafe,
        when: "when the sample holds no `raw` tag already",
    },
};

/// The variables Jekyll gives every page.
const GLOBALS: &[&str] = &[
    "site",
    "page",
    "layout",
    "content",
    "paginator",
    "jekyll",
    "include",
    "theme",
    "forloop",
    "tablerowloop",
];

/// The page variables Jekyll sets whatever the front matter says.
const PAGE_VARIABLES: &[&str] = &[
    "content",
    "title",
    "excerpt",
    "url",
    "date",
    "id",
    "categories",
    "tags",
    "collection",
    "dir",
    "name",
    "path",
    "next",
    "previous",
    "slug",
    "ext",
    "layout",
    "relative_path",
    "output",
    "draft",
    "permalink",
];

/// Tags that write text, which an author may put in a sample on purpose.
const WRITERS: &[&str] = &[
    "include",
    "include_relative",
    "link",
    "post_url",
    "render",
    "echo",
    "increment",
    "decrement",
];

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(parsed) = doc.liquid() else {
        return;
    };
    if parsed.rendered.is_empty() {
        return;
    }
    let Some(body) = doc.body() else {
        return;
    };
    let text = &doc.text;
    let assigned = assigned(text, parsed);
    let page_has = |key: &str| {
        PAGE_VARIABLES.contains(&key) || super::values::effective(context, doc, key).is_some()
    };
    let mut samples: Vec<Sample> = body
        .code
        .iter()
        .filter(|range| !is_masking_artifact(text, range.start))
        .map(|range| Sample {
            wrap: range.clone(),
        })
        .collect();
    samples.extend(parsed.highlights.iter().map(|h| Sample {
        wrap: h.open.end..h.close.start,
    }));
    for sample in samples {
        let lost: Vec<&Rendered> = parsed
            .rendered
            .iter()
            .filter(|r| sample.wrap.start <= r.span.start && r.span.end <= sample.wrap.end)
            .filter(|r| is_lost(text, r, &assigned, &page_has))
            .collect();
        let Some(first) = lost.first() else {
            continue;
        };
        let shown = &text[first.span.clone()];
        let mut diagnostic = Diagnostic::new(
            RULE.id,
            RULE.severity,
            first.span.clone(),
            format!("Jekyll renders `{shown}` in this code sample, so readers never see it"),
        )
        .with_help("wrap the sample in `{% raw %}` … `{% endraw %}`");
        for other in &lost[1..] {
            diagnostic = diagnostic.with_label(other.span.clone(), "rendered too");
        }
        let inner = &text[sample.wrap.clone()];
        if !has_raw_tag(inner) {
            diagnostic = diagnostic.with_fix(
                sample.wrap.clone(),
                format!("{{% raw %}}{inner}{{% endraw %}}"),
                Applicability::Unsafe,
            );
        }
        out.push(diagnostic);
    }
}

/// A code sample: the text a fix wraps in `raw` (a code block or span
/// whole, fences and backticks included; a `highlight` block's inside).
struct Sample {
    wrap: Range<usize>,
}

/// Whether the code at `start` is an indented block only because a line of
/// Liquid before it was blanked for the Markdown parse: in the post that
/// line is not blank, so the indented lines after it are no code block
/// (they are most often a template's HTML, indented inside a `{% for %}`).
/// Fences and code spans start with their marks and are always code.
fn is_masking_artifact(text: &str, start: usize) -> bool {
    if text[start..].starts_with(['`', '~']) {
        return false;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[..line_start.saturating_sub(1)];
    let previous = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    !previous.trim().is_empty()
}

/// Whether `text` holds a `raw` or `endraw` tag.
fn has_raw_tag(text: &str) -> bool {
    crate::liquid::lex::tokens(text, 0).iter().any(|t| {
        crate::liquid::lex::tag_parts(&text[t.span.clone()])
            .is_some_and(|(name, _)| matches!(&text[t.span.clone()][name], "raw" | "endraw"))
    })
}

/// The names the document assigns, captures or loops over, outside code
/// or in it: an output of one may be meant.
fn assigned<'a>(text: &'a str, parsed: &Parsed) -> Vec<&'a str> {
    parsed
        .rendered
        .iter()
        .filter_map(|r| {
            let name = &text[r.name.clone()?];
            let markup = &text[r.markup.clone()];
            matches!(
                name,
                "assign" | "capture" | "for" | "tablerow" | "increment" | "decrement"
            )
            .then(|| {
                markup
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                    .next()
            })
            .flatten()
        })
        .collect()
}

/// Whether Jekyll certainly loses what `rendered` shows: an output of a
/// variable nothing defines (`page.x` included, when neither the front
/// matter, the site's defaults nor Jekyll give the page an `x`: `page_has`
/// says), or a tag that writes nothing of itself.
fn is_lost(
    text: &str,
    rendered: &Rendered,
    assigned: &[&str],
    page_has: &dyn Fn(&str) -> bool,
) -> bool {
    let markup = text[rendered.markup.clone()].trim_matches(['-', ' ', '\t', '\n', '\r']);
    match &rendered.name {
        None => {
            let root: &str = markup
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                .next()
                .unwrap_or_default();
            // A literal (`{{ "{%" }}`, a number) or an empty output is an
            // escape or nothing at all.
            let literal = root.is_empty()
                || root.starts_with(|c: char| c.is_ascii_digit())
                || matches!(root, "true" | "false" | "nil" | "null" | "empty" | "blank");
            if root == "page" {
                let key = markup["page".len()..]
                    .strip_prefix('.')
                    .and_then(|rest| {
                        rest.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                            .next()
                    })
                    .filter(|key| !key.is_empty());
                return key.is_some_and(|key| !page_has(key));
            }
            !literal && !GLOBALS.contains(&root) && !assigned.contains(&root)
        }
        Some(name) => {
            let name = &text[name.clone()];
            let control =
                known::builtin(name).is_some() && !WRITERS.contains(&name) && name != "highlight";
            control || matches!(name, "else" | "elsif" | "when")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    const POST: &str = "_posts/2024-01-01-a.md";

    fn spans(text: &str) -> Vec<&str> {
        run(&RULE, POST, text)
            .into_iter()
            .map(|d| &text[d.span])
            .collect()
    }

    #[test]
    fn reports_liquid_lost_in_code() {
        let text = "---\n---\n`[Preview]({{ page.preview }}/x)` and `{{ page.url }}`\n\n```js\nconst tpl = \"{{ user.name }}\";\n```\n\nUse `{% if x %}` here.\n\n    echo {{ item }}\n\n{% highlight html %}\n{% for p in site.posts %}{% endfor %}\n{% endhighlight %}\n";
        assert_eq!(
            spans(text),
            [
                "{{ page.preview }}",
                "{{ user.name }}",
                "{% if x %}",
                "{{ item }}",
                "{% for p in site.posts %}"
            ]
        );
    }

    #[test]
    fn leaves_deliberate_liquid_alone() {
        let text = "---\npreview: https://x.org\n---\n{% assign who = 'x' %}\n```sh\ncurl {{ site.url }}/feed.xml {{ who }} {{ page.preview }}\n{% include_relative code/a.rb %}\n```\n\n`{{ \"{%\" }} if {{ '{{' }}`\n\n```\n{% raw %}{{ user.name }}{% endraw %}\n```\n\nProse {{ user.name }} is not code.\n";
        assert!(spans(text).is_empty(), "{:?}", spans(text));
        // Indented HTML inside a loop is a template, not a code block.
        let text = "---\n---\n<table>\n    {% for s in site.data.x %}\n        <tr>{% if s.v %}{{ s.v }}{% endif %}</tr>\n    {% endfor %}\n</table>\n";
        assert!(spans(text).is_empty(), "{:?}", spans(text));
    }

    #[test]
    fn the_fix_wraps_the_sample_in_raw() {
        let text = "---\n---\n```js\nx = \"{{ user.name }}\";\n```\nand `{{ a }}`\n\n{% highlight js %}\n{{ b }}\n{% endhighlight %}\n";
        let mut fixed = text.to_string();
        let mut found = run(&RULE, POST, text);
        found.sort_by_key(|d| std::cmp::Reverse(d.span.start));
        for diagnostic in found {
            let fix = diagnostic.fix.expect("a fix");
            fixed.replace_range(fix.span, &fix.replacement);
        }
        assert_eq!(
            fixed,
            "---\n---\n{% raw %}```js\nx = \"{{ user.name }}\";\n```{% endraw %}\nand {% raw %}`{{ a }}`{% endraw %}\n\n{% highlight js %}{% raw %}\n{{ b }}\n{% endraw %}{% endhighlight %}\n"
        );
        // Once wrapped, nothing is lost.
        assert!(run(&RULE, POST, &fixed).is_empty());
    }

    #[test]
    fn a_sample_with_a_raw_tag_gets_no_fix() {
        let text = "---\n---\n```\n{{ a }} {% raw %}{{ b }}{% endraw %}\n```\n";
        let found = run(&RULE, POST, text);
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }
}
