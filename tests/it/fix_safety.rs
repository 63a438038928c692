//! `--fix` never loses text: a symbolic link is not written through, and a run
//! killed or failing in the middle of writing leaves every file either as it
//! was or fully fixed. Failures are made with a file-size limit of zero
//! (`ulimit -f 0`), which stops any write even for root, as a full disk does.

use std::path::Path;
use std::process::Command;

const BROKEN: &str = "---\ntitle: A\ncomments: \"false\"\n---\nIt has been meet with praise.\n";
const FIXED: &str = "---\ntitle: A\ncomments: false\n---\nIt has been met with praise.\n";

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: x\nauthor: Team\n").unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    dir
}

/// Runs `prepress --fix` on the site under bash with `setup` run first.
fn fix_under(dir: &Path, setup: &str) -> std::process::Output {
    Command::new("bash")
        .current_dir(dir)
        .arg("-c")
        .arg(format!(
            "{setup}; exec '{}' --fix --format compact",
            env!("CARGO_BIN_EXE_prepress")
        ))
        .output()
        .unwrap()
}

#[test]
fn a_symbolic_link_is_not_written_through() {
    let dir = site();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("shared-post.md");
    std::fs::write(&target, BROKEN).unwrap();
    let link = dir.path().join("_posts/2024-01-01-link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_prepress"))
        .current_dir(dir.path())
        .args(["--fix", "--format", "compact", "_posts/2024-01-01-link.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "could not write the fixes to `_posts/2024-01-01-link.md`: it is a symbolic link"
        ),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), BROKEN);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_run_killed_while_writing_leaves_the_originals() {
    let dir = site();
    for n in 1..=5 {
        std::fs::write(dir.path().join(format!("_posts/2024-01-0{n}-p.md")), BROKEN).unwrap();
    }
    // SIGXFSZ kills the process at its first write past the limit.
    let output = fix_under(dir.path(), "ulimit -f 0");
    assert_ne!(output.status.code(), Some(0));
    for n in 1..=5 {
        let text =
            std::fs::read_to_string(dir.path().join(format!("_posts/2024-01-0{n}-p.md"))).unwrap();
        assert!(
            text == BROKEN || text == FIXED,
            "post {n} is half written: {text:?}"
        );
    }
    // Once the limit is gone, the same run fixes everything.
    let output = fix_under(dir.path(), "true");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    for n in 1..=5 {
        let text =
            std::fs::read_to_string(dir.path().join(format!("_posts/2024-01-0{n}-p.md"))).unwrap();
        assert_eq!(text, FIXED);
    }
}

#[test]
fn a_write_that_fails_like_a_full_disk_is_reported_and_changes_nothing() {
    let dir = site();
    let post = dir.path().join("_posts/2024-01-01-p.md");
    std::fs::write(&post, BROKEN).unwrap();
    // With SIGXFSZ ignored, the write fails with "file too large" instead.
    let output = fix_under(dir.path(), "trap '' XFSZ; ulimit -f 0");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("could not write the fixes to `_posts/2024-01-01-p.md`"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&post).unwrap(), BROKEN);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("_posts"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "a temporary file was left behind: {leftovers:?}"
    );
}
