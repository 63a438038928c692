//! The suppress step: comments that silence findings, and reports on unused ones.
//!
//! Three forms, each naming rule ids (comma or space separated; none means
//! every rule):
//!
//! - `<!-- prepress-disable ID, ID -->` … `<!-- prepress-enable -->` silences a
//!   region (an `enable` naming ids ends only those);
//! - `<!-- prepress-disable-next-line ID -->` silences the line after it;
//! - `# prepress-disable-line ID` as a YAML comment silences its front matter line.
//!
//! Comments are taken from the parsed body, so one written inside a code block
//! (documentation about prepress) does nothing. Findings are computed first and
//! suppressed afterwards, so a suppression that silenced nothing (or names a
//! rule that does not exist) is known, and `unused-suppression` reports it.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::front_matter::FrontMatter;
use crate::rules::unused_suppression;

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*prepress-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
        .expect("the directive pattern compiles")
});

static YAML_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"#\s*prepress-disable-line\b([^\r\n]*)").expect("the directive pattern compiles")
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Region,
    Enable,
    NextLine,
    Line,
}

#[derive(Debug)]
struct Directive {
    form: Form,
    /// Rule ids; empty for every rule.
    ids: Vec<String>,
    span: Range<usize>,
    line: usize,
    /// For a region: where it ends (the matching `enable`, or the end of the file).
    end: usize,
    used: bool,
}

impl Directive {
    fn names(&self, rule: &str) -> bool {
        self.ids.is_empty() || self.ids.iter().any(|id| id == rule)
    }

    fn covers(&self, doc: &Document, diagnostic: &Diagnostic) -> bool {
        if !self.names(&diagnostic.rule) {
            return false;
        }
        let at = diagnostic.span.start;
        match self.form {
            // A region that runs to the end of the file disables its rules
            // for the whole post: its front matter prose too.
            Form::Region => {
                (self.span.end <= at && at < self.end)
                    || (self.end == doc.text.len()
                        && crate::front_matter::prose::entries(&doc.front_matter)
                            .any(|entry| entry.value.span.contains(&at)))
            }
            Form::NextLine => doc.position(at).line == self.line + 1,
            Form::Line => doc.position(at).line == self.line,
            Form::Enable => false,
        }
    }
}

/// Removes the findings the document's suppression comments silence, and
/// returns the `unused-suppression` findings of the comments that silenced
/// nothing or name a rule that does not exist (`known` says whether a rule
/// id exists), at the rule's default severity.
pub(crate) fn apply(
    doc: &Document,
    found: &mut Vec<Diagnostic>,
    known: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut directives = directives(doc);
    if directives.is_empty() {
        return Vec::new();
    }
    found.retain(|diagnostic| {
        let mut suppressed = false;
        for directive in directives.iter_mut().filter(|d| d.covers(doc, diagnostic)) {
            directive.used = true;
            suppressed = true;
        }
        !suppressed
    });
    directives
        .iter()
        .filter(|d| d.form != Form::Enable)
        .filter_map(|d| unused_suppression::check(&d.span, &d.ids, d.used, known))
        .collect()
}

fn directives(doc: &Document) -> Vec<Directive> {
    let mut out = Vec::new();
    if let FrontMatter::Closed { open, close, .. } = &doc.front_matter {
        for m in YAML_COMMENT.captures_iter(&doc.text[open.end..close.start]) {
            let (Some(whole), Some(ids)) = (m.get(0), m.get(1)) else {
                continue;
            };
            let span = open.end + whole.start()..open.end + whole.end();
            out.push(directive(doc, Form::Line, ids.as_str(), span));
        }
    }
    if let Some(body) = doc.body() {
        for comment in &body.comments {
            for m in COMMENT.captures_iter(&doc.text[comment.clone()]) {
                let (Some(whole), Some(kind), Some(ids)) = (m.get(0), m.get(1), m.get(2)) else {
                    continue;
                };
                let form = match kind.as_str() {
                    "disable" => Form::Region,
                    "enable" => Form::Enable,
                    _ => Form::NextLine,
                };
                let span = comment.start + whole.start()..comment.start + whole.end();
                out.push(directive(doc, form, ids.as_str(), span));
            }
        }
    }
    close_regions(&mut out, doc.text.len());
    out
}

