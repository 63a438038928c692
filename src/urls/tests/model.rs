//! Tests of the URL model: every form a link takes, hidden pages, what
//! plugins, pagination and themes provide.

use super::helpers::*;
use crate::urls::page::Found;

#[test]
fn urls_match_whatever_form_a_link_takes() {
    let (_dir, site) = site_of(&[
        ("_config.yml", "title: x\n"),
        ("about.md", "---\n---\n"),
        ("docs/index.md", "---\n---\n"),
    ]);
    let urls = site.urls();
    for link in [
        "/about",
        "/about/",
        "/about.html",
        "/docs",
        "/docs/",
        "/docs/index.html",
    ] {
        assert!(matches!(urls.find(link), Found::Page(_)), "{link}");
    }
    assert_eq!(urls.find("/abut/"), Found::Missing);
    assert_eq!(urls.closest("/abut/"), Some("/about.html"));
}

#[test]
fn redirects_pagination_and_plugins() {
    let (_dir, site) = site_of(&[
        (
            "_config.yml",
            "paginate: 5\npaginate_path: /blog/page:num/\n",
        ),
        (
            "_posts/2024-01-01-a.md",
            "---\nredirect_from: [/old-a/, old-a-too]\n---\n",
        ),
    ]);
    let urls = site.urls();
    assert!(matches!(urls.find("/old-a/"), Found::Page(_)));
    assert!(matches!(urls.find("/old-a-too"), Found::Page(_)));
    assert_eq!(urls.find("/blog/page2/"), Found::Provided);
    assert_eq!(urls.find("/blog/page/"), Found::Missing);
    assert_eq!(urls.find("/feed.xml"), Found::Provided);
    let (_dir, site) = site_of(&[("_config.yml", "theme: minima\nplugins: [jekyll-feed]\n")]);
    assert_eq!(site.urls().find("/assets/main.css"), Found::Maybe("minima"));
    // A theme ships assets, not old pages.
    assert_eq!(site.urls().find("/archive/2005/1838.aspx"), Found::Missing);
    assert_eq!(site.urls().find("/team/"), Found::Missing);
    let (_dir, site) = site_of(&[
        (
            "_config.yml",
            "plugins: [jekyll-archives]\njekyll-archives:\n  enabled: [tags]\n",
        ),
        (
            "_plugins/tag_pages.rb",
            "site.pages << TagPage.new(site, tag)\n",
        ),
        (
            "_plugins/youtube.rb",
            "Liquid::Template.register_tag('youtube', Tag)\n",
        ),
    ]);
    assert_eq!(
        site.urls().find("/team/"),
        Found::Maybe("_plugins/tag_pages.rb")
    );
    // Plugins that make no page, and archives only under their URLs.
    let (_dir, site) = site_of(&[
        (
            "_config.yml",
            "plugins: [jekyll-archives, jekyll-seo-tag]\njekyll-archives:\n  enabled: [tags]\n",
        ),
        (
            "_plugins/youtube.rb",
            "Liquid::Template.register_tag('youtube', Tag)\n",
        ),
    ]);
    assert_eq!(site.urls().find("/team/"), Found::Missing);
    assert_eq!(
        site.urls().find("/tag/rust/"),
        Found::Maybe("jekyll-archives")
    );
}
