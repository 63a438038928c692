//! The URL model's tests that work on a site on disk, by the idea they
//! check; `helpers` writes the site and keeps its URLs as a run does.

mod guesses;
mod helpers;
mod model;
mod pages;
mod post;
mod shares;
