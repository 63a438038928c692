//! Properties that must hold for any input, checked on generated ones
//! (proptest): positions round-trip, fixes touch only their bytes, prose
//! rules never fire inside code, Liquid, HTML or URLs, no text makes the
//! checker panic, and the human report shows any span at its position.

use std::ops::Range;
use std::path::PathBuf;

use proptest::prelude::*;

use prepress::check::{Finding, LabelPlace, RenderFile, Source};
use prepress::config::Config;
use prepress::diagnostic::{Applicability, Diagnostic, Fix, Label, Severity, Span};
use prepress::document::Document;
use prepress::fix;
use prepress::line_index::LineIndex;
use prepress::lint;
use prepress::report::human::Human;
use prepress::setup::Setup;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn positions_and_offsets_round_trip(text in "(\\PC|\r|\n|\r\n|é|🙂){0,200}", pick in any::<prop::sample::Index>()) {
        let lines = LineIndex::new(&text);
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let offset = boundaries[pick.index(boundaries.len())];
        let position = lines.position(&text, offset);
        prop_assert_eq!(lines.offset(&text, position), Some(offset), "{:?} at {}", text, offset);
    }

    #[test]
    fn fixes_change_only_their_own_bytes(
        text in "[a-z é\n]{0,120}",
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..6, "[A-Z]{0,4}"), 0..6),
    ) {
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let fixes: Vec<Fix> = edits
            .iter()
            .map(|(at, len, replacement)| {
                let start = at.index(boundaries.len());
                let end = (start + len).min(boundaries.len() - 1);
                Fix { span: boundaries[start]..boundaries[end], replacement: replacement.clone(), applicability: Applicability::Safe }
            })
            .collect();
        let (fixed, applied) = fix::apply(&text, &fixes);
        // The fixes taken are those `apply` promises: in span order, each one
        // that does not overlap one already taken.
        let mut sorted: Vec<&Fix> = fixes.iter().collect();
        sorted.sort_by_key(|f| (f.span.start, f.span.end));
        let mut expected = String::new();
        let mut at = 0;
        let mut taken = 0;
        for f in sorted {
            if f.span.start < at {
                continue;
            }
            expected.push_str(&text[at..f.span.start]);
            expected.push_str(&f.replacement);
            at = f.span.end;
            taken += 1;
        }
        expected.push_str(&text[at..]);
        prop_assert_eq!(&fixed, &expected);
        prop_assert_eq!(applied, taken);
        prop_assert_eq!(fix::apply(&text, &[]), (text.clone(), 0));
    }

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
        let setup = Setup::new(Config::default()).unwrap();
        let doc = Document::new(PathBuf::from("_posts/2024-01-01-generated.md"), text.clone());
        for finding in lint::check(&setup.context(), &doc) {
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
        let setup = Setup::new(Config::default()).unwrap();
        let doc = Document::new(PathBuf::from("_posts/2024-01-01-any.md"), text.clone());
        for finding in lint::check(&setup.context(), &doc) {
            prop_assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
            prop_assert!(text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn fixes_in_front_matter_prose_keep_the_yaml(
        words in prop::collection::vec(prop::sample::select(vec![
            "the", "the", "a", "an", "apple", "API", "recieve", "Recieve", "been", "meet", "our",
            "it's", "don''t", "\\\"", "\\u00e9", "{{ x }}", "<b>", "http://x.y/the", "#", ":",
            "\n ", "\n\n ", "e-mail", "email",
        ]), 1..14),
        style in 0usize..5,
    ) {
        // A title in one of five styles, then a key that must stay as it is.
        let words = words.join(" ");
        let value = match style {
            0 => format!("'{}'", words.replace(['\\', '"'], "").replace("''", "'").replace('\'', "''")),
            1 => format!("\"{}\"", words.replace("''", "'")),
            2 => format!(">\n  {}", words.replace("''", "'").replace('\\', "").replace('\n', "\n  ")),
            3 => format!("|\n  {}", words.replace("''", "'").replace('\\', "").replace('\n', "\n  ")),
            _ => format!("Plain {}", words.replace("''", "'").replace(['\\', '#', ':', '"'], "")),
        };
        let text = format!("---\ntitle: {value}\nlayout: post\n---\nAn e-mail.\n");
        let setup = Setup::new(Config::default()).unwrap();
        let doc = Document::new(PathBuf::from("_posts/2024-01-01-any.md"), text.clone());
        let Some(before) = doc.front_matter.entries() else {
            return Ok(());
        };
        let found = lint::check(&setup.context(), &doc);
        let fixes: Vec<Fix> = found.iter().filter_map(|d| d.fix.clone()).collect();
        let (fixed, _) = fix::apply(&text, &fixes);
        let after = Document::new(PathBuf::from("_posts/2024-01-01-any.md"), fixed.clone());
        let after_entries = after.front_matter.entries();
        prop_assert!(after_entries.is_some(), "{:?} became {:?}", text, fixed);
        let keys = |entries: &[prepress::front_matter::tree::Entry]| -> Vec<Option<String>> {
            entries.iter().map(|e| e.key.key_text().map(str::to_string)).collect()
        };
        prop_assert_eq!(keys(before), keys(after_entries.unwrap()));
        prop_assert!(fixed.contains("\nlayout: post\n---\n"));
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
        let setup = Setup::new(Config::default()).unwrap();
        let report = prepress::check::check_file(
            &setup.context(),
            &path,
            "bytes.md".to_string(),
            dir.path(),
            prepress::check::Fixes::REPORT,
            None,
        );
        for finding in &report.findings {
            prop_assert!(finding.start.line >= 1 && finding.start.column >= 1);
            prop_assert!((finding.start.line, finding.start.column) <= (finding.end.line, finding.end.column));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_human_report_shows_any_span_at_its_position(
        text in "\u{feff}?(\\PC|\r|\n|\r\n|\t|é|e\u{301}|🙂|\u{200d}|a{150}){0,60}",
        picks in prop::collection::vec(any::<(prop::sample::Index, prop::sample::Index)>(), 1..4),
    ) {
        let lines = LineIndex::new(&text);
        let spans: Vec<Range<usize>> = picks
            .iter()
            .map(|(a, b)| a.index(text.len() + 1)..b.index(text.len() + 1))
            .collect();
        let diagnostic = Diagnostic {
            rule: "any".into(),
            severity: Severity::Warning,
            message: "flagged".to_string(),
            span: spans[0].clone(),
            labels: spans[1..]
                .iter()
                .map(|span| Label { span: span.clone(), message: "here".to_string(), elsewhere: None })
                .collect(),
            help: None,
            fix: None,
        };
        let finding = Finding {
            start: lines.position(&text, spans[0].start),
            end: lines.position(&text, spans[0].end),
            labels: spans[1..]
                .iter()
                .map(|span| LabelPlace {
                    start: lines.position(&text, span.start),
                    end: lines.position(&text, span.end),
                    path: None,
                })
                .collect(),
            diagnostic,
        };
        let out = Human::new(false).render(Source { name: "post.md", text: Some(&text), unsafe_fixes: false }, std::slice::from_ref(&finding));
        // An empty span at the start with no label is about the whole file,
        // which shows no snippet.
        let whole_file = spans[0] == (0..0) && spans.len() == 1;
        let header = format!("[post.md:{}:{}]", finding.start.line, finding.start.column);
        prop_assert!(whole_file || out.contains(&header), "no {} for {:?} in\n{}", header, spans, out);
        prop_assert!(!out.contains("Failed to read"), "{}", out);
        let longest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        prop_assert!(longest < 800, "a line of {} characters:\n{}", longest, out);
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
