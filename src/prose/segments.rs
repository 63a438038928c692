//! The text a reader sees, as segments that map back to the exact source bytes.
//!
//! The body (front matter excluded) is parsed with comrak, with source positions,
//! after `mask` has blanked Liquid, kramdown syntax, math and URLs. Walking the
//! tree, the text of paragraphs, headings, table cells, list items, block quotes
//! and footnotes is gathered into segments: runs of text that read as one
//! sentence flow. Emphasis, strong, strikethrough and link text continue a
//! segment (the markup between them is not copied); a soft or hard line break
//! continues it as a line break, so "the\nour" is one phrase even inside a
//! block quote; code spans, inline HTML, footnote references, images and
//! masked ranges end it, so words on either side are never neighbours. Image
//! alt text (of a Markdown image or an HTML `<img>`), a link's title, and
//! struck-through text (a visible correction, "~~twenty~~ twenty-three")
//! are segments of their own, and so is each run of text between the tags
//! of an HTML block (a `<blockquote>` there is a quote). Code blocks, HTML
//! comments and verbatim HTML elements (`<pre>`, `<code>`, `<script>`…)
//! never produce text.
//!
//! A segment's text is copied from the source bytes, not from comrak's decoded
//! literals, so every offset in it maps back to the file: entities are blanked
//! to spaces of the same length rather than decoded.
//!
//! A segment that grows past [`LONG_SEGMENT`] bytes (a paragraph of a
//! 20 MB one-line post) is cut at its next sentence start, so the prose
//! rules' word lists for a segment stay small and such a post does not need
//! several times its size in memory. A cut falls only between a `.`, `!` or
//! `?` and one space, tab or line break, and an ASCII capital: no word rule
//! joins words across such a gap, the words on both sides are judged as
//! before (the one after it starts a sentence either way), and the segment
//! after it is marked as continuing the one before, so the paragraph is read
//! in one language. With the shipped packs, a cut changes no finding (unless
//! the first 64 KiB hold fewer than the 40 words the language is told by).

use std::ops::Range;

use comrak::arena_tree::NodeEdge;
use comrak::nodes::{Node, NodeValue, Sourcepos};
use comrak::{Arena, Options};

use super::mask;
use crate::line_index::LineIndex;

/// The prose segments of one body. Their texts lie one after another in
/// one string and their pieces in one list, so a document's segments are a
/// few buffers, not two allocations each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Prose {
    text: String,
    pieces: Vec<Piece>,
    /// Where each segment ends in `text` and in `pieces`, whether it
    /// ended at a cut, so that the next one continues it, and whether it is
    /// a title (see [`Segment::title`]).
    ends: Vec<(usize, usize, bool, bool)>,
}

impl Prose {
    /// The segments, in the order of the document.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Segment<'_>> {
        let starts = std::iter::once((0, 0, false, false)).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(
            |((text, piece, cut, _), &(text_end, piece_end, _, title))| Segment {
                text: &self.text[text..text_end],
                pieces: &self.pieces[piece..piece_end],
                continues: cut,
                title,
            },
        )
    }

    /// Adds `text`, written at `source` in the file, to the segment being
    /// built: as it reads (`verbatim`, so `source` is as long as `text`), or
    /// in another form (an escape, a folded line break), which a span maps
    /// onto whole and a fix never edits. For prose read outside the Markdown
    /// body.
    pub(crate) fn push_text(&mut self, text: &str, source: Range<usize>, verbatim: bool) {
        let start = self.ends.last().map_or(0, |&(end, _, _, _)| end);
        let at = self.text.len() - start;
        self.text.push_str(text);
        if verbatim {
            self.pieces.push(Piece {
                at,
                source: source.start,
                len: text.len(),
            });
        } else {
            // Empty pieces at both ends: a span that starts or ends at
            // either maps onto the whole written form.
            let ends = [(at, source.start), (at + text.len(), source.end)];
            self.pieces
                .extend(ends.map(|(at, source)| Piece { at, source, len: 0 }));
        }
    }

    /// Ends the segment being built, kept if it has a letter or digit and at
    /// least one piece from the file. `title` says its words are a title's
    /// (see [`Segment::title`]).
    pub(crate) fn end_segment(&mut self, title: bool) {
        let (text, pieces, _, _) = self.ends.last().copied().unwrap_or_default();
        let kept = self.pieces[pieces..].iter().any(|p| p.len > 0)
            && self.text[text..].chars().any(char::is_alphanumeric);
        if kept {
            self.ends
                .push((self.text.len(), self.pieces.len(), false, title));
        } else {
            self.text.truncate(text);
            self.pieces.truncate(pieces);
        }
    }

    /// Adds the segments of `other` after these.
    pub(crate) fn append(&mut self, other: &Prose) {
        let (text, pieces) = (self.text.len(), self.pieces.len());
        self.text.push_str(&other.text);
        self.pieces.extend_from_slice(&other.pieces);
        let ends = other.ends.iter();
        self.ends
            .extend(ends.map(|&(t, p, cut, title)| (text + t, pieces + p, cut, title)));
    }

    /// How many segments there are.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
}

/// A run of prose with a map back to the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment<'a> {
    /// The prose as read: source bytes, with line breaks between lines.
    pub(crate) text: &'a str,
    pieces: &'a [Piece],
    /// Whether this segment goes on from the one before: a paragraph longer
    /// than [`LONG_SEGMENT`] cut at a sentence start.
    pub(crate) continues: bool,
    /// Whether this is a title, whose words may all be capitalised (Title
    /// Case): each reads like the first word of a sentence, and none is
    /// taken for a name.
    pub(crate) title: bool,
}

/// A stretch of a segment's text copied from the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Where it starts in the segment text.
    at: usize,
    /// Where it starts in the file.
    source: usize,
    /// Its length in bytes.
    len: usize,
}

