//! The front matter YAML as a tree with a byte span on every node.
//!
//! Built from libyaml-safer's events (a safe port of libyaml, the parser behind
//! Ruby's Psych, so it accepts what Jekyll accepts, including double-quoted values
//! whose continuation lines start at column 0). Its marks count bytes; they are
//! shifted by where the YAML starts in the file, so every span is a byte range of
//! the original text. Aliases are kept as alias nodes and never expanded, so an
//! alias bomb costs nothing. Nesting deeper than `MAX_DEPTH` is refused, which
//! keeps every later walk of the tree (and its drop) shallow.
//!
//! `build.rs` compiles this file too, by its path, to parse the shipped rule
//! packs: it must use nothing but `std` and `libyaml_safer`.

use std::ops::Range;

use libyaml_safer::{EventData, Parser, ScalarStyle};

/// Deepest nesting of sequences and mappings accepted in front matter.
pub(crate) const MAX_DEPTH: usize = 64;

/// One YAML node and the bytes it was read from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// Byte range in the document text (quotes and brackets included).
    pub(crate) span: Range<usize>,
    /// What the node holds.
    pub(crate) kind: NodeKind,
}

/// The shape of a node.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NodeKind {
    /// A single value.
    Scalar(Scalar),
    /// A list, `[a, b]` or `- a` lines.
    Sequence(Vec<Node>),
    /// `key: value` pairs in source order, duplicates kept.
    Mapping(Vec<Entry>),
    /// `*name`, a reference to an anchored node, left unexpanded.
    Alias,
}

/// A scalar as written: its text after unquoting, how it was quoted, its tag.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scalar {
    /// The value after quotes and escapes are resolved.
    pub(crate) value: String,
    /// How the value was written.
    pub(crate) style: Style,
    /// An explicit tag such as `tag:yaml.org,2002:str`, if one was written.
    pub(crate) tag: Option<String>,
}

/// How a scalar was written in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Unquoted.
    Plain,
    /// `'…'`.
    SingleQuoted,
    /// `"…"`.
    DoubleQuoted,
    /// `|` block.
    Literal,
    /// `>` block.
    Folded,
}

/// One `key: value` pair of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// The key node (usually a plain scalar).
    pub(crate) key: Node,
    /// The value node.
    pub(crate) value: Node,
}

impl Node {
    /// The scalar this node holds, if it is one.
    pub(crate) fn as_scalar(&self) -> Option<&Scalar> {
        match &self.kind {
            NodeKind::Scalar(scalar) => Some(scalar),
            _ => None,
        }
    }

    /// The entries of this node, if it is a mapping.
    pub(crate) fn as_mapping(&self) -> Option<&[Entry]> {
        match &self.kind {
            NodeKind::Mapping(entries) => Some(entries),
            _ => None,
        }
    }

    /// The text of this node if it is a scalar, for keys.
    pub(crate) fn key_text(&self) -> Option<&str> {
        self.as_scalar().map(|s| s.value.as_str())
    }
}

/// Finds the entry Jekyll uses for `key`: the last one, as duplicates are allowed.
pub(crate) fn lookup<'a>(entries: &'a [Entry], key: &str) -> Option<&'a Entry> {
    entries.iter().rev().find(|e| e.key.key_text() == Some(key))
}

/// Why the YAML could not be read, with the place libyaml stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    /// The problem in libyaml's words, such as "mapping values are not allowed in this context".
    pub(crate) problem: String,
    /// What libyaml was reading, such as "while scanning a quoted scalar".
    pub(crate) context: Option<String>,
    /// Where the problem was found (byte offset in the document).
    pub(crate) at: usize,
    /// Where the construct being read started, when libyaml says.
    pub(crate) context_at: Option<usize>,
}

/// Parses `yaml`, which starts at byte `base` of its document, into the node of
/// its first document (`None` for an empty document).
pub(crate) fn parse(yaml: &str, base: usize) -> Result<Option<Node>, YamlError> {
    guarded(yaml, base, |source| read_events(source, yaml, base))
}

