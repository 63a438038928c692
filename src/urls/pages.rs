//! The pages each file of the site gives: a post's, a page's or a
//! collection document's URL and its `redirect_from` URLs, a static file's
//! path, or nothing for a draft or a post Jekyll skips.

use super::data::{Data, read_head};
use super::page::{Hidden, Page};
use super::permalink::{expand, push, slugify_into, with_suffix};
use super::post::{categories, post_fields, post_template};
use super::shares::each_file;
use crate::date::name_date;
use crate::front_matter::FrontMatter;
use crate::jekyll_names::MARKDOWN_EXTENSIONS;
use crate::site::Site;

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

/// The front matter keys a URL is worked out from (`categor` stands for
/// `categories` and `category`): a file whose front matter spells none of
/// them has the URL of one with empty front matter.
const URL_KEYS: &[&str] = &[
    "permalink",
    "slug",
    "date",
    "categor",
    "published",
    "redirect_from",
];

/// Whether Jekyll copies the file at `rel` as it is, outside any collection,
/// by its path alone: its URL is then [`copied_url`], whatever it holds.
pub(super) fn is_copied(site: &Site, rel: &str) -> bool {
    is_copied_kind(site, rel, site.kind_of(rel))
}

/// [`is_copied`] for a file whose [`Site::kind_of`] is `kind`.
pub(super) fn is_copied_kind(site: &Site, rel: &str, kind: &str) -> bool {
    let name = rel.rsplit_once('/').map_or(rel, |(_, name)| name);
    let text = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => TEXT.iter().any(|t| t.eq_ignore_ascii_case(ext)),
        _ => false,
    };
    // A collection named `pages` would take in every such file.
    !text && kind == "pages" && !site.collections.iter().any(|c| c.name == "pages")
}

/// The URL of a copied file outside collections: its own path, less the
/// dots before its extension (see [`served_path`]).
pub(super) fn copied_url(rel: &str) -> String {
    let (path, ext) = served_path(rel);
    format!("/{path}{ext}")
}

/// How much of a file [`pages_of`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Read {
    /// Its front matter: the URL Jekyll gives it.
    FrontMatter,
    /// Nothing: the URL its path alone gives it, as if its front matter
    /// were empty.
    PathOnly,
}

/// The pages the file at `rel` gives the site: none for a draft or a post
/// Jekyll skips, itself for a static file, its URL and any `redirect_from`
/// URLs for a document.
pub(super) fn pages_of(site: &Site, rel: &str, now: jiff::Timestamp, read: Read) -> Vec<Page> {
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
            Ok(text) => FrontMatter::read_for(&text, post, URL_KEYS),
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
pub(crate) fn served_path(rel: &str) -> (&str, &str) {
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
        return page(copied_url(rel), None);
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
pub(crate) fn is_document(site: &Site, rel: &str) -> bool {
    let kind = site.kind_of(rel);
    kind == "posts"
        || read_head(&site.root.join(rel)).is_ok_and(|text| {
            matches!(
                FrontMatter::read_for(&text, kind != "pages", &[]),
                FrontMatter::Closed { .. }
            )
        })
}

fn without_ext(path: &str) -> &str {
    match path.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() && !stem.ends_with('/') => stem,
        _ => path,
    }
}

/// Every page the site's files give, each file's own URL first and then
/// its `redirect_from` URLs, in source path order: what `prepress urls`
/// lists. Unlike [`super::Urls`], two files that claim one URL are both kept.
pub(crate) fn every_page(site: &Site, now: jiff::Timestamp) -> Vec<Page> {
    let mut pages = each_file(
        site,
        |_| true,
        |rel| pages_of(site, rel, now, Read::FrontMatter),
    );
    // Stable: a file's own URL stays before its redirects.
    pages.sort_by(|a, b| a.source.cmp(&b.source));
    pages
}
