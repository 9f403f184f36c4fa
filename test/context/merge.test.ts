import { chmodSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ManifoldError, MergeError, mergeFailuresIntoManifold, runContext, runMerge } from '../../src/context/index.js';
import { copyExample, NOW, TEST_CATALOGUE } from './helpers.js';

const MANIFOLD = `# Payment retry manifold
manifold: payment-retry-v2 # the feature

entities: [payment, retry]

constraints:
  # business rules first
  - id: B1
    statement: "A customer is never charged twice"   # kept quoted (and its alignment)
  - id: T_INC089_1
    statement: Retry logic must check for idempotency

failure_modes:
  - id: F1
    scenario: Card declined on every retry attempt
`;

const FAILURES = `meta:
  manifold: payment-retry-v2
derived_constraints:
  from_incidents:
    - incident: INC-2024-089
      generated_constraints:
        - id: T_INC089_1
          type: invariant
          statement: Retry logic must check for idempotency
        - id: T_INC089_2
          type: invariant
          statement: Idempotency key in payment requests is required
          rationale: INC-2024-089 contributing factor
          violation_scenario: Duplicate payments during gateway timeout
  from_anti_patterns: []
  from_ticket_patterns:
    - pattern: Charged twice
      generated_constraints:
        - id: U_TKT_1
          type: goal
          statement: Fewer than 2 "Charged twice" support tickets per month
          measurement: < 2 tickets per month (now 5.9)
enriched_failure_modes:
  existing_in_manifold: []
  newly_discovered:
    - id: F_NEW_1
      source: INC-2024-089
      incidents: [INC-2024-089, INC-2024-131]
      scenario: Duplicate payments during gateway timeout
      probability: medium
      impact: critical
      constraints_violated: [B1]
    - id: F_NEW_2
      source: ticket_pattern_analysis
      scenario: Card declined on every retry attempt
anti_patterns:
  - id: AP-001
    name: Retry Without Idempotency
    occurrences_in_codebase: []
    prevention:
      must_include: [Idempotency key in all mutating operations]
      must_exclude: [Blind retry on timeout]
  - id: AP-009
    name: No prevention recorded
`;

describe('mergeFailuresIntoManifold', () => {
  it('adds constraints, failure modes and exclusions, keeping comments, order and quoting', () => {
    const result = mergeFailuresIntoManifold(MANIFOLD, 'manifold.yaml', FAILURES, 'failures.yaml');
    expect(result.added).toEqual({ constraints: ['T_INC089_2', 'U_TKT_1'], failureModes: ['F2'], exclusions: ['AP-001'] });
    expect(result.text).toBe(`# Payment retry manifold
manifold: payment-retry-v2 # the feature

entities: [payment, retry]

constraints:
  # business rules first
  - id: B1
    statement: "A customer is never charged twice"   # kept quoted (and its alignment)
  - id: T_INC089_1
    statement: Retry logic must check for idempotency
  - id: T_INC089_2
    type: invariant
    statement: Idempotency key in payment requests is required
    rationale: INC-2024-089 contributing factor
    violation_scenario: Duplicate payments during gateway timeout
    _source: failure_analysis
    derived_from: INC-2024-089
  - id: U_TKT_1
    type: goal
    statement: Fewer than 2 "Charged twice" support tickets per month
    measurement: < 2 tickets per month (now 5.9)
    _source: failure_analysis
    derived_from: ticket pattern "Charged twice"

failure_modes:
  - id: F1
    scenario: Card declined on every retry attempt
  - id: F2
    scenario: Duplicate payments during gateway timeout
    probability: medium
    impact: critical
    constraints_violated:
      - B1
    incident_refs:
      - INC-2024-089
      - INC-2024-131
    _source: failure_analysis
solution_space:
  exclusions:
    - anti_pattern: AP-001
      description: Retry Without Idempotency
      must_exclude:
        - Blind retry on timeout
      must_include:
        - Idempotency key in all mutating operations
      _source: failure_analysis
`);
  });

  it('is idempotent: a second merge returns the text unchanged', () => {
    const once = mergeFailuresIntoManifold(MANIFOLD, 'm.yaml', FAILURES, 'f.yaml');
    const twice = mergeFailuresIntoManifold(once.text, 'm.yaml', FAILURES, 'f.yaml');
    expect(twice.changed).toBe(false);
    expect(twice.text).toBe(once.text);
  });

  it('refuses a failures YAML of another manifold, or a malformed one', () => {
    expect(() => mergeFailuresIntoManifold(MANIFOLD, 'm.yaml', FAILURES.replace('payment-retry-v2', 'checkout'), 'f.yaml')).toThrowError(
      'f.yaml: was generated for manifold "checkout", not "payment-retry-v2" (m.yaml)',
    );
    expect(() => mergeFailuresIntoManifold(MANIFOLD, 'm.yaml', FAILURES.replace('statement: Idempotency key in payment requests is required', 'statement: 12'), 'f.yaml')).toThrowError(
      /^f\.yaml derived_constraints\.from_incidents\[0\]\.generated_constraints\[1\]\.statement \(line 12\): expected string/,
    );
    expect(() => mergeFailuresIntoManifold(MANIFOLD, 'm.yaml', 'anti_patterns: []\n', 'f.yaml')).toThrowError(MergeError);
    expect(() => mergeFailuresIntoManifold('entities: [x]\n', 'm.yaml', FAILURES, 'f.yaml')).toThrowError(ManifoldError);
  });
});

