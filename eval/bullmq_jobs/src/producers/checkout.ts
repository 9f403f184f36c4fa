import { chargesQueue, payoutsQueue, receiptsQueue, reportsQueue, type ChargeJob, type PayoutJob } from '../queues.js';

export async function enqueueCharge(job: ChargeJob) {
  await chargesQueue.add('charge-order', job, { jobId: `charge-${job.orderId}` });
}

export async function enqueuePayout(job: PayoutJob) {
  await payoutsQueue.add('seller-payout', job, { attempts: 3, backoff: { type: 'fixed', delay: 30_000 } });
}

export async function enqueueReceipt(orderId: string, email: string, amountCents: number) {
  await receiptsQueue.add('receipt', { orderId, email, amountCents });
}

export async function scheduleNightlyReport() {
  await reportsQueue.add('daily-volume', {}, { repeat: { pattern: '0 2 * * *' } });
}
