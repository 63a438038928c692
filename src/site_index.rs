//! A loaded site with what the rules work out from it, each the first time
//! one needs it and kept for the run: every page's URL, the templates'
//! comparisons and reads, the posts' bylines, the fragment ids of the pages
//! other posts link into, the layouts that print the title.
//!
//! [`Site`] is what the load read, plain data; the facts derived from it live
//! here, beside it, so the modules that derive them (`urls`, `templates`,
//! `bylines`) read a `Site` without `site` importing them.

use std::ops::Deref;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap as HashMap;

use crate::bylines::Bylines;
use crate::document::{self, Document};
use crate::jekyll_names::MARKDOWN_EXTENSIONS;
use crate::site::Site;
use crate::site_problem::SiteProblem;
use crate::templates::{Comparisons, Reads};
use crate::urls::{Found, Guesses, Urls};

/// A site and the facts worked out from it so far.
#[derive(Debug, Default)]
pub(crate) struct SiteIndex {
    site: Site,
    /// The URL of every page the site builds (most runs never link to a
    /// page, so most never build it).
    urls: OnceLock<Urls>,
    /// Each file's URL from its path alone.
    url_guesses: OnceLock<Guesses>,
    /// Where the templates compare a value with `true`.
    comparisons: OnceLock<Comparisons>,
    /// Which front matter keys the templates read.
    reads: OnceLock<Reads>,
    /// Which posts name an author.
    bylines: OnceLock<Bylines>,
    /// The ids of each Markdown file a link's fragment named, by its path,
    /// read the first time one does (few posts link into another).
    ids: Mutex<HashMap<String, Option<Arc<[String]>>>>,
    /// Whether each layout a page names prints its title as a heading.
    title_layouts: Mutex<HashMap<String, bool>>,
    /// The YAML data files that do not parse (some blogs keep tens of
    /// thousands of data files, which a run on a few posts never needs).
    data_problems: OnceLock<Vec<SiteProblem>>,
}

impl SiteIndex {
    /// `site`, with nothing worked out yet.
    pub(crate) fn new(site: Site) -> Self {
        Self {
            site,
            ..Self::default()
        }
    }

    /// The site as the load read it.
    pub(crate) fn site(&self) -> &Site {
        &self.site
    }

    /// Whether the file at `relative` is one the build parses as YAML before
    /// any page, and stops on: the config, or a YAML file of the data
    /// folder. Named on the command line, it is checked for that alone.
    pub(crate) fn is_build_yaml(&self, relative: &str) -> bool {
        let data = relative
            .strip_prefix(self.site.data_dir.as_str())
            .is_some_and(|rest| rest.starts_with('/'))
            && crate::site_data::is_yaml(relative);
        data || relative == crate::jekyll_names::CONFIG_FILE
    }

    /// The problems of the one config or data file at `relative` (see
    /// [`Self::is_build_yaml`]), without reading the others.
    pub(crate) fn problems_of(&self, relative: &str) -> Vec<SiteProblem> {
        let config: Vec<SiteProblem> = self
            .site
            .problems
            .iter()
            .filter(|p| self.site.relative(&p.path).as_deref() == Some(relative))
            .cloned()
            .collect();
        if relative == crate::jekyll_names::CONFIG_FILE {
            return config;
        }
        crate::site_data::invalid_yaml(&self.site.root, &[relative.to_string()])
    }

    /// The site's broken config files, then its YAML data files that do
    /// not parse, in path order: what a run over the whole site reports.
    /// The data files are parsed the first time this is asked.
    pub(crate) fn problems(&self) -> impl Iterator<Item = &SiteProblem> {
        let data = self.data_problems.get_or_init(|| {
            crate::site_data::invalid_yaml(&self.site.root, &self.site.data_yaml_files())
        });
        self.site.problems.iter().chain(data)
    }

    /// The URL of every page, as of `now` (the run's time: the first call
    /// works them out).
    pub(crate) fn urls(&self, now: jiff::Timestamp) -> &Urls {
        self.urls.get_or_init(|| Urls::build(&self.site, now))
    }

    /// Each file's URL from its path alone, as of `now` (as for
    /// [`Self::urls`]).
    pub(crate) fn url_guesses(&self, now: jiff::Timestamp) -> &Guesses {
        self.url_guesses
            .get_or_init(|| Guesses::new(&self.site, now))
    }

