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

pub mod accept;
pub mod api;
pub mod baseline;
pub mod bylines;
pub mod changes;
pub mod check;
pub mod cli;
pub mod closest;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod discover;
pub mod document;
pub mod fix;
pub mod front_matter;
pub mod jekyll_names;
pub mod layout_title;
pub mod line_index;
pub mod lint;
pub mod liquid;
pub mod markdown;
pub mod packs;
pub mod plugin_tags;
pub mod plugins;
pub mod prose;
pub mod report;
pub mod ruby_time;
pub mod rule;
pub mod rules;
pub mod schema;
mod server;
pub mod setup;
pub mod shared_str;
pub mod site;
pub mod site_checks;
pub mod site_data;
pub mod site_index;
pub mod site_problem;
pub mod sites;
pub mod suppress;
pub mod templates;
pub mod url_list;
pub mod urls;
pub mod written_date;
