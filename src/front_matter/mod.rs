//! The front matter step: find the block as Jekyll does, then read its YAML.
//!
//! `split` knows where the block is, `tree` turns its YAML into nodes with spans,
//! `resolve` says what each scalar means in YAML 1.1. This module ties them into
//! the one `FrontMatter` value a document carries and rules read.

pub(crate) mod date;
pub(crate) mod prose;
pub(crate) mod resolve;
pub(crate) mod split;
pub(crate) mod tree;

use std::ops::Range;

use split::Split;
use tree::{Entry, Node, NodeKind, YamlError};

/// The front matter of one document, as Jekyll will see it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FrontMatter {
    /// No front matter block.
    Absent,
    /// A `---` block preceded by a byte order mark in a file Jekyll reads raw
    /// (a page): Jekyll does not see the block and copies the file as it is.
    HiddenByBom {
        /// The opening `---`.
        open: Range<usize>,
    },
    /// An opening `---` that nothing closes.
    Unclosed {
        /// The opening `---`.
        open: Range<usize>,
    },
    /// A complete block.
    Closed {
        /// The opening `---`.
        open: Range<usize>,
        /// The closing `---` or `...`.
        close: Range<usize>,
        /// Where the Markdown body starts.
        body_start: usize,
        /// The parsed YAML: its top-level entries, or why it could not be read.
        data: Result<Vec<Entry>, YamlProblem>,
    },
}

/// Front matter YAML that Jekyll cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum YamlProblem {
    /// The YAML does not parse.
    Syntax(YamlError),
    /// It parses, but is not a set of `key: value` lines.
    NotAMapping {
        /// The top-level node that should have been a mapping.
        span: Range<usize>,
    },
}

impl FrontMatter {
    /// Reads the front matter of `text`. `strip_bom` says whether Jekyll strips a
    /// leading byte order mark for this kind of document (it does for posts and
    /// drafts, not for pages).
    pub(crate) fn read(text: &str, strip_bom: bool) -> Self {
        Self::read_with(text, strip_bom, |_| true)
    }

    /// [`Self::read`] for a reader that looks up only `keys`: the YAML is
    /// parsed only when its text spells one of them (or holds a `\`, which
    /// can spell one in a double-quoted key), and otherwise reads as no
    /// entries, which answers a look-up of those keys as the parse would
    /// (an invalid block has no entries either). Parsing is most of the cost
    /// of reading a file's front matter.
    pub(crate) fn read_for(text: &str, strip_bom: bool, keys: &[&str]) -> Self {
        Self::read_with(text, strip_bom, |yaml| {
            yaml.contains('\\') || keys.iter().any(|key| yaml.contains(key))
        })
    }

    /// [`Self::read`], parsing the YAML only when `parse` says so.
    fn read_with(text: &str, strip_bom: bool, parse: impl FnOnce(&str) -> bool) -> Self {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        if bom > 0 && !strip_bom {
            return match split::split(text, bom) {
                Split::Absent => FrontMatter::Absent,
                Split::Unclosed { open } | Split::Closed { open, .. } => {
                    FrontMatter::HiddenByBom { open }
                }
            };
        }
        match split::split(text, bom) {
            Split::Absent => FrontMatter::Absent,
            Split::Unclosed { open } => FrontMatter::Unclosed { open },
            Split::Closed {
                open,
                yaml,
                close,
                body_start,
            } => FrontMatter::Closed {
                open,
                close,
                body_start,
                data: if parse(&text[yaml.clone()]) {
                    read_yaml(&text[yaml.clone()], yaml.start)
                } else {
                    Ok(Vec::new())
                },
            },
        }
    }

    /// Where the Markdown body starts, as Jekyll sees it: after the block, at
    /// the start (after a byte order mark) without one, and nowhere when the
    /// block is never closed (Jekyll then publishes the whole file as text, but
    /// its prose is not worth checking until the block is fixed).
    pub(crate) fn body_start(&self, text: &str) -> Option<usize> {
        match self {
            FrontMatter::Closed { body_start, .. } => Some(*body_start),
            FrontMatter::Absent => Some(if text.starts_with('\u{feff}') { 3 } else { 0 }),
            FrontMatter::Unclosed { .. } | FrontMatter::HiddenByBom { .. } => None,
        }
    }

