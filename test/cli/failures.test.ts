import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const repo = join(import.meta.dirname, '..', '..');

/** A git-like copy of the bundled example (occurrence paths are relative to the `.git` root). */
function exampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-failures-'));
  cpSync(join(repo, 'examples'), join(dir, 'examples'), { recursive: true });
  mkdirSync(join(dir, '.git'));
  return dir;
}

const ARGS = ['scan', 'examples/payment-service', '--failures', 'examples/payment-retry-v2-failures.yaml'];

describe('faultline scan --failures', () => {
  it('reports in the file’s terms and writes nothing without --write', async () => {
    const dir = exampleCopy();
    const before = readFileSync(join(dir, 'examples/payment-retry-v2-failures.yaml'), 'utf8');
    const r = await runCli([...ARGS, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { failures: { occurrences: Record<string, { file: string; line: number; risk: string }[]>; written: boolean } };
    expect(report.failures.written).toBe(false);
    expect(report.failures.occurrences['AP-001']?.map((o) => `${o.file}:${o.line} ${o.risk}`)).toEqual([
      'examples/payment-service/app/jobs/payment_reminder.py:36 HIGH - will duplicate on retry',
      'examples/payment-service/app/jobs/refund_job.py:11 HIGH - will duplicate on retry',
      'examples/payment-service/web/src/api/payments.ts:20 HIGH - will duplicate on retry',
    ]);
    expect(readFileSync(join(dir, 'examples/payment-retry-v2-failures.yaml'), 'utf8')).toBe(before);
  });

  it('--write replaces the stale entries, keeps everything else, and is byte-identical on a re-run', async () => {
    const dir = exampleCopy();
    const file = join(dir, 'examples/payment-retry-v2-failures.yaml');
    const before = readFileSync(file, 'utf8');
    const text = await runCli([...ARGS, '--write'], dir);
    expect(text.stdout).toContain('AP-001: Retry Without Idempotency\n  → Found in codebase: 3 locations (HIGH RISK)');
    const once = readFileSync(file, 'utf8');
    expect(once).not.toContain('src/jobs/payment_reminder.py"\n        line: 45');
    expect(once).toContain('line: 36');
    // Every comment line of the original survives.
    for (const line of before.split('\n').filter((l) => l.trim().startsWith('#'))) expect(once).toContain(line);
    await runCli([...ARGS, '--write'], dir);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('refuses a malformed file with exit 2, naming the file and line, and leaves it untouched', async () => {
    const dir = exampleCopy();
    const file = join(dir, 'broken.yaml');
    const text = 'meta:\n  manifold: x\nanti_patterns:\n  - name: "No id here"\n    description: d\n';
    writeFileSync(file, text);
    const r = await runCli(['scan', 'examples/payment-service', '--failures', 'broken.yaml', '--write'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:4/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('--write without --failures is a usage error', async () => {
    expect((await runCli(['scan', '.', '--write'], repo)).code).toBe(2);
  });

  it('faultline compile prints the compiled rules and exits 2 on an unknown phrase', async () => {
    const ok = await runCli(['compile', 'examples/payment-retry-v2-failures.yaml'], repo);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('id: AP-003');
    const dir = exampleCopy();
    writeFileSync(join(dir, 'f.yaml'), 'anti_patterns:\n  - id: AP-010\n    name: Odd\n    pattern_signature:\n      - "Frobnicates the widget"\n');
    const bad = await runCli(['compile', join(dir, 'f.yaml')], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Frobnicates the widget/);
  });
});
