//! Looking a link up without the whole model: the URL each file's path
//! alone gives it, read first, and the model only when they do not answer.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::model::Urls;
use super::page::{Found, Page, canonical};
use super::pages::{Read, copied_url, is_copied, is_copied_kind, pages_of};
use super::permalink::{placeholder_digits, placeholder_len};
use super::post::post_template;
use super::shares::each_file;
use crate::site::Site;

/// The files whose path alone gives them a URL, by canonical URL: found
/// without reading a file, so a link can be confirmed by reading only the
/// files that may build it. Posts and the other files are worked out apart,
/// each on first use: a link with too few digits in a row to be a post's URL
/// never needs the posts' (most of a blog's files). The files Jekyll copies
/// as they are, outside collections (images, assets: most of a big site's
/// files), are looked up by the path a URL names, not listed.
#[derive(Debug, Default)]
pub(crate) struct Guesses {
    /// Every file but the posts and the copied files, by canonical URL.
    pub(super) others: OnceLock<Sources>,
    /// The copied files whose URL is not their path (dots dropped before
    /// the extension, a name ending in `.html.`), by canonical URL.
    renamed: OnceLock<Sources>,
    /// The posts, by canonical URL.
    pub(super) posts: OnceLock<Sources>,
    /// The fewest digits in a row that every post's URL has (0 when that
    /// is not known).
    post_digits: usize,
    /// The pages of each source read so far, so a page many posts link to
    /// is read once.
    read: std::sync::Mutex<HashMap<String, std::sync::Arc<Vec<Page>>>>,
    /// The time a post's date is compared with.
    now: jiff::Timestamp,
}

/// Source files by the canonical URL their path gives them, each list sorted.
type Sources = HashMap<String, Vec<String>>;

impl Clone for Guesses {
    /// A copy of the guesses, with nothing read yet.
    fn clone(&self) -> Self {
        Self {
            others: self.others.clone(),
            renamed: self.renamed.clone(),
            posts: self.posts.clone(),
            post_digits: self.post_digits,
            read: std::sync::Mutex::default(),
            now: self.now,
        }
    }
}

impl Guesses {
    /// The pages the file at `source` gives, read once per run.
    fn pages(&self, site: &Site, source: &str) -> std::sync::Arc<Vec<Page>> {
        let cached = self
            .read
            .lock()
            .ok()
            .and_then(|read| read.get(source).cloned());
        if let Some(pages) = cached {
            return pages;
        }
        let pages = std::sync::Arc::new(pages_of(site, source, self.now, Read::FrontMatter));
        if let Ok(mut read) = self.read.lock() {
            read.insert(source.to_string(), pages.clone());
        }
        pages
    }
}

impl Guesses {
    /// Guesses for `site` at time `now`, with nothing worked out yet.
    pub(crate) fn new(site: &Site, now: jiff::Timestamp) -> Self {
        Self {
            post_digits: post_digits(site),
            now,
            ..Self::default()
        }
    }

    /// The files whose path gives them the canonical URL `key`, sorted:
    /// the posts' only when `key` could be a post's URL.
    fn sources<'a>(&'a self, site: &'a Site, key: &str) -> Vec<&'a str> {
        let others = self.others.get_or_init(|| sources(site, false, self.now));
        let mut found: Vec<&str> = others
            .get(key)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let renamed = self.renamed.get_or_init(|| renamed(site));
        found.extend(renamed.get(key).into_iter().flatten().map(String::as_str));
        // A copied file whose URL is its path: the one file that path names.
        if let Some(rel) = key.get(1..).and_then(|rel| site.files.get(rel))
            && is_copied(site, rel)
            && site.publishes(rel)
            && canonical(&copied_url(rel)) == key
        {
            found.push(rel);
        }
        if digit_run(key) >= self.post_digits {
            let posts = self.posts.get_or_init(|| sources(site, true, self.now));
            found.extend(posts.get(key).into_iter().flatten().map(String::as_str));
        }
        found.sort_unstable();
        found
    }
}

