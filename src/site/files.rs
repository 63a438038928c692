//! The site's files: one walk collects every path, relative to the root
//! with `/` separators.

use rustc_hash::FxHashSet as HashSet;
use std::path::Path;

use crate::jekyll_names::NEVER_WALKED;

pub(super) fn without_extension(path: &str) -> &str {
    match path.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() && !stem.ends_with('/') => stem,
        _ => path,
    }
}

/// `path` below `root` with `/` between its parts, whatever the platform
/// writes. The walker joins names onto `root` as given, so its text is cut
/// off directly; component-wise path matching costs more than the walk.
pub(super) fn relative_slash_path(path: &Path, root: &Path) -> Option<String> {
    let sep = std::path::MAIN_SEPARATOR as u8;
    let (bytes, root_bytes) = (
        path.as_os_str().as_encoded_bytes(),
        root.as_os_str().as_encoded_bytes(),
    );
    let below = bytes.strip_prefix(root_bytes).filter(|rest| {
        root_bytes.last() == Some(&sep) || rest.is_empty() || rest.first() == Some(&sep)
    });
    let rest = match below {
        Some(rest) => {
            let start = rest.iter().position(|b| *b != sep).unwrap_or(rest.len());
            String::from_utf8_lossy(&rest[start..]).into_owned()
        }
        None => path.strip_prefix(root).ok()?.to_string_lossy().into_owned(),
    };
    Some(if sep == b'/' {
        rest
    } else {
        rest.replace(std::path::MAIN_SEPARATOR, "/")
    })
}

/// Every file under `root`, relative, with `/` separators, but none under
/// the folder `skip` (relative, such as the data folder, which some blogs
/// fill with tens of thousands of comment files that only a run over the
/// whole site reads); ignore files are not consulted, since a generated or
/// ignored file can still be on the built site. Symbolic links are not
/// followed and the folders of [`NEVER_WALKED`] are skipped. Each name is added to its folder's path as `read_dir` gives it,
/// with the type it gives: a file costs no `stat` and no path arithmetic,
/// which a site of tens of thousands of images pays on every run.
pub(super) fn walk(root: &Path, skip: &str) -> HashSet<String> {
    let mut files = HashSet::default();
    let mut folders = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_dir() && NEVER_WALKED.iter().any(|s| name == *s) {
                continue;
            }
            let relative = if prefix.is_empty() {
                name.into_owned()
            } else {
                format!("{prefix}/{name}")
            };
            if kind.is_file() {
                files.insert(relative);
            } else if kind.is_dir() && relative != skip {
                folders.push((entry.path(), relative));
            }
        }
    }
    files
}
