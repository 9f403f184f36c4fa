'use strict';
// Starts `faultline lsp` for Python, TypeScript and JavaScript files. Plain JavaScript: `npm run build` only checks it (check.js).
const { workspace, window } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { serverCommand } = require('./server-command.js');

const LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

/** @type {LanguageClient | undefined} */
let client;

/** @param {import('vscode').ExtensionContext} context */
async function activate(context) {
  const root = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const { command, args } = serverCommand(root, workspace.getConfiguration('faultline').get('path'));
  const server = { command, args, transport: TransportKind.stdio, options: root === undefined ? {} : { cwd: root } };
  client = new LanguageClient('faultline', 'faultline', server, {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    // The server reads the config and rules again when they change.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.{yaml,yml}') },
  });
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    void window.showErrorMessage(`faultline: cannot start \`${command} ${args.join(' ')}\` (${error instanceof Error ? error.message : String(error)}). Install faultline in the workspace (npm i -D faultline) or set faultline.path.`);
  }
}

async function deactivate() {
  await client?.stop();
}

module.exports = { activate, deactivate };
