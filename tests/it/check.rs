//! Runs the real `prepress` binary on the sample site and on temporary sites.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;

fn site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/site")
}

/// `prepress` run from the sample site, colour off.
fn prepress_in(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("prepress");
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

fn stdout(cmd: &mut Command) -> (String, i32) {
    let output = cmd.output().expect("prepress runs");
    assert!(
        output.stderr.is_empty() || !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8(output.stdout).expect("output is UTF-8"),
        output.status.code().expect("exited normally"),
    )
}

/// The compact line of the `no-site` note on `path`, the first of `others + 1`
/// files that belong to no Jekyll site.
fn no_site(path: &str, others: usize) -> String {
    let nor = match others {
        0 => String::new(),
        1 => " (nor in 1 other file without a site)".to_string(),
        n => format!(" (nor in {n} other files without a site)"),
    };
    format!(
        "{path}:1:1: info[no-site] no `_config.yml` here or in any folder above, so this file is in no Jekyll site: \
         its `{{% post_url %}}`, `{{% link %}}`, `{{% include %}}`, layouts, authors and links were not checked{nor}\n"
    )
}

/// Replaces the run time in the summary line so snapshots are stable.
fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"checked in \d+ ms", "checked in [TIME] ms");
    settings
}

/// Every slip of the post that started prepress, at the line and column of
/// the characters to change.
const MOTIVATING_POST: &str = "\
_posts/2024-03-11-sprint-retro.md:4:9: warning[empty-value] `author` is empty
_posts/2024-03-11-sprint-retro.md:5:13: warning[empty-value] `categories` is empty
_posts/2024-03-11-sprint-retro.md:6:7: warning[empty-value] `tags` is empty
_posts/2024-03-11-sprint-retro.md:7:12: info[published-false] `published: false` keeps this post off the site
_posts/2024-03-11-sprint-retro.md:8:11: warning[quoted-boolean] `comments: \"true\"` is the text \"true\", not a boolean, and `_layouts/post.html` compares it with `true` (`page.comments == true`), which the text never equals
_posts/2024-03-11-sprint-retro.md:11:34: warning[met-not-meet] after `been`, write `met`, not `meet`
_posts/2024-03-11-sprint-retro.md:11:63: warning[double-determiner] `the our`: two determiners in a row
_posts/2024-03-11-sprint-retro.md:12:5: warning[acronym-plural-apostrophe] `PO's` reads as a possessive; the plural is `POs`
_posts/2024-03-11-sprint-retro.md:12:14: warning[acronym-plural-apostrophe] `SM's` reads as a possessive; the plural is `SMs`
_posts/2024-03-11-sprint-retro.md:14:42: warning[mixed-compounds] `text-book` is written `Text book` elsewhere in this post
";

#[test]
fn the_motivating_post_reports_each_slip_at_its_place() {
    let (out, code) = stdout(prepress_in(&site()).args([
        "--format",
        "compact",
        "_posts/2024-03-11-sprint-retro.md",
    ]));
    assert_eq!(out, MOTIVATING_POST);
    assert_eq!(code, 0, "warnings alone do not fail a run");
}

#[test]
fn max_warnings_turns_warnings_into_a_failure() {
    let post = "_posts/2024-03-11-sprint-retro.md";
    let (_, code) = stdout(prepress_in(&site()).args(["-q", "--max-warnings", "9", post]));
    assert_eq!(code, 0);
    let (_, code) = stdout(prepress_in(&site()).args(["-q", "--max-warnings", "8", post]));
    assert_eq!(code, 1);
}

