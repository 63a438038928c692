//! The site's `_data` folder, as far as the checks need it: the author ids of
//! `_data/authors`, and data files that would stop the build.
//!
//! Jekyll loads every YAML, JSON, CSV and TSV file under `_data` into
//! `site.data` and stops the build on a YAML file that does not parse, so such a
//! file is a finding in that file. Author ids are the keys of a mapping
//! (`priya: {name: Priya}`, the form themes look up with
//! `site.data.authors[page.author]`), or, for a list of records (a YAML or
//! JSON list, or the rows of a CSV or TSV file), the values of their id-like
//! fields (`id`, `key`, `username`, `slug`, `name`), else of their first
//! column. Files of other shapes give no ids, and then `author` is not checked.

use std::path::Path;

use crate::front_matter::tree::{self, Node, NodeKind};
use crate::site_problem::{Problem, SiteProblem, YamlFile};

/// Fields of an author record that name it, in order of preference.
const ID_FIELDS: &[&str] = &["id", "key", "username", "slug", "name"];

/// The author ids of the data folder's `authors` file (`data_dir/authors.yml`,
/// `.yaml`, `.json`, `.csv` or `.tsv`, the first there is), when it has a
/// shape that gives them.
pub(crate) fn authors(root: &Path, data_dir: &str) -> Option<Vec<String>> {
    for ext in ["yml", "yaml", "json", "csv", "tsv"] {
        let Ok(text) = std::fs::read_to_string(root.join(format!("{data_dir}/authors.{ext}")))
        else {
            continue;
        };
        return match ext {
            "csv" => from_table(&text, b','),
            "tsv" => from_table(&text, b'\t'),
            _ => tree::parse(&text, 0)
                .ok()
                .flatten()
                .and_then(|n| from_tree(&n)),
        };
    }
    None
}

/// Whether a data file's name is a YAML one (`.yml`, `.yaml`), which the
/// build parses and stops on.
pub(crate) fn is_yaml(name: &str) -> bool {
    name.ends_with(".yml") || name.ends_with(".yaml")
}

/// The fewest YAML files worth a thread of their own: a site keeps a few
/// data files, or (comments, one file each) tens of thousands, which every
/// check waits for.
const FILES_PER_THREAD: usize = 500;

/// The YAML files among `files` (relative to `root`, sorted) that do not
/// parse, in order, read on one thread per core when there are many.
pub(crate) fn invalid_yaml(root: &Path, files: &[String]) -> Vec<SiteProblem> {
    let check = |chunk: &[String]| -> Vec<SiteProblem> {
        chunk
            .iter()
            .filter_map(|file| {
                let path = root.join(file);
                let text = std::fs::read_to_string(&path).ok()?;
                let error = tree::check(&text).err()?;
                Some(SiteProblem {
                    path,
                    text,
                    kind: Problem::InvalidYaml {
                        file: YamlFile::Data,
                        error,
                    },
                })
            })
            .collect()
    };
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let threads = cores.clamp(1, files.len() / FILES_PER_THREAD + 1);
    if threads == 1 {
        return check(files);
    }
    // Plain scoped threads, as for the site's pages: this runs while a
    // `OnceLock` of the site is filled, where waiting on rayon could
    // deadlock. A share whose thread cannot start is read here.
    let mut chunks = files.chunks(files.len().div_ceil(threads));
    let first = chunks.next().unwrap_or_default();
    std::thread::scope(|scope| {
        let others: Vec<_> = chunks
            .map(|chunk| {
                let worker = std::thread::Builder::new().spawn_scoped(scope, move || check(chunk));
                (chunk, worker)
            })
            .collect();
        let mut problems = check(first);
        for (chunk, worker) in others {
            match worker {
                Ok(worker) => problems.extend(
                    worker
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                ),
                Err(_) => problems.extend(check(chunk)),
            }
        }
        problems
    })
}

/// The ids of a YAML or JSON authors file: a mapping's keys, or the id
/// fields of a list of records.
fn from_tree(node: &Node) -> Option<Vec<String>> {
    match &node.kind {
        NodeKind::Mapping(entries) => Some(
            entries
                .iter()
                .filter_map(|e| e.key.key_text().map(str::to_string))
                .collect(),
        ),
        NodeKind::Sequence(items) => {
            let records: Vec<_> = items.iter().filter_map(Node::as_mapping).collect();
            let field = ID_FIELDS
                .iter()
                .find(|f| records.iter().any(|r| tree::lookup(r, f).is_some()))?;
            Some(
                records
                    .iter()
                    .filter_map(|r| tree::lookup(r, field)?.value.as_scalar())
                    .map(|s| s.value.trim().to_string())
                    .collect(),
            )
        }
        _ => None,
    }
}

