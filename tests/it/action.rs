//! The GitHub Action (`action.yml`), run step by step as a runner would run it:
//! a temporary git repository with a base and a head commit, the `GITHUB_*`
//! and `RUNNER_*` variables a pull request run has, each `run:` step executed
//! with bash and its `env:` expressions filled in, and the `uses:` step (the
//! build cache) simulated. The built binary stands in for the cached build;
//! for a tagged ref, a server on 127.0.0.1 stands in for the release host,
//! serving archives made here.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use libyaml_safer::{EventData, Parser};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// A YAML mapping's entries, in order.
type Map = Vec<(String, Yaml)>;

/// What these tests read of `action.yml`: scalars as written, lists and
/// mappings (no anchors, no tags).
#[derive(Debug)]
enum Yaml {
    Scalar(String),
    List(Vec<Yaml>),
    Map(Map),
}

impl Yaml {
    fn as_str(&self) -> Option<&str> {
        match self {
            Yaml::Scalar(value) => Some(value),
            _ => None,
        }
    }

    fn as_map(&self) -> Option<&Map> {
        match self {
            Yaml::Map(entries) => Some(entries),
            _ => None,
        }
    }
}

/// The first document of `text`, built from libyaml's events.
fn parse(text: &str) -> Yaml {
    let mut input = text.as_bytes();
    let mut parser = Parser::new();
    parser.set_input_string(&mut input);
    // The containers still open, each with the key its next value takes.
    let mut open: Vec<(Yaml, Option<String>)> = Vec::new();
    for event in parser {
        let node = match event.unwrap().data {
            EventData::Scalar { value, .. } => Yaml::Scalar(value),
            EventData::SequenceStart { .. } => {
                open.push((Yaml::List(Vec::new()), None));
                continue;
            }
            EventData::MappingStart { .. } => {
                open.push((Yaml::Map(Vec::new()), None));
                continue;
            }
            EventData::SequenceEnd | EventData::MappingEnd => open.pop().unwrap().0,
            _ => continue,
        };
        let Some((parent, key)) = open.last_mut() else {
            return node;
        };
        match (parent, node) {
            (Yaml::List(items), node) => items.push(node),
            (Yaml::Map(_), Yaml::Scalar(k)) if key.is_none() => *key = Some(k),
            (Yaml::Map(entries), node) => entries.push((key.take().unwrap(), node)),
            (Yaml::Scalar(_), _) => unreachable!("a scalar holds nothing"),
        }
    }
    panic!("no YAML document")
}

/// `action.yml`, parsed.
fn action() -> Map {
    let text = std::fs::read_to_string(Path::new(MANIFEST_DIR).join("action.yml")).unwrap();
    match parse(&text) {
        Yaml::Map(entries) => entries,
        _ => panic!("action.yml is not a mapping"),
    }
}

