import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { project } from './support/project.js';

const repo = join(import.meta.dirname, '..');
const CODE = 'def settle(gateway, p):\n    for attempt in range(3):\n        try:\n            gateway.charge(p)\n            break\n        except IOError:\n            continue\n';

/** Starts `faultline lsp` as an editor would (a child process over stdio) and connects a protocol client to it. */
function startServer(cwd: string) {
  const child = spawn(process.execPath, ['--import', join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs'), join(repo, 'bin', 'faultline.ts'), 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    const i = waiters.findIndex((w) => w.uri === p.uri);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(p);
  });
  const shown: string[] = [];
  connection.onRequest(ShowDocumentRequest.type, (p) => {
    shown.push(p.uri);
    return { success: true };
  });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  /** The next diagnostics published for `uri`. */
  const next = (uri: string) => new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, resolve }));
  return { connection, next, shown, exited };
}

describe('faultline lsp', () => {
  it('publishes diagnostics on open and change, offers a faultline-ignore fix and the rule, reloads the config, and shuts down', async () => {
    const dir = project({ 'jobs/settle.py': CODE });
    const uri = pathToFileURL(join(dir, 'jobs', 'settle.py')).href;
    const { connection, next, shown, exited } = startServer(dir);

    const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: { window: { showDocument: { support: true } } }, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] });
    expect(init.capabilities.codeActionProvider).toBeTruthy();
    await connection.sendNotification(InitializedNotification.type, {});

    let diagnostics = next(uri);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text: CODE } });
    const opened = (await diagnostics).diagnostics;
    expect(opened.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.severity}`)).toEqual(['AP-001 3:12 1']);
    const finding = opened[0] as Diagnostic;
    expect(finding.source).toBe('faultline');
    expect(finding.relatedInformation?.map((r) => `${r.location.uri === uri} ${r.location.range.start.line} ${r.message}`)).toEqual(['true 1 retried by for attempt in range(3)']);

    // Quick fixes: a faultline-ignore comment above the line, and the rule's explanation.
    const actions = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['Suppress AP-001 here with a faultline-ignore comment', 'Explain AP-001 (Retry Without Idempotency)']);
    const edit = actions[0]?.edit?.changes?.[uri]?.[0];
    expect(edit).toEqual({ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '            # faultline-ignore AP-001: <why this is safe>\n' });
    await connection.sendRequest(ExecuteCommandRequest.type, { command: actions[1]?.command?.command as string, arguments: actions[1]?.command?.arguments ?? [] });
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/\/rules\/AP-001-retry-without-idempotency\.yaml$/);

    // Applying the fix (an edit the client sends as a change) clears the diagnostic.
    const lines = CODE.split('\n');
    lines.splice(3, 0, (edit?.newText ?? '').replace(/\n$/, ''));
    diagnostics = next(uri);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: lines.join('\n') }] });
    expect((await diagnostics).diagnostics).toEqual([]);

    // Back to the finding, then a config change on disk turns the rule off without a restart.
    diagnostics = next(uri);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text: CODE }] });
    expect((await diagnostics).diagnostics).toHaveLength(1);
    writeFileSync(join(dir, 'faultline.config.yaml'), 'disable: [AP-001]\n');
    diagnostics = next(uri);
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(dir, 'faultline.config.yaml')).href, type: FileChangeType.Created }] });
    expect((await diagnostics).diagnostics).toEqual([]);

    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    connection.dispose();
  }, 60_000);
});
