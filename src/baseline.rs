//! The baseline: the findings a blog has today, written down so that a check
//! reports only the ones added since (`prepress baseline`, then `prepress
//! check --baseline FILE` or `baseline:` in the config).
//!
//! A finding is known by its file (relative to the baseline file's folder),
//! its rule and the text it flags (whitespace runs made one space, cut to
//! 100 characters; the message for a finding that flags no text), never by
//! its line: a paragraph added above a baselined slip does not bring it
//! back. The line's own text is not part of the key either, since a paragraph
//! is one line in most posts and any edit to it would. The baseline counts
//! each key, so with 2 of a key baselined and 3 found, 1 is reported (the
//! last in the file). A renamed file's findings are reported again: its path
//! is part of the key.
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     { "path": "_posts/2019-03-01-hello.md", "rule": "repeated-word", "text": "the the", "count": 2 }
//!   ]
//! }
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::check::{FileReport, Finding, Outcome, RenderFile, Source};
use crate::document::{self, LoadError};
use crate::schema::{self, SchemaError};
use crate::sites::absolute;

/// The file `prepress baseline` writes when not told where.
pub(crate) const DEFAULT_FILE: &str = ".prepress-baseline.json";

/// The version of the baseline format this prepress reads and writes.
pub(crate) const VERSION: u64 = 1;

/// How many characters of a finding's text its key keeps.
const TEXT_CHARS: usize = 100;

/// What identifies a finding across edits that move it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Key {
    /// The file, relative to the baseline's folder, with `/` between folders.
    path: String,
    /// The rule id.
    rule: String,
    /// The text the finding flags, or its message when it flags none.
    text: String,
}

/// One line of the file: a key and how many findings have it.
#[derive(Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    key: Key,
    count: usize,
}

/// The file as written.
#[derive(Serialize, Deserialize)]
struct Written {
    version: u64,
    findings: Vec<Entry>,
}

/// The version alone, read first so a file of another version gets a clear
/// error rather than a complaint about its fields.
#[derive(Deserialize)]
struct Head {
    version: Option<serde_json::Value>,
}

/// The findings a blog accepts for now, counted per key.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// The folder the keys' paths are relative to (absolute).
    root: PathBuf,
    counts: BTreeMap<Key, usize>,
}

/// What applying a baseline to a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Applied {
    /// Findings left out of the report because the baseline has them.
    pub hidden: usize,
    /// Baselined findings in the run's files that were not found any more
    /// (fixed, or their file renamed or deleted).
    pub gone: usize,
}

/// The text a file's findings point into: the file read again (a run keeps
/// no text), with the bytes that are not UTF-8 shown as the check showed
/// them; `None` when it cannot be read.
pub(crate) fn file_text(report: &FileReport) -> Option<String> {
    match document::load(&report.path) {
        Ok(text) => Some(text),
        Err(LoadError::InvalidUtf8 { shown, .. }) => Some(shown),
        Err(LoadError::Unreadable(_)) => None,
    }
}

