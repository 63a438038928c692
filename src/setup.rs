//! Everything a run needs before the first file: settings, packs, levels, engine.
//!
//! Built once per run and shared read-only by every worker: the config found
//! for the working directory, the shipped packs and the site's own, the level
//! of every rule, and the compiled pack engine. Any mistake in the config or a
//! pack is a `SchemaError` pointing into that file.

use crate::config::{Config, Levels};
use crate::packs::{self, Pack, engine::Engine};
use crate::rules::{Context, RULES, RuleInfo};
use crate::schema::SchemaError;
use crate::site::Site;

/// The prepared state of a run.
#[derive(Debug)]
pub struct Setup {
    /// The configuration in force.
    pub config: Config,
    /// Every pack: shipped first, then the site's own.
    pub packs: Vec<Pack>,
    /// Every rule's metadata: code rules, then pack rules in pack order.
    pub catalog: Vec<RuleInfo>,
    /// The level of each rule.
    pub levels: Levels,
    /// The enabled pack rules, compiled.
    pub engine: Engine,
    /// The Jekyll site the checked files belong to, when there is one.
    pub site: Option<Site>,
}

impl Setup {
    /// Prepares a run with `config` and the site it checks, if any.
    pub fn new(config: Config, site: Option<Site>) -> Result<Self, SchemaError> {
        let mut packs = packs::shipped()?;
        let base = config.base_dir();
        for name in &config.packs {
            let pack = packs::read_file(&base.join(&name.name)).map_err(|err| {
                if err.text.is_empty() {
                    config.error(name.span.clone(), err.message)
                } else {
                    err
                }
            })?;
            packs.push(pack);
        }
        let catalog = catalog(&packs);
        let mut ids = std::collections::HashSet::new();
        for (pack, rule) in packs
            .iter()
            .flat_map(|p| p.rules.iter().map(move |r| (p, r)))
        {
            if RULES.iter().any(|r| r.id == rule.info.id) || !ids.insert(rule.info.id) {
                return Err(config.error(0..0, format!(
                    "rule `{}` of pack `{}` has the id of another rule; rule ids must be unique",
                    rule.info.id, pack.name
                )));
            }
        }
        let levels = config.levels(&catalog)?;
        let engine =
            Engine::new(&packs, &levels).map_err(|err| config.error(0..0, err.to_string()))?;
        Ok(Self {
            config,
            packs,
            catalog,
            levels,
            engine,
            site,
        })
    }

    /// The context rules read.
    pub fn context(&self) -> Context<'_> {
        Context {
            config: &self.config,
            levels: &self.levels,
            engine: &self.engine,
            site: self.site.as_ref(),
        }
    }
}

/// The metadata of every rule: code rules, then each pack's rules.
pub fn catalog(packs: &[Pack]) -> Vec<RuleInfo> {
    RULES
        .iter()
        .map(|r| r.info())
        .chain(packs.iter().flat_map(|p| p.rules.iter().map(|r| r.info)))
        .collect()
}
