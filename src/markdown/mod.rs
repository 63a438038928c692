//! The Markdown facts several rules share, read as kramdown (Jekyll's
//! Markdown renderer) reads them: headings and their ids, the anchors a post
//! sets itself, inline links and images, `<img>` tags, and references with
//! their definitions. Read once per document from the tree the prose step
//! parses (`prose::segments`), so no rule parses the body again. Code spans
//! and blocks, HTML, Liquid and URLs never yield a link, a reference or a
//! heading's text.

pub(crate) mod ids;
pub(crate) mod references;
pub(crate) mod unclosed;

#[cfg(test)]
mod oracle;

use std::ops::Range;

use comrak::nodes::{AstNode, NodeValue, Sourcepos};

pub(crate) use references::{Definition, Kind, References};
pub(crate) use unclosed::Unclosed;

/// A heading and the id kramdown gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    /// The heading as written (its `#` marks included), in the file.
    pub(crate) span: Range<usize>,
    /// Its id: written as `{#id}`, or kramdown's automatic one; `None` when
    /// Liquid makes part of its text, so only the build knows it.
    pub(crate) id: Option<String>,
    /// Its level, 1 for `#` to 6 for `######`.
    pub(crate) level: u8,
    /// Whether it is inside a block quote or a list item: quoted text and
    /// callouts have an outline of their own.
    pub(crate) nested: bool,
}

/// An inline link or image, `[text](url)` or `![alt](src)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Inline {
    /// The whole link in the file.
    pub(crate) span: Range<usize>,
    /// The destination as written between the parentheses (title left out),
    /// `None` for a reference link that resolved.
    pub(crate) destination: Option<Range<usize>>,
    /// Whether its text (a link's) or alt text (an image's) shows nothing.
    pub(crate) empty_text: bool,
    /// Whether it is an image.
    pub(crate) image: bool,
}

/// What the Markdown body holds for the Markdown rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Markdown {
    /// Headings in document order.
    pub(crate) headings: Vec<Heading>,
    /// Ids the post sets besides its headings': `{#id}` and `{: #id}`
    /// attribute lists, HTML `id=` and `name=`, footnotes' `fn:` and
    /// `fnref:` ids.
    pub(crate) anchors: Vec<String>,
    /// Inline links and images.
    pub(crate) links: Vec<Inline>,
    /// `<img>` tags with no `alt` attribute.
    pub(crate) images_without_alt: Vec<Range<usize>>,
    /// References, definitions and reversed links.
    pub(crate) references: References,
    /// The last code fence opened and never closed.
    pub(crate) unclosed_fence: Option<Unclosed>,
    /// The `<!--` no `-->` follows.
    pub(crate) unclosed_comment: Option<Unclosed>,
    /// Numbers such as `109.` opening a line inside a paragraph (not its
    /// first line), where kramdown starts a numbered list and `CommonMark`,
    /// for any number but 1, does not.
    pub(crate) numbered_lines: Vec<Range<usize>>,
}

impl Markdown {
    /// Every id a fragment of a link to this post can name, or `None` when
    /// Liquid in a heading leaves some unknown.
    pub(crate) fn ids(&self) -> Option<Vec<&str>> {
        let headings = self.headings.iter().map(|h| h.id.as_deref());
        let mut ids: Vec<&str> = headings.collect::<Option<_>>()?;
        ids.extend(self.anchors.iter().map(String::as_str));
        Some(ids)
    }
}