    /// Where the templates compare a value with `true`.
    pub(crate) fn comparisons(&self) -> &Comparisons {
        self.comparisons
            .get_or_init(|| Comparisons::read(&self.site))
    }

    /// Which front matter keys the templates read.
    pub(crate) fn reads(&self) -> &Reads {
        self.reads.get_or_init(|| Reads::read(&self.site))
    }

    /// Which posts name an author.
    pub(crate) fn bylines(&self) -> &Bylines {
        self.bylines.get_or_init(|| Bylines::read(&self.site))
    }

    /// Every id a fragment of a link to the page built from `source` (a
    /// site path) can name, as kramdown makes them (see
    /// [`crate::markdown::Markdown::ids`]); `None` when the file is not
    /// Markdown, cannot be read, includes other files (which may print
    /// anchors) or has Liquid in a heading. Read once per run.
    pub(crate) fn ids(&self, source: &str) -> Option<Arc<[String]>> {
        let cached = |ids: &Mutex<HashMap<String, Option<Arc<[String]>>>>| {
            let map = ids
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            map.get(source).cloned()
        };
        if let Some(known) = cached(&self.ids) {
            return known;
        }
        let read = self.read_ids(source).map(Arc::from);
        let mut map = self
            .ids
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.insert(source.to_string(), read.clone());
        read
    }

    /// The ids of `source`, read from its file.
    fn read_ids(&self, source: &str) -> Option<Vec<String>> {
        let (_, ext) = source.rsplit_once('.')?;
        if !MARKDOWN_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
            return None;
        }
        let path = self.site.root.join(source);
        let text = document::load(&path).ok()?;
        let doc = Document::in_site(
            path,
            text,
            Some(source.to_string()),
            &self.site.includes_dir,
        );
        if doc.liquid_targets("include").next().is_some() {
            return None;
        }
        let ids = doc.body()?.markdown.ids()?;
        Some(ids.into_iter().map(str::to_string).collect())
    }

    /// Whether the layout `name`, or one it is rendered in, prints the
    /// page's title as a heading (see [`crate::layout_title`]); worked out
    /// once per layout.
    pub(crate) fn layout_prints_title(&self, name: &str) -> bool {
        let known = self
            .title_layouts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(name)
            .copied();
        if let Some(known) = known {
            return known;
        }
        let prints = crate::layout_title::prints_title(&self.site, name);
        self.title_layouts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(name.to_string(), prints);
        prints
    }

    /// Looks up a site path as [`Urls::find`] does, as of `now`, working
    /// out every URL only when the files whose path gives that URL do not
    /// answer (see [`crate::urls::find`]).
    pub(crate) fn find(&self, path: &str, now: jiff::Timestamp) -> Found<'_> {
        let guesses = self.url_guesses(now);
        crate::urls::find(&self.site, guesses, || self.urls(now), path)
    }
}

/// The index reads as its site, so code that needs only what the load read
/// takes it where it takes a `&Site`.
impl Deref for SiteIndex {
    type Target = Site;

    fn deref(&self) -> &Site {
        &self.site
    }
}

impl From<Site> for SiteIndex {
    fn from(site: Site) -> Self {
        Self::new(site)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_listed_and_parsed_only_when_the_problems_are_asked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("_data/comments")).unwrap();
        std::fs::write(dir.path().join("_config.yml"), "title: [x\n").unwrap();
        std::fs::write(dir.path().join("_data/comments/b.yml"), "a: [b\n").unwrap();
        std::fs::write(dir.path().join("_data/comments/a.yml"), "a: 1\n").unwrap();
        let site = Site::load(dir.path(), &[]);
        assert_eq!(site.problems.len(), 1, "the config's problem alone");
        assert!(!site.files.contains("_data/comments/a.yml"));
        assert_eq!(
            site.data_yaml_files(),
            ["_data/comments/a.yml", "_data/comments/b.yml"]
        );
        let index = SiteIndex::new(site);
        assert!(index.data_problems.get().is_none());
        let paths: Vec<_> = index.problems().map(|p| p.path.clone()).collect();
        assert_eq!(
            paths,
            [
                dir.path().join("_config.yml"),
                dir.path().join("_data/comments/b.yml")
            ]
        );
    }
}
