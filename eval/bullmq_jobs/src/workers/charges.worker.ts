import { Worker, type Job } from 'bullmq';
import { connection } from '../lib/connection.js';
import { sms, stripe } from '../lib/clients.js';
import { recordCharge } from '../lib/db.js';
import type { ChargeJob } from '../queues.js';

export const chargesWorker = new Worker<ChargeJob>(
  'charges',
  async (job: Job<ChargeJob>) => {
    const { orderId, customerId, amountCents, phone } = job.data;
    // label: AP-002 bullmq-attempts
    await sms.messages.create({ to: phone, from: process.env.TWILIO_FROM, body: `Charging ${amountCents / 100} EUR for order ${orderId}.` });
    // the queue's defaultJobOptions give every job five attempts
    // label: AP-001 bullmq-attempts
    const intent = await stripe.paymentIntents.create({ amount: amountCents, currency: 'eur', customer: customerId, confirm: true, off_session: true });
    await recordCharge(orderId, intent.id);
    return intent.id;
  },
  { connection, concurrency: 4 },
);

chargesWorker.on('failed', (job, err) => {
  console.error(`charge job ${job?.id} failed on attempt ${job?.attemptsMade}: ${err.message}`);
});
