//! Every file is checked against its own site: the nearest folder at or above
//! it with a `_config.yml`, found per file, so one run may hold several sites
//! (a site in `docs/`, two sites named together, a pre-commit list from a
//! monorepo, a site inside another), and a file in none is said to be so.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

/// A folder holding `files` (path, text).
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// prepress's compact output and exit status, run in `dir` with `args`.
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

/// Two sites side by side: each refers to what only the other has. The blog
/// has the layout `wide` and links to a post only the docs have; the docs
/// use `wide` and link to a post only the blog has. Their tags differ only in
/// case, which is no slip across two sites.
fn two_sites() -> tempfile::TempDir {
    folder(&[
        ("blog/_config.yml", "title: Blog\nauthor: Team\n"),
        ("blog/_layouts/wide.html", "{{ content }}"),
        (
            "blog/_posts/2024-01-01-hello.md",
            "---\ntitle: Hello\nlayout: wide\ntags: [Agile]\n---\nSee {% post_url 2024-02-02-setup %}.\n",
        ),
        ("docs/_config.yml", "title: Docs\nauthor: Team\n"),
        (
            "docs/_posts/2024-02-02-setup.md",
            "---\ntitle: Setup\nlayout: wide\ntags: [agile]\n---\nSee {% post_url 2024-01-01-hello %}.\n",
        ),
    ])
}

const BLOG_FINDINGS: &str = "blog/_posts/2024-01-01-hello.md:6:17: error[broken-post-url] no post is called `2024-02-02-setup`, so Jekyll stops the build here\n";
const DOCS_FINDINGS: &str = "docs/_posts/2024-02-02-setup.md:3:9: warning[missing-layout] there is no layout `wide` in `_layouts/`; Jekyll renders this page without a layout\n\
     docs/_posts/2024-02-02-setup.md:6:17: error[broken-post-url] no post is called `2024-01-01-hello`, so Jekyll stops the build here\n";

