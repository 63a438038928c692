//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other tools.
//!
//! One run whose driver lists every rule (id, summary, explanation as help,
//! default level, pack), and one result per finding with its region in lines
//! and columns (`columnKind: unicodeCodePoints`, ends exclusive, as prepress
//! counts them), its labels as related locations, and its fix as a SARIF fix
//! whose replacement is a byte range of the file, with its applicability
//! (`safe` or `unsafe`) in the fix's properties.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::elements::Elements;
use crate::check::Finding;
use crate::diagnostic::{Applicability, Severity};
use crate::line_index::Position;
use crate::rule::RuleInfo;

/// The schema the output follows.
pub(crate) const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Writes the head of the log, up to the opening of its results.
pub(crate) fn start(catalog: &[RuleInfo], out: &mut dyn Write) -> io::Result<Elements> {
    Elements::start(&log(catalog), "results", out)
}

/// Writes the result of one finding of the file shown as `path`.
pub(crate) fn push(
    results: &mut Elements,
    path: &str,
    finding: &Finding,
    catalog: &[RuleInfo],
    out: &mut dyn Write,
) -> io::Result<()> {
    results.push(&result(path, finding, catalog), out)
}

/// Closes the results and writes the rest of the log.
pub(crate) fn end(results: Elements, catalog: &[RuleInfo], out: &mut dyn Write) -> io::Result<()> {
    results.end(&log(catalog), out)
}

/// The log with no results: they go in one at a time.
fn log(catalog: &[RuleInfo]) -> Value {
    let rules: Vec<Value> = catalog.iter().map(rule).collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "prepress",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": [],
        }]
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(info: &RuleInfo) -> Value {
    json!({
        "id": info.id,
        "shortDescription": { "text": info.summary },
        "fullDescription": { "text": info.summary },
        "help": { "text": info.explanation, "markdown": info.explanation },
        "defaultConfiguration": {
            "enabled": info.enabled,
            "level": level(info.severity),
        },
        "properties": { "pack": info.group },
    })
}

fn region(start: Position, end: Position) -> Value {
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

fn location(path: &str, start: Position, end: Position, message: Option<&str>) -> Value {
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(path) },
            "region": region(start, end),
        }
    });
    if let Some(message) = message {
        location["message"] = json!({ "text": message });
    }
    location
}

fn result(path: &str, finding: &Finding, catalog: &[RuleInfo]) -> Value {
    let d = &finding.diagnostic;
    let text = match &d.help {
        Some(help) => format!("{} ({help})", d.message),
        None => d.message.clone(),
    };
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [location(path, finding.start, finding.end, None)],
    });
    if let Some(index) = catalog.iter().position(|r| r.id == d.rule) {
        result["ruleIndex"] = json!(index);
    }
    if !d.labels.is_empty() {
        let related: Vec<Value> = d
            .labels
            .iter()
            .zip(&finding.labels)
            .enumerate()
            .map(|(id, (label, place))| {
                let file = place.path.as_deref().unwrap_or(path);
                let mut related = location(file, place.start, place.end, Some(&label.message));
                related["id"] = json!(id);
                related
            })
            .collect();
        result["relatedLocations"] = json!(related);
    }
    if let Some(fix) = &d.fix {
        result["fixes"] = json!([{
            "description": { "text": d.help.clone().unwrap_or_else(|| format!("write `{}`", fix.replacement)) },
            "properties": { "applicability": fix.applicability },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri(path) },
                "replacements": [{
                    "deletedRegion": { "byteOffset": fix.span.start, "byteLength": fix.span.end - fix.span.start },
                    "insertedContent": { "text": fix.replacement },
                }],
            }],
        }]);
        // The first form, kept for readers of it.
        result["properties"] = json!({ "fixSafe": fix.applicability == Applicability::Safe });
    }
    result
}

/// A path as a relative URI reference: `/` separators, reserved characters escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.replace('\\', "/").chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' | '/' => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri("_posts/2024-01-01-a b#c.md"),
            "_posts/2024-01-01-a%20b%23c.md"
        );
        assert_eq!(uri("café.md"), "caf%C3%A9.md");
    }
}
