//! The site step: checks that need every document of the site at once.
//!
//! Workers check documents one at a time and drop them; for the site-wide rules
//! each worker hands the few facts needed (every `tags` and `categories`
//! value, with its place) to one [`SiteFacts`] as it finishes a document, and
//! this step compares them once all documents are read: a string where the site writes lists (`string-tags`), and one tag
//! spelled several ways across the site (`tag-variants`, reported once per
//! group with every place listed).

use std::collections::BTreeMap;
use std::ops::Range;

use crate::config::Level;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::tree::{NodeKind, lookup};
use crate::line_index::Position;
use crate::rules::readers;
use crate::rules::{Context, STRING_TAGS, TAG_VARIANTS};

/// The keys whose values are tag-like.
const KEYS: &[&str] = &["tags", "categories"];

/// Where something is written in a document: bytes and positions, kept so
/// a finding can be reported after the document itself is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its bytes in the document.
    pub span: Range<usize>,
    /// Where it starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
}

/// One tag as written, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagWord {
    /// The tag.
    pub text: Box<str>,
    /// Its bytes in the document.
    pub span: Range<usize>,
    /// Where it starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
}

/// A `tags:` or `categories:` value of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagUse {
    /// `tags` or `categories`.
    pub key: &'static str,
    /// Whether it is written as a string (which Jekyll splits on spaces).
    pub string: bool,
    /// Where the whole value is written.
    pub value: Place,
    /// The tags as Jekyll reads them.
    pub tags: Vec<TagWord>,
    /// For a string, why nothing reads the key of this document (so the
    /// split shows nowhere); `None` when something does.
    pub unread: Option<String>,
}

