//! The tag facts of a site, for the site-wide rules (`string-tags`,
//! `tag-variants`).
//!
//! Workers check documents one at a time and drop them; each hands the few
//! facts those rules need (every `tags` and `categories` value, with its
//! place) to one [`SiteFacts`] as it finishes a document, and the rules
//! compare them once all documents are read.

use std::collections::BTreeMap;
use std::ops::Range;

use super::context::Context;
use super::readers;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::front_matter::tree::{NodeKind, lookup};
use crate::line_index::Position;

/// The keys whose values are tag-like.
pub(crate) const KEYS: &[&str] = &["tags", "categories"];

/// Where something is written in a document: bytes and positions, kept so
/// a finding can be reported after the document itself is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    /// Its bytes in the document.
    pub(crate) span: Range<usize>,
    /// Where it starts.
    pub(crate) start: Position,
    /// Where it ends.
    pub(crate) end: Position,
}

/// One tag as written, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TagWord {
    /// The tag.
    pub(crate) text: Box<str>,
    /// Its bytes in the document.
    pub(crate) span: Range<usize>,
    /// Where it starts.
    pub(crate) start: Position,
    /// Where it ends.
    pub(crate) end: Position,
}

/// A `tags:` or `categories:` value of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TagUse {
    /// `tags` or `categories`.
    pub(crate) key: &'static str,
    /// Whether it is written as a string (which Jekyll splits on spaces).
    pub(crate) string: bool,
    /// Where the whole value is written.
    pub(crate) value: Place,
    /// The tags as Jekyll reads them.
    pub(crate) tags: Vec<TagWord>,
    /// For a string, why nothing reads the key of this document (so the
    /// split shows nowhere); `None` when something does.
    pub(crate) unread: Option<String>,
}

/// The tag facts of `doc`, when it belongs to a site. They are kept whatever
/// the document's own config says: the site-wide rules follow the config of
/// the site's root, which `check` is given.
pub(crate) fn collect(context: &Context, doc: &Document) -> Vec<TagUse> {
    if context.site.is_none() {
        return Vec::new();
    }
    let Some(entries) = doc.front_matter.entries() else {
        return Vec::new();
    };
    let word = |text: &str, span: Range<usize>| TagWord {
        text: text.into(),
        start: doc.position(span.start),
        end: doc.position(span.end),
        span,
    };
    let mut uses = Vec::new();
    for key in KEYS {
        let Some(entry) = lookup(entries, key) else {
            continue;
        };
        let node = &entry.value;
        let (string, tags) = match &node.kind {
            NodeKind::Scalar(scalar) if !scalar.is_blank() => {
                // Jekyll splits a string on whitespace; find each part in the source.
                let source = &doc.text[node.span.clone()];
                let mut at = 0;
                let mut tags = Vec::new();
                for part in scalar.value.split_whitespace() {
                    if let Some(found) = source[at..].find(part) {
                        let start = node.span.start + at + found;
                        tags.push(word(part, start..start + part.len()));
                        at += found + part.len();
                    }
                }
                (true, tags)
            }
            NodeKind::Sequence(items) => (
                false,
                items
                    .iter()
                    .filter_map(|item| {
                        Some(word(
                            item.as_scalar().filter(|s| !s.is_blank())?.value.trim(),
                            item.span.clone(),
                        ))
                    })
                    .collect(),
            ),
            _ => continue,
        };
        uses.push(TagUse {
            key,
            unread: string.then(|| readers::unread(context, doc, key)).flatten(),
            string,
            value: Place {
                span: node.span.clone(),
                start: doc.position(node.span.start),
                end: doc.position(node.span.end),
            },
            tags,
        });
    }
    uses
}

/// A site-wide finding for the document `file` (its index in the run).
#[derive(Debug, Clone)]
pub(crate) struct SiteFinding {
    /// Which document it belongs to.
    pub(crate) file: usize,
    /// The finding.
    pub(crate) diagnostic: Diagnostic,
    /// Where it starts and ends.
    pub(crate) start: Position,
    /// Where it ends.
    pub(crate) end: Position,
}

/// One place a tag is written, as kept until the end of a run: the document
/// (its index in the run), its bytes and its positions, in 32-bit numbers,
/// since one is kept for every tag of every document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spot {
    /// The document's index in the run.
    pub(crate) file: u32,
    /// Its bytes in the document, as `[start, end]`.
    pub(crate) span: [u32; 2],
    start: [u32; 2],
    end: [u32; 2],
}

impl Spot {
    fn new(file: usize, tag: &TagWord) -> Self {
        Spot {
            file: small(file),
            span: [small(tag.span.start), small(tag.span.end)],
            start: [small(tag.start.line), small(tag.start.column)],
            end: [small(tag.end.line), small(tag.end.column)],
        }
    }

    /// The document's index in the run.
    pub(crate) fn file(&self) -> usize {
        self.file as usize
    }

    /// Its bytes in the document.
    pub(crate) fn span(&self) -> Range<usize> {
        self.span[0] as usize..self.span[1] as usize
    }

    /// Where it starts.
    pub(crate) fn start(&self) -> Position {
        Position {
            line: self.start[0] as usize,
            column: self.start[1] as usize,
        }
    }

    /// Where it ends.
    pub(crate) fn end(&self) -> Position {
        Position {
            line: self.end[0] as usize,
            column: self.end[1] as usize,
        }
    }
}

/// `n` as a `u32`; offsets and positions of a document prepress reads fit.
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The spellings of one tag, each with every place it is written.
pub(crate) type Spellings = BTreeMap<Box<str>, Vec<Spot>>;

/// The tag facts of every document of a run, gathered as each document is
/// checked, so no document (and no report without findings) is held for the
/// site step: what stays per document is one small [`Spot`] per tag.
#[derive(Debug, Default)]
pub(crate) struct SiteFacts {
    /// Per key of `KEYS`: how many values are written as a list.
    pub(crate) lists: [usize; 2],
    /// Values written as a string, with their document: rare, so kept whole.
    pub(crate) strings: Vec<(usize, TagUse)>,
    /// Per key of `KEYS`: normalised tag, then each spelling of it.
    pub(crate) tags: [BTreeMap<Box<str>, Spellings>; 2],
}

impl SiteFacts {
    /// Adds the tag facts of document `file` (its index in the run).
    pub(crate) fn add(&mut self, file: usize, uses: Vec<TagUse>) {
        for used in uses {
            let key = KEYS.iter().position(|k| *k == used.key).unwrap_or(0);
            for tag in &used.tags {
                let normal = normalise(&tag.text);
                let spellings = match self.tags[key].get_mut(normal.as_str()) {
                    Some(spellings) => spellings,
                    None => self.tags[key].entry(normal.into()).or_default(),
                };
                let spot = Spot::new(file, tag);
                match spellings.get_mut(&*tag.text) {
                    Some(spots) => spots.push(spot),
                    None => {
                        spellings.insert(tag.text.clone(), vec![spot]);
                    }
                }
            }
            if used.string {
                self.strings.push((file, used));
            } else {
                self.lists[key] += 1;
            }
        }
    }
}

/// A tag as compared for variants: lowercase, without `-`, `_` and spaces.
fn normalise(tag: &str) -> String {
    tag.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}