impl Segment<'_> {
    /// A segment with no text, as a placeholder before the first real one.
    pub(crate) const fn empty() -> Self {
        Self {
            text: "",
            pieces: &[],
            continues: false,
            title: false,
        }
    }

    /// The file byte range for a byte range of this segment's text. A range that
    /// spans two pieces covers the markup between them too.
    pub(crate) fn source_span(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map(range.start, false);
        let end = self.map(range.end, true).max(start);
        start..end
    }

    /// The file offset of segment offset `at`. A start maps into the piece that
    /// begins at or before it; an end into the piece that ends at or after it.
    /// An offset inside a line break between two pieces maps to the end of the
    /// piece before it, where the break is in the file too.
    fn map(&self, at: usize, is_end: bool) -> usize {
        let (Some(first), Some(last)) = (self.pieces.first(), self.pieces.last()) else {
            return 0;
        };
        if is_end {
            let index = self.pieces.partition_point(|p| p.at + p.len < at);
            match self.pieces.get(index) {
                Some(p) if at >= p.at => p.source + (at - p.at),
                Some(p) => match index.checked_sub(1).map(|i| self.pieces[i]) {
                    Some(previous) => previous.source + previous.len,
                    None => p.source,
                },
                None => last.source + last.len,
            }
        } else {
            let index = self.pieces.partition_point(|p| p.at <= at);
            match index.checked_sub(1).map(|i| self.pieces[i]) {
                Some(p) => p.source + (at - p.at).min(p.len),
                None => first.source,
            }
        }
    }
}

/// A link or image destination in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    /// The destination as the reader's browser gets it (Liquid blanked out, so
    /// `{{ site.baseurl }}/x.png` reads `/x.png`).
    pub(crate) url: String,
    /// Where it is written in the file: the destination itself when it can be
    /// found in the source, else the whole link.
    pub(crate) span: Range<usize>,
    /// Whether it is an image.
    pub(crate) image: bool,
}

/// What the Markdown body holds for the rules: prose segments and links.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Body {
    /// The text a reader sees.
    pub(crate) prose: Prose,
    /// Every link and image destination.
    pub(crate) links: Vec<Link>,
    /// Every HTML comment (`<!-- … -->`), as file byte ranges, for the
    /// suppression comments.
    pub(crate) comments: Vec<Range<usize>>,
    /// Every block quote, as file byte ranges: someone else's words, which
    /// the prose rules report more mildly (see `prose::quotes`).
    pub(crate) quotes: Vec<Range<usize>>,
    /// Every code block (fenced or indented) and code span, as file byte
    /// ranges in document order, for the rule on Liquid in code samples.
    pub(crate) code: Vec<Range<usize>>,
    /// Headings, links, references and anchors, for the Markdown rules.
    pub(crate) markdown: crate::markdown::Markdown,
}

/// The comrak options prepress parses with: GFM tables, footnotes, strikethrough,
/// task lists and definition lists, as kramdown sites use them.
fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.footnotes = true;
    options.extension.strikethrough = true;
    options.extension.tasklist = true;
    options.extension.description_lists = true;
    options.parse.escaped_char_spans = true;
    options
}

/// [`options`] for `body`, with each extension `body` gives nothing to off:
/// comrak looks for a table, a footnote, a task or a definition on every
/// line or text node whether the text has any, which costs a quarter of its
/// parse. Each test below admits more than its extension needs, never less,
/// so the parse is the one every extension gives.
fn options_for(body: &str, lines: &[usize]) -> Options<'static> {
    let mut options = options();
    let bytes = body.as_bytes();
    // An entity can be any character once decoded.
    let entity = memchr::memchr(b'&', bytes).is_some();
    let (mut table, mut definition) = (false, false);
    let ends = lines.iter().skip(1).copied().chain([bytes.len()]);
    for (start, end) in lines.iter().copied().zip(ends) {
        let mut line = &bytes[start..end];
        while let [rest @ .., b'\n' | b'\r'] = line {
            line = rest;
        }
        // What follows the markers of the blocks a line continues.
        let markers = line
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'>'))
            .unwrap_or(line.len());
        let rest = &line[markers..];
        // A table's delimiter row: `|`, `:`, `-` and spaces, a `-` at least
        // (the first test fails at the first letter of a line of prose).
        table = table
            || (rest
                .iter()
                .all(|b| matches!(b, b'|' | b':' | b'-' | b' ' | b'\t' | 0x0b | 0x0c))
                && rest.contains(&b'-'));
        // A definition: `:` or `~`, then a space or tab.
        definition = definition
            || (matches!(rest.first(), Some(b':' | b'~'))
                && matches!(rest.get(1), Some(b' ' | b'\t')));
        if table && definition {
            break;
        }
    }
    options.extension.table = table;
    options.extension.description_lists = definition;
    // A footnote is `[^`; its `^` may be escaped, but is always there.
    options.extension.footnotes = entity || memchr::memchr(b'^', bytes).is_some();
    options.extension.tasklist = entity || has_task_box(bytes);
    options
}

/// Whether `bytes` hold a task list box, `[ ]`, `[x]` or `[X]`, either
/// bracket perhaps escaped with `\`.
fn has_task_box(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'[', bytes).any(|at| {
        let rest = &bytes[at + 1..];
        matches!(
            rest,
            [b' ' | b'x' | b'X', b']', ..] | [b' ' | b'x' | b'X', b'\\', b']', ..]
        )
    })
}

/// Parses `body` (masked, in [`parse`]) with comrak, with the extensions
/// [`options_for`] turns on for it; `lines` are its line starts. Public so
/// the benchmarks can time the parse on its own.
pub(crate) fn markdown_tree<'a>(arena: &'a Arena<'a>, body: &str, lines: &[usize]) -> Node<'a> {
    comrak::parse_document(arena, body, &options_for(body, lines))
}

/// The prose segments of `text[body_start..]`, with offsets into `text`.
pub(crate) fn segments(text: &str, body_start: usize) -> Prose {
    parse(text, body_start, &LineIndex::new(text)).prose
}

