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
use prepress::internals::{self, Post};

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
    let docs: Vec<Post> = posts
        .iter()
        .map(|(name, text)| internals::load(PathBuf::from("_posts").join(name), text.clone()))
        .collect();
    let rules = internals::rules().expect("the shipped packs load");
    let segmented: Vec<_> = docs.iter().map(internals::segments).collect();

    let mut group = c.benchmark_group("prose 10 MB");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("load: line index and front matter", |b| {
        b.iter(|| {
            for (name, text) in &posts {
                black_box(internals::load(PathBuf::from(name), text.clone()));
            }
        });
    });
    // Each body masked (outside the timing: the next step times masking too)
    // and parsed with the extensions prepress turns on for it, as a check does.
    group.bench_function("comrak parse alone", |b| {
        let bodies: Vec<internals::Masked> = docs.iter().map(internals::mask).collect();
        b.iter(|| {
            for body in &bodies {
                black_box(internals::parse(body));
            }
        });
    });
    group.bench_function("markdown to segments", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(internals::segments(d));
            }
        });
    });
    group.bench_function("pack matching", |b| {
        b.iter(|| {
            for (d, segs) in docs.iter().zip(&segmented) {
                black_box(internals::match_packs(&rules, d, segs));
            }
        });
    });
    // A fresh document each time: a document keeps its parsed body, so
    // checking one twice would skip the Markdown step.
    group.bench_function("whole check per document", |b| {
        b.iter(|| {
            for (name, text) in &posts {
                let d = internals::load(PathBuf::from("_posts").join(name), text.clone());
                black_box(internals::check(&rules, &d));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, prose);
criterion_main!(benches);
