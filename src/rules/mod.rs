//! The rules step: every check prepress makes, declared in one place.
//!
//! A rule is its metadata (a [`crate::rule::Rule`] value: id, severity, summary,
//! explanation, fix) and its check; `RULES` pairs the two. Each rule lives in
//! its own file beside its tests. Rules read an
//! already-parsed `Document`; none reads files or re-parses. The load rules
//! (`invalid-utf8`, `unreadable-file`), the site-wide rules (`string-tags`,
//! `tag-variants`) and `no-site` have no check of their own: the load step, the
//! site step (`site_checks`) and the check step report them.

mod bom_hides_front_matter;
mod broken_fragment;
mod broken_link;
mod broken_link_tag;
mod broken_post_url;
pub mod cr_line_endings;
mod date_mismatch;
mod duplicate_key;
mod empty_link;
mod empty_value;
mod future_date;
mod image_without_alt;
mod invalid_date;
pub mod invalid_utf8;
pub mod invalid_yaml;
mod liquid_in_code;
mod missing_author;
mod missing_include;
mod missing_key;
mod missing_layout;
mod missing_title;
mod no_site;
mod post_filename;
mod published_false;
mod quoted_boolean;
mod reversed_link;
mod stray_liquid_tag;
mod string_tags;
mod tag_variants;
mod unclosed_front_matter;
mod unclosed_liquid_block;
mod undefined_reference;
mod unknown_author;
mod unknown_liquid_tag;
pub mod unknown_timezone;
pub mod unreadable_file;
mod unterminated_liquid;
mod unused_definition;
pub mod unused_suppression;

use crate::config::{Config, Level, Levels};
use crate::diagnostic::{Diagnostic, Span};
use crate::document::Document;
use crate::front_matter::tree::{Entry, NodeKind};
use crate::packs::engine::Engine;
use crate::rule::Rule;
use crate::site::Site;
use crate::site_problem::{Problem, SiteProblem};

pub use invalid_utf8::RULE as INVALID_UTF8;
pub use invalid_yaml::RULE as INVALID_YAML;
pub use missing_layout::redirects;
pub use no_site::note as no_site_note;
pub use string_tags::RULE as STRING_TAGS;
pub use tag_variants::RULE as TAG_VARIANTS;
pub use unknown_timezone::RULE as UNKNOWN_TIMEZONE;
pub use unreadable_file::RULE as UNREADABLE_FILE;
pub use unused_suppression::RULE as UNUSED_SUPPRESSION;

/// What rules read besides the document: the run's settings and compiled packs.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The configuration in force.
    pub config: &'a Config,
    /// The level of every rule.
    pub levels: &'a Levels,
    /// The enabled pack rules, compiled.
    pub engine: &'a Engine,
    /// The site the document belongs to, for rules that check references.
    pub site: Option<&'a Site>,
}

/// A rule's check of one document: it adds its findings to the list.
pub type Check = fn(&Context, &Document, &mut Vec<Diagnostic>);

/// Every rule with its check, in the order `prepress rules` lists them. The
/// check is `None` for rules reported outside a single document: by the load
/// step (before a document exists) or the site step (across all).
pub static RULES: &[(&Rule, Option<Check>)] = &[
    (&empty_value::RULE, Some(empty_value::check)),
    (&published_false::RULE, Some(published_false::check)),
    (&quoted_boolean::RULE, Some(quoted_boolean::check)),
    (&missing_title::RULE, Some(missing_title::check)),
    (&invalid_date::RULE, Some(invalid_date::check)),
    (&duplicate_key::RULE, Some(duplicate_key::check)),
    (&invalid_yaml::RULE, Some(invalid_yaml::check)),
    (
        &unclosed_front_matter::RULE,
        Some(unclosed_front_matter::check),
    ),
    (
        &bom_hides_front_matter::RULE,
        Some(bom_hides_front_matter::check),
    ),
    (&cr_line_endings::RULE, None),
    (&post_filename::RULE, Some(post_filename::check)),
    (&date_mismatch::RULE, Some(date_mismatch::check)),
    (&future_date::RULE, Some(future_date::check)),
    (&unknown_timezone::RULE, None),
    (
        &unclosed_liquid_block::RULE,
        Some(unclosed_liquid_block::check),
    ),
    (&stray_liquid_tag::RULE, Some(stray_liquid_tag::check)),
    (&unterminated_liquid::RULE, Some(unterminated_liquid::check)),
    (&unknown_liquid_tag::RULE, Some(unknown_liquid_tag::check)),
    (&liquid_in_code::RULE, Some(liquid_in_code::check)),
    (&broken_post_url::RULE, Some(broken_post_url::check)),
    (&broken_link_tag::RULE, Some(broken_link_tag::check)),
    (&missing_include::RULE, Some(missing_include::check)),
    (&missing_layout::RULE, Some(missing_layout::check)),
    (&unknown_author::RULE, Some(unknown_author::check)),
    (&missing_author::RULE, Some(missing_author::check)),
    (&missing_key::RULE, Some(missing_key::check)),
    (&broken_link::RULE, Some(broken_link::check)),
    (&image_without_alt::RULE, Some(image_without_alt::check)),
    (&undefined_reference::RULE, Some(undefined_reference::check)),
    (&unused_definition::RULE, Some(unused_definition::check)),
    (&empty_link::RULE, Some(empty_link::check)),
    (&reversed_link::RULE, Some(reversed_link::check)),
    (&broken_fragment::RULE, Some(broken_fragment::check)),
    (&no_site::RULE, None),
    (&string_tags::RULE, None),
    (&tag_variants::RULE, None),
    (&unused_suppression::RULE, None),
    (&invalid_utf8::RULE, None),
    (&unreadable_file::RULE, None),
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .map(|&(rule, _)| rule)
        .find(|rule| rule.id == id)
}

