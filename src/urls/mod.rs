//! The URL of every page the site builds, worked out the way Jekyll works it out.
//!
//! Posts take the site's `permalink` style (`date` unless set) or their own
//! `permalink`, filled in from their date in the site's time zone, their slug
//! and their categories; pages keep their folder and become `.html` (or a
//! folder with `pretty`); documents of a collection with `output: true` take
//! the collection's `permalink`. Files without front matter are copied as they
//! are. A document Jekyll reads but does not publish (`published: false`, a
//! future date, a collection without `output`) keeps its URL with the reason,
//! so a link to it can say why it will not work.
//!
//! URLs are compared in a canonical form that ignores the differences a
//! server smooths over: `/about`, `/about/`, `/about.html` and
//! `/about/index.html` are one page.

mod data;
mod guesses;
mod model;
mod page;
mod pages;
mod permalink;
mod post;
mod shares;
#[cfg(test)]
mod tests;

pub(crate) use data::read_head;
pub(crate) use guesses::{Guesses, find};
pub(crate) use model::Urls;
pub(crate) use page::{Found, Hidden};
pub(crate) use pages::{every_page, is_document, served_path};
