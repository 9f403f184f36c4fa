import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCacheFile, encodeCacheFile } from '../../src/scan/cache-schema.js';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';
import { JOB, SERVICE } from '../support/typed-sources.js';

async function lines(dir: string, extra: string[] = []): Promise<string[]> {
  const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', ...extra], dir);
  return (JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number }[] }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
}

describe('type-aware method calls (ts-morph)', () => {
  it('follows this.payments.renew() to the class method and trusts a keyed charge()', async () => {
    const dir = project({ 'src/payments.ts': SERVICE, 'src/job.ts': JOB });
    expect(await lines(dir)).toEqual(['AP-001 src/job.ts:9']);
  });

  it('with --no-types keeps name-based verdicts only', async () => {
    const dir = project({ 'src/payments.ts': SERVICE, 'src/job.ts': JOB });
    expect(await lines(dir, ['--no-types'])).toEqual(['AP-001 src/job.ts:10']);
  });
});

describe('type-aware retry wrappers (ts-morph)', () => {
  it('follows this.retry.run(() => …) to a class in another file that retries its callback', async () => {
    const dir = project({
      'src/retry-policy.ts': [
        'export class RetryPolicy {',
        '  async run<T>(fn: () => Promise<T>): Promise<T> {',
        '    for (let attempt = 0; attempt < 3; attempt++) {',
        '      try {',
        '        return await fn();',
        '      } catch (err) {',
        '        await new Promise((r) => setTimeout(r, 100));',
        '      }',
        '    }',
        "    throw new Error('gave up');",
        '  }',
        '  async once<T>(fn: () => Promise<T>): Promise<T> {',
        '    return fn();',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/orders.ts': [
        "import { RetryPolicy } from './retry-policy';",
        'export class Orders {',
        '  constructor(private readonly retry: RetryPolicy) {}',
        '  async refund(id: string, amount: number) {',
        '    await this.retry.run(() => gateway.refund(id, amount));',
        '    await this.retry.once(() => gateway.refund(id, amount));',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual(['AP-001 src/orders.ts:5']);
  });
});

describe('type-aware answers in the cache', () => {
  it('are reused while the files the checker read are unchanged, and asked again when one changes', async () => {
    const other = 'export const version = 1;\n';
    const dir = project({ 'src/payments.ts': SERVICE, 'src/job.ts': JOB, 'src/other.ts': other, 'tools/report.py': 'print("report")\n' });
    const cache = mkdtempSync(join(tmpdir(), 'faultline-typed-cache-'));
    const withCache = ['--cache-dir', cache];
    expect(await lines(dir, withCache)).toEqual(['AP-001 src/job.ts:9']);
    // Rewrite the cached answers to "resolves nowhere": reused, they give the verdicts of a scan
    // without types (the name-based charge() instead of the resolved renew()).
    const settled = join(cache, readdirSync(cache).find((f) => f.startsWith('settled-')) as string);
    const data = decodeCacheFile(readFileSync(settled, 'utf8')) as { typed: { answers: Record<string, unknown> } };
    expect(Object.keys(data.typed.answers).length).toBeGreaterThan(0);
    for (const key of Object.keys(data.typed.answers)) data.typed.answers[key] = null;
    writeFileSync(settled, encodeCacheFile(data)); // with a checksum that matches, as faultline writes it

    appendFileSync(join(dir, 'tools/report.py'), 'print("more")\n');
    expect(await lines(dir, withCache)).toEqual(['AP-001 src/job.ts:10']);
    // A TypeScript file the checker never read (nothing asked about imports it).
    appendFileSync(join(dir, 'src/other.ts'), 'export const more = 2;\n');
    expect(await lines(dir, withCache)).toEqual(['AP-001 src/job.ts:10']);
    // A file it did read: asked afresh.
    appendFileSync(join(dir, 'src/payments.ts'), '// edited\n');
    expect(await lines(dir, withCache)).toEqual(['AP-001 src/job.ts:9']);
  });
});
