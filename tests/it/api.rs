//! The public facade, `prepress::api`, as an editor server uses it: one
//! checker kept across checks of paths and of unsaved texts, with nothing
//! else of the crate named.

use std::path::{Path, PathBuf};

use prepress::api::{
    Applicability, Checker, Finding, Format, Human, Options, RenderFile, ReportOptions, Severity,
    Source, Tally, Writer,
};

/// A small site with a post that repeats a word.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    std::fs::write(
        dir.path().join("_config.yml"),
        "title: A blog\nauthor: Team\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("_posts/2024-01-01-hello.md"),
        "---\ntitle: Hello\n---\nWe met the the team.\n",
    )
    .unwrap();
    dir
}

#[test]
fn checking_paths_gives_findings_with_spans_positions_and_fixes() {
    let dir = site();
    let mut checker = Checker::new(Options::new(dir.path())).unwrap();
    let outcome = checker
        .check_paths(&[dir.path().to_path_buf()], None, None)
        .unwrap();
    assert_eq!(outcome.files_checked, 1);
    assert_eq!(outcome.files.len(), 1);
    let file = &outcome.files[0];
    assert_eq!(file.display, "_posts/2024-01-01-hello.md");
    assert_eq!(file.findings.len(), 1, "{:?}", file.findings);
    let finding = &file.findings[0];
    let d = &finding.diagnostic;
    assert_eq!(d.rule, "repeated-word");
    assert_eq!(d.severity, Severity::Warning);
    let text = std::fs::read_to_string(&file.path).unwrap();
    assert_eq!(&text[d.span.clone()], "the the");
    assert_eq!((finding.start.line, finding.start.column), (4, 8));
    let fix = d.fix.as_ref().expect("a repeated word has a fix");
    assert_eq!(fix.applicability, Applicability::Unsafe);
    assert!(!fix.applicability.taken(false));
    let mut fixed = text.clone();
    fixed.replace_range(fix.span.clone(), &fix.replacement);
    assert_eq!(fixed, "---\ntitle: Hello\n---\nWe met the team.\n");
}

#[test]
fn an_unsaved_text_is_checked_as_the_file_it_stands_for() {
    let dir = site();
    let mut checker = Checker::new(Options::new(dir.path())).unwrap();
    let post = dir.path().join("_posts/2024-01-01-hello.md");
    // The buffer, edited but not saved: the slip is fixed, a new one made.
    let edited = "---\ntitle: Hello\n---\nWe met the team.\n\nIt it rains.\n";
    let outcome = checker.check_text(&post, edited.to_string(), None).unwrap();
    let findings: Vec<_> = outcome.findings().collect();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(&edited[findings[0].diagnostic.span.clone()], "It it");
    assert_eq!(findings[0].start.line, 6);
    // A file that does not exist yet, in the site's `_posts`: its name is
    // checked as a post's.
    let new = dir.path().join("_posts/hello.md");
    let outcome = checker
        .check_text(&new, "---\ntitle: New\n---\nText.\n".to_string(), None)
        .unwrap();
    let rules: Vec<&str> = outcome.findings().map(|f| &*f.diagnostic.rule).collect();
    assert_eq!(rules, ["post-filename"]);
    // The same checker, many times over, keeps giving the same answer.
    for _ in 0..20 {
        let again = checker.check_text(&post, edited.to_string(), None).unwrap();
        assert_eq!(again.findings().count(), 1);
    }
}

#[test]
fn every_format_writes_and_compact_matches_the_command_line() {
    let dir = site();
    let mut options = Options::new(dir.path());
    options.threads = 1;
    let mut checker = Checker::new(options).unwrap();
    let outcome = checker
        .check_paths(&[dir.path().to_path_buf()], None, None)
        .unwrap();
    let written = |format| {
        let mut out = Vec::new();
        checker
            .write(format, &outcome, &ReportOptions::default(), &mut out)
            .unwrap();
        String::from_utf8(out).unwrap()
    };
    let cli = assert_cmd::cargo::cargo_bin_cmd!("prepress")
        .current_dir(dir.path())
        .args(["--format", "compact"])
        .output()
        .unwrap();
    assert_eq!(
        written(Format::Compact),
        String::from_utf8(cli.stdout).unwrap()
    );
    assert!(
        written(Format::Compact)
            .starts_with("_posts/2024-01-01-hello.md:4:8: warning[repeated-word]")
    );
    let json: serde_json::Value = serde_json::from_str(&written(Format::Json)).unwrap();
    assert!(json.to_string().contains("repeated-word"), "{json}");
    assert!(written(Format::Sarif).contains("\"version\": \"2.1.0\""));
    assert!(
        written(Format::Github).starts_with("::warning file=_posts/2024-01-01-hello.md,line=4")
    );
    assert!(checker.rules().iter().any(|r| r.id == "repeated-word"));
}

