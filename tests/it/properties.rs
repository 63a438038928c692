//! Properties that must hold for any input, checked on generated ones
//! (proptest) through the public API: prose rules never fire inside code,
//! Liquid, HTML or URLs, and no text or bytes make the checker panic. The
//! properties of internals (positions, fixes, the human report, front
//! matter fixes) are unit tests beside their modules.

use std::ops::Range;

use proptest::prelude::*;

use prepress::api::{Checker, Diagnostic, Options, Span};

/// The findings of `text` checked as the file `path` of an empty folder
/// (no site, no config).
fn findings(path: &str, text: &str) -> Vec<Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    let mut checker = Checker::new(Options::new(dir.path())).unwrap();
    let outcome = checker
        .check_text(&dir.path().join(path), text.to_string(), None)
        .unwrap();
    outcome.findings().map(|f| f.diagnostic.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn prose_rules_never_fire_inside_code_liquid_html_or_urls(pieces in prop::collection::vec(piece(), 1..12)) {
        let mut text = String::from("---\ntitle: Generated\n---\n\n");
        let mut forbidden: Vec<Range<usize>> = Vec::new();
        for (kind, body) in &pieces {
            let start = text.len();
            text.push_str(body);
            if *kind != Kind::Prose {
                forbidden.push(start..text.len());
            }
            text.push_str("\n\n");
        }
        for finding in findings("_posts/2024-01-01-generated.md", &text) {
            let span: Span = finding.span.clone();
            for range in &forbidden {
                prop_assert!(
                    span.end <= range.start || span.start >= range.end,
                    "`{}` fired on {:?} inside {:?}\n{}",
                    finding.rule, &text[span.clone()], &text[range.clone()], text
                );
            }
        }
    }

    #[test]
    fn no_text_makes_the_checker_panic(text in "(\\PC|\r|\n|\t|---\n|\\{%|%\\}|\\{\\{|```|<!--|-->|\\[|\\]|\\(|\\)|:|&|\\*|#|\ntitle: |\n  |''|\\\\u00e9|\\\\\"|\\|[+-]?\n){0,300}") {
        for finding in findings("_posts/2024-01-01-any.md", &text) {
            prop_assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
            prop_assert!(text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_bytes_make_the_loader_or_checker_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), prefix in prop::sample::select(vec![&b"---\n"[..], b"\xef\xbb\xbf---\n", b"---\r\n", b""])) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2024-01-01-bytes.md");
        let mut all = prefix.to_vec();
        all.extend_from_slice(&bytes);
        std::fs::write(&path, &all).unwrap();
        let mut checker = Checker::new(Options::new(dir.path())).unwrap();
        let outcome = checker.check_paths(&[path], None, None).unwrap();
        for finding in outcome.findings() {
            prop_assert!(finding.start.line >= 1 && finding.start.column >= 1);
            prop_assert!((finding.start.line, finding.start.column) <= (finding.end.line, finding.end.column));
        }
    }
}

/// What a generated piece of a post is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Prose,
    Hidden,
}

/// A piece of a post: prose with slips in it, or one of the places prose
/// rules must never look, holding the same slips.
fn piece() -> impl Strategy<Value = (Kind, String)> {
    let slip = prop::sample::select(vec![
        "the the",
        "been meet with",
        "in the our team",
        "PO's and SM's agreed",
        "a hour",
        "should of",
        "recieve",
        "text book",
    ]);
    prop_oneof![
        slip.clone()
            .prop_map(|s| (Kind::Prose, format!("We wrote {s} today."))),
        slip.clone()
            .prop_map(|s| (Kind::Hidden, format!("```\n{s}\n```"))),
        slip.clone()
            .prop_map(|s| (Kind::Hidden, format!("    {s} in an indented block"))),
        slip.clone().prop_map(|s| (Kind::Hidden, format!("`{s}`"))),
        slip.clone().prop_map(|s| (
            Kind::Hidden,
            format!("{{% include note.html text=\"{s}\" %}}")
        )),
        slip.clone()
            .prop_map(|s| (Kind::Hidden, format!("{{{{ \"{s}\" | upcase }}}}"))),
        slip.clone().prop_map(|s| (
            Kind::Hidden,
            format!("<div class=\"note\">\n<pre>{s}</pre>\n</div>")
        )),
        slip.clone()
            .prop_map(|s| (Kind::Hidden, format!("<div><script>\n{s}\n</script></div>"))),
        slip.clone()
            .prop_map(|s| (Kind::Hidden, format!("<!-- {s} -->"))),
        slip.clone()
            .prop_map(|s| (Kind::Hidden, format!("{{% raw %}}{s}{{% endraw %}}"))),
        slip.prop_map(|s| (
            Kind::Hidden,
            format!("https://example.com/{}", s.replace(' ', "-"))
        )),
    ]
}
