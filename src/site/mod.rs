//! One Jekyll site around checked files, read once per run.
//!
//! Which site a file belongs to is `sites`' business; this module reads one,
//! from its root. Its config files are read in order (`--config a.yml,b.yml`
//! merges them as `jekyll build --config` does: a later file's top-level keys
//! win), one walk of the site collects every file path, and from those come the
//! sets the cross-reference rules look things up in: layouts, includes, posts,
//! and the author ids of `_data/authors`. Every check against the site is a set
//! look-up, never a file-system call. A config that is not valid YAML, or a
//! `timezone` that names no zone, is a [`SiteProblem`] in that file.

mod config;
mod defaults;
mod files;
mod local_plugins;
mod model;
mod reads;
mod scope;
#[cfg(test)]
mod tests;

pub(crate) use model::{Collection, Site};

use std::path::{Path, PathBuf};

use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{self, Node, NodeKind};
use crate::jekyll_names::{CONFIG_FILE, DATA, DEFAULT_EXCLUDE, INCLUDES, LAYOUTS, PLUGINS, POSTS};
use crate::site_problem::SiteProblem;
use config::{Settings, is_blank, is_true, read_files, read_timezone};
use files::{walk, without_extension};
use local_plugins::read_local_plugins;
use scope::read_defaults;

impl Site {
    /// The YAML files of the data folder, relative to the root, sorted: the
    /// load leaves that folder out of [`Site::files`], and only a run over
    /// the whole site, which checks them, lists them.
    pub(crate) fn data_yaml_files(&self) -> Vec<String> {
        let mut yaml: Vec<String> = walk(&self.root.join(&self.data_dir), "")
            .into_iter()
            .filter(|f| crate::site_data::is_yaml(f))
            .map(|f| format!("{}/{f}", self.data_dir))
            .collect();
        yaml.sort_unstable();
        yaml
    }

