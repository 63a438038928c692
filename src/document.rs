//! The load step: one file's bytes become a `Document` rules can read.
//!
//! A document knows its path, its role in a Jekyll site (post, draft or page),
//! its text, a line index and its front matter, all worked out once so no rule
//! re-reads or re-parses anything. Bytes that are not UTF-8 do not become a
//! document: `load` says where the first bad byte is, and the check step turns
//! that into a finding for the file while the run goes on.

use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use crate::front_matter::FrontMatter;
use crate::jekyll_names::{DRAFTS, INCLUDES, POSTS};
use crate::line_index::{LineIndex, Position};
use crate::liquid;
use crate::prose::segments::{self, Body};

/// What a file is to Jekyll, which decides how it is read and which rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A file under a `_posts/` folder.
    Post,
    /// A file under a `_drafts/` folder.
    Draft,
    /// A file in the site's includes folder (`_includes/`, or `includes_dir`):
    /// a Liquid partial that `{% include %}` pastes into a page. Jekyll never
    /// reads front matter from it, so a leading `---` is Markdown there (a
    /// horizontal rule, confirmed with Jekyll 4.3.1), and gives it no
    /// defaults: the front matter rules have nothing to check. Its prose is
    /// published in every page that includes it and its Liquid runs there, so
    /// the prose rules and the checks of its Liquid tags still run; a relative
    /// link in it resolves against the including page, so only site-absolute
    /// links are checked.
    Include,
    /// Any other Markdown file.
    Page,
}

impl Role {
    /// The role of the file at `path`, from the nearest `_posts`, `_drafts` or
    /// `_includes` folder above it.
    pub(crate) fn of(path: &Path) -> Self {
        let folders = path.parent().into_iter().flat_map(Path::components).rev();
        for folder in folders {
            match folder.as_os_str().to_str() {
                Some(POSTS) => return Role::Post,
                Some(DRAFTS) => return Role::Draft,
                Some(INCLUDES) => return Role::Include,
                _ => {}
            }
        }
        Role::Page
    }

    /// The role of the file at `relative` (its path from its site's root) or
    /// `path`: an include when it lies in the site's includes folder
    /// `includes_dir` (`_includes`, unless the config names another); else
    /// what [`Role::of`] says.
    pub(crate) fn in_site(path: &Path, relative: Option<&str>, includes_dir: &str) -> Self {
        let included = relative
            .zip(Some(includes_dir).filter(|d| !d.is_empty()))
            .and_then(|(relative, dir)| relative.strip_prefix(dir))
            .is_some_and(|rest| rest.starts_with('/'));
        if included {
            Role::Include
        } else {
            Role::of(path)
        }
    }

    /// Whether Jekyll strips a byte order mark before looking for front matter
    /// (it reads posts and drafts with `bom|utf-8`, pages on the raw bytes).
    pub(crate) fn strips_bom(self) -> bool {
        matches!(self, Role::Post | Role::Draft)
    }

    /// Whether Jekyll reads front matter from this kind of file: from all but
    /// includes.
    pub(crate) fn reads_front_matter(self) -> bool {
        self != Role::Include
    }
}

/// One Markdown file, read and parsed once, shared by every rule.
#[derive(Debug)]
pub(crate) struct Document {
    /// The path as discovered or given.
    pub(crate) path: PathBuf,
    /// What Jekyll makes of it.
    pub(crate) role: Role,
    /// The whole file, byte order mark included.
    pub(crate) text: String,
    /// Line starts, for positions.
    pub(crate) lines: LineIndex,
    /// The front matter block and its YAML.
    pub(crate) front_matter: FrontMatter,
    /// The Markdown body, parsed on first use and shared by every rule.
    body: OnceLock<Option<Body>>,
    /// The literal targets of the body's Liquid tags, found on first use.
    liquid_targets: OnceLock<Vec<liquid::TagTarget>>,
    /// What Liquid makes of the body, parsed on first use.
    liquid: OnceLock<Option<liquid::parse::Parsed>>,
    /// The path from the root of the document's site, with `/` separators;
    /// `None` outside any site. Several rules ask, and working it out takes a
    /// few thousand instructions, so the caller does it once.
    relative: Option<String>,
}

impl Document {
    /// Builds the document for `text` read from `path`, its role from the
    /// path alone.
    pub(crate) fn new(path: PathBuf, text: String) -> Self {
        let role = Role::of(&path);
        Self::with_role(path, text, role, None)
    }