/// The tag facts of `doc`, when it belongs to a site. They are kept whatever
/// the document's own config says: the site-wide rules follow the config of
/// the site's root, which `check` is given.
pub fn collect(context: &Context, doc: &Document) -> Vec<TagUse> {
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
pub struct SiteFinding {
    /// Which document it belongs to.
    pub file: usize,
    /// The finding.
    pub diagnostic: Diagnostic,
    /// Where it starts and ends.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
}

/// One place a tag is written, as kept until the end of a run: the document
/// (its index in the run), its bytes and its positions, in 32-bit numbers,
/// since one is kept for every tag of every document.
#[derive(Debug, Clone, Copy)]
struct Spot {
    file: u32,
    span: [u32; 2],
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

    fn file(&self) -> usize {
        self.file as usize
    }

    fn span(&self) -> Range<usize> {
        self.span[0] as usize..self.span[1] as usize
    }

    fn start(&self) -> Position {
        Position {
            line: self.start[0] as usize,
            column: self.start[1] as usize,
        }
    }

    fn end(&self) -> Position {
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
type Spellings = BTreeMap<Box<str>, Vec<Spot>>;

/// The tag facts of every document of a run, gathered as each document is
/// checked, so no document (and no report without findings) is held for the
/// site step: what stays per document is one small [`Spot`] per tag.
#[derive(Debug, Default)]
pub struct SiteFacts {
    /// Per key of `KEYS`: how many values are written as a list.
    lists: [usize; 2],
    /// Values written as a string, with their document: rare, so kept whole.
    strings: Vec<(usize, TagUse)>,
    /// Per key of `KEYS`: normalised tag, then each spelling of it.
    tags: [BTreeMap<Box<str>, Spellings>; 2],
}

impl SiteFacts {
    /// Adds the tag facts of document `file` (its index in the run).
    pub fn add(&mut self, file: usize, uses: Vec<TagUse>) {
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

    /// Compares the tag facts of every document; `display` gives the shown
    /// path of document `file`. Findings come in document and span order.
    pub fn check(&self, context: &Context, display: &dyn Fn(usize) -> String) -> Vec<SiteFinding> {
        let mut found = Vec::new();
        if let Level::On(severity) = context.levels.get(STRING_TAGS.id) {
            self.string_tags(severity, &mut found);
        }
        if let Level::On(severity) = context.levels.get(TAG_VARIANTS.id) {
            self.tag_variants(display, severity, &mut found);
        }
        found.sort_by_key(|f| (f.file, f.diagnostic.span.start, f.diagnostic.span.end));
        found
    }

    fn string_tags(&self, severity: crate::diagnostic::Severity, found: &mut Vec<SiteFinding>) {
        for (key_index, key) in KEYS.iter().enumerate() {
            let lists = self.lists[key_index];
            if lists == 0 {
                continue;
            }
            for (file, used) in self.strings.iter().filter(|(_, u)| u.key == *key) {
                let parts: Vec<&str> = used.tags.iter().map(|t| &*t.text).collect();
                let split = if parts.len() > 1 {
                    format!(
                        ", which Jekyll splits into {} {key}: {}",
                        parts.len(),
                        parts.join(", ")
                    )
                } else {
                    String::new()
                };
                let mut diagnostic = Diagnostic::new(
                    STRING_TAGS.id,
                    STRING_TAGS.severity,
                    used.value.span.clone(),
                    format!(
                        "`{key}` is a string here{split}; {lists} other {} as a list",
                        if lists == 1 {
                            "document of this site writes it"
                        } else {
                            "documents of this site write it"
                        }
                    ),
                )
                .with_help(format!(
                    "write a list: `{key}: [{}]`",
                    if parts.len() > 1 {
                        parts.join(", ")
                    } else {
                        parts.concat()
                    }
                ));
                diagnostic.severity = severity;
                // Where nothing reads the key, the split shows nowhere: a
                // note, unless the config sets another severity.
                if let Some(why) = used
                    .unread
                    .as_ref()
                    .filter(|_| severity == STRING_TAGS.severity)
                {
                    diagnostic.message =
                        format!("{}, but nothing reads it here: {why}", diagnostic.message);
                    diagnostic.severity = Severity::Info;
                }
                found.push(SiteFinding {
                    file: *file,
                    diagnostic,
                    start: used.value.start,
                    end: used.value.end,
                });
            }
        }
    }

    fn tag_variants(
        &self,
        display: &dyn Fn(usize) -> String,
        severity: crate::diagnostic::Severity,
        found: &mut Vec<SiteFinding>,
    ) {
        for (key_index, key) in KEYS.iter().enumerate() {
            for spellings in self.tags[key_index].values().filter(|s| s.len() > 1) {
                // Documents are checked in parallel: put each spelling's places
                // back in document order.
                let spellings: BTreeMap<&str, Vec<Spot>> = spellings
                    .iter()
                    .map(|(text, spots)| {
                        let mut spots = spots.clone();
                        spots.sort_by_key(|s| (s.file, s.span[0]));
                        (&**text, spots)
                    })
                    .collect();
                let (majority, _) = spellings
                    .iter()
                    .max_by_key(|(text, spots)| (spots.len(), std::cmp::Reverse(**text)))
                    .expect("a group has spellings");
                let Some((text, spot)) = spellings
                    .iter()
                    .filter(|(text, _)| *text != majority)
                    .flat_map(|(text, spots)| spots.iter().map(move |s| (*text, s)))
                    .min_by_key(|(_, s)| (s.file, s.span[0]))
                else {
                    continue;
                };
                let places: Vec<String> = spellings
                    .iter()
                    .map(|(text, spots)| {
                        let list: Vec<String> = spots
                            .iter()
                            .map(|s| {
                                let start = s.start();
                                format!("{}:{}:{}", display(s.file()), start.line, start.column)
                            })
                            .collect();
                        format!("`{text}` in {}", list.join(", "))
                    })
                    .collect();
                let others: Vec<&str> = spellings.keys().copied().filter(|t| *t != text).collect();
                let mut diagnostic = Diagnostic::new(
                    TAG_VARIANTS.id,
                    TAG_VARIANTS.severity,
                    spot.span(),
                    format!("the {} `{text}` is also written `{}` in this site, so Jekyll makes separate {key} of them", singular(key), others.join("`, `")),
                )
                .with_help(format!("use `{majority}` everywhere; {}", places.join("; ")));
                diagnostic.severity = severity;
                found.push(SiteFinding {
                    file: spot.file(),
                    diagnostic,
                    start: spot.start(),
                    end: spot.end(),
                });
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

fn singular(key: &str) -> &str {
    if key == "tags" { "tag" } else { "category" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::AllRules;

    fn tags(words: &[(&str, usize)]) -> Vec<TagUse> {
        let place = |at: usize, len: usize| Place {
            span: at..at + len,
            start: Position {
                line: 3,
                column: at,
            },
            end: Position {
                line: 3,
                column: at + len,
            },
        };
        vec![TagUse {
            key: "tags",
            string: false,
            unread: None,
            value: place(7, 20),
            tags: words
                .iter()
                .map(|(text, at)| TagWord {
                    text: (*text).into(),
                    span: place(*at, text.len()).span,
                    start: place(*at, text.len()).start,
                    end: place(*at, text.len()).end,
                })
                .collect(),
        }]
    }

    #[test]
    fn variants_are_reported_in_document_order_whatever_order_documents_finish() {
        let rules = AllRules::new();
        let mut facts = SiteFacts::default();
        // Workers finish documents in any order.
        facts.add(3, tags(&[("Agile", 9)]));
        facts.add(0, tags(&[("agile", 9)]));
        facts.add(2, tags(&[("agile", 9), ("Agile", 16)]));
        facts.add(1, tags(&[("agile", 9)]));
        let display = |file: usize| format!("post-{file}.md");
        let found = facts.check(&rules.context(), &display);
        assert_eq!(found.len(), 1, "{found:?}");
        let finding = &found[0];
        assert_eq!((finding.file, finding.diagnostic.span.clone()), (2, 16..21));
        assert_eq!(
            finding.start,
            Position {
                line: 3,
                column: 16
            }
        );
        assert_eq!(
            finding.diagnostic.help.as_deref(),
            Some(
                "use `agile` everywhere; `Agile` in post-2.md:3:16, post-3.md:3:9; \
                 `agile` in post-0.md:3:9, post-1.md:3:9, post-2.md:3:9"
            )
        );
    }

    #[test]
    fn one_spelling_everywhere_is_quiet() {
        let rules = AllRules::new();
        let mut facts = SiteFacts::default();
        for file in 0..5 {
            facts.add(file, tags(&[("open-source", 9)]));
        }
        assert!(facts.check(&rules.context(), &|_| String::new()).is_empty());
    }
}
