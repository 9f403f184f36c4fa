import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

const RETRY = 'for attempt in range(3):\n    try:\n        gateway.charge(p)\n        break\n    except IOError:\n        send_sms(u, "again")\n';

/** Runs the CLI as on a terminal or not, with the given environment. */
async function runWith(argv: string[], cwd: string, env: Record<string, string>, isTTY: boolean): Promise<string> {
  let stdout = '';
  await main(argv, { stdout: (t) => (stdout += t), stderr: () => {}, cwd, isTTY, env: { XDG_CACHE_HOME: join(cwd, '.cache'), ...env } });
  return stdout;
}

const ESC = '\x1b[';

describe('colour', () => {
  const dir = project({ 'a.py': RETRY });
  const scan = ['scan', '.', '--no-cache'];

  it('on a terminal by default; NO_COLOR and --no-color turn it off', async () => {
    expect(await runWith(scan, dir, {}, true)).toContain(ESC);
    expect(await runWith(scan, dir, { NO_COLOR: '1' }, true)).not.toContain(ESC);
    expect(await runWith([...scan, '--no-color'], dir, {}, true)).not.toContain(ESC);
    expect(await runWith(scan, dir, { TERM: 'dumb' }, true)).not.toContain(ESC);
  });

  it('off in a pipe unless FORCE_COLOR or --color; FORCE_COLOR=0 and --no-color win over those', async () => {
    expect(await runWith(scan, dir, {}, false)).not.toContain(ESC);
    expect(await runWith(scan, dir, { FORCE_COLOR: '1' }, false)).toContain(ESC);
    expect(await runWith([...scan, '--color'], dir, { NO_COLOR: '1' }, false)).toContain(ESC);
    expect(await runWith(scan, dir, { FORCE_COLOR: '0' }, true)).not.toContain(ESC);
    expect(await runWith([...scan, '--no-color'], dir, { FORCE_COLOR: '1' }, false)).not.toContain(ESC);
  });
});

describe('--output', () => {
  it('prints one summary line on stderr: findings by risk and where the report went', async () => {
    const dir = project({ 'a.py': RETRY });
    const r = await runCli(['scan', '.', '-o', 'report.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('2 findings (1 high, 1 medium, 0 low); text report written to report.txt\n');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toContain('Scanned 1 file; 2 findings');
    expect((await runCli(['scan', '.', '-o', 'report.txt', '-q'], dir)).stderr).toBe('');
  });
});

describe('--format compact', () => {
  it('one line per finding, nothing else', async () => {
    const dir = project({ 'a.py': RETRY });
    const r = await runCli(['scan', '.', '--format', 'compact'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'a.py:3:9: HIGH AP-001 `gateway.charge` runs again on every retry of `for attempt in range(3)` with no idempotency key and no check for a prior success',
      'a.py:6:9: MEDIUM AP-002 `send_sms` sends a notification on every attempt of `for attempt in range(3)`, with no deduplication',
    ]);
  });
});

describe('baselines in the text report', () => {
  it('--write-baseline alone reports the findings it recorded, and passes the gate', async () => {
    const dir = project({ 'a.py': RETRY });
    const r = await runCli(['scan', '.', '--write-baseline', 'b.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a.py:3:9 HIGH AP-001 retry-without-idempotency');
    expect(r.stdout).toContain('Scanned 1 file; 2 findings (1 high, 1 medium, 0 low)');
    expect(r.stderr).toContain('recorded 2 findings in b.json');
  });

  it('with --baseline, the extraction block counts baselined occurrences as found', async () => {
    const dir = project({ 'a.py': RETRY });
    await runCli(['scan', '.', '--write-baseline', 'b.json'], dir);
    const r = await runCli(['scan', '.', '--baseline', 'b.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('AP-001: Retry Without Idempotency\n  → Found in codebase: 1 location (HIGH RISK) (1 in the baseline)');
    expect(r.stdout).not.toContain('none of');
  });
});
