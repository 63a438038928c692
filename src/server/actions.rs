//! Code actions on findings: each fix as a quick fix (its applicability in
//! the title), every safe fix of the file at once, a suppression comment
//! for the finding's line, and adding a misspelt word to the site's
//! accepted words.

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{CodeAction, CodeActionKind, Command, TextEdit, Uri, WorkspaceEdit};

use crate::api::{Applicability, Finding, Fix, Span};
use crate::front_matter::split::{Split, split};

use super::position::Lines;

/// The command that adds a word to an accepted-words file; its arguments
/// are the file's path and the word.
pub(crate) const ACCEPT_WORD: &str = "prepress.acceptWord";

/// The rule whose findings a site may silence by accepting the word.
const MISSPELLING: &str = "misspelling";

/// The kind of the action that takes every safe fix of a file.
pub(crate) fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.prepress")
}

/// One open document, as the actions read it.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    /// Its URI.
    pub(crate) uri: &'a Uri,
    /// The text its findings were found in.
    pub(crate) text: &'a str,
    /// Its lines.
    pub(crate) lines: &'a Lines<'a>,
    /// Its findings, in span order.
    pub(crate) findings: &'a [Finding],
}

/// The actions for the bytes `span` of `doc`: the quick fixes of every
/// finding that touches it, then fixing the whole file. `accept_file` is
/// where an accepted word goes.
pub(crate) fn for_span(doc: &Document, span: &Span, accept_file: &Path) -> Vec<CodeAction> {
    let mut actions: Vec<CodeAction> = Vec::new();
    let touched = doc
        .findings
        .iter()
        .filter(|f| f.diagnostic.span.start <= span.end && span.start <= f.diagnostic.span.end);
    for finding in touched {
        let found = &finding.diagnostic;
        if let Some(fix) = &found.fix {
            actions.push(CodeAction {
                title: format!(
                    "{} ({} fix of {})",
                    describe(doc.text, fix),
                    fix.applicability,
                    found.rule
                ),
                kind: Some(CodeActionKind::QUICKFIX),
                edit: Some(edit(doc, vec![fix])),
                is_preferred: Some(fix.applicability == Applicability::Safe),
                ..CodeAction::default()
            });
        }
        if &*found.rule == MISSPELLING
            && let Some(word) = doc.text.get(found.span.clone())
        {
            let shown = accept_file.display().to_string();
            actions.push(CodeAction {
                title: format!("Add `{word}` to the accepted words ({shown})"),
                kind: Some(CodeActionKind::QUICKFIX),
                command: Some(Command::new(
                    format!("Add `{word}` to the accepted words"),
                    ACCEPT_WORD.to_string(),
                    Some(vec![shown.into(), word.into()]),
                )),
                ..CodeAction::default()
            });
        }
        if let Some(suppress) = suppression(doc.text, found.span.start, &found.rule) {
            let title = format!("Suppress `{}` on this line", found.rule);
            if !actions.iter().any(|a| a.title == title) {
                actions.push(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    edit: Some(edit(doc, vec![&suppress])),
                    ..CodeAction::default()
                });
            }
        }
    }
    let safe = safe_fixes(doc.findings);
    if !safe.is_empty() {
        actions.push(CodeAction {
            title: format!("Fix all safe fixes in this file ({})", safe.len()),
            kind: Some(fix_all_kind()),
            edit: Some(edit(doc, safe)),
            ..CodeAction::default()
        });
    }
    actions
}

/// The safe fixes of `findings` that `--fix` would apply in one round: in
/// span order, each that overlaps none taken before it.
fn safe_fixes(findings: &[Finding]) -> Vec<&Fix> {
    let mut fixes: Vec<&Fix> = findings
        .iter()
        .filter_map(|f| f.diagnostic.fix.as_ref())
        .filter(|fix| fix.applicability == Applicability::Safe)
        .collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut end = 0;
    fixes.retain(|fix| {
        let free = fix.span.start >= end;
        if free {
            end = fix.span.end;
        }
        free
    });
    fixes
}

/// The edit of `doc` that makes `fixes`.
fn edit(doc: &Document, fixes: Vec<&Fix>) -> WorkspaceEdit {
    let edits = fixes
        .into_iter()
        .map(|fix| TextEdit::new(doc.lines.range(&fix.span), fix.replacement.clone()))
        .collect();
    WorkspaceEdit::new(HashMap::from([(doc.uri.clone(), edits)]))
}

/// What `fix` does, in a few words.
fn describe(text: &str, fix: &Fix) -> String {
    let old = shorten(text.get(fix.span.clone()).unwrap_or_default());
    let new = shorten(&fix.replacement);
    match (old.is_empty(), new.is_empty()) {
        (_, true) => format!("Delete `{old}`"),
        (true, false) => format!("Insert `{new}`"),
        (false, false) => format!("Replace `{old}` with `{new}`"),
    }
}

/// `text` on one line, cut to a title's length.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    let flat = text.replace(['\r', '\n'], "⏎");
    match flat.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat,
    }
}

