//! Fix applicability end to end: `--fix` and `--diff` take safe fixes, and
//! unsafe ones only with `--unsafe-fixes` (or `unsafe-fixes: true` in the
//! config); every output format says which a fix is.

use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;

/// A post with one safe fix (the quoted boolean) and two unsafe ones (the
/// misspelt layout, and "e-mail" where the post writes "email").
const POST: &str = "---\ntitle: A\nauthor: Ann\nlayout: psot\ncomments: \"true\"\n---\n\
                    Send an email. Reply by email. Then e-mail the team.\n";

/// The post once the safe fix is applied.
const SAFE_FIXED: &str = "---\ntitle: A\nauthor: Ann\nlayout: psot\ncomments: true\n---\n\
                          Send an email. Reply by email. Then e-mail the team.\n";

/// The post once every fix is applied.
const ALL_FIXED: &str = "---\ntitle: A\nauthor: Ann\nlayout: post\ncomments: true\n---\n\
                         Send an email. Reply by email. Then email the team.\n";

const PATH: &str = "_posts/2024-05-01-post.md";

/// A site with a `post` layout that compares `comments` with `true` (so the
/// quoted "true" has its safe fix), and the post above.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: x\n").unwrap();
    std::fs::create_dir(dir.path().join("_layouts")).unwrap();
    std::fs::write(
        dir.path().join("_layouts/post.html"),
        "{{ content }}{% if page.comments == true %}comments{% endif %}\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    std::fs::write(dir.path().join(PATH), POST).unwrap();
    dir
}

fn prepress_in(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("prepress");
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

/// Standard output and exit status of `prepress ARGS` in `dir`.
fn run(dir: &Path, args: &[&str]) -> (String, i32) {
    let output = prepress_in(dir).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap(),
    )
}

/// Whether `out` has a line that is `line`.
fn has_line(out: &str, line: &str) -> bool {
    out.lines().any(|l| l == line)
}

fn post(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(PATH)).unwrap()
}

/// The errors of `value` against the JSON Schema at `schema` (relative to
/// the crate).
fn schema_errors(schema: &str, value: &serde_json::Value) -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(schema)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn fix_applies_the_safe_fix_and_leaves_the_unsafe_ones() {
    let dir = site();
    let (out, code) = run(dir.path(), &["--fix", "--color", "never"]);
    assert_eq!(code, 0);
    assert_eq!(post(dir.path()), SAFE_FIXED);
    assert!(out.contains("fixed 1 finding in 1 file"), "{out}");
    assert!(has_line(&out, "missing-layout [unsafe fix]"), "{out}");
    assert!(has_line(&out, "mixed-spellings [unsafe fix]"), "{out}");
    assert!(
        out.ends_with(
            "\nNo fixes available (2 unsafe fixes can be enabled with the `--unsafe-fixes` option).\n"
        ),
        "{out}"
    );
}

#[test]
fn unsafe_fixes_lets_fix_apply_them_and_a_second_run_changes_nothing() {
    let dir = site();
    let (out, code) = run(dir.path(), &["--fix", "--unsafe-fixes", "--color", "never"]);
    assert_eq!(code, 0);
    assert_eq!(post(dir.path()), ALL_FIXED);
    assert!(out.contains("fixed 3 findings in 1 file"), "{out}");
    let (out, _) = run(dir.path(), &["--fix", "--unsafe-fixes", "--color", "never"]);
    assert!(out.starts_with("0 errors, 0 warnings in 0 files"), "{out}");
    assert_eq!(post(dir.path()), ALL_FIXED);
}

#[test]
fn diff_shows_the_unsafe_fixes_only_when_asked() {
    let dir = site();
    let (safe, code) = run(dir.path(), &["--diff"]);
    assert_eq!(code, 1);
    assert!(safe.contains("+comments: true\n"), "{safe}");
    assert!(!safe.contains("+layout: post\n"), "{safe}");
    assert!(!safe.contains("Then email"), "{safe}");
    let (all, code) = run(dir.path(), &["--diff", "--unsafe-fixes"]);
    assert_eq!(code, 1);
    for line in [
        "-layout: psot\n",
        "+layout: post\n",
        "+comments: true\n",
        "-Send an email. Reply by email. Then e-mail the team.\n",
        "+Send an email. Reply by email. Then email the team.\n",
    ] {
        assert!(all.contains(line), "{line} missing from\n{all}");
    }
    assert_eq!(post(dir.path()), POST, "--diff writes nothing");
}

