//! Tests of working out the pages on several threads.

use super::helpers::*;
use crate::urls::pages::{Read, pages_of};
use crate::urls::shares::in_shares;

#[test]
fn pages_are_the_same_on_any_number_of_threads() {
    let names: Vec<String> = (0..300)
        .map(|i| match i % 3 {
            0 => format!("_posts/2024-01-{:02}-post-{i}.md", i % 28 + 1),
            1 => format!("pages/page-{i}.md"),
            _ => format!("assets/image-{i}.png"),
        })
        .collect();
    let mut files: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), POST)).collect();
    files.push(("_config.yml", "permalink: pretty\n"));
    let (_dir, site) = site_of(&files);
    let rels: Vec<&str> = names.iter().map(String::as_str).collect();
    let now = jiff::Timestamp::now();
    let urls = |threads: usize| -> Vec<(String, String)> {
        in_shares(&rels, threads, |rel| {
            pages_of(&site, rel, now, Read::PathOnly)
        })
        .into_iter()
        .map(|page| (page.source, page.url))
        .collect()
    };
    let one = urls(1);
    assert_eq!(one.len(), names.len());
    assert_eq!(
        one[0],
        (
            "_posts/2024-01-01-post-0.md".to_string(),
            "/2024/01/01/post-0/".to_string()
        )
    );
    for threads in [2, 3, 8, 1000] {
        assert_eq!(urls(threads), one, "{threads} threads");
    }
}
