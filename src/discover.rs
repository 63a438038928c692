//! The discover step: which files to check.
//!
//! Directories are walked in parallel with the `ignore` crate, honouring
//! `.gitignore` (inside a git repository or not), skipping hidden entries and the
//! folders a Jekyll site builds or vendors (`_site/`, `.jekyll-cache/`, `vendor/`,
//! `node_modules/`), and keeping Markdown files only. A file named on the command
//! line is always checked, whatever its name or ignore status: that is how
//! pre-commit passes staged files. The result is sorted and free of duplicates, so
//! output order never depends on the walk.

use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use ignore::{WalkBuilder, WalkState};

use crate::jekyll_names::{MARKDOWN_EXTENSIONS, NEVER_WALKED};

/// Checked besides the extensions Jekyll converts as Markdown by default.
const ALSO_MARKDOWN: &str = "mdown";

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Files to check, sorted, without duplicates.
    pub files: Vec<PathBuf>,
    /// Paths that could not be looked at, with the reason.
    pub problems: Vec<(PathBuf, String)>,
}

/// Whether `path` has a Markdown extension (in any case).
pub(crate) fn is_markdown(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        MARKDOWN_EXTENSIONS
            .iter()
            .chain([&ALSO_MARKDOWN])
            .any(|m| m.eq_ignore_ascii_case(e))
    })
}

/// Whether a walk would pass over the file at `path`, relative to the walked
/// folder: not Markdown, or hidden, or inside a hidden or skipped folder.
/// `--force-exclude` drops such named files, so that pre-commit's list of
/// files gives what a walk gives (`.gitignore` is not read: a file git
/// tracks is rarely ignored).
pub(crate) fn walk_skips(path: &Path) -> bool {
    !is_markdown(path)
        || path.components().any(|c| match c {
            Component::Normal(name) => {
                name.as_encoded_bytes().starts_with(b".") || NEVER_WALKED.iter().any(|d| name == *d)
            }
            _ => false,
        })
}

/// Finds the files to check under `paths`, walking with `threads` threads.
pub(crate) fn discover(paths: &[PathBuf], threads: usize) -> Discovered {
    discover_with(paths, threads, None)
}

/// As [`discover`], and sends `first` the first Markdown file the walk of a
/// folder finds, as soon as it is found, so the caller can start on what that
/// file needs (its site) while the walk goes on.
pub(crate) fn discover_telling(
    paths: &[PathBuf],
    threads: usize,
    first: Sender<PathBuf>,
) -> Discovered {
    discover_with(paths, threads, Some(first))
}

fn discover_with(paths: &[PathBuf], threads: usize, first: Option<Sender<PathBuf>>) -> Discovered {
    let mut found = Discovered::default();
    let mut dirs = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => dirs.push(path.clone()),
            Ok(_) => found.files.push(path.clone()),
            Err(err) => found.problems.push((path.clone(), io_reason(&err))),
        }
    }
    if let Some((start, rest)) = dirs.split_first() {
        walk(start, rest, threads, first, &mut found);
    }
    sort_paths(&mut found.files);
    found.problems.sort();
    found
}

/// Sorts `paths` in `Path`'s own order (component by component) and drops
/// repeats, as `sort` and `dedup` would, but reading each path's components
/// once: comparing two `Path`s parses both, and on 10,000 posts that was
/// half of discovery (20 ms).
fn sort_paths(paths: &mut Vec<PathBuf>) {
    // A Windows prefix (`C:`, `\\server\share`) compares by its parsed
    // kind and drive letter, not its bytes: such paths sort as `Path` does.
    let prefixed = |p: &PathBuf| matches!(p.components().next(), Some(Component::Prefix(_)));
    if paths.iter().any(prefixed) {
        paths.sort();
        paths.dedup();
        return;
    }
    let mut keyed: Vec<(Vec<u8>, PathBuf)> = paths.drain(..).map(|p| (order_key(&p), p)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|later, earlier| later.0 == earlier.0);
    paths.extend(keyed.into_iter().map(|(_, path)| path));
}

/// Bytes that sort as `path` does among paths without a Windows prefix:
/// each component as a tag in `Component`'s order and its name, with a zero
/// byte (which no name holds) between components, so a path sorts before
/// the longer paths it starts.
fn order_key(path: &Path) -> Vec<u8> {
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for (i, component) in path.components().enumerate() {
        if i > 0 {
            key.push(0);
        }
        match component {
            Component::Prefix(_) => key.push(1),
            Component::RootDir => key.push(2),
            Component::CurDir => key.push(3),
            Component::ParentDir => key.push(4),
            Component::Normal(name) => {
                key.push(5);
                key.extend_from_slice(name.as_encoded_bytes());
            }
        }
    }
    key
}

