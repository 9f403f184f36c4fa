import { describe, expect, it } from 'vitest';
import { languageSpec } from '../../src/engine/languages.js';
import { linkFindings, type LinkInput, type TypedResolver } from '../../src/engine/link.js';
import { scanSource } from '../../src/engine/scan-source.js';
import { builtinRules, vocab } from '../support/scan.js';
import { JOB, SERVICE } from '../support/typed-sources.js';

/** The same service, with every method only reading. */
const READS = SERVICE.replace(/stripe\.paymentIntents\.create\([^;]*\);/g, 'stripe.paymentIntents.retrieve(orderId);');

function input(file: string, text: string): LinkInput {
  const scan = scanSource(text, file, languageSpec('typescript'), builtinRules, vocab);
  return { file, language: 'typescript', summary: scan.summary, pending: scan.pending };
}

/** Links the two files with a resolver that answers as the type checker would (the method called on that line), noting the lines asked about. */
function link(payments: string): { findings: string[]; asked: number[] } {
  const asked = new Set<number>();
  const resolveTyped: TypedResolver = (_file, line) => {
    asked.add(line);
    const method = /this\.payments\.(\w+)/.exec(JOB.split('\n')[line - 1] ?? '')?.[1];
    return method === undefined ? null : { file: 'src/payments.ts', name: `PaymentsService.${method}` };
  };
  const findings = linkFindings([input('src/job.ts', JOB), input('src/payments.ts', payments)], { resolveTyped });
  return { findings: findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`), asked: [...asked].sort() };
}

describe('typed requirements are asked of the type checker only when some method could answer them', () => {
  it('asks about renew() when a method of that name writes, and keeps the finding', () => {
    const { findings, asked } = link(SERVICE);
    expect(findings).toEqual(['AP-001 src/job.ts:9']);
    expect(asked).toContain(9);
  });

  it('does not ask about renew() when no method of that name writes anywhere', () => {
    expect(READS).not.toContain('create(');
    const { findings, asked } = link(READS);
    expect(asked).not.toContain(9);
    // charge() is still asked about: its name says it writes, and only its body can say otherwise.
    // Its body only reads, so the name does not stand.
    expect(asked).toContain(10);
    expect(findings).toEqual([]);
  });
});
