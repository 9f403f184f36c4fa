import { fileURLToPath, pathToFileURL } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadSetup, type Setup } from '../config/load-setup.js';
import { emptyWorkspace, scanWorkspace, type Workspace } from '../scan/workspace.js';
import { languageForPath } from '../engine/languages.js';
import type { Finding, Risk } from '../engine/types.js';
import { ScanError } from '../errors.js';
import { suppressionLine } from './suppression-line.js';

/** Edits are analysed once typing pauses this long; open and save are analysed at once. */
export const CHANGE_DEBOUNCE_MS = 150;

const SHOW_RULE = 'faultline.showRule';
const SEVERITY: Readonly<Record<Risk, DiagnosticSeverity>> = { high: DiagnosticSeverity.Error, medium: DiagnosticSeverity.Warning, low: DiagnosticSeverity.Information };

/** Where a file URI points, or undefined for a URI that is not a file. */
function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** A connection over this process's stdin and stdout; the server ends when the client closes stdin. */
function stdioConnection(): Connection {
  process.stdin.on('end', () => process.exit(0));
  return createConnection(ProposedFeatures.all, process.stdin, process.stdout);
}

/**
 * `faultline lsp`: a language server over stdio. Diagnostics for open Python/TS/JS files on open,
 * change (debounced) and save, with the retry construct and other places as related
 * information; code actions that insert a `faultline-ignore` comment and open the rule's file.
 * Config and rule files are read again when they change (watched files, or saved in the editor).
 * With a workspace folder, the workspace is scanned in the background (the scan cache makes this
 * quick after a `faultline scan`): its facts let a buffer's findings depend on other files, as in
 * `faultline scan`. Until that scan ends, each buffer is analysed with the open buffers only.
 */
export function startLanguageServer(connection: Connection = stdioConnection()): void {
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, NodeJS.Timeout>();
  let root = process.cwd();
  let hasWorkspace = false;
  let setup: Setup | undefined;
  let setupProblem: string | undefined;
  let workspace: Workspace | undefined;
  let generation = 0;

  const currentSetup = (): Setup | undefined => {
    if (setup !== undefined || setupProblem !== undefined) return setup;
    try {
      setup = loadSetup({ paths: [root], cwd: root, rules: [], builtin: true });
      workspace = emptyWorkspace(root, setup);
      if (hasWorkspace) startWorkspaceScan(setup);
    } catch (error) {
      if (!(error instanceof ScanError)) throw error;
      setupProblem = `${error.message} (${error.help})`;
      connection.window.showErrorMessage(`faultline: ${setupProblem}`);
    }
    return setup;
  };
  const reloadSetup = () => {
    setup = undefined;
    setupProblem = undefined;
    workspace = undefined;
    publishAll();
  };
  const publishAll = () => {
    for (const doc of documents.all()) publish(doc);
  };

  /** Scans the workspace in the background; its facts replace the open-buffers-only ones when done. */
  function startWorkspaceScan(current: Setup): void {
    const mine = ++generation;
    const warn = (message: string) => connection.console.warn(`faultline: ${message}`);
    scanWorkspace({ root, setup: current, run: { cache: true, prefilter: true }, env: process.env, warn }).then(
      (scanned) => {
        if (mine !== generation) return;
        workspace = scanned;
        connection.console.info(`faultline: workspace scanned (${scanned.files} files); findings use the facts of every file`);
        // Open buffers first, so each published file sees the others as they are in the editor.
        for (const doc of documents.all()) analyse(doc);
        publishAll();
      },
      (error: unknown) => warn(`workspace scan failed, each file is analysed alone: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  const toDiagnostic = (uri: string, f: Finding, rules: Setup['rules']): Diagnostic => {
    const rule = rules.find((r) => r.id === f.ruleId);
    const helpUri = rule?.metadata?.help_uri;
    return {
      range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
      severity: SEVERITY[f.risk],
      code: f.ruleId,
      ...(helpUri !== undefined ? { codeDescription: { href: helpUri } } : {}),
      source: 'faultline',
      message: `${f.message}${rule ? `\nhelp: ${rule.help}` : ''}`,
      relatedInformation: f.related.map((r) => ({
        location: {
          uri: r.file === undefined ? uri : pathToFileURL(isAbsolute(r.file) ? r.file : resolve(root, r.file)).href,
          range: { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } },
        },
        message: r.message,
      })),
      data: { ruleId: f.ruleId },
    };
  };

  function analyse(doc: TextDocument) {
    const path = pathOf(doc.uri);
    if (path === undefined || currentSetup() === undefined) return undefined;
    return workspace?.analyse(path, doc.getText());
  }

  function publish(doc: TextDocument): void {
    const current = currentSetup();
    const analysis = analyse(doc);
    if (current === undefined || analysis === undefined) return;
    for (const w of analysis.warnings) if (w.kind !== 'syntax') connection.console.warn(`${w.file}${w.line !== undefined ? `:${w.line}` : ''}: ${w.message}`);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: analysis.findings.map((f) => toDiagnostic(doc.uri, f, current.rules)) });
  }

  const schedule = (doc: TextDocument, delay: number) => {
    clearTimeout(timers.get(doc.uri));
    if (delay === 0) {
      timers.delete(doc.uri);
      publish(doc);
      return;
    }
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const latest = documents.get(doc.uri);
      if (latest) publish(latest);
    }, delay));
  };

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const folderPath = folder ? pathOf(folder) : undefined;
    if (folderPath !== undefined) {
      root = folderPath;
      hasWorkspace = true;
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [SHOW_RULE] },
      },
      serverInfo: { name: 'faultline' },
    };
  });

  connection.onInitialized(() => {
    currentSetup();
    // Best effort: clients that support it tell us when rules or the config change on disk.
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/faultline.config.yaml' }, { globPattern: '**/*.{yaml,yml}' }] }).catch(() => undefined);
  });
  connection.onDidChangeWatchedFiles(() => reloadSetup());

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, CHANGE_DEBOUNCE_MS));
  documents.onDidSave((e) => {
    if (/\.ya?ml$/.test(e.document.uri)) reloadSetup();
    else {
      // What a saved file defines (a retry policy, a helper) may change the other open files' findings.
      schedule(e.document, 0);
      for (const doc of documents.all()) if (doc.uri !== e.document.uri) publish(doc);
    }
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    // Closed without saving: the text on disk is what the other files see again.
    const path = pathOf(e.document.uri);
    if (path !== undefined && languageForPath(path) !== undefined) workspace?.reload(path);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    const path = pathOf(params.textDocument.uri);
    const language = path === undefined ? undefined : languageForPath(path);
    if (doc === undefined || language === undefined) return [];
    const actions: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      if (d.source !== 'faultline' || typeof d.code !== 'string') continue;
      const line = d.range.start.line;
      actions.push({
        title: `Suppress ${d.code} here with a faultline-ignore comment`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: suppressionLine(doc.getText(), line, d.code, language.lineComment) }] } },
      });
      const rule = currentSetup()?.rules.find((r) => r.id === d.code);
      if (rule !== undefined) actions.push({ title: `Explain ${rule.id} (${rule.title})`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: `Explain ${rule.id}`, command: SHOW_RULE, arguments: [rule.id] } });
    }
    return actions;
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_RULE) return;
    const rule = currentSetup()?.rules.find((r) => r.id === params.arguments?.[0]);
    if (rule === undefined) return;
    const source = isAbsolute(rule.source) ? rule.source : resolve(root, rule.source);
    await connection.window.showDocument({ uri: pathToFileURL(source).href, takeFocus: true });
  });

  documents.listen(connection);
  connection.listen();
}
