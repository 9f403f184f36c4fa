import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

async function findings(dir: string): Promise<string[]> {
  const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
  const report = JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number }[] };
  return report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
}

// A worker module that exports one class: `PayoutWorker.processSinglePayout(…)` in an importer runs
// that class's static method, whose body makes the transfer.
const worker = (exportLine: string, declaration = 'class PayoutWorker {') =>
  [
    "const stripe = require('stripe')(process.env.STRIPE_KEY);",
    '',
    declaration,
    '  static async processSinglePayout(payout) {',
    '    await stripe.transfers.create({ amount: payout.amount, currency: "usd", destination: payout.account });',
    '  }',
    '',
    '  static describe(payout) {',
    '    return `payout ${payout.id}`;',
    '  }',
    '}',
    '',
    exportLine,
    '',
  ].join('\n');

const retry = (importLine: string, call: string) =>
  [
    importLine,
    "const Payout = require('./payout');",
    '',
    'async function retrySinglePayout(payout) {',
    '  try {',
    `    await ${call};`,
    '  } catch (err) {',
    "    await Payout.updateOne({ _id: payout._id }, { $set: { status: 'failed', failureReason: err.message } });",
    '  }',
    '}',
    '',
    'module.exports = { retrySinglePayout };',
    '',
  ].join('\n');

describe('methods of a class a module exports as a whole', () => {
  it.each([
    ['`module.exports = Class` to the static method an importer calls (CommonJS)', worker('module.exports = PayoutWorker;'), "const PayoutWorker = require('./payoutWorker');", 'PayoutWorker'],
    ['`export default class` through a default import (ES modules)', worker('', 'export default class PayoutWorker {'), "import PayoutWorker from './payoutWorker';", 'PayoutWorker'],
    ['`module.exports = new Class()` (a singleton service) to its method', worker('module.exports = new PayoutWorker();'), "const payoutWorker = require('./payoutWorker');", 'payoutWorker'],
  ])('follows %s', async (_what, exporter, importLine, receiver) => {
    const dir = project({ 'workers/payoutWorker.js': exporter, 'workers/retryWorker.js': retry(importLine, `${receiver}.processSinglePayout(payout)`) });
    expect(await findings(dir)).toEqual(['AP-003 workers/retryWorker.js:8']);
  });

  it('stays quiet when the method called makes no remote call', async () => {
    const dir = project({
      'workers/payoutWorker.js': worker('module.exports = PayoutWorker;'),
      'workers/retryWorker.js': retry("const PayoutWorker = require('./payoutWorker');", 'PayoutWorker.describe(payout)'),
    });
    expect(await findings(dir)).toEqual([]);
  });
});
