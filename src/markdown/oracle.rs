//! kramdown is the oracle: generated posts are rendered by kramdown as Jekyll
//! renders them (`scripts/kramdown-ids.rb`, Debian's `ruby-kramdown` and
//! `ruby-kramdown-parser-gfm`), and each heading id and each reference's
//! resolution is compared with what this module reads. `.ci/kramdown-oracle`
//! runs it (it is ignored by a plain `cargo test`, which may lack Ruby).

use std::fmt::Write as _;
use std::process::Command;

use super::Kind;
use crate::line_index::LineIndex;
use crate::prose::segments;

/// Pieces headings are made of: words, punctuation, accents, emoji, code
/// spans, links, images, HTML, entities, typographic sequences, escapes,
/// numbers and Liquid.
const PIECES: &[&str] = &[
    "Setup",
    "the Server",
    "Step 2:",
    "2024",
    "3.14",
    "Café",
    "naïve résumé",
    "Ωmega",
    "日本語",
    "🚀",
    "✨ Sparkles",
    "`cargo test`",
    "`a_b-c`",
    "[the docs](https://example.org)",
    "[ref link][docs]",
    "![icon](/i.png)",
    "<em>html</em>",
    "&amp;",
    "&copy;",
    "--",
    "---",
    "...",
    "<<",
    "a - b",
    "\\*escaped\\*",
    "*emphasis*",
    "**strong**",
    "_under_",
    "snake_case",
    "C++",
    "C#",
    "what's",
    "\"quoted\"",
    "(parens)",
    "100%",
    "e-mail",
    "{{ page.title }}",
    "?",
    "!",
    "/",
    "@user",
];

/// A small deterministic generator, so every run makes the same posts.
struct Xorshift(u64);

impl Xorshift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A post of `count` headings (repeats included) and reference paragraphs.
fn post(random: &mut Xorshift, count: usize) -> String {
    let mut text = String::new();
    let mut made: Vec<String> = Vec::new();
    for _ in 0..count {
        let heading = if !made.is_empty() && random.below(6) == 0 {
            made[random.below(made.len())].clone()
        } else {
            let parts = 1 + random.below(4);
            let words: Vec<&str> = (0..parts)
                .map(|_| PIECES[random.below(PIECES.len())])
                .collect();
            words.join(" ")
        };
        let level = 1 + random.below(4);
        let _ = writeln!(text, "{} {heading}\n", "#".repeat(level));
        made.push(heading);
    }
    text.push_str("[docs]: https://example.org\n\n");
    let labels = [
        "Docs",
        "docs",
        "DOCS",
        "do\ncs",
        "the  docs",
        "nowhere",
        "^1",
        "^2",
    ];
    let defined = ["[The Docs]: /guide/\n", "[^1]: A note.\n"];
    for _ in 0..count / 2 {
        let label = labels[random.below(labels.len())];
        let use_ = match (label.strip_prefix('^'), random.below(3)) {
            (Some(_), _) => format!("Text[{label}]."),
            (None, 0) => format!("See [text][{label}]."),
            (None, 1) => format!("See [{label}][]."),
            (None, _) => format!("See [{label}]."),
        };
        let _ = writeln!(text, "{use_}\n");
    }
    for definition in defined {
        let _ = writeln!(text, "{definition}");
    }
    text
}

/// What kramdown says of `text`: headings' ids and whether each paragraph
/// links, in order.
fn kramdown(text: &str) -> Vec<(String, String)> {
    let dir = std::env::temp_dir().join(format!("prepress-kramdown-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("post.md");
    std::fs::write(&file, text).expect("the post is written");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/kramdown-ids.rb");
    let output = Command::new("ruby")
        .arg(script)
        .arg(&file)
        .output()
        .expect("ruby runs (install ruby-kramdown ruby-kramdown-parser-gfm)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .filter(|(kind, _)| *kind != "file")
        .map(|(kind, value)| (kind.to_string(), value.to_string()))
        .collect()
}

#[test]
#[ignore = "needs Ruby with kramdown; .ci/kramdown-oracle runs it"]
fn heading_ids_and_references_agree_with_kramdown() {
    let mut random = Xorshift(0x5eed_1234_abcd);
    let (mut ids, mut ids_agree, mut unknown, mut refs, mut refs_agree) = (0, 0, 0, 0, 0);
    let mut disagreements = Vec::new();
    for _ in 0..20 {
        let text = post(&mut random, 60);
        let body = segments::parse(&text, 0, &LineIndex::new(&text));
        let found = &body.markdown;
        let oracle = kramdown(&text);
        let theirs_ids: Vec<&str> = oracle
            .iter()
            .filter(|(k, _)| k == "heading")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(
            theirs_ids.len(),
            found.headings.len(),
            "heading count in\n{text}"
        );
        for (heading, theirs) in found.headings.iter().zip(theirs_ids) {
            match &heading.id {
                None => unknown += 1,
                Some(ours) => {
                    ids += 1;
                    if ours == theirs {
                        ids_agree += 1;
                    } else {
                        disagreements.push(format!(
                            "{:?}: ours {ours}, kramdown {theirs}",
                            &text[heading.span.clone()]
                        ));
                    }
                }
            }
        }
        let theirs_paras: Vec<bool> = oracle
            .iter()
            .filter(|(k, _)| k == "para")
            .map(|(_, v)| v == "link")
            .collect();
        // The headings hold references too; the paragraphs come after them.
        let paragraphs = text.find("[docs]: https").unwrap_or_default();
        let uses: Vec<_> = found
            .references
            .uses
            .iter()
            .filter(|r| r.span.start > paragraphs)
            .collect();
        assert_eq!(uses.len(), theirs_paras.len(), "paragraph count in\n{text}");
        for (reference, theirs) in uses.iter().zip(theirs_paras) {
            refs += 1;
            let ours = found
                .references
                .defines(&reference.label, reference.kind == Kind::Footnote);
            if ours == theirs {
                refs_agree += 1;
            } else {
                disagreements.push(format!(
                    "{:?}: ours {ours}, kramdown {theirs}",
                    &text[reference.span.clone()]
                ));
            }
        }
    }
    println!("heading ids: {ids_agree}/{ids} agree ({unknown} left unknown: Liquid)");
    println!("references: {refs_agree}/{refs} agree");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
