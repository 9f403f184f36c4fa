import { Queue } from 'bullmq';
import { connection } from './lib/connection.js';

export interface ChargeJob { orderId: string; customerId: string; amountCents: number; phone: string }
export interface PayoutJob { payoutId: string; iban: string; amountCents: number }
export interface ReceiptJob { orderId: string; email: string; amountCents: number }

/** Every charge job is attempted up to five times. */
export const chargesQueue = new Queue<ChargeJob>('charges', {
  connection,
  defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: 1_000 },
});

export const payoutsQueue = new Queue<PayoutJob>('payouts', { connection });

/** Receipts are sent once: no retry. */
export const receiptsQueue = new Queue<ReceiptJob>('receipts', { connection, defaultJobOptions: { attempts: 1 } });

export const reportsQueue = new Queue('reports', { connection });
