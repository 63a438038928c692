//! Substitution and consistency phrases: words in a row, found from their
//! first word, with the joins between them.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::packs::case::match_case;
use crate::packs::finding::{Active, finding};
use crate::packs::view::View;
use crate::packs::word_hash::word_hash;
use crate::prose::words::{self, is_space};

/// What a phrase match means.
#[derive(Debug, Clone)]
pub(in crate::packs) enum Target {
    /// Replace by one of these (a fix when there is exactly one).
    Replace(Vec<String>),
    /// Form `form` of consistency group `group`.
    Form { group: usize, form: usize },
}

/// How two words of a phrase are joined.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Join {
    /// Any whitespace, line breaks included.
    Space,
    /// Exactly this text (such as `-`).
    Exact(String),
}

/// A phrase of a substitution or consistency rule, found by its first word.
#[derive(Debug)]
pub(in crate::packs) struct Phrase {
    /// Its words, in lowercase.
    pub(in crate::packs) words: Vec<String>,
    /// The [`word_hash`] of each word: a following word of prose whose hash
    /// differs is turned away without reading it.
    hashes: Vec<u64>,
    joins: Vec<Join>,
    rule: usize,
    target: Target,
}

impl Phrase {
    /// The phrase `phrase` of rule `rule`, meaning `target`; `None` when it
    /// has no word.
    pub(in crate::packs) fn new(phrase: &str, rule: usize, target: Target) -> Option<Self> {
        let spans = words::words(phrase);
        let words: Vec<String> = spans
            .iter()
            .map(|w| phrase[w.clone()].to_lowercase())
            .collect();
        let joins = spans
            .windows(2)
            .map(|pair| {
                let gap = &phrase[pair[0].end..pair[1].start];
                if gap.trim().is_empty() {
                    Join::Space
                } else {
                    Join::Exact(gap.to_string())
                }
            })
            .collect();
        let hashes = words.iter().map(|w| word_hash(w.as_bytes())).collect();
        (!words.is_empty()).then_some(Phrase {
            words,
            hashes,
            joins,
            rule,
            target,
        })
    }
}

/// Reports the phrases of `candidates` that start at word `i`: a finding
/// for a substitution, a form seen for a consistency group.
pub(in crate::packs) fn check(
    rules: &[Active],
    view: &View,
    i: usize,
    candidates: &[Phrase],
    found: &mut Vec<Diagnostic>,
    forms: &mut Vec<(usize, usize, Range<usize>)>,
) {
    for phrase in candidates {
        let Some(end) = match_phrase(view, i, phrase) else {
            continue;
        };
        // "the Default Web Site", "Azure Web Sites": a run of capitalised
        // words is a name, whatever words it is made of.
        if end > i && (i..=end).all(|k| view.word(k).starts_with(char::is_uppercase)) {
            continue;
        }
        let range = view.words[i].start..view.words[end].end;
        match &phrase.target {
            Target::Form { group, form } => {
                forms.push((*group, *form, view.segment.source_span(range)));
            }
            Target::Replace(replacements) => {
                let written = &view.segment.text[range.clone()];
                let cased: Vec<String> = replacements
                    .iter()
                    .map(|r| match_case(written, r))
                    .collect();
                let fix = (cased.len() == 1).then(|| (range.clone(), cased[0].clone()));
                let joined = cased.join("` or `");
                let mut d = finding(
                    rules,
                    phrase.rule,
                    view,
                    range,
                    &[("match", written), ("replacement", &joined)],
                    fix,
                );
                if cased.len() > 1 {
                    d.help = Some(format!("write `{joined}`"));
                }
                found.push(d);
            }
        }
    }
}

/// The index of the last word if `phrase`'s words (joined by its joins)
/// start at word `i`.
fn match_phrase(view: &View, i: usize, phrase: &Phrase) -> Option<usize> {
    let last = i + phrase.words.len() - 1;
    if last >= view.words.len() {
        return None;
    }
    for (k, word) in phrase.words.iter().enumerate().skip(1) {
        if view.hashes[i + k] != phrase.hashes[k] || view.lower_bytes(i + k) != word.as_bytes() {
            return None;
        }
        let gap = view.gap(i + k - 1);
        let ok = match &phrase.joins[k - 1] {
            Join::Space => is_space(gap),
            Join::Exact(s) => gap == s,
        };
        if !ok {
            return None;
        }
    }
    // A phrase glued to a neighbour by a hyphen is part of a longer
    // compound, and one glued by an underscore part of an identifier.
    let before = if i == 0 { "" } else { view.gap(i - 1) };
    if before.ends_with('-') || view.gap(last).starts_with('-') {
        return None;
    }
    if view.in_identifier(i) || view.in_identifier(last) {
        return None;
    }
    Some(last)
}
