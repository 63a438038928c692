//! The public facade, `prepress::api`, as an editor server uses it: one
//! checker kept across checks of paths and of unsaved texts, with nothing
//! else of the crate named.

use prepress::api::{
    Applicability, Checker, Finding, Format, Options, RenderFile, ReportOptions, Severity, Source,
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
