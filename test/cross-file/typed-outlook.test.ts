import { describe, expect, it } from 'vitest';
import { languageSpec } from '../../src/engine/languages.js';
import { linkFindings, type LinkInput, type TypedResolver } from '../../src/engine/link.js';
import { scanSource } from '../../src/engine/scan-source.js';
import { builtinRules, vocab } from '../support/scan.js';

const JOB = [
  "import { PaymentsService } from './payments';",
  'export class RenewalJob {',
  '  constructor(private readonly payments: PaymentsService) {}',
  '  async run(orderId: string) {',
  '    for (let attempt = 0; attempt < 3; attempt++) {',
  '      try {',
  '        await this.payments.renew(orderId);',
  '        return;',
  '      } catch (err) {',
  '        await new Promise((r) => setTimeout(r, 100));',
  '      }',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

const WRITES = "export class PaymentsService {\n  async renew(orderId: string) {\n    return stripe.paymentIntents.create({ metadata: { orderId } });\n  }\n}\n";
const READS = 'export class PaymentsService {\n  async renew(orderId: string) {\n    return stripe.paymentIntents.retrieve(orderId);\n  }\n}\n';

function input(file: string, text: string): LinkInput {
  const scan = scanSource(text, file, languageSpec('typescript'), builtinRules, vocab);
  return { file, language: 'typescript', summary: scan.summary, pending: scan.pending };
}

/** Links the two files with a resolver that sends every question to `PaymentsService.renew`, counting them. */
function link(payments: string): { findings: string[]; asked: number } {
  let asked = 0;
  const resolveTyped: TypedResolver = () => {
    asked++;
    return { file: 'src/payments.ts', name: 'PaymentsService.renew' };
  };
  const findings = linkFindings([input('src/job.ts', JOB), input('src/payments.ts', payments)], { resolveTyped });
  return { findings: findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`), asked };
}

describe('typed requirements are asked of the type checker only when some method could answer them', () => {
  it('asks when a method of that name writes, and keeps the finding', () => {
    const { findings, asked } = link(WRITES);
    expect(findings).toEqual(['AP-001 src/job.ts:7']);
    expect(asked).toBeGreaterThan(0);
  });

  it('does not ask when no method of that name writes anywhere, with the same (empty) verdict', () => {
    const { findings, asked } = link(READS);
    expect(findings).toEqual([]);
    expect(asked).toBe(0);
  });
});
