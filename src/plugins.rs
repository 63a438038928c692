//! Which plugins make pages, and which URLs each can make, so that a link
//! to a URL no file of the site builds is called broken unless something
//! the site loads could really make it.
//!
//! Three kinds of plugin: those that make no page (jekyll-seo-tag,
//! jekyll-gist, jemoji, a Liquid tag in `_plugins/`...), those whose pages
//! prepress knows (jekyll-archives under its permalinks, jekyll-feed's
//! feeds, jekyll-sitemap, jekyll-redirect-from's redirects, paginated lists,
//! tag pages), and the rest: a gem prepress does not know, or a `_plugins`
//! file that adds pages, either of which may make any URL. Only the last
//! two soften a missing-page finding, and the second only for its own URLs.

use crate::front_matter::tree::{self, Node, NodeKind};

/// Plugins that add no pages, or whose pages (`redirect_from`, the
/// Markdown files Jekyll would skip) prepress works out itself.
const QUIET: &[&str] = &[
    "jekyll-seo-tag",
    "jekyll-redirect-from",
    "jekyll-paginate",
    "jekyll-relative-links",
    "jekyll-optional-front-matter",
    "jekyll-titles-from-headings",
    "jekyll-default-layout",
    "jekyll-readme-index",
    "jekyll-remote-theme",
    "jekyll-github-metadata",
    "jekyll-gist",
    "jekyll-mentions",
    "jemoji",
    "jekyll-include-cache",
    "jekyll-coffeescript",
    "jekyll-commonmark-ghpages",
    "jekyll-commonmark",
    "jekyll-last-modified-at",
    "jekyll-toc",
    "jekyll-avatar",
    "jekyll-sass-converter",
    "kramdown-parser-gfm",
    "jekyll-octicons",
    "jekyll-gfm-admonitions",
    "jekyll-katex",
    "jekyll-spaceship",
    "jekyll-email-protect",
    "jekyll-target-blank",
    "jekyll-twitter-plugin",
    "jekyll-youtube",
    "jekyll-loading-lazy",
    "jekyll-timeago",
    "jekyll-compose",
    "jekyll-algolia",
    "jekyll-analytics",
    "jekyll-minifier",
    "jekyll-github-sample",
    "jekyll-inline-svg",
];

/// Ruby that adds a page or file to the site, in a `_plugins` file.
const MAKES_PAGES: &[&str] = &[
    "PageWithoutAFile",
    "< Page",
    "< Jekyll::Page",
    "Page.new",
    "pages <<",
    "pages.push",
    "pages.concat",
    "pages +=",
    "static_files <<",
    "static_files.push",
    "StaticFile.new",
    "Document.new",
    "docs <<",
];

/// The sources of pages the site's own files do not build.
#[derive(Debug, Clone, Default)]
pub(crate) struct Generators {
    /// Something that may make any URL: a gem prepress does not know, or a
    /// `_plugins` file that adds pages.
    anything: Option<String>,
    /// URL templates of the pages known plugins make (each `:name` one
    /// part of a path), with the plugin's name.
    templates: Vec<(String, &'static str)>,
    /// A plugin that pages lists at `…/page/N/` or `…/pageN/` under any page.
    paginates: Option<&'static str>,
}

impl Generators {
    /// The generators of a site loading `plugins`, configured by
    /// `setting`, with `page_files` the `_plugins` files that add pages.
    pub(crate) fn read<'a>(
        plugins: &[String],
        setting: impl Fn(&str) -> Option<&'a Node>,
        page_files: &[String],
    ) -> Self {
        let mut generators = Generators {
            anything: page_files.first().cloned(),
            ..Generators::default()
        };
        let text = |node: Option<&Node>, key: &str| {
            let entries = node?.as_mapping()?;
            tree::lookup(entries, key)?
                .value
                .as_scalar()
                .filter(|s| !s.is_blank())
                .map(|s| s.value.trim().to_string())
        };
        for plugin in plugins {
            match plugin.as_str() {
                p if QUIET.contains(&p) => {}
                "jekyll-feed" => {
                    let feed = setting("feed");
                    let path = text(feed, "path").unwrap_or_else(|| "/feed.xml".to_string());
                    let mut add =
                        |template: String| generators.templates.push((template, "jekyll-feed"));
                    add(path);
                    // Feeds of categories, tags and collections.
                    add("/feed/:name.xml".to_string());
                    add("/feed/by_tag/:name.xml".to_string());
                    add("/feed/:name/:name.xml".to_string());
                }
                "jekyll-sitemap" => {
                    for url in ["/sitemap.xml", "/robots.txt"] {
                        generators
                            .templates
                            .push((url.to_string(), "jekyll-sitemap"));
                    }
                }
                "jekyll-archives" => {
                    generators.templates.extend(
                        archives(setting("jekyll-archives"))
                            .into_iter()
                            .map(|t| (t, "jekyll-archives")),
                    );
                }
                "jekyll-paginate-v2" => {
                    generators.paginates = Some("jekyll-paginate-v2");
                    generators.templates.extend(
                        autopages(setting("autopages"))
                            .into_iter()
                            .map(|t| (t, "jekyll-paginate-v2")),
                    );
                }
                "jekyll-tagging" => {
                    let dir = setting("tag_page_dir")
                        .and_then(Node::as_scalar)
                        .map_or("tag", |s| s.value.trim().trim_matches('/'));
                    generators
                        .templates
                        .push((format!("/{dir}/:name/"), "jekyll-tagging"));
                }
                other => {
                    generators.anything.get_or_insert_with(|| other.to_string());
                }
            }
        }
        generators
    }