/// The comment that silences `rule` on the line of byte `at`, as a fix
/// that inserts it (see `suppress.rs` for the forms): in the front matter,
/// `# prepress-disable-line` at the end of the line; in the body,
/// `<!-- prepress-disable-next-line -->` at the end of the line before,
/// or on a line of its own before it where the line before is blank, a
/// code fence or the front matter's end (so no paragraph is split, no
/// fence broken). `None` where no comment can reach (the file's name, the
/// front matter's `---` lines).
fn suppression(text: &str, at: usize, rule: &str) -> Option<Fix> {
    if !text.is_char_boundary(at) {
        return None;
    }
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body_start = match split(text, bom) {
        Split::Absent => bom,
        Split::Unclosed { .. } => return None,
        Split::Closed {
            open,
            close,
            body_start,
            ..
        } => {
            if open.end < at && at < close.start {
                let end = line_end(text, at);
                return Some(insert(end, format!(" # prepress-disable-line {rule}")));
            }
            body_start
        }
    };
    if at < body_start {
        return None;
    }
    let start = text[..at]
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1)
        .max(body_start);
    let comment = format!("<!-- prepress-disable-next-line {rule} -->");
    let before = (start > body_start).then(|| {
        let before = &text[..start];
        let end = before
            .strip_suffix("\r\n")
            .or_else(|| before.strip_suffix(['\n', '\r']))
            .unwrap_or(before)
            .len();
        let from = text[..end].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        (from, end)
    });
    match before {
        Some((from, end)) if !own_line_before(&text[from..end]) => {
            Some(insert(end, format!(" {comment}")))
        }
        _ => {
            let line = &text[start..];
            let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
            let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
            Some(insert(start, format!("{indent}{comment}{newline}")))
        }
    }
}

/// Whether a comment for the next line goes on a line of its own after
/// `line` rather than at its end.
fn own_line_before(line: &str) -> bool {
    let line = line.trim();
    line.is_empty() || line.starts_with("```") || line.starts_with("~~~")
}

/// Where the line holding byte `at` ends, before its line break.
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i)
}

/// A fix that inserts `what` at byte `at`.
fn insert(at: usize, what: String) -> Fix {
    Fix {
        span: at..at,
        replacement: what,
        applicability: Applicability::Safe,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suppressed(text: &str, word: &str) -> String {
        let at = text.find(word).unwrap();
        let fix = suppression(text, at, "some-rule").unwrap();
        let mut out = text.to_string();
        out.replace_range(fix.span, &fix.replacement);
        out
    }

    #[test]
    fn a_front_matter_line_gets_a_yaml_comment_at_its_end() {
        assert_eq!(
            suppressed("---\ntitle: teh\ntags: []\n---\nBody\n", "teh"),
            "---\ntitle: teh # prepress-disable-line some-rule\ntags: []\n---\nBody\n"
        );
    }

    #[test]
    fn a_body_line_after_text_gets_the_comment_at_the_end_of_that_text() {
        assert_eq!(
            suppressed("---\nt: 1\n---\nOne line\nteh two\n", "teh"),
            "---\nt: 1\n---\nOne line <!-- prepress-disable-next-line some-rule -->\nteh two\n"
        );
    }

    #[test]
    fn a_first_line_gets_the_comment_on_a_line_of_its_own_indented_alike() {
        assert_eq!(
            suppressed("---\nt: 1\n---\nteh one\n", "teh"),
            "---\nt: 1\n---\n<!-- prepress-disable-next-line some-rule -->\nteh one\n"
        );
        assert_eq!(
            suppressed("- a\n\n  teh b\r\n", "teh"),
            "- a\n\n  <!-- prepress-disable-next-line some-rule -->\r\n  teh b\r\n"
        );
        assert_eq!(
            suppressed("```\ncode\n```\nteh\n", "teh"),
            "```\ncode\n```\n<!-- prepress-disable-next-line some-rule -->\nteh\n"
        );
    }

    #[test]
    fn the_front_matter_fences_cannot_be_suppressed() {
        assert_eq!(suppression("---\nt: 1\n---\n", 0, "x"), None);
        assert_eq!(suppression("---\nt: 1\n---\n", 9, "x"), None);
        assert_eq!(suppression("---\nt: 1\n", 5, "x"), None);
    }

    #[test]
    fn overlapping_safe_fixes_keep_the_first_and_unsafe_ones_stay_out() {
        let finding = |span: Span, applicability| Finding {
            diagnostic: crate::api::Diagnostic::new(
                "r",
                crate::api::Severity::Warning,
                span.clone(),
                "m",
            )
            .with_fix(span, "x", applicability),
            start: crate::api::Position { line: 1, column: 1 },
            end: crate::api::Position { line: 1, column: 1 },
            labels: Vec::new(),
        };
        let findings = [
            finding(0..4, Applicability::Safe),
            finding(2..6, Applicability::Safe),
            finding(6..8, Applicability::Unsafe),
            finding(9..10, Applicability::Safe),
        ];
        let spans: Vec<Span> = safe_fixes(&findings)
            .iter()
            .map(|f| f.span.clone())
            .collect();
        assert_eq!(spans, [0..4, 9..10]);
    }
}
