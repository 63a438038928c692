//! How far apart two names are, and the closest of a set: for "did you mean".
//!
//! Used where a finding can name what the author probably meant: the closest
//! existing post for a broken `post_url`, the closest author id, and by the
//! spelling rule to tell a typo from a name.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// Edits between two words (insert, delete, substitute, swap two neighbours).
pub(crate) fn distance(a: &str, b: &str) -> usize {
    within(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// The edits between `a` and `b` when there are at most `limit`, else `None`,
/// found without working out the distance in full: a length difference past
/// the limit answers at once, and the table stops at the first row whose
/// every cell is past it (no later cell can come back under).
pub(crate) fn within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    // Three rows: the one before the last (for swaps), the last, this one.
    let mut before = vec![0usize; width];
    let mut last: Vec<usize> = (0..width).collect();
    let mut row = vec![0usize; width];
    for i in 1..=a.len() {
        row[0] = i;
        let mut least = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            row[j] = best;
            least = least.min(best);
        }
        if least > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    let edits = last[b.len()];
    (edits <= limit).then_some(edits)
}

/// How many edits make a likely typo of `name`: a third of its length, and
/// at least 2.
fn limit_for(name: &str) -> usize {
    (name.chars().count() / 3).max(2)
}

/// The candidate closest to `name`, if it is close enough to be a likely
/// intent: at most a third of the name's length in edits (and at least 2).
/// Ties go to the candidate first in sort order, so the answer does not
/// depend on the order of a set.
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut limit = limit_for(name);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if let Some(edits) = within(name, candidate, limit)
            && best.is_none_or(|b| (edits, candidate) < b)
        {
            limit = edits;
            best = Some((edits, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// The most names [`NameIndex`] compares a name with one by one.
pub(crate) const FULL_SCAN: usize = 2000;

/// Many candidates indexed for "did you mean" in a site of thousands of
/// pages, where comparing a name with each one per finding would make a run
/// quadratic. Every name is filed under itself and under each way of
/// deleting one character from it (a hash of each, sorted); a look-up tries
/// the name and its own one-character deletions, which meets every
/// candidate one insertion, deletion, substitution or swap away (and some
/// two away) in a few binary searches. When that finds nothing, an index of
/// at most [`FULL_SCAN`] names is searched in full; in a larger one,
/// candidates further off are not suggested.
///
/// A key a name shares with a candidate is as long as both, less at most
/// one deletion each, so the candidate is at most one character longer or
/// shorter than the name. The keys are therefore filed by the length of
/// their name and each length's keys sorted on first use: a run asks for a
/// few suggestions, and sorting every key of a large site cost more than
/// the look-ups.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex {
    names: Vec<String>,
    /// The names' ids by their length in characters, with their keys
    /// once a look-up needs them.
    lengths: HashMap<usize, Bucket>,
}

/// The names of one length and their keys.
#[derive(Debug, Clone, Default)]
struct Bucket {
    ids: Vec<u32>,
    /// The hash of each name and of its one-character deletions, with the
    /// name's id, sorted; built on first use.
    keys: OnceLock<Vec<(u64, u32)>>,
}

impl Bucket {
    fn keys(&self, names: &[String]) -> &[(u64, u32)] {
        self.keys.get_or_init(|| {
            let mut keys = Vec::new();
            for &id in &self.ids {
                if let Some(name) = names.get(id as usize) {
                    variants(name, |key| keys.push((key, id)));
                }
            }
            keys.sort_unstable();
            keys.dedup();
            keys
        })
    }
}

impl NameIndex {
    /// Indexes `names`.
    pub(crate) fn new(names: impl IntoIterator<Item = String>) -> Self {
        let mut names: Vec<String> = names.into_iter().collect();
        names.sort_unstable();
        names.dedup();
        let mut lengths: HashMap<usize, Bucket> = HashMap::default();
        for (id, name) in names.iter().enumerate() {
            let id = u32::try_from(id).unwrap_or(u32::MAX);
            lengths
                .entry(name.chars().count())
                .or_default()
                .ids
                .push(id);
        }
        Self { names, lengths }
    }

    /// The indexed name closest to `name`, under the same limit as
    /// [`closest`].
    pub(crate) fn closest(&self, name: &str) -> Option<&str> {
        let length = name.chars().count();
        let buckets: Vec<&[(u64, u32)]> = [length.checked_sub(1), Some(length), Some(length + 1)]
            .into_iter()
            .flatten()
            .filter_map(|length| self.lengths.get(&length))
            .map(|bucket| bucket.keys(&self.names))
            .collect();
        let mut ids = Vec::new();
        variants(name, |key| {
            for keys in &buckets {
                let from = keys.partition_point(|(k, _)| *k < key);
                ids.extend(
                    keys[from..]
                        .iter()
                        .take_while(|(k, _)| *k == key)
                        .map(|(_, id)| *id as usize),
                );
            }
        });
        ids.sort_unstable();
        ids.dedup();
        let found = closest(
            name,
            ids.iter()
                .filter_map(|&id| self.names.get(id))
                .map(String::as_str),
        );
        if found.is_none() && self.names.len() <= FULL_SCAN {
            return closest(name, self.names.iter().map(String::as_str));
        }
        found
    }
}

/// Calls `each` with a hash of `name` and of every string made by deleting
/// one of its characters.
fn variants(name: &str, mut each: impl FnMut(u64)) {
    use std::hash::{Hash, Hasher};
    let hash = |text: &str| {
        let mut hasher = rustc_hash::FxHasher::default();
        text.hash(&mut hasher);
        hasher.finish()
    };
    each(hash(name));
    let mut buffer = String::with_capacity(name.len());
    for (at, c) in name.char_indices() {
        buffer.clear();
        buffer.push_str(&name[..at]);
        buffer.push_str(&name[at + c.len_utf8()..]);
        each(hash(&buffer));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_edits() {
        assert_eq!(distance("definately", "definitely"), 1);
        assert_eq!(distance("recieve", "receive"), 1);
        assert_eq!(distance("linz", "lines"), 2);
        assert_eq!(distance("", "ab"), 2);
    }

    #[test]
    fn finds_the_closest_likely_name() {
        let names = ["2024-01-10-hello-world", "2024-02-01-release-notes"];
        assert_eq!(
            closest("2024-01-10-hello-wrld", names),
            Some("2024-01-10-hello-world")
        );
        assert_eq!(closest("something-else", names), None);
    }

    #[test]
    fn stops_early_past_the_limit() {
        assert_eq!(within("definately", "definitely", 1), Some(1));
        assert_eq!(within("kitten", "sitting", 2), None);
        assert_eq!(within("kitten", "sitting", 3), Some(3));
        assert_eq!(within("a", "abcdef", 2), None);
        assert_eq!(within("ab", "ba", 1), Some(1));
        for (a, b) in [
            ("receive", "recieve"),
            ("linz", "lines"),
            ("", "ab"),
            ("ab", ""),
        ] {
            assert_eq!(within(a, b, usize::MAX), Some(distance(a, b)));
        }
    }

    #[test]
    fn ties_go_to_the_first_in_sort_order() {
        assert_eq!(closest("cat", ["hat", "bat"]), Some("bat"));
        assert_eq!(closest("cat", ["bat", "hat"]), Some("bat"));
    }

    #[test]
    fn the_index_finds_one_edit_away_among_many() {
        let names: Vec<String> = (0..=FULL_SCAN)
            .map(|n| format!("/2024/01/{:02}/post-number-{n}.html", n % 28 + 1))
            .collect();
        let index = NameIndex::new(names.clone());
        for (typo, meant) in [
            (
                "/2024/01/05/post-numbr-4.html",
                "/2024/01/05/post-number-4.html",
            ),
            (
                "/2024/01/05/post-nubmer-4.html",
                "/2024/01/05/post-number-4.html",
            ),
            (
                "/2024/01/05/post-numberr-4.html",
                "/2024/01/05/post-number-4.html",
            ),
            (
                "/2024/01/05/post-numbex-4.html",
                "/2024/01/05/post-number-4.html",
            ),
            (
                "/2024/01/05/post-number-4.html",
                "/2024/01/05/post-number-4.html",
            ),
        ] {
            assert_eq!(index.closest(typo), Some(meant), "{typo}");
            assert_eq!(
                index.closest(typo),
                closest(typo, names.iter().map(String::as_str)),
                "{typo}"
            );
        }
        assert_eq!(
            index.closest("/2024/01/05/post-nmbr-4.html"),
            None,
            "too big to scan"
        );
        let small = NameIndex::new(names.into_iter().take(FULL_SCAN));
        assert_eq!(
            small.closest("/2024/01/05/post-nmbr-4.html"),
            Some("/2024/01/05/post-number-4.html")
        );
        assert_eq!(index.closest("/team/"), None);
        assert_eq!(NameIndex::default().closest("x"), None);
    }

    #[test]
    fn a_look_up_sorts_only_the_keys_of_names_one_length_off() {
        let names = ["ab", "abc", "abcd", "abcde", "abcdef", "xyz"].map(String::from);
        let index = NameIndex::new(names);
        assert_eq!(index.closest("abd"), Some("ab"));
        let built: Vec<usize> = (1..=7)
            .filter(|n| index.lengths.get(n).is_some_and(|b| b.keys.get().is_some()))
            .collect();
        assert_eq!(built, [2, 3, 4]);
        assert_eq!(index.closest("abcdx"), Some("abcd"));
    }
}
