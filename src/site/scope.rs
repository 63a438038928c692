//! One entry of the config's `defaults:` list: its scope (a path or a glob,
//! a type), what it applies to, which of two wins, and reading the list.

use crate::front_matter::tree::{self, Entry, Node, NodeKind};

/// One entry of the config's `defaults:` list.
#[derive(Debug, Clone)]
pub(crate) struct ScopedDefault {
    /// `scope.path`: a path prefix or a glob, relative to the site root; empty
    /// for every file.
    pub(crate) path: String,
    /// `scope.type`: `posts`, `drafts`, `pages` or a collection name.
    pub(crate) kind: Option<String>,
    /// `values`, as written.
    pub(crate) values: Vec<Entry>,
}

impl ScopedDefault {
    pub(super) fn applies(&self, relative: &str, kind: &str) -> bool {
        let type_ok = self.kind.as_deref().is_none_or(|k| k == kind);
        let scope = self.path.trim_matches('/');
        let path_ok = if scope.is_empty() {
            true
        } else if scope.contains('*') {
            glob_prefix(scope, relative)
        } else {
            relative == scope
                || relative
                    .strip_prefix(scope)
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        type_ok && path_ok
    }

    fn depth(&self) -> usize {
        self.path
            .trim_matches('/')
            .split('/')
            .filter(|p| !p.is_empty())
            .count()
    }
}

/// Whether `new` takes precedence over `old` (Jekyll's `has_precedence?`).
pub(super) fn precedes(old: &ScopedDefault, new: &ScopedDefault) -> bool {
    match new.depth().cmp(&old.depth()) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => !(old.kind.is_some() && new.kind.is_none()),
    }
}

/// Whether `path` lies under a folder matching the glob `scope` (`*` within
/// one path segment).
pub(super) fn glob_prefix(scope: &str, path: &str) -> bool {
    let scope_parts: Vec<&str> = scope.split('/').collect();
    let path_parts: Vec<&str> = path.split('/').collect();
    scope_parts.len() <= path_parts.len()
        && scope_parts
            .iter()
            .zip(&path_parts)
            .all(|(pattern, part)| segment_matches(pattern, part))
}

fn segment_matches(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, tail)) => {
            text.starts_with(head)
                && (0..=text.len() - head.len()).any(|i| {
                    let rest = &text[head.len() + i..];
                    text.is_char_boundary(head.len() + i) && segment_matches(tail, rest)
                })
        }
    }
}

pub(super) fn read_defaults(list: &Node) -> Vec<ScopedDefault> {
    let NodeKind::Sequence(items) = &list.kind else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let entries = item.as_mapping()?;
            let values = tree::lookup(entries, "values")?
                .value
                .as_mapping()?
                .to_vec();
            let scope = tree::lookup(entries, "scope").and_then(|e| e.value.as_mapping());
            let text = |key: &str| {
                scope
                    .and_then(|s| tree::lookup(s, key))
                    .and_then(|e| e.value.as_scalar())
                    .map(|s| s.value.clone())
            };
            Some(ScopedDefault {
                path: text("path").unwrap_or_default(),
                // Jekyll still reads the old singular types as the plural ones.
                kind: text("type")
                    .filter(|t| !t.is_empty())
                    .map(|t| match t.as_str() {
                        "post" | "page" | "draft" => format!("{t}s"),
                        _ => t,
                    }),
                values,
            })
        })
        .collect()
}
