//! prepress: a fast publishing check for Jekyll blogs.
//!
//! One run flows through small modules, one step each:
//! `config` (settings) and `discover` (which files) → `document` (load one file) → `front_matter`
//! (split and parse the YAML with spans) → `rules` (every check) → `check`
//! (the run, in parallel, with positions) → `report` (human, compact, JSON).
//! `cli` is the command line on top; `main.rs` only calls it.
//!
//! [`api`] is the public surface for programs that embed prepress (an editor
//! server, the command line): start there.

mod accept;
pub mod api;
mod baseline;
mod bylines;
mod changes;
mod check;
mod cli;
mod closest;
mod config;
mod date;
mod diagnostic;
mod discover;
mod document;
mod fix;
mod front_matter;
#[doc(hidden)]
pub mod internals;
mod jekyll_names;
mod layout_title;
mod line_index;
mod lint;
mod liquid;
mod markdown;
mod packs;
mod plugin_tags;
mod plugins;
mod prose;
mod report;
mod ruby_time;
mod rule;
mod rules;
mod schema;
mod server;
mod setup;
mod shared_str;
mod site;
mod site_checks;
mod site_data;
mod site_index;
mod site_problem;
mod sites;
mod suppress;
mod templates;
#[cfg(test)]
mod test_files;
mod url_list;
mod urls;
mod written_date;

pub use cli::main;