    /// Where a finding about a missing key points: the opening `---`, or the
    /// start of a file without front matter; `None` when the block is broken
    /// (other rules report that).
    pub(crate) fn anchor(&self) -> Option<Range<usize>> {
        match self {
            FrontMatter::Absent => Some(0..0),
            FrontMatter::Closed {
                open, data: Ok(_), ..
            } => Some(open.clone()),
            _ => None,
        }
    }

    /// The top-level entries, when the block exists and its YAML is usable.
    pub(crate) fn entries(&self) -> Option<&[Entry]> {
        match self {
            FrontMatter::Closed {
                data: Ok(entries), ..
            } => Some(entries),
            _ => None,
        }
    }
}

fn read_yaml(yaml: &str, base: usize) -> Result<Vec<Entry>, YamlProblem> {
    match tree::parse(yaml, base).map_err(YamlProblem::Syntax)? {
        None => Ok(Vec::new()),
        Some(Node {
            kind: NodeKind::Mapping(entries),
            ..
        }) => Ok(entries),
        Some(Node {
            kind: NodeKind::Scalar(scalar),
            ..
        }) if scalar.is_blank() => Ok(Vec::new()),
        Some(node) => Err(YamlProblem::NotAMapping { span: node.span }),
    }
}

/// The entry for `key` as Jekyll merges a document's front matter over the
/// site's `defaults`: its own unless that is null, else the default (or the
/// null entry itself when no default gives the key).
pub(crate) fn merged<'a>(own: &'a [Entry], defaults: &[&'a Entry], key: &str) -> Option<&'a Entry> {
    let own = tree::lookup(own, key);
    let null = own.is_some_and(|e| {
        e.value
            .as_scalar()
            .is_some_and(|s| s.resolve() == resolve::Resolved::Null)
    });
    let default = || {
        defaults
            .iter()
            .copied()
            .find(|e| e.key.key_text() == Some(key))
    };
    match own {
        Some(entry) if !null => Some(entry),
        _ => default().or(own),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_with_a_bom_hides_its_front_matter() {
        let text = "\u{feff}---\ntitle: x\n---\n";
        assert_eq!(
            FrontMatter::read(text, false),
            FrontMatter::HiddenByBom { open: 3..6 }
        );
        let entries = FrontMatter::read(text, true);
        assert_eq!(entries.entries().unwrap().len(), 1);
    }

    #[test]
    fn read_for_parses_only_a_block_that_spells_a_key() {
        let text = "---\ntitle: x\nlayout: post\n---\nBody\n";
        let skipped = FrontMatter::read_for(text, true, &["permalink"]);
        assert_eq!(skipped.entries(), Some(&[][..]));
        assert_eq!(
            skipped.body_start(text),
            FrontMatter::read(text, true).body_start(text)
        );
        let parsed = FrontMatter::read_for(text, true, &["layout"]);
        assert_eq!(parsed, FrontMatter::read(text, true));
        // An escape can spell a key the text does not.
        let escaped = "---\n\"perma\\x6Cink\": /x/\n---\n";
        let read = FrontMatter::read_for(escaped, true, &["permalink"]);
        assert!(tree::lookup(read.entries().unwrap(), "permalink").is_some());
    }

    #[test]
    fn empty_front_matter_has_no_entries() {
        assert_eq!(
            FrontMatter::read("---\n---\n", true).entries(),
            Some(&[][..])
        );
    }

    #[test]
    fn a_list_is_not_front_matter() {
        match FrontMatter::read("---\n- a\n- b\n---\n", true) {
            FrontMatter::Closed {
                data: Err(YamlProblem::NotAMapping { span }),
                ..
            } => assert_eq!(span.start, 4),
            other => panic!("{other:?}"),
        }
    }
}
