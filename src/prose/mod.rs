//! The prose side: what a reader sees, as segments and words, for the packs.
//!
//! `mask` finds what is not prose in the raw body, `segments` parses the body
//! with comrak and gathers the visible text with a map back to the file, and
//! `words` splits a segment into words. Prose rules only ever see segments, so
//! no rule can fire inside code, Liquid, HTML or a URL.

pub mod mask;
pub mod segments;
pub mod words;
