//! The site step: checks that need every document of the site at once.
//!
//! Workers check documents one at a time and drop them; for the site-wide rules
//! each worker keeps only the few facts needed (every `tags` and `categories`
//! value, with its place), and this step compares them once all documents are
//! read: a string where the site writes lists (`string-tags`), and one tag
//! spelled several ways across the site (`tag-variants`, reported once per
//! group with every place listed).

use std::collections::BTreeMap;
use std::ops::Range;

use crate::config::Level;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::front_matter::tree::{NodeKind, lookup};
use crate::line_index::Position;
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

/// One tag as written, with its place. These are held for every document
/// until the end of a run, so the text is a boxed `str` with no spare room.
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

/// A site-wide finding for the document `file` (an index into the reports).
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

/// Compares the tag facts of every document (`files[i]` is the shown path and
/// the facts of document `i`).
pub fn check(context: &Context, files: &[(&str, &[TagUse])]) -> Vec<SiteFinding> {
    let mut found = Vec::new();
    if let Level::On(severity) = context.levels.get(STRING_TAGS.id) {
        string_tags(files, severity, &mut found);
    }
    if let Level::On(severity) = context.levels.get(TAG_VARIANTS.id) {
        tag_variants(files, severity, &mut found);
    }
    found
}

fn string_tags(
    files: &[(&str, &[TagUse])],
    severity: crate::diagnostic::Severity,
    found: &mut Vec<SiteFinding>,
) {
    for key in KEYS {
        let lists = files
            .iter()
            .flat_map(|(_, uses)| uses.iter())
            .filter(|u| u.key == *key && !u.string)
            .count();
        if lists == 0 {
            continue;
        }
        for (file, (_, uses)) in files.iter().enumerate() {
            for used in uses.iter().filter(|u| u.key == *key && u.string) {
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
                    &STRING_TAGS,
                    used.value.span.clone(),
                    format!("`{key}` is a string here{split}; {lists} other {} of this site write it as a list", if lists == 1 { "document" } else { "documents" }),
                )
                .with_help(format!("write a list: `{key}: [{}]`", if parts.len() > 1 { parts.join(", ") } else { parts.concat() }));
                diagnostic.severity = severity;
                found.push(SiteFinding {
                    file,
                    diagnostic,
                    start: used.value.start,
                    end: used.value.end,
                });
            }
        }
    }
}

/// The spellings of one tag, each with every place (document, tag) it is used.
type Spellings<'a> = BTreeMap<&'a str, Vec<(usize, &'a TagWord)>>;

fn tag_variants(
    files: &[(&str, &[TagUse])],
    severity: crate::diagnostic::Severity,
    found: &mut Vec<SiteFinding>,
) {
    for key in KEYS {
        // Normalised tag -> spelling -> every place it is written.
        let mut groups: BTreeMap<String, Spellings> = BTreeMap::new();
        for (file, (_, uses)) in files.iter().enumerate() {
            for tag in uses.iter().filter(|u| u.key == *key).flat_map(|u| &u.tags) {
                let normal: String = tag
                    .text
                    .chars()
                    .filter(|c| !matches!(c, '-' | '_' | ' '))
                    .flat_map(char::to_lowercase)
                    .collect();
                groups
                    .entry(normal)
                    .or_default()
                    .entry(&*tag.text)
                    .or_default()
                    .push((file, tag));
            }
        }
        for spellings in groups.values().filter(|s| s.len() > 1) {
            let (majority, _) = spellings
                .iter()
                .max_by_key(|(text, places)| (places.len(), std::cmp::Reverse(*text)))
                .expect("a group has spellings");
            let Some((file, tag)) = spellings
                .iter()
                .filter(|(text, _)| *text != majority)
                .flat_map(|(_, places)| places.iter())
                .min_by_key(|(file, tag)| (*file, tag.span.start))
            else {
                continue;
            };
            let places: Vec<String> = spellings
                .iter()
                .map(|(text, places)| {
                    let list: Vec<String> = places
                        .iter()
                        .map(|(f, t)| {
                            format!("{}:{}:{}", files[*f].0, t.start.line, t.start.column)
                        })
                        .collect();
                    format!("`{text}` in {}", list.join(", "))
                })
                .collect();
            let others: Vec<&str> = spellings
                .keys()
                .copied()
                .filter(|t| **t != *tag.text)
                .collect();
            let mut diagnostic = Diagnostic::new(
                &TAG_VARIANTS,
                tag.span.clone(),
                format!("the {} `{}` is also written `{}` in this site, so Jekyll makes separate {key} of them", singular(key), tag.text, others.join("`, `")),
            )
            .with_help(format!("use `{majority}` everywhere; {}", places.join("; ")));
            diagnostic.severity = severity;
            found.push(SiteFinding {
                file: *file,
                diagnostic,
                start: tag.start,
                end: tag.end,
            });
        }
    }
}

fn singular(key: &str) -> &str {
    if key == "tags" { "tag" } else { "category" }
}
