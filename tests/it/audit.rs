//! `scripts/audit`, the offline advisory check, on a database and lock file
//! made here: an affected version fails it, a patched one passes.

use std::path::Path;
use std::process::Command;

fn audit(db: &Path, lock: &str) -> (i32, String) {
    let lock_file = db.join("Cargo.lock");
    std::fs::write(&lock_file, lock).unwrap();
    let output = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/audit"))
        .arg("--db")
        .arg(db)
        .arg("--lock")
        .arg(&lock_file)
        .output()
        .expect("python3 runs");
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn flags_locked_versions_an_advisory_affects() {
    let db = tempfile::tempdir().unwrap();
    let folder = db.path().join("crates/leaky");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("RUSTSEC-2099-0001.md"),
        "```toml\n[advisory]\nid = \"RUSTSEC-2099-0001\"\npackage = \"leaky\"\ndate = \"2099-01-01\"\n\n[versions]\npatched = [\">= 1.4.0\", \"^1.2.7\"]\nunaffected = [\"< 1.0.0\"]\n```\n\n# Leaks\n",
    )
    .unwrap();
    std::fs::write(
        folder.join("RUSTSEC-2099-0002.md"),
        "```toml\n[advisory]\nid = \"RUSTSEC-2099-0002\"\npackage = \"leaky\"\ndate = \"2099-01-02\"\nwithdrawn = \"2099-02-01\"\n\n[versions]\npatched = []\n```\n",
    )
    .unwrap();
    let lock = |version: &str| {
        format!(
            "version = 4\n\n[[package]]\nname = \"leaky\"\nversion = \"{version}\"\n\n[[package]]\nname = \"fine\"\nversion = \"0.1.0\"\n"
        )
    };
    let (code, out) = audit(db.path(), &lock("1.2.5"));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("leaky 1.2.5: RUSTSEC-2099-0001 (vulnerability)"),
        "{out}"
    );
    assert!(
        !out.contains("RUSTSEC-2099-0002"),
        "a withdrawn advisory counts for nothing: {out}"
    );
    for safe in ["1.4.1", "1.2.9", "0.9.0"] {
        let (code, out) = audit(db.path(), &lock(safe));
        assert_eq!(code, 0, "{safe}: {out}");
    }
}