/// Parses `text[body_start..]` once: its prose segments and its links, with
/// offsets into `text`. `lines` indexes `text`, and `body_start` is the
/// start of one of its lines.
pub(crate) fn parse(text: &str, body_start: usize, lines: &LineIndex) -> Body {
    let body = &text[body_start..];
    let (masks, input) = mask::masked(body);
    let input = bracket_titled_destinations(body, &masks, input);
    // Masking keeps every line break, so the body's lines are the file's.
    let lines = lines.starts_from(body_start);
    let arena = Arena::new();
    let root = markdown_tree(&arena, &input, &lines);
    let mut builder = Builder {
        text,
        body_start,
        masks: &masks,
        lines: &lines,
        // Every piece is a copy of body bytes, and line breaks stand for
        // the ones between them: the text fits the body (one allocation).
        out: Prose {
            text: String::with_capacity(body.len()),
            ..Prose::default()
        },
        start: (0, 0),
        links: Vec::new(),
        comments: Vec::new(),
        quotes: Vec::new(),
        link_titles: Vec::new(),
        code: Vec::new(),
        verbatim: None,
        skip_depth: 0,
        cut_from: 0,
    };
    for edge in root.traverse() {
        match edge {
            NodeEdge::Start(node) => {
                let data = node.data();
                builder.enter(&data.value, data.sourcepos);
            }
            NodeEdge::End(node) => builder.leave(&node.data().value),
        }
    }
    builder.flush();
    builder.flush_link_titles();
    let markdown = crate::markdown::read(root, text, body_start, &lines, &masks);
    Body {
        prose: builder.out,
        links: builder.links,
        comments: builder.comments,
        quotes: builder.quotes,
        code: builder.code,
        markdown,
    }
}

/// `input` (the masked body) with each masked link destination that a
/// title follows (`[a](https://x.com "Title")`) written `<…>`, spaces
/// inside: blanked to spaces alone, the destination would be missing and
/// the title read as one, so the link would not parse.
fn bracket_titled_destinations<'a>(
    body: &str,
    masks: &[Range<usize>],
    input: std::borrow::Cow<'a, str>,
) -> std::borrow::Cow<'a, str> {
    let titled = |m: &&Range<usize>| {
        m.end - m.start >= 2
            && body[..m.start].ends_with("](")
            && body[m.end..]
                .trim_start_matches([' ', '\t'])
                .starts_with(['"', '\'', '('])
            && body[m.start..m.end]
                .bytes()
                .all(|b| !b.is_ascii_whitespace())
    };
    if !masks.iter().any(|m| titled(&m)) {
        return input;
    }
    let mut bytes = input.into_owned().into_bytes();
    for m in masks.iter().filter(titled) {
        // Masked bytes are spaces in `input`: ASCII, so the text stays UTF-8.
        bytes[m.start] = b'<';
        bytes[m.end - 1] = b'>';
    }
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_default())
}

/// Whether an image's alt text is a file name rather than words: one token
/// with no space ("bin-deployable-assemlies", "`IMG_2041.jpg`") or a
/// screenshot's default name ("Screen Shot 2021-03-04 at 10.02.11").
fn alt_is_a_file_name(alt: &str) -> bool {
    let alt = alt.trim();
    let lower = alt.to_ascii_lowercase();
    let screenshot = ["screen shot ", "screenshot ", "screenshot_", "screen_shot"]
        .iter()
        .any(|p| {
            lower.starts_with(p) && lower[p.len()..].starts_with(|c: char| c.is_ascii_digit())
        });
    screenshot || (!alt.is_empty() && !alt.contains(char::is_whitespace))
}

/// Where the values of the `alt` attributes of the `<img>` tags in `html`
/// are, quoted with `"` or `'`. A tag is read up to its first `>` (or `<`).
fn alt_attributes(html: &str) -> Vec<Range<usize>> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    for tag_start in memchr::memmem::find_iter(lower.as_bytes(), b"<img") {
        // A tag ends at its `>`, or where the next one starts.
        let tag_end = lower[tag_start + 1..]
            .find(['<', '>'])
            .map_or(lower.len(), |e| tag_start + 1 + e);
        let tag = &lower[tag_start..tag_end];
        let Some(at) = [
            " alt=\"", " alt='", "\nalt=\"", "\nalt='", "\talt=\"", "\talt='",
        ]
        .iter()
        .filter_map(|a| tag.find(a).map(|i| i + a.len()))
        .min() else {
            continue;
        };
        let quote = tag.as_bytes()[at - 1] as char;
        if let Some(len) = tag[at..].find(quote) {
            found.push(tag_start + at..tag_start + at + len);
        }
    }
    found
}

/// The runs of text between the tags of `html`, leaving out comments and
/// the content of verbatim elements (see [`VERBATIM`]).
fn html_text_runs(html: &str) -> Vec<Range<usize>> {
    let lower = html.to_ascii_lowercase();
    let mut runs = Vec::new();
    let mut at = 0;
    while at < html.len() {
        let Some(open) = html[at..].find('<').map(|o| at + o) else {
            runs.push(at..html.len());
            break;
        };
        if open > at {
            runs.push(at..open);
        }
        let rest = &html[open..];
        let end_of = |closer: &str| {
            rest.find(closer)
                .map_or(html.len(), |e| open + e + closer.len())
        };
        at = if rest.starts_with("<!--") {
            end_of("-->")
        } else if let Some(name) = opens_verbatim(rest) {
            let closer = format!("</{name}");
            lower[open..].find(&closer).map_or(html.len(), |e| {
                rest[e..].find('>').map_or(html.len(), |g| open + e + g + 1)
            })
        } else {
            end_of(">")
        };
    }
    runs
}

/// Past this many bytes, a segment ends at its next sentence start. Paragraphs
/// of real posts are far shorter, so this only cuts pathological ones.
pub(crate) const LONG_SEGMENT: usize = 1 << 16;

/// Collects segments during one walk of the tree.
struct Builder<'t> {
    text: &'t str,
    body_start: usize,
    masks: &'t [Range<usize>],
    lines: &'t [usize],
    /// The segments so far, and the one being built at their end.
    out: Prose,
    /// Where the segment being built starts in `out.text` and `out.pieces`.
    start: (usize, usize),
    links: Vec<Link>,
    comments: Vec<Range<usize>>,
    quotes: Vec<Range<usize>>,
    /// The titles of the links met in the block being read (body-relative),
    /// made segments when it ends.
    link_titles: Vec<Range<usize>>,
    code: Vec<Range<usize>>,
    /// The verbatim HTML element (`code`, `pre`, …) the text is inside.
    verbatim: Option<&'static str>,
    /// How many enclosing nodes hide their text (depth, since they nest).
    skip_depth: usize,
    /// Where in `out.text` the search for a sentence start to cut a long
    /// segment at goes on: the text before it has none.
    cut_from: usize,
}

