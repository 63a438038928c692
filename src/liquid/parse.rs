//! Liquid's parse of a document: blocks opened and closed, and every place
//! where Liquid stops the build.
//!
//! It follows Liquid's own parser (4.0 and 5.4 agree on all of this): a
//! registered block tag opens a block its `end` tag closes; a tag Liquid
//! does not register is offered to the innermost block, which takes its
//! branches (`else`, `elsif`, `when`) and stops the build on anything else.
//! A `{% comment %}` ignores unknown tags and stray end tags inside it, but
//! its block tags still nest and must close; `{% raw %}` takes everything up
//! to its `{% endraw %}` unread. Liquid stops at the first problem; this
//! parse goes on after each one, as if it were not there, so that one slip
//! is one finding and the slips after it are found too. A tag whose name
//! Liquid does not know but whose `end` tag follows is read as a plugin's
//! block.

use std::collections::HashMap;
use std::ops::Range;

use super::known;
use super::lex::{self, Kind};

/// One place where Liquid stops the build (or, for a Liquid 5 tag, where
/// Liquid 4 does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A block that is never closed: the tag that opens it and, when Liquid
    /// meets an outer block's end tag first, that end tag.
    Unclosed {
        /// The block's name (`if`).
        name: String,
        /// The tag that opens it.
        open: Range<usize>,
        /// The outer block's end tag Liquid meets while it is open.
        cut_by: Option<Range<usize>>,
    },
    /// An end tag or a branch (`else`, `elsif`, `when`) that no open block
    /// takes.
    Stray {
        /// Its name.
        name: String,
        /// The tag.
        span: Range<usize>,
        /// The innermost open block, its name and opening tag, if any.
        inside: Option<(String, Range<usize>)>,
    },
    /// A `{%` or `{{` Liquid cannot close or read.
    Unterminated {
        /// The opener, or the whole token Liquid cut.
        span: Range<usize>,
        /// Why.
        why: Unterminated,
    },
    /// A tag neither Liquid nor Jekyll registers.
    Unknown {
        /// Its name.
        name: String,
        /// The tag.
        span: Range<usize>,
    },
    /// A tag only Liquid 5 has.
    Liquid5 {
        /// Its name.
        name: String,
        /// The tag.
        span: Range<usize>,
    },
}

/// Why Liquid cannot read a `{%` or `{{`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unterminated {
    /// A `{{` with no `}}`.
    Output,
    /// A `{%` with no `%}` after it anywhere.
    Tag,
    /// A `{% … %}` with no tag name (`{% %}`).
    Nameless,
    /// A `{%` whose `%}` is another tag's: it runs on into that tag.
    RunsOn,
}

/// A `{{ … }}` or `{% … %}` that Liquid renders: outside `raw` and
/// `comment`, in a file Liquid reads without stopping at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rendered {
    /// The whole token.
    pub(crate) span: Range<usize>,
    /// A tag's name; `None` for an output.
    pub(crate) name: Option<Range<usize>>,
    /// A tag's markup, or an output's inside.
    pub(crate) markup: Range<usize>,
}

/// A `{% highlight %}` block: its opening and its end tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Highlight {
    /// `{% highlight lang %}`.
    pub(crate) open: Range<usize>,
    /// `{% endhighlight %}`.
    pub(crate) close: Range<usize>,
}

/// What Liquid makes of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Parsed {
    /// Where it stops the build, in the order of the document.
    pub(crate) problems: Vec<Problem>,
    /// What it renders, in order.
    pub(crate) rendered: Vec<Rendered>,
    /// Its `{% highlight %}` blocks, in the order they close.
    pub(crate) highlights: Vec<Highlight>,
}

/// A block open while the parse goes on.
struct Open {
    name: String,
    span: Range<usize>,
}

