//! Reading the config files into one list of settings, and the config's
//! values: a time zone, and what counts as blank or true.

use std::path::PathBuf;

use super::model::Site;
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{self, Entry, Node, NodeKind};
use crate::line_index::LineIndex;
use crate::site_problem::{Problem, SiteProblem, YamlFile};

/// The config files' top-level settings, in file order (a later file's keys
/// win, as with `jekyll build --config`), with the file each came from.
pub(super) struct Settings {
    /// Every top-level entry of every file.
    pub(super) entries: Vec<Entry>,
    /// Each config file read: its path and text, to point at a bad value.
    pub(super) origins: Vec<(PathBuf, String)>,
    /// The file of each entry: an index into `origins`.
    pub(super) origin_of: Vec<usize>,
}

/// Reads `configs` in order: their settings; the file holding `defaults`
/// and a file that is not valid YAML go into `site`.
pub(super) fn read_files(site: &mut Site, configs: &[PathBuf]) -> Settings {
    let mut settings: Vec<Entry> = Vec::new();
    // The file each setting came from, to point at a bad value.
    let mut origins: Vec<(PathBuf, String)> = Vec::new();
    let mut origin_of: Vec<usize> = Vec::new();
    for path in configs {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        match tree::parse(&text, 0) {
            Ok(Some(node)) => {
                if let NodeKind::Mapping(entries) = node.kind {
                    if tree::lookup(&entries, "defaults").is_some() {
                        let lines = LineIndex::new(&text);
                        site.defaults_file = Some((path.clone(), text.clone(), lines));
                    }
                    // A later file's keys win, as with `jekyll build --config`.
                    origin_of.extend(std::iter::repeat_n(origins.len(), entries.len()));
                    origins.push((path.clone(), text.clone()));
                    settings.extend(entries);
                }
            }
            Ok(None) => {}
            Err(error) => site.problems.push(SiteProblem {
                path: path.clone(),
                text,
                kind: Problem::InvalidYaml {
                    file: YamlFile::Config,
                    error,
                },
            }),
        }
    }
    Settings {
        entries: settings,
        origins,
        origin_of,
    }
}

/// The zone a `timezone` value names (`None` when blank), or the problem
/// when the time zone database does not know it.
pub(super) fn read_timezone(value: &Node) -> Result<Option<jiff::tz::TimeZone>, Problem> {
    let Some(scalar) = value.as_scalar().filter(|s| !s.is_blank()) else {
        return Ok(None);
    };
    let name = scalar.value.trim();
    match jiff::tz::TimeZone::get(name) {
        Ok(zone) => Ok(Some(zone)),
        Err(_) => Err(Problem::UnknownTimezone {
            span: value.span.clone(),
            name: name.to_string(),
        }),
    }
}

/// Whether a value holds nothing: null, blank text, or an empty list or mapping.
pub(super) fn is_blank(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Scalar(s) => s.is_blank(),
        NodeKind::Sequence(items) => items.is_empty(),
        NodeKind::Mapping(entries) => entries.is_empty(),
        NodeKind::Alias => false,
    }
}

pub(super) fn is_true(node: &Node) -> bool {
    node.as_scalar()
        .is_some_and(|s| s.resolve() == Resolved::Bool(true))
}
