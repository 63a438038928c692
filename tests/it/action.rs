//! The GitHub Action (`action.yml`), run step by step as a runner would run it:
//! a temporary git repository with a base and a head commit, the `GITHUB_*`
//! and `RUNNER_*` variables a pull request run has, each `run:` step executed
//! with bash and its `env:` expressions filled in, and the `uses:` step (the
//! build cache) simulated. The built binary stands in for the cached build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use prepress::front_matter::tree::{self, Entry, Node, NodeKind, lookup};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// `action.yml`, parsed.
fn action() -> Vec<Entry> {
    let text = std::fs::read_to_string(Path::new(MANIFEST_DIR).join("action.yml")).unwrap();
    match tree::parse(&text, 0).unwrap().unwrap().kind {
        NodeKind::Mapping(entries) => entries,
        _ => panic!("action.yml is not a mapping"),
    }
}

fn text<'a>(entries: &'a [Entry], key: &str) -> Option<&'a str> {
    lookup(entries, key)?
        .value
        .as_scalar()
        .map(|s| s.value.as_str())
}

fn steps(action: &[Entry]) -> Vec<&[Entry]> {
    let runs = lookup(action, "runs").unwrap().value.as_mapping().unwrap();
    match &lookup(runs, "steps").unwrap().value.kind {
        NodeKind::Sequence(items) => items.iter().filter_map(Node::as_mapping).collect(),
        _ => panic!("runs.steps is not a list"),
    }
}

#[test]
fn no_expression_reaches_a_shell_script() {
    let action = action();
    assert_eq!(
        text(
            lookup(&action, "runs").unwrap().value.as_mapping().unwrap(),
            "using"
        ),
        Some("composite")
    );
    let steps = steps(&action);
    assert!(steps.len() >= 3);
    for step in steps {
        if let Some(run) = text(step, "run") {
            assert!(
                !run.contains("${{"),
                "an expression inside `run:` of step {:?}",
                text(step, "name")
            );
            assert_eq!(text(step, "shell"), Some("bash"));
        }
    }
}

/// A pull request run of the action in a temporary repository.
struct Run {
    dir: tempfile::TempDir,
    inputs: HashMap<String, String>,
    event_base: Option<String>,
    cached: bool,
    path_prefix: Option<PathBuf>,
}

/// What one run of the action did.
#[derive(Debug)]
struct Ran {
    stdout: String,
    stderr: String,
    code: i32,
    summary: String,
}

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=t@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join("repo").join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

const CONFIG: &str = "title: Team blog\nauthor: Team\n";
const OLD: &str = "---\ntitle: Old\ndate: TBD\n---\nAn old post that is broken, but untouched.\n";
const EDITED_BASE: &str =
    "---\ntitle: Edited\ndate: someday\n---\nThe first paragraph.\n\nThe second paragraph.\n";
const EDITED_HEAD: &str = "---\ntitle: Edited\ndate: someday\n---\nThe first paragraph.\n\nThe second paragraph, which has been meet with praise.\n";
const NEW: &str = "---\ntitle: New\ncomments: \"false\"\n---\nA new post.\n";