    /// Builds the document for `text` read from `path`, which lies at
    /// `relative` in its site (`None` when outside its root); a file in the
    /// site's includes folder `includes_dir` is an include.
    pub(crate) fn in_site(
        path: PathBuf,
        text: String,
        relative: Option<String>,
        includes_dir: &str,
    ) -> Self {
        let role = Role::in_site(&path, relative.as_deref(), includes_dir);
        Self::with_role(path, text, role, relative)
    }

    fn with_role(path: PathBuf, text: String, role: Role, relative: Option<String>) -> Self {
        let lines = LineIndex::new(&text);
        let front_matter = if role.reads_front_matter() {
            FrontMatter::read(&text, role.strips_bom())
        } else {
            FrontMatter::Absent
        };
        Self {
            path,
            role,
            text,
            lines,
            front_matter,
            body: OnceLock::new(),
            liquid_targets: OnceLock::new(),
            liquid: OnceLock::new(),
            relative,
        }
    }

    /// The path from the root of the document's site, with `/` separators,
    /// as the caller gave it; `None` outside any site.
    pub(crate) fn relative(&self) -> Option<&str> {
        self.relative.as_deref()
    }

    /// The literal first argument of every `{% name … %}` tag of the body,
    /// with its span: what a `post_url` or `include` refers to. Empty when
    /// Jekyll does not run Liquid over the file or the body is hidden.
    pub(crate) fn liquid_targets(&self, name: &str) -> impl Iterator<Item = (&str, Range<usize>)> {
        let all =
            self.liquid_targets
                .get_or_init(|| match self.front_matter.body_start(&self.text) {
                    Some(start) if self.renders_liquid() => liquid::targets(&self.text, start),
                    _ => Vec::new(),
                });
        all.iter()
            .filter(move |t| self.text[t.name_span.clone()] == *name)
            .map(|t| (&self.text[t.span.clone()], t.span.clone()))
    }

    /// What Liquid makes of the body: its blocks, what it renders and where
    /// it stops the build. `None` when Jekyll does not run Liquid over the
    /// file or the body is hidden.
    pub(crate) fn liquid(&self) -> Option<&liquid::parse::Parsed> {
        self.liquid
            .get_or_init(|| {
                let start = self.front_matter.body_start(&self.text)?;
                self.renders_liquid()
                    .then(|| liquid::parse::parse(&self.text, start))
            })
            .as_ref()
    }

    /// The Markdown body's prose segments and links, parsed once on first use;
    /// `None` when the front matter is broken in a way that hides the body.
    pub(crate) fn body(&self) -> Option<&Body> {
        self.body
            .get_or_init(|| {
                let start = self.front_matter.body_start(&self.text)?;
                Some(segments::parse(&self.text, start, &self.lines))
            })
            .as_ref()
    }

    /// Whether Jekyll runs Liquid over this file: posts, drafts and includes
    /// (an include is Liquid pasted into the page that includes it) always;
    /// other files only when they have front matter (without it they are
    /// copied as they are), and never with `render_with_liquid: false`.
    pub(crate) fn renders_liquid(&self) -> bool {
        let off = self
            .front_matter
            .entries()
            .and_then(|e| crate::front_matter::tree::lookup(e, "render_with_liquid"))
            .and_then(|e| e.value.as_scalar())
            .is_some_and(|s| s.resolve() == crate::front_matter::resolve::Resolved::Bool(false));
        let has_front_matter = !matches!(self.front_matter, FrontMatter::Absent);
        !off && (matches!(self.role, Role::Post | Role::Draft | Role::Include) || has_front_matter)
    }

    /// The line and column of byte `offset`.
    pub(crate) fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// The file name, for rules about names.
    pub(crate) fn file_name(&self) -> &str {
        self.path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
    }
}

/// Why a file could not become a document.
#[derive(Debug, thiserror::Error)]
pub(crate) enum LoadError {
    /// The file could not be read at all.
    #[error("could not read the file: {0}")]
    Unreadable(#[from] io::Error),
    /// The file is not UTF-8.
    #[error("the file is not valid UTF-8")]
    InvalidUtf8 {
        /// The text with each bad byte replaced by `?`, so offsets still match
        /// the file and the place can be shown.
        shown: String,
        /// The first bad byte sequence.
        first: Range<usize>,
        /// How many bad sequences there are in all.
        count: usize,
    },
}

/// The largest file prepress reads, in bytes. A blog post is a few kilobytes;
/// anything past this is a data dump or a mistake, and reading it would let
/// one file decide how much memory a run takes (a check holds about ten
/// times a file's size while it works on it).
pub(crate) const MAX_FILE_BYTES: u64 = 64 << 20;

/// Reads the file at `path` as UTF-8 text, refusing one larger than
/// [`MAX_FILE_BYTES`].
pub(crate) fn load(path: &Path) -> Result<String, LoadError> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // The size can change between the look and the read: never take more.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|err| invalid_utf8(err.into_bytes()))
}

