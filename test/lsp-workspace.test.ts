// The language server links an edit against only the findings that can land in the edited file;
// these edits add and remove cross-file facts, and every file's answer must stay what
// `faultline scan` (a link of the whole workspace) reports with the same texts saved.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/api/scan.js';
import { loadSetup } from '../src/config/load-setup.js';
import type { Finding } from '../src/engine/types.js';
import { scanWorkspace, type Workspace } from '../src/scan/workspace.js';
import { project } from './support/project.js';

/** What a reader of a finding sees: place, rule, message and its related places. */
interface Shown {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  risk: string;
  message: string;
  related: { file?: string; line: number; column: number; message: string }[];
}

const shown = (f: Shown): string =>
  [`${f.ruleId} ${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.risk} ${f.message}`, ...f.related.map((r) => `  ${r.file ?? f.file}:${r.line}:${r.column} ${r.message}`)].join('\n');

/** Each file's findings as the workspace reports them for its current text. */
function incremental(ws: Workspace, dir: string, texts: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [file, text] of Object.entries(texts)) {
    const analysis = ws.analyse(join(dir, file), text);
    if (analysis !== undefined) out[file] = analysis.findings.map((f: Finding) => shown(f));
  }
  return out;
}

/** Each file's findings from `faultline scan` of the same texts saved in a folder of their own. */
async function wholeScan(texts: Record<string, string>): Promise<Record<string, string[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-whole-'));
  for (const [file, text] of Object.entries(texts)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const report = await scan(['.'], { cwd: dir, types: false, cache: false, jobs: 1 });
  const out: Record<string, string[]> = {};
  for (const file of Object.keys(texts)) if (/\.(py|ts)$/.test(file)) out[file] = report.findings.filter((f) => f.file === file).map(shown);
  return out;
}

/**
 * Opens `files` as a workspace, then applies each edit as a buffer change of the language server
 * (the edited file first, then every file analysed with the texts as they stand) and checks every
 * file against a whole-workspace scan. Returns the findings after each edit.
 */
async function replay(files: Record<string, string>, edits: [string, (text: string) => string][]): Promise<Record<string, string[]>[]> {
  const dir = project(files);
  const setup = loadSetup({ paths: [dir], cwd: dir, rules: [], builtin: true });
  const ws = await scanWorkspace({ root: dir, setup, run: { cache: false, prefilter: true, jobs: 1 }, env: {}, warn: () => undefined });
  const texts = { ...files };
  const seen: Record<string, string[]>[] = [];
  for (const [file, edit] of [['', (t: string) => t] as const, ...edits]) {
    if (file !== '') {
      texts[file] = edit(texts[file] ?? '');
      ws.analyse(join(dir, file), texts[file]);
    }
    const now = incremental(ws, dir, texts);
    expect(now, `after editing ${file || 'nothing'}`).toEqual(await wholeScan(texts));
    seen.push(now);
  }
  return seen;
}

// A wrapper whose name says nothing: only its body (a retry loop, or a single call) decides.
const PY_RETRY = 'import time\n\ndef guarded(fn, *args):\n    for attempt in range(3):\n        try:\n            return fn(*args)\n        except IOError:\n            time.sleep(2 ** attempt)\n';
const PY_NO_RETRY = 'def guarded(fn, *args):\n    return fn(*args)\n';
const PY_GATEWAY = 'import stripe\n\ndef charge_customer(order):\n    return stripe.Charge.create(amount=order.total)\n';
const PY_BILLING = [
  'from ..lib import guarded',
  'from app.lib.gateway import charge_customer',
  '',
  'def run(order):',
  '    guarded(charge_customer, order)',
  '',
].join('\n');

describe('language server edits (linked against what can reach the edited file)', () => {
  it('matches a whole-workspace scan when a retry wrapper, a caller in an importer or the write changes (Python)', async () => {
    const gatewayFinding = (after: Record<string, string[]>) => after['app/lib/gateway.py']?.length ?? 0;
    const seen = await replay(
      {
        'app/__init__.py': '',
        'app/lib/__init__.py': 'from .retry import guarded\n',
        'app/lib/retry.py': PY_RETRY,
        'app/lib/gateway.py': PY_GATEWAY,
        'app/jobs/__init__.py': '',
        'app/jobs/billing.py': PY_BILLING,
      },
      [
        // The importer stops handing the helper to the wrapper, then does again.
        ['app/jobs/billing.py', (t) => t.replace('    guarded(charge_customer, order)\n', '    charge_customer(order)\n')],
        ['app/jobs/billing.py', () => PY_BILLING],
        // The wrapper in another file stops retrying, then retries again.
        ['app/lib/retry.py', () => PY_NO_RETRY],
        ['app/lib/retry.py', () => PY_RETRY],
        // The helper's file itself: a second unkeyed write, then a key on both.
        ['app/lib/gateway.py', (t) => `${t}\ndef refund(order):\n    return stripe.Refund.create(charge=order.charge)\n`],
        ['app/jobs/billing.py', (t) => t.replace('import charge_customer', 'import charge_customer, refund').replace('order)\n', 'order)\n    guarded(refund, order)\n')],
        ['app/lib/gateway.py', (t) => t.replaceAll('order.total)', 'order.total, idempotency_key=order.key)').replace('order.charge)', 'order.charge, idempotency_key=order.key)')],
      ],
    );
    // The finding reported in the helper's file comes and goes with facts of the other files.
    expect(seen.map(gatewayFinding)).toEqual([1, 0, 1, 0, 1, 1, 2, 0]);
  });

  it('matches a whole-workspace scan when a client module gains or loses its retry policy (TypeScript)', async () => {
    const clients = "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nexport const billing = axios.create({ baseURL: 'https://billing.example.com' });\naxiosRetry(billing, { retries: 3, retryCondition: () => true });\n";
    const pay = "import { billing } from './http/clients';\nexport async function pay(id: string) {\n  await billing.post(`/invoices/${id}/payments`, {});\n}\n";
    const seen = await replay({ 'package.json': '{}', 'src/http/clients.ts': clients, 'src/pay.ts': pay }, [
      ['src/http/clients.ts', (t) => t.replace(/^axiosRetry.*\n/m, '')],
      ['src/http/clients.ts', () => clients],
      ['src/pay.ts', (t) => t.replace('{});', "{}, { headers: { 'Idempotency-Key': id } });")],
    ]);
    expect(seen.map((s) => s['src/pay.ts']?.length ?? 0)).toEqual([1, 0, 1, 0]);
  });
});
