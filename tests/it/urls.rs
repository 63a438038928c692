//! `prepress urls`: the URL of every page of a site, and why a page is not
//! published, as `jekyll build` gave them (checked with Jekyll 4.3.1).

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("_config.yml", "permalink: pretty\ntimezone: Asia/Tokyo\n"),
            ("_posts/2024-03-11-retro.md", "---\ntitle: Retro\n---\n"),
            // 23:30 in Los Angeles is the next day in Tokyo.
            (
                "_posts/2024-03-12-late.md",
                "---\ndate: 2024-03-12 23:30:00 -0700\nredirect_from: /old-late/\n---\n",
            ),
            ("_posts/2024-03-13-off.md", "---\npublished: false\n---\n"),
            ("_posts/2999-01-01-later.md", "---\ntitle: Later\n---\n"),
            ("_posts/notes.md", "---\ntitle: no date in the name\n---\n"),
            ("_drafts/idea.md", "---\ntitle: Idea\n---\n"),
            ("about.md", "---\ntitle: About\n---\n"),
            ("assets/logo.png", "png"),
        ],
    );
    dir
}

#[test]
fn lists_each_file_with_the_url_jekyll_gives_it() {
    let dir = site();
    let assert = cargo_bin_cmd!("prepress")
        .arg("urls")
        .arg(dir.path().join("_posts"))
        .assert()
        .success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert_eq!(
        out,
        "/2024/03/11/retro/\t_posts/2024-03-11-retro.md\n\
         /2024/03/13/late/\t_posts/2024-03-12-late.md\n\
         /old-late/\t_posts/2024-03-12-late.md\t(redirect)\n\
         /2024/03/13/off/\t_posts/2024-03-13-off.md\t(not published: published: false)\n\
         /2999/01/01/later/\t_posts/2999-01-01-later.md\t(not published: dated in the future)\n\
         /about/\tabout.md\n\
         /assets/logo.png\tassets/logo.png\n"
    );
}

#[test]
fn json_says_why_a_page_is_not_published() {
    let dir = site();
    let assert = cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .args(["urls", "--format", "json"])
        .assert()
        .success();
    let out: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let pages = out["pages"].as_array().unwrap();
    let later = pages
        .iter()
        .find(|p| p["source"] == "_posts/2999-01-01-later.md")
        .unwrap();
    assert_eq!(later["published"], false);
    assert_eq!(later["reason"], "future");
    let redirect = pages.iter().find(|p| p["url"] == "/old-late/").unwrap();
    assert_eq!(redirect["redirect"], true);
    assert_eq!(out["baseurl"], "");
}

#[test]
fn a_folder_outside_any_site_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    cargo_bin_cmd!("prepress")
        .arg("urls")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a Jekyll site"));
}
