//! Inputs the fuzz targets (`fuzz/`) found crashing, kept as tests (those of
//! the pack and config readers are unit tests in `src/packs/schema.rs` and
//! `src/config.rs`).
//!
//! libyaml-safer 0.3.0's tag scanner panics ("TODO: What is expected
//! here?") on a flow sequence like this one; `tree::parse` catches it and
//! reports the text as a YAML error, and the binary's panic hook keeps the
//! trace off standard error.

/// The second crash of the `pack` target: libyaml-safer's tag scanner
/// panics ("TODO: What is expected here?") on this flow sequence.
const TAG_PANIC: &str = "[[!?,";

#[test]
fn front_matter_the_yaml_reader_panics_on_is_reported_quietly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: x\nauthor: Team\n").unwrap();
    std::fs::write(
        dir.path().join("_posts/2024-01-01-a.md"),
        format!("---\n{TAG_PANIC}\n---\nText.\n"),
    )
    .unwrap();
    let output = assert_cmd::cargo::cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .args(["--format", "compact"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains("_posts/2024-01-01-a.md:1:1: error[invalid-yaml] front matter is not valid YAML: the YAML reader cannot make sense of this text"),
        "{out}"
    );
}
