//! `prepress server`: a language server over standard input and output.
//!
//! Editors send each open Markdown file's text as it is typed; the server
//! checks it as that file of its site (the site and config read once per
//! workspace folder, see `workspace`) and publishes the findings. Checks
//! run on this thread, one at a time: messages that arrived while one ran
//! are all read before the next, so a burst of keystrokes is checked once,
//! with the latest text, and each result carries the version it was found
//! in. Requests (code actions, hover) first check whatever is waiting, so
//! they always see the findings of the text the editor has.

mod actions;
mod diagnostics;
mod hover;
mod position;
mod uri;
mod workspace;

use std::collections::{BTreeSet, HashMap};
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crossbeam_channel::TryRecvError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Exit, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, ExecuteCommand, HoverRequest, RegisterCapability, Request as _,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DidChangeWatchedFilesRegistrationOptions,
    ExecuteCommandOptions, ExecuteCommandParams, FileSystemWatcher, GlobPattern, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, PublishDiagnosticsParams,
    Registration, RegistrationParams, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use serde_json::Value;

use crate::api::{Finding, SchemaError};
use crate::jekyll_names::{MARKDOWN_EXTENSIONS, NEVER_WALKED};

use position::{Encoding, Lines};
use workspace::Workspace;

/// Runs the server on standard input and output until the editor says
/// `exit` (or closes the pipe).
pub(crate) fn run() -> io::Result<ExitCode> {
    let (connection, threads) = Connection::stdio();
    let served = serve(&connection);
    drop(connection);
    threads.join()?;
    served.map(|()| ExitCode::SUCCESS)
}

/// The whole session on `connection`: the handshake, then every message.
fn serve(connection: &Connection) -> io::Result<()> {
    let (id, params) = connection.initialize_start().map_err(io::Error::other)?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_deref()),
    );
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "prepress".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    connection
        .initialize_finish(id, serde_json::to_value(result)?)
        .map_err(io::Error::other)?;
    let watching = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.dynamic_registration)
        == Some(true);
    let mut server = Server {
        sender: connection.sender.clone(),
        encoding,
        workspace: Workspace::new(folders(&params)),
        docs: HashMap::new(),
        pending: BTreeSet::new(),
        shown: HashMap::new(),
        watching,
    };
    if watching {
        server.watch_files();
    }
    server.serve(connection)
}

/// What the server offers.
fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![actions::ACCEPT_WORD.to_string()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}

/// The workspace folders the editor opened, as paths.
fn folders(params: &InitializeParams) -> Vec<PathBuf> {
    #[allow(deprecated, reason = "older clients send only the root URI")]
    let root = params.root_uri.as_ref();
    match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders
            .iter()
            .filter_map(|f| uri::to_path(&f.uri))
            .collect(),
        _ => root.and_then(uri::to_path).into_iter().collect(),
    }
}

/// One open document.
#[derive(Debug)]
struct Open {
    /// Its text, as the editor last sent it.
    text: String,
    /// The editor's version of that text.
    version: i32,
    /// The findings of the last check (of `text`, once no check waits).
    findings: Vec<Finding>,
    /// The mistake in a config that stopped its last check.
    error: Option<SchemaError>,
}

/// What one check of a document gave.
#[derive(Debug)]
enum Checked {
    /// Its findings.
    Findings(Vec<Finding>),
    /// A mistake in a config stopped it.
    Config(SchemaError),
    /// It panicked, with this message.
    Panicked(String),
}

/// The state of a session.
struct Server {
    sender: crossbeam_channel::Sender<Message>,
    encoding: Encoding,
    workspace: Workspace,
    docs: HashMap<Uri, Open>,
    /// The documents to check before the next request or idle wait.
    pending: BTreeSet<Uri>,
    /// The config files with mistakes shown, and what is shown there.
    shown: HashMap<PathBuf, Vec<Diagnostic>>,
    /// Whether the editor tells of changed files (else a save stands in).
    watching: bool,
}