fn lookup<'a>(entries: &'a Map, key: &str) -> Option<&'a Yaml> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn text<'a>(entries: &'a Map, key: &str) -> Option<&'a str> {
    lookup(entries, key)?.as_str()
}

fn steps(action: &Map) -> Vec<&Map> {
    let runs = lookup(action, "runs").unwrap().as_map().unwrap();
    match lookup(runs, "steps").unwrap() {
        Yaml::List(items) => items.iter().filter_map(Yaml::as_map).collect(),
        _ => panic!("runs.steps is not a list"),
    }
}

#[test]
fn no_expression_reaches_a_shell_script() {
    let action = action();
    assert_eq!(
        text(lookup(&action, "runs").unwrap().as_map().unwrap(), "using"),
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
    /// `github.action_ref`: the tag, branch or commit the workflow pins.
    action_ref: Option<String>,
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
            action_ref: None,
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
            .as_map()
            .unwrap()
            .iter()
            .map(|(key, meta)| {
                let meta = meta.as_map().unwrap();
                (key.clone(), text(meta, "default").unwrap_or("").to_string())
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
                    if expression == "github.action_ref" {
                        return self.action_ref.clone().unwrap_or_default();
                    }
                    if expression == "github.action_repository" {
                        return "OWNER/prepress".into();
                    }
                    if let Some(output) = expression.strip_prefix("steps.") {
                        return outputs.get(output).cloned().unwrap_or_default();
                    }
                    panic!("the simulation does not know `{expression}`")
                })
            };
            if let Some(condition) = text(step, "if")
                && !holds(condition, &outputs)
            {
                continue;
            }
            if text(step, "uses").is_some() {
                assert_eq!(text(step, "uses"), Some("actions/cache@v4"));
                let hit = if self.cached { "true" } else { "false" };
                outputs.insert(format!("{id}.outputs.cache-hit"), hit.into());
                continue;
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
                for (key, value) in env.as_map().unwrap() {
                    command.env(key, evaluate(value.as_str().unwrap()));
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

/// Whether a step's `if:` holds: clauses such as `steps.a.outputs.b == ''`
/// or `steps.a.outputs.b != 'true'`, joined by `&&` (all the action uses).
fn holds(condition: &str, outputs: &HashMap<String, String>) -> bool {
    condition.split(" && ").all(|clause| {
        let (left, equal, right) = if let Some((left, right)) = clause.split_once(" == ") {
            (left, true, right)
        } else {
            let (left, right) = clause.split_once(" != ").expect("== or !=");
            (left, false, right)
        };
        let name = left.strip_prefix("steps.").expect("a step output");
        let value = outputs.get(name).map_or("", String::as_str);
        (value == right.trim_matches('\'')) == equal
    })
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

/// A release host on 127.0.0.1: serves the files under `root` by their path,
/// one request per connection, and logs each path asked for.
struct Host {
    url: String,
    asked: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Host {
    fn serve(root: PathBuf) -> Self {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = asked.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                reader.read_line(&mut request).unwrap();
                let mut header = String::new();
                while reader.read_line(&mut header).unwrap() > 2 {
                    header.clear();
                }
                let path = request.split(' ').nth(1).unwrap_or("/").to_string();
                log.lock().unwrap().push(path.clone());
                let response = match std::fs::read(root.join(path.trim_start_matches('/'))) {
                    Ok(body) => [
                        format!(
                            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        )
                        .into_bytes(),
                        body,
                    ]
                    .concat(),
                    Err(_) => {
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .to_vec()
                    }
                };
                let _ = stream.write_all(&response);
            }
        });
        Host { url, asked }
    }

    fn asked(&self) -> Vec<String> {
        self.asked.lock().unwrap().clone()
    }
}

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The Linux `x86_64` release archive and its `.sha256`, published under
/// `host_root/v<version>/`: a `prepress` that notes in `marker` that it ran,
/// then runs the binary under test. `tamper` changes the archive after its
/// sum was taken.
fn publish(host_root: &Path, marker: &Path, tamper: bool) {
    let staging = host_root.join("staging");
    std::fs::create_dir_all(&staging).unwrap();
    std::fs::write(
        staging.join("prepress"),
        format!(
            "#!/bin/sh\necho ran >> '{}'\nexec '{}' \"$@\"\n",
            marker.display(),
            env!("CARGO_BIN_EXE_prepress")
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        staging.join("prepress"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    let release = host_root.join(format!("v{VERSION}"));
    std::fs::create_dir_all(&release).unwrap();
    let archive = format!("prepress-{VERSION}-x86_64-unknown-linux-musl.tar.gz");
    let made = Command::new("tar")
        .arg("-czf")
        .arg(release.join(&archive))
        .arg("-C")
        .arg(&staging)
        .arg("prepress")
        .status()
        .unwrap();
    assert!(made.success());
    let sum = Command::new("sha256sum")
        .arg(&archive)
        .current_dir(&release)
        .output()
        .unwrap();
    assert!(sum.status.success());
    std::fs::write(release.join(format!("{archive}.sha256")), sum.stdout).unwrap();
    if tamper {
        let mut bytes = std::fs::read(release.join(&archive)).unwrap();
        bytes.extend_from_slice(b"tampered");
        std::fs::write(release.join(&archive), bytes).unwrap();
    }
}

/// A pull request run pinned to `action_ref`, with the release host at `host`.
fn pinned(action_ref: &str, host: &Host) -> Run {
    let mut run = Run::pull_request().input("release-url", &host.url);
    run.action_ref = Some(action_ref.into());
    run
}

/// Puts a `cargo` that fails first on the run's PATH, with no cached build:
/// a run that builds fails.
fn no_build(run: &mut Run) {
    run.cached = false;
    let stub = run.dir.path().join("stub-bin");
    std::fs::create_dir_all(&stub).unwrap();
    std::fs::write(
        stub.join("cargo"),
        "#!/bin/sh\necho 'cargo ran' >&2\nexit 3\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(stub.join("cargo"), std::fs::Permissions::from_mode(0o755)).unwrap();
    run.path_prefix = Some(stub);
}

#[test]
fn a_tagged_ref_runs_the_release_binary_it_downloads() {
    let root = tempfile::tempdir().unwrap();
    let marker = root.path().join("ran");
    publish(root.path(), &marker, false);
    let host = Host::serve(root.path().to_path_buf());
    let mut run = pinned(&format!("v{VERSION}"), &host);
    no_build(&mut run);
    let ran = run.run();
    let archive = format!("/v{VERSION}/prepress-{VERSION}-x86_64-unknown-linux-musl.tar.gz");
    assert_eq!(host.asked(), [archive.clone(), format!("{archive}.sha256")]);
    // The downloaded binary ran, and ran the check; nothing was built.
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "ran\n");
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert_eq!(annotations(&ran.stdout).len(), 3, "{}", ran.stdout);
}

#[test]
fn a_release_archive_that_fails_its_checksum_is_never_run() {
    let root = tempfile::tempdir().unwrap();
    let marker = root.path().join("ran");
    publish(root.path(), &marker, true);
    let host = Host::serve(root.path().to_path_buf());
    let ran = pinned("v1", &host).run();
    assert_eq!(ran.code, 2);
    assert!(
        ran.stdout.contains(&format!(
            "::error title=prepress::prepress-{VERSION}-x86_64-unknown-linux-musl.tar.gz does not match its published SHA-256"
        )),
        "{}",
        ran.stdout
    );
    assert!(ran.stdout.contains(": not running it"), "{}", ran.stdout);
    assert!(!marker.exists(), "the tampered binary ran");
    assert!(
        annotations(&ran.stdout)
            .iter()
            .all(|a| a.starts_with("::error title=prepress::"))
    );
}

#[test]
fn a_branch_or_commit_uses_the_cached_build_without_a_download() {
    let root = tempfile::tempdir().unwrap();
    let marker = root.path().join("ran");
    publish(root.path(), &marker, false);
    let host = Host::serve(root.path().to_path_buf());
    for action_ref in [
        "main",
        "0123456789abcdef0123456789abcdef01234567",
        "v1-beta",
    ] {
        let ran = pinned(action_ref, &host).run();
        assert_eq!(ran.code, 1, "{}", ran.stderr);
        assert_eq!(annotations(&ran.stdout).len(), 3, "{}", ran.stdout);
    }
    assert!(host.asked().is_empty(), "{:?}", host.asked());
    assert!(!marker.exists());
}

#[test]
fn a_tag_without_a_release_archive_falls_back_to_the_cached_build() {
    let root = tempfile::tempdir().unwrap();
    let host = Host::serve(root.path().to_path_buf());
    let ran = pinned("v9.9.9", &host).run();
    assert_eq!(
        host.asked(),
        [format!(
            "/v{VERSION}/prepress-{VERSION}-x86_64-unknown-linux-musl.tar.gz"
        )]
    );
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert_eq!(annotations(&ran.stdout).len(), 3, "{}", ran.stdout);
}