/// Whether `yaml` parses as [`parse`] reads it (its first document, the same
/// errors), without building its nodes: for a file that is only checked,
/// such as a site's data files, at a fraction of the cost.
pub(crate) fn check(yaml: &str) -> Result<(), YamlError> {
    guarded(yaml, 0, |source| check_events(source, yaml))
}

/// `read` of `yaml` made safe for libyaml-safer: given a final line break,
/// and with a panic turned into an error.
fn guarded<T>(
    yaml: &str,
    base: usize,
    read: impl FnOnce(&str) -> Result<T, YamlError> + std::panic::UnwindSafe,
) -> Result<T, YamlError> {
    // libyaml-safer 0.3 panics on a block scalar (`|`, `>`) that ends the
    // input without a line break (found by fuzzing): give it one. Spans are
    // kept inside the text as given.
    let with_break;
    let source = if yaml.is_empty() || yaml.ends_with('\n') {
        yaml
    } else {
        with_break = format!("{yaml}\n");
        &with_break
    };
    // It has other panics on malformed text (`[[!?,`, a `TODO` in its tag
    // scanner, also found by fuzzing): whatever it cannot read is a YAML
    // error at the start of the text, never a crash.
    std::panic::catch_unwind(|| read(source)).unwrap_or_else(|_| {
        Err(YamlError {
            problem: "the YAML reader cannot make sense of this text".to_string(),
            context: None,
            at: base,
            context_at: None,
        })
    })
}

/// The events of `source` (`yaml`, perhaps with a final line break added)
/// up to the end of its first document, with only their depth kept.
fn check_events(source: &str, yaml: &str) -> Result<(), YamlError> {
    let mut input = source.as_bytes();
    let mut parser = Parser::new();
    parser.set_input_string(&mut input);
    let mut depth = 0;
    for event in parser {
        let event = event.map_err(|err| error_from(&err, yaml, 0))?;
        match event.data {
            EventData::SequenceStart { .. } | EventData::MappingStart { .. } => {
                if depth >= MAX_DEPTH {
                    let start = mark(event.start_mark.index).min(yaml.len());
                    return Err(too_deep(start, 0));
                }
                depth += 1;
            }
            EventData::SequenceEnd | EventData::MappingEnd => depth -= 1,
            EventData::DocumentEnd { .. } => break,
            _ => {}
        }
    }
    Ok(())
}

/// The events of `source` (`yaml`, perhaps with a final line break added)
/// assembled into nodes.
fn read_events(source: &str, yaml: &str, base: usize) -> Result<Option<Node>, YamlError> {
    let mut input = source.as_bytes();
    let mut parser = Parser::new();
    parser.set_input_string(&mut input);
    let mut builder = Builder::default();
    for event in parser {
        let event = event.map_err(|err| error_from(&err, yaml, base))?;
        let within = |index: u64| base + mark(index).min(yaml.len());
        let span = within(event.start_mark.index)..within(event.end_mark.index);
        match event.data {
            EventData::Scalar {
                value, style, tag, ..
            } => builder.finish(Node {
                span,
                kind: NodeKind::Scalar(Scalar {
                    value,
                    style: style_of(style),
                    tag,
                }),
            }),
            EventData::Alias { .. } => builder.finish(Node {
                span,
                kind: NodeKind::Alias,
            }),
            EventData::SequenceStart { .. } => {
                builder.open(span.start, Open::Sequence(Vec::new()), base)?;
            }
            EventData::MappingStart { .. } => builder.open(
                span.start,
                Open::Mapping {
                    entries: Vec::new(),
                    key: None,
                },
                base,
            )?,
            EventData::SequenceEnd | EventData::MappingEnd => builder.close(span.end),
            EventData::DocumentEnd { .. } => break,
            _ => {}
        }
    }
    Ok(builder.root)
}

/// Converts a libyaml mark index (bytes) to `usize`.
fn mark(index: u64) -> usize {
    usize::try_from(index).unwrap_or(usize::MAX)
}