/// The finding for a problem of a site file, worded by the rule it belongs to.
pub fn site_problem(problem: &SiteProblem) -> Diagnostic {
    match &problem.kind {
        Problem::InvalidYaml { file, error } => {
            invalid_yaml::in_site_file(&problem.text, *file, error)
        }
        Problem::UnknownTimezone { span, name } => unknown_timezone::diagnostic(span, name),
        Problem::UnreadableWords { span, file, reason } => {
            unreadable_file::words(span, file, reason)
        }
        Problem::WordsNotUtf8 { span } => unreadable_file::words_not_utf8(span),
    }
}

/// Applies the configured level to a finding made outside a rule's own check
/// (by the load step, before a document exists, or by the pack engine):
/// `None` when the rule is off.
pub fn configured(context: &Context, mut diagnostic: Diagnostic) -> Option<Diagnostic> {
    match context.levels.get(diagnostic.rule) {
        Level::Off => None,
        Level::On(severity) => {
            diagnostic.severity = severity;
            Some(diagnostic)
        }
    }
}

/// A name a Liquid tag refers to, and where it is written.
type Target<'a> = (&'a str, std::ops::Range<usize>);

/// The site, and every literal `{% tag NAME %}` target of `doc` with its span
/// (none when Jekyll does not render its Liquid), when the document is
/// checked against a site.
fn liquid_targets<'a>(
    context: &Context<'a>,
    doc: &'a Document,
    tag: &str,
) -> Option<(&'a Site, Vec<Target<'a>>)> {
    Some((context.site?, doc.liquid_targets(tag).collect()))
}

/// Adds a label at a value in the site config that a `defaults` entry gives
/// the document, when the config file is known.
fn label_default(diagnostic: Diagnostic, site: &Site, value: std::ops::Range<usize>) -> Diagnostic {
    match site.place(value) {
        Some(place) => diagnostic.with_label_elsewhere(place, "set by the site's `defaults` here"),
        None => diagnostic,
    }
}

/// A front matter value as Jekyll sees it.
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    /// Written in the document.
    Own(&'a Entry),
    /// Given by the site's `defaults` (the entry is in the config file).
    Default(&'a Entry),
}

impl<'a> Value<'a> {
    /// The `key: value` entry, wherever it is written.
    pub fn entry(self) -> &'a Entry {
        match self {
            Value::Own(entry) | Value::Default(entry) => entry,
        }
    }
}

/// The value of `key` for `doc` once the site's `defaults` are merged in, as
/// Jekyll merges them: the document's own value wins, except a null one (`key:`
/// with nothing after it), which does not override a default.
pub fn effective<'a>(context: &Context<'a>, doc: &'a Document, key: &str) -> Option<Value<'a>> {
    // Jekyll gives an include neither front matter nor defaults.
    if !doc.role.reads_front_matter() {
        return None;
    }
    let own = doc
        .front_matter
        .entries()
        .and_then(|entries| crate::front_matter::tree::lookup(entries, key));
    let is_null = |entry: &Entry| {
        entry
            .value
            .as_scalar()
            .is_some_and(|s| s.resolve() == crate::front_matter::resolve::Resolved::Null)
    };
    if let Some(entry) = own.filter(|e| !is_null(e)) {
        return Some(Value::Own(entry));
    }
    let given = context.site.and_then(|site| {
        let relative = doc.relative()?;
        site.defaults_for(relative, site.kind_of(relative))
            .into_iter()
            .find(|entry| entry.key.key_text() == Some(key))
    });
    given.map(Value::Default).or(own.map(Value::Own))
}

