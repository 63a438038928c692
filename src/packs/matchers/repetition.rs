//! Repetition rules: the same word twice in a row.

use rustc_hash::FxHashSet as HashSet;

use crate::diagnostic::Diagnostic;
use crate::packs::finding::{Active, finding};
use crate::packs::view::View;
use crate::prose::words::is_space;

/// A repetition rule: the words it never reports, and, when not empty, the
/// only words it reports.
#[derive(Debug)]
pub(in crate::packs) struct Repetition {
    pub(in crate::packs) rule: usize,
    pub(in crate::packs) allow: HashSet<String>,
    pub(in crate::packs) only: HashSet<String>,
}

/// Reports word `i` when word `i + 1` is the same word again.
pub(in crate::packs) fn check(
    rules: &[Active],
    repetitions: &[Repetition],
    view: &View,
    i: usize,
    found: &mut Vec<Diagnostic>,
) {
    if repetitions.is_empty() || i + 1 >= view.words.len() || view.hashes[i] != view.hashes[i + 1] {
        return;
    }
    let (a, b) = (view.lower(i), view.lower(i + 1));
    if a != b || !is_space(view.gap(i)) || a.bytes().all(|c| c.is_ascii_digit()) {
        return;
    }
    // Three or more in a row is deliberate ("measure, measure, measure" without commas).
    let same = |j: usize| view.lower(j) == a;
    if (i > 0 && is_space(view.gap(i - 1)) && same(i - 1))
        || (i + 2 < view.words.len() && is_space(view.gap(i + 1)) && same(i + 2))
    {
        return;
    }
    // "twenty twenty-three": the second word starts a compound.
    if view.gap(i + 1).starts_with('-') {
        return;
    }
    // "Duran Duran", "Boing Boing": names repeat. "CC-BY by": a word
    // written another way the second time is another word; only "The the"
    // at a sentence start is the same word twice.
    let (first, second) = (view.word(i), view.word(i + 1));
    if first != second
        && !(first.starts_with(char::is_uppercase)
            && second.starts_with(char::is_lowercase)
            && first.chars().skip(1).eq(second.chars().skip(1))
            && (i == 0 || view.gap(i - 1).contains(['.', '!', '?', ':', '\n'])))
    {
        return;
    }
    if first.starts_with(char::is_uppercase) && second.starts_with(char::is_uppercase) {
        return;
    }
    for repetition in repetitions {
        if repetition.allow.contains(a)
            || !(repetition.only.is_empty() || repetition.only.contains(a))
        {
            continue;
        }
        let rule = &repetition.rule;
        let range = view.words[i].start..view.words[i + 1].end;
        let fix = (view.words[i].end..view.words[i + 1].end, String::new());
        let word = view.word(i);
        found.push(finding(
            rules,
            *rule,
            view,
            range,
            &[("word", word), ("match", word)],
            Some(fix),
        ));
    }
}
