//! Helpers for rule tests: a document from text, and its findings for one rule.

use std::path::PathBuf;

use super::context::Context;
use super::options::RuleOptions;
use super::{Check, OPTION_READERS, RULES};
use crate::config::{Config, Levels};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::packs::engine::Engine;
use crate::rule::Rule;
use crate::site::Site;
use crate::site_index::SiteIndex;

/// The shipped packs with every rule on, off-by-default ones included,
/// compiled once for a test, without a site.
pub(crate) struct AllRules {
    config: Config,
    levels: Levels,
    options: RuleOptions,
    engine: Engine,
}

impl AllRules {
    /// Loads and compiles the shipped packs.
    pub(crate) fn new() -> Self {
        let packs = crate::packs::shipped().expect("the shipped packs load");
        let levels = Levels::every_rule_on(&crate::setup::catalog(&packs));
        let engine = Engine::new(&packs, &levels).expect("the shipped packs compile");
        Self {
            config: Config::default(),
            levels,
            options: RuleOptions::default(),
            engine,
        }
    }

    /// The context rules read.
    pub(crate) fn context(&self) -> Context<'_> {
        Context {
            config: &self.config,
            levels: &self.levels,
            options: &self.options,
            engine: &self.engine,
            site: None,
            now: jiff::Timestamp::now(),
        }
    }
}

/// The findings of `rule` on `text` read from `path`, with default settings.
pub(crate) fn run(rule: &Rule, path: &str, text: &str) -> Vec<Diagnostic> {
    run_with(&Config::default(), rule, path, text)
}

/// A config read from `yaml`, as a `.prepress.yml` with that text.
pub(crate) fn config(yaml: &str) -> Config {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(".prepress.yml");
    std::fs::write(&path, yaml).expect("the config is written");
    Config::read_file(&path, None).expect("the config reads")
}

/// The findings of `rule` on `text` read from `path`, with `config` and the
/// rules' options it sets.
pub(crate) fn run_with(config: &Config, rule: &Rule, path: &str, text: &str) -> Vec<Diagnostic> {
    let doc = Document::new(PathBuf::from(path), text.to_string());
    let mut found = Vec::new();
    let levels = Levels::default();
    let options = RuleOptions::read(config, OPTION_READERS).expect("the options read");
    let engine = Engine::default();
    let context = Context {
        config,
        levels: &levels,
        options: &options,
        engine: &engine,
        site: None,
        now: jiff::Timestamp::now(),
    };
    (check_of(rule).expect("rule has a check"))(&context, &doc, &mut found);
    as_declared(rule, found)
}

/// The findings of `rule` on `text` read from `path` in `site`.
pub(crate) fn run_in_site(site: &Site, rule: &Rule, path: &str, text: &str) -> Vec<Diagnostic> {
    let path = PathBuf::from(path);
    let relative = site.relative(&path);
    let doc = Document::in_site(path, text.to_string(), relative, &site.includes_dir);
    let mut found = Vec::new();
    let (config, levels, engine) = (Config::default(), Levels::default(), Engine::default());
    let site = SiteIndex::new(site.clone());
    let context = Context {
        config: &config,
        levels: &levels,
        options: &RuleOptions::default(),
        engine: &engine,
        site: Some(&site),
        now: jiff::Timestamp::now(),
    };
    (check_of(rule).expect("rule has a check"))(&context, &doc, &mut found);
    as_declared(rule, found)
}

/// The check of `rule`, if it has one.
fn check_of(rule: &Rule) -> Option<Check> {
    RULES
        .iter()
        .find(|(known, _)| known.id == rule.id)
        .and_then(|&(_, check)| check)
}

/// `found`, once every fix in it is checked against what `rule` declares,
/// so `prepress explain` can never tell another story than the code:
/// a rule without fixes makes none, and a fix is as sure as declared.
pub(crate) fn as_declared(rule: &Rule, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    for diagnostic in &found {
        if let Some(fix) = &diagnostic.fix {
            assert_eq!(
                Some(fix.applicability),
                rule.fix.applicability(),
                "{}: a fix the rule does not declare",
                rule.id
            );
        }
    }
    found
}

/// The text each finding of `rule` points at.
pub(crate) fn spans(rule: &Rule, path: &str, text: &str) -> Vec<String> {
    run(rule, path, text)
        .into_iter()
        .map(|d| text[d.span].to_string())
        .collect()
}

/// The messages of every finding of `rule`.
pub(crate) fn messages(rule: &Rule, path: &str, text: &str) -> Vec<String> {
    run(rule, path, text)
        .into_iter()
        .map(|d| d.message)
        .collect()
}