#[test]
fn compact_output_of_the_sample_site() {
    let (out, code) = stdout(prepress_in(&site()).args(["--format", "compact"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!("compact_site", out);
}

#[test]
fn human_output_of_the_sample_site() {
    let (out, code) = stdout(prepress_in(&site()).args(["--color", "never"]));
    assert_eq!(code, 1);
    settings().bind(|| insta::assert_snapshot!("human_site", out));
}

#[test]
fn human_output_underlines_the_value() {
    let (out, _) = stdout(prepress_in(&site()).args([
        "--color",
        "never",
        "_posts/2024-03-11-sprint-retro.md",
    ]));
    let snippet = "\n 4 │ author: \"\"\n   ·         ──\n";
    assert!(out.contains(snippet), "{out}");
    assert!(
        out.contains("╭─[_posts/2024-03-11-sprint-retro.md:4:9]"),
        "{out}"
    );
    assert!(
        out.contains("\n0 errors, 9 warnings, 1 info in 1 file (1 file checked in "),
        "{out}"
    );
}

#[test]
fn json_output_of_the_sample_site_follows_the_schema() {
    let (out, code) = stdout(prepress_in(&site()).args(["--format", "json"]));
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    let schema_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json-output.schema.json"),
    )
    .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(value["files_checked"], 14);
    insta::assert_snapshot!("json_site", out);
}

#[test]
fn the_schema_rejects_a_malformed_document() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json-output.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let bad = serde_json::json!({"version": 1, "files_checked": 1, "diagnostics": [
        {"path": "a.md", "rule": "x", "severity": "fatal", "message": "m", "line": 0}
    ]});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn a_bad_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("_posts");
    std::fs::create_dir(&posts).unwrap();
    std::fs::write(
        posts.join("2024-01-01-latin1.md"),
        b"---\ntitle: Caf\xe9\n---\n",
    )
    .unwrap();
    std::fs::write(
        posts.join("2024-01-02-open.md"),
        "---\ntitle: Open\n\nBody\n",
    )
    .unwrap();
    std::fs::write(
        posts.join("2024-01-03-good.md"),
        "---\ntitle: Good\nauthor: ''\n---\nBody\n",
    )
    .unwrap();
    let (out, code) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        no_site("_posts/2024-01-01-latin1.md", 2)
            + "_posts/2024-01-01-latin1.md:2:11: error[invalid-utf8] this file is not valid UTF-8: this byte cannot be read as text\n\
         _posts/2024-01-02-open.md:1:1: error[unclosed-front-matter] this front matter block is never closed\n\
         _posts/2024-01-03-good.md:3:9: warning[empty-value] `author` is empty\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_clean_post_passes_quietly() {
    let (out, code) =
        stdout(prepress_in(&site()).args(["-q", "_posts/2024-03-04-why-we-pair.md", "_drafts"]));
    assert_eq!((out.as_str(), code), ("", 0));
    let (out, _) = stdout(prepress_in(&site()).args(["_posts/2024-03-04-why-we-pair.md"]));
    assert!(
        out.starts_with("0 errors, 0 warnings in 0 files (1 file checked in "),
        "{out}"
    );
}

#[test]
fn a_missing_path_is_reported_and_exits_2_after_checking_the_rest() {
    let (out, code) = stdout(prepress_in(&site()).args([
        "--format",
        "compact",
        "_posts/nope.md",
        "_posts/2024-04-01-half-finished.md",
    ]));
    assert_eq!(
        out,
        "_posts/2024-04-01-half-finished.md:1:1: error[unclosed-front-matter] this front matter block is never closed\n\
         _posts/nope.md:1:1: error[unreadable-file] could not read `_posts/nope.md`: no such file or directory\n"
    );
    assert_eq!(code, 2);
}

#[test]
fn a_directory_named_like_markdown_is_searched_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("x.md")).unwrap();
    std::fs::write(dir.path().join("x.md/inner.md"), "---\ntitle: ''\n---\n").unwrap();
    let (out, code) = stdout(prepress_in(dir.path()).args(["--format", "compact", "x.md"]));
    assert_eq!(
        out,
        no_site("x.md/inner.md", 0) + "x.md/inner.md:2:8: warning[empty-value] `title` is empty\n"
    );
    assert_eq!(code, 0);
    let (again, _) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(again, out);
}

#[cfg(unix)]
#[test]
fn an_unreadable_path_is_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("loop.md", dir.path().join("loop.md")).unwrap();
    std::fs::write(dir.path().join("open.md"), "---\ntitle: ''\n---\n").unwrap();
    let (out, code) =
        stdout(prepress_in(dir.path()).args(["--format", "compact", "loop.md", "open.md"]));
    assert_eq!(
        out,
        "loop.md:1:1: error[unreadable-file] could not read `loop.md`: too many levels of symbolic links\n"
            .to_string()
            + &no_site("open.md", 0)
            + "open.md:2:8: warning[empty-value] `title` is empty\n"
    );
    assert_eq!(code, 2);
}

#[cfg(unix)]
#[test]
fn a_walk_does_not_follow_links() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    std::fs::write(dir.path().join("real/post.md"), "---\ntitle: ''\n---\n").unwrap();
    std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("link.md")).unwrap();
    // A walk does not follow links, so the folder is checked once, through its real path.
    let (out, _) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        no_site("real/post.md", 0) + "real/post.md:2:8: warning[empty-value] `title` is empty\n"
    );
}

#[test]
fn named_files_are_checked_even_when_ignored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".gitignore"), "skipped.md\n").unwrap();
    std::fs::write(dir.path().join("skipped.md"), "---\ntitle: ''\n---\n").unwrap();
    let (out, _) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(out, "");
    let (out, _) = stdout(prepress_in(dir.path()).args(["--format", "compact", "skipped.md"]));
    assert_eq!(
        out,
        no_site("skipped.md", 0) + "skipped.md:2:8: warning[empty-value] `title` is empty\n"
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let post = "_posts/2024-03-11-sprint-retro.md";
    let (out, _) = stdout(prepress_in(&site()).args(["--color", "always", post]));
    assert!(out.contains("\u{1b}["), "colour was asked for");
    let (out, _) = stdout(prepress_in(&site()).args([post]));
    assert!(!out.contains("\u{1b}["), "not a terminal: no colour");
    let (out, _) = stdout(
        prepress_in(&site())
            .env("NO_COLOR", "1")
            .args(["--color", "auto", post]),
    );
    assert!(!out.contains("\u{1b}["));
}

