//! `cr-line-endings`: lines that end in a lone carriage return, which hide
//! the front matter from Jekyll.
//!
//! Found before any other rule runs: Jekyll looks for `---` followed by a
//! line feed, so a file saved with classic Mac line endings has no front
//! matter for it, and is copied as it is rather than published. Every other
//! rule would misread such a file (its front matter as prose), so this
//! finding is the only one it gets.

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "cr-line-endings",
    severity: Severity::Error,
    summary: "Lines end in a lone carriage return, so Jekyll does not see the front matter",
    explanation: "\
## What it does
Reports a file whose front matter opens with `---` followed by a carriage
return alone (classic Mac OS line endings), not a line feed.

## Why is this bad?
Jekyll recognises front matter only when the opening `---` ends with a line
feed (`\\n` or `\\r\\n`). With `\\r` alone it sees none: a post or page is
copied to the site as it is, not rendered, with its front matter shown as
text, or not published as a post at all. Other rules are not run on such a
file, as they would read its front matter as prose.

## How to fix
Save the file with Unix (LF) or Windows (CRLF) line endings. The fix turns
each lone carriage return into a line feed and is safe: it changes nothing
else.

## Example
```text
---\\rtitle: Hello\\r---\\rText\\r     reported
```",
    fix: FixAvailability::Always(Applicability::Safe),
};

/// The finding for `text`, when its front matter opens with `---` and a lone
/// carriage return (after a byte order mark, if any).
pub(crate) fn detect(text: &str) -> Option<Diagnostic> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = text[start..].strip_prefix("---")?;
    let cr = rest.trim_start_matches([' ', '\t']);
    if !cr.starts_with('\r') || cr.starts_with("\r\n") {
        return None;
    }
    let fixed = lone_cr_to_lf(text);
    Some(
        Diagnostic::new(
            RULE.id,
            RULE.severity,
            start..start + 3,
            "this file's lines end in a lone carriage return (classic Mac style), so Jekyll does not see its front matter and copies it as it is",
        )
        .with_help("save it with LF or CRLF line endings")
        .with_fix(0..text.len(), fixed, Applicability::Safe),
    )
}

/// `text` with every carriage return not followed by a line feed made a
/// line feed.
fn lone_cr_to_lf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_front_matter_opened_with_a_lone_cr() {
        let found = detect("---\rtitle: A\r---\rText\r\nmore").unwrap();
        let found = crate::rules::testing::as_declared(&RULE, vec![found]).remove(0);
        assert_eq!(found.span, 0..3);
        let fix = found.fix.unwrap();
        assert_eq!(fix.replacement, "---\ntitle: A\n---\nText\r\nmore");
        assert!(detect("\u{feff}--- \rtitle: A\r---\r").is_some());
    }

    #[test]
    fn near_misses_stay_quiet() {
        for text in [
            "---\ntitle: A\n---\n",
            "---\r\ntitle: A\r\n---\r\n",
            "Text\rmore\r",
            "",
            "---",
        ] {
            assert!(detect(text).is_none(), "{text:?}");
        }
    }
}
