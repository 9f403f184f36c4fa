import { Worker, type Job } from 'bullmq';
import { mail } from '../lib/clients.js';
import { connection } from '../lib/connection.js';
import { db } from '../lib/db.js';
import type { ReceiptJob } from '../queues.js';

/** The receipts queue runs each job once (attempts: 1), so a failure after the e-mail does not resend it. */
export const receiptsWorker = new Worker<ReceiptJob>(
  'receipts',
  async (job: Job<ReceiptJob>) => {
    // label-ok: AP-002 no-retry-configured
    await mail.sendEmail({ From: 'receipts@example.com', To: job.data.email, Subject: `Receipt for order ${job.data.orderId}`, TextBody: `Paid: ${job.data.amountCents / 100} EUR` });
    await db.query('update orders set receipt_sent_at = now() where id = $1', [job.data.orderId]);
  },
  { connection },
);
