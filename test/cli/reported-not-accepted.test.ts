import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

const RETRY = 'for attempt in range(3):\n    try:\n        gateway.charge(p)\n        break\n    except IOError:\n        continue\n';

interface JsonReport {
  findings: { ruleId: string; suppressed?: boolean }[];
  errors: { file: string; kind: string; line?: number; message: string }[];
}

describe('unknown rule ids are reported', () => {
  it('in disable: an error naming the config line, listing the known ids', async () => {
    const dir = project({ 'a.py': RETRY, 'faultline.config.yaml': 'fail_on: high\ndisable:\n  - AP-002\n  - AP-02\n' });
    const r = await runCli(['scan', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/faultline\.config\.yaml:4: disable: unknown rule id "AP-02" \(known: AP-001, AP-002, AP-003\)/);
  });

  it('disable: of a built-in stays valid under --no-builtin, and of an extra rule', async () => {
    const dir = project({ 'a.py': RETRY, 'faultline.config.yaml': 'disable: [AP-001, AP-003]\n' });
    const r = await runCli(['scan', '.', '--no-builtin', '--rules', join(import.meta.dirname, '..', '..', 'rules', 'AP-002-notify-in-retry-loop.yaml')], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('in a faultline-ignore comment: a warning with file and line; the known ids still apply', async () => {
    const dir = project({ 'a.py': RETRY.replace('gateway.charge(p)', 'gateway.charge(p)  # faultline-ignore AP-001, AP-0002: reviewed') });
    const r = await runCli(['scan', '.', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(r.code).toBe(0);
    expect(report.errors).toEqual([
      { file: 'a.py', kind: 'suppression', line: 3, message: 'faultline-ignore names the unknown rule id "AP-0002" (known: AP-001, AP-002, AP-003); it suppresses nothing for it' },
    ]);
    const text = await runCli(['scan', '.'], dir);
    expect(text.stdout + text.stderr).toContain('warning: a.py:3: faultline-ignore names the unknown rule id "AP-0002"');
  });
});

describe('an empty --rules folder is an error', () => {
  it('exit 2, naming the folder', async () => {
    const dir = project({ 'a.py': RETRY });
    mkdirSync(join(dir, 'my-rules'));
    const r = await runCli(['scan', '.', '--rules', 'my-rules'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot load rules from .*my-rules: the folder holds no rule files \(\*\.yaml, \*\.yml\)/);
  });
});

describe('config values take what the CLI takes, and errors list the allowed values', () => {
  it('max_file_size: 10K is 10 KiB, as --max-file-size 10K', async () => {
    const big = `${RETRY}${'#'.repeat(11 * 1024)}\n`;
    const dir = project({ 'a.py': RETRY, 'big.py': big, 'faultline.config.yaml': 'max_file_size: 10K\n' });
    const r = await runCli(['scan', '.', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.errors.map((e) => `${e.file} ${e.kind}`)).toEqual(['big.py too-large']);
    expect(report.findings).toHaveLength(1);
  });

  it('a bad value is echoed with the allowed ones', async () => {
    const cases: [string, RegExp][] = [
      ['max_file_size: 10Q\n', /faultline\.config\.yaml:1: max_file_size: must be a number of bytes, optionally with K or M \(1048576, 512K, 2M\), above 0 \(got "10Q"\)/],
      ['fail_on: severe\n', /faultline\.config\.yaml:1: fail_on: must be high, medium, low, none \(got "severe"\)/],
      ['test_files:\n  risk: severe\n', /faultline\.config\.yaml:2: test_files\.risk: must be off, high, medium, low, keep \(got "severe"\)/],
    ];
    for (const [config, message] of cases) {
      const dir = project({ 'a.py': RETRY, 'faultline.config.yaml': config });
      const r = await runCli(['scan', '.'], dir);
      expect(r.code, config).toBe(2);
      expect(r.stderr, config).toMatch(message);
    }
    const cli = await runCli(['scan', '.', '--max-file-size', '10Q'], project({ 'a.py': RETRY }));
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('--max-file-size takes a number of bytes, optionally with K or M (1048576, 512K, 2M) (got "10Q")');
  });
});
