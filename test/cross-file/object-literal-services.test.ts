import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

async function findings(dir: string): Promise<string[]> {
  const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
  const report = JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number }[] };
  return report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
}

// A service written as an object literal (`export const PaymentsService = { async refundPayment() {…} }`,
// Devsol-01/MentorsMind-Backend): an importer's `PaymentsService.refundPayment(…)` runs that method,
// so its body, not its name, says whether it writes anywhere remote.
const service = (body: string) =>
  [
    "import axios from 'axios';",
    "import pool from './db';",
    '',
    'export const PaymentsService = {',
    '  async refundPayment(paymentId: string, amount: string): Promise<void> {',
    body,
    '  },',
    '};',
    '',
  ].join('\n');

const worker = [
  "import { Worker, Queue, Job } from 'bullmq';",
  "import { PaymentsService } from './payments.service';",
  '',
  "export const queue = new Queue('tx', { defaultJobOptions: { attempts: 5 } });",
  '',
  'async function processTx(job: Job): Promise<void> {',
  '  await PaymentsService.refundPayment(job.data.paymentId, job.data.amount);',
  '  await audit(job.data);',
  '}',
  '',
  "export const worker = new Worker('tx', processTx);",
  '',
].join('\n');

describe('methods of an object literal a module exports', () => {
  it('stays quiet when the method only writes the local database', async () => {
    const dir = project({
      'src/payments.service.ts': service("    await pool.query(\"UPDATE transactions SET status = 'refunded' WHERE id = $1\", [paymentId]);"),
      'src/worker.ts': worker,
    });
    expect(await findings(dir)).toEqual([]);
  });

  it('reports the call when the method makes a remote write', async () => {
    const dir = project({
      'src/payments.service.ts': service("    await axios.post('https://pay.example.com/refunds', { paymentId, amount });"),
      'src/worker.ts': worker,
    });
    expect(await findings(dir)).toEqual(['AP-001 src/worker.ts:7']);
  });
});