fn style_of(style: ScalarStyle) -> Style {
    match style {
        ScalarStyle::SingleQuoted => Style::SingleQuoted,
        ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
        ScalarStyle::Literal => Style::Literal,
        ScalarStyle::Folded => Style::Folded,
        _ => Style::Plain,
    }
}

fn error_from(err: &libyaml_safer::Error, yaml: &str, base: usize) -> YamlError {
    let at = match err.problem_mark() {
        Some(mark_at) => mark(mark_at.index),
        // Reader errors carry no mark; the only one valid UTF-8 can raise is a
        // control character, so point at the first one.
        None => yaml.find(|c| !printable(c)).unwrap_or(0),
    };
    YamlError {
        problem: err.problem().to_string(),
        context: err.context().map(str::to_string),
        at: base + at.min(yaml.len()),
        context_at: err
            .context_mark()
            .map(|m| base + mark(m.index).min(yaml.len())),
    }
}

/// The characters YAML allows in a stream.
fn printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}'
}

/// The error for a collection opened at `start` deeper than [`MAX_DEPTH`],
/// in a text that starts at `base`.
fn too_deep(start: usize, base: usize) -> YamlError {
    YamlError {
        problem: format!("nested more than {MAX_DEPTH} levels deep"),
        context: None,
        at: start,
        context_at: Some(base),
    }
}

/// A collection still being read.
enum Open {
    Sequence(Vec<Node>),
    Mapping {
        entries: Vec<Entry>,
        key: Option<Node>,
    },
}

/// Assembles nodes from events with an explicit stack, so depth costs no recursion.
#[derive(Default)]
struct Builder {
    stack: Vec<(usize, Open)>,
    root: Option<Node>,
}

