//! Inputs the fuzz targets (`fuzz/`) found crashing, kept as tests.
//!
//! A YAML file ending in a block scalar (`|` or `>`) whose last line has no
//! final line break makes libyaml-safer 0.3.0 panic with "unexpected end of
//! input" (`scanner.rs:166`, `read_line_break` called from
//! `scan_block_scalar`), through `front_matter::tree::parse`. Rule packs, the
//! `.prepress.yml` config and a site's `_config.yml` are all read that way;
//! front matter is not (its YAML always ends before the closing `---` line).
//! `tree::parse` now ends such input with a line break before parsing.

use std::panic::catch_unwind;
use std::path::Path;

use prepress::config::Config;
use prepress::packs::schema;

/// What `cargo fuzz tmin pack` reduced the crash to: a block scalar, no final
/// line break.
const MINIMAL: &[u8] = b"|\n g";

#[test]
fn a_pack_ending_in_a_block_scalar_is_an_error_not_a_panic() {
    let text = std::str::from_utf8(MINIMAL).unwrap();
    let read = catch_unwind(|| schema::read(Path::new("fuzz.yml"), text).map(|_| ()));
    let read = read.expect("reading the pack panicked");
    // A lone string is not a pack: it needs `pack:` and `rules:`.
    let err = read.expect_err("a bare string read as a pack");
    assert_eq!(err.path, Path::new("fuzz.yml"));
}

/// A pack a person could write, whose last value is a block scalar, and no
/// final line break.
const TEAM_PACK: &str = "pack: team
description: Our own rules.
rules:
  - id: team-name
    kind: substitution
    summary: The company name written without its capitals
    message: \"`{match}` is written `{replacement}`\"
    replace:
      acme corp: Acme Corp
    examples:
      flag: [{ text: \"we are acme corp\", fixed: \"we are Acme Corp\" }]
    explanation: |
      The company name has capitals.";

#[test]
fn the_team_pack_with_a_final_line_break_reads() {
    schema::read(Path::new("team.yml"), &format!("{TEAM_PACK}\n")).expect("the pack reads");
}

#[test]
fn a_real_pack_whose_last_value_is_a_block_scalar_reads() {
    let read = catch_unwind(|| schema::read(Path::new("team.yml"), TEAM_PACK).map(|_| ()));
    read.expect("reading the pack panicked")
        .expect("the pack reads");
}

#[test]
fn a_config_ending_in_a_block_scalar_is_read_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            ".prepress.yml",
            "rules:\n  disable: [published-false]\nnote: |\n  hello",
        ),
        ("_config.yml", "title: Blog\ndescription: |\n  A blog."),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let read = catch_unwind(|| Config::read_found(&path).map(|_| ()));
        // Whatever the config says of an unknown key, it says it as an error.
        let _ = read.unwrap_or_else(|_| panic!("reading {name} panicked"));
    }
}

/// The second crash of the `pack` target: libyaml-safer's tag scanner
/// panics ("TODO: What is expected here?") on this flow sequence.
const TAG_PANIC: &str = "[[!?,";

#[test]
fn text_the_yaml_reader_panics_on_is_a_yaml_error() {
    let read = catch_unwind(|| schema::read(Path::new("fuzz.yml"), TAG_PANIC).map(|_| ()));
    let err = read
        .expect("reading the pack panicked")
        .expect_err("not a pack");
    assert!(
        err.message.contains("not valid YAML") || err.message.contains("YAML"),
        "{}",
        err.message
    );
}

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