impl Run {
    /// A repository whose head commit edits one post and adds another; an old
    /// broken post stays untouched.
    fn pull_request() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(&repo).unwrap();
        git(&repo, &["init", "-q"]);
        write(
            dir.path(),
            &[
                ("_config.yml", CONFIG),
                ("_posts/2024-01-01-old.md", OLD),
                ("_posts/2024-01-02-edited.md", EDITED_BASE),
            ],
        );
        git(&repo, &["add", "-A"]);
        git(&repo, &["commit", "-q", "-m", "base"]);
        let base = git(&repo, &["rev-parse", "HEAD"]);
        write(
            dir.path(),
            &[
                ("_posts/2024-01-02-edited.md", EDITED_HEAD),
                ("_posts/2024-01-03-new.md", NEW),
                ("notes.txt", "not Markdown\n"),
            ],
        );
        git(&repo, &["add", "-A"]);
        git(&repo, &["commit", "-q", "-m", "head"]);
        Run {
            event_base: Some(base),
            dir,
            inputs: HashMap::new(),
            cached: true,
            path_prefix: None,
        }
    }

    fn input(mut self, name: &str, value: &str) -> Self {
        self.inputs.insert(name.into(), value.into());
        self
    }

    fn repo(&self) -> PathBuf {
        self.dir.path().join("repo")
    }

    /// Runs every step of the action in order, as a composite action runs.
    fn run(&self) -> Ran {
        let action = action();
        let temp = self.dir.path().join("runner-temp");
        std::fs::create_dir_all(&temp).unwrap();
        let output_file = temp.join("github-output");
        let summary = temp.join("step-summary");
        std::fs::write(&summary, "").unwrap();
        let mut outputs: HashMap<String, String> = HashMap::new();
        let defaults: HashMap<String, String> = lookup(&action, "inputs")
            .unwrap()
            .value
            .as_mapping()
            .unwrap()
            .iter()
            .map(|e| {
                let meta = e.value.as_mapping().unwrap();
                (
                    e.key.key_text().unwrap().to_string(),
                    text(meta, "default").unwrap_or("").to_string(),
                )
            })
            .collect();
        let mut last = None;
        for step in steps(&action) {
            let id = text(step, "id").unwrap_or("");
            let evaluate = |value: &str| -> String {
                expand(value, &|expression| {
                    if let Some(name) = expression.strip_prefix("inputs.") {
                        return self
                            .inputs
                            .get(name)
                            .or(defaults.get(name))
                            .cloned()
                            .unwrap_or_else(|| panic!("no input {name}"));
                    }
                    if expression == "github.event.pull_request.base.sha" {
                        return self.event_base.clone().unwrap_or_default();
                    }
                    if let Some(output) = expression.strip_prefix("steps.") {
                        return outputs.get(output).cloned().unwrap_or_default();
                    }
                    panic!("the simulation does not know `{expression}`")
                })
            };
            if text(step, "uses").is_some() {
                assert_eq!(text(step, "uses"), Some("actions/cache@v4"));
                let hit = if self.cached { "true" } else { "false" };
                outputs.insert(format!("{id}.outputs.cache-hit"), hit.into());
                continue;
            }
            if let Some(condition) = text(step, "if") {
                assert_eq!(condition, "steps.cache.outputs.cache-hit != 'true'");
                if self.cached {
                    continue;
                }
            }
            let script = text(step, "run").expect("a step runs a script");
            let mut command = Command::new("bash");
            command
                .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
                .current_dir(self.repo())
                .env("GITHUB_ACTION_PATH", MANIFEST_DIR)
                .env("GITHUB_WORKSPACE", self.repo())
                .env("GITHUB_OUTPUT", &output_file)
                .env("GITHUB_STEP_SUMMARY", &summary)
                .env("RUNNER_TEMP", &temp)
                .env("RUNNER_OS", "Linux")
                .env("RUNNER_ARCH", "X64")
                .env_remove("NO_COLOR");
            if let Some(prefix) = &self.path_prefix {
                let path = std::env::var("PATH").unwrap_or_default();
                command.env("PATH", format!("{}:{path}", prefix.display()));
            }
            if let Some(env) = lookup(step, "env") {
                for entry in env.value.as_mapping().unwrap() {
                    let value = entry.value.as_scalar().unwrap().value.as_str();
                    command.env(entry.key.key_text().unwrap(), evaluate(value));
                }
            }
            std::fs::write(&output_file, "").unwrap();
            let output = command.output().unwrap();
            for line in std::fs::read_to_string(&output_file).unwrap().lines() {
                if let Some((key, value)) = line.split_once('=') {
                    outputs.insert(format!("{id}.outputs.{key}"), value.into());
                }
            }
            if id == "key" {
                // The cached build: the binary under test.
                let bin = PathBuf::from(&outputs["key.outputs.dir"]).join("bin");
                std::fs::create_dir_all(&bin).unwrap();
                let _ = std::fs::remove_file(bin.join("prepress"));
                std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_prepress"), bin.join("prepress"))
                    .unwrap();
            }
            let ran = Ran {
                stdout: String::from_utf8(output.stdout).unwrap(),
                stderr: String::from_utf8(output.stderr).unwrap(),
                code: output.status.code().unwrap(),
                summary: String::new(),
            };
            assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
            if ran.code != 0 {
                last = Some(ran);
                break;
            }
            last = Some(ran);
        }
        let mut ran = last.expect("a step ran");
        ran.summary = std::fs::read_to_string(&summary).unwrap();
        ran
    }
}

