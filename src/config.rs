//! Configuration: `.prepress.yml`, or a `prepress:` section in Jekyll's `_config.yml`.
//!
//! Each checked file takes the config nearest to it: walking up from the file's
//! folder, the first folder with a `.prepress.yml` (or `.prepress.yaml`) or a
//! `_config.yml` gives it, and in one folder `.prepress.yml` wins over
//! `_config.yml`. A file with no config above it takes the one found from the
//! working directory, and failing that the default. Nested configs are not
//! merged: the nearest one applies whole, so what a file is checked with can be
//! read in one place.
//!
//! A config is read with the same span-keeping YAML reader as front matter, so
//! every mistake (an unknown key, a rule or pack that does not exist, a wrong
//! type, a glob that does not parse) is reported at its line and column in the
//! config file and stops the run with status 2: a config that is silently
//! half-applied is worse than none.
//!
//! ```yaml
//! rules:
//!   disable: [published-false, compounds]   # rule ids or pack names
//!   enable: [mixed-compounds]               # back on in a disabled pack, or shipped off
//!   severity:
//!     duplicate-key: error                  # off, info, warning or error
//!   packs: [.prepress/team.yml]             # the site's own rule packs
//! overrides:                                # rule settings for some files
//!   - files: ["_drafts/**", "docs/*.md"]    # globs, relative to this file's folder
//!     rules:
//!       disable: [published-false]
//! front-matter:                             # rule options, each read by its rule
//!   check-empty: all                        # empty-value; or a list: [title, author, translator]
//!   required:                               # missing-key: keys each kind of document must have
//!     posts: [title, author, description]
//! unsafe-fixes: true                        # `--fix` and `--diff` take unsafe fixes too
//! accept: [.prepress/accept.txt]            # files of words the spelling rule accepts
//! baseline: .prepress-baseline.json          # findings to leave out (`prepress baseline`)
//! ```
//!
//! An override's globs match a file's path relative to the config file's
//! folder, with `/` between folders; `*` stays within one folder and `**`
//! spans any number. Overrides hold only rule settings (packs are read once per
//! config); every override that matches a file applies, in order, on top of the
//! top-level `rules:`.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::diagnostic::Severity;
use crate::front_matter::tree::{self, Entry, Node, NodeKind};
use crate::rule::RuleInfo;
use crate::schema::{Schema, SchemaError};
use crate::shared_str::SharedStr;

/// Names the config file may have, in order of preference within one folder.
const FILE_NAMES: &[&str] = &[".prepress.yml", ".prepress.yaml"];

/// Jekyll's config file, whose `prepress:` section is a config too.
const JEKYLL_FILE: &str = "_config.yml";

/// The section of `_config.yml` prepress reads.
const JEKYLL_SECTION: &str = "prepress";

/// How a rule is configured to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// The rule does not run.
    Off,
    /// The rule reports at this severity.
    On(Severity),
}

/// A name written in the config (a rule id, pack name or path) and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    /// The text.
    pub(crate) name: String,
    /// Where it is in the config file.
    pub(crate) span: Range<usize>,
}

/// Rule settings as written: the top-level `rules:` or one override's.
#[derive(Debug, Clone, Default)]
struct RuleSettings {
    disable: Vec<Name>,
    enable: Vec<Name>,
    severity: Vec<(Name, Level)>,
}

impl RuleSettings {
    /// Every rule id or pack name the settings use.
    fn names(&self) -> impl Iterator<Item = &Name> {
        self.disable
            .iter()
            .chain(&self.enable)
            .chain(self.severity.iter().map(|(n, _)| n))
    }

    /// Changes one rule's setting as these settings say: pack-wide settings
    /// first, then the rule's own, which win.
    fn apply(&self, id: &str, setting: &mut RuleLevel) {
        let listed = |list: &[Name], by: &str| list.iter().any(|n| n.name == by);
        for by in [&*setting.group, id] {
            if let Some((_, level)) = self.severity.iter().find(|(n, _)| n.name == by) {
                match level {
                    Level::Off => setting.on = false,
                    Level::On(s) => {
                        setting.severity = *s;
                        setting.on = true;
                    }
                }
            }
            if listed(&self.enable, by) {
                setting.on = true;
            }
            if listed(&self.disable, by) {
                setting.on = false;
            }
        }
    }
}

