//! Hostile inputs: each file here is one a pull request could bring, and each
//! test checks the diagnostic prepress gives for it and that the other posts
//! of the run are still checked. Deep nesting, huge lines and many links are
//! in `tests/it/shapes.rs`; missing paths, unreadable files, a directory named
//! `x.md` and symlink loops in `tests/it/check.rs`.

use std::path::Path;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;

/// A post that is checked in every run beside the hostile one: its finding
/// must always be there.
const CONTROL: &str = "---\ntitle: Control\ncomments: \"false\"\n---\nFine.\n";
const CONTROL_FINDING: &str = "_posts/2024-01-01-control.md:3:11: warning[quoted-boolean]";

/// Checks a site holding the control post and `name` with `bytes`; returns
/// the compact output and the exit status.
fn check_with(name: &str, bytes: &[u8]) -> (String, i32) {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, bytes: &[u8]| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    write("_config.yml", b"title: x\nauthor: Team\n");
    write("_posts/2024-01-01-control.md", CONTROL.as_bytes());
    write(name, bytes);
    run(dir.path())
}

fn run(dir: &Path) -> (String, i32) {
    let output = cargo_bin_cmd!("prepress")
        .current_dir(dir)
        .args(["--format", "compact"])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("prepress runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let out = String::from_utf8(output.stdout).expect("output is UTF-8");
    assert!(
        out.contains(CONTROL_FINDING),
        "the control post was not checked:\n{out}"
    );
    (out, output.status.code().expect("exited normally"))
}

/// The findings for one file, without the control's.
fn of(out: &str, name: &str) -> Vec<String> {
    out.lines()
        .filter(|l| l.starts_with(&format!("{name}:")))
        .map(str::to_string)
        .collect()
}

#[test]
fn nul_bytes_in_front_matter_and_text() {
    let name = "_posts/2024-01-02-nul.md";
    let (out, code) = check_with(name, b"---\ntitle: A\0B\n---\nText with \0 in it.\n");
    assert_eq!(
        of(&out, name),
        [
            "_posts/2024-01-02-nul.md:2:9: error[invalid-yaml] front matter is not valid YAML: it contains an invisible control character"
        ]
    );
    assert_eq!(code, 1);
    let (out, _) = check_with(name, b"---\ntitle: A\n---\nThe the \0 end.\n");
    assert_eq!(
        of(&out, name),
        ["_posts/2024-01-02-nul.md:4:1: warning[repeated-word] `The` is repeated"]
    );
}

#[test]
fn cr_only_line_endings() {
    let name = "_posts/2024-01-02-old-mac.md";
    let (out, code) = check_with(name, b"---\rtitle: A\rauthor: \"\"\r---\rThe the end.\r");
    assert_eq!(
        of(&out, name),
        [
            "_posts/2024-01-02-old-mac.md:1:1: error[cr-line-endings] this file's lines end in a lone carriage return (classic Mac style), so Jekyll does not see its front matter and copies it as it is"
        ],
        "one finding, and no rule reads the front matter as prose"
    );
    assert_eq!(code, 1);
}

#[test]
fn an_empty_file_and_front_matter_only() {
    let (out, code) = check_with("_posts/2024-01-02-empty.md", b"");
    assert_eq!(
        of(&out, "_posts/2024-01-02-empty.md"),
        ["_posts/2024-01-02-empty.md:1:1: warning[missing-title] this post has no `title`"]
    );
    assert_eq!(code, 0);
    let name = "_posts/2024-01-02-only.md";
    let (out, _) = check_with(name, b"---\ntitle: Only\ntags: \"\"\n---\n");
    assert_eq!(
        of(&out, name),
        ["_posts/2024-01-02-only.md:3:7: warning[empty-value] `tags` is empty"]
    );
}

#[test]
fn tabs_where_yaml_wants_spaces() {
    let name = "_posts/2024-01-02-tabs.md";
    let (out, code) = check_with(name, b"---\ntitle: A\nauthor:\n\tname: B\n---\nText.\n");
    assert_eq!(
        of(&out, name),
        [
            "_posts/2024-01-02-tabs.md:4:1: error[invalid-yaml] front matter is not valid YAML: a value cannot start with this character"
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn an_alias_bomb_is_not_expanded() {
    let mut yaml = String::from("---\ntitle: Bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..40 {
        let prev = level - 1;
        yaml.push_str(&format!(
            "a{level}: &a{level} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
        ));
    }
    yaml.push_str("tags: *a39\n---\nText.\n");
    let name = "_posts/2024-01-02-bomb.md";
    let (out, code) = check_with(name, yaml.as_bytes());
    assert_eq!(of(&out, name), Vec::<String>::new(), "{out}");
    assert_eq!(code, 0);
}

#[test]
fn a_hundred_thousand_keys() {
    let mut yaml = String::from("---\ntitle: Many\n");
    for n in 0..100_000 {
        yaml.push_str(&format!("key{n}: value {n}\n"));
    }
    yaml.push_str("key500: again\n---\nText.\n");
    let name = "_posts/2024-01-02-keys.md";
    let (out, code) = check_with(name, yaml.as_bytes());
    assert_eq!(
        of(&out, name),
        [
            "_posts/2024-01-02-keys.md:503:1: warning[duplicate-key] `key500` is set again on line 100003, so Jekyll ignores this value"
        ]
    );
    assert_eq!(code, 0);
}

#[test]
fn an_unclosed_raw_block_hides_nothing_and_an_html_comment_hides_the_rest() {
    // Jekyll stops at a raw block never closed: it is reported, and the text
    // after it is checked as readers will see it once the block is closed.
    let name = "_posts/2024-01-02-open.md";
    let (out, code) = check_with(
        name,
        b"---\ntitle: A\n---\nThe the start.\n\n{% raw %}\nthe the\n\nstill raw the the\n",
    );
    assert_eq!(
        of(&out, name),
        [
            "_posts/2024-01-02-open.md:4:1: warning[repeated-word] `The` is repeated",
            "_posts/2024-01-02-open.md:6:1: error[unclosed-liquid-block] this `raw` block is never closed, so Jekyll stops the build",
            "_posts/2024-01-02-open.md:7:1: warning[repeated-word] `the` is repeated",
            "_posts/2024-01-02-open.md:9:11: warning[repeated-word] `the` is repeated"
        ]
    );
    assert_eq!(code, 1);
    let (out, _) = check_with(
        name,
        b"---\ntitle: A\n---\nThe the start.\n\n<!-- a note\n\nthe the\n",
    );
    // The comment is never closed: the site shows it, which is reported.
    assert_eq!(
        of(&out, name),
        [
            "_posts/2024-01-02-open.md:4:1: warning[repeated-word] `The` is repeated",
            "_posts/2024-01-02-open.md:6:1: warning[unclosed-html-comment] this `<!--` is never closed: the site shows it as text and the 2 lines after it, which GitHub's preview hides"
        ]
    );
}

#[test]
fn a_file_past_the_size_limit_is_skipped_with_a_reason() {
    let name = "_posts/2024-01-02-huge.md";
    let mut bytes = b"---\ntitle: Huge\n---\n".to_vec();
    bytes.resize(65 << 20, b'a');
    let (out, code) = check_with(name, &bytes);
    assert_eq!(
        of(&out, name),
        [
            "_posts/2024-01-02-huge.md:1:1: error[unreadable-file] could not read `_posts/2024-01-02-huge.md`: it is 65 MB, and prepress reads files of up to 64 MB; skipped"
        ]
    );
    assert_eq!(code, 2, "a skipped file leaves the check incomplete");
}

#[test]
fn fix_turns_lone_carriage_returns_into_line_feeds_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: x\nauthor: Team\n").unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    std::fs::write(dir.path().join("_posts/2024-01-01-control.md"), CONTROL).unwrap();
    let post = dir.path().join("_posts/2024-01-02-old-mac.md");
    std::fs::write(&post, "---\rtitle: A\r---\rText.\r").unwrap();
    let fix = || {
        cargo_bin_cmd!("prepress")
            .current_dir(dir.path())
            .args([
                "--fix",
                "--format",
                "compact",
                "_posts/2024-01-02-old-mac.md",
            ])
            .output()
            .unwrap()
    };
    assert_eq!(fix().status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&post).unwrap(),
        "---\ntitle: A\n---\nText.\n"
    );
    let again = fix();
    assert_eq!(
        (again.status.code(), again.stdout.is_empty()),
        (Some(0), true)
    );
    assert_eq!(
        std::fs::read_to_string(&post).unwrap(),
        "---\ntitle: A\n---\nText.\n"
    );
    run(dir.path());
}

#[test]
fn standard_input_past_the_size_limit_is_refused() {
    let mut text = String::from("---\ntitle: Huge\n---\n");
    text.push_str(&"a".repeat(65 << 20));
    let output = cargo_bin_cmd!("prepress")
        .args(["--stdin", "--stdin-filename", "_posts/2024-01-01-a.md"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("standard input is more than 64 MB, the most prepress reads")
    );
}
