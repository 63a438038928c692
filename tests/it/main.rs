//! prepress's integration tests: one test binary (`cargo test --test it`),
//! one module per area, so the crate and its dependencies are linked once
//! instead of once per file. Snapshots live in `snapshots/`, named after the
//! module path (`it__check__compact_site.snap`).

mod action;
mod api;
mod applicability;
mod audit;
mod baseline;
mod check;
mod commands;
mod contractions;
mod fix_safety;
mod fuzz_regressions;
mod hostile;
mod human;
mod layers;
mod packs;
mod properties;
mod prose;
mod server;
mod shapes;
mod site_per_file;
mod sites;
mod urls;
mod workers;
