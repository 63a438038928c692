//! prepress's findings as LSP diagnostics: the rule id as the code, a link
//! to the rules' explanations, the severity, and the finding's other labels
//! as related places (in the post, or in the `_config.yml` whose default
//! set a value).

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Uri,
};

use crate::api::{Finding, SchemaError, Severity};

use super::position::{Encoding, Lines};
use super::uri;

/// What the editor shows as each diagnostic's source.
pub(crate) const SOURCE: &str = "prepress";

/// Where the rules are explained: the README's rule table, each row naming
/// the rule, and `prepress explain ID` beside it. Hover shows the whole
/// explanation in the editor.
pub(crate) const RULES_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "#rules");

/// `finding` of the document `uri` (whose lines are `lines`) as the editor
/// shows it.
pub(crate) fn from_finding(
    finding: &Finding,
    uri: &Uri,
    lines: &Lines,
    encoding: Encoding,
) -> Diagnostic {
    let found = &finding.diagnostic;
    let mut message = found.message.clone();
    if let Some(help) = &found.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related = found
        .labels
        .iter()
        .filter_map(|label| {
            let location = match &label.elsewhere {
                None => Location::new(uri.clone(), lines.range(&label.span)),
                Some(place) => {
                    let text = std::fs::read_to_string(&place.path).unwrap_or_default();
                    let other = Lines::new(&text, encoding);
                    let range = Range::new(
                        other.at_line_column(place.start.line, place.start.column),
                        other.at_line_column(place.end.line, place.end.column),
                    );
                    Location::new(uri::from_path(&place.path)?, range)
                }
            };
            Some(DiagnosticRelatedInformation {
                location,
                message: label.message.clone(),
            })
        })
        .collect::<Vec<_>>();
    Diagnostic {
        range: lines.range(&found.span),
        severity: Some(severity(found.severity)),
        code: Some(NumberOrString::String(found.rule.to_string())),
        code_description: RULES_URL.parse().ok().map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// A mistake in a config or pack file, at its place in that file.
pub(crate) fn from_config_error(error: &SchemaError, encoding: Encoding) -> Diagnostic {
    let lines = Lines::new(&error.text, encoding);
    problem(lines.range(&error.span), error.message.clone())
}

/// One error at `range` that is no rule's finding (a config that cannot be
/// read, a check that failed).
pub(crate) fn problem(range: Range, message: String) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_string()),
        message,
        ..Diagnostic::default()
    }
}

/// The start of a document, where a problem with the whole file is shown.
pub(crate) fn start() -> Range {
    Range::new(Position::new(0, 0), Position::new(0, 0))
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
