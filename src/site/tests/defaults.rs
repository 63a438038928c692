//! Tests of the config's `defaults:`.

use super::helpers::write;
use crate::site::model::Site;

#[test]
fn old_singular_default_types_mean_the_plural_ones() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "_config.yml",
            "defaults:\n  - scope: {type: post}\n    values: {layout: post}\n  - scope: {type: page}\n    values: {layout: page}\n  - scope: {type: recipe}\n    values: {layout: recipe}\n",
        )],
    );
    let site = Site::load(dir.path(), &[]);
    let kinds: Vec<Option<&str>> = site.defaults.iter().map(|d| d.kind.as_deref()).collect();
    assert_eq!(kinds, [Some("posts"), Some("pages"), Some("recipe")]);
    let layout = |rel: &str, kind: &str| {
        site.defaults_for(rel, kind)
            .into_iter()
            .find(|e| e.key.key_text() == Some("layout"))
            .and_then(|e| e.value.as_scalar())
            .map(|s| s.value.clone())
    };
    assert_eq!(
        layout("_posts/2024-01-01-a.md", "posts").as_deref(),
        Some("post")
    );
    assert_eq!(layout("about.md", "pages").as_deref(), Some("page"));
}

#[test]
fn defaults_merge_as_jekyll_merges_them() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "_config.yml",
            r#"author: Site Team
defaults:
  - scope:
      path: ""
    values:
      layout: page
      author: anyone
  - scope:
      path: ""
      type: posts
    values:
      layout: post
  - scope:
      path: _posts/2024
    values:
      author: priya
  - scope:
      path: ""
    values:
      layout: late
  - scope:
      path: "docs/*"
    values:
      toc: true
"#,
        )],
    );
    let site = Site::load(dir.path(), &[]);
    assert!(site.author);
    assert_eq!(site.defaults.len(), 5);
    let value = |rel: &str, kind: &str, key: &str| {
        site.defaults_for(rel, kind)
            .into_iter()
            .find(|g| g.key.key_text() == Some(key))
            .map(|g| (g.value.as_scalar().unwrap().value.clone(), site.origin(g)))
    };
    // A typed scope beats an untyped one of the same depth, even a later one.
    assert_eq!(
        value("_posts/2023-01-01-a.md", "posts", "layout"),
        Some(("post".into(), "_config.yml:12".into()))
    );
    assert_eq!(
        value("about.md", "pages", "layout"),
        Some(("late".into(), "_config.yml:20".into()))
    );
    // A deeper path wins.
    assert_eq!(
        value("_posts/2024/2024-01-01-a.md", "posts", "author").map(|v| v.0),
        Some("priya".into())
    );
    assert_eq!(
        value("_posts/2023-01-01-a.md", "posts", "author").map(|v| v.0),
        Some("anyone".into())
    );
    assert_eq!(
        value("docs/guide/x.md", "pages", "toc").map(|v| v.0),
        Some("true".into())
    );
    assert_eq!(value("docsx/x.md", "pages", "toc"), None);
}