#[test]
fn a_site_in_docs_is_found_from_the_repository_root() {
    let dir = folder(&[
        ("README.md", "# The project\n"),
        ("docs/_config.yml", "title: Docs\nauthor: Team\n"),
        (
            "docs/_posts/2024-01-01-a.md",
            "---\ntitle: A\n---\nSee {% post_url 2024-01-01-nope %}.\n",
        ),
    ]);
    let (out, code) = compact(dir.path(), &[]);
    assert_eq!(
        out,
        "README.md:1:1: info[no-site] no `_config.yml` here or in any folder above, so this file is in no Jekyll site: \
         its `{% post_url %}`, `{% link %}`, `{% include %}`, layouts, authors and links were not checked\n\
         docs/_posts/2024-01-01-a.md:4:17: error[broken-post-url] no post is called `2024-01-01-nope`, so Jekyll stops the build here\n"
    );
    assert_eq!(code, 1);
    // The same from `prepress .` and from inside the site.
    assert_eq!(compact(dir.path(), &["."]), (out, 1));
    let (inside, code) = compact(&dir.path().join("docs"), &[]);
    assert_eq!(
        inside,
        "_posts/2024-01-01-a.md:4:17: error[broken-post-url] no post is called `2024-01-01-nope`, so Jekyll stops the build here\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn two_sites_in_one_run_each_get_their_own_findings() {
    let dir = two_sites();
    let expected = format!("{BLOG_FINDINGS}{DOCS_FINDINGS}");
    for args in [&["blog", "docs"][..], &["docs", "blog"], &[]] {
        let (out, code) = compact(dir.path(), args);
        assert_eq!(out, expected, "prepress {args:?}");
        assert_eq!(code, 1);
    }
    // `--site` still makes one site of everything, as asked.
    let (out, _) = compact(dir.path(), &["--site", "blog", "blog", "docs"]);
    assert!(!out.contains("missing-layout"), "{out}");
}

#[test]
fn a_pre_commit_file_list_from_two_sites_is_checked_file_by_file() {
    let dir = two_sites();
    // A third site no listed file belongs to is never read: its broken
    // config is not this commit's business.
    std::fs::create_dir(dir.path().join("other")).unwrap();
    std::fs::write(dir.path().join("other/_config.yml"), "title: a: b\n").unwrap();
    let (out, code) = compact(
        dir.path(),
        &[
            "docs/_posts/2024-02-02-setup.md",
            "blog/_posts/2024-01-01-hello.md",
        ],
    );
    assert_eq!(out, format!("{BLOG_FINDINGS}{DOCS_FINDINGS}"));
    assert_eq!(code, 1);
    // From inside one site, a file of the other is still checked against its own.
    let (out, _) = compact(
        &dir.path().join("blog"),
        &["../docs/_posts/2024-02-02-setup.md"],
    );
    assert_eq!(out, DOCS_FINDINGS.replace("docs/_posts", "../docs/_posts"));
}

#[test]
fn a_site_inside_another_owns_its_files() {
    let dir = folder(&[
        (
            "_config.yml",
            "title: Outer\nauthor: Team\nexclude: [docs, notes]\n",
        ),
        ("_layouts/outer.html", "{{ content }}"),
        (
            "_posts/2024-01-01-a.md",
            "---\ntitle: A\nlayout: inner\n---\nText.\n",
        ),
        ("notes/todo.md", "---\ntitle: ''\n---\n"),
        (
            "docs/_config.yml",
            "title: Inner\nauthor: Team\nexclude: [old]\n",
        ),
        ("docs/_layouts/inner.html", "{{ content }}"),
        (
            "docs/guide.md",
            "---\ntitle: Guide\nlayout: outer\n---\nText.\n",
        ),
        ("docs/old/stale.md", "---\ntitle: ''\n---\n"),
    ]);
    let (out, code) = compact(dir.path(), &[]);
    // The outer site's `exclude: [docs]` does not hide the inner site's
    // files, and its layouts are not the inner site's; the inner site's own
    // `exclude` applies inside it, and the outer's to `notes/`.
    assert_eq!(
        out,
        "_posts/2024-01-01-a.md:3:9: warning[missing-layout] there is no layout `inner` in `_layouts/`; Jekyll renders this page without a layout\n\
         docs/guide.md:3:9: warning[missing-layout] there is no layout `outer` in `_layouts/`; Jekyll renders this page without a layout\n"
    );
    assert_eq!(code, 0);
}

#[test]
fn a_run_without_a_site_says_so_once() {
    let dir = folder(&[
        (
            "b.md",
            "---\ntitle: B\n---\nSee {% post_url 2024-01-01-nope %}.\n",
        ),
        ("a/a.md", "---\nlayout: nope\n---\nText.\n"),
        ("c.md", "Text.\n"),
    ]);
    let (out, code) = compact(dir.path(), &[]);
    assert_eq!(
        out,
        "a/a.md:1:1: info[no-site] no `_config.yml` here or in any folder above, so this file is in no Jekyll site: \
         its `{% post_url %}`, `{% link %}`, `{% include %}`, layouts, authors and links were not checked \
         (nor in 2 other files without a site)\n"
    );
    assert_eq!(code, 0);
    // In JSON, at the first line of the first such file, with its help.
    let output = cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = json["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["rule"], "no-site");
    assert_eq!(found[0]["severity"], "info");
    assert_eq!(
        (&found[0]["line"], &found[0]["column"]),
        (&1.into(), &1.into())
    );
    assert_eq!(
        found[0]["help"],
        "check from inside the site, or name its root with `--site DIR`"
    );
    // Standard input outside a site gets it too; `--site` gives a site, and
    // with it the finding the note warned of.
    let output = cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .args(["--format", "compact", "--stdin", "--stdin-filename", "b.md"])
        .write_stdin("Text.\n")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&output.stdout).starts_with("b.md:1:1: info[no-site] "),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let (out, code) = compact(dir.path(), &["--site", ".", "b.md"]);
    assert_eq!(
        (out.as_str(), code),
        (
            "b.md:4:17: error[broken-post-url] no post is called `2024-01-01-nope`, so Jekyll stops the build here\n",
            1
        )
    );
    // Turned off in the config, it is gone.
    std::fs::write(
        dir.path().join(".prepress.yml"),
        "rules:\n  disable: [no-site]\n",
    )
    .unwrap();
    assert_eq!(compact(dir.path(), &[]), (String::new(), 0));
}

#[test]
fn a_missing_config_or_site_folder_is_a_usage_error() {
    let dir = folder(&[
        ("_config.yml", "title: x\n"),
        ("_posts/2024-01-01-a.md", "---\ntitle: A\n---\n"),
    ]);
    let cases = [
        (&["--config", "_nope.yml"][..], "_nope.yml"),
        (&["--config", "_config.yml,_nope.yml"], "_nope.yml"),
        (&["--site", "/nonexistent/site"], "/nonexistent/site"),
        (&["--site", "_config.yml"], "_config.yml"),
    ];
    for (args, named) in cases {
        let output = cargo_bin_cmd!("prepress")
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(
            stderr.starts_with("error: invalid value") && stderr.contains(&format!("'{named}'")),
            "{args:?}: {stderr}"
        );
    }
}