describe('mergeFailuresIntoManifold on lists written in other shapes', () => {
  /** The original lines the merge removed or rewrote. */
  const removedLines = (before: string, after: string): string[] =>
    diffLines(before, after)
      .filter((c) => c.removed)
      .flatMap((c) => c.value.replace(/\r?\n$/, '').split(/\r?\n/));

  it('rewrites only the line of an empty flow list, keeping its comment, and grows a mapping without its list', () => {
    const manifold = [
      'manifold: payment-retry-v2',
      'description: >-',
      '  Folded text that',
      '  must stay folded',
      'entities: [payment, retry]     # aligned',
      'constraints: []   # none yet',
      'failure_modes: []',
      'solution_space:',
      '  notes: keep me    # aligned',
      'extra: 1',
      '',
    ].join('\n');
    const { text } = mergeFailuresIntoManifold(manifold, 'm.yaml', FAILURES, 'f.yaml');
    expect(removedLines(manifold, text)).toEqual(['constraints: []   # none yet', 'failure_modes: []']);
    expect(text).toContain('constraints:   # none yet\n  - id: T_INC089_1\n');
    expect(text).toContain('  notes: keep me    # aligned\n  exclusions:\n    - anti_pattern: AP-001\n');
    expect(text.endsWith('extra: 1\n')).toBe(true);
    const data = parse(text);
    expect(data.constraints.map((c: { id: string }) => c.id)).toEqual(['T_INC089_1', 'T_INC089_2', 'U_TKT_1']);
    expect(data.failure_modes.map((f: { id: string }) => f.id)).toEqual(['F1', 'F2']);
    expect(mergeFailuresIntoManifold(text, 'm.yaml', FAILURES, 'f.yaml').changed).toBe(false);
  });

  it('turns a flow list (one or several lines) and an empty flow mapping into blocks, changing only their lines', () => {
    const manifold = [
      'manifold: payment-retry-v2',
      'entities: [payment]',
      'constraints: [ {id: B1, statement: "Never twice"} ]',
      'failure_modes: [',
      '  {id: F1, scenario: Old},',
      ']',
      'solution_space: {}',
      'last:   1   # aligned',
    ].join('\r\n');
    const { text } = mergeFailuresIntoManifold(manifold, 'm.yaml', FAILURES, 'f.yaml');
    expect(removedLines(manifold, text)).toEqual([
      'constraints: [ {id: B1, statement: "Never twice"} ]',
      'failure_modes: [',
      '  {id: F1, scenario: Old},',
      ']',
      'solution_space: {}',
    ]);
    expect(text).toContain('constraints:\r\n  - id: B1\r\n    statement: Never twice\r\n  - id: T_INC089_1\r\n');
    expect(text).not.toMatch(/[^\r]\n/);
    const data = parse(text);
    expect(data.failure_modes.map((f: { id: string }) => f.id)).toEqual(['F1', 'F2', 'F3']);
    expect(data.solution_space.exclusions.map((e: { anti_pattern: string }) => e.anti_pattern)).toEqual(['AP-001']);
    expect(data.last).toBe(1);
  });
});

