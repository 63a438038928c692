//! One Jekyll site around checked files, read once per run.
//!
//! Which site a file belongs to is `sites`' business; this module reads one,
//! from its root. Its config files are read in order (`--config a.yml,b.yml`
//! merges them as `jekyll build --config` does: a later file's top-level keys
//! win), one walk of the site collects every file path, and from those come the
//! sets the cross-reference rules look things up in: layouts, includes, posts,
//! and the author ids of `_data/authors`. Every check against the site is a set
//! look-up, never a file-system call. A config that is not valid YAML, or a
//! `timezone` that names no zone, is a [`SiteProblem`] in that file.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ignore::WalkBuilder;

use crate::bylines::Bylines;
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{self, Entry, Node, NodeKind};
use crate::line_index::LineIndex;
use crate::site_problem::{Problem, SiteProblem, YamlFile};
use crate::templates::{Comparisons, Reads};
use crate::urls::{Guesses, Urls};

/// The config file Jekyll reads by default.
pub const CONFIG_FILE: &str = "_config.yml";

/// Folders of a site never worth walking.
const SKIPPED: &[&str] = &[
    ".git",
    "_site",
    ".jekyll-cache",
    ".sass-cache",
    "node_modules",
    "vendor",
];

/// One entry of the config's `defaults:` list.
#[derive(Debug, Clone)]
pub struct ScopedDefault {
    /// `scope.path`: a path prefix or a glob, relative to the site root; empty
    /// for every file.
    pub path: String,
    /// `scope.type`: `posts`, `drafts`, `pages` or a collection name.
    pub kind: Option<String>,
    /// `values`, as written.
    pub values: Vec<Entry>,
}

