//! The sample sites under `fixtures/sites/`: each broken site reports exactly
//! the defects its EXPECTED.md lists, its clean twin reports nothing but notes.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;

fn site(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/sites")
        .join(name)
}

fn compact(dir: &Path, args: &[&str]) -> (String, i32) {
    let output = cargo_bin_cmd!("prepress")
        .current_dir(dir)
        .args(["--format", "compact"])
        .args(args)
        .output()
        .expect("prepress runs");
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap(),
    )
}

#[test]
fn the_defaults_site_reports_each_listed_defect() {
    let (out, code) = compact(&site("defaults-broken"), &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("defaults_broken", out);
}

#[test]
fn the_theme_site_reports_each_listed_defect() {
    let (out, code) = compact(&site("theme-broken"), &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("theme_broken", out);
}

#[test]
fn the_clean_twins_report_nothing_but_theme_notes() {
    let (out, code) = compact(&site("defaults-clean"), &[]);
    assert_eq!((out.as_str(), code), ("", 0));
    let (out, code) = compact(&site("theme-clean"), &[]);
    assert_eq!(code, 0);
    assert!(out.lines().all(|l| l.contains(": info[")), "{out}");
}

#[test]
fn one_staged_post_is_checked_against_its_site() {
    // As pre-commit runs it: from the repository root, one file by path.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let post =
        "fixtures/sites/defaults-broken/_posts/engineering/2022-09-05-reading-flame-graphs.md";
    let (out, code) = compact(root, &[post]);
    assert_eq!(
        out,
        format!(
            "{post}:32:67: error[broken-post-url] no post is called `engineering/2022-03-14-why-we-moved-to-trunk-based-developmant`, so Jekyll stops the build here\n"
        )
    );
    assert_eq!(code, 1);
    // The same post without the site: its defaults give it an author, here nothing does.
    let clean =
        "fixtures/sites/defaults-clean/_posts/engineering/2022-09-05-reading-flame-graphs.md";
    assert_eq!(compact(root, &[clean]), (String::new(), 0));
}

#[test]
fn tags_are_compared_across_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("_config.yml", "title: x\nauthor: Team\n");
    write(
        "_posts/2024-01-01-a.md",
        "---\ntitle: A\ntags: [agile, open-source]\n---\n",
    );
    write(
        "_posts/2024-01-02-b.md",
        "---\ntitle: B\ntags: [agile]\n---\n",
    );
    write(
        "_posts/2024-01-03-c.md",
        "---\ntitle: C\ntags: \"Agile open source\"\n---\n",
    );
    let (out, _) = compact(dir.path(), &[]);
    assert_eq!(
        out,
        "_posts/2024-01-03-c.md:3:7: warning[string-tags] `tags` is a string here, which Jekyll splits into 3 tags: Agile, open, source; 2 other documents of this site write it as a list\n\
         _posts/2024-01-03-c.md:3:8: warning[tag-variants] the tag `Agile` is also written `agile` in this site, so Jekyll makes separate tags of them\n"
    );
}

#[test]
fn string_tags_warn_only_where_something_reads_the_tags() {
    let config = "title: x\nauthor: Team\nplugins: [jekyll-redirect-from]\ncollections:\n  people:\n    output: true\n";
    let post = (
        "_posts/2024-01-01-a.md",
        "---\ntitle: A\ntags: [agile]\n---\n",
    );
    let person = "---\ntitle: Ann\ntags: open source\n---\n";
    let moved = "---\ntitle: Bo\ntags: open source\nredirect_to: /team/\n---\n";
    // No template reads a person's tags: the split shows nowhere.
    let dir = temp_site(&[("_config.yml", config), post, ("_people/ann.md", person)]);
    let (out, _) = compact(dir.path(), &[]);
    assert!(
        out.starts_with("_people/ann.md:3:7: info[string-tags] `tags` is a string here, which Jekyll splits into 2 tags: open, source; 1 other document of this site writes it as a list, but nothing reads it here: no layout"),
        "{out}"
    );
    // A layout lists a page's tags: a warning, except in a redirect page,
    // which jekyll-redirect-from writes without the layout.
    let dir = temp_site(&[
        ("_config.yml", config),
        (
            "_layouts/default.html",
            "{% for t in page.tags %}{{ t }}{% endfor %}",
        ),
        post,
        ("_people/ann.md", person),
        ("_people/bo.md", moved),
    ]);
    let (out, _) = compact(dir.path(), &[]);
    let severities: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("[string-tags]"))
        .map(|l| l.split(' ').nth(1).unwrap())
        .collect();
    assert_eq!(
        severities,
        ["warning[string-tags]", "info[string-tags]"],
        "{out}"
    );
}

/// A site in a temporary folder holding `files` (path, text).
fn temp_site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn an_include_is_checked_as_the_text_jekyll_pastes() {
    // Jekyll 4.3.1 reads no front matter from an include: its leading `---`
    // is a horizontal rule in the page that includes it. Its prose and its
    // Liquid are still checked; its folder is the config's `includes_dir`.
    let note = "---\nThe the note, see {% post_url 2024-01-01-nope %}.\n";
    let dir = temp_site(&[
        ("_config.yml", "title: x\nincludes_dir: _partials\n"),
        ("_partials/note.md", note),
        ("_partials/cr.md", "---\rtitle: x\r---\rText\r"),
        ("_includes/old.md", "---\ntitle: x\n"),
    ]);
    let (out, code) = compact(
        dir.path(),
        &["_partials/note.md", "_partials/cr.md", "_includes/old.md"],
    );
    assert_eq!(
        out,
        "_partials/note.md:2:1: warning[repeated-word] `The` is repeated\n\
         _partials/note.md:2:31: error[broken-post-url] no post is called `2024-01-01-nope`, so Jekyll stops the build here\n"
    );
    assert_eq!(code, 1);
}
