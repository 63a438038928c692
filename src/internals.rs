//! The few internals the prose bench (`benches/prose.rs`), the parse floor
//! (`examples/parse_floor.rs`) and the fuzz targets (`fuzz/`) reach below
//! the facade: the steps of one check, to time them alone, and the fix
//! splicer and pack reader, to feed them any input. Not part of the API:
//! hidden from the docs, and free to change with the code they reach. Use
//! [`crate::api`].

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Fix};
use crate::discover::discover;
use crate::document::Document;
use crate::fix;
use crate::front_matter::split::{Split, split};
use crate::line_index::LineIndex;
use crate::lint;
use crate::packs::schema;
use crate::prose::segments::Prose;
use crate::prose::{mask, segments};
use crate::schema::SchemaError;
use crate::setup::Setup;

/// A post loaded as a check loads it: line index and front matter.
pub struct Post(Document);

/// Loads `text` as the file at `path` (which is not read).
pub fn load(path: PathBuf, text: String) -> Post {
    Post(Document::new(path, text))
}

/// A post's Markdown body masked (Liquid and the rest), with its line
/// starts: what comrak is given.
pub struct Masked {
    body: String,
    lines: Vec<usize>,
}

/// Masks `post`'s body as a check does before parsing it.
pub fn mask(post: &Post) -> Masked {
    masked_body(&post.0.text, body_start(post))
}

/// The body of `text` from `start`, masked, with its line starts.
fn masked_body(text: &str, start: usize) -> Masked {
    let (_, body) = mask::masked(&text[start..]);
    Masked {
        body: body.into_owned(),
        lines: LineIndex::new(text).starts_from(start),
    }
}

/// Parses a masked body with the extensions a check turns on for it:
/// comrak alone. Returns how many nodes the tree has.
pub fn parse(masked: &Masked) -> usize {
    let arena = comrak::Arena::new();
    segments::markdown_tree(&arena, &masked.body, &masked.lines)
        .descendants()
        .count()
}

/// A post's prose segments.
pub struct Segments(Prose);

/// Masks, parses and walks `post`'s body into the segments the prose rules read.
pub fn segments(post: &Post) -> Segments {
    Segments(segments::segments(&post.0.text, body_start(post)))
}

/// The shipped rules with the default config, compiled.
pub struct Rules(Setup);

/// Compiles the shipped packs with the default config.
pub fn rules() -> Result<Rules, SchemaError> {
    Setup::new(Config::default()).map(Rules)
}

/// Runs the packs' matchers alone on `post`'s ready segments.
pub fn match_packs(rules: &Rules, post: &Post, segments: &Segments) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    rules
        .0
        .engine
        .check(&post.0.text, &segments.0, &mut Vec::new(), &mut out);
    out
}

/// Runs every rule of the per-document step on `post`, outside any site.
pub fn check(rules: &Rules, post: &Post) -> Vec<Diagnostic> {
    lint::check(&rules.0.context(), &post.0)
}

/// The Markdown files under `dir`, found as a check finds them.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    discover(&[dir.to_path_buf()], 0).files
}

/// Reads `text` as a check reads a post and parses its Markdown body (after
/// a closed front matter block, or the whole text without one; none when the
/// block is never closed), running no rule: the tree's node count.
pub fn parse_file(text: &str) -> usize {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let start = match split(text, bom) {
        Split::Closed { body_start, .. } => body_start,
        Split::Absent => bom,
        Split::Unclosed { .. } => return 0,
    };
    parse(&masked_body(text, start))
}

/// Where `post`'s Markdown body starts.
fn body_start(post: &Post) -> usize {
    post.0.front_matter.body_start(&post.0.text).unwrap_or(0)
}

/// `text` with the fixes that do not overlap one before them spliced in, in
/// span order, as `--fix` writes them; and how many were.
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    fix::apply(text, fixes)
}

/// What a rule pack read from `text` holds: its rules' ids, and the texts of
/// their examples (those they flag, then those they leave alone).
pub fn read_pack(path: &Path, text: &str) -> Result<(Vec<String>, Vec<String>), SchemaError> {
    let pack = schema::read(path, text)?;
    let ids = pack.rules.iter().map(|r| r.info.id.to_string()).collect();
    let examples = pack
        .rules
        .iter()
        .flat_map(|r| r.flag.iter().map(|e| e.text.clone()).chain(r.allow.clone()))
        .collect();
    Ok((ids, examples))
}
