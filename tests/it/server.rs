//! `prepress server` driven over JSON-RPC as an editor drives it: the
//! handshake, documents opened and changed, diagnostics, code actions,
//! hover, a command, files changed on disk, shutdown and exit.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// A running server and the messages it sent that no one read yet.
struct Session {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    unread: Vec<Value>,
    next_id: i64,
}

/// How long any one message may take to come.
const PATIENCE: Duration = Duration::from_secs(60);

impl Session {
    /// Starts `prepress server` on the workspace `root` and finishes the
    /// handshake, offering UTF-8 positions when `utf8`; returns the session
    /// and the initialize result.
    fn start(root: &Path, utf8: bool) -> (Self, Value) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_prepress"))
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                if send.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut session = Session {
            child,
            stdin,
            incoming,
            unread: Vec::new(),
            next_id: 1,
        };
        let encodings = if utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let root_uri = uri(root);
        let result = session.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": [{"uri": root_uri, "name": "blog"}],
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                },
            }),
        );
        session.notify("initialized", json!({}));
        (session, result)
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its answer's result.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let answer = self.wait(|m| m["id"] == id && m.get("method").is_none());
        assert!(answer.get("error").is_none(), "{answer}");
        answer["result"].clone()
    }

    /// The first message, read or not, that `wanted` picks; requests from
    /// the server are answered on the way.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.unread.iter().position(&wanted) {
            return self.unread.remove(at);
        }
        loop {
            let message = self
                .incoming
                .recv_timeout(PATIENCE)
                .expect("the server answers in time");
            if message.get("method").is_some() && message.get("id").is_some() {
                let id = message["id"].clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
            }
            if wanted(&message) {
                return message;
            }
            self.unread.push(message);
        }
    }

    /// The diagnostics next published for `uri` (at `version` when given).
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let published = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == v)
        });
        published["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn code_actions(&mut self, uri: &str, range: &Value) -> Vec<Value> {
        let actions = self.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": []}}),
        );
        actions.as_array().unwrap().clone()
    }

    /// Shuts the server down and waits for it to exit.
    fn stop(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display()).replace(' ', "%20")
}

/// A site with one post holding a slip after an emoji and an accent.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("_posts")).unwrap();
    std::fs::create_dir_all(root.join("_layouts")).unwrap();
    std::fs::write(root.join("_config.yml"), "title: Blog\n").unwrap();
    std::fs::write(root.join("_layouts/post.html"), "{{ content }}\n").unwrap();
    dir
}

const POST: &str = "---\ntitle: Notes\nlayout: post\n---\nCafé 🙂 was recieved well.\n";

fn rules(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("-"))
        .collect()
}

/// Applies LSP text edits to `text`, positions in UTF-8 bytes.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + p["character"].as_u64().unwrap() as usize
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn positions_follow_the_negotiated_encoding_on_lines_with_emoji_and_accents() {
    let dir = site();
    let post = dir.path().join("_posts/2024-01-01-notes.md");
    std::fs::write(&post, POST).unwrap();
    let post_uri = uri(&post);
    for (utf8, character) in [(true, 15), (false, 12)] {
        let (mut session, init) = Session::start(dir.path(), utf8);
        let expected = if utf8 { "utf-8" } else { "utf-16" };
        assert_eq!(init["capabilities"]["positionEncoding"], expected);
        assert_eq!(init["serverInfo"]["name"], "prepress");
        session.open(&post_uri, POST);
        let found = session.diagnostics(&post_uri, Some(1));
        let slip = found.iter().find(|d| d["code"] == "misspelling").unwrap();
        // "Café 🙂 was " is 15 bytes, 12 UTF-16 units (the emoji takes two).
        assert_eq!(
            slip["range"]["start"],
            json!({"line": 4, "character": character})
        );
        assert_eq!(
            slip["range"]["end"],
            json!({"line": 4, "character": character + 8})
        );
        session.stop();
    }
}

