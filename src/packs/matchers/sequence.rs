//! Sequence rules: a word of one list followed by a word of another.

use crate::diagnostic::Diagnostic;
use crate::packs::case::match_case;
use crate::packs::finding::{Active, finding};
use crate::packs::schema::SequenceFix;
use crate::packs::view::View;
use crate::prose::words::is_space;

/// A sequence rule's second words for one first word.
#[derive(Debug)]
pub(in crate::packs) struct Sequence {
    pub(in crate::packs) rule: usize,
    /// The second words (lowercase) with their [`word_hash`](crate::packs::word_hash::word_hash) and what each
    /// becomes, sorted by hash: the word after a first word is found by the
    /// hash it already has, without hashing its text again.
    pub(in crate::packs) second: Vec<(u64, String, Option<String>)>,
    pub(in crate::packs) fix: SequenceFix,
    pub(in crate::packs) skip_relative_clause: bool,
}

impl Sequence {
    /// What `word` (lowercase, with its hash) becomes as a second word, if
    /// it is one.
    fn second(&self, hash: u64, word: &str) -> Option<&Option<String>> {
        let at = self.second.partition_point(|(h, _, _)| *h < hash);
        (self.second[at..].iter())
            .take_while(|(h, _, _)| *h == hash)
            .find(|(_, w, _)| w == word)
            .map(|(_, _, mapped)| mapped)
    }
}

/// Reports the sequences that word `i` starts (its first word is theirs):
/// `seconds` holds the hashes of all their second words, sorted.
pub(in crate::packs) fn check(
    rules: &[Active],
    view: &View,
    i: usize,
    seconds: &[u64],
    sequences: &[Sequence],
    found: &mut Vec<Diagnostic>,
) {
    // The word after is nearly always no rule's second word: its hash
    // tells before any gap or letter case is read.
    let next = view.hashes.get(i + 1);
    if next.is_none_or(|hash| seconds.binary_search(hash).is_err()) || !is_space(view.gap(i)) {
        return;
    }

    let (first, second) = (view.word(i), view.word(i + 1));
    // "the the": the same word twice is a repetition, not a sequence.
    if view.hashes[i] == view.hashes[i + 1] && view.lower(i) == view.lower(i + 1) {
        return;
    }
    // "the his-and-hers towels", "the A/B test": a word joined to the
    // next by a hyphen or slash is part of a compound, not a determiner.
    if view.gap(i + 1).starts_with(['-', '/']) {
        return;
    }
    // "the Our Father": a capitalised name after a lowercase word.
    if second.starts_with(char::is_uppercase) && !first.starts_with(char::is_uppercase) {
        return;
    }
    let (hash, lower) = (view.hashes[i + 1], view.lower(i + 1));
    let relative = closes_relative_clause(view, i);
    for seq in sequences {
        let Some(mapped) = seq.second(hash, lower) else {
            continue;
        };
        if relative && seq.skip_relative_clause {
            continue;
        }
        let range = view.words[i].start..view.words[i + 1].end;
        let fix = match seq.fix {
            SequenceFix::None => None,
            SequenceFix::DropFirst => Some((range.clone(), match_case(first, second))),
            SequenceFix::DropSecond => Some((range.clone(), first.to_string())),
            SequenceFix::ReplaceSecond => mapped
                .as_ref()
                .map(|r| (view.words[i + 1].clone(), match_case(second, r))),
        };
        let replacement = fix.as_ref().map(|(_, r)| r.clone()).unwrap_or_default();
        let flagged = if seq.fix == SequenceFix::ReplaceSecond {
            view.words[i + 1].clone()
        } else {
            range.clone()
        };
        let matched = &view.segment.text[range];
        found.push(finding(
            rules,
            seq.rule,
            view,
            flagged,
            &[
                ("first", first),
                ("second", second),
                ("match", matched),
                ("replacement", &replacement),
            ],
            fix,
        ));
    }
}

/// Whether word `i` ends a relative clause without "that": a subject
/// pronoun before it, and before that a word joined by a space alone that
/// does not open a clause ("the job I had came through", "everything we
/// had went into it"). After a comma or a word such as "and" or "when",
/// the pronoun starts a clause of its own ("and I had went").
fn closes_relative_clause(view: &View, i: usize) -> bool {
    const SUBJECTS: &[&str] = &["i", "we", "you", "they", "he", "she", "it"];
    const OPENERS: &[&str] = &[
        "and", "but", "or", "so", "then", "that", "which", "who", "when", "if", "because", "since",
        "as", "after", "before", "while", "once", "until", "although", "though", "where",
        "whether", "unless", "now", "yet",
    ];
    i >= 2
        && SUBJECTS.contains(&view.lower(i - 1))
        && is_space(view.gap(i - 1))
        && is_space(view.gap(i - 2))
        && !OPENERS.contains(&view.lower(i - 2))
}
