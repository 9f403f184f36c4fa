import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A payout saga: reserve the amount in the ledger service (a hold that lapses by itself), then
// transfer it. The vocabulary says a `reserve` is no write (`calls.mutating.exclude: *.reserve`),
// and a helper of another file named so is none either, though its body POSTs to the ledger: its
// handler marking the payout failed records no ambiguous outcome of a write. The transfer's
// handler, which voids the hold (`pendingId`, a handle, no pending state) and marks the payout
// failed, does.
describe('an operation the vocabulary excludes by name is no handler subject through its helper (AP-003)', () => {
  const ledgerTs = [
    'export async function reserve(accountId: string, amount: number, timeout = 300): Promise<string> {',
    "  const res = await fetch(`${process.env.LEDGER_URL}/reserve`, { method: 'POST', body: JSON.stringify({ accountId, amount, timeout }) });",
    '  return (await res.json()).transferId;',
    '}',
    'export async function voidHold(pendingId: string): Promise<void> {',
    "  await fetch(`${process.env.LEDGER_URL}/void`, { method: 'POST', body: JSON.stringify({ pendingId }) });",
    '}',
    '',
  ].join('\n');
  const transferTs = [
    "import Stripe from 'stripe';",
    'const stripe = new Stripe(process.env.STRIPE_KEY!);',
    'export async function transferToConnected(destination: string, cents: number, idempotencyKey: string): Promise<string> {',
    "  const t = await stripe.transfers.create({ amount: cents, currency: 'usd', destination }, { idempotencyKey });",
    '  return t.id;',
    '}',
    '',
  ].join('\n');
  const payoutsTs = [
    "import * as ledger from './ledger';",
    "import { transferToConnected } from './transfer';",
    "import { markFailed } from './store';",
    '',
    'export async function processPayout(payoutId: string, accountId: string, connectId: string, amount: number) {',
    '  let pendingId: string;',
    '  try {',
    '    pendingId = await ledger.reserve(accountId, amount, 600);',
    '  } catch {',
    '    await markFailed(payoutId);',
    "    return { ok: false, message: 'Insufficient balance' };",
    '  }',
    '  try {',
    '    await transferToConnected(connectId, amount, `payout_${payoutId}`);',
    '  } catch (err) {',
    '    await ledger.voidHold(pendingId);',
    '    await markFailed(payoutId);',
    "    return { ok: false, message: 'Stripe transfer failed' };",
    '  }',
    '  return { ok: true };',
    '}',
    '',
  ].join('\n');
  const storeTs = "import { db } from './db';\nexport async function markFailed(id: string) {\n  await db.payout.update({ where: { id }, data: { status: 'failed' } });\n}\n";

  it('reports only the transfer’s handler (TypeScript)', async () => {
    const dir = project({ 'package.json': '{}', 'src/ledger.ts': ledgerTs, 'src/transfer.ts': transferTs, 'src/store.ts': storeTs, 'src/db.ts': 'export const db: any = {};\n', 'src/payouts.ts': payoutsTs });
    expect(await findingLines(dir)).toEqual(['AP-003 src/payouts.ts:17']);
  });

  it('reports only the transfer’s handler (JavaScript)', async () => {
    const strip = (s: string) => s.replace(/: Promise<\w+>/g, '').replace(/(\w+)(: string|: number)/g, '$1').replace(/process\.env\.STRIPE_KEY!/g, 'process.env.STRIPE_KEY').replace(/let pendingId;?/, 'let pendingId;');
    const dir = project({ 'package.json': '{"type":"module"}', 'src/ledger.js': strip(ledgerTs), 'src/transfer.js': strip(transferTs), 'src/store.js': strip(storeTs).replace('export const db: any', 'export const db'), 'src/db.js': 'export const db = {};\n', 'src/payouts.js': strip(payoutsTs) });
    expect(await findingLines(dir)).toEqual(['AP-003 src/payouts.js:17']);
  });

  it('reports only the transfer’s handler (Python)', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/ledger.py': [
        'import requests',
        '',
        'def reserve(account_id, amount, timeout=300):',
        '    return requests.post(LEDGER_URL + "/reserve", json={"account": account_id, "amount": amount, "timeout": timeout}).json()["id"]',
        '',
        'def void_hold(pending_id):',
        '    requests.post(LEDGER_URL + "/void", json={"id": pending_id})',
        '',
      ].join('\n'),
      'app/transfer.py': 'import stripe\n\ndef transfer_to_connected(destination, cents, key):\n    return stripe.Transfer.create(amount=cents, currency="usd", destination=destination, idempotency_key=key).id\n',
      'app/payouts.py': [
        'from app import ledger',
        'from app.transfer import transfer_to_connected',
        '',
        'def process_payout(payout, account_id, connect_id, amount):',
        '    try:',
        '        pending_id = ledger.reserve(account_id, amount, 600)',
        '    except Exception:',
        '        payout.mark_failed()',
        '        return {"ok": False, "message": "Insufficient balance"}',
        '    try:',
        '        transfer_to_connected(connect_id, amount, f"payout_{payout.id}")',
        '    except Exception:',
        '        ledger.void_hold(pending_id)',
        '        payout.mark_failed()',
        '        return {"ok": False, "message": "Stripe transfer failed"}',
        '    return {"ok": True}',
        '',
      ].join('\n'),
    });
    expect(await findingLines(dir)).toEqual(['AP-003 app/payouts.py:14']);
  });
});
