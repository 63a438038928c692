//! The misspelling data behind the `spelling` kind, from the typos project.
//!
//! `build.rs` filters the `typos-dict` list for prose (never a real English
//! word in any of its spellings; a three-letter key only as a swap of two
//! letters of its one correction) into a static hash table of offsets into
//! one string, with no start-up cost.

use super::{sieve, word_hash};

mod table {
    include!(concat!(env!("OUT_DIR"), "/typos.rs"));
}

/// The fewest bytes a misspelling in the table has (`build.rs` keeps keys
/// of three letters or more).
pub(crate) const SHORTEST: usize = 3;

/// The correction, or corrections, the typos list gives a misspelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Correction {
    /// The word, in lowercase (the first, when there are several).
    pub(crate) word: &'static str,
    /// The other corrections, in lowercase, joined by `|`: empty when
    /// `word` is the only one. With several ("lastest": "latest" or
    /// "last") no fix can choose.
    pub(crate) others: &'static str,
    /// Whether it is surely the word meant: `false` when the misspelling is
    /// also one typing slip from another word ("greates": "greatest" or
    /// "greats") or a contraction without its apostrophe ("youre"), so its
    /// fix is unsafe (see `build.rs`).
    pub(crate) certain: bool,
}

/// The one correction of a misspelled word (given in lowercase, with its
/// `word_hash`), if the filtered typos list has it. The hash is the one the
/// engine already worked out for the word, so it is not computed twice; the
/// engine asks [`may_be_listed`] first, so this does not ask it again.
pub(crate) fn correction(lower: &str, hash: u64) -> Option<Correction> {
    // Every key is three or more ASCII lowercase letters (see build.rs): any
    // other word is simply not found, and the short ones are not even looked up.
    if lower.len() < SHORTEST {
        return None;
    }
    let slice = |at: u32, len: u32| &table::TEXT[at as usize..(at + len) as usize];
    let mask = table::SLOTS.len() - 1;
    let fingerprint = word_hash::fingerprint(hash);
    let mut slot = (hash as usize) & mask;
    loop {
        let value = table::SLOTS[slot];
        if value == 0 {
            return None;
        }
        if value >> word_hash::INDEX_BITS == fingerprint {
            let index = (value & ((1 << word_hash::INDEX_BITS) - 1)) as usize;
            let e = table::ENTRIES.get(index.checked_sub(1)?)?;
            if slice(e[0], (e[2] >> 8) & 0xff) == lower {
                let all = slice(e[1], e[2] & 0xff);
                let (word, others) = all.split_once('|').unwrap_or((all, ""));
                return Some(Correction {
                    word,
                    others,
                    certain: e[2] >> 16 == 0,
                });
            }
        }
        slot = (slot + 1) & mask;
    }
}

/// Whether a word with this `word_hash` may be in the table: `false` for
/// nine words in ten, so a caller can skip reading the word. The sieve is
/// 128 KB and stays in the cache; the slots are 1 MB and do not, so it
/// turns away words that would each have cost a cache miss.
pub(crate) fn may_be_listed(hash: u64) -> bool {
    sieve::holds(&table::SIEVE, hash)
}

/// How many misspellings the table holds.
#[cfg(test)]
pub(crate) fn len() -> usize {
    table::ENTRIES.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrects_common_misspellings() {
        let correct = |w: &str| correction(w, word_hash::word_hash(w.as_bytes()));
        let certain = |word| {
            Some(Correction {
                word,
                others: "",
                certain: true,
            })
        };
        assert_eq!(correct("recieve"), certain("receive"));
        assert_eq!(correct("definately"), certain("definitely"));
        assert_eq!(correct("seperate"), certain("separate"));
        assert!(len() > 50_000, "{}", len());
    }

    #[test]
    fn a_misspelling_with_several_corrections_names_them_all() {
        let correct = |w: &str| correction(w, word_hash::word_hash(w.as_bytes()));
        let lastest = correct("lastest").expect("listed");
        assert_eq!((lastest.word, lastest.others), ("latest", "last"));
        let custome = correct("custome").expect("listed");
        assert!(
            custome.others.split('|').any(|w| w == "costume"),
            "{custome:?}"
        );
        // One correction: nothing else.
        assert_eq!(correct("recieve").map(|c| c.others), Some(""));
    }

    #[test]
    fn a_three_letter_slip_is_listed_only_as_a_swap_of_a_word() {
        let correct = |w: &str| correction(w, word_hash::word_hash(w.as_bytes())).map(|c| c.word);
        assert_eq!(correct("teh"), Some("the"));
        assert_eq!(correct("adn"), Some("and"));
        // Near misses: a dropped letter ("ded", "wel"), an abbreviation
        // ("ect"), a swap whose correction is no word ("slq", "fpt").
        for word in ["ded", "wel", "ect", "slq", "fpt", "ein", "the", "and"] {
            assert_eq!(correct(word), None, "{word}");
        }
    }

    #[test]
    fn a_misspelling_near_two_words_or_a_contraction_has_an_uncertain_correction() {
        let certain = |w: &str| {
            correction(w, word_hash::word_hash(w.as_bytes()))
                .map(|c| c.certain)
                .unwrap_or_else(|| panic!("{w} is in the table"))
        };
        // A letter dropped ("greatest"), added ("grates") or swapped
        // ("advertise") gives another word than the listed correction.
        assert!(!certain("greates"));
        assert!(!certain("adverties"));
        // Dropping a letter gives "the": a slip beside "other"?
        assert!(!certain("othe"));
        // "you're" as often as "your"; "who's" as often as "whose".
        assert!(!certain("youre"));
        assert!(!certain("whos"));
        // Near misses: one word is the only one near.
        assert!(certain("recieve"));
        assert!(certain("acheive"));
        assert!(certain("hilighting"));
    }

    #[test]
    fn every_misspelling_gets_through_the_sieve_and_most_words_do_not() {
        for e in &table::ENTRIES {
            let key = &table::TEXT[e[0] as usize..(e[0] + ((e[2] >> 8) & 0xff)) as usize];
            let hash = word_hash::word_hash(key.as_bytes());
            assert!(sieve::holds(&table::SIEVE, hash), "{key}");
            assert!(correction(key, hash).is_some(), "{key}");
        }
        let set: u32 = table::SIEVE.iter().map(|w| w.count_ones()).sum();
        let bits = table::SIEVE.len() * 64;
        assert!((set as usize) < bits / 10, "{set} of {bits} bits set");
    }

    #[test]
    fn leaves_real_words_variants_and_short_words_alone() {
        for word in [
            "receive",
            "prioritising",
            "prioritizing",
            "behaviour",
            "colour",
            "color",
            "organise",
            "analyse",
            "licence",
            "travelling",
            "grey",
            "catalogue",
            "centre",
            "favourite",
            "po",
            "sm",
            "api",
            "ded",
        ] {
            let hash = word_hash::word_hash(word.as_bytes());
            assert_eq!(correction(word, hash), None, "{word}");
        }
    }
}
