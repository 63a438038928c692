//! `image-without-alt`: an image with no alt text, `![](x)` or `<img>`
//! without `alt`.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "image-without-alt",
    severity: Severity::Warning,
    summary: "An image has no alt text",
    explanation: "\
## What it does
Reports a Markdown image whose alt text is empty (`![](/img/chart.png)`) and
an HTML `<img>` tag with no `alt` attribute. An `<img alt=\"\">` is left
alone: an empty `alt` written on purpose marks a decorative image. So is a
tracking pixel, an image whose address is a counter rather than a picture (a
server page such as `aggbug.aspx`, or a last path segment with no extension
and a query, `/e/ir?t=…`): it shows nothing. Images in code, in HTML comments
and in `<pre>` blocks are not read.

## Why is this bad?
A screen reader announces an image without alt text by its file name, or
skips it; a reader whose images do not load sees nothing where it was.
html-proofer and accessibility checkers report it.

## How to fix
Say what the image shows, in the brackets or in `alt=\"…\"`. For an image
that only decorates, write `<img alt=\"\" …>`.

## Example
```markdown
![](/img/chart.png)                     reported
![Sales by quarter](/img/chart.png)     fine
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(body) = doc.body() else {
        return;
    };
    let markdown = &body.markdown;
    for image in markdown.links.iter().filter(|l| l.image && l.empty_text) {
        let source = image.destination.clone().map(|d| doc.text[d].trim());
        if source.is_some_and(is_tracking_pixel) {
            continue;
        }
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                image.span.clone(),
                "this image has no alt text",
            )
            .with_help("say what it shows between the brackets: `![what it shows](…)`"),
        );
    }
    for tag in &markdown.images_without_alt {
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                tag.clone(),
                "this `<img>` has no `alt` attribute",
            )
            .with_help(
                "add `alt=\"what it shows\"`, or `alt=\"\"` for an image that only decorates",
            ),
        );
    }
}

/// Whether an image's address is a counter rather than a picture: a server
/// page (`.aspx`, `.ashx`, `.php`, `.cgi`), or a last path segment with no
/// extension and a query.
fn is_tracking_pixel(source: &str) -> bool {
    let (path, query) = source.split_once('?').unwrap_or((source, ""));
    let last = path.rsplit('/').next().unwrap_or(path);
    let extension = last.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("aspx" | "ashx" | "php" | "cgi") => true,
        None => !query.is_empty(),
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::spans;

    #[test]
    fn reports_markdown_and_html_images_without_alt() {
        let text = "---\ntitle: x\n---\nA chart: ![](/img/chart.png)\n\n<img src=\"/a.png\" width=\"20\">\n";
        assert_eq!(
            spans(&RULE, "a.md", text),
            ["![](/img/chart.png)", "<img src=\"/a.png\" width=\"20\">"]
        );
        let cover =
            "---\ntitle: x\n---\n![](https://img.example/covers/1234) ![](/c.php.png?v=2)\n";
        assert_eq!(spans(&RULE, "a.md", cover).len(), 2);
    }

    #[test]
    fn near_misses_stay_quiet() {
        let text = "---\ntitle: x\n---\n![A chart](/c.png) ![{{ page.alt }}](/d.png)\n\n\
                    <img alt=\"\" src=\"/deco.png\">\n\n<img src=\"/e.png\" alt='E'>\n\n\
                    `![](x.png)`\n\n<!-- <img src=\"/old.png\"> -->\n\n```\n<img src=x>\n```\n\n\
                    ![](http://blog.example/aggbug/12.aspx) ![](https://pixel.example/e/ir?t=a&o=1)\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }
}