impl Server {
    /// Reads and answers messages until `exit`.
    fn serve(&mut self, connection: &Connection) -> io::Result<()> {
        loop {
            let message = if self.pending.is_empty() {
                match connection.receiver.recv() {
                    Ok(message) => message,
                    Err(_) => return Ok(()),
                }
            } else {
                match connection.receiver.try_recv() {
                    Ok(message) => message,
                    Err(TryRecvError::Empty) => {
                        self.check_pending();
                        continue;
                    }
                    Err(TryRecvError::Disconnected) => return Ok(()),
                }
            };
            match message {
                Message::Request(request) => {
                    if connection
                        .handle_shutdown(&request)
                        .map_err(io::Error::other)?
                    {
                        return Ok(());
                    }
                    self.check_pending();
                    let response = self.answer(request);
                    self.send(response.into());
                }
                Message::Notification(note) if note.method == Exit::METHOD => return Ok(()),
                Message::Notification(note) => self.notice(note),
                Message::Response(_) => {}
            }
        }
    }

    /// The answer to one request.
    fn answer(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let answered = match request.method.as_str() {
            CodeActionRequest::METHOD => parse(request.params)
                .map(|params| self.code_actions(params))
                .and_then(to_json),
            HoverRequest::METHOD => parse(request.params)
                .map(|params| self.hover(params))
                .and_then(to_json),
            ExecuteCommand::METHOD => parse(request.params).and_then(|params| self.execute(params)),
            _ => {
                return Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("prepress does not answer `{}`", request.method),
                );
            }
        };
        match answered {
            Ok(result) => Response::new_ok(id, result),
            Err(message) => Response::new_err(id, ErrorCode::InvalidParams as i32, message),
        }
    }

    /// Takes one notification in.
    fn notice(&mut self, note: Notification) {
        match note.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(params) = parse::<lsp_types::DidOpenTextDocumentParams>(note.params) {
                    let doc = params.text_document;
                    self.docs.insert(
                        doc.uri.clone(),
                        Open {
                            text: doc.text,
                            version: doc.version,
                            findings: Vec::new(),
                            error: None,
                        },
                    );
                    self.pending.insert(doc.uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(params) = parse::<lsp_types::DidChangeTextDocumentParams>(note.params)
                    && let Some(open) = self.docs.get_mut(&params.text_document.uri)
                    && let Some(change) = params.content_changes.into_iter().last()
                {
                    open.text = change.text;
                    open.version = params.text_document.version;
                    self.pending.insert(params.text_document.uri);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(params) = parse::<lsp_types::DidCloseTextDocumentParams>(note.params) {
                    let uri = params.text_document.uri;
                    self.docs.remove(&uri);
                    self.pending.remove(&uri);
                    self.publish(uri, Vec::new(), None);
                }
            }
            DidSaveTextDocument::METHOD if !self.watching => {
                if let Ok(params) = parse::<lsp_types::DidSaveTextDocumentParams>(note.params)
                    && let Some(path) = uri::to_path(&params.text_document.uri)
                {
                    self.workspace.changed(&path);
                    self.recheck_all();
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(params) = parse::<lsp_types::DidChangeWatchedFilesParams>(note.params) {
                    let paths: Vec<PathBuf> = params
                        .changes
                        .iter()
                        .filter_map(|change| uri::to_path(&change.uri))
                        .filter(|path| !never_walked(path))
                        .collect();
                    for path in &paths {
                        self.workspace.changed(path);
                    }
                    if !paths.is_empty() {
                        self.recheck_all();
                    }
                }
            }
            _ => {}
        }
    }

    /// Asks the editor to tell of every file created, changed or deleted,
    /// so a post added in another tab, a layout removed or a config edited
    /// is seen without a restart.
    fn watch_files(&mut self) {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*".to_string()),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "prepress-watch".to_string(),
                method: DidChangeWatchedFiles::METHOD.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        let request = Request::new(
            RequestId::from("prepress-watch".to_string()),
            RegisterCapability::METHOD.to_string(),
            params,
        );
        self.send(request.into());
    }

    /// Checks every open document again.
    fn recheck_all(&mut self) {
        self.pending.extend(self.docs.keys().cloned());
    }

    /// Checks the documents waiting, then shows the configs' mistakes.
    fn check_pending(&mut self) {
        for uri in std::mem::take(&mut self.pending) {
            self.check(uri);
        }
        self.show_config_errors();
    }

    /// Checks one open document and publishes what it found.
    fn check(&mut self, uri: Uri) {
        let Some(open) = self.docs.get(&uri) else {
            return;
        };
        let Some(path) = uri::to_path(&uri).filter(|p| is_markdown(p)) else {
            return;
        };
        let (text, version) = (open.text.clone(), open.version);
        let checked = match self.workspace.checker(&path) {
            Ok(checker) => guarded(|| checker.check_text(&path, text, None), &path),
            Err(err) => Checked::Config(err),
        };
        let Some(open) = self.docs.get_mut(&uri) else {
            return;
        };
        let lines = Lines::new(&open.text, self.encoding);
        let (findings, error, shown) = match checked {
            Checked::Findings(findings) => {
                let findings: Vec<Finding> = findings
                    .into_iter()
                    .filter(|f| f.diagnostic.span.end <= open.text.len())
                    .collect();
                let shown = findings
                    .iter()
                    .map(|f| diagnostics::from_finding(f, &uri, &lines, self.encoding))
                    .collect();
                (findings, None, shown)
            }
            Checked::Config(err) => {
                let message = format!("prepress cannot check this file: {err}");
                let shown = vec![diagnostics::problem(diagnostics::start(), message)];
                (Vec::new(), Some(err), shown)
            }
            Checked::Panicked(message) => {
                let message = format!(
                    "prepress failed while checking this file, so its findings are missing \
                     (please report this): {message}"
                );
                let shown = vec![diagnostics::problem(diagnostics::start(), message)];
                (Vec::new(), None, shown)
            }
        };
        open.findings = findings;
        open.error = error;
        self.publish(uri, shown, Some(version));
    }

    /// Shows each config's mistake in that file, and clears the files
    /// whose mistakes are gone.
    fn show_config_errors(&mut self) {
        let mut now: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
        let errors = self
            .workspace
            .errors()
            .chain(self.docs.values().filter_map(|open| open.error.as_ref()));
        for err in errors {
            let shown = now.entry(err.path.clone()).or_default();
            let diagnostic = diagnostics::from_config_error(err, self.encoding);
            if !shown.contains(&diagnostic) {
                shown.push(diagnostic);
            }
        }
        if now == self.shown {
            return;
        }
        let before = std::mem::replace(&mut self.shown, now);
        for (path, diagnostics) in self.shown.clone() {
            if before.get(&path) != Some(&diagnostics)
                && let Some(uri) = uri::from_path(&path)
            {
                self.publish(uri, diagnostics, None);
            }
        }
        for path in before.keys().filter(|p| !self.shown.contains_key(*p)) {
            if let Some(uri) = uri::from_path(path) {
                self.publish(uri, Vec::new(), None);
            }
        }
    }

    /// The code actions at a range of a document.
    fn code_actions(&mut self, params: CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = params.text_document.uri;
        let (Some(open), Some(path)) = (self.docs.get(&uri), uri::to_path(&uri)) else {
            return Vec::new();
        };
        let accept_file = match self.workspace.checker(&path) {
            Ok(checker) => checker.accepted_words_file(&path),
            Err(_) => return Vec::new(),
        };
        let lines = Lines::new(&open.text, self.encoding);
        let span = lines.offset(params.range.start)..lines.offset(params.range.end);
        let doc = actions::Document {
            uri: &uri,
            text: &open.text,
            lines: &lines,
            findings: &open.findings,
        };
        let only = params.context.only.unwrap_or_default();
        actions::for_span(&doc, &span, &accept_file)
            .into_iter()
            .filter(|action| {
                only.is_empty()
                    || action.kind.as_ref().is_some_and(|kind| {
                        only.iter().any(|wanted| {
                            kind.as_str() == wanted.as_str()
                                || kind.as_str().starts_with(&format!("{}.", wanted.as_str()))
                        })
                    })
            })
            .map(CodeActionOrCommand::CodeAction)
            .collect()
    }

    /// The hover at a position: the explanation of a finding's rule.
    fn hover(&mut self, params: HoverParams) -> Option<lsp_types::Hover> {
        let at = params.text_document_position_params;
        let open = self.docs.get(&at.text_document.uri)?;
        let path = uri::to_path(&at.text_document.uri)?;
        let checker = self.workspace.checker(&path).ok()?;
        let lines = Lines::new(&open.text, self.encoding);
        let offset = lines.offset(at.position);
        hover::at(&open.findings, checker.rules(), &lines, offset)
    }

    /// Runs a command: adding a word to an accepted-words file.
    fn execute(&mut self, params: ExecuteCommandParams) -> Result<Value, String> {
        if params.command != actions::ACCEPT_WORD {
            return Err(format!("prepress has no command `{}`", params.command));
        }
        let [Value::String(file), Value::String(word)] = params.arguments.as_slice() else {
            return Err("the command takes a file and a word".to_string());
        };
        add_word(Path::new(file), word)
            .map_err(|err| format!("could not add `{word}` to {file}: {err}"))?;
        self.workspace.changed_all();
        self.recheck_all();
        Ok(Value::Null)
    }

    /// Publishes `diagnostics` for `uri`.
    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(PublishDiagnostics::METHOD.to_string(), params).into());
    }

    /// Sends a message; a closed channel ends the session at the next read.
    fn send(&self, message: Message) {
        let _closed = self.sender.send(message);
    }
}

