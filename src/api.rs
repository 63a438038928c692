//! The public surface: what an editor server, a pre-commit hook or the
//! command line needs to check a blog, and nothing of how it is done.
//!
//! A [`Checker`] is made once for a working folder ([`Options`]): it finds
//! the config from there and compiles its packs, and keeps every site it
//! meets, each read once. It then checks paths ([`Checker::check_paths`]) or
//! one text as a given file of its site ([`Checker::check_text`], for
//! unsaved editor buffers and standard input), as many times as asked. Each
//! check returns an [`Outcome`]: per file, the findings with their spans,
//! positions and fixes. [`Checker::write`] prints one in any [`Format`].
//! [`Checker::check_paths_into`] hands each file's report to a [`Sink`] as
//! soon as it is known instead (in path order), such as a [`Writer`], which
//! prints it at once and keeps only the counts: memory stays flat however
//! many files a run checks.
//! Nothing here reads the process's state (working folder, environment) or
//! changes it (thread pool, panic hook).
//!
//! A panic met while checking one file (a bug in prepress) does not end the
//! check: that file gets one `internal-error` finding carrying the panic's
//! message, and the others are checked as usual. A process that prints
//! panics from its own hook can ask [`panic_is_caught`] to stay quiet then.
//!
//! ```no_run
//! use prepress::api::{Checker, Format, Options, ReportOptions};
//!
//! let mut checker = Checker::new(Options::new("/home/me/blog"))?;
//! let outcome = checker.check_paths(&["_posts".into()], None, None)?;
//! let mut out = Vec::new();
//! checker.write(Format::Compact, &outcome, &ReportOptions::default(), &mut out)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::check;
use crate::config::Config;
use crate::report;
use crate::setup::Setup;

pub use crate::baseline::{Applied, Baseline, Filter};
pub use crate::check::{
    FileReport, Finding, FixMode, Fixes, LabelPlace, Outcome, RenderFile, Sink, Source, Tally,
    panic_is_caught,
};
pub use crate::diagnostic::{Applicability, Diagnostic, Elsewhere, Fix, Label, Severity, Span};
pub use crate::discover::Discovered;
pub use crate::line_index::Position;
pub use crate::report::human::Human;
pub use crate::report::{Format, Options as ReportOptions, Writer};
pub use crate::rule::{FixAvailability, RuleInfo};
pub use crate::schema::SchemaError;
pub use crate::sites::Sites;

/// How a checker runs: the `prepress check` options that are not about
/// output.
#[derive(Debug, Clone)]
pub struct Options {
    /// The working folder: where the config search starts, where the sites
    /// and configs of relative paths are looked for, and what shown paths
    /// are relative to. Files are still read by the operating system, from
    /// the process's own folder for a relative path: an embedder whose
    /// process runs elsewhere gives absolute paths to check.
    pub cwd: PathBuf,
    /// Worker threads (0: one per core); one named file is checked on the
    /// calling thread whatever this says.
    pub threads: usize,
    /// `--site`: the one site root for every file, instead of each file's
    /// nearest folder with a `_config.yml`.
    pub site: Option<PathBuf>,
    /// `--config`: Jekyll config files every site reads instead of its
    /// `_config.yml`, merged in order.
    pub configs: Vec<PathBuf>,
    /// Which fixes are taken, and whether they are only reported, written
    /// or kept as a diff. [`Checker::check_text`] only reports them.
    pub fixes: Fixes,
}

impl Options {
    /// The defaults of `prepress check` in the folder `cwd`: one thread per
    /// core, each file's own site and config, fixes reported only.
    pub fn new(cwd: impl Into<PathBuf>) -> Self {
        Self {
            cwd: cwd.into(),
            threads: 0,
            site: None,
            configs: Vec::new(),
            fixes: Fixes::REPORT,
        }
    }

    /// The sites of runs with these options, none read yet: for a caller
    /// that reads one early (the command line, while it walks the folders),
    /// to hand to [`Checker::with_sites`].
    pub fn sites(&self) -> Sites {
        Sites::new(
            self.site.clone(),
            self.configs.clone(),
            self.threads,
            self.cwd.clone(),
        )
    }
}

/// Checks files and texts with the config found from one working folder,
/// keeping the sites it meets.
#[derive(Debug)]
pub struct Checker {
    options: Options,
    setup: Setup,
    sites: Sites,
}

impl Checker {
    /// A checker for `options`; a mistake in the config found from
    /// `options.cwd`, or in a pack it names, is the error.
    pub fn new(options: Options) -> Result<Self, SchemaError> {
        let sites = options.sites();
        Self::with_sites(options, sites)
    }

