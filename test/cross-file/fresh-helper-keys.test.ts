import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A helper of another file that makes its idempotency key afresh on each call (`Date.now()`,
// `uuid4()`) sends a new key on each attempt of a retry around its call: no key at all.
describe('helpers that make their key afresh', () => {
  const transfers = (key: string) =>
    [
      "import Stripe from 'stripe';",
      'const stripe = new Stripe(process.env.STRIPE_KEY);',
      'export async function payOut(paymentId, amount, destination) {',
      `  return stripe.transfers.create({ amount, currency: 'eur', destination }, { idempotencyKey: ${key} });`,
      '}',
      '',
    ].join('\n');
  const sweep = [
    "import { payOut } from './transfers.js';",
    "import { db } from './db.js';",
    'export async function retryFailedPayouts() {',
    "  const failed = await db.payout.findMany({ where: { status: 'FAILED' } });",
    '  for (const p of failed) {',
    '    await payOut(p.paymentId, p.amount, p.destination);',
    '  }',
    '}',
    '',
  ].join('\n');
  const py = (key: string) =>
    ['import time', 'import stripe', '', 'def pay_out(payment_id, amount, destination):', `    return stripe.Transfer.create(amount=amount, currency="eur", destination=destination, idempotency_key=${key})`, ''].join('\n');
  const pySweep = [
    'from payouts.transfers import pay_out',
    'from payouts.models import Payout',
    '',
    'def retry_failed_payouts():',
    '    for p in Payout.objects.filter(status="failed"):',
    '        pay_out(p.payment_id, p.amount, p.destination)',
    '',
  ].join('\n');

  it('reports the retried helper when its key changes on every call', async () => {
    const dir = project({ 'package.json': '{}', 'src/transfers.js': transfers('`transfer-${paymentId}-${Date.now()}`'), 'src/sweep.js': sweep });
    expect(await findingLines(dir)).toEqual(['AP-001 src/sweep.js:6']);
    const pyDir = project({ 'payouts/__init__.py': '', 'payouts/transfers.py': py('f"transfer-{payment_id}-{time.time()}"'), 'payouts/sweep.py': pySweep });
    expect(await findingLines(pyDir)).toEqual(['AP-001 payouts/sweep.py:6']);
  });

  it('stays quiet when the helper derives its key from the payment alone', async () => {
    const dir = project({ 'package.json': '{}', 'src/transfers.js': transfers('`transfer-${paymentId}`'), 'src/sweep.js': sweep });
    expect(await findingLines(dir)).toEqual([]);
    const pyDir = project({ 'payouts/__init__.py': '', 'payouts/transfers.py': py('f"transfer-{payment_id}"'), 'payouts/sweep.py': pySweep });
    expect(await findingLines(pyDir)).toEqual([]);
  });
});
