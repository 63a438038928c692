//! Tests of the pages each file gives: pages, collections, static files.

use super::helpers::*;
use crate::urls::page::{Found, Hidden};

#[test]
fn front_matter_and_defaults_set_the_url() {
    let (_dir, site) = site_of(&[
        (
            "_config.yml",
            "defaults:\n  - scope: {path: _posts}\n    values: {permalink: '/notes/:title/'}\n",
        ),
        ("_posts/2024-03-09-a.md", POST),
        (
            "_posts/2024-03-10-b.md",
            "---\npermalink: /b-post/\nslug: ignored\n---\n",
        ),
        ("_posts/2024-03-11-c.md", "---\nslug: Third One\n---\n"),
    ]);
    assert_eq!(url_of(&site, "_posts/2024-03-09-a.md"), Some("/notes/a/"));
    assert_eq!(url_of(&site, "_posts/2024-03-10-b.md"), Some("/b-post/"));
    assert_eq!(
        url_of(&site, "_posts/2024-03-11-c.md"),
        Some("/notes/Third-One/")
    );
}

#[test]
fn pages_keep_their_folder() {
    let (_dir, site) = site_of(&[
        ("_config.yml", "title: x\n"),
        ("about.md", "---\ntitle: About\n---\n"),
        ("docs/index.md", "---\n---\n"),
        ("docs/setup.html", "---\n---\n"),
        ("feed.json", "---\n---\n{}"),
        ("css/main.scss", "---\n---\nbody {}"),
        (
            "notes.md",
            "No front matter, still a page on GitHub Pages.\n",
        ),
        ("assets/logo.svg", "<svg/>"),
        ("team.md", "---\npermalink: /people/\n---\n"),
    ]);
    for (source, url) in [
        ("about.md", "/about.html"),
        ("docs/index.md", "/docs/"),
        ("docs/setup.html", "/docs/setup.html"),
        ("feed.json", "/feed.json"),
        ("css/main.scss", "/css/main.css"),
        ("notes.md", "/notes.html"),
        ("assets/logo.svg", "/assets/logo.svg"),
        ("team.md", "/people/"),
    ] {
        assert_eq!(url_of(&site, source), Some(url), "{source}");
    }
    let (_dir, site) = site_of(&[
        ("_config.yml", "permalink: pretty\n"),
        ("about.md", "---\n---\n"),
    ]);
    assert_eq!(url_of(&site, "about.md"), Some("/about/"));
}

#[test]
fn collections_publish_only_with_output() {
    let (_dir, site) = site_of(&[
        (
            "_config.yml",
            "collections:\n  recipes:\n    output: true\n    permalink: /cook/:name/\n  trips:\n    output: true\n  notes: {}\n",
        ),
        ("_recipes/Oat Bars.md", "---\n---\n"),
        ("_trips/2023/danube.md", "---\n---\n"),
        ("_notes/memo.md", "---\n---\n"),
    ]);
    let urls = site.urls();
    assert_eq!(
        url_of(&site, "_recipes/Oat Bars.md"),
        Some("/cook/oat-bars/")
    );
    assert_eq!(
        url_of(&site, "_trips/2023/danube.md"),
        Some("/trips/2023/danube.html")
    );
    assert!(
        matches!(urls.find("/notes/memo.html"), Found::Hidden(p) if p.hidden == Some(Hidden::NoOutput))
    );
}

#[test]
fn static_files_of_a_collection_take_its_url() {
    // What `jekyll build` 4.3 writes for these files.
    let (_dir, site) = site_of(&[
        (
            "_config.yml",
            "collections:\n  principles:\n    output: true\n    permalink: /partnership-principles/:path/\n  things:\n    output: true\n  notes:\n    output: false\n",
        ),
        ("_principles/a.pdf", "pdf"),
        ("_principles/sub/b.pdf", "pdf"),
        ("_things/d.pdf", "pdf"),
        ("_things/data.json", "{}"),
        ("_notes/c.pdf", "pdf"),
        ("assets/e.pdf", "pdf"),
    ]);
    let urls = site.urls();
    for (source, url) in [
        ("_principles/a.pdf", "/partnership-principles/a.pdf"),
        ("_principles/sub/b.pdf", "/partnership-principles/sub/b.pdf"),
        ("_things/d.pdf", "/things/d.pdf"),
        ("_things/data.json", "/things/data.json"),
        ("assets/e.pdf", "/assets/e.pdf"),
    ] {
        assert_eq!(url_of(&site, source), Some(url), "{source}");
        assert!(matches!(look_up(&site, url), Found::Page(_)), "{url}");
    }
    assert!(
        matches!(urls.find("/notes/c.pdf"), Found::Hidden(p) if p.hidden == Some(Hidden::NoOutput))
    );
    // Dots before the extension are dropped, in a collection or not.
    let (_dir, site) = site_of(&[
        (
            "_config.yml",
            "collections:\n  things:\n    output: true\n    permalink: /stuff/:path/\n",
        ),
        ("assets/x..png", "png"),
        ("assets/z...pdf", "pdf"),
        ("_things/a..pdf", "pdf"),
    ]);
    for (source, url) in [
        ("assets/x..png", "/assets/x.png"),
        ("assets/z...pdf", "/assets/z.pdf"),
        ("_things/a..pdf", "/stuff/a.pdf"),
    ] {
        assert_eq!(url_of(&site, source), Some(url), "{source}");
    }
    // Not where they are in the source.
    assert_eq!(urls.find("/_principles/a.pdf"), Found::Missing);
    assert_eq!(urls.find("/partnership-principles/a/"), Found::Missing);
}

#[test]
fn hidden_pages_keep_their_reason() {
    let (_dir, site) = site_of(&[
        ("_config.yml", "title: x\n"),
        ("_posts/2024-01-01-off.md", "---\npublished: false\n---\n"),
        ("_posts/2999-01-01-later.md", POST),
        ("_drafts/idea.md", POST),
        ("_posts/notes.md", POST),
    ]);
    let urls = site.urls();
    assert!(
        matches!(urls.find("/2024/01/01/off.html"), Found::Hidden(p) if p.hidden == Some(Hidden::Unpublished))
    );
    assert!(
        matches!(urls.find("/2999/01/01/later.html"), Found::Hidden(p) if p.hidden == Some(Hidden::Future))
    );
    let sources: Vec<&str> = urls.pages.values().map(|p| p.source.as_str()).collect();
    assert!(
        !sources
            .iter()
            .any(|s| s.contains("idea") || s.contains("notes")),
        "drafts and misnamed posts have no URL: {sources:?}"
    );
    let (_dir, site) = site_of(&[
        ("_config.yml", "future: true\n"),
        ("_posts/2999-01-01-later.md", POST),
    ]);
    assert!(matches!(
        site.urls().find("/2999/01/01/later.html"),
        Found::Page(_)
    ));
}