fn directive(doc: &Document, form: Form, ids: &str, span: Range<usize>) -> Directive {
    Directive {
        form,
        ids: ids
            .split([',', ' ', '\t'])
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_string)
            .collect(),
        line: doc.position(span.start).line,
        end: usize::MAX,
        span,
        used: false,
    }
}

/// Ends each region at the first later `enable` that names it (or names
/// nothing), else at the end of the file.
fn close_regions(directives: &mut [Directive], len: usize) {
    for i in 0..directives.len() {
        if directives[i].form != Form::Region {
            continue;
        }
        let end = directives[i + 1..]
            .iter()
            .filter(|d| d.form == Form::Enable && d.span.start >= directives[i].span.end)
            .find(|enable| {
                enable.ids.is_empty() || directives[i].ids.iter().all(|id| enable.ids.contains(id))
            })
            .map_or(len, |enable| enable.span.start);
        directives[i].end = end;
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::lint;
    use crate::rules::testing::AllRules;

    /// The rules and lines of the findings left in `text`.
    fn after(text: &str) -> Vec<(String, usize)> {
        let all = AllRules::new();
        let context = all.context();
        let doc = Document::new(PathBuf::from("_posts/2024-01-01-a.md"), text.to_string());
        lint::check(&context, &doc)
            .into_iter()
            .map(|d| (d.rule.to_string(), doc.position(d.span.start).line))
            .collect()
    }

    fn rule_lines(found: &[(String, usize)]) -> Vec<(&str, usize)> {
        found.iter().map(|(r, l)| (r.as_str(), *l)).collect()
    }

    #[test]
    fn next_line_silences_only_the_next_line() {
        let text = "---\ntitle: A\n---\n<!-- prepress-disable-next-line repeated-word -->\nThe the end.\nThe the end.\n";
        assert_eq!(rule_lines(&after(text)), [("repeated-word", 6)]);
    }

    #[test]
    fn a_region_runs_to_its_enable() {
        let text = "---\ntitle: A\n---\n<!-- prepress-disable repeated-word, misspelling -->\nThe the recieve.\n\n<!-- prepress-enable -->\nThe the end.\n";
        assert_eq!(rule_lines(&after(text)), [("repeated-word", 8)]);
    }

    #[test]
    fn a_region_without_ids_silences_everything_to_the_end() {
        let text =
            "---\ntitle: A\n---\nok\n\n<!-- prepress-disable -->\nThe the recieve, a apple.\n";
        assert!(after(text).is_empty(), "{:?}", after(text));
    }

    #[test]
    fn a_front_matter_line_can_be_silenced() {
        let text = "---\ntitle: A\ncomments: \"true\" # prepress-disable-line quoted-boolean\nshare: \"true\"\n---\nText.\n";
        assert_eq!(rule_lines(&after(text)), [("quoted-boolean", 4)]);
    }

    #[test]
    fn unused_and_unknown_suppressions_are_reported() {
        let text = "---\ntitle: A\n---\n<!-- prepress-disable-next-line repeated-word -->\nNothing repeats.\n\n<!-- prepress-disable-next-line no-such-rule -->\nThe the end.\n";
        assert_eq!(
            rule_lines(&after(text)),
            [
                ("unused-suppression", 4),
                ("unused-suppression", 7),
                ("repeated-word", 8)
            ]
        );
    }

    #[test]
    fn front_matter_prose_is_silenced_by_its_line_or_a_region_to_the_end() {
        let text = "---\ntitle: The the end # prepress-disable-line repeated-word\nsummary: Kez the the\n---\n<!-- prepress-disable repeated-word -->\nThe the end.\n";
        assert!(after(text).is_empty(), "{:?}", after(text));
        // A region that an `enable` closes covers only its own lines.
        let text = "---\ntitle: A\nsummary: Some the the\n---\n<!-- prepress-disable repeated-word -->\nThe the end.\n<!-- prepress-enable -->\n";
        assert_eq!(rule_lines(&after(text)), [("repeated-word", 3)]);
    }

    #[test]
    fn a_comment_in_code_is_not_a_suppression() {
        let text = "---\ntitle: A\n---\n```\n<!-- prepress-disable -->\n```\nThe the end.\n";
        assert_eq!(rule_lines(&after(text)), [("repeated-word", 7)]);
    }
}
