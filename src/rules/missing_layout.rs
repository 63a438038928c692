//! `missing-layout`: a `layout:` naming no file in `_layouts/`.

use super::context::Context;
use super::readers::redirects;
use super::values::{Value, effective, is_null, label_default, value_or_key_span};
use crate::closest::closest;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::lookup;
use crate::rule::{FixAvailability, Rule};
use crate::site::Site;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "missing-layout",
    severity: Severity::Warning,
    summary: "`layout:` names a layout the site's `_layouts/` does not have",
    explanation: "\
## What it does
Checks a document's `layout:`, its own or the one the site's `defaults` give it,
against the site's layouts folder (`_layouts/`, or `layouts_dir`). With a theme,
the layout may come from the theme, so the finding is an info note, unless the
name is a typo away from one of the site's own layouts.

`layout: none` and a null layout ask for no layout, as Jekyll 4.3.1 reads them,
and are left alone: `none` means no layout everywhere (even when
`_layouts/none.html` exists); a null (`layout: null`, `~`, or nothing after the
colon) means no layout in a page, while a post or collection document keeps the
layout its `defaults` give, and that one is checked. `layout: \"\"` is
`empty-value`'s business.

A document Jekyll never renders in a layout is not checked: one with
`published: false` (or a null `published:`), and one with `redirect_to`, which
jekyll-redirect-from writes as a redirect page of its own.

## Why is this bad?
Jekyll warns \"Layout … requested in … does not exist\" in the build log and
renders the page without any layout: no header, no styles, no navigation.

## How to fix
Fix the name; the help names the closest layout.

## Example
```yaml
layout: psot   # reported: did you mean `post`?
```",
    fix: FixAvailability::Sometimes {
        applicability: Applicability::Unsafe,
        when: "when the help names a layout (the site's own layout closest to the \
               name, at most a third of its letters changed) and the name is written \
               in the document, not given by the site's `defaults`",
    },
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(site) = context.site else {
        return;
    };
    if null_in_a_page(site, doc) || !rendered(context, site, doc) {
        return;
    }
    let Some(value) = effective(context, doc, "layout") else {
        return;
    };
    let entry = value.entry();
    let Some(scalar) = entry.value.as_scalar().filter(|s| !s.is_blank()) else {
        return;
    };
    let name = scalar.value.trim();
    if name == "none" || site.layouts.contains(name) {
        return;
    }
    let (span, from) = match value {
        Value::Own(_) => (value_or_key_span(entry), String::new()),
        Value::Default(_) => (
            0..0,
            format!(" (set by the site's `defaults`, {})", site.origin(entry)),
        ),
    };
    let mut diagnostic = Diagnostic::new(
        RULE.id,
        RULE.severity,
        span.clone(),
        format!(
            "there is no layout `{name}` in `_layouts/`{from}; Jekyll renders this page without a layout"
        ),
    );
    if matches!(value, Value::Default(_)) {
        diagnostic = label_default(diagnostic, site, entry.value.span.clone());
    }
    let near = closest(name, site.layouts.iter().map(String::as_str));
    // With a theme, a missing layout may be the theme's, unless the name is one
    // typo away from the site's own.
    if let (Some(theme), None) = (&site.theme, near) {
        diagnostic.severity = Severity::Info;
        diagnostic.message = format!(
            "the layout `{name}` is not in this site; it must come from the theme `{theme}`"
        );
    }
    diagnostic = match near {
        Some(near) => {
            let plain = matches!(value, Value::Own(_)) && doc.text.get(span.clone()) == Some(name);
            let diagnostic = diagnostic.with_help(format!("did you mean `{near}`?"));
            if plain {
                diagnostic.with_fix(span, near, Applicability::Unsafe)
            } else {
                diagnostic
            }
        }
        None => diagnostic.with_help("add the layout to `_layouts/`, or fix the name"),
    };
    out.push(diagnostic);
}

/// Whether `doc` is a page whose own `layout` is null: Jekyll's renderer reads
/// a page's `layout` from the page when it writes one, so a null there is no
/// layout and the defaults are not looked up. A post or collection document
/// merges the defaults under its own values, where a null keeps the default.
fn null_in_a_page(site: &Site, doc: &Document) -> bool {
    let own = doc
        .front_matter
        .entries()
        .and_then(|entries| lookup(entries, "layout"));
    own.is_some_and(|entry| is_null(&entry.value)) && is_page(site, doc)
}

/// Whether Jekyll renders `doc` in its layout. It does not when `published`
/// is false or null (Jekyll's `fetch` sees a page's own value only, and a
/// post's or collection document's with the defaults merged in), nor when
/// `redirect_to` is set: jekyll-redirect-from then writes the page itself,
/// with its own `redirect` layout. Confirmed with Jekyll 4.3.1 and
/// jekyll-redirect-from 0.16.0.
fn rendered(context: &Context, site: &Site, doc: &Document) -> bool {
    let published = if is_page(site, doc) {
        doc.front_matter
            .entries()
            .and_then(|entries| lookup(entries, "published"))
    } else {
        effective(context, doc, "published").map(Value::entry)
    };
    let hidden = published.is_some_and(|entry| {
        entry
            .value
            .as_scalar()
            .is_some_and(|s| matches!(s.resolve(), Resolved::Null | Resolved::Bool(false)))
    });
    !hidden && !redirects(context, doc)
}

