//! What can be wrong with a site file that is not a checked document: a
//! config or data file that does not parse, a `timezone` no zone has, an
//! accepted-words file that cannot be read.
//!
//! The site model and the settings report each as it is, with its place; the
//! rule it belongs to turns it into a finding (`rules::site_problem`), so the
//! layers below the rules never build a diagnostic.

use std::ops::Range;
use std::path::PathBuf;

use crate::front_matter::tree::YamlError;

/// A problem in one site file.
#[derive(Debug, Clone)]
pub(crate) struct SiteProblem {
    /// The file the problem is reported in.
    pub(crate) path: PathBuf,
    /// Its text (empty when it could not be read).
    pub(crate) text: String,
    /// What went wrong, and where in `text`.
    pub(crate) kind: Problem,
}

/// What went wrong in a site file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A YAML file Jekyll reads does not parse: libyaml stopped at `error.at`.
    InvalidYaml {
        /// Which of the site's YAML files it is.
        file: YamlFile,
        /// Where and why libyaml stopped.
        error: YamlError,
    },
    /// The config's `timezone` value at `span` names no zone the time zone
    /// database knows.
    UnknownTimezone {
        /// The value.
        span: Range<usize>,
        /// The name, trimmed.
        name: String,
    },
    /// An accepted-words file could not be read; `span` is its name in the
    /// config (empty for the default file, reported in itself).
    UnreadableWords {
        /// Where the config names the file.
        span: Range<usize>,
        /// The file.
        file: PathBuf,
        /// The system's reason.
        reason: String,
    },
    /// An accepted-words file is not UTF-8 from the character at `span`.
    WordsNotUtf8 {
        /// The first byte that is not UTF-8.
        span: Range<usize>,
    },
}

/// The kinds of YAML file a site holds besides its documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YamlFile {
    /// A site config (`_config.yml`, or a `--config` file).
    Config,
    /// A file under the data folder (`_data/nav.yml`).
    Data,
}
