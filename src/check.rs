//! One run from paths to findings: discover, load, parse, rules, locate.
//!
//! Files are checked in parallel on a rayon pool, in batches in path order, and
//! each document is dropped as soon as its findings are located (and, for human
//! output, rendered). Each batch's reports go to a [`Sink`] in path order before
//! the next batch starts, so output never depends on thread timing and memory
//! holds a batch's findings, not the corpus nor the run's; only the site step's
//! findings, which compare every document's tags, come at the end.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::discover::{self, Discovered, io_reason};
use crate::document::{self, Document, LoadError};
use crate::fix;
use crate::line_index::{LineIndex, Position};
use crate::lint;
use crate::rules::{self, Context, internal_error, invalid_utf8, unreadable_file};
use crate::schema::SchemaError;
use crate::setup::{Configs, Setup};
use crate::site_checks::{self, SiteFacts};
use crate::site_index::SiteIndex;
use crate::sites::{SiteId, Sites};

/// A diagnostic with its line and column positions worked out.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The finding itself.
    pub diagnostic: Diagnostic,
    /// Where its span starts.
    pub start: Position,
    /// Where its span ends (exclusive: the position just after the last character).
    pub end: Position,
    /// Where each label is, in the order of `diagnostic.labels`.
    pub labels: Vec<LabelPlace>,
}

/// Where a label is: its positions, and its file when it is not the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelPlace {
    /// Where it starts.
    pub start: Position,
    /// Where it ends (exclusive).
    pub end: Position,
    /// The other file, as shown, for a label outside the document.
    pub path: Option<String>,
}

/// The text of one checked file, for renderers that show snippets.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The path as shown to the user.
    pub name: &'a str,
    /// The text, when the file could be read.
    pub text: Option<&'a str>,
    /// Whether the run takes this file's unsafe fixes, so a renderer can mark
    /// the findings `--fix` fixes.
    pub unsafe_fixes: bool,
}

/// Renders one file's findings while its text is still in memory.
pub trait RenderFile: Sync {
    /// The rendered findings of one file.
    fn render(&self, source: Source<'_>, findings: &[Finding]) -> String;
}

/// What to do with the fixes a run takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only report them.
    Report,
    /// Apply them and rewrite the file.
    Write,
    /// Apply them in memory and keep a unified diff; write nothing.
    Diff,
}

/// Which fixes a run takes, and what it does with them. Safe fixes are always
/// taken; unsafe ones only when `unsafe_fixes` (or, when that is `None`, the
/// file's config) says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fixes {
    /// Report, write or diff them.
    pub mode: FixMode,
    /// `Some(true)` for `--unsafe-fixes`, `Some(false)` for
    /// `--no-unsafe-fixes`; `None` follows each file's `unsafe-fixes`.
    pub unsafe_fixes: Option<bool>,
}

impl Fixes {
    /// Report only, each file's config deciding which fixes count as taken.
    pub const REPORT: Fixes = Fixes {
        mode: FixMode::Report,
        unsafe_fixes: None,
    };

    /// Whether unsafe fixes are taken for a file checked with `context`.
    fn take_unsafe(self, context: &Context) -> bool {
        self.unsafe_fixes.unwrap_or(context.config.unsafe_fixes)
    }
}

/// How many rounds of fixing a file may take; each round re-checks the text,
/// so edits that reveal more (a word repeated three times) are finished.
const MAX_FIX_ROUNDS: usize = 8;

/// The findings of one file.
#[derive(Debug, Default)]
pub struct FileReport {
    /// The path as discovered or given.
    pub path: PathBuf,
    /// The path as shown: relative to the working directory where possible.
    pub display: String,
    /// Findings in span order.
    pub findings: Vec<Finding>,
    /// The findings rendered by the `RenderFile` given to `run`, if any.
    pub rendered: String,
    /// Whether the file could not be read, so the check is incomplete.
    pub unreadable: bool,
    /// How many fixes were applied (with `FixMode::Write` or `Diff`).
    pub fixed: usize,
    /// Whether the run takes this file's unsafe fixes.
    pub unsafe_fixes: bool,
    /// The unified diff of the fixes, with `FixMode::Diff`.
    pub diff: Option<String>,
    /// Why the fixed file could not be written, with `FixMode::Write`.
    pub write_error: Option<String>,
    /// The document's tags and categories, for the site step: `run` hands
    /// them to its [`SiteFacts`] as soon as the file is checked.
    pub(crate) tags: Vec<site_checks::TagUse>,
}