/// Inline HTML elements whose text is verbatim, not prose: code, keyboard
/// input, program output, variables, scripts, and Textile's `notextile`
/// (old Jekyll sites wrap pasted commit messages in it).
const VERBATIM: &[&str] = &[
    "code",
    "pre",
    "kbd",
    "samp",
    "var",
    "tt",
    "script",
    "style",
    "notextile",
];

/// The verbatim element an inline HTML tag opens, if it opens one.
fn opens_verbatim(html: &str) -> Option<&'static str> {
    let name = html.strip_prefix('<')?;
    let end = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    let (name, rest) = name.split_at(end);
    let opens = rest.starts_with(['>', ' ', '\t', '\n']) && !html.trim_end().ends_with("/>");
    VERBATIM
        .iter()
        .find(|v| opens && v.eq_ignore_ascii_case(name))
        .copied()
}

/// Whether an inline HTML tag closes the element `name`.
fn closes(html: &str, name: &str) -> bool {
    html.strip_prefix("</")
        .and_then(|rest| rest.get(..name.len()))
        .is_some_and(|tag| tag.eq_ignore_ascii_case(name))
}

impl Builder<'_> {
    fn enter(&mut self, value: &NodeValue, pos: Sourcepos) {
        if matches!(value, NodeValue::CodeBlock(_) | NodeValue::Code(_))
            && let Some(range) = self.body_range(pos)
        {
            self.code
                .push(self.body_start + range.start..self.body_start + range.end);
        }
        if self.skip_depth > 0 {
            self.skip_depth += 1;
            return;
        }
        // Inside `<code>…</code>` written as HTML, nothing is prose until the
        // element closes (or its paragraph ends).
        if let Some(name) = self.verbatim {
            if let NodeValue::HtmlInline(html) = value
                && closes(html, name)
            {
                self.verbatim = None;
            }
            if !matches!(
                value,
                NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell
            ) {
                return;
            }
            self.verbatim = None;
        }
        if let NodeValue::HtmlInline(html) = value {
            self.verbatim = opens_verbatim(html);
        }
        if let NodeValue::Link(link) | NodeValue::Image(link) = value {
            self.link(&link.url, pos, matches!(value, NodeValue::Image(_)));
            if let Some(range) = self.link_title(&link.title, pos) {
                self.link_titles.push(range);
            }
        }
        let html = match value {
            NodeValue::HtmlBlock(block) => Some(block.literal.as_str()),
            NodeValue::HtmlInline(literal) => Some(literal.as_str()),
            _ => None,
        };
        if html.is_some_and(|h| h.trim_start().starts_with("<!--"))
            && let Some(range) = self.body_range(pos)
        {
            self.comments
                .push(self.body_start + range.start..self.body_start + range.end);
        }
        if matches!(
            value,
            NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_)
        ) && let Some(range) = self.body_range(pos)
        {
            self.quotes
                .push(self.body_start + range.start..self.body_start + range.end);
        }
        if let Some(html) = html
            && !html.trim_start().starts_with("<!--")
            && opens_verbatim(html.trim_start()).is_none()
        {
            self.html_alt_texts(pos);
            if matches!(value, NodeValue::HtmlBlock(_)) {
                self.html_block_text(pos);
            }
        }
        match value {
            NodeValue::Text(_) => {
                if let Some(range) = self.body_range(pos) {
                    self.add(range);
                }
            }
            NodeValue::SoftBreak | NodeValue::LineBreak => self.line_break(),
            NodeValue::Image(_) if self.markdown_alt_is_a_file_name(pos) => {
                self.flush();
                self.skip_depth = 1;
            }
            NodeValue::Paragraph
            | NodeValue::Heading(_)
            | NodeValue::TableCell
            | NodeValue::Image(_)
            | NodeValue::Strikethrough => self.flush(),
            NodeValue::Code(_)
            | NodeValue::HtmlInline(_)
            | NodeValue::FootnoteReference(_)
            | NodeValue::Math(_)
            | NodeValue::Raw(_) => {
                self.flush();
                self.skip_depth = 1;
            }
            _ => {}
        }
    }

    fn leave(&mut self, value: &NodeValue) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        if matches!(
            value,
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell
        ) {
            self.verbatim = None;
        }
        if matches!(
            value,
            NodeValue::Paragraph
                | NodeValue::Heading(_)
                | NodeValue::TableCell
                | NodeValue::Image(_)
                | NodeValue::Strikethrough
        ) {
            self.flush();
        }
        if matches!(
            value,
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell
        ) {
            self.flush_link_titles();
        }
    }

    /// Makes the `alt` text of each `<img>` tag in an HTML node a segment
    /// of its own, as a Markdown image's alt text is; not one that is a
    /// file name (see [`alt_is_a_file_name`]).
    fn html_alt_texts(&mut self, pos: Sourcepos) {
        let Some(node) = self.body_range(pos) else {
            return;
        };
        let source = &self.text[self.body_start + node.start..self.body_start + node.end];
        for range in alt_attributes(source) {
            if !alt_is_a_file_name(&source[range.clone()]) {
                self.flush();
                self.add(node.start + range.start..node.start + range.end);
                self.flush();
            }
        }
    }

    /// Makes each run of text between the tags of an HTML block (a table's
    /// cells, a paragraph) a segment of its own: readers see it. Comments
    /// and verbatim elements (`<pre>`, `<code>`, `<script>`…) are skipped;
    /// a `<blockquote>` is a quote.
    fn html_block_text(&mut self, pos: Sourcepos) {
        let Some(node) = self.body_range(pos) else {
            return;
        };
        let source = &self.text[self.body_start + node.start..self.body_start + node.end];
        // A `<blockquote>` holds someone else's words, as `>` does.
        let lower = source.to_ascii_lowercase();
        // The close last found, reused by the opens before it, so a block of
        // many opens is read once.
        let mut close: Option<usize> = None;
        for open in memchr::memmem::find_iter(lower.as_bytes(), b"<blockquote") {
            let end = match close {
                Some(c) if c > open => c,
                _ => {
                    let c = lower[open..]
                        .find("</blockquote")
                        .map_or(source.len(), |c| open + c);
                    close = Some(c);
                    c
                }
            };
            let start = self.body_start + node.start;
            self.quotes.push(start + open..start + end);
        }
        for range in html_text_runs(source) {
            self.flush();
            self.add(node.start + range.start..node.start + range.end);
            self.flush();
        }
    }

    /// Where an inline link's or image's `title` is written (body-relative):
    /// `[text](url "title")`, with `"`, `'` or `()` around it, right before
    /// the closing parenthesis. `None` when the title is empty or reads
    /// otherwise than it is written (an escape, an entity, a line of a block
    /// quote), and for a reference link, whose title is in its definition.
    /// A title of one token ("`IMG_2041`", "bin-deployable-assemlies") is a
    /// file name, as such alt texts are, not words.
    fn link_title(&self, title: &str, pos: Sourcepos) -> Option<Range<usize>> {
        if !title.trim().contains(char::is_whitespace) {
            return None;
        }
        let node = self.body_range(pos)?;
        let source = &self.text[self.body_start + node.start..self.body_start + node.end];
        let inner = source.strip_suffix(')')?.trim_end();
        let opener = match inner.chars().next_back()? {
            '"' => '"',
            '\'' => '\'',
            ')' => '(',
            _ => return None,
        };
        let before = inner[..inner.len() - 1].strip_suffix(title)?;
        let before = before.strip_suffix(opener)?;
        if !before.ends_with(char::is_whitespace) {
            return None;
        }
        let start = node.start + before.len() + opener.len_utf8();
        Some(start..start + title.len())
    }

    /// The body-relative byte range of a node, from comrak's 1-based byte
    /// columns with inclusive ends; `None` if it does not fit the text.
    fn body_range(&self, pos: Sourcepos) -> Option<Range<usize>> {
        let start =
            self.lines.get(pos.start.line.checked_sub(1)?)? + pos.start.column.checked_sub(1)?;
        let end = self.lines.get(pos.end.line.checked_sub(1)?)? + pos.end.column;
        let body = &self.text[self.body_start..];
        (start < end
            && end <= body.len()
            && body.is_char_boundary(start)
            && body.is_char_boundary(end))
        .then_some(start..end)
    }

    /// Whether a Markdown image's alt text, as written, is a file name
    /// rather than words (see [`alt_is_a_file_name`]).
    fn markdown_alt_is_a_file_name(&self, pos: Sourcepos) -> bool {
        let Some(range) = self.body_range(pos) else {
            return false;
        };
        let source = &self.text[self.body_start + range.start..self.body_start + range.end];
        source
            .strip_prefix("![")
            .and_then(|rest| rest.split_once(']'))
            .is_some_and(|(alt, _)| alt_is_a_file_name(alt))
    }

    /// Records a link destination, pointing at it in the source when it can.
    fn link(&mut self, url: &str, pos: Sourcepos, image: bool) {
        // A masked destination reads as spaces (see
        // `bracket_titled_destinations`): as unknown as an empty one.
        let url = if url.trim().is_empty() { "" } else { url };
        let Some(node) = self.body_range(pos) else {
            return;
        };
        let source = &self.text[self.body_start + node.start..self.body_start + node.end];
        // memmem's searcher is cheaper to build than `str::rfind`'s.
        let found = memchr::memmem::rfind(source.as_bytes(), url.as_bytes());
        let span = match found.filter(|_| !url.is_empty()) {
            Some(at) => {
                self.body_start + node.start + at..self.body_start + node.start + at + url.len()
            }
            None => self.body_start + node.start..self.body_start + node.end,
        };
        self.links.push(Link {
            url: url.to_string(),
            span,
            image,
        });
    }

    /// Adds the text at `range` (body-relative), split around masked ranges.
    fn add(&mut self, range: Range<usize>) {
        let mut from = range.start;
        let first_mask = self.masks.partition_point(|m| m.end <= range.start);
        for mask in &self.masks[first_mask..] {
            if mask.start >= range.end {
                break;
            }
            if mask.start > from {
                self.push(from..mask.start);
            }
            self.flush();
            from = from.max(mask.end);
        }
        if from < range.end {
            self.push(from..range.end);
        }
    }

    /// Appends body bytes `range` to the current segment.
    fn push(&mut self, range: Range<usize>) {
        let source = self.body_start + range.start;
        let slice = &self.text[source..self.body_start + range.end];
        let out = &mut self.out;
        let at = out.text.len() - self.start.0;
        push_blanking_entities(&mut out.text, slice);
        out.pieces.push(Piece {
            at,
            source,
            len: slice.len(),
        });
        self.cut_long();
    }

    /// Cuts the current segment before each sentence start (see
    /// [`sentence_start`]) past [`LONG_SEGMENT`] bytes, splitting the piece
    /// the cut falls in. The search resumes where it left off, so a long
    /// segment built from many pieces is read once.
    fn cut_long(&mut self) {
        loop {
            let out = &mut self.out;
            let from = self.cut_from.max(self.start.0 + LONG_SEGMENT);
            let Some(found) = out.text.as_bytes().get(from..).and_then(sentence_start) else {
                // The last two bytes may begin a sentence start once the
                // next arrive.
                self.cut_from = from.max(out.text.len().saturating_sub(2));
                return;
            };
            let cut = from + found;
            let within = cut - self.start.0;
            let first = self.start.1;
            // The first piece that ends past the cut; one that straddles it
            // becomes two.
            let mut k = first + out.pieces[first..].partition_point(|p| p.at + p.len <= within);
            if let Some(&piece) = out.pieces.get(k)
                && piece.at < within
            {
                let head = within - piece.at;
                out.pieces[k].len = head;
                let tail = Piece {
                    at: within,
                    source: piece.source + head,
                    len: piece.len - head,
                };
                out.pieces.insert(k + 1, tail);
                k += 1;
            }
            for piece in &mut out.pieces[k..] {
                piece.at -= within;
            }
            out.ends.push((cut, k, true, false));
            self.start = (cut, k);
            self.cut_from = cut;
        }
    }

    fn line_break(&mut self) {
        if self.out.pieces.len() > self.start.1 {
            self.out.text.push('\n');
        }
    }

    /// Ends the current segment: kept if it has a letter or digit, else
    /// taken back.
    fn flush(&mut self) {
        self.end(false);
    }

    /// Makes each link title met since the last call a segment of its own,
    /// read as a title: link titles are mostly written in Title Case.
    fn flush_link_titles(&mut self) {
        for range in std::mem::take(&mut self.link_titles) {
            self.add(range);
            self.end(true);
        }
    }

    /// Ends the current segment, a title or not (see [`Segment::title`]).
    fn end(&mut self, title: bool) {
        let out = &mut self.out;
        if out.text[self.start.0..].chars().any(char::is_alphanumeric) {
            out.ends
                .push((out.text.len(), out.pieces.len(), false, title));
        } else {
            out.text.truncate(self.start.0);
            out.pieces.truncate(self.start.1);
        }
        self.start = (out.text.len(), out.pieces.len());
        self.cut_from = self.start.0;
    }
}