    /// The plugin or file that may make the page at `path` (a canonical
    /// URL, as [`crate::urls`] compares them), if any.
    pub(crate) fn maker(&self, path: &str) -> Option<&str> {
        if let Some(any) = &self.anything {
            return Some(any);
        }
        let parts = segments(path);
        if let Some(plugin) = self.paginates
            && paginated(&parts)
        {
            return Some(plugin);
        }
        self.templates
            .iter()
            .find(|(template, _)| fits(&segments(template), &parts))
            .map(|(_, plugin)| *plugin)
    }
}

/// Whether a `_plugins` Ruby file adds pages or files to the site.
pub(crate) fn makes_pages(ruby: &str) -> bool {
    MAKES_PAGES.iter().any(|code| ruby.contains(code))
}

/// The URL templates of the archives jekyll-archives makes: those of the
/// types `enabled` names (`all`, or a list; none by default), from
/// `permalinks` or the plugin's defaults.
fn archives(config: Option<&Node>) -> Vec<String> {
    const DEFAULTS: [(&str, &str); 5] = [
        ("year", "/:year/"),
        ("month", "/:year/:month/"),
        ("day", "/:year/:month/:day/"),
        ("tags", "/tag/:name/"),
        ("categories", "/category/:name/"),
    ];
    let Some(entries) = config.and_then(Node::as_mapping) else {
        return Vec::new();
    };
    let enabled: Vec<String> = match tree::lookup(entries, "enabled").map(|e| &e.value.kind) {
        Some(NodeKind::Scalar(s)) if s.value.trim() == "all" => {
            DEFAULTS.iter().map(|(t, _)| t.to_string()).collect()
        }
        Some(NodeKind::Scalar(s)) => vec![s.value.trim().to_string()],
        Some(NodeKind::Sequence(items)) => items
            .iter()
            .filter_map(|i| i.as_scalar().map(|s| s.value.trim().to_string()))
            .collect(),
        _ => Vec::new(),
    };
    let permalinks = tree::lookup(entries, "permalinks").and_then(|e| e.value.as_mapping());
    DEFAULTS
        .iter()
        .filter(|(kind, _)| enabled.iter().any(|e| e == kind))
        .map(|(kind, default)| {
            // The permalinks are keyed by the singular (`tag`, `category`).
            let key = kind.strip_suffix("ies").map_or_else(
                || kind.trim_end_matches('s').to_string(),
                |stem| format!("{stem}y"),
            );
            permalinks
                .and_then(|p| tree::lookup(p, &key))
                .and_then(|e| e.value.as_scalar())
                .map_or_else(|| default.to_string(), |s| s.value.trim().to_string())
        })
        .collect()
}

/// The URL templates of jekyll-paginate-v2's tag, category and collection
/// pages, when `autopages` is enabled.
fn autopages(config: Option<&Node>) -> Vec<String> {
    let Some(entries) = config.and_then(Node::as_mapping) else {
        return Vec::new();
    };
    let on = |entries: &[tree::Entry]| {
        tree::lookup(entries, "enabled")
            .and_then(|e| e.value.as_scalar())
            .is_some_and(|s| s.value.trim() == "true")
    };
    if !on(entries) {
        return Vec::new();
    }
    [
        ("tags", "/tag/:tag"),
        ("categories", "/category/:cat"),
        ("collections", "/collection/:coll"),
    ]
    .iter()
    .filter_map(|(kind, default)| {
        let own = tree::lookup(entries, kind)?.value.as_mapping()?;
        if !on(own) {
            return None;
        }
        Some(
            tree::lookup(own, "permalink")
                .and_then(|e| e.value.as_scalar())
                .map_or_else(|| default.to_string(), |s| s.value.trim().to_string()),
        )
    })
    .collect()
}

/// The parts of a URL or template between `/`, without `index.html` or a
/// final `.html`.
fn segments(url: &str) -> Vec<&str> {
    let url = url.strip_suffix("index.html").unwrap_or(url);
    let url = url.strip_suffix(".html").unwrap_or(url);
    url.split('/').filter(|p| !p.is_empty()).collect()
}

