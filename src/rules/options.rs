//! Rule options: the config's `front-matter:` settings, each read by the rule
//! that owns it.
//!
//! A rule with options declares the keys it reads and a reader for them in
//! its own file; the `rules!` list pairs the two (`+ options`). When a run is
//! set up, every key under `front-matter:` must belong to some rule (else the
//! run stops at the key, naming the keys there are), and each rule's reader
//! turns its entries into its own `Options` type. The checks then take their
//! options from the `Context` by type, so this module needs no rule's type.

use std::any::Any;

use crate::config::Config;
use crate::front_matter::tree::Entry;
use crate::schema::{Schema, SchemaError};

/// One rule's options as read, kept by type.
type Read = Box<dyn Any + Send + Sync>;

/// A rule's reader of its options: the keys it owns under `front-matter:`,
/// and the function that reads its entries (none when the config sets none).
pub(crate) struct Reader {
    /// The keys the rule reads.
    pub(crate) keys: &'static [&'static str],
    /// Reads the entries of those keys into the rule's options.
    pub(crate) read: fn(&Schema, &[&Entry]) -> Result<Read, SchemaError>,
}

/// Every rule's options for one config.
#[derive(Default)]
pub(crate) struct RuleOptions(Vec<Read>);

impl std::fmt::Debug for RuleOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RuleOptions({} rules)", self.0.len())
    }
}

impl RuleOptions {
    /// Reads `config`'s `front-matter:` with `readers`: each rule's options,
    /// or an error at the first key no rule reads or the first bad value.
    pub(crate) fn read(config: &Config, readers: &[Reader]) -> Result<Self, SchemaError> {
        let schema = config.schema();
        let entries = match &config.front_matter {
            Some(node) => schema.mapping(node, "`front-matter`")?,
            None => &[],
        };
        for entry in entries {
            let key = schema.key(entry)?;
            if !readers.iter().any(|r| r.keys.contains(&key)) {
                let known: Vec<&str> = readers.iter().flat_map(|r| r.keys).copied().collect();
                return Err(schema.unknown_key(entry, key, "`front-matter`", &known));
            }
        }
        let mut read = Vec::with_capacity(readers.len());
        for reader in readers {
            let own: Vec<&Entry> = entries
                .iter()
                .filter(|e| e.key.key_text().is_some_and(|k| reader.keys.contains(&k)))
                .collect();
            read.push((reader.read)(&schema, &own)?);
        }
        Ok(Self(read))
    }

    /// The options of type `T` (a rule's own `Options`), when they were read.
    pub(crate) fn get<T: Any>(&self) -> Option<&T> {
        self.0.iter().find_map(|options| options.downcast_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Words(Vec<String>);

    static READERS: &[Reader] = &[Reader {
        keys: &["words"],
        read: |schema, entries| {
            let mut words = Vec::new();
            for entry in entries {
                words.extend(
                    schema
                        .strings(&entry.value, "`words`")?
                        .into_iter()
                        .map(|(w, _)| w),
                );
            }
            Ok(Box::new(Words(words)))
        },
    }];

    fn config(text: &str) -> Config {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".prepress.yml");
        std::fs::write(&path, text).unwrap();
        Config::read_file(&path, None).unwrap()
    }

    #[test]
    fn each_rule_reads_its_own_keys() {
        let options = RuleOptions::read(&config("front-matter:\n  words: [a, b]\n"), READERS);
        let options = options.unwrap();
        assert_eq!(
            options.get::<Words>(),
            Some(&Words(vec!["a".into(), "b".into()]))
        );
        assert_eq!(options.get::<String>(), None);
        let unset = RuleOptions::read(&config("unsafe-fixes: true\n"), READERS).unwrap();
        assert_eq!(unset.get::<Words>(), Some(&Words(Vec::new())));
    }

    #[test]
    fn a_key_no_rule_reads_stops_the_run_at_it() {
        let text = "front-matter:\n  wordz: [a]\n";
        let err = RuleOptions::read(&config(text), READERS).unwrap_err();
        assert_eq!(&text[err.span], "wordz");
        assert_eq!(
            err.message,
            "unknown key `wordz` in `front-matter`; it accepts `words`"
        );
        let text = "front-matter:\n  words: 3\n";
        let err = RuleOptions::read(&config(text), READERS).unwrap_err();
        assert_eq!(&text[err.span], "3");
    }
}