/// Reads the facts from `root`, comrak's tree of `text[body_start..]` with
/// the `masks` (body-relative ranges of Liquid, kramdown syntax and URLs,
/// sorted and disjoint) blanked out; `lines` are the body's line starts.
pub(crate) fn read<'a>(
    root: &'a AstNode<'a>,
    text: &str,
    body_start: usize,
    lines: &[usize],
    masks: &[Range<usize>],
) -> Markdown {
    let place = |pos: Sourcepos| -> Option<Range<usize>> {
        let start = lines.get(pos.start.line.checked_sub(1)?)? + pos.start.column.checked_sub(1)?;
        let end = lines.get(pos.end.line.checked_sub(1)?)? + pos.end.column;
        let body = &text[body_start..];
        (start < end
            && end <= body.len()
            && body.is_char_boundary(start)
            && body.is_char_boundary(end))
        .then_some(body_start + start..body_start + end)
    };
    let masks: Vec<Range<usize>> = masks
        .iter()
        .map(|m| body_start + m.start..body_start + m.end)
        .collect();
    let mut found = Markdown::default();
    let mut excluded = masks.clone();
    let mut headings = Vec::new();
    let (unclosed_fence, mut code) = unclosed::fences(text, body_start);
    for node in root.descendants() {
        let data = node.data.borrow();
        let Some(span) = place(data.sourcepos) else {
            continue;
        };
        match &data.value {
            NodeValue::Code(_) | NodeValue::CodeBlock(_) => {
                // comrak runs an unclosed fence to the end; kramdown does
                // not, so only `unclosed::fences` says where fenced code is.
                if !matches!(&data.value, NodeValue::CodeBlock(block) if block.fenced) {
                    code.push(span.clone());
                }
                excluded.push(span);
            }
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => {
                let html = &text[span.clone()];
                if !html.trim_start().starts_with("<!--") && !is_verbatim(html) {
                    found.anchors.extend(html_ids(html));
                    found.images_without_alt.extend(
                        imgs_without_alt(html)
                            .into_iter()
                            .map(|r| span.start + r.start..span.start + r.end),
                    );
                }
                excluded.push(span);
            }
            NodeValue::Heading(heading) => headings.push((node, span, heading.level)),
            NodeValue::Paragraph
                if node
                    .parent()
                    .is_some_and(|p| matches!(p.data.borrow().value, NodeValue::Document)) =>
            {
                found.numbered_lines.extend(numbered_lines(text, &span));
            }
            NodeValue::Link(_) | NodeValue::Image(_) => {
                let image = matches!(data.value, NodeValue::Image(_));
                let destination = destination(text, &span);
                // Liquid or a URL in the text (not the destination) shows words.
                let text_end = destination.as_ref().map_or(span.end, |d| d.start);
                // The masks are sorted and disjoint: the first one ending
                // after the link's start is the only one to ask.
                let first = masks.partition_point(|m| m.end <= span.start);
                let liquid_text = masks.get(first).is_some_and(|m| m.start < text_end);
                found.links.push(Inline {
                    destination,
                    empty_text: !liquid_text && shows_nothing(node),
                    span,
                    image,
                });
            }
            NodeValue::FootnoteDefinition(definition) => {
                found.anchors.push(format!("fn:{}", definition.name));
                found.anchors.push(format!("fnref:{}", definition.name));
            }
            _ => {}
        }
    }
    for mask in &masks {
        let written = &text[mask.clone()];
        if written == "{:toc}" {
            found.anchors.push("markdown-toc".to_string());
        } else if let Some(list) = written.strip_prefix('{').and_then(|w| w.strip_suffix('}'))
            && (list.starts_with('#') || list.starts_with(':'))
        {
            let list = list.trim_start_matches(':');
            found.anchors.extend(
                list.split_whitespace()
                    .filter_map(|part| part.strip_prefix('#'))
                    .filter(|id| !id.is_empty())
                    .map(str::to_string),
            );
        }
    }
    found.unclosed_fence = unclosed_fence;
    found.unclosed_comment = unclosed::comment(text, body_start, &code);
    excluded.sort_by_key(|r| r.start);
    found.references = references::find(text, body_start, &merged(excluded));
    let mut counter = ids::Counter::default();
    for (node, span, level) in headings {
        let id = heading_id(node, text, &span, &masks, &found.references, &mut counter);
        let nested = node.ancestors().any(|a| {
            matches!(
                a.data.borrow().value,
                NodeValue::BlockQuote | NodeValue::Item(_)
            )
        });
        found.headings.push(Heading {
            span,
            id,
            level,
            nested,
        });
    }
    found
}

