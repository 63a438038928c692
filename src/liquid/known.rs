//! The Liquid tags a Jekyll site knows without plugins of its own, and the
//! tags of common plugin gems.
//!
//! Read from the sources: Liquid 4.0 (what Jekyll 3 and 4 ask for, and what
//! GitHub Pages runs) registers `assign`, `break`, `capture`, `case`,
//! `comment`, `continue`, `cycle`, `decrement`, `for`, `if`, `ifchanged`,
//! `include`, `increment`, `raw`, `tablerow` and `unless`; Liquid 5 adds
//! `echo`, `liquid`, `render` and the inline comment `{% # … %}`. Jekyll adds
//! `highlight`, `include` (its own), `include_relative`, `link` and
//! `post_url`.

/// A tag Liquid or Jekyll registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Builtin {
    /// Whether it is a block, closed by `end` and its name.
    pub(crate) block: bool,
    /// Whether only Liquid 5 has it (Debian's Jekyll 4.3 runs Liquid 5.4;
    /// the Jekyll gem and GitHub Pages run Liquid 4, where it is unknown).
    pub(crate) liquid5: bool,
}

/// The tags of Liquid 4 and Jekyll, and whether each is a block.
const LIQUID4: &[(&str, bool)] = &[
    ("assign", false),
    ("break", false),
    ("capture", true),
    ("case", true),
    ("comment", true),
    ("continue", false),
    ("cycle", false),
    ("decrement", false),
    ("for", true),
    ("if", true),
    ("ifchanged", true),
    ("include", false),
    ("increment", false),
    ("raw", true),
    ("tablerow", true),
    ("unless", true),
    ("highlight", true),
    ("include_relative", false),
    ("link", false),
    ("post_url", false),
];

/// The tags only Liquid 5 has.
const LIQUID5: &[&str] = &["echo", "liquid", "render", "#"];

/// The tag `name` if Liquid or Jekyll registers it.
pub(crate) fn builtin(name: &str) -> Option<Builtin> {
    if let Some((_, block)) = LIQUID4.iter().find(|(n, _)| *n == name) {
        return Some(Builtin {
            block: *block,
            liquid5: false,
        });
    }
    LIQUID5.contains(&name).then_some(Builtin {
        block: false,
        liquid5: true,
    })
}

/// The tags a block accepts inside it besides its end tag (`{% else %}` in
/// an `if`), as Liquid's blocks accept them.
pub(crate) fn branches(block: &str) -> &'static [&'static str] {
    match block {
        "if" | "unless" => &["elsif", "else"],
        "case" => &["when", "else"],
        "for" => &["else"],
        _ => &[],
    }
}

/// Plugin gems and the tags they register (read from each gem's source).
/// A gem listed with no tags defines none, so loading it cannot explain an
/// unknown tag.
const GEMS: &[(&str, &[&str])] = &[
    ("jekyll-seo-tag", &["seo"]),
    ("jekyll-feed", &["feed_meta"]),
    ("jekyll-gist", &["gist"]),
    ("jekyll-avatar", &["avatar"]),
    ("jekyll-include-cache", &["include_cached"]),
    ("jekyll-twitter-plugin", &["twitter"]),
    ("jekyll-last-modified-at", &["last_modified_at"]),
    ("jekyll-sitemap", &[]),
    ("jekyll-redirect-from", &[]),
    ("jekyll-paginate", &[]),
    ("jekyll-paginate-v2", &[]),
    ("jekyll-archives", &[]),
    ("jekyll-github-metadata", &[]),
    ("jekyll-mentions", &[]),
    ("jemoji", &[]),
    ("jekyll-relative-links", &[]),
    ("jekyll-optional-front-matter", &[]),
    ("jekyll-readme-index", &[]),
    ("jekyll-default-layout", &[]),
    ("jekyll-titles-from-headings", &[]),
    ("jekyll-remote-theme", &[]),
    ("jekyll-coffeescript", &[]),
    ("jekyll-commonmark", &[]),
    ("jekyll-commonmark-ghpages", &[]),
    ("jekyll-sass-converter", &[]),
];

/// The plugins GitHub Pages loads whatever the config says, which a site
/// built with the `github-pages` gem has too.
pub(crate) const GITHUB_PAGES_DEFAULTS: &[&str] = &[
    "jekyll-coffeescript",
    "jekyll-commonmark-ghpages",
    "jekyll-default-layout",
    "jekyll-gist",
    "jekyll-github-metadata",
    "jekyll-optional-front-matter",
    "jekyll-paginate",
    "jekyll-readme-index",
    "jekyll-relative-links",
    "jekyll-titles-from-headings",
];

/// The tags of the plugin gem `gem`, if prepress knows the gem.
pub(crate) fn gem_tags(gem: &str) -> Option<&'static [&'static str]> {
    GEMS.iter().find(|(g, _)| *g == gem).map(|(_, tags)| *tags)
}

/// The known gem that registers the tag `name`, if one does.
pub(crate) fn gem_of(name: &str) -> Option<&'static str> {
    GEMS.iter()
        .find(|(_, tags)| tags.contains(&name))
        .map(|(gem, _)| *gem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_liquid_and_jekyll_tags() {
        assert_eq!(builtin("if").map(|b| b.block), Some(true));
        assert_eq!(builtin("highlight").map(|b| b.block), Some(true));
        assert_eq!(builtin("post_url").map(|b| b.block), Some(false));
        assert_eq!(builtin("render").map(|b| b.liquid5), Some(true));
        assert_eq!(builtin("youtube"), None);
        assert_eq!(builtin("endif"), None);
    }

    #[test]
    fn knows_which_gem_registers_a_tag() {
        assert_eq!(gem_of("seo"), Some("jekyll-seo-tag"));
        assert_eq!(gem_tags("jekyll-sitemap"), Some(&[][..]));
        assert_eq!(gem_tags("jekyll-unheard-of"), None);
        assert_eq!(branches("case"), ["when", "else"]);
        assert!(branches("capture").is_empty());
    }
}
