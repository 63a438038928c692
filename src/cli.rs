//! The command line: parse arguments, run a command, choose the exit status.
//!
//! `prepress [PATHS]` is short for `prepress check [PATHS]`. Exit status: 0 when
//! nothing at error severity was found and warnings are within `--max-warnings`,
//! 1 when something was, 2 for a usage problem or when a path could not be read
//! (the check is then incomplete).

use std::collections::HashSet;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};

use crate::api::{self, Checker};
use crate::baseline::{self, Baseline};
use crate::changes::Changes;
use crate::check::{self, FixMode, Fixes, Sink, Tally};
use crate::config::{Config, Level};
use crate::diagnostic::Severity;
use crate::discover;
use crate::jekyll_names;
use crate::report::{self, Format, Writer, human::Human};
use crate::rule::RuleInfo;
use crate::schema::SchemaError;
use crate::setup::Setup;
use crate::site::Site;
use crate::sites::{Sites, absolute};
use crate::url_list::{self, ListFormat};

/// Checks Jekyll posts before they publish: front matter, file names, prose.
#[derive(Debug, Parser)]
#[command(
    name = "prepress",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check Markdown files and folders (the default command).
    Check(CheckArgs),
    /// List every rule with its severity and whether it can fix.
    Rules {
        /// `table` for people, `markdown` for the README's rule table.
        #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
        format: RulesFormat,
    },
    /// Explain one rule: what it reports, why, how to fix it.
    Explain {
        /// The rule id, such as `empty-value`.
        id: String,
    },
    /// Write a commented starter `.prepress.yml` in the current folder.
    Init {
        /// Replace an existing `.prepress.yml`.
        #[arg(long)]
        force: bool,
    },
    /// List the URL of every page of a site, as prepress expects Jekyll to
    /// publish it, and why a page is not published.
    Urls {
        /// A folder of the site (default: the current folder); the site is
        /// the nearest folder at or above it with a `_config.yml`.
        path: Option<PathBuf>,
        /// `text` (`URL<TAB>SOURCE`) or `json`.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Jekyll config files to read instead of `_config.yml`, merged in
        /// order.
        #[arg(long, value_name = "FILES", value_delimiter = ',', value_parser = existing_file)]
        config: Vec<PathBuf>,
    },
    /// Write today's findings to a baseline file (default
    /// `.prepress-baseline.json`, or the config's `baseline:`), so that
    /// `check` reports only the findings added since.
    Baseline(BaselineArgs),
    /// Run the language server on standard input and output, for editors
    /// (see the README's "In your editor").
    Server {
        /// Accepted for clients that pass it: standard input and output is
        /// the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Print a shell completion script (`prepress completions bash > …`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
struct BaselineArgs {
    /// Files or folders to check, as for `check`. Defaults to the current
    /// folder.
    paths: Vec<PathBuf>,
    /// The file to write (default: the config's `baseline:`, else
    /// `.prepress-baseline.json` in the current folder).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The Jekyll site's root, for every file, as for `check`.
    #[arg(long, value_name = "DIR", value_parser = existing_folder)]
    site: Option<PathBuf>,
    /// Jekyll config files to read instead of `_config.yml`, as for `check`.
    #[arg(long, value_name = "FILES", value_delimiter = ',', value_parser = existing_file)]
    config: Vec<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    threads: usize,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RulesFormat {
    Table,
    Markdown,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Files or folders to check; folders are searched for Markdown files.
    /// Defaults to the current folder.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    // clap prints the doc comment as the option's help, as written.
    #[allow(clippy::doc_markdown)]
    /// When to colour human output (NO_COLOR turns `auto` off).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Fail (exit 1) when there are more warnings than this.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Print findings only: no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Apply the safe fixes to the files (the unsafe ones too with
    /// `--unsafe-fixes`), then report what is left.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the fixes `--fix` would apply as a unified diff instead of
    /// applying them.
    #[arg(long)]
    diff: bool,
    /// Take the unsafe fixes too: fixes that are right most of the time but
    /// that a person should check (`--fix` applies them, `--diff` shows them).
    #[arg(long, overrides_with = "no_unsafe_fixes")]
    unsafe_fixes: bool,
    /// Leave the unsafe fixes alone even where the config says
    /// `unsafe-fixes: true`.
    #[arg(long, overrides_with = "unsafe_fixes")]
    no_unsafe_fixes: bool,
    /// The Jekyll site's root, for every file (default: each file's own site,
    /// the nearest folder at or above it with a `_config.yml`).
    #[arg(long, value_name = "DIR", value_parser = existing_folder)]
    site: Option<PathBuf>,
    /// Jekyll config files to read instead of `_config.yml`, merged in order,
    /// as `jekyll build --config` takes them.
    #[arg(long, value_name = "FILES", value_delimiter = ',', value_parser = existing_file)]
    config: Vec<PathBuf>,
    /// Exit 1 when there is a finding at this severity or above (`never`:
    /// only `--max-warnings` and unreadable files change the exit status).
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// A unified diff (`git diff -U0 BASE`): with `--format github`, annotate
    /// only findings on the lines it adds or changes.
    #[arg(long, value_name = "FILE")]
    changed_lines: Option<PathBuf>,
    /// Append a Markdown table of every finding to FILE (such as
    /// `$GITHUB_STEP_SUMMARY`), within GitHub's 1 MiB limit.
    #[arg(long, value_name = "FILE")]
    summary: Option<PathBuf>,
    /// Also write the findings as SARIF 2.1.0 to FILE.
    #[arg(long, value_name = "FILE")]
    sarif_file: Option<PathBuf>,
    /// Drop the named files a walk of their folder would pass over (hidden,
    /// vendored, not Markdown) or their site does not publish (its `exclude`,
    /// `_` folders), as ruff's flag does: pre-commit's file list then gives
    /// what a bare `prepress` gives.
    #[arg(long)]
    force_exclude: bool,
    /// Report only the findings that are not in this baseline file (which
    /// `prepress baseline` writes); default: the config's `baseline:`.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Read no baseline, even one the config names: report every finding.
    #[arg(long, conflicts_with = "baseline")]
    no_baseline: bool,
    /// Print how many findings each rule made (with how many carry a safe
    /// fix, and their severity) instead of each finding.
    #[arg(long, conflicts_with = "diff")]
    statistics: bool,
    /// Check text from standard input instead of files (for editors).
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    stdin: bool,
    /// The path the standard input stands for: its site, role and name in the
    /// output.
    #[arg(
        long,
        value_name = "PATH",
        requires = "stdin",
        default_value = "stdin.md"
    )]
    stdin_filename: PathBuf,
}

