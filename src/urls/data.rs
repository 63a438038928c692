//! What a file says about its URL: the start of the file up to the end of
//! its front matter, and that front matter over the site's `defaults`.

use crate::front_matter::merged;
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{Entry, NodeKind};

/// The most of a file read for its front matter.
const HEAD_LIMIT: u64 = 1 << 20;

/// The start of a file up to the end of its front matter (the whole front
/// matter block, or the first line when there is none): all a URL needs,
/// without reading long posts in full.
pub(crate) fn read_head(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::{BufRead, Read};
    let file = std::fs::File::open(path)?;
    let mut reader = std::io::BufReader::new(file.take(HEAD_LIMIT));
    let mut head = Vec::new();
    let mut line = Vec::new();
    let mut first = true;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        head.extend_from_slice(&line);
        let bare = line
            .strip_prefix(b"\xEF\xBB\xBF".as_slice())
            .unwrap_or(&line);
        let bare = bare.trim_ascii_end();
        let fence = bare == b"---" || (!first && bare == b"...");
        if (first && !fence) || (!first && fence) {
            break;
        }
        first = false;
    }
    String::from_utf8(head).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// A document's front matter with the site's `defaults` under it.
pub(super) struct Data<'a> {
    pub(super) own: &'a [Entry],
    pub(super) defaults: Vec<&'a Entry>,
}

impl Data<'_> {
    /// The entry for `key`: the document's own unless it is null, else the
    /// default.
    pub(super) fn entry(&self, key: &str) -> Option<&Entry> {
        merged(self.own, &self.defaults, key)
    }

    /// A scalar value as text, when it is one and not blank.
    pub(super) fn text(&self, key: &str) -> Option<String> {
        self.entry(key)?
            .value
            .as_scalar()
            .filter(|s| !s.is_blank())
            .map(|s| s.value.trim().to_string())
    }

    /// Whether `key` is written and false (or null, which Jekyll's `fetch`
    /// also treats as false for posts).
    pub(super) fn is_false(&self, key: &str) -> bool {
        self.entry(key)
            .and_then(|e| e.value.as_scalar())
            .is_some_and(|s| matches!(s.resolve(), Resolved::Bool(false) | Resolved::Null))
    }

    /// A list value's items, or a scalar as one item.
    pub(super) fn list(&self, key: &str) -> Vec<String> {
        match self.entry(key).map(|e| &e.value.kind) {
            Some(NodeKind::Scalar(s)) if !s.is_blank() => vec![s.value.clone()],
            Some(NodeKind::Sequence(items)) => items
                .iter()
                .filter_map(|i| i.as_scalar())
                .filter(|s| !s.is_blank())
                .map(|s| s.value.clone())
                .collect(),
            _ => Vec::new(),
        }
    }
}
