//! The command line: parse arguments, run a command, choose the exit status.
//!
//! `prepress [PATHS]` is short for `prepress check [PATHS]`. Exit status: 0 when
//! nothing at error severity was found and warnings are within `--max-warnings`,
//! 1 when something was, 2 for a usage problem or when a path could not be read
//! (the check is then incomplete).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};

use crate::check;
use crate::config::{Config, ConfigError};
use crate::diagnostic::Severity;
use crate::report::{self, Format, human::Human};
use crate::rules::{self, RULES};

/// Checks Jekyll posts before they publish: front matter, file names, prose.
#[derive(Debug, Parser)]
#[command(
    name = "prepress",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
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
    let result = match cli.command {
        Some(Command::Check(args)) => check(&args),
        None => check(&cli.check),
        Some(Command::Rules { format }) => list_rules(format),
        Some(Command::Explain { id }) => explain(&id),
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

fn check(args: &CheckArgs) -> io::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let color = use_color(args.color);
    let cwd = std::env::current_dir()?;
    let config = match Config::discover(&cwd) {
        Ok(config) => config,
        Err(err) => {
            report_config_error(err, &cwd, color);
            return Ok(ExitCode::from(2));
        }
    };
    let human = (args.format == Format::Human).then(|| Human::new(color));
    let outcome = check::run(
        &paths,
        &config,
        args.threads,
        human.as_ref().map(|h| h as &dyn check::RenderFile),
    );
    let mut out = io::stdout().lock();
    report::write(args.format, &outcome, args.quiet, &mut out)?;
    out.flush()?;
    let errors = outcome.count(Severity::Error);
    let warnings = outcome.count(Severity::Warning);
    let code = if outcome.incomplete() {
        2
    } else if errors > 0 || args.max_warnings.is_some_and(|max| warnings > max) {
        1
    } else {
        0
    };
    Ok(ExitCode::from(code))
}

/// Prints a config mistake with the config file's snippet, on standard error.
fn report_config_error(err: ConfigError, cwd: &Path, color: bool) {
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
    eprint!("prepress: invalid configuration\n{out}");
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

fn list_rules(format: RulesFormat) -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    match format {
        RulesFormat::Markdown => out.write_all(rules_markdown().as_bytes())?,
        RulesFormat::Table => {
            let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
            writeln!(
                out,
                "{:width$}  {:8}  {:9}  summary",
                "rule", "severity", "fix"
            )?;
            for rule in RULES {
                writeln!(
                    out,
                    "{:width$}  {:8}  {:9}  {}",
                    rule.id,
                    rule.severity.as_str(),
                    rule.fix.as_str(),
                    rule.summary
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The README's rule table, made from the rules themselves.
pub fn rules_markdown() -> String {
    let mut table =
        String::from("| rule | severity | fix | what it reports |\n|---|---|---|---|\n");
    for rule in RULES {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.id,
            rule.severity.as_str(),
            rule.fix.as_str(),
            rule.summary.replace('|', "\\|")
        ));
    }
    table
}

fn explain(id: &str) -> io::Result<ExitCode> {
    let Some(rule) = rules::find(id) else {
        let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        eprintln!(
            "prepress: no rule is called `{id}`; the rules are: {}",
            known.join(", ")
        );
        return Ok(ExitCode::from(2));
    };
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "# {}\n\n{}\n\nSeverity: {}. Fix: {}.\n\n{}",
        rule.id,
        rule.summary,
        rule.severity,
        rule.fix.as_str(),
        rule.explanation
    )?;
    Ok(ExitCode::SUCCESS)
}
