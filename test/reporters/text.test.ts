import { describe, expect, it } from 'vitest';
import { compactReporter } from '../../src/reporters/compact.js';
import { textReporter } from '../../src/reporters/text.js';
import { wrap } from '../../src/reporters/wrap.js';
import { context, PAY_PY, scanFiles } from './sample-scan.js';

/** Two charges retried in the same loop (two AP-001 findings), a text per attempt and a timeout marked failed. */
const TWICE_PY = PAY_PY.replace('result = gateway.charge(payment)', 'result = gateway.charge(payment)\n            gateway.capture(payment, "a note long enough to push the code frame past eighty columns")');

describe('text reporter', () => {
  const sources = { 'app/pay.py': TWICE_PY };
  const result = scanFiles(sources);
  const text = textReporter(result, context(sources));

  it('fits an 80-column terminal', () => {
    expect(result.findings.filter((f) => f.ruleId === 'AP-001')).toHaveLength(2);
    const wide = text.split('\n').filter((l) => l.length > 80);
    expect(wide).toEqual([]);
  });

  it("shows each rule's help once, not under every finding", () => {
    expect(text.match(/help: Pass an idempotency key/g)).toHaveLength(1);
    expect(text.match(/help: /g)).toHaveLength(3);
  });

  it('keeps the extraction block to one line when nothing was found', () => {
    const clean = textReporter({ findings: [], warnings: [], filesScanned: 1 }, context({}));
    expect(clean).toBe('ANTI-PATTERN EXTRACTION: none of AP-001, AP-002, AP-003 found\n\nScanned 1 file; 0 findings (0 high, 0 medium, 0 low)\n');
  });

  it('lists anti-patterns not found on one line', () => {
    const only = scanFiles({ 'a.py': 'for attempt in range(3):\n    try:\n        gateway.charge(p)\n        break\n    except IOError:\n        continue\n' });
    const out = textReporter(only, context({}));
    expect(out).toContain('AP-001: Retry Without Idempotency\n  → Found in codebase: 1 location (HIGH RISK)\nNot found: AP-002, AP-003\n');
  });
});

describe('compact reporter', () => {
  it('prints one path:line:col: RISK ID message line per finding', () => {
    const sources = { 'app/pay.py': PAY_PY };
    const lines = compactReporter(scanFiles(sources), context(sources)).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('app/pay.py:7:22: HIGH AP-001 `gateway.charge` runs again on every retry of `for attempt in range(3)` with no idempotency key and no check for a prior success');
    expect(lines[1]).toMatch(/^app\/pay\.py:10:13: MEDIUM AP-002 `send_sms` sends a notification/);
  });
});

describe('wrap', () => {
  it('breaks at spaces, indents continuation lines and keeps a long word whole', () => {
    expect(wrap('aaa bbb ccc', { width: 7, indent: '  ' })).toEqual(['aaa bbb', '  ccc']);
    expect(wrap('x'.repeat(12), { width: 5 })).toEqual(['x'.repeat(12)]);
  });
});
