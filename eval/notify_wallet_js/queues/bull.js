'use strict';

const Queue = require('bull');
const { sendEmail } = require('../services/channels');
const { pool } = require('../services/store');
const { wallet } = require('../services/wallet');

const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const receipts = new Queue('receipts', redisUrl, { defaultJobOptions: { attempts: 4, backoff: { type: 'exponential', delay: 10000 } } });
const topUps = new Queue('top-ups', redisUrl);

receipts.process(async (job) => {
  const { userEmail, receiptId, amount } = job.data;
  // the job is retried up to 4 times if the update below fails
  // label: AP-002 bull-attempts
  await sendEmail(userEmail, 'Your receipt', `We received ${amount}. Reference ${receiptId}.`);
  await pool.query('update receipts set sent_at = now() where id = $1', [receiptId]);
});

topUps.process(async (job) => {
  const { walletId, amountCents, topUpId } = job.data;
  // label-ok: AP-001 key-in-helper
  return wallet.topUp(walletId, amountCents, `topup-${topUpId}`);
});

function enqueueTopUp(topUp) {
  return topUps.add({ walletId: topUp.walletId, amountCents: topUp.amountCents, topUpId: topUp.id }, { attempts: 3, backoff: 5000 });
}

function enqueueReceipt(receipt) {
  return receipts.add({ userEmail: receipt.email, receiptId: receipt.id, amount: receipt.amountDisplay });
}

module.exports = { receipts, topUps, enqueueTopUp, enqueueReceipt };