#[test]
fn output_is_in_path_order_whatever_the_thread_count() {
    let (one, _) = stdout(prepress_in(&site()).args(["--format", "compact", "-j", "1"]));
    let (many, _) = stdout(prepress_in(&site()).args(["--format", "compact", "-j", "4"]));
    assert_eq!(one, many);
    let paths: Vec<&str> = one.lines().map(|l| l.split(':').next().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted);
}

#[test]
fn a_named_config_or_data_file_is_checked_for_yaml_that_stops_the_build() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: [A blog\n").unwrap();
    std::fs::create_dir_all(dir.path().join("_data/comments")).unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    std::fs::write(dir.path().join("_data/nav.yml"), "- [Home\n").unwrap();
    std::fs::write(dir.path().join("_data/comments/a.yml"), "a: [b\n").unwrap();
    std::fs::write(dir.path().join("_data/ok.yml"), "a: 1\n").unwrap();
    std::fs::write(
        dir.path().join("_posts/2024-01-01-a.md"),
        "---\ntitle: A\n---\nBody\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        stdout(
            prepress_in(dir.path())
                .args(["--format", "compact"])
                .args(args),
        )
    };
    let config = "_config.yml:2:1: error[invalid-yaml] this site config is not valid YAML: did not find expected ',' or ']'\n";
    let nav = "_data/nav.yml:2:1: error[invalid-yaml] this data file is not valid YAML: did not find expected ',' or ']'\n";
    assert_eq!(run(&["_config.yml"]), (config.to_string(), 1));
    // Only the data file named, not the site's other broken one.
    assert_eq!(run(&["_data/nav.yml"]), (nav.to_string(), 1));
    assert_eq!(run(&["_data/ok.yml"]), (String::new(), 0));
    // A named post leaves the site's config and data files alone, as before.
    assert_eq!(run(&["_posts/2024-01-01-a.md"]), (String::new(), 0));
    // Named beside a walk of the whole site, each is reported once.
    let (all, code) = run(&[".", "_config.yml"]);
    assert_eq!(code, 1);
    assert_eq!(all.matches("_config.yml:").count(), 1, "{all}");
    assert_eq!(all.matches("error[invalid-yaml]").count(), 3, "{all}");
}

#[test]
fn configuration_checks_any_key_and_changes_severities() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("_config.yml"),
        "title: A blog\nauthor: The Team\nprepress:\n  rules:\n    severity:\n      empty-value: error\n    disable: [missing-title]\n  front-matter:\n    check-empty: all\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    // A layout shows the translator, so an empty one shows.
    std::fs::create_dir(dir.path().join("_layouts")).unwrap();
    std::fs::write(
        dir.path().join("_layouts/post.html"),
        "{{ page.translator }}{{ content }}",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("_posts/2024-01-01-a.md"),
        "---\ntranslator: \"\"\n---\nBody\n",
    )
    .unwrap();
    let (out, code) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_posts/2024-01-01-a.md:2:13: error[empty-value] `translator` is empty\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_config_mistake_is_shown_at_its_place_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".prepress.yml"),
        "rules:\n  severity:\n    empty-value: loud\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.md"), "---\ntitle: x\n---\n").unwrap();
    let output = prepress_in(dir.path())
        .args(["--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains("a severity is one of `off`, `info`, `warning` or `error`"),
        "{err}"
    );
    assert!(err.contains("[.prepress.yml:3:18]"), "{err}");
    assert!(err.contains(" 3 │     empty-value: loud"), "{err}");
}