fn walk(
    first: &Path,
    rest: &[PathBuf],
    threads: usize,
    tell: Option<Sender<PathBuf>>,
    found: &mut Discovered,
) {
    let mut builder = WalkBuilder::new(first);
    for dir in rest {
        builder.add(dir);
    }
    builder
        .hidden(true)
        .require_git(false)
        .threads(threads)
        .filter_entry(|entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !(is_dir && entry.depth() > 0 && NEVER_WALKED.iter().any(|d| entry.file_name() == *d))
        });
    let files = Mutex::new(Vec::new());
    let problems = Mutex::new(Vec::new());
    let told = AtomicBool::new(tell.is_none());
    let tell = Mutex::new(tell);
    builder.build_parallel().run(|| {
        let (files, problems, told, tell) = (&files, &problems, &told, &tell);
        Box::new(move |entry| {
            match entry {
                Ok(entry) => {
                    if entry.file_type().is_some_and(|t| t.is_file()) && is_markdown(entry.path()) {
                        if !told.load(Ordering::Relaxed)
                            && !told.swap(true, Ordering::Relaxed)
                            && let Some(tell) = lock(tell).take()
                        {
                            // The receiver may have stopped listening: nothing lost.
                            let _ = tell.send(entry.path().to_path_buf());
                        }
                        lock(files).push(entry.into_path());
                    }
                }
                Err(err) => {
                    let path = error_path(&err).unwrap_or_else(|| first.to_path_buf());
                    lock(problems).push((path, walk_reason(&err)));
                }
            }
            WalkState::Continue
        })
    });
    found.files.extend(into_inner(files));
    found.problems.extend(into_inner(problems));
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn into_inner<T>(m: Mutex<T>) -> T {
    m.into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The path an `ignore` error is about, if it says.
fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// An `ignore` error in words, without the path (the report shows it).
fn walk_reason(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_reason(err),
        ignore::Error::Io(io) => io_reason(io),
        other => other.to_string(),
    }
}

/// The Linux and BSD error number for a symbolic link loop (`ErrorKind` has no
/// stable variant for it).
const ELOOP: i32 = if cfg!(target_os = "linux") { 40 } else { 62 };

/// An I/O error in plain words, as a person would say it.
pub(crate) fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "it is a directory, not a file".to_string(),
        _ if err.raw_os_error() == Some(ELOOP) => "too many levels of symbolic links".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_extensions_in_any_case() {
        for name in [
            "a.md",
            "a.MD",
            "a.markdown",
            "a.mkd",
            "a.mkdn",
            "a.mdown",
            "a.mkdown",
        ] {
            assert!(is_markdown(Path::new(name)), "{name}");
        }
        for name in ["a.txt", "a.html", "md", "a.md.bak"] {
            assert!(!is_markdown(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn a_walk_skips_hidden_vendored_and_other_files() {
        for path in [
            ".github/a.md",
            "a/.b.md",
            "vendor/x/a.md",
            "_site/a.md",
            "a.txt",
        ] {
            assert!(walk_skips(Path::new(path)), "{path}");
        }
        for path in ["a.md", "./_posts/a.md", "../blog/a.md", "notes/vendor.md"] {
            assert!(!walk_skips(Path::new(path)), "{path}");
        }
    }

    #[test]
    fn walks_sorts_and_skips_what_a_site_does_not_publish() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "_posts/2024-01-02-b.md",
            "_posts/2024-01-01-a.md",
            "_site/copy.md",
            "vendor/bundle/gem.md",
            "node_modules/x/readme.md",
            ".github/pull_request_template.md",
            "notes.txt",
            "ignored/skip.md",
            "x.md/inside.md",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "ignored/\n").unwrap();
        let found = discover(&[root.to_path_buf()], 2);
        let names: Vec<_> = found
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "_posts/2024-01-01-a.md",
                "_posts/2024-01-02-b.md",
                "x.md/inside.md"
            ]
        );
        assert!(found.problems.is_empty());
    }

    #[test]
    fn paths_sort_and_lose_repeats_as_path_order_has_them() {
        let names = [
            "a-b",
            "a/b",
            "a",
            "a/b/c",
            "ab",
            "a//b",
            "./a",
            "../a",
            "/a",
            "/",
            ".",
            "a/./b",
            "b",
            "a b",
            "a/b/",
            "A",
            "é",
            "e",
            "_posts/x.md",
            "_posts-old/x.md",
            "_posts/x.md",
            "",
            "a.md",
            "a/.md",
            "a\\b",
        ];
        let mut paths: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        let mut expected = paths.clone();
        expected.sort();
        expected.dedup();
        sort_paths(&mut paths);
        assert_eq!(paths, expected);
    }

    #[test]
    fn the_first_file_found_is_told_at_once_and_only_it() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.md", "b/c.md", "b/d.md"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let (tell, told) = std::sync::mpsc::channel();
        let found = discover_telling(&[dir.path().to_path_buf()], 2, tell);
        let first = told.recv().expect("the first file is told");
        assert!(found.files.contains(&first), "{first:?}");
        assert!(told.recv().is_err(), "only the first is told");
        // A walk that finds nothing tells nothing, and lets the receiver go.
        let empty = tempfile::tempdir().unwrap();
        let (tell, told) = std::sync::mpsc::channel();
        discover_telling(&[empty.path().to_path_buf()], 2, tell);
        assert!(told.recv().is_err());
    }

    #[test]
    fn named_files_are_always_checked_and_missing_ones_reported() {
        let dir = tempfile::tempdir().unwrap();
        let ignored = dir.path().join("_site/page.txt");
        std::fs::create_dir_all(ignored.parent().unwrap()).unwrap();
        std::fs::write(&ignored, "x").unwrap();
        let missing = dir.path().join("nope.md");
        let found = discover(&[ignored.clone(), missing.clone(), ignored.clone()], 1);
        assert_eq!(found.files, [ignored]);
        assert_eq!(
            found.problems,
            [(missing, "no such file or directory".to_string())]
        );
    }
}
