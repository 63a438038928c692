//! Rule packs: prose rules written as data, in YAML files.
//!
//! The shipped packs live in the top-level `rules/` folder and are embedded in
//! the binary; a site can add its own with `rules.packs` in its config. A pack
//! is read by `schema` (every mistake reported at its line and column in the
//! pack file) and all enabled rules of all packs are compiled together by
//! `engine` into a few lookups and one multi-pattern regex, so matching costs one
//! pass over each segment whatever the number of rules. The schema is documented
//! in `rules/README.md`.

/// `\b` in pack patterns: ASCII when compiled, Unicode when checked.
mod boundaries;
/// A replacement in the case of the text it replaces.
mod case;
pub(crate) mod engine;
/// A finding of an enabled rule, mapped back to the file.
mod finding;
/// Whether a segment reads as English.
mod language;
/// The words each pattern needs, so its regex runs only where one occurs.
mod literals;
/// One matcher per kind of rule.
mod matchers;
pub(crate) mod schema;
/// A bit set that turns away words no table holds.
mod sieve;
/// The first sound of a word, from CMUdict.
mod sounds;
/// The words that start a phrase or a sequence, by their hash.
mod starts;
/// The shipped packs' trees as `build.rs` writes them, and their reader.
mod tree_bytes;
/// The misspelling table, from the typos project.
pub(crate) mod typos;
/// A segment's words, lowercased and hashed, in reused buffers.
mod view;
/// The hash of a word, for every word table. `build.rs` includes this file
/// too, so the misspelling table is built and searched with the same function.
mod word_hash;
/// Words and word prefixes with a value each.
mod word_list;

use std::path::{Path, PathBuf};

pub(crate) use schema::Pack;

use crate::schema::SchemaError;

/// A shipped pack's file name, its text and its tree as `build.rs` wrote it.
macro_rules! shipped_pack {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../rules/", $name)),
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".tree")).as_slice(),
        )
    };
}

/// The packs shipped with prepress, embedded at build time: file name, text
/// and YAML tree (`build.rs` lists the same files).
pub(crate) const SHIPPED: &[(&str, &str, &[u8])] = &[
    shipped_pack!("grammar.yml"),
    shipped_pack!("apostrophes.yml"),
    shipped_pack!("compounds.yml"),
    shipped_pack!("spelling.yml"),
    shipped_pack!("contractions.yml"),
    shipped_pack!("joined.yml"),
];

/// Reads the shipped packs from the trees built with the binary (parsing
/// their text only if a tree were unreadable).
pub(crate) fn shipped() -> Result<Vec<Pack>, SchemaError> {
    SHIPPED
        .iter()
        .map(|(name, text, bytes)| {
            let path = PathBuf::from(format!("rules/{name}"));
            match tree_bytes::decode(bytes) {
                Some(root) => schema::read_tree(&path, text, &root),
                None => schema::read(&path, text),
            }
        })
        .collect()
}

/// Reads a site's own pack from `path`.
pub(crate) fn read_file(path: &Path) -> Result<Pack, SchemaError> {
    let text = crate::schema::read_text(path, "the rule pack")?;
    schema::read(path, &text)
}
