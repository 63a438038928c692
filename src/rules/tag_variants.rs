//! `tag-variants`: one tag spelled several ways across the site.
//! Run by the site step (`site_checks`) over the tag facts of every document.

use std::collections::BTreeMap;

use super::tag_facts::{KEYS, SiteFacts, SiteFinding, Spot};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "tag-variants",
    severity: Severity::Warning,
    summary: "Tags or categories that differ only in case or hyphenation (\"Agile\" and \"agile\")",
    explanation: "\
## What it does
Compares every tag and category of the site, ignoring case, spaces, hyphens and
underscores, and reports groups that are written more than one way: \"Agile\"
and \"agile\", \"open-source\" and \"open source\". The finding is reported once
per group, at the first use of a less common spelling, and lists every place.

## Why is this bad?
Jekyll treats each spelling as its own tag: readers get two tag pages with half
the posts each, and archives and related-post lists split.

## How to fix
Pick one spelling (the help shows which is most used) and use it everywhere.

## Example
```yaml
tags: [Agile]      # _posts/a.md
tags: [agile]      # _posts/b.md and _posts/c.md: `Agile` is reported
```",
    fix: FixAvailability::Never,
};

/// Adds a finding for each tag or category of the site written more than
/// one way, at the first use of a less common spelling, at `severity`;
/// `display` gives the shown path of document `file`.
pub(crate) fn check(
    facts: &SiteFacts,
    display: &dyn Fn(usize) -> String,
    severity: Severity,
    found: &mut Vec<SiteFinding>,
) {
    for (key_index, key) in KEYS.iter().enumerate() {
        for spellings in facts.tags[key_index].values().filter(|s| s.len() > 1) {
            // Documents are checked in parallel: put each spelling's places
            // back in document order.
            let spellings: BTreeMap<&str, Vec<Spot>> = spellings
                .iter()
                .map(|(text, spots)| {
                    let mut spots = spots.clone();
                    spots.sort_by_key(|s| (s.file, s.span[0]));
                    (&**text, spots)
                })
                .collect();
            let (majority, _) = spellings
                .iter()
                .max_by_key(|(text, spots)| (spots.len(), std::cmp::Reverse(**text)))
                .expect("a group has spellings");
            let Some((text, spot)) = spellings
                .iter()
                .filter(|(text, _)| *text != majority)
                .flat_map(|(text, spots)| spots.iter().map(move |s| (*text, s)))
                .min_by_key(|(_, s)| (s.file, s.span[0]))
            else {
                continue;
            };
            let places: Vec<String> = spellings
                .iter()
                .map(|(text, spots)| {
                    let list: Vec<String> = spots
                        .iter()
                        .map(|s| {
                            let start = s.start();
                            format!("{}:{}:{}", display(s.file()), start.line, start.column)
                        })
                        .collect();
                    format!("`{text}` in {}", list.join(", "))
                })
                .collect();
            let others: Vec<&str> = spellings.keys().copied().filter(|t| *t != text).collect();
            let mut diagnostic = Diagnostic::new(
                RULE.id,
                RULE.severity,
                spot.span(),
                format!("the {} `{text}` is also written `{}` in this site, so Jekyll makes separate {key} of them", singular(key), others.join("`, `")),
            )
            .with_help(format!("use `{majority}` everywhere; {}", places.join("; ")));
            diagnostic.severity = severity;
            found.push(SiteFinding {
                file: spot.file(),
                diagnostic,
                start: spot.start(),
                end: spot.end(),
            });
        }
    }
}

/// "tag" or "category", as one of `key` is named in a message.
fn singular(key: &str) -> &str {
    if key == "tags" { "tag" } else { "category" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::Position;
    use crate::rules::tag_facts::{Place, TagUse, TagWord};

    fn tags(words: &[(&str, usize)]) -> Vec<TagUse> {
        let place = |at: usize, len: usize| Place {
            span: at..at + len,
            start: Position {
                line: 3,
                column: at,
            },
            end: Position {
                line: 3,
                column: at + len,
            },
        };
        vec![TagUse {
            key: "tags",
            string: false,
            unread: None,
            value: place(7, 20),
            tags: words
                .iter()
                .map(|(text, at)| TagWord {
                    text: (*text).into(),
                    span: place(*at, text.len()).span,
                    start: place(*at, text.len()).start,
                    end: place(*at, text.len()).end,
                })
                .collect(),
        }]
    }

    #[test]
    fn variants_are_reported_in_document_order_whatever_order_documents_finish() {
        let mut facts = SiteFacts::default();
        // Workers finish documents in any order.
        facts.add(3, tags(&[("Agile", 9)]));
        facts.add(0, tags(&[("agile", 9)]));
        facts.add(2, tags(&[("agile", 9), ("Agile", 16)]));
        facts.add(1, tags(&[("agile", 9)]));
        let display = |file: usize| format!("post-{file}.md");
        let mut found = Vec::new();
        check(&facts, &display, Severity::Warning, &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        let finding = &found[0];
        assert_eq!((finding.file, finding.diagnostic.span.clone()), (2, 16..21));
        assert_eq!(
            finding.start,
            Position {
                line: 3,
                column: 16
            }
        );
        assert_eq!(
            finding.diagnostic.help.as_deref(),
            Some(
                "use `agile` everywhere; `Agile` in post-2.md:3:16, post-3.md:3:9; \
                 `agile` in post-0.md:3:9, post-1.md:3:9, post-2.md:3:9"
            )
        );
    }

    #[test]
    fn one_spelling_everywhere_is_quiet() {
        let mut facts = SiteFacts::default();
        for file in 0..5 {
            facts.add(file, tags(&[("open-source", 9)]));
        }
        let mut found = Vec::new();
        check(&facts, &|_| String::new(), Severity::Warning, &mut found);
        assert!(found.is_empty());
    }
}