#[test]
fn diagnostics_carry_the_rule_its_link_severity_and_other_places() {
    let dir = site();
    let post = dir.path().join("_posts/2024-01-01-notes.md");
    let text = "---\ntitle: Notes\ntitle: Again\nlayout: post\n---\nIt was recieved.\n";
    let post_uri = uri(&post);
    let (mut session, _) = Session::start(dir.path(), true);
    session.open(&post_uri, text);
    let found = session.diagnostics(&post_uri, Some(1));
    let slip = found.iter().find(|d| d["code"] == "misspelling").unwrap();
    assert_eq!(slip["source"], "prepress");
    assert_eq!(slip["severity"], 2, "a warning");
    assert!(
        slip["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("#rules")
    );
    assert!(slip["message"].as_str().unwrap().contains("`received`"));
    let duplicate = found.iter().find(|d| d["code"] == "duplicate-key").unwrap();
    let related = duplicate["relatedInformation"].as_array().unwrap();
    assert_eq!(related[0]["location"]["uri"], post_uri.as_str());
    // The value Jekyll keeps, on the line after the one reported.
    assert_eq!(duplicate["range"]["start"]["line"], 1);
    assert_eq!(related[0]["location"]["range"]["start"]["line"], 2);
    assert_eq!(related[0]["message"], "Jekyll keeps this one");
    session.stop();
}

#[test]
fn a_burst_of_changes_is_answered_for_the_latest_text_never_an_older_one() {
    let dir = site();
    let post_uri = uri(&dir.path().join("_posts/2024-01-01-notes.md"));
    let (mut session, _) = Session::start(dir.path(), true);
    session.open(&post_uri, POST);
    session.diagnostics(&post_uri, Some(1));
    let clean = POST.replace("recieved", "received");
    session.change(&post_uri, 2, &POST.replace("recieved", "recieve"));
    session.change(&post_uri, 3, &POST.replace("Café", "Cafe the the"));
    session.change(&post_uri, 4, &clean);
    let last = session.diagnostics(&post_uri, Some(4));
    assert_eq!(rules(&last), Vec::<&str>::new(), "{last:?}");
    let versions: Vec<i64> = session
        .unread
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    assert!(versions.iter().all(|&v| v < 4), "{versions:?}");
    assert!(versions.is_sorted(), "{versions:?}");
    session.stop();
}

#[test]
fn code_actions_fix_suppress_and_fix_the_whole_file() {
    let dir = site();
    let post_uri = uri(&dir.path().join("_posts/2024-01-01-notes.md"));
    let text = POST.replace("well.", "well, and recieved again.");
    let (mut session, _) = Session::start(dir.path(), true);
    session.open(&post_uri, &text);
    let found = session.diagnostics(&post_uri, Some(1));
    assert_eq!(rules(&found), ["misspelling", "misspelling"]);
    let actions = session.code_actions(&post_uri, &found[0]["range"]);
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Replace `recieved` with `received` (safe fix of misspelling)",
            &*format!(
                "Add `recieved` to the accepted words ({})",
                dir.path().join(".prepress/accept.txt").display()
            ),
            "Suppress `misspelling` on this line",
            "Fix all safe fixes in this file (2)",
        ]
    );
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(actions[3]["kind"], "source.fixAll.prepress");

    let fixed = apply(
        &text,
        actions[3]["edit"]["changes"][&post_uri].as_array().unwrap(),
    );
    assert_eq!(
        fixed,
        POST.replace("recieved well.", "received well, and received again.")
    );
    session.change(&post_uri, 2, &fixed);
    assert!(session.diagnostics(&post_uri, Some(2)).is_empty());

    let suppressed = apply(
        &text,
        actions[2]["edit"]["changes"][&post_uri].as_array().unwrap(),
    );
    assert!(suppressed.contains("---\n<!-- prepress-disable-next-line misspelling -->\nCafé"));
    session.change(&post_uri, 3, &suppressed);
    assert!(
        session.diagnostics(&post_uri, Some(3)).is_empty(),
        "every finding was on that line"
    );

    let only = session.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": post_uri}, "range": found[0]["range"],
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    session.change(&post_uri, 4, &text);
    assert_eq!(
        only.as_array().unwrap().len(),
        0,
        "version 3 had nothing to fix"
    );
    let only = session.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": post_uri}, "range": found[0]["range"],
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let kinds: Vec<&Value> = only
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["kind"])
        .collect();
    assert_eq!(kinds, [&json!("source.fixAll.prepress")]);
    session.stop();
}

