import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvalReal } from '../scripts/eval-real.js';
import { LabelError, readRealLabels, reposOf, type RealLabel } from '../scripts/real/labels.js';
import { precision, precisionFloor, recall, scoreReal } from '../scripts/real/score.js';

const repoRoot = join(import.meta.dirname, '..');
const COMMIT = 'a'.repeat(40);

function label(over: Partial<RealLabel>): RealLabel {
  const line = over.line ?? 10;
  return { batch: 'batch-1', source: 'x.yaml', repo: 'o/r', commit: COMMIT, path: 'a.py', line, rule: 'AP-001', expect: 'finding', region: [line, line], idiom: 'untagged', why: 'w', ...over };
}

describe('real-code labels', () => {
  it('every committed labels file is valid and names each repository at one commit', () => {
    const labels = readRealLabels(repoRoot, 'eval/real/labels');
    expect(() => reposOf(labels)).not.toThrow();
    for (const l of labels) expect(l.region[0] <= l.line && l.line <= l.region[1]).toBe(true);
  });

  it('names the file and line of a bad label', () => {
    const root = mkdtempSync(join(tmpdir(), 'fl-real-'));
    mkdirSync(join(root, 'labels', 'batch-1'), { recursive: true });
    writeFileSync(
      join(root, 'labels', 'batch-1', 'x.yaml'),
      `repos:\n  - repo: o/r\n    commit: ${COMMIT}\n    labels:\n      - path: a.py\n        line: 3\n        rule: AP-009\n        expect: finding\n        why: w\n`,
    );
    expect(() => readRealLabels(root, 'labels')).toThrow(LabelError);
    expect(() => readRealLabels(root, 'labels')).toThrow(/labels\/batch-1\/x\.yaml:7: repos\[0\]\.labels\[0\]\.rule/);
  });
});

describe('real-code scoring', () => {
  it('matches by rule, file and line or region; counts misses, look-alike hits and unjudged findings', () => {
    const labels = [
      label({ line: 10 }),
      label({ line: 20, rule: 'AP-003', region: [18, 25] }),
      label({ line: 30, expect: 'quiet' }),
      label({ line: 40, expect: 'quiet' }),
      label({ line: 50, path: 'b.ts', rule: 'AP-002' }),
    ];
    const s = scoreReal(labels, [
      { repo: 'o/r', ruleId: 'AP-001', path: 'a.py', line: 10 },
      { repo: 'o/r', ruleId: 'AP-003', path: 'a.py', line: 24 },
      { repo: 'o/r', ruleId: 'AP-001', path: 'a.py', line: 30 },
      { repo: 'o/r', ruleId: 'AP-002', path: 'b.ts', line: 51 },
      { repo: 'o/r', ruleId: 'AP-002', path: 'a.py', line: 60 },
      { repo: 'o/r', ruleId: 'AP-001', path: 'c.py', line: 1 },
    ]);
    expect(s.total).toEqual({ tp: 2, fn: 1, fp: 1, tn: 1, unjudged: 2 });
    expect(s.misses.map((l) => l.line)).toEqual([50]);
    expect(s.falsePositives.map((f) => f.label.line)).toEqual([30]);
    expect(s.unjudged.map((f) => `${f.path}:${f.line}`)).toEqual(['b.ts:51', 'a.py:60']);
    expect(s.elsewhere.get('o/r')).toBe(1);
    expect(s.byRule.get('AP-001')).toEqual({ tp: 1, fn: 0, fp: 1, tn: 1, unjudged: 0 });
    expect(recall(s.total)).toBeCloseTo(2 / 3);
    expect(precision(s.total)).toBeCloseTo(2 / 3);
    expect(precisionFloor(s.total)).toBeCloseTo(2 / 5);
  });

  it('matches a finding reported at a helper call to a label on the write inside the helper', () => {
    const labels = [label({ line: 40, path: 'pay.py' }), label({ line: 7, path: 'gateway.py', expect: 'quiet' })];
    const s = scoreReal(labels, [
      { repo: 'o/r', ruleId: 'AP-001', path: 'jobs.py', line: 12, related: [{ path: 'pay.py', line: 40, message: 'charge calls requests.post here' }] },
      { repo: 'o/r', ruleId: 'AP-001', path: 'jobs.py', line: 20, related: [{ path: 'gateway.py', line: 7, message: 'retried by for attempt in range(3)' }] },
    ]);
    // Only "calls … here" points at the write; a retry construct's line is not the finding's place.
    expect(s.total).toMatchObject({ tp: 1, fn: 0, fp: 0, tn: 1 });
  });
});

