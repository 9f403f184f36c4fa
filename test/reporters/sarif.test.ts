import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { applySuppressions, findSuppressions } from '../../src/engine/suppressions.js';
import { fingerprintFinding, withFingerprints } from '../../src/engine/fingerprint.js';
import type { ScanResult } from '../../src/engine/types.js';
import { sarifReporter, SRCROOT } from '../../src/reporters/sarif.js';
import { runCli } from '../support/cli.js';
import { BROKEN_PY, builtin, context, PAY_PY, scanFiles } from './sample-scan.js';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../schemas/sarif-2.1.0.json', import.meta.url)), 'utf8')) as object;
// The official schema uses `required` inside `anyOf` branches, which ajv's strict mode flags.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
(addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

function sarif(result: ScanResult, sources: Record<string, string>, overrides = {}): any {
  const text = sarifReporter(result, context(sources, overrides));
  const log = JSON.parse(text) as unknown;
  const valid = validate(log);
  expect(validate.errors ?? [], 'SARIF must be valid against the 2.1.0 schema').toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('sarif reporter', () => {
  const sources = { 'app/pay.py': PAY_PY };
  let result: ScanResult;
  let log: any;
  let run: any;

  beforeAll(() => {
    result = scanFiles(sources);
    log = sarif(result, sources);
    run = log.runs[0];
  });

  it('scans the sample into one finding per rule', () => {
    expect(result.findings.map((f) => f.ruleId)).toEqual(['AP-001', 'AP-002', 'AP-003']);
  });

  it('declares the schema, version and tool', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(run.tool.driver).toMatchObject({ name: 'faultline', version: '0.1.0', semanticVersion: '0.1.0' });
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('lists every loaded rule with its metadata', () => {
    const { rules } = builtin();
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(rules.map((r) => r.id));
    const ap001 = run.tool.driver.rules[0];
    expect(ap001).toMatchObject({
      id: 'AP-001',
      name: 'RetryWithoutIdempotency',
      shortDescription: { text: 'Retry Without Idempotency' },
      helpUri: 'https://stripe.com/docs/api/idempotent_requests',
      defaultConfiguration: { level: 'error' },
      properties: { precision: 'high', incidents: ['INC-2024-089'] },
    });
    expect(ap001.properties.tags).toEqual(['reliability', 'payments', 'retry', 'external/cwe/cwe-837']);
    expect(ap001.fullDescription.text).toContain('INC-2024-089');
    expect(ap001.fullDescription.text).not.toContain('\n');
    for (const help of [ap001.help.text, ap001.help.markdown]) {
      expect(help).toContain('will duplicate on retry');
      expect(help).toContain('INC-2024-089');
      expect(help).toContain('Idempotency key in all mutating operations');
      expect(help).toContain('Blind retry on timeout');
      expect(help).toContain('Pass an idempotency key');
    }
    expect(ap001.help.markdown).toContain('## Prevention');
  });

  it('maps risk to level and confidence to precision, and omits helpUri without documentation', () => {
    const [, ap002, ap003] = run.tool.driver.rules;
    expect(ap002.defaultConfiguration.level).toBe('warning');
    expect(ap002.helpUri).toBeUndefined();
    expect(ap002.properties.tags).toContain('external/cwe/cwe-799');
    expect(ap003.defaultConfiguration.level).toBe('error');
    expect(ap003.properties.precision).toBe('medium');
    const low = { ...builtin().rules[1]!, risk: 'low' as const, metadata: { help_uri: 'https://example.org/ap-002' } };
    const lowRun = sarif({ findings: [], warnings: [], filesScanned: 0 }, {}, { rules: [low] }).runs[0];
    expect(lowRun.tool.driver.rules[0]).toMatchObject({ defaultConfiguration: { level: 'note' }, helpUri: 'https://example.org/ap-002', properties: { precision: 'medium', tags: [] } });
  });

  it('reports each finding with rule index, level, a standalone first sentence and a full region', () => {
    const [r1, r2] = run.results;
    expect(r1).toMatchObject({ ruleId: 'AP-001', ruleIndex: 0, level: 'error' });
    expect(r2).toMatchObject({ ruleId: 'AP-002', ruleIndex: 1, level: 'warning' });
    const first = r1.message.text.split(/(?<=\.) /)[0];
    expect(first).toBe('`gateway.charge` runs again on every retry of `for attempt in range(3)` with no idempotency key and no check for a prior success.');
    expect(r1.message.text).toContain('High risk: will duplicate on retry (seen in INC-2024-089).');
    expect(r1.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'services/app/pay.py', uriBaseId: SRCROOT },
          region: { startLine: 7, startColumn: 22, endLine: 7, endColumn: 45, snippet: { text: 'gateway.charge(payment)' } },
        },
      },
    ]);
  });

  it('points related locations at the retry construct', () => {
    const related = run.results[0].relatedLocations;
    expect(related).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'services/app/pay.py', uriBaseId: SRCROOT }, region: { startLine: 5, startColumn: 5, endLine: 11, endColumn: 27 } },
        message: { text: 'retried by for attempt in range(3)' },
      },
    ]);
  });

  it('declares %SRCROOT% as the file URL of the source root, with a trailing slash', () => {
    expect(run.originalUriBaseIds).toEqual({ [SRCROOT]: { uri: 'file:///repo/' } });
  });

  it('computes partialFingerprints from the sources when the CLI has not set them', () => {
    const expected = result.findings.map((f) => fingerprintFinding(f, PAY_PY, result.findings));
    expect(run.results.map((r: any) => r.partialFingerprints.primaryLocationLineHash)).toEqual(expected);
    expect(expected[0]).toMatch(/^[0-9a-f]{16}:1$/);
  });

  it('keeps a fingerprint the CLI set, and omits it when neither it nor the source is known', () => {
    const set = { ...result, findings: result.findings.map((f) => ({ ...f, fingerprint: 'abc:1' })) };
    expect(sarif(set, {}).runs[0].results[0].partialFingerprints).toEqual({ primaryLocationLineHash: 'abc:1' });
    expect(sarif(result, {}).runs[0].results[0].partialFingerprints).toBeUndefined();
  });

  it('records the invocation', () => {
    expect(run.invocations).toEqual([{ commandLine: 'faultline scan . --format sarif', executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('marks suppressed findings inSource with their justification, and baseline states', () => {
    const text = PAY_PY.replace('            result = gateway.charge(payment)', '            # faultline-ignore AP-001: the gateway dedupes on payment id\n            result = gateway.charge(payment)').replace(
      '            mark_failure()',
      '            mark_failure()  # faultline-ignore',
    );
    const scanned = scanFiles({ 'app/pay.py': text });
    const { findings } = applySuppressions(scanned.findings, findSuppressions(text, '#'), 'app/pay.py');
    const states = findings.map((f, i) => (f.suppression ? f : { ...f, baselineState: i === 1 ? ('unchanged' as const) : ('new' as const) }));
    const results = sarif({ ...scanned, findings: states }, { 'app/pay.py': text }).runs[0].results;
    expect(results[0].suppressions).toEqual([
      {
        kind: 'inSource',
        justification: 'the gateway dedupes on payment id',
        location: { physicalLocation: { artifactLocation: { uri: 'services/app/pay.py', uriBaseId: SRCROOT }, region: { startLine: 7 } } },
      },
    ]);
    expect(results[0].baselineState).toBeUndefined();
    expect(results[1].baselineState).toBe('unchanged');
    expect(results[1].suppressions).toBeUndefined();
    expect(results[2].suppressions[0].kind).toBe('inSource');
    expect(results[2].suppressions[0]).not.toHaveProperty('justification');
  });

  it('turns scan warnings into tool execution notifications', () => {
    const broken = { 'app/broken.py': BROKEN_PY };
    const scanned = scanFiles(broken);
    expect(scanned.warnings.length).toBeGreaterThan(0);
    const warned: ScanResult = { ...scanned, warnings: [...scanned.warnings, { file: 'app/big.py', kind: 'too-large', message: 'skipped: 3 MB is over the 1 MB limit' }] };
    const out = sarif(warned, broken).runs[0];
    expect(out.results).toEqual([]);
    const [syntax, large] = out.invocations[0].toolExecutionNotifications;
    expect(syntax).toMatchObject({
      level: 'warning',
      message: { text: scanned.warnings[0]!.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'services/app/broken.py', uriBaseId: SRCROOT }, region: { startLine: 1 } } }],
      descriptor: { id: 'syntax' },
    });
    expect(large.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'services/app/big.py', uriBaseId: SRCROOT } });
    expect(large.descriptor).toEqual({ id: 'too-large' });
    expect(out.invocations[0].executionSuccessful).toBe(true);
  });

  it('emits a valid log for an empty scan, still listing the rules', () => {
    const empty = sarif({ findings: [], warnings: [], filesScanned: 0 }, {}).runs[0];
    expect(empty.results).toEqual([]);
    expect(empty.tool.driver.rules).toHaveLength(builtin().rules.length);
  });

  it('copies the exact text of a short span into the snippet, including multi-line spans', () => {
    const text = PAY_PY.replace('gateway.charge(payment)', 'gateway.charge(\n                payment,\n            )');
    const scanned = scanFiles({ 'app/pay.py': text });
    const region = sarif(scanned, { 'app/pay.py': text }).runs[0].results[0].locations[0].physicalLocation.region;
    expect(region).toMatchObject({ startLine: 7, endLine: 9 });
    expect(region.snippet).toEqual({ text: 'gateway.charge(\n                payment,\n            )' });
    expect(sarif(scanned, {}).runs[0].results[0].locations[0].physicalLocation.region.snippet).toBeUndefined();
  });

  it('encodes unusual paths and falls back to a file URL outside the source root', () => {
    const moved = withFingerprints(result, new Map([['app/pay.py', PAY_PY]]));
    const findings = [{ ...moved.findings[0]!, file: 'my app/pay#1.py' }, { ...moved.findings[1]!, file: '../../elsewhere/x.py' }];
    const results = sarif({ ...moved, findings }, {}).runs[0].results;
    expect(results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'services/my%20app/pay%231.py', uriBaseId: SRCROOT });
    expect(results[1].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/x.py' });
  });

  it('describes a rule missing from the registry so ruleIndex still resolves', () => {
    const stray = { ...result.findings[0]!, ruleId: 'AP-900', slug: 'custom-thing', title: 'Custom Thing', risk: 'low' as const };
    const out = sarif({ ...result, findings: [stray] }, sources).runs[0];
    const index = out.results[0].ruleIndex;
    expect(out.tool.driver.rules[index]).toEqual({ id: 'AP-900', name: 'CustomThing', shortDescription: { text: 'Custom Thing' }, defaultConfiguration: { level: 'note' } });
    expect(out.results[0].level).toBe('note');
  });

  it('matches the snapshots (shared scan, empty scan, parse failure)', () => {
    expect(sarifReporter(result, context(sources))).toMatchSnapshot('shared scan');
    // The rule descriptors are in the shared-scan snapshot already; here only their ids.
    const withoutRuleText = (text: string) => {
      const parsed = JSON.parse(text);
      parsed.runs[0].tool.driver.rules = parsed.runs[0].tool.driver.rules.map((r: any) => r.id);
      return parsed;
    };
    expect(withoutRuleText(sarifReporter({ findings: [], warnings: [], filesScanned: 0 }, context({})))).toMatchSnapshot('empty');
    expect(withoutRuleText(sarifReporter(scanFiles({ 'app/broken.py': BROKEN_PY }), context({ 'app/broken.py': BROKEN_PY })))).toMatchSnapshot('parse failure');
  });

  it('is what `faultline scan --format sarif` prints for the bundled example', async () => {
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    const { code, stdout } = await runCli(['scan', 'examples/payment-service', '--format', 'sarif', '--fail-on', 'none'], repo);
    expect(code).toBe(0);
    const cliLog = JSON.parse(stdout);
    expect(validate(cliLog), JSON.stringify(validate.errors)).toBe(true);
    const cliRun = cliLog.runs[0];
    expect(cliRun.results.length).toBeGreaterThan(0);
    for (const r of cliRun.results) {
      expect(r.locations[0].physicalLocation.artifactLocation).toMatchObject({ uri: expect.stringMatching(/^examples\/payment-service\//), uriBaseId: SRCROOT });
      expect(r.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
      expect(cliRun.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    }
  });

  it('is checked by a validator that rejects invalid SARIF', () => {
    const bad = JSON.parse(sarifReporter(result, context(sources)));
    bad.runs[0].results[0].level = 'fatal';
    delete bad.runs[0].results[1].message;
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/results/1']));
  });
});
