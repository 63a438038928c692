//! The report step: findings in the form a person or a machine reads.
//!
//! Each format is its own module. `human` renders each file's findings while its
//! text is still loaded (it shows snippets); `compact` and `json` work from the
//! located findings alone. A [`Writer`] writes each file's findings as the run
//! hands them over (files in path order, findings in span order, the site
//! step's findings last) and keeps only counts for the summary; the JSON and
//! SARIF documents are written a finding at a time (`elements`).

pub(crate) mod compact;
mod elements;
mod excerpt;
pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod sarif;
pub(crate) mod statistics;
pub(crate) mod summary;

use std::io::{self, Write};
use std::time::Duration;

use self::elements::Elements;
use self::statistics::Statistics;
use crate::baseline::Applied;
use crate::changes::Changes;
use crate::check::{FileReport, Outcome, Sink, Tally};
use crate::rule::RuleInfo;

/// The output formats of `prepress check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Snippets with the span underlined, then a summary line.
    Human,
    /// One line per finding: `path:line:column: severity[rule] message`.
    Compact,
    /// One JSON document (schema in the README).
    Json,
    /// GitHub Actions workflow commands, which become annotations.
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

/// What a run asks of the report beyond its format.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Drop the human summary line.
    pub quiet: bool,
    /// The lines a change touched: GitHub annotations go only there.
    pub(crate) changed: Option<&'a Changes>,
    /// What a baseline left out, when the run read one.
    pub baseline: Option<Applied>,
    /// A count per rule instead of each finding (`--statistics`): the human
    /// and compact formats print a table, JSON a document of its own.
    pub statistics: bool,
}

/// Writes `outcome` in `format` to `out`; `catalog` describes the rules (for
/// SARIF).
pub(crate) fn write(
    format: Format,
    outcome: &Outcome,
    catalog: &[RuleInfo],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = Writer::new(format, catalog, *options, out);
    writer.start(outcome.files_checked);
    for file in &outcome.files {
        writer.add(file);
    }
    writer.end(outcome.elapsed, options.baseline);
    writer.done()
}

/// What a format keeps between reports.
enum Body<'a> {
    /// Each report's rendered text, or its compact lines.
    Lines,
    /// The JSON or SARIF array of findings, written so far.
    Elements(Elements),
    /// The first annotations of each kind.
    Github(Box<github::Annotations<'a>>),
    /// The count per rule.
    Statistics(Statistics),
}

/// Writes a run's reports in one format as they come, keeping only what the
/// end needs: the counts of a [`Tally`], and for some formats a little more
/// (the first GitHub annotations, the count per rule). As a [`Sink`] it
/// takes reports straight from a check.
pub struct Writer<'a> {
    format: Format,
    catalog: &'a [RuleInfo],
    options: Options<'a>,
    out: &'a mut dyn Write,
    tally: Tally,
    body: Body<'a>,
    /// The first error met writing: nothing more is written after it.
    error: Option<io::Error>,
}

impl<'a> Writer<'a> {
    /// A writer of `format` to `out`; `catalog` describes the rules (for
    /// SARIF).
    pub fn new(
        format: Format,
        catalog: &'a [RuleInfo],
        options: Options<'a>,
        out: &'a mut dyn Write,
    ) -> Self {
        let body = match format {
            Format::Human | Format::Compact | Format::Json if options.statistics => {
                Body::Statistics(Statistics::default())
            }
            Format::Github => Body::Github(Box::new(github::Annotations::new(options.changed))),
            Format::Human | Format::Compact | Format::Json | Format::Sarif => Body::Lines,
        };
        Self {
            format,
            catalog,
            options,
            out,
            tally: Tally::default(),
            body,
            error: None,
        }
    }

    /// The counts of the reports written so far.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// Writes the head of the report, for a run of `files_checked` files.
    pub fn start(&mut self, files_checked: usize) {
        self.tally.files_checked = files_checked;
        let (format, catalog) = (self.format, self.catalog);
        if matches!(self.body, Body::Lines) {
            let started = match format {
                Format::Json => json::start(files_checked, self.out).map(Some),
                Format::Sarif => sarif::start(catalog, self.out).map(Some),
                Format::Human | Format::Compact | Format::Github => Ok(None),
            };
            match started {
                Ok(Some(elements)) => self.body = Body::Elements(elements),
                Ok(None) => {}
                Err(err) => self.error = Some(err),
            }
        }
    }