/// The findings of `check` for the file at `path`, or the mistake in a
/// config that stopped it; a panic is caught and becomes its message, so
/// one post that trips a bug never ends the editor's session.
fn guarded(
    check: impl FnOnce() -> Result<crate::api::Outcome, SchemaError>,
    path: &Path,
) -> Checked {
    match panic::catch_unwind(AssertUnwindSafe(check)) {
        Ok(Ok(outcome)) => Checked::Findings(
            outcome
                .files
                .into_iter()
                .filter(|file| file.path == path)
                .flat_map(|file| file.findings)
                .collect(),
        ),
        Ok(Err(err)) => Checked::Config(err),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_string());
            eprintln!(
                "prepress server: checking {} panicked: {message}",
                path.display()
            );
            Checked::Panicked(message)
        }
    }
}

/// Appends `word` on a line of its own to the accepted-words `file`,
/// making the file (and its folder) when missing.
fn add_word(file: &Path, word: &str) -> io::Result<()> {
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let mut text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => String::new(),
        Err(err) => return Err(err),
    };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(word);
    text.push('\n');
    std::fs::write(file, text)
}

/// Whether `path` is a Markdown file, the files prepress checks.
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| MARKDOWN_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Whether `path` lies in a folder no site reads (`.git`, `_site`, ...),
/// whose changes need no reload.
fn never_walked(path: &Path) -> bool {
    path.components().any(|c| {
        c.as_os_str()
            .to_str()
            .is_some_and(|c| NEVER_WALKED.contains(&c))
    })
}

