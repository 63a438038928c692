//! What the URL model's tests share: a site on disk and its URLs.

use std::sync::OnceLock;

use crate::site::Site;
use crate::urls::guesses::{Guesses, find};
use crate::urls::model::Urls;
use crate::urls::page::Found;

/// A site with its URL model and guesses worked out on first use and
/// kept, as a run keeps them.
pub(super) struct Model {
    pub(super) site: Site,
    pub(super) urls: OnceLock<Urls>,
    pub(super) url_guesses: OnceLock<Guesses>,
    pub(super) now: jiff::Timestamp,
}

impl Model {
    pub(super) fn urls(&self) -> &Urls {
        self.urls.get_or_init(|| Urls::build(&self.site, self.now))
    }
}

impl std::ops::Deref for Model {
    type Target = Site;

    fn deref(&self) -> &Site {
        &self.site
    }
}

/// [`find`] over the model's guesses and URLs.
pub(super) fn look_up<'a>(model: &'a Model, path: &str) -> Found<'a> {
    let guesses = model
        .url_guesses
        .get_or_init(|| Guesses::new(model, model.now));
    find(model, guesses, || model.urls(), path)
}

/// A site on disk from `(path, text)` pairs, with its URLs.
pub(super) fn site_of(files: &[(&str, &str)]) -> (tempfile::TempDir, Model) {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let site = Site::load(dir.path(), &[]);
    let model = Model {
        site,
        urls: OnceLock::new(),
        url_guesses: OnceLock::new(),
        now: jiff::Timestamp::now(),
    };
    (dir, model)
}

/// The URL of the page built from `source`.
pub(super) fn url_of<'a>(site: &'a Model, source: &str) -> Option<&'a str> {
    site.urls()
        .pages
        .values()
        .find(|p| p.source == source && !p.url.contains("old"))
        .map(|p| p.url.as_str())
}

pub(super) const POST: &str = "---\ntitle: Hello\n---\nHi.\n";
