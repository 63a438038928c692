//! The rules step: every check prepress makes, declared in one place.
//!
//! A rule is its metadata (a [`crate::rule::Rule`] value: id, severity, summary,
//! explanation, fix) and its check; the `rules!` list below names each rule
//! once, which declares its module and pairs the two in `RULES`. Each rule
//! lives in its own file beside its tests; what rule files share (`Context`,
//! front matter values, who reads a key) lives in modules below them. Rules
//! read an already-parsed `Document`; none reads files or re-parses. The load
//! rules (`invalid-utf8`, `unreadable-file`, `cr-line-endings`), the site-wide
//! rules (`string-tags`, `tag-variants`, `unknown-timezone`), `no-site`,
//! `unused-suppression` and `internal-error` have no check of a document: the
//! load step, the site step (`site_checks`), the check step and the suppress
//! step find what they report, and call the rule's file for the finding,
//! which words it there.

pub(crate) mod context;
mod liquid_urls;
pub(crate) mod options;
pub(crate) mod readers;
pub(crate) mod tag_facts;
#[cfg(test)]
pub(crate) mod testing;
mod values;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rule::Rule;
use crate::site_problem::{Problem, SiteProblem};

pub(crate) use context::{Context, configured};
pub(crate) use no_site::note as no_site_note;
pub(crate) use string_tags::RULE as STRING_TAGS;
pub(crate) use tag_variants::RULE as TAG_VARIANTS;

/// A rule's check of one document: it adds its findings to the list.
pub(crate) type Check = fn(&Context, &Document, &mut Vec<Diagnostic>);

/// Declares each rule once: its module and its entry in [`RULES`], in the
/// order `prepress rules` lists them (and findings at one spot are ordered).
/// The phase says who reports the rule: `document` rules have a check that
/// the lint step runs on each document; the others are reported by the load
/// step (before a document exists), the site step (across all documents, or
/// from a site file), the suppress step, once per run, or by the check step
/// around a file's check (`check`), so their entry has no check. `+ options`
/// marks a rule with options under the config's `front-matter:`: its file
/// declares `OPTIONS` (the keys), `Options` and `read_options`.
macro_rules! rules {
    ($($vis:vis $name:ident: $phase:ident $(+ $options:ident)?,)*) => {
        $($vis mod $name;)*

        /// Every rule with its check, in the order `prepress rules` lists
        /// them. The check is `None` for rules reported outside a single
        /// document's check.
        pub(crate) static RULES: &[(&Rule, Option<Check>)] = &[$(rules!(@entry $name $phase)),*];

        /// The readers of the rules that have options.
        pub(crate) static OPTION_READERS: &[options::Reader] = &[$($(rules!(@$options $name),)?)*];
    };
    (@options $name:ident) => {
        options::Reader {
            keys: $name::OPTIONS,
            read: |schema, entries| Ok(Box::new($name::read_options(schema, entries)?)),
        }
    };
    (@entry $name:ident document) => {
        (&$name::RULE, Some($name::check))
    };
    (@entry $name:ident load) => {
        (&$name::RULE, None)
    };
    (@entry $name:ident site) => {
        (&$name::RULE, None)
    };
    (@entry $name:ident suppress) => {
        (&$name::RULE, None)
    };
    (@entry $name:ident run) => {
        (&$name::RULE, None)
    };
    (@entry $name:ident check) => {
        (&$name::RULE, None)
    };
}

rules! {
    empty_value: document + options,
    published_false: document,
    quoted_boolean: document,
    missing_title: document,
    invalid_date: document,
    duplicate_key: document,
    invalid_yaml: document,
    unclosed_front_matter: document,
    bom_hides_front_matter: document,
    pub(crate) cr_line_endings: load,
    post_filename: document,
    date_mismatch: document,
    future_date: document,
    unknown_timezone: site,
    unclosed_liquid_block: document,
    stray_liquid_tag: document,
    unterminated_liquid: document,
    unknown_liquid_tag: document,
    liquid_in_code: document,
    broken_post_url: document,
    broken_link_tag: document,
    missing_include: document,
    missing_layout: document,
    unknown_author: document,
    missing_author: document,
    missing_key: document + options,
    broken_link: document,
    image_without_alt: document,
    undefined_reference: document,
    unused_definition: document,
    empty_link: document,
    reversed_link: document,
    broken_fragment: document,
    unclosed_fence: document,
    unclosed_html_comment: document,
    heading_jump: document,
    title_heading: document,
    numbered_line: document,
    no_site: run,
    pub(crate) string_tags: site,
    pub(crate) tag_variants: site,
    pub(crate) unused_suppression: suppress,
    pub(crate) invalid_utf8: load,
    pub(crate) unreadable_file: load,
    pub(crate) internal_error: check,
}

/// The rule with this id.
#[cfg(test)]
pub(crate) fn find(id: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .map(|&(rule, _)| rule)
        .find(|rule| rule.id == id)
}

/// The finding for a problem of a site file, worded by the rule it belongs to.
pub(crate) fn site_problem(problem: &SiteProblem) -> Diagnostic {
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
