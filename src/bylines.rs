//! Which of the site's posts have an author: the site's convention.
//!
//! `missing-author` reports an unsigned post only where the site signs its
//! posts, so it needs every post's `author` (or `authors`), from the post's
//! front matter or the config's `defaults`, whichever post is being checked.
//! The posts are read from disk (only their front matter) once per run, the
//! first time a post without an author is checked: most sites give every
//! post one, and then this is never read.

use rustc_hash::FxHashSet as HashSet;

use crate::date::name_date;
use crate::front_matter::FrontMatter;
use crate::front_matter::merged;
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{Node, NodeKind};
use crate::jekyll_names::MARKDOWN_EXTENSIONS;
use crate::site::Site;

/// Extensions of the files in `_posts` that Jekyll reads as posts besides
/// Markdown's.
const HTML_EXTENSIONS: &[&str] = &["html", "htm"];

/// The site's posts, by path from the site root, split by whether they have
/// an author (an empty `author: ""` counts: the site gives its posts the key,
/// and `empty-value` reports the blank).
#[derive(Debug, Clone, Default)]
pub(crate) struct Bylines {
    signed: HashSet<String>,
    unsigned: HashSet<String>,
}

impl Bylines {
    /// Reads the front matter of every post of `site`.
    pub(crate) fn read(site: &Site) -> Self {
        let mut bylines = Bylines::default();
        for rel in &site.files {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            let is_post = site.kind_of(rel) == "posts"
                && name_date(name).is_some()
                && name.rsplit_once('.').is_some_and(|(_, ext)| {
                    let ext = ext.to_ascii_lowercase();
                    MARKDOWN_EXTENSIONS.contains(&ext.as_str())
                        || HTML_EXTENSIONS.contains(&ext.as_str())
                })
                && site.publishes(rel);
            if !is_post {
                continue;
            }
            let Ok(text) = crate::urls::read_head(&site.root.join(rel)) else {
                continue;
            };
            let front_matter = FrontMatter::read(&text, true);
            let own = front_matter.entries().unwrap_or_default();
            let defaults = site.defaults_for(rel, "posts");
            let signed = ["author", "authors"].iter().any(|key| {
                merged(own, &defaults, key).is_some_and(|entry| !is_nothing(&entry.value))
            });
            if signed {
                bylines.signed.insert(rel.clone());
            } else {
                bylines.unsigned.insert(rel.clone());
            }
        }
        bylines
    }

    /// How many of the posts other than the one at `relative` have an
    /// author, and how many there are.
    pub(crate) fn others(&self, relative: &str) -> (usize, usize) {
        let signed = self.signed.len() - usize::from(self.signed.contains(relative));
        let unsigned = self.unsigned.len() - usize::from(self.unsigned.contains(relative));
        (signed, signed + unsigned)
    }
}

/// Null, or an empty list: no author at all. An empty string is `empty-value`'s.
pub(crate) fn is_nothing(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Scalar(s) => s.resolve() == Resolved::Null,
        NodeKind::Sequence(items) => items.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_other_posts_that_name_an_author() {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| crate::test_files::write(dir.path(), path, text);
        write(
            "_config.yml",
            "defaults:\n  - scope:\n      path: _posts/team\n    values:\n      author: team\n",
        );
        write("_posts/2024-01-01-a.md", "---\nauthor: priya\n---\n");
        write("_posts/2024-01-02-b.md", "---\nauthors: [sam, jo]\n---\n");
        write("_posts/team/2024-01-03-c.md", "---\ntitle: c\n---\n");
        write("_posts/team/2024-01-04-d.md", "---\nauthor:\n---\n");
        write("_posts/2024-01-05-e.md", "---\ntitle: e\n---\n");
        write("_posts/2024-01-06-f.md", "---\nauthor: \"\"\n---\n");
        write("_posts/2024-01-07-g.md", "---\nauthors: []\n---\n");
        // Not posts: no date, not a post extension, a draft, a page.
        write("_posts/notes.md", "---\nauthor: x\n---\n");
        write("_posts/2024-01-08-photo.png", "");
        write("_drafts/2024-01-09-h.md", "---\nauthor: x\n---\n");
        write("about.md", "---\nauthor: x\n---\n");
        let site = Site::load(dir.path(), &[]);
        let bylines = Bylines::read(&site);
        assert_eq!(bylines.others("_posts/2024-01-05-e.md"), (5, 6));
        assert_eq!(bylines.others("_posts/2024-01-01-a.md"), (4, 6));
        assert_eq!(bylines.others("_posts/2024-02-01-new.md"), (5, 7));
    }
}