/// The least severity that fails a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The least failing severity; `None` for `never`.
    fn severity(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// `--site`: a folder that exists, or a usage error saying what it is.
fn existing_folder(value: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(value);
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => Ok(path),
        Ok(_) => Err("it is a file; give the folder that holds the site's `_config.yml`".into()),
        Err(err) => Err(format!(
            "no site folder there: {}",
            discover::io_reason(&err)
        )),
    }
}

/// `--config`: a file that exists, or a usage error saying what it is.
fn existing_file(value: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(value);
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_file() => Ok(path),
        Ok(_) => Err("it is a folder, not a config file".into()),
        Err(err) => Err(format!(
            "no config file there: {}",
            discover::io_reason(&err)
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Runs prepress with the process arguments and returns its exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // The one place the process's working directory is read: everything
    // below takes it as an argument.
    let cwd = std::env::current_dir();
    let cwd = || {
        cwd.as_deref()
            .map_err(|err| io::Error::new(err.kind(), err.to_string()))
    };
    let result = match cli.command {
        Some(Command::Check(args)) => cwd().and_then(|cwd| check(&args, cwd)),
        None => cwd().and_then(|cwd| check(&cli.check, cwd)),
        Some(Command::Rules { format }) => {
            cwd().and_then(|cwd| list_rules(format, use_color(Color::Auto), cwd))
        }
        Some(Command::Explain { id }) => {
            cwd().and_then(|cwd| explain(&id, use_color(Color::Auto), cwd))
        }
        Some(Command::Init { force }) => init(force),
        Some(Command::Baseline(args)) => cwd().and_then(|cwd| write_baseline(&args, cwd)),
        Some(Command::Urls {
            path,
            format,
            config,
        }) => cwd().and_then(|cwd| list_urls(path, format, &config, cwd)),
        Some(Command::Server { .. }) => crate::server::run(),
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "prepress", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("prepress: {err}");
            ExitCode::from(2)
        }
    }
}

/// `paths` without the named files a walk would not check (`--force-exclude`):
/// those [`discover::walk_skips`] and those their site does not publish.
/// Folders stay; with nothing left, nothing is checked.
fn force_exclude(paths: Vec<PathBuf>, sites: &mut Sites, cwd: &Path) -> Vec<PathBuf> {
    paths
        .into_iter()
        .filter(|path| {
            if !path.is_file() {
                return true;
            }
            if discover::walk_skips(path.strip_prefix(cwd).unwrap_or(path)) {
                return false;
            }
            sites.resolve([path.as_path()])[0].is_none_or(|id| {
                let site = sites.get(id);
                site.relative(path)
                    .is_none_or(|relative| site.publishes(&relative))
            })
        })
        .collect()
}

fn check(args: &CheckArgs, cwd: &Path) -> io::Result<ExitCode> {
    let paths = if args.stdin {
        vec![args.stdin_filename.clone()]
    } else if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let color = use_color(args.color);
    if args.statistics && matches!(args.format, Format::Github | Format::Sarif) {
        eprintln!("prepress: --statistics prints in the human, compact or json format");
        return Ok(ExitCode::from(2));
    }
    let changed = match args.changed_lines.as_deref().map(Changes::read).transpose() {
        Ok(changed) => changed,
        Err(err) => {
            eprintln!("prepress: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    let mode = match (args.fix, args.diff) {
        (true, _) => FixMode::Write,
        (_, true) => FixMode::Diff,
        _ => FixMode::Report,
    };
    let unsafe_fixes = match (args.unsafe_fixes, args.no_unsafe_fixes) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    let options = api::Options {
        cwd: cwd.to_path_buf(),
        threads: args.threads,
        site: args.site.clone(),
        configs: args.config.clone(),
        fixes: Fixes { mode, unsafe_fixes },
    };
    let mut sites = options.sites();
    let paths = if args.force_exclude && !args.stdin {
        force_exclude(paths, &mut sites, cwd)
    } else {
        paths
    };
    // Finding the files under a folder and loading a site read the disk apart
    // from each other: with more than one thread, the walk runs on a second
    // thread and this one loads the site of the first file it finds meanwhile
    // (15 ms of a 10,000-post run's start). Other sites load when needed.
    let walk = !args.stdin && args.threads != 1 && paths.iter().any(|p| p.is_dir());
    let found = std::thread::scope(|scope| {
        let (first_tx, first) = std::sync::mpsc::channel();
        // Without a walk, the sender is dropped unused and `recv` returns.
        let walking = walk
            .then(|| {
                let threads = match args.threads {
                    0 => std::thread::available_parallelism().map_or(1, usize::from),
                    n => n,
                };
                let paths = &paths;
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || {
                        discover::discover_telling(paths, threads, first_tx)
                    })
                    .ok()
            })
            .flatten();
        if let Ok(path) = first.recv()
            && let Some(id) = sites.resolve([path.as_path()])[0]
        {
            sites.get(id);
        }
        walking.and_then(|walking| walking.join().ok())
    });
    let mut checker = match Checker::with_sites(options, sites) {
        Ok(checker) => checker,
        Err(err) => {
            report_schema_error(err, cwd, color);
            return Ok(ExitCode::from(2));
        }
    };
    let baseline_file = match (&args.baseline, args.no_baseline) {
        (Some(file), _) => Some(file.clone()),
        (None, false) => checker.baseline_file(),
        (None, true) => None,
    };
    let baseline = match baseline_file
        .map(|file| Baseline::read(&file, cwd))
        .transpose()
    {
        Ok(baseline) => baseline,
        Err(err) => {
            report_schema_error(err, cwd, color);
            return Ok(ExitCode::from(2));
        }
    };
    let human = (args.format == Format::Human).then(|| Human::new(color));
    let render = human
        .as_ref()
        .map(|h| h as &dyn check::RenderFile)
        .filter(|_| mode != FixMode::Diff && !args.statistics);
    // Standard input cannot be read twice: the baseline keys its findings
    // with a copy.
    let mut stdin_text = None;
    let stdin_outcome = if args.stdin {
        let mut text = String::new();
        let limit = crate::document::MAX_FILE_BYTES;
        if let Err(err) = io::stdin().take(limit + 1).read_to_string(&mut text) {
            eprintln!("prepress: could not read standard input as UTF-8 text: {err}");
            return Ok(ExitCode::from(2));
        }
        if text.len() as u64 > limit {
            eprintln!(
                "prepress: standard input is more than {} MB, the most prepress reads",
                limit >> 20
            );
            return Ok(ExitCode::from(2));
        }
        if baseline.is_some() {
            stdin_text = Some(text.clone());
        }
        Some(checker.check_text(&args.stdin_filename, text, render))
    } else {
        None
    };
    // One write per finding would be one system call per line: stdout is
    // line-buffered, so the report goes through a buffer of its own.
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    // A SARIF file that cannot be made is said after the report, as one
    // that cannot be written.
    let (mut sarif_file, mut sarif_error) = (None, None);
    if let Some(path) = args.sarif_file.as_deref().filter(|_| mode != FixMode::Diff) {
        match std::fs::File::create(path) {
            Ok(file) => sarif_file = Some(io::BufWriter::new(file)),
            Err(err) => sarif_error = Some(named(path, &err)),
        }
    }
    let catalog = checker.rules().to_vec();
    let summary_budget = args.summary.as_deref().map(|path| {
        let used = std::fs::metadata(path).map_or(0, |m| m.len());
        report::summary::LIMIT.saturating_sub(usize::try_from(used).unwrap_or(usize::MAX))
    });
    let report_options = report::Options {
        quiet: args.quiet,
        changed: changed.as_ref(),
        baseline: None,
        statistics: args.statistics,
    };
    let diff = mode == FixMode::Diff;
    let (report, diffs): (Option<Writer>, Option<&mut dyn Write>) = if diff {
        (None, Some(&mut stdout))
    } else {
        (
            Some(Writer::new(
                args.format,
                &catalog,
                report_options,
                &mut stdout,
            )),
            None,
        )
    };
    let text_of = |report: &check::FileReport| match &stdin_text {
        Some(text) => Some(text.clone()),
        None => baseline::file_text(report),
    };
    let mut outputs = Outputs {
        filter: baseline.as_ref().map(Baseline::filter),
        emptied: HashSet::new(),
        cwd,
        text_of: &text_of,
        render,
        tally: Tally::default(),
        report,
        diffs,
        diffs_error: None,
        sarif: sarif_file.as_mut().map(|file| {
            Writer::new(
                Format::Sarif,
                &catalog,
                report::Options::default(),
                file as &mut dyn Write,
            )
        }),
        summary: summary_budget
            .filter(|_| !diff)
            .map(|budget| report::summary::Summary::new(changed.as_ref(), budget)),
        write_errors: Vec::new(),
        elapsed: Duration::ZERO,
    };
    // A config nearer to some file than the working directory's can be wrong too.
    let checked = match stdin_outcome {
        Some(outcome) => outcome.map(|outcome| {
            outputs.start(outcome.files_checked);
            outcome
                .files
                .into_iter()
                .for_each(|file| outputs.file(file));
            outputs.finish(outcome.elapsed);
        }),
        None => checker.check_paths_into(&paths, found, render, &mut outputs),
    };
    if let Err(err) = checked {
        report_schema_error(err, cwd, color);
        return Ok(ExitCode::from(2));
    }
    // Fixes were taken whatever the baseline holds (a safe fix cannot change
    // what the author meant); the report left out what it holds.
    let applied = outputs.filter.as_ref().map(|f| f.applied(&paths, cwd));
    let tally = outputs.tally;
    if let Some(err) = outputs.diffs_error.take() {
        return Err(err);
    }
    if let Some(mut report) = outputs.report.take() {
        report.end(outputs.elapsed, applied);
        report.done()?;
    }
    let Outputs {
        sarif,
        summary,
        write_errors,
        elapsed,
        ..
    } = outputs;
    // The SARIF file, then the job summary, appended as
    // `$GITHUB_STEP_SUMMARY` expects.
    if let (Some(mut sarif), Some(path)) = (sarif, args.sarif_file.as_deref()) {
        sarif.end(elapsed, applied);
        sarif_error = sarif_error.or(sarif.done().err().map(|err| named(path, &err)));
    }
    let summary = summary.map(|s| s.render(&tally));
    stdout.flush()?;
    if diff {
        return Ok(ExitCode::from(if tally.incomplete {
            2
        } else {
            u8::from(tally.diffs > 0)
        }));
    }
    for err in &write_errors {
        eprintln!("prepress: {err}");
    }
    if let Some(Err(err)) = sarif_file.as_mut().map(Write::flush) {
        sarif_error = sarif_error.or(args.sarif_file.as_deref().map(|path| named(path, &err)));
    }
    let appended = match (summary, args.summary.as_deref()) {
        (Some(text), Some(path)) => std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut file| file.write_all(text.as_bytes()))
            .map_err(|err| named(path, &err)),
        _ => Ok(()),
    };
    if let Some(err) = sarif_error.or(appended.err()) {
        eprintln!("prepress: {err}");
        return Ok(ExitCode::from(2));
    }
    let failing = args
        .fail_on
        .severity()
        .is_some_and(|least| tally.any_at(least));
    let code = if tally.incomplete {
        2
    } else {
        u8::from(failing || args.max_warnings.is_some_and(|max| tally.warnings > max))
    };
    // The process ends here: freeing the site models one by one would only
    // add time (a tenth of a one-post run in a 50,000-post site).
    std::mem::forget(checker);
    Ok(ExitCode::from(code))
}

/// "could not write `PATH`: ERR", for a report file.
fn named(path: &Path, err: &io::Error) -> String {
    format!("could not write `{}`: {err}", path.display())
}

/// Where `prepress check` sends each report as the run hands it over: the
/// baseline's filter first, then standard output (the report in its format,
/// or the diffs), the SARIF file and the job summary; it keeps the counts
/// for the exit status, and the write errors to print last.
struct Outputs<'a> {
    /// The baseline being applied, if the run reads one.
    filter: Option<baseline::Filter<'a>>,
    /// Files whose findings the baseline hid all of: a site step's finding
    /// in one of them is its file's first.
    emptied: HashSet<PathBuf>,
    cwd: &'a Path,
    /// The text of a reported file, for the baseline's keys.
    text_of: &'a dyn Fn(&check::FileReport) -> Option<String>,
    render: Option<&'a dyn check::RenderFile>,
    tally: Tally,
    /// The report on standard output, unless it shows diffs.
    report: Option<Writer<'a>>,
    /// Standard output, for `--diff`.
    diffs: Option<&'a mut dyn Write>,
    /// The first error writing a diff.
    diffs_error: Option<io::Error>,
    /// The SARIF file (`--sarif-file`).
    sarif: Option<Writer<'a>>,
    /// The job summary (`--summary`).
    summary: Option<report::summary::Summary<'a>>,
    /// Why fixed files could not be written.
    write_errors: Vec<String>,
    elapsed: Duration,
}

