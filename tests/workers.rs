//! How many threads a run starts. Its own test binary: rayon's workers are
//! started once per process, so no other test may start them first.

use prepress::check::{self, Fixes};
use prepress::config::Config;
use prepress::setup::Setup;
use prepress::sites::Sites;

/// A pre-commit run on one post is checked on the calling thread, made
/// rayon's only worker, with no thread started.
#[cfg(unix)]
#[test]
fn one_named_file_is_checked_on_the_calling_thread() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    std::fs::write(&post, "---\ntitle: A post\n---\nWe met the the team.\n").unwrap();
    let setup = Setup::new(Config::default()).unwrap();
    let mut sites = Sites::new(None, Vec::new(), 0);
    let outcome = check::run(&[post], None, &setup, &mut sites, 0, Fixes::REPORT, None).unwrap();
    assert_eq!(outcome.files_checked, 1);
    let rules: Vec<&str> = outcome.files[0]
        .findings
        .iter()
        .map(|f| &*f.diagnostic.rule)
        .collect();
    // The post is in no site: the note says its references went unchecked.
    assert_eq!(rules, ["no-site", "repeated-word"]);
    assert_eq!(rayon::current_thread_index(), Some(0));
    assert_eq!(rayon::current_num_threads(), 1);
}
