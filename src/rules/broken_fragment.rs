//! `broken-fragment`: a link to `#id` that names no heading or anchor of the
//! post it points to: the same post, or another post or page of the site.

use super::context::Context;
use super::liquid_urls::liquid_value;
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::tree::Entry;
use crate::jekyll_names::POSTS;
use crate::rule::{FixAvailability, Rule};
use crate::site_index::SiteIndex;
use crate::urls::Found;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "broken-fragment",
    severity: Severity::Warning,
    summary: "A link to `#id` names no heading or anchor of the post it points to",
    explanation: "\
## What it does
Checks each link (inline, or a link definition's destination) to a fragment
of the same post, `[setup](#set-up)`, or of
another post or page of the site (`/docs/setup/#install`,
`{% post_url 2024-01-10-launch %}#install`, `{% link docs/setup.md %}#install`,
`{{ site.baseurl }}/docs/setup/#install`, `{{ \"/docs/setup/\" | relative_url }}#install`),
against the ids that post has once kramdown renders it as Jekyll runs it (GFM input,
`auto_ids` on): each heading's id, made as kramdown makes it (`## Set Up the
Server` is `set-up-the-server`; a heading met again gets `-1`, `-2`; a
trailing `{#id}` sets it), ids set by attribute lists (`{: #id}`), `id=` and
`name=` in HTML, footnotes' `fn:` and `fnref:` ids, and `#top`. The ids are
checked against kramdown itself (`.ci/kramdown-oracle`). The page another
link points to is found by its URL as Jekyll builds it (see `broken-link`,
which reports a page that does not exist) and its Markdown source is read
once per run. A post whose headings hold Liquid, an include, a post that
includes others (`{% include %}`, which may print anchors), and pages that
are not Markdown are skipped.

## Why is this bad?
A fragment that names no id takes the reader to the top of the page instead of
the section the text promises. Headings are renamed; links to them are not.

## How to fix
Link to the heading's id; the help names the closest one.

## Example
```markdown
Jump to [the setup](#set-up).     reported: the heading's id is `setup`
See [the notes](/docs/setup/#note). reported when that page's heading is `## Notes`

## Setup
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(body) = doc.body() else {
        return;
    };
    let markdown = &body.markdown;
    let own = (doc.role != Role::Include && doc.liquid_targets("include").next().is_none())
        .then(|| markdown.ids())
        .flatten();
    let page = doc.front_matter.entries().unwrap_or_default();
    let inline = markdown.links.iter().filter_map(|link| link.destination.clone());
    let defined = markdown
        .references
        .definitions
        .iter()
        .filter(|d| !d.footnote)
        .filter_map(|d| defined_destination(&doc.text, &d.span));
    for destination in inline.chain(defined) {
        let written = &doc.text[destination.clone()];
        let Some((path, fragment)) = written.trim().split_once('#') else {
            continue;
        };
        let fragment = decoded(fragment);
        if fragment.is_empty() || fragment.eq_ignore_ascii_case("top") {
            continue;
        }
        let hash = destination.start + written.find('#').unwrap_or(0);
        let span = hash..destination.start + written.trim_end().len();
        if path.is_empty() {
            let Some(ids) = &own else {
                continue;
            };
            if !ids.contains(&fragment.as_str()) {
                out.push(broken(span, "this post", &fragment, ids.iter().copied()));
            }
            continue;
        }
        let Some(site) = context.site else {
            continue;
        };
        let Some(source) = source(site, page, context.now, path) else {
            continue;
        };
        let Some(ids) = site.ids(&source) else {
            continue;
        };
        if !ids.contains(&fragment) {
            let whose = format!("`{source}`");
            out.push(broken(span, &whose, &fragment, ids.iter().map(String::as_str)));
        }
    }
}

/// The finding for `#fragment` at `span`, which `whose` (the post, or
/// another file) has no id for, with the closest of its `ids` as help.
fn broken<'a>(
    span: std::ops::Range<usize>,
    whose: &str,
    fragment: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        RULE.id,
        RULE.severity,
        span,
        format!("{whose} has no heading or anchor with the id `{fragment}`"),
    );
    match closest(fragment, ids) {
        Some(near) => diagnostic.with_help(format!("did you mean `#{near}`?")),
        None => diagnostic,
    }
}