/// What prepress knows of the site.
#[derive(Debug, Clone, Default)]
pub struct Site {
    /// The site's root folder.
    pub root: PathBuf,
    /// Threads the site-wide steps (working out every page's URL) may use;
    /// 0 for one per core. Separate from the run's workers, which a run on
    /// one post keeps to one.
    pub threads: usize,
    /// The root made absolute, found once at load: every document asks where
    /// it lies in the site.
    pub(crate) absolute_root: Option<PathBuf>,
    /// The run's working directory, which relative document paths are
    /// resolved from; set by the run (`Sites`), so looking it up is no system
    /// call. Without it (a site loaded on its own), `std::path::absolute`
    /// resolves them.
    pub(crate) cwd: Option<PathBuf>,
    /// Whether posts dated in the future are built (`future: true`).
    pub future: bool,
    /// The `baseurl` the site is served under (`/blog`), without a final `/`.
    pub baseurl: String,
    /// The theme, if the site uses one (`theme` or `remote_theme`): layouts and
    /// includes may come from it.
    pub theme: Option<String>,
    /// Layout names: paths under the layouts folder, without extension.
    pub layouts: HashSet<String>,
    /// Include names: paths under the includes folder.
    pub includes: HashSet<String>,
    /// The includes folder (`includes_dir`, `_includes` when unset), relative
    /// to the root, without slashes at either end.
    pub includes_dir: String,
    /// Post names as `post_url` takes them: `YYYY-MM-DD-slug`, and with the
    /// folders below `_posts` (`2024/YYYY-MM-DD-slug`).
    pub posts: HashSet<String>,
    /// The author ids of `_data/authors.yml` (or `.yaml`, `.json`), when the
    /// site keeps one.
    pub authors: Option<Vec<String>>,
    /// Every file of the site, relative to the root, with `/` separators.
    pub files: HashSet<String>,
    /// Broken config and data files.
    pub problems: Vec<SiteProblem>,
    /// The config's `defaults`, in order.
    pub defaults: Vec<ScopedDefault>,
    /// The config file holding `defaults`: its name, text and line index, to
    /// say where a default came from.
    pub defaults_file: Option<(PathBuf, String, LineIndex)>,
    /// Whether the config sets a site-wide `author`, which themes and plugins
    /// use for posts without one.
    pub author: bool,
    /// The config's top-level settings whose values are plain strings
    /// (`repository: https://github.com/x/y`), which a post may write into a
    /// link as `{{ site.repository }}`.
    pub strings: HashMap<String, String>,
    /// The config's collections (`recipes` for `_recipes/`).
    pub collections: Vec<Collection>,
    /// The folder holding the collection folders (`collections_dir`), or empty.
    pub collections_dir: String,
    /// The config's `exclude` entries, with Jekyll's own defaults added.
    pub exclude: Vec<String>,
    /// The config's `include` entries: files and folders read despite a
    /// leading `_` or `.`, or an `exclude`.
    pub include: Vec<String>,
    /// The site's time zone (`timezone`), in which a post's date without an
    /// offset is read; UTC when unset or unknown, as Ruby does.
    pub timezone: Option<jiff::tz::TimeZone>,
    /// Whether drafts are built (`show_drafts: true`).
    pub show_drafts: bool,
    /// The `permalink` setting: a style (`date`, `pretty`, `ordinal`,
    /// `weekdate`, `none`) or a template; `date` when unset.
    pub permalink: String,
    /// The plugins the config loads (`plugins`, or the older `gems`).
    pub plugins: Vec<String>,
    /// What makes pages no file of the site builds: plugins, and
    /// `_plugins/` files that add pages.
    pub generators: crate::plugins::Generators,
    /// Whether the site has Ruby plugins of its own in `_plugins/`.
    pub local_plugins: bool,
    /// The gems of the Gemfile's `jekyll_plugins` group, which Jekyll loads
    /// too; `None` when the site has no Gemfile.
    pub gemfile_plugins: Option<Vec<String>>,
    /// The Liquid tags the site's own Ruby plugins register by name.
    pub plugin_tags: HashSet<String>,
    /// Where jekyll-paginate puts the later pages (`paginate_path`), when the
    /// site paginates.
    pub paginate_path: Option<String>,
    /// The URL of every page the site builds, worked out the first time a rule
    /// needs it (most runs never link to a page).
    pub urls: OnceLock<Urls>,
    /// Each file's URL from its path alone, worked out on first use.
    pub url_guesses: OnceLock<Guesses>,
    /// The templates, in path order: the files of the layouts and includes
    /// folders, and every `.html`, `.htm`, `.liquid`, `.xml` or `.json` file (a feed or a
    /// search index is a Liquid template too).
    pub templates: Vec<String>,
    /// Where the templates compare a value with `true`, read on first use.
    pub comparisons: OnceLock<Comparisons>,
    /// Which front matter keys the templates read, read on first use.
    pub reads: OnceLock<Reads>,
    /// Which posts name an author, read on first use.
    pub bylines: OnceLock<Bylines>,
}

/// A collection of the site's config.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    /// Its name: `recipes` for the folder `_recipes/`.
    pub name: String,
    /// Whether its documents become pages (`output: true`).
    pub output: bool,
    /// Its `permalink` template, when set.
    pub permalink: Option<String>,
}

/// What Jekyll always excludes, whatever the config says.
const DEFAULT_EXCLUDE: &[&str] = &[
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle",
    "vendor/cache",
    "vendor/gems",
    "vendor/ruby",
];

