//! `--format human`: miette's graphical report, with the span underlined.
//!
//! Each finding becomes a miette diagnostic over an excerpt of the file (see
//! `excerpt`): the lines its snippet shows, long ones cut to windows around the
//! spans, with the real line numbers and the `path:line:column` header of the
//! compact and JSON formats. Findings about a file as a whole (its name, or a
//! file that cannot be read) show no snippet.
//! A finding whose fix `--fix` applies has `[*]` after its rule id, one whose
//! unsafe fix it leaves alone `[unsafe fix]`, as ruff marks them.

use std::fmt;
use std::time::Duration;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode,
};

use super::excerpt::{Excerpt, Mark};
use crate::baseline::Applied;
use crate::check::{Finding, RenderFile, Source, Tally};
use crate::diagnostic::Severity;
use crate::line_index::LineIndex;

/// Renders findings as miette reports.
pub struct Human {
    handler: GraphicalReportHandler,
}

impl Human {
    /// A renderer with or without ANSI colours.
    pub fn new(color: bool) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Self {
            handler: GraphicalReportHandler::new_themed(theme).with_context_lines(1),
        }
    }
}

impl RenderFile for Human {
    fn render(&self, source: Source<'_>, findings: &[Finding]) -> String {
        let index = source.text.map(LineIndex::new);
        let mut out = String::new();
        for finding in findings {
            let shown = Shown::new(source, index.as_ref(), finding);
            // Writing to a String cannot fail.
            let _ = self.handler.render_report(&mut out, &shown);
            out.push('\n');
        }
        out
    }
}

/// The summary line: `N errors, M warnings in K files (F files checked in T ms)`.
pub(crate) fn summary(tally: &Tally, elapsed: Duration) -> String {
    let infos = if tally.infos > 0 {
        format!(", {}", plural(tally.infos, Severity::Info))
    } else {
        String::new()
    };
    let with_findings = tally.files_with_findings;
    let (fixed, fixed_files) = (tally.fixed, tally.fixed_files);
    let fixes = if fixed > 0 {
        format!(
            "; fixed {fixed} {} in {fixed_files} {}",
            if fixed == 1 { "finding" } else { "findings" },
            if fixed_files == 1 { "file" } else { "files" }
        )
    } else {
        String::new()
    };
    format!(
        "{}, {}{infos} in {with_findings} {} ({} {} checked in {} ms{fixes})",
        plural(tally.errors, Severity::Error),
        plural(tally.warnings, Severity::Warning),
        if with_findings == 1 { "file" } else { "files" },
        tally.files_checked,
        if tally.files_checked == 1 {
            "file"
        } else {
            "files"
        },
        elapsed.as_millis(),
    )
}

/// The line under the summary, when some finding carries a fix: how many
/// `--fix` fixes, and how many more `--unsafe-fixes` would let it fix.
pub(crate) fn fixable(tally: &Tally) -> Option<String> {
    let (taken, unsafe_left) = (tally.fixable, tally.unsafe_fixable);
    let more = match unsafe_left {
        0 => String::new(),
        1 => " (1 unsafe fix can be enabled with the `--unsafe-fixes` option)".to_string(),
        n => format!(" ({n} unsafe fixes can be enabled with the `--unsafe-fixes` option)"),
    };
    match (taken, unsafe_left) {
        (0, 0) => None,
        (0, _) => Some(format!("No fixes available{more}.")),
        (n, _) => Some(format!("[*] {n} fixable with the `--fix` option{more}.")),
    }
}

/// The line under the summary when a baseline was read: how many findings
/// it left out, and how many of its findings are gone.
pub(crate) fn baselined(applied: Applied) -> String {
    let hidden = match applied.hidden {
        1 => "1 finding".to_string(),
        n => format!("{n} findings"),
    };
    let gone = match applied.gone {
        0 => String::new(),
        1 => "; 1 baselined finding is gone (fixed, or its file moved): `prepress baseline` writes the baseline again without it".to_string(),
        n => format!("; {n} baselined findings are gone (fixed, or their file moved): `prepress baseline` writes the baseline again without them"),
    };
    format!("{hidden} hidden by the baseline{gone}.")
}

/// "1 error" or "2 errors".
fn plural(count: usize, severity: Severity) -> String {
    let word = severity.as_str();
    if count == 1 {
        format!("{count} {word}")
    } else {
        format!("{count} {word}s")
    }
}

/// One finding as a miette diagnostic.
struct Shown<'a> {
    finding: &'a Finding,
    message: String,
    /// The lines the snippet shows; its spans are the finding's span, then its
    /// labels in this file, in order.
    source: Option<Excerpt<'a>>,
    /// `[*]` or `[unsafe fix]`, for a finding with a fix.
    mark: Option<&'static str>,
}

