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
