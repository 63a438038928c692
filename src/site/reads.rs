//! What Jekyll reads of the site's files, and as what: a document's
//! `defaults` type, and whether a file is read at all (`include`,
//! `exclude`, the names Jekyll skips).

use super::model::Site;
use super::scope::glob_prefix;
use crate::jekyll_names::{DRAFTS, POSTS, collection_of, is_special};

impl Site {
    /// The `defaults` type of the document at `relative`: `posts`, `drafts`, a
    /// collection's name, or `pages`.
    pub(crate) fn kind_of(&self, relative: &str) -> &str {
        let Some(slash) = memchr::memrchr(b'/', relative.as_bytes()) else {
            return "pages";
        };
        let dirs = &relative[..slash];
        // `_posts`, `_drafts` and every collection's folder start with `_`:
        // most of a site's files (images, assets) lie under no such folder,
        // and a large site asks this of each of them.
        if memchr::memchr(b'_', dirs.as_bytes()).is_none() {
            return "pages";
        }
        // One pass over the folders, bytes split by hand: `_posts` anywhere
        // wins over `_drafts` anywhere.
        let mut drafts = false;
        for folder in dirs.as_bytes().split(|&b| b == b'/') {
            if folder == POSTS.as_bytes() {
                return "posts";
            }
            drafts |= folder == DRAFTS.as_bytes();
        }
        if drafts {
            return "drafts";
        }
        let below = match self.collections_dir.as_str() {
            "" => dirs,
            base => match dirs.strip_prefix(base) {
                Some(rest) => rest.trim_start_matches('/'),
                None => return "pages",
            },
        };
        let first = below.split_once('/').map_or(below, |(first, _)| first);
        let Some(name) = collection_of(first) else {
            return "pages";
        };
        self.collections
            .iter()
            .find(|c| c.name == name)
            .map_or("pages", |c| c.name.as_str())
    }

    /// Whether Jekyll reads the file at `relative` at all: listed in `include`,
    /// or not excluded, not itself named like a hidden, special or backup file
    /// (`.x`, `_x`, `#x`, `~x`, `x~`), and not in a folder so named other than
    /// `_posts`, `_drafts` and the collections (`_` folders hold templates and
    /// partials, not pages).
    pub(crate) fn publishes(&self, relative: &str) -> bool {
        let listed = |list: &[String]| {
            list.iter().any(|entry| {
                // Most entries differ in the first byte, unless a glob starts there:
                // that answers for nearly every file without a search for `*`.
                match (entry.as_bytes().first(), relative.as_bytes().first()) {
                    (Some(a), Some(b)) if a != b && *a != b'*' => false,
                    _ => {
                        relative == entry
                            || relative
                                .strip_prefix(entry.as_str())
                                .is_some_and(|rest| rest.starts_with('/'))
                            || (entry.contains('*') && glob_prefix(entry, relative))
                    }
                }
            })
        };
        let (dirs, name) = relative.rsplit_once('/').unwrap_or(("", relative));
        // An `include` entry names a path, or a file by its name anywhere.
        if listed(&self.include) || self.include.iter().any(|entry| entry == name) {
            return true;
        }
        if listed(&self.exclude) {
            return false;
        }
        if is_special(name) {
            return false;
        }
        let collection = |name: &str| {
            self.collections
                .iter()
                .any(|c| collection_of(name) == Some(c.name.as_str()))
        };
        dirs.split('/').filter(|c| !c.is_empty()).all(|c| {
            !is_special(c)
                || c == POSTS
                || c == DRAFTS
                || collection(c)
                || c == self.collections_dir
        })
    }
}
