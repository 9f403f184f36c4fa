/**
 * The language server's part of `npm run bench`: starts `faultline lsp` (the built dist/) on the
 * corpus as an editor would, waits for its background workspace scan, then edits one file of the
 * corpus and times each `didChange` until its `publishDiagnostics` (the 150 ms typing pause
 * included, as a user sees it). Memory is the server process's resident set after the edits and
 * its peak (from /proc).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export interface LanguageServerSample {
  /** Seconds from `initialized` to the end of the workspace scan. */
  workspaceScan: number;
  /** Seconds from each `didChange` to its diagnostics. */
  changes: number[];
  /** Resident set of the server after the edits, and its peak, in MiB. */
  rssMiB: number;
  peakMiB: number;
}

/** One editing session: `edits` changes of `file`, each appending a comment line. */
export async function measureLanguageServer(faultline: string, corpus: string, cacheHome: string, file: string, edits: number): Promise<LanguageServerSample> {
  const child = spawn(process.execPath, [faultline, 'lsp', '--stdio'], { cwd: corpus, env: { ...process.env, XDG_CACHE_HOME: cacheHome }, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(file).href;
  const waiting = new Map<number, () => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.uri === uri && p.version !== undefined) waiting.get(p.version)?.();
  });
  let scanned: () => void = () => undefined;
  const workspaceScanned = new Promise<void>((resolve) => (scanned = resolve));
  connection.onNotification(LogMessageNotification.type, (m) => {
    if (/workspace scanned/.test(m.message)) scanned();
  });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  const published = (version: number) => new Promise<void>((resolve) => waiting.set(version, resolve));
  const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

  const root = pathToFileURL(corpus).href;
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: root, capabilities: {}, workspaceFolders: [{ uri: root, name: 'corpus' }] });
  const scanStart = process.hrtime.bigint();
  await connection.sendNotification(InitializedNotification.type, {});
  await workspaceScanned;
  const workspaceScan = seconds(scanStart);

  const text = readFileSync(file, 'utf8');
  const opened = published(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: file.endsWith('.py') ? 'python' : 'typescript', version: 1, text } });
  await opened;
  const changes: number[] = [];
  const comment = file.endsWith('.py') ? '#' : '//';
  for (let version = 2; version < 2 + edits; version++) {
    const done = published(version);
    const start = process.hrtime.bigint();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text: `${text}\n${comment} bench edit ${version}\n` }] });
    await done;
    changes.push(seconds(start));
  }
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  await new Promise((resolve) => child.on('exit', resolve));
  connection.dispose();
  return { workspaceScan, changes, rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}