/// Where the first sentence in `bytes` after another starts: at a capital
/// letter after a `.`, `!` or `?` and one space, tab or line break.
fn sentence_start(bytes: &[u8]) -> Option<usize> {
    memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .find(|&at| {
            matches!(bytes.get(at + 1), Some(b' ' | b'\t' | b'\n'))
                && bytes.get(at + 2).is_some_and(u8::is_ascii_uppercase)
        })
        .map(|at| at + 2)
}

/// Appends `slice` to `text` with its HTML entities (`&amp;`, `&#8217;`)
/// replaced by spaces of the same length, so they neither read as words nor
/// shift offsets.
fn push_blanking_entities(text: &mut String, slice: &str) {
    let bytes = slice.as_bytes();
    // Most pieces have no `&` at all.
    let Some(first) = memchr::memchr(b'&', bytes) else {
        text.push_str(slice);
        return;
    };
    let mut from = 0;
    for amp in memchr::memchr_iter(b'&', &bytes[first..]).map(|at| first + at) {
        if amp < from {
            continue;
        }
        let name_end = bytes[amp + 1..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'#'))
            .map(|n| amp + 1 + n);
        if let Some(end) = name_end
            && end > amp + 1
            && bytes[end] == b';'
        {
            text.push_str(&slice[from..amp]);
            text.extend(std::iter::repeat_n(' ', end + 1 - amp));
            from = end + 1;
        }
    }
    text.push_str(&slice[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<String> {
        segments(body, 0)
            .iter()
            .map(|s| s.text.to_string())
            .collect()
    }

    #[test]
    fn link_definitions_are_not_prose() {
        // Their URLs blanked to nothing, five definitions in a row once read
        // as a paragraph starting `[minut` (a real post's false finding).
        let body = "See the [minutes].\n\n[minutes]: https://a.example/minutes/x.html\n\
                    [SCP-014]: https://a.example/minutes/x.html#scp\n[SIP-16]: https://x.example/a\n\
                    [SIP-29]: https://x.example/b\n[SIP]: https://x.example/c\n\
                    [issues]: {{ site.repository }}/issues\n";
        assert_eq!(texts(body), ["See the minutes."]);
    }

    #[test]
    fn verbatim_html_elements_are_not_prose() {
        let body = "Run <code>teh tool</code> now, <kbd>Ctrl</kbd> or <b>bold teh</b>.\n\n\
                    | a | <notextile>SI-1 wipe referenes</notextile> |\n|---|---|\n\n\
                    An <code>unclosed one\n\nNext paragraph.\n";
        assert_eq!(
            texts(body),
            [
                "Run ",
                " now, ",
                " or ",
                "bold teh",
                "a",
                "An ",
                "Next paragraph."
            ]
        );
    }

    #[test]
    fn alt_texts_that_are_file_names_are_not_prose() {
        let body = "![bin-deployable-assemlies](a.png) ![Screen Shot 2021-03-04 at 10.02.11](b.png)\n\n\
                    ![Hapy faces at a party](c.png) ![Screenshots of teh app](d.png)\n";
        assert_eq!(
            texts(body),
            ["Hapy faces at a party", "Screenshots of teh app"]
        );
    }

    #[test]
    fn block_quotes_are_recorded_as_file_ranges() {
        let text = "---\nt: 1\n---\nMine.\n\n> Their words,\n> two lines.\n\nMine again.\n";
        let body = parse(text, 14, &LineIndex::new(text));
        let quoted: Vec<&str> = body.quotes.iter().map(|q| &text[q.clone()]).collect();
        assert_eq!(quoted, ["> Their words,\n> two lines."]);
    }

    #[test]
    fn paragraphs_headings_lists_quotes_and_tables_are_prose() {
        let body = "# A title\n\nA para\nwith two lines.\n\n> quoted the\n> our team\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| cell | more |\n";
        assert_eq!(
            texts(body),
            [
                "A title",
                "A para\nwith two lines.",
                "quoted the\nour team",
                "item one",
                "item two",
                "a",
                "b",
                "cell",
                "more"
            ]
        );
    }

    #[test]
    fn code_html_and_comments_are_not_prose() {
        let body = "Use `the the` here.\n\n```\nthe the\n```\n\n    indented the the\n\n<pre>the the</pre>\n\n<!-- the the -->\n\nA <kbd>Tab</kbd> key.\n";
        // The tags break the flow; keyboard input is not prose.
        assert_eq!(texts(body), ["Use ", " here.", "A ", " key."]);
    }

    /// The segments of `text` (a body) after checking that each word maps
    /// back to the same bytes of `text`.
    fn mapped(text: &str) -> Vec<String> {
        let prose = segments(text, 0);
        for segment in prose.iter() {
            for word in crate::prose::words::words(segment.text) {
                let source = &text[segment.source_span(word.clone())];
                assert_eq!(source, &segment.text[word], "in {:?}", segment.text);
            }
        }
        prose.iter().map(|s| s.text.to_string()).collect()
    }

    #[test]
    fn a_long_paragraph_is_cut_before_sentence_starts() {
        // A cut inside a piece of text (" today. The "), at the end of one
        // (" today. " before emphasis), and after a line break.
        for (sentence, plain) in [
            (
                "The *team* shipped [a change](/x) today. ",
                "The team shipped a change today. ",
            ),
            (
                "*The* team shipped [a change](/x) today. ",
                "The team shipped a change today. ",
            ),
            (
                "The team shipped a change today.\n",
                "The team shipped a change today.\n",
            ),
        ] {
            let repeats = 2 * LONG_SEGMENT / plain.len() + 3;
            let text = format!("{}It ends here", sentence.repeat(repeats));
            let continues: Vec<bool> = segments(&text, 0).iter().map(|s| s.continues).collect();
            let found = mapped(&text);
            assert!(found.len() >= 3, "{sentence:?}: {} segments", found.len());
            assert!(!continues[0] && continues[1..].iter().all(|&c| c));
            let (last, cut) = found.split_last().unwrap();
            for segment in cut {
                assert!(segment.ends_with(plain), "{sentence:?}");
                assert!(
                    segment.len() > LONG_SEGMENT && segment.len() <= LONG_SEGMENT + plain.len()
                );
            }
            assert!(last.ends_with("It ends here"));
            // Nothing is lost or read twice.
            assert_eq!(
                found.concat(),
                format!("{}It ends here", plain.repeat(repeats))
            );
        }
    }

    #[test]
    fn a_long_paragraph_without_a_sentence_start_is_not_cut() {
        for sentence in [
            "word ",
            "Version 1.2 works.Yes ",
            "Is it?No, e.g.this ",
            "One. two ",
            "One.  Two ",
        ] {
            let text = sentence.repeat(2 * LONG_SEGMENT / sentence.len());
            assert_eq!(mapped(&text).len(), 1, "{sentence:?}");
        }
        // A short paragraph keeps its sentences together.
        assert_eq!(texts("One. Two! Three? Four."), ["One. Two! Three? Four."]);
    }

    #[test]
    fn emphasis_and_links_continue_a_segment() {
        assert_eq!(texts("in *the* [our](/x) **team**"), ["in the our team"]);
    }

    #[test]
    fn images_are_their_own_segment_and_urls_are_left_out() {
        assert_eq!(
            texts("See ![the alt text](/a.png) and https://x.com/the-the or <https://y.com> ok"),
            ["See ", "the alt text", " and ", " or <", "> ok"]
        );
    }

    #[test]
    fn links_and_images_point_at_their_destination() {
        let text = "See [a](../b.md \"t\") and ![c]({{ site.baseurl }}/img/c.png) and [d][ref].\n\n[ref]: /d.pdf\n";
        let body = parse(text, 0, &LineIndex::new(text));
        let found: Vec<(&str, &str, bool)> = body
            .links
            .iter()
            .map(|l| (l.url.as_str(), &text[l.span.clone()], l.image))
            .collect();
        assert_eq!(
            found,
            [
                ("../b.md", "../b.md", false),
                ("/img/c.png", "/img/c.png", true),
                ("/d.pdf", "[d][ref]", false)
            ]
        );
    }

    #[test]
    fn html_comments_are_listed() {
        let text = "A <!-- inline --> b\n\n<!-- block -->\n\n```\n<!-- in code -->\n```\n";
        let body = parse(text, 0, &LineIndex::new(text));
        let found: Vec<&str> = body
            .comments
            .iter()
            .map(|r| text[r.clone()].trim_end())
            .collect();
        assert_eq!(found, ["<!-- inline -->", "<!-- block -->"]);
    }

    #[test]
    fn struck_text_is_its_own_segment() {
        assert_eq!(
            texts("a ~~twenty~~ twenty-three list"),
            ["a ", "twenty", " twenty-three list"]
        );
    }

    #[test]
    fn liquid_splits_a_segment() {
        assert_eq!(texts("the {{ page.x }} our"), ["the ", " our"]);
        assert_eq!(
            texts("{% highlight ruby %}\nthe the\n{% endhighlight %}\n"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn spans_map_back_to_the_source() {
        let text = "---\nt: x\n---\n> quoted the\n> *our* team &amp; é\n";
        let prose = segments(text, 12);
        let segs: Vec<Segment> = prose.iter().collect();
        assert_eq!(segs.len(), 1);
        let seg = &segs[0];
        assert_eq!(seg.text, "quoted the\nour team       é");
        let the = seg.text.find("the").unwrap();
        let our = seg.text.find("our").unwrap();
        assert_eq!(&text[seg.source_span(the..the + 3)], "the");
        assert_eq!(&text[seg.source_span(our..our + 3)], "our");
        assert_eq!(&text[seg.source_span(the..our + 3)], "the\n> *our");
        let e = seg.text.find('é').unwrap();
        assert_eq!(&text[seg.source_span(e..e + 2)], "é");
    }

    #[test]
    fn entities_become_spaces_of_their_length() {
        let blank = |slice: &str| {
            let mut text = String::from("kept ");
            push_blanking_entities(&mut text, slice);
            text
        };
        assert_eq!(blank("a &amp; b"), "kept a       b");
        assert_eq!(blank("&amp;&lt;x"), "kept          x");
        assert_eq!(blank("it&#8217;s"), "kept it       s");
        assert_eq!(blank("a & b &; &amp"), "kept a & b &; &amp");
        assert_eq!(blank("&&amp;é"), "kept &     é");
    }

    #[test]
    fn crlf_bodies_map_too() {
        let text = "first the\r\nour line\r\n";
        let prose = segments(text, 0);
        let seg = prose.iter().next().unwrap();
        let our = seg.text.find("our").unwrap();
        assert_eq!(seg.source_span(our..our + 3), 11..14);
    }

    #[test]
    fn footnotes_and_definition_lists_are_prose_but_labels_are_not() {
        assert_eq!(
            texts("Text[^note] more.\n\n[^note]: The note.\n"),
            ["Text", " more.", "The note."]
        );
    }

    /// Every node of comrak's tree for `input` with `options`: its kind,
    /// content and source position, one per line.
    fn tree(input: &str, options: &Options<'static>) -> String {
        let arena = Arena::new();
        let root = comrak::parse_document(&arena, input, options);
        root.descendants()
            .map(|node| {
                let data = node.data();
                format!("{:?} {:?}\n", data.value, data.sourcepos)
            })
            .collect()
    }

    fn line_starts(text: &str) -> Vec<usize> {
        LineIndex::new(text).starts_from(0)
    }

    /// Asserts that turning off the extensions `input` gives nothing to
    /// leaves comrak's tree as it is with every extension on.
    fn assert_same_parse(input: &str) {
        assert_eq!(
            tree(input, &options_for(input, &line_starts(input))),
            tree(input, &options()),
            "{input:?}"
        );
    }

    #[test]
    fn extensions_are_off_only_when_the_body_cannot_use_them() {
        let text = "Just a paragraph, with a - dash.\n\n- a list\n";
        let none = options_for(text, &line_starts(text));
        assert!(!none.extension.table && !none.extension.footnotes);
        assert!(!none.extension.tasklist && !none.extension.description_lists);
        for (input, table, footnotes, tasklist, definition) in [
            ("a | b\n--|--\n1 | 2\n", true, false, false, false),
            ("> a | b\n> --- | ---\n", true, false, false, false),
            ("head\n:-:\n", true, false, false, false),
            ("Text[^1].\n\n[^1]: The note.\n", false, true, false, false),
            ("Text[\\^1].\n", false, true, false, false),
            ("- [ ] to do\n- [x] done\n", false, false, true, false),
            ("- [ \\] escaped\n", false, false, true, false),
            ("- &#91; ] by entity\n", false, true, true, false),
            ("Term\n: Definition\n", false, false, false, true),
            ("Term\n~\tDefinition\n", false, false, false, true),
            ("Term\n: \n", false, false, false, true),
            ("a | b\r\n--|--  \r\n", true, false, false, false),
            ("> Term\n>   : Definition\n", false, false, false, true),
        ] {
            let options = options_for(input, &line_starts(input));
            assert_eq!(options.extension.table, table, "table: {input:?}");
            assert_eq!(
                options.extension.footnotes, footnotes,
                "footnotes: {input:?}"
            );
            assert_eq!(options.extension.tasklist, tasklist, "tasklist: {input:?}");
            assert_eq!(
                options.extension.description_lists, definition,
                "definition: {input:?}"
            );
            assert_same_parse(input);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2048, ..Default::default() })]

        #[test]
        fn gated_extensions_parse_as_all_extensions_do(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "b c", " ", "  ", "\t", "\n", "\r\n", "\r", "|", "-", "--", ":", "~", "[", "]",
                "^", "x", "X", "\\", ">", "> ", "* ", "- ", "1. ", "`", "&#91;", "&#94;", "&amp;",
                "[ ]", "[^1]", "[^1]: ", "| --- |", ": ", "~~", "<br>", "    ",
            ]), 0..40)
        ) {
            assert_same_parse(&parts.concat());
        }
    }
}

