//! What Liquid written into a link's destination gives, where it can be
//! known before the build: the site's own prefix (`{{ site.baseurl }}`),
//! a config or front matter string, a quoted path given to `relative_url`.
//! `broken-link` and `broken-fragment` read destinations with it.

use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{Entry, lookup};
use crate::site::Site;

/// Filters after `site.baseurl` or `site.url` that keep the output a prefix
/// of the site's own URLs, written without spaces.
const SITE_PREFIX_FILTERS: &[&str] = &[
    "relative_url",
    "absolute_url",
    "prepend:site.url",
    "prepend:site.baseurl",
    "append:site.baseurl",
];

/// Filters that put the site's own prefix before a path, which the rule
/// reads past.
const URL_FILTERS: &[&str] = &["relative_url", "absolute_url"];

/// Page variables Jekyll works out itself, whatever the front matter says.
const COMPUTED: &[&str] = &[
    "url",
    "id",
    "path",
    "relative_path",
    "name",
    "dir",
    "collection",
    "date",
    "content",
    "excerpt",
    "output",
    "next",
    "previous",
];

/// What a Liquid token adds to a destination: nothing for the site's own
/// prefix, the config's string for `{{ site.KEY }}`, the front matter's for
/// `{{ page.KEY }}` (`page` is the document's own), and a quoted text such
/// as `{{ "/x/" | relative_url }}` as written (with a `/` before it when
/// the filter adds one); `None` for anything else.
pub(super) fn liquid_value(site: &Site, page: &[Entry], token: &str) -> Option<String> {
    let inner = token.strip_prefix("{{")?.strip_suffix("}}")?;
    let inner = inner.trim_start_matches('-').trim_end_matches('-');
    let mut parts = inner.split('|');
    let head = parts.next()?.trim();
    let filters: Vec<String> = parts
        .map(|f| f.split_whitespace().collect::<String>())
        .collect();
    let url_filters = filters.iter().all(|f| URL_FILTERS.contains(&f.as_str()));
    let value = if let Some(quoted) = quoted(head) {
        quoted.to_string()
    } else if let Some(key) = head.strip_prefix("page.") {
        if COMPUTED.contains(&key) {
            return None;
        }
        let scalar = lookup(page, key)?.value.as_scalar()?;
        if scalar.resolve() != Resolved::Str {
            return None;
        }
        scalar.value.trim().to_string()
    } else {
        match head.strip_prefix("site.")? {
            "baseurl" | "url"
                if filters
                    .iter()
                    .all(|f| SITE_PREFIX_FILTERS.contains(&f.as_str())) =>
            {
                return Some(String::new());
            }
            key => site.strings.get(key)?.clone(),
        }
    };
    if !url_filters {
        return None;
    }
    // `relative_url` and `absolute_url` put a `/` before a path without one.
    if !filters.is_empty() && !value.contains(':') && !value.starts_with('/') {
        return Some(format!("/{value}"));
    }
    Some(value)
}

/// The text of a Liquid string, `"…"` or `'…'`.
fn quoted(head: &str) -> Option<&str> {
    ['"', '\'']
        .iter()
        .find_map(|q| head.strip_prefix(*q)?.strip_suffix(*q))
        .filter(|text| !text.contains(['"', '\'']))
}
