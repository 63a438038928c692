//! Rule packs: prose rules written as data, in YAML files.
//!
//! The shipped packs live in the top-level `rules/` folder and are embedded in
//! the binary; a site can add its own with `rules.packs` in its config. A pack
//! is read by `schema` (every mistake reported at its line and column in the
//! pack file) and all enabled rules of all packs are compiled together by
//! `engine` into a few lookups and one multi-pattern regex, so matching costs one
//! pass over each segment whatever the number of rules. The schema is documented
//! in `rules/README.md`.

pub mod engine;
/// The words each pattern needs, so its regex runs only where one occurs.
mod literals;
pub mod schema;
/// A bit set that turns away words no table holds.
mod sieve;
/// The first sound of a word, from CMUdict.
mod sounds;
pub mod spelling;
/// The shipped packs' trees as `build.rs` writes them, and their reader.
mod tree_bytes;
/// The hash of a word, for every word table. `build.rs` includes this file
/// too, so the misspelling table is built and searched with the same function.
mod word_hash;

use std::path::{Path, PathBuf};

pub use schema::{Example, Kind, Pack, PackRule};

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
pub const SHIPPED: &[(&str, &str, &[u8])] = &[
    shipped_pack!("grammar.yml"),
    shipped_pack!("apostrophes.yml"),
    shipped_pack!("compounds.yml"),
    shipped_pack!("spelling.yml"),
    shipped_pack!("contractions.yml"),
    shipped_pack!("joined.yml"),
];

/// Reads the shipped packs from the trees built with the binary (parsing
/// their text only if a tree were unreadable).
pub fn shipped() -> Result<Vec<Pack>, SchemaError> {
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
pub fn read_file(path: &Path) -> Result<Pack, SchemaError> {
    let text = crate::schema::read_text(path, "the rule pack")?;
    schema::read(path, &text)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::document::Document;
    use crate::lint;
    use crate::rules::testing::AllRules;

    /// Runs every example of every shipped rule: each `flag` text must be
    /// reported by its rule (and fixed to `fixed` by that rule's fixes), each
    /// `allow` text must not be.
    #[test]
    fn every_example_of_every_shipped_pack() {
        let packs = shipped().expect("the shipped packs load");
        let all = AllRules::new();
        let context = all.context();
        let findings = |text: &str, id: &str| {
            let doc = Document::new(PathBuf::from("example.md"), text.to_string());
            lint::check(&context, &doc)
                .into_iter()
                .filter(|d| d.rule == id)
                .collect::<Vec<_>>()
        };
        let mut failures = Vec::new();
        let mut count = 0;
        for rule in packs.iter().flat_map(|p| &p.rules) {
            let id = rule.info.id;
            for example in &rule.flag {
                count += 1;
                if findings(&example.text, id).is_empty() {
                    failures.push(format!("{id}: did not flag {:?}", example.text));
                }
                if let Some(fixed) = &example.fixed {
                    let mut text = example.text.clone();
                    for _ in 0..8 {
                        let found = findings(&text, id);
                        let (next, applied) =
                            crate::fix::apply(&text, found.iter().filter_map(|d| d.fix.as_ref()));
                        if applied == 0 {
                            break;
                        }
                        text = next;
                    }
                    if &text != fixed {
                        failures.push(format!(
                            "{id}: fixed {:?} to {text:?}, expected {fixed:?}",
                            example.text
                        ));
                    }
                }
            }
            for text in &rule.allow {
                count += 1;
                for d in findings(text, id) {
                    failures.push(format!(
                        "{id}: flagged {:?} in allowed {text:?}",
                        &text[d.span.clone()]
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {count} examples failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
