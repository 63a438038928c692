//! The Liquid tags of a document, as Jekyll's renderer will meet them.
//!
//! Liquid runs before Markdown, over the whole body, code blocks included: a
//! `{% post_url %}` inside a fenced block still has to resolve. Only
//! `{% raw %}…{% endraw %}` and `{% comment %}…{% endcomment %}` are left alone.
//! This module lists each tag with its name, its arguments and their spans, for
//! the rules that check what tags refer to.

pub(crate) mod known;
pub(crate) mod lex;
pub(crate) mod parse;

use std::ops::Range;

/// One `{% name args %}` tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tag<'a> {
    /// The tag name, such as `post_url`.
    pub(crate) name: &'a str,
    /// The name in the document.
    pub(crate) name_span: Range<usize>,
    /// The arguments as written, trimmed.
    pub(crate) args: &'a str,
    /// The whole tag in the document.
    pub(crate) span: Range<usize>,
    /// The arguments in the document.
    pub(crate) args_span: Range<usize>,
}

/// The tags of `text[from..]` that Liquid renders, in order.
pub(crate) fn tags(text: &str, from: usize) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let mut skip_until: Option<&str> = None;
    let mut at = from;
    while let Some(tag) = next_tag(text, &mut at) {
        if let Some(end) = skip_until {
            if tag.name == end {
                skip_until = None;
            }
            continue;
        }
        match tag.name {
            "raw" => skip_until = Some("endraw"),
            "comment" => skip_until = Some("endcomment"),
            _ => out.push(tag),
        }
    }
    out
}

/// The next `{% name args %}` at or after `*at`, moving `*at` past it. Read
/// as Liquid reads it: `{%`, an optional `-`, spaces, a name of letters,
/// digits, `_` and `-` (not starting with a digit or `-`), then everything up
/// to the first `%}` (less a `-` before it) as the arguments. A `{%` without
/// a name is not a tag, and the search goes on after it.
fn next_tag<'a>(text: &'a str, at: &mut usize) -> Option<Tag<'a>> {
    loop {
        let start = *at + find(text.get(*at..)?, *b"{%")?;
        *at = start + 2;
        let after = &text[start + 2..];
        let inner = after.strip_prefix('-').unwrap_or(after);
        let lead = inner.len() - inner.trim_start().len();
        let name_start = start + 2 + (after.len() - inner.len()) + lead;
        let rest = &text[name_start..];
        if !rest.starts_with(|c: char| c.is_alphabetic() || c == '_') {
            continue;
        }
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        let name_end = name_start + name_len;
        let close = name_end + find(&text[name_end..], *b"%}")?;
        let args_end = if text[name_end..close].ends_with('-') {
            close - 1
        } else {
            close
        };
        let raw = &text[name_end..args_end];
        let trimmed = raw.trim();
        let args_start = name_end + (raw.len() - raw.trim_start().len());
        *at = close + 2;
        return Some(Tag {
            name: &text[name_start..name_end],
            name_span: name_start..name_end,
            args: trimmed,
            span: start..close + 2,
            args_span: args_start..args_start + trimmed.len(),
        });
    }
}

/// Where the two bytes `pair` first occur in `text` (a fast scan for the
/// first byte, as tags are rare in long posts).
fn find(text: &str, pair: [u8; 2]) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(pair[0], bytes).find(|&i| bytes.get(i + 1) == Some(&pair[1]))
}

/// The first argument of a tag (a file or post name), unless it is computed at
/// build time (`{{ … }}` or a variable), in which case it cannot be checked.
pub(crate) fn literal_target(args: &str) -> Option<&str> {
    let first = args.split_whitespace().next()?;
    let first = first.trim_matches(['"', '\'']);
    (!first.is_empty() && !args.contains("{{") && !first.contains('{')).then_some(first)
}

/// A tag's literal first argument: what a `post_url` or `include` refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TagTarget {
    /// The tag's name in the document.
    pub(crate) name_span: Range<usize>,
    /// The argument in the document.
    pub(crate) span: Range<usize>,
}

/// The literal first argument of every tag in `text[from..]` that has one,
/// with the tag's name: found in one pass for every rule that looks up a
/// tag's target.
pub(crate) fn targets(text: &str, from: usize) -> Vec<TagTarget> {
    tags(text, from)
        .into_iter()
        .filter_map(|tag| {
            let target = literal_target(tag.args)?;
            let start = tag.args_span.start + tag.args.find(target)?;
            Some(TagTarget {
                name_span: tag.name_span,
                span: start..start + target.len(),
            })
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
    fn reads_tags_as_liquid_does() {
        let text = "{% %} {%{{ x }}%} {%-  include  a.html -%}{%post_url b%}{% if x-%} {% é %} {% unclosed";
        let found: Vec<(&str, &str, &str)> = tags(text, 0)
            .iter()
            .map(|t| (t.name, t.args, &text[t.span.clone()]))
            .collect();
        assert_eq!(
            found,
            [
                ("include", "a.html", "{%-  include  a.html -%}"),
                ("post_url", "b", "{%post_url b%}"),
                ("if", "x", "{% if x-%}"),
                ("é", "", "{% é %}"),
            ]
        );
        assert_eq!(tags("{% raw %}{% include x %}", 0), []);
        assert_eq!(tags("", 0), []);
    }

    #[test]
    fn targets_point_at_the_name() {
        let text = "{% include \"note.html\" x=1 %} {% post_url a %}";
        let found = targets(text, 0);
        assert_eq!(
            found,
            [
                TagTarget {
                    name_span: 3..10,
                    span: 12..21
                },
                TagTarget {
                    name_span: 33..41,
                    span: 42..43
                }
            ]
        );
        assert_eq!(&text[found[0].name_span.clone()], "include");
        assert_eq!(&text[found[0].span.clone()], "note.html");
        assert_eq!(&text[found[1].span.clone()], "a");
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
