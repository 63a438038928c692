//! Tests of loading a site: its files, its configs, their problems, paths.

use std::path::Path;

use super::helpers::write;
use crate::site::files::relative_slash_path;
use crate::site::model::Site;
use crate::site_problem::{Problem, YamlFile};

#[test]
fn reads_layouts_includes_posts_and_authors() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("_config.yml", "title: x\nfuture: true\n"),
            ("_layouts/post.html", ""),
            ("_layouts/blog/wide.html", ""),
            ("_includes/note.html", ""),
            ("_includes/cards/small.html", ""),
            ("_posts/2024-01-02-hello.md", ""),
            ("_posts/2024/2024-03-04-deep.md", ""),
            ("news/_posts/2023-05-06-news.md", ""),
            (
                "_data/authors.yml",
                "priya:\n  name: Priya\nsam:\n  name: Sam\n",
            ),
            ("_site/_layouts/ghost.html", ""),
        ],
    );
    let site = Site::load(dir.path(), &[]);
    assert!(site.future);
    assert_eq!(site.theme, None);
    assert!(site.layouts.contains("post") && site.layouts.contains("blog/wide"));
    assert!(!site.layouts.contains("ghost"));
    assert!(site.includes.contains("note.html") && site.includes.contains("cards/small.html"));
    for name in [
        "2024-01-02-hello",
        "2024-03-04-deep",
        "2024/2024-03-04-deep",
        "2023-05-06-news",
    ] {
        assert!(site.posts.contains(name), "{name}");
    }
    assert_eq!(
        site.authors,
        Some(vec!["priya".to_string(), "sam".to_string()])
    );
    assert!(site.files.contains("_posts/2024/2024-03-04-deep.md"));
}

#[test]
fn later_configs_win_and_themes_are_noted() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("_config.yml", "future: true\n"),
            (
                "_config.prod.yml",
                "future: false\nremote_theme: owner/theme\n",
            ),
        ],
    );
    let configs = [
        dir.path().join("_config.yml"),
        dir.path().join("_config.prod.yml"),
    ];
    let site = Site::load(dir.path(), &configs);
    assert!(!site.future);
    assert_eq!(site.theme.as_deref(), Some("owner/theme"));
}

#[test]
fn a_broken_config_is_a_problem_in_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[("_config.yml", "title: Agile: notes\n")]);
    let site = Site::load(dir.path(), &[]);
    assert_eq!(site.problems.len(), 1);
    assert!(site.problems[0].path.ends_with("_config.yml"));
    assert!(matches!(
        &site.problems[0].kind,
        Problem::InvalidYaml { file: YamlFile::Config, error } if error.at == 12
    ));
}

#[test]
fn an_unknown_timezone_is_a_problem_at_its_value() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[("_config.yml", "timezone:  Europe/Berlim \n")],
    );
    let site = Site::load(dir.path(), &[]);
    assert_eq!(site.timezone, None);
    let Problem::UnknownTimezone { span, name } = &site.problems[0].kind else {
        panic!("{:?}", site.problems);
    };
    assert_eq!((span.clone(), name.as_str()), (11..24, "Europe/Berlim"));
}

#[test]
fn relative_paths_have_no_root_and_slash_separators() {
    let cases = [
        (".", "./_posts/a.md"),
        ("./", "./_posts/a.md"),
        ("site", "site/_posts/a.md"),
        ("site/", "site/_posts/a.md"),
        ("/tmp/site", "/tmp/site/_posts/a.md"),
    ];
    for (root, path) in cases {
        assert_eq!(
            relative_slash_path(Path::new(path), Path::new(root)).as_deref(),
            Some("_posts/a.md"),
            "{root} {path}"
        );
    }
    assert_eq!(
        relative_slash_path(Path::new("other/a.md"), Path::new("site")),
        None
    );
    assert_eq!(
        relative_slash_path(Path::new("site2/a.md"), Path::new("site")),
        None
    );
}
