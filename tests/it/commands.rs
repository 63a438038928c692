//! The commands around `check`: help, version, `rules`, `explain`, and the
//! README's rule table, which must match what `prepress rules` generates.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;
use prepress::api::{Checker, Options};

#[test]
fn help_names_the_commands_and_options() {
    let assert = cargo_bin_cmd!("prepress").arg("--help").assert().success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    for word in [
        "check",
        "rules",
        "explain",
        "--format",
        "--color",
        "--max-warnings",
        "--quiet",
    ] {
        assert!(out.contains(word), "help lacks {word}:\n{out}");
    }
}

#[test]
fn version_prints_the_crate_version() {
    cargo_bin_cmd!("prepress")
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("prepress {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_usage_error_exits_2() {
    cargo_bin_cmd!("prepress")
        .args(["--format", "xml"])
        .assert()
        .code(2)
        .stderr(contains("invalid value 'xml'"));
}

#[test]
fn rules_lists_every_rule() {
    let assert = cargo_bin_cmd!("prepress").arg("rules").assert().success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let checker = Checker::new(Options::new(dir.path())).unwrap();
    assert!(!checker.rules().is_empty());
    for rule in checker.rules() {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{} ", rule.id))),
            "{} missing",
            rule.id
        );
    }
}

#[test]
fn explain_prints_the_explanation() {
    cargo_bin_cmd!("prepress")
        .args(["explain", "quoted-boolean"])
        .assert()
        .success()
        .stdout(contains("# quoted-boolean"))
        .stdout(contains("## Why is this bad?"))
        .stdout(contains(
            "Pack: jekyll. Severity: warning. Fix: sometimes, safe.",
        ));
}

/// The "Fix safety" section of `prepress explain ID`, and the whole output.
fn fix_safety(id: &str) -> (String, String) {
    let assert = cargo_bin_cmd!("prepress")
        .args(["explain", id])
        .assert()
        .success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let section = out.split_once("\n## Fix safety\n").map_or_else(
        || panic!("no Fix safety section in\n{out}"),
        |(_, section)| section.to_string(),
    );
    (section, out)
}

#[test]
fn explain_states_each_rules_fix_safety_from_its_metadata() {
    let (section, _) = fix_safety("empty-value");
    assert_eq!(
        section,
        "This rule has no fix: the right change needs a person.\n"
    );
    let (section, _) = fix_safety("cr-line-endings");
    assert!(
        section.starts_with("Every finding carries a fix. The fix is safe"),
        "{section}"
    );
    let (section, _) = fix_safety("quoted-boolean");
    assert!(
        section.starts_with("Some findings carry a fix: a quoted \"false\""),
        "{section}"
    );
    // A code rule that fixes some findings says which.
    let (section, out) = fix_safety("broken-post-url");
    assert!(out.contains("Fix: sometimes, unsafe."), "{out}");
    assert!(
        section.starts_with("Some findings carry a fix: when the help names a post"),
        "{section}"
    );
    assert!(section.contains("The fix is unsafe"), "{section}");
    // A pack rule's section follows its `safe` flag.
    let (section, _) = fix_safety("mixed-spellings");
    assert!(section.contains("The fix is unsafe"), "{section}");
    assert!(
        section.contains("`--fix --unsafe-fixes` applies it"),
        "{section}"
    );
    let (section, _) = fix_safety("misspelling");
    assert!(section.contains("The fix is safe"), "{section}");
    for line in section.lines() {
        assert!(
            line.chars().count() <= 80,
            "{line:?} is longer than the explanations' lines"
        );
    }
}

#[test]
fn rules_lists_how_sure_each_fix_is() {
    let assert = cargo_bin_cmd!("prepress").arg("rules").assert().success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let row = |id: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap()
            .to_string()
    };
    assert!(
        row("mixed-spellings").contains(" sometimes, unsafe "),
        "{out}"
    );
    assert!(row("quoted-boolean").contains(" sometimes, safe "), "{out}");
    assert!(row("cr-line-endings").contains(" yes, safe "), "{out}");
    assert!(row("empty-value").contains(" no "), "{out}");
}

