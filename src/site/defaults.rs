//! The config's `defaults:` as a document gets them, merged as Jekyll merges
//! them, and where in the config a value was written.

use super::model::Site;
use super::scope::{ScopedDefault, precedes};
use crate::front_matter::tree::Entry;

impl Site {
    /// The values `defaults` gives the document at `relative` of `kind`
    /// (`posts`, `drafts`, `pages`), merged as Jekyll merges them: a more
    /// specific scope (a longer path, then a type) wins, and among equals the
    /// later entry wins.
    pub(crate) fn defaults_for(&self, relative: &str, kind: &str) -> Vec<&Entry> {
        let mut merged: Vec<&Entry> = Vec::new();
        let mut best: Option<&ScopedDefault> = None;
        for scope in self.defaults.iter().filter(|d| d.applies(relative, kind)) {
            let wins = best.is_none_or(|old| precedes(old, scope));
            for entry in &scope.values {
                let Some(key) = entry.key.key_text() else {
                    continue;
                };
                match merged.iter_mut().find(|g| g.key.key_text() == Some(key)) {
                    Some(old) if wins => *old = entry,
                    Some(_) => {}
                    None => merged.push(entry),
                }
            }
            if wins {
                best = Some(scope);
            }
        }
        merged
    }
}

impl Site {
    /// Where a `defaults` entry is written, for messages: `_config.yml:12`.
    pub(crate) fn origin(&self, entry: &Entry) -> String {
        self.origin_at(entry.key.span.start)
    }

    /// The config line of byte `at` of the file holding `defaults`.
    pub(crate) fn origin_at(&self, at: usize) -> String {
        match &self.defaults_file {
            Some((path, text, lines)) => {
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                format!("{name}:{}", lines.position(text, at).line)
            }
            None => "the site config".to_string(),
        }
    }

    /// The place of bytes `span` of the file holding `defaults`, for a label
    /// pointing at a value the site config gives a document.
    pub(crate) fn place(
        &self,
        span: std::ops::Range<usize>,
    ) -> Option<crate::diagnostic::Elsewhere> {
        let (path, text, lines) = self.defaults_file.as_ref()?;
        Some(crate::diagnostic::Elsewhere {
            path: path.clone(),
            start: lines.position(text, span.start),
            end: lines.position(text, span.end),
        })
    }
}