impl FileReport {
    /// The report as held until the end of a run, with no spare capacity; or
    /// nothing, when it has nothing to say. Its tags must have been handed to
    /// the site step already.
    fn keep(mut self) -> Option<Self> {
        if self.findings.is_empty()
            && self.fixed == 0
            && !self.unreadable
            && self.write_error.is_none()
        {
            return None;
        }
        self.findings.shrink_to_fit();
        self.rendered.shrink_to_fit();
        Some(self)
    }
}

/// Everything one run found.
#[derive(Debug, Default)]
pub struct Outcome {
    /// One report per file with findings or problems, in path order.
    pub files: Vec<FileReport>,
    /// How many files were read and checked.
    pub files_checked: usize,
    /// Wall time from discovery to the last finding.
    pub elapsed: Duration,
}

impl Outcome {
    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.tally().count(severity)
    }

    /// Every finding, in output order.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.files.iter().flat_map(|f| f.findings.iter())
    }

    /// Whether some path could not be read or written, which makes the run
    /// incomplete.
    pub fn incomplete(&self) -> bool {
        self.tally().incomplete
    }

    /// How many fixes were applied, and in how many files.
    pub fn fixed(&self) -> (usize, usize) {
        let tally = self.tally();
        (tally.fixed, tally.fixed_files)
    }

    /// How many findings carry a fix this run's `--fix` would apply, and how
    /// many carry an unsafe fix it leaves alone (without `--unsafe-fixes`).
    pub fn fixable(&self) -> (usize, usize) {
        let tally = self.tally();
        (tally.fixable, tally.unsafe_fixable)
    }

    /// The counts of its reports.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally {
            files_checked: self.files_checked,
            ..Tally::default()
        };
        for file in &self.files {
            tally.add(file);
        }
        tally
    }
}

/// Where a run hands its reports as soon as each is known, so that nothing
/// need hold them all: the command line writes each at once and keeps a
/// [`Tally`]; an [`Outcome`] keeps them all (`Checker::check_paths`).
pub trait Sink {
    /// How many files the run checks, told once before any report.
    fn start(&mut self, files_checked: usize);
    /// The report of one file with something to say. Reports come in path
    /// order, each as soon as it and every file before it are checked; the
    /// problems of configs, data files and paths that could not be read take
    /// their place in that order.
    fn file(&mut self, report: FileReport);
    /// A report holding only the site step's findings of one file
    /// (`string-tags`, `tag-variants`): they compare the tags of every
    /// document, so they come after every `file`, in path order among
    /// themselves. `reported` says whether `file` already took a report of
    /// this file with findings.
    fn site_step(&mut self, report: FileReport, reported: bool);
    /// The run is over, `elapsed` after it started.
    fn finish(&mut self, elapsed: Duration);
}

/// Collects the reports, with the site step's findings merged into their
/// files' reports in span order.
impl Sink for Outcome {
    fn start(&mut self, files_checked: usize) {
        self.files_checked = files_checked;
    }

    fn file(&mut self, report: FileReport) {
        self.files.push(report);
    }

    fn site_step(&mut self, report: FileReport, _reported: bool) {
        match self
            .files
            .binary_search_by(|f| f.path.as_path().cmp(&report.path))
        {
            Ok(at) => {
                let file = &mut self.files[at];
                file.rendered.push_str(&report.rendered);
                file.findings.extend(report.findings);
                file.findings
                    .sort_by_key(|f| (f.diagnostic.span.start, f.diagnostic.span.end));
            }
            Err(at) => self.files.insert(at, report),
        }
    }

    fn finish(&mut self, elapsed: Duration) {
        self.elapsed = elapsed;
    }
}

/// The counts a report's summary and a run's exit status need, kept as the
/// reports pass instead of the reports themselves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many files were read and checked.
    pub files_checked: usize,
    /// Findings at error severity.
    pub errors: usize,
    /// Findings at warning severity.
    pub warnings: usize,
    /// Findings at info severity.
    pub infos: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    /// Fixes applied (with `FixMode::Write` or `Diff`).
    pub fixed: usize,
    /// Files with a fix applied.
    pub fixed_files: usize,
    /// Findings whose fix the run takes.
    pub fixable: usize,
    /// Findings whose unsafe fix the run leaves alone.
    pub unsafe_fixable: usize,
    /// Files with a diff (with `FixMode::Diff`).
    pub diffs: usize,
    /// Whether some path could not be read or written.
    pub incomplete: bool,
}

