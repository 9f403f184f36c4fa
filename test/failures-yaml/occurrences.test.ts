import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageForPath } from '../../src/engine/languages.js';
import { settleAlone } from '../../src/engine/link.js';
import { scanSource } from '../../src/engine/scan-source.js';
import type { Finding } from '../../src/engine/types.js';
import { antiPatternSummary, compileFailures, occurrenceRoot, occurrencesFor, readFailuresFile, writeOccurrences } from '../../src/failures-yaml/index.js';
import { builtins, FIXTURES, tempDir } from './helpers.js';

/** Scans files (paths relative to `cwd`) with the rules, as the CLI would. */
function scan(cwd: string, files: string[], rules: Parameters<typeof scanSource>[3]): Finding[] {
  const { vocab } = builtins();
  return files.flatMap((f) => settleAlone(scanSource(readFileSync(join(cwd, f), 'utf8'), f, languageForPath(f)!, rules, vocab), f, languageForPath(f)!.id));
}

/** A copy of the sample repository with the seed-shaped failures file at its root. */
function sampleRepo(options: { git: 'dir' | 'file' | 'none' }): string {
  const root = tempDir();
  cpSync(join(FIXTURES, 'repo'), root, { recursive: true });
  cpSync(join(FIXTURES, 'seed-failures.yaml'), join(root, 'payment-retry-v2-failures.yaml'));
  if (options.git === 'dir') mkdirSync(join(root, '.git'));
  if (options.git === 'file') writeFileSync(join(root, '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n');
  return root;
}

const FILES = ['src/jobs/payment_reminder.py', 'web/checkout.js'];

describe('occurrenceRoot', () => {
  it('finds the git root above the scan root (.git folder or file), else uses the scan root', () => {
    const repo = sampleRepo({ git: 'dir' });
    expect(occurrenceRoot('src/jobs', repo)).toBe(repo);
    expect(occurrenceRoot(join(repo, 'src/jobs/payment_reminder.py'))).toBe(repo);
    const worktree = sampleRepo({ git: 'file' });
    expect(occurrenceRoot('web', worktree)).toBe(worktree);
    const plain = sampleRepo({ git: 'none' });
    expect(occurrenceRoot('src', plain)).toBe(join(plain, 'src'));
  });
});

describe('occurrencesFor', () => {
  const { rules } = compileFailures(readFailuresFile(join(FIXTURES, 'seed-failures.yaml')), builtins());

  it('gives every anti-pattern a list, repo-relative and sorted, in the seed shape', () => {
    const repo = sampleRepo({ git: 'dir' });
    // Scanned from inside web/, so finding paths are relative to web/.
    const cwd = join(repo, 'web');
    const findings = scan(cwd, FILES.map((f) => relative(cwd, join(repo, f))), rules);
    const byId = occurrencesFor(findings, { root: occurrenceRoot('.', cwd), cwd, rules });
    expect(Object.fromEntries(byId)).toEqual({
      'AP-001': [
        { file: 'src/jobs/payment_reminder.py', line: 7, code: 'gateway.charge(payment)', risk: 'HIGH - will duplicate on retry' },
        { file: 'web/checkout.js', line: 5, code: 'await pRetry(() => stripe.charges.create({ amount: order.total }), { retries: 3 });', risk: 'HIGH - will duplicate on retry' },
      ],
      'AP-002': [{ file: 'src/jobs/payment_reminder.py', line: 12, code: 'send_sms(user, "Your payment is overdue")', risk: 'MEDIUM - will notify the user on every attempt' }],
      'AP-003': [{ file: 'src/jobs/payment_reminder.py', line: 24, code: 'mark_failure(payment)', risk: 'HIGH - records a failure that may have succeeded' }],
    });
  });

  it('is relative to the scan root outside git', () => {
    const repo = sampleRepo({ git: 'none' });
    const findings = scan(repo, ['src/jobs/payment_reminder.py'], rules);
    const byId = occurrencesFor(findings, { root: occurrenceRoot('src', repo), cwd: repo, rules });
    expect(byId.get('AP-001')?.[0]?.file).toBe('jobs/payment_reminder.py');
  });

  it('drops suppressed findings, merges findings on one line, ignores unknown rule ids', () => {
    const base: Omit<Finding, 'file' | 'line' | 'code'> = { ruleId: 'AP-001', slug: 's', title: 't', risk: 'high', language: 'python', message: 'm', related: [], captures: {}, column: 1, endLine: 1, endColumn: 2 };
    const findings: Finding[] = [
      { ...base, file: 'b.py', line: 2, code: 'x()' },
      { ...base, file: 'a.py', line: 9, code: 'y()' },
      { ...base, file: 'a.py', line: 9, column: 5, code: 'y()' },
      { ...base, file: 'a.py', line: 3, code: 'z()', suppression: { justification: 'reviewed', line: 2 } },
      { ...base, ruleId: 'OTHER-001', file: 'a.py', line: 1, code: 'w()' },
    ];
    const byId = occurrencesFor(findings, { root: '/r', cwd: '/r', rules });
    expect(byId.get('AP-001')?.map((o) => `${o.file}:${o.line}`)).toEqual(['a.py:9', 'b.py:2']);
    expect(byId.has('OTHER-001')).toBe(false);
    expect(occurrencesFor(findings, { root: '/r', cwd: '/r', rules, includeSuppressed: true }).get('AP-001')).toHaveLength(3);
  });
});

describe('scan, write back, re-run (end to end without the CLI)', () => {
  it('writes the findings, is byte-identical on a re-run, and empties a list once the code is fixed', () => {
    const repo = sampleRepo({ git: 'dir' });
    const path = join(repo, 'payment-retry-v2-failures.yaml');
    const run = () => {
      const file = readFailuresFile(path);
      const { rules } = compileFailures(file, builtins());
      const byId = occurrencesFor(scan(repo, FILES, rules), { root: occurrenceRoot('.', repo), cwd: repo, rules });
      return { file, rules, byId, result: writeOccurrences(path, file, byId) };
    };
    const first = run();
    expect(first.result.changed).toBe(true);
    const written = readFileSync(path, 'utf8');
    expect(written).toContain(`    occurrences_in_codebase:
      - file: "src/jobs/payment_reminder.py"
        line: 7
        code: "gateway.charge(payment)"
        risk: "HIGH - will duplicate on retry"
      - file: "web/checkout.js"
        line: 5
`);
    expect(written).not.toContain('line: 45');

    const second = run();
    expect(second.result.changed).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(written);

    // Fix the TypeScript client: its entry disappears, the rest stays.
    const ts = join(repo, 'web/checkout.js');
    writeFileSync(ts, readFileSync(ts, 'utf8').replace('{ amount: order.total }', '{ amount: order.total }, { idempotencyKey: order.id }'));
    run();
    const fixed = readFileSync(path, 'utf8');
    expect(fixed).not.toContain('web/checkout.js');
    expect(fixed).toContain('src/jobs/payment_reminder.py');

    expect(antiPatternSummary(first.file, first.rules, first.byId)).toBe(`ANTI-PATTERN EXTRACTION
3 anti-patterns from payment-retry-v2-failures.yaml:

AP-001: Retry Without Idempotency
  → Found in codebase: 2 locations (HIGH RISK)

AP-002: Notification Per Retry
  → Found in codebase: 1 location (MEDIUM RISK)

AP-003: Swallowed Ambiguous Response
  → Found in codebase: 1 location (HIGH RISK)
`);
  });

  it('says "Not found" for an anti-pattern without findings', () => {
    const file = readFailuresFile(join(FIXTURES, 'seed-failures.yaml'));
    const { rules } = compileFailures(file, builtins());
    expect(antiPatternSummary(file, rules, new Map([['AP-001', []]]))).toContain('AP-001: Retry Without Idempotency\n  → Not found in codebase\n');
  });
});
