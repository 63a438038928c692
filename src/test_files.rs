//! For unit tests: files written into a temporary site, their folders made
//! as needed, so each test states only the paths and texts it needs.

use std::path::Path;

/// Writes `text` to `path` under `root`, making the folders on the way.
pub(crate) fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}
