//! The fix step: apply fixes to a text, and write the result safely.
//!
//! Which fixes a run takes (the safe ones, and the unsafe ones too with
//! `--unsafe-fixes`) is the check step's choice; here they are applied in span
//! order, and a fix that overlaps one already taken is left for the next round,
//! so two edits never fight over the same bytes. The check step re-checks the
//! fixed text and repeats until nothing it takes is left, which makes a second
//! `--fix` (with the same options) a no-op. Files are written through a temporary
//! file in the same folder, flushed to disk and renamed over the original, so a
//! reader (or a crash) sees the old file or the new one, never half of each; the
//! original's permissions are kept, and the write is refused if the file
//! changed on disk since it was read.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::diagnostic::Fix;

/// Applies the non-overlapping fixes among `fixes` to `text`; returns the new
/// text and how many fixes were applied.
pub(crate) fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes.into_iter().collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = 0;
    for fix in fixes {
        let in_bounds = fix.span.start <= fix.span.end
            && fix.span.end <= text.len()
            && text.is_char_boundary(fix.span.start)
            && text.is_char_boundary(fix.span.end);
        if fix.span.start < at || !in_bounds {
            continue;
        }
        out.push_str(&text[at..fix.span.start]);
        out.push_str(&fix.replacement);
        at = fix.span.end;
        applied += 1;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// Replaces the file at `path`, which held `old` when it was read, by `new`.
/// A symbolic link is refused: replacing it would turn the link into a file,
/// and writing through it could change a file outside the site.
pub(crate) fn write_atomic(path: &Path, old: &str, new: &str) -> io::Result<()> {
    if fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(io::Error::other(
            "it is a symbolic link; fix the file it points to instead",
        ));
    }
    if fs::read(path)? != old.as_bytes() {
        return Err(io::Error::other(
            "the file changed on disk since it was read; run again",
        ));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let metadata = fs::metadata(path)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".prepress-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(new.as_bytes())?;
    temp.as_file().sync_all()?;
    fs::set_permissions(temp.path(), metadata.permissions())?;
    keep_owner(temp.path(), &metadata);
    temp.persist(path).map_err(|err| err.error)?;
    // The rename is durable only once the folder is on disk too.
    if let Ok(folder) = fs::File::open(dir) {
        folder.sync_all().ok();
    }
    Ok(())
}

/// Gives the new file the old one's owner and group where the user may
/// (root may; others keep their own, which is what the old file had).
#[cfg(unix)]
fn keep_owner(path: &Path, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    std::os::unix::fs::chown(path, Some(old.uid()), Some(old.gid())).ok();
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: &fs::Metadata) {}

/// A unified diff of `old` to `new` for the file shown as `name`.
pub(crate) fn diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Applicability;
    use proptest::prelude::*;

    fn fix(start: usize, end: usize, replacement: &str) -> Fix {
        Fix {
            span: start..end,
            replacement: replacement.to_string(),
            applicability: Applicability::Safe,
        }
    }

    #[test]
    fn applies_fixes_in_order_and_skips_overlaps() {
        let text = "in the our team, the the end";
        let fixes = [fix(17, 24, "the"), fix(3, 10, "our"), fix(5, 12, "x")];
        let (out, applied) = apply(text, &fixes);
        assert_eq!(out, "in our team, the end");
        assert_eq!(applied, 2);
    }

    #[test]
    fn ignores_a_reversed_span() {
        let (start, end) = (5, 3);
        let fix = Fix {
            span: start..end,
            replacement: "X".into(),
            applicability: Applicability::Safe,
        };
        assert_eq!(apply("abcdefg", [&fix]), ("abcdefg".to_string(), 0));
    }

    #[test]
    fn ignores_fixes_outside_the_text() {
        let (out, applied) = apply("é", &[fix(1, 2, "x"), fix(0, 9, "y")]);
        assert_eq!((out.as_str(), applied), ("é", 0));
    }

    #[test]
    fn writes_atomically_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("post.md");
        fs::write(&path, "old\r\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&path, "old\r\n", "new\r\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn refuses_to_overwrite_a_file_that_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("post.md");
        fs::write(&path, "edited meanwhile").unwrap();
        let err = write_atomic(&path, "as read", "fixed").unwrap_err();
        assert!(err.to_string().contains("changed on disk"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "edited meanwhile");
    }

    #[test]
    fn diffs_are_unified() {
        let out = diff("a.md", "one\ntwo\n", "one\n2\n");
        assert!(out.starts_with("--- a/a.md\n+++ b/a.md\n"), "{out}");
        assert!(out.contains("-two\n+2\n"), "{out}");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn fixes_change_only_their_own_bytes(
            text in "[a-z é\n]{0,120}",
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..6, "[A-Z]{0,4}"), 0..6),
        ) {
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let fixes: Vec<Fix> = edits
                .iter()
                .map(|(at, len, replacement)| {
                    let start = at.index(boundaries.len());
                    let end = (start + len).min(boundaries.len() - 1);
                    Fix { span: boundaries[start]..boundaries[end], replacement: replacement.clone(), applicability: Applicability::Safe }
                })
                .collect();
            let (fixed, applied) = apply(&text, &fixes);
            // The fixes taken are those `apply` promises: in span order, each one
            // that does not overlap one already taken.
            let mut sorted: Vec<&Fix> = fixes.iter().collect();
            sorted.sort_by_key(|f| (f.span.start, f.span.end));
            let mut expected = String::new();
            let mut at = 0;
            let mut taken = 0;
            for f in sorted {
                if f.span.start < at {
                    continue;
                }
                expected.push_str(&text[at..f.span.start]);
                expected.push_str(&f.replacement);
                at = f.span.end;
                taken += 1;
            }
            expected.push_str(&text[at..]);
            prop_assert_eq!(&fixed, &expected);
            prop_assert_eq!(applied, taken);
            prop_assert_eq!(apply(&text, &[]), (text.clone(), 0));
        }
    }
}
