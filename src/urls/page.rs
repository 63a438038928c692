//! What a page of the site is, why one is not published, what a look-up
//! finds, and the form URLs are compared in.

/// Why Jekyll reads a document but does not publish it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hidden {
    /// `published: false` (or an empty `published:` on a post).
    Unpublished,
    /// A post dated after now on a site without `future: true`.
    Future,
    /// A document of a collection without `output: true`.
    NoOutput,
}

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Page {
    /// Its URL as Jekyll writes it.
    pub(crate) url: String,
    /// The file it is built from, relative to the site root.
    pub(crate) source: String,
    /// Why it is not published, when it is not.
    pub(crate) hidden: Option<Hidden>,
}

/// What a look-up of a URL found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found<'a> {
    /// A published page or file.
    Page(Page),
    /// A page Jekyll will not publish.
    Hidden(Page),
    /// A URL that common plugins or hosts provide (`/feed.xml`) or a later
    /// page of a paginated list.
    Provided,
    /// Nothing the site's own files build, but a plugin or the theme may
    /// generate it.
    Maybe(&'a str),
    /// Nothing.
    Missing,
}

/// The form URLs are compared in: no `index.html`, no `.html`, no final `/`.
pub(super) fn canonical(url: &str) -> String {
    let url = url.strip_suffix("index.html").unwrap_or(url);
    let url = url.strip_suffix(".html").unwrap_or(url);
    let url = url.trim_end_matches('/');
    let url = url.trim_start_matches('/');
    let mut out = String::with_capacity(url.len() + 1);
    out.push('/');
    out.push_str(url);
    out
}