impl Tally {
    /// Counts a report a [`Sink`] took with `file`.
    pub fn add(&mut self, report: &FileReport) {
        self.add_site_step(report, false);
    }

    /// Counts a report a [`Sink`] took with `site_step`: its file is counted
    /// among the files with findings unless it was `reported` already.
    pub fn add_site_step(&mut self, report: &FileReport, reported: bool) {
        if !report.findings.is_empty() && !reported {
            self.files_with_findings += 1;
        }
        for finding in &report.findings {
            match finding.diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            match finding.diagnostic.fix.as_ref().map(|f| f.applicability) {
                Some(a) if a.taken(report.unsafe_fixes) => self.fixable += 1,
                Some(Applicability::Unsafe) => self.unsafe_fixable += 1,
                _ => {}
            }
        }
        self.fixed += report.fixed;
        self.fixed_files += usize::from(report.fixed > 0);
        self.diffs += usize::from(report.diff.is_some());
        self.incomplete |= report.unreadable || report.write_error.is_some();
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
            Severity::Info => self.infos,
        }
    }

    /// Whether some finding has `least` severity or a higher one.
    pub fn any_at(&self, least: Severity) -> bool {
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .any(|severity| severity >= least && self.count(severity) > 0)
    }
}

/// Checks `text` as if it were the file at `path` (for editors that send
/// unsaved text on standard input), with the site and nearest config of that
/// path; `unsafe_fixes` is as in [`Fixes`]. A mistake in that config stops the
/// run.
pub(crate) fn run_text(
    setup: &Setup,
    sites: &mut Sites,
    path: &Path,
    text: String,
    unsafe_fixes: Option<bool>,
    render: Option<&dyn RenderFile>,
) -> Result<Outcome, SchemaError> {
    let started = Instant::now();
    let cwd = sites.cwd().to_path_buf();
    let now = jiff::Timestamp::now();
    let id = sites.resolve([path])[0];
    let site = id.map(|id| sites.get(id));
    let mut configs = Configs::new(setup, &cwd, now);
    configs.resolve([path])?;
    if let Some(site) = site {
        configs.resolve_site(&site.root)?;
    }
    let file = configs.for_file(path, site);
    let context = file.context();
    let mut report = caught(&context, path, &cwd, render, || {
        check_text(
            &context,
            path,
            display_path(path, &cwd),
            &cwd,
            text,
            Fixes {
                mode: FixMode::Report,
                unsafe_fixes,
            },
            render,
        )
    });
    let tags = std::mem::take(&mut report.tags);
    match site {
        Some(site) => {
            let mut facts = SiteFacts::default();
            facts.add(0, tags);
            let found = facts.check(&configs.for_site(site).context(), &|_| {
                display_path(path, &cwd)
            });
            for finding in found {
                add_located(&mut report, located(finding), render);
            }
        }
        None => add_no_site_note(&file.context(), 0, &mut report, render),
    }
    Ok(Outcome {
        files: Some(report)
            .filter(|r| !r.findings.is_empty())
            .into_iter()
            .collect(),
        files_checked: 1,
        elapsed: started.elapsed(),
    })
}

/// The rayon pool of a run over `paths`, built for that run and dropped with
/// it (never rayon's global pool, so a long-running process can run checks
/// with different `threads`): `threads` workers (0: one per core), with room
/// on their stacks for deeply nested posts. `None` when the calling thread
/// is to do the work alone: for one named file or `-j1` on Unix, whose main
/// thread has that room (a pre-commit run on one post then starts no thread
/// and hands no work across threads, a millisecond here), and when no pool
/// can be built.
fn pool_for(threads: usize, paths: &[PathBuf]) -> Option<rayon::ThreadPool> {
    let one_file = matches!(paths, [path] if path.is_file());
    if cfg!(unix) && (threads == 1 || one_file) {
        return None;
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(8 << 20)
        .build()
        .ok()
}

/// How many files are checked at a time: each batch is checked on the pool,
/// then its reports go to the sink in path order before the next starts, so
/// memory holds a batch's reports, not the run's.
const BATCH: usize = 512;

/// `keep` applied to each of `items` with its index, the `Some`s in the
/// order of `items`: on `pool` if given, else on the calling thread (which
/// then calls no rayon code, so starts no pool).
fn keep_in_order<'a, T: Sync, R: Send>(
    items: &'a [T],
    pool: Option<&rayon::ThreadPool>,
    keep: impl Fn(usize, &'a T) -> Option<R> + Sync + Send,
) -> Vec<R> {
    match pool {
        Some(pool) => pool.install(|| {
            items
                .par_iter()
                .enumerate()
                .filter_map(|(index, item)| keep(index, item))
                .collect()
        }),
        None => items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| keep(index, item))
            .collect(),
    }
}

