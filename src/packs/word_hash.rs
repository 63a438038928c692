/// The 64-bit hash of a word's bytes, computed once per word of prose and
/// used for every table a word is looked up in (phrase starts, misspellings).
///
/// Words are short, so the bytes are read as at most two overlapping 4-byte
/// or 8-byte loads rather than one at a time, and mixed with one 128-bit
/// multiply (and one more per 8 bytes of a longer word): a few instructions
/// for most words, and both the low bits (a table's slot) and the top bits
/// (a fingerprint) depend on every byte.
pub(crate) fn word_hash(bytes: &[u8]) -> u64 {
    const SEED: u64 = 0xa076_1d64_78bd_642f;
    const SECOND: u64 = 0xe703_7ed1_a0b4_28db;
    let len = bytes.len();
    let (a, b) = if len == 0 {
        (0, 0)
    } else if len < 4 {
        // First, middle and last byte: with the length, the whole word.
        let (first, middle, last) = (bytes[0], bytes[len / 2], bytes[len - 1]);
        (
            u64::from(first) << 16 | u64::from(middle) << 8 | u64::from(last),
            0,
        )
    } else if len <= 8 {
        (read4(bytes, 0), read4(bytes, len - 4))
    } else {
        let mut acc = SECOND;
        let mut at = 0;
        while at + 8 < len {
            acc = fold(read8(bytes, at) ^ SEED, acc);
            at += 8;
        }
        (read8(bytes, len - 8), acc)
    };
    fold(a ^ SEED, b ^ SECOND ^ len as u64)
}

/// Bytes `at..at + 4` of `bytes` as a little-endian number.
fn read4(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[at..at + 4]);
    u64::from(u32::from_le_bytes(word))
}

/// Bytes `at..at + 8` of `bytes` as a little-endian number.
fn read8(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The two halves of the 128-bit product of `a` and `b`, xored: every input
/// bit reaches every output bit.
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ (product >> 64) as u64
}

/// How many low bits of a spelling table slot hold an entry's index.
pub(crate) const INDEX_BITS: u32 = 20;

/// The bits of `hash` kept in a spelling table slot above the index: its top
/// bits, which the slot number (taken from the low bits) does not repeat.
pub(crate) fn fingerprint(hash: u64) -> u32 {
    (hash >> (64 - (32 - INDEX_BITS))) as u32
}

/// The bit of a sieve of `words` 64-bit words (a power of two) that `hash`
/// sets: bits 24 and up, which neither a table's slot (the low bits) nor a
/// spelling fingerprint (the top bits) repeats.
pub(crate) fn sieve_bit(hash: u64, words: usize) -> usize {
    (hash >> 24) as usize & (words * 64 - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn words_of_every_length_hash_apart() {
        let letters = b"abcdefghijklmnopqrstuvwxyz'";
        // Every word of up to three of these bytes, and words of every length
        // past the 4-, 8- and 16-byte reads.
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        let mut shorter = words.clone();
        for _ in 0..3 {
            shorter = (shorter.iter())
                .flat_map(|w| letters.iter().map(move |&b| [w.as_slice(), &[b]].concat()))
                .collect();
            words.extend(shorter.iter().cloned());
        }
        for len in 4..=20 {
            for &b in letters {
                words.push(std::iter::repeat_n(b, len).collect());
                let mut w: Vec<u8> = b"internationalisation"[..len].to_vec();
                w[len / 2] = b;
                words.push(w);
            }
        }
        words.sort();
        words.dedup();
        let hashes: HashSet<u64> = words.iter().map(|w| word_hash(w)).collect();
        assert_eq!(hashes.len(), words.len());
        let slots: HashSet<u64> = words.iter().map(|w| word_hash(w) & 0xff_ffff).collect();
        assert!(slots.len() > words.len() * 99 / 100, "low bits spread too");
        // The sieves' bits (24 and up) and the fingerprints (the top bits).
        let sieve: HashSet<u64> = words
            .iter()
            .map(|w| word_hash(w) >> 24 & 0xff_ffff)
            .collect();
        assert!(sieve.len() > words.len() * 99 / 100, "sieve bits spread");
        let tops: HashSet<u32> = words.iter().map(|w| fingerprint(word_hash(w))).collect();
        assert!(
            tops.len() > 4000,
            "fingerprints fill nearly all 4,096 values"
        );
    }
}
