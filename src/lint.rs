//! The lint step: runs the rules on one document.
//!
//! Every code rule that is on runs at its configured severity, then the pack
//! rules read the prose (the body with the front matter's prose values), then
//! suppressions apply; findings come back in span order. It sits above the
//! rules it runs, so no rule needs to import it.

use crate::config::Level;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::{Context, RULES, configured, cr_line_endings};

/// Runs every rule that is on for `doc`, at its configured severity, then the
/// pack rules on its prose; findings come back in span order.
pub(crate) fn check(context: &Context, doc: &Document) -> Vec<Diagnostic> {
    // A file Jekyll cannot read front matter from gets that finding alone;
    // an include has none to lose.
    if let Some(diagnostic) = doc
        .role
        .reads_front_matter()
        .then(|| cr_line_endings::detect(&doc.text))
        .flatten()
    {
        return configured(context, diagnostic).into_iter().collect();
    }
    let mut found = Vec::new();
    for &(rule, check) in RULES {
        let (Some(check), Level::On(severity)) = (check, context.levels.get(rule.id)) else {
            continue;
        };
        let first = found.len();
        check(context, doc, &mut found);
        // A finding a rule made milder on purpose (an info note where a theme
        // may provide the file) keeps its severity; the others take the config's.
        for diagnostic in &mut found[first..] {
            if diagnostic.severity == rule.severity {
                diagnostic.severity = severity;
            }
        }
    }
    if !context.engine.is_empty()
        && is_english(doc)
        && let Some(body) = doc.body()
    {
        let first = found.len();
        let mut quoted = body.quotes.clone();
        // The prose values of the front matter (its title first) are read
        // with the body, so consistency rules count them as part of the post.
        let mut values = crate::front_matter::prose::read(&doc.text, &doc.front_matter);
        if values.is_empty() {
            context
                .engine
                .check(&doc.text, &body.prose, &mut quoted, &mut found);
        } else {
            let mut prose = std::mem::take(&mut values.prose);
            prose.append(&body.prose);
            context
                .engine
                .check(&doc.text, &prose, &mut quoted, &mut found);
            if let crate::front_matter::FrontMatter::Closed { open, close, .. } = &doc.front_matter
            {
                let mut pack = found.split_off(first);
                values.check_findings(&doc.text, open.end..close.start, &mut pack);
                found.append(&mut pack);
            }
        }
        // The engine holds every pack rule the config turns on anywhere, its
        // overrides included; this document's levels decide which report, and
        // at which severity. Then a finding in someone else's words is made
        // milder.
        let pack = found.split_off(first);
        let mut pack: Vec<_> = pack
            .into_iter()
            .filter_map(|d| configured(context, d))
            .collect();
        crate::prose::quotes::soften(&doc.text, &quoted, &mut pack);
        found.append(&mut pack);
    }
    let known = |id: &str| context.levels.knows(id);
    let unused = crate::suppress::apply(doc, &mut found, &known);
    found.extend(unused.into_iter().filter_map(|d| configured(context, d)));
    found.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    found
}

