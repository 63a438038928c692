//! `prepress baseline` and `check --baseline`: only findings added since the
//! baseline are reported, however the lines around them move; duplicates are
//! counted, gone findings are told, a broken baseline stops the run. And
//! `--statistics`, the count per rule that comes before a baseline.

use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;

const PATH: &str = "_posts/2024-01-01-a.md";

/// A post with two slips: "been meet" (`met-not-meet`) and "The the"
/// (`repeated-word`); the first has a safe fix.
const POST: &str = "---\ntitle: A\n---\nIt has been meet with praise.\n\nThe the cat sat.\n";

/// A site holding `post` at `PATH`, and its baseline written by `prepress
/// baseline` (at the default file).
fn baselined(post: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: x\n").unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    write(dir.path(), post);
    prepress(dir.path())
        .arg("baseline")
        .assert()
        .success()
        .stdout(contains("in 1 file to .prepress-baseline.json"));
    dir
}

fn write(dir: &Path, post: &str) {
    std::fs::write(dir.join(PATH), post).unwrap();
}

fn prepress(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("prepress");
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// The compact report of a check with the default baseline, and its status.
fn check(dir: &Path, extra: &[&str]) -> (String, i32) {
    let out = prepress(dir)
        .args([
            "check",
            "--format",
            "compact",
            "--baseline",
            ".prepress-baseline.json",
        ])
        .args(extra)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn the_baseline_file_names_each_finding_by_path_rule_and_text() {
    let dir = baselined(POST);
    prepress(dir.path())
        .arg("baseline")
        .assert()
        .stdout("wrote 2 findings in 1 file to .prepress-baseline.json\n");
    let written = std::fs::read_to_string(dir.path().join(".prepress-baseline.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(json["version"], 1);
    let entries: Vec<(String, String, String, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e["rule"].as_str().unwrap().to_string(),
                e["text"].as_str().unwrap().to_string(),
                e["count"].as_u64().unwrap(),
            )
        })
        .collect();
    let entry = |rule: &str, text: &str| (PATH.to_string(), rule.to_string(), text.to_string(), 1);
    assert_eq!(
        entries,
        [
            entry("met-not-meet", "meet"),
            entry("repeated-word", "The the")
        ]
    );
}

#[test]
fn baselined_findings_stay_hidden_when_lines_are_added_above_them() {
    let dir = baselined(POST);
    let moved = POST.replace(
        "---\nIt has",
        "---\nA new first line.\n\nAnother.\n\nIt has",
    );
    write(dir.path(), &moved);
    let (out, code) = check(dir.path(), &[]);
    assert_eq!(out, "");
    assert_eq!(code, 0);
    // Without the baseline both are there, two lines lower.
    let out = prepress(dir.path())
        .args(["--format", "compact"])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains(&format!("{PATH}:8:13: warning[met-not-meet]")),
        "{out}"
    );
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn a_new_finding_of_a_baselined_rule_in_the_same_file_is_reported() {
    let dir = baselined(POST);
    write(dir.path(), &format!("{POST}\nI went to to the shop.\n"));
    let (out, code) = check(dir.path(), &["--fail-on", "warning"]);
    assert_eq!(
        out,
        format!("{PATH}:8:8: warning[repeated-word] `to` is repeated\n")
    );
    assert_eq!(code, 1);
}

#[test]
fn duplicates_are_counted_and_the_ones_past_the_count_reported() {
    let dir = baselined(&format!("{POST}\nIt had been meet before.\n"));
    // Two `meet`s baselined, three now: one is reported, the last.
    write(
        dir.path(),
        &format!("{POST}\nIt had been meet before.\n\nIt has been meet again.\n"),
    );
    let (out, _) = check(dir.path(), &[]);
    assert_eq!(
        out,
        format!("{PATH}:10:13: warning[met-not-meet] after `been`, write `met`, not `meet`\n")
    );
    let human = prepress(dir.path())
        .args(["--baseline", ".prepress-baseline.json"])
        .output()
        .unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    assert!(
        human.contains("3 findings hidden by the baseline."),
        "{human}"
    );
    assert_eq!(human.matches("met-not-meet").count(), 1, "{human}");
}

#[test]
fn a_stale_entry_hides_nothing_new_and_is_told_as_gone() {
    let dir = baselined(POST);
    // The `meet` is fixed: its entry matches nothing, and the summary says so,
    // since a new `meet` in this file would take its place unseen.
    write(dir.path(), &POST.replace("been meet", "been met"));
    let out = prepress(dir.path())
        .args(["--format", "json", "--baseline", ".prepress-baseline.json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(
        json["baseline"],
        serde_json::json!({"hidden": 1, "gone": 1})
    );
    let human = prepress(dir.path())
        .args(["--baseline", ".prepress-baseline.json"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(human.stdout).unwrap().contains(
            "1 finding hidden by the baseline; 1 baselined finding is gone (fixed, or its file moved): `prepress baseline` writes the baseline again without it."
        )
    );
    // Written again, the stale entry is gone and a new slip is reported.
    prepress(dir.path()).arg("baseline").assert().success();
    write(dir.path(), POST);
    let (out, _) = check(dir.path(), &[]);
    assert!(out.contains("warning[met-not-meet]"), "{out}");
}

#[test]
fn a_renamed_file_reports_its_findings_again() {
    let dir = baselined(POST);
    std::fs::rename(
        dir.path().join(PATH),
        dir.path().join("_posts/2024-01-01-b.md"),
    )
    .unwrap();
    let (out, _) = check(dir.path(), &[]);
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn the_config_names_the_baseline_and_no_baseline_ignores_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: x\n").unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    std::fs::create_dir(dir.path().join("lint")).unwrap();
    std::fs::write(
        dir.path().join(".prepress.yml"),
        "baseline: lint/known.json\n",
    )
    .unwrap();
    write(dir.path(), POST);
    // `prepress baseline` writes where the config says, paths relative to it.
    prepress(dir.path())
        .arg("baseline")
        .assert()
        .success()
        .stdout("wrote 2 findings in 1 file to lint/known.json\n");
    let written = std::fs::read_to_string(dir.path().join("lint/known.json")).unwrap();
    assert!(written.contains(&format!("\"../{PATH}\"")), "{written}");
    // A check reads it without a flag, from a subfolder too.
    prepress(&dir.path().join("_posts"))
        .args(["--format", "compact"])
        .assert()
        .success()
        .stdout("");
    prepress(dir.path())
        .args(["--format", "compact", "--no-baseline"])
        .assert()
        .stdout(contains("met-not-meet"));
}

#[test]
fn fix_applies_the_fixes_of_baselined_findings_too() {
    let dir = baselined(POST);
    prepress(dir.path())
        .args(["--fix", "--baseline", ".prepress-baseline.json"])
        .assert()
        .success();
    let fixed = std::fs::read_to_string(dir.path().join(PATH)).unwrap();
    assert_eq!(fixed, POST.replace("been meet", "been met"));
}

#[test]
fn a_malformed_baseline_stops_the_run_with_its_place() {
    let dir = baselined(POST);
    let file = dir.path().join(".prepress-baseline.json");
    std::fs::write(
        &file,
        "{\n  \"version\": 1,\n  \"findings\": [\n    { \"path\": \"a.md\",, }\n  ]\n}\n",
    )
    .unwrap();
    prepress(dir.path())
        .args(["--baseline", ".prepress-baseline.json"])
        .assert()
        .code(2)
        .stderr(contains("a mistake in .prepress-baseline.json"))
        .stderr(contains(
            "this is not a prepress baseline: key must be a string\n",
        ))
        .stderr(contains("[.prepress-baseline.json:4:"));
    std::fs::write(&file, "{\"version\": 7, \"findings\": []}\n").unwrap();
    prepress(dir.path())
        .args(["--baseline", ".prepress-baseline.json"])
        .assert()
        .code(2)
        .stderr(contains("this prepress reads baseline version 1"))
        .stderr(contains("[.prepress-baseline.json:1:2]"));
    std::fs::remove_file(&file).unwrap();
    prepress(dir.path())
        .args(["--baseline", ".prepress-baseline.json"])
        .assert()
        .code(2)
        .stderr(contains("could not read the baseline file"));
}

#[test]
fn statistics_count_each_rule_most_first() {
    let dir = baselined(&format!("{POST}\nIt had been meet before.\n"));
    let out = prepress(dir.path())
        .args(["--statistics", "--no-baseline"])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let table: Vec<Vec<&str>> = out
        .lines()
        .take(3)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        table,
        [
            vec!["count", "rule", "safe", "fix", "severity"],
            vec!["2", "met-not-meet", "2", "warning"],
            vec!["1", "repeated-word", "0", "warning"],
        ]
    );
    assert!(out.contains("0 errors, 3 warnings in 1 file"), "{out}");
    let out = prepress(dir.path())
        .args(["--statistics", "--format", "json", "--no-baseline"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["statistics"][0],
        serde_json::json!({"rule": "met-not-meet", "count": 2, "safe_fixes": 2, "severity": "warning"})
    );
    prepress(dir.path())
        .args(["--statistics", "--format", "sarif"])
        .assert()
        .code(2);
}
