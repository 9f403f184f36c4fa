import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownRules, parseLabels, precision, readCorpus, recall, renderReport, score, type EvalFinding, type Label } from '../scripts/eval.js';

const repo = join(import.meta.dirname, '..');

describe('eval label parser', () => {
  it('reads label and label-ok, idiom tags, and stacked labels onto the next code line', () => {
    const text = [
      'def f():',
      '    # label: AP-001 celery-autoretry',
      '    # label-ok: AP-002',
      '    gateway.charge(x)',
      '    # label-ok: AP-003 read-timeout',
      '    return False',
    ].join('\n');
    const { labels, problems } = parseLabels(text, 'a.py', 'python');
    expect(problems).toEqual([]);
    expect(labels.map((l) => [l.kind, l.ruleId, l.idiom, l.at, l.line])).toEqual([
      ['label', 'AP-001', 'celery-autoretry', 2, 4],
      ['label-ok', 'AP-002', 'untagged', 3, 4],
      ['label-ok', 'AP-003', 'read-timeout', 5, 6],
    ]);
  });

  it('uses // for TypeScript and JavaScript', () => {
    const { labels, problems } = parseLabels('  // label: AP-002 notify-retry-hook\n  await sendSms(p, t);\n', 'a.ts', 'typescript');
    expect(problems).toEqual([]);
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatchObject({ ruleId: 'AP-002', line: 2, file: 'a.ts' });
  });

  it.each([
    ['// label: AP-001\ncall()', 'python', /line comment is "#"/],
    ['# label AP-001\ncall()', 'python', /does not parse/],
    ['# label: ap-001\ncall()', 'python', /not a rule id/],
    ['# label-ok AP-001\ncall()', 'python', /does not parse/],
    ['# label: AP-001 Bad_Tag\ncall()', 'python', /idiom tag/],
    ['# label: AP-001 tag extra words\ncall()', 'python', /does not parse/],
    ['# label: AP-001\n\ncall()', 'python', /blank line/],
    ['# label: AP-001\n# why it matters\ncall()', 'python', /another comment/],
    ['call()\n# label: AP-001', 'python', /end of the file/],
    ['call()\n# label: AP-001\n', 'python', /end of the file/],
    ['call()  # label: AP-001', 'python', /own line/],
    ['charge();  // label-ok: AP-001', 'javascript', /own line/],
    ['# label: AP-001\n# label: AP-001\ncall()', 'python', /duplicate/],
    ['# label: AP-001\n# label-ok: AP-001\ncall()', 'python', /both/],
  ] as const)('reports a malformed label: %j', (text, language, message) => {
    const { problems } = parseLabels(text, 'x', language);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('leaves ordinary comments alone', () => {
    const { labels, problems } = parseLabels('# labels are printed on the receipt\n# see label printer docs\nprint_label(x)\n', 'a.py', 'python');
    expect(problems).toEqual([]);
    expect(labels).toEqual([]);
  });
});

describe('eval scoring', () => {
  const label = (kind: Label['kind'], ruleId: string, file: string, line: number, idiom = 'untagged'): Label => ({ kind, ruleId, idiom, file, at: line - 1, line });

  it('counts TP, FN, FP per rule and language, FPs on look-alikes and on unlabelled lines', () => {
    const labels = [
      label('label', 'AP-001', 'p/a.py', 10, 'loop'),
      label('label', 'AP-001', 'p/a.py', 20, 'loop'),
      label('label-ok', 'AP-001', 'p/a.py', 30, 'key'),
      label('label-ok', 'AP-001', 'p/a.py', 40, 'key'),
      label('label', 'AP-003', 'p/b.ts', 5),
    ];
    const findings: EvalFinding[] = [
      { ruleId: 'AP-001', file: 'p/a.py', line: 10 },
      { ruleId: 'AP-001', file: 'p/a.py', line: 10 }, // duplicate: one verdict
      { ruleId: 'AP-001', file: 'p/a.py', line: 30 }, // on a look-alike
      { ruleId: 'AP-001', file: 'p/a.py', line: 50 }, // unlabelled
      { ruleId: 'AP-002', file: 'p/b.ts', line: 5 }, // right line, wrong rule
      { ruleId: 'AP-003', file: 'p/b.ts', line: 6 }, // wrong line
    ];
    const s = score(labels, findings);
    expect(s.cells.get('AP-001\tpython')).toEqual({ positives: 2, lookalikes: 2, tp: 1, fp: 2, fn: 1, tn: 1 });
    expect(s.cells.get('AP-003\ttypescript')).toEqual({ positives: 1, lookalikes: 0, tp: 0, fp: 1, fn: 1, tn: 0 });
    expect(s.cells.get('AP-002\ttypescript')).toEqual({ positives: 0, lookalikes: 0, tp: 0, fp: 1, fn: 0, tn: 0 });
    expect(s.falseNegatives.map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.idiom}`)).toEqual(['p/a.py:20 AP-001 loop', 'p/b.ts:5 AP-003 untagged']);
    expect(s.falsePositives.map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.idiom}`)).toEqual([
      'p/a.py:30 AP-001 key',
      'p/a.py:50 AP-001 unlabelled',
      'p/b.ts:5 AP-002 unlabelled',
      'p/b.ts:6 AP-003 unlabelled',
    ]);
    expect(s.idioms.get('AP-001\tkey')).toEqual({ positives: 0, lookalikes: 2, tp: 0, fp: 1, fn: 0, tn: 1 });
    expect(s.idioms.get('AP-001\tloop')).toEqual({ positives: 2, lookalikes: 0, tp: 1, fp: 0, fn: 1, tn: 0 });
  });

  it('pairs a false positive whose related location is a missed label (same defect, reported elsewhere)', () => {
    const labels = [label('label', 'AP-001', 'p/gateway.py', 13, 'cross-file-wrapper')];
    const s = score(labels, [
      { ruleId: 'AP-001', file: 'p/services.py', line: 17, related: [{ line: 17 }, { file: 'p/gateway.py', line: 13 }] },
      { ruleId: 'AP-002', file: 'p/services.py', line: 30, related: [{ file: 'p/gateway.py', line: 13 }] },
    ]);
    expect(s.cells.get('AP-001\tpython')).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(s.relocations.map((r) => `${r.label.file}:${r.label.line} <- ${r.finding.file}:${r.finding.line}`)).toEqual(['p/gateway.py:13 <- p/services.py:17']);
  });

  it('computes precision and recall, undefined when there is nothing to divide', () => {
    expect(precision({ tp: 3, fp: 1 })).toBe(0.75);
    expect(recall({ tp: 3, fn: 3 })).toBe(0.5);
    expect(precision({ tp: 0, fp: 0 })).toBeUndefined();
    expect(recall({ tp: 0, fn: 0 })).toBeUndefined();
  });

  it('renders the table with per-rule totals and quotes the source of every miss', () => {
    const labels = [label('label', 'AP-001', 'p/a.py', 2, 'loop'), label('label', 'AP-001', 'p/c.js', 1)];
    const s = score(labels, [{ ruleId: 'AP-001', file: 'p/a.py', line: 3 }]);
    const md = renderReport({
      score: s,
      rules: ['AP-001', 'AP-002'],
      sources: new Map([
        ['p/a.py', '# label: AP-001 loop\ngateway.charge(x)\nrequests.post(u)\n'],
        ['p/c.js', 'await charge(x);\n'],
      ]),
      filesScanned: 2,
      labelledFiles: 2,
      toolVersion: '0.0.0',
      scanErrors: [],
    });
    expect(md).toContain('| AP-001 | python | 1 | 0 | 0 | 1 | 1 | 0.00 | 0.00 |');
    expect(md).toContain('| AP-001 | javascript | 1 | 0 | 0 | 0 | 1 | – | 0.00 |');
    expect(md).toContain('| **AP-001** | **all** | 2 | 0 | 0 | 1 | 2 | **0.00** | **0.00** |');
    expect(md).toContain('| AP-002 | typescript | 0 | 0 | 0 | 0 | 0 | – | – |');
    expect(md).toContain('- p/a.py:2 AP-001 — `gateway.charge(x)`');
    expect(md).toContain('- p/c.js:1 AP-001 — `await charge(x);`');
    expect(md).toContain('- p/a.py:3 AP-001 — `requests.post(u)`');
    expect(md).toMatch(/### AP-001 loop \(1\)/);
  });
});

describe('eval corpus', () => {
  it('has well-formed labels that all name a loaded rule, and enough of them', async () => {
    const rules = await knownRules(repo);
    expect(rules.length).toBeGreaterThan(0);
    const { labels, problems } = readCorpus(repo);
    expect(problems).toEqual([]);
    expect(labels.filter((l) => !rules.includes(l.ruleId))).toEqual([]);
    expect(labels.length).toBeGreaterThanOrEqual(80);
  });
});
