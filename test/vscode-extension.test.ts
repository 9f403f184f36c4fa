import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProtocolConnection, ExitNotification, InitializeRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { SOURCE_EXTENSIONS } from '../src/engine/languages.js';
import { project } from './support/project.js';

const repo = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = promisify(execFile);
const folder = join(repo, 'editors', 'vscode');
const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  version: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, { type: string }> } };
  dependencies: Record<string, string>;
};
const { serverCommand } = createRequire(import.meta.url)(join(folder, 'server-command.js')) as {
  serverCommand: (root: string | undefined, configured: string | undefined, exists?: (p: string) => boolean) => { command: string; args: string[] };
};

/** VS Code's language id for each extension faultline scans. */
const VSCODE_LANGUAGE: Record<string, string> = {
  '.py': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
};

describe('editors/vscode', () => {
  it('has a manifest VS Code can load: identity, engine, an entry file that parses, activation on every language faultline scans', () => {
    expect(manifest.name).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.engines.vscode).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(manifest.dependencies['vscode-languageclient']).toBeDefined();
    const entry = join(folder, manifest.main);
    expect(existsSync(entry)).toBe(true);
    execFileSync(process.execPath, ['--check', entry]);
    const activated = manifest.activationEvents.map((e) => /^onLanguage:(.+)$/.exec(e)?.[1]);
    const needed = [...new Set(SOURCE_EXTENSIONS.map((ext) => VSCODE_LANGUAGE[ext]))];
    expect(needed).not.toContain(undefined);
    expect([...activated].sort()).toEqual([...needed].sort());
    // The client's document selector lists the same languages.
    const listed = /const LANGUAGES = \[([^\]]*)\]/.exec(readFileSync(entry, 'utf8'))?.[1]?.match(/'([a-z]+)'/g)?.map((s) => s.slice(1, -1));
    expect(listed?.sort()).toEqual([...needed].sort());
    expect(manifest.contributes.configuration.properties['faultline.path']?.type).toBe('string');
  });

  it('builds with `npm run build` there: every file parses and the entry and its relative requires exist', async () => {
    const built = await run(npm, ['run', 'build', '--silent'], { cwd: folder });
    expect(built.stdout).toContain(`parse, ${manifest.main} is the entry`);

    // The same build on a copy with a file that does not parse and a required file gone fails and names both.
    const copy = project({});
    cpSync(folder, copy, { recursive: true, filter: (src) => !src.includes('node_modules') });
    writeFileSync(join(copy, 'extension.js'), readFileSync(join(folder, 'extension.js'), 'utf8').replace('async function deactivate() {', 'async function deactivate( {'));
    rmSync(join(copy, 'server-command.js'));
    const broken = await run(npm, ['run', 'build', '--silent'], { cwd: copy }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('extension.js: does not parse');
    expect(broken.stderr).toContain('extension.js: requires ./server-command.js, which does not exist');
  }, 60_000);

  it("starts the configured path, else the workspace's faultline, else faultline on the PATH", () => {
    const bin = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(bin.bin)).toEqual(['faultline']);
    const local = join('/w', 'node_modules', '.bin', 'faultline');
    expect(serverCommand('/w', '/opt/faultline')).toEqual({ command: '/opt/faultline', args: ['lsp', '--stdio'] });
    expect(serverCommand('/w', '', (p) => p === local)).toEqual({ command: local, args: ['lsp', '--stdio'] });
    expect(serverCommand('/w', undefined, () => false)).toEqual({ command: 'faultline', args: ['lsp', '--stdio'] });
    expect(serverCommand(undefined, undefined)).toEqual({ command: 'faultline', args: ['lsp', '--stdio'] });
  });

  it('starts a command the faultline CLI answers as a language server', async () => {
    const dir = project({ 'app.py': 'print(1)\n' });
    const { args } = serverCommand(dir, undefined, () => false);
    const child = spawn(process.execPath, ['--import', join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs'), join(repo, 'bin', 'faultline.ts'), ...args], {
      cwd: dir,
      env: { ...process.env, XDG_CACHE_HOME: join(dir, '.cache') },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: null });
    expect(init.serverInfo?.name).toBe('faultline');
    expect(init.capabilities.textDocumentSync).toBeTruthy();
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    connection.dispose();
  }, 60_000);
});
