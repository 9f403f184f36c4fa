import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

const repo = join(import.meta.dirname, '..', '..');

/** A user rule: AP-004 flags a `refund` call inside a `for attempt` retry (Python only). */
const RULE = `id: AP-004
slug: refund-in-retry
title: Refund In Retry
risk: high
consequence: will refund twice
message: "{callee} refunds on every retry of {retry}"
help: Pass an idempotency key.
rationale: A refund retried after a timeout pays the customer twice.
languages: [python]
signature:
  - call: mutating
  - inside: retry
  - not: idempotency-key
`;
const BAD = 'def run(gateway, p):\n    for attempt in range(3):\n        try:\n            # expect: AP-004\n            gateway.refund(p)\n            break\n        except IOError:\n            continue\n';
const GOOD = 'def run(gateway, p):\n    for attempt in range(3):\n        try:\n            # ok: AP-004\n            gateway.refund(p, idempotency_key=p.key)\n            break\n        except IOError:\n            continue\n';

describe('faultline test', () => {
  it('runs the built-in rules through their fixtures (the same fixtures the harness checks)', async () => {
    const r = await runCli(['test', '--fixtures', 'fixtures'], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [, fixtures, , passed, failed] = /^(\d+) fixtures, (\d+) annotations: (\d+) passed, (\d+) failed$/m.exec(r.stdout) ?? [];
    expect(Number(fixtures)).toBeGreaterThan(100);
    expect(passed).toBe(fixtures);
    expect(failed).toBe('0');
  });

  it('fails on a built-in fixture whose annotation no longer holds, naming the file and line', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'faultline-fixtures-'));
    cpSync(join(repo, 'fixtures', 'good', 'AP-001'), join(copy, 'AP-001'), { recursive: true });
    const file = join(copy, 'AP-001', 'collection-iteration.py');
    writeFileSync(file, readFileSync(file, 'utf8').replace('# ok: AP-001', '# expect: AP-001'));
    const r = await runCli(['test', '--fixtures', copy], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL .*AP-001\/collection-iteration\.py \(AP-001\)\n  line \d+: missing: expected AP-001, got nothing/);
  });

  it("tests a user's rule with fixtures beside it, in its folder or in tests/", async () => {
    const dir = project({ 'rules/AP-004-refund-in-retry.yaml': RULE, 'rules/AP-004-refund-in-retry.py': BAD, 'rules/tests/good.py': GOOD });
    const r = await runCli(['test', 'rules/AP-004-refund-in-retry.yaml'], dir);
    expect(r.stdout).toContain('2 fixtures, 2 annotations: 2 passed, 0 failed');
    expect(r.code).toBe(0);
    expect((await runCli(['test', 'rules'], dir)).code).toBe(0);
  });

  it('reports missing and unexpected findings with exit 1', async () => {
    const dir = project({
      'rules/AP-004-refund-in-retry.yaml': RULE,
      // the expect: sits on the wrong line: one finding missing, one unexpected
      'rules/AP-004-refund-in-retry/bad.py': BAD.replace('            # expect: AP-004\n            gateway.refund(p)\n            break', '            gateway.refund(p)\n            # expect: AP-004\n            break'),
      'rules/AP-004-refund-in-retry/good.py': GOOD.replace(', idempotency_key=p.key', ''),
    });
    const r = await runCli(['test', 'rules/AP-004-refund-in-retry.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL rules/AP-004-refund-in-retry/bad.py (AP-004)\n  line 4: unexpected AP-004');
    expect(r.stdout).toContain('  line 6: missing: expected AP-004, got nothing');
    expect(r.stdout).toContain('FAIL rules/AP-004-refund-in-retry/good.py (AP-004)\n  line 5: unexpected AP-004 (annotated ok)');
    expect(r.stdout).toContain('2 fixtures, 2 annotations: 0 passed, 2 failed');
  });

  it('a rule without fixtures, an annotation naming an unknown rule, or a malformed one fails', async () => {
    const untested = await runCli(['test', 'rules'], project({ 'rules/AP-004-refund-in-retry.yaml': RULE }));
    expect(untested.code).toBe(1);
    expect(untested.stdout).toContain('FAIL AP-004: no fixture tests this rule');
    const dir = project({ 'rules/AP-004-refund-in-retry.yaml': RULE, 'rules/tests/x.py': '# expect: AP-009\nx = 1\n# expect AP-004\ny = 2\n' });
    const r = await runCli(['test', 'rules'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('line 1: expect: AP-009 names no loaded rule');
    expect(r.stdout).toContain('line 3: looks like an annotation but does not parse');
  });

  it('a bad rule file or a missing path is exit 2 naming it; nothing to test is a usage error', async () => {
    const dir = project({ 'rules/AP-004-refund-in-retry.yaml': RULE.replace('risk: high', 'risk: severe') });
    const bad = await runCli(['test', 'rules'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('AP-004-refund-in-retry.yaml:4');
    expect((await runCli(['test', 'nope.yaml'], dir)).code).toBe(2);
    expect((await runCli(['test'], dir)).code).toBe(2);
  });
});