describe('npm run eval:real', () => {
  it('says how to build the corpus when it is missing, and exits 2', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fl-real-'));
    mkdirSync(join(root, 'eval', 'real', 'labels', 'batch-1'), { recursive: true });
    writeFileSync(
      join(root, 'eval', 'real', 'labels', 'batch-1', 'x.yaml'),
      `repos:\n  - repo: o/r\n    commit: ${COMMIT}\n    labels:\n      - {path: a.py, line: 3, rule: AP-001, expect: finding, why: w}\n`,
    );
    let err = '';
    const code = await runEvalReal(root, [], () => {}, (t) => (err += t));
    expect(code).toBe(2);
    expect(err).toMatch(/npm run eval:real:build/);
  });

  it('keeps only the repositories named with --repo, and names one that has no labels', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fl-real-'));
    mkdirSync(join(root, 'eval', 'real', 'labels', 'batch-1'), { recursive: true });
    writeFileSync(
      join(root, 'eval', 'real', 'labels', 'batch-1', 'x.yaml'),
      `repos:\n  - repo: o/r\n    commit: ${COMMIT}\n    labels:\n      - {path: a.py, line: 3, rule: AP-001, expect: finding, why: w}\n` +
        `  - repo: o/s\n    commit: ${COMMIT}\n    labels:\n      - {path: b.py, line: 4, rule: AP-002, expect: finding, why: w}\n`,
    );
    const saved = join(root, 'saved.json');
    writeFileSync(saved, JSON.stringify([{ repo: 'o/s', ruleId: 'AP-002', path: 'b.py', line: 4, message: '', code: '', related: [] }, { repo: 'o/r', ruleId: 'AP-003', path: 'a.py', line: 9, message: '', code: '', related: [] }]));
    let out = '';
    expect(await runEvalReal(root, ['--repo', 'o/s', '--findings', saved], (t) => (out += t), () => {})).toBe(0);
    expect(out).toMatch(/1 labels \(1 expected findings, 0 look-alikes\) in 1 repositories/);
    expect(out).toMatch(/\| all \| 1 \| 0 \| 0 \| 0 \| 0 \|/);
    expect(existsSync(join(root, 'eval', 'real', 'RESULTS.md'))).toBe(false);
    let err = '';
    expect(await runEvalReal(root, ['--repo', 'o/x'], () => {}, (t) => (err += t))).toBe(2);
    expect(err).toMatch(/no labels for o\/x/);
  });

  it('scans a built corpus through the CLI and scores it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fl-real-'));
    mkdirSync(join(root, 'eval', 'real', 'labels', 'batch-1'), { recursive: true });
    const repo = join(root, 'eval', 'real', 'corpus', 'o+r');
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, '.faultline-commit'), `${COMMIT}\n`);
    writeFileSync(
      join(repo, 'pay.py'),
      ['import requests', '', 'def pay(order):', '    for attempt in range(3):', '        try:', "            return requests.post(URL, json={'amount': order.amount})", '        except requests.RequestException:', '            continue', ''].join('\n'),
    );
    writeFileSync(
      join(root, 'eval', 'real', 'labels', 'batch-1', 'x.yaml'),
      `repos:\n  - repo: o/r\n    commit: ${COMMIT}\n    labels:\n      - {path: pay.py, line: 6, rule: AP-001, expect: finding, why: a POST in an attempt loop}\n`,
    );
    let out = '';
    const code = await runEvalReal(root, ['--batch', 'batch-1'], (t) => (out += t), () => {});
    expect(code).toBe(0);
    expect(out).toMatch(/\| AP-001 \| 1 \| 0 \| 0 \| 0 \| 0 \| \*\*1\.00\*\*/);
    expect(readFileSync(join(root, 'eval', 'real', 'RESULTS-batch-1.md'), 'utf8')).toBe(out.slice(0, out.indexOf('\nwrote ')));
  });
});