/// Fills in `${{ expression }}`s.
fn expand(value: &str, lookup: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find("${{") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find("}}").expect("expression closes") + at;
        out.push_str(&lookup(rest[at + 3..end].trim()));
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

fn annotations(stdout: &str) -> Vec<&str> {
    stdout.lines().filter(|l| l.starts_with("::")).collect()
}

#[test]
fn a_pull_request_run_annotates_only_its_changed_lines() {
    let run = Run::pull_request();
    let ran = run.run();
    let shown = annotations(&ran.stdout);
    assert_eq!(
        shown,
        [
            "::warning file=_posts/2024-01-02-edited.md,line=7,col=38,endLine=7,endColumn=42,title=met-not-meet::after `been`, write `met`, not `meet`%0Awrite `met`",
            "::warning file=_posts/2024-01-03-new.md,line=3,col=11,endLine=3,endColumn=18,title=quoted-boolean::`comments: \"false\"` is the text \"false\", which Liquid treats as true%0Aremove the quotes: `comments: false`",
            "::notice title=prepress::1 more findings are not annotated (only findings on changed lines are annotated, at most 10 of each kind per step); the job summary or `prepress --format compact` lists them all",
        ],
        "{}",
        ran.stderr
    );
    // The old date error in the edited post fails the job; the untouched post
    // is not checked at all.
    assert_eq!(ran.code, 1);
    assert!(!ran.stdout.contains("2024-01-01-old.md"));
    assert!(
        ran.summary.starts_with("## prepress\n\n"),
        "{}",
        ran.summary
    );
    let rows: Vec<&str> = ran
        .summary
        .lines()
        .filter(|l| l.starts_with("| "))
        .collect();
    assert_eq!(rows.len(), 4, "{}", ran.summary);
    assert!(
        rows[1].contains("| yes | `_posts/2024-01-02-edited.md` | 7:38 | `met-not-meet` |"),
        "{}",
        ran.summary
    );
    assert!(
        rows[3].contains("|  | `_posts/2024-01-02-edited.md` | 3:7 | `invalid-date` |"),
        "{}",
        ran.summary
    );
}

#[test]
fn the_threshold_input_decides_the_exit_status() {
    assert_eq!(Run::pull_request().input("fail-on", "never").run().code, 0);
    assert_eq!(Run::pull_request().input("fail-on", "error").run().code, 1);
    let repo_without_errors = Run::pull_request();
    let edited = repo_without_errors
        .repo()
        .join("_posts/2024-01-02-edited.md");
    std::fs::write(&edited, EDITED_BASE.replace("someday", "2024-01-02")).unwrap();
    git(
        &repo_without_errors.repo(),
        &["commit", "-qam", "fix the date"],
    );
    let ran = repo_without_errors.input("fail-on", "error").run();
    assert_eq!(ran.code, 0, "{}", ran.stdout);
    assert_eq!(annotations(&ran.stdout).len(), 1, "{}", ran.stdout);
    let warnings_fail = Run::pull_request();
    std::fs::write(
        warnings_fail.repo().join("_posts/2024-01-02-edited.md"),
        EDITED_BASE.replace("someday", "2024-01-02"),
    )
    .unwrap();
    git(&warnings_fail.repo(), &["commit", "-qam", "fix the date"]);
    assert_eq!(warnings_fail.input("fail-on", "warning").run().code, 1);
}

#[test]
fn all_files_and_push_runs_check_everything() {
    let ran = Run::pull_request().input("all-files", "true").run();
    assert!(
        ran.stdout.contains("file=_posts/2024-01-01-old.md,line=3"),
        "{}",
        ran.stdout
    );
    assert_eq!(annotations(&ran.stdout).len(), 4, "{}", ran.stdout);
    let mut push = Run::pull_request();
    push.event_base = None;
    let ran = push
        .input("paths", "_posts/2024-01-01-old.md _config.yml")
        .run();
    assert_eq!(
        annotations(&ran.stdout),
        [
            "::error file=_posts/2024-01-01-old.md,line=3,col=7,endLine=3,endColumn=10,title=invalid-date::`TBD` is not a date Jekyll can read, so the build stops%0Awrite `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS +/-TTTT`, or delete the line to use the file name's date"
        ],
    );
}

#[test]
fn a_pull_request_without_markdown_changes_passes() {
    let mut run = Run::pull_request();
    std::fs::write(run.repo().join("notes.txt"), "changed\n").unwrap();
    git(&run.repo(), &["commit", "-qam", "text only"]);
    run.event_base = Some(git(&run.repo(), &["rev-parse", "HEAD~1"]));
    let ran = run.run();
    assert_eq!(
        (ran.code, ran.stdout.trim()),
        (0, "prepress: the pull request changes no Markdown files")
    );
    assert!(
        ran.summary.contains("changes no Markdown files"),
        "{}",
        ran.summary
    );
}

#[test]
fn a_missing_base_commit_is_a_clear_error() {
    let mut run = Run::pull_request();
    run.event_base = Some("0123456789abcdef0123456789abcdef01234567".into());
    let ran = run.run();
    assert_eq!(ran.code, 2);
    assert!(
        ran.stdout
            .contains("::error title=prepress::cannot find the pull request's base commit"),
        "{}",
        ran.stdout
    );
}

#[test]
fn writes_sarif_when_asked() {
    let run = Run::pull_request().input("sarif-file", "prepress.sarif");
    run.run();
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(run.repo().join("prepress.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 3);
}

#[test]
fn without_a_cached_build_it_installs_from_the_action_source() {
    let mut run = Run::pull_request();
    run.cached = false;
    let stub = run.dir.path().join("stub-bin");
    std::fs::create_dir_all(&stub).unwrap();
    let log = run.dir.path().join("cargo-args");
    std::fs::write(
        stub.join("cargo"),
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n", log.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(stub.join("cargo"), std::fs::Permissions::from_mode(0o755)).unwrap();
    run.path_prefix = Some(stub);
    let ran = run.run();
    let args = std::fs::read_to_string(&log).unwrap();
    let temp = run.dir.path().join("runner-temp/prepress-bin");
    assert_eq!(
        args.lines().collect::<Vec<_>>(),
        [
            "install",
            "--locked",
            "--path",
            MANIFEST_DIR,
            "--root",
            temp.to_str().unwrap()
        ]
    );
    // The key step made the binary the stub did not build; the check ran.
    assert_eq!(ran.code, 1);
}