#[test]
fn a_mistake_in_the_config_is_the_error() {
    let dir = site();
    std::fs::write(dir.path().join(".prepress.yml"), "rules:\n  disable: 3\n").unwrap();
    let err = Checker::new(Options::new(dir.path())).unwrap_err();
    assert!(err.path.ends_with(".prepress.yml"), "{err:?}");
}

/// A renderer with a bug: it panics on a text that holds `BUG`, as prepress
/// code that panics on one file would.
struct Buggy;

impl RenderFile for Buggy {
    fn render(&self, source: Source<'_>, findings: &[Finding]) -> String {
        assert!(
            !source.text.is_some_and(|text| text.contains("BUG")),
            "a bug met in {}",
            source.name
        );
        format!("{}: {}\n", source.name, findings.len())
    }
}

#[test]
fn a_panic_in_one_files_check_is_its_finding_and_the_others_are_checked() {
    let dir = site();
    std::fs::write(
        dir.path().join("_posts/2024-01-02-bug.md"),
        "---\ntitle: BUG\n---\nIt it rains.\n",
    )
    .unwrap();
    let mut options = Options::new(dir.path());
    options.threads = 1;
    let mut checker = Checker::new(options).unwrap();
    let outcome = checker
        .check_paths(&[dir.path().to_path_buf()], None, Some(&Buggy))
        .unwrap();
    let found: Vec<(&str, &str, usize, String)> = outcome
        .files
        .iter()
        .flat_map(|file| {
            file.findings.iter().map(|f| {
                let d = &f.diagnostic;
                (
                    file.display.as_str(),
                    d.rule.as_str(),
                    f.start.line,
                    d.message.clone(),
                )
            })
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "_posts/2024-01-01-hello.md",
                "repeated-word",
                4,
                "`the` is repeated".to_string()
            ),
            (
                "_posts/2024-01-02-bug.md",
                "internal-error",
                1,
                "prepress failed while checking `_posts/2024-01-02-bug.md`: a bug met in \
                 _posts/2024-01-02-bug.md"
                    .to_string()
            ),
        ]
    );
    assert_eq!(outcome.count(Severity::Error), 1);
    // An unsaved buffer that meets the bug gets the same finding, and the
    // checker goes on checking.
    let post = dir.path().join("_posts/2024-01-01-hello.md");
    let outcome = checker
        .check_text(
            &post,
            "---\ntitle: BUG\n---\nIt it.\n".to_string(),
            Some(&Buggy),
        )
        .unwrap();
    let rules: Vec<&str> = outcome
        .findings()
        .map(|f| f.diagnostic.rule.as_str())
        .collect();
    assert_eq!(rules, ["internal-error"]);
    let outcome = checker
        .check_text(
            &post,
            "---\ntitle: Fine\n---\nIt it.\n".to_string(),
            Some(&Buggy),
        )
        .unwrap();
    let rules: Vec<&str> = outcome
        .findings()
        .map(|f| f.diagnostic.rule.as_str())
        .collect();
    assert_eq!(rules, ["repeated-word"]);
}

/// Every format, with the renderer the human one needs.
const FORMATS: [Format; 5] = [
    Format::Human,
    Format::Compact,
    Format::Json,
    Format::Github,
    Format::Sarif,
];

/// The summary line without its run time, which differs between runs.
fn without_time(text: &str) -> String {
    match (text.find("checked in "), text.find(" ms)")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &text[..start], &text[end..])
        }
        _ => text.to_string(),
    }
}

