//! Everything a run needs before the first file: settings, packs, levels, engine.
//!
//! A `Setup` is built once per config file and shared read-only by every
//! worker: the config, the shipped packs and the site's own, the level of every
//! rule, and the compiled pack engine. The run's `Setup` is the one for the
//! config found from the working directory; `Configs` adds one for each other
//! config file that is nearest to some checked file, and tells each file which
//! applies, with the levels its overrides give it. Any mistake in a config or a
//! pack is a `SchemaError` pointing into that file.
//!
//! The config search and the site search (`sites`) walk up from the same
//! folder and both stop at the first `_config.yml`, so a file's config is
//! never taken from above its own site: a `.prepress.yml` between the file
//! and its site's root, else the site's `_config.yml` (its `prepress:`
//! section, or the defaults).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::accept::Accepted;
use crate::config::{Config, Levels};
use crate::packs::{self, Pack, engine::Engine};
use crate::rule::RuleInfo;
use crate::rules::options::RuleOptions;
use crate::rules::{Context, OPTION_READERS, RULES};
use crate::schema::SchemaError;
use crate::site_index::SiteIndex;
use crate::site_problem::SiteProblem;
use crate::sites::absolute;

/// The prepared state of a run.
#[derive(Debug)]
pub(crate) struct Setup {
    /// The configuration in force.
    pub(crate) config: Config,
    /// Every rule's metadata: code rules, then pack rules in pack order.
    pub(crate) catalog: Vec<RuleInfo>,
    /// The level of each rule under the config's top-level `rules:`.
    pub(crate) levels: Levels,
    /// The rules' options, read from the config's `front-matter:`.
    pub(crate) options: RuleOptions,
    /// The pack rules that are on at the top level or in some override,
    /// compiled; each file's levels then pick its findings.
    pub(crate) engine: Engine,
    /// Problems with the accepted-words files, reported without stopping.
    pub(crate) problems: Vec<SiteProblem>,
}

impl Setup {
    /// Prepares a run with `config`.
    pub(crate) fn new(config: Config) -> Result<Self, SchemaError> {
        let mut packs = packs::shipped()?;
        let base = config.base_dir();
        for name in &config.packs {
            let path = base.join(&name.name);
            // A config may only name packs inside its own folder: a pack from
            // a pull request must not reach for files elsewhere on the machine.
            let inside = match (path.canonicalize(), base.canonicalize()) {
                (Ok(path), Ok(base)) => path.starts_with(base),
                _ => true,
            };
            if !inside {
                return Err(config.error(
                    name.span.clone(),
                    format!(
                        "the pack `{}` is outside the config's folder; packs must live beside the config or below it",
                        name.name
                    ),
                ));
            }
            let pack = packs::read_file(&path).map_err(|err| {
                if err.text.is_empty() {
                    config.error(name.span.clone(), err.message)
                } else {
                    err
                }
            })?;
            packs.push(pack);
        }
        let catalog = catalog(&packs);
        let mut ids = std::collections::HashSet::new();
        for (pack, rule) in packs
            .iter()
            .flat_map(|p| p.rules.iter().map(move |r| (p, r)))
        {
            if RULES.iter().any(|(r, _)| r.id == rule.info.id) || !ids.insert(&*rule.info.id) {
                return Err(config.error(0..0, format!(
                    "rule `{}` of pack `{}` has the id of another rule; rule ids must be unique",
                    rule.info.id, pack.name
                )));
            }
        }
        let levels = config.levels(&catalog)?;
        let options = RuleOptions::read(&config, OPTION_READERS)?;
        let mut engine = Engine::new(&packs, &config.compile_levels(&levels))
            .map_err(|err| config.error(0..0, err.to_string()))?;
        // Beside the config file, or in the working folder without one.
        let accept_base = base;
        let config_file = config.source.clone().unwrap_or_default();
        let (accepted, problems) = Accepted::read(
            &accept_base,
            config.accept.as_deref(),
            (&config_file, config.text()),
        );
        engine.accept(accepted);
        Ok(Self {
            config,
            catalog,
            levels,
            options,
            engine,
            problems,
        })
    }

    /// The context rules read, with the config's top-level levels, outside
    /// any site and any run (tests, benches): dates are compared with the
    /// time of the call.
    pub(crate) fn context(&self) -> Context<'_> {
        Context {
            config: &self.config,
            levels: &self.levels,
            options: &self.options,
            engine: &self.engine,
            site: None,
            now: jiff::Timestamp::now(),
        }
    }
}

/// The metadata of every rule: code rules, then each pack's rules.
pub(crate) fn catalog(packs: &[Pack]) -> Vec<RuleInfo> {
    RULES
        .iter()
        .map(|(r, _)| r.info())
        .chain(
            packs
                .iter()
                .flat_map(|p| p.rules.iter().map(|r| r.info.clone())),
        )
        .collect()
}

/// Which config applies to which file, nearest first, with the `Setup` of each
/// config file that applies to some file, built once for the run.
#[derive(Debug)]
pub(crate) struct Configs<'a> {
    /// The run's setup: the config found from the working directory.
    run: &'a Setup,
    /// The working directory, which relative paths are resolved from.
    cwd: PathBuf,
    /// The time the run started, which dates are compared with.
    now: jiff::Timestamp,
    /// The setup of every other config file in use.
    others: Vec<Setup>,
    /// Which of `others` each config file is, by its path.
    by_source: HashMap<PathBuf, usize>,
    /// Each folder seen, with the config that applies in it: an index into
    /// `others`, or `None` for the run's.
    folders: HashMap<PathBuf, Option<usize>>,
}