    /// A checker that keeps `sites` (made by [`Options::sites`], perhaps with
    /// some already read) as [`Checker::new`] would.
    pub fn with_sites(options: Options, sites: Sites) -> Result<Self, SchemaError> {
        let setup = Config::discover(&options.cwd).and_then(Setup::new)?;
        Ok(Self {
            options,
            setup,
            sites,
        })
    }

    /// Checks every Markdown file under `paths` (files or folders), each
    /// with its own site and nearest config, fixing as the options say.
    /// `found` is what a walk of `paths` already found, if one ran
    /// beforehand; `render` renders each file's findings while its text is
    /// loaded (the human format needs it, see [`Human`]). A mistake in a
    /// config met on the way stops the check before any file is read.
    pub fn check_paths(
        &mut self,
        paths: &[PathBuf],
        found: Option<Discovered>,
        render: Option<&dyn RenderFile>,
    ) -> Result<Outcome, SchemaError> {
        let mut outcome = Outcome::default();
        self.check_paths_into(paths, found, render, &mut outcome)?;
        Ok(outcome)
    }

    /// Checks as [`Checker::check_paths`] does, handing each file's report
    /// to `sink` as soon as it and every file before it (in path order) are
    /// checked, instead of collecting them: memory then holds a few hundred
    /// files' findings, not the run's. The site step's findings
    /// (`string-tags`, `tag-variants`) compare every document's tags, so
    /// they come last (see [`Sink`]). A [`Writer`] (made with a copy of
    /// [`Checker::rules`]) is a sink that prints them in any [`Format`]; an
    /// [`Outcome`] is one that keeps them.
    pub fn check_paths_into(
        &mut self,
        paths: &[PathBuf],
        found: Option<Discovered>,
        render: Option<&dyn RenderFile>,
        sink: &mut dyn Sink,
    ) -> Result<(), SchemaError> {
        check::run(
            paths,
            found,
            &self.setup,
            &mut self.sites,
            self.options.threads,
            self.options.fixes,
            render,
            sink,
        )
    }

    /// Checks `text` as if it were the file at `path` (which need not exist):
    /// with that path's site, config, role and name. Fixes are reported, not
    /// applied; the options say which count as taken.
    pub fn check_text(
        &mut self,
        path: &Path,
        text: String,
        render: Option<&dyn RenderFile>,
    ) -> Result<Outcome, SchemaError> {
        check::run_text(
            &self.setup,
            &mut self.sites,
            path,
            text,
            self.options.fixes.unsafe_fixes,
            render,
        )
    }

    /// The baseline file the config found from the working folder names
    /// (`baseline:`), if any.
    pub fn baseline_file(&self) -> Option<PathBuf> {
        self.setup.config.baseline_file()
    }

    /// Forgets every site read so far and reads the config found from the
    /// working folder again, with its packs and accepted words: for an
    /// editor, after a file changed on disk (a post added, a layout
    /// removed, `_config.yml`, `.prepress.yml` or the accepted words
    /// edited). Sites are read again when a check next needs them. A
    /// mistake in the config is the error, and the checker keeps the config
    /// it had.
    pub fn reload(&mut self) -> Result<(), SchemaError> {
        self.sites = self.options.sites();
        self.setup = Config::discover(&self.options.cwd).and_then(Setup::new)?;
        Ok(())
    }

    /// The accepted-words file checks of `path` read, where a word the
    /// writer accepts is added: the first file the nearest config's
    /// `accept:` names, else the default one beside that config (in the
    /// working folder without one). A config that cannot be read counts as
    /// none.
    pub fn accepted_words_file(&self, path: &Path) -> PathBuf {
        let absolute = crate::sites::absolute(&self.options.cwd, path);
        let found = absolute
            .parent()
            .and_then(|folder| folder.ancestors().find_map(Config::file_in));
        let read;
        let config = match found.as_deref().map(Config::read_found) {
            Some(Ok(config)) if config.source != self.setup.config.source => {
                read = config;
                &read
            }
            _ => &self.setup.config,
        };
        let base = match config.base_dir() {
            base if base.as_os_str().is_empty() => self.options.cwd.clone(),
            base => crate::sites::absolute(&self.options.cwd, &base),
        };
        let name = config
            .accept
            .as_ref()
            .and_then(|names| names.first())
            .map_or(crate::accept::DEFAULT_FILE, |n| n.name.as_str());
        base.join(name)
    }

    /// Every rule's metadata: the code rules, then the packs' rules.
    pub fn rules(&self) -> &[RuleInfo] {
        &self.setup.catalog
    }

    /// Writes `outcome` in `format` to `out`. The human format prints what
    /// the check's `render` rendered, then its summary.
    pub fn write(
        &self,
        format: Format,
        outcome: &Outcome,
        options: &ReportOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        report::write(format, outcome, &self.setup.catalog, options, out)
    }
}