/// Parses `text[from..]` as Liquid.
pub(crate) fn parse(text: &str, from: usize) -> Parsed {
    let tokens = lex::tokens(text, from);
    let parts: Vec<_> = tokens
        .iter()
        .map(|t| match t.kind {
            Kind::Tag => lex::tag_parts(&text[t.span.clone()]).map(|(name, markup)| {
                let at = t.span.start;
                (
                    at + name.start..at + name.end,
                    at + markup.start..at + markup.end,
                )
            }),
            _ => None,
        })
        .collect();
    // Where each tag name is last written, to tell an unknown block tag
    // (its `end` tag follows) from an unknown simple one.
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (i, part) in parts.iter().enumerate() {
        if let Some((name, _)) = part {
            last.insert(&text[name.clone()], i);
        }
    }
    let mut out = Parsed::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let span = token.span.clone();
        i += 1;
        let in_comment = stack.iter().any(|o| o.name == "comment");
        let top_is_comment = stack.last().is_some_and(|o| o.name == "comment");
        match token.kind {
            Kind::Unterminated => {
                let why = if text[span.clone()].starts_with("{{") {
                    Unterminated::Output
                } else {
                    Unterminated::Tag
                };
                out.problems.push(Problem::Unterminated { span, why });
                continue;
            }
            Kind::Output => {
                if !in_comment {
                    out.rendered.push(Rendered {
                        span: span.clone(),
                        name: None,
                        markup: span.start + 2..span.end - 2,
                    });
                }
                continue;
            }
            Kind::Tag => {}
        }
        let Some((name_span, markup)) = parts[i - 1].clone() else {
            out.problems.push(Problem::Unterminated {
                span,
                why: Unterminated::Nameless,
            });
            continue;
        };
        if text[span.start + 2..span.end].contains("{%") {
            // Liquid reads on to the next tag's `%}`: the opener has none.
            out.problems.push(Problem::Unterminated {
                span,
                why: Unterminated::RunsOn,
            });
            continue;
        }
        let name = &text[name_span.clone()];
        let rendered = Rendered {
            span: span.clone(),
            name: Some(name_span.clone()),
            markup,
        };
        if let Some(top) = stack.last()
            && name.strip_prefix("end") == Some(top.name.as_str())
        {
            let open = stack.pop().map(|o| o.span);
            if name == "endhighlight"
                && let Some(open) = open
            {
                out.highlights.push(Highlight { open, close: span });
            }
            continue;
        }
        if name == "raw" {
            let end = (i..tokens.len())
                .find(|&j| lex::raw_end_name(&text[tokens[j].span.clone()]) == Some("endraw"));
            if let Some(j) = end {
                i = j + 1;
                continue;
            }
            // An end tag Liquid's `raw` does not see (`{%- endraw -%}`) is
            // where the author meant it to end: the parse goes on after it.
            let meant = (i..tokens.len()).find(|&j| {
                parts[j]
                    .as_ref()
                    .is_some_and(|(n, _)| &text[n.clone()] == "endraw")
            });
            out.problems.push(Problem::Unclosed {
                name: name.to_string(),
                open: span,
                cut_by: meant.map(|j| tokens[j].span.clone()),
            });
            if let Some(j) = meant {
                i = j + 1;
            }
            continue;
        }
        match known::builtin(name) {
            Some(builtin) => {
                if builtin.liquid5 && !top_is_comment {
                    out.problems.push(Problem::Liquid5 {
                        name: name.to_string(),
                        span: span.clone(),
                    });
                }
                if builtin.block {
                    stack.push(Open {
                        name: name.to_string(),
                        span,
                    });
                }
                if !in_comment && name != "comment" {
                    out.rendered.push(rendered);
                }
                continue;
            }
            None if top_is_comment => continue,
            None => {}
        }
        if let Some(top) = stack.last()
            && known::branches(&top.name).contains(&name)
        {
            if !in_comment {
                out.rendered.push(rendered);
            }
            continue;
        }
        let is_end = name.starts_with("end");
        if is_end || matches!(name, "else" | "elsif" | "when") {
            let opener = stack
                .iter()
                .rposition(|o| name.strip_prefix("end") == Some(o.name.as_str()));
            match opener {
                Some(at) if is_end => {
                    for inner in stack.drain(at + 1..).rev() {
                        out.problems.push(Problem::Unclosed {
                            name: inner.name,
                            open: inner.span,
                            cut_by: Some(span.clone()),
                        });
                    }
                    stack.pop();
                }
                _ => out.problems.push(Problem::Stray {
                    name: name.to_string(),
                    span,
                    inside: stack.last().map(|o| (o.name.clone(), o.span.clone())),
                }),
            }
            continue;
        }
        out.problems.push(Problem::Unknown {
            name: name.to_string(),
            span: span.clone(),
        });
        if last
            .get(format!("end{name}").as_str())
            .is_some_and(|&j| j >= i)
        {
            stack.push(Open {
                name: name.to_string(),
                span,
            });
        }
    }
    for open in stack {
        out.problems.push(Problem::Unclosed {
            name: open.name,
            open: open.span,
            cut_by: None,
        });
    }
    out.problems.sort_by_key(|p| p.span().start);
    out
}

