//! `broken-post-url`: a `{% post_url %}` naming no post of the site.

use super::context::{Context, liquid_targets};
use crate::closest::closest;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::Document;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "broken-post-url",
    severity: Severity::Error,
    summary: "A `{% post_url %}` tag names a post the site does not have",
    explanation: "\
## What it does
Checks every `{% post_url NAME %}` tag against the posts of the site: `NAME` is a
post's file name without its extension (`2024-01-10-hello-world`), with the
folders below `_posts/` when the post is in one (`2024/2024-01-10-hello-world`).
Tags inside code blocks are checked too, because Liquid runs before Markdown;
tags inside `{% raw %}` are not, and names built from `{{ … }}` cannot be.

## Why is this bad?
Jekyll stops the build with \"Could not find post … in tag 'post_url'\". Renaming
a post or fixing its date is enough to break every link to it.

## How to fix
Use the exact name of an existing post; the help names the closest one.

## Example
```liquid
[the launch]({% post_url 2024-01-10-hello-wrld %})   reported: did you mean 2024-01-10-hello-world?
```",
    fix: FixAvailability::Sometimes {
        applicability: Applicability::Unsafe,
        when: "when the help names a post (the site's post closest to the name, at \
               most a third of its letters changed)",
    },
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some((site, targets)) = liquid_targets(context, doc, "post_url") else {
        return;
    };
    for (name, span) in targets {
        if site.posts.contains(name) {
            continue;
        }
        let mut diagnostic = Diagnostic::new(
            RULE.id,
            RULE.severity,
            span.clone(),
            format!("no post is called `{name}`, so Jekyll stops the build here"),
        );
        diagnostic = match closest(name, site.posts.iter().map(String::as_str)) {
            Some(near) => diagnostic
                .with_help(format!("did you mean `{near}`?"))
                .with_fix(span, near, Applicability::Unsafe),
            None => diagnostic.with_help("name a post by its file name without the extension, such as `2024-01-10-hello-world`"),
        };
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run_in_site;
    use crate::site::Site;

    fn site() -> Site {
        let mut site = Site::default();
        for name in [
            "2024-01-10-hello-world",
            "2024/2024-03-01-deep",
            "2024-03-01-deep",
        ] {
            site.posts.insert(name.to_string());
        }
        site
    }

    #[test]
    fn reports_a_missing_post_with_the_closest_name() {
        let text = "---\ntitle: x\n---\nSee [it]({% post_url 2024-01-10-hello-wrld %}).\n";
        let found = run_in_site(&site(), &RULE, "_posts/2024-05-01-a.md", text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "2024-01-10-hello-wrld");
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean `2024-01-10-hello-world`?")
        );
    }

    #[test]
    fn checks_code_blocks_but_not_raw_or_computed_names() {
        let text = "---\ntitle: x\n---\n```\n{% post_url nope %}\n```\n{% raw %}{% post_url nope %}{% endraw %}\n{% post_url {{ page.prev }} %}\n";
        let found = run_in_site(&site(), &RULE, "a.md", text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0]
                .help
                .as_deref()
                .map(|h| h.starts_with("name a post")),
            Some(true)
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        let text = "---\ntitle: x\n---\n{% post_url 2024-01-10-hello-world %} {% post_url 2024/2024-03-01-deep %} {%- post_url 2024-03-01-deep -%}\n";
        assert!(run_in_site(&site(), &RULE, "a.md", text).is_empty());
    }
}
