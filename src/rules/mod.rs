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
mod broken_link;
mod broken_link_tag;
mod broken_post_url;
pub mod cr_line_endings;
mod date_mismatch;
mod duplicate_key;
mod empty_value;
mod future_date;
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
mod stray_liquid_tag;
mod string_tags;
mod tag_variants;
mod unclosed_front_matter;
mod unclosed_liquid_block;
mod unknown_author;
mod unknown_liquid_tag;
pub mod unknown_timezone;
pub mod unreadable_file;
mod unterminated_liquid;
pub mod unused_suppression;

pub mod context;
pub mod readers;
#[cfg(test)]
pub(crate) mod testing;
mod values;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rule::Rule;
use crate::site_problem::{Problem, SiteProblem};

pub use context::{Context, configured};
pub use invalid_utf8::RULE as INVALID_UTF8;
pub use invalid_yaml::RULE as INVALID_YAML;
pub use no_site::note as no_site_note;
pub use string_tags::RULE as STRING_TAGS;
pub use tag_variants::RULE as TAG_VARIANTS;
pub use unknown_timezone::RULE as UNKNOWN_TIMEZONE;
pub use unreadable_file::RULE as UNREADABLE_FILE;
pub use unused_suppression::RULE as UNUSED_SUPPRESSION;

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
