//! The URL of every page the site builds, worked out the way Jekyll works it out.
//!
//! Posts take the site's `permalink` style (`date` unless set) or their own
//! `permalink`, filled in from their date in the site's time zone, their slug
//! and their categories; pages keep their folder and become `.html` (or a
//! folder with `pretty`); documents of a collection with `output: true` take
//! the collection's `permalink`. Files without front matter are copied as they
//! are. A document Jekyll reads but does not publish (`published: false`, a
//! future date, a collection without `output`) keeps its URL with the reason,
//! so a link to it can say why it will not work.
//!
//! URLs are compared in a canonical form that ignores the differences a
//! server smooths over: `/about`, `/about/`, `/about.html` and
//! `/about/index.html` are one page.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::closest::NameIndex;
use crate::date::{front_matter_date, in_zone, name_date};
use crate::front_matter::FrontMatter;
use crate::front_matter::merged;
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::{Entry, NodeKind};
use crate::jekyll_names::{MARKDOWN_EXTENSIONS, POSTS};
use crate::plugins::Generators;
use crate::site::Site;
use crate::written_date::IsoDate;

/// Extensions of files that may hold front matter and so become pages; others
/// are copied as they are without being read.
const TEXT: &[&str] = &[
    "md",
    "markdown",
    "mkdown",
    "mkdn",
    "mkd",
    "html",
    "htm",
    "xml",
    "json",
    "txt",
    "scss",
    "sass",
    "css",
    "js",
    "coffee",
    "rss",
    "atom",
    "webmanifest",
];

/// Extensions of the files a theme ships besides layouts: stylesheets,
/// scripts, images and fonts (never pages, nor `.aspx` and `.htm` files).
const THEME_ASSETS: &[&str] = &[
    "css", "scss", "js", "map", "json", "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "woff",
    "woff2", "ttf", "otf", "eot",
];

/// URLs that common plugins and hosts provide without a source file.
const PROVIDED: &[&str] = &["/feed.xml", "/sitemap.xml", "/robots.txt", "/404.html"];

/// Why Jekyll reads a document but does not publish it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// `published: false` (or an empty `published:` on a post).
    Unpublished,
    /// A post dated after now on a site without `future: true`.
    Future,
    /// A document of a collection without `output: true`.
    NoOutput,
}

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Its URL as Jekyll writes it.
    pub url: String,
    /// The file it is built from, relative to the site root.
    pub source: String,
    /// Why it is not published, when it is not.
    pub hidden: Option<Hidden>,
}

/// What a look-up of a URL found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found<'a> {
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

/// The site's pages by canonical URL.
#[derive(Debug, Clone, Default)]
pub struct Urls {
    pages: HashMap<String, Page>,
    /// `paginate_path` split around `:num`.
    paginate: Option<(String, String)>,
    /// What may make pages no file builds.
    generators: Generators,
    /// The theme, which may provide assets.
    theme: Option<String>,
    /// The published URLs indexed for "did you mean", built on first use.
    index: OnceLock<NameIndex>,
}

impl Urls {
    /// Works out every URL of `site` at time `now` (a post dated later is
    /// hidden), reading the front matter of its text files in parallel.
    pub fn build(site: &Site, now: jiff::Timestamp) -> Self {
        // Sorted by source: a URL two files claim is given the same source
        // on every run.
        let pages = every_page(site, now);
        let mut map = HashMap::with_capacity_and_hasher(pages.len(), Default::default());
        for page in pages {
            let key = canonical(&page.url);
            let keep = map
                .get(&key)
                .is_some_and(|old: &Page| old.hidden.is_none() && page.hidden.is_some());
            if !keep {
                map.insert(key, page);
            }
        }
        let paginate = site.paginate_path.as_ref().and_then(|path| {
            let path = format!("/{}", path.trim_start_matches('/'));
            let (head, tail) = path.split_once(":num")?;
            Some((head.to_string(), tail.to_string()))
        });
        Urls {
            pages: map,
            paginate,
            generators: site.generators.clone(),
            theme: site.theme.clone(),
            index: OnceLock::new(),
        }
    }

    /// Looks up a site path (`/2024/03/11/retro.html`), decoded and without
    /// the `baseurl`.
    pub fn find(&self, path: &str) -> Found<'_> {
        if let Some(page) = self.pages.get(&canonical(path)) {
            return match page.hidden {
                None => Found::Page(page.clone()),
                Some(_) => Found::Hidden(page.clone()),
            };
        }
        if PROVIDED.contains(&path) || self.paginated(path) {
            return Found::Provided;
        }
        let asset = path
            .rsplit('/')
            .next()
            .and_then(|name| name.rsplit_once('.'))
            .is_some_and(|(_, ext)| THEME_ASSETS.contains(&ext.to_ascii_lowercase().as_str()));
        match (self.generators.maker(&canonical(path)), &self.theme) {
            (Some(plugin), _) => Found::Maybe(plugin),
            // A gem theme ships assets, never pages.
            (None, Some(theme)) if asset => Found::Maybe(theme),
            _ => Found::Missing,
        }
    }

    /// The published URL closest to `path`, for a "did you mean". The index
    /// it searches is built on first use, from the canonical URLs.
    pub fn closest(&self, path: &str) -> Option<&str> {
        let index = self.index.get_or_init(|| {
            NameIndex::new(
                self.pages
                    .iter()
                    .filter(|(_, p)| p.hidden.is_none())
                    .map(|(key, _)| key.clone()),
            )
        });
        let near = index.closest(&canonical(path))?;
        self.pages.get(near).map(|p| p.url.as_str())
    }

    fn paginated(&self, path: &str) -> bool {
        self.paginate.as_ref().is_some_and(|(head, tail)| {
            path.strip_prefix(head.as_str())
                .and_then(|rest| {
                    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                    (digits > 0).then(|| &rest[digits..])
                })
                .is_some_and(|rest| canonical(rest) == canonical(tail))
        })
    }
}

/// How much of a file [`pages_of`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Read {
    /// Its front matter: the URL Jekyll gives it.
    FrontMatter,
    /// Nothing: the URL its path alone gives it, as if its front matter
    /// were empty.
    PathOnly,
}

/// The files whose path alone gives them a URL, by canonical URL: found
/// without reading a file, so a link can be confirmed by reading only the
/// files that may build it. Posts and the other files are worked out apart,
/// each on first use: a link with too few digits in a row to be a post's URL
/// never needs the posts' (most of a blog's files).
#[derive(Debug, Default)]
pub struct Guesses {
    /// Every file but the posts, by canonical URL.
    others: OnceLock<Sources>,
    /// The posts, by canonical URL.
    posts: OnceLock<Sources>,
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
    pub fn new(site: &Site, now: jiff::Timestamp) -> Self {
        Self {
            post_digits: post_digits(site),
            now,
            ..Self::default()
        }
    }

