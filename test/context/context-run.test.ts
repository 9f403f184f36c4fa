import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerContextCommands } from '../../src/cli/commands/context.js';
import { ContextConfigError, ContextInputError, loadContextSources, runContext } from '../../src/context/index.js';
import { copyExample, NOW, TEST_CATALOGUE } from './helpers.js';

const run = (cwd: string, extra: Partial<Parameters<typeof runContext>[0]> = {}) =>
  runContext({ manifoldFile: 'manifold.yaml', cwd, now: NOW, catalogue: TEST_CATALOGUE, ...extra });

describe('runContext on the bundled example', () => {
  it('finds the high-relevance incidents, patterns, anti-patterns and the critical warning', async () => {
    const { context } = await run(copyExample());
    const { report } = context;
    expect(report.meta.sources).toEqual({ incidents: '13 read, 10 analyzed', postmortems: '3 read, 3 analyzed', tickets: '384 scanned, 238 relevant' });
    expect(report.incidents.filter((i) => i.relevance_to_manifold.high_relevance).map((i) => i.incident_id)).toEqual([
      'INC-2024-156',
      'INC-2024-112', // shows F2 (notification service unavailable during a retry run): error types in full
      'INC-2024-089',
      'INC-2024-131',
      'INC-2024-190',
      'INC-2024-178',
    ]);
    expect(report.incidents.map((i) => i.incident_id)).not.toContain('INC-2023-201'); // outside the timeframe
    expect(report.incidents.map((i) => i.incident_id)).not.toContain('INC-2024-140'); // unrelated
    expect(report.ticket_patterns.map((p) => [p.ticket_count, p.constraints_affected])).toEqual([
      [92, ['U1']],
      [61, ['B1']],
      [47, ['U3']],
      [38, ['U1']],
    ]);
    expect(report.anti_patterns.map((a) => a.id)).toEqual(['AP-001', 'AP-002', 'AP-003']);
    expect(report.derived_constraints.from_incidents.find((g) => g.incident === 'INC-2024-089')?.generated_constraints[0]).toEqual({
      id: 'T_INC089_1',
      type: 'invariant',
      statement: 'Retry logic must check for idempotency',
      rationale: 'INC-2024-089 root cause',
      violation_scenario: 'Duplicate payments during gateway timeout',
    });
    const pm = report.postmortem_analysis.find((p) => p.id === 'PM-2024-089');
    expect(pm?.action_items.incomplete).toEqual(['Implement proper idempotency keys', 'Add chaos testing for gateway failures']);
    expect(context.warnings.map((w) => [w.incidentId, w.constraintId])).toEqual([['INC-2024-089', 'T_INC089_1']]);
    expect(report.summary.risk_assessment.repeat_probability).toBe('high');
  });

  it('is reproducible with a fixed now: same bytes twice, and the --out file is stable', async () => {
    const dir = copyExample();
    const a = await run(dir);
    const b = await run(dir);
    expect(b.yaml).toBe(a.yaml);
    await run(dir, { outFile: 'failures.yaml' });
    const first = readFileSync(path.join(dir, 'failures.yaml'), 'utf8');
    await run(dir, { outFile: 'failures.yaml' });
    expect(readFileSync(path.join(dir, 'failures.yaml'), 'utf8')).toBe(first);
    expect(first).toBe(a.yaml);
    expect(first).toContain('- Implement proper idempotency keys # still open');
  });

  it('keeps anti-patterns of an existing failures YAML with their ids and scan results', async () => {
    const dir = copyExample();
    await run(dir, { outFile: 'failures.yaml' });
    const file = path.join(dir, 'failures.yaml');
    const edited = readFileSync(file, 'utf8')
      .replace(
        'occurrences_in_codebase: []',
        'occurrences_in_codebase:\n      - file: src/jobs/payment_reminder.py\n        line: 45\n        code: gateway.charge(payment)\n        risk: HIGH - will duplicate on retry',
      )
      .replace('\nanti_patterns:\n', '\nanti_patterns:\n  - id: AP-042\n    name: Team-specific pattern\n    occurrences_in_codebase: []\n');
    writeFileSync(file, edited);
    const { context } = await run(dir, { outFile: 'failures.yaml' });
    const ids = context.report.anti_patterns.map((a) => a.id);
    expect(ids).toEqual(['AP-042', 'AP-001', 'AP-002', 'AP-003']);
    expect(readFileSync(file, 'utf8')).toContain('file: src/jobs/payment_reminder.py');
  });

  it('writes nothing when an input is malformed', async () => {
    const dir = copyExample();
    const csv = path.join(dir, 'incidents', 'jira-export.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('2024-11-12', '2024-13-12'));
    await expect(run(dir, { outFile: 'failures.yaml' })).rejects.toThrowError(
      'incidents/jira-export.csv row 3: date "2024-13-12" is not a valid date (use YYYY-MM-DD)',
    );
    expect(existsSync(path.join(dir, 'failures.yaml'))).toBe(false);
  });

  it('leaves an existing report untouched when a postmortem is malformed', async () => {
    const dir = copyExample();
    await run(dir, { outFile: 'failures.yaml' });
    const before = readFileSync(path.join(dir, 'failures.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'postmortems', 'broken.md'), '# Broken\n\nNo reference here.\n');
    await expect(run(dir, { outFile: 'failures.yaml', now: new Date('2025-06-01T00:00:00Z') })).rejects.toThrowError(ContextInputError);
    expect(readFileSync(path.join(dir, 'failures.yaml'), 'utf8')).toBe(before);
  });

  it('refuses duplicate incident ids across files', async () => {
    const dir = copyExample();
    writeFileSync(path.join(dir, 'incidents', 'dup.yaml'), 'incident_id: INC-2024-089\ndate: 2024-03-15\nseverity: P1\ntitle: again\n');
    await expect(run(dir)).rejects.toThrowError('incidents/dup.yaml: incident INC-2024-089 is already defined in incidents/2024-h1.yaml');
  });
});

describe('loadContextSources', () => {
  it('resolves config globs relative to the config file and flags relative to cwd', async () => {
    const dir = copyExample();
    const sources = await loadContextSources({ cwd: path.join(dir, 'incidents'), configFile: '../faultline.config.yaml' });
    expect(sources.files.incidents.map((f) => path.basename(f))).toEqual(['2024-h1.yaml', '2024-h2.yaml', '2024-q4.json', 'jira-export.csv']);
    expect(sources.files.postmortems).toHaveLength(3);
    const only = await loadContextSources({ cwd: dir, kinds: ['incidents'], overrides: { incidents: ['incidents/*.json'] } });
    expect(only.files).toEqual({ incidents: [path.join(dir, 'incidents', '2024-q4.json')], postmortems: [], tickets: [] });
  });

  it('names a glob that matches nothing and a malformed config key', async () => {
    const dir = copyExample();
    await expect(loadContextSources({ cwd: dir, overrides: { tickets: ['nope/*.csv'] } })).rejects.toThrowError('--tickets: "nope/*.csv" matches no files (looked in .)');
    writeFileSync(path.join(dir, 'faultline.config.yaml'), 'context:\n  incidents: incidents/*.yaml\n  timeframe: soon\n');
    await expect(loadContextSources({ cwd: dir })).rejects.toThrowError(ContextConfigError);
    await expect(loadContextSources({ cwd: dir })).rejects.toThrowError(/faultline\.config\.yaml context\.timeframe \(line 3\): expected number/);
  });
});

describe('faultline context / merge commands', () => {
  const cwd = process.cwd();
  afterEach(() => {
    process.chdir(cwd);
    process.exitCode = undefined;
  });

  const cli = async (dir: string, args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const program = new Command().exitOverride();
    registerContextCommands(program, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
    process.chdir(dir);
    await program.parseAsync(args, { from: 'user' });
    const exitCode = process.exitCode;
    process.exitCode = undefined;
    return { stdout: out.join(''), stderr: err.join(''), exitCode };
  };

  it('prints the YAML on stdout and the summary on stderr without --out', async () => {
    const r = await cli(copyExample(), ['context', 'manifold.yaml', '--now', '2024-12-31']);
    expect(r.exitCode).toBeUndefined();
    expect(r.stdout).toMatch(/^# payment-retry-v2-failures\.yaml/);
    expect(r.stderr).toContain('**INCIDENT ANALYSIS**');
    expect(r.stderr).toContain('Scanning incidents from past 12 months...');
  });

  it('prints the summary on stdout with --out, and sets exit code 2 on input errors', async () => {
    const dir = copyExample();
    const ok = await cli(dir, ['context', 'manifold.yaml', '--now', '2024-12-31', '--out', 'failures.yaml', '--sources', 'incidents,postmortems']);
    expect(ok.stdout).toContain('Run `faultline merge manifold.yaml --from failures.yaml`');
    expect(existsSync(path.join(dir, 'failures.yaml'))).toBe(true);
    const bad = await cli(dir, ['context', 'manifold.yaml', '--now', '2024-13-01']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('error: --now "2024-13-01" is not a valid date\n  help: Use YYYY-MM-DD, e.g. --now 2024-12-31\n');
    const sources = await cli(dir, ['context', 'manifold.yaml', '--sources', 'logs']);
    expect(sources.exitCode).toBe(2);
    const missing = await cli(dir, ['merge', 'manifold.yaml', '--from', 'nope.yaml']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^error: nope\.yaml: cannot be read/);
  });

  it('reads extra catalogue entries from context.rules', async () => {
    const dir = copyExample();
    mkdirSync(path.join(dir, 'team-rules'));
    writeFileSync(
      path.join(dir, 'team-rules', 'AP-002-notify-in-retry-loop.yaml'),
      'id: AP-002\nslug: notify-in-retry-loop\ntitle: Notification Per Retry\nrisk: medium\nsignals:\n  - [notification, sms, email]\n  - [retry, each time, every attempt]\nprevention: { must_include: [Notification deduplication] }\n',
    );
    const config = path.join(dir, 'faultline.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('context:\n', 'context:\n  rules: team-rules/*.yaml\n'));
    const r = await cli(dir, ['context', 'manifold.yaml', '--now', '2024-12-31', '--out', 'failures.yaml']);
    expect(r.stdout).toContain('AP-002: Notification Per Retry\n  → Not found in codebase yet (MEDIUM RISK): run faultline scan --failures failures.yaml --write');
    expect(r.stdout).toMatch(/Identified \d+ anti-patterns? from failure analysis:/);
    expect(readFileSync(path.join(dir, 'failures.yaml'), 'utf8')).toContain('statement: Notification deduplication is required');
  });

  it('runs context → merge → merge (no changes)', async () => {
    const dir = copyExample();
    await cli(dir, ['context', 'manifold.yaml', '--now', '2024-12-31', '--out', 'failures.yaml']);
    const first = await cli(dir, ['merge', 'manifold.yaml', '--from', 'failures.yaml']);
    expect(first.stdout).toMatch(/^Merged failures\.yaml into manifold\.yaml: added \d+ constraints/);
    const second = await cli(dir, ['merge', 'manifold.yaml', '--from', 'failures.yaml']);
    expect(second.stdout).toBe('No changes: manifold.yaml already contains everything from failures.yaml.\n');
  });
});