/// The site file a link's path (what comes before its `#`) names: a
/// `{% post_url NAME %}` or `{% link PATH %}` tag, or a site URL, possibly
/// after `{{ site.baseurl }}` or through `relative_url`, that a page of the
/// site is built at (a published one or not: `broken-link` says so).
fn source(site: &SiteIndex, page: &[Entry], now: jiff::Timestamp, path: &str) -> Option<String> {
    let path = path.trim();
    if let Some(tag) = path.strip_prefix("{%") {
        let inside = tag.strip_suffix("%}")?.trim_matches('-');
        let mut words = inside.split_whitespace();
        let (name, argument) = (words.next()?, words.next()?);
        if words.next().is_some() {
            return None;
        }
        return match name {
            "post_url" => post_file(site, argument),
            "link" => site.files.contains(argument).then(|| argument.to_string()),
            _ => None,
        };
    }
    let mut url = String::new();
    let mut rest = path;
    while rest.starts_with("{{") {
        let end = rest.find("}}")? + 2;
        url.push_str(&liquid_value(site, page, &rest[..end])?);
        rest = &rest[end..];
    }
    if rest.contains(['{', '}']) {
        return None;
    }
    url.push_str(rest);
    let url = url.split('?').next()?;
    if !url.starts_with('/') || url.starts_with("//") {
        return None;
    }
    let base = site.baseurl.trim_end_matches('/');
    let url = match url.strip_prefix(base).filter(|_| !base.is_empty()) {
        Some(inside) if inside.is_empty() || inside.starts_with('/') => inside,
        _ => url,
    };
    match site.find(url, now) {
        Found::Page(page) | Found::Hidden(page) => Some(page.source),
        _ => None,
    }
}

/// Where the destination of the link definition written at `span`
/// (`[label]: /docs/#id "Title"`) is: inside `<…>`, or up to the first
/// space outside Liquid.
fn defined_destination(text: &str, span: &std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let line = text.get(span.clone())?;
    let after = line.find("]:")? + 2;
    let rest = &line[after..];
    let start = after + (rest.len() - rest.trim_start().len());
    let value = &line[start..];
    if let Some(inside) = value.strip_prefix('<') {
        let end = inside.find('>')?;
        return Some(span.start + start + 1..span.start + start + 1 + end);
    }
    let mut depth = 0usize;
    let mut end = value.len();
    for (at, c) in value.char_indices() {
        match c {
            '{' if value[at + 1..].starts_with(['{', '%']) => depth += 1,
            '}' if value[..at].ends_with(['}', '%']) => depth = depth.saturating_sub(1),
            c if c.is_whitespace() && depth == 0 => {
                end = at;
                break;
            }
            _ => {}
        }
    }
    (end > 0).then(|| span.start + start..span.start + start + end)
}

/// The file of the post `{% post_url name %}` names: `name` is its path
/// below a `_posts` folder without the extension, or only its file name.
fn post_file(site: &SiteIndex, name: &str) -> Option<String> {
    let posts = format!("{POSTS}/");
    site.files
        .iter()
        .filter(|file| {
            let Some(at) = file.find(&posts) else {
                return false;
            };
            let below = &file[at + posts.len()..];
            let stem = below.rsplit_once('.').map_or(below, |(stem, _)| stem);
            stem == name || stem.rsplit_once('/').is_some_and(|(_, last)| last == name)
        })
        .min()
        .cloned()
}

