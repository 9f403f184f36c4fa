import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyBaseline, createBaseline, formatBaseline, parseBaseline, pruneBaseline, readBaseline, writeBaseline, type Baseline } from '../src/baseline/index.js';
import { withFingerprints } from '../src/engine/fingerprint.js';
import { isOpenFinding } from '../src/engine/finding-state.js';
import { applySuppressions, findSuppressions } from '../src/engine/suppressions.js';
import type { ScanResult } from '../src/engine/types.js';
import { BaselineError } from '../src/errors.js';
import { PAY_PY, scanFiles } from './reporters/sample-scan.js';

const FILE = 'app/pay.py';
const tmp = mkdtempSync(join(tmpdir(), 'faultline-baseline-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Scans files and fingerprints the findings, as the CLI does before baselining. */
function scan(files: Record<string, string>): ScanResult {
  return withFingerprints(scanFiles(files), new Map(Object.entries(files)));
}

/** A new retry loop around a refund: one new AP-001 finding. */
const REFUND_PY = `

def refund(payment):
    for attempt in range(5):
        try:
            gateway.refund(payment)
            break
        except Timeout:
            continue
`;

/** PAY_PY moved down by new code above, plus a refund in a new retry loop. */
const EDITED = PAY_PY.replace('def pay', 'import logging\n\nlog = logging.getLogger(__name__)\n\n\ndef pay') + REFUND_PY;

describe('baselines', () => {
  it('round-trips through a file and matches moved findings as unchanged, new ones as new', () => {
    const path = join(tmp, 'round-trip.json');
    const before = scan({ [FILE]: PAY_PY });
    writeBaseline(path, createBaseline(before, '0.1.0'), '/proj');
    const baseline = readBaseline(path, '/proj');
    expect(baseline.findings.map((e) => [e.ruleId, e.file, e.line])).toEqual([
      ['AP-001', FILE, 7],
      ['AP-002', FILE, 10],
      ['AP-003', FILE, 11],
    ]);

    const after = applyBaseline(scan({ [FILE]: EDITED }), baseline);
    expect(after.findings.map((f) => [f.ruleId, f.line, f.baselineState])).toEqual([
      ['AP-001', 12, 'unchanged'],
      ['AP-002', 15, 'unchanged'],
      ['AP-003', 16, 'unchanged'],
      ['AP-001', 22, 'new'],
    ]);
    expect(after.baselineFixed).toBe(0);
    expect(after.findings.filter(isOpenFinding).map((f) => f.code)).toEqual(['gateway.refund(payment)']);
  });

  it('writes stable, sorted JSON with paths relative to the baseline file', () => {
    const dir = join(tmp, 'stable');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const result = scan({ [FILE]: PAY_PY, 'lib/a.py': PAY_PY });
    const path = join(dir, 'sub', 'baseline.json');
    writeBaseline(path, createBaseline(result, '0.1.0'), dir);
    const text = readFileSync(path, 'utf8');
    const json = JSON.parse(text) as Baseline;
    expect(json.version).toBe(1);
    expect(json.tool).toEqual({ name: 'faultline', version: '0.1.0' });
    expect(Object.keys(json.findings[0]!)).toEqual(['ruleId', 'file', 'fingerprint', 'line', 'code']);
    expect(json.findings.map((e) => e.file)).toEqual(['../app/pay.py', '../app/pay.py', '../app/pay.py', '../lib/a.py', '../lib/a.py', '../lib/a.py']);
    expect(json.findings[0]).toMatchObject({ ruleId: 'AP-001', line: 7, code: 'result = gateway.charge(payment)' });
    expect(text.endsWith('}\n')).toBe(true);
    // Read from another directory, the paths come back relative to that one.
    expect(readBaseline(path, join(dir, 'sub')).findings[0]!.file).toBe('../app/pay.py');
    expect(readBaseline('sub/baseline.json', dir).findings[3]!.file).toBe('lib/a.py');
    // Writing the same findings again is byte-identical; no temp files are left behind.
    writeBaseline(path, readBaseline(path, dir), dir);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['baseline.json']);
  });

  it('counts findings that disappeared and prunes them, without adding new ones', () => {
    const baseline = createBaseline(scan({ [FILE]: PAY_PY }), '0.1.0');
    const fixed = PAY_PY.replace('            send_sms(user, "Your payment failed")\n', '').replace('result = gateway.charge(payment)', 'result = gateway.charge(payment, idempotency_key=payment.id)');
    const now = scan({ [FILE]: fixed + REFUND_PY });
    const applied = applyBaseline(now, baseline);
    expect(applied.findings.map((f) => [f.ruleId, f.baselineState])).toEqual([
      ['AP-003', 'unchanged'],
      ['AP-001', 'new'],
    ]);
    expect(applied.baselineFixed).toBe(2);
    const pruned = pruneBaseline(baseline, applied, '0.2.0');
    expect(pruned.tool.version).toBe('0.2.0');
    expect(pruned.findings.map((e) => [e.ruleId, e.line])).toEqual([['AP-003', 10]]);
    expect(applyBaseline(now, pruned).baselineFixed).toBe(0);
  });

  it('matches each baseline entry at most once', () => {
    const baseline = createBaseline(scan({ [FILE]: PAY_PY }), '0.1.0');
    const copy = PAY_PY.replace('def pay', 'def pay_again');
    // Identical copies pair from the bottom up: a copy added above is the new one.
    const copyAbove = applyBaseline(scan({ [FILE]: `${copy}\n\n${PAY_PY}` }), baseline);
    expect(copyAbove.findings.map((f) => f.baselineState)).toEqual(['new', 'new', 'new', 'unchanged', 'unchanged', 'unchanged']);
    // A copy added below takes the baselined entries (documented churn); still one entry per finding.
    const copyBelow = applyBaseline(scan({ [FILE]: `${PAY_PY}\n\n${copy}` }), baseline);
    expect(copyBelow.findings.map((f) => f.baselineState)).toEqual(['new', 'new', 'new', 'unchanged', 'unchanged', 'unchanged']);
    expect(copyBelow.baselineFixed).toBe(0);
    expect(applyBaseline(scan({ 'other/pay.py': PAY_PY }), baseline).findings.every((f) => f.baselineState === 'new')).toBe(true);
  });

  it('leaves suppressed findings out of the baseline and out of matching', () => {
    const text = PAY_PY.replace('            mark_failure()', '            mark_failure()  # faultline-ignore AP-003: reconciled nightly');
    const raw = scan({ [FILE]: text });
    const result = { ...raw, findings: applySuppressions(raw.findings, findSuppressions(text, '#'), FILE).findings };
    const baseline = createBaseline(result, '0.1.0');
    expect(baseline.findings.map((e) => e.ruleId)).toEqual(['AP-001', 'AP-002']);
    const applied = applyBaseline(result, createBaseline(scan({ [FILE]: PAY_PY }), '0.1.0'));
    expect(applied.findings.map((f) => f.baselineState)).toEqual(['unchanged', 'unchanged', undefined]);
    expect(applied.baselineFixed).toBe(1);
  });

  it('treats findings without a fingerprint as new and does not record them', () => {
    const bare = scanFiles({ [FILE]: PAY_PY });
    expect(createBaseline(bare, '0.1.0').findings).toEqual([]);
    const applied = applyBaseline(bare, createBaseline(scan({ [FILE]: PAY_PY }), '0.1.0'));
    expect(applied.findings.every((f) => f.baselineState === 'new')).toBe(true);
  });

  describe('malformed baselines', () => {
    function readError(content: string | undefined, name = 'baseline.json'): BaselineError {
      const path = join(tmp, name);
      if (content !== undefined) writeFileSync(path, content);
      try {
        readBaseline(path, tmp);
      } catch (error) {
        expect(error).toBeInstanceOf(BaselineError);
        return error as BaselineError;
      }
      throw new Error('expected a BaselineError');
    }

    it('names the file when it is missing', () => {
      const e = readError(undefined, 'missing.json');
      expect(e.message).toBe(`Cannot read baseline ${join(tmp, 'missing.json')}: no such file`);
      expect(e.code).toBe('baseline');
      expect(e.file).toBe(join(tmp, 'missing.json'));
      expect(e.help).toContain('--write-baseline');
    });

    it('names the file when it is not JSON', () => {
      const e = readError('{ "version": 1,', 'broken.json');
      expect(e.message).toMatch(new RegExp(`^Cannot read baseline ${join(tmp, 'broken.json')}: not valid JSON`));
      expect(e.cause).toBeInstanceOf(SyntaxError);
    });

    it('names the field that is wrong', () => {
      const good = formatBaseline(createBaseline(scan({ [FILE]: PAY_PY }), '0.1.0'));
      const bad = JSON.parse(good) as { findings: { fingerprint?: unknown }[] };
      bad.findings[1]!.fingerprint = 42;
      expect(readError(JSON.stringify(bad), 'field.json').message).toMatch(/field\.json: findings\[1\]\.fingerprint: .*string/);
      expect(readError('[]', 'array.json').message).toMatch(/array\.json: top level: /);
      expect(() => parseBaseline('{"version":1,"tool":{"name":"faultline","version":"0.1.0"}}', 'x.json')).toThrow(/x\.json: findings: /);
    });

    it('refuses a newer format version', () => {
      expect(readError('{"version":2,"tool":{},"findings":[]}', 'newer.json').message).toMatch(/newer\.json: it is format version 2, this faultline reads version 1/);
    });
  });

  it('reports a write failure as a BaselineError', () => {
    expect(() => writeBaseline(join(tmp, 'no', 'such', 'dir', 'b.json'), createBaseline(scan({}), '0.1.0'), tmp)).toThrow(BaselineError);
  });
});
