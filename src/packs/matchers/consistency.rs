//! Consistency rules: one form of a word or phrase per document, the one
//! written most.

use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Label};
use crate::packs::case::match_case;
use crate::packs::finding::{Active, fill};

/// A consistency group: its rule and its forms as written in the pack.
#[derive(Debug)]
pub(in crate::packs) struct Group {
    pub(in crate::packs) rule: usize,
    pub(in crate::packs) forms: Vec<String>,
}

/// Reports, in each group whose forms `forms` saw more than one of (each
/// use with its file range in `text`), every use of a form other than the
/// most used.
pub(in crate::packs) fn check(
    rules: &[Active],
    groups: &[Group],
    text: &str,
    forms: &[Vec<(usize, Range<usize>)>],
    found: &mut Vec<Diagnostic>,
) {
    for (group, uses) in groups.iter().zip(forms) {
        let mut counts = vec![0usize; group.forms.len()];
        for (form, _) in uses {
            counts[*form] += 1;
        }
        if counts.iter().filter(|&&c| c > 0).count() < 2 {
            continue;
        }
        // The most used form wins; on a tie, the one listed first.
        let majority = (0..counts.len())
            .max_by_key(|&f| (counts[f], std::cmp::Reverse(f)))
            .unwrap_or(0);
        let Some((_, first_use)) = uses.iter().find(|(f, _)| *f == majority) else {
            continue;
        };
        let active = &rules[group.rule];
        let majority_text = text[first_use.clone()].to_string();
        for (_, span) in uses.iter().filter(|(f, _)| *f != majority) {
            let written = &text[span.clone()];
            let replacement = match_case(written, &group.forms[majority]);
            found.push(Diagnostic {
                rule: active.id.clone(),
                severity: active.severity,
                message: fill(
                    &active.message,
                    &[
                        ("match", written),
                        ("replacement", &replacement),
                        ("majority", &majority_text),
                    ],
                ),
                span: span.clone(),
                labels: vec![Label {
                    span: first_use.clone(),
                    message: format!("written `{majority_text}` here"),
                    elsewhere: None,
                }],
                help: Some(format!(
                    "write `{replacement}`, as elsewhere in this document"
                )),
                fix: Some(Fix {
                    span: span.clone(),
                    replacement,
                    applicability: Applicability::from_safe(active.safe),
                }),
            });
        }
    }
}