impl Outputs<'_> {
    /// Sends `report` on, unless the baseline hides all it has to say;
    /// `site_step` is what a `site_step` report's `reported` says.
    fn take(&mut self, mut report: check::FileReport, site_step: Option<bool>) {
        if let Some(filter) = &mut self.filter {
            let had_findings = !report.findings.is_empty();
            let kept = filter.apply(&mut report, self.cwd, self.text_of, self.render);
            if had_findings && report.findings.is_empty() && site_step.is_none() {
                self.emptied.insert(report.path.clone());
            }
            if !kept {
                return;
            }
        }
        let reported = site_step.map(|r| r && !self.emptied.contains(&report.path));
        let add = |writer: &mut Writer| match reported {
            None => writer.add(&report),
            Some(reported) => writer.add_site_step(&report, reported),
        };
        match reported {
            None => self.tally.add(&report),
            Some(reported) => self.tally.add_site_step(&report, reported),
        }
        self.report.as_mut().map(add);
        self.sarif.as_mut().map(add);
        if let Some(summary) = &mut self.summary {
            summary.add(&report);
        }
        if let (Some(out), Some(diff), None) = (&mut self.diffs, &report.diff, &self.diffs_error)
            && let Err(err) = out.write_all(diff.as_bytes())
        {
            self.diffs_error = Some(err);
        }
        self.write_errors.extend(report.write_error);
    }
}