#[test]
fn the_config_turns_unsafe_fixes_on_and_the_flag_off() {
    let dir = site();
    std::fs::write(dir.path().join(".prepress.yml"), "unsafe-fixes: true\n").unwrap();
    let (out, _) = run(dir.path(), &["--color", "never"]);
    assert!(has_line(&out, "missing-layout [*]"), "{out}");
    assert!(
        out.ends_with("\n[*] 3 fixable with the `--fix` option.\n"),
        "{out}"
    );
    run(dir.path(), &["--fix", "--no-unsafe-fixes", "-q"]);
    assert_eq!(post(dir.path()), SAFE_FIXED);
    run(dir.path(), &["--fix", "-q"]);
    assert_eq!(post(dir.path()), ALL_FIXED);
}

#[test]
fn a_report_counts_the_fixes_each_option_would_apply() {
    let dir = site();
    let (out, code) = run(dir.path(), &["--color", "never"]);
    assert_eq!(code, 0);
    assert!(has_line(&out, "quoted-boolean [*]"), "{out}");
    assert!(has_line(&out, "mixed-spellings [unsafe fix]"), "{out}");
    assert!(
        out.ends_with(
            "\n[*] 1 fixable with the `--fix` option (2 unsafe fixes can be enabled with the `--unsafe-fixes` option).\n"
        ),
        "{out}"
    );
    let (out, _) = run(dir.path(), &["--color", "never", "--unsafe-fixes"]);
    assert!(
        out.ends_with("\n[*] 3 fixable with the `--fix` option.\n"),
        "{out}"
    );
    let (out, _) = run(dir.path(), &["--color", "never", "-q"]);
    assert!(!out.contains("fixable"), "{out}");
}

#[test]
fn json_says_how_sure_each_fix_is() {
    let dir = site();
    let (out, _) = run(dir.path(), &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = schema_errors("docs/json-output.schema.json", &value);
    assert!(errors.is_empty(), "{errors:#?}");
    let fix_of = |rule: &str| {
        value["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == rule)
            .map(|d| d["fix"].clone())
            .unwrap()
    };
    let quoted = fix_of("quoted-boolean");
    assert_eq!(
        (&quoted["applicability"], &quoted["safe"]),
        (&"safe".into(), &true.into())
    );
    for rule in ["missing-layout", "mixed-spellings"] {
        let fix = fix_of(rule);
        assert_eq!(
            (&fix["applicability"], &fix["safe"]),
            (&"unsafe".into(), &false.into()),
            "{rule}"
        );
    }
    // The schema holds the two fields to one another.
    let mut wrong = value.clone();
    let diagnostics = wrong["diagnostics"].as_array_mut().unwrap();
    let fixed = diagnostics
        .iter_mut()
        .find(|d| d["rule"] == "mixed-spellings")
        .unwrap();
    fixed["fix"]["safe"] = true.into();
    assert!(!schema_errors("docs/json-output.schema.json", &wrong).is_empty());
}

#[test]
fn sarif_fixes_carry_their_applicability() {
    let dir = site();
    let (out, _) = run(dir.path(), &["--format", "sarif"]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = schema_errors("tests/data/sarif-schema-2.1.0.json", &value);
    assert!(errors.is_empty(), "{errors:#?}");
    let results = value["runs"][0]["results"].as_array().unwrap();
    let fix_of = |rule: &str| {
        results
            .iter()
            .find(|r| r["ruleId"] == rule)
            .map(|r| r["fixes"][0].clone())
            .unwrap()
    };
    let layout = fix_of("missing-layout");
    assert_eq!(layout["properties"]["applicability"], "unsafe");
    let change = &layout["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], PATH);
    let replacement = &change["replacements"][0];
    let start = POST.find("psot").unwrap();
    assert_eq!(replacement["deletedRegion"]["byteOffset"], start);
    assert_eq!(replacement["deletedRegion"]["byteLength"], 4);
    assert_eq!(replacement["insertedContent"]["text"], "post");
    assert_eq!(
        fix_of("quoted-boolean")["properties"]["applicability"],
        "safe"
    );
}
