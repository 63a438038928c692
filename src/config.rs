//! Configuration: `.prepress.yml`, or a `prepress:` section in Jekyll's `_config.yml`.
//!
//! The file is found by walking up from the working directory; in each folder a
//! `.prepress.yml` (or `.prepress.yaml`) wins over `_config.yml`. It is read with
//! the same span-keeping YAML reader as front matter, so every mistake (an
//! unknown key, a rule that does not exist, a wrong type) is reported at its line
//! and column in the config file, and stops the run with status 2: a config that
//! is silently half-applied is worse than none.
//!
//! ```yaml
//! rules:
//!   published-false: off        # off, info, warning or error
//!   empty-value:
//!     severity: error
//!     keys: all                 # or a list, e.g. [title, author, translator]
//! ```

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::diagnostic::Severity;
use crate::front_matter::tree::{self, Entry, Node, NodeKind};
use crate::rules::{self, RULES, Rule};

/// Names the config file may have, in order of preference within one folder.
const FILE_NAMES: &[&str] = &[".prepress.yml", ".prepress.yaml"];

/// The section of `_config.yml` prepress reads.
const JEKYLL_SECTION: &str = "prepress";

/// How a rule is configured to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The rule does not run.
    Off,
    /// The rule reports at this severity.
    On(Severity),
}

/// Which front matter keys `empty-value` checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySet {
    /// Every top-level key.
    All,
    /// Only these keys.
    Only(Vec<String>),
}

/// The settings of one run.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file the settings came from, if any.
    pub source: Option<PathBuf>,
    levels: HashMap<&'static str, Level>,
    /// The keys `empty-value` checks, when configured.
    pub empty_value_keys: Option<KeySet>,
}

/// A mistake in a config file, with the place it was found.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ConfigError {
    /// The config file.
    pub path: PathBuf,
    /// Its text, for showing the place.
    pub text: String,
    /// The bytes at fault.
    pub span: Range<usize>,
    /// What is wrong, in words.
    pub message: String,
}

impl Config {
    /// The level `rule` runs at: configured, or its default severity.
    pub fn level(&self, rule: &Rule) -> Level {
        self.levels
            .get(rule.id)
            .copied()
            .unwrap_or(Level::On(rule.severity))
    }

    /// Finds and reads the config for a run started in `dir`; the default config
    /// when there is none.
    pub fn discover(dir: &Path) -> Result<Self, ConfigError> {
        for folder in dir.ancestors() {
            for name in FILE_NAMES {
                let path = folder.join(name);
                if path.is_file() {
                    return Self::read_file(&path, None);
                }
            }
            let jekyll = folder.join("_config.yml");
            if jekyll.is_file() {
                return Self::read_file(&jekyll, Some(JEKYLL_SECTION));
            }
        }
        Ok(Self::default())
    }

    /// Reads the config at `path`, or only its `section` when given (a Jekyll
    /// `_config.yml` without that section gives the default config).
    pub fn read_file(path: &Path, section: Option<&str>) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|err| ConfigError {
            path: path.to_path_buf(),
            text: String::new(),
            span: 0..0,
            message: format!("could not read the config file: {err}"),
        })?;
        let reader = Reader { path, text: &text };
        let mut config = match section {
            None => reader.config()?,
            Some(section) => match tree::parse(&text, 0) {
                // A broken `_config.yml` is Jekyll's problem to report, not a
                // prepress config; the site checks report it.
                Err(_) => Self::default(),
                Ok(root) => match root
                    .as_ref()
                    .and_then(Node::as_mapping)
                    .and_then(|m| tree::lookup(m, section))
                {
                    None => Self::default(),
                    Some(entry) => reader.root(&entry.value)?,
                },
            },
        };
        config.source = Some(path.to_path_buf());
        Ok(config)
    }
}

