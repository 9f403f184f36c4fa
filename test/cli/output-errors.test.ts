import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContext } from '../../src/context/index.js';
import { copyExample, NOW, TEST_CATALOGUE } from '../context/helpers.js';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

const repo = join(import.meta.dirname, '..', '..');
const RETRY = 'for attempt in range(3):\n    try:\n        gateway.charge(p)\n        break\n    except IOError:\n        continue\n';

/** Paths no one may write, even root: a missing folder, a folder, and a read-only system folder. */
function unwritable(dir: string): [string, RegExp][] {
  mkdirSync(join(dir, 'reports'), { recursive: true });
  const cases: [string, RegExp][] = [
    ['missing/report.json', /^error: cannot write missing\/report\.json: no such folder .*missing\n/],
    ['reports', /^error: cannot write reports: it is a folder\n/],
  ];
  if (existsSync('/sys/kernel')) cases.push(['/sys/faultline-report.json', /^error: cannot write \/sys\/faultline-report\.json: (permission denied|read-only file system)\n/]);
  return cases;
}

describe('an output that cannot be written is an error (exit 2), checked before the work', () => {
  it('scan --output', async () => {
    const dir = project({ 'a.py': RETRY });
    for (const [out, message] of unwritable(dir)) {
      const r = await runCli(['scan', '.', '--format', 'json', '--output', out, '--quiet'], dir);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('context --out', async () => {
    const dir = copyExample();
    for (const [out, message] of unwritable(dir)) {
      const target = out.startsWith('/') ? out : join(dir, out);
      const r = await runCli(['context', join(dir, 'manifold.yaml'), '--now', '2024-12-31', '--out', target], dir);
      expect(r.code, out).toBe(2);
      expect(r.stderr.replace(dir + '/', ''), out).toMatch(message);
    }
  });

  it('a writable --output still gets the report', async () => {
    const dir = project({ 'a.py': RETRY });
    const r = await runCli(['scan', '.', '--format', 'json', '--output', 'report.json', '--quiet'], dir);
    expect(r.code).toBe(1);
    expect((JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { findings: unknown[] }).findings).toHaveLength(1);
  });
});

describe('a reader that closes stdout early', () => {
  it('merge --dry-run | head -1 ends quietly with exit 0', async () => {
    const dir = copyExample();
    await runContext({ manifoldFile: 'manifold.yaml', cwd: dir, now: NOW, catalogue: TEST_CATALOGUE, outFile: 'failures.yaml' });
    const tsx = join(repo, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');
    const child = spawn(process.execPath, ['--import', `file://${tsx}`, join(repo, 'bin', 'faultline.ts'), 'merge', 'manifold.yaml', '--from', 'failures.yaml', '--dry-run'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before the first write: every write of the run meets a pipe without a reader.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);
});