/// `dir` checked with `threads` workers, written in `format`: from the
/// collected `Outcome` and streamed to a `Writer`, each with its tally.
fn collected_and_streamed(dir: &Path, format: Format, threads: usize) -> [(String, Tally); 2] {
    let mut options = Options::new(dir);
    options.threads = threads;
    let mut checker = Checker::new(options).unwrap();
    let human = Human::new(false);
    let render = (format == Format::Human).then_some(&human as &dyn RenderFile);
    let paths = [dir.to_path_buf()];
    let outcome = checker.check_paths(&paths, None, render).unwrap();
    let mut collected = Vec::new();
    checker
        .write(format, &outcome, &ReportOptions::default(), &mut collected)
        .unwrap();
    let catalog = checker.rules().to_vec();
    let mut streamed = Vec::new();
    let mut writer = Writer::new(format, &catalog, ReportOptions::default(), &mut streamed);
    checker
        .check_paths_into(&paths, None, render, &mut writer)
        .unwrap();
    let tally = *writer.tally();
    writer.done().unwrap();
    let text = |bytes: Vec<u8>| without_time(&String::from_utf8(bytes).unwrap());
    [(text(collected), outcome.tally()), (text(streamed), tally)]
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

#[test]
fn streamed_reports_match_the_collected_outcome_in_every_format() {
    for format in FORMATS {
        for threads in [1, 3] {
            let [collected, streamed] = collected_and_streamed(&fixtures(), format, threads);
            assert_eq!(streamed.0, collected.0, "{format:?} with {threads} threads");
            assert_eq!(streamed.1, collected.1, "{format:?} with {threads} threads");
            assert!(collected.1.files_with_findings > 10, "{:?}", collected.1);
        }
    }
}

#[test]
fn the_command_line_streams_what_the_collected_outcome_says() {
    for format in FORMATS {
        let [(collected, tally), _] = collected_and_streamed(&fixtures(), format, 0);
        let cli = assert_cmd::cargo::cargo_bin_cmd!("prepress")
            .current_dir(fixtures())
            .args(["check", "--color", "never", "--format"])
            .arg(format!("{format:?}").to_lowercase())
            .arg(fixtures())
            .output()
            .unwrap();
        assert_eq!(
            without_time(&String::from_utf8(cli.stdout).unwrap()),
            collected,
            "{format:?}"
        );
        let status = if tally.incomplete {
            2
        } else {
            i32::from(tally.errors > 0)
        };
        assert_eq!(cli.status.code(), Some(status), "{format:?}");
    }
}

#[test]
fn the_site_steps_findings_come_last_in_path_order_when_streamed() {
    let dir = site();
    let post = |name: &str, tags: &str, text: &str| {
        let front = format!("---\ntitle: A post\ntags: {tags}\n---\n{text}\n");
        std::fs::write(dir.path().join("_posts").join(name), front).unwrap();
    };
    post("2024-02-01-a.md", "[Agile]", "It it rains.");
    post("2024-02-02-b.md", "[agile, Open-Source]", "Fine.");
    post("2024-02-03-c.md", "[agile, open source]", "Fine.");
    post("2024-02-04-d.md", "[open source]", "We met the the team.");
    let [(collected, before), (streamed, after)] =
        collected_and_streamed(dir.path(), Format::Compact, 0);
    assert_eq!(after, before);
    let is_site_step = |line: &&str| line.contains("[tag-variants]");
    let lines: Vec<&str> = streamed.lines().collect();
    let site_step: Vec<&str> = lines.iter().copied().filter(is_site_step).collect();
    assert_eq!(site_step.len(), 2, "{streamed}");
    assert!(
        site_step[0].starts_with("_posts/2024-02-01-a.md:3:"),
        "{streamed}"
    );
    assert!(
        site_step[1].starts_with("_posts/2024-02-02-b.md:3:"),
        "{streamed}"
    );
    // They come after every other finding, in path order among themselves;
    // the others keep the collected order.
    assert_eq!(lines[lines.len() - 2..], site_step[..]);
    let others = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !is_site_step(l))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(others(&streamed), others(&collected));
    assert!(
        others(&collected)
            .iter()
            .any(|l| l.starts_with("_posts/2024-02-04-d.md"))
    );
    let sorted = |text: &str| {
        let mut lines: Vec<&str> = text.lines().collect();
        lines.sort_unstable();
        lines.join("\n")
    };
    assert_eq!(sorted(&streamed), sorted(&collected));
    // Collected, each file's report holds its own site-step finding.
    let collected_order: Vec<&str> = collected.lines().collect();
    assert!(collected_order[0].starts_with("_posts/2024-01-01-hello.md"));
    assert!(collected_order[1].starts_with("_posts/2024-02-01-a.md"));
}
