//! What the load read of a site: plain data, with the few answers that
//! need nothing more (its zone, a path relative to its root).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};

use super::files::relative_slash_path;
use super::scope::ScopedDefault;
use crate::line_index::LineIndex;
use crate::site_problem::SiteProblem;

/// What prepress knows of the site.
#[derive(Debug, Clone, Default)]
pub(crate) struct Site {
    /// The site's root folder.
    pub(crate) root: PathBuf,
    /// Threads the site-wide steps (working out every page's URL) may use;
    /// 0 for one per core. Separate from the run's workers, which a run on
    /// one post keeps to one.
    pub(crate) threads: usize,
    /// The root made absolute, found once at load: every document asks where
    /// it lies in the site.
    pub(crate) absolute_root: Option<PathBuf>,
    /// The run's working directory, which relative document paths are
    /// resolved from; set by the run (`Sites`), so looking it up is no system
    /// call. Without it (a site loaded on its own), `std::path::absolute`
    /// resolves them.
    pub(crate) cwd: Option<PathBuf>,
    /// Whether posts dated in the future are built (`future: true`).
    pub(crate) future: bool,
    /// The `baseurl` the site is served under (`/blog`), without a final `/`.
    pub(crate) baseurl: String,
    /// The theme, if the site uses one (`theme` or `remote_theme`): layouts and
    /// includes may come from it.
    pub(crate) theme: Option<String>,
    /// Layout names: paths under the layouts folder, without extension.
    pub(crate) layouts: HashSet<String>,
    /// Include names: paths under the includes folder.
    pub(crate) includes: HashSet<String>,
    /// The includes folder (`includes_dir`, `_includes` when unset), relative
    /// to the root, without slashes at either end.
    pub(crate) includes_dir: String,
    /// The layouts folder (`layouts_dir`, `_layouts` when unset), relative
    /// to the root, without slashes at either end.
    pub(crate) layouts_dir: String,
    /// Post names as `post_url` takes them: `YYYY-MM-DD-slug`, and with the
    /// folders below `_posts` (`2024/YYYY-MM-DD-slug`).
    pub(crate) posts: HashSet<String>,
    /// The author ids of `_data/authors.yml` (or `.yaml`, `.json`), when the
    /// site keeps one.
    pub(crate) authors: Option<Vec<String>>,
    /// Every file of the site but those of the data folder, relative to the
    /// root, with `/` separators.
    pub(crate) files: HashSet<String>,
    /// Broken config files.
    pub(crate) problems: Vec<SiteProblem>,
    /// The data folder (`data_dir`, `_data` when unset), relative to the
    /// root: its files are not in `files`; only a run over the whole site
    /// lists and parses them (`SiteIndex::problems`).
    pub(crate) data_dir: String,
    /// The config's `defaults`, in order.
    pub(crate) defaults: Vec<ScopedDefault>,
    /// The config file holding `defaults`: its name, text and line index, to
    /// say where a default came from.
    pub(crate) defaults_file: Option<(PathBuf, String, LineIndex)>,
    /// Whether the config sets a site-wide `author`, which themes and plugins
    /// use for posts without one.
    pub(crate) author: bool,
    /// The config's top-level settings whose values are plain strings
    /// (`repository: https://github.com/x/y`), which a post may write into a
    /// link as `{{ site.repository }}`.
    pub(crate) strings: HashMap<String, String>,
    /// The config's collections (`recipes` for `_recipes/`).
    pub(crate) collections: Vec<Collection>,
    /// The folder holding the collection folders (`collections_dir`), or empty.
    pub(crate) collections_dir: String,
    /// The config's `exclude` entries, with Jekyll's own defaults added.
    pub(crate) exclude: Vec<String>,
    /// The config's `include` entries: files and folders read despite a
    /// leading `_` or `.`, or an `exclude`.
    pub(crate) include: Vec<String>,
    /// The site's time zone (`timezone`), in which a post's date without an
    /// offset is read; UTC when unset or unknown, as Ruby does.
    pub(crate) timezone: Option<jiff::tz::TimeZone>,
    /// Whether drafts are built (`show_drafts: true`).
    pub(crate) show_drafts: bool,
    /// The `permalink` setting: a style (`date`, `pretty`, `ordinal`,
    /// `weekdate`, `none`) or a template; `date` when unset.
    pub(crate) permalink: String,
    /// The plugins the config loads (`plugins`, or the older `gems`).
    pub(crate) plugins: Vec<String>,
    /// What makes pages no file of the site builds: plugins, and
    /// `_plugins/` files that add pages.
    pub(crate) generators: crate::plugins::Generators,
    /// Whether the site has Ruby plugins of its own in `_plugins/`.
    pub(crate) local_plugins: bool,
    /// The gems of the Gemfile's `jekyll_plugins` group, which Jekyll loads
    /// too; `None` when the site has no Gemfile.
    pub(crate) gemfile_plugins: Option<Vec<String>>,
    /// The Liquid tags the site's own Ruby plugins register by name.
    pub(crate) plugin_tags: HashSet<String>,
    /// Where jekyll-paginate puts the later pages (`paginate_path`), when the
    /// site paginates.
    pub(crate) paginate_path: Option<String>,
    /// The templates, in path order: the files of the layouts and includes
    /// folders, and every `.html`, `.htm`, `.liquid`, `.xml` or `.json` file (a feed or a
    /// search index is a Liquid template too).
    pub(crate) templates: Vec<String>,
}

/// A collection of the site's config.
#[derive(Debug, Clone, Default)]
pub(crate) struct Collection {
    /// Its name: `recipes` for the folder `_recipes/`.
    pub(crate) name: String,
    /// Whether its documents become pages (`output: true`).
    pub(crate) output: bool,
    /// Its `permalink` template, when set.
    pub(crate) permalink: Option<String>,
}

impl Site {
    /// The site's time zone, in which Jekyll reads dates without an offset:
    /// the config's `timezone`, UTC when unset or unknown.
    pub(crate) fn zone(&self) -> jiff::tz::TimeZone {
        self.timezone.clone().unwrap_or(jiff::tz::TimeZone::UTC)
    }

    /// A document's path relative to the site root, with `/` separators, or
    /// `None` when it lies outside the site.
    pub(crate) fn relative(&self, path: &Path) -> Option<String> {
        let absolute = match &self.cwd {
            Some(cwd) => std::path::absolute(cwd.join(path)),
            None => std::path::absolute(path),
        }
        .ok()?;
        let computed;
        let root = if let Some(root) = &self.absolute_root {
            root
        } else {
            computed = std::path::absolute(&self.root).ok()?;
            &computed
        };
        relative_slash_path(&absolute, root)
    }
}
