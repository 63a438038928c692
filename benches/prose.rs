//! The per-document steps over 10 MB of generated posts: loading (line index
//! and front matter YAML), the comrak parse alone (the floor for the next
//! step), Markdown parsing into segments (masking, parse, tree walk), pack
//! matching on ready segments, and the whole per-document check (every rule).
//!
//! Run with `cargo bench --bench prose`; criterion prints MB/s for each step.

mod corpus;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use prepress::config::Config;
use prepress::document::Document;
use prepress::line_index::LineIndex;
use prepress::lint;
use prepress::prose::{mask, segments};
use prepress::setup::Setup;

/// Posts from `seed` until their total size reaches `bytes`.
fn posts_of_size(seed: u64, bytes: usize) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let post = corpus::post(seed, out.len());
        total += post.1.len();
        out.push(post);
    }
    out
}

fn prose(c: &mut Criterion) {
    let posts = posts_of_size(7, 10 << 20);
    let bytes: usize = posts.iter().map(|(_, text)| text.len()).sum();
    let docs: Vec<Document> = posts
        .iter()
        .map(|(name, text)| Document::new(PathBuf::from("_posts").join(name), text.clone()))
        .collect();
    let setup = Setup::new(Config::default()).expect("the shipped packs load");
    let context = setup.context();
    let segmented: Vec<_> = docs
        .iter()
        .map(|d| segments::segments(&d.text, d.front_matter.body_start(&d.text).unwrap_or(0)))
        .collect();

    let mut group = c.benchmark_group("prose 10 MB");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("load: line index and front matter", |b| {
        b.iter(|| {
            for (name, text) in &posts {
                black_box(Document::new(PathBuf::from(name), text.clone()));
            }
        })
    });
    // Each body masked (outside the timing: the next step times masking too)
    // and parsed with the extensions prepress turns on for it, as a check does.
    group.bench_function("comrak parse alone", |b| {
        let bodies: Vec<(String, Vec<usize>)> = docs
            .iter()
            .map(|d| {
                let start = d.front_matter.body_start(&d.text).unwrap_or(0);
                let body = &d.text[start..];
                let (_, masked) = mask::masked(body);
                (
                    masked.into_owned(),
                    LineIndex::new(&d.text).starts_from(start),
                )
            })
            .collect();
        b.iter(|| {
            for (body, lines) in &bodies {
                let arena = comrak::Arena::new();
                black_box(segments::markdown_tree(&arena, body, lines));
            }
        })
    });
    group.bench_function("markdown to segments", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(segments::segments(
                    &d.text,
                    d.front_matter.body_start(&d.text).unwrap_or(0),
                ));
            }
        })
    });
    group.bench_function("pack matching", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for (d, segs) in docs.iter().zip(&segmented) {
                setup.engine.check(&d.text, segs, &mut Vec::new(), &mut out);
            }
            black_box(out)
        })
    });
    // A fresh document each time: a document keeps its parsed body, so
    // checking one twice would skip the Markdown step.
    group.bench_function("whole check per document", |b| {
        b.iter(|| {
            for (name, text) in &posts {
                let d = Document::new(PathBuf::from("_posts").join(name), text.clone());
                black_box(lint::check(&context, &d));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, prose);
criterion_main!(benches);