    /// The files whose path gives them the canonical URL `key`, sorted:
    /// the posts' only when `key` could be a post's URL.
    fn sources(&self, site: &Site, key: &str) -> Vec<&str> {
        let others = self.others.get_or_init(|| sources(site, false, self.now));
        let mut found: Vec<&str> = others
            .get(key)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if digit_run(key) >= self.post_digits {
            let posts = self.posts.get_or_init(|| sources(site, true, self.now));
            found.extend(posts.get(key).into_iter().flatten().map(String::as_str));
            found.sort_unstable();
        }
        found
    }
}

/// Works out the URL of every post (`posts`) or every other file from its
/// path, the config and its `defaults`, at time `now`.
fn sources(site: &Site, posts: bool, now: jiff::Timestamp) -> Sources {
    let mut sources: Sources = HashMap::default();
    let is_post = |rel: &str| site.kind_of(rel) == "posts";
    let pages = each_file(
        site,
        |rel| is_post(rel) == posts,
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

/// The fewest digits in a row that the URL of every post of `site` has, by
/// its path alone: what the date placeholders of the posts' permalink
/// template always write. 0 when `defaults` whose scope can take in posts
/// (no `type`, or `type: posts`) could give them another template or more
/// URLs.
fn post_digits(site: &Site) -> usize {
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

/// The permalink template of posts that set none of their own: the posts
/// collection's `permalink`, else the site's style.
fn post_template(site: &Site) -> String {
    site.collections
        .iter()
        .find(|c| c.name == "posts")
        .and_then(|c| c.permalink.clone())
        .unwrap_or_else(|| style_template(&site.permalink))
}

/// The length of the placeholder name at the start of `after` (what follows
/// a `:` in a template): lowercase ASCII letters and `_`.
fn placeholder_len(after: &str) -> usize {
    after
        .bytes()
        .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
        .count()
}

/// The digits in a row a post placeholder always writes, if it is one that
/// writes digits: `:year` is at least three (`-001` is year -1 padded),
/// `:y_day` three, two-digit fields two, unpadded ones one.
fn placeholder_digits(name: &str) -> Option<usize> {
    Some(match name {
        "year" | "y_day" => 3,
        "short_year" | "month" | "day" | "hour" | "minute" | "second" | "week" => 2,
        "i_month" | "i_day" | "w_year" | "w_day" => 1,
        _ => return None,
    })
}

/// The longest run of ASCII digits in `text`.
fn digit_run(text: &str) -> usize {
    text.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0)
}

/// The fewest files worth a thread of their own. One file takes a couple of
/// microseconds, but on a small two-core machine a second thread did not
/// shorten a one-post run on a 1,000-file site (the other core is busy
/// starting up too).
const FILES_PER_THREAD: usize = 2000;

/// The pages `pages` gives for every file the site publishes that `keep`
/// keeps, worked out on the site's threads (a few microseconds per file add
/// up on a large site).
fn each_file(
    site: &Site,
    keep: impl Fn(&str) -> bool,
    pages: impl Fn(&str) -> Vec<Page> + Sync,
) -> Vec<Page> {
    let files: Vec<&str> = site
        .files
        .iter()
        .filter(|rel| keep(rel) && site.publishes(rel))
        .map(String::as_str)
        .collect();
    let threads = match site.threads {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    };
    in_shares(
        &files,
        threads.clamp(1, files.len() / FILES_PER_THREAD + 1),
        pages,
    )
}

/// `pages` of every file, in order, on `threads` threads. Plain scoped
/// threads, not rayon: this runs while a `OnceLock` is being filled on a rayon
/// worker, and a worker waiting for rayon jobs may pick up another document's
/// check, which would wait for the same `OnceLock` on the same thread and
/// never finish. The calling thread takes the first share, and any share
/// whose thread cannot start.
fn in_shares(
    files: &[&str],
    threads: usize,
    pages: impl Fn(&str) -> Vec<Page> + Sync,
) -> Vec<Page> {
    let pages = &pages;
    let share =
        move |chunk: &[&str]| -> Vec<Page> { chunk.iter().flat_map(|rel| pages(rel)).collect() };
    if threads <= 1 || files.len() < 2 {
        return share(files);
    }
    let mut chunks = files.chunks(files.len().div_ceil(threads));
    let first = chunks.next().unwrap_or_default();
    std::thread::scope(|scope| {
        let others: Vec<_> = chunks
            .map(|chunk| {
                let worker = std::thread::Builder::new().spawn_scoped(scope, move || share(chunk));
                (chunk, worker)
            })
            .collect();
        let mut all = share(first);
        for (chunk, worker) in others {
            match worker {
                Ok(worker) => all.extend(
                    worker
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                ),
                Err(_) => all.extend(share(chunk)),
            }
        }
        all
    })
}

/// Every page the site's files give, each file's own URL first and then
/// its `redirect_from` URLs, in source path order: what `prepress urls`
/// lists. Unlike [`Urls`], two files that claim one URL are both kept.
pub fn every_page(site: &Site, now: jiff::Timestamp) -> Vec<Page> {
    let mut pages = each_file(
        site,
        |_| true,
        |rel| pages_of(site, rel, now, Read::FrontMatter),
    );
    // Stable: a file's own URL stays before its redirects.
    pages.sort_by(|a, b| a.source.cmp(&b.source));
    pages
}

/// Looks up a site path as [`Urls::find`] does, without working out every
/// URL of the site when it need not: the files whose path gives them this
/// URL are read first, and when one of them builds it, that answers. Only a
/// URL no such file builds (a page that moved by its `permalink`, a
/// `redirect_from`, a missing page) needs the whole model, which `urls`
/// gives (worked out only then).
pub fn find<'a>(
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

/// The form URLs are compared in: no `index.html`, no `.html`, no final `/`.
fn canonical(url: &str) -> String {
    let url = url.strip_suffix("index.html").unwrap_or(url);
    let url = url.strip_suffix(".html").unwrap_or(url);
    let url = url.trim_end_matches('/');
    let url = url.trim_start_matches('/');
    let mut out = String::with_capacity(url.len() + 1);
    out.push('/');
    out.push_str(url);
    out
}

/// The pages the file at `rel` gives the site: none for a draft or a post
/// Jekyll skips, itself for a static file, its URL and any `redirect_from`
/// URLs for a document.
fn pages_of(site: &Site, rel: &str, now: jiff::Timestamp, read: Read) -> Vec<Page> {
    let kind = site.kind_of(rel);
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext.to_ascii_lowercase()),
        _ => (name, String::new()),
    };
    let copied = || static_file(site, rel, kind);
    if kind == "drafts" {
        // Drafts are dated by their file's modification time when shown:
        // nothing a link could rely on.
        return Vec::new();
    }
    let post = kind == "posts";
    let name_day = if post { name_date(name) } else { None };
    if post && name_day.is_none() {
        return Vec::new();
    }
    if !TEXT.contains(&ext.as_str()) {
        return if post { Vec::new() } else { copied() };
    }
    let front_matter = match read {
        Read::FrontMatter => match read_head(&site.root.join(rel)) {
            Ok(text) => FrontMatter::read(&text, post),
            Err(_) => return copied(),
        },
        Read::PathOnly => FrontMatter::Absent,
    };
    // Reading by path alone takes every document to have front matter.
    let has_front_matter =
        read == Read::PathOnly || matches!(front_matter, FrontMatter::Closed { .. });
    let markdown = MARKDOWN_EXTENSIONS.contains(&ext.as_str());
    // Posts are read without front matter; the jekyll-optional-front-matter
    // plugin (on by default on GitHub Pages) makes any Markdown file a page.
    if !has_front_matter && !post && !markdown {
        return copied();
    }
    let own = front_matter.entries().unwrap_or_default();
    let defaults = site.defaults_for(rel, kind);
    let data = Data { own, defaults };
    let output_ext = match ext.as_str() {
        e if MARKDOWN_EXTENSIONS.contains(&e) || e == "htm" => ".html".to_string(),
        "scss" | "sass" => ".css".to_string(),
        "coffee" => ".js".to_string(),
        e => format!(".{e}"),
    };
    let collection = site.collections.iter().find(|c| c.name == kind);
    let mut hidden = None;
    let url = if post {
        let Some(doc) = name_day.and_then(|(day, written)| {
            let slug = stem[written.len()..].trim_start_matches('-');
            post_fields(site, &data, dir, (day, slug), now, &mut hidden)
        }) else {
            return Vec::new();
        };
        let template = data
            .text("permalink")
            .unwrap_or_else(|| post_template(site));
        expand(&template, &|key, out| {
            doc.fill(key, out)
                || match key {
                    "output_ext" => push(out, &output_ext),
                    "collection" => push(out, "posts"),
                    "path" => push(out, "/") && push(out, without_ext(rel)),
                    "name" => slugify_into(stem, false, false, out),
                    _ => false,
                }
        })
    } else if let Some(collection) = collection {
        if !has_front_matter {
            return copied();
        }
        if !collection.output {
            hidden = Some(Hidden::NoOutput);
        }
        let inside = rel
            .split_once(&format!("_{}/", collection.name))
            .map_or(rel, |(_, rest)| rest);
        let template = data
            .text("permalink")
            .or_else(|| collection.permalink.clone())
            .unwrap_or_else(|| with_suffix("/:collection/:path", &site.permalink));
        let title = data.text("slug").unwrap_or_else(|| stem.to_string());
        expand(&template, &|key, out| match key {
            "collection" => push(out, &collection.name),
            "path" => push(out, "/") && push(out, without_ext(inside)),
            "name" => slugify_into(stem, false, false, out),
            "title" => slugify_into(&title, true, true, out),
            "slug" => slugify_into(&title, false, false, out),
            "output_ext" => push(out, &output_ext),
            "categories" => push(out, &categories(&data, &[]).join("/")),
            _ => false,
        })
    } else {
        let template = data.text("permalink").unwrap_or_else(|| {
            if output_ext != ".html" {
                "/:path/:basename:output_ext".to_string()
            } else if stem == "index" {
                "/:path/".to_string()
            } else {
                with_suffix("/:path/:basename", &site.permalink)
            }
        });
        expand(&template, &|key, out| match key {
            "path" => push(out, dir),
            "basename" => push(out, stem),
            "output_ext" => push(out, &output_ext),
            _ => false,
        })
    };
    if data.is_false("published") {
        hidden = Some(Hidden::Unpublished);
    }
    let Some(url) = url else {
        return Vec::new();
    };
    let mut pages = vec![Page {
        url,
        source: rel.to_string(),
        hidden,
    }];
    for from in data.list("redirect_from") {
        pages.push(Page {
            url: format!("/{}", from.trim_start_matches('/')),
            source: rel.to_string(),
            hidden,
        });
    }
    pages
}

