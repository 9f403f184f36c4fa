import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
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
import { findingLines } from './support/cli.js';
import { project } from './support/project.js';

const repo = join(import.meta.dirname, '..');
const CODE = 'def settle(gateway, p):\n    for attempt in range(3):\n        try:\n            gateway.charge(p)\n            break\n        except IOError:\n            continue\n';

/** The server's scan cache stays out of the user's cache folder. */
const cacheHome = mkdtempSync(join(tmpdir(), 'faultline-lsp-cache-'));

/** Starts `faultline lsp` as an editor would (a child process over stdio) and connects a protocol client to it. */
function startServer(cwd: string) {
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
  const child = spawn(process.execPath, ['--import', join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs'), join(repo, 'bin', 'faultline.ts'), 'lsp', '--stdio'], { cwd, env, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const i = waiters.findIndex((w) => w.uri === p.uri && (w.version === undefined || w.version === p.version));
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(p);
  });
  let scanned: () => void = () => undefined;
  const workspaceScanned = new Promise<void>((resolve) => (scanned = resolve));
  connection.onNotification(LogMessageNotification.type, (m) => {
    if (/workspace scanned/.test(m.message)) scanned();
  });
  const shown: string[] = [];
  connection.onRequest(ShowDocumentRequest.type, (p) => {
    shown.push(p.uri);
    return { success: true };
  });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  /** The next diagnostics published for `uri` (at that document version). */
  const next = (uri: string, version?: number) => new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, version, resolve }));
  return { connection, next, shown, exited, workspaceScanned };
}

describe('faultline lsp', () => {
  it('publishes diagnostics on open and change, offers a faultline-ignore fix and the rule, reloads the config, and shuts down', async () => {
    const dir = project({ 'jobs/settle.py': CODE });
    const uri = pathToFileURL(join(dir, 'jobs', 'settle.py')).href;
    const { connection, next, shown, exited, workspaceScanned } = startServer(dir);

    const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: { window: { showDocument: { support: true } } }, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] });
    expect(init.capabilities.codeActionProvider).toBeTruthy();
    await connection.sendNotification(InitializedNotification.type, {});
    // Its diagnostics are published again when the workspace scan ends: wait for it, so each step sees its own.
    await workspaceScanned;

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
    diagnostics = next(uri, 2);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: lines.join('\n') }] });
    expect((await diagnostics).diagnostics).toEqual([]);

    // Back to the finding, then a config change on disk turns the rule off without a restart.
    diagnostics = next(uri, 3);
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

  it('uses the facts of other files, from the workspace scan and from other open buffers, as faultline scan does', async () => {
    const clients = [
      "import axios from 'axios';",
      "import axiosRetry from 'axios-retry';",
      "import got from 'got';",
      "export const billing = axios.create({ baseURL: 'https://billing.example.com' });",
      'axiosRetry(billing, { retries: 3, retryCondition: () => true });',
      "export const bank = got.extend({ retry: { limit: 2, methods: ['GET', 'POST'] } });",
      '',
    ];
    const pay = [
      "import { billing, bank } from './http/clients';",
      'export async function pay(id: string) {',
      "  await billing.post(`/invoices/${id}/payments`, {});",
      "  await bank.post('transfers', { json: { id } });",
      "  await billing.get(`/invoices/${id}`);",
      '}',
      '',
    ];
    const dir = project({ 'package.json': '{}', 'src/http/clients.ts': clients.join('\n'), 'src/pay.ts': pay.join('\n') });
    const payUri = pathToFileURL(join(dir, 'src', 'pay.ts')).href;
    const clientsUri = pathToFileURL(join(dir, 'src', 'http', 'clients.ts')).href;
    const { connection, next, exited, workspaceScanned } = startServer(dir);
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] });
    await connection.sendNotification(InitializedNotification.type, {});
    await workspaceScanned;
    /** Diagnostics as `RULE file:line` (1-based), the shape of `findingLines`. */
    const asLines = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code} src/pay.ts:${d.range.start.line + 1}`);

    // Only the clients module (not open) says that these clients retry POSTs.
    let diagnostics = next(payUri, 1);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: payUri, languageId: 'typescript', version: 1, text: pay.join('\n') } });
    const opened = asLines(await diagnostics);
    expect(opened).toEqual(['AP-001 src/pay.ts:3', 'AP-001 src/pay.ts:4']);
    expect(opened).toEqual(await findingLines(dir));

    // An edit of the open file is linked against the other files' facts.
    const edited = [...pay.slice(0, 5), "  await billing.post(`/refunds/${id}`, {});", ...pay.slice(5)];
    diagnostics = next(payUri, 2);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: payUri, version: 2 }, contentChanges: [{ text: edited.join('\n') }] });
    expect(asLines(await diagnostics)).toEqual(['AP-001 src/pay.ts:3', 'AP-001 src/pay.ts:4', 'AP-001 src/pay.ts:6']);

    // The billing client stops retrying in another buffer; saving it updates the open file's findings.
    const noRetry = clients.filter((l) => !l.startsWith('axiosRetry(billing'));
    diagnostics = next(clientsUri);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: clientsUri, languageId: 'typescript', version: 1, text: clients.join('\n') } });
    await diagnostics;
    diagnostics = next(clientsUri, 2);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: clientsUri, version: 2 }, contentChanges: [{ text: noRetry.join('\n') }] });
    await diagnostics;
    diagnostics = next(payUri, 2);
    await connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: clientsUri } });
    const afterSave = asLines(await diagnostics);
    expect(afterSave).toEqual(['AP-001 src/pay.ts:4']);
    // The same files on disk give the same answer from faultline scan.
    writeFileSync(join(dir, 'src', 'http', 'clients.ts'), noRetry.join('\n'));
    writeFileSync(join(dir, 'src', 'pay.ts'), edited.join('\n'));
    expect(afterSave).toEqual(await findingLines(dir));

    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    connection.dispose();
  }, 60_000);
});