/// A temporary site from `(path, text)` pairs.
fn site_from(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn cross_references_are_checked_against_the_site() {
    let dir = site_from(&[
        ("_config.yml", "title: Team blog\n"),
        ("_layouts/post.html", "{{ content }}"),
        ("_includes/figure.html", "<figure></figure>"),
        (
            "_data/authors.yml",
            "priya:\n  name: Priya Raman\nsam:\n  name: Sam Okafor\n",
        ),
        (
            "_posts/2024-01-10-hello-world.md",
            "---\nlayout: post\ntitle: Hello\nauthor: priya\n---\nHi.\n",
        ),
        (
            "_posts/2024-02-01-links.md",
            "---\nlayout: psot\ntitle: Links\nauthor: pryia\n---\nSee [it]({% post_url 2024-01-10-hello-wrld %}).\n\n{% include figure.htm %}\n",
        ),
        (
            "_posts/2999-01-01-someday.md",
            "---\nlayout: post\ntitle: Someday\nauthor: sam\n---\nLater.\n",
        ),
        (
            "_posts/2024-03-04-launch.md",
            "---\nlayout: post\ntitle: Launch\nauthor: sam\ndate: 2024-03-05\n---\nGo.\n",
        ),
        (
            "_posts/launch-notes.md",
            "---\nlayout: post\ntitle: Notes\nauthor: sam\n---\nNotes.\n",
        ),
    ]);
    let (out, code) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_posts/2024-02-01-links.md:2:9: warning[missing-layout] there is no layout `psot` in `_layouts/`; Jekyll renders this page without a layout\n\
         _posts/2024-02-01-links.md:4:9: warning[unknown-author] `pryia` is not an author in `_data/authors`\n\
         _posts/2024-02-01-links.md:6:22: error[broken-post-url] no post is called `2024-01-10-hello-wrld`, so Jekyll stops the build here\n\
         _posts/2024-02-01-links.md:8:12: error[missing-include] `_includes/figure.htm` does not exist, so Jekyll stops the build here\n\
         _posts/2024-03-04-launch.md:5:7: info[date-mismatch] this post is dated 2024-03-05, but its file name says 2024-03-04\n\
         _posts/2999-01-01-someday.md:1:1: warning[future-date] this post is dated 2999-01-01, in the future: Jekyll will not publish it until then\n\
         _posts/launch-notes.md:1:1: error[post-filename] `launch-notes.md` is not named `YYYY-MM-DD-slug.ext`, so Jekyll skips it without a word\n"
    );
    assert_eq!(code, 1);
    let (json, _) =
        stdout(prepress_in(dir.path()).args(["--format", "json", "_posts/2024-02-01-links.md"]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let helps: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["help"].as_str().unwrap())
        .collect();
    assert_eq!(
        helps,
        [
            "did you mean `post`?",
            "did you mean `priya`?",
            "did you mean `2024-01-10-hello-world`?",
            "did you mean `figure.html`?"
        ]
    );
}

#[test]
fn a_single_file_finds_its_site_and_a_theme_softens_missing_files() {
    let dir = site_from(&[
        (
            "blog/_config.yml",
            "title: x\nremote_theme: owner/theme\nfuture: true\n",
        ),
        (
            "blog/_posts/2999-01-01-a.md",
            "---\nlayout: wide\ntitle: A\nauthor: A\n---\n{% include head.html %}\n",
        ),
    ]);
    // Run from the repository root with one staged file, as pre-commit does.
    let (out, code) = stdout(prepress_in(dir.path()).args([
        "--format",
        "compact",
        "blog/_posts/2999-01-01-a.md",
    ]));
    assert_eq!(
        out,
        "blog/_posts/2999-01-01-a.md:2:9: info[missing-layout] the layout `wide` is not in this site; it must come from the theme `owner/theme`\n\
         blog/_posts/2999-01-01-a.md:6:12: info[missing-include] `_includes/head.html` is not in this site; it must come from the theme `owner/theme`\n"
    );
    assert_eq!(code, 0);
}

#[test]
fn a_broken_site_config_is_reported_in_it_and_extra_configs_merge() {
    let dir = site_from(&[
        ("_config.yml", "title: Agile: notes\n"),
        ("_config.ok.yml", "future: false\n"),
        ("_config.future.yml", "future: true\n"),
        (
            "_posts/2999-01-01-a.md",
            "---\ntitle: A\nauthor: Sam\n---\n",
        ),
    ]);
    let (out, code) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_config.yml:1:13: error[invalid-yaml] this site config is not valid YAML: mapping values are not allowed in this context\n\
         _posts/2999-01-01-a.md:1:1: warning[future-date] this post is dated 2999-01-01, in the future: Jekyll will not publish it until then\n"
    );
    assert_eq!(code, 1);
    let (out, _) = stdout(prepress_in(dir.path()).args([
        "--format",
        "compact",
        "--config",
        "_config.ok.yml,_config.future.yml",
    ]));
    assert_eq!(out, "");
}

