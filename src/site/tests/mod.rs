//! The site model's tests, on sites written to disk, by the idea they check.

mod defaults;
mod helpers;
mod load;
mod reads;