describe('runMerge', () => {
  it('writes atomically keeping the mode, and a second run writes nothing (byte-identical)', async () => {
    const dir = copyExample();
    await runContext({ manifoldFile: 'manifold.yaml', cwd: dir, now: NOW, catalogue: TEST_CATALOGUE, outFile: 'failures.yaml' });
    const manifold = path.join(dir, 'manifold.yaml');
    chmodSync(manifold, 0o640);
    const original = readFileSync(manifold, 'utf8');
    const first = await runMerge({ manifoldFile: 'manifold.yaml', failuresFile: 'failures.yaml', cwd: dir, dryRun: false });
    expect(first.written).toBe(true);
    const merged = readFileSync(manifold, 'utf8');
    expect(merged).not.toBe(original);
    expect(merged.startsWith(original.split('\nconstraints:')[0] ?? '')).toBe(true); // header comments and terms untouched
    expect(merged).toContain('# What the feature is about.');
    expect(statSync(manifold).mode & 0o777).toBe(0o640);
    const mtime = statSync(manifold).mtimeMs;
    const second = await runMerge({ manifoldFile: 'manifold.yaml', failuresFile: 'failures.yaml', cwd: dir, dryRun: false });
    expect(second.changed).toBe(false);
    expect(second.written).toBe(false);
    expect(readFileSync(manifold, 'utf8')).toBe(merged);
    expect(statSync(manifold).mtimeMs).toBe(mtime);
  });

  it('after a merge, a rerun of context derives nothing new and raises no warning', async () => {
    const dir = copyExample();
    await runContext({ manifoldFile: 'manifold.yaml', cwd: dir, now: NOW, catalogue: TEST_CATALOGUE, outFile: 'failures.yaml' });
    await runMerge({ manifoldFile: 'manifold.yaml', failuresFile: 'failures.yaml', cwd: dir, dryRun: false });
    const again = await runContext({ manifoldFile: 'manifold.yaml', cwd: dir, now: NOW, catalogue: TEST_CATALOGUE });
    expect(again.context.report.summary.new_constraints_derived).toBe(0);
    expect(again.context.report.summary.new_failure_modes_discovered).toBe(0);
    expect(again.context.warnings).toEqual([]);
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const dir = copyExample();
    await runContext({ manifoldFile: 'manifold.yaml', cwd: dir, now: NOW, catalogue: TEST_CATALOGUE, outFile: 'failures.yaml' });
    const manifold = path.join(dir, 'manifold.yaml');
    const before = readFileSync(manifold, 'utf8');
    const result = await runMerge({ manifoldFile: 'manifold.yaml', failuresFile: 'failures.yaml', cwd: dir, dryRun: true });
    expect(result.written).toBe(false);
    expect(result.diff).toMatch(/^Index: manifold\.yaml\n=+\n--- manifold\.yaml\tbefore merge\n\+\+\+ manifold\.yaml\tafter merge\n@@ /);
    expect(result.diff).toContain('+  - id: T_INC089_1');
    expect(readFileSync(manifold, 'utf8')).toBe(before);
  });

  it('turns an empty flow list into a block list and creates missing sections', () => {
    const bare = 'manifold: payment-retry-v2\nentities: [payment]\nconstraints: []\n';
    const { text } = mergeFailuresIntoManifold(bare, 'm.yaml', FAILURES, 'f.yaml');
    expect(text).toMatch(/^constraints:\n  - id: T_INC089_1\n/m);
    expect(text).toMatch(/^failure_modes:\n  - id: F1\n/m);
    expect(text).toMatch(/^solution_space:\n  exclusions:\n    - anti_pattern: AP-001/m);
  });
});
