//! Pathological posts: a 20 MB line, 10,000 links, 5,000 headings, a paragraph
//! of 50,000 words, 50,000 nested block quotes, 3,000 nested list levels.
//! The real binary must finish on each and still report the mistakes planted
//! in it, at their place. `benches/compare.py` times the same shapes.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

const SENTENCE: &str = "The team shipped a small change after the last sprint. ";
/// The prose slip planted in each shape; `meet` is reported.
const SLIP: &str = "It has been meet with doubt.";
const WORDS: &[&str] = &[
    "our", "team", "reviewed", "the", "plan", "and", "agreed", "to", "ship", "it", "on", "Friday",
    "after", "lunch",
];

fn front_matter(title: &str) -> String {
    format!("---\ntitle: {title}\ncomments: \"false\"\n---\n")
}

/// The `comments: "false"` every shape's front matter holds.
fn quoted_boolean(post: &str) -> String {
    format!(
        "_posts/{post}:3:11: warning[quoted-boolean] `comments: \"false\"` is the text \"false\", which Liquid treats as true"
    )
}

/// The line and column (in characters) of the only occurrence of `needle`.
fn place(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("the needle is planted");
    assert!(
        text[at + 1..].find(needle).is_none(),
        "`{needle}` is planted once"
    );
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    (
        text[..at].matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    )
}

/// The findings of `prepress check` on one post in a small site, which has
/// the page `/about/` and the image `/assets/cover.png`.
fn check(post: &str, text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |path: &str, text: &str| {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("_config.yml", "title: Shapes\nauthor: Team\n");
    write(
        "about.md",
        "---\ntitle: About\npermalink: /about/\n---\n\nAbout us.\n",
    );
    write("assets/cover.png", "png");
    write(&format!("_posts/{post}"), text);
    run(root, post)
}

fn run(root: &Path, post: &str) -> Vec<String> {
    let output = cargo_bin_cmd!("prepress")
        .current_dir(root)
        .args(["check", "--format", "compact", &format!("_posts/{post}")])
        .output()
        .expect("prepress runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "warnings only: {stderr}");
    String::from_utf8(output.stdout)
        .expect("output is UTF-8")
        .lines()
        .map(|line| line.chars().take(300).collect())
        .collect()
}

/// The finding of [`SLIP`] in `text`.
fn met_not_meet(post: &str, text: &str) -> String {
    let (line, column) = place(text, "meet with doubt");
    format!(
        "_posts/{post}:{line}:{column}: warning[met-not-meet] after `been`, write `met`, not `meet`"
    )
}

#[test]
fn a_20_mb_line() {
    let post = "2024-01-01-long-line.md";
    let repeats = 20_000_000 / SENTENCE.len() + 1;
    let text = format!(
        "{}{}{SLIP}\n",
        front_matter("Long line"),
        SENTENCE.repeat(repeats)
    );
    assert!(text.len() > 20_000_000);
    let found = check(post, &text);
    assert_eq!(found, [quoted_boolean(post), met_not_meet(post, &text)]);
    assert_eq!(
        found[1],
        format!(
            "_posts/{post}:5:20000048: warning[met-not-meet] after `been`, write `met`, not `meet`"
        )
    );
}

#[test]
fn ten_thousand_links() {
    let post = "2024-01-02-links.md";
    let paragraphs: Vec<String> = (0..10)
        .map(|p| {
            let links: Vec<String> = (p * 1000..(p + 1) * 1000)
                .map(|i| {
                    let target = match i {
                        7777 => "/assets/cvoer.png",
                        _ if i % 2 == 0 => "/assets/cover.png",
                        _ => "/about/",
                    };
                    format!("[link {i}]({target})")
                })
                .collect();
            links.join(", ") + ".\n"
        })
        .collect();
    let text = front_matter("Links") + &paragraphs.join("\n");
    assert_eq!(text.matches("](").count(), 10_000);
    let (line, column) = place(&text, "/assets/cvoer.png");
    let found = check(post, &text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0], quoted_boolean(post));
    let broken = format!("_posts/{post}:{line}:{column}: warning[broken-link] ");
    assert!(
        found[1].starts_with(&broken) && found[1].contains("assets/cvoer.png"),
        "{found:#?}"
    );
}

#[test]
fn five_thousand_headings() {
    let post = "2024-01-03-headings.md";
    let mut sections: Vec<String> = (0..5000)
        .map(|i| format!("## Heading {i}\n\nA short paragraph under heading {i}.\n"))
        .collect();
    sections.last_mut().unwrap().push_str(&format!("{SLIP}\n"));
    let text = front_matter("Headings") + &sections.join("\n");
    let found = check(post, &text);
    assert_eq!(found, [quoted_boolean(post), met_not_meet(post, &text)]);
}

#[test]
fn a_paragraph_of_50_000_words() {
    let post = "2024-01-04-paragraph.md";
    let mut lines = Vec::new();
    let mut count = 0;
    while count < 50_000 {
        let words: Vec<&str> = if lines.len() == 2000 {
            SLIP.split(' ').collect()
        } else {
            WORDS[..WORDS.len().min(50_000 - count)].to_vec()
        };
        count += words.len();
        lines.push(words.join(" "));
    }
    let text = front_matter("Paragraph") + &lines.join("\n") + "\n";
    assert_eq!(
        text.split_whitespace().count(),
        50_000 + 6,
        "the words and the front matter"
    );
    let found = check(post, &text);
    assert_eq!(found, [quoted_boolean(post), met_not_meet(post, &text)]);
    assert!(found[1].contains(":2005:13:"), "{found:#?}");
}

#[test]
fn fifty_thousand_nested_block_quotes() {
    let post = "2024-01-05-quotes.md";
    let text = format!("{}{} {SLIP}\n", front_matter("Quotes"), ">".repeat(50_000));
    let found = check(post, &text);
    // Inside a block quote the slip is someone else's: an info note.
    let quoted = met_not_meet(post, &text).replace("warning[met-not-meet]", "info[met-not-meet]")
        + " (in quoted text)";
    assert_eq!(found, [quoted_boolean(post), quoted]);
}

#[test]
fn three_thousand_nested_list_levels() {
    let post = "2024-01-06-lists.md";
    let mut items: Vec<String> = (0..3000)
        .map(|i| format!("{}- item {i}", " ".repeat(2 * i)))
        .collect();
    items.last_mut().unwrap().push_str(&format!(" {SLIP}"));
    let text = front_matter("Lists") + &items.join("\n") + "\n";
    let found = check(post, &text);
    assert_eq!(found, [quoted_boolean(post), met_not_meet(post, &text)]);
}
