//! Tests of what Jekyll reads, and as what.

use super::helpers::write;
use crate::site::model::Site;

#[test]
fn knows_what_jekyll_reads_and_of_what_type() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "_config.yml",
            "collections:\n  recipes:\n    output: true\nexclude: [notes, \"drafts-*\"]\n",
        )],
    );
    let site = Site::load(dir.path(), &[]);
    assert_eq!(site.kind_of("_posts/2024/2024-01-01-a.md"), "posts");
    assert_eq!(site.kind_of("_drafts/a.md"), "drafts");
    assert_eq!(site.kind_of("_recipes/soup.md"), "recipes");
    assert_eq!(site.kind_of("about.md"), "pages");
    assert_eq!(site.kind_of("docs/guide.md"), "pages");
    assert_eq!(site.kind_of("_drafts/_posts/a.md"), "posts");
    assert_eq!(site.kind_of("blog/_drafts/a.md"), "drafts");
    assert_eq!(site.kind_of("_recipes/soups/pea.md"), "recipes");
    assert_eq!(site.kind_of("_data/comments/a/b.yml"), "pages");
    assert_eq!(site.kind_of("docs/_recipes/soup.md"), "pages");
    for path in [
        "_posts/2024-01-01-a.md",
        "_recipes/soup.md",
        "about.md",
        "docs/a.md",
        "blog/_posts/2024-01-01-a.md",
    ] {
        assert!(site.publishes(path), "{path}");
    }
    for path in [
        "_templates/post.md",
        "_includes/note.md",
        "notes/a.md",
        "drafts-old/a.md",
        "vendor/bundle/x/README.md",
        "Gemfile",
        "_config.yml",
        "_notes.md",
        "docs/.draft.md",
        ".well-known/security.txt",
        "#scratch.md",
        "about.md~",
        "docs~/a.md",
    ] {
        assert!(!site.publishes(path), "{path}");
    }
}

#[test]
fn include_brings_back_what_jekyll_would_skip() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "_config.yml",
            "include: [_pages, /.well-known/]\nexclude: [_pages/old]\n",
        )],
    );
    let site = Site::load(dir.path(), &[]);
    for path in [
        "_pages/about.md",
        "_pages/old/a.md",
        ".well-known/security.txt",
        ".htaccess",
        "docs/.htaccess",
    ] {
        assert!(site.publishes(path), "{path}");
    }
    for path in ["_other/a.md", "node_modules/a.md", ".env"] {
        assert!(!site.publishes(path), "{path}");
    }
}