impl Site {
    /// Reads the site at `root` with its config files (`_config.yml` when
    /// `configs` is empty).
    pub fn load(root: &Path, configs: &[PathBuf]) -> Self {
        let mut site = Site {
            root: root.to_path_buf(),
            absolute_root: std::path::absolute(root).ok(),
            ..Site::default()
        };
        let default_config = [root.join(CONFIG_FILE)];
        let configs = if configs.is_empty() {
            &default_config[..]
        } else {
            configs
        };
        let mut settings: Vec<Entry> = Vec::new();
        // The file each setting came from, to point at a bad value.
        let mut origins: Vec<(PathBuf, String)> = Vec::new();
        let mut origin_of: Vec<usize> = Vec::new();
        for path in configs {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            match tree::parse(&text, 0) {
                Ok(Some(node)) => {
                    if let NodeKind::Mapping(entries) = node.kind {
                        if tree::lookup(&entries, "defaults").is_some() {
                            let lines = LineIndex::new(&text);
                            site.defaults_file = Some((path.clone(), text.clone(), lines));
                        }
                        // A later file's keys win, as with `jekyll build --config`.
                        origin_of.extend(std::iter::repeat_n(origins.len(), entries.len()));
                        origins.push((path.clone(), text.clone()));
                        settings.extend(entries);
                    }
                }
                Ok(None) => {}
                Err(error) => site.problems.push(SiteProblem {
                    path: path.clone(),
                    text,
                    kind: Problem::InvalidYaml {
                        file: YamlFile::Config,
                        error,
                    },
                }),
            }
        }
        let setting = |key: &str| tree::lookup(&settings, key).map(|e| &e.value);
        site.future = setting("future").is_some_and(is_true);
        site.baseurl = setting("baseurl")
            .and_then(Node::as_scalar)
            .map(|s| s.value.trim().trim_end_matches('/').to_string())
            .unwrap_or_default();
        site.author = setting("author").is_some_and(|n| !is_blank(n));
        // A later file's value wins, whatever it is.
        for entry in &settings {
            let Some(key) = entry.key.key_text() else {
                continue;
            };
            match entry
                .value
                .as_scalar()
                .filter(|s| s.resolve() == Resolved::Str)
            {
                Some(value) => site.strings.insert(key.to_string(), value.value.clone()),
                None => site.strings.remove(key),
            };
        }
        if let Some(list) = setting("defaults") {
            site.defaults = read_defaults(list);
        }
        site.collections = match setting("collections").map(|n| &n.kind) {
            Some(NodeKind::Mapping(entries)) => entries
                .iter()
                .filter_map(|e| {
                    let name = e.key.key_text()?.to_string();
                    let meta = e.value.as_mapping().unwrap_or_default();
                    Some(Collection {
                        output: tree::lookup(meta, "output").is_some_and(|o| is_true(&o.value)),
                        permalink: tree::lookup(meta, "permalink")
                            .and_then(|p| p.value.as_scalar())
                            .filter(|p| !p.is_blank())
                            .map(|p| p.value.clone()),
                        name,
                    })
                })
                .collect(),
            Some(NodeKind::Sequence(items)) => items
                .iter()
                .filter_map(|i| {
                    i.as_scalar().map(|s| Collection {
                        name: s.value.clone(),
                        ..Collection::default()
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        site.show_drafts = setting("show_drafts").is_some_and(is_true);
        site.permalink = setting("permalink")
            .and_then(Node::as_scalar)
            .filter(|s| !s.is_blank())
            .map_or_else(|| "date".to_string(), |s| s.value.trim().to_string());
        site.plugins = ["plugins", "gems"]
            .iter()
            .filter_map(|k| setting(k))
            .filter_map(|n| match &n.kind {
                NodeKind::Sequence(items) => Some(items),
                _ => None,
            })
            .flatten()
            .filter_map(|i| i.as_scalar().map(|s| s.value.clone()))
            .collect();
        site.paginate_path = setting("paginate").filter(|n| !is_blank(n)).map(|_| {
            setting("paginate_path")
                .and_then(Node::as_scalar)
                .map_or_else(|| "/page:num".to_string(), |s| s.value.clone())
        });
        if let Some(at) = settings
            .iter()
            .rposition(|e| e.key.key_text() == Some("timezone"))
        {
            let (path, text) = &origins[origin_of[at]];
            match read_timezone(&settings[at].value) {
                Ok(zone) => site.timezone = zone,
                Err(kind) => site.problems.push(SiteProblem {
                    path: path.clone(),
                    text: text.clone(),
                    kind,
                }),
            }
        }
        let list = |key: &str| -> Vec<String> {
            match setting(key).map(|n| &n.kind) {
                Some(NodeKind::Sequence(items)) => items
                    .iter()
                    .filter_map(|i| i.as_scalar())
                    .map(|s| s.value.trim_matches('/').to_string())
                    .collect(),
                _ => Vec::new(),
            }
        };
        site.exclude = DEFAULT_EXCLUDE.iter().map(|s| s.to_string()).collect();
        site.exclude.extend(list("exclude"));
        site.include = vec![".htaccess".to_string()];
        site.include.extend(list("include"));
        site.theme = ["theme", "remote_theme"].iter().find_map(|k| {
            setting(k)
                .and_then(Node::as_scalar)
                .filter(|s| !s.is_blank())
                .map(|s| s.value.clone())
        });
        let folder = |key: &str, default: &str| {
            setting(key)
                .and_then(Node::as_scalar)
                .map_or(default.to_string(), |s| {
                    s.value.trim_matches('/').to_string()
                })
        };
        let layouts_dir = folder("layouts_dir", "_layouts");
        let includes_dir = folder("includes_dir", "_includes");
        site.includes_dir.clone_from(&includes_dir);
        let data_dir = folder("data_dir", "_data");
        site.collections_dir = folder("collections_dir", "");
        site.files = walk(root);
        let plugins_dir = folder("plugins_dir", "_plugins");
        let (plugins_dir, layouts_dir, includes_dir) = (
            format!("{plugins_dir}/"),
            format!("{layouts_dir}/"),
            format!("{includes_dir}/"),
        );
        // The site's own Ruby plugins: the Liquid tags they register, and
        // which of them add pages (tags, filters and generators that only
        // compute data make none).
        let ruby: Vec<String> = site
            .files
            .iter()
            .filter(|f| f.starts_with(&plugins_dir) && f.ends_with(".rb"))
            .cloned()
            .collect();
        site.local_plugins = !ruby.is_empty();
        let mut page_files = Vec::new();
        for file in ruby {
            if let Ok(rb) = std::fs::read_to_string(root.join(&file)) {
                site.plugin_tags
                    .extend(crate::plugin_tags::registered_tags(&rb));
                if crate::plugins::makes_pages(&rb) {
                    page_files.push(file);
                }
            }
        }
        page_files.sort();
        site.generators = crate::plugins::Generators::read(&site.plugins, setting, &page_files);
        site.gemfile_plugins = std::fs::read_to_string(root.join("Gemfile"))
            .ok()
            .map(|gemfile| crate::plugin_tags::gemfile_plugins(&gemfile));
        for file in &site.files {
            let ext = file
                .rsplit_once('.')
                .map(|(_, ext)| ext.to_ascii_lowercase());
            if file.starts_with(&layouts_dir)
                || file.starts_with(&includes_dir)
                || matches!(ext.as_deref(), Some("html" | "htm" | "liquid"))
            {
                site.templates.push(file.clone());
            }
            if let Some(rest) = file.strip_prefix(&layouts_dir) {
                site.layouts.insert(without_extension(rest).to_string());
            } else if let Some(rest) = file.strip_prefix(&includes_dir) {
                site.includes.insert(rest.to_string());
            } else if let Some(at) = file
                .find("_posts/")
                .filter(|&at| at == 0 || file[..at].ends_with('/'))
            {
                let below = &file[at + "_posts/".len()..];
                let name = without_extension(below);
                site.posts.insert(name.to_string());
                if let Some((_, stem)) = name.rsplit_once('/') {
                    site.posts.insert(stem.to_string());
                }
            }
        }
        site.templates.sort_unstable();
        let data = crate::site_data::read(root, &data_dir, &site.files);
        site.authors = data.authors;
        site.problems.extend(data.problems);
        site
    }
}

impl Site {
    /// The site's time zone, in which Jekyll reads dates without an offset:
    /// the config's `timezone`, UTC when unset or unknown.
    pub fn zone(&self) -> jiff::tz::TimeZone {
        self.timezone.clone().unwrap_or(jiff::tz::TimeZone::UTC)
    }

    /// The URL of every page, worked out on first use and kept for the run.
    pub fn urls(&self) -> &Urls {
        self.urls.get_or_init(|| Urls::build(self))
    }

    /// Each file's URL from its path alone, worked out on first use.
    pub fn url_guesses(&self) -> &Guesses {
        self.url_guesses.get_or_init(|| Guesses::new(self))
    }

    /// Where the templates compare a value with `true`, read on first use
    /// and kept for the run.
    pub fn comparisons(&self) -> &Comparisons {
        self.comparisons.get_or_init(|| Comparisons::read(self))
    }

    /// Which front matter keys the templates read, read on first use and
    /// kept for the run.
    pub fn reads(&self) -> &Reads {
        self.reads.get_or_init(|| Reads::read(self))
    }

    /// Which posts name an author, read on first use and kept for the run.
    pub fn bylines(&self) -> &Bylines {
        self.bylines.get_or_init(|| Bylines::read(self))
    }

    /// A document's path relative to the site root, with `/` separators, or
    /// `None` when it lies outside the site.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let absolute = match &self.cwd {
            Some(cwd) => std::path::absolute(cwd.join(path)),
            None => std::path::absolute(path),
        }
        .ok()?;
        let computed;
        let root = match &self.absolute_root {
            Some(root) => root,
            None => {
                computed = std::path::absolute(&self.root).ok()?;
                &computed
            }
        };
        relative_slash_path(&absolute, root)
    }

    /// The values `defaults` gives the document at `relative` of `kind`
    /// (`posts`, `drafts`, `pages`), merged as Jekyll merges them: a more
    /// specific scope (a longer path, then a type) wins, and among equals the
    /// later entry wins.
    pub fn defaults_for(&self, relative: &str, kind: &str) -> Vec<&Entry> {
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
    pub fn origin(&self, entry: &Entry) -> String {
        self.origin_at(entry.key.span.start)
    }

    /// The config line of byte `at` of the file holding `defaults`.
    pub fn origin_at(&self, at: usize) -> String {
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
    pub fn place(&self, span: std::ops::Range<usize>) -> Option<crate::diagnostic::Elsewhere> {
        let (path, text, lines) = self.defaults_file.as_ref()?;
        Some(crate::diagnostic::Elsewhere {
            path: path.clone(),
            start: lines.position(text, span.start),
            end: lines.position(text, span.end),
        })
    }
}

impl Site {
    /// The `defaults` type of the document at `relative`: `posts`, `drafts`, a
    /// collection's name, or `pages`.
    pub fn kind_of(&self, relative: &str) -> &str {
        let dirs = relative.rsplit_once('/').map_or("", |(dir, _)| dir);
        let components = dirs.split('/');
        if components.clone().any(|c| c == "_posts") {
            return "posts";
        }
        if components.clone().any(|c| c == "_drafts") {
            return "drafts";
        }
        let below = match self.collections_dir.as_str() {
            "" => dirs,
            base => match dirs.strip_prefix(base) {
                Some(rest) => rest.trim_start_matches('/'),
                None => return "pages",
            },
        };
        let first = below.split('/').next().unwrap_or_default();
        self.collections
            .iter()
            .find(|c| first.strip_prefix('_') == Some(c.name.as_str()))
            .map_or("pages", |c| c.name.as_str())
    }

    /// Whether Jekyll reads the file at `relative` at all: listed in `include`,
    /// or not excluded, not itself named like a hidden, special or backup file
    /// (`.x`, `_x`, `#x`, `~x`, `x~`), and not in a folder so named other than
    /// `_posts`, `_drafts` and the collections (`_` folders hold templates and
    /// partials, not pages).
    pub fn publishes(&self, relative: &str) -> bool {
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
        // Jekyll skips any file or folder whose name starts with `.`, `_`,
        // `#` or `~`, or ends with `~` (a backup).
        let special = |name: &str| name.starts_with(['.', '_', '#', '~']) || name.ends_with('~');
        if special(name) {
            return false;
        }
        let collection = |name: &str| {
            self.collections
                .iter()
                .any(|c| name.strip_prefix('_') == Some(c.name.as_str()))
        };
        dirs.split('/').filter(|c| !c.is_empty()).all(|c| {
            !special(c)
                || c == "_posts"
                || c == "_drafts"
                || collection(c)
                || c == self.collections_dir
        })
    }
}

impl ScopedDefault {
    fn applies(&self, relative: &str, kind: &str) -> bool {
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
fn precedes(old: &ScopedDefault, new: &ScopedDefault) -> bool {
    match new.depth().cmp(&old.depth()) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => !(old.kind.is_some() && new.kind.is_none()),
    }
}

/// Whether `path` lies under a folder matching the glob `scope` (`*` within
/// one path segment).
fn glob_prefix(scope: &str, path: &str) -> bool {
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

fn read_defaults(list: &Node) -> Vec<ScopedDefault> {
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

/// The zone a `timezone` value names (`None` when blank), or the problem
/// when the time zone database does not know it.
fn read_timezone(value: &Node) -> Result<Option<jiff::tz::TimeZone>, Problem> {
    let Some(scalar) = value.as_scalar().filter(|s| !s.is_blank()) else {
        return Ok(None);
    };
    let name = scalar.value.trim();
    match jiff::tz::TimeZone::get(name) {
        Ok(zone) => Ok(Some(zone)),
        Err(_) => Err(Problem::UnknownTimezone {
            span: value.span.clone(),
            name: name.to_string(),
        }),
    }
}

/// Whether a value holds nothing: null, blank text, or an empty list or mapping.
pub(crate) fn is_blank(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Scalar(s) => s.is_blank(),
        NodeKind::Sequence(items) => items.is_empty(),
        NodeKind::Mapping(entries) => entries.is_empty(),
        NodeKind::Alias => false,
    }
}

fn is_true(node: &Node) -> bool {
    node.as_scalar()
        .is_some_and(|s| s.resolve() == Resolved::Bool(true))
}

fn without_extension(path: &str) -> &str {
    match path.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() && !stem.ends_with('/') => stem,
        _ => path,
    }
}

/// `path` below `root` with `/` between its parts, whatever the platform
/// writes. The walker joins names onto `root` as given, so its text is cut
/// off directly; component-wise path matching costs more than the walk.
fn relative_slash_path(path: &Path, root: &Path) -> Option<String> {
    let sep = std::path::MAIN_SEPARATOR as u8;
    let (bytes, root_bytes) = (
        path.as_os_str().as_encoded_bytes(),
        root.as_os_str().as_encoded_bytes(),
    );
    let below = bytes.strip_prefix(root_bytes).filter(|rest| {
        root_bytes.last() == Some(&sep) || rest.is_empty() || rest.first() == Some(&sep)
    });
    let rest = match below {
        Some(rest) => {
            let start = rest.iter().position(|b| *b != sep).unwrap_or(rest.len());
            String::from_utf8_lossy(&rest[start..]).into_owned()
        }
        None => path.strip_prefix(root).ok()?.to_string_lossy().into_owned(),
    };
    Some(if sep == b'/' {
        rest
    } else {
        rest.replace(std::path::MAIN_SEPARATOR, "/")
    })
}

/// Every file under `root`, relative, with `/` separators; ignore files are not
/// consulted, since a generated or ignored file can still be on the built site.
fn walk(root: &Path) -> HashSet<String> {
    let mut files = HashSet::default();
    let walker = WalkBuilder::new(root)
        .standard_filters(false)
        .filter_entry(|e| {
            let skipped = e.depth() > 0 && e.file_type().is_some_and(|t| t.is_dir()) && {
                let name = e.file_name();
                SKIPPED.iter().any(|s| name == *s)
            };
            !skipped
        })
        .build();
    for entry in walker.flatten() {
        if entry.file_type().is_some_and(|t| t.is_file())
            && let Some(relative) = relative_slash_path(entry.path(), root)
        {
            files.insert(relative);
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, files: &[(&str, &str)]) {
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }

    #[test]
    fn reads_layouts_includes_posts_and_authors() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[
                ("_config.yml", "title: x\nfuture: true\n"),
                ("_layouts/post.html", ""),
                ("_layouts/blog/wide.html", ""),
                ("_includes/note.html", ""),
                ("_includes/cards/small.html", ""),
                ("_posts/2024-01-02-hello.md", ""),
                ("_posts/2024/2024-03-04-deep.md", ""),
                ("news/_posts/2023-05-06-news.md", ""),
                (
                    "_data/authors.yml",
                    "priya:\n  name: Priya\nsam:\n  name: Sam\n",
                ),
                ("_site/_layouts/ghost.html", ""),
            ],
        );
        let site = Site::load(dir.path(), &[]);
        assert!(site.future);
        assert_eq!(site.theme, None);
        assert!(site.layouts.contains("post") && site.layouts.contains("blog/wide"));
        assert!(!site.layouts.contains("ghost"));
        assert!(site.includes.contains("note.html") && site.includes.contains("cards/small.html"));
        for name in [
            "2024-01-02-hello",
            "2024-03-04-deep",
            "2024/2024-03-04-deep",
            "2023-05-06-news",
        ] {
            assert!(site.posts.contains(name), "{name}");
        }
        assert_eq!(
            site.authors,
            Some(vec!["priya".to_string(), "sam".to_string()])
        );
        assert!(site.files.contains("_posts/2024/2024-03-04-deep.md"));
    }

    #[test]
    fn old_singular_default_types_mean_the_plural_ones() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[(
                "_config.yml",
                "defaults:\n  - scope: {type: post}\n    values: {layout: post}\n  - scope: {type: page}\n    values: {layout: page}\n  - scope: {type: recipe}\n    values: {layout: recipe}\n",
            )],
        );
        let site = Site::load(dir.path(), &[]);
        let kinds: Vec<Option<&str>> = site.defaults.iter().map(|d| d.kind.as_deref()).collect();
        assert_eq!(kinds, [Some("posts"), Some("pages"), Some("recipe")]);
        let layout = |rel: &str, kind: &str| {
            site.defaults_for(rel, kind)
                .into_iter()
                .find(|e| e.key.key_text() == Some("layout"))
                .and_then(|e| e.value.as_scalar())
                .map(|s| s.value.clone())
        };
        assert_eq!(
            layout("_posts/2024-01-01-a.md", "posts").as_deref(),
            Some("post")
        );
        assert_eq!(layout("about.md", "pages").as_deref(), Some("page"));
    }

    #[test]
    fn defaults_merge_as_jekyll_merges_them() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[(
                "_config.yml",
                r#"author: Site Team
defaults:
  - scope:
      path: ""
    values:
      layout: page
      author: anyone
  - scope:
      path: ""
      type: posts
    values:
      layout: post
  - scope:
      path: _posts/2024
    values:
      author: priya
  - scope:
      path: ""
    values:
      layout: late
  - scope:
      path: "docs/*"
    values:
      toc: true
"#,
            )],
        );
        let site = Site::load(dir.path(), &[]);
        assert!(site.author);
        assert_eq!(site.defaults.len(), 5);
        let value = |rel: &str, kind: &str, key: &str| {
            site.defaults_for(rel, kind)
                .into_iter()
                .find(|g| g.key.key_text() == Some(key))
                .map(|g| (g.value.as_scalar().unwrap().value.clone(), site.origin(g)))
        };
        // A typed scope beats an untyped one of the same depth, even a later one.
        assert_eq!(
            value("_posts/2023-01-01-a.md", "posts", "layout"),
            Some(("post".into(), "_config.yml:12".into()))
        );
        assert_eq!(
            value("about.md", "pages", "layout"),
            Some(("late".into(), "_config.yml:20".into()))
        );
        // A deeper path wins.
        assert_eq!(
            value("_posts/2024/2024-01-01-a.md", "posts", "author").map(|v| v.0),
            Some("priya".into())
        );
        assert_eq!(
            value("_posts/2023-01-01-a.md", "posts", "author").map(|v| v.0),
            Some("anyone".into())
        );
        assert_eq!(
            value("docs/guide/x.md", "pages", "toc").map(|v| v.0),
            Some("true".into())
        );
        assert_eq!(value("docsx/x.md", "pages", "toc"), None);
    }

    #[test]
    fn knows_what_jekyll_reads_and_of_what_type() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[(
                "_config.yml",
                "collections:\n  recipes:\n    output: true\nexclude: [notes, \"drafts-*\"]\n",
            )],
        );
        let site = Site::load(dir.path(), &[]);
        assert_eq!(site.kind_of("_posts/2024/2024-01-01-a.md"), "posts");
        assert_eq!(site.kind_of("_drafts/a.md"), "drafts");
        assert_eq!(site.kind_of("_recipes/soup.md"), "recipes");
        assert_eq!(site.kind_of("about.md"), "pages");
        assert_eq!(site.kind_of("docs/guide.md"), "pages");
        for path in [
            "_posts/2024-01-01-a.md",
            "_recipes/soup.md",
            "about.md",
            "docs/a.md",
            "blog/_posts/2024-01-01-a.md",
        ] {
            assert!(site.publishes(path), "{path}");
        }
        for path in [
            "_templates/post.md",
            "_includes/note.md",
            "notes/a.md",
            "drafts-old/a.md",
            "vendor/bundle/x/README.md",
            "Gemfile",
            "_config.yml",
            "_notes.md",
            "docs/.draft.md",
            ".well-known/security.txt",
            "#scratch.md",
            "about.md~",
            "docs~/a.md",
        ] {
            assert!(!site.publishes(path), "{path}");
        }
    }

    #[test]
    fn include_brings_back_what_jekyll_would_skip() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[(
                "_config.yml",
                "include: [_pages, /.well-known/]\nexclude: [_pages/old]\n",
            )],
        );
        let site = Site::load(dir.path(), &[]);
        for path in [
            "_pages/about.md",
            "_pages/old/a.md",
            ".well-known/security.txt",
            ".htaccess",
            "docs/.htaccess",
        ] {
            assert!(site.publishes(path), "{path}");
        }
        for path in ["_other/a.md", "node_modules/a.md", ".env"] {
            assert!(!site.publishes(path), "{path}");
        }
    }

    #[test]
    fn later_configs_win_and_themes_are_noted() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[
                ("_config.yml", "future: true\n"),
                (
                    "_config.prod.yml",
                    "future: false\nremote_theme: owner/theme\n",
                ),
            ],
        );
        let configs = [
            dir.path().join("_config.yml"),
            dir.path().join("_config.prod.yml"),
        ];
        let site = Site::load(dir.path(), &configs);
        assert!(!site.future);
        assert_eq!(site.theme.as_deref(), Some("owner/theme"));
    }

    #[test]
    fn a_broken_config_is_a_problem_in_it() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &[("_config.yml", "title: Agile: notes\n")]);
        let site = Site::load(dir.path(), &[]);
        assert_eq!(site.problems.len(), 1);
        assert!(site.problems[0].path.ends_with("_config.yml"));
        assert!(matches!(
            &site.problems[0].kind,
            Problem::InvalidYaml { file: YamlFile::Config, error } if error.at == 12
        ));
    }

    #[test]
    fn an_unknown_timezone_is_a_problem_at_its_value() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[("_config.yml", "timezone:  Europe/Berlim \n")],
        );
        let site = Site::load(dir.path(), &[]);
        assert_eq!(site.timezone, None);
        let Problem::UnknownTimezone { span, name } = &site.problems[0].kind else {
            panic!("{:?}", site.problems);
        };
        assert_eq!((span.clone(), name.as_str()), (11..24, "Europe/Berlim"));
    }

    #[test]
    fn relative_paths_have_no_root_and_slash_separators() {
        let cases = [
            (".", "./_posts/a.md"),
            ("./", "./_posts/a.md"),
            ("site", "site/_posts/a.md"),
            ("site/", "site/_posts/a.md"),
            ("/tmp/site", "/tmp/site/_posts/a.md"),
        ];
        for (root, path) in cases {
            assert_eq!(
                relative_slash_path(Path::new(path), Path::new(root)).as_deref(),
                Some("_posts/a.md"),
                "{root} {path}"
            );
        }
        assert_eq!(
            relative_slash_path(Path::new("other/a.md"), Path::new("site")),
            None
        );
        assert_eq!(
            relative_slash_path(Path::new("site2/a.md"), Path::new("site")),
            None
        );
    }
}