impl Builder {
    fn open(&mut self, start: usize, open: Open, base: usize) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(too_deep(start, base));
        }
        self.stack.push((start, open));
        Ok(())
    }

    fn close(&mut self, end: usize) {
        if let Some((start, open)) = self.stack.pop() {
            let kind = match open {
                Open::Sequence(items) => NodeKind::Sequence(items),
                Open::Mapping { entries, .. } => NodeKind::Mapping(entries),
            };
            self.finish(Node {
                span: start..end,
                kind,
            });
        }
    }

    fn finish(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some((_, Open::Sequence(items))) => items.push(node),
            Some((_, Open::Mapping { entries, key })) => match key.take() {
                None => *key = Some(node),
                Some(k) => entries.push(Entry {
                    key: k,
                    value: node,
                }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(yaml: &str) -> Node {
        parse(yaml, 0).expect("parses").expect("has a node")
    }

    #[test]
    fn spans_are_bytes_of_the_source() {
        let yaml = "---\ntitle: \"Café 🙂\"\nauthor: \"\"\n";
        let node = root(yaml);
        let entries = node.as_mapping().unwrap();
        let author = lookup(entries, "author").unwrap();
        assert_eq!(&yaml[author.value.span.clone()], "\"\"");
        assert_eq!(&yaml[author.key.span.clone()], "author");
        let title = lookup(entries, "title").unwrap();
        assert_eq!(&yaml[title.value.span.clone()], "\"Café 🙂\"");
        assert_eq!(title.value.as_scalar().unwrap().value, "Café 🙂");
    }

    #[test]
    fn spans_shift_by_the_base() {
        let yaml = "---\na: b\n";
        let node = parse(yaml, 10).unwrap().unwrap();
        let entry = lookup(node.as_mapping().unwrap(), "a").unwrap();
        assert_eq!(entry.value.span, 17..18);
    }

    #[test]
    fn an_empty_value_sits_after_the_colon() {
        let yaml = "---\nauthor:\ntitle: x\n";
        let node = root(yaml);
        let author = lookup(node.as_mapping().unwrap(), "author").unwrap();
        assert_eq!(author.value.span, 11..11);
        assert_eq!(author.value.as_scalar().unwrap().value, "");
    }

    #[test]
    fn accepts_libyaml_continuation_lines_at_column_zero() {
        let yaml = "---\ntitle: \"All the tools at your\nfingertips\"\n";
        let node = root(yaml);
        let title = lookup(node.as_mapping().unwrap(), "title").unwrap();
        assert_eq!(
            title.value.as_scalar().unwrap().value,
            "All the tools at your fingertips"
        );
    }

    #[test]
    fn keeps_duplicate_keys_and_looks_up_the_last() {
        let yaml = "---\ntitle: One\ntitle: Two\n";
        let node = root(yaml);
        let entries = node.as_mapping().unwrap();
        assert_eq!(entries.len(), 2);
        let title = lookup(entries, "title").unwrap();
        assert_eq!(title.value.as_scalar().unwrap().value, "Two");
    }

    #[test]
    fn nested_collections_keep_their_spans() {
        let yaml = "---\ntags: [a, b]\nseo:\n  x: 1\n";
        let node = root(yaml);
        let entries = node.as_mapping().unwrap();
        let tags = lookup(entries, "tags").unwrap();
        assert_eq!(&yaml[tags.value.span.clone()], "[a, b]");
        assert!(matches!(&tags.value.kind, NodeKind::Sequence(items) if items.len() == 2));
        let seo = lookup(entries, "seo").unwrap();
        assert!(seo.value.as_mapping().is_some());
    }

    #[test]
    fn a_block_scalar_may_end_the_input() {
        let yaml = "note: |\n  hello";
        let node = parse(yaml, 0).unwrap().unwrap();
        let entry = lookup(node.as_mapping().unwrap(), "note").unwrap();
        // Psych would read "hello": the added line break is kept by `|`.
        // Only config and pack files can end this way, never front matter.
        assert_eq!(entry.value.as_scalar().unwrap().value, "hello\n");
        assert!(entry.value.span.end <= yaml.len());
    }

    #[test]
    fn aliases_are_not_expanded() {
        let yaml = "---\na: &x [1, 2]\nb: [*x, *x, *x]\n";
        let node = root(yaml);
        let b = lookup(node.as_mapping().unwrap(), "b").unwrap();
        match &b.value.kind {
            NodeKind::Sequence(items) => assert!(items.iter().all(|i| i.kind == NodeKind::Alias)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reports_where_the_syntax_breaks() {
        let yaml = "---\ntitle: Foo: bar\n";
        let err = parse(yaml, 0).unwrap_err();
        assert_eq!(
            err.problem,
            "mapping values are not allowed in this context"
        );
        assert_eq!(err.at, 14);
    }

    #[test]
    fn refuses_deep_nesting() {
        let yaml = format!("---\na: {}{}\n", "[".repeat(100), "]".repeat(100));
        let err = parse(&yaml, 0).unwrap_err();
        assert!(err.problem.contains("nested"), "{err:?}");
    }

    #[test]
    fn check_finds_what_parse_finds() {
        let deep = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        let edge = format!(
            "a: {}{}\n",
            "[".repeat(MAX_DEPTH - 1),
            "]".repeat(MAX_DEPTH - 1)
        );
        for yaml in [
            "",
            "a: 1\n",
            "a: [b\n",
            "- x\n- [y, {z: 1}]\n",
            "title: a\u{1}b\n",
            "a: |",
            "[[!?,",
            "a: 1\n---\nb: [\n",
            "key: \"unterminated\n",
            "a:\n  - b\n - c\n",
            &deep,
            &edge,
        ] {
            assert_eq!(check(yaml).err(), parse(yaml, 0).err(), "{yaml:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn check_agrees_with_parse_on_any_text(yaml in "[-a-z:\\[\\]{}, \n\"'|>&*!#]{0,40}") {
            proptest::prop_assert_eq!(check(&yaml).err(), parse(&yaml, 0).err());
        }
    }

    #[test]
    fn points_at_a_control_character() {
        let yaml = "---\ntitle: a\u{1}b\n";
        let err = parse(yaml, 0).unwrap_err();
        assert_eq!(err.at, 12);
    }

    #[test]
    fn empty_document_has_no_node_of_substance() {
        let node = parse("---\n", 0).unwrap();
        assert!(
            matches!(node, Some(Node { kind: NodeKind::Scalar(ref s), .. }) if s.value.is_empty())
        );
    }
}
