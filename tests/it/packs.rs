//! A site's own rule packs can configure, never reach out: a pack must lie
//! beside its config or below it, and a pattern is bounded in length, nesting
//! and compiled size. Each mistake stops the run with status 2 and its place.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

fn pack_with(pattern: &str) -> String {
    format!(
        "pack: team\ndescription: Ours.\nrules:\n  - id: team-rule\n    kind: pattern\n    summary: A rule\n    explanation: Why.\n    message: \"no\"\n    pattern: '{pattern}'\n    examples:\n      flag: [\"x\"]\n      allow: [\"y\"]\n"
    )
}

/// Runs prepress in `dir`; returns its exit status and standard error.
fn run(dir: &Path) -> (i32, String) {
    let output = cargo_bin_cmd!("prepress")
        .current_dir(dir)
        .args(["--color", "never"])
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn site(config: &str, pack_path: &str, pack: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("blog/_posts")).unwrap();
    std::fs::write(dir.path().join("blog/.prepress.yml"), config).unwrap();
    std::fs::write(
        dir.path().join("blog/_posts/2024-01-01-a.md"),
        "---\ntitle: A\n---\nHi.\n",
    )
    .unwrap();
    let pack_file = dir.path().join(pack_path);
    std::fs::create_dir_all(pack_file.parent().unwrap()).unwrap();
    std::fs::write(pack_file, pack).unwrap();
    dir
}

#[test]
fn a_pack_outside_the_config_folder_is_refused() {
    let dir = site(
        "rules:\n  packs: [../elsewhere/team.yml]\n",
        "elsewhere/team.yml",
        &pack_with("x"),
    );
    let (code, err) = run(&dir.path().join("blog"));
    assert_eq!(code, 2);
    assert!(
        err.contains("the pack `../elsewhere/team.yml` is outside the config's folder"),
        "{err}"
    );
    assert!(err.contains("[.prepress.yml:2:11]"), "{err}");
    let dir = site(
        "rules:\n  packs: [packs/team.yml]\n",
        "blog/packs/team.yml",
        &pack_with("x"),
    );
    assert_eq!(
        run(&dir.path().join("blog")).0,
        0,
        "a pack below the config is fine"
    );
}

#[test]
fn patterns_are_bounded() {
    let long = "a".repeat(2_001);
    let deep = format!("{}x{}", "(".repeat(40), ")".repeat(40));
    for (pattern, message) in [
        (long.as_str(), "the pattern is longer than 2000 bytes"),
        (deep.as_str(), "the pattern does not compile"),
        ("(?:x{1000}){1000}", "exceeded limit of 8388608"),
    ] {
        let dir = site(
            "rules:\n  packs: [team.yml]\n",
            "blog/team.yml",
            &pack_with(pattern),
        );
        let (code, err) = run(&dir.path().join("blog"));
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(message), "{pattern:.40}: {err}");
    }
}