/// Checks everything under `paths` on `threads` workers (0: one per core; see
/// [`pool_for`]), each file against its own site from `sites` and with its
/// nearest config (`setup`'s when it has none), rendering each file's
/// findings with `render` if given, and hands the reports to `sink` as
/// [`Sink`] says. `found` is what discovery already found under `paths`, if
/// it ran beforehand. A mistake in a config found on the way stops the run
/// before any file is checked.
#[allow(clippy::too_many_arguments)]
pub(crate) fn run(
    paths: &[PathBuf],
    found: Option<Discovered>,
    setup: &Setup,
    sites: &mut Sites,
    threads: usize,
    fixes: Fixes,
    render: Option<&dyn RenderFile>,
    sink: &mut dyn Sink,
) -> Result<(), SchemaError> {
    let started = Instant::now();
    let pool = pool_for(threads, paths);
    check_all(
        paths,
        found,
        setup,
        sites,
        fixes,
        render,
        pool.as_ref(),
        sink,
    )?;
    sink.finish(started.elapsed());
    Ok(())
}

/// Checks everything under `paths` on `pool` (on the calling thread without
/// one) and hands every report with something to say to `sink`.
#[allow(clippy::too_many_arguments)]
fn check_all(
    paths: &[PathBuf],
    found: Option<Discovered>,
    setup: &Setup,
    sites: &mut Sites,
    fixes: Fixes,
    render: Option<&dyn RenderFile>,
    pool: Option<&rayon::ThreadPool>,
    sink: &mut dyn Sink,
) -> Result<(), SchemaError> {
    let cwd = sites.cwd().to_path_buf();
    let threads = pool.map_or(1, rayon::ThreadPool::current_num_threads);
    let now = jiff::Timestamp::now();
    let found = found.unwrap_or_else(|| discover::discover(paths, threads));
    let site_ids = sites.resolve(found.files.iter().map(PathBuf::as_path));
    let sites = &*sites;
    // Files found by walking a site are checked only if Jekyll reads them;
    // a file named on the command line is always checked. A set: pre-commit
    // names every staged file, and each found file is looked up in it.
    let named: rustc_hash::FxHashSet<&PathBuf> = paths.iter().filter(|p| p.is_file()).collect();
    let mut to_check: Vec<(&PathBuf, Option<SiteId>)> =
        keep_in_order(&found.files, pool, |index, path| {
            let id = site_ids[index];
            let read = match id {
                Some(id) if !named.contains(&path) => {
                    let site = sites.get(id);
                    site.relative(path)
                        .is_none_or(|relative| site.publishes(&relative))
                }
                _ => true,
            };
            read.then_some((path, id))
        });
    // Reports go out in the order files are checked: discovery sorts them,
    // a caller's own list may not be.
    if !to_check.is_sorted_by(|a, b| a.0 <= b.0) {
        to_check.sort_by(|a, b| a.0.cmp(b.0));
    }
    let mut configs = Configs::new(setup, &cwd, now);
    configs.resolve(
        to_check
            .iter()
            .map(|(p, _)| p.as_path())
            .chain(found.problems.iter().map(|(p, _)| p.as_path())),
    )?;
    // The sites read so far are the ones some file needed.
    let loaded: Vec<(SiteId, &SiteIndex)> = sites.loaded().collect();
    for (_, site) in &loaded {
        configs.resolve_site(&site.root)?;
    }
    // A site's config or data file named on the command line is checked for
    // the YAML that stops the build, not read as a document (a site read for
    // a walked file reports its problems whole, below).
    let mut named_yaml = Vec::new();
    let documents = to_check.len();
    to_check.retain(|&(path, id)| {
        let Some(id) = id.filter(|_| named.contains(&path)) else {
            return true;
        };
        let site = sites.get(id);
        let Some(relative) = site.relative(path).filter(|r| site.is_build_yaml(r)) else {
            return true;
        };
        if !loaded.iter().any(|(known, _)| *known == id) {
            named_yaml.extend(site.problems_of(&relative).into_iter().map(|p| (site, p)));
        }
        false
    });
    sink.start(documents);
    // Problems of the sites' configs, then of the accepted-words files, each
    // as its rule's finding under the config it belongs to, then the paths
    // that could not be read: all known before any file is checked, they
    // take their places in path order among the files' reports.
    let problems = loaded
        .iter()
        .flat_map(|(_, site)| site.problems().map(|p| (configs.for_site(site), p)))
        .chain(
            named_yaml
                .iter()
                .map(|(site, p)| (configs.for_site(site), p)),
        )
        .chain(
            configs
                .problems()
                .map(|p| (configs.for_file(&p.path, None), p)),
        );
    let mut before = Vec::new();
    for (file_setup, problem) in problems {
        let context = file_setup.context();
        let Some(diagnostic) = rules::configured(&context, rules::site_problem(problem)) else {
            continue;
        };
        let findings = locate(
            &LineIndex::new(&problem.text),
            &problem.text,
            vec![diagnostic],
            &cwd,
        );
        let display = display_path(&problem.path, &cwd);
        let state = FileState {
            text: Some(&problem.text),
            ..FileState::default()
        };
        before.push(finish(&problem.path, display, state, findings, render));
    }
    before.extend(
        found
            .problems
            .iter()
            .map(|(path, reason)| {
                let file = configs.for_file(path, None);
                let display = display_path(path, &cwd);
                unreadable(&file.context(), path, &display, reason, render)
            })
            .filter(|report| !report.findings.is_empty()),
    );
    before.sort_by(|a, b| a.path.cmp(&b.path));
    let mut before = before.into_iter().peekable();
    // The first file without a site carries the `no-site` note for all.
    let mut without_site = to_check
        .iter()
        .enumerate()
        .filter(|(_, (_, id))| id.is_none());
    let note = without_site
        .next()
        .map(|(first, _)| (first, without_site.count()));
    // A document's tags go to its site's step as soon as it is checked; a
    // report with nothing to say is dropped there, and the rest give back
    // their spare capacity and go to the sink with their batch.
    let facts = Mutex::new(BTreeMap::<SiteId, SiteFacts>::new());
    let mut reported = vec![false; to_check.len()];
    for (batch, files) in to_check.chunks(BATCH).enumerate() {
        let first = batch * BATCH;
        let reports = keep_in_order(files, pool, |offset, (path, id)| {
            let index = first + offset;
            let file = configs.for_file(path, id.map(|id| sites.get(id)));
            let context = file.context();
            let mut report = caught(&context, path, &cwd, render, || {
                check_file(
                    &context,
                    path,
                    display_path(path, &cwd),
                    &cwd,
                    fixes,
                    render,
                )
            });
            let tags = std::mem::take(&mut report.tags);
            if let Some(id) = id.filter(|_| !tags.is_empty()) {
                lock(&facts).entry(id).or_default().add(index, tags);
            }
            if let Some((_, others)) = note.filter(|(at, _)| *at == index) {
                add_no_site_note(&context, others, &mut report, render);
            }
            report.keep().map(|report| (index, report))
        });
        for (index, report) in reports {
            while let Some(problem) = before.next_if(|p| p.path < report.path) {
                sink.file(problem);
            }
            reported[index] = !report.findings.is_empty();
            sink.file(report);
        }
    }
    before.for_each(|problem| sink.file(problem));
    // Each site's tags are compared among its own documents only; the
    // findings go out per file, in path order.
    let paths: Vec<&Path> = to_check.iter().map(|(p, _)| p.as_path()).collect();
    let mut found = Vec::new();
    for (id, facts) in facts.into_inner().unwrap_or_else(PoisonError::into_inner) {
        let site_setup = configs.for_site(sites.get(id));
        let display = |file: usize| display_path(paths[file], &cwd);
        found.extend(facts.check(&site_setup.context(), &display));
    }
    found.sort_by_key(|f| f.file);
    let mut found = found.into_iter().peekable();
    while let Some(first) = found.next() {
        let file = first.file;
        let path = paths[file];
        let display = display_path(path, &cwd);
        let mut report = finish(path, display, FileState::default(), Vec::new(), None);
        add_located(&mut report, located(first), render);
        while let Some(more) = found.next_if(|f| f.file == file) {
            add_located(&mut report, located(more), render);
        }
        sink.site_step(report, reported[file]);
    }
    Ok(())
}

