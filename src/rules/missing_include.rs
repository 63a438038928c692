//! `missing-include`: an `{% include %}` of a file `_includes/` does not have.

use super::context::{Context, liquid_targets};
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "missing-include",
    severity: Severity::Error,
    summary: "An `{% include %}` names a file the site's `_includes/` does not have",
    explanation: "\
## What it does
Checks every `{% include NAME %}` against the files of the site's includes folder
(`_includes/`, or `includes_dir`). When the site uses a theme (`theme` or
`remote_theme`), the include may come from the theme, which prepress cannot see:
the finding is then an info note instead of an error, unless the name is a
typo away from one of the site's own includes.

## Why is this bad?
Jekyll stops the build when an include is missing.

## How to fix
Fix the name, or add the file to `_includes/`.

## Example
```liquid
{% include figure.htm src=\"a.png\" %}   reported when only figure.html exists
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some((site, targets)) = liquid_targets(context, doc, "include") else {
        return;
    };
    for (name, span) in targets {
        if site.includes.contains(name) {
            continue;
        }
        let mut diagnostic = Diagnostic::new(
            RULE.id,
            RULE.severity,
            span,
            format!("`_includes/{name}` does not exist, so Jekyll stops the build here"),
        );
        let near = closest(name, site.includes.iter().map(String::as_str));
        // With a theme, a missing include may be the theme's, unless the name
        // is one typo away from the site's own.
        if let (Some(theme), None) = (&site.theme, near) {
            diagnostic.severity = Severity::Info;
            diagnostic.message = format!(
                "`_includes/{name}` is not in this site; it must come from the theme `{theme}`"
            );
        }
        diagnostic = match near {
            Some(near) => diagnostic.with_help(format!("did you mean `{near}`?")),
            None => diagnostic.with_help("add the file to `_includes/`, or fix the name"),
        };
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run_in_site;
    use crate::site::Site;

    fn site(theme: Option<&str>) -> Site {
        let mut site = Site::default();
        site.includes.insert("figure.html".to_string());
        site.theme = theme.map(str::to_string);
        site
    }

    #[test]
    fn reports_a_missing_include_with_the_closest_name() {
        let text = "---\ntitle: x\n---\n{% include figure.htm src=\"a.png\" %}\n";
        let found = run_in_site(&site(None), &RULE, "a.md", text);
        assert_eq!(&text[found[0].span.clone()], "figure.htm");
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean `figure.html`?")
        );
    }

    #[test]
    fn a_theme_may_provide_it() {
        let text = "---\ntitle: x\n---\n{% include head-custom.html %}\n";
        let found = run_in_site(&site(Some("minima")), &RULE, "a.md", text);
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn near_misses_stay_quiet() {
        let text = "---\ntitle: x\n---\n{% include figure.html %}{% include {{ page.box }} %}{% include_relative x.md %}\n";
        assert!(run_in_site(&site(None), &RULE, "a.md", text).is_empty());
    }
}
