import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * AP-003 recall (round 18, batch 20's misses): a helper of another file catches every error of its
 * remote write and hands back a failure result (`{ success: false }`, or nothing at all from a catch
 * that only logs); the caller branches on that result and refunds or marks the record failed. A
 * timeout after the provider accepted the request lands in that branch: the caller's record is the
 * definite failure (one team's identity-request routes refund the wallet and set the request FAILED
 * when the provider helper says `success: false`; another's payout worker credits the balance back
 * and sets the payout 'Failure' when the transfer helper returns nothing).
 * Look-alikes: a caller that only logs the result; a helper that turns only a definite 4xx decline
 * into the result and lets every other error reach the caller; a helper that only reads.
 */

const tsHelper = (handler: string, method = 'post') =>
  [
    "import axios from 'axios';",
    '',
    'export async function submitRequest(trackingId: string) {',
    '  try {',
    `    const response = await axios.${method}('https://api.provider.example.com/requests', { tracking_id: trackingId }, { timeout: 45000 });`,
    "    return { success: response.data.status === 'success', data: response.data };",
    '  } catch (error: any) {',
    handler,
    '  }',
    '}',
    '',
  ].join('\n');

const tsRoute = (failureBranch: string[]) =>
  [
    "import { submitRequest } from '../services/provider';",
    "import { prisma } from '../db';",
    '',
    'export async function POST(userId: string, trackingId: string, cost: number, requestId: string) {',
    '  const result = await submitRequest(trackingId);',
    '  if (result.success) {',
    "    return { status: true, data: result.data };",
    '  } else {',
    ...failureBranch,
    '  }',
    '}',
    '',
  ].join('\n');

const refundBranch = [
  '    await prisma.user.update({ where: { id: userId }, data: { walletBalance: { increment: cost } } });',
  "    await prisma.serviceRequest.update({ where: { id: requestId }, data: { status: 'FAILED' } });",
  '    return { status: false };',
];

describe('a branch on the failure result of a helper that keeps its write\'s errors (AP-003)', () => {
  it('finds the refund in the caller when the helper turns every error into success: false (TypeScript)', async () => {
    const dir = project({
      'services/provider.ts': tsHelper("    return { success: false, message: 'Submission failed' };"),
      'routes/request.ts': tsRoute(refundBranch),
    });
    expect(await findingLines(dir)).toContain('AP-003 routes/request.ts:10');
  });

  it('finds the record in the caller of a helper whose catch only logs and returns nothing (JavaScript)', async () => {
    const helper = [
      "const { sendAndConfirmTransaction } = require('@solana/web3.js');",
      '',
      'async function processPayout(connection, transaction, signer) {',
      '  try {',
      '    const signature = await sendAndConfirmTransaction(connection, transaction, [signer]);',
      '    return signature;',
      '  } catch (err) {',
      '    console.log(err);',
      '  }',
      '}',
      '',
      'module.exports = { processPayout };',
      '',
    ].join('\n');
    const worker = [
      "const { processPayout } = require('./payout');",
      "const db = require('./db');",
      '',
      'async function handle(job) {',
      '  const signature = await processPayout(job.data.connection, job.data.transaction, job.data.signer);',
      '  if (!signature) {',
      "    await db.payouts.update({ where: { id: job.data.payoutId }, data: { status: 'failure' } });",
      '    return;',
      '  }',
      "  await db.payouts.update({ where: { id: job.data.payoutId }, data: { status: 'paid', signature } });",
      '}',
      '',
      'module.exports = { handle };',
      '',
    ].join('\n');
    const dir = project({ 'lib/payout.js': helper, 'lib/worker.js': worker });
    expect(await findingLines(dir)).toContain('AP-003 lib/worker.js:7');
  });

  it('finds it in Python, on a result dict\'s success flag', async () => {
    const helper = [
      'import requests',
      '',
      '',
      'def submit_request(tracking_id):',
      '    try:',
      '        response = requests.post("https://api.provider.example.com/requests", json={"tracking_id": tracking_id}, timeout=45)',
      '        return {"success": response.json().get("status") == "success"}',
      '    except Exception as exc:',
      '        return {"success": False, "message": str(exc)}',
      '',
    ].join('\n');
    const view = [
      'from services.provider import submit_request',
      '',
      '',
      'def submit(service_request):',
      '    result = submit_request(service_request.tracking_id)',
      '    if not result["success"]:',
      '        service_request.status = "failed"',
      '        service_request.save()',
      '        return False',
      '    return True',
      '',
    ].join('\n');
    const dir = project({ 'services/__init__.py': '', 'services/provider.py': helper, 'views.py': view });
    expect(await findingLines(dir)).toContain('AP-003 views.py:7');
  });

  it('finds nothing in a caller that only logs the failure result', async () => {
    const dir = project({
      'services/provider.ts': tsHelper("    return { success: false, message: 'Submission failed' };"),
      'routes/request.ts': tsRoute(["    console.error('provider said no', result);"]),
    });
    expect((await findingLines(dir)).filter((l) => l.includes('routes/request.ts'))).toEqual([]);
  });

  it('finds nothing in the caller when the helper turns only a 4xx decline into the result and lets other errors through', async () => {
    const handler = [
      '    if (error.response && error.response.status >= 400 && error.response.status < 500) {',
      "      return { success: false, message: 'Declined' };",
      '    }',
      '    throw error;',
    ].join('\n');
    const dir = project({ 'services/provider.ts': tsHelper(handler), 'routes/request.ts': tsRoute(refundBranch) });
    expect((await findingLines(dir)).filter((l) => l.includes('routes/request.ts'))).toEqual([]);
  });

  it('finds nothing in the caller when the helper only reads (a GET in the same wrapper)', async () => {
    const dir = project({
      'services/provider.ts': tsHelper("    return { success: false, message: 'Lookup failed' };", 'get'),
      'routes/request.ts': tsRoute(refundBranch),
    });
    expect((await findingLines(dir)).filter((l) => l.includes('routes/request.ts'))).toEqual([]);
  });
});