impl Problem {
    /// The tag or opener it is about.
    pub(crate) fn span(&self) -> &Range<usize> {
        match self {
            Problem::Unclosed { open: span, .. }
            | Problem::Stray { span, .. }
            | Problem::Unterminated { span, .. }
            | Problem::Unknown { span, .. }
            | Problem::Liquid5 { span, .. } => span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each problem as a short line: kind, name and the text it points at.
    fn problems(text: &str) -> Vec<String> {
        parse(text, 0)
            .problems
            .into_iter()
            .map(|p| match p {
                Problem::Unclosed { name, open, cut_by } => format!(
                    "unclosed {name} at {}{}",
                    &text[open],
                    cut_by.map_or(String::new(), |c| format!(" cut by {}", &text[c]))
                ),
                Problem::Stray { name, span, inside } => format!(
                    "stray {name} at {}{}",
                    &text[span],
                    inside.map_or(String::new(), |(n, _)| format!(" in {n}"))
                ),
                Problem::Unterminated { span, why } => format!("{why:?} at {}", &text[span]),
                Problem::Unknown { name, .. } => format!("unknown {name}"),
                Problem::Liquid5 { name, .. } => format!("liquid5 {name}"),
            })
            .collect()
    }

    #[test]
    fn balanced_blocks_are_fine() {
        let text = "{% if a %}x{% elsif b %}{% else %}{% endif %}{% for x in y %}{% break %}{% else %}{% endfor %}\
                    {% case a %}{% when 1 %}{% else %}{% endcase %}{% unless a %}{% else %}{% endunless %}\
                    {%- capture c -%}{{ x }}{%- endcapture -%}{% tablerow r in rows %}{% endtablerow %}\
                    {% highlight ruby %}{{ x }}{% endhighlight %}{% comment %}{% youtube %}{% endif %}{% endcomment %}";
        assert_eq!(problems(text), Vec::<String>::new());
    }

    #[test]
    fn finds_what_liquid_stops_at() {
        assert_eq!(problems("a {% if x %} b"), ["unclosed if at {% if x %}"]);
        assert_eq!(
            problems("{% highlight ruby %}x"),
            ["unclosed highlight at {% highlight ruby %}"]
        );
        assert_eq!(
            problems("{% comment %}"),
            ["unclosed comment at {% comment %}"]
        );
        assert_eq!(problems("{% endif %}"), ["stray endif at {% endif %}"]);
        assert_eq!(problems("{% else %}"), ["stray else at {% else %}"]);
        assert_eq!(
            problems("{% capture a %}{% else %}{% endcapture %}"),
            ["stray else at {% else %} in capture"]
        );
        assert_eq!(
            problems("{% if a %}{% when b %}{% endif %}"),
            ["stray when at {% when b %} in if"]
        );
        assert_eq!(problems("{% youtube abc %}"), ["unknown youtube"]);
        assert_eq!(problems("{% render 'x' %}"), ["liquid5 render"]);
        assert_eq!(problems("{{ x"), ["Output at {{"]);
        assert_eq!(problems("{% x"), ["Tag at {%"]);
        assert_eq!(problems("{% %}"), ["Nameless at {% %}"]);
        assert_eq!(
            problems("{% if x\n{% endif %}"),
            ["RunsOn at {% if x\n{% endif %}"]
        );
    }

    #[test]
    fn a_wrong_end_tag_is_one_finding() {
        // Liquid: "'endfor' is not a valid delimiter for if tags".
        assert_eq!(
            problems("{% for a in b %}{% if x %}{% endfor %}"),
            ["unclosed if at {% if x %} cut by {% endfor %}"]
        );
        assert_eq!(
            problems("{% if x %}{% endfor %}{% endif %}"),
            ["stray endfor at {% endfor %} in if"]
        );
        assert_eq!(
            problems("{% if a %}{% for b in c %}"),
            [
                "unclosed if at {% if a %}",
                "unclosed for at {% for b in c %}"
            ]
        );
    }

    #[test]
    fn raw_is_read_as_liquid_reads_it() {
        assert_eq!(
            problems("{% raw %}{% if %}{{ x {% endraw %}"),
            Vec::<String>::new()
        );
        assert_eq!(
            problems("{% raw %}{{ x }}{%- endraw -%}{{ y"),
            [
                "unclosed raw at {% raw %} cut by {%- endraw -%}",
                "Output at {{"
            ]
        );
        assert_eq!(problems("{% endraw %}"), ["stray endraw at {% endraw %}"]);
        // A block inside a comment still has to close.
        assert_eq!(
            problems("{% comment %}{% if x %}{% endcomment %}"),
            ["unclosed if at {% if x %} cut by {% endcomment %}"]
        );
    }

    #[test]
    fn a_plugin_block_is_read_from_its_end_tag() {
        assert_eq!(
            problems("{% tabs a %}{% if x %}{% endif %}{% endtabs %}"),
            ["unknown tabs"]
        );
    }

    #[test]
    fn lists_what_liquid_renders() {
        let text = "{{ a }}{% raw %}{{ b }}{% endraw %}{% comment %}{{ c }}{% endcomment %}{% include d %}";
        let found: Vec<&str> = parse(text, 0)
            .rendered
            .iter()
            .map(|r| &text[r.span.clone()])
            .collect();
        assert_eq!(found, ["{{ a }}", "{% include d %}"]);
        let text = "{% highlight js %}\n{{ x }}\n{% endhighlight %}";
        let highlights = parse(text, 0).highlights;
        assert_eq!(&text[highlights[0].open.clone()], "{% highlight js %}");
        assert_eq!(&text[highlights[0].close.clone()], "{% endhighlight %}");
    }
}
