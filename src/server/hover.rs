//! Hover on a finding: the explanation of its rule, as `prepress explain`
//! prints it.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use crate::api::{Finding, RuleInfo};

use super::position::Lines;

/// The hover at byte `at`: each rule with a finding there, its summary and
/// explanation; `None` where no finding is.
pub(crate) fn at(
    findings: &[Finding],
    rules: &[RuleInfo],
    lines: &Lines,
    at: usize,
) -> Option<Hover> {
    let here: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.diagnostic.span.start <= at && at <= f.diagnostic.span.end)
        .collect();
    let first = here.first()?;
    let mut ids: Vec<&str> = here.iter().map(|f| &*f.diagnostic.rule).collect();
    ids.dedup();
    let sections: Vec<String> = ids
        .iter()
        .filter_map(|id| rules.iter().find(|r| &*r.id == *id))
        .map(|rule| {
            format!(
                "### prepress: `{}`\n\n{}\n\n{}\n\nFix: {}.",
                rule.id,
                rule.summary,
                rule.explanation.trim_end(),
                rule.fix.as_str()
            )
        })
        .collect();
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(lines.range(&first.diagnostic.span)),
    })
}
