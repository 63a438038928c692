//! The table of words that start a phrase or a sequence, keyed by their
//! hash as the view already has it.

use std::hash::{BuildHasherDefault, Hasher};

use super::matchers::phrase::Phrase;
use super::matchers::sequence::Sequence;
use super::word_hash::word_hash;

/// The phrases and sequences that start with one word: one table lookup per
/// word of prose finds both, and most words are in neither.
#[derive(Debug)]
pub(super) struct Starts {
    /// The word, in lowercase (words of the same hash share a table entry).
    pub(super) word: Box<str>,
    pub(super) phrases: Vec<Phrase>,
    pub(super) sequences: Vec<Sequence>,
    /// The hashes of every sequence's second words, sorted: the word after
    /// this one, nearly always none of them, is turned away by its hash.
    pub(super) seconds: Vec<u64>,
}

/// A hasher for keys that are already [`word_hash`]es: the table uses them
/// as they are instead of hashing every word of prose a second time.
#[derive(Debug, Default)]
pub(super) struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = word_hash(bytes);
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// A table keyed by [`word_hash`].
pub(super) type ByHash<T> = std::collections::HashMap<u64, T, BuildHasherDefault<Prehashed>>;