#[test]
fn defaults_give_values_and_an_explicit_empty_value_overrides_them() {
    let dir = site_from(&[
        (
            "_config.yml",
            "title: Team blog\ndefaults:\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n      layout: post\n      author: priya\n",
        ),
        ("_layouts/post.html", "{{ page.author }}{{ content }}"),
        ("_data/authors.yml", "priya:\n  name: Priya Raman\n"),
        (
            "_posts/2024-01-01-no-author.md",
            "---\ntitle: No author key\n---\nText.\n",
        ),
        (
            "_posts/2024-01-02-null-author.md",
            "---\ntitle: Null author\nauthor:\n---\nText.\n",
        ),
        (
            "_posts/2024-01-03-empty-author.md",
            "---\ntitle: Empty author\nauthor: \"\"\n---\nText.\n",
        ),
    ]);
    // The site signs its posts: 40 more name their author themselves.
    for day in 1..=40 {
        let path = dir.path().join(format!(
            "_posts/signed/2023-01-{:02}-p{day}.md",
            day % 28 + 1
        ));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            path,
            "---\ntitle: Signed\nauthor: priya\nlayout: post\n---\nText.\n",
        )
        .unwrap();
    }
    let (out, code) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_posts/2024-01-03-empty-author.md:3:9: warning[empty-value] `author` is empty\n"
    );
    assert_eq!(code, 0);
    // Without the defaults, the same posts lack an author and a layout.
    std::fs::write(dir.path().join("_config.yml"), "title: Team blog\n").unwrap();
    let (out, _) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_posts/2024-01-01-no-author.md:1:1: warning[missing-author] this post has no author, while 41 of the site's 42 other posts have one\n\
         _posts/2024-01-02-null-author.md:1:1: warning[missing-author] this post has no author, while 41 of the site's 42 other posts have one\n\
         _posts/2024-01-02-null-author.md:3:1: warning[empty-value] `author` has no value\n\
         _posts/2024-01-03-empty-author.md:3:9: warning[empty-value] `author` is empty\n"
    );
}