/// Works out the URL of every post (`posts`) or every other file but the
/// copied ones from its path, the config and its `defaults`, at time `now`.
fn sources(site: &Site, posts: bool, now: jiff::Timestamp) -> Sources {
    let mut sources: Sources = HashMap::default();
    let pages = each_file(
        site,
        // A post lies in a `_posts` folder: that answers for most files
        // without working out their kind.
        |rel| {
            if posts {
                rel.contains("_posts/") && site.kind_of(rel) == "posts"
            } else {
                match site.kind_of(rel) {
                    "posts" => false,
                    kind => !is_copied_kind(site, rel, kind),
                }
            }
        },
        |rel| pages_of(site, rel, now, Read::PathOnly),
    );
    for page in pages {
        sources
            .entry(canonical(&page.url))
            .or_default()
            .push(page.source);
    }
    for list in sources.values_mut() {
        list.sort_unstable();
    }
    sources
}

/// The copied files the site publishes whose URL is not their own path, by
/// canonical URL: one pass over the names, with no page worked out.
fn renamed(site: &Site) -> Sources {
    let mut renamed: Sources = HashMap::default();
    for rel in &site.files {
        // `served_path` drops only dots before the extension (or at the
        // end), and the canonical form a final `.html`: any other path is
        // its own URL, which a look-up finds by the path.
        let dotted = rel.ends_with('.') || rel.as_bytes().windows(2).any(|w| w == b"..");
        if !(dotted || rel.ends_with(".html")) || !is_copied(site, rel) {
            continue;
        }
        let url = canonical(&copied_url(rel));
        if url.get(1..) != Some(rel.as_str()) && site.publishes(rel) {
            renamed.entry(url).or_default().push(rel.clone());
        }
    }
    for list in renamed.values_mut() {
        list.sort_unstable();
    }
    renamed
}

/// The fewest digits in a row that the URL of every post of `site` has, by
/// its path alone: what the date placeholders of the posts' permalink
/// template always write. 0 when `defaults` whose scope can take in posts
/// (no `type`, or `type: posts`) could give them another template or more
/// URLs.
pub(super) fn post_digits(site: &Site) -> usize {
    let per_post = site
        .defaults
        .iter()
        .filter(|d| d.kind.as_deref().is_none_or(|kind| kind == "posts"))
        .flat_map(|d| &d.values)
        .any(|entry| matches!(entry.key.key_text(), Some("permalink" | "redirect_from")));
    if per_post {
        return 0;
    }
    let template = post_template(site);
    let mut digits = 0;
    let mut rest = template.as_str();
    while let Some(at) = rest.find(':') {
        rest = &rest[at + 1..];
        let len = placeholder_len(rest);
        let name = &rest[..len];
        // As `expand` reads `:year_`: `year`, then `_`.
        let name = match name.strip_suffix('_') {
            Some(short) if placeholder_digits(name).is_none() => short,
            _ => name,
        };
        digits = digits.max(placeholder_digits(name).unwrap_or(0));
        rest = &rest[len..];
    }
    digits
}

/// The longest run of ASCII digits in `text`.
pub(super) fn digit_run(text: &str) -> usize {
    text.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0)
}

/// Looks up a site path as [`Urls::find`] does, without working out every
/// URL of the site when it need not: the files whose path gives them this
/// URL are read first, and when one of them builds it, that answers. Only a
/// URL no such file builds (a page that moved by its `permalink`, a
/// `redirect_from`, a missing page) needs the whole model, which `urls`
/// gives (worked out only then).
pub(crate) fn find<'a>(
    site: &Site,
    guesses: &Guesses,
    urls: impl FnOnce() -> &'a Urls,
    path: &str,
) -> Found<'a> {
    let key = canonical(path);
    let sources = guesses.sources(site, &key);
    if !sources.is_empty() {
        let mut hidden = None;
        for source in sources {
            for page in guesses.pages(site, source).iter() {
                if canonical(&page.url) != key {
                    continue;
                }
                if page.hidden.is_none() {
                    return Found::Page(page.clone());
                }
                hidden.get_or_insert_with(|| page.clone());
            }
        }
        if let Some(page) = hidden {
            return Found::Hidden(page);
        }
    }
    urls().find(path)
}