    /// Writes the findings of a report a [`Sink`] takes with `file`.
    pub fn add(&mut self, report: &FileReport) {
        self.tally.add(report);
        self.write_findings(report);
    }

    /// Writes the findings of a report a [`Sink`] takes with `site_step`.
    pub fn add_site_step(&mut self, report: &FileReport, reported: bool) {
        self.tally.add_site_step(report, reported);
        self.write_findings(report);
    }

    fn write_findings(&mut self, report: &FileReport) {
        if self.error.is_some() {
            return;
        }
        let (format, catalog) = (self.format, self.catalog);
        let out = &mut *self.out;
        let written = match &mut self.body {
            Body::Statistics(statistics) => {
                statistics.add(report);
                Ok(())
            }
            Body::Github(annotations) => {
                annotations.add(report);
                Ok(())
            }
            Body::Lines if format == Format::Human => out.write_all(report.rendered.as_bytes()),
            Body::Lines => compact::write(report, out),
            Body::Elements(elements) => report.findings.iter().try_for_each(|finding| {
                if format == Format::Sarif {
                    sarif::push(elements, &report.display, finding, catalog, out)
                } else {
                    json::push(elements, &report.display, finding, out)
                }
            }),
        };
        if let Err(err) = written {
            self.error = Some(err);
        }
    }

    /// Writes the end of the report: a run `elapsed` long, from which a
    /// baseline left out what `baseline` says, if it read one.
    pub fn end(&mut self, elapsed: Duration, baseline: Option<Applied>) {
        if self.error.is_some() {
            return;
        }
        let body = std::mem::replace(&mut self.body, Body::Lines);
        if let Err(err) = self.write_end(body, elapsed, baseline) {
            self.error = Some(err);
        }
    }

    fn write_end(
        &mut self,
        body: Body,
        elapsed: Duration,
        baseline: Option<Applied>,
    ) -> io::Result<()> {
        let out = &mut *self.out;
        let tally = &self.tally;
        match body {
            Body::Statistics(statistics) if self.format == Format::Json => {
                statistics.write_json(tally.files_checked, out)
            }
            Body::Statistics(statistics) => {
                statistics.write_text(out)?;
                if !self.options.quiet {
                    writeln!(out, "{}", human::summary(tally, elapsed))?;
                    if let Some(applied) = baseline {
                        writeln!(out, "{}", human::baselined(applied))?;
                    }
                }
                Ok(())
            }
            Body::Github(annotations) => annotations.write(out),
            Body::Elements(elements) if self.format == Format::Sarif => {
                sarif::end(elements, self.catalog, out)
            }
            Body::Elements(elements) => json::end(elements, tally.files_checked, baseline, out),
            Body::Lines if self.format == Format::Human && !self.options.quiet => {
                writeln!(out, "{}", human::summary(tally, elapsed))?;
                if let Some(applied) = baseline {
                    writeln!(out, "{}", human::baselined(applied))?;
                }
                if let Some(fixable) = human::fixable(tally) {
                    writeln!(out, "{fixable}")?;
                }
                Ok(())
            }
            Body::Lines => Ok(()),
        }
    }

    /// The first error met writing, if any.
    pub fn done(self) -> io::Result<()> {
        self.error.map_or(Ok(()), Err)
    }
}

/// Writes each report as it comes; the report's options say what a
/// baseline left out.
impl Sink for Writer<'_> {
    fn start(&mut self, files_checked: usize) {
        Writer::start(self, files_checked);
    }

    fn file(&mut self, report: FileReport) {
        self.add(&report);
    }

    fn site_step(&mut self, report: FileReport, reported: bool) {
        self.add_site_step(&report, reported);
    }

    fn finish(&mut self, elapsed: Duration) {
        self.end(elapsed, self.options.baseline);
    }
}