#[test]
fn a_value_from_defaults_names_its_config_line() {
    let dir = site_from(&[
        (
            "_config.yml",
            "author: Team\ndefaults:\n  - scope:\n      path: _posts\n    values:\n      layout: psot\n      published: false\n",
        ),
        ("_layouts/post.html", "{{ content }}"),
        (
            "_posts/2024-01-01-a.md",
            "---\ntitle: A\npublished: true\n---\nText.\n",
        ),
        ("_posts/2024-01-02-b.md", "---\ntitle: B\n---\nText.\n"),
    ]);
    // The unpublished post is never rendered, so its layout is not looked up.
    let (out, _) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_posts/2024-01-01-a.md:1:1: warning[missing-layout] there is no layout `psot` in `_layouts/` (set by the site's `defaults`, _config.yml:6); Jekyll renders this page without a layout\n\
         _posts/2024-01-02-b.md:1:1: info[published-false] `published: false` keeps this post off the site: the site's `defaults` set it (_config.yml:7)\n"
    );
    let (json, _) = stdout(prepress_in(dir.path()).args(["--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let label = &value["diagnostics"][0]["labels"][0];
    assert_eq!(label["path"], "_config.yml");
    assert_eq!(
        (label["line"].as_u64(), label["column"].as_u64()),
        (Some(6), Some(15))
    );
    assert_eq!(label["message"], "set by the site's `defaults` here");
    let (human, _) = stdout(prepress_in(dir.path()).args(["--color", "never"]));
    assert!(
        human.contains("(set by the site's `defaults` here: _config.yml:6:15)"),
        "{human}"
    );
}

#[test]
fn links_and_images_inside_the_site_must_exist() {
    let dir = site_from(&[
        ("_config.yml", "title: x\nauthor: Team\nbaseurl: /blog\n"),
        ("assets/img/team-photo.jpg", "jpg"),
        ("_posts/2024-01-01-a.md", "---\ntitle: A\n---\nHi.\n"),
        ("about.md", "---\ntitle: About\n---\nUs.\n"),
        (
            "_posts/2024-01-02-b.md",
            "---\ntitle: B\n---\n![Team]({{ site.baseurl }}/assets/img/team-phto.jpg) [A](2024-01-01-a.md) [C](../_posts/2024-01-03-c.md)\n\n![ok](/blog/assets/img/team-photo.jpg) [page](/about/) [post](/blog/2024/01/01/a.html) [out](https://example.com/x.png)\n\n[old](/2024/01/01/a-post.html) [feed](/feed.xml)\n\n```\n![in code](/assets/nope.png)\n```\n",
        ),
    ]);
    let (out, _) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_posts/2024-01-02-b.md:4:27: warning[broken-link] this image points to `assets/img/team-phto.jpg`, which is not a file of this site\n\
         _posts/2024-01-02-b.md:4:79: warning[broken-link] this link points to `_posts/2024-01-03-c.md`, which is not a file of this site\n\
         _posts/2024-01-02-b.md:8:7: warning[broken-link] this link points to `/2024/01/01/a-post.html`, which is not a page of this site\n"
    );
    let (json, _) = stdout(prepress_in(dir.path()).args(["--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["diagnostics"][2]["help"],
        "did you mean `/2024/01/01/a.html`?"
    );
}

#[test]
fn links_to_pages_jekyll_will_not_publish_say_why() {
    let dir = site_from(&[
        (
            "_config.yml",
            "title: x\nauthor: Team\npermalink: pretty\ncollections:\n  notes: {}\n",
        ),
        (
            "_posts/2024-01-01-draft-ish.md",
            "---\ntitle: A\npublished: false\n---\nHi.\n",
        ),
        ("_posts/2999-01-01-someday.md", "---\ntitle: S\n---\nHi.\n"),
        ("_notes/memo.md", "---\ntitle: M\n---\nHi.\n"),
        (
            "_posts/2024-01-02-b.md",
            "---\ntitle: B\n---\n[a](/2024/01/01/draft-ish/) [s](/2999/01/01/someday/) [m](/notes/memo/) [b](/2024/01/02/b/)\n",
        ),
    ]);
    let (out, _) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    let links: Vec<&str> = out.lines().filter(|l| l.contains("broken-link")).collect();
    assert_eq!(
        links,
        [
            "_posts/2024-01-02-b.md:4:5: warning[broken-link] this link points to `/2024/01/01/draft-ish/`, the page of `_posts/2024-01-01-draft-ish.md`, which Jekyll will not publish: it has `published: false`",
            "_posts/2024-01-02-b.md:4:33: warning[broken-link] this link points to `/2999/01/01/someday/`, the page of `_posts/2999-01-01-someday.md`, which Jekyll will not publish: it is dated in the future",
            "_posts/2024-01-02-b.md:4:59: warning[broken-link] this link points to `/notes/memo/`, the page of `_notes/memo.md`, which Jekyll will not publish: its collection has no `output: true`",
        ]
    );
}

#[test]
fn a_plugin_that_makes_pages_turns_a_missing_url_into_a_note() {
    let dir = site_from(&[
        (
            "_config.yml",
            "title: x\nauthor: Team\nplugins: [jekyll-feed, jekyll-archives, jekyll-seo-tag]\njekyll-archives:\n  enabled: [tags]\n  permalinks:\n    tag: /tags/:name/\n",
        ),
        (
            "_posts/2024-01-02-b.md",
            "---\ntitle: B\n---\n[all](/tags/rust/) [team](/team/)\n",
        ),
    ]);
    let (out, code) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    // Only the URLs the archives plugin makes are softened.
    assert_eq!(
        out,
        "_posts/2024-01-02-b.md:4:7: info[broken-link] this link points to `/tags/rust/`, which no file of this site builds; `jekyll-archives` may generate it\n\
         _posts/2024-01-02-b.md:4:27: warning[broken-link] this link points to `/team/`, which is not a page of this site\n"
    );
    assert_eq!(code, 0);
}

#[test]
fn files_jekyll_does_not_read_are_skipped_unless_named() {
    let dir = site_from(&[
        (
            "_config.yml",
            "title: x\nauthor: Team\nexclude: [notes]\ncollections:\n  recipes:\n    output: true\ndefaults:\n  - scope:\n      type: recipes\n    values:\n      layout: recipe\n",
        ),
        (
            "_layouts/post.html",
            "<h1>{{ page.title }}</h1>{{ content }}",
        ),
        ("_templates/post.md", "---\ntitle: \"\"\n---\n"),
        ("notes/todo.md", "---\ntitle: \"\"\n---\n"),
        ("_recipes/soup.md", "---\ntitle: Soup\n---\nHot.\n"),
    ]);
    let (out, _) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_recipes/soup.md:1:1: warning[missing-layout] there is no layout `recipe` in `_layouts/` (set by the site's `defaults`, _config.yml:11); Jekyll renders this page without a layout\n"
    );
    let (out, _) =
        stdout(prepress_in(dir.path()).args(["--format", "compact", "_templates/post.md"]));
    assert_eq!(
        out,
        "_templates/post.md:2:8: warning[empty-value] `title` is empty\n"
    );
}

#[test]
fn force_exclude_makes_a_file_list_report_what_a_walk_reports() {
    let dir = site_from(&[
        ("_config.yml", "title: x\nauthor: Team\nexclude: [notes]\n"),
        ("_templates/post.md", "---\ntitle: \"\"\n---\n"),
        ("notes/todo.md", "---\ntitle: \"\"\n---\n"),
        (".github/issue.md", "---\ntitle: \"\"\n---\n"),
        ("vendor/gem/readme.md", "---\ntitle: \"\"\n---\n"),
        ("notes.txt", "---\ntitle: \"\"\n---\n"),
        ("_posts/2024-01-01-a.md", "---\ntitle: \"\"\n---\n"),
    ]);
    // What pre-commit's `--all-files` passes: every tracked file by name.
    let all = [
        "_templates/post.md",
        "notes/todo.md",
        ".github/issue.md",
        "vendor/gem/readme.md",
        "notes.txt",
        "_posts/2024-01-01-a.md",
    ];
    let walked = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    let forced = stdout(
        prepress_in(dir.path())
            .args(["--format", "compact", "--force-exclude"])
            .args(all),
    );
    assert_eq!(forced, walked);
    assert!(
        walked
            .0
            .starts_with("_posts/2024-01-01-a.md:2:8: info[empty-value]")
            && walked.0.lines().count() == 1,
        "{}",
        walked.0
    );
    // Without the flag, every named file is checked.
    let (named, _) = stdout(
        prepress_in(dir.path())
            .args(["--format", "compact"])
            .args(all),
    );
    assert_eq!(named.lines().count(), 6, "{named}");
}

#[test]
fn sarif_output_of_the_sample_site_follows_the_official_schema() {
    let (out, code) = stdout(prepress_in(&site()).args(["--format", "sarif"]));
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    let schema_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json"),
    )
    .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &value["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 21);
    let quoted = results
        .iter()
        .find(|r| r["ruleId"] == "quoted-boolean")
        .unwrap();
    assert_eq!(
        quoted["locations"][0]["physicalLocation"]["region"]["startLine"],
        8
    );
    assert_eq!(
        quoted["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "true"
    );
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(
        rules[quoted["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "quoted-boolean"
    );
    // The schema is not a rubber stamp.
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]});
    assert!(!validator.is_valid(&broken));
}

#[test]
fn required_keys_per_kind_of_document() {
    let dir = site_from(&[
        (
            "_config.yml",
            "title: x\nauthor: Team\ncollections: [recipes]\ndefaults:\n  - scope:\n      type: posts\n    values:\n      description: A team post.\nprepress:\n  front-matter:\n    required:\n      posts: [title, description, image]\n      recipes: [servings]\n",
        ),
        (
            "_posts/2024-01-01-a.md",
            "---\ntitle: A\nimage:\n---\nText.\n",
        ),
        ("_recipes/soup.md", "---\ntitle: Soup\n---\nHot.\n"),
        ("about.md", "---\ntitle: About\n---\nUs.\n"),
    ]);
    let (out, _) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_posts/2024-01-01-a.md:1:1: warning[missing-key] this post has no `image`, which the config requires for posts\n\
         _recipes/soup.md:1:1: warning[missing-key] this recipe has no `servings`, which the config requires for recipes\n"
    );
}

#[test]
fn an_unknown_time_zone_is_reported_in_the_config_that_set_it() {
    let dir = site_from(&[
        (
            "_config.yml",
            "title: x\nauthor: Team\ntimezone: Europe/London\n",
        ),
        (
            "_config.prod.yml",
            "url: https://example.com\ntimezone: Europe/Berlim\n",
        ),
        ("_posts/2024-01-01-a.md", "---\ntitle: A\n---\nHi.\n"),
    ]);
    let (out, code) = stdout(prepress_in(dir.path()).args([
        "--format",
        "compact",
        "--config",
        "_config.yml,_config.prod.yml",
    ]));
    assert_eq!(
        out,
        "_config.prod.yml:2:11: warning[unknown-timezone] `Europe/Berlim` is not a time zone Jekyll knows: it will build in UTC\n"
    );
    assert_eq!(code, 0);
    let (json, _) = stdout(prepress_in(dir.path()).args([
        "--format",
        "json",
        "--config",
        "_config.yml,_config.prod.yml",
    ]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["diagnostics"][0]["help"],
        "did you mean `Europe/Berlin`?"
    );
    std::fs::write(
        dir.path().join(".prepress.yml"),
        "rules:\n  disable: [unknown-timezone]\n",
    )
    .unwrap();
    let (out, code) = stdout(prepress_in(dir.path()).args([
        "--format",
        "compact",
        "--config",
        "_config.yml,_config.prod.yml",
    ]));
    assert_eq!(
        (out.as_str(), code),
        ("", 0),
        "a rule turned off is off for site findings too"
    );
}

#[test]
fn fail_on_sets_the_threshold_and_a_bad_diff_stops_the_run() {
    let dir = site_from(&[
        ("_config.yml", "title: x\nauthor: Team\n"),
        (
            "_posts/2024-01-01-a.md",
            "---\ntitle: A\ncomments: \"false\"\n---\nHi.\n",
        ),
    ]);
    let code = |args: &[&str]| {
        stdout(
            prepress_in(dir.path())
                .args(["--format", "compact"])
                .args(args),
        )
        .1
    };
    assert_eq!(code(&[]), 0, "a warning does not fail by default");
    assert_eq!(code(&["--fail-on", "warning"]), 1);
    assert_eq!(code(&["--fail-on", "info"]), 1);
    assert_eq!(code(&["--fail-on", "never", "--max-warnings", "0"]), 1);
    assert_eq!(code(&["--fail-on", "never"]), 0);
    let output = prepress_in(dir.path())
        .args(["--changed-lines", "missing.diff"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("could not read the diff `missing.diff`")
    );
}

#[test]
fn each_file_takes_the_config_nearest_to_it() {
    let post = "---\ntitle: A\nauthor: \"\"\n---\nThe the end.\n";
    let dir = site_from(&[
        ("one/.prepress.yml", "rules:\n  disable: [empty-value]\n"),
        ("one/a.md", post),
        (
            "two/_config.yml",
            "title: x\nprepress:\n  rules:\n    disable: [repeated-word]\n",
        ),
        ("two/deep/b.md", post),
        ("c.md", post),
    ]);
    let (out, code) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    // `two/` is a site and judges its files by its own config; `c.md` and
    // `one/a.md` are in none, which the note on the first of them says.
    assert_eq!(
        out,
        no_site("c.md", 1)
            + "c.md:3:9: warning[empty-value] `author` is empty\n\
         c.md:5:1: warning[repeated-word] `The` is repeated\n\
         one/a.md:5:1: warning[repeated-word] `The` is repeated\n\
         two/deep/b.md:3:9: info[empty-value] `author` is empty, but nothing reads it here: \
         no layout, include, HTML page or enabled plugin reads `author`\n"
    );
    assert_eq!(code, 0);

    // A mistake in a nested config stops the run, shown at its place.
    std::fs::write(
        dir.path().join("one/.prepress.yml"),
        "rules:\n  disabel: []\n",
    )
    .unwrap();
    let output = prepress_in(dir.path())
        .args(["--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains("unknown key `disabel` in `rules`"), "{err}");
    assert!(err.contains("[one/.prepress.yml:2:3]"), "{err}");
}

#[test]
fn overrides_change_rules_for_the_files_their_globs_match() {
    let post = "---\ntitle: A\nauthor: \"\"\ncomments: \"false\"\n---\nThe the end.\n";
    let dir = site_from(&[
        ("_config.yml", "title: x\n"),
        ("_includes/byline.html", "{{ page.author }}"),
        (
            ".prepress.yml",
            "rules:\n  disable: [repeated-word]\noverrides:\n  - files: \"_drafts/**\"\n    rules:\n      disable: [empty-value]\n  - files: [\"_posts/*-notes.md\", \"docs/*.md\"]\n    rules:\n      severity: {repeated-word: error}\n",
        ),
        ("_drafts/a.md", post),
        ("_posts/2024-01-01-a.md", post),
        ("_posts/2024-01-02-notes.md", post),
    ]);
    let (out, code) = stdout(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_drafts/a.md:4:11: warning[quoted-boolean] `comments: \"false\"` is the text \"false\", which Liquid treats as true\n\
         _posts/2024-01-01-a.md:3:9: warning[empty-value] `author` is empty\n\
         _posts/2024-01-01-a.md:4:11: warning[quoted-boolean] `comments: \"false\"` is the text \"false\", which Liquid treats as true\n\
         _posts/2024-01-02-notes.md:3:9: warning[empty-value] `author` is empty\n\
         _posts/2024-01-02-notes.md:4:11: warning[quoted-boolean] `comments: \"false\"` is the text \"false\", which Liquid treats as true\n\
         _posts/2024-01-02-notes.md:6:1: error[repeated-word] `The` is repeated\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_file_named_from_a_parent_folder_takes_the_config_beside_it() {
    let post = "---\ntitle: A\nauthor: \"\"\n---\nThe the end.\n";
    let dir = site_from(&[
        ("blog/_config.yml", "title: x\n"),
        ("blog/.prepress.yml", "rules:\n  disable: [empty-value]\n"),
        ("blog/_posts/2024-01-01-a.md", post),
    ]);
    let expected = "blog/_posts/2024-01-01-a.md:5:1: warning[repeated-word] `The` is repeated\n";
    let (out, _) = stdout(prepress_in(dir.path()).args([
        "--format",
        "compact",
        "blog/_posts/2024-01-01-a.md",
    ]));
    assert_eq!(out, expected);
    let (out, _) = stdout(
        prepress_in(dir.path())
            .args([
                "--format",
                "compact",
                "--stdin",
                "--stdin-filename",
                "blog/_posts/2024-01-01-a.md",
            ])
            .write_stdin(post),
    );
    assert_eq!(out, expected);
}

#[test]
fn site_level_findings_follow_the_config_of_the_site_root() {
    let dir = site_from(&[
        ("blog/_config.yml", "title: x\ntimezone: Europe/Berlim\n"),
        (
            "blog/.prepress.yml",
            "rules:\n  disable: [unknown-timezone]\n",
        ),
        (
            "blog/_posts/.prepress.yml",
            "rules:\n  severity:\n    unknown-timezone: error\n",
        ),
        ("blog/_posts/2024-01-01-a.md", "---\ntitle: A\n---\nHi.\n"),
    ]);
    let (out, code) = stdout(prepress_in(dir.path()).args(["--format", "compact", "blog"]));
    assert_eq!((out.as_str(), code), ("", 0));
}
