//! Which Jekyll site each checked file belongs to.
//!
//! A file's site is the nearest folder at or above it that holds a
//! `_config.yml`; `--site DIR` names one root for every file instead. One run
//! may meet several sites: a repository whose site lives in `docs/`, checked
//! from its root; `prepress blog docs`; a pre-commit file list from a
//! monorepo. A site inside another site's folder owns the files below it.
//!
//! Each folder's answer is worked out once and kept, so for the files of one
//! folder the cost is a comparison with the folder before, and each site is
//! loaded once, the first time a file needs it: a site no file needs is never
//! read. This module says which site; `site` reads one.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use crate::jekyll_names::CONFIG_FILE;
use crate::site::Site;
use crate::site_index::SiteIndex;

/// Which of a run's sites a file belongs to: an index into its [`Sites`].
pub(crate) type SiteId = usize;

/// The sites of one run, each read on first use.
#[derive(Debug, Default)]
pub struct Sites {
    /// Whether `--site` named the one root every file is checked against.
    forced: bool,
    /// `--config`: the Jekyll config files every site reads instead of its
    /// `_config.yml`.
    configs: Vec<PathBuf>,
    /// Threads a site's own steps may use (0: one per core).
    threads: usize,
    /// The working directory, which relative paths are resolved from.
    cwd: PathBuf,
    /// Each folder seen, with the site it lies in.
    folders: HashMap<PathBuf, Option<SiteId>>,
    /// Each site met, by its root: the root, and the site once loaded.
    roots: Vec<(PathBuf, OnceLock<SiteIndex>)>,
}

impl Sites {
    /// The sites of a run in the working directory `cwd`, `forced` being
    /// `--site` and `configs` `--config`.
    pub(crate) fn new(
        forced: Option<PathBuf>,
        configs: Vec<PathBuf>,
        threads: usize,
        cwd: PathBuf,
    ) -> Self {
        let mut sites = Sites {
            configs,
            threads,
            ..Sites::default()
        };
        if let Some(root) = forced {
            sites.roots.push((absolute(&cwd, &root), OnceLock::new()));
            sites.forced = true;
        }
        sites.cwd = cwd;
        sites
    }

    /// The site of each of `paths` (files, existing or not), in order. Paths
    /// that share a folder with the one before (discovery sorts them) cost a
    /// comparison; a new folder is looked up, and walked up from only as far
    /// as the first folder already seen.
    pub(crate) fn resolve<'p>(
        &mut self,
        paths: impl IntoIterator<Item = &'p Path>,
    ) -> Vec<Option<SiteId>> {
        let mut last: Option<(&Path, Option<SiteId>)> = None;
        let mut ids = Vec::new();
        for path in paths {
            let folder = path.parent();
            let id = match last {
                Some((before, id)) if folder == Some(before) => id,
                _ => {
                    let id = self.site_of(path);
                    last = folder.map(|f| (f, id));
                    id
                }
            };
            ids.push(id);
        }
        ids
    }

    /// The site of the file at `path`.
    fn site_of(&mut self, path: &Path) -> Option<SiteId> {
        if self.forced {
            return Some(0);
        }
        let absolute = absolute(&self.cwd, path);
        let folder = absolute.parent()?;
        let mut passed = Vec::new();
        let mut found = None;
        for dir in folder.ancestors() {
            if let Some(known) = self.folders.get(dir) {
                found = *known;
                break;
            }
            passed.push(dir.to_path_buf());
            if dir.join(CONFIG_FILE).is_file() {
                self.roots.push((dir.to_path_buf(), OnceLock::new()));
                found = Some(self.roots.len() - 1);
                break;
            }
        }
        for dir in passed {
            self.folders.insert(dir, found);
        }
        found
    }

    /// The site `id`, read the first time it is asked for.
    pub(crate) fn get(&self, id: SiteId) -> &SiteIndex {
        let (root, site) = &self.roots[id];
        site.get_or_init(|| {
            let mut site = Site::load(root, &self.configs);
            site.cwd = Some(self.cwd.clone());
            if self.threads > 0 {
                site.threads = self.threads;
            }
            SiteIndex::new(site)
        })
    }

    /// The working directory of the run, which relative paths are resolved
    /// from.
    pub(crate) fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// The root folder of site `id`, made absolute, without reading the site.
    #[cfg(test)]
    pub(crate) fn root(&self, id: SiteId) -> &Path {
        &self.roots[id].0
    }

    /// Every site read so far, in the order they were met: the sites the
    /// run's files needed.
    pub(crate) fn loaded(&self) -> impl Iterator<Item = (SiteId, &SiteIndex)> {
        self.roots
            .iter()
            .enumerate()
            .filter_map(|(id, (_, site))| Some((id, site.get()?)))
    }
}

/// `path` made absolute from `cwd`, with `.` and `..` worked out from the
/// text alone (as Jekyll and a shell see the path, whatever links it holds).
pub(crate) fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let mut absolute = PathBuf::new();
    for component in cwd.join(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                absolute.pop();
            }
            other => absolute.push(other),
        }
    }
    absolute
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, files: &[&str]) {
        for path in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
    }

    #[test]
    fn each_file_belongs_to_the_nearest_site_above_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                "blog/_config.yml",
                "blog/_posts/2024-01-01-a.md",
                "blog/docs/_config.yml",
                "blog/docs/guide/b.md",
                "README.md",
            ],
        );
        let mut sites = Sites::new(None, Vec::new(), 0, PathBuf::new());
        let paths = [
            root.join("README.md"),
            root.join("blog/_posts/2024-01-01-a.md"),
            root.join("blog/_posts/2024-01-02-b.md"),
            root.join("blog/docs/guide/b.md"),
            root.join("blog/about.md"),
        ];
        let ids = sites.resolve(paths.iter().map(PathBuf::as_path));
        assert_eq!(ids, [None, Some(0), Some(0), Some(1), Some(0)]);
        assert_eq!(sites.root(0), root.join("blog"));
        assert_eq!(sites.root(1), root.join("blog/docs"));
        assert_eq!(
            sites.loaded().count(),
            0,
            "nothing is read before it is needed"
        );
        assert_eq!(sites.get(1).root, root.join("blog/docs"));
        let loaded: Vec<SiteId> = sites.loaded().map(|(id, _)| id).collect();
        assert_eq!(loaded, [1]);
    }

    #[test]
    fn a_forced_site_holds_every_file() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &["a/_config.yml", "b/x.md"]);
        let mut sites = Sites::new(Some(dir.path().join("a")), Vec::new(), 0, PathBuf::new());
        let paths = [dir.path().join("b/x.md"), PathBuf::from("elsewhere.md")];
        let ids = sites.resolve(paths.iter().map(PathBuf::as_path));
        assert_eq!(ids, [Some(0), Some(0)]);
    }

    #[test]
    fn paths_are_made_absolute_from_their_text() {
        let cwd = Path::new("/site");
        assert_eq!(
            absolute(cwd, Path::new("./a/../b.md")),
            Path::new("/site/b.md")
        );
        assert_eq!(absolute(cwd, Path::new("/x/y.md")), Path::new("/x/y.md"));
    }
}
