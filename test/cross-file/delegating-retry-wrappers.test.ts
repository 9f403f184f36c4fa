import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A function of another file that hands its callback on to a retry wrapper (`withPaymentRetry(op,
// name, provider)` whose body is `return withRetry(op, …)`) retries that callback too
// (stayza-pro/Stayza-Pro `utils/retry.ts`); one that only runs it once does not.
describe('retry wrappers that delegate to another wrapper', () => {
  const retryTs = (delegate: string) =>
    [
      'export async function withRetry<T>(operation: () => Promise<T>, name: string, max = 3): Promise<T> {',
      '  let last: unknown;',
      '  for (let attempt = 1; attempt <= max; attempt++) {',
      '    try {',
      '      return await operation();',
      '    } catch (err) {',
      '      last = err;',
      '      await new Promise((r) => setTimeout(r, 1000 * attempt));',
      '    }',
      '  }',
      '  throw last;',
      '}',
      '',
      "export async function withPaymentRetry<T>(operation: () => Promise<T>, name: string, provider: 'paystack'): Promise<T> {",
      `  ${delegate}`,
      '}',
      '',
    ].join('\n');
  const service = [
    "import axios from 'axios';",
    "import { withPaymentRetry } from './retry';",
    "const paystack = axios.create({ baseURL: 'https://api.paystack.co' });",
    'export async function processRefund(txn: string, amount: number) {',
    "  const res = await withPaymentRetry(() => paystack.post('/refund', { transaction: txn, amount }), 'refund', 'paystack');",
    '  return res.data;',
    '}',
    '',
  ].join('\n');

  it('reports the POST handed to a wrapper that delegates to a retry loop', async () => {
    const dir = project({ 'package.json': '{}', 'tsconfig.json': '{}', 'src/retry.ts': retryTs('return withRetry(operation, `${provider} ${name}`, 3);'), 'src/refunds.ts': service });
    expect(await findingLines(dir)).toContain('AP-001 src/refunds.ts:5');
  });

  it('stays quiet when the wrapper runs the callback once', async () => {
    const dir = project({ 'package.json': '{}', 'tsconfig.json': '{}', 'src/retry.ts': retryTs('return operation();'), 'src/refunds.ts': service });
    expect(await findingLines(dir)).not.toContain('AP-001 src/refunds.ts:5');
  });

  const retryJs = [
    "const pRetry = require('p-retry');",
    'async function withGatewayRetry(operation, name) {',
    '  return pRetry(operation, { retries: 3 });',
    '}',
    'module.exports = { withGatewayRetry };',
    '',
  ].join('\n');
  const serviceJs = [
    "const axios = require('axios');",
    "const { withGatewayRetry } = require('./retry');",
    'async function createPayout(payout) {',
    "  return withGatewayRetry(() => axios.post('https://api.example.com/payouts', payout), 'payout');",
    '}',
    'module.exports = { createPayout };',
    '',
  ].join('\n');

  it('reports a JavaScript POST handed to a wrapper that delegates to p-retry', async () => {
    const dir = project({ 'package.json': '{}', 'src/retry.js': retryJs, 'src/payouts.js': serviceJs });
    expect(await findingLines(dir)).toContain('AP-001 src/payouts.js:4');
  });

  const retryPy = [
    'import time',
    '',
    '',
    'def with_retry(operation, attempts=3):',
    '    for attempt in range(attempts):',
    '        try:',
    '            return operation()',
    '        except Exception:',
    '            time.sleep(2**attempt)',
    '    raise RuntimeError("gave up")',
    '',
    '',
    'def with_gateway_retry(operation, name):',
    '    return with_retry(operation, attempts=5)',
    '',
  ].join('\n');
  const servicePy = [
    'import requests',
    '',
    'from app.retry import with_gateway_retry',
    '',
    '',
    'def create_payout(payout):',
    '    return with_gateway_retry(lambda: requests.post("https://api.example.com/payouts", json=payout, timeout=10), "payout")',
    '',
  ].join('\n');

  it('reports a Python POST handed to a wrapper that delegates to a retry loop', async () => {
    const dir = project({ 'pyproject.toml': '', 'app/__init__.py': '', 'app/retry.py': retryPy, 'app/payouts.py': servicePy });
    expect(await findingLines(dir)).toContain('AP-001 app/payouts.py:7');
  });
});
