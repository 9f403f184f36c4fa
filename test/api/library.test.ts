import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, scan, ScanError } from '../../src/index.js';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

const example = join(import.meta.dirname, '..', '..', 'examples', 'payment-service');

describe('library API', () => {
  it('scan() returns the same report as `faultline scan --format json`', async () => {
    const cli = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--no-cache'], example);
    expect(cli.code).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as unknown;
    const fromApi = await scan(['.'], { cwd: example, cache: false });
    expect(fromApi.findings.length).toBeGreaterThan(0);
    expect(fromApi).toEqual(fromCli);
  });

  it('scan() honours rule options and throws a ScanError naming a missing path', async () => {
    const onlyAp2 = await scan(['.'], { cwd: example, cache: false, builtin: false, rules: [join(import.meta.dirname, '..', '..', 'rules', 'AP-002-notify-in-retry-loop.yaml')] });
    expect(new Set(onlyAp2.findings.map((f) => f.ruleId))).toEqual(new Set(['AP-002']));
    await expect(scan(['no-such-folder'], { cwd: example, cache: false })).rejects.toBeInstanceOf(ScanError);
  });

  it('loadRules() lists the rules `faultline rules` lists, and names a bad rule file', () => {
    expect(loadRules().map((r) => r.id)).toEqual(['AP-001', 'AP-002', 'AP-003']);
    const dir = project({ 'rules/AP-100-bad.yaml': 'id: AP-100\nslug: bad\nrisk: severe\n' });
    expect(() => loadRules({ cwd: dir, rules: ['rules'] })).toThrow(/AP-100-bad\.yaml/);
  });
});
