import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

const repo = join(import.meta.dirname, '..', '..');

/** One AP-001 finding (a charge retried without a key). */
const CHARGE = (name: string) => `def ${name}(p):\n    for attempt in range(3):\n        try:\n            gateway.charge(p)\n            break\n        except IOError:\n            continue\n`;

interface BaselineJson {
  findings: { ruleId: string; file: string; line: number }[];
}

const entries = (dir: string): string[] =>
  (JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as BaselineJson).findings.map((e) => `${e.ruleId} ${e.file}:${e.line}`);

describe('--baseline B --write-baseline B on a partial scan', () => {
  const files = { 'a/x.py': CHARGE('pay'), 'b/y.py': CHARGE('pay'), 'b/z.ts': '' };

  it('keeps the entries of files outside a subfolder, a single file or --include, and prunes the covered ones', async () => {
    for (const scope of [['a'], ['a/x.py'], ['.', '--include', 'a/**']]) {
      const dir = project(files);
      expect((await runCli(['scan', '.', '--write-baseline', 'base.json'], dir)).code).toBe(0);
      expect(entries(dir)).toEqual(['AP-001 a/x.py:4', 'AP-001 b/y.py:4']);
      // Fixing a/x.py and rewriting from a partial scan drops only its entry.
      writeFileSync(join(dir, 'a/x.py'), 'def pay(p):\n    return None\n');
      const r = await runCli(['scan', ...scope, '--baseline', 'base.json', '--write-baseline', 'base.json', '--format', 'json'], dir);
      expect(r.code, scope.join(' ')).toBe(0);
      expect(entries(dir), scope.join(' ')).toEqual(['AP-001 b/y.py:4']);
      // The next full run still has b/y.py baselined: nothing new, nothing to fail on.
      expect((await runCli(['scan', '.', '--baseline', 'base.json'], dir)).code).toBe(0);
    }
  });

  it('counts only covered entries as fixed', async () => {
    const dir = project(files);
    await runCli(['scan', '.', '--write-baseline', 'base.json'], dir);
    const r = await runCli(['scan', 'a', '--baseline', 'base.json', '--format', 'json'], dir);
    expect((JSON.parse(r.stdout) as { summary: { baselineFixed?: number } }).summary.baselineFixed ?? 0).toBe(0);
  });
});

describe('--failures F --write on a subfolder', () => {
  it('keeps the occurrences of files outside the scanned folder (6 stay 6)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-partial-'));
    cpSync(join(repo, 'examples'), join(dir, 'examples'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    const failures = 'examples/payment-retry-v2-failures.yaml';
    const count = (): number => (readFileSync(join(dir, failures), 'utf8').match(/^\s*- file: /gm) ?? []).length;
    await runCli(['scan', 'examples/payment-service', '--failures', failures, '--write'], dir);
    const full = readFileSync(join(dir, failures), 'utf8');
    // checkout.py's handler records the timeout once (mark_failed); its "please try again" asks for a retry
    // that replays the charge with the same stable key, which records nothing.
    expect(count()).toBe(6);

    const r = await runCli(['scan', 'examples/payment-service/app/jobs', '--failures', failures, '--write', '--fail-on', 'none'], dir);
    expect(r.code).toBe(0);
    expect(count()).toBe(6);
    expect(readFileSync(join(dir, failures), 'utf8')).toBe(full);

    // A finding fixed inside the scanned folder is dropped; the rest stay.
    const reminder = join(dir, 'examples/payment-service/app/jobs/payment_reminder.py');
    writeFileSync(reminder, readFileSync(reminder, 'utf8').replace('result = gateway.charge(payment)', 'result = gateway.charge(payment, idempotency_key=payment.id)'));
    await runCli(['scan', 'examples/payment-service/app/jobs', '--failures', failures, '--write', '--fail-on', 'none'], dir);
    expect(count()).toBe(5);
    expect(readFileSync(join(dir, failures), 'utf8')).not.toContain('payment_reminder.py"\n        line: 36');
    expect(readFileSync(join(dir, failures), 'utf8')).toContain('web/src/api/payments.ts');
  });
});

describe('baseline matching does not depend on other findings', () => {
  async function baselined(before: string, after: string): Promise<string[]> {
    const dir = project({ 'pay.py': before });
    await runCli(['scan', '.', '--write-baseline', 'base.json'], dir);
    writeFileSync(join(dir, 'pay.py'), after);
    const r = await runCli(['scan', '.', '--baseline', 'base.json', '--format', 'json', '--fail-on', 'none'], dir);
    return (JSON.parse(r.stdout) as { findings: { line: number; baselineState?: string; suppressed?: boolean }[] }).findings.map((f) => `${f.line} ${f.baselineState ?? 'suppressed'}`);
  }

  it('a new copy of the same call added above: the old one stays matched, the copy is new', async () => {
    expect(await baselined(CHARGE('pay'), `${CHARGE('pay_again')}\n\n${CHARGE('pay')}`)).toEqual(['4 new', '13 unchanged']);
  });

  it('a suppressed copy added above leaves the old one matched', async () => {
    const suppressed = CHARGE('pay_again').replace('            gateway.charge(p)', '            gateway.charge(p)  # faultline-ignore AP-001: deduped by the gateway');
    expect(await baselined(CHARGE('pay'), `${suppressed}\n\n${CHARGE('pay')}`)).toEqual(['4 suppressed', '13 unchanged']);
  });

  it('two baselined copies stay matched when a third is added above them', async () => {
    const two = `${CHARGE('a')}\n\n${CHARGE('b')}`;
    expect(await baselined(two, `${CHARGE('c')}\n\n${two}`)).toEqual(['4 new', '13 unchanged', '22 unchanged']);
  });
});
