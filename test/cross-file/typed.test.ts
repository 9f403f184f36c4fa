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

// `gateway.createPayment()` on a `PaymentGateway` runs whichever class implements it: each
// implementation that writes is a place that repeats; one that only throws is none.
describe('type-aware calls on an interface (ts-morph)', () => {
  const sources = (assetBody: string) => ({
    'src/gateway.ts': ['export interface PaymentGateway {', '  createPayment(orderId: string, value: number): Promise<{ id: string }>;', '}', ''].join('\n'),
    'src/asset.ts': [
      "import type { PaymentGateway } from './gateway';",
      'export class AssetGateway implements PaymentGateway {',
      '  async createPayment(orderId: string, value: number) {',
      `    ${assetBody}`,
      '  }',
      '}',
      '',
    ].join('\n'),
    'src/shop.ts': [
      "import type { PaymentGateway } from './gateway';",
      'export class ShopGateway implements PaymentGateway {',
      '  async createPayment(orderId: string, value: number): Promise<{ id: string }> {',
      "    throw new Error('payments are made by the shop');",
      '  }',
      '}',
      '',
    ].join('\n'),
    'src/select.ts': [
      "import type { PaymentGateway } from './gateway';",
      "import { AssetGateway } from './asset';",
      "import { ShopGateway } from './shop';",
      'export function selectGateway(kind: string): PaymentGateway {',
      "  return kind === 'asset' ? new AssetGateway() : new ShopGateway();",
      '}',
      '',
    ].join('\n'),
    'src/job.ts': [
      "import { selectGateway } from './select';",
      'export async function run(kind: string, orderId: string, value: number) {',
      '  for (let attempt = 0; attempt < 3; attempt++) {',
      '    try {',
      '      const gateway = selectGateway(kind);',
      '      return await gateway.createPayment(orderId, value);',
      '    } catch (err) {',
      '      await new Promise((r) => setTimeout(r, 100));',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
  });

  async function related(dir: string): Promise<string[]> {
    const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
    const report = JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number; related?: { file?: string; line: number; message: string }[] }[] };
    return report.findings.flatMap((f) => [`${f.ruleId} ${f.file}:${f.line}`, ...(f.related ?? []).filter((r) => / calls .+ here$/.test(r.message)).map((r) => `  ${r.file}:${r.line}`)]);
  }

  it('reports the call with the write of the implementation that makes one as a related location', async () => {
    const dir = project(sources("return axios.post('https://pay.example.com/payments', { value });"));
    expect(await related(dir)).toEqual(['AP-001 src/job.ts:6', '  src/asset.ts:4']);
  });

  it('stays quiet when every implementation passes a key', async () => {
    const dir = project(sources("return axios.post('https://pay.example.com/payments', { value }, { headers: { 'Idempotency-Key': `pay-${orderId}` } });"));
    expect(await related(dir)).toEqual([]);
  });
});

describe('a promise chain on a method of a client class in another file (AP-003, ts-morph)', () => {
  const client = [
    "import axios from 'axios';",
    '',
    'export default class RadarrAPI {',
    '  private http = axios.create({ baseURL: "http://radarr.local/api/v3" });',
    '  public addMovie = async (options: { tmdbId: number }) => {',
    "    const response = await this.http.post('/movie', options);",
    '    return response.data;',
    '  };',
    '  public getMovie = async (id: number) => {',
    "    const response = await this.http.get(`/movie/${id}`);",
    '    return response.data;',
    '  };',
    '}',
    '',
  ].join('\n');

  it('judges the untyped .catch of a class field method that posts, and not one that reads', async () => {
    const dir = project({
      'src/radarr.ts': client,
      'src/request.ts': [
        "import RadarrAPI from './radarr';",
        '',
        'export class MediaRequest {',
        "  status = 'PENDING';",
        '  async send(tmdbId: number) {',
        '    const radarr = new RadarrAPI();',
        '    radarr',
        '      .addMovie({ tmdbId })',
        '      .then(async (movie) => { this.status = "APPROVED"; })',
        '      .catch(async () => {',
        "        this.status = 'FAILED';",
        "        this.notify('MEDIA_FAILED');",
        '      });',
        '    radarr',
        '      .getMovie(tmdbId)',
        '      .catch(async () => {',
        "        this.status = 'FAILED';",
        '      });',
        '  }',
        '  notify(kind: string) {}',
        '}',
        '',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual(['AP-003 src/request.ts:11']);
  });
});
