//! What a rule reads besides the document (the run's settings, compiled packs
//! and site), and the level the configuration gives a finding.
//!
//! It sits below the rule files, which import it, so that no rule file needs
//! the registry in `rules/mod.rs`.

use super::options::RuleOptions;
use crate::config::{Config, Level, Levels};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::packs::engine::Engine;
use crate::site_index::SiteIndex;

/// What rules read besides the document: the run's settings and compiled packs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    /// The configuration in force.
    pub(crate) config: &'a Config,
    /// The level of every rule.
    pub(crate) levels: &'a Levels,
    /// The rules' options, read from the config's `front-matter:`.
    pub(crate) options: &'a RuleOptions,
    /// The enabled pack rules, compiled.
    pub(crate) engine: &'a Engine,
    /// The site the document belongs to, for rules that check references.
    pub(crate) site: Option<&'a SiteIndex>,
    /// The time the run started: what a post's date is compared with.
    pub(crate) now: jiff::Timestamp,
}

/// Applies the configured level to a finding made outside a rule's own check
/// (by the load step, before a document exists, or by the pack engine):
/// `None` when the rule is off.
pub(crate) fn configured(context: &Context, mut diagnostic: Diagnostic) -> Option<Diagnostic> {
    match context.levels.get(&diagnostic.rule) {
        Level::Off => None,
        Level::On(severity) => {
            diagnostic.severity = severity;
            Some(diagnostic)
        }
    }
}

/// A name a Liquid tag refers to, and where it is written.
pub(super) type Target<'a> = (&'a str, std::ops::Range<usize>);

/// The site, and every literal `{% tag NAME %}` target of `doc` with its span
/// (none when Jekyll does not render its Liquid), when the document is
/// checked against a site.
pub(super) fn liquid_targets<'a>(
    context: &Context<'a>,
    doc: &'a Document,
    tag: &str,
) -> Option<(&'a SiteIndex, Vec<Target<'a>>)> {
    Some((context.site?, doc.liquid_targets(tag).collect()))
}