impl Baseline {
    /// Reads the baseline file at `path` (relative to `cwd`); a file that
    /// cannot be read or is not a baseline is an error pointing at the place.
    pub fn read(path: &Path, cwd: &Path) -> Result<Self, SchemaError> {
        let file = absolute(cwd, path);
        let text = schema::read_text(&file, "the baseline file").map_err(|mut err| {
            err.path = path.to_path_buf();
            err.message.push_str(" (`prepress baseline` writes it)");
            err
        })?;
        let error = |span, message: String| SchemaError {
            path: path.to_path_buf(),
            text: text.clone(),
            span,
            message,
        };
        let json_error = |err: serde_json::Error| {
            let at = offset(&text, err.line(), err.column());
            // The place is shown: the words need not repeat it.
            let words = err.to_string();
            let place = format!(" at line {} column {}", err.line(), err.column());
            let words = words.strip_suffix(&place).unwrap_or(&words);
            error(at..at, format!("this is not a prepress baseline: {words}"))
        };
        let head: Head = serde_json::from_str(&text).map_err(json_error)?;
        match head.version {
            Some(serde_json::Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
            found => {
                let at = text.find("\"version\"").unwrap_or(0);
                let span = at..at + if found.is_some() { 9 } else { 0 };
                return Err(error(
                    span,
                    format!(
                        "this prepress reads baseline version {VERSION}; write the file again with `prepress baseline`"
                    ),
                ));
            }
        }
        let written: Written = serde_json::from_str(&text).map_err(json_error)?;
        let mut counts = BTreeMap::new();
        for entry in written.findings {
            *counts.entry(entry.key).or_insert(0) += entry.count;
        }
        Ok(Self {
            root: folder_of(&file),
            counts,
        })
    }

    /// The baseline of `outcome`'s findings, to be written at `file`
    /// (absolute); `text_of` gives the text of a reported file.
    pub fn of(
        outcome: &Outcome,
        file: &Path,
        cwd: &Path,
        text_of: &dyn Fn(&FileReport) -> Option<String>,
    ) -> Self {
        let root = folder_of(file);
        let mut counts = BTreeMap::new();
        for report in outcome.files.iter().filter(|r| !r.findings.is_empty()) {
            let text = text_of(report);
            let path = relative(&root, &absolute(cwd, &report.path));
            for finding in &report.findings {
                *counts
                    .entry(key(&path, text.as_deref(), finding))
                    .or_insert(0) += 1;
            }
        }
        Self { root, counts }
    }

    /// How many findings it holds.
    pub fn len(&self) -> usize {
        self.counts.values().sum()
    }

    /// Whether it holds no finding.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The file's text: pretty JSON, keys in path, rule and text order, so a
    /// baseline written again changes only where the findings did.
    pub fn to_json(&self) -> String {
        let written = Written {
            version: VERSION,
            findings: self
                .counts
                .iter()
                .map(|(key, &count)| Entry {
                    key: key.clone(),
                    count,
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&written).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Drops from `outcome` the findings the baseline holds and re-renders
    /// the files it changed with `render`. `scope` is the run's paths
    /// (relative to `cwd`): only baselined findings under them can be gone.
    pub fn apply(
        &self,
        outcome: &mut Outcome,
        scope: &[PathBuf],
        cwd: &Path,
        text_of: &dyn Fn(&FileReport) -> Option<String>,
        render: Option<&dyn RenderFile>,
    ) -> Applied {
        let mut filter = self.filter();
        outcome
            .files
            .retain_mut(|report| filter.apply(report, cwd, text_of, render));
        filter.applied(scope, cwd)
    }

    /// A filter that applies the baseline to a run's reports one at a time,
    /// as they come.
    pub fn filter(&self) -> Filter<'_> {
        Filter {
            root: &self.root,
            paths: self.counts.keys().map(|k| k.path.as_str()).collect(),
            left: self.counts.iter().map(|(k, &n)| (k, n)).collect(),
            hidden: 0,
        }
    }
}

/// A baseline being applied to a run's reports: what it has left to hide.
#[derive(Debug)]
pub struct Filter<'a> {
    /// The folder the keys' paths are relative to.
    root: &'a Path,
    /// The files the baseline has findings in.
    paths: HashSet<&'a str>,
    /// How many findings of each key are still to be hidden.
    left: HashMap<&'a Key, usize>,
    /// How many were hidden.
    hidden: usize,
}

impl Filter<'_> {
    /// Drops from `report` the findings the baseline holds, and re-renders
    /// it with `render` when it dropped some; `text_of` gives its text.
    /// Whether the report still has something to say.
    pub fn apply(
        &mut self,
        report: &mut FileReport,
        cwd: &Path,
        text_of: &dyn Fn(&FileReport) -> Option<String>,
        render: Option<&dyn RenderFile>,
    ) -> bool {
        let path = relative(self.root, &absolute(cwd, &report.path));
        if !report.findings.is_empty() && self.paths.contains(path.as_str()) {
            let text = text_of(report);
            let before = report.findings.len();
            report.findings.retain(|finding| {
                match self.left.get_mut(&key(&path, text.as_deref(), finding)) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                }
            });
            self.hidden += before - report.findings.len();
            if let Some(render) = render.filter(|_| report.findings.len() < before) {
                let source = Source {
                    name: &report.display,
                    text: text.as_deref(),
                    unsafe_fixes: report.unsafe_fixes,
                };
                report.rendered = if report.findings.is_empty() {
                    String::new()
                } else {
                    render.render(source, &report.findings)
                };
            }
        }
        !report.findings.is_empty()
            || report.fixed > 0
            || report.unreadable
            || report.write_error.is_some()
    }

    /// What the filter did so far. `scope` is the run's paths (relative to
    /// `cwd`): only baselined findings under them can be gone.
    pub fn applied(&self, scope: &[PathBuf], cwd: &Path) -> Applied {
        let scope: Vec<PathBuf> = scope.iter().map(|p| absolute(cwd, p)).collect();
        let gone = self
            .left
            .iter()
            .filter(|(key, _)| {
                let file = self.root.join(&key.path);
                scope.iter().any(|s| file.starts_with(s))
            })
            .map(|(_, n)| n)
            .sum();
        Applied {
            hidden: self.hidden,
            gone,
        }
    }
}

/// The key of `finding` in the file at `path` (as the baseline names it),
/// whose text is `text`.
fn key(path: &str, text: Option<&str>, finding: &Finding) -> Key {
    let d = &finding.diagnostic;
    let flagged = text.and_then(|t| t.get(d.span.clone())).unwrap_or("");
    let mut words = String::new();
    for word in flagged.split_whitespace() {
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(word);
    }
    if words.is_empty() {
        words.clone_from(&d.message);
    }
    Key {
        path: path.to_string(),
        rule: d.rule.to_string(),
        text: words.chars().take(TEXT_CHARS).collect(),
    }
}

/// The folder of the baseline file at `file` (absolute).
fn folder_of(file: &Path) -> PathBuf {
    file.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// `file` relative to `root` (both absolute), with `..` for each folder of
/// `root` it is not under and `/` between folders, so a baseline reads the
/// same on every checkout.
fn relative(root: &Path, file: &Path) -> String {
    let shared = root
        .components()
        .zip(file.components())
        .take_while(|(a, b)| a == b)
        .count();
    let up = root.components().count() - shared;
    std::iter::repeat_n("..".into(), up)
        .chain(
            file.components()
                .skip(shared)
                .map(|c| c.as_os_str().to_string_lossy()),
        )
        .collect::<Vec<_>>()
        .join("/")
}

/// The byte offset of a 1-based line and column (as `serde_json` counts them)
/// in `text`, on a character boundary.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_lines_and_columns() {
        let text = "{\n  \"a\": é,\n}";
        assert_eq!(offset(text, 1, 1), 0);
        assert_eq!(offset(text, 2, 8), 9);
        assert_eq!(&text[offset(text, 2, 8)..], "é,\n}");
        assert_eq!(offset(text, 9, 9), text.len());
    }

    #[test]
    fn paths_are_relative_with_slashes() {
        let root = Path::new("/blog");
        assert_eq!(
            relative(root, Path::new("/blog/_posts/a.md")),
            "_posts/a.md"
        );
        assert_eq!(relative(root, Path::new("/other/a.md")), "../other/a.md");
        assert_eq!(
            relative(Path::new("/blog/lint"), Path::new("/blog/a.md")),
            "../a.md"
        );
    }
}