/// Rule settings for the files that some globs match.
#[derive(Debug, Clone)]
struct Override {
    files: GlobSet,
    rules: RuleSettings,
}

/// The settings of one config file, as written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Config {
    /// The file the settings came from, if any.
    pub(crate) source: Option<PathBuf>,
    text: String,
    rules: RuleSettings,
    overrides: Vec<Override>,
    /// Paths of the site's own packs, as written (relative to the config file).
    pub(crate) packs: Vec<Name>,
    /// The `front-matter:` mapping as written: rule options, which each rule
    /// reads in its own file (`rules::options`) when the run is set up.
    pub(crate) front_matter: Option<Node>,
    /// Whether `--fix` and `--diff` take unsafe fixes too, as if
    /// `--unsafe-fixes` were given (`unsafe-fixes: true`).
    pub(crate) unsafe_fixes: bool,
    /// The files of accepted words (`accept:`, relative to the config file);
    /// `None` when not set, for the default `.prepress/accept.txt`.
    pub(crate) accept: Option<Vec<Name>>,
    /// The baseline file a run started here reads (`baseline:`, relative to
    /// the config file), so pre-commit and the Action need no flag.
    pub(crate) baseline: Option<Name>,
}

/// One rule's setting: its pack (which pack-wide settings name), whether it
/// runs and at which severity. The severity is kept while the rule is off, so
/// an override that turns it back on finds the configured one.
#[derive(Debug, Clone)]
struct RuleLevel {
    group: SharedStr,
    on: bool,
    severity: Severity,
}

/// The level of every rule, for a config or for one file under it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Levels(HashMap<SharedStr, RuleLevel>);

impl Levels {
    /// Every rule of `catalog` at its default, as if there were no config.
    fn defaults(catalog: &[RuleInfo]) -> Self {
        Self(
            catalog
                .iter()
                .map(|r| {
                    let setting = RuleLevel {
                        group: r.group.clone(),
                        on: r.enabled,
                        severity: r.severity,
                    };
                    (r.id.clone(), setting)
                })
                .collect(),
        )
    }

    /// Every rule of `catalog` on at its default severity, enabled by default or
    /// not: what the packs' own examples are tested with.
    #[cfg(test)]
    pub(crate) fn every_rule_on(catalog: &[RuleInfo]) -> Self {
        let mut levels = Self::defaults(catalog);
        for setting in levels.0.values_mut() {
            setting.on = true;
        }
        levels
    }

    /// Whether a rule with this id exists (on or off).
    pub(crate) fn knows(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// The level of the rule with this id (`Off` for an id it does not know).
    pub(crate) fn get(&self, id: &str) -> Level {
        match self.0.get(id) {
            Some(setting) if setting.on => Level::On(setting.severity),
            _ => Level::Off,
        }
    }

    /// These levels with `settings` applied on top.
    fn apply(&mut self, settings: &RuleSettings) {
        for (id, setting) in &mut self.0 {
            settings.apply(id, setting);
        }
    }
}

impl Config {
    /// Whether the config sets nothing (a `_config.yml` without a
    /// `prepress:` section): it then judges as the default config does.
    pub(crate) fn is_empty(&self) -> bool {
        self.rules.disable.is_empty()
            && self.rules.enable.is_empty()
            && self.rules.severity.is_empty()
            && self.overrides.is_empty()
            && self.packs.is_empty()
            && self.front_matter.is_none()
            && !self.unsafe_fixes
            && self.accept.is_none()
            && self.baseline.is_none()
    }

    /// Finds and reads the config for a run started in `dir`: the nearest one
    /// walking up, or the default config when there is none.
    pub(crate) fn discover(dir: &Path) -> Result<Self, SchemaError> {
        match dir.ancestors().find_map(Self::file_in) {
            Some(path) => Self::read_found(&path),
            None => Ok(Self::default()),
        }
    }

    /// The config file in `folder`, if it holds one: a `.prepress.yml` (or
    /// `.prepress.yaml`), else a Jekyll `_config.yml`.
    pub(crate) fn file_in(folder: &Path) -> Option<PathBuf> {
        FILE_NAMES
            .iter()
            .chain([&JEKYLL_FILE])
            .map(|name| folder.join(name))
            .find(|path| path.is_file())
    }

