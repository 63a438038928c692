//! The human format against the others: the same line and column in every
//! header, and long lines shown as a window with the underline in place.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use unicode_width::UnicodeWidthChar;

/// A site of one post with `body` under a short front matter.
fn site_with(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("_config.yml"), "title: t\n").unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    let post = format!("---\ntitle: A post\nauthor: Sam\n---\n\n{body}");
    std::fs::write(dir.path().join("_posts/2024-05-01-post.md"), post).unwrap();
    dir
}

/// What `prepress --format FORMAT` prints in `dir`, colour off.
fn run(dir: &Path, format: &str) -> String {
    let output = cargo_bin_cmd!("prepress")
        .current_dir(dir)
        .args(["--color", "never", "--format", format])
        .output()
        .expect("prepress runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

/// The `path:line:column` of every finding, as the human, compact and JSON
/// formats print them.
fn places(dir: &Path) -> [Vec<String>; 3] {
    let human = run(dir, "human")
        .lines()
        .filter_map(|l| Some(l.split_once("╭─[")?.1.strip_suffix(']')?.to_string()))
        .collect();
    let compact = run(dir, "compact")
        .lines()
        .map(|l| l.splitn(4, ':').take(3).collect::<Vec<_>>().join(":"))
        .collect();
    let json: serde_json::Value = serde_json::from_str(&run(dir, "json")).unwrap();
    let json = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}",
                d["path"].as_str().unwrap(),
                d["line"],
                d["column"]
            )
        })
        .collect();
    [human, compact, json]
}

/// Each snippet line with an underline below it: the line as printed and
/// the characters over each run of the underline (by their width on screen).
fn underlined(human: &str) -> Vec<(String, Vec<String>)> {
    let lines: Vec<&str> = human.lines().collect();
    lines
        .windows(2)
        .filter_map(|pair| {
            let (_, text) = pair[0].split_once(" │ ")?;
            let (_, marks) = pair[1].split_once(" · ")?;
            let marks: Vec<bool> = marks.chars().map(|c| matches!(c, '─' | '┬')).collect();
            let mut runs: Vec<String> = Vec::new();
            let mut column = 0;
            for c in text.chars() {
                let under = marks.get(column).copied().unwrap_or(false);
                let starts = under && (column == 0 || !marks[column - 1]);
                match runs.last_mut() {
                    Some(run) if under && !starts => run.push(c),
                    _ if under => runs.push(c.to_string()),
                    _ => {}
                }
                column += c.width().unwrap_or(0);
            }
            (!runs.is_empty()).then(|| (text.to_string(), runs))
        })
        .collect()
}

#[test]
fn the_header_gives_the_line_and_column_of_the_other_formats() {
    let dir = site_with(
        "Café — 🙂 and the the cat.\n\
         naïve—“quoted” 👩\u{200d}💻 text, and a a slip.\n\
         e\u{301}e\u{301} — 日本語 should of known.\n",
    );
    let [human, compact, json] = places(dir.path());
    assert_eq!(compact.len(), 3, "{compact:?}");
    assert_eq!(human, compact);
    assert_eq!(json, compact);
    assert_eq!(compact[0], "_posts/2024-05-01-post.md:6:14");
}

/// A line of `length` characters of `filler` with "the the" at character `at`.
fn long_line(filler: &str, length: usize, at: usize) -> String {
    let text: Vec<char> = filler.chars().cycle().take(length).collect();
    let before: String = text[..at].iter().collect();
    let after: String = text[at..].iter().collect();
    format!("{before} and the the cat {after}")
}

#[test]
fn a_long_line_is_shown_as_a_window_with_the_underline_under_the_span() {
    let plain = "The quick brown fox jumps over a lazy dog. ";
    let accented = "Café crème — naïve piñata 🙂 déjà vu. 日本語. ";
    let lines = [
        long_line(plain, 5_000, 2_500),
        long_line(plain, 5_000, 10),
        long_line(plain, 5_000, 4_985),
        long_line(accented, 5_000, 2_500),
    ];
    let dir = site_with(&lines.join("\n\n"));
    let human = run(dir.path(), "human");

    let longest = human.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < 120, "a line of {longest} characters:\n{human}");
    let shown = underlined(&human);
    assert_eq!(shown.len(), 4, "{human}");
    for (text, flagged) in &shown {
        assert_eq!(flagged, &["the the"], "under {text:?}");
    }
    // Cut text is marked at the start, at the end, or at both.
    assert!(shown[0].0.starts_with('…') && shown[0].0.ends_with('…'));
    assert!(!shown[1].0.starts_with('…') && shown[1].0.ends_with('…'));
    assert!(shown[2].0.starts_with('…') && !shown[2].0.ends_with('…'));
    assert!(shown[3].0.contains('🙂') && shown[3].0.contains("日本語"));

    let [human, compact, json] = places(dir.path());
    assert_eq!(human, compact);
    assert_eq!(json, compact);
    assert_eq!(compact[0], "_posts/2024-05-01-post.md:6:2506");
}

#[test]
fn a_label_on_the_same_long_line_is_drawn_in_a_window_of_its_own() {
    // The less used spelling is flagged, with a label on the first use of
    // the other, some 2,600 characters before it on the same line.
    let filler = "The quick brown fox jumps over a lazy dog. ";
    let first = long_line(filler, 300, 300).replace("the the", "an email, an email,");
    let line = format!("{first}{}Send an e-mail later.", filler.repeat(60));
    let dir = site_with(&line);
    let human = run(dir.path(), "human");
    let shown = underlined(&human);
    assert_eq!(shown.len(), 1, "{human}");
    let (text, flagged) = &shown[0];
    assert_eq!(flagged, &["email", "e-mail"], "under {text:?}");
    // Cut before the first window and between the two; the line ends in the second.
    assert_eq!(text.matches('…').count(), 2, "{text}");
    assert!(text.starts_with('…') && text.ends_with("later."), "{text}");
    assert!(text.chars().count() < 200, "{text}");
    assert!(human.contains("╰── written `email` here"), "{human}");
    let [human, compact, json] = places(dir.path());
    assert_eq!(human, compact);
    assert_eq!(json, compact);
}
