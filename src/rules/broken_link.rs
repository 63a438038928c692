//! `broken-link`: a link or image to a file of the site that does not exist.

use super::{Context, FixAvailability, Rule};
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;

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
    summary: "A link or image points inside the site to a file that does not exist",
    explanation: "\
## What it does
Checks Markdown links and images that point inside the site: site-absolute
paths (`/assets/img/x.png`, also after `{{ site.baseurl }}` and the site's
`baseurl`) and relative links to Markdown sources (`../about.md`, which the
jekyll-relative-links plugin, on by default on GitHub Pages, turns into page
URLs). Only files the site serves as they are (images, PDFs, audio, video,
archives, fonts, documents) and Markdown sources are checked; URLs of pages
Jekyll generates cannot be checked against source files and are left alone, as
are external links.

## Why is this bad?
A missing image shows as a broken icon; a missing download is a 404. Renaming
or moving an asset breaks every post that used it, silently.

## How to fix
Fix the path; the help names the closest existing file.

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
    let Some(relative) = site.relative(&doc.path) else {
        return;
    };
    let folder = relative.rsplit_once('/').map_or("", |(dir, _)| dir);
    for link in &body.links {
        let Some(target) = target(&link.url, folder, &site.baseurl) else {
            continue;
        };
        if site.files.contains(&target) {
            continue;
        }
        let what = if link.image { "image" } else { "link" };
        let diagnostic = Diagnostic::new(
            &RULE,
            link.span.clone(),
            format!("this {what} points to `{target}`, which is not a file of this site"),
        );
        let same_folder = target.rsplit_once('/').map_or("", |(dir, _)| dir);
        let near = closest(
            &target,
            site.files
                .iter()
                .map(String::as_str)
                .filter(|f| f.rsplit_once('/').map_or("", |(dir, _)| dir) == same_folder),
        );
        out.push(match near {
            Some(near) => diagnostic.with_help(format!("did you mean `/{near}`?")),
            None => diagnostic.with_help("fix the path, or add the file"),
        });
    }
}

/// The site file a link names, relative to the site root, when it is one the
/// rule checks: a static file by site path, or a Markdown source.
fn target(url: &str, folder: &str, baseurl: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() || url.starts_with(['#', '?']) || url.starts_with("//") || url.contains(':') {
        return None;
    }
    let path = url.split(['?', '#']).next()?;
    let path = decode(path);
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    let markdown = matches!(ext.as_str(), "md" | "markdown");
    if !markdown && !STATIC.contains(&ext.as_str()) {
        return None;
    }
    let joined = match path.strip_prefix('/') {
        Some(absolute) => {
            let base = baseurl.trim_start_matches('/');
            match absolute.strip_prefix(base).filter(|_| !base.is_empty()) {
                Some(rest) => rest.trim_start_matches('/').to_string(),
                None => absolute.to_string(),
            }
        }
        // A relative image in a post resolves against the post's URL, not its
        // file, so only relative Markdown sources can be checked.
        None if markdown => format!("{folder}/{path}"),
        None => return None,
    };
    normalize(&joined)
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
        assert_eq!(
            target("/assets/a.png", "_posts", ""),
            Some("assets/a.png".into())
        );
        assert_eq!(
            target("/blog/assets/a.png?v=2#x", "_posts", "/blog"),
            Some("assets/a.png".into())
        );
        assert_eq!(
            target("../kitchen/2023-01-01-a.md", "_posts/engineering", ""),
            Some("_posts/kitchen/2023-01-01-a.md".into())
        );
        assert_eq!(
            target("/files/My%20Talk.pdf", "", ""),
            Some("files/My Talk.pdf".into())
        );
        for url in [
            "https://x.com/a.png",
            "mailto:a@b.c",
            "#top",
            "/about/",
            "/feed.xml",
            "/css/main.css",
            "img/a.png",
            "../../../x.md",
            "//cdn.x/a.png",
        ] {
            assert_eq!(target(url, "_posts", ""), None, "{url}");
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
        let text = "---\ntitle: x\n---\n![Team](/assets/img/team-phto.jpg) and [ok](/assets/img/team-photo.jpg) and [page](/about/)\n";
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
