//! The first sound of a word, from CMUdict, for the `article` rule kind.
//!
//! `scripts/first-sounds` derives `sounds/first-sounds.txt` from CMUdict
//! (licence in `sounds/LICENSE-CMUDICT`): the words CMUdict knows whose first
//! sound spelling cannot tell, and the two-letter groups whose words all start
//! alike ("ab": a vowel; "ch": a consonant). `build.rs` compiles it into
//! sorted tables, so a look-up is a binary search.

mod table {
    include!(concat!(env!("OUT_DIR"), "/first_sounds.rs"));
}

/// How a word starts when said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sound {
    Vowel,
    Consonant,
    /// CMUdict gives both ("herb", "url"), or an unstressed h ("historic"),
    /// before which "an" is an accepted older usage.
    Either,
}

fn from_code(code: u32) -> Option<Sound> {
    match code {
        1 => Some(Sound::Vowel),
        2 => Some(Sound::Consonant),
        3 => Some(Sound::Either),
        _ => None,
    }
}

/// The sound of `lower` (a lowercase word) if CMUdict lists it in the table:
/// every word of an open group, and the words that differ from their group.
pub(crate) fn listed(lower: &str) -> Option<Sound> {
    let word = |entry: u32| {
        let (at, len) = ((entry >> 8) as usize, (entry >> 2 & 63) as usize);
        &table::TEXT[at..at + len]
    };
    let at = table::WORDS
        .binary_search_by(|&entry| word(entry).cmp(lower))
        .ok()?;
    from_code(table::WORDS[at] & 3)
}

/// The sound every CMUdict word starting with the first two letters of
/// `lower` shares, for a word the table does not list; `None` when those
/// words start in different ways ("un": "uncle", "unicorn"), so a word
/// CMUdict lacks cannot be told from its spelling.
pub(crate) fn group(lower: &str) -> Option<Sound> {
    let &[a, b, ..] = lower.as_bytes() else {
        return None;
    };
    if !a.is_ascii_lowercase() || !b.is_ascii_lowercase() {
        return None;
    }
    let index = usize::from(a - b'a') * 26 + usize::from(b - b'a');
    from_code(u32::from(table::GROUPS[index]))
}

/// Whether a number written in one or two digits ("8", "11", "1") starts
/// with a vowel when said ("eight", "eleven", "one"); a longer number is
/// read in more than one way ("1100": "eleven hundred" or "one thousand…").
pub(crate) fn number(digits: &str) -> Option<bool> {
    match digits.as_bytes() {
        [b'8'] | [b'8', b'0'..=b'9'] | [b'1', b'1' | b'8'] => Some(true),
        [b'0'..=b'9'] | [b'1'..=b'9', b'0'..=b'9'] => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word's sound as the table gives it, listed or by its group.
    fn sound(word: &str) -> Option<Sound> {
        listed(word).or_else(|| group(word))
    }

    #[test]
    fn sound_not_spelling_decides() {
        assert_eq!(sound("hour"), Some(Sound::Vowel));
        assert_eq!(sound("house"), Some(Sound::Consonant));
        assert_eq!(sound("honest"), Some(Sound::Vowel));
        assert_eq!(sound("horse"), Some(Sound::Consonant));
        assert_eq!(sound("one"), Some(Sound::Consonant));
        assert_eq!(sound("only"), Some(Sound::Vowel));
        assert_eq!(sound("university"), Some(Sound::Consonant));
        assert_eq!(sound("umbrella"), Some(Sound::Vowel));
        assert_eq!(sound("unicorn"), Some(Sound::Consonant));
        assert_eq!(sound("uncle"), Some(Sound::Vowel));
        assert_eq!(sound("european"), Some(Sound::Consonant));
        assert_eq!(sound("eurasian"), Some(Sound::Consonant));
        assert_eq!(sound("eternal"), Some(Sound::Vowel));
        assert_eq!(sound("license"), Some(Sound::Consonant));
    }

    #[test]
    fn both_pronunciations_or_a_weak_h_accept_either() {
        // A fast-speech variant ("replace" said "rplace") is not a second way.
        assert_eq!(sound("replace"), Some(Sound::Consonant));
        assert_eq!(sound("herb"), Some(Sound::Either));
        assert_eq!(sound("historic"), Some(Sound::Either));
        assert_eq!(sound("hotel"), Some(Sound::Either));
        // A stressed h is said: "a history", "a hug".
        assert_eq!(sound("history"), Some(Sound::Consonant));
        assert_eq!(sound("hug"), Some(Sound::Consonant));
    }

    #[test]
    fn a_word_cmudict_lacks_is_known_only_by_a_decided_group() {
        // "ch…" words all start with a consonant; "un…" words do not.
        assert_eq!(listed("chatbotify"), None);
        assert_eq!(sound("chatbotify"), Some(Sound::Consonant));
        assert_eq!(sound("unlicense"), None);
        assert_eq!(sound("hroom"), None);
        assert_eq!(sound(""), None);
        assert_eq!(sound("über"), None);
        assert_eq!(sound("Apple"), None);
    }

    #[test]
    fn short_numbers_are_read_as_words() {
        assert_eq!(number("8"), Some(true));
        assert_eq!(number("11"), Some(true));
        assert_eq!(number("18"), Some(true));
        assert_eq!(number("84"), Some(true));
        assert_eq!(number("1"), Some(false));
        assert_eq!(number("10"), Some(false));
        assert_eq!(number("28"), Some(false));
        assert_eq!(number("0"), Some(false));
        assert_eq!(number("800"), None);
        assert_eq!(number("08"), None);
        assert_eq!(number(""), None);
    }
}
