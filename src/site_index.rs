//! A loaded site with what the rules work out from it, each the first time
//! one needs it and kept for the run: every page's URL, the templates'
//! comparisons and reads, the posts' bylines.
//!
//! [`Site`] is what the load read, plain data; the facts derived from it live
//! here, beside it, so the modules that derive them (`urls`, `templates`,
//! `bylines`) read a `Site` without `site` importing them.

use std::ops::Deref;
use std::sync::OnceLock;

use crate::bylines::Bylines;
use crate::site::Site;
use crate::templates::{Comparisons, Reads};
use crate::urls::{Found, Guesses, Urls};

/// A site and the facts worked out from it so far.
#[derive(Debug, Default)]
pub(crate) struct SiteIndex {
    site: Site,
    /// The URL of every page the site builds (most runs never link to a
    /// page, so most never build it).
    urls: OnceLock<Urls>,
    /// Each file's URL from its path alone.
    url_guesses: OnceLock<Guesses>,
    /// Where the templates compare a value with `true`.
    comparisons: OnceLock<Comparisons>,
    /// Which front matter keys the templates read.
    reads: OnceLock<Reads>,
    /// Which posts name an author.
    bylines: OnceLock<Bylines>,
}

impl SiteIndex {
    /// `site`, with nothing worked out yet.
    pub(crate) fn new(site: Site) -> Self {
        Self {
            site,
            ..Self::default()
        }
    }

    /// The site as the load read it.
    pub(crate) fn site(&self) -> &Site {
        &self.site
    }

    /// The URL of every page, as of `now` (the run's time: the first call
    /// works them out).
    pub(crate) fn urls(&self, now: jiff::Timestamp) -> &Urls {
        self.urls.get_or_init(|| Urls::build(&self.site, now))
    }

    /// Each file's URL from its path alone, as of `now` (as for
    /// [`Self::urls`]).
    pub(crate) fn url_guesses(&self, now: jiff::Timestamp) -> &Guesses {
        self.url_guesses
            .get_or_init(|| Guesses::new(&self.site, now))
    }

    /// Where the templates compare a value with `true`.
    pub(crate) fn comparisons(&self) -> &Comparisons {
        self.comparisons
            .get_or_init(|| Comparisons::read(&self.site))
    }

    /// Which front matter keys the templates read.
    pub(crate) fn reads(&self) -> &Reads {
        self.reads.get_or_init(|| Reads::read(&self.site))
    }

    /// Which posts name an author.
    pub(crate) fn bylines(&self) -> &Bylines {
        self.bylines.get_or_init(|| Bylines::read(&self.site))
    }

    /// Looks up a site path as [`Urls::find`] does, as of `now`, working
    /// out every URL only when the files whose path gives that URL do not
    /// answer (see [`crate::urls::find`]).
    pub(crate) fn find(&self, path: &str, now: jiff::Timestamp) -> Found<'_> {
        let guesses = self.url_guesses(now);
        crate::urls::find(&self.site, guesses, || self.urls(now), path)
    }
}

/// The index reads as its site, so code that needs only what the load read
/// takes it where it takes a `&Site`.
impl Deref for SiteIndex {
    type Target = Site;

    fn deref(&self) -> &Site {
        &self.site
    }
}

impl From<Site> for SiteIndex {
    fn from(site: Site) -> Self {
        Self::new(site)
    }
}
