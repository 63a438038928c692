//! Who reads a front matter key of a document, so that its value shows.
//!
//! A value matters only where something reads it: Jekyll itself, a plugin
//! the site enables, the site's theme, or one of its templates (see
//! [`crate::templates::Reads`]). Only a page Jekyll writes in its layout has
//! a `page` for layouts and plugins to read; the documents of a collection
//! without `output: true`, and a page jekyll-redirect-from writes as a
//! redirect, are read only where a template loops over their collection. An
//! unpublished page counts as written: its values show once it is published.
//! `empty-value` and `string-tags` ask, to warn only where a slip shows.

use super::context::Context;
use super::values::{effective, is_null};
use crate::document::Document;
use crate::front_matter::resolve::Resolved;
use crate::front_matter::tree::NodeKind;

/// Why nothing reads `key` of `doc`, or `None` when something does (or may,
/// as when the document lies outside any site prepress knows).
pub(crate) fn unread(context: &Context, doc: &Document, key: &str) -> Option<String> {
    let site = context.site?;
    let relative = doc.relative()?;
    let kind = match site.kind_of(relative) {
        // A draft, when built, is one of `site.posts`.
        "drafts" => "posts",
        kind => kind,
    };
    let reads = site.reads();
    if reads.of_collection(kind, key).is_some() {
        return None;
    }
    let output = match kind {
        "posts" | "pages" => true,
        name => site.collections.iter().any(|c| c.name == name && c.output),
    };
    if !output {
        return Some(format!(
            "the `{kind}` collection has no pages (its `output` is not true), and no template reads `{key}` of its documents"
        ));
    }
    // An unpublished page still counts: its values show once it is published.
    if redirects(context, doc) {
        return Some(format!(
            "jekyll-redirect-from writes this page as a redirect (`redirect_to`), and no template reads `{key}` of its collection"
        ));
    }
    let post = kind == "posts";
    // Jekyll files posts under their tags and categories, takes a document's
    // `:categories` into its URL, and its `excerpt` as the excerpt.
    let jekyll = match key {
        "layout" | "permalink" => true,
        "tags" | "tag" => post,
        "categories" | "category" | "excerpt" => kind != "pages",
        _ => false,
    };
    let plugin = |name: &str| site.plugins.iter().any(|p| p == name);
    // Checked with Jekyll 4.3.1: for an empty value jekyll-seo-tag 2.8.0 gives
    // the post the site's title and description (an absent description gives
    // the excerpt) and an `og:image` of the site's root. It and jekyll-feed
    // 0.17.0 fall back from an empty `author` (and the feed from an empty
    // `description`) as from a missing one, so those are not counted.
    let seo = plugin("jekyll-seo-tag")
        && (reads.seo || site.theme.is_some())
        && matches!(key, "title" | "description" | "image");
    let feed = plugin("jekyll-feed")
        && post
        && matches!(key, "title" | "category" | "tags" | "excerpt" | "image");
    if jekyll || seo || feed || site.theme.is_some() || reads.of_page(key).is_some() {
        return None;
    }
    Some(format!(
        "no layout, include, HTML page or enabled plugin reads `{key}`"
    ))
}

/// Whether `redirect_to` is set, so that jekyll-redirect-from writes `doc`
/// as a redirect page of its own, without the document's layout.
pub(crate) fn redirects(context: &Context, doc: &Document) -> bool {
    effective(context, doc, "redirect_to").is_some_and(|value| {
        let node = &value.entry().value;
        match &node.kind {
            NodeKind::Sequence(items) => items.iter().any(|item| !is_null(item)),
            _ => {
                !is_null(node)
                    && !node
                        .as_scalar()
                        .is_some_and(|s| s.resolve() == Resolved::Bool(false))
            }
        }
    })
}