#[cfg(test)]
mod link_title_tests {
    use super::*;

    /// Each segment's text, and whether it is read as a title.
    fn titled(body: &str) -> Vec<(String, bool)> {
        segments(body, 0)
            .iter()
            .map(|s| (s.text.to_string(), s.title))
            .collect()
    }

    #[test]
    fn link_titles_are_title_segments_after_their_block() {
        let body = "See [the post](/a \"Software Configuraiton Management\") and \
                    [this](https://example.com/b 'Release Bulids') or ![a pic](/c.png (Teh Pic)).\n\n\
                    Next.\n";
        let expected = [
            ("See the post and this or ", false),
            ("a pic", false),
            ("Software Configuraiton Management", true),
            ("Release Bulids", true),
            ("Teh Pic", true),
            ("Next.", false),
        ];
        let expected: Vec<_> = expected.map(|(t, b)| (t.to_string(), b)).into();
        assert_eq!(titled(body), expected);
        // The title maps back to its bytes in the file.
        let prose = segments(body, 0);
        let title = prose
            .iter()
            .find(|s| s.text.starts_with("Release"))
            .unwrap();
        assert_eq!(&body[title.source_span(0..14)], "Release Bulids");
    }

    #[test]
    fn a_title_that_reads_otherwise_than_written_is_left_out() {
        // An escape, an entity, a reference link (its title is in the
        // definition) and a title spread over block quote lines.
        let body = "An [a](/x \"say \\\"hi\\\" now\") and [b](/y \"Tom &amp; Jerry\").\n\n\
                    A [c][r] here.\n\n[r]: /z \"Ref Title\"\n\n\
                    > A [d](/w \"one\n> two\") end.\n\n\
                    ![a pic](/e.png \"a-pic-of-teh-box\")\n";
        let texts: Vec<_> = titled(body).into_iter().filter(|(_, t)| *t).collect();
        assert_eq!(texts, []);
    }