/// The path Jekyll writes a static file at, from its path `rel`: the same,
/// less any dots at the end of its name before the extension (Jekyll 4.3.1
/// writes `assets/x..png` as `assets/x.png`); the path without its
/// extension, and the extension.
pub fn served_path(rel: &str) -> (&str, &str) {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    // Ruby's `File.extname`: none for a name that only starts with a dot.
    let ext = match name.rfind('.') {
        Some(at) if at > 0 && at + 1 < name.len() => &name[at..],
        _ => "",
    };
    // Jekyll drops the extension, then any dots left at the end.
    (rel[..rel.len() - ext.len()].trim_end_matches('.'), ext)
}

/// The page of a file Jekyll copies as it is: its own path (less dots
/// before the extension, see [`served_path`]), or in a collection the collection's URL template filled in for the file (its
/// path and name without the extension) with the extension added back, as
/// Jekyll places a collection's static files; written only when the
/// collection has `output: true`. None when the template has a placeholder a
/// static file does not fill.
fn static_file(site: &Site, rel: &str, kind: &str) -> Vec<Page> {
    let page = |url: String, hidden: Option<Hidden>| {
        vec![Page {
            url,
            source: rel.to_string(),
            hidden,
        }]
    };
    let Some(collection) = site.collections.iter().find(|c| c.name == kind) else {
        let (path, ext) = served_path(rel);
        return page(format!("/{path}{ext}"), None);
    };
    let inside = rel
        .split_once(&format!("_{}/", collection.name))
        .map_or(rel, |(_, rest)| rest);
    let (path, ext) = served_path(inside);
    let base = path.rsplit('/').next().unwrap_or(path);
    let template = collection
        .permalink
        .clone()
        .unwrap_or_else(|| with_suffix("/:collection/:path", &site.permalink));
    let url = expand(&template, &|key, out| match key {
        "collection" => push(out, &collection.name),
        "path" => push(out, "/") && push(out, path),
        "name" => push(out, base),
        "output_ext" | "title" => true,
        _ => false,
    });
    let Some(mut url) = url else {
        return Vec::new();
    };
    if url.len() > 1 && url.ends_with('/') {
        url.pop();
    }
    url.push_str(ext);
    page(url, (!collection.output).then_some(Hidden::NoOutput))
}

