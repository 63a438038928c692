//! `broken-link-tag`: a `{% link %}` to a source file the site does not have.

use super::context::{Context, liquid_targets};
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "broken-link-tag",
    severity: Severity::Error,
    summary: "A `{% link %}` tag names a source file the site does not have",
    explanation: "\
## What it does
Checks every `{% link PATH %}` against the files of the site: `PATH` is the
source file's path from the site root, with its extension (`_posts/2024-01-10-
hello.md`, `about.md`). A leading `/` works only for a static file (an
image, a PDF): a page or post written `{% link /about.md %}` is not found
(checked with Jekyll 4.3.1; 3.x is the same). Names built from `{{ … }}`
cannot be checked.

## Why is this bad?
Jekyll stops the build with \"Could not find document … in tag 'link'\".

## How to fix
Use the exact path of an existing file; the help names the closest one.

## Example
```liquid
[About]({% link abuot.md %})   reported: did you mean `about.md`?
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some((site, targets)) = liquid_targets(context, doc, "link") else {
        return;
    };
    for (name, span) in targets {
        let path = name.trim_start_matches('/');
        if site.files.contains(path) {
            // Jekyll compares the name with each file's own path, which has a
            // leading `/` only for a static file.
            if path.len() < name.len() && crate::urls::is_document(site, path) {
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        RULE.severity,
                        span,
                        format!("Jekyll finds `{path}` by its path without a leading `/`, so it stops the build here"),
                    )
                    .with_help(format!("write `{{% link {path} %}}`")),
                );
            }
            continue;
        }
        let diagnostic = Diagnostic::new(
            RULE.id,
            RULE.severity,
            span,
            format!("`{path}` is not a file of this site, so Jekyll stops the build here"),
        );
        out.push(match closest(path, site.files.iter().map(String::as_str)) {
            Some(near) => diagnostic.with_help(format!("did you mean `{near}`?")),
            None => diagnostic
                .with_help("give the path of a source file from the site root, with its extension"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run_in_site;
    use crate::site::Site;

    #[test]
    fn reports_a_missing_file_and_accepts_existing_ones() {
        let mut site = Site::default();
        site.files.insert("about.md".into());
        site.files.insert("_posts/2024-01-10-hello.md".into());
        let text = "---\ntitle: x\n---\n{% link abuot.md %} {% link about.md %} {% link _posts/2024-01-10-hello.md %} {% link {{ page.x }} %}\n";
        let found = run_in_site(&site, &RULE, "a.md", text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "abuot.md");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `about.md`?"));
    }

    /// Found by the oracle (scripts/oracle): `jekyll build` stops on
    /// `{% link /docs/guide.md %}` ("Could not find document
    /// '/docs/guide.md'") but takes `{% link /assets/logo.png %}`.
    #[test]
    fn a_leading_slash_finds_only_static_files() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            ("docs/guide.md", "---\ntitle: Guide\n---\n"),
            ("assets/logo.png", "png"),
            ("_posts/2024-01-10-hello.md", "no front matter\n"),
        ];
        let mut site = Site {
            root: dir.path().to_path_buf(),
            ..Site::default()
        };
        for (path, text) in files {
            let path_on_disk = dir.path().join(path);
            std::fs::create_dir_all(path_on_disk.parent().unwrap()).unwrap();
            std::fs::write(path_on_disk, text).unwrap();
            site.files.insert(path.into());
        }
        let text = "---\ntitle: x\n---\n{% link /docs/guide.md %} {% link /assets/logo.png %} {% link assets/logo.png %} {% link /_posts/2024-01-10-hello.md %}\n";
        let found = run_in_site(&site, &RULE, "a.md", text);
        let spans: Vec<&str> = found.iter().map(|d| &text[d.span.clone()]).collect();
        assert_eq!(spans, ["/docs/guide.md", "/_posts/2024-01-10-hello.md"]);
        assert_eq!(
            found[0].help.as_deref(),
            Some("write `{% link docs/guide.md %}`")
        );
    }
}
