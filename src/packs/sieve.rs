//! A bit set in front of a table keyed by
//! [`word_hash`](super::word_hash::word_hash): most words of
//! prose are in no table, and one load tells so.

use super::word_hash::sieve_bit;

/// A set of word hashes that turns most words away with one load: one bit
/// for many hash values ([`sieve_bit`]). A word whose bit is clear is surely
/// not in the set; one whose bit is set may be, and is looked up.
#[derive(Debug, Clone)]
pub(crate) struct Sieve(Box<[u64]>);

/// How many 64-bit words a [`Sieve`] has: 2^15 bits, 4 KB, so a few hundred
/// words leave nearly every bit clear.
const WORDS: usize = 512;

impl Default for Sieve {
    fn default() -> Self {
        Sieve(vec![0; WORDS].into_boxed_slice())
    }
}

impl Sieve {
    /// Lets `hash` through from now on.
    pub(crate) fn insert(&mut self, hash: u64) {
        let bit = sieve_bit(hash, self.0.len());
        self.0[bit >> 6] |= 1 << (bit & 63);
    }

    /// Whether `hash` may be in the set: `false` means it surely is not.
    pub(crate) fn may_hold(&self, hash: u64) -> bool {
        holds(&self.0, hash)
    }
}

/// Whether the sieve `bits` (a power of two of words, as `build.rs` writes
/// the misspellings' one) lets `hash` through.
pub(crate) fn holds(bits: &[u64], hash: u64) -> bool {
    let bit = sieve_bit(hash, bits.len());
    bits[bit >> 6] >> (bit & 63) & 1 == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs::word_hash::word_hash;

    #[test]
    fn a_sieve_lets_through_what_it_holds_and_stops_most_else() {
        let mut sieve = Sieve::default();
        let held = ["the", "been", "in", "text", "could"];
        for word in held {
            sieve.insert(word_hash(word.as_bytes()));
        }
        for word in held {
            assert!(sieve.may_hold(word_hash(word.as_bytes())), "{word}");
        }
        let others = (0..10_000).map(|n| format!("word{n}"));
        let through = others
            .filter(|w| sieve.may_hold(word_hash(w.as_bytes())))
            .count();
        assert!(through < 10, "{through} of 10,000 got through");
    }
}