/// The params of a message, read as `T`.
fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, String> {
    serde_json::from_value(params).map_err(|err| err.to_string())
}

/// `value` as JSON.
fn to_json(value: impl serde::Serialize) -> Result<Value, String> {
    serde_json::to_value(value).map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_check_becomes_its_message() {
        let checked = guarded(|| panic!("boom in a rule"), Path::new("/a.md"));
        let Checked::Panicked(message) = checked else {
            panic!("{checked:?}");
        };
        assert_eq!(message, "boom in a rule");
        let checked = guarded(|| panic!("{} of {}", 1, 2), Path::new("/a.md"));
        assert!(matches!(checked, Checked::Panicked(m) if m == "1 of 2"));
    }

    #[test]
    fn a_word_is_added_on_a_line_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(".prepress/accept.txt");
        add_word(&file, "Kubernetes").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "Kubernetes\n");
        std::fs::write(&file, "# names\nNuGet").unwrap();
        add_word(&file, "teh").unwrap();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "# names\nNuGet\nteh\n"
        );
    }

    #[test]
    fn only_markdown_files_are_checked_and_build_output_is_not_watched() {
        assert!(is_markdown(Path::new("/b/_posts/a.MD")));
        assert!(!is_markdown(Path::new("/b/_config.yml")));
        assert!(never_walked(Path::new("/b/_site/index.html")));
        assert!(!never_walked(Path::new("/b/_posts/a.md")));
    }
}