/// Where to point for an entry's value: the value itself, or the key when the
/// value is empty (nothing written after the colon has no width to underline).
fn value_or_key_span(entry: &Entry) -> Span {
    if entry.value.span.is_empty() {
        entry.key.span.clone()
    } else {
        entry.value.span.clone()
    }
}

/// Calls `visit` on `entries` and on every mapping nested in them.
fn visit_mappings<'a>(entries: &'a [Entry], visit: &mut dyn FnMut(&'a [Entry])) {
    visit(entries);
    for entry in entries {
        visit_node_mappings(&entry.value.kind, visit);
    }
}

fn visit_node_mappings<'a>(kind: &'a NodeKind, visit: &mut dyn FnMut(&'a [Entry])) {
    match kind {
        NodeKind::Mapping(entries) => visit_mappings(entries, visit),
        NodeKind::Sequence(items) => {
            for item in items {
                visit_node_mappings(&item.kind, visit);
            }
        }
        NodeKind::Scalar(_) | NodeKind::Alias => {}
    }
}

/// Helpers for rule tests: a document from text, and its findings for one rule.
#[cfg(test)]
pub(crate) mod testing {
    use std::path::PathBuf;

    use super::*;

    /// The shipped packs with every rule on, off-by-default ones included,
    /// compiled once for a test, without a site.
    pub struct AllRules {
        config: Config,
        levels: Levels,
        engine: Engine,
    }

    impl AllRules {
        /// Loads and compiles the shipped packs.
        pub fn new() -> Self {
            let packs = crate::packs::shipped().expect("the shipped packs load");
            let levels = Levels::every_rule_on(&crate::setup::catalog(&packs));
            let engine = Engine::new(&packs, &levels).expect("the shipped packs compile");
            Self {
                config: Config::default(),
                levels,
                engine,
            }
        }

        /// The context rules read.
        pub fn context(&self) -> Context<'_> {
            Context {
                config: &self.config,
                levels: &self.levels,
                engine: &self.engine,
                site: None,
            }
        }
    }

    /// The findings of `rule` on `text` read from `path`, with default settings.
    pub fn run(rule: &Rule, path: &str, text: &str) -> Vec<Diagnostic> {
        run_with(&Config::default(), rule, path, text)
    }

    /// The findings of `rule` on `text` read from `path`, with `config`.
    pub fn run_with(config: &Config, rule: &Rule, path: &str, text: &str) -> Vec<Diagnostic> {
        let doc = Document::new(PathBuf::from(path), text.to_string());
        let mut found = Vec::new();
        let levels = Levels::default();
        let engine = Engine::default();
        let context = Context {
            config,
            levels: &levels,
            engine: &engine,
            site: None,
        };
        (check_of(rule).expect("rule has a check"))(&context, &doc, &mut found);
        as_declared(rule, found)
    }

    /// The findings of `rule` on `text` read from `path` in `site`.
    pub fn run_in_site(site: &Site, rule: &Rule, path: &str, text: &str) -> Vec<Diagnostic> {
        let path = PathBuf::from(path);
        let relative = site.relative(&path);
        let doc = Document::in_site(path, text.to_string(), relative, &site.includes_dir);
        let mut found = Vec::new();
        let (config, levels, engine) = (Config::default(), Levels::default(), Engine::default());
        let context = Context {
            config: &config,
            levels: &levels,
            engine: &engine,
            site: Some(site),
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
    pub fn as_declared(rule: &Rule, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
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
    pub fn spans(rule: &Rule, path: &str, text: &str) -> Vec<String> {
        run(rule, path, text)
            .into_iter()
            .map(|d| text[d.span].to_string())
            .collect()
    }

    /// The messages of every finding of `rule`.
    pub fn messages(rule: &Rule, path: &str, text: &str) -> Vec<String> {
        run(rule, path, text)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for &(rule, _) in RULES {
            assert!(seen.insert(rule.id), "duplicate id {}", rule.id);
            assert!(
                rule.id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{} is not kebab-case",
                rule.id
            );
            assert!(!rule.summary.is_empty() && !rule.summary.contains('\n'));
            for section in ["## What it does", "## Why", "## Example"] {
                assert!(
                    rule.explanation.contains(section),
                    "{} lacks {section}",
                    rule.id
                );
            }
            assert_eq!(find(rule.id).map(|r| r.id), Some(rule.id));
        }
    }
}
