//! The prose side: what a reader sees, as segments and words, for the packs.
//!
//! `mask` finds what is not prose in the raw body, `segments` parses the body
//! with comrak and gathers the visible text with a map back to the file,
//! `words` splits a segment into words, and `quotes` finds someone else's
//! words (block quotes, quotations, `[sic]`) and softens the findings there.
//! Prose rules only ever see segments, so no rule can fire inside code,
//! Liquid, HTML or a URL.

pub(crate) mod mask;
pub(crate) mod quotes;
pub(crate) mod segments;
pub(crate) mod words;
