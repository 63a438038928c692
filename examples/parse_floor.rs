//! The floor under a check: `cargo run --release --example parse_floor -- DIR`.
//!
//! Reads every `.md` file under `DIR` and parses its body with comrak, as
//! prepress does (same extensions, on a worker per core), and runs no rule.
//! `benches/compare.py` times it beside prepress and the peers: no check
//! that parses Markdown with comrak can take less time than this.

use std::path::{Path, PathBuf};

use prepress::front_matter::split::{Split, split};
use prepress::line_index::LineIndex;
use prepress::prose::segments;
use rayon::prelude::*;

/// Every `.md` file under `dir`.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    ignore::WalkBuilder::new(dir)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect()
}

/// Reads and parses one file: its size, and how many nodes its tree has.
fn parse(path: &Path) -> (usize, usize) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return (0, 0);
    };
    let start = match split(&text, 0) {
        Split::Closed { body_start, .. } => body_start,
        Split::Absent | Split::Unclosed { .. } => 0,
    };
    let lines = LineIndex::new(&text).starts_from(start);
    let arena = comrak::Arena::new();
    let root = segments::markdown_tree(&arena, &text[start..], &lines);
    (text.len(), root.descendants().count())
}

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse_floor DIR");
        std::process::exit(2);
    };
    let files = markdown_files(Path::new(&dir));
    let (bytes, nodes) = files
        .par_iter()
        .map(|p| parse(p))
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("{} files, {bytes} bytes, {nodes} nodes", files.len());
}
