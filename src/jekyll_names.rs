//! Jekyll's naming conventions: the folders and files it treats specially,
//! the extensions it converts as Markdown, what it skips by default. Site
//! loading, discovery, the URL model and a document's role all follow them;
//! they are written once, here. (The post file name, `YYYY-MM-DD-slug.ext`,
//! is read by [`crate::date::name_date`].)

/// The config file Jekyll reads by default.
pub(crate) const CONFIG_FILE: &str = "_config.yml";

/// The folder of posts, at any depth.
pub(crate) const POSTS: &str = "_posts";

/// The folder of drafts, at any depth.
pub(crate) const DRAFTS: &str = "_drafts";

/// The layouts folder, unless the config's `layouts_dir` names another.
pub(crate) const LAYOUTS: &str = "_layouts";

/// The includes folder, unless the config's `includes_dir` names another.
pub(crate) const INCLUDES: &str = "_includes";

/// The data folder, unless the config's `data_dir` names another.
pub(crate) const DATA: &str = "_data";

/// The plugins folder, unless the config's `plugins_dir` names another.
pub(crate) const PLUGINS: &str = "_plugins";

/// Extensions Jekyll converts with Markdown (its default `markdown_ext`).
pub(crate) const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mkdown", "mkdn", "mkd"];

/// What Jekyll always excludes, whatever the config says.
pub(crate) const DEFAULT_EXCLUDE: &[&str] = &[
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle",
    "vendor/cache",
    "vendor/gems",
    "vendor/ruby",
];

/// Folders never worth walking: the built site, caches, vendored code and
/// version control. Neither Jekyll's sources nor files to check live there.
pub(crate) const NEVER_WALKED: &[&str] = &[
    ".git",
    "_site",
    ".jekyll-cache",
    ".sass-cache",
    "node_modules",
    "vendor",
];

/// Whether Jekyll skips a file or folder by its name alone: it starts with
/// `.`, `_`, `#` or `~`, or ends with `~` (a backup).
pub(crate) fn is_special(name: &str) -> bool {
    name.starts_with(['.', '_', '#', '~']) || name.ends_with('~')
}

/// The collection a folder named `name` holds (`recipes` for `_recipes`),
/// when it is named like one.
pub(crate) fn collection_of(folder: &str) -> Option<&str> {
    folder.strip_prefix('_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_names_are_hidden_partial_or_backup() {
        for name in [".git", "_layouts", "#draft.md", "~lock", "post.md~"] {
            assert!(is_special(name), "{name}");
        }
        for name in ["about.md", "a_b.md", "a~b.md", "posts"] {
            assert!(!is_special(name), "{name}");
        }
    }

    #[test]
    fn collections_are_underscored_folders() {
        assert_eq!(collection_of("_recipes"), Some("recipes"));
        assert_eq!(collection_of("recipes"), None);
    }
}