impl Sink for Outputs<'_> {
    fn start(&mut self, files_checked: usize) {
        self.tally.files_checked = files_checked;
        for writer in [&mut self.report, &mut self.sarif].into_iter().flatten() {
            writer.start(files_checked);
        }
    }

    fn file(&mut self, report: check::FileReport) {
        self.take(report, None);
    }

    fn site_step(&mut self, report: check::FileReport, reported: bool) {
        self.take(report, Some(reported));
    }

    fn finish(&mut self, elapsed: Duration) {
        self.elapsed = elapsed;
    }
}

/// `prepress baseline`: checks `args.paths` and writes every finding to the
/// baseline file.
fn write_baseline(args: &BaselineArgs, cwd: &Path) -> io::Result<ExitCode> {
    let color = use_color(Color::Auto);
    let options = api::Options {
        cwd: cwd.to_path_buf(),
        threads: args.threads,
        site: args.site.clone(),
        configs: args.config.clone(),
        fixes: Fixes::REPORT,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let outcome = Checker::new(options).and_then(|mut checker| {
        let outcome = checker.check_paths(&paths, None, None)?;
        Ok((outcome, checker.baseline_file()))
    });
    let (outcome, configured) = match outcome {
        Ok(found) => found,
        Err(err) => {
            report_schema_error(err, cwd, color);
            return Ok(ExitCode::from(2));
        }
    };
    let file = absolute(
        cwd,
        &args
            .output
            .clone()
            .or(configured)
            .unwrap_or_else(|| PathBuf::from(baseline::DEFAULT_FILE)),
    );
    let baseline = Baseline::of(&outcome, &file, cwd, &baseline::file_text);
    let shown = check::display_path(&file, cwd);
    if let Err(err) = std::fs::write(&file, baseline.to_json()) {
        eprintln!("prepress: could not write `{shown}`: {err}");
        return Ok(ExitCode::from(2));
    }
    let files = outcome
        .files
        .iter()
        .filter(|f| !f.findings.is_empty())
        .count();
    println!(
        "wrote {} {} in {files} {} to {shown}",
        baseline.len(),
        if baseline.len() == 1 {
            "finding"
        } else {
            "findings"
        },
        if files == 1 { "file" } else { "files" },
    );
    if outcome.incomplete() {
        eprintln!(
            "prepress: some files could not be read, so the baseline may lack their findings"
        );
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// The setup for a run in the working directory `cwd`, or the exit status
/// after printing what is wrong with the config or a pack.
fn prepare(color: bool, cwd: &Path) -> Result<Setup, ExitCode> {
    let setup = Config::discover(cwd).and_then(Setup::new);
    setup.map_err(|err| {
        report_schema_error(err, cwd, color);
        ExitCode::from(2)
    })
}

/// Prints a config or pack mistake with the file's snippet, on standard error.
fn report_schema_error(err: SchemaError, cwd: &Path, color: bool) {
    let name = check::display_path(&err.path, cwd);
    let report = miette::miette!(
        labels = vec![LabeledSpan::at(err.span.clone(), "here")],
        "{}",
        err.message
    )
    .with_source_code(NamedSource::new(name, err.text));
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = String::new();
    let _ = GraphicalReportHandler::new_themed(theme).render_report(&mut out, report.as_ref());
    eprint!(
        "prepress: cannot start: a mistake in {}\n{out}",
        check::display_path(&err.path, cwd)
    );
}

/// Colour on a terminal, unless `NO_COLOR` is set; `--color` overrides both.
fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

fn list_rules(format: RulesFormat, color: bool, cwd: &Path) -> io::Result<ExitCode> {
    let setup = match prepare(color, cwd) {
        Ok(setup) => setup,
        Err(code) => return Ok(code),
    };
    let mut out = io::stdout().lock();
    match format {
        RulesFormat::Markdown => out.write_all(rules_markdown(&setup.catalog).as_bytes())?,
        RulesFormat::Table => {
            let width = setup.catalog.iter().map(|r| r.id.len()).max().unwrap_or(0);
            writeln!(
                out,
                "{:width$}  {:11}  {:8}  {:17}  summary",
                "rule", "pack", "severity", "fix"
            )?;
            for rule in &setup.catalog {
                let severity = match setup.levels.get(&rule.id) {
                    Level::On(s) => s.as_str(),
                    Level::Off => "off",
                };
                writeln!(
                    out,
                    "{:width$}  {:11}  {:8}  {:17}  {}",
                    rule.id,
                    rule.group,
                    severity,
                    rule.fix.as_str(),
                    rule.summary
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The README's rule table for `catalog`, made from the rules themselves.
pub(crate) fn rules_markdown(catalog: &[RuleInfo]) -> String {
    let mut table =
        String::from("| rule | pack | default | fix | what it reports |\n|---|---|---|---|---|\n");
    for rule in catalog {
        let default = if rule.enabled {
            rule.severity.as_str()
        } else {
            "off"
        };
        table.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            rule.id,
            rule.group,
            default,
            rule.fix.as_str(),
            rule.summary.replace('|', "\\|")
        ));
    }
    table
}

fn explain(id: &str, color: bool, cwd: &Path) -> io::Result<ExitCode> {
    let setup = match prepare(color, cwd) {
        Ok(setup) => setup,
        Err(code) => return Ok(code),
    };
    let Some(rule) = setup.catalog.iter().find(|r| r.id == id) else {
        let known: Vec<&str> = setup.catalog.iter().map(|r| &*r.id).collect();
        eprintln!(
            "prepress: no rule is called `{id}`; the rules are: {}",
            known.join(", ")
        );
        return Ok(ExitCode::from(2));
    };
    let default = if rule.enabled {
        rule.severity.as_str()
    } else {
        "off (enable it in the config)"
    };
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "# {}\n\n{}\n\nPack: {}. Severity: {}. Fix: {}.\n\n{}\n\n## Fix safety\n{}",
        rule.id,
        rule.summary,
        rule.group,
        default,
        rule.fix.as_str(),
        rule.explanation.trim_end(),
        wrap(&rule.fix.safety(), 80)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `text` broken at spaces into lines of at most `width` characters, as the
/// explanations are written (a longer word gets a line of its own).
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line = 0;
    for word in text.split(' ') {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

/// `prepress urls`: finds the site at or above `path` and lists its pages.
fn list_urls(
    path: Option<PathBuf>,
    format: ListFormat,
    configs: &[PathBuf],
    cwd: &Path,
) -> io::Result<ExitCode> {
    let start = absolute(cwd, &path.unwrap_or_else(|| PathBuf::from(".")));
    if !start.is_dir() {
        eprintln!("prepress: {} is not a folder", start.display());
        return Ok(ExitCode::from(2));
    }
    let found = start
        .ancestors()
        .find(|dir| dir.join(jekyll_names::CONFIG_FILE).is_file());
    let root = match found {
        Some(root) => root.to_path_buf(),
        // With `--config`, the folder itself is the site, as for `jekyll build`.
        None if !configs.is_empty() => start.clone(),
        None => {
            eprintln!(
                "prepress: no {} in {} or above it: not a Jekyll site",
                jekyll_names::CONFIG_FILE,
                start.display()
            );
            return Ok(ExitCode::from(2));
        }
    };
    let site = Site::load(&root, configs);
    url_list::write(
        &site,
        jiff::Timestamp::now(),
        &root,
        format,
        &mut io::stdout().lock(),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The starter config `prepress init` writes.
const STARTER_CONFIG: &str = "\
# prepress configuration. Every key is optional; delete what you do not need.
# `prepress rules` lists the rules and packs, `prepress explain ID` explains one.
# Each file is checked with the nearest config above it, whole: a config in a
# subfolder replaces this one there, it is not merged with it.
rules:
  # Rules or whole packs to turn off (the code rules form the pack `jekyll`).
  disable: []
  # Rules that are off by default, to turn on.
  enable: []
  # Severity per rule or pack: off, info, warning or error.
  severity:
    # duplicate-key: error
  # Your own rule packs (format: rules/README.md in prepress's repository).
  packs: []
# Rule settings for some files only. `files` are globs relative to this file's
# folder (`*` stays within a folder, `**` spans any depth); every entry that
# matches a file applies, in order, on top of `rules:` above.
# overrides:
#   - files: [\"_drafts/**\", \"docs/*.md\"]
#     rules:
#       disable: [published-false]
#       severity:
#         repeated-word: info
front-matter:
  # Keys reported when present but empty: `all`, or a list such as
  # [title, author, translator]. Without this, prepress checks the keys where
  # an empty value is a publishing slip.
  # check-empty: all
  # Keys each kind of document must have: posts, drafts, pages, or a
  # collection's name. A value from the site's `defaults` counts.
  # required:
  #   posts: [title, author, description]
# Let `--fix` and `--diff` take unsafe fixes too, as `--unsafe-fixes` does:
# fixes that are right most of the time but that a person should check, such
# as the closest layout name for a misspelt one (`prepress explain ID` says
# which a rule makes).
# unsafe-fixes: true
# The findings to leave out, written by `prepress baseline` (relative to this
# file): a check then reports only the ones added since.
# baseline: .prepress-baseline.json
";

/// The file `prepress init` writes.
const CONFIG_FILE: &str = ".prepress.yml";

fn init(force: bool) -> io::Result<ExitCode> {
    let path = std::path::Path::new(CONFIG_FILE);
    if path.exists() && !force {
        eprintln!("prepress: {CONFIG_FILE} already exists; use --force to replace it");
        return Ok(ExitCode::from(2));
    }
    std::fs::write(path, STARTER_CONFIG)?;
    println!("wrote {CONFIG_FILE}");
    Ok(ExitCode::SUCCESS)
}
