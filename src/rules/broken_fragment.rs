//! `broken-fragment`: a link to `#id` in the same post that names no heading
//! or anchor of it.

use super::Context;
use crate::closest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "broken-fragment",
    severity: Severity::Warning,
    summary: "A link to `#id` names no heading or anchor of the post",
    explanation: "\
## What it does
Checks each link to a fragment of the same post, `[setup](#set-up)`, against
the ids the post has once kramdown renders it as Jekyll runs it (GFM input,
`auto_ids` on): each heading's id, made as kramdown makes it (`## Set Up the
Server` is `set-up-the-server`; a heading met again gets `-1`, `-2`; a
trailing `{#id}` sets it), ids set by attribute lists (`{: #id}`), `id=` and
`name=` in HTML, footnotes' `fn:` and `fnref:` ids, and `#top`. The ids are
checked against kramdown itself (`.ci/kramdown-oracle`). A post whose
headings hold Liquid, an include, and a post that includes others
(`{% include %}`, which may print anchors) are skipped.

## Why is this bad?
A fragment that names no id takes the reader to the top of the page instead of
the section the text promises. Headings are renamed; links to them are not.

## How to fix
Link to the heading's id; the help names the closest one.

## Example
```markdown
Jump to [the setup](#set-up).     reported: the heading's id is `setup`

## Setup
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(body) = doc.body() else {
        return;
    };
    if doc.role == Role::Include || doc.liquid_targets("include").next().is_some() {
        return;
    }
    let markdown = &body.markdown;
    let Some(ids) = markdown.ids() else {
        return;
    };
    for link in &markdown.links {
        let Some(destination) = link.destination.clone() else {
            continue;
        };
        let written = doc.text[destination.clone()].trim();
        let Some(fragment) = written.strip_prefix('#') else {
            continue;
        };
        let fragment = decoded(fragment);
        if fragment.is_empty()
            || fragment.eq_ignore_ascii_case("top")
            || ids.contains(&fragment.as_str())
        {
            continue;
        }
        let mut diagnostic = Diagnostic::new(
            RULE.id,
            RULE.severity,
            destination,
            format!("this post has no heading or anchor with the id `{fragment}`"),
        );
        if let Some(near) = closest(&fragment, ids.iter().copied()) {
            diagnostic = diagnostic.with_help(format!("did you mean `#{near}`?"));
        }
        out.push(diagnostic);
    }
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
    use crate::rules::testing::{run, spans};

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

    #[test]
    fn code_is_not_read() {
        let text = "---\ntitle: x\n---\n`[a](#nowhere)`\n\n```\n[b](#nowhere)\n```\n";
        assert!(spans(&RULE, "a.md", text).is_empty());
    }
}