/// Whether Jekyll reads the file at `rel` as a document or page (a post, or
/// a file with front matter) rather than copying it as a static file. The
/// `{% link %}` tag finds a document only by its path without a leading `/`.
pub fn is_document(site: &Site, rel: &str) -> bool {
    let kind = site.kind_of(rel);
    kind == "posts"
        || read_head(&site.root.join(rel)).is_ok_and(|text| {
            matches!(
                FrontMatter::read(&text, kind != "pages"),
                FrontMatter::Closed { .. }
            )
        })
}

/// The most of a file read for its front matter.
const HEAD_LIMIT: u64 = 1 << 20;

/// The start of a file up to the end of its front matter (the whole front
/// matter block, or the first line when there is none): all a URL needs,
/// without reading long posts in full.
pub(crate) fn read_head(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::{BufRead, Read};
    let file = std::fs::File::open(path)?;
    let mut reader = std::io::BufReader::new(file.take(HEAD_LIMIT));
    let mut head = Vec::new();
    let mut line = Vec::new();
    let mut first = true;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        head.extend_from_slice(&line);
        let bare = line
            .strip_prefix(b"\xEF\xBB\xBF".as_slice())
            .unwrap_or(&line);
        let bare = bare.trim_ascii_end();
        let fence = bare == b"---" || (!first && bare == b"...");
        if (first && !fence) || (!first && fence) {
            break;
        }
        first = false;
    }
    String::from_utf8(head).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// A document's front matter with the site's `defaults` under it.
struct Data<'a> {
    own: &'a [Entry],
    defaults: Vec<&'a Entry>,
}

impl Data<'_> {
    /// The entry for `key`: the document's own unless it is null, else the
    /// default.
    fn entry(&self, key: &str) -> Option<&Entry> {
        merged(self.own, &self.defaults, key)
    }

    /// A scalar value as text, when it is one and not blank.
    fn text(&self, key: &str) -> Option<String> {
        self.entry(key)?
            .value
            .as_scalar()
            .filter(|s| !s.is_blank())
            .map(|s| s.value.trim().to_string())
    }

    /// Whether `key` is written and false (or null, which Jekyll's `fetch`
    /// also treats as false for posts).
    fn is_false(&self, key: &str) -> bool {
        self.entry(key)
            .and_then(|e| e.value.as_scalar())
            .is_some_and(|s| matches!(s.resolve(), Resolved::Bool(false) | Resolved::Null))
    }

    /// A list value's items, or a scalar as one item.
    fn list(&self, key: &str) -> Vec<String> {
        match self.entry(key).map(|e| &e.value.kind) {
            Some(NodeKind::Scalar(s)) if !s.is_blank() => vec![s.value.clone()],
            Some(NodeKind::Sequence(items)) => items
                .iter()
                .filter_map(|i| i.as_scalar())
                .filter(|s| !s.is_blank())
                .map(|s| s.value.clone())
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// What a post's URL placeholders are filled from: its date in the site's
/// zone, its slug and its categories. Each placeholder is worked out only
/// when the template uses it.
struct PostFields {
    at: jiff::ZonedDateTime,
    slug: String,
    categories: Vec<String>,
}

impl PostFields {
    /// Appends the text of placeholder `key` to `out`; false, with nothing
    /// written, when it is not a post placeholder.
    fn fill(&self, key: &str, out: &mut String) -> bool {
        use std::fmt::Write as _;
        let at = &self.at;
        let two = |out: &mut String, v: i8| push_padded(out, i32::from(v), 2);
        match key {
            "year" => push_padded(out, i32::from(at.year()), 4),
            "short_year" => push_padded(out, i32::from(at.year().rem_euclid(100)), 2),
            "month" => two(out, at.month()),
            "i_month" => push_padded(out, i32::from(at.month()), 1),
            "day" => two(out, at.day()),
            "i_day" => push_padded(out, i32::from(at.day()), 1),
            "hour" => two(out, at.hour()),
            "minute" => two(out, at.minute()),
            "second" => two(out, at.second()),
            "y_day" => push_padded(out, i32::from(at.day_of_year()), 3),
            "week" => two(out, at.date().iso_week_date().week()),
            "w_year" => push_padded(out, i32::from(at.date().iso_week_date().year()), 1),
            "w_day" => push_padded(out, i32::from(at.weekday().to_monday_one_offset()), 1),
            "short_day" => write!(out, "{}", at.strftime("%a")).is_ok(),
            "long_day" => write!(out, "{}", at.strftime("%A")).is_ok(),
            "short_month" => write!(out, "{}", at.strftime("%b")).is_ok(),
            "long_month" => write!(out, "{}", at.strftime("%B")).is_ok(),
            "title" => slugify_into(&self.slug, true, true, out),
            "slug" => slugify_into(&self.slug, false, false, out),
            "categories" => {
                for (i, category) in self.categories.iter().enumerate() {
                    if i > 0 {
                        out.push('/');
                    }
                    out.push_str(category);
                }
                true
            }
            _ => false,
        }
    }
}

/// Appends `text` to `out`; true, for placeholder fillers.
fn push(out: &mut String, text: &str) -> bool {
    out.push_str(text);
    true
}

/// Appends `value` in decimal, zero-padded to `width` digits (`{:0width$}`),
/// written by hand for the usual values, as every post of a site needs a few.
/// True, for placeholder fillers.
fn push_padded(out: &mut String, value: i32, width: u32) -> bool {
    match u32::try_from(value) {
        Ok(v) => {
            let digits = v.checked_ilog10().unwrap_or(0) + 1;
            out.extend(std::iter::repeat_n(
                '0',
                width.saturating_sub(digits) as usize,
            ));
            out.extend(
                (0..digits)
                    .rev()
                    .map(|place| char::from(b'0' + (v / 10u32.pow(place) % 10) as u8)),
            );
        }
        Err(_) => {
            use std::fmt::Write as _;
            let _ = write!(out, "{value:0width$}", width = width as usize);
        }
    }
    true
}

/// A post's placeholders, from its file name's date and slug and its front
/// matter. Sets `hidden` for a post Jekyll skips.
fn post_fields(
    site: &Site,
    data: &Data<'_>,
    dir: &str,
    (name_day, slug_from_name): (IsoDate, &str),
    now: jiff::Timestamp,
    hidden: &mut Option<Hidden>,
) -> Option<PostFields> {
    let date = data
        .entry("date")
        .and_then(|entry| entry.value.as_scalar())
        .and_then(front_matter_date)
        .unwrap_or(name_day);
    let at = in_zone(&date, &site.zone())?;
    if !site.future && at.timestamp() > now {
        *hidden = Some(Hidden::Future);
    }
    let folders: Vec<&str> = dir
        .split('/')
        .take_while(|part| *part != POSTS)
        .filter(|part| !part.is_empty())
        .collect();
    Some(PostFields {
        at,
        slug: data
            .text("slug")
            .unwrap_or_else(|| slug_from_name.to_string()),
        categories: categories(data, &folders),
    })
}

/// A document's categories as the URL shows them: the folders above
/// `_posts`, then `categories` (a string split on spaces) and `category`,
/// lowercased, each once.
fn categories(data: &Data<'_>, folders: &[&str]) -> Vec<String> {
    let mut all: Vec<String> = folders.iter().map(|f| f.to_string()).collect();
    for item in data.list("categories") {
        all.extend(item.split_whitespace().map(str::to_string));
    }
    all.extend(data.list("category"));
    let mut seen = Vec::new();
    for category in all {
        let category = category.to_lowercase();
        if !seen.contains(&category) {
            seen.push(category);
        }
    }
    seen
}

/// The template of a permalink style, or the setting itself when it is a
/// template.
fn style_template(style: &str) -> String {
    match style {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        template => template,
    }
    .to_string()
}

/// Ends `template` as the site's style ends URLs (Jekyll's
/// `add_permalink_suffix`).
fn with_suffix(template: &str, style: &str) -> String {
    match style {
        "pretty" => format!("{template}/"),
        "date" | "ordinal" | "none" => format!("{template}:output_ext"),
        custom if custom.ends_with('/') => format!("{template}/"),
        custom if custom.ends_with(":output_ext") => format!("{template}:output_ext"),
        _ => template.to_string(),
    }
}

/// Fills in a URL template's `:placeholders`, each appended by `value`
/// (false when it does not know one); `None` when one is unknown (Jekyll
/// stops the build on it; another rule's business). The URL starts with `/`,
/// and runs of `/` collapse, as in Jekyll.
fn expand(template: &str, value: &dyn Fn(&str, &mut String) -> bool) -> Option<String> {
    let mut url = String::with_capacity(template.len() + 48);
    url.push('/');
    let mut rest = template;
    while let Some(at) = rest.find(':') {
        url.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let len = placeholder_len(after);
        if len == 0 {
            url.push(':');
            rest = after;
            continue;
        }
        let name = &after[..len];
        let filled = value(name, &mut url)
            || name
                .strip_suffix('_')
                .is_some_and(|short| value(short, &mut url) && push(&mut url, "_"));
        if !filled {
            return None;
        }
        rest = &after[len..];
    }
    url.push_str(rest);
    // Byte by byte: dropping a `/` next to another cannot split a character.
    let mut bytes = url.into_bytes();
    bytes.dedup_by(|a, b| *a == b'/' && *b == b'/');
    String::from_utf8(bytes).ok()
}

/// Jekyll's `slugify`: runs of characters other than letters, marks and
/// digits (and, in `pretty` mode, `._~!$&'()+,;=@`) become one `-`, with no
/// `-` at either end; lowercased unless `cased`.
/// Appended to `out`; true, for placeholder fillers.
fn slugify_into(text: &str, pretty: bool, cased: bool, out: &mut String) -> bool {
    let keep = |c: char| match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        c if c.is_ascii() => pretty && "._~!$&'()+,;=@".contains(c),
        c => c.is_alphanumeric() || is_mark(c),
    };
    let mut dash = false;
    let mut started = false;
    for c in text.chars() {
        if keep(c) {
            if dash && started {
                out.push('-');
            }
            dash = false;
            started = true;
            if cased {
                out.push(c);
            } else if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            dash = true;
        }
    }
    true
}

/// Whether `c` is a combining mark (the ranges blog text uses).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}')
}

