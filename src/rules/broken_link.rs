//! `broken-link`: a link or image to a file or page of the site that does not exist.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::context::Context;
use super::liquid_urls::liquid_value;
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::document::{Document, Role};
use crate::front_matter::tree::Entry;
use crate::prose::segments::Link;
use crate::rule::{FixAvailability, Rule};
use crate::site::Site;
use crate::site_index::SiteIndex;
use crate::urls::{Found, Hidden};

/// Extensions of files a site serves as they are, so a link to one must name a
/// file that exists. Pages, feeds and stylesheets are left out: Jekyll builds
/// them from other files (`about.md` becomes `/about/`, `main.scss` becomes
/// `main.css`), so their URLs cannot be checked against source files.
const STATIC: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff", "pdf", "zip",
    "gz", "tgz", "mp3", "mp4", "m4a", "ogg", "wav", "webm", "mov", "csv", "txt", "epub", "woff",
    "woff2", "ttf", "otf", "key", "pptx", "docx", "xlsx",
];

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "broken-link",
    severity: Severity::Warning,
    summary: "A link or image points inside the site to a file or page that does not exist",
    explanation: "\
## What it does
Checks Markdown links and images that point inside the site: site-absolute
paths (`/assets/img/x.png`, `/2024/03/11/retro.html`, `/about/`, also after
`{{ site.baseurl }}` and the site's `baseurl`) and relative links to Markdown
sources (`../about.md`, which the jekyll-relative-links plugin, on by default
on GitHub Pages, turns into page URLs).

Liquid in a destination is read where it can be: `{{ site.baseurl }}` and
`{{ site.url }}` (also with `relative_url`, `absolute_url` or
`prepend: site.url`) are the site itself, and `{{ site.KEY }}` is the string
the config gives KEY, so `{{ site.repository }}/issues/7` with
`repository: https://github.com/owner/repo` is an external link and left
alone, while `{{ site.docs }}/setup.png` with `docs: /handbook` is checked as
`/handbook/setup.png`. `{{ page.KEY }}` is read the same way from the
post's own front matter (not `page.url` and the other values Jekyll works
out itself), and a quoted path given to `relative_url` or `absolute_url`
(`[About]({{ \"/about/\" | relative_url }})`) is checked as the path it
gives. A destination with any other Liquid (another variable, another
filter, a tag such as `{% link %}`, a setting that is not a plain string) is
only known once the site is built, so it is left alone.

Files the site serves as they are (images, PDFs, audio, video, archives,
fonts) must exist, at the path Jekyll writes them to: it drops the dots
before a file's extension, so `x..png` is served as `x.png` and a link to
`x..png` is reported; a collection with `output: true` serves its files at the
collection's URL (`_principles/guide.pdf` as
`/partnership-principles/guide.pdf` with
`permalink: /partnership-principles/:path/`), as Jekyll writes them. Page
URLs are matched against the URL of every page the site builds, worked out as Jekyll does from `permalink` (the site's style,
a collection's, or a page's own), dates in the site's `timezone`,
categories, `redirect_from` and `paginate_path`; `/about`, `/about/` and
`/about.html` count as one page. A link to a page Jekyll reads but will not
publish (`published: false`, a future date, a collection without
`output: true`) is reported with the reason. A URL no file builds is only an
info note when something the site loads could make it: jekyll-archives
under the permalinks of the archives it enables, jekyll-feed's feeds,
jekyll-sitemap's files, paginated lists (`/page2/`, and any `…/page/N/` with
jekyll-paginate-v2, with its tag pages), jekyll-tagging's tag pages, a
plugin prepress does not know, or a `_plugins/*.rb` file that adds pages.
Plugins that make no page (jekyll-seo-tag, jekyll-gist, jemoji,
jekyll-mentions, a Liquid tag of your own…) change nothing. Feeds, sitemaps
and `robots.txt` are taken as provided. Relative links to anything
but Markdown sources, relative links in an include (they resolve against the
page that includes it), and external links are left alone.

## Why is this bad?
A missing image shows as a broken icon; a missing download or page is a 404.
Renaming or moving a file, or changing the permalink style, breaks every post
that linked to it, silently.

## How to fix
Fix the path; the help names the closest existing file or page.