    /// Reads a config file that `file_in` found: all of a `.prepress.yml`, or
    /// the `prepress:` section of a `_config.yml`.
    pub(crate) fn read_found(path: &Path) -> Result<Self, SchemaError> {
        let jekyll = path.file_name().is_some_and(|name| name == JEKYLL_FILE);
        Self::read_file(path, jekyll.then_some(JEKYLL_SECTION))
    }

    /// Reads the config at `path`, or only its `section` when given (a Jekyll
    /// `_config.yml` without that section gives the default config).
    pub(crate) fn read_file(path: &Path, section: Option<&str>) -> Result<Self, SchemaError> {
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

    /// The folder relative pack paths and override globs are resolved from.
    pub(crate) fn base_dir(&self) -> PathBuf {
        self.source
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// The baseline file it names, relative to its folder as written.
    pub(crate) fn baseline_file(&self) -> Option<PathBuf> {
        self.baseline
            .as_ref()
            .map(|n| self.base_dir().join(&n.name))
    }

    /// The config file's text.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Typed access to this config file's nodes, for what is read after the
    /// config (the rules' options), with errors pointing into it.
    pub(crate) fn schema(&self) -> Schema<'_> {
        Schema {
            path: self.source.as_deref().unwrap_or(Path::new("")),
            text: &self.text,
        }
    }

    /// An error pointing at `span` in this config file.
    pub(crate) fn error(&self, span: Range<usize>, message: impl Into<String>) -> SchemaError {
        SchemaError {
            path: self.source.clone().unwrap_or_default(),
            text: self.text.clone(),
            span,
            message: message.into(),
        }
    }

    /// The level of each rule in `catalog` under the top-level `rules:`,
    /// checking that every name the config uses, overrides included, is a rule
    /// id or a pack name.
    pub(crate) fn levels(&self, catalog: &[RuleInfo]) -> Result<Levels, SchemaError> {
        let names = self
            .rules
            .names()
            .chain(self.overrides.iter().flat_map(|o| o.rules.names()));
        for name in names {
            let known = catalog
                .iter()
                .any(|r| r.id == name.name.as_str() || r.group == name.name.as_str());
            if !known {
                let mut groups: Vec<&str> = catalog.iter().map(|r| &*r.group).collect();
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
        let mut levels = Levels::defaults(catalog);
        levels.apply(&self.rules);
        Ok(levels)
    }

    /// The levels for the file at `path` (absolute, without `.` or `..`):
    /// `levels` (this config's, from `Config::levels`) with every override
    /// whose globs match the file applied in order; `None` when none matches.
    pub(crate) fn file_levels(&self, levels: &Levels, path: &Path) -> Option<Levels> {
        if self.overrides.is_empty() {
            return None;
        }
        let base = self.base_dir();
        let relative = path.strip_prefix(&base).ok()?;
        let relative: Vec<_> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        let relative = relative.join("/");
        let mut matching = self
            .overrides
            .iter()
            .filter(|o| o.files.is_match(&relative))
            .peekable();
        matching.peek()?;
        let mut levels = levels.clone();
        for found in matching {
            levels.apply(&found.rules);
        }
        Some(levels)
    }

    /// The levels to compile the pack rules with: `levels` (this config's)
    /// with every rule that some override turns on also on, so the compiled
    /// rules cover every file and each file's levels then pick its findings.
    pub(crate) fn compile_levels(&self, levels: &Levels) -> Levels {
        let mut compile = levels.clone();
        for (id, setting) in &mut compile.0 {
            for found in &self.overrides {
                let mut alone = setting.clone();
                found.rules.apply(id, &mut alone);
                setting.on |= alone.on;
            }
        }
        compile
    }
}

fn read_root(schema: &Schema, root: &Node) -> Result<Config, SchemaError> {
    let mut config = Config::default();
    if root
        .as_scalar()
        .is_some_and(super::front_matter::tree::Scalar::is_blank)
    {
        return Ok(config);
    }
    for entry in schema.mapping(root, "the config")? {
        let empty = entry
            .value
            .as_scalar()
            .is_some_and(super::front_matter::tree::Scalar::is_blank);
        match schema.key(entry)? {
            "rules" | "front-matter" | "overrides" if empty => {}
            "rules" => {
                config.rules = read_rules(schema, &entry.value, Some(&mut config.packs))?;
            }
            "overrides" => config.overrides = read_overrides(schema, &entry.value)?,
            "unsafe-fixes" => {
                config.unsafe_fixes = schema.boolean(&entry.value, "`unsafe-fixes`")?;
            }
            "accept" if empty => config.accept = Some(Vec::new()),
            "accept" => {
                let files = schema.strings(&entry.value, "`accept`")?;
                config.accept = Some(
                    files
                        .into_iter()
                        .map(|(name, span)| Name { name, span })
                        .collect(),
                );
            }
            "baseline" => {
                let name = schema.string(&entry.value, "`baseline`")?;
                config.baseline = Some(Name {
                    name,
                    span: entry.value.span.clone(),
                });
            }
            "front-matter" => {
                schema.mapping(&entry.value, "`front-matter`")?;
                config.front_matter = Some(entry.value.clone());
            }
            other => {
                return Err(schema.unknown_key(
                    entry,
                    other,
                    "the config",
                    &[
                        "rules",
                        "overrides",
                        "front-matter",
                        "unsafe-fixes",
                        "accept",
                        "baseline",
                    ],
                ));
            }
        }
    }
    Ok(config)
}

/// Reads a `rules:` mapping; `packs` is where its `packs:` go, and `None` in
/// an override, which cannot name packs.
fn read_rules(
    schema: &Schema,
    node: &Node,
    mut packs: Option<&mut Vec<Name>>,
) -> Result<RuleSettings, SchemaError> {
    let names = |entry: &Entry, what: &str| -> Result<Vec<Name>, SchemaError> {
        Ok(schema
            .strings(&entry.value, what)?
            .into_iter()
            .map(|(name, span)| Name { name, span })
            .collect())
    };
    let mut rules = RuleSettings::default();
    for entry in schema.mapping(node, "`rules`")? {
        match schema.key(entry)? {
            "disable" => rules.disable = names(entry, "`disable`")?,
            "enable" => rules.enable = names(entry, "`enable`")?,
            "packs" => match packs.as_deref_mut() {
                Some(packs) => *packs = names(entry, "`packs`")?,
                None => {
                    return Err(schema.error(
                        entry.key.span.clone(),
                        "an override cannot add packs; list them under the top-level `rules:`",
                    ));
                }
            },
            // A key with nothing after it (all its lines commented out) is empty.
            _ if entry
                .value
                .as_scalar()
                .is_some_and(super::front_matter::tree::Scalar::is_blank) => {}
            "severity" => {
                for item in schema.mapping(&entry.value, "`severity`")? {
                    let name = Name {
                        name: schema.key(item)?.to_string(),
                        span: item.key.span.clone(),
                    };
                    rules.severity.push((name, level(schema, &item.value)?));
                }
            }
            other if packs.is_some() => {
                return Err(schema.unknown_key(
                    entry,
                    other,
                    "`rules`",
                    &["disable", "enable", "severity", "packs"],
                ));
            }
            other => {
                return Err(schema.unknown_key(
                    entry,
                    other,
                    "an override's `rules`",
                    &["disable", "enable", "severity"],
                ));
            }
        }
    }
    Ok(rules)
}

/// Reads the `overrides:` list.
fn read_overrides(schema: &Schema, node: &Node) -> Result<Vec<Override>, SchemaError> {
    let NodeKind::Sequence(items) = &node.kind else {
        return Err(schema.error(
            node.span.clone(),
            "`overrides` must be a list of `- files: [...]` entries",
        ));
    };
    let mut overrides = Vec::new();
    for item in items {
        let mut files = None;
        let mut rules = RuleSettings::default();
        for entry in schema.mapping(item, "an override")? {
            match schema.key(entry)? {
                "files" => files = Some(globs(schema, &entry.value)?),
                "rules"
                    if entry
                        .value
                        .as_scalar()
                        .is_some_and(super::front_matter::tree::Scalar::is_blank) => {}
                "rules" => rules = read_rules(schema, &entry.value, None)?,
                other => {
                    return Err(schema.unknown_key(
                        entry,
                        other,
                        "an override",
                        &["files", "rules"],
                    ));
                }
            }
        }
        let Some(files) = files else {
            return Err(schema.error(
                item.span.clone(),
                "an override needs `files`: a glob or a list of globs, such as [\"_drafts/**\"]",
            ));
        };
        overrides.push(Override { files, rules });
    }
    Ok(overrides)
}

/// Reads an override's `files`: one glob or a list of them.
fn globs(schema: &Schema, node: &Node) -> Result<GlobSet, SchemaError> {
    let written = match &node.kind {
        NodeKind::Scalar(_) => vec![(schema.string(node, "`files`")?, node.span.clone())],
        _ => schema.strings(node, "`files`")?,
    };
    if written.is_empty() {
        return Err(schema.error(node.span.clone(), "`files` needs at least one glob"));
    }
    let mut set = GlobSetBuilder::new();
    for (text, span) in written {
        let glob = GlobBuilder::new(&text)
            .literal_separator(true)
            .build()
            .map_err(|err| {
                schema.error(
                    span,
                    format!("`{text}` is not a valid glob: {}", err.kind()),
                )
            })?;
        set.add(glob);
    }
    set.build().map_err(|err| {
        schema.error(
            node.span.clone(),
            format!("the globs do not compile: {err}"),
        )
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::FixAvailability;

    fn read(text: &str) -> Result<Config, SchemaError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".prepress.yml");
        std::fs::write(&path, text).unwrap();
        Config::read_file(&path, None)
    }

    fn info(id: &'static str, group: &'static str, enabled: bool) -> RuleInfo {
        RuleInfo {
            id: id.into(),
            group: group.into(),
            severity: Severity::Warning,
            enabled,
            summary: "".into(),
            explanation: "".into(),
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
    fn keeps_the_front_matter_options_for_the_rules() {
        let config = read("front-matter:\n  check-empty: all\n").unwrap();
        assert!(!config.is_empty());
        assert!(config.front_matter.is_some());
        let text = "front-matter: [check-empty]\n";
        let err = read(text).unwrap_err();
        assert_eq!(&text[err.span], "[check-empty]");
    }

    #[test]
    fn reads_the_baseline_beside_the_config() {
        let config = read("baseline: lint/known.json\n").unwrap();
        assert!(!config.is_empty());
        let file = config.baseline_file().unwrap();
        assert!(file.ends_with("lint/known.json"));
        assert_eq!(
            file.parent().unwrap().parent(),
            config.source.as_deref().unwrap().parent()
        );
        let err = read("baseline: [a, b]\n").unwrap_err();
        assert_eq!(err.message, "`baseline` must be text");
        assert_eq!(err.span, 10..16);
    }

    #[test]
    fn reads_unsafe_fixes() {
        assert!(!read("rules: {}\n").unwrap().unsafe_fixes);
        let config = read("unsafe-fixes: true\n").unwrap();
        assert!(config.unsafe_fixes && !config.is_empty());
        let text = "unsafe-fixes: yes please\n";
        let err = read(text).unwrap_err();
        assert_eq!(&text[err.span], "yes please");
        assert_eq!(err.message, "`unsafe-fixes` must be `true` or `false`");
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
            "unknown key `rulez` in the config; it accepts `rules`, `overrides`, `front-matter`, `unsafe-fixes`, `accept`, `baseline`"
        );

        let text = "rules:\n  severity:\n    empty-value: loud\n";
        assert_eq!(&text[read(text).unwrap_err().span], "loud");

        let text = "rules: [a\n";
        assert!(
            read(text)
                .unwrap_err()
                .message
                .starts_with("the config file is not valid YAML")
        );
    }

    #[test]
    fn overrides_apply_in_order_on_top_of_the_rules() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".prepress.yml");
        std::fs::write(
            &path,
            "rules:\n  severity:\n    repeated-word: info\noverrides:\n  - files: [\"_drafts/**\", \"docs/*.md\"]\n    rules:\n      disable: [empty-value]\n      enable: [mixed-spellings]\n      severity: {repeated-word: error}\n  - files: _drafts/old/*.md\n    rules:\n      enable: [empty-value]\n",
        )
        .unwrap();
        let config = Config::read_file(&path, None).unwrap();
        let top = config.levels(&catalog()).unwrap();
        assert_eq!(top.get("repeated-word"), Level::On(Severity::Info));
        let at = |relative: &str| config.file_levels(&top, &dir.path().join(relative));

        assert!(at("_posts/a.md").is_none());
        // `*` does not cross a folder.
        assert!(at("docs/deep/a.md").is_none());
        let docs = at("docs/a.md").unwrap();
        assert_eq!(docs.get("empty-value"), Level::Off);
        assert_eq!(docs.get("mixed-spellings"), Level::On(Severity::Warning));
        assert_eq!(docs.get("repeated-word"), Level::On(Severity::Error));
        assert_eq!(docs.get("duplicate-key"), Level::On(Severity::Warning));
        // `**` spans folders, and the later override wins.
        assert_eq!(at("_drafts/x/y.md").unwrap().get("empty-value"), Level::Off);
        let old = at("_drafts/old/a.md").unwrap();
        assert_eq!(old.get("empty-value"), Level::On(Severity::Warning));
        assert_eq!(old.get("repeated-word"), Level::On(Severity::Error));

        // The packs are compiled with every rule some override turns on.
        let compile = config.compile_levels(&top);
        assert_eq!(compile.get("mixed-spellings"), Level::On(Severity::Warning));
        assert_eq!(compile.get("empty-value"), Level::On(Severity::Warning));
        assert_eq!(
            compile.get("double-determiner"),
            Level::On(Severity::Warning)
        );
        assert_eq!(
            Config::default()
                .compile_levels(&top)
                .get("mixed-spellings"),
            Level::Off
        );
    }

    #[test]
    fn override_mistakes_are_reported_at_their_span() {
        let text = "overrides:\n  - files: [\"a/**\"]\n    rulez: {}\n";
        let err = read(text).unwrap_err();
        assert_eq!(&text[err.span.clone()], "rulez");
        assert_eq!(
            err.message,
            "unknown key `rulez` in an override; it accepts `files`, `rules`"
        );

        let text = "overrides:\n  - files: a/*\n    rules:\n      packs: [x.yml]\n";
        let err = read(text).unwrap_err();
        assert_eq!(&text[err.span.clone()], "packs");

        let text = "overrides:\n  - files: a/*\n    rules:\n      severity: {x: error}\n      ignore: [y]\n";
        let err = read(text).unwrap_err();
        assert_eq!(&text[err.span.clone()], "ignore");
        assert!(
            err.message.contains("in an override's `rules`"),
            "{}",
            err.message
        );

        let text = "overrides:\n  - files: [\"docs/*.md\", \"a/[b\"]\n";
        let err = read(text).unwrap_err();
        assert_eq!(&text[err.span.clone()], "\"a/[b\"");
        assert!(
            err.message.starts_with("`a/[b` is not a valid glob"),
            "{}",
            err.message
        );

        let text = "overrides:\n  - rules:\n      disable: [empty-value]\n";
        let err = read(text).unwrap_err();
        assert!(
            text[err.span.clone()].starts_with("rules:"),
            "{:?}",
            err.span
        );
        assert!(
            err.message.starts_with("an override needs `files`"),
            "{}",
            err.message
        );

        let text = "overrides:\n  - files: []\n";
        assert_eq!(&text[read(text).unwrap_err().span], "[]");

        let text = "overrides:\n  files: a/*\n";
        let err = read(text).unwrap_err();
        assert!(
            err.message.starts_with("`overrides` must be a list"),
            "{}",
            err.message
        );

        let text = "overrides:\n  - files: a/*\n    rules:\n      disable: [empty-valu]\n";
        let err = read(text).unwrap().levels(&catalog()).unwrap_err();
        assert_eq!(&text[err.span.clone()], "empty-valu");
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

    // An input the `pack` fuzz target (`fuzz/`) found crashing the YAML reader.
    #[test]
    fn a_config_ending_in_a_block_scalar_is_read_without_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            (
                ".prepress.yml",
                "rules:\n  disable: [published-false]\nnote: |\n  hello",
            ),
            ("_config.yml", "title: Blog\ndescription: |\n  A blog."),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            let read = std::panic::catch_unwind(|| Config::read_found(&path).map(|_| ()));
            // Whatever the config says of an unknown key, it says it as an error.
            let _ = read.unwrap_or_else(|_| panic!("reading {name} panicked"));
        }
    }
}
