import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';


const LOOP = (call: string, extra = '') =>
  `def run(gateway, p):\n${extra}    for attempt in range(3):\n        try:\n            ${call}\n            break\n        except IOError:\n            continue\n`;

describe('suppressions through the CLI', () => {
  it('a reasoned faultline-ignore keeps the finding out of the gate and the list, and counts it', async () => {
    const dir = project({ 'a.py': LOOP('# faultline-ignore AP-001: gateway dedupes on payment id\n            gateway.charge(p)') });
    const r = await runCli(['scan', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 suppressed');
    expect(r.stdout).not.toContain('warning:');
    const shown = await runCli(['scan', '.', '--no-suppressions'], dir);
    expect(shown.code).toBe(1);
  });

  it('a suppression without a reason still applies, with a warning naming the file', async () => {
    const dir = project({ 'a.py': LOOP('gateway.charge(p)  # faultline-ignore AP-001') });
    const r = await runCli(['scan', '.', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { errors: { file: string; kind: string }[] };
    expect(report.errors).toEqual([expect.objectContaining({ file: 'a.py', kind: 'suppression' })]);
  });
});

describe('baselines through the CLI', () => {
  it('records, then gates only on new findings, matched by content not line', async () => {
    const dir = project({ 'a.py': LOOP('gateway.charge(p)') });
    const first = await runCli(['scan', '.', '--write-baseline', 'baseline.json'], dir);
    expect(first.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings).toHaveLength(1);

    writeFileSync(join(dir, 'a.py'), '\n\n# moved down\n' + LOOP('gateway.charge(p)'));
    expect((await runCli(['scan', '.', '--baseline', 'baseline.json'], dir)).code).toBe(0);

    writeFileSync(join(dir, 'b.py'), LOOP('gateway.refund(p)'));
    const withNew = await runCli(['scan', '.', '--baseline', 'baseline.json', '--format', 'json'], dir);
    expect(withNew.code).toBe(1);
    const states = (JSON.parse(withNew.stdout) as { findings: { file: string; baselineState?: string }[] }).findings.map((f) => `${f.file} ${f.baselineState}`);
    expect(states.sort()).toEqual(['a.py unchanged', 'b.py new']);
  });

  it('refuses a malformed baseline with exit 2', async () => {
    const dir = project({ 'a.py': LOOP('gateway.charge(p)'), 'baseline.json': '{ nope' });
    const r = await runCli(['scan', '.', '--baseline', 'baseline.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('baseline.json');
  });
});

describe('--format github', () => {
  it('prints workflow commands with the risk as the level', async () => {
    const dir = project({ 'a.py': LOOP('gateway.charge(p)') });
    const r = await runCli(['scan', '.', '--format', 'github'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=a\.py,line=4,/m);
  });
});
