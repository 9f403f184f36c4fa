/**
 * The generator's truth for a history's tickets: which cluster each ticket belongs to. Read from
 * tickets/truth.json when the history has one, else from its generator's `--truth` output (run on a
 * copy of tickets/, so the history's files are never rewritten). Undefined when neither exists.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Ticket id (as the generator wrote it) -> truth cluster key. */
export type TicketTruth = Map<string, string>;

export function readTicketTruth(historyDir: string): TicketTruth | undefined {
  const dir = join(historyDir, 'tickets');
  if (!existsSync(dir)) return undefined;
  const json = join(dir, 'truth.json');
  if (existsSync(json)) {
    const doc = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
    const table = (doc.conversations ?? doc.tickets ?? doc.cases) as Record<string, string | { cluster: string }> | undefined;
    if (!table || typeof table !== 'object') return undefined;
    return new Map(Object.entries(table).map(([id, v]) => [id, typeof v === 'string' ? v : v.cluster]));
  }
  const generator = readdirSync(dir).find((f) => /^generate-.*\.mjs$/.test(f) && /['"]--truth['"]/.test(readFileSync(join(dir, f), 'utf8')));
  if (!generator) return undefined;
  const copy = mkdtempSync(join(tmpdir(), 'faultline-truth-'));
  try {
    cpSync(dir, copy, { recursive: true });
    const out = execFileSync(process.execPath, [join(copy, generator), '--truth'], { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
    const truth: TicketTruth = new Map();
    for (const line of out.split(/\r?\n/)) {
      const m = /^([^\t]+)\t([^\t]+)$/.exec(line);
      if (m) truth.set(m[1]!.trim(), m[2]!.trim());
    }
    return truth.size > 0 ? truth : undefined;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * Truth keyed by the ids the pipeline gives tickets. Most exports use one id, but some carry two
 * (Zammad `id` and `number`, osTicket `id` and `number` attributes) and the generator's truth names
 * the other: a record (a JSON object's own scalar fields, an XML start tag's attributes) that holds
 * both a reported id and a truth id ties them.
 */
export function truthByReportedIds(truth: TicketTruth, reportedIds: readonly string[], exportTexts: readonly string[]): TicketTruth {
  const out: TicketTruth = new Map();
  const missing = new Set(reportedIds.filter((id) => !truth.has(id)));
  for (const id of reportedIds) if (truth.has(id)) out.set(id, truth.get(id)!);
  if (missing.size === 0) return out;
  const tie = (values: readonly string[]): void => {
    const reported = values.filter((v) => missing.has(v));
    const truthIds = [...new Set(values.filter((v) => truth.has(v)))];
    if (reported.length === 1 && truthIds.length === 1) out.set(reported[0]!, truth.get(truthIds[0]!)!);
  };
  for (const text of exportTexts) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v !== null && typeof v === 'object') {
          const values = Object.values(v);
          tie(values.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()));
          values.forEach(walk);
        }
      };
      try {
        walk(JSON.parse(text));
      } catch {
        // JSON Lines: one document a line
        for (const line of text.split(/\r?\n/)) if (line.trim()) walk(JSON.parse(line));
      }
    } else {
      for (const tag of text.matchAll(/<[\w:.-]+((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))+)\s*\/?>/g)) {
        tie([...tag[1]!.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => (m[1] ?? m[2] ?? '').trim()));
      }
    }
  }
  return out;
}

/** The texts of a history's ticket exports (everything in tickets/ but the generator and its truth). */
export function ticketExportTexts(historyDir: string): string[] {
  const dir = join(historyDir, 'tickets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !/^generate-.*\.mjs$/.test(f) && f !== 'truth.json')
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}
