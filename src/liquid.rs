//! The Liquid tags of a document, as Jekyll's renderer will meet them.
//!
//! Liquid runs before Markdown, over the whole body, code blocks included: a
//! `{% post_url %}` inside a fenced block still has to resolve. Only
//! `{% raw %}…{% endraw %}` and `{% comment %}…{% endcomment %}` are left alone.
//! This module lists each tag with its name, its arguments and their spans, for
//! the rules that check what tags refer to.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// One `{% name args %}` tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    /// The tag name, such as `post_url`.
    pub name: &'a str,
    /// The arguments as written, trimmed.
    pub args: &'a str,
    /// The whole tag in the document.
    pub span: Range<usize>,
    /// The arguments in the document.
    pub args_span: Range<usize>,
}

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)\{%-?\s*([A-Za-z_][\w-]*)(.*?)-?%\}").expect("the tag pattern compiles")
});

/// The tags of `text[from..]` that Liquid renders, in order.
pub fn tags(text: &str, from: usize) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let mut skip_until: Option<&str> = None;
    for caps in TAG.captures_iter(&text[from..]) {
        let (Some(whole), Some(name), Some(args)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let name = name.as_str();
        if let Some(end) = skip_until {
            if name == end {
                skip_until = None;
            }
            continue;
        }
        match name {
            "raw" => {
                skip_until = Some("endraw");
                continue;
            }
            "comment" => {
                skip_until = Some("endcomment");
                continue;
            }
            _ => {}
        }
        let trimmed = args.as_str().trim();
        let lead = args.as_str().len() - args.as_str().trim_start().len();
        let args_start = from + args.start() + lead;
        out.push(Tag {
            name,
            args: trimmed,
            span: from + whole.start()..from + whole.end(),
            args_span: args_start..args_start + trimmed.len(),
        });
    }
    out
}

/// The first argument of a tag (a file or post name), unless it is computed at
/// build time (`{{ … }}` or a variable), in which case it cannot be checked.
pub fn literal_target(args: &str) -> Option<&str> {
    let first = args.split_whitespace().next()?;
    let first = first.trim_matches(['"', '\'']);
    (!first.is_empty() && !args.contains("{{") && !first.contains('{')).then_some(first)
}

/// The literal first argument of every `{% name … %}` tag in `text[from..]`,
/// with its span: what a `post_url` or `include` refers to.
pub fn targets<'a>(text: &'a str, from: usize, name: &str) -> Vec<(&'a str, Range<usize>)> {
    tags(text, from)
        .into_iter()
        .filter(|tag| tag.name == name)
        .filter_map(|tag| {
            let target = literal_target(tag.args)?;
            let start = tag.args_span.start + tag.args.find(target)?;
            Some((target, start..start + target.len()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_tags_outside_raw_and_comment_blocks() {
        let text = "---\n---\nA {% post_url 2024-01-01-a %} and\n```\n{%- include x.html k=1 -%}\n```\n{% raw %}{% post_url nope %}{% endraw %}{% comment %}{% include y %}{% endcomment %}";
        let tags = tags(text, 8);
        let names: Vec<(&str, &str)> = tags.iter().map(|t| (t.name, t.args)).collect();
        assert_eq!(
            names,
            [("post_url", "2024-01-01-a"), ("include", "x.html k=1")]
        );
        assert_eq!(&text[tags[0].args_span.clone()], "2024-01-01-a");
        assert_eq!(&text[tags[1].span.clone()], "{%- include x.html k=1 -%}");
    }

    #[test]
    fn targets_point_at_the_name() {
        let text = "{% include \"note.html\" x=1 %} {% post_url a %}";
        let found = targets(text, 0, "include");
        assert_eq!(found, [("note.html", 12..21)]);
        assert_eq!(&text[found[0].1.clone()], "note.html");
    }

    #[test]
    fn computed_targets_are_not_checked() {
        assert_eq!(literal_target("note.html text=\"x\""), Some("note.html"));
        assert_eq!(literal_target("\"note.html\""), Some("note.html"));
        assert_eq!(literal_target("{{ page.note }}"), None);
        assert_eq!(literal_target("x-{{ page.n }}.html"), None);
        assert_eq!(literal_target(""), None);
    }
}
