import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

/** A retried write that only counts as mutating once a config names `ledger.frobnicate`. */
const SETTLE = 'for attempt in range(3):\n    try:\n        ledger.frobnicate(p)\n        break\n    except IOError:\n        continue\n';
const RETRY = 'for attempt in range(3):\n    try:\n        gateway.charge(p)\n        break\n    except IOError:\n        continue\n';
const VOCAB = 'vocabulary:\n  calls:\n    mutating:\n      names: [ledger.frobnicate]\n';

async function files(argv: string[], cwd: string): Promise<{ code: number; files: string[]; stderr: string }> {
  const r = await runCli(['scan', ...argv, '--format', 'json', '--fail-on', 'none'], cwd);
  if (r.code !== 0) return { code: r.code, files: [], stderr: r.stderr };
  return { code: r.code, files: (JSON.parse(r.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file).sort(), stderr: r.stderr };
}

describe('config discovery', () => {
  it('finds the config above a subfolder, a single file and several paths', async () => {
    const dir = project({ 'faultline.config.yaml': VOCAB, 'services/pay/a.py': SETTLE, 'web/b.py': SETTLE });
    mkdirSync(join(dir, '.git'));
    expect((await files(['.'], join(dir, 'services'))).files).toEqual(['pay/a.py']);
    expect((await files(['services/pay/a.py'], dir)).files).toEqual(['services/pay/a.py']);
    expect((await files(['services', 'web'], dir)).files).toEqual(['services/pay/a.py', 'web/b.py']);
  });

  it('does not look above the repository root', async () => {
    const dir = project({ 'faultline.config.yaml': VOCAB, 'repo/a.py': SETTLE });
    mkdirSync(join(dir, 'repo', '.git'));
    expect((await files(['.'], join(dir, 'repo'))).files).toEqual([]);
  });

  it('refuses paths whose nearest configs differ, naming each', async () => {
    const dir = project({ 'services/faultline.config.yaml': VOCAB, 'services/a.py': SETTLE, 'web/b.py': SETTLE });
    mkdirSync(join(dir, '.git'));
    const r = await runCli(['scan', 'services', 'web'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('services → services/faultline.config.yaml; web → no config');
    expect(r.stderr).toContain('--config');
    // --config settles it for the whole run.
    expect((await files(['services', 'web', '--config', 'services/faultline.config.yaml'], dir)).files).toEqual(['services/a.py', 'web/b.py']);
  });
});

describe('--include and --exclude', () => {
  it('takes globs relative to the current folder, or to the scanned folder', async () => {
    const dir = project({ 'svc/a.py': RETRY, 'svc/legacy/b.py': RETRY, 'other/c.py': RETRY });
    expect((await files(['svc', '--exclude', 'svc/legacy/**'], dir)).files).toEqual(['svc/a.py']);
    expect((await files(['svc', '--exclude', 'legacy'], dir)).files).toEqual(['svc/a.py']);
    expect((await files(['.', '--include', 'svc/legacy/*.py'], dir)).files).toEqual(['svc/legacy/b.py']);
    expect((await files(['.', '--exclude', 'b.py'], dir)).files).toEqual(['other/c.py', 'svc/a.py']);
  });

  it("a command-line --include replaces the config's; --exclude adds to it", async () => {
    const dir = project({ 'faultline.config.yaml': 'include: ["app/**"]\nexclude: ["app/gen/**"]\n', 'app/a.py': RETRY, 'app/gen/g.py': RETRY, 'lib/l.py': RETRY });
    expect((await files(['.'], dir)).files).toEqual(['app/a.py']);
    expect((await files(['.', '--include', 'lib/**'], dir)).files).toEqual(['lib/l.py']);
    expect((await files(['.', '--include', '**/*.py', '--exclude', 'lib'], dir)).files).toEqual(['app/a.py']);
  });

  it("the config's globs are relative to its folder, wherever the scan runs from", async () => {
    const dir = project({ 'faultline.config.yaml': 'exclude: ["app/gen/**"]\n', 'app/a.py': RETRY, 'app/gen/g.py': RETRY });
    expect((await files(['.'], join(dir, 'app'))).files).toEqual(['a.py']);
  });
});

describe('nothing to scan', () => {
  it('a named folder without supported files: exit 2 with the reason', async () => {
    const dir = project({ 'docs/readme.md': '# hi\n' });
    const r = await runCli(['scan', 'docs'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No file to scan in docs: no supported file \(\.py .*\) is there/);
  });

  it('a named file faultline does not scan', async () => {
    const dir = project({ 'notes.txt': 'x\n' });
    const r = await runCli(['scan', 'notes.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes.txt is not a file faultline scans');
  });

  it('names the .gitignore that ignores everything; --no-ignore scans those files', async () => {
    const dir = project({ 'gen/.gitignore': '*.py\n', 'gen/a.py': RETRY });
    const r = await runCli(['scan', 'gen'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 supported file is ignored by the .gitignore at gen/.gitignore (--no-ignore scans them)');
    expect((await files(['gen', '--no-ignore'], dir)).files).toEqual(['gen/a.py']);
  });

  it('names the exclude that leaves nothing', async () => {
    const dir = project({ 'faultline.config.yaml': 'exclude: ["legacy/**"]\n', 'legacy/a.py': RETRY });
    const r = await runCli(['scan', 'legacy'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 supported file is excluded by exclude in faultline.config.yaml');
  });

  it('one named path with nothing beside others: a warning naming it, and the scan goes on', async () => {
    const dir = project({ 'src/a.py': RETRY, 'docs/readme.md': '# hi\n' });
    const r = await runCli(['scan', 'src', 'docs', '--format', 'json', '--fail-on', 'none'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: No file to scan in docs: no supported file/m);
    expect(r.stderr).not.toContain('in src');
  });

  it('the default path: a warning on stderr, and the scan succeeds', async () => {
    const dir = project({ 'readme.md': '# hi\n' });
    const r = await runCli(['scan'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: No file to scan in .: no supported file');
  });
});
