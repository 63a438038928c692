//! The site's files: one walk collects every path, relative to the root
//! with `/` separators.

use rustc_hash::FxHashSet as HashSet;
use std::path::Path;

use ignore::WalkBuilder;

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

/// Every file under `root`, relative, with `/` separators; ignore files are not
/// consulted, since a generated or ignored file can still be on the built site.
pub(super) fn walk(root: &Path) -> HashSet<String> {
    let mut files = HashSet::default();
    let walker = WalkBuilder::new(root)
        .standard_filters(false)
        .filter_entry(|e| {
            let skipped = e.depth() > 0 && e.file_type().is_some_and(|t| t.is_dir()) && {
                let name = e.file_name();
                NEVER_WALKED.iter().any(|s| name == *s)
            };
            !skipped
        })
        .build();
    for entry in walker.flatten() {
        if entry.file_type().is_some_and(|t| t.is_file())
            && let Some(relative) = relative_slash_path(entry.path(), root)
        {
            files.insert(relative);
        }
    }
    files
}
