//! A finding of an enabled pack rule: its message filled in, its span and
//! fix mapped from the segment back to the file.

use std::ops::Range;

use super::view::View;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::shared_str::SharedStr;

/// One enabled rule, as findings need it.
#[derive(Debug)]
pub(super) struct Active {
    pub(super) id: SharedStr,
    pub(super) severity: Severity,
    pub(super) message: String,
    pub(super) safe: bool,
}

/// The finding of rule `rule` (an index into `rules`) at `flagged`, a
/// range of the segment in `view`, with `values` for the message's
/// placeholders and a fix, kept only where the file holds the text it
/// was made from.
pub(super) fn finding(
    rules: &[Active],
    rule: usize,
    view: &View,
    flagged: Range<usize>,
    values: &[(&str, &str)],
    fix: Option<(Range<usize>, String)>,
) -> Diagnostic {
    let active = &rules[rule];
    let message = fill(&active.message, values);
    let span = view.segment.source_span(flagged);
    let fix = fix.and_then(|(range, replacement)| {
        let source = view.segment.source_span(range.clone());
        // A fix is only kept when the file holds exactly the text it was made
        // from: across markup (`*the* our`) it would delete what it never saw.
        (view.text().get(range) == view.document.get(source.clone())).then_some(Fix {
            span: source,
            replacement,
            applicability: Applicability::from_safe(active.safe),
        })
    });
    let help = fix.as_ref().map(|f| {
        if f.replacement.is_empty() {
            "delete it".to_string()
        } else {
            format!("write `{}`", f.replacement.trim())
        }
    });
    Diagnostic {
        rule: active.id.clone(),
        severity: active.severity,
        message,
        span,
        labels: Vec::new(),
        help,
        fix,
    }
}

/// Fills `{name}` placeholders; whitespace in a value (a phrase broken across
/// lines) is shown as one space, so a message stays on one line.
pub(super) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((close, value))
        });
        let Some((close, value)) = known else {
            out.push('{');
            rest = after;
            continue;
        };
        for (i, word) in value.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once_each() {
        // A value is never read for placeholders of its own; unknown names
        // and a lone brace stay as written.
        let values = [("match", "a {replacement}\n  b"), ("replacement", "x")];
        assert_eq!(
            fill("`{match}` to `{replacement}` {other} {", &values),
            "`a {replacement} b` to `x` {other} {"
        );
    }
}
