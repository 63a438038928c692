//! The prose side end to end: findings at their place in every format, nothing
//! inside code, Liquid, HTML or URLs, `--fix` and `--diff`, the clean corpus,
//! and a site's own rule pack.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn prepress_in(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("prepress");
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

fn run(cmd: &mut Command) -> (String, String, i32) {
    let output = cmd.output().expect("prepress runs");
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().expect("exited normally"),
    )
}

/// A temporary site holding one post with `body`.
fn site_with_post(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: A blog\n").unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    std::fs::write(
        dir.path().join("_posts/2024-05-01-post.md"),
        format!("---\ntitle: A post\n---\n{body}"),
    )
    .unwrap();
    dir
}

const SLIPS: &str = "Our plan has been meet with a grimace in the our team.\n\
The PO's and SM's agreed. A good Text book helped; a text-book did not.\n";

#[test]
fn each_slip_is_reported_with_its_replacement_in_json() {
    let dir = site_with_post(SLIPS);
    let (out, _, code) = run(prepress_in(dir.path()).args(["--format", "json"]));
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(String, u64, u64, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["fix"]["replacement"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    let expected = [
        ("met-not-meet", 4, 19, "met"),
        ("double-determiner", 4, 42, "our"),
        ("acronym-plural-apostrophe", 5, 5, "POs"),
        ("acronym-plural-apostrophe", 5, 14, "SMs"),
        ("mixed-compounds", 5, 54, "text book"),
    ];
    let expected: Vec<(String, u64, u64, String)> = expected
        .iter()
        .map(|(r, l, c, f)| (r.to_string(), *l, *c, f.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn nothing_is_reported_inside_code_liquid_html_or_urls() {
    let body = "\
Inline `been meet with`, `the our`, `PO's and SM's`, `text book`.

```
has been meet with in the our team; the PO's and SM's; text-book
```

    indented: the the, text book

{% include note.html text=\"in the our team, been meet with\" %} and {{ \"the our\" | upcase }}

{% raw %}
in the our team, text book
{% endraw %}

{% highlight text %}
been meet with, the the
{% endhighlight %}

<!-- in the our team, PO's and SM's, text-book -->

<div><code>been meet with</code> <pre>the the</pre></div>

See https://example.com/in-the-our-team/text-book and <https://example.com/the-the>.

Math $$ the our $$ and {: .the-our} attributes.
";
    let dir = site_with_post(body);
    std::fs::create_dir(dir.path().join("_includes")).unwrap();
    std::fs::write(dir.path().join("_includes/note.html"), "{{ include.text }}").unwrap();
    let (out, _, code) = run(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(out, "");
    assert_eq!(code, 0);
}

#[test]
fn fix_corrects_the_post_and_a_second_fix_changes_nothing() {
    let dir = site_with_post(SLIPS);
    let post = dir.path().join("_posts/2024-05-01-post.md");
    let fix = ["--fix", "--unsafe-fixes", "--color", "never"];
    let (out, _, code) = run(prepress_in(dir.path()).args(fix));
    assert_eq!(code, 0);
    assert!(out.contains("fixed 5 findings in 1 file"), "{out}");
    let fixed = std::fs::read_to_string(&post).unwrap();
    assert_eq!(
        fixed,
        "---\ntitle: A post\n---\nOur plan has been met with a grimace in our team.\n\
         The POs and SMs agreed. A good Text book helped; a text book did not.\n"
    );
    let (out, _, code) = run(prepress_in(dir.path()).args(fix));
    assert_eq!(code, 0);
    assert!(out.starts_with("0 errors, 0 warnings in 0 files"), "{out}");
    assert_eq!(std::fs::read_to_string(&post).unwrap(), fixed);
}

#[test]
fn fix_touches_only_the_fixed_bytes_and_keeps_crlf_and_bom() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    let post = dir.path().join("_posts/2024-05-01-post.md");
    let text = "\u{feff}---\r\ntitle: x\r\ncomments: \"false\"\r\n---\r\nWe met the the team.\r\nTrailing  spaces stay.  \r\n";
    std::fs::write(&post, text).unwrap();
    let (_, _, code) = run(prepress_in(dir.path()).args(["--fix", "--unsafe-fixes", "-q"]));
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(&post).unwrap(),
        "\u{feff}---\r\ntitle: x\r\ncomments: false\r\n---\r\nWe met the team.\r\nTrailing  spaces stay.  \r\n"
    );
}

#[test]
fn fix_in_front_matter_edits_only_the_value_bytes_and_keeps_the_yaml() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: Fixes\n").unwrap();
    let post = dir.path().join("_posts/2024-05-01-post.md");
    // Single and double quotes, a fold, a folded block and a plain value;
    // `layout` is no prose. The repeated `in` across the fold keeps its
    // finding but has no fix: it would edit the line break.
    let text = "---\ntitle: 'The the tale of a API'\n\
                description: \"Our plan has been meet with a grimace in\n  in the our team\"\n\
                excerpt: >\n  We met the the\n  team in the the end\n\
                summary: Writing about a apple\nlayout: the the\n---\nBody.\n";
    std::fs::write(&post, text).unwrap();
    let fix = ["--fix", "--unsafe-fixes", "--format", "compact"];
    let (out, _, code) = run(prepress_in(dir.path()).args(fix));
    assert_eq!(code, 0);
    let fixed = std::fs::read_to_string(&post).unwrap();
    assert_eq!(
        fixed,
        "---\ntitle: 'The tale of an API'\n\
         description: \"Our plan has been met with a grimace in\n  in our team\"\n\
         excerpt: >\n  We met the\n  team in the end\n\
         summary: Writing about an apple\nlayout: the the\n---\nBody.\n"
    );
    // `layout` is read as a layout's name, never as prose.
    assert_eq!(
        out,
        "_posts/2024-05-01-post.md:3:52: warning[repeated-word] `in` is repeated\n\
         _posts/2024-05-01-post.md:9:9: warning[missing-layout] there is no layout `the the` \
         in `_layouts/`; Jekyll renders this page without a layout\n"
    );
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let dir = site_with_post(SLIPS);
    let post = dir.path().join("_posts/2024-05-01-post.md");
    let before = std::fs::read_to_string(&post).unwrap();
    let (out, _, code) = run(prepress_in(dir.path()).args(["--diff", "--unsafe-fixes"]));
    assert_eq!(code, 1, "a diff means there is something to fix");
    assert!(
        out.starts_with("--- a/_posts/2024-05-01-post.md\n+++ b/_posts/2024-05-01-post.md\n"),
        "{out}"
    );
    for line in [
        "-Our plan has been meet with a grimace in the our team.\n",
        "-The PO's and SM's agreed. A good Text book helped; a text-book did not.\n",
        "+Our plan has been met with a grimace in our team.\n",
        "+The POs and SMs agreed. A good Text book helped; a text book did not.\n",
    ] {
        assert!(out.contains(line), "{line} missing from\n{out}");
    }
    assert_eq!(std::fs::read_to_string(&post).unwrap(), before);
    let clean = site_with_post("Nothing to fix here.\n");
    let (out, _, code) = run(prepress_in(clean.path()).arg("--diff"));
    assert_eq!((out.as_str(), code), ("", 0));
}

#[test]
fn the_clean_corpus_gives_no_findings() {
    let dir = fixtures().join("clean");
    let posts = std::fs::read_dir(dir.join("_posts")).unwrap().count();
    assert!(posts >= 60, "the clean corpus has {posts} entries");
    let (out, _, code) = run(prepress_in(&dir).args(["--format", "compact"]));
    assert_eq!(
        out, "",
        "the shipped packs must stay quiet on the clean corpus"
    );
    assert_eq!(code, 0);
}

#[test]
fn posts_in_another_language_are_not_checked_for_english() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: Un blog\n").unwrap();
    std::fs::write(
        dir.path().join("fr.md"),
        "---\ntitle: Bonjour\nlang: fr\n---\nUn texte en français avec a un the our.\n",
    )
    .unwrap();
    let (out, _, _) = run(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(out, "");
}

#[test]
fn a_site_can_add_its_own_pack_and_turn_rules_off() {
    let dir = site_with_post("We utilize the the tools in the our team.\n");
    std::fs::write(
        dir.path().join(".prepress.yml"),
        "rules:\n  packs: [style/team.yml]\n  disable: [repeated-word]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("style")).unwrap();
    std::fs::write(
        dir.path().join("style/team.yml"),
        "pack: team\nrules:\n  - id: prefer-use\n    kind: substitution\n    summary: Prefer use\n    explanation: Plain words.\n    message: \"write `{replacement}`, not `{match}`\"\n    replace:\n      utilize: use\n    safe: true\n    examples:\n      flag: [\"We utilize it.\"]\n",
    )
    .unwrap();
    let (out, err, code) = run(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(err, "");
    assert_eq!(
        out,
        "_posts/2024-05-01-post.md:4:4: warning[prefer-use] write `use`, not `utilize`\n\
         _posts/2024-05-01-post.md:4:29: warning[double-determiner] `the our`: two determiners in a row\n"
    );
    assert_eq!(code, 0);
    let (out, _, _) = run(prepress_in(dir.path()).args(["rules"]));
    assert!(
        out.lines()
            .any(|l| l.starts_with("prefer-use ") && l.contains(" team ")),
        "{out}"
    );
}

#[test]
fn a_broken_pack_is_shown_at_its_place_and_exits_2() {
    let dir = site_with_post("Text.\n");
    std::fs::write(
        dir.path().join(".prepress.yml"),
        "rules:\n  packs: [team.yml]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("team.yml"),
        "pack: team\nrules:\n  - id: broken\n    kind: pattern\n    pattern: '(unclosed'\n    summary: s\n    explanation: e\n    message: m\n    examples:\n      flag: [x]\n",
    )
    .unwrap();
    let (out, err, code) = run(prepress_in(dir.path()).args(["--color", "never"]));
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(err.contains("the pattern does not compile"), "{err}");
    assert!(err.contains("[team.yml:5:14]"), "{err}");
    std::fs::write(
        dir.path().join(".prepress.yml"),
        "rules:\n  packs: [missing.yml]\n",
    )
    .unwrap();
    let (_, err, code) = run(prepress_in(dir.path()).args(["--color", "never"]));
    assert_eq!(code, 2);
    assert!(err.contains("could not read the rule pack"), "{err}");
    assert!(err.contains("[.prepress.yml:2:11]"), "{err}");
}

#[test]
fn suppression_comments_silence_findings_and_rot_visibly() {
    let body = "<!-- prepress-disable-next-line repeated-word -->\nThe the end.\n\n\
<!-- prepress-disable closed-compound -->\nIt checks it self.\n\n<!-- prepress-enable -->\nIt checks it self again.\n\n\
<!-- prepress-disable-next-line misspelling -->\nNothing wrong here.\n";
    let dir = site_with_post(body);
    let post = dir.path().join("_posts/2024-05-01-post.md");
    let text = std::fs::read_to_string(&post).unwrap().replace(
        "title: A post",
        "title: A post\ncomments: \"true\" # prepress-disable-line quoted-boolean",
    );
    std::fs::write(&post, text).unwrap();
    let (out, _, code) = run(prepress_in(dir.path()).args(["--format", "compact"]));
    assert_eq!(
        out,
        "_posts/2024-05-01-post.md:12:11: warning[closed-compound] `it self` is written as one word: `itself`\n\
         _posts/2024-05-01-post.md:14:1: info[unused-suppression] this suppression suppresses nothing\n"
    );
    assert_eq!(code, 0);
}

/// The rule and message of each finding of `prepress check` in `dir`, as JSON.
fn findings_in(dir: &Path) -> Vec<(String, String, String)> {
    let (out, _, _) = run(prepress_in(dir).args(["--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or_default().to_string();
            (text("path"), text("rule"), text("message"))
        })
        .collect()
}

#[test]
fn a_site_accepts_its_own_words_and_a_bad_word_file_does_not_stop_the_run() {
    let dir = site_with_post("We recieve the Grafanna logs.\n");
    std::fs::write(dir.path().join("_config.yml"), "title: t\n").unwrap();
    let rules = |found: Vec<(String, String, String)>| -> Vec<String> {
        found.into_iter().map(|(_, rule, _)| rule).collect()
    };
    assert_eq!(rules(findings_in(dir.path())), ["misspelling"]);

    std::fs::create_dir(dir.path().join(".prepress")).unwrap();
    std::fs::write(dir.path().join(".prepress/accept.txt"), "# ours\nrecieve\n").unwrap();
    assert_eq!(rules(findings_in(dir.path())), Vec::<String>::new());

    // Not UTF-8: reported where it breaks, and the post is still checked.
    std::fs::write(
        dir.path().join(".prepress/accept.txt"),
        b"recieve\ncaf\xe9\n",
    )
    .unwrap();
    let found = findings_in(dir.path());
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|(path, rule, message)| {
        path.ends_with("accept.txt") && rule == "unreadable-file" && message.contains("UTF-8")
    }));
    assert!(found.iter().any(|(_, rule, _)| rule == "misspelling"));

    // A file the config names but that is missing is reported in the config.
    std::fs::write(
        dir.path().join("_config.yml"),
        "title: t\nprepress:\n  accept: [words.txt]\n",
    )
    .unwrap();
    let found = findings_in(dir.path());
    assert!(
        found
            .iter()
            .any(|(path, rule, message)| path == "_config.yml"
                && rule == "unreadable-file"
                && message.contains("words.txt")),
        "{found:?}"
    );
}