/// What one file is checked with: a config's setup, and the levels of rules
/// for this file once the config's overrides are applied.
#[derive(Debug)]
pub(crate) struct FileSetup<'a> {
    setup: &'a Setup,
    levels: Cow<'a, Levels>,
    site: Option<&'a SiteIndex>,
    /// The time the run started.
    now: jiff::Timestamp,
}

impl FileSetup<'_> {
    /// The context rules read.
    pub(crate) fn context(&self) -> Context<'_> {
        Context {
            config: &self.setup.config,
            levels: &self.levels,
            options: &self.setup.options,
            engine: &self.setup.engine,
            site: self.site,
            now: self.now,
        }
    }
}

impl<'a> Configs<'a> {
    /// Starts from the run's setup, for a run started at `now`.
    pub(crate) fn new(run: &'a Setup, cwd: &Path, now: jiff::Timestamp) -> Self {
        Self {
            run,
            cwd: cwd.to_path_buf(),
            now,
            others: Vec::new(),
            by_source: HashMap::new(),
            folders: HashMap::new(),
        }
    }

    /// Finds the config of the site at `root` (the one its site-level
    /// findings follow), reading it the first time it is met.
    pub(crate) fn resolve_site(&mut self, root: &Path) -> Result<(), SchemaError> {
        let root = absolute(&self.cwd, root);
        self.resolve_folder(&root).map(|_| ())
    }

    /// Finds the nearest config of each of `paths` (files, existing or not),
    /// reading and preparing each config file the first time it is met.
    pub(crate) fn resolve<'p>(
        &mut self,
        paths: impl IntoIterator<Item = &'p Path>,
    ) -> Result<(), SchemaError> {
        // Files come sorted, so most share the folder of the one before:
        // that folder is resolved already.
        let mut last: Option<&Path> = None;
        for path in paths {
            let folder = path.parent();
            if folder.is_some() && folder.map(Path::as_os_str) == last.map(Path::as_os_str) {
                continue;
            }
            last = folder;
            if let Some(folder) = absolute(&self.cwd, path).parent() {
                self.resolve_folder(folder)?;
            }
        }
        Ok(())
    }

    /// The config that applies in `folder` (absolute), walking up until a
    /// folder already seen or one with a config file; every folder passed on
    /// the way is remembered, so each is looked at once per run.
    fn resolve_folder(&mut self, folder: &Path) -> Result<Option<usize>, SchemaError> {
        let mut passed = Vec::new();
        let mut found = None;
        for dir in folder.ancestors() {
            if let Some(known) = self.folders.get(dir) {
                found = *known;
                break;
            }
            passed.push(dir.to_path_buf());
            if let Some(file) = Config::file_in(dir) {
                found = self.setup_of(&file)?;
                break;
            }
        }
        for dir in passed {
            self.folders.insert(dir, found);
        }
        Ok(found)
    }

    /// The setup of the config file at `path`: the run's when it is the same
    /// file, else one built the first time.
    fn setup_of(&mut self, path: &Path) -> Result<Option<usize>, SchemaError> {
        if self.run.config.source.as_deref() == Some(path) {
            return Ok(None);
        }
        if let Some(index) = self.by_source.get(path) {
            return Ok(Some(*index));
        }
        let config = Config::read_found(path)?;
        // A `_config.yml` without a `prepress:` section judges as the run's
        // default config does: no second setup for it.
        if config.is_empty() && self.run.config.is_empty() {
            return Ok(None);
        }
        let setup = Setup::new(config)?;
        self.others.push(setup);
        let index = self.others.len() - 1;
        self.by_source.insert(path.to_path_buf(), index);
        Ok(Some(index))
    }

    /// What the file at `path` in `site` is checked with: its nearest config
    /// (as found by `resolve`; the run's when it was not resolved) and that
    /// config's overrides for it.
    pub(crate) fn for_file<'s>(
        &'s self,
        path: &Path,
        site: Option<&'s SiteIndex>,
    ) -> FileSetup<'s> {
        let path = absolute(&self.cwd, path);
        let setup = self.setup(self.config_in(&path));
        let levels = match setup.config.file_levels(&setup.levels, &path) {
            Some(levels) => Cow::Owned(levels),
            None => Cow::Borrowed(&setup.levels),
        };
        FileSetup {
            setup,
            levels,
            site,
            now: self.now,
        }
    }

    /// What the site-level findings of `site` (its config files, tags across
    /// it) are judged with: the config of its root, as found by
    /// `resolve_site`, at its top-level levels.
    pub(crate) fn for_site<'s>(&'s self, site: &'s SiteIndex) -> FileSetup<'s> {
        let root = absolute(&self.cwd, &site.root);
        let setup = self.setup(self.folders.get(&root).copied().flatten());
        FileSetup {
            setup,
            levels: Cow::Borrowed(&setup.levels),
            site: Some(site),
            now: self.now,
        }
    }

    /// The problems of every config's accepted-words files.
    pub(crate) fn problems(&self) -> impl Iterator<Item = &SiteProblem> {
        std::iter::once(self.run)
            .chain(&self.others)
            .flat_map(|setup| &setup.problems)
    }

    /// The config found for the folder of the file at `path` (absolute).
    fn config_in(&self, path: &Path) -> Option<usize> {
        path.parent()
            .and_then(|folder| self.folders.get(folder))
            .copied()
            .flatten()
    }

    /// The setup at `index` in `others`, or the run's for `None`.
    fn setup(&self, index: Option<usize>) -> &Setup {
        index.map_or(self.run, |i| &self.others[i])
    }
}
