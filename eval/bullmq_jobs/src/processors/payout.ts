import type { Job } from 'bullmq';
import { bank } from '../lib/clients.js';
import { setPayoutStatus } from '../lib/db.js';
import type { PayoutJob } from '../queues.js';

/** Processor for the payouts queue; jobs are added with attempts: 3. */
export async function processPayout(job: Job<PayoutJob>) {
  const { payoutId, iban, amountCents } = job.data;
  // label: AP-001 bullmq-attempts
  const transfer = await bank.createTransfer({ iban, amountCents, reference: `payout ${payoutId}` });
  await setPayoutStatus(payoutId, transfer.state === 'booked' ? 'paid' : 'processing', transfer.id);
  return transfer.id;
}

/** Same transfer, keyed by the payout: a retried job reuses the key. */
export async function processPayoutKeyed(job: Job<PayoutJob>) {
  const { payoutId, iban, amountCents } = job.data;
  // label-ok: AP-001 key-header
  const transfer = await bank.createTransfer({ iban, amountCents, reference: `payout ${payoutId}` }, { 'Idempotency-Key': `payout-${payoutId}` });
  await setPayoutStatus(payoutId, 'paid', transfer.id);
  return transfer.id;
}

/** Instant payouts: one attempt, the outcome is written back to the payout row. */
export async function processInstantPayout(job: Job<PayoutJob>) {
  const { payoutId, iban, amountCents } = job.data;
  try {
    const transfer = await bank.createTransfer({ iban, amountCents, reference: `instant ${payoutId}` }, { 'Idempotency-Key': `instant-${payoutId}` });
    await setPayoutStatus(payoutId, 'paid', transfer.id);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') {
      // label: AP-003 timeout-catch-code
      await setPayoutStatus(payoutId, 'failed');
      return;
    }
    throw err;
  }
}
