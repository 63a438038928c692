//! `missing-author`: a post of a site where nothing gives it an author.

use super::context::Context;
use super::values::effective;
use crate::bylines::is_nothing;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::rule::{FixAvailability, Rule};

/// The fewest other posts that show a site's convention: with fewer, an
/// unsigned post is not against anything.
const FEWEST_OTHERS: usize = 5;

/// The share of the other posts (in twentieths) that must have an author
/// for the site's convention to be signing: at most one in twenty unsigned.
const SIGNED_TWENTIETHS: usize = 19;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "missing-author",
    severity: Severity::Warning,
    summary: "A post has no author, where nearly every other post of the site has one",
    explanation: "\
## What it does
Reports a post with no `author` (or `authors`) when neither the site's
`defaults` nor a site-wide `author:` in `_config.yml` gives it one, and the
site's convention is to sign posts: at least 5 other posts, and at least 19
in 20 of them have an author (in their front matter or through `defaults`;
an empty `author: \"\"` counts, as the site gives the key).
The message says how many do. It runs only inside a Jekyll site, where that
can be known.

## Why is this bad?
Themes show the author under the title, jekyll-seo-tag puts it in the page's
metadata for search engines and link previews, and jekyll-feed in the feed.
Where nearly every post is signed, one without an author is a template key
forgotten, and the byline comes out empty.

Many sites do not sign posts at all, or sign some and leave release notes and
official announcements unsigned on purpose, or name authors in a key of their
own that their layouts show (`by:`). There an unsigned post is not a slip, so
nothing is reported: the bar of 19 in 20 keeps a site's few deliberate
exceptions from being read as a convention broken. Where the bar is met the
finding stays a warning, not an info note, since it is then nearly always a
slip the owner fixes.

## How to fix
Add `author:` to the post, or give every post one with `defaults` in
`_config.yml` (or a site-wide `author:`).

## Example
```yaml
---
title: Release notes    # reported at the opening `---` when 40 of the site's
---                     # 40 other posts have an author and no default gives one
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(site) = context.site else {
        return;
    };
    // With a broken config nothing is known of the site's authors.
    if doc.role != Role::Post || site.author || !site.problems.is_empty() {
        return;
    }
    let Some(span) = doc.front_matter.anchor() else {
        return;
    };
    let given = ["author", "authors"]
        .iter()
        .any(|key| effective(context, doc, key).is_some_and(|v| !is_nothing(&v.entry().value)));
    if given {
        return;
    }
    let Some(relative) = doc.relative() else {
        return;
    };
    let (signed, others) = site.bylines().others(relative);
    if others < FEWEST_OTHERS || signed * 20 < others * SIGNED_TWENTIETHS {
        return;
    }
    out.push(
        Diagnostic::new(
            RULE.id,
            RULE.severity,
            span,
            format!("this post has no author, while {signed} of the site's {others} other posts have one"),
        )
        .with_help("add `author:` here, or give every post one with `defaults` in `_config.yml`"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, run_in_site};
    use crate::site::Site;

    const POST: &str = "_posts/2024-06-01-new.md";

    /// A site on disk with `config` and the posts `(name, front matter)`,
    /// and the findings on a post at `POST` with `front_matter`.
    fn check_in(config: &str, posts: &[(String, &str)], front_matter: &str) -> Vec<Diagnostic> {
        check_with_data(config, posts, front_matter, &[])
    }

    /// As [`check_in`], in a site that also holds the `data` files (name
    /// below `_data`, text).
    fn check_with_data(
        config: &str,
        posts: &[(String, &str)],
        front_matter: &str,
        data: &[(&str, &str)],
    ) -> Vec<Diagnostic> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("_posts")).unwrap();
        std::fs::create_dir_all(dir.path().join("_data")).unwrap();
        std::fs::write(dir.path().join("_config.yml"), config).unwrap();
        for (name, text) in data {
            std::fs::write(dir.path().join("_data").join(name), text).unwrap();
        }
        for (name, keys) in posts {
            let path = dir.path().join("_posts").join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, format!("---\n{keys}---\n")).unwrap();
        }
        let site = Site::load(dir.path(), &[]);
        let path = dir.path().join(POST);
        run_in_site(
            &site,
            &RULE,
            path.to_str().unwrap(),
            &format!("---\n{front_matter}---\n"),
        )
    }

    /// `signed` posts with an author and `unsigned` without, on other days.
    fn posts(signed: usize, unsigned: usize) -> Vec<(String, &'static str)> {
        (0..signed + unsigned)
            .map(|i| {
                let keys = if i < signed {
                    "author: priya\n"
                } else {
                    "title: x\n"
                };
                (format!("2024-01-{:02}-p{i}.md", i % 28 + 1), keys)
            })
            .collect()
    }

    #[test]
    fn reports_an_unsigned_post_where_the_site_signs_its_posts() {
        let found = check_in("title: x\n", &posts(5, 0), "title: x\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, 0..3);
        assert_eq!(
            found[0].message,
            "this post has no author, while 5 of the site's 5 other posts have one"
        );
        assert_eq!(check_in("title: x\n", &posts(5, 0), "author:\n").len(), 1);
        // One unsigned post in twenty is still the site's convention.
        assert_eq!(check_in("title: x\n", &posts(19, 1), "title: x\n").len(), 1);
        // Posts signed through `defaults` count.
        let defaults =
            "defaults:\n  - scope:\n      path: _posts/team\n    values:\n      author: team\n";
        let mut site = posts(1, 0);
        site.extend((1..=5).map(|i| (format!("team/2024-02-0{i}-t.md"), "title: x\n")));
        assert_eq!(check_in(defaults, &site, "title: x\n").len(), 1);
    }

    #[test]
    fn a_broken_data_file_does_not_hide_the_convention() {
        // Only a broken config leaves the site's authors unknown.
        let broken = [("comments.yml", "a: [b\n")];
        let found = check_with_data("title: x\n", &posts(5, 0), "title: x\n", &broken);
        assert_eq!(found.len(), 1);
        assert!(check_in("title: [x\n", &posts(5, 0), "title: x\n").is_empty());
    }

    #[test]
    fn stays_quiet_where_the_site_does_not_sign_its_posts() {
        for (signed, unsigned) in [(4, 0), (19, 2), (7, 300), (0, 0)] {
            assert!(
                check_in("title: x\n", &posts(signed, unsigned), "title: x\n").is_empty(),
                "{signed} signed, {unsigned} not"
            );
        }
        // Authors in a key of the site's own are not `author`.
        let by: Vec<(String, &str)> = (1..=9)
            .map(|i| (format!("2024-01-0{i}-p.md"), "by: Priya Raman\n"))
            .collect();
        assert!(check_in("title: x\n", &by, "title: x\n").is_empty());
    }

    #[test]
    fn near_misses_stay_quiet() {
        let site = posts(6, 0);
        for front_matter in ["author: priya\n", "authors: [priya]\n", "author: \"\"\n"] {
            assert!(
                check_in("title: x\n", &site, front_matter).is_empty(),
                "{front_matter}"
            );
        }
        assert!(check_in("author: Site Owner\n", &site, "title: x\n").is_empty());
        let default_author =
            "defaults:\n  - scope:\n      path: \"\"\n    values:\n      author: team\n";
        assert!(check_in(default_author, &site, "title: x\n").is_empty());
        assert!(run_in_site(&Site::default(), &RULE, "page.md", "---\ntitle: x\n---\n").is_empty());
        assert!(
            run(&RULE, POST, "---\ntitle: x\n---\n").is_empty(),
            "no site, nothing known"
        );
    }
}