impl<'a> Shown<'a> {
    fn new(source: Source<'a>, index: Option<&LineIndex>, finding: &'a Finding) -> Self {
        let d = &finding.diagnostic;
        let whole_file = d.span == (0..0) && d.labels.iter().all(|l| l.elsewhere.is_some());
        let excerpt = source
            .text
            .zip(index)
            .filter(|_| !whole_file)
            .map(|(text, index)| {
                let mark = |offset, at| Mark { offset, at };
                let primary = (
                    mark(d.span.start, finding.start),
                    mark(d.span.end, finding.end),
                );
                let labels = d
                    .labels
                    .iter()
                    .zip(&finding.labels)
                    .filter(|(label, _)| label.elsewhere.is_none())
                    .map(|(label, place)| {
                        (
                            mark(label.span.start, place.start),
                            mark(label.span.end, place.end),
                        )
                    });
                let spans: Vec<(Mark, Mark)> = std::iter::once(primary).chain(labels).collect();
                Excerpt::new(source.name, text, index, &spans)
            });
        let message = if excerpt.is_none() && !d.message.contains(source.name) {
            format!("{}: {}", source.name, d.message)
        } else {
            d.message.clone()
        };
        let mark = d.fix.as_ref().map(|fix| {
            if fix.applicability.taken(source.unsafe_fixes) {
                "[*]"
            } else {
                "[unsafe fix]"
            }
        });
        Self {
            finding,
            message,
            source: excerpt,
            mark,
        }
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl MietteDiagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let rule = &self.finding.diagnostic.rule;
        Some(match self.mark {
            Some(mark) => Box::new(format!("{rule} {mark}")),
            None => Box::new(rule),
        })
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        // Labels in other files cannot be drawn in this file's snippet: they
        // are named after the help instead.
        let elsewhere: Vec<String> = self
            .finding
            .labels
            .iter()
            .zip(&self.finding.diagnostic.labels)
            .filter_map(|(place, label)| {
                let path = place.path.as_deref()?;
                Some(format!(
                    "{}: {path}:{}:{}",
                    label.message, place.start.line, place.start.column
                ))
            })
            .collect();
        let help = self.finding.diagnostic.help.as_deref();
        match (help, elsewhere.is_empty()) {
            (None, true) => None,
            (Some(help), true) => Some(Box::new(help)),
            (help, false) => {
                let notes = elsewhere.join("; ");
                Some(Box::new(
                    help.map_or(notes.clone(), |h| format!("{h} ({notes})")),
                ))
            }
        }
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|v| v as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let spans = self.source.as_ref()?.spans();
        let (primary, others) = spans.split_first()?;
        let primary = LabeledSpan::new_primary_with_span(None, *primary);
        let messages = self
            .finding
            .diagnostic
            .labels
            .iter()
            .filter(|l| l.elsewhere.is_none())
            .map(|l| l.message.clone());
        let others = messages
            .zip(others)
            .map(|(message, span)| LabeledSpan::new_with_span(Some(message), *span));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use proptest::prelude::*;

    use super::*;
    use crate::check::LabelPlace;
    use crate::diagnostic::{Diagnostic, Label};

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn the_human_report_shows_any_span_at_its_position(
            text in "\u{feff}?(\\PC|\r|\n|\r\n|\t|é|e\u{301}|🙂|\u{200d}|a{150}){0,60}",
            picks in prop::collection::vec(any::<(prop::sample::Index, prop::sample::Index)>(), 1..4),
        ) {
            let lines = LineIndex::new(&text);
            let spans: Vec<Range<usize>> = picks
                .iter()
                .map(|(a, b)| a.index(text.len() + 1)..b.index(text.len() + 1))
                .collect();
            let diagnostic = Diagnostic {
                rule: "any".into(),
                severity: Severity::Warning,
                message: "flagged".to_string(),
                span: spans[0].clone(),
                labels: spans[1..]
                    .iter()
                    .map(|span| Label { span: span.clone(), message: "here".to_string(), elsewhere: None })
                    .collect(),
                help: None,
                fix: None,
            };
            let finding = Finding {
                start: lines.position(&text, spans[0].start),
                end: lines.position(&text, spans[0].end),
                labels: spans[1..]
                    .iter()
                    .map(|span| LabelPlace {
                        start: lines.position(&text, span.start),
                        end: lines.position(&text, span.end),
                        path: None,
                    })
                    .collect(),
                diagnostic,
            };
            let out = Human::new(false).render(Source { name: "post.md", text: Some(&text), unsafe_fixes: false }, std::slice::from_ref(&finding));
            // An empty span at the start with no label is about the whole file,
            // which shows no snippet.
            let whole_file = spans[0] == (0..0) && spans.len() == 1;
            let header = format!("[post.md:{}:{}]", finding.start.line, finding.start.column);
            prop_assert!(whole_file || out.contains(&header), "no {} for {:?} in\n{}", header, spans, out);
            prop_assert!(!out.contains("Failed to read"), "{}", out);
            let longest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            prop_assert!(longest < 800, "a line of {} characters:\n{}", longest, out);
        }
    }
}