/// A fragment with its `%XX` escapes decoded, as a browser matches it with
/// ids; as written when the escapes do not make UTF-8.
fn decoded(fragment: &str) -> String {
    let bytes = fragment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| fragment.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, run_in_site, spans};
    use crate::site::Site;

    #[test]
    fn reports_a_fragment_no_heading_has_with_the_closest_id() {
        let text = "---\ntitle: x\n---\nJump to [the setup](#set-up).\n\n## Setup\n";
        let found = run(&RULE, "a.md", text);
        assert_eq!(&text[found[0].span.clone()], "#set-up");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `#setup`?"));
    }

    #[test]
    fn ids_are_kramdowns() {
        let text = "---\ntitle: x\n---\n[a](#notes-1) [b](#step-2-deploy) [c](#café) [d](#caf%C3%A9) \
                    [e](#before--after) [f](#mine) [g](#old-name) [h](#fn:1) [i](#top) [j](#para)\n\n\
                    ## Notes\n\n## Notes\n\n## Step 2: Deploy!\n\n## Café\n\n## Before -- after\n\n\
                    ## Renamed {#mine}\n\n<a name=\"old-name\"></a>\n\nText[^1].\n{: #para}\n\n[^1]: N.\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }

    #[test]
    fn link_definitions_are_checked_too() {
        let text = "---\ntitle: x\n---\nSee [a][] and [b][].\n\n## Setup\n\n[a]: #set-up \"Title\"\n[b]: <#setup>\n";
        let found = run(&RULE, "a.md", text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "#set-up");
    }

    #[test]
    fn repeats_and_case_are_told_apart() {
        let text = "---\ntitle: x\n---\n[a](#notes-2) [b](#Notes)\n\n## Notes\n\n## Notes\n";
        assert_eq!(spans(&RULE, "a.md", text), ["#notes-2", "#Notes"]);
    }

    #[test]
    fn liquid_in_a_heading_or_an_include_leaves_the_ids_unknown() {
        let liquid = "---\ntitle: x\n---\n[a](#v2)\n\n## Version {{ site.version }}\n";
        assert!(spans(&RULE, "a.md", liquid).is_empty());
        let include = "---\ntitle: x\n---\n[a](#toc)\n\n{% include toc.html %}\n";
        assert!(spans(&RULE, "a.md", include).is_empty());
    }

    /// A site in a temporary folder: `_config.yml` and `files` (path, text),
    /// loaded as a run loads it.
    fn site_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let site = Site::load(dir.path(), &[]);
        (dir, site)
    }

    /// The flagged text and help of each finding on a post whose body is `body`.
    fn found_in(dir: &tempfile::TempDir, site: &Site, body: &str) -> Vec<(String, String)> {
        let text = format!("---\ntitle: x\n---\n{body}");
        let path = dir.path().join("_posts/2024-05-01-from.md");
        run_in_site(site, &RULE, path.to_str().unwrap(), &text)
            .into_iter()
            .map(|d| (text[d.span].to_string(), d.help.unwrap_or_default()))
            .collect()
    }

    const GUIDE: &str = "---\ntitle: Guide\n---\n## Set Up the Server\n\n## Notes\n\n## Notes\n\n## 3.8.6 / 2024\n{: #v3-8-6}\n";

    #[test]
    fn links_into_other_posts_and_pages_are_checked_against_their_ids() {
        let (dir, site) = site_with(&[
            ("_config.yml", "baseurl: /blog\n"),
            ("_posts/2024-01-10-guide.md", GUIDE),
            ("docs/guide.md", GUIDE),
            ("_posts/2024-05-01-from.md", ""),
        ]);
        let body = "[a](/blog/2024/01/10/guide.html#set-up-the-server) [j][] \
                    [b]({% post_url 2024-01-10-guide %}#notes-1) \
                    [c]({{ site.baseurl }}/docs/guide/#v3-8-6) \
                    [d]({{ \"/docs/guide/\" | relative_url }}#notes) \
                    [e]({% link docs/guide.md %}#top) [f](/blog/docs/guide/#)\n\n\
                    [g]({% post_url 2024-01-10-guide %}#set-up-the-sever) \
                    [h]({{ site.baseurl }}/docs/guide/#notes-2) \
                    [i]({% link docs/guide.md %}#v386)\n\n\
                    [j]: {{ site.baseurl }}/docs/guide/#nots \"The notes\"\n";
        let found = found_in(&dir, &site, body);
        let expected = [
            ("#set-up-the-sever", "did you mean `#set-up-the-server`?"),
            ("#notes-2", "did you mean `#notes-1`?"),
            ("#v386", "did you mean `#v3-8-6`?"),
            ("#nots", "did you mean `#notes`?"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(found, expected);
    }

    #[test]
    fn targets_whose_ids_are_unknown_are_left_alone() {
        let (dir, site) = site_with(&[
            ("_posts/2024-01-10-liquid.md", "---\n---\n## For {{ site.who }}\n"),
            ("_posts/2024-01-11-toc.md", "---\n---\n{% include toc.html %}\n## A\n"),
            ("about.html", "---\n---\n<h2 id=\"team\">Team</h2>\n"),
            ("_posts/2024-05-01-from.md", ""),
        ]);
        let body = "[a]({% post_url 2024-01-10-liquid %}#v2) [b]({% post_url 2024-01-11-toc %}#b) \
                    [c](/about/#people) [d](/nowhere/#x) [e](https://x.org/a/#b) \
                    [f]({{ page.other }}/#x) [g]({% post_url missing %}#x)\n";
        assert!(found_in(&dir, &site, body).is_empty());
    }

    #[test]
    fn code_is_not_read() {
        let text = "---\ntitle: x\n---\n`[a](#nowhere)`\n\n```\n[b](#nowhere)\n```\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }
}
