import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

const RETRY = 'for attempt in range(3):\n    try:\n        gateway.charge(p)\n        break\n    except IOError:\n        continue\n';

const findingCount = (stdout: string): number => (JSON.parse(stdout) as { findings: unknown[] }).findings.length;

describe('--cache-dir', () => {
  it('refuses an empty value (it would fill the current folder) with exit 2', async () => {
    const dir = project({ 'a.py': RETRY });
    const r = await runCli(['scan', '.', '--cache-dir', ''], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --cache-dir needs a folder (got "")');
    expect(readdirSync(dir)).toEqual(['a.py']);
  });

  it('a folder that cannot be created is a warning; the scan runs without cache', async () => {
    const dir = project({ 'a.py': RETRY });
    const cases: [string, string][] = [['a.py/cache', 'ENOTDIR'], ['a.py', 'ENOTDIR']];
    // /proc refuses new entries with ENOENT, on which Node's recursive mkdir loops forever.
    if (existsSync('/proc/self')) cases.push(['/proc/faultline-cache/x', 'ENOENT']);
    for (const [cacheDir, code] of cases) {
      const r = await runCli(['scan', '.', '--format', 'json', '--cache-dir', cacheDir], dir);
      expect(r.code, cacheDir).toBe(1);
      expect(findingCount(r.stdout)).toBe(1);
      expect(r.stderr).toContain(`warning: cannot create the scan cache folder ${cacheDir.startsWith('/') ? cacheDir : join(dir, cacheDir)}: ${code}; scanning without a cache`);
    }
  });

  it('creates a missing nested folder and fills it', async () => {
    const dir = project({ 'a.py': RETRY });
    const r = await runCli(['scan', '.', '--format', 'json', '--cache-dir', 'c/d/e'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(readdirSync(join(dir, 'c/d/e')).some((f) => f.startsWith('scan-'))).toBe(true);
  });
});
