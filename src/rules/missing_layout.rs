//! `missing-layout`: a `layout:` naming no file in `_layouts/`.

use super::{Context, FixAvailability, Rule, Value, effective, label_default};
use crate::closest::closest;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::Document;
use crate::rules::value_or_key_span;

/// The rule.
pub static RULE: Rule = Rule {
    id: "missing-layout",
    severity: Severity::Warning,
    summary: "`layout:` names a layout the site's `_layouts/` does not have",
    explanation: "\
## What it does
Checks a document's `layout:` against the site's layouts folder (`_layouts/`, or
`layouts_dir`). `layout: none` and an empty layout are left alone (the second is
`empty-value`'s business). With a theme, the layout may come from the theme, so
the finding is an info note, unless the name is a typo away from one of the
site's own layouts.

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
    check: Some(check),
};

fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(site) = context.site else {
        return;
    };
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
        &RULE,
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
            "---\ntitle: x\n---\nlayout: nope\n",
        ] {
            assert!(
                run_in_site(&site(), &RULE, "a.md", text).is_empty(),
                "{text}"
            );
        }
    }
}
