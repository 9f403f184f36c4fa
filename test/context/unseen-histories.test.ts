/**
 * The kinds of error a failure history written by someone else exposed (issue 15), each shown on
 * the histories in test/context/histories through the real CLI.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../support/cli.js';
import { splitSentences } from '../../src/context/analysis/anti-pattern-matching.js';

const HISTORIES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'histories');

interface Report {
  incidents: { incident_id: string; relevance_to_manifold: Record<string, unknown> }[];
  ticket_patterns: { pattern: string; ticket_count: number; key_terms: string[] }[];
  derived_constraints: Record<string, { generated_constraints: { statement: string }[] }[]>;
  postmortem_analysis: { id: string; action_items: { completed: string[]; incomplete: string[] } }[];
}

const reports = new Map<string, Report>();
/** `faultline context` on one history (run once per file, the report parsed). */
async function contextOf(history: string, now: string): Promise<Report> {
  const cached = reports.get(history);
  if (cached) return cached;
  const dir = path.join(HISTORIES, history);
  const r = await runCli(['context', path.join(dir, 'manifold.yaml'), '--config', path.join(dir, 'faultline.config.yaml'), '--now', now], dir);
  expect(r.stderr).not.toMatch(/^error/m);
  expect(r.code).toBe(0);
  const report = parse(r.stdout) as Report;
  reports.set(history, report);
  return report;
}

const statements = (r: Report): string[] =>
  Object.values(r.derived_constraints)
    .flat()
    .flatMap((g) => g.generated_constraints.map((c) => c.statement));

describe('hard-wrapped text', () => {
  it('joins a sentence wrapped across lines and keeps sentence ends', () => {
    expect(splitSentences('The dispatcher did not check\nRoutewise for a job before\nretrying.\nA second line.')).toEqual([
      'The dispatcher did not check Routewise for a job before retrying',
      'A second line',
    ]);
  });

  it('derives the whole constraint from a root cause wrapped in a YAML | block', async () => {
    const r = await contextOf('courier-dispatch', '2025-06-30');
    expect(statements(r)).toContain('The dispatcher must check Routewise for an existing job before retrying the assignment');
    expect(statements(r)).not.toContain('The dispatcher must check');
  });
});
