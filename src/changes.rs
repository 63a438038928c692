//! The lines a change touched, read from a unified diff (`git diff -U0`).
//!
//! A pull request check annotates only what the pull request changed: a
//! finding on an untouched line of a touched post is old news to the author,
//! and GitHub shows few annotations per step. This module reads the new-side
//! line ranges of each file from the diff's `+++` and `@@` lines and answers
//! whether a finding's lines meet one of them. It reads git's output only as
//! far as that needs: file headers (with git's quoting of unusual names) and
//! hunk headers; the lines of each hunk are skipped.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

/// Why a diff could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ChangesError {
    /// The diff file could not be read.
    #[error("could not read the diff `{path}`: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// A hunk header without the numbers a unified diff has.
    #[error("line {line} of the diff `{path}` is not a hunk header git writes: `{text}`")]
    BadHunk {
        /// The file.
        path: PathBuf,
        /// Its line number, from 1.
        line: usize,
        /// The line.
        text: String,
    },
}

/// The changed lines of every file in a diff, by path as the diff names it
/// (relative to the repository root).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Changes {
    files: HashMap<String, Vec<RangeInclusive<usize>>>,
}

impl Changes {
    /// Reads the diff in the file at `path`.
    pub(crate) fn read(path: &Path) -> Result<Self, ChangesError> {
        let bytes = std::fs::read(path).map_err(|source| ChangesError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&String::from_utf8_lossy(&bytes)).map_err(|(line, text)| {
            ChangesError::BadHunk {
                path: path.to_path_buf(),
                line,
                text,
            }
        })
    }

    /// Reads a unified diff; on a malformed hunk header, its line number and
    /// text.
    pub(crate) fn parse(diff: &str) -> Result<Self, (usize, String)> {
        let mut files: HashMap<String, Vec<RangeInclusive<usize>>> = HashMap::new();
        let mut current: Option<String> = None;
        for (number, line) in diff.lines().enumerate() {
            if let Some(name) = line.strip_prefix("+++ ") {
                current = new_side_path(name);
            } else if line.starts_with("@@ ") {
                let Some(file) = &current else {
                    continue;
                };
                let (start, count) =
                    hunk_new_side(line).ok_or_else(|| (number + 1, line.to_string()))?;
                if count > 0 {
                    files
                        .entry(file.clone())
                        .or_default()
                        .push(start..=start + count - 1);
                }
            }
        }
        Ok(Self { files })
    }

    /// Whether lines `first..=last` of the file at `path` (relative to the
    /// repository root, `/`-separated) meet a changed line.
    pub(crate) fn touches(&self, path: &str, first: usize, last: usize) -> bool {
        let path = path.strip_prefix("./").unwrap_or(path);
        self.files.get(path).is_some_and(|ranges| {
            ranges
                .iter()
                .any(|r| *r.start() <= last.max(first) && first <= *r.end())
        })
    }
}

/// The path after `+++ `: `b/path` (or git's quoted form), `None` for a
/// deleted file (`/dev/null`).
fn new_side_path(name: &str) -> Option<String> {
    let name = name.trim_end_matches(['\r', '\t']);
    let name = if name.starts_with('"') {
        unquote(name)?
    } else {
        name.to_string()
    };
    if name == "/dev/null" {
        return None;
    }
    Some(name.strip_prefix("b/").map_or(name.clone(), str::to_string))
}

/// Undoes git's C-style quoting of a path (`"a\tb\303\251.md"`).
fn unquote(quoted: &str) -> Option<String> {
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
    let mut bytes = Vec::with_capacity(inner.len());
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match chars.next()? {
            b'n' => bytes.push(b'\n'),
            b't' => bytes.push(b'\t'),
            b'r' => bytes.push(b'\r'),
            b'a' => bytes.push(7),
            b'b' => bytes.push(8),
            b'f' => bytes.push(12),
            b'v' => bytes.push(11),
            d @ b'0'..=b'7' => {
                let mut value = u32::from(d - b'0');
                for _ in 0..2 {
                    let next = chars.next_if(|c| (b'0'..=b'7').contains(c))?;
                    value = value * 8 + u32::from(next - b'0');
                }
                bytes.push(u8::try_from(value).ok()?);
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

/// The new side of a hunk header `@@ -a,b +c,d @@`: first line and count
/// (a missing count is 1).
fn hunk_new_side(line: &str) -> Option<(usize, usize)> {
    let plus = line.split(' ').find(|part| part.starts_with('+'))?;
    let mut numbers = plus[1..].splitn(2, ',');
    let start = numbers.next()?.parse().ok()?;
    let count = match numbers.next() {
        Some(count) => count.parse().ok()?,
        None => 1,
    };
    Some((start, count))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFF: &str = "\
diff --git a/_posts/2024-01-01-a.md b/_posts/2024-01-01-a.md
index 1111111..2222222 100644
--- a/_posts/2024-01-01-a.md
+++ b/_posts/2024-01-01-a.md
@@ -3 +3 @@ title: A
-old
+new
@@ -10,0 +11,2 @@ more
+one
+two
@@ -20,3 +22,0 @@
-gone
-gone
-gone
diff --git a/_posts/new.md b/_posts/new.md
new file mode 100644
--- /dev/null
+++ b/_posts/new.md
@@ -0,0 +1,4 @@
+a
+b
+c
+d
diff --git a/old.md b/old.md
deleted file mode 100644
--- a/old.md
+++ /dev/null
@@ -1,2 +0,0 @@
-x
-y
diff --git \"a/_posts/caf\\303\\251 notes.md\" \"b/_posts/caf\\303\\251 notes.md\"
--- \"a/_posts/caf\\303\\251 notes.md\"
+++ \"b/_posts/caf\\303\\251 notes.md\"
@@ -5,2 +5,2 @@
-p
+q
";

    #[test]
    fn reads_the_new_side_of_each_hunk() {
        let changes = Changes::parse(DIFF).unwrap();
        let a = "_posts/2024-01-01-a.md";
        assert!(changes.touches(a, 3, 3));
        assert!(!changes.touches(a, 4, 10));
        assert!(changes.touches(a, 11, 11) && changes.touches(a, 12, 12));
        assert!(changes.touches(a, 9, 11), "a span across a changed line");
        assert!(!changes.touches(a, 13, 30), "a deletion leaves no line");
        assert!(changes.touches("./_posts/new.md", 4, 4));
        assert!(!changes.touches("_posts/new.md", 5, 5));
        assert!(
            !changes.touches("old.md", 1, 2),
            "a deleted file has no lines"
        );
        assert!(changes.touches("_posts/café notes.md", 6, 6));
        assert!(!changes.touches("_posts/other.md", 1, 1));
    }

    #[test]
    fn a_broken_hunk_header_is_an_error_with_its_line() {
        let diff = "+++ b/a.md\n@@ -1 +x @@\n";
        assert_eq!(Changes::parse(diff), Err((2, "@@ -1 +x @@".to_string())));
        assert_eq!(Changes::parse(""), Ok(Changes::default()));
    }

    #[test]
    fn unquotes_git_paths() {
        assert_eq!(unquote(r#""a\tb\"c\\d""#).as_deref(), Some("a\tb\"c\\d"));
        assert_eq!(unquote(r#""\303\251""#).as_deref(), Some("é"));
        assert_eq!(unquote(r#""\9""#).as_deref(), Some("9"));
        assert_eq!(unquote(r#""\30""#), None);
    }
}
