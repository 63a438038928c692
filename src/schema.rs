//! Reading prepress's own YAML files (the config and rule packs) with spans.
//!
//! Both are read with the span-keeping YAML reader used for front matter, and
//! every mistake becomes a `SchemaError` that names the file and the exact
//! bytes, so a person sees the line and column of the unknown key, the bad
//! severity or the broken regex. This module holds the small typed readers both
//! files share: mappings, keys, strings, lists, booleans.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::front_matter::tree::{self, Entry, Node, NodeKind};

/// A mistake in a config or pack file, with the place it was found.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct SchemaError {
    /// The file.
    pub path: PathBuf,
    /// Its text, for showing the place.
    pub text: String,
    /// The bytes at fault.
    pub span: Range<usize>,
    /// What is wrong, in words.
    pub message: String,
}

/// Reads the file at `path` as text; `what` names it in the error ("the config file").
pub(crate) fn read_text(path: &Path, what: &str) -> Result<String, SchemaError> {
    std::fs::read_to_string(path).map_err(|err| SchemaError {
        path: path.to_path_buf(),
        text: String::new(),
        span: 0..0,
        message: format!("could not read {what}: {err}"),
    })
}

/// Typed access to one YAML file's nodes, producing errors that point into it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Schema<'a> {
    /// The file, for errors.
    pub(crate) path: &'a Path,
    /// Its text.
    pub(crate) text: &'a str,
}

impl Schema<'_> {
    /// An error at `span`.
    pub(crate) fn error(&self, span: Range<usize>, message: impl Into<String>) -> SchemaError {
        SchemaError {
            path: self.path.to_path_buf(),
            text: self.text.to_string(),
            span,
            message: message.into(),
        }
    }

    /// Parses the whole text; `None` for an empty file.
    pub(crate) fn parse(&self, what: &str) -> Result<Option<Node>, SchemaError> {
        tree::parse(self.text, 0).map_err(|err| {
            self.error(
                err.at..err.at,
                format!("the {what} is not valid YAML: {}", err.problem),
            )
        })
    }

    /// The entries of a mapping node.
    pub(crate) fn mapping<'n>(
        &self,
        node: &'n Node,
        what: &str,
    ) -> Result<&'n [Entry], SchemaError> {
        node.as_mapping().ok_or_else(|| {
            self.error(
                node.span.clone(),
                format!("{what} must be `key: value` lines"),
            )
        })
    }

    /// The text of a key.
    pub(crate) fn key<'n>(&self, entry: &'n Entry) -> Result<&'n str, SchemaError> {
        entry
            .key
            .key_text()
            .ok_or_else(|| self.error(entry.key.span.clone(), "a key is a plain word"))
    }

    /// A string value.
    pub(crate) fn string(&self, node: &Node, what: &str) -> Result<String, SchemaError> {
        match node.as_scalar() {
            Some(s) if !s.value.trim().is_empty() => Ok(s.value.clone()),
            _ => Err(self.error(node.span.clone(), format!("{what} must be text"))),
        }
    }

    /// A boolean value (`true` or `false`).
    pub(crate) fn boolean(&self, node: &Node, what: &str) -> Result<bool, SchemaError> {
        match node.as_scalar().map(|s| s.value.as_str()) {
            Some("true") => Ok(true),
            Some("false") => Ok(false),
            _ => Err(self.error(
                node.span.clone(),
                format!("{what} must be `true` or `false`"),
            )),
        }
    }

    /// A list of strings, each with its span.
    pub(crate) fn strings(
        &self,
        node: &Node,
        what: &str,
    ) -> Result<Vec<(String, Range<usize>)>, SchemaError> {
        let NodeKind::Sequence(items) = &node.kind else {
            return Err(self.error(
                node.span.clone(),
                format!("{what} must be a list, such as [a, b]"),
            ));
        };
        items
            .iter()
            .map(|item| {
                Ok((
                    self.string(item, &format!("each item of {what}"))?,
                    item.span.clone(),
                ))
            })
            .collect()
    }

    /// An error for a key that is not among `accepted`.
    pub(crate) fn unknown_key(
        &self,
        entry: &Entry,
        key: &str,
        where_: &str,
        accepted: &[&str],
    ) -> SchemaError {
        let list = accepted
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        self.error(
            entry.key.span.clone(),
            format!("unknown key `{key}` in {where_}; it accepts {list}"),
        )
    }
}
