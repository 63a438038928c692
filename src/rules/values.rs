//! Front matter values as Jekyll sees them, for the rule files: merged with
//! the site's `defaults`, labelled where a default sets them, and the spans
//! and nested mappings rules point at.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Span};
use crate::document::Document;
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{Entry, Node, NodeKind};
use crate::site::Site;

/// Adds a label at a value in the site config that a `defaults` entry gives
/// the document, when the config file is known.
pub(super) fn label_default(
    diagnostic: Diagnostic,
    site: &Site,
    value: std::ops::Range<usize>,
) -> Diagnostic {
    match site.place(value) {
        Some(place) => diagnostic.with_label_elsewhere(place, "set by the site's `defaults` here"),
        None => diagnostic,
    }
}

/// A front matter value as Jekyll sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Value<'a> {
    /// Written in the document.
    Own(&'a Entry),
    /// Given by the site's `defaults` (the entry is in the config file).
    Default(&'a Entry),
}

impl<'a> Value<'a> {
    /// The `key: value` entry, wherever it is written.
    pub(crate) fn entry(self) -> &'a Entry {
        match self {
            Value::Own(entry) | Value::Default(entry) => entry,
        }
    }
}

/// The value of `key` for `doc` once the site's `defaults` are merged in, as
/// Jekyll merges them: the document's own value wins, except a null one (`key:`
/// with nothing after it), which does not override a default.
pub(crate) fn effective<'a>(
    context: &Context<'a>,
    doc: &'a Document,
    key: &str,
) -> Option<Value<'a>> {
    // Jekyll gives an include neither front matter nor defaults.
    if !doc.role.reads_front_matter() {
        return None;
    }
    let own = doc
        .front_matter
        .entries()
        .and_then(|entries| crate::front_matter::tree::lookup(entries, key));
    let is_null = |entry: &Entry| {
        entry
            .value
            .as_scalar()
            .is_some_and(|s| s.resolve() == crate::front_matter::resolve::Resolved::Null)
    };
    if let Some(entry) = own.filter(|e| !is_null(e)) {
        return Some(Value::Own(entry));
    }
    let given = context.site.and_then(|site| {
        let relative = doc.relative()?;
        site.defaults_for(relative, site.kind_of(relative))
            .into_iter()
            .find(|entry| entry.key.key_text() == Some(key))
    });
    given.map(Value::Default).or(own.map(Value::Own))
}

/// Where to point for an entry's value: the value itself, or the key when the
/// value is empty (nothing written after the colon has no width to underline).
pub(super) fn value_or_key_span(entry: &Entry) -> Span {
    if entry.value.span.is_empty() {
        entry.key.span.clone()
    } else {
        entry.value.span.clone()
    }
}

/// Calls `visit` on `entries` and on every mapping nested in them.
pub(super) fn visit_mappings<'a>(entries: &'a [Entry], visit: &mut dyn FnMut(&'a [Entry])) {
    visit(entries);
    for entry in entries {
        visit_node_mappings(&entry.value.kind, visit);
    }
}

fn visit_node_mappings<'a>(kind: &'a NodeKind, visit: &mut dyn FnMut(&'a [Entry])) {
    match kind {
        NodeKind::Mapping(entries) => visit_mappings(entries, visit),
        NodeKind::Sequence(items) => {
            for item in items {
                visit_node_mappings(&item.kind, visit);
            }
        }
        NodeKind::Scalar(_) | NodeKind::Alias => {}
    }
}

/// Whether a node is a YAML null (`null`, `~`, nothing).
pub(super) fn is_null(node: &Node) -> bool {
    node.as_scalar()
        .is_some_and(|s| s.resolve() == Resolved::Null)
}