/// The numbers other than 1 (`109.`, followed by a space or a tab) that
/// open a line of the paragraph written at `span`, its first line left out.
fn numbered_lines(text: &str, span: &Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut at = span.start;
    for (n, line) in text[span.clone()].split_inclusive('\n').enumerate() {
        let start = at;
        at += line.len();
        let indent = line.len() - line.trim_start_matches(' ').len();
        let digits = line[indent..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let after = &line[indent + digits..];
        if n == 0
            || indent > 3
            || digits == 0
            || digits > 9
            || !after.starts_with(". ") && !after.starts_with(".\t")
        {
            continue;
        }
        if line[indent..indent + digits].trim_start_matches('0') != "1" {
            found.push(start + indent..start + indent + digits + 1);
        }
    }
    found
}

/// Sorted ranges with overlapping ones joined.
fn merged(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// Whether an HTML node is verbatim text (a `<pre>`, `<code>`, `<script>`
/// or `<style>` element), where tags are shown or run, not rendered.
fn is_verbatim(html: &str) -> bool {
    let lower = html.trim_start().to_ascii_lowercase();
    ["<pre", "<code", "<script", "<style", "<textarea"]
        .iter()
        .any(|tag| lower.starts_with(tag))
}

/// The id of the heading `node` written at `span`: a trailing `{#id}`, else
/// kramdown's automatic id (counted in `counter`); `None` when Liquid is
/// part of it.
fn heading_id<'a>(
    node: &'a AstNode<'a>,
    text: &str,
    span: &Range<usize>,
    masks: &[Range<usize>],
    references: &References,
    counter: &mut ids::Counter,
) -> Option<String> {
    let inside: Vec<&Range<usize>> = masks
        .iter()
        .filter(|m| span.start <= m.start && m.end <= span.end)
        .collect();
    if let Some(last) = inside.last()
        && let Some(id) = text[(*last).clone()]
            .strip_prefix("{#")
            .and_then(|i| i.strip_suffix('}'))
        && text[last.end..span.end].trim().is_empty()
    {
        if inside.len() == 1 {
            return Some(id.to_string());
        }
        return None;
    }
    if inside
        .iter()
        .any(|m| text[(*m).clone()].starts_with("{{") || text[(*m).clone()].starts_with("{%"))
    {
        // Its id is unknown, so it cannot be counted as a repeat either.
        return None;
    }
    let mut words = String::new();
    heading_text(node, &mut words);
    Some(counter.next(ids::base_id(&linked(&words, references))))
}

/// The text kramdown's GFM parser makes a heading's id from: text and code
/// spans, through links and emphasis, without images or HTML tags.
fn heading_text<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for child in node.children() {
        match &child.data.borrow().value {
            NodeValue::Text(text) => out.push_str(&ids::without_typographic(text)),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push('\n'),
            NodeValue::Image(_) | NodeValue::HtmlInline(_) | NodeValue::FootnoteReference(_) => {}
            _ => heading_text(child, out),
        }
    }
}

/// A heading's text with each reference link that resolves read as its
/// text: the tree has them as text, since their definitions' destinations
/// are masked (URLs) before it is parsed.
fn linked(words: &str, references: &References) -> String {
    // Most headings hold no reference: no `[`, nothing to look for.
    if !words.contains('[') {
        return words.to_string();
    }
    let found = references::find(words, 0, &[]);
    let mut out = String::with_capacity(words.len());
    let mut at = 0;
    for reference in &found.uses {
        if reference.kind == Kind::Footnote
            || reference.span.start < at
            || !references.defines(&reference.label, false)
        {
            continue;
        }
        let written = &words[reference.span.clone()];
        let text_end = written.rfind("][").map_or(written.len() - 1, |end| end);
        out.push_str(&words[at..reference.span.start]);
        if !reference.image {
            out.push_str(&written[1..text_end]);
        }
        at = reference.span.end;
    }
    out.push_str(&words[at..]);
    out
}

/// Whether a link's text or an image's alt text shows nothing.
fn shows_nothing<'a>(node: &'a AstNode<'a>) -> bool {
    node.children()
        .all(|child| match &child.data.borrow().value {
            NodeValue::Text(text) => text.trim().is_empty(),
            NodeValue::SoftBreak | NodeValue::LineBreak => true,
            NodeValue::Emph | NodeValue::Strong | NodeValue::Strikethrough => shows_nothing(child),
            _ => false,
        })
}

/// The destination of an inline link written at `span`, as written between
/// its parentheses with any title left out; `None` for a reference link.
fn destination(text: &str, span: &Range<usize>) -> Option<Range<usize>> {
    let written = text.get(span.clone())?;
    let inside = written.strip_suffix(')')?;
    let open = inside.rfind("](")? + 2;
    let mut end = inside.len();
    let rest = inside[open..].trim_end();
    if rest.ends_with(['"', '\'']) {
        let quote = &rest[rest.len() - 1..];
        if let Some(title) = rest[..rest.len() - 1].rfind(quote) {
            end = open + rest[..title].trim_end().len();
        }
    }
    Some(span.start + open..span.start + end)
}