/// The ids of a CSV or TSV authors file: its id column, or its first column.
fn from_table(text: &str, delimiter: u8) -> Option<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().ok()?.clone();
    let column = ID_FIELDS
        .iter()
        .find_map(|f| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(f))
        })
        .unwrap_or(0);
    Some(
        reader
            .records()
            .filter_map(Result::ok)
            .filter_map(|row| row.get(column).map(|v| v.trim().to_string()))
            .filter(|id| !id.is_empty())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The author ids of a site of `files`, and the problems of its YAML
    /// data files.
    fn data_of(files: &[(&str, &str)]) -> (Option<Vec<String>>, Vec<SiteProblem>) {
        let dir = tempfile::tempdir().unwrap();
        let mut yaml = Vec::new();
        for (path, text) in files {
            let full = dir.path().join(path);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(full, text).unwrap();
            if path.ends_with(".yml") {
                yaml.push(path.to_string());
            }
        }
        yaml.sort();
        (
            authors(dir.path(), "_data"),
            invalid_yaml(dir.path(), &yaml),
        )
    }

    fn ids(list: &[&str]) -> Option<Vec<String>> {
        Some(list.iter().map(std::string::ToString::to_string).collect())
    }

    #[test]
    fn author_ids_from_every_form_jekyll_reads() {
        for (file, text, want) in [
            (
                "_data/authors.yml",
                "priya:\n  name: Priya\nsam: {}\n",
                ids(&["priya", "sam"]),
            ),
            (
                "_data/authors.json",
                "{\"priya\": {\"name\": \"Priya\"}}",
                ids(&["priya"]),
            ),
            (
                "_data/authors.yml",
                "- id: priya\n  name: Priya R\n- id: sam\n",
                ids(&["priya", "sam"]),
            ),
            (
                "_data/authors.yml",
                "- name: Priya\n- name: Sam\n",
                ids(&["Priya", "Sam"]),
            ),
            (
                "_data/authors.csv",
                "name,id,bio\nPriya R,priya,\"Cooks, rides\"\nSam,sam,\n",
                ids(&["priya", "sam"]),
            ),
            (
                "_data/authors.tsv",
                "login\tbio\npriya\tCooks\n",
                ids(&["priya"]),
            ),
            ("_data/authors.yml", "just a string\n", None),
            ("_data/authors.yml", "- one\n- two\n", None),
            ("_data/people.yml", "priya: {}\n", None),
        ] {
            assert_eq!(data_of(&[(file, text)]).0, want, "{file}: {text}");
        }
    }

    #[test]
    fn a_data_file_that_does_not_parse_is_a_problem() {
        let (_, problems) = data_of(&[
            ("_data/nav.yml", "- title: Home\n  url: /\n- title: [Blog\n"),
            ("_data/ok.yml", "a: 1\n"),
            ("_data/table.csv", "a,\"b\n"),
        ]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].path.ends_with("_data/nav.yml"));
        assert!(matches!(
            problems[0].kind,
            Problem::InvalidYaml {
                file: YamlFile::Data,
                ..
            }
        ));
    }

    #[test]
    fn many_data_files_are_read_in_shares_and_reported_in_order() {
        let names: Vec<String> = (0..2 * FILES_PER_THREAD + 7)
            .map(|i| format!("_data/comments/c{i:05}.yml"))
            .collect();
        let broken = [3, FILES_PER_THREAD + 1, 2 * FILES_PER_THREAD + 6];
        let files: Vec<(&str, &str)> = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let text = if broken.contains(&i) {
                    "a: [b\n"
                } else {
                    "a: 1\n"
                };
                (name.as_str(), text)
            })
            .collect();
        let found: Vec<String> = data_of(&files)
            .1
            .iter()
            .map(|p| p.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        let want: Vec<String> = broken.iter().map(|i| format!("c{i:05}.yml")).collect();
        assert_eq!(found, want);
    }
}