fn without_ext(path: &str) -> &str {
    match path.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() && !stem.ends_with('/') => stem,
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site with its URL model and guesses worked out on first use and
    /// kept, as a run keeps them.
    struct Model {
        site: Site,
        urls: OnceLock<Urls>,
        url_guesses: OnceLock<Guesses>,
        now: jiff::Timestamp,
    }

    impl Model {
        fn urls(&self) -> &Urls {
            self.urls.get_or_init(|| Urls::build(&self.site, self.now))
        }
    }

    impl std::ops::Deref for Model {
        type Target = Site;

        fn deref(&self) -> &Site {
            &self.site
        }
    }

    /// [`super::find`] over the model's guesses and URLs.
    fn find<'a>(model: &'a Model, path: &str) -> Found<'a> {
        let guesses = model
            .url_guesses
            .get_or_init(|| Guesses::new(model, model.now));
        super::find(model, guesses, || model.urls(), path)
    }

    /// A site on disk from `(path, text)` pairs, with its URLs.
    fn site_of(files: &[(&str, &str)]) -> (tempfile::TempDir, Model) {
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
    fn url_of<'a>(site: &'a Model, source: &str) -> Option<&'a str> {
        site.urls()
            .pages
            .values()
            .find(|p| p.source == source && !p.url.contains("old"))
            .map(|p| p.url.as_str())
    }

    const POST: &str = "---\ntitle: Hello\n---\nHi.\n";

    #[test]
    fn pages_are_the_same_on_any_number_of_threads() {
        let names: Vec<String> = (0..300)
            .map(|i| match i % 3 {
                0 => format!("_posts/2024-01-{:02}-post-{i}.md", i % 28 + 1),
                1 => format!("pages/page-{i}.md"),
                _ => format!("assets/image-{i}.png"),
            })
            .collect();
        let mut files: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), POST)).collect();
        files.push(("_config.yml", "permalink: pretty\n"));
        let (_dir, site) = site_of(&files);
        let rels: Vec<&str> = names.iter().map(String::as_str).collect();
        let now = jiff::Timestamp::now();
        let urls = |threads: usize| -> Vec<(String, String)> {
            in_shares(&rels, threads, |rel| {
                pages_of(&site, rel, now, Read::PathOnly)
            })
            .into_iter()
            .map(|page| (page.source, page.url))
            .collect()
        };
        let one = urls(1);
        assert_eq!(one.len(), names.len());
        assert_eq!(
            one[0],
            (
                "_posts/2024-01-01-post-0.md".to_string(),
                "/2024/01/01/post-0/".to_string()
            )
        );
        for threads in [2, 3, 8, 1000] {
            assert_eq!(urls(threads), one, "{threads} threads");
        }
    }

    #[test]
    fn posts_follow_the_permalink_style() {
        for (style, url) in [
            ("date", "/2024/03/09/Why-We-Ship.html"),
            ("pretty", "/2024/03/09/Why-We-Ship/"),
            ("ordinal", "/2024/069/Why-We-Ship.html"),
            ("weekdate", "/2024/W10/Sat/Why-We-Ship.html"),
            ("none", "/Why-We-Ship.html"),
            ("/blog/:year/:i_month/:slug/", "/blog/2024/3/why-we-ship/"),
            (
                "/:short_year/:long_month/:title:output_ext",
                "/24/March/Why-We-Ship.html",
            ),
        ] {
            let (_dir, site) = site_of(&[
                ("_config.yml", &format!("permalink: \"{style}\"\n")),
                ("_posts/2024-03-09-Why-We-Ship.md", POST),
            ]);
            assert_eq!(
                url_of(&site, "_posts/2024-03-09-Why-We-Ship.md"),
                Some(url),
                "{style}"
            );
        }
    }

    #[test]
    fn every_date_placeholder_is_filled() {
        // 3 January 2021 is a Sunday in week 53 of ISO year 2020.
        let template = "/:w_year/W:week/:w_day/:i_day/:i_month/:y_day/:hour:minute:second/:long_day/:short_month/:title_/";
        let (_dir, site) = site_of(&[
            ("_config.yml", &format!("permalink: \"{template}\"\n")),
            (
                "_posts/2021-01-03-New-Year.md",
                "---\ndate: 2021-01-03 04:05:06 +0000\n---\n",
            ),
        ]);
        assert_eq!(
            url_of(&site, "_posts/2021-01-03-New-Year.md"),
            Some("/2020/W53/7/3/1/003/040506/Sunday/Jan/New-Year_/")
        );
    }

    #[test]
    fn categories_come_from_folders_and_front_matter() {
        let (_dir, site) = site_of(&[
            ("_config.yml", "title: x\n"),
            (
                "Travel/_posts/2024-03-09-vienna.md",
                "---\ncategories: Europe rail\n---\n",
            ),
            (
                "_posts/2024-03-10-lisbon.md",
                "---\ncategories: [Europe]\ncategory: Food\n---\n",
            ),
        ]);
        assert_eq!(
            url_of(&site, "Travel/_posts/2024-03-09-vienna.md"),
            Some("/travel/europe/rail/2024/03/09/vienna.html")
        );
        assert_eq!(
            url_of(&site, "_posts/2024-03-10-lisbon.md"),
            Some("/europe/food/2024/03/10/lisbon.html")
        );
    }

    #[test]
    fn front_matter_and_defaults_set_the_url() {
        let (_dir, site) = site_of(&[
            (
                "_config.yml",
                "defaults:\n  - scope: {path: _posts}\n    values: {permalink: '/notes/:title/'}\n",
            ),
            ("_posts/2024-03-09-a.md", POST),
            (
                "_posts/2024-03-10-b.md",
                "---\npermalink: /b-post/\nslug: ignored\n---\n",
            ),
            ("_posts/2024-03-11-c.md", "---\nslug: Third One\n---\n"),
        ]);
        assert_eq!(url_of(&site, "_posts/2024-03-09-a.md"), Some("/notes/a/"));
        assert_eq!(url_of(&site, "_posts/2024-03-10-b.md"), Some("/b-post/"));
        assert_eq!(
            url_of(&site, "_posts/2024-03-11-c.md"),
            Some("/notes/Third-One/")
        );
    }

    #[test]
    fn the_site_zone_can_move_a_post_to_another_day() {
        let text = "---\ndate: 2024-03-09 23:30:00 -0500\n---\n";
        let (_dir, site) = site_of(&[
            ("_config.yml", "timezone: Europe/Berlin\n"),
            ("_posts/2024-03-09-late.md", text),
        ]);
        assert_eq!(
            url_of(&site, "_posts/2024-03-09-late.md"),
            Some("/2024/03/10/late.html")
        );
        let (_dir, site) = site_of(&[
            ("_config.yml", "title: x\n"),
            ("_posts/2024-03-09-late.md", text),
        ]);
        assert_eq!(
            url_of(&site, "_posts/2024-03-09-late.md"),
            Some("/2024/03/10/late.html"),
            "UTC is the default zone"
        );
        let (_dir, site) = site_of(&[
            ("_config.yml", "timezone: America/Chicago\n"),
            ("_posts/2024-03-09-late.md", text),
        ]);
        assert_eq!(
            url_of(&site, "_posts/2024-03-09-late.md"),
            Some("/2024/03/09/late.html")
        );
    }

    #[test]
    fn dates_in_words_set_the_url() {
        // As Jekyll 4.3.1 writes them, in a site on Europe/Berlin.
        let (_dir, site) = site_of(&[
            ("_config.yml", "timezone: Europe/Berlin\n"),
            ("_posts/2001-01-01-a.md", "---\ndate: June 2, 2020\n---\n"),
            (
                "_posts/2001-01-01-b.md",
                "---\ndate: Tue, 02 Jun 2020 23:30:00 -0500\n---\n",
            ),
            ("_posts/2001-01-01-c.md", "---\ndate: 06/02/2020\n---\n"),
            ("_posts/2001-01-01-d.md", "---\ndate: 2023-02-29\n---\n"),
            ("_posts/2001-01-01-e.md", "---\ndate: June 2\n---\n"),
        ]);
        for (name, url) in [
            ("a", "/2020/06/02/a.html"),
            ("b", "/2020/06/03/b.html"),
            ("c", "/2020/02/06/c.html"),
            ("d", "/2023/03/01/d.html"),
            // No year: Ruby takes this year's; prepress keeps the file's date.
            ("e", "/2001/01/01/e.html"),
        ] {
            let source = format!("_posts/2001-01-01-{name}.md");
            assert_eq!(url_of(&site, &source), Some(url), "{name}");
        }
        assert_eq!(site.urls().find("/2001/01/01/a.html"), Found::Missing);
    }

    #[test]
    fn a_yaml_timestamp_without_offset_is_utc() {
        // As Jekyll 4.3.1 writes them in a site on America/Los_Angeles: YAML
        // reads an unquoted time with seconds and no offset as UTC, any other
        // form in the site's zone.
        let (_dir, site) = site_of(&[
            ("_config.yml", "timezone: America/Los_Angeles\n"),
            (
                "_posts/2016-09-10-a.md",
                "---\ndate: 2016-09-10 03:00:00\n---\n",
            ),
            (
                "_posts/2016-09-10-b.md",
                "---\ndate: 2016-09-10 03:00\n---\n",
            ),
            (
                "_posts/2016-09-10-c.md",
                "---\ndate: \"2016-09-10 03:00:00\"\n---\n",
            ),
            ("_posts/2016-09-10-d.md", "---\ndate: 2016-09-10\n---\n"),
        ]);
        for (name, url) in [
            ("a", "/2016/09/09/a.html"),
            ("b", "/2016/09/10/b.html"),
            ("c", "/2016/09/10/c.html"),
            ("d", "/2016/09/10/d.html"),
        ] {
            let source = format!("_posts/2016-09-10-{name}.md");
            assert_eq!(url_of(&site, &source), Some(url), "{name}");
        }
    }

    #[test]
    fn pages_keep_their_folder() {
        let (_dir, site) = site_of(&[
            ("_config.yml", "title: x\n"),
            ("about.md", "---\ntitle: About\n---\n"),
            ("docs/index.md", "---\n---\n"),
            ("docs/setup.html", "---\n---\n"),
            ("feed.json", "---\n---\n{}"),
            ("css/main.scss", "---\n---\nbody {}"),
            (
                "notes.md",
                "No front matter, still a page on GitHub Pages.\n",
            ),
            ("assets/logo.svg", "<svg/>"),
            ("team.md", "---\npermalink: /people/\n---\n"),
        ]);
        for (source, url) in [
            ("about.md", "/about.html"),
            ("docs/index.md", "/docs/"),
            ("docs/setup.html", "/docs/setup.html"),
            ("feed.json", "/feed.json"),
            ("css/main.scss", "/css/main.css"),
            ("notes.md", "/notes.html"),
            ("assets/logo.svg", "/assets/logo.svg"),
            ("team.md", "/people/"),
        ] {
            assert_eq!(url_of(&site, source), Some(url), "{source}");
        }
        let (_dir, site) = site_of(&[
            ("_config.yml", "permalink: pretty\n"),
            ("about.md", "---\n---\n"),
        ]);
        assert_eq!(url_of(&site, "about.md"), Some("/about/"));
    }

    #[test]
    fn collections_publish_only_with_output() {
        let (_dir, site) = site_of(&[
            (
                "_config.yml",
                "collections:\n  recipes:\n    output: true\n    permalink: /cook/:name/\n  trips:\n    output: true\n  notes: {}\n",
            ),
            ("_recipes/Oat Bars.md", "---\n---\n"),
            ("_trips/2023/danube.md", "---\n---\n"),
            ("_notes/memo.md", "---\n---\n"),
        ]);
        let urls = site.urls();
        assert_eq!(
            url_of(&site, "_recipes/Oat Bars.md"),
            Some("/cook/oat-bars/")
        );
        assert_eq!(
            url_of(&site, "_trips/2023/danube.md"),
            Some("/trips/2023/danube.html")
        );
        assert!(
            matches!(urls.find("/notes/memo.html"), Found::Hidden(p) if p.hidden == Some(Hidden::NoOutput))
        );
    }

    #[test]
    fn static_files_of_a_collection_take_its_url() {
        // What `jekyll build` 4.3 writes for these files.
        let (_dir, site) = site_of(&[
            (
                "_config.yml",
                "collections:\n  principles:\n    output: true\n    permalink: /partnership-principles/:path/\n  things:\n    output: true\n  notes:\n    output: false\n",
            ),
            ("_principles/a.pdf", "pdf"),
            ("_principles/sub/b.pdf", "pdf"),
            ("_things/d.pdf", "pdf"),
            ("_things/data.json", "{}"),
            ("_notes/c.pdf", "pdf"),
            ("assets/e.pdf", "pdf"),
        ]);
        let urls = site.urls();
        for (source, url) in [
            ("_principles/a.pdf", "/partnership-principles/a.pdf"),
            ("_principles/sub/b.pdf", "/partnership-principles/sub/b.pdf"),
            ("_things/d.pdf", "/things/d.pdf"),
            ("_things/data.json", "/things/data.json"),
            ("assets/e.pdf", "/assets/e.pdf"),
        ] {
            assert_eq!(url_of(&site, source), Some(url), "{source}");
            assert!(matches!(find(&site, url), Found::Page(_)), "{url}");
        }
        assert!(
            matches!(urls.find("/notes/c.pdf"), Found::Hidden(p) if p.hidden == Some(Hidden::NoOutput))
        );
        // Dots before the extension are dropped, in a collection or not.
        let (_dir, site) = site_of(&[
            (
                "_config.yml",
                "collections:\n  things:\n    output: true\n    permalink: /stuff/:path/\n",
            ),
            ("assets/x..png", "png"),
            ("assets/z...pdf", "pdf"),
            ("_things/a..pdf", "pdf"),
        ]);
        for (source, url) in [
            ("assets/x..png", "/assets/x.png"),
            ("assets/z...pdf", "/assets/z.pdf"),
            ("_things/a..pdf", "/stuff/a.pdf"),
        ] {
            assert_eq!(url_of(&site, source), Some(url), "{source}");
        }
        // Not where they are in the source.
        assert_eq!(urls.find("/_principles/a.pdf"), Found::Missing);
        assert_eq!(urls.find("/partnership-principles/a/"), Found::Missing);
    }
    #[test]
    fn urls_match_whatever_form_a_link_takes() {
        let (_dir, site) = site_of(&[
            ("_config.yml", "title: x\n"),
            ("about.md", "---\n---\n"),
            ("docs/index.md", "---\n---\n"),
        ]);
        let urls = site.urls();
        for link in [
            "/about",
            "/about/",
            "/about.html",
            "/docs",
            "/docs/",
            "/docs/index.html",
        ] {
            assert!(matches!(urls.find(link), Found::Page(_)), "{link}");
        }
        assert_eq!(urls.find("/abut/"), Found::Missing);
        assert_eq!(urls.closest("/abut/"), Some("/about.html"));
    }

    #[test]
    fn hidden_pages_keep_their_reason() {
        let (_dir, site) = site_of(&[
            ("_config.yml", "title: x\n"),
            ("_posts/2024-01-01-off.md", "---\npublished: false\n---\n"),
            ("_posts/2999-01-01-later.md", POST),
            ("_drafts/idea.md", POST),
            ("_posts/notes.md", POST),
        ]);
        let urls = site.urls();
        assert!(
            matches!(urls.find("/2024/01/01/off.html"), Found::Hidden(p) if p.hidden == Some(Hidden::Unpublished))
        );
        assert!(
            matches!(urls.find("/2999/01/01/later.html"), Found::Hidden(p) if p.hidden == Some(Hidden::Future))
        );
        let sources: Vec<&str> = urls.pages.values().map(|p| p.source.as_str()).collect();
        assert!(
            !sources
                .iter()
                .any(|s| s.contains("idea") || s.contains("notes")),
            "drafts and misnamed posts have no URL: {sources:?}"
        );
        let (_dir, site) = site_of(&[
            ("_config.yml", "future: true\n"),
            ("_posts/2999-01-01-later.md", POST),
        ]);
        assert!(matches!(
            site.urls().find("/2999/01/01/later.html"),
            Found::Page(_)
        ));
    }

    #[test]
    fn redirects_pagination_and_plugins() {
        let (_dir, site) = site_of(&[
            (
                "_config.yml",
                "paginate: 5\npaginate_path: /blog/page:num/\n",
            ),
            (
                "_posts/2024-01-01-a.md",
                "---\nredirect_from: [/old-a/, old-a-too]\n---\n",
            ),
        ]);
        let urls = site.urls();
        assert!(matches!(urls.find("/old-a/"), Found::Page(_)));
        assert!(matches!(urls.find("/old-a-too"), Found::Page(_)));
        assert_eq!(urls.find("/blog/page2/"), Found::Provided);
        assert_eq!(urls.find("/blog/page/"), Found::Missing);
        assert_eq!(urls.find("/feed.xml"), Found::Provided);
        let (_dir, site) = site_of(&[("_config.yml", "theme: minima\nplugins: [jekyll-feed]\n")]);
        assert_eq!(site.urls().find("/assets/main.css"), Found::Maybe("minima"));
        // A theme ships assets, not old pages.
        assert_eq!(site.urls().find("/archive/2005/1838.aspx"), Found::Missing);
        assert_eq!(site.urls().find("/team/"), Found::Missing);
        let (_dir, site) = site_of(&[
            (
                "_config.yml",
                "plugins: [jekyll-archives]\njekyll-archives:\n  enabled: [tags]\n",
            ),
            (
                "_plugins/tag_pages.rb",
                "site.pages << TagPage.new(site, tag)\n",
            ),
            (
                "_plugins/youtube.rb",
                "Liquid::Template.register_tag('youtube', Tag)\n",
            ),
        ]);
        assert_eq!(
            site.urls().find("/team/"),
            Found::Maybe("_plugins/tag_pages.rb")
        );
        // Plugins that make no page, and archives only under their URLs.
        let (_dir, site) = site_of(&[
            (
                "_config.yml",
                "plugins: [jekyll-archives, jekyll-seo-tag]\njekyll-archives:\n  enabled: [tags]\n",
            ),
            (
                "_plugins/youtube.rb",
                "Liquid::Template.register_tag('youtube', Tag)\n",
            ),
        ]);
        assert_eq!(site.urls().find("/team/"), Found::Missing);
        assert_eq!(
            site.urls().find("/tag/rust/"),
            Found::Maybe("jekyll-archives")
        );
    }

    #[test]
    fn a_look_up_reads_only_what_it_must_and_agrees_with_the_model() {
        let (_dir, site) = site_of(&[
            ("_config.yml", "title: x\n"),
            ("team.md", "---\npermalink: /people/\n---\n"),
            ("about.md", "---\ntitle: About\n---\n"),
            ("_posts/2024-01-01-off.md", "---\npublished: false\n---\n"),
            ("_posts/2024-01-02-moved.md", "---\nslug: elsewhere\n---\n"),
        ]);
        assert!(matches!(find(&site, "/about/"), Found::Page(_)));
        assert!(
            site.urls.get().is_none(),
            "a path guess that holds needs no model"
        );
        let guesses = site.url_guesses.get().unwrap();
        assert!(
            guesses.posts.get().is_none(),
            "a link with no digits cannot be a dated post's"
        );
        assert!(matches!(
            find(&site, "/2024/01/01/off.html"),
            Found::Hidden(p) if p.hidden == Some(Hidden::Unpublished)
        ));
        assert!(site.urls.get().is_none());
        for (link, found) in [
            ("/team.html", false),
            ("/people/", true),
            ("/2024/01/02/moved.html", false),
            ("/2024/01/02/elsewhere.html", true),
        ] {
            assert_eq!(matches!(find(&site, link), Found::Page(_)), found, "{link}");
            assert_eq!(find(&site, link), site.urls().find(link), "{link}");
        }
    }

    #[test]
    fn post_urls_are_looked_up_only_where_they_could_be() {
        for (config, digits) in [
            ("title: x\n", 3),
            ("permalink: pretty\n", 3),
            ("permalink: none\n", 0),
            ("permalink: /:i_month/:title/\n", 1),
            ("permalink: /:year_:title\n", 3),
            ("permalink: /blog/:title/\n", 0),
            (
                "collections:\n  posts:\n    permalink: /:month/:title/\n",
                2,
            ),
            (
                "defaults:\n  - scope: {path: \"\"}\n    values: {permalink: /:title/}\n",
                0,
            ),
            (
                "defaults:\n  - scope: {path: \"\"}\n    values: {redirect_from: /a/}\n",
                0,
            ),
            (
                "defaults:\n  - scope: {type: posts}\n    values: {permalink: /:title/}\n",
                0,
            ),
            (
                "defaults:\n  - scope: {type: pages}\n    values: {permalink: /:title/}\n",
                3,
            ),
        ] {
            let (_dir, site) = site_of(&[("_config.yml", config)]);
            assert_eq!(post_digits(&site), digits, "{config}");
        }
        assert_eq!(digit_run("/2024/069/a1"), 4);
        assert_eq!(digit_run("/about/"), 0);
        // Without dated URLs every link needs the posts, and finds them.
        let (_dir, site) = site_of(&[
            ("_config.yml", "permalink: /:title/\n"),
            ("_posts/2024-01-01-hello.md", POST),
        ]);
        assert!(matches!(find(&site, "/hello/"), Found::Page(_)));
        assert!(site.urls.get().is_none());
    }

    #[test]
    fn numbers_are_padded_as_format_pads_them() {
        for (value, width) in [
            (7, 2),
            (2024, 4),
            (0, 2),
            (123, 2),
            (99, 4),
            (-5, 4),
            (10000, 4),
        ] {
            let expected = format!("{value:0width$}", width = width as usize);
            let mut out = String::from("x");
            push_padded(&mut out, value, width);
            assert_eq!(out, format!("x{expected}"));
        }
    }

    #[test]
    fn slugs_as_jekyll_makes_them() {
        let slugify = |text: &str, pretty: bool, cased: bool| {
            // Appended after what is already there, with no dash between.
            let mut out = String::from("/");
            slugify_into(text, pretty, cased, &mut out);
            out
        };
        assert_eq!(slugify("Hello, World!", false, false), "/hello-world");
        assert_eq!(slugify("  Café au lait ", false, false), "/café-au-lait");
        assert_eq!(slugify("Hello, World!", true, true), "/Hello,-World!");
        assert_eq!(slugify("---", false, false), "/");
    }
}