/// Reads one config text, keeping its path for errors.
struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Reader<'_> {
    fn error(&self, span: Range<usize>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            path: self.path.to_path_buf(),
            text: self.text.to_string(),
            span,
            message: message.into(),
        }
    }

    fn config(&self) -> Result<Config, ConfigError> {
        match tree::parse(self.text, 0) {
            Ok(None) => Ok(Config::default()),
            Ok(Some(root)) => self.root(&root),
            Err(err) => Err(self.error(
                err.at..err.at,
                format!("the config file is not valid YAML: {}", err.problem),
            )),
        }
    }

    fn root(&self, root: &Node) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        if root.as_scalar().is_some_and(|s| s.is_blank()) {
            return Ok(config);
        }
        for entry in self.mapping(root, "the config")? {
            match self.key(entry)? {
                "rules" => {
                    for rule_entry in self.mapping(&entry.value, "`rules`")? {
                        self.rule(&mut config, rule_entry)?;
                    }
                }
                other => {
                    return Err(self.error(
                        entry.key.span.clone(),
                        format!("unknown config key `{other}`; the config has `rules`"),
                    ));
                }
            }
        }
        Ok(config)
    }

    fn rule(&self, config: &mut Config, entry: &Entry) -> Result<(), ConfigError> {
        let id = self.key(entry)?;
        let Some(rule) = rules::find(id) else {
            let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
            return Err(self.error(
                entry.key.span.clone(),
                format!(
                    "there is no rule `{id}`; the rules are: {}",
                    known.join(", ")
                ),
            ));
        };
        if entry.value.as_scalar().is_some() {
            config.levels.insert(rule.id, self.level(&entry.value)?);
            return Ok(());
        }
        for option in self.mapping(&entry.value, &format!("rule `{id}`"))? {
            match (rule.id, self.key(option)?) {
                (_, "severity") => {
                    config.levels.insert(rule.id, self.level(&option.value)?);
                }
                ("empty-value", "keys") => {
                    config.empty_value_keys = Some(self.keys(&option.value)?)
                }
                (_, other) => {
                    let accepted = if rule.id == "empty-value" {
                        "`severity` and `keys`"
                    } else {
                        "`severity`"
                    };
                    return Err(self.error(
                        option.key.span.clone(),
                        format!("rule `{id}` has no option `{other}`; it accepts {accepted}"),
                    ));
                }
            }
        }
        Ok(())
    }

    fn level(&self, node: &Node) -> Result<Level, ConfigError> {
        let word = node.as_scalar().map(|s| s.value.as_str());
        match word {
            Some("off" | "false") => Ok(Level::Off),
            Some("info") => Ok(Level::On(Severity::Info)),
            Some("warning") => Ok(Level::On(Severity::Warning)),
            Some("error") => Ok(Level::On(Severity::Error)),
            _ => Err(self.error(
                node.span.clone(),
                "a severity is one of `off`, `info`, `warning` or `error`",
            )),
        }
    }

    fn keys(&self, node: &Node) -> Result<KeySet, ConfigError> {
        match &node.kind {
            NodeKind::Scalar(s) if s.value == "all" => Ok(KeySet::All),
            NodeKind::Sequence(items) => items
                .iter()
                .map(|item| match item.as_scalar() {
                    Some(s) if !s.is_blank() => Ok(s.value.clone()),
                    _ => Err(self.error(item.span.clone(), "a key name is a plain word")),
                })
                .collect::<Result<_, _>>()
                .map(KeySet::Only),
            _ => Err(self.error(
                node.span.clone(),
                "`keys` is `all` or a list of front matter keys, such as [title, author]",
            )),
        }
    }

    fn mapping<'n>(&self, node: &'n Node, what: &str) -> Result<&'n [Entry], ConfigError> {
        node.as_mapping().ok_or_else(|| {
            self.error(
                node.span.clone(),
                format!("{what} must be `key: value` lines"),
            )
        })
    }

    fn key<'n>(&self, entry: &'n Entry) -> Result<&'n str, ConfigError> {
        entry
            .key
            .key_text()
            .ok_or_else(|| self.error(entry.key.span.clone(), "a config key is a plain word"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Config, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".prepress.yml");
        std::fs::write(&path, text).unwrap();
        Config::read_file(&path, None)
    }

    fn rule(id: &str) -> &'static Rule {
        rules::find(id).unwrap()
    }

    #[test]
    fn reads_levels_and_options() {
        let config = read(
            "rules:\n  published-false: off\n  duplicate-key: error\n  empty-value:\n    severity: info\n    keys: [translator]\n",
        )
        .unwrap();
        assert_eq!(config.level(rule("published-false")), Level::Off);
        assert_eq!(
            config.level(rule("duplicate-key")),
            Level::On(Severity::Error)
        );
        assert_eq!(config.level(rule("empty-value")), Level::On(Severity::Info));
        assert_eq!(
            config.level(rule("missing-title")),
            Level::On(Severity::Warning)
        );
        assert_eq!(
            config.empty_value_keys,
            Some(KeySet::Only(vec!["translator".into()]))
        );
    }

    #[test]
    fn an_empty_file_is_the_default() {
        let config = read("# nothing yet\n").unwrap();
        assert_eq!(
            config.level(rule("empty-value")),
            Level::On(Severity::Warning)
        );
    }

    #[test]
    fn mistakes_are_reported_at_their_span() {
        let text = "rules:\n  empty-valu: off\n";
        let err = read(text).unwrap_err();
        assert_eq!(&text[err.span.clone()], "empty-valu");
        assert!(
            err.message.starts_with("there is no rule `empty-valu`"),
            "{}",
            err.message
        );

        let text = "rulez: {}\n";
        assert_eq!(&text[read(text).unwrap_err().span], "rulez");

        let text = "rules:\n  empty-value: loud\n";
        assert_eq!(&text[read(text).unwrap_err().span], "loud");

        let text = "rules:\n  empty-value:\n    keyz: all\n";
        let err = read(text).unwrap_err();
        assert_eq!(&text[err.span.clone()], "keyz");
        assert_eq!(
            err.message,
            "rule `empty-value` has no option `keyz`; it accepts `severity` and `keys`"
        );

        let text = "rules:\n  empty-value:\n    keys: some\n";
        assert_eq!(&text[read(text).unwrap_err().span], "some");

        let text = "rules: [a\n";
        assert!(
            read(text)
                .unwrap_err()
                .message
                .starts_with("the config file is not valid YAML")
        );
    }

    #[test]
    fn finds_the_nearest_config_walking_up() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(
            dir.path().join(".prepress.yml"),
            "rules:\n  duplicate-key: off\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("a/_config.yml"),
            "title: x\nprepress:\n  rules:\n    duplicate-key: error\n",
        )
        .unwrap();
        let config = Config::discover(&deep).unwrap();
        assert_eq!(config.source, Some(dir.path().join("a/_config.yml")));
        assert_eq!(
            config.level(rule("duplicate-key")),
            Level::On(Severity::Error)
        );
    }

    #[test]
    fn a_jekyll_config_without_a_section_is_the_default() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("_config.yml"), "title: x\n").unwrap();
        let config = Config::discover(dir.path()).unwrap();
        assert_eq!(
            config.level(rule("duplicate-key")),
            Level::On(Severity::Warning)
        );
        std::fs::write(dir.path().join("_config.yml"), "title: [broken\n").unwrap();
        assert!(Config::discover(dir.path()).is_ok());
    }
}
