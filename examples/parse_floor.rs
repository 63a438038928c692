//! prepress's Markdown parse alone: `cargo run --release --example parse_floor -- DIR`.
//!
//! Finds the Markdown files under `DIR` as prepress does, reads each, and
//! parses its body as prepress does (Liquid and the rest masked, then comrak
//! with the extensions prepress turns on for that body), on a worker per
//! core, with prepress's allocator, and runs no rule. `benches/compare.py`
//! times it beside prepress and the peers: what a check costs beyond it is
//! what prepress adds to the parse it needs.

use std::path::{Path, PathBuf};

use prepress::internals;
use rayon::prelude::*;

/// The allocator the `prepress` binary runs on, so the parse allocates as it does there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Reads and parses one file: its size and how many nodes its tree has, or
/// `None` if it cannot be read as text.
fn parse(path: &Path) -> Option<(usize, usize)> {
    let text = std::fs::read_to_string(path).ok()?;
    Some((text.len(), internals::parse_file(&text)))
}

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse_floor DIR");
        std::process::exit(2);
    };
    let files = internals::markdown_files(&PathBuf::from(dir));
    let parsed: Vec<Option<(usize, usize)>> = files.par_iter().map(|p| parse(p)).collect();
    let (bytes, nodes) = parsed
        .iter()
        .flatten()
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let unread = parsed.iter().filter(|p| p.is_none()).count();
    println!(
        "{} files ({unread} not read as text), {bytes} bytes, {nodes} nodes",
        files.len()
    );
}
