//! How a run uses threads: a pool of its own, never rayon's global one, and
//! none at all for one post.

use prepress::api::{Checker, Format, Options, ReportOptions};

/// A pre-commit run on one post is checked on the calling thread, which it
/// leaves as it found it: not made a worker of any rayon pool.
#[cfg(unix)]
#[test]
fn one_named_file_is_checked_on_the_calling_thread() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    std::fs::write(&post, "---\ntitle: A post\n---\nWe met the the team.\n").unwrap();
    let mut checker = Checker::new(Options::new(dir.path())).unwrap();
    let outcome = checker.check_paths(&[post], None, None).unwrap();
    assert_eq!(outcome.files_checked, 1);
    let rules: Vec<&str> = outcome.files[0]
        .findings
        .iter()
        .map(|f| &*f.diagnostic.rule)
        .collect();
    // The post is in no site: the note says its references went unchecked.
    assert_eq!(rules, ["no-site", "repeated-word"]);
    assert_eq!(rayon::current_thread_index(), None);
}

/// One process runs checks with different numbers of workers, one after
/// the other, each on a pool of its own, and gets the same findings.
#[test]
fn runs_in_one_process_take_their_own_thread_counts() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a", "b", "c"] {
        let post = dir.path().join(format!("{name}.md"));
        std::fs::write(&post, "We met the the team.\n").unwrap();
    }
    let compact = |threads: usize| {
        let mut checker = Checker::new(Options {
            threads,
            ..Options::new(dir.path())
        })
        .unwrap();
        let paths = [dir.path().to_path_buf()];
        let outcome = checker.check_paths(&paths, None, None).unwrap();
        let mut out = Vec::new();
        checker
            .write(
                Format::Compact,
                &outcome,
                &ReportOptions::default(),
                &mut out,
            )
            .unwrap();
        String::from_utf8(out).unwrap()
    };
    let one = compact(1);
    assert_eq!(one.matches("repeated-word").count(), 3, "{one}");
    for threads in [2, 3, 1, 0] {
        assert_eq!(compact(threads), one, "with {threads} threads");
    }
    assert_eq!(rayon::current_thread_index(), None);
}
