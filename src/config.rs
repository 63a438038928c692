//! Configuration: `.prepress.yml`, or a `prepress:` section in Jekyll's `_config.yml`.
//!
//! The file is found by walking up from the working directory; in each folder a
//! `.prepress.yml` (or `.prepress.yaml`) wins over `_config.yml`. It is read with
//! the same span-keeping YAML reader as front matter, so every mistake (an
//! unknown key, a rule or pack that does not exist, a wrong type) is reported at
//! its line and column in the config file and stops the run with status 2: a
//! config that is silently half-applied is worse than none.
//!
//! ```yaml
//! rules:
//!   disable: [published-false, compounds]   # rule ids or pack names
//!   enable: [mixed-spellings]               # rules that are off by default
//!   severity:
//!     duplicate-key: error                  # off, info, warning or error
//!   packs: [.prepress/team.yml]             # the site's own rule packs
//! front-matter:
//!   check-empty: all                        # or a list: [title, author, translator]
//!   required:                               # keys each kind of document must have
//!     posts: [title, author, description]
//! ```

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::diagnostic::Severity;
use crate::front_matter::tree::{self, Entry, Node, NodeKind};
use crate::rules::RuleInfo;
use crate::schema::{Schema, SchemaError};

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

/// A name written in the config (a rule id, pack name or path) and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The text.
    pub name: String,
    /// Where it is in the config file.
    pub span: Range<usize>,
}

/// The settings of one run, as written.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file the settings came from, if any.
    pub source: Option<PathBuf>,
    text: String,
    disable: Vec<Name>,
    enable: Vec<Name>,
    severity: Vec<(Name, Level)>,
    /// Paths of the site's own packs, as written (relative to the config file).
    pub packs: Vec<Name>,
    /// The keys `empty-value` checks, when configured.
    pub empty_value_keys: Option<KeySet>,
    /// Keys each kind of document must have (`posts`, `drafts`, `pages` or a
    /// collection's name), for `missing-key`.
    pub required: Vec<(String, Vec<String>)>,
}

