// Starts `prepress server` for the Markdown files of the workspace and
// stops it when `prepress.enable` is turned off; `prepress.path` names the
// executable (default: `prepress` from the PATH).
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function settings() {
  const config = vscode.workspace.getConfiguration('prepress');
  return {
    enable: config.get('enable', true),
    command: config.get('path', '') || 'prepress',
  };
}

async function start() {
  const { enable, command } = settings();
  if (!enable || client) {
    return;
  }
  const server = { command, args: ['server'] };
  client = new LanguageClient(
    'prepress',
    'prepress',
    { run: server, debug: server },
    { documentSelector: [{ scheme: 'file', language: 'markdown' }] },
  );
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    vscode.window.showErrorMessage(
      `prepress could not start \`${command} server\`: ${err.message}. ` +
        'Install prepress or set `prepress.path`.',
    );
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('prepress')) {
        await stop();
        await start();
      }
    }),
  );
  return start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
