//! Accepted words: the names, product names and jargon a site tells prepress
//! are right, so the misspelling rule never reports them.
//!
//! A site lists them in plain text files, one word a line; `#` starts a
//! comment and blank lines are skipped. By default the file is
//! `.prepress/accept.txt` beside the config file (the site's root without
//! one); the config's `accept:` names other files instead.
//!
//! Case works as in Vale's vocabularies, in short: an entry written all in
//! lowercase accepts the word in any case (`kubectl`: "kubectl", "Kubectl",
//! "KUBECTL"); an entry with a capital accepts exactly that casing and its
//! all-capitals form, as a heading may write it (`NuGet`: "`NuGet`", "NUGET",
//! never "Nuget"). A file that cannot be read, or is not UTF-8, is reported
//! where the problem is and the run goes on without it.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet as HashSet;

use crate::config::Name;
use crate::site_problem::{Problem, SiteProblem};

/// Where the accepted words are looked for when the config names no file.
pub(crate) const DEFAULT_FILE: &str = ".prepress/accept.txt";

/// The words a site accepts.
#[derive(Debug, Clone)]
pub(crate) struct Accepted {
    /// Entries written in lowercase: accepted in any case.
    any_case: HashSet<String>,
    /// Entries with a capital, as written: accepted in this casing and all
    /// in capitals.
    exact: HashSet<String>,
    /// The file a word should be added to, as the help shows it.
    pub(crate) file: String,
}

impl Default for Accepted {
    fn default() -> Self {
        Self {
            any_case: HashSet::default(),
            exact: HashSet::default(),
            file: DEFAULT_FILE.to_string(),
        }
    }
}

impl Accepted {
    /// Reads the files the config names (`named`, relative to `base`), or
    /// the default file in `base` when `named` is `None`: a missing default
    /// file is no problem, a missing named one is. `config` is the config
    /// file's path and text, for pointing at a name in it.
    pub(crate) fn read(
        base: &Path,
        named: Option<&[Name]>,
        config: (&Path, &str),
    ) -> (Self, Vec<SiteProblem>) {
        let mut accepted = Self::default();
        let mut problems = Vec::new();
        let files: Vec<(PathBuf, Option<&Name>)> = match named {
            None => vec![(base.join(DEFAULT_FILE), None)],
            Some(names) => names
                .iter()
                .map(|n| (base.join(&n.name), Some(n)))
                .collect(),
        };
        if let Some(first) = named.and_then(|n| n.first()) {
            accepted.file.clone_from(&first.name);
        }
        for (path, name) in files {
            let bytes = match std::fs::read(&path) {
                Ok(bytes) => bytes,
                Err(err) if name.is_none() && err.kind() == std::io::ErrorKind::NotFound => {
                    continue;
                }
                Err(err) => {
                    let (at, text, span) = match name {
                        Some(name) => (config.0, config.1, name.span.clone()),
                        None => (path.as_path(), "", 0..0),
                    };
                    problems.push(SiteProblem {
                        path: at.to_path_buf(),
                        text: text.to_string(),
                        kind: Problem::UnreadableWords {
                            span,
                            file: path,
                            reason: err.to_string(),
                        },
                    });
                    continue;
                }
            };
            match String::from_utf8(bytes) {
                Ok(text) => accepted.add(&text),
                Err(err) => {
                    let at = err.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
                    problems.push(SiteProblem {
                        path,
                        text,
                        kind: Problem::WordsNotUtf8 { span: at..end },
                    });
                }
            }
        }
        (accepted, problems)
    }

    /// Adds the words of one file's `text`.
    pub(crate) fn add(&mut self, text: &str) {
        for line in text.lines() {
            let word = line.split('#').next().unwrap_or_default().trim();
            if word.is_empty() {
                continue;
            }
            if word.chars().any(char::is_uppercase) {
                self.exact.insert(word.to_string());
            } else {
                self.any_case.insert(word.to_string());
            }
        }
    }

    /// Whether `word`, written as it is (`lower` is it in lowercase), is accepted.
    pub(crate) fn accepts(&self, word: &str, lower: &str) -> bool {
        if self.any_case.contains(lower) || self.exact.contains(word) {
            return true;
        }
        // "NUGET" for an entry `NuGet`.
        !self.exact.is_empty()
            && !word.chars().any(char::is_lowercase)
            && self
                .exact
                .iter()
                .any(|entry| entry.len() == word.len() && entry.to_uppercase() == word)
    }

    /// Whether no word is accepted.
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.any_case.is_empty() && self.exact.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted(text: &str) -> Accepted {
        let mut accepted = Accepted::default();
        accepted.add(text);
        accepted
    }

    fn accepts(list: &Accepted, word: &str) -> bool {
        list.accepts(word, &word.to_lowercase())
    }

    #[test]
    fn a_lowercase_entry_accepts_any_case() {
        let list = accepted("# tools we write about\nkubectl\n\n  grafanna  # a typo'd name\n");
        for word in ["kubectl", "Kubectl", "KUBECTL", "grafanna", "Grafanna"] {
            assert!(accepts(&list, word), "{word}");
        }
        assert!(!accepts(&list, "kubect"));
        assert!(!accepts(&list, "tools"), "a comment is not an entry");
    }

    #[test]
    fn an_entry_with_a_capital_accepts_that_casing_and_all_capitals() {
        let list = accepted("NuGet\nFeld\n");
        assert!(accepts(&list, "NuGet"));
        assert!(accepts(&list, "NUGET"));
        assert!(accepts(&list, "Feld"));
        assert!(accepts(&list, "FELD"));
        assert!(!accepts(&list, "Nuget"));
        assert!(!accepts(&list, "nuget"));
        assert!(!accepts(&list, "feld"), "the word, not the name");
    }

    #[test]
    fn the_default_file_may_be_missing_a_named_one_may_not() {
        let dir = tempfile::tempdir().unwrap();
        let config = (dir.path().join(".prepress.yml"), "accept: [words.txt]\n");
        let (list, problems) = Accepted::read(dir.path(), None, (&config.0, config.1));
        assert!(list.is_empty() && problems.is_empty());
        assert_eq!(list.file, DEFAULT_FILE);

        let name = Name {
            name: "words.txt".to_string(),
            span: 9..18,
        };
        let named = [name];
        let (_, problems) = Accepted::read(dir.path(), Some(&named), (&config.0, config.1));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, config.0);
        let Problem::UnreadableWords { span, file, .. } = &problems[0].kind else {
            panic!("{problems:?}");
        };
        assert_eq!(span, &(9..18));
        assert_eq!(file, &dir.path().join("words.txt"));

        std::fs::write(dir.path().join("words.txt"), "Subtext\n").unwrap();
        let (list, problems) = Accepted::read(dir.path(), Some(&named), (&config.0, config.1));
        assert!(problems.is_empty());
        assert!(accepts(&list, "Subtext"));
        assert_eq!(list.file, "words.txt");
    }

    #[test]
    fn a_file_not_in_utf8_is_reported_at_the_bad_byte_and_the_rest_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".prepress")).unwrap();
        std::fs::write(dir.path().join(DEFAULT_FILE), b"kubectl\ncaf\xe9\n").unwrap();
        let config = dir.path().join("_config.yml");
        let (list, problems) = Accepted::read(dir.path(), None, (&config, ""));
        assert!(list.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, dir.path().join(DEFAULT_FILE));
        assert_eq!(problems[0].kind, Problem::WordsNotUtf8 { span: 11..14 });
    }
}
