import { describe, expect, it } from 'vitest';
import { applySuppressions, findSuppressions } from '../src/engine/suppressions.js';
import { PAY_PY, scanFiles } from './reporters/sample-scan.js';

const FILE = 'app/pay.py';

/** Scans `text` as app/pay.py and applies its suppressions. */
function suppressed(text: string) {
  const scan = scanFiles({ [FILE]: text });
  return applySuppressions(scan.findings, findSuppressions(text, '#'), FILE);
}

function insertAbove(text: string, needle: string, comment: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  const indent = /^\s*/.exec(lines[i]!)![0];
  lines.splice(i, 0, `${indent}${comment}`);
  return lines.join('\n');
}

describe('findSuppressions', () => {
  it('reads ids, reasons and the lines each comment covers', () => {
    const text = [
      'a()  # faultline-ignore AP-001: the gateway dedupes',
      '# faultline-ignore AP-001, ap-002: reviewed in PR 12',
      'b()',
      '# faultline-ignore',
      'c()',
      'd()  #faultline-ignore: generated: do not edit',
    ].join('\n');
    expect(findSuppressions(text, '#')).toEqual([
      { line: 1, covers: [1], ruleIds: ['AP-001'], justification: 'the gateway dedupes' },
      { line: 2, covers: [2, 3], ruleIds: ['AP-001', 'AP-002'], justification: 'reviewed in PR 12' },
      { line: 4, covers: [4, 5], ruleIds: [], justification: null },
      { line: 6, covers: [6], ruleIds: [], justification: 'generated: do not edit' },
    ]);
  });

  it('lets stacked comments above one statement all cover it', () => {
    const text = '    # faultline-ignore AP-001: a\n    # faultline-ignore AP-002: b\n    x()\n';
    expect(findSuppressions(text, '#').map((s) => s.covers)).toEqual([[1, 3], [2, 3]]);
  });

  it('uses the language marker and ignores look-alikes', () => {
    const ts = ['// faultline-ignore AP-001: ok', 'f();', 'const u = "http://faultline-ignore";', 'g(); // faultline-ignore-next-line AP-001: no', 'h(); # faultline-ignore'].join('\n');
    expect(findSuppressions(ts, '//').map((s) => s.line)).toEqual([1]);
    expect(findSuppressions('x = 1 // faultline-ignore: js style\r\ny = 2  # faultline-ignore: py\r\n', '#')).toEqual([
      { line: 2, covers: [2], ruleIds: [], justification: 'py' },
    ]);
  });

  it('flags a comment whose ids cannot be read', () => {
    const [s] = findSuppressions('# faultline-ignore because legacy\nx()\n', '#');
    expect(s).toMatchObject({ line: 1, ruleIds: [], justification: null });
    expect(s!.problem).toContain('"because" is not a rule id');
  });
});

describe('applySuppressions', () => {
  it('suppresses a finding from the line above, with the reason as justification', () => {
    const text = insertAbove(PAY_PY, 'gateway.charge', '# faultline-ignore AP-001: the gateway dedupes on payment id');
    const { findings, warnings } = suppressed(text);
    expect(findings.map((f) => [f.ruleId, f.suppression])).toEqual([
      ['AP-001', { justification: 'the gateway dedupes on payment id', line: 7 }],
      ['AP-002', undefined],
      ['AP-003', undefined],
    ]);
    expect(warnings).toEqual([]);
  });

  it('suppresses on the flagged line itself', () => {
    const text = PAY_PY.replace('send_sms(user, "Your payment failed")', 'send_sms(user, "Your payment failed")  # faultline-ignore AP-002: one SMS per day, rate limited upstream');
    const { findings } = suppressed(text);
    expect(findings.find((f) => f.ruleId === 'AP-002')!.suppression).toEqual({ justification: 'one SMS per day, rate limited upstream', line: 10 });
  });

  it('suppresses only the rules it names', () => {
    // AP-001 is flagged on the charge line; naming AP-002 there suppresses nothing.
    const text = insertAbove(PAY_PY, 'gateway.charge', '# faultline-ignore AP-002, AP-003: wrong rules');
    expect(suppressed(text).findings.every((f) => f.suppression === undefined)).toBe(true);
  });

  it('suppresses every rule when no id is given, and warns when there is no reason', () => {
    const text = PAY_PY.replace('            mark_failure()', '            mark_failure()  # faultline-ignore');
    const { findings, warnings } = suppressed(text);
    expect(findings.find((f) => f.ruleId === 'AP-003')!.suppression).toEqual({ justification: null, line: 11 });
    expect(findings.filter((f) => f.suppression !== undefined)).toHaveLength(1);
    expect(warnings).toEqual([
      { file: FILE, kind: 'suppression', line: 11, message: expect.stringContaining('faultline-ignore without a reason (suppresses every rule)') },
    ]);
  });

  it('warns about a reasonless suppression with an id, and still applies it', () => {
    const text = insertAbove(PAY_PY, 'gateway.charge', '# faultline-ignore AP-001:');
    const { findings, warnings } = suppressed(text);
    expect(findings[0]!.suppression).toEqual({ justification: null, line: 7 });
    expect(warnings[0]!.message).toContain('(suppresses AP-001); add one after a colon: "faultline-ignore AP-001: <why this is safe>"');
  });

  it('applies nothing and warns for a comment it cannot read', () => {
    const text = insertAbove(PAY_PY, 'gateway.charge', '# faultline-ignore legacy code');
    const { findings, warnings } = suppressed(text);
    expect(findings.every((f) => f.suppression === undefined)).toBe(true);
    expect(warnings).toEqual([{ file: FILE, kind: 'suppression', line: 7, message: expect.stringContaining('cannot read this faultline-ignore comment') }]);
  });

  it('does not reach two lines down, or across files', () => {
    const text = insertAbove(PAY_PY, 'try:', '# faultline-ignore: too far above the charge');
    expect(suppressed(text).findings.every((f) => f.suppression === undefined)).toBe(true);
    const scan = scanFiles({ [FILE]: PAY_PY });
    const everything = findSuppressions(PAY_PY.replace(/\n/g, '  # faultline-ignore: all\n'), '#');
    expect(applySuppressions(scan.findings, everything, 'other.py').findings).toEqual(scan.findings);
  });

  it('works with // comments in TypeScript', () => {
    const ts = [
      'async function pay(p: Payment) {',
      '  for (let attempt = 0; attempt < 3; attempt++) {',
      '    try {',
      '      // faultline-ignore AP-001: idempotency is enforced by the gateway SDK',
      '      await gateway.charge(p);',
      '      return;',
      '    } catch (e) {}',
      '  }',
      '}',
      '',
    ].join('\n');
    const scan = scanFiles({ 'app/pay.ts': ts });
    expect(scan.findings.map((f) => f.ruleId)).toContain('AP-001');
    const { findings } = applySuppressions(scan.findings, findSuppressions(ts, '//'), 'app/pay.ts');
    expect(findings.find((f) => f.ruleId === 'AP-001')!.suppression).toEqual({ justification: 'idempotency is enforced by the gateway SDK', line: 4 });
  });

  it('does not mutate its input', () => {
    const scan = scanFiles({ [FILE]: PAY_PY });
    const before = structuredClone(scan.findings);
    applySuppressions(scan.findings, findSuppressions('# faultline-ignore: x\n'.repeat(20), '#'), FILE);
    expect(scan.findings).toEqual(before);
  });
});
