//! `invalid-yaml`: front matter Jekyll cannot read, at the place reading stopped;
//! also a site config or data file that does not parse, which the site model
//! reports as a problem.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::tree::YamlError;
use crate::front_matter::{FrontMatter, YamlProblem};
use crate::rule::FixAvailability;
use crate::rule::Rule;
use crate::site_problem::YamlFile;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "invalid-yaml",
    severity: Severity::Error,
    summary: "The front matter is not valid YAML, or not a set of `key: value` lines",
    explanation: "\
## What it does
Reads the front matter with a port of libyaml, the parser Jekyll uses through
Ruby, and reports where it stops, with the reason in plain words. It also reports
front matter that is valid YAML but not a mapping (a list, or a bare sentence).

## Why is this bad?
Jekyll logs \"YAML Exception reading …\" and builds the page as if it had no front
matter: no layout, no title, no date from the block, no categories. The build
goes on, so the broken page is easy to miss.

## How to fix
The usual causes: a value that contains `: ` (quote the whole value), a value that
starts with `@`, `` ` ``, `*`, `&`, `!`, `%` or `[` (quote it), a quote opened and
not closed, a line indented differently from its neighbours, or a tab used for
indentation.

## Example
```yaml
title: Agile: what we learned   # reported: quote the value
title: \"Agile: what we learned\" # fine
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(_: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let FrontMatter::Closed {
        data: Err(problem), ..
    } = &doc.front_matter
    else {
        return;
    };
    let diagnostic = match problem {
        YamlProblem::Syntax(err) => syntax(doc, err),
        YamlProblem::NotAMapping { span } => Diagnostic::new(
            RULE.id,
            RULE.severity,
            span.clone(),
            "front matter must be `key: value` lines; Jekyll ignores this block",
        )
        .with_help("write each setting on its own line as `key: value`"),
    };
    out.push(diagnostic);
}

fn syntax(doc: &Document, err: &YamlError) -> Diagnostic {
    let (reason, help) = plain_words(err);
    let end = doc.text[err.at..]
        .chars()
        .next()
        .filter(|c| !matches!(c, '\n' | '\r'))
        .map_or(err.at, |c| err.at + c.len_utf8());
    let mut diagnostic = Diagnostic::new(
        RULE.id,
        RULE.severity,
        err.at..end,
        format!("front matter is not valid YAML: {reason}"),
    )
    .with_help(format!(
        "{help}; until then Jekyll builds this page without its front matter"
    ));
    if let (Some(context), Some(at)) = (&err.context, err.context_at)
        && at != err.at
    {
        diagnostic = diagnostic.with_label(at..at, format!("{} started here", construct(context)));
    }
    diagnostic
}

/// The finding for a site config or data file (`text`) that does not parse,
/// at the character where libyaml stopped; Jekyll stops the build on either.
pub(super) fn in_site_file(text: &str, file: YamlFile, err: &YamlError) -> Diagnostic {
    let (what, why) = match file {
        YamlFile::Config => (
            "this site config",
            "Jekyll stops before building anything when its config does not parse",
        ),
        YamlFile::Data => (
            "this data file",
            "Jekyll stops the build when a data file does not parse",
        ),
    };
    let end = text
        .get(err.at..)
        .and_then(|rest| rest.chars().next())
        .map_or(err.at, |c| err.at + c.len_utf8());
    Diagnostic::new(
        RULE.id,
        RULE.severity,
        err.at..end,
        format!("{what} is not valid YAML: {}", err.problem),
    )
    .with_help(why)
}

/// libyaml's name for what it was reading ("while scanning a quoted scalar"), in
/// a writer's words ("the quoted value").
fn construct(context: &str) -> String {
    let what = context
        .trim_start_matches("while ")
        .trim_start_matches("scanning ")
        .trim_start_matches("parsing ")
        .trim_start_matches("a ")
        .trim_start_matches("an ");
    let plain = match what {
        "quoted scalar" => "quoted value",
        "simple key" => "key",
        "block mapping" | "block collection" => "`key: value` block",
        "flow sequence" => "`[` list",
        "flow mapping" => "`{` mapping",
        "block scalar" => "`|` or `>` block",
        other => other,
    };
    format!("the {plain}")
}

/// libyaml's reason, and what to do about it, in words a writer follows.
fn plain_words(err: &YamlError) -> (String, &'static str) {
    let context = err.context.as_deref().unwrap_or_default();
    let (reason, help) = match err.problem.as_str() {
        "mapping values are not allowed in this context" => (
            "a `: ` inside this value starts another `key: value`".to_string(),
            "put the whole value in quotes",
        ),
        "found character that cannot start any token" => (
            "a value cannot start with this character".to_string(),
            "put the value in quotes (and indent with spaces, not tabs)",
        ),
        "found unexpected end of stream" if context.contains("quoted scalar") => (
            "a quoted value is never closed".to_string(),
            "close the quote, or write a `\\\"` for a quote inside double quotes",
        ),
        "could not find expected ':'" => (
            "a line has no `:` after its key".to_string(),
            "write every line as `key: value`, or quote a value that spans lines",
        ),
        "did not find expected key" => (
            "this line does not line up with the `key: value` lines around it".to_string(),
            "indent it like its neighbours, or quote the value of the line above",
        ),
        "block sequence entries are not allowed in this context" => (
            "a `- ` list item cannot follow a value on the same key".to_string(),
            "start the list on the line after the key, indented",
        ),
        "did not find expected '-' indicator" => (
            "a list item is not indented like the others".to_string(),
            "give every `- ` item of the list the same indentation",
        ),
        "found a tab character that violates indentation"
        | "found a tab character where an indentation space is expected" => (
            "a tab is used for indentation".to_string(),
            "indent with spaces; YAML does not allow tabs there",
        ),
        "did not find expected alphabetic or numeric character" => (
            "a value that starts with `*` or `&` is read as a YAML alias or anchor".to_string(),
            "put the value in quotes",
        ),
        "found undefined tag handle" | "did not find expected tag URI" => (
            "a value that starts with `!` is read as a YAML tag".to_string(),
            "put the value in quotes",
        ),
        "found unknown escape character" => (
            "a backslash in double quotes starts an unknown escape".to_string(),
            "use single quotes, or write `\\\\` for a backslash",
        ),
        "did not find expected ',' or ']'" | "did not find expected ',' or '}'" => (
            "a `[` or `{` list is not closed, or an item in it needs quotes".to_string(),
            "close the bracket, or quote items that contain `,`, `:` or brackets",
        ),
        "control characters are not allowed" => (
            "it contains an invisible control character".to_string(),
            "delete the character",
        ),
        problem => (problem.to_string(), "check the YAML at this point"),
    };
    (reason, help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, run};

    const POST: &str = "_posts/2024-01-01-a.md";

    #[test]
    fn reports_a_colon_in_a_value_at_the_colon() {
        let text = "---\ntitle: Agile: what we learned\n---\n";
        let found = run(&RULE, POST, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], ":");
        assert_eq!(found[0].span.start, 16);
        assert_eq!(
            found[0].message,
            "front matter is not valid YAML: a `: ` inside this value starts another `key: value`"
        );
    }

    #[test]
    fn an_unclosed_quote_labels_where_it_opened() {
        let text = "---\ntitle: \"Unfinished\nauthor: x\n---\n";
        let found = run(&RULE, POST, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "front matter is not valid YAML: a quoted value is never closed"
        );
        assert_eq!(found[0].labels[0].span, 11..11);
    }

    #[test]
    fn reports_a_value_starting_with_a_backtick() {
        let text = "---\ntitle: `code` in titles\n---\n";
        assert_eq!(
            messages(&RULE, POST, text),
            ["front matter is not valid YAML: a value cannot start with this character"]
        );
    }

    #[test]
    fn reports_front_matter_that_is_not_a_mapping() {
        let text = "---\nJust a sentence.\n---\n";
        let found = run(&RULE, POST, text);
        assert_eq!(&text[found[0].span.clone()], "Just a sentence.");
    }

    #[test]
    fn a_site_file_is_reported_at_the_character_where_reading_stopped() {
        let text = "nav:\n  - title: Blog: all\n";
        let Err(err) = crate::front_matter::tree::parse(text, 0) else {
            panic!("parses");
        };
        let config = in_site_file(text, YamlFile::Config, &err);
        assert_eq!(&text[config.span.clone()], ":");
        assert_eq!(
            config.message,
            "this site config is not valid YAML: mapping values are not allowed in this context"
        );
        let data = in_site_file(text, YamlFile::Data, &err);
        assert_eq!(data.span, config.span);
        assert_eq!(
            data.help.as_deref(),
            Some("Jekyll stops the build when a data file does not parse")
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        for text in [
            "---\ntitle: \"Agile: what we learned\"\n---\n",
            "---\ntitle: \"Long title at your\nfingertips\"\n---\n",
            "---\n---\n",
            "---\ntitle: x\n---\nkey: : broken\n",
            "---\ntitle: a\ttab inside\n---\n",
        ] {
            assert!(run(&RULE, POST, text).is_empty(), "{text}");
        }
    }
}
