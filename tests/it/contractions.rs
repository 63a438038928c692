//! The contraction and joined-word rules end to end: a slip the misspelling
//! list also holds is reported once, by the rule that knows the right fix, and
//! `--fix` applies only the safe fixes.

use assert_cmd::cargo::cargo_bin_cmd;

/// The rule, text and fix of each finding prepress reports on `body`.
fn findings(body: &str) -> Vec<(String, String, Option<String>)> {
    let output = cargo_bin_cmd!("prepress")
        .args(["--stdin", "--stdin-filename", "post.md", "--format", "json"])
        .write_stdin(body)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        // `post.md` is in no site: the note saying so is not this file's subject.
        .filter(|d| d["rule"] != "no-site")
        .map(|d| {
            let span = d["start"].as_u64().unwrap() as usize..d["end"].as_u64().unwrap() as usize;
            (
                d["rule"].as_str().unwrap().to_string(),
                body[span].to_string(),
                d["fix"]["replacement"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn a_slip_the_misspelling_list_also_holds_is_reported_once_with_the_right_fix() {
    // The typos list takes "youre" for "your" and "inspite" for "inspire".
    assert_eq!(
        findings("If youre late, we start inspite of it.\n"),
        vec![
            (
                "missing-apostrophe".to_string(),
                "youre".to_string(),
                Some("you're".to_string())
            ),
            (
                "joined-words".to_string(),
                "inspite".to_string(),
                Some("in spite".to_string())
            ),
        ]
    );
}

#[test]
fn fix_applies_the_safe_fixes_and_leaves_the_unsafe_ones() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    std::fs::write(&post, "Dont panic: its a test, everytime.\n").unwrap();
    cargo_bin_cmd!("prepress")
        .arg("--fix")
        .arg(&post)
        .output()
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(&post).unwrap(),
        "Don't panic: its a test, every time.\n"
    );
    cargo_bin_cmd!("prepress")
        .args(["--fix", "--unsafe-fixes"])
        .arg(&post)
        .output()
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(&post).unwrap(),
        "Don't panic: it's a test, every time.\n"
    );
}
