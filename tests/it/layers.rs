//! No module of src/ imports from a layer above its own (the layers of
//! docs/layers.txt, checked by `scripts/imports --layers`).

use std::process::Command;

#[test]
fn no_module_imports_from_a_layer_above() {
    let output = Command::new("python3")
        .args(["scripts/imports", "--layers", "--no-tests"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 runs scripts/imports");
    assert!(
        output.status.success(),
        "scripts/imports --layers --no-tests failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Within a layer too, outside tests no two modules import each other, even
/// through others (a rule file naming `rules/mod.rs` for `Context` closed
/// such a loop once).
#[test]
fn no_module_imports_form_a_cycle() {
    let output = Command::new("python3")
        .args(["scripts/imports", "--cycles", "--no-tests"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 runs scripts/imports");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && text.contains(" 0 cycles"),
        "scripts/imports --cycles --no-tests found cycles:\n{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