#[test]
fn accepting_a_word_writes_the_sites_file_and_checks_again() {
    let dir = site();
    let post_uri = uri(&dir.path().join("_posts/2024-01-01-notes.md"));
    let (mut session, _) = Session::start(dir.path(), true);
    session.open(&post_uri, POST);
    let found = session.diagnostics(&post_uri, Some(1));
    let actions = session.code_actions(&post_uri, &found[0]["range"]);
    let command = &actions[1]["command"];
    assert_eq!(command["command"], "prepress.acceptWord");
    session.request(
        "workspace/executeCommand",
        json!({"command": command["command"], "arguments": command["arguments"]}),
    );
    let words = std::fs::read_to_string(dir.path().join(".prepress/accept.txt")).unwrap();
    assert_eq!(words, "recieved\n");
    assert!(session.diagnostics(&post_uri, Some(1)).is_empty());
    session.stop();
}

#[test]
fn hover_on_a_finding_explains_its_rule() {
    let dir = site();
    let post_uri = uri(&dir.path().join("_posts/2024-01-01-notes.md"));
    let (mut session, _) = Session::start(dir.path(), true);
    session.open(&post_uri, POST);
    let found = session.diagnostics(&post_uri, Some(1));
    let hover = session.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": post_uri}, "position": found[0]["range"]["start"]}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("### prepress: `misspelling`"), "{text}");
    assert_eq!(hover["range"], found[0]["range"]);
    let nothing = session.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": post_uri}, "position": {"line": 1, "character": 0}}),
    );
    assert_eq!(nothing, Value::Null);
    session.stop();
}

#[test]
fn files_changed_on_disk_reload_the_site_and_the_config() {
    let dir = site();
    let root = dir.path();
    let post_uri = uri(&root.join("_posts/2024-01-01-notes.md"));
    let text = "---\ntitle: Notes\nlayout: post\n---\nSee {% post_url 2024-02-01-next %}.\n";
    let (mut session, _) = Session::start(root, true);
    let registered = session.wait(|m| m["method"] == "client/registerCapability");
    assert_eq!(
        registered["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    session.open(&post_uri, text);
    assert_eq!(
        rules(&session.diagnostics(&post_uri, Some(1))),
        ["broken-post-url"]
    );

    // A post written in another tab: its `post_url` resolves.
    let next = root.join("_posts/2024-02-01-next.md");
    std::fs::write(&next, "---\ntitle: Next\nlayout: post\n---\nHi.\n").unwrap();
    session.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&next), "type": 1}]}),
    );
    assert!(session.diagnostics(&post_uri, Some(1)).is_empty());

    // A config with a mistake: shown in that file, and on the post.
    let config = root.join(".prepress.yml");
    std::fs::write(&config, "rulez: {}\n").unwrap();
    session.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 1}]}),
    );
    let on_post = session.diagnostics(&post_uri, Some(1));
    assert!(
        on_post[0]["message"]
            .as_str()
            .unwrap()
            .contains("cannot check")
    );
    let on_config = session.diagnostics(&uri(&config), None);
    assert!(
        on_config[0]["message"]
            .as_str()
            .unwrap()
            .contains("unknown key `rulez`")
    );
    assert_eq!(
        on_config[0]["range"]["start"],
        json!({"line": 0, "character": 0})
    );

    // Fixed, and taking effect: the rule turned off is gone.
    std::fs::write(&config, "rules:\n  disable: [broken-post-url]\n").unwrap();
    std::fs::remove_file(&next).unwrap();
    session.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 2}, {"uri": uri(&next), "type": 3}]}),
    );
    assert!(session.diagnostics(&post_uri, Some(1)).is_empty());
    assert!(session.diagnostics(&uri(&config), None).is_empty());
    session.stop();
}
