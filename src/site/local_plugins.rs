//! The site's own Ruby plugins in its plugins folder: the Liquid tags they
//! register, and which of them add pages (tags, filters and generators that
//! only compute data make none).

use super::model::Site;

/// Reads the `.rb` files of `site` under `plugins_dir` (ending in `/`) into
/// its local plugins and plugin tags; returns those that add pages, sorted.
pub(super) fn read_local_plugins(site: &mut Site, plugins_dir: &str) -> Vec<String> {
    let ruby: Vec<String> = site
        .files
        .iter()
        .filter(|f| f.starts_with(plugins_dir) && f.ends_with(".rb"))
        .cloned()
        .collect();
    site.local_plugins = !ruby.is_empty();
    let mut page_files = Vec::new();
    for file in ruby {
        if let Ok(rb) = std::fs::read_to_string(site.root.join(&file)) {
            site.plugin_tags
                .extend(crate::plugin_tags::registered_tags(&rb));
            if crate::plugins::makes_pages(&rb) {
                page_files.push(file);
            }
        }
    }
    page_files.sort();
    page_files
}