#[test]
fn explain_an_unknown_rule_exits_2_and_lists_the_rules() {
    cargo_bin_cmd!("prepress")
        .args(["explain", "no-such-rule"])
        .assert()
        .code(2)
        .stderr(contains("no rule is called `no-such-rule`"))
        .stderr(contains("empty-value"));
}

#[test]
fn the_readme_rule_table_is_generated_from_the_rules() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = "<!-- rules:start (generated by `prepress rules --format markdown`) -->\n";
    let end = "<!-- rules:end -->";
    let from = readme
        .find(start)
        .expect("README has the rules:start marker")
        + start.len();
    let to = readme[from..]
        .find(end)
        .expect("README has the rules:end marker")
        + from;
    // In an empty folder: the shipped rules, no config's.
    let dir = tempfile::tempdir().unwrap();
    let assert = cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .args(["rules", "--format", "markdown"])
        .assert()
        .success();
    let table = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert_eq!(
        &readme[from..to],
        table,
        "the README's rule table is stale: paste `prepress rules --format markdown` into it"
    );
}

#[test]
fn init_writes_a_starter_config_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .success();
    let config = std::fs::read_to_string(dir.path().join(".prepress.yml")).unwrap();
    assert!(config.contains("check-empty"));
    // The commented `overrides` example loads once uncommented.
    let example: String = config
        .lines()
        .skip_while(|line| *line != "# overrides:")
        .take_while(|line| line.starts_with("# "))
        .map(|line| format!("{}\n", &line[2..]))
        .collect();
    assert!(example.contains("- files:"), "{example}");
    std::fs::write(
        dir.path().join(".prepress.yml"),
        format!("{config}{example}"),
    )
    .unwrap();
    cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .assert()
        .success();
    std::fs::write(dir.path().join("a.md"), "---\ntitle: ''\n---\n").unwrap();
    cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .args(["--format", "compact"])
        .assert()
        .success()
        .stdout(
            "a.md:1:1: info[no-site] no `_config.yml` here or in any folder above, so this file is in no Jekyll site: \
             its `{% post_url %}`, `{% link %}`, `{% include %}`, layouts, authors and links were not checked\n\
             a.md:2:8: warning[empty-value] `title` is empty\n",
        );
    cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(contains("already exists"));
}

#[test]
fn completions_are_printed_for_a_shell() {
    cargo_bin_cmd!("prepress")
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(contains("_prepress()"));
}

#[test]
fn stdin_is_checked_as_the_named_file_in_its_site() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: x\nauthor: Team\n").unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .args(["--stdin", "--stdin-filename", "_posts/draft-name.md", "--format", "compact"])
        .write_stdin("---\ntitle: A\n---\nThe the end. {% post_url nope %}\n")
        .assert()
        .code(1)
        .stdout(
            "_posts/draft-name.md:1:1: error[post-filename] `draft-name.md` is not named `YYYY-MM-DD-slug.ext`, so Jekyll skips it without a word\n\
             _posts/draft-name.md:4:1: warning[repeated-word] `The` is repeated\n\
             _posts/draft-name.md:4:26: error[broken-post-url] no post is called `nope`, so Jekyll stops the build here\n",
        );
}

#[test]
fn github_annotations_come_errors_first_and_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("---\ntitle: x\n---\n");
    for _ in 0..12 {
        text.push_str("The the end.\n\n");
    }
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    std::fs::write(dir.path().join("b.md"), "---\ntitle: x\n").unwrap();
    let assert = cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .args(["--format", "github"])
        .assert()
        .code(1);
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 13, "{out}");
    assert_eq!(
        lines[0],
        "::error file=b.md,line=1,col=1,endLine=1,endColumn=4,title=unclosed-front-matter::this front matter block is never closed%0Aadd a line with just `---` after the last front matter line; until then Jekyll publishes the block as text"
    );
    assert!(lines[1].starts_with("::warning file=a.md,line=4,col=1,endLine=4,endColumn=8,title=repeated-word::`The` is repeated"), "{}", lines[1]);
    // The two files are in no site: the note saying so is a notice on the first.
    assert!(
        lines[11]
            .starts_with("::notice file=a.md,line=1,col=1,endLine=1,endColumn=1,title=no-site::"),
        "{}",
        lines[11]
    );
    assert!(
        lines[12].starts_with("::notice title=prepress::2 more findings are not annotated"),
        "{}",
        lines[12]
    );
}