## Example
```markdown
![Team photo](/assets/img/team-phto.jpg)   reported when only team-photo.jpg exists
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let (Some(site), Some(body)) = (context.site, doc.body()) else {
        return;
    };
    let Some(relative) = doc.relative() else {
        return;
    };
    let folder = relative.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut source = Source {
        text: &doc.text,
        page: doc.front_matter.entries().unwrap_or_default(),
        next_to_liquid: None,
    };
    for link in &body.links {
        // A relative link in an include resolves against whichever page
        // includes it, not against the include's own folder.
        if doc.role == Role::Include && !link.url.trim_start().starts_with('/') {
            continue;
        }
        let what = if link.image { "image" } else { "link" };
        let Some(url) = destination(site, &mut source, link) else {
            continue;
        };
        match target(&url, folder, &site.baseurl) {
            Some(Target::File(file))
                if !site.files.contains(&file) && !served(site, &file, context.now) =>
            {
                out.push(missing_file(site, link.span.clone(), what, &file));
            }
            Some(Target::File(file)) if !site.files.contains(&file) => {}
            Some(Target::File(file)) => {
                let Some(served) = renamed(&file) else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        RULE.severity,
                        link.span.clone(),
                        format!("this {what} points to `{file}`, which Jekyll writes as `{served}`"),
                    )
                    .with_help(format!(
                        "link to `/{served}`, or rename the file: Jekyll drops the dots before a file's extension"
                    )),
                );
            }
            Some(Target::Url(url)) if !site.files.contains(&url[1..]) => {
                if let Some(diagnostic) =
                    missing_url(site, context.now, link.span.clone(), what, &url)
                {
                    out.push(diagnostic);
                }
            }
            _ => {}
        }
    }
}

/// How far back from a destination a Liquid token's opening braces are
/// looked for: tokens in links are short.
const LIQUID_LIMIT: usize = 512;

/// The file's text, for reading the Liquid around link destinations (the
/// parsed destination has it blanked out).
struct Source<'t> {
    text: &'t str,
    /// The document's own front matter, for `{{ page.KEY }}`.
    page: &'t [Entry],
    /// Where each text written right next to Liquid starts, by that text
    /// (up to a space, a bracket, a quote or the Liquid); built the first
    /// time a destination is not at its link's span, as a reference link's
    /// is in its definition.
    next_to_liquid: Option<HashMap<&'t str, Vec<usize>>>,
}

impl Source<'_> {
    /// Where `link`'s destination, as parsed, is written: at its span, or
    /// right next to Liquid elsewhere in the file (the first such place
    /// after the link, else the last before it).
    fn find(&mut self, link: &Link) -> Option<usize> {
        if self.text.get(link.span.clone()) == Some(link.url.as_str()) {
            return Some(link.span.start);
        }
        let text = self.text;
        let index = self
            .next_to_liquid
            .get_or_insert_with(|| next_to_liquid(text));
        let starts = index.get(link.url.as_str())?;
        starts
            .iter()
            .find(|&&at| at >= link.span.start)
            .or(starts.last())
            .copied()
    }
}

/// Whether a byte ends a destination's text next to Liquid.
fn ends_word(b: u8) -> bool {
    b.is_ascii_whitespace() || b"()<>\"'{}".contains(&b)
}

/// Every text written right after a Liquid tag or output, or right before
/// one, by where it starts.
fn next_to_liquid(text: &str) -> HashMap<&str, Vec<usize>> {
    let bytes = text.as_bytes();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut add = |range: std::ops::Range<usize>| {
        if !range.is_empty() {
            index
                .entry(&text[range.clone()])
                .or_default()
                .push(range.start);
        }
    };
    for brace in memchr::memchr2_iter(b'{', b'}', bytes) {
        if bytes[brace] == b'}' && brace > 0 && matches!(bytes[brace - 1], b'}' | b'%') {
            let start = brace + 1;
            let len = bytes[start..].iter().position(|&b| ends_word(b));
            add(start..len.map_or(bytes.len(), |len| start + len));
        } else if bytes[brace] == b'{' && matches!(bytes.get(brace + 1), Some(b'{' | b'%')) {
            let len = bytes[..brace].iter().rev().position(|&b| ends_word(b));
            add(len.map_or(0, |len| brace - len)..brace);
        }
    }
    index
}

/// The destination of `link` with the Liquid written into it worked out:
/// `{{ site.baseurl }}` and `{{ site.url }}` (alone, or with filters that
/// keep them the site's own prefix) read as nothing, as in the parsed
/// destination, `{{ site.KEY }}` as the config's string for KEY,
/// `{{ page.KEY }}` as the front matter's, and `{{ "/x/" | relative_url }}`
/// as `/x/`. `None` when any other Liquid is written into it (a variable, a
/// filter, a tag): only the build knows what that makes.
fn destination<'l>(site: &Site, source: &mut Source, link: &'l Link) -> Option<Cow<'l, str>> {
    if link.url.trim().is_empty() {
        return all_liquid(site, source, link).map(Cow::Owned);
    }
    let Some(start) = source.find(link) else {
        return Some(Cow::Borrowed(&link.url));
    };
    let end = start + link.url.len();
    let rest = &source.text.as_bytes()[end..];
    if rest.starts_with(b"{{") || rest.starts_with(b"{%") {
        return None;
    }
    let tokens = liquid_before(source.text, start);
    if tokens.is_empty() {
        return Some(Cow::Borrowed(&link.url));
    }
    let mut url = String::new();
    for token in tokens {
        url.push_str(&liquid_value(site, source.page, token)?);
    }
    url.push_str(&link.url);
    Some(Cow::Owned(url))
}

/// The destination of an inline link written wholly in Liquid
/// (`[a]({{ "/about/" | relative_url }})`), which the parsed link has as
/// blank: read from the link's source; `None` when it is anything else.
fn all_liquid(site: &Site, source: &Source, link: &Link) -> Option<String> {
    let written = source.text.get(link.span.clone())?;
    let inside = written.strip_suffix(')')?;
    let (_, destination) = inside.rsplit_once("](")?;
    let mut rest = destination.trim();
    if rest.is_empty() {
        return None;
    }
    let mut url = String::new();
    while !rest.is_empty() {
        let end = rest.strip_prefix("{{")?.find("}}")? + 4;
        url.push_str(&liquid_value(site, source.page, &rest[..end])?);
        rest = &rest[end..];
    }
    Some(url)
}

/// The Liquid tags and outputs written one after another right before byte
/// `end` of `text`, in order.
fn liquid_before(text: &str, mut end: usize) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    loop {
        let open: &[u8] = match bytes[..end].last_chunk::<2>() {
            Some(b"}}") => b"{{",
            Some(b"%}") => b"{%",
            _ => break,
        };
        let from = end.saturating_sub(LIQUID_LIMIT);
        let Some(at) = memchr::memmem::rfind(&bytes[from..end - 2], open) else {
            break;
        };
        found.push(&text[from + at..end]);
        end = from + at;
    }
    found.reverse();
    found
}

/// Where Jekyll writes a static file of the site at `file` when that is
/// not `file` itself (`x..png` is written as `x.png`).
fn renamed(file: &str) -> Option<String> {
    let markdown = file.ends_with(".md") || file.ends_with(".markdown");
    let (path, ext) = crate::urls::served_path(file);
    let served = format!("{path}{ext}");
    (!markdown && served != file).then_some(served)
}

/// Whether the site serves a file at `/{file}` though no source file is
/// there (as of `now`): Jekyll writes a collection's static files at the
/// collection's URL.
fn served(site: &SiteIndex, file: &str, now: jiff::Timestamp) -> bool {
    matches!(site.find(&format!("/{file}"), now), Found::Page(_))
}

/// A link to a site file (an image, a Markdown source) that is not there.
fn missing_file(site: &Site, span: Span, what: &str, file: &str) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        RULE.id,
        RULE.severity,
        span,
        format!("this {what} points to `{file}`, which is not a file of this site"),
    );
    let same_folder = file.rsplit_once('/').map_or("", |(dir, _)| dir);
    let near = closest(
        file,
        site.files
            .iter()
            .map(String::as_str)
            .filter(|f| f.rsplit_once('/').map_or("", |(dir, _)| dir) == same_folder),
    );
    match near {
        Some(near) => diagnostic.with_help(format!("did you mean `/{near}`?")),
        None => diagnostic.with_help("fix the path, or add the file"),
    }
}

/// A link to a page URL the site does not build, or builds but does not
/// publish; `None` when the URL is fine or may come from a plugin the site
/// loads and prepress cannot see into; pages as of `now`.
fn missing_url(
    site: &SiteIndex,
    now: jiff::Timestamp,
    span: Span,
    what: &str,
    url: &str,
) -> Option<Diagnostic> {
    let diagnostic = match site.find(url, now) {
        Found::Page(_) | Found::Provided => return None,
        Found::Hidden(page) => {
            let why = match page.hidden {
                Some(Hidden::Future) => "it is dated in the future",
                Some(Hidden::NoOutput) => "its collection has no `output: true`",
                _ => "it has `published: false`",
            };
            return Some(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    span,
                    format!(
                        "this {what} points to `{url}`, the page of `{}`, which Jekyll will not publish: {why}",
                        page.source
                    ),
                )
                .with_help("publish that page, or link somewhere else"),
            );
        }
        Found::Maybe(source) => Diagnostic::new(
            RULE.id,
            RULE.severity,
            span,
            format!(
                "this {what} points to `{url}`, which no file of this site builds; `{source}` may generate it"
            ),
        )
        .with_severity(Severity::Info),
        Found::Missing => Diagnostic::new(
            RULE.id,
            RULE.severity,
            span,
            format!("this {what} points to `{url}`, which is not a page of this site"),
        ),
    };
    Some(match site.urls(now).closest(url) {
        Some(near) => diagnostic.with_help(format!("did you mean `{near}`?")),
        None => diagnostic.with_help("fix the URL, or add the page"),
    })
}

/// What a link names inside the site.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A file by its path from the site root: a static file by site path, or
    /// a Markdown source by relative path.
    File(String),
    /// A site URL, from `/`, of a page or of a file Jekyll builds.
    Url(String),
}

/// What a link points to inside the site, when it is something the rule can
/// check.
fn target(url: &str, folder: &str, baseurl: &str) -> Option<Target> {
    let url = url.trim();
    if url.is_empty() || url.starts_with(['#', '?']) || url.starts_with("//") || url.contains(':') {
        return None;
    }
    let path = url.split(['?', '#']).next()?;
    let path = decode(path);
    let ext = path
        .rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    let markdown = matches!(ext.as_deref(), Some("md" | "markdown"));
    let file = markdown || ext.as_deref().is_some_and(|e| STATIC.contains(&e));
    match path.strip_prefix('/') {
        Some(absolute) => {
            let base = baseurl.trim_start_matches('/');
            let inside = match absolute.strip_prefix(base).filter(|_| !base.is_empty()) {
                Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                    rest.trim_start_matches('/')
                }
                _ => absolute,
            };
            let normal = normalize(inside)?;
            Some(if file {
                Target::File(normal)
            } else {
                let slash = if inside.ends_with('/') && !normal.is_empty() {
                    "/"
                } else {
                    ""
                };
                Target::Url(format!("/{normal}{slash}"))
            })
        }
        // A relative image in a post resolves against the post's URL, not its
        // file, so only relative Markdown sources can be checked.
        None if markdown => normalize(&format!("{folder}/{path}")).map(Target::File),
        None => None,
    }
}

/// Resolves `.` and `..` segments; `None` when the path climbs out of the site.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// Decodes `%20`-style escapes; invalid ones are kept as written.
fn decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(high), Some(low)) = (
                bytes.get(i + 1).and_then(|b| hex(*b)),
                bytes.get(i + 2).and_then(|b| hex(*b)),
            )
        {
            out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run_in_site;
    use crate::site::Site;

    #[test]
    fn targets_of_the_links_it_checks() {
        let file = |f: &str| Some(Target::File(f.into()));
        let url = |u: &str| Some(Target::Url(u.into()));
        assert_eq!(target("/assets/a.png", "_posts", ""), file("assets/a.png"));
        assert_eq!(
            target("/blog/assets/a.png?v=2#x", "_posts", "/blog"),
            file("assets/a.png")
        );
        assert_eq!(
            target("../kitchen/2023-01-01-a.md", "_posts/engineering", ""),
            file("_posts/kitchen/2023-01-01-a.md")
        );
        assert_eq!(
            target("/files/My%20Talk.pdf", "", ""),
            file("files/My Talk.pdf")
        );
        assert_eq!(target("/about/", "_posts", ""), url("/about/"));
        assert_eq!(target("/blog/about#team", "_posts", "/blog"), url("/about"));
        assert_eq!(target("/feed.xml", "_posts", ""), url("/feed.xml"));
        assert_eq!(target("/", "_posts", ""), url("/"));
        for link in [
            "https://x.com/a.png",
            "mailto:a@b.c",
            "#top",
            "img/a.png",
            "../../../x.md",
            "/../x/",
            "//cdn.x/a.png",
        ] {
            assert_eq!(target(link, "_posts", ""), None, "{link}");
        }
    }

    #[test]
    fn reports_a_missing_file_with_the_closest_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut site = Site {
            root: dir.path().to_path_buf(),
            ..Site::default()
        };
        site.files.insert("assets/img/team-photo.jpg".into());
        site.files.insert("_posts/2024-01-01-a.md".into());
        let text = "---\ntitle: x\n---\n![Team](/assets/img/team-phto.jpg) and [ok](/assets/img/team-photo.jpg)\n";
        let path = dir.path().join("_posts/2024-01-01-a.md");
        let found = run_in_site(&site, &RULE, path.to_str().unwrap(), text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "/assets/img/team-phto.jpg");
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean `/assets/img/team-photo.jpg`?")
        );
    }

    /// A site in a temporary folder with one post, `config` as its
    /// `_config.yml` and `files` beside it, loaded as a run loads it.
    fn site_with(config: &str, files: &[&str]) -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| crate::test_files::write(dir.path(), path, text);
        write("_config.yml", config);
        write("_posts/2024-01-01-a.md", "---\n---\n");
        for file in files {
            write(file, "x");
        }
        let site = Site::load(dir.path(), &[]);
        (dir, site)
    }

    /// The destinations `body` links to that the rule reports, in `site`.
    fn reported(dir: &tempfile::TempDir, site: &Site, body: &str) -> Vec<String> {
        reported_with(dir, site, "title: x\n", body)
    }

    #[test]
    fn reads_site_settings_written_into_a_destination() {
        let (dir, site) = site_with(
            "repository: https://github.com/owner/repo\ndocs: /handbook\nversion: 4.3\n",
            &["handbook/setup.png"],
        );
        // The setting is a URL of another site: an external link.
        for body in [
            "[#7]({{ site.repository }}/issues/7)\n",
            "[#7]({{site.repository}}/issues/7)\n",
            "[#7]({{- site.repository -}}/issues/7)\n",
            "[#7]({{ site.repository\n}}/issues/7)\n",
            "See [#8][] and [the list][issues].\n\n[#8]: {{ site.repository }}/issues/8\n[issues]: {{ site.repository }}/issues \"All\"\n",
        ] {
            assert_eq!(reported(&dir, &site, body), Vec::<String>::new(), "{body}");
        }
        // A setting that is a path is read into the link and checked.
        assert_eq!(
            reported(
                &dir,
                &site,
                "![a]({{ site.docs }}/setup.png) ![b]({{ site.docs }}/setpu.png)\n"
            ),
            ["this image points to `handbook/setpu.png`, which is not a file of this site"]
        );
    }

    /// The messages the rule gives for `body` under `front_matter`.
    fn reported_with(
        dir: &tempfile::TempDir,
        site: &Site,
        front_matter: &str,
        body: &str,
    ) -> Vec<String> {
        let text = format!("---\n{front_matter}---\n{body}");
        let path = dir.path().join("_posts/2024-01-01-a.md");
        run_in_site(site, &RULE, path.to_str().unwrap(), &text)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn reads_page_settings_written_into_a_destination() {
        let (dir, site) = site_with("title: x\n", &["handbook/setup.png"]);
        let front_matter =
            "repo: https://github.com/owner/repo\ndocs: /handbook\ncount: 3\nurl: /handbook\n";
        for body in [
            "[#7]({{ page.repo }}/issues/7)\n",
            "![a]({{ page.docs }}/setup.png)\n",
            "![a]({{ page.docs | relative_url }}/setup.png)\n",
            // Not a string, not set, or worked out by Jekyll: left alone.
            "[a]({{ page.count }}/x.png)\n",
            "[a]({{ page.unset }}/x.png)\n",
            "[a]({{ page.url }}/x.png)\n",
        ] {
            assert_eq!(
                reported_with(&dir, &site, front_matter, body),
                Vec::<String>::new(),
                "{body}"
            );
        }
        assert_eq!(
            reported_with(
                &dir,
                &site,
                front_matter,
                "![a]({{ page.docs }}/setpu.png)\n"
            ),
            ["this image points to `handbook/setpu.png`, which is not a file of this site"]
        );
    }

    #[test]
    fn checks_paths_given_to_the_url_filters() {
        let (dir, site) = site_with("baseurl: /blog\n", &["about.md", "img/a.png"]);
        let missing =
            |url: &str| format!("this link points to `{url}`, which is not a page of this site");
        for body in [
            "[a]({{ \"/gone/\" | relative_url }})\n",
            "[a]({{ '/gone/' | absolute_url }})\n",
            "[a]({{ \"gone/\" | relative_url }})\n",
            "[a]({{\"/gone/\"|relative_url}})\n",
            "[a]({{ \"/gone/\" | relative_url }}#team)\n",
        ] {
            assert_eq!(reported(&dir, &site, body), [missing("/gone/")], "{body}");
        }
        for body in [
            "[a]({{ \"/about/\" | relative_url }})\n",
            "[a]({{ '/about' | absolute_url }})\n",
            "![a]({{ \"/img/a.png\" | relative_url }})\n",
            "[a]({{ \"https://example.org/gone/\" | absolute_url }})\n",
            // Other filters: only the build knows.
            "[a]({{ \"/gone/\" | append: \"x\" }})\n",
            "[a]({{ \"/gone/\" | relative_url | downcase }})\n",
            "[a]({{ post.url | relative_url }})\n",
        ] {
            assert_eq!(reported(&dir, &site, body), Vec::<String>::new(), "{body}");
        }
        assert_eq!(
            reported(&dir, &site, "![a]({{ \"/img/b.png\" | relative_url }})\n"),
            ["this image points to `img/b.png`, which is not a file of this site"]
        );
    }

    #[test]
    fn leaves_destinations_with_other_liquid_alone() {
        let (dir, site) = site_with(
            "repository: https://github.com/owner/repo\nversion: 4.3\n",
            &[],
        );
        for body in [
            "[a]({{ page.repo }}/issues/7)\n",
            "[a]({{ site.unset }}/issues/7)\n",
            "[a]({{ site.version }}/notes/)\n",
            "[a]({{ site.repository | remove: 'https://github.com' }}/issues/7)\n",
            "[a]({{ site.baseurl | append: '/v2' }}/intro/)\n",
            "[a]({{ site.baseurl }}{{ post.url }}/extra/)\n",
            "[a]({% link about.md %}/extra/)\n",
            "[a](/tags/{{ tag | slugify }})\n",
            "[a][t]\n\n[t]: /tags/{{ tag }}\n",
        ] {
            assert_eq!(reported(&dir, &site, body), Vec::<String>::new(), "{body}");
        }
    }

    #[test]
    fn the_sites_own_prefix_still_reads_as_the_site() {
        let (dir, site) = site_with("url: https://example.org\nbaseurl: /blog\n", &[]);
        let missing =
            |url: &str| format!("this link points to `{url}`, which is not a page of this site");
        for body in [
            "[a]({{ site.baseurl }}/gone/)\n",
            "[a]({{ site.url }}{{ site.baseurl }}/gone/)\n",
            "[a]({{ site.baseurl | prepend: site.url }}/gone/)\n",
            "[a][g]\n\n[g]: {{ site.baseurl }}/gone/\n",
            "[a](/gone/)\n",
        ] {
            assert_eq!(reported(&dir, &site, body), [missing("/gone/")], "{body}");
        }
    }

    #[test]
    fn files_are_found_where_jekyll_writes_them() {
        // Jekyll 4.3.1 writes `assets/x..png` as `assets/x.png`.
        let (dir, site) = site_with("title: x\n", &["assets/x..png", "assets/y.png"]);
        assert_eq!(
            reported(&dir, &site, "![a](/assets/x.png) ![b](/assets/y.png)\n"),
            Vec::<String>::new()
        );
        assert_eq!(
            reported(&dir, &site, "![a](/assets/x..png)\n"),
            ["this image points to `assets/x..png`, which Jekyll writes as `assets/x.png`"]
        );
    }

    #[test]
    fn a_collections_static_files_are_found_at_its_url() {
        let config = "collections:\n  principles:\n    output: true\n    permalink: /partnership-principles/:path/\n  notes:\n    output: false\n";
        let (dir, site) = site_with(config, &["_principles/guide.pdf", "_notes/memo.pdf"]);
        assert_eq!(
            reported(
                &dir,
                &site,
                "[pdf]({{ site.baseurl }}/partnership-principles/guide.pdf)\n"
            ),
            Vec::<String>::new()
        );
        for (link, file) in [
            (
                "/partnership-principles/gide.pdf",
                "partnership-principles/gide.pdf",
            ),
            // A collection without `output: true` writes none of its files.
            ("/notes/memo.pdf", "notes/memo.pdf"),
        ] {
            assert_eq!(
                reported(&dir, &site, &format!("[pdf]({link})\n")),
                [format!(
                    "this link points to `{file}`, which is not a file of this site"
                )]
            );
        }
    }
}