/// Whether `parts` fits a template's parts, each `:placeholder` standing
/// for one part (a `:name.xml` for one part ending so; `:year`, `:month`
/// and `:day` for numbers).
fn fits(template: &[&str], parts: &[&str]) -> bool {
    let number = |p: &str, width: usize| {
        !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (width == 0 || p.len() == width)
    };
    let fits_part = |t: &str, p: &str| match t.strip_prefix(':') {
        Some("year") => number(p, 0),
        Some("month" | "day") => number(p, 2),
        Some(placeholder) => {
            let suffix =
                placeholder.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
            p.len() > suffix.len() && p.ends_with(suffix)
        }
        None => t == p,
    };
    template.len() == parts.len() && template.iter().zip(parts).all(|(t, p)| fits_part(t, p))
}

/// Whether a URL is a later page of a paginated list: it ends in
/// `page/N` or `pageN`.
fn paginated(parts: &[&str]) -> bool {
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match parts {
        [.., "page", n] => number(n),
        [.., last] => last.strip_prefix("page").is_some_and(number),
        [] => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generators of a config's `plugins` and settings.
    fn of(config: &str) -> Generators {
        let node = tree::parse(config, 0).unwrap().unwrap();
        let entries = node.as_mapping().unwrap();
        let plugins: Vec<String> = tree::lookup(entries, "plugins")
            .and_then(|e| match &e.value.kind {
                NodeKind::Sequence(items) => Some(items),
                _ => None,
            })
            .into_iter()
            .flatten()
            .filter_map(|i| i.as_scalar().map(|s| s.value.clone()))
            .collect();
        Generators::read(
            &plugins,
            |key| tree::lookup(entries, key).map(|e| &e.value),
            &[],
        )
    }

    #[test]
    fn plugins_that_make_no_pages_soften_nothing() {
        let quiet = of("plugins: [jekyll-seo-tag, jekyll-gist, jemoji, jekyll-mentions]\n");
        assert_eq!(quiet.maker("/team"), None);
        // Archives are off until enabled.
        assert_eq!(of("plugins: [jekyll-archives]\n").maker("/tag/rust"), None);
    }

    #[test]
    fn page_makers_soften_only_their_own_urls() {
        let site = of(
            "plugins: [jekyll-archives, jekyll-feed, jekyll-sitemap]\njekyll-archives:\n  enabled: [tags, year]\n  permalinks:\n    tag: '/tags/:name/'\n",
        );
        for (url, maker) in [
            ("/tags/rust", Some("jekyll-archives")),
            ("/2024", Some("jekyll-archives")),
            ("/tag/rust", None),
            ("/tags/rust/extra", None),
            ("/2024/03", None),
            ("/feed.xml", Some("jekyll-feed")),
            ("/feed/news.xml", Some("jekyll-feed")),
            ("/feed/news", None),
            ("/sitemap.xml", Some("jekyll-sitemap")),
            ("/team", None),
        ] {
            assert_eq!(site.maker(url), maker, "{url}");
        }
        let all = of("plugins: [jekyll-archives]\njekyll-archives:\n  enabled: all\n");
        assert_eq!(all.maker("/category/news"), Some("jekyll-archives"));
        assert_eq!(all.maker("/2024/03/01"), Some("jekyll-archives"));
    }

    #[test]
    fn pagination_v2_and_tag_pages() {
        let site = of(
            "plugins: [jekyll-paginate-v2]\nautopages:\n  enabled: true\n  tags:\n    enabled: true\n    permalink: '/topics/:tag'\n",
        );
        for (url, maker) in [
            ("/blog/page/2", Some("jekyll-paginate-v2")),
            ("/page3", Some("jekyll-paginate-v2")),
            ("/topics/rust", Some("jekyll-paginate-v2")),
            ("/category/rust", None),
            ("/blog/page", None),
        ] {
            assert_eq!(site.maker(url), maker, "{url}");
        }
        assert_eq!(
            of("plugins: [jekyll-tagging]\n").maker("/tag/x"),
            Some("jekyll-tagging")
        );
    }

    #[test]
    fn unknown_plugins_and_page_making_files_may_make_anything() {
        assert_eq!(
            of("plugins: [jekyll-seo-tag, jekyll-polyglot]\n").maker("/team"),
            Some("jekyll-polyglot")
        );
        let files = ["_plugins/tag_pages.rb".to_string()];
        let site = Generators::read(&[], |_| None, &files);
        assert_eq!(site.maker("/anything"), Some("_plugins/tag_pages.rb"));
        assert!(makes_pages("class TagPage < Page\n"));
        assert!(makes_pages(
            "site.pages << PageWithoutAFile.new(site, dir, name)"
        ));
        assert!(!makes_pages(
            "class Related < Generator\n  def generate(site)\n    site.posts.docs.each { |p| p.data['related'] = [] }\n  end\nend\n"
        ));
        assert!(!makes_pages(
            "Liquid::Template.register_tag('youtube', Youtube)"
        ));
    }
}
