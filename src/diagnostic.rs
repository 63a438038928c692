//! What a rule reports: plain data, independent of how it is shown.
//!
//! A `Diagnostic` holds byte spans into its document; line and column numbers are
//! worked out only when it is reported (see `report`), so rules never deal with
//! them. Renderers turn the same data into human, compact and JSON output.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use crate::line_index::Position;

use serde::Serialize;

use crate::shared_str::SharedStr;

/// How serious a finding is. Errors fail the run; warnings fail it only past
/// `--max-warnings`; infos never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Probably a slip; fails a run only past `--max-warnings`.
    Warning,
    /// Breaks the build or the published post; fails the run.
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A byte range into a document's text.
pub type Span = Range<usize>;

/// A secondary span with a note, such as "first defined here".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The bytes the note points at (in the document, unless `elsewhere`).
    pub span: Span,
    /// The note itself.
    pub message: String,
    /// A place in another file, when the note points outside the document
    /// (a value the site config gives it).
    pub elsewhere: Option<Elsewhere>,
}

/// A place in a file other than the checked document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Elsewhere {
    /// The file.
    pub path: PathBuf,
    /// Where the place starts.
    pub start: Position,
    /// Where it ends (exclusive).
    pub end: Position,
}

/// How sure a fix is, graded as ruff grades its fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// It cannot change what the author meant: `--fix` applies it.
    Safe,
    /// It is right most of the time, but a person should look: `--fix` and
    /// `--diff` take it only with `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    /// `Safe` for a rule that says its fixes are safe, else `Unsafe`.
    pub(crate) fn from_safe(safe: bool) -> Self {
        if safe {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        }
    }

    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }

    /// Whether a run takes fixes of this applicability: safe ones always,
    /// unsafe ones only when unsafe fixes are on.
    pub fn taken(self, unsafe_fixes: bool) -> bool {
        self == Applicability::Safe || unsafe_fixes
    }
}

impl fmt::Display for Applicability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A text edit that resolves a finding: replace the bytes of `span` by `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The bytes to replace.
    pub span: Span,
    /// What to put in their place.
    pub replacement: String,
    /// Whether `--fix` applies it on its own, or only with `--unsafe-fixes`.
    pub applicability: Applicability,
}

/// One finding of one rule in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The id of the rule that found it.
    pub rule: SharedStr,
    /// The severity it is reported at.
    pub severity: Severity,
    /// One sentence a writer understands.
    pub message: String,
    /// The exact bytes at fault.
    pub span: Span,
    /// Other places that explain the finding.
    pub labels: Vec<Label>,
    /// What to do about it, when that is not obvious from the message.
    pub help: Option<String>,
    /// An edit that resolves it, where one is unambiguous.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding of the rule with id `rule` at `span`, at `severity` (the
    /// rule's default, which the config may change later).
    pub(crate) fn new(
        rule: impl Into<SharedStr>,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule: rule.into(),
            severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// Adds a labelled secondary span.
    pub(crate) fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
            elsewhere: None,
        });
        self
    }

    /// Adds a label pointing at a place in another file.
    pub(crate) fn with_label_elsewhere(
        mut self,
        place: Elsewhere,
        message: impl Into<String>,
    ) -> Self {
        self.labels.push(Label {
            span: 0..0,
            message: message.into(),
            elsewhere: Some(place),
        });
        self
    }

    /// Sets a severity other than the rule's default (an info note where the
    /// theme or a plugin may provide what is missing).
    pub(crate) fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Sets the help text.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the fix.
    pub(crate) fn with_fix(
        mut self,
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
            applicability,
        });
        self
    }
}
