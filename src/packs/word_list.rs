//! Words and word prefixes with a value each, looked up by a word in a few
//! hash probes.

use rustc_hash::FxHashMap as HashMap;

/// Words and word prefixes (`…*` in a pack), each with a value, looked up by a
/// word: the longest entry that is the word or a prefix of it decides, and of
/// a word and a prefix written the same, the one listed first. A look-up costs
/// a few hash probes however long the lists are.
#[derive(Debug)]
pub(super) struct WordList<T> {
    /// Entry text to (position in the lists, value).
    exact: HashMap<Box<str>, (usize, T)>,
    prefixes: HashMap<Box<str>, (usize, T)>,
    /// The lengths of the prefixes, longest first: only heads of these
    /// lengths can be found, so only they are looked up.
    prefix_lengths: Vec<usize>,
    /// The bytes an entry starts with (every byte, for an empty prefix): a
    /// word starting with another is in no list, and is turned away without
    /// a look-up.
    firsts: [bool; 256],
}

impl<T> WordList<T> {
    pub(super) fn new(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut list = WordList {
            exact: HashMap::default(),
            prefixes: HashMap::default(),
            prefix_lengths: Vec::new(),
            firsts: [false; 256],
        };
        for (position, (entry, value)) in entries.into_iter().enumerate() {
            let text = entry.trim_end_matches('*');
            match text.as_bytes().first() {
                Some(&first) => list.firsts[usize::from(first)] = true,
                None if text.len() < entry.len() => list.firsts = [true; 256],
                None => {}
            }
            let map = if text.len() < entry.len() {
                list.prefix_lengths.push(text.len());
                &mut list.prefixes
            } else {
                &mut list.exact
            };
            map.entry(text.into()).or_insert((position, value));
        }
        list.prefix_lengths.sort_unstable_by(|a, b| b.cmp(a));
        list.prefix_lengths.dedup();
        list
    }

    /// The value of the entry that decides for `word` (in lowercase).
    pub(super) fn find(&self, word: &str) -> Option<&T> {
        // Most words start with a byte no entry starts with.
        let first = word.as_bytes().first().map_or(0, |&b| usize::from(b));
        if !self.firsts[first] && !word.is_empty() {
            return None;
        }
        // The whole word, as a word or as a prefix: the one listed first.
        match (self.exact.get(word), self.prefixes.get(word)) {
            (Some(a), Some(b)) => return Some(if a.0 <= b.0 { &a.1 } else { &b.1 }),
            (Some((_, value)), None) | (None, Some((_, value))) => return Some(value),
            (None, None) => {}
        }
        let shorter = self.prefix_lengths.iter().filter(|&&len| len < word.len());
        shorter
            .filter_map(|&len| self.prefixes.get(word.get(..len)?))
            .map(|(_, value)| value)
            .next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_word_or_prefix_decides() {
        let list = WordList::new([
            ("uni*".to_string(), 'c'),
            ("unin*".to_string(), 'v'),
            ("union".to_string(), 'x'),
            ("union*".to_string(), 'y'),
            ("é*".to_string(), 'e'),
        ]);
        assert_eq!(list.find("university"), Some(&'c'));
        assert_eq!(list.find("uninformed"), Some(&'v'));
        // A word and a prefix written the same: the one listed first.
        assert_eq!(list.find("union"), Some(&'x'));
        assert_eq!(list.find("unions"), Some(&'y'));
        assert_eq!(list.find("un"), None);
        assert_eq!(list.find("éclair"), Some(&'e'));
        assert_eq!(list.find("e"), None);
        assert_eq!(WordList::new([("*".to_string(), 1)]).find("any"), Some(&1));
    }
}