/// The values of the `id` and `name` attributes in `html`.
fn html_ids(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    for attribute in ["id=", "name="] {
        for at in memchr::memmem::find_iter(lower.as_bytes(), attribute.as_bytes()) {
            let before = lower[..at].chars().next_back();
            if !before.is_some_and(char::is_whitespace) {
                continue;
            }
            let value = &html[at + attribute.len()..];
            let (quote, value) = match value.chars().next() {
                Some(q @ ('"' | '\'')) => (Some(q), &value[1..]),
                _ => (None, value),
            };
            let end = match quote {
                Some(q) => value.find(q),
                None => value.find(|c: char| c.is_whitespace() || c == '>' || c == '/'),
            };
            if let Some(end) = end.or(quote.is_none().then_some(value.len())) {
                found.push(value[..end].to_string());
            }
        }
    }
    found
}

/// The `<img …>` tags in `html` with no `alt` attribute.
fn imgs_without_alt(html: &str) -> Vec<Range<usize>> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    for start in memchr::memmem::find_iter(lower.as_bytes(), b"<img") {
        if !lower[start + 4..].starts_with(|c: char| c.is_whitespace() || c == '/' || c == '>') {
            continue;
        }
        let end = lower[start..]
            .find('>')
            .map_or(lower.len(), |e| start + e + 1);
        let tag = &lower[start..end];
        let has_alt = tag.match_indices("alt").any(|(at, _)| {
            tag[..at].ends_with(char::is_whitespace)
                && tag[at + 3..].starts_with(|c: char| c.is_whitespace() || "=/>".contains(c))
        });
        if !has_alt {
            found.push(start..end);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::LineIndex;
    use crate::prose::segments;

    fn markdown(text: &str) -> Markdown {
        segments::parse(text, 0, &LineIndex::new(text)).markdown
    }

    fn ids(text: &str) -> Vec<Option<String>> {
        markdown(text).headings.into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn heading_ids_read_through_markup() {
        let text = "## Use `cargo_test` *now*\n\n## See [the docs](https://x.org) ![i](a.png)\n";
        assert_eq!(
            ids(text),
            [
                Some("use-cargo_test-now".into()),
                Some("see-the-docs-".into())
            ]
        );
    }

    #[test]
    fn heading_ids_read_reference_links_as_their_text() {
        let text = "## See [the docs][d] and [x]\n\n## Plain words\n\n[d]: https://x.org\n";
        assert_eq!(
            ids(text),
            [
                Some("see-the-docs-and-x".into()),
                Some("plain-words".into())
            ]
        );
    }

    #[test]
    fn liquid_in_a_link_text_shows_words_and_liquid_elsewhere_does_not() {
        let text = "See {{ a }} [ ](/x) [{{ b }}](/y) [](/z) [c]({{ d }}) {{ e }}\n";
        let empty: Vec<bool> = markdown(text).links.iter().map(|l| l.empty_text).collect();
        assert_eq!(empty, [true, false, true, false]);
    }

    #[test]
    fn a_written_id_wins_and_liquid_leaves_it_unknown() {
        let text = "## Setup {#install}\n\n## For {{ page.who }}\n";
        assert_eq!(ids(text), [Some("install".into()), None]);
    }

    #[test]
    fn anchors_come_from_html_attribute_lists_and_footnotes() {
        let text = "<a name=\"top-part\"></a>\n\nText[^n].\n{: #para}\n\n[^n]: Note.\n";
        let anchors = markdown(text).anchors;
        for id in ["top-part", "para", "fn:n", "fnref:n"] {
            assert!(anchors.iter().any(|a| a == id), "{id} in {anchors:?}");
        }
    }

    #[test]
    fn img_tags_without_alt_are_found_and_alt_empty_is_a_choice() {
        let text = "<img src=\"a.png\">\n\n<img src=\"b.png\" alt=\"\">\n\n<img alt src=c.png>\n";
        assert_eq!(markdown(text).images_without_alt.len(), 1);
    }

    #[test]
    fn code_hides_references_and_html() {
        let text = "```\n[a][nowhere]\n<img src=x>\n```\n\n`[b][c]`\n";
        let found = markdown(text);
        assert!(found.references.uses.is_empty());
        assert!(found.images_without_alt.is_empty());
    }
}
