import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A provider's handler returns a result built by a method of its base class, in another file. The
// base class's builder returns `{ success: false, status: 'FAILED' }`: the handler records the
// payout failed for a timed-out POST (himanshu-devx/Backend-2.1 paysix.provider.ts, batch 13).
describe('a failed result built by a function of another file (AP-003)', () => {
  const base = (status: string) =>
    [
      'export abstract class BaseProvider {',
      '  protected formatErrorResponse(transactionId: string, error: any) {',
      `    return { success: false, status: '${status}', transactionId, message: error?.message };`,
      '  }',
      '}',
      '',
    ].join('\n');
  const provider = [
    "import axios from 'axios';",
    "import { BaseProvider } from './base-provider';",
    '',
    'export class PaysixProvider extends BaseProvider {',
    '  async handlePayout(transactionId: string, amount: number) {',
    '    try {',
    "      await axios.post('https://api.paysix.example/payout/initiate', { transactionId, amount });",
    "      return { success: true, status: 'PENDING', transactionId };",
    '    } catch (error: any) {',
    '      return this.formatErrorResponse(transactionId, error);',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  it('reports the handler when the builder returns a FAILED result', async () => {
    const dir = project({ 'base-provider.ts': base('FAILED'), 'paysix.provider.ts': provider });
    expect(await findingLines(dir)).toEqual(['AP-003 paysix.provider.ts:10']);
  });

  it('stays quiet when the builder leaves the outcome pending', async () => {
    const dir = project({ 'base-provider.ts': base('PENDING'), 'paysix.provider.ts': provider });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports a Python handler whose imported builder returns a failed result', async () => {
    const base = ['def failed_result(reference, error):', '    return {"status": "failed", "reference": reference, "error": str(error)}', ''].join('\n');
    const handler = [
      'import requests',
      '',
      'from payouts.results import failed_result',
      '',
      '',
      'def initiate(reference, amount):',
      '    try:',
      '        requests.post("https://api.bank.example/payouts", json={"reference": reference, "amount": amount}, timeout=10)',
      '        return {"status": "pending", "reference": reference}',
      '    except Exception as error:',
      '        return failed_result(reference, error)',
      '',
    ].join('\n');
    const dir = project({ 'payouts/__init__.py': '', 'payouts/results.py': base, 'payouts/initiate.py': handler });
    expect(await findingLines(dir)).toEqual(['AP-003 payouts/initiate.py:11']);
  });

  it('reports a JavaScript handler whose required builder returns a failed result', async () => {
    const base = ["function buildFailure(id, error) {", "  return { success: false, status: 'FAILED', id, message: error.message };", '}', '', 'module.exports = { buildFailure };', ''].join('\n');
    const handler = [
      "const axios = require('axios');",
      "const { buildFailure } = require('./results');",
      '',
      'async function refund(id, amount) {',
      '  try {',
      "    await axios.post('https://api.pay.example/refunds', { id, amount });",
      "    return { success: true, status: 'PENDING', id };",
      '  } catch (error) {',
      '    return buildFailure(id, error);',
      '  }',
      '}',
      '',
      'module.exports = { refund };',
      '',
    ].join('\n');
    const dir = project({ 'results.js': base, 'refund.js': handler });
    expect(await findingLines(dir)).toEqual(['AP-003 refund.js:9']);
  });

  it('does not count a local helper as recording when its only record is a result another file must prove (and does not)', async () => {
    const answers = ['function returnResponse(status, message) {', '  return { status, message };', '}', '', 'module.exports = { returnResponse };', ''].join('\n');
    const handler = [
      "const axios = require('axios');",
      "const { returnResponse } = require('./answers');",
      '',
      'const answerDeposit = (depositId, message) => {',
      '  return returnResponse(400, message);',
      '};',
      '',
      'async function cashin(depositId, amount, done) {',
      '  try {',
      "    await axios.post('https://api.pay.example/cashins', { depositId, amount });",
      '    return done(null, { ok: true });',
      '  } catch (error) {',
      '    const res = answerDeposit(depositId, error.message);',
      '    return done(error, res);',
      '  }',
      '}',
      '',
      'module.exports = { cashin };',
      '',
    ].join('\n');
    const dir = project({ 'answers.js': answers, 'cashin.js': handler });
    expect(await findingLines(dir)).toEqual([]);
  });
});

