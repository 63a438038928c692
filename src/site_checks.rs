//! The site step: the site-wide rules run over the tag facts of every
//! document of a site, once all are read (see [`crate::rules::tag_facts`]):
//! a string where the site writes lists (`string-tags`), and one tag spelled
//! several ways across the site (`tag-variants`, reported once per group
//! with every place listed).

use crate::config::Level;
use crate::rules::{Context, STRING_TAGS, TAG_VARIANTS, string_tags, tag_variants};

pub(crate) use crate::rules::tag_facts::{SiteFacts, SiteFinding, TagUse, collect};

/// The site step's entry point, beside the facts it reads.
impl SiteFacts {
    /// Compares the tag facts of every document; `display` gives the shown
    /// path of document `file`. Findings come in document and span order.
    pub(crate) fn check(
        &self,
        context: &Context,
        display: &dyn Fn(usize) -> String,
    ) -> Vec<SiteFinding> {
        let mut found = Vec::new();
        if let Level::On(severity) = context.levels.get(STRING_TAGS.id) {
            string_tags::check(self, severity, &mut found);
        }
        if let Level::On(severity) = context.levels.get(TAG_VARIANTS.id) {
            tag_variants::check(self, display, severity, &mut found);
        }
        found.sort_by_key(|f| (f.file, f.diagnostic.span.start, f.diagnostic.span.end));
        found
    }
}
