//! `duplicate-key`: a key set twice in one mapping, where only the last counts.

use rustc_hash::FxHashMap as HashMap;

use super::context::Context;
use super::values::visit_mappings;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::rule::FixAvailability;
use crate::rule::Rule;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "duplicate-key",
    severity: Severity::Warning,
    summary: "A front matter key is set more than once; Jekyll silently keeps the last",
    explanation: "\
## What it does
Reports a key that appears more than once in the same front matter mapping (at
the top level or nested). The finding points at each value Jekyll ignores and
labels the one it keeps.

## Why is this bad?
Jekyll accepts duplicate keys and keeps the last value without a warning. It
happens when a translated or copied post keeps the original `title:` line above
the new one: the value you read first is not the one readers see.

## How to fix
Delete the lines Jekyll ignores, or merge them into the one it keeps.

## Example
```yaml
title: Original title     # reported: Jekyll ignores this
title: Translated title   # the value Jekyll keeps
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(entries) = doc.front_matter.entries() else {
        return;
    };
    visit_mappings(entries, &mut |mapping| {
        let mut last: HashMap<&str, usize> = HashMap::default();
        for (at, entry) in mapping.iter().enumerate() {
            if let Some(key) = entry.key.key_text() {
                last.insert(key, at);
            }
        }
        for entry in mapping {
            let Some(key) = entry.key.key_text() else {
                continue;
            };
            let winner = &mapping[last[key]];
            if std::ptr::eq(winner, entry) {
                continue;
            }
            let line = doc.position(winner.key.span.start).line;
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    entry.key.span.clone(),
                    format!("`{key}` is set again on line {line}, so Jekyll ignores this value"),
                )
                .with_label(winner.key.span.clone(), "Jekyll keeps this one")
                .with_help("delete the line Jekyll ignores, or merge the two"),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, run};

    const POST: &str = "_posts/2024-01-01-a.md";

    #[test]
    fn points_at_each_ignored_key_and_labels_the_winner() {
        let text = "---\ntitle: A\nlang: en\ntitle: B\ntitle: C\n---\n";
        let found = run(&RULE, POST, text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span, 4..9);
        assert_eq!(found[1].span, 22..27);
        assert_eq!(found[0].labels[0].span, 31..36);
        assert_eq!(
            found[0].message,
            "`title` is set again on line 5, so Jekyll ignores this value"
        );
    }

    #[test]
    fn checks_nested_mappings_separately() {
        let text = "---\na:\n  x: 1\n  x: 2\nb:\n  x: 3\n---\n";
        assert_eq!(messages(&RULE, POST, text).len(), 1);
    }

    #[test]
    fn near_misses_stay_quiet() {
        let text = "---\ntitle: A\nTitle: B\nlist:\n  - x: 1\n  - x: 2\n---\ntitle: C\n";
        assert!(run(&RULE, POST, text).is_empty());
    }
}
