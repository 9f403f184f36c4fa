import { describe, expect, it } from 'vitest';
import { contentHash, fingerprintFinding, withFingerprints } from '../src/engine/fingerprint.js';
import { applySuppressions, findSuppressions } from '../src/engine/suppressions.js';
import type { Finding } from '../src/engine/types.js';
import { PAY_PY, scanFiles } from './reporters/sample-scan.js';

const FILE = 'app/pay.py';

/** Fingerprints of a scan of `text`, by rule id. */
function prints(text: string): Record<string, string> {
  const { findings } = withFingerprints(scanFiles({ [FILE]: text }), new Map([[FILE, text]]));
  return Object.fromEntries(findings.map((f) => [f.ruleId, f.fingerprint!]));
}

const base = prints(PAY_PY);

describe('fingerprints', () => {
  it('look like GitHub line hashes', () => {
    expect(Object.keys(base)).toEqual(['AP-001', 'AP-002', 'AP-003']);
    for (const fp of Object.values(base)) expect(fp).toMatch(/^[0-9a-f]{16}:1$/);
    expect(new Set(Object.values(base)).size).toBe(3);
  });

  it('stay equal when blank lines are inserted above', () => {
    expect(prints(`\n\n\n${PAY_PY}`)).toEqual(base);
    expect(prints(PAY_PY.replace('    for attempt', '\n\n    for attempt'))).toEqual(base);
  });

  it('stay equal when unrelated code is inserted above, or indentation and CRLF change', () => {
    expect(prints(PAY_PY.replace('def pay', 'import logging\nlog = logging.getLogger(__name__)\n\n\ndef pay'))).toEqual(base);
    expect(prints(PAY_PY.replace('            result = gateway.charge(payment)', '            audit("charging")\n            result = gateway.charge(payment)'))).toEqual(base);
    expect(prints(PAY_PY.replace(/\n/g, '\r\n'))).toEqual(base);
    expect(prints(PAY_PY.replace('result = gateway.charge(payment)', 'result  =  gateway.charge(payment)'))).toEqual(base);
  });

  it('ignore a faultline-ignore comment added to the flagged line', () => {
    expect(prints(PAY_PY.replace('mark_failure()', 'mark_failure()  # faultline-ignore AP-003: reconciled nightly'))).toEqual(base);
  });

  it('change when the flagged code changes', () => {
    const changed = prints(PAY_PY.replace('result = gateway.charge(payment)', 'result = gateway.charge(payment, retries=0)'));
    expect(changed['AP-001']).not.toBe(base['AP-001']);
    expect(changed['AP-002']).toBe(base['AP-002']);
    expect(changed['AP-003']).toBe(base['AP-003']);
    expect(prints(PAY_PY.replace('send_sms(user, "Your payment failed")', 'send_sms(user, "Payment failed")'))['AP-002']).not.toBe(base['AP-002']);
  });

  it('depend on the rule id', () => {
    const f = { ruleId: 'AP-001', line: 1, endLine: 1 };
    expect(contentHash(f, 'x()')).not.toBe(contentHash({ ...f, ruleId: 'AP-002' }, 'x()'));
  });

  it('number identical flagged lines by occurrence, from the bottom up', () => {
    const twice = `${PAY_PY}\n\n${PAY_PY.replace('def pay', 'def pay_again')}`;
    const { findings } = withFingerprints(scanFiles({ [FILE]: twice }), new Map([[FILE, twice]]));
    const ap001 = findings.filter((f) => f.ruleId === 'AP-001').map((f) => f.fingerprint);
    expect(ap001).toEqual([base['AP-001']!.replace(/:1$/, ':2'), base['AP-001']]);
    const second = findings.filter((f) => f.ruleId === 'AP-001')[1]!;
    expect(fingerprintFinding(second, twice, findings)).toBe(second.fingerprint);
    expect(fingerprintFinding(second, twice)).toBe(base['AP-001']);
  });

  it('number open findings independently of suppressed copies', () => {
    const suppressedCopy = PAY_PY.replace('def pay', 'def pay_again').replace('result = gateway.charge(payment)', 'result = gateway.charge(payment)  # faultline-ignore AP-001: deduped');
    const text = `${suppressedCopy}\n\n${PAY_PY}`;
    const raw = scanFiles({ [FILE]: text });
    const result = { ...raw, findings: applySuppressions(raw.findings, findSuppressions(text, '#'), FILE).findings };
    const ap001 = withFingerprints(result, new Map([[FILE, text]])).findings.filter((f) => f.ruleId === 'AP-001');
    expect(ap001.map((f) => [f.suppression !== undefined, f.fingerprint])).toEqual([
      [true, base['AP-001']!.replace(/:1$/, ':2')],
      [false, base['AP-001']],
    ]);
  });

  it('hash every line of a multi-line span, up to a limit', () => {
    const text = 'a(\n  1,\n  2,\n)\n';
    const f = { ruleId: 'AP-001', line: 1, endLine: 4 };
    expect(contentHash(f, text)).not.toBe(contentHash(f, text.replace('2', '3')));
    expect(contentHash({ ...f, endLine: 50 }, `${text}${'x\n'.repeat(60)}`)).toBe(contentHash({ ...f, endLine: 50 }, `${text}${'y\n'.repeat(60)}`.replace('y\n', 'x\n')));
  });

  it('keep a fingerprint that is already set and skip files without source', () => {
    const scan = scanFiles({ [FILE]: PAY_PY });
    const preset: Finding[] = scan.findings.map((f, i) => (i === 0 ? { ...f, fingerprint: 'kept:1' } : f));
    expect(withFingerprints({ ...scan, findings: preset }, new Map([[FILE, PAY_PY]])).findings.map((f) => f.fingerprint)).toEqual(['kept:1', base['AP-002'], base['AP-003']]);
    expect(withFingerprints(scan, new Map()).findings.every((f) => f.fingerprint === undefined)).toBe(true);
  });
});
