//! Tests of look-ups by path guesses: they read only what they must and
//! agree with the model.

use super::helpers::*;
use crate::urls::guesses::{digit_run, post_digits};
use crate::urls::page::{Found, Hidden};

#[test]
fn a_look_up_reads_only_what_it_must_and_agrees_with_the_model() {
    let (_dir, site) = site_of(&[
        ("_config.yml", "title: x\n"),
        ("team.md", "---\npermalink: /people/\n---\n"),
        ("about.md", "---\ntitle: About\n---\n"),
        ("_posts/2024-01-01-off.md", "---\npublished: false\n---\n"),
        ("_posts/2024-01-02-moved.md", "---\nslug: elsewhere\n---\n"),
    ]);
    assert!(matches!(look_up(&site, "/about/"), Found::Page(_)));
    assert!(
        site.urls.get().is_none(),
        "a path guess that holds needs no model"
    );
    let guesses = site.url_guesses.get().unwrap();
    assert!(
        guesses.posts.get().is_none(),
        "a link with no digits cannot be a dated post's"
    );
    assert!(matches!(
        look_up(&site, "/2024/01/01/off.html"),
        Found::Hidden(p) if p.hidden == Some(Hidden::Unpublished)
    ));
    assert!(site.urls.get().is_none());
    for (link, found) in [
        ("/team.html", false),
        ("/people/", true),
        ("/2024/01/02/moved.html", false),
        ("/2024/01/02/elsewhere.html", true),
    ] {
        assert_eq!(
            matches!(look_up(&site, link), Found::Page(_)),
            found,
            "{link}"
        );
        assert_eq!(look_up(&site, link), site.urls().find(link), "{link}");
    }
}

#[test]
fn post_urls_are_looked_up_only_where_they_could_be() {
    for (config, digits) in [
        ("title: x\n", 3),
        ("permalink: pretty\n", 3),
        ("permalink: none\n", 0),
        ("permalink: /:i_month/:title/\n", 1),
        ("permalink: /:year_:title\n", 3),
        ("permalink: /blog/:title/\n", 0),
        (
            "collections:\n  posts:\n    permalink: /:month/:title/\n",
            2,
        ),
        (
            "defaults:\n  - scope: {path: \"\"}\n    values: {permalink: /:title/}\n",
            0,
        ),
        (
            "defaults:\n  - scope: {path: \"\"}\n    values: {redirect_from: /a/}\n",
            0,
        ),
        (
            "defaults:\n  - scope: {type: posts}\n    values: {permalink: /:title/}\n",
            0,
        ),
        (
            "defaults:\n  - scope: {type: pages}\n    values: {permalink: /:title/}\n",
            3,
        ),
    ] {
        let (_dir, site) = site_of(&[("_config.yml", config)]);
        assert_eq!(post_digits(&site), digits, "{config}");
    }
    assert_eq!(digit_run("/2024/069/a1"), 4);
    assert_eq!(digit_run("/about/"), 0);
    // Without dated URLs every link needs the posts, and finds them.
    let (_dir, site) = site_of(&[
        ("_config.yml", "permalink: /:title/\n"),
        ("_posts/2024-01-01-hello.md", POST),
    ]);
    assert!(matches!(look_up(&site, "/hello/"), Found::Page(_)));
    assert!(site.urls.get().is_none());
}

#[test]
fn copied_files_are_looked_up_by_their_path_not_listed() {
    let (_dir, site) = site_of(&[
        ("_config.yml", "title: x\n"),
        ("about.md", "---\ntitle: About\n---\n"),
        ("assets/logo.png", "png"),
        ("assets/report..pdf", "pdf"),
        ("assets/.hidden.png", "png"),
        ("LICENSE", "text"),
    ]);
    for (link, found) in [
        ("/about/", true),
        ("/assets/logo.png", true),
        ("/assets/report.pdf", true),
        ("/assets/report..pdf", false),
        ("/assets/.hidden.png", false),
        ("/LICENSE/", true),
        ("/assets/missing.png", false),
    ] {
        assert_eq!(
            matches!(look_up(&site, link), Found::Page(_)),
            found,
            "{link}"
        );
        assert_eq!(look_up(&site, link), site.urls().find(link), "{link}");
    }
    let guesses = site.url_guesses.get().unwrap();
    let listed: Vec<&String> = guesses.others.get().unwrap().values().flatten().collect();
    assert_eq!(listed, ["about.md"], "copied files are not listed");
}