/// The level of every rule for one run.
#[derive(Debug, Clone, Default)]
pub struct Levels(HashMap<&'static str, Level>);

impl Levels {
    /// Every rule of `catalog` on at its default severity, enabled by default or
    /// not: what the packs' own examples are tested with.
    #[cfg(test)]
    pub fn every_rule_on(catalog: &[RuleInfo]) -> Self {
        Self(
            catalog
                .iter()
                .map(|r| (r.id, Level::On(r.severity)))
                .collect(),
        )
    }

    /// Whether a rule with this id exists (on or off).
    pub fn knows(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// The level of the rule with this id (`Off` for an id it does not know).
    pub fn get(&self, id: &str) -> Level {
        self.0.get(id).copied().unwrap_or(Level::Off)
    }
}

impl Config {
    /// Finds and reads the config for a run started in `dir`; the default config
    /// when there is none.
    pub fn discover(dir: &Path) -> Result<Self, SchemaError> {
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
    pub fn read_file(path: &Path, section: Option<&str>) -> Result<Self, SchemaError> {
        let text = crate::schema::read_text(path, "the config file")?;
        let schema = Schema { path, text: &text };
        let root = match section {
            None => schema.parse("config file")?,
            // A broken `_config.yml` is Jekyll's problem to report, not a
            // prepress config; the site checks report it.
            Some(section) => tree::parse(&text, 0).ok().flatten().and_then(|root| {
                let entries = root.as_mapping()?;
                tree::lookup(entries, section).map(|e| e.value.clone())
            }),
        };
        let mut config = match root {
            None => Self::default(),
            Some(root) => read_root(&schema, &root)?,
        };
        config.source = Some(path.to_path_buf());
        config.text = text;
        Ok(config)
    }

    /// The folder relative pack paths are resolved from.
    pub fn base_dir(&self) -> PathBuf {
        self.source
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// An error pointing at `span` in this config file.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> SchemaError {
        SchemaError {
            path: self.source.clone().unwrap_or_default(),
            text: self.text.clone(),
            span,
            message: message.into(),
        }
    }

    /// The level of each rule in `catalog`, checking that every name the config
    /// uses is a rule id or a pack name.
    pub fn levels(&self, catalog: &[RuleInfo]) -> Result<Levels, SchemaError> {
        for name in self
            .disable
            .iter()
            .chain(&self.enable)
            .chain(self.severity.iter().map(|(n, _)| n))
        {
            let known = catalog
                .iter()
                .any(|r| r.id == name.name || r.group == name.name);
            if !known {
                let mut groups: Vec<&str> = catalog.iter().map(|r| r.group).collect();
                groups.dedup();
                return Err(self.error(
                    name.span.clone(),
                    format!(
                        "there is no rule or pack `{}`; `prepress rules` lists the rules, and the packs are: {}",
                        name.name,
                        groups.join(", ")
                    ),
                ));
            }
        }
        let listed = |list: &[Name], by: &str| list.iter().any(|n| n.name == by);
        let mut levels = HashMap::new();
        for rule in catalog {
            let mut on = rule.enabled;
            let mut severity = rule.severity;
            // Pack-wide settings first, then the rule's own, which win.
            for by in [rule.group, rule.id] {
                if let Some((_, level)) = self.severity.iter().find(|(n, _)| n.name == by) {
                    match level {
                        Level::Off => on = false,
                        Level::On(s) => {
                            severity = *s;
                            on = true;
                        }
                    }
                }
                if listed(&self.enable, by) {
                    on = true;
                }
                if listed(&self.disable, by) {
                    on = false;
                }
            }
            levels.insert(rule.id, if on { Level::On(severity) } else { Level::Off });
        }
        Ok(Levels(levels))
    }
}

fn read_root(schema: &Schema, root: &Node) -> Result<Config, SchemaError> {
    let mut config = Config::default();
    if root.as_scalar().is_some_and(|s| s.is_blank()) {
        return Ok(config);
    }
    for entry in schema.mapping(root, "the config")? {
        let empty = entry.value.as_scalar().is_some_and(|s| s.is_blank());
        match schema.key(entry)? {
            "rules" | "front-matter" if empty => {}
            "rules" => read_rules(schema, &entry.value, &mut config)?,
            "front-matter" => {
                for option in schema.mapping(&entry.value, "`front-matter`")? {
                    match schema.key(option)? {
                        "check-empty" => {
                            config.empty_value_keys = Some(keys(schema, &option.value)?)
                        }
                        "required" => {
                            for kind in schema.mapping(&option.value, "`required`")? {
                                let name = schema.key(kind)?.to_string();
                                let keys = schema.strings(&kind.value, "the required keys")?;
                                config
                                    .required
                                    .push((name, keys.into_iter().map(|(k, _)| k).collect()));
                            }
                        }
                        other => {
                            return Err(schema.unknown_key(
                                option,
                                other,
                                "`front-matter`",
                                &["check-empty", "required"],
                            ));
                        }
                    }
                }
            }
            other => {
                return Err(schema.unknown_key(
                    entry,
                    other,
                    "the config",
                    &["rules", "front-matter"],
                ));
            }
        }
    }
    Ok(config)
}

fn read_rules(schema: &Schema, node: &Node, config: &mut Config) -> Result<(), SchemaError> {
    let names = |entry: &Entry, what: &str| -> Result<Vec<Name>, SchemaError> {
        Ok(schema
            .strings(&entry.value, what)?
            .into_iter()
            .map(|(name, span)| Name { name, span })
            .collect())
    };
    for entry in schema.mapping(node, "`rules`")? {
        match schema.key(entry)? {
            "disable" => config.disable = names(entry, "`disable`")?,
            "enable" => config.enable = names(entry, "`enable`")?,
            "packs" => config.packs = names(entry, "`packs`")?,
            // A key with nothing after it (all its lines commented out) is empty.
            _ if entry.value.as_scalar().is_some_and(|s| s.is_blank()) => {}
            "severity" => {
                for item in schema.mapping(&entry.value, "`severity`")? {
                    let name = Name {
                        name: schema.key(item)?.to_string(),
                        span: item.key.span.clone(),
                    };
                    config.severity.push((name, level(schema, &item.value)?));
                }
            }
            other => {
                return Err(schema.unknown_key(
                    entry,
                    other,
                    "`rules`",
                    &["disable", "enable", "severity", "packs"],
                ));
            }
        }
    }
    Ok(())
}

fn level(schema: &Schema, node: &Node) -> Result<Level, SchemaError> {
    match node.as_scalar().map(|s| s.value.as_str()) {
        Some("off" | "false") => Ok(Level::Off),
        Some("info") => Ok(Level::On(Severity::Info)),
        Some("warning") => Ok(Level::On(Severity::Warning)),
        Some("error") => Ok(Level::On(Severity::Error)),
        _ => Err(schema.error(
            node.span.clone(),
            "a severity is one of `off`, `info`, `warning` or `error`",
        )),
    }
}

fn keys(schema: &Schema, node: &Node) -> Result<KeySet, SchemaError> {
    match &node.kind {
        NodeKind::Scalar(s) if s.value == "all" => Ok(KeySet::All),
        NodeKind::Sequence(_) => Ok(KeySet::Only(
            schema
                .strings(node, "`check-empty`")?
                .into_iter()
                .map(|(k, _)| k)
                .collect(),
        )),
        _ => Err(schema.error(
            node.span.clone(),
            "`check-empty` is `all` or a list of front matter keys, such as [title, author]",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::FixAvailability;

    fn read(text: &str) -> Result<Config, SchemaError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".prepress.yml");
        std::fs::write(&path, text).unwrap();
        Config::read_file(&path, None)
    }

    fn info(id: &'static str, group: &'static str, enabled: bool) -> RuleInfo {
        RuleInfo {
            id,
            group,
            severity: Severity::Warning,
            enabled,
            summary: "",
            explanation: "",
            fix: FixAvailability::Never,
        }
    }

    fn catalog() -> Vec<RuleInfo> {
        vec![
            info("empty-value", "jekyll", true),
            info("duplicate-key", "jekyll", true),
            info("double-determiner", "grammar", true),
            info("repeated-word", "grammar", true),
            info("mixed-spellings", "style", false),
        ]
    }

    #[test]
    fn levels_follow_disable_enable_and_severity() {
        let config = read(
            "rules:\n  disable: [grammar]\n  enable: [repeated-word, mixed-spellings]\n  severity:\n    duplicate-key: error\n    jekyll: info\n    empty-value: off\n",
        )
        .unwrap();
        let levels = config.levels(&catalog()).unwrap();
        assert_eq!(levels.get("double-determiner"), Level::Off);
        assert_eq!(levels.get("repeated-word"), Level::On(Severity::Warning));
        assert_eq!(levels.get("mixed-spellings"), Level::On(Severity::Warning));
        assert_eq!(levels.get("duplicate-key"), Level::On(Severity::Error));
        assert_eq!(levels.get("empty-value"), Level::Off);
    }

    #[test]
    fn defaults_without_a_config() {
        let levels = Config::default().levels(&catalog()).unwrap();
        assert_eq!(levels.get("empty-value"), Level::On(Severity::Warning));
        assert_eq!(levels.get("mixed-spellings"), Level::Off);
    }

    #[test]
    fn reads_required_keys_per_kind() {
        let config = read(
            "front-matter:\n  required:\n    posts: [title, author]\n    recipes: [servings]\n",
        )
        .unwrap();
        assert_eq!(
            config.required,
            [
                (
                    "posts".to_string(),
                    vec!["title".to_string(), "author".to_string()]
                ),
                ("recipes".to_string(), vec!["servings".to_string()])
            ]
        );
        let text = "front-matter:\n  required:\n    posts: title\n";
        assert_eq!(&text[read(text).unwrap_err().span], "title");
    }

    #[test]
    fn reads_front_matter_options() {
        let config = read("front-matter:\n  check-empty: [translator]\n").unwrap();
        assert_eq!(
            config.empty_value_keys,
            Some(KeySet::Only(vec!["translator".into()]))
        );
        let config = read("front-matter:\n  check-empty: all\n").unwrap();
        assert_eq!(config.empty_value_keys, Some(KeySet::All));
    }

    #[test]
    fn mistakes_are_reported_at_their_span() {
        let text = "rules:\n  disable: [empty-valu]\n";
        let err = read(text).unwrap().levels(&catalog()).unwrap_err();
        assert_eq!(&text[err.span.clone()], "empty-valu");
        assert!(
            err.message
                .starts_with("there is no rule or pack `empty-valu`"),
            "{}",
            err.message
        );

        let text = "rulez: {}\n";
        let err = read(text).unwrap_err();
        assert_eq!(&text[err.span.clone()], "rulez");
        assert_eq!(
            err.message,
            "unknown key `rulez` in the config; it accepts `rules`, `front-matter`"
        );

        let text = "rules:\n  severity:\n    empty-value: loud\n";
        assert_eq!(&text[read(text).unwrap_err().span], "loud");

        let text = "front-matter:\n  check-empty: some\n";
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
            "rules:\n  disable: [duplicate-key]\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("a/_config.yml"),
            "title: x\nprepress:\n  rules:\n    severity:\n      duplicate-key: error\n",
        )
        .unwrap();
        let config = Config::discover(&deep).unwrap();
        assert_eq!(config.source, Some(dir.path().join("a/_config.yml")));
        assert_eq!(
            config.levels(&catalog()).unwrap().get("duplicate-key"),
            Level::On(Severity::Error)
        );
    }

    #[test]
    fn a_jekyll_config_without_a_section_is_the_default() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("_config.yml"), "title: x\n").unwrap();
        assert!(Config::discover(dir.path()).unwrap().packs.is_empty());
        std::fs::write(dir.path().join("_config.yml"), "title: [broken\n").unwrap();
        assert!(Config::discover(dir.path()).is_ok());
    }
}