/// The error for a file past [`MAX_FILE_BYTES`].
fn too_large(size: u64) -> LoadError {
    LoadError::Unreadable(io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "it is {} MB, and prepress reads files of up to {} MB; skipped",
            size.div_ceil(1 << 20),
            MAX_FILE_BYTES >> 20
        ),
    ))
}

/// Describes bytes that are not UTF-8, keeping offsets intact.
fn invalid_utf8(mut bytes: Vec<u8>) -> LoadError {
    let mut first = None;
    let mut count = 0;
    let mut at = 0;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(_) => break,
            Err(err) => {
                let start = at + err.valid_up_to();
                let len = err.error_len().unwrap_or(bytes.len() - start);
                bytes[start..start + len].fill(b'?');
                first.get_or_insert(start..start + len);
                count += 1;
                at = start + len;
            }
        }
    }
    let shown = String::from_utf8(bytes).unwrap_or_default();
    LoadError::InvalidUtf8 {
        shown,
        first: first.unwrap_or(0..0),
        count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_follow_the_nearest_special_folder() {
        assert_eq!(Role::of(Path::new("_posts/2024-01-01-a.md")), Role::Post);
        assert_eq!(
            Role::of(Path::new("blog/_posts/x/2024-01-01-a.md")),
            Role::Post
        );
        assert_eq!(Role::of(Path::new("./_drafts/a.md")), Role::Draft);
        assert_eq!(Role::of(Path::new("about.md")), Role::Page);
        assert_eq!(Role::of(Path::new("_posts")), Role::Page);
        assert_eq!(Role::of(Path::new("_drafts/_posts/a.md")), Role::Post);
        assert_eq!(Role::of(Path::new("_includes/note.md")), Role::Include);
        assert_eq!(Role::of(Path::new("_includes/cards/a.md")), Role::Include);
        assert_eq!(Role::of(Path::new("_layouts/post.md")), Role::Page);
    }

    #[test]
    fn the_site_names_its_includes_folder() {
        let role = |path: &str| Role::in_site(Path::new(path), Some(path), "_partials");
        assert_eq!(role("_partials/note.md"), Role::Include);
        assert_eq!(role("_partials/deep/note.md"), Role::Include);
        assert_eq!(role("_partials.md"), Role::Page);
        assert_eq!(role("_partialsx/note.md"), Role::Page);
        assert_eq!(role("_posts/2024-01-01-a.md"), Role::Post);
        assert_eq!(
            Role::in_site(Path::new("/elsewhere/a.md"), None, "_partials"),
            Role::Page
        );
    }

    #[test]
    fn a_document_keeps_the_place_its_caller_found_in_the_site() {
        let path = PathBuf::from("blog/_partials/note.md");
        let relative = Some("_partials/note.md".to_string());
        let doc = Document::in_site(path.clone(), "Text\n".into(), relative, "_partials");
        assert_eq!(doc.relative(), Some("_partials/note.md"));
        assert_eq!(doc.role, Role::Include);
        let outside = Document::in_site(path.clone(), "Text\n".into(), None, "_partials");
        assert_eq!((outside.relative(), outside.role), (None, Role::Page));
        assert_eq!(Document::new(path, "Text\n".into()).relative(), None);
    }

    #[test]
    fn an_include_is_read_without_front_matter() {
        // Jekyll pastes an include as it is: the `---` lines are Markdown.
        let text = "---\ntitle: x\n---\nText\n";
        let doc = Document::new(PathBuf::from("_includes/note.md"), text.to_string());
        assert_eq!(doc.front_matter, FrontMatter::Absent);
        assert_eq!(doc.front_matter.body_start(&doc.text), Some(0));
        assert!(doc.renders_liquid());
        let page = Document::new(PathBuf::from("note.md"), text.to_string());
        assert!(matches!(page.front_matter, FrontMatter::Closed { .. }));
    }

    #[test]
    fn invalid_bytes_are_located_and_replaced_one_for_one() {
        let mut bytes = b"ok\n".to_vec();
        bytes.extend([0xff, b'x', 0xe2, 0x82]);
        match invalid_utf8(bytes) {
            LoadError::InvalidUtf8 {
                shown,
                first,
                count,
            } => {
                assert_eq!(shown, "ok\n?x??");
                assert_eq!(first, 3..4);
                assert_eq!(count, 2);
            }
            other @ LoadError::Unreadable(_) => panic!("{other:?}"),
        }
    }
}
