//! Whether a layout prints the page's title as a heading: `page.title`
//! inside an `<h1>` to `<h6>` element of the layout or of a layout it is
//! itself rendered in (its own `layout:`), so a `#` heading in the page
//! makes a second title. Only the site's own layouts are read; a theme's
//! are not, so they print no title as far as this knows.

use crate::document;
use crate::front_matter::FrontMatter;
use crate::front_matter::tree::lookup;
use crate::site::Site;

/// How many layouts up the chain are read: chains are short, and a layout
/// that names itself must not loop.
const DEPTH: usize = 8;

/// Whether the layout `name`, or one it is rendered in, prints the title
/// as a heading.
pub(crate) fn prints_title(site: &Site, name: &str) -> bool {
    let mut name = name.trim().to_string();
    for _ in 0..DEPTH {
        let Some(text) = layout_text(site, &name) else {
            return false;
        };
        if title_heading(&text) {
            return true;
        }
        let front_matter = FrontMatter::read(&text, true);
        let parent = front_matter
            .entries()
            .and_then(|entries| lookup(entries, "layout"))
            .and_then(|entry| entry.value.as_scalar())
            .map(|scalar| scalar.value.trim().to_string());
        match parent {
            Some(parent) if !parent.is_empty() && parent != name => name = parent,
            _ => return false,
        }
    }
    false
}

/// The text of the site's layout `name`, from its layouts folder.
fn layout_text(site: &Site, name: &str) -> Option<String> {
    let folder = format!("{}/", site.layouts_dir);
    let file = site.files.iter().find(|file| {
        file.strip_prefix(&folder)
            .and_then(|rest| rest.rsplit_once('.'))
            .is_some_and(|(stem, _)| stem == name)
    })?;
    document::load(&site.root.join(file)).ok()
}

/// Whether `template` has `page.title` inside a heading element.
fn title_heading(template: &str) -> bool {
    let lower = template.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("<h") {
        let after = &rest[at + 2..];
        let level = after.as_bytes().first().copied();
        let opens = matches!(level, Some(b'1'..=b'6'))
            && after[1..].starts_with(|c: char| c == '>' || c.is_whitespace());
        if !opens {
            rest = after;
            continue;
        }
        let close = format!("</h{}", after.as_bytes()[0] as char);
        let end = after.find(&close).unwrap_or(after.len());
        if names_title(&after[..end]) {
            return true;
        }
        rest = &after[end..];
    }
    false
}

/// Whether `markup` names `page.title` itself (not `page.title_rule`).
fn names_title(markup: &str) -> bool {
    markup.match_indices("page.title").any(|(at, found)| {
        !markup[at + found.len()..]
            .starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_in_a_heading_element_counts() {
        assert!(title_heading(
            "<article><h1 class=\"t\">{{ page.title }}</h1>"
        ));
        assert!(title_heading("<H2>\n  {{ page.title | escape }}\n</H2>"));
        assert!(title_heading(
            "<h2>{{ page.position }}. {{ page.title }}</h2>"
        ));
    }

    #[test]
    fn a_title_elsewhere_does_not() {
        for template in [
            "<title>{{ page.title }}</title>",
            "<meta property=\"og:title\" content=\"{{ page.title }}\">",
            "<header><h1>Blog</h1></header><p>{{ page.title }}</p>",
            "<hr>{{ page.title }}",
            "<img alt=\"{{ page.title }} logo\">",
            "<h1>{% if page.title_rule %}<hr>{% endif %}</h1>",
        ] {
            assert!(!title_heading(template), "{template}");
        }
    }

    #[test]
    fn the_chain_of_layouts_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| crate::test_files::write(dir.path(), path, text);
        write(
            "_layouts/default.html",
            "<html><h1>{{ page.title }}</h1>{{ content }}",
        );
        write(
            "_layouts/post.html",
            "---\nlayout: default\n---\n<article>{{ content }}</article>",
        );
        write(
            "_layouts/plain.html",
            "---\nlayout: plain\n---\n<title>{{ page.title }}</title>",
        );
        let site = Site::load(dir.path(), &[]);
        assert!(prints_title(&site, "post"));
        assert!(prints_title(&site, "default"));
        assert!(!prints_title(&site, "plain"));
        assert!(!prints_title(&site, "theme-layout"));
    }
}