/// Whether `doc` is a page to Jekyll, rather than a post or a collection
/// document: the two take the site's defaults differently.
fn is_page(site: &Site, doc: &Document) -> bool {
    doc.relative()
        .is_some_and(|relative| site.kind_of(relative) == "pages")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run_in_site;
    use crate::site::Site;

    fn site() -> Site {
        let mut site = Site::default();
        site.layouts.insert("post".to_string());
        site.layouts.insert("page".to_string());
        site
    }

    #[test]
    fn reports_a_missing_layout_with_the_closest_name() {
        let text = "---\nlayout: psot\n---\n";
        let found = run_in_site(&site(), &RULE, "a.md", text);
        assert_eq!(&text[found[0].span.clone()], "psot");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `post`?"));
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.replacement.as_str()),
            Some("post")
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        for text in [
            "---\nlayout: post\n---\n",
            "---\nlayout: none\n---\n",
            "---\nlayout:\n---\n",
            "---\nlayout: null\n---\n",
            "---\ntitle: x\n---\nlayout: nope\n",
        ] {
            assert!(
                run_in_site(&site(), &RULE, "a.md", text).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn a_null_layout_is_none_in_a_page_and_the_default_in_a_post() {
        // As Jekyll 4.3.1 renders them: a page's own null wins over the
        // defaults, a post's null keeps the default's layout.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("_config.yml"),
            "defaults:\n  - scope: {path: \"\"}\n    values: {layout: wide}\n",
        )
        .unwrap();
        let site = Site::load(dir.path(), &[]);
        let path = |rel: &str| dir.path().join(rel).to_string_lossy().into_owned();
        for text in ["---\nlayout: null\n---\n", "---\nlayout:\n---\n"] {
            let page = run_in_site(&site, &RULE, &path("about.md"), text);
            assert!(page.is_empty(), "{page:?}");
            let post = run_in_site(&site, &RULE, &path("_posts/2024-01-01-a.md"), text);
            assert_eq!(post.len(), 1, "{text}");
            assert!(post[0].message.starts_with("there is no layout `wide`"));
        }
        let page = run_in_site(&site, &RULE, &path("about.md"), "---\ntitle: x\n---\n");
        assert_eq!(page.len(), 1);
    }

    #[test]
    fn documents_jekyll_does_not_render_in_a_layout_are_left_alone() {
        for text in [
            "---\nlayout: nope\npublished: false\n---\n",
            "---\nlayout: nope\npublished: no\n---\n",
            "---\nlayout: nope\npublished:\n---\n",
            "---\nlayout: nope\nredirect_to: https://example.com/\n---\n",
            "---\nlayout: nope\nredirect_to: /new/\n---\n",
            "---\nlayout: nope\nredirect_to: [~, /new/]\n---\n",
        ] {
            for path in ["a.md", "_posts/2024-01-01-a.md"] {
                let found = run_in_site(&site(), &RULE, path, text);
                assert!(found.is_empty(), "{path} {text} {found:?}");
            }
        }
        for text in [
            "---\nlayout: nope\npublished: \"false\"\n---\n",
            "---\nlayout: nope\npublished: true\n---\n",
            "---\nlayout: nope\nredirect_to:\n---\n",
            "---\nlayout: nope\nredirect_to: false\n---\n",
            "---\nlayout: nope\nredirect_to: [~]\n---\n",
            "---\nlayout: nope\nredirect_from: /old/\n---\n",
        ] {
            assert_eq!(run_in_site(&site(), &RULE, "a.md", text).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_default_unpublishes_a_post_but_not_a_page() {
        // Jekyll 4.3.1 builds a page whose `published: false` comes from the
        // defaults (its `fetch` does not look defaults up for pages), and
        // skips such a post.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("_config.yml"),
            "defaults:\n  - scope: {path: \"\"}\n    values: {published: false}\n",
        )
        .unwrap();
        let site = Site::load(dir.path(), &[]);
        let path = |rel: &str| dir.path().join(rel).to_string_lossy().into_owned();
        let text = "---\nlayout: nope\n---\n";
        assert_eq!(run_in_site(&site, &RULE, &path("about.md"), text).len(), 1);
        let post = run_in_site(&site, &RULE, &path("_posts/2024-01-01-a.md"), text);
        assert!(post.is_empty(), "{post:?}");
        let shown = "---\nlayout: nope\npublished: true\n---\n";
        let post = run_in_site(&site, &RULE, &path("_posts/2024-01-01-a.md"), shown);
        assert_eq!(post.len(), 1);
    }
}
