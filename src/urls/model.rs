//! The URL model: every page the site builds by canonical URL, what else
//! answers a link (pages plugins, hosts and themes provide, later pages of
//! a paginated list), and the closest published URL for a "did you mean".

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::page::{Found, Page, canonical};
use super::pages::every_page;
use crate::closest::NameIndex;
use crate::plugins::Generators;
use crate::site::Site;

/// Extensions of the files a theme ships besides layouts: stylesheets,
/// scripts, images and fonts (never pages, nor `.aspx` and `.htm` files).
const THEME_ASSETS: &[&str] = &[
    "css", "scss", "js", "map", "json", "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "woff",
    "woff2", "ttf", "otf", "eot",
];

/// URLs that common plugins and hosts provide without a source file.
const PROVIDED: &[&str] = &["/feed.xml", "/sitemap.xml", "/robots.txt", "/404.html"];

/// The site's pages by canonical URL.
#[derive(Debug, Clone, Default)]
pub(crate) struct Urls {
    pub(super) pages: HashMap<String, Page>,
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
    pub(crate) fn build(site: &Site, now: jiff::Timestamp) -> Self {
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
    pub(crate) fn find(&self, path: &str) -> Found<'_> {
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
    pub(crate) fn closest(&self, path: &str) -> Option<&str> {
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