    #[test]
    fn a_masked_destination_with_a_title_is_still_a_link_with_no_url() {
        let body =
            "See [the post](https://example.com/a \"A Title\") and [x](https://example.com/b).\n";
        let parsed = parse(body, 0, &LineIndex::new(body));
        let urls: Vec<_> = parsed.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["", ""]);
        let texts: Vec<_> = parsed.prose.iter().map(|s| s.text.to_string()).collect();
        assert_eq!(texts, ["See the post and x.", "A Title"]);
    }

    #[test]
    fn html_alt_texts_are_segments_of_their_own() {
        let body = "<p><img src=\"https://x.com/a.png\" alt=\"A pic of teh box\"/></p>\n\n\
                    Text <IMG\nALT='An inline one' src=x> more.\n\n\
                    <img alt=\"IMG_2041.jpg\"> <img src=y alt=\"\">\n\n\
                    <!-- <img alt=\"A commented one\"> -->\n\n\
                    <pre><img alt=\"A verbatim one\"></pre>\n";
        let texts: Vec<_> = titled(body).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            texts,
            ["A pic of teh box", "Text ", "An inline one", " more."]
        );
    }

    #[test]
    fn html_block_text_is_prose_but_not_comments_or_verbatim_elements() {
        let body = "<table>\n<tr><td>Every row of teh table</td><td>One <b>bold</b> cell</td></tr>\n\
                    <!-- <td>A comment</td> -->\n<tr><td><code>a_code teh</code> and <PRE>pre\n</pre>after</td></tr>\n\
                    </table>\n";
        let texts: Vec<_> = titled(body).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            texts,
            [
                "Every row of teh table",
                "One ",
                "bold",
                " cell",
                " and ",
                "after"
            ]
        );
    }

    #[test]
    fn an_html_blockquote_is_a_quote() {
        let body =
            "<div>\n<blockquote>\nSomeone said teh thing.\n</blockquote>\nOur words.\n</div>\n";
        let parsed = parse(body, 0, &LineIndex::new(body));
        let quoted = &body[parsed.quotes[0].clone()];
        assert!(
            quoted.contains("Someone said") && !quoted.contains("Our words"),
            "{quoted}"
        );
    }
}