thread_local! {
    /// Whether this thread is inside a file's check (see [`caught`]).
    static CHECKING: Cell<bool> = const { Cell::new(false) };
}

/// Whether a panic on this thread now would become a file's `internal-error`
/// finding, which carries its message: a process's panic hook can then stay
/// quiet instead of printing it.
pub fn panic_is_caught() -> bool {
    CHECKING.get()
}

/// `check`'s report of the file at `path`, or, when it panics, a report
/// holding only that file's `internal-error` finding (at its configured
/// level): a bug met in one file never ends the run, nor an editor server.
/// No fix is written then, as a file is written only at the end of its check.
fn caught(
    context: &Context,
    path: &Path,
    cwd: &Path,
    render: Option<&dyn RenderFile>,
    check: impl FnOnce() -> FileReport,
) -> FileReport {
    let outer = CHECKING.replace(true);
    let result = std::panic::catch_unwind(AssertUnwindSafe(check));
    CHECKING.set(outer);
    match result {
        Ok(report) => report,
        Err(payload) => {
            let display = display_path(path, cwd);
            let diagnostic = internal_error::diagnostic(&display, &*payload);
            let findings = rules::configured(context, diagnostic)
                .map(at_start)
                .into_iter()
                .collect();
            finish(path, display, FileState::default(), findings, render)
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A finding of the site step, located.
fn located(finding: site_checks::SiteFinding) -> Finding {
    Finding {
        diagnostic: finding.diagnostic,
        start: finding.start,
        end: finding.end,
        labels: Vec::new(),
    }
}

/// Adds the `no-site` note to `report`, the report of the first file without
/// a site, when `others` more have none, at the file's first line: it is
/// about the whole file, and every output format can point there.
fn add_no_site_note(
    context: &Context,
    others: usize,
    report: &mut FileReport,
    render: Option<&dyn RenderFile>,
) {
    if let Some(diagnostic) = rules::no_site_note(context, others) {
        add_located(report, at_start(diagnostic), render);
    }
}

/// Adds a finding made after the document was checked to its report, in span
/// order. It is rendered without a snippet: the document is no longer loaded.
fn add_located(report: &mut FileReport, located: Finding, render: Option<&dyn RenderFile>) {
    if let Some(render) = render {
        let source = Source {
            name: &report.display,
            text: None,
            unsafe_fixes: report.unsafe_fixes,
        };
        report
            .rendered
            .push_str(&render.render(source, std::slice::from_ref(&located)));
    }
    report.findings.push(located);
    report
        .findings
        .sort_by_key(|f| (f.diagnostic.span.start, f.diagnostic.span.end));
}

/// Checks `text` as the file at `path` (read from it, or from standard input),
/// fixing it as `fixes` says; `display` is the path as shown, and paths in
/// other files' labels are shown relative to `cwd`.
pub(crate) fn check_text(
    context: &Context,
    path: &Path,
    display: String,
    cwd: &Path,
    text: String,
    fixes: Fixes,
    render: Option<&dyn RenderFile>,
) -> FileReport {
    let mode = fixes.mode;
    let unsafe_fixes = fixes.take_unsafe(context);
    let original = (mode != FixMode::Report).then(|| text.clone());
    // Most rules ask where the file lies in its site: work it out once.
    let relative = context.site.and_then(|site| site.relative(path));
    let includes_dir = context.site.map_or("", |site| site.includes_dir.as_str());
    let load = |text| Document::in_site(path.to_path_buf(), text, relative.clone(), includes_dir);
    let mut doc = load(text);
    let mut diagnostics = lint::check(context, &doc);
    let mut fixed = 0;
    if mode != FixMode::Report {
        for _ in 0..MAX_FIX_ROUNDS {
            let taken = diagnostics.iter().filter_map(|d| {
                d.fix
                    .as_ref()
                    .filter(|f| f.applicability.taken(unsafe_fixes))
            });
            let (text, applied) = fix::apply(&doc.text, taken);
            if applied == 0 || text == doc.text {
                break;
            }
            fixed += applied;
            doc = load(text);
            diagnostics = lint::check(context, &doc);
        }
    }
    let findings = locate(&doc.lines, &doc.text, diagnostics, cwd);
    let state = FileState {
        text: Some(&doc.text),
        unsafe_fixes,
        unreadable: false,
    };
    let mut report = finish(path, display, state, findings, render);
    report.fixed = fixed;
    report.tags = site_checks::collect(context, &doc);
    if let Some(original) = original.filter(|_| fixed > 0) {
        match mode {
            FixMode::Diff => report.diff = Some(fix::diff(&report.display, &original, &doc.text)),
            FixMode::Write => {
                if let Err(err) = fix::write_atomic(path, &original, &doc.text) {
                    report.write_error = Some(format!(
                        "could not write the fixes to `{}`: {err}",
                        report.display
                    ));
                }
            }
            FixMode::Report => {}
        }
    }
    report
}

/// Loads, parses and checks one file, fixing it as `fixes` says (`display`
/// and `cwd` as in [`check_text`]).
pub(crate) fn check_file(
    context: &Context,
    path: &Path,
    display: String,
    cwd: &Path,
    fixes: Fixes,
    render: Option<&dyn RenderFile>,
) -> FileReport {
    match document::load(path) {
        Ok(text) => check_text(context, path, display, cwd, text, fixes, render),
        Err(LoadError::InvalidUtf8 {
            shown,
            first,
            count,
        }) => {
            let diagnostic = invalid_utf8::diagnostic(first, count);
            let found = rules::configured(context, diagnostic).into_iter().collect();
            let findings = locate(&LineIndex::new(&shown), &shown, found, cwd);
            let state = FileState {
                text: Some(&shown),
                ..FileState::default()
            };
            finish(path, display, state, findings, render)
        }
        Err(LoadError::Unreadable(err)) => {
            unreadable(context, path, &display, &io_reason(&err), render)
        }
    }
}

/// The report for a path that could not be read: a finding, unless the rule
/// is off, and the mark that makes the run incomplete.
fn unreadable(
    context: &Context,
    path: &Path,
    display: &str,
    reason: &str,
    render: Option<&dyn RenderFile>,
) -> FileReport {
    let diagnostic = unreadable_file::path(display, reason);
    let findings: Vec<Finding> = rules::configured(context, diagnostic)
        .map(at_start)
        .into_iter()
        .collect();
    let reported = !findings.is_empty();
    let state = FileState {
        unreadable: reported,
        ..FileState::default()
    };
    finish(path, display.to_string(), state, findings, render)
}

/// A finding about a whole file, at its first line: every output format can
/// point there, whether or not the text is still (or ever was) loaded.
fn at_start(diagnostic: Diagnostic) -> Finding {
    let start = Position { line: 1, column: 1 };
    Finding {
        diagnostic,
        start,
        end: start,
        labels: Vec::new(),
    }
}

/// What `finish` knows of a file besides its findings.
#[derive(Debug, Clone, Copy, Default)]
struct FileState<'a> {
    /// Its text, when it could be read.
    text: Option<&'a str>,
    /// Whether the run takes its unsafe fixes.
    unsafe_fixes: bool,
    /// Whether it could not be read.
    unreadable: bool,
}

/// The report of a file's located findings, rendered with `render` if given.
fn finish(
    path: &Path,
    display: String,
    state: FileState,
    findings: Vec<Finding>,
    render: Option<&dyn RenderFile>,
) -> FileReport {
    let rendered = match render {
        Some(render) if !findings.is_empty() => render.render(
            Source {
                name: &display,
                text: state.text,
                unsafe_fixes: state.unsafe_fixes,
            },
            &findings,
        ),
        _ => String::new(),
    };
    FileReport {
        path: path.to_path_buf(),
        display,
        findings,
        rendered,
        unreadable: state.unreadable,
        unsafe_fixes: state.unsafe_fixes,
        fixed: 0,
        diff: None,
        write_error: None,
        tags: Vec::new(),
    }
}

/// Works out line and column positions for each diagnostic; a label in
/// another file shows that file's path relative to `cwd`.
fn locate(lines: &LineIndex, text: &str, diagnostics: Vec<Diagnostic>, cwd: &Path) -> Vec<Finding> {
    diagnostics
        .into_iter()
        .map(|diagnostic| Finding {
            start: lines.position(text, diagnostic.span.start),
            end: lines.position(text, diagnostic.span.end),
            labels: diagnostic
                .labels
                .iter()
                .map(|l| match &l.elsewhere {
                    Some(place) => LabelPlace {
                        start: place.start,
                        end: place.end,
                        path: Some(display_path(&place.path, cwd)),
                    },
                    None => LabelPlace {
                        start: lines.position(text, l.span.start),
                        end: lines.position(text, l.span.end),
                        path: None,
                    },
                })
                .collect(),
            diagnostic,
        })
        .collect()
}

/// `path` relative to `cwd` when it lies under it, without a leading `./`.
pub(crate) fn display_path(path: &Path, cwd: &Path) -> String {
    let relative = path.strip_prefix(cwd).unwrap_or(path);
    let shown: PathBuf = relative
        .components()
        .skip_while(|c| matches!(c, Component::CurDir))
        .collect();
    if shown.as_os_str().is_empty() {
        ".".to_string()
    } else {
        shown.to_string_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_with_nothing_to_say_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let setup = Setup::new(crate::config::Config::default()).unwrap();
        let check = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            check_file(
                &setup.context(),
                &path,
                name.to_string(),
                dir.path(),
                Fixes::REPORT,
                None,
            )
        };
        assert!(check("clean.md", "A clean page.\n").keep().is_none());
        let kept = check("slip.md", "It has been meet with praise.\n")
            .keep()
            .expect("a report with findings is kept");
        assert_eq!(kept.findings.len(), 1);
        assert_eq!(kept.findings.capacity(), 1);
    }

    #[test]
    fn a_file_that_cannot_be_read_becomes_a_finding() {
        let dir = tempfile::tempdir().unwrap();
        let setup = Setup::new(crate::config::Config::default()).unwrap();
        let report = check_file(
            &setup.context(),
            dir.path(),
            "x.md".to_string(),
            dir.path(),
            Fixes::REPORT,
            None,
        );
        assert!(report.unreadable);
        assert_eq!(report.findings.len(), 1);
        let d = &report.findings[0].diagnostic;
        assert_eq!(d.rule, "unreadable-file");
        assert_eq!(
            d.message,
            "could not read `x.md`: it is a directory, not a file"
        );
    }

    #[test]
    fn a_panic_in_a_files_check_becomes_its_internal_error_finding() {
        let setup = Setup::new(crate::config::Config::default()).unwrap();
        let context = setup.context();
        let (path, cwd) = (Path::new("/site/_posts/a.md"), Path::new("/site"));
        assert!(!panic_is_caught());
        let report = caught(&context, path, cwd, None, || {
            assert!(
                panic_is_caught(),
                "the hook is told while a file is checked"
            );
            panic!("a bug met in {}", "a.md")
        });
        assert!(!panic_is_caught(), "and no longer once it is done");
        assert_eq!(report.display, "_posts/a.md");
        assert!(!report.unreadable);
        let [finding] = report.findings.as_slice() else {
            panic!("one finding: {:?}", report.findings);
        };
        assert_eq!(finding.diagnostic.rule, "internal-error");
        assert_eq!(finding.diagnostic.severity, Severity::Error);
        assert_eq!(
            finding.diagnostic.message,
            "prepress failed while checking `_posts/a.md`: a bug met in a.md"
        );
        assert_eq!(finding.start, Position { line: 1, column: 1 });
        // A check that does not panic gives its own report.
        let report = caught(&context, path, cwd, None, || FileReport {
            display: "its own".into(),
            ..FileReport::default()
        });
        assert_eq!(report.display, "its own");
        assert!(report.findings.is_empty());
    }

    #[test]
    fn display_paths_are_relative_and_clean() {
        let cwd = Path::new("/site");
        assert_eq!(
            display_path(Path::new("/site/_posts/a.md"), cwd),
            "_posts/a.md"
        );
        assert_eq!(display_path(Path::new("./_posts/a.md"), cwd), "_posts/a.md");
        assert_eq!(
            display_path(Path::new("/elsewhere/a.md"), cwd),
            "/elsewhere/a.md"
        );
        assert_eq!(display_path(Path::new("../a.md"), cwd), "../a.md");
    }
}
