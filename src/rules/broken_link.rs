//! `broken-link`: a link or image to a file or page of the site that does not exist.

use super::{Context, FixAvailability, Rule};
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::document::{Document, Role};
use crate::site::Site;
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
pub static RULE: Rule = Rule {
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

Files the site serves as they are (images, PDFs, audio, video, archives,
fonts) must exist. Page URLs are matched against the URL of every page the
site builds, worked out as Jekyll does from `permalink` (the site's style,
a collection's, or a page's own), dates in the site's `timezone`,
categories, `redirect_from` and `paginate_path`; `/about`, `/about/` and
`/about.html` count as one page. A link to a page Jekyll reads but will not
publish (`published: false`, a future date, a collection without
`output: true`) is reported with the reason. When a plugin the site loads
may generate pages (anything but the common ones that do not, or a
`_plugins` folder), a URL no file builds is only an info note; feeds,
sitemaps and `robots.txt` are taken as provided. Relative links to anything
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
    check: Some(check),
};

fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let (Some(site), Some(body)) = (context.site, doc.body()) else {
        return;
    };
    let Some(relative) = doc.relative_to(site) else {
        return;
    };
    let folder = relative.rsplit_once('/').map_or("", |(dir, _)| dir);
    for link in &body.links {
        // A relative link in an include resolves against whichever page
        // includes it, not against the include's own folder.
        if doc.role == Role::Include && !link.url.trim_start().starts_with('/') {
            continue;
        }
        let what = if link.image { "image" } else { "link" };
        match target(&link.url, folder, &site.baseurl) {
            Some(Target::File(file)) if !site.files.contains(&file) => {
                out.push(missing_file(site, link.span.clone(), what, &file));
            }
            Some(Target::Url(url)) if !site.files.contains(&url[1..]) => {
                if let Some(diagnostic) = missing_url(site, link.span.clone(), what, &url) {
                    out.push(diagnostic);
                }
            }
            _ => {}
        }
    }
}

/// A link to a site file (an image, a Markdown source) that is not there.
fn missing_file(site: &Site, span: Span, what: &str, file: &str) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        &RULE,
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
/// loads and prepress cannot see into.
fn missing_url(site: &Site, span: Span, what: &str, url: &str) -> Option<Diagnostic> {
    let diagnostic = match crate::urls::find(site, url) {
        Found::Page(_) | Found::Provided => return None,
        Found::Hidden(page) => {
            let why = match page.hidden {
                Some(Hidden::Future) => "it is dated in the future",
                Some(Hidden::NoOutput) => "its collection has no `output: true`",
                _ => "it has `published: false`",
            };
            return Some(
                Diagnostic::new(
                    &RULE,
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
            &RULE,
            span,
            format!(
                "this {what} points to `{url}`, which no file of this site builds; `{source}` may generate it"
            ),
        )
        .with_severity(Severity::Info),
        Found::Missing => Diagnostic::new(
            &RULE,
            span,
            format!("this {what} points to `{url}`, which is not a page of this site"),
        ),
    };
    Some(match site.urls().closest(url) {
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
}