    /// Reads the site at `root` with its config files (`_config.yml` when
    /// `configs` is empty).
    pub(crate) fn load(root: &Path, configs: &[PathBuf]) -> Self {
        let mut site = Site {
            root: root.to_path_buf(),
            absolute_root: std::path::absolute(root).ok(),
            ..Site::default()
        };
        let default_config = [root.join(CONFIG_FILE)];
        let configs = if configs.is_empty() {
            &default_config[..]
        } else {
            configs
        };
        let Settings {
            entries: settings,
            origins,
            origin_of,
        } = read_files(&mut site, configs);
        let setting = |key: &str| tree::lookup(&settings, key).map(|e| &e.value);
        site.future = setting("future").is_some_and(is_true);
        site.baseurl = setting("baseurl")
            .and_then(Node::as_scalar)
            .map(|s| s.value.trim().trim_end_matches('/').to_string())
            .unwrap_or_default();
        site.author = setting("author").is_some_and(|n| !is_blank(n));
        // A later file's value wins, whatever it is.
        for entry in &settings {
            let Some(key) = entry.key.key_text() else {
                continue;
            };
            match entry
                .value
                .as_scalar()
                .filter(|s| s.resolve() == Resolved::Str)
            {
                Some(value) => site.strings.insert(key.to_string(), value.value.clone()),
                None => site.strings.remove(key),
            };
        }
        if let Some(list) = setting("defaults") {
            site.defaults = read_defaults(list);
        }
        site.collections = match setting("collections").map(|n| &n.kind) {
            Some(NodeKind::Mapping(entries)) => entries
                .iter()
                .filter_map(|e| {
                    let name = e.key.key_text()?.to_string();
                    let meta = e.value.as_mapping().unwrap_or_default();
                    Some(Collection {
                        output: tree::lookup(meta, "output").is_some_and(|o| is_true(&o.value)),
                        permalink: tree::lookup(meta, "permalink")
                            .and_then(|p| p.value.as_scalar())
                            .filter(|p| !p.is_blank())
                            .map(|p| p.value.clone()),
                        name,
                    })
                })
                .collect(),
            Some(NodeKind::Sequence(items)) => items
                .iter()
                .filter_map(|i| {
                    i.as_scalar().map(|s| Collection {
                        name: s.value.clone(),
                        ..Collection::default()
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        site.show_drafts = setting("show_drafts").is_some_and(is_true);
        site.permalink = setting("permalink")
            .and_then(Node::as_scalar)
            .filter(|s| !s.is_blank())
            .map_or_else(|| "date".to_string(), |s| s.value.trim().to_string());
        site.plugins = ["plugins", "gems"]
            .iter()
            .filter_map(|k| setting(k))
            .filter_map(|n| match &n.kind {
                NodeKind::Sequence(items) => Some(items),
                _ => None,
            })
            .flatten()
            .filter_map(|i| i.as_scalar().map(|s| s.value.clone()))
            .collect();
        site.paginate_path = setting("paginate").filter(|n| !is_blank(n)).map(|_| {
            setting("paginate_path")
                .and_then(Node::as_scalar)
                .map_or_else(|| "/page:num".to_string(), |s| s.value.clone())
        });
        if let Some(at) = settings
            .iter()
            .rposition(|e| e.key.key_text() == Some("timezone"))
        {
            let (path, text) = &origins[origin_of[at]];
            match read_timezone(&settings[at].value) {
                Ok(zone) => site.timezone = zone,
                Err(kind) => site.problems.push(SiteProblem {
                    path: path.clone(),
                    text: text.clone(),
                    kind,
                }),
            }
        }
        let list = |key: &str| -> Vec<String> {
            match setting(key).map(|n| &n.kind) {
                Some(NodeKind::Sequence(items)) => items
                    .iter()
                    .filter_map(|i| i.as_scalar())
                    .map(|s| s.value.trim_matches('/').to_string())
                    .collect(),
                _ => Vec::new(),
            }
        };
        site.exclude = DEFAULT_EXCLUDE
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        site.exclude.extend(list("exclude"));
        site.include = vec![".htaccess".to_string()];
        site.include.extend(list("include"));
        site.theme = ["theme", "remote_theme"].iter().find_map(|k| {
            setting(k)
                .and_then(Node::as_scalar)
                .filter(|s| !s.is_blank())
                .map(|s| s.value.clone())
        });
        let folder = |key: &str, default: &str| {
            setting(key)
                .and_then(Node::as_scalar)
                .map_or(default.to_string(), |s| {
                    s.value.trim_matches('/').to_string()
                })
        };
        let layouts_dir = folder("layouts_dir", LAYOUTS);
        site.layouts_dir.clone_from(&layouts_dir);
        let includes_dir = folder("includes_dir", INCLUDES);
        site.includes_dir.clone_from(&includes_dir);
        let data_dir = folder("data_dir", DATA);
        site.collections_dir = folder("collections_dir", "");
        site.files = walk(root, &data_dir);
        let plugins_dir = folder("plugins_dir", PLUGINS);
        let (plugins_dir, layouts_dir, includes_dir) = (
            format!("{plugins_dir}/"),
            format!("{layouts_dir}/"),
            format!("{includes_dir}/"),
        );
        let page_files = read_local_plugins(&mut site, &plugins_dir);
        site.generators = crate::plugins::Generators::read(&site.plugins, setting, &page_files);
        site.gemfile_plugins = std::fs::read_to_string(root.join("Gemfile"))
            .ok()
            .map(|gemfile| crate::plugin_tags::gemfile_plugins(&gemfile));
        let posts_dir = format!("{POSTS}/");
        for file in &site.files {
            // Asked of every file of the site: no allocation, and no search
            // for `_posts/` in a path without `_`.
            let template_ext = file.rsplit_once('.').is_some_and(|(_, ext)| {
                ["html", "htm", "liquid"]
                    .iter()
                    .any(|t| ext.eq_ignore_ascii_case(t))
            });
            if file.starts_with(&layouts_dir) || file.starts_with(&includes_dir) || template_ext {
                site.templates.push(file.clone());
            }
            if let Some(rest) = file.strip_prefix(&layouts_dir) {
                site.layouts.insert(without_extension(rest).to_string());
            } else if let Some(rest) = file.strip_prefix(&includes_dir) {
                site.includes.insert(rest.to_string());
            } else if let Some(at) = Some(file)
                .filter(|file| file.as_bytes().contains(&b'_'))
                .and_then(|file| file.find(posts_dir.as_str()))
                .filter(|&at| at == 0 || file[..at].ends_with('/'))
            {
                let below = &file[at + posts_dir.len()..];
                let name = without_extension(below);
                site.posts.insert(name.to_string());
                if let Some((_, stem)) = name.rsplit_once('/') {
                    site.posts.insert(stem.to_string());
                }
            }
        }
        site.templates.sort_unstable();
        site.authors = crate::site_data::authors(root, &data_dir);
        site.data_dir = data_dir;
        site
    }
}