/// Whether a document is in English as far as its front matter says: a `lang`
/// (or `language`, `locale`) key naming another language turns the prose rules
/// off for it, since they are English rules.
fn is_english(doc: &Document) -> bool {
    let Some(entries) = doc.front_matter.entries() else {
        return true;
    };
    ["lang", "language", "locale"].iter().all(|key| {
        crate::front_matter::tree::lookup(entries, key)
            .and_then(|e| e.value.as_scalar())
            .is_none_or(|s| {
                let code = s.value.trim().to_ascii_lowercase();
                code.is_empty()
                    || code == "en"
                    || code.starts_with("en-")
                    || code.starts_with("en_")
                    || code.starts_with("english")
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    use crate::config::Config;
    use crate::diagnostic::Fix;
    use crate::rules::testing;
    use crate::setup::Setup;
    use proptest::prelude::*;

    /// The rule and text of every pack finding on the post `text`, with
    /// every rule on.
    fn prose_findings(text: &str) -> Vec<(String, String)> {
        let all = testing::AllRules::new();
        let doc = Document::new("_posts/2024-01-01-a.md".into(), text.to_string());
        check(&all.context(), &doc)
            .into_iter()
            .map(|d| (d.rule.to_string(), text[d.span].to_string()))
            .collect()
    }

    #[test]
    fn front_matter_prose_is_checked_with_the_body() {
        let text =
            "---\ntitle: The the end\nlayout: the the\nsummary: Writing a API guide\n---\nBody.\n";
        assert_eq!(
            prose_findings(text),
            [
                ("repeated-word".into(), "The the".into()),
                ("a-or-an".into(), "a".into())
            ]
        );
        // Another language's post is left alone, front matter too.
        let text = "---\nlang: fr\ntitle: The the end\n---\nBody.\n";
        assert!(prose_findings(text).is_empty());
    }

    #[test]
    fn title_case_words_read_as_sentence_starts_and_are_no_names() {
        // Capitalised mid-title, the word is still checked, and does not
        // make the body's use a name; written mid-sentence twice in a
        // description, it is a name in all three places.
        let text = "---\ntitle: How I Recieve Mail\n---\nRecieve it. Then wait.\n";
        assert_eq!(
            prose_findings(text),
            [
                ("misspelling".into(), "Recieve".into()),
                ("misspelling".into(), "Recieve".into())
            ]
        );
        let text = "---\ntitle: A visit\ndescription: We met Recieve there, then Recieve left\n---\nRecieve it.\n";
        assert!(prose_findings(text).is_empty());
    }

    #[test]
    fn prose_after_an_unbalanced_liquid_tag_is_still_checked() {
        // Jekyll stops at the tag; the text after it is what readers see
        // once it is fixed, so its slips are found too.
        let repeated = |text: &str| {
            prose_findings(text)
                .into_iter()
                .filter(|(rule, _)| *rule == "repeated-word")
                .map(|(_, text)| text)
                .collect::<Vec<_>>()
        };
        let text =
            "---\ntitle: A\n---\nHere is an unclosed if: {% if page.x %} shown\n\nThe the cat.\n";
        assert_eq!(repeated(text), ["The the"]);
        let text =
            "---\ntitle: A\n---\nUse `{% raw %}` to escape.\n\n{% highlight js %}\nThe the cat.\n";
        assert_eq!(repeated(text), ["The the"]);
    }

    #[test]
    fn consistency_counts_the_title_as_part_of_the_post() {
        let text = "---\ntitle: Why e-mail wins\n---\nAn e-mail a day, and the email after.\n";
        assert_eq!(
            prose_findings(text),
            [("mixed-spellings".into(), "email".into())]
        );
    }

    /// Runs every example of every shipped rule: each `flag` text must be
    /// reported by its rule (and fixed to `fixed` by that rule's fixes), each
    /// `allow` text must not be.
    #[test]
    fn every_example_of_every_shipped_pack() {
        let packs = crate::packs::shipped().expect("the shipped packs load");
        let all = testing::AllRules::new();
        let context = all.context();
        let findings = |text: &str, id: &str| {
            let doc = Document::new("example.md".into(), text.to_string());
            check(&context, &doc)
                .into_iter()
                .filter(|d| d.rule == id)
                .collect::<Vec<_>>()
        };
        let mut failures = Vec::new();
        let mut count = 0;
        for rule in packs.iter().flat_map(|p| &p.rules) {
            let id = &*rule.info.id;
            for example in &rule.flag {
                count += 1;
                if findings(&example.text, id).is_empty() {
                    failures.push(format!("{id}: did not flag {:?}", example.text));
                }
                if let Some(fixed) = &example.fixed {
                    let mut text = example.text.clone();
                    for _ in 0..8 {
                        let found = findings(&text, id);
                        let (next, applied) =
                            crate::fix::apply(&text, found.iter().filter_map(|d| d.fix.as_ref()));
                        if applied == 0 {
                            break;
                        }
                        text = next;
                    }
                    if &text != fixed {
                        failures.push(format!(
                            "{id}: fixed {:?} to {text:?}, expected {fixed:?}",
                            example.text
                        ));
                    }
                }
            }
            for text in &rule.allow {
                count += 1;
                for d in findings(text, id) {
                    failures.push(format!(
                        "{id}: flagged {:?} in allowed {text:?}",
                        &text[d.span.clone()]
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {count} examples failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
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
            let found = check(&setup.context(), &doc);
            let fixes: Vec<Fix> = found.iter().filter_map(|d| d.fix.clone()).collect();
            let (fixed, _) = crate::fix::apply(&text, &fixes);
            let after = Document::new(PathBuf::from("_posts/2024-01-01-any.md"), fixed.clone());
            let after_entries = after.front_matter.entries();
            prop_assert!(after_entries.is_some(), "{:?} became {:?}", text, fixed);
            let keys = |entries: &[crate::front_matter::tree::Entry]| -> Vec<Option<String>> {
                entries.iter().map(|e| e.key.key_text().map(str::to_string)).collect()
            };
            prop_assert_eq!(keys(before), keys(after_entries.unwrap()));
            prop_assert!(fixed.contains("\nlayout: post\n---\n"));
        }
    }
}
