import { beforeAll, describe, expect, it } from 'vitest';
import { applySuppressions, findSuppressions } from '../../src/engine/suppressions.js';
import type { ScanResult } from '../../src/engine/types.js';
import { escapeData, escapeProperty, githubReporter } from '../../src/reporters/github.js';
import { BROKEN_PY, context, PAY_PY, scanFiles } from './sample-scan.js';

describe('github reporter', () => {
  const sources = { 'app/pay.py': PAY_PY };
  let result: ScanResult;
  let lines: string[];

  beforeAll(() => {
    result = scanFiles(sources);
    lines = githubReporter(result, context(sources)).trimEnd().split('\n');
  });

  it('prints one workflow command per finding, then a summary', () => {
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^::error file=services\/app\/pay\.py,line=7,col=22,endLine=7,endColumn=45,title=AP-001 retry-without-idempotency::/);
    expect(lines[1]).toMatch(/^::warning file=services\/app\/pay\.py,line=10,col=13,endLine=10,endColumn=50,title=AP-002 notify-in-retry-loop::/);
    expect(lines[2]).toMatch(/^::error file=services\/app\/pay\.py,line=11,.*title=AP-003 binary-timeout-handling::/);
    expect(lines[3]).toBe('faultline: 3 findings (2 high, 1 medium) in 1 file');
  });

  it('puts the message, help and incidents in the escaped data', () => {
    const data = lines[0]!.split('::')[2]!;
    expect(data).toBe(
      '`gateway.charge` runs again on every retry of `for attempt in range(3)` with no idempotency key and no check for a prior success.' +
        '%0Ahelp: Pass an idempotency key derived from the business operation (not a fresh random one per attempt), or look up a prior success before each attempt and stop if there is one.' +
        '%0Aincidents: INC-2024-089',
    );
  });

  it('maps low risk to notice', () => {
    const low = { ...result, findings: [{ ...result.findings[1]!, risk: 'low' as const }] };
    expect(githubReporter(low, context(sources))).toMatch(/^::notice file=/);
  });

  it('escapes data and property values per the workflow command rules', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('C:\\dir,x\n%')).toBe('C%3A\\dir%2Cx%0A%25');
    const odd = { ...result, findings: [{ ...result.findings[0]!, file: 'a,b:c%.py', message: 'line one\nline two: 50%' }] };
    const line = githubReporter(odd, context(sources)).split('\n')[0]!;
    expect(line).toContain('file=services/a%2Cb%3Ac%25.py,');
    expect(line).toContain('::line one%0Aline two: 50%25.%0Ahelp:');
  });

  it('leaves out suppressed findings and findings already in the baseline', () => {
    const text = PAY_PY.replace('            mark_failure()', '            mark_failure()  # faultline-ignore AP-003: reconciled by the nightly job');
    const scanned = scanFiles({ 'app/pay.py': text });
    const { findings } = applySuppressions(scanned.findings, findSuppressions(text, '#'), 'app/pay.py');
    const marked = findings.map((f) => (f.ruleId === 'AP-001' ? { ...f, baselineState: 'unchanged' as const } : f));
    const out = githubReporter({ ...scanned, findings: marked, baselineFixed: 2 }, context({ 'app/pay.py': text })).trimEnd().split('\n');
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('title=AP-002');
    expect(out[1]).toBe('faultline: 1 finding (1 medium) in 1 file; 1 suppressed, 1 in baseline, 2 fixed since baseline');
  });

  it('prints scan warnings as warning commands', () => {
    const out = githubReporter(scanFiles({ 'app/broken.py': BROKEN_PY }), context({})).trimEnd().split('\n');
    expect(out[0]).toMatch(/^::warning file=services\/app\/broken\.py,line=1,title=faultline%3A syntax::syntax error near line 1/);
    expect(out.at(-1)).toBe('faultline: 0 findings in 1 file');
  });

  it('matches the snapshots (shared scan, empty scan, parse failure)', () => {
    expect(githubReporter(result, context(sources))).toMatchSnapshot('shared scan');
    expect(githubReporter({ findings: [], warnings: [], filesScanned: 0 }, context({}))).toMatchSnapshot('empty');
    expect(githubReporter(scanFiles({ 'app/broken.py': BROKEN_PY }), context({}))).toMatchSnapshot('parse failure');
  });
});
