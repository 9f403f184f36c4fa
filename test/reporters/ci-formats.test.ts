import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

const LOOP = (call: string) => `def run(gateway, p):\n    for attempt in range(3):\n        try:\n            ${call}\n            break\n        except IOError:\n            continue\n`;
const NOTIFY = 'def run(gateway, p):\n    for attempt in range(3):\n        try:\n            gateway.charge(p, idempotency_key=p.key)\n            break\n        except IOError:\n            send_sms(p.phone, "retrying")\n';

/** One high (AP-001) finding in a file whose name needs escaping, one medium (AP-002), one suppressed, one unparsable file. */
const files = () =>
  project({
    'jobs/a&b <x>.py': LOOP('gateway.charge(p)'),
    'jobs/notify.py': NOTIFY,
    'jobs/ignored.py': LOOP('gateway.refund(p)  # faultline-ignore AP-001: deduped upstream'),
    'jobs/broken.py': 'def broken(gateway, p:\n    for attempt in range(3):\n        gateway.charge(p)\n',
  });

type Attrs = Record<string, string>;
type Case = Attrs & { failure?: Attrs & { '#text': string }; skipped?: Attrs };
type Suite = Attrs & { testcase: Case[] };

describe('--format junit', () => {
  it('is well-formed JUnit XML: a suite per rule, failures at the gate, skipped below it, escaped names', async () => {
    const dir = files();
    const r = await runCli(['scan', '.', '--format', 'junit', '--fail-on', 'high'], dir);
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(r.stdout) as { testsuites: Attrs & { testsuite: Suite[] } };
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(['AP-001 retry-without-idempotency', 'AP-002 notify-in-retry-loop', 'AP-003 binary-timeout-handling', 'files not fully scanned']);
    for (const s of suites) {
      expect(Number(s.tests), s.name).toBe(s.testcase.length);
      expect(Number(s.failures), s.name).toBe(s.testcase.filter((c) => c.failure).length);
      for (const c of s.testcase) expect(c.name && c.classname, JSON.stringify(c)).toBeTruthy();
    }
    expect(Number(doc.testsuites.tests)).toBe(suites.reduce((n, s) => n + s.testcase.length, 0));

    const [ap1, ap2, ap3, warnings] = suites as [Suite, Suite, Suite, Suite];
    expect(ap1.testcase.map((c) => c.name)).toEqual(['jobs/a&b <x>.py:4:13']);
    expect(ap1.testcase[0]?.failure?.['#text']).toContain('gateway.charge');
    expect(ap2.testcase).toHaveLength(1);
    expect(ap2.testcase[0]?.skipped?.message).toMatch(/below the gate/);
    expect(ap3.testcase).toEqual([expect.objectContaining({ name: 'no AP-003 finding' })]);
    expect(warnings.testcase.map((c) => c.classname)).toEqual(['jobs/broken.py']);

    // At a lower gate the medium finding fails too.
    const medium = await runCli(['scan', '.', '--format', 'junit', '--fail-on', 'medium'], dir);
    expect(medium.stdout.match(/<failure /g)).toHaveLength(2);
  });
});

describe('--format gitlab', () => {
  it('validates against the Code Quality report schema, with repository-relative paths and unique fingerprints', async () => {
    const dir = files();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    // Run from a sub-folder: paths are still relative to the repository root, as GitLab reads them.
    const r = await runCli(['scan', '.', '--format', 'gitlab'], join(dir, 'jobs'));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schemas', 'gitlab-code-quality.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.map((i) => `${i.check_name} ${i.severity} ${i.location.path}:${i.location.lines.begin}`)).toEqual([
      'faultline/AP-001-retry-without-idempotency critical jobs/a&b <x>.py:4',
      'faultline/AP-002-notify-in-retry-loop major jobs/notify.py:7',
    ]);
    expect(new Set(report.map((i) => i.fingerprint)).size).toBe(report.length);
  });

  it('keeps an issue fingerprint when lines move above it', async () => {
    const dir = project({ 'a.py': LOOP('gateway.charge(p)') });
    const before = JSON.parse((await runCli(['scan', '.', '--format', 'gitlab'], dir)).stdout) as { fingerprint: string }[];
    const moved = project({ 'a.py': '\n\n# moved\n' + LOOP('gateway.charge(p)') });
    const after = JSON.parse((await runCli(['scan', '.', '--format', 'gitlab'], moved)).stdout) as { fingerprint: string }[];
    expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
  });
});
