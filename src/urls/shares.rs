//! Working out every file's pages on the site's threads.

use super::page::Page;
use crate::site::Site;

/// The fewest files worth a thread of their own. One file takes a couple of
/// microseconds, but on a small two-core machine a second thread did not
/// shorten a one-post run on a 1,000-file site (the other core is busy
/// starting up too).
const FILES_PER_THREAD: usize = 2000;

/// The pages `pages` gives for every file the site publishes that `keep`
/// keeps, worked out on the site's threads (a few microseconds per file add
/// up on a large site).
pub(super) fn each_file(
    site: &Site,
    keep: impl Fn(&str) -> bool,
    pages: impl Fn(&str) -> Vec<Page> + Sync,
) -> Vec<Page> {
    let files: Vec<&str> = site
        .files
        .iter()
        .filter(|rel| keep(rel) && site.publishes(rel))
        .map(String::as_str)
        .collect();
    let threads = match site.threads {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    };
    in_shares(
        &files,
        threads.clamp(1, files.len() / FILES_PER_THREAD + 1),
        pages,
    )
}

/// `pages` of every file, in order, on `threads` threads. Plain scoped
/// threads, not rayon: this runs while a `OnceLock` is being filled on a rayon
/// worker, and a worker waiting for rayon jobs may pick up another document's
/// check, which would wait for the same `OnceLock` on the same thread and
/// never finish. The calling thread takes the first share, and any share
/// whose thread cannot start.
pub(super) fn in_shares(
    files: &[&str],
    threads: usize,
    pages: impl Fn(&str) -> Vec<Page> + Sync,
) -> Vec<Page> {
    let pages = &pages;
    let share =
        move |chunk: &[&str]| -> Vec<Page> { chunk.iter().flat_map(|rel| pages(rel)).collect() };
    if threads <= 1 || files.len() < 2 {
        return share(files);
    }
    let mut chunks = files.chunks(files.len().div_ceil(threads));
    let first = chunks.next().unwrap_or_default();
    std::thread::scope(|scope| {
        let others: Vec<_> = chunks
            .map(|chunk| {
                let worker = std::thread::Builder::new().spawn_scoped(scope, move || share(chunk));
                (chunk, worker)
            })
            .collect();
        let mut all = share(first);
        for (chunk, worker) in others {
            match worker {
                Ok(worker) => all.extend(
                    worker
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                ),
                Err(_) => all.extend(share(chunk)),
            }
        }
        all
    })
}
