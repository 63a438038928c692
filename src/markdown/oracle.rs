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

/// Blocks a post with fences and comments is made of: closed and unclosed
/// fences of both kinds, longer fences around shorter ones, info words,
/// HTML comments closed, unclosed, on their own line or inside one.
const BLOCKS: &[&str] = &[
    "Some text.\n",
    "```\ncode\n```\n",
    "```ruby\nputs 1\n```\n",
    "~~~\ncode\n~~~\n",
    "````\n```\ninner\n````\n",
    "```\n# a comment\n",
    "~~~python\nx = 1\n",
    "   ```\nindented\n   ```\n",
    "```ruby linenos\ncode\n```\n",
    "<!-- closed -->\n",
    "<!-- open\n",
    "Text <!-- inline\n",
    "<!-- a\n\nb -->\n",
    "<!--more-->\n",
    "`<!--` in code\n",
];

/// kramdown's HTML of each of `texts`, in order.
pub(super) fn kramdown_html(texts: &[String]) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("prepress-kramdown-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let files: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(n, text)| {
            let file = dir.join(format!("{n}.md"));
            std::fs::write(&file, text).expect("the post is written");
            file
        })
        .collect();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/kramdown-html.rb");
    let output = Command::new("ruby")
        .arg(script)
        .args(&files)
        .output()
        .expect("ruby runs (install ruby-kramdown ruby-kramdown-parser-gfm)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    let mut out: Vec<String> = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        if line.starts_with("file\t") {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.push_str(line);
            last.push('\n');
        }
    }
    out
}

/// What of `html` readers see as text: without its `<code>` elements and
/// its comments.
fn without_code(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest
        .find("<code")
        .into_iter()
        .chain(rest.find("<!--"))
        .min()
    {
        out.push_str(&rest[..at]);
        let close = if rest[at..].starts_with("<!--") {
            "-->"
        } else {
            "</code>"
        };
        rest = rest[at..]
            .find(close)
            .map_or("", |end| &rest[at + end + close.len()..]);
    }
    out.push_str(rest);
    out
}

#[test]
#[ignore = "needs Ruby with kramdown; .ci/kramdown-oracle runs it"]
fn unclosed_fences_and_comments_agree_with_kramdown() {
    let mut random = Xorshift(0x00fe_2ce5);
    let texts: Vec<String> = (0..400)
        .map(|_| {
            let count = 1 + random.below(4);
            (0..count)
                .map(|_| BLOCKS[random.below(BLOCKS.len())])
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let html = kramdown_html(&texts);
    assert_eq!(html.len(), texts.len());
    let (mut fences, mut comments, mut left_out) = (0, 0, 0);
    let mut disagreements = Vec::new();
    for (text, html) in texts.iter().zip(&html) {
        let found = segments::parse(text, 0, &LineIndex::new(text)).markdown;
        let shown = without_code(html);
        // kramdown shows an unclosed fence's marks as text. A fence line
        // with more than one word of info is text to kramdown whatever
        // follows, so posts with one are left out of this comparison.
        let theirs = shown.contains("```") || shown.contains("~~~");
        if text.contains("```ruby linenos") {
            left_out += 1;
        } else if found.unclosed_fence.is_some() == theirs {
            fences += 1;
        } else {
            disagreements.push(format!(
                "fence: ours {:?}\n{text}\n{html}",
                found.unclosed_fence
            ));
        }
        // And an unclosed comment starting a line as a paragraph's text.
        let theirs = shown.contains("<p>&lt;!");
        if found.unclosed_comment.is_some() == theirs {
            comments += 1;
        } else {
            disagreements.push(format!(
                "comment: ours {:?}\n{text}\n{html}",
                found.unclosed_comment
            ));
        }
    }
    println!(
        "unclosed fences: {fences}/{} agree ({left_out} with a fence of two info words left out)",
        texts.len() - left_out
    );
    println!("unclosed comments: {comments}/{} agree", texts.len());
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n\n"));
}

/// Whether comrak with GitHub's extensions (the stand-in for GitHub's
/// preview) makes a numbered list of `text`.
fn github_numbered_list(text: &str) -> bool {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    comrak::markdown_to_html(text, &options).contains("<ol")
}

#[test]
#[ignore = "needs Ruby with kramdown; .ci/kramdown-oracle runs it"]
fn numbered_lines_are_where_kramdown_and_github_disagree() {
    let numbers = [
        "1.", "2.", "9.", "109.", "2015.", "01.", "3)", "4.five", "5.\t",
    ];
    let before = ["We sat in section", "Steps:", "A *note*", "> quoted"];
    let after = [" What a game.", " one", ""];
    let mut texts = Vec::new();
    for number in numbers {
        for first in before {
            for rest in after {
                let second = if first.starts_with('>') { "> " } else { "" };
                texts.push(format!("{first}\n{second}{number}{rest}\n"));
            }
        }
    }
    let html = kramdown_html(&texts);
    let (mut compared, mut disagreements) = (0, Vec::new());
    for (text, html) in texts.iter().zip(&html) {
        // The rule reads paragraphs of the post itself, not of quotes.
        if text.starts_with('>') {
            continue;
        }
        compared += 1;
        let found = segments::parse(text, 0, &LineIndex::new(text)).markdown;
        let differs = html.contains("<ol") != github_numbered_list(text);
        if found.numbered_lines.is_empty() == differs {
            disagreements.push(format!("ours {:?}\n{text}{html}", found.numbered_lines));
        }
    }
    println!(
        "numbered lines: {}/{compared} agree with kramdown against GitHub",
        compared - disagreements.len(),
    );
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
