'use strict';

const retry = require('async-retry');
const { retryWithJitter, render } = require('../lib');
const { smsClient, sendSms, sendEmail, push } = require('./channels');
const { markReminderSent, listOverdue } = require('./store');
const { wallet } = require('./wallet');

async function dispatchPaymentReminder(user, invoice) {
  const body = render('reminder', { amount: invoice.amount, due: invoice.dueOn });
  await retryWithJitter(async () => {
    // the database update below can fail and re-run the whole callback, SMS included
    // label: AP-002 notify-cross-file-wrapper
    await smsClient.messages.create({ to: user.phone, from: process.env.TWILIO_FROM, body });
    await markReminderSent(invoice.id);
  });
}

async function remindAllOverdue() {
  const invoices = await listOverdue();
  const failed = [];
  for (const invoice of invoices) {
    try {
      // label-ok: AP-002 notify-collection
      await sendEmail(invoice.email, 'Payment reminder', render('reminder', { amount: invoice.amount_cents / 100, due: invoice.due_on }));
    } catch (err) {
      console.warn(`reminder for invoice ${invoice.id} failed`, err.message);
      failed.push(invoice.id);
    }
  }
  return failed;
}

async function autoTopUp(user, amountCents) {
  const key = `auto-topup-${user.id}-${new Date().toISOString().slice(0, 10)}`;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      // the key is passed down to the Idempotency-Key header in wallet.topUp
      // label-ok: AP-001 key-in-helper
      return await wallet.topUp(user.walletId, amountCents, key);
    } catch (err) {
      // label: AP-002 notify-in-except
      await sendSms(user.phone, `Top-up attempt ${attempt} failed, we will try again.`);
      await new Promise((r) => setTimeout(r, attempt * 1000));
    }
  }
  throw new Error(`auto top-up for ${user.id} failed`);
}

async function autoTopUpQuietly(user, amountCents) {
  const key = `auto-topup-${user.id}-${new Date().toISOString().slice(0, 10)}`;
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await wallet.topUp(user.walletId, amountCents, key);
    } catch (err) {
      lastError = err;
      if (attempt === 3) {
        // label-ok: AP-002 notify-once-guard
        await sendSms(user.phone, 'We could not top up your wallet. Please check your card.');
      }
    }
  }
  throw lastError;
}

async function lowBalanceAlert(user, subscription, balance) {
  return retry(
    async () => {
      const res = await wallet.balanceOf(user.walletId);
      if (res.balanceCents > balance) return false;
      // label-ok: AP-002 notify-dedup-key
      await push.sendToUser(subscription, { title: 'Low balance', body: render('lowBalance', { balance }) }, { topic: 'low-balance', headers: { 'X-Dedup-Key': `low-balance-${user.id}-${res.asOf}` } });
      return true;
    },
    {
      retries: 4,
      // label: AP-002 notify-retry-hook
      onRetry: (err, attempt) => sendEmail(user.email, 'Balance check delayed', `Attempt ${attempt} failed: ${err.message}`),
    },
  );
}

module.exports = { dispatchPaymentReminder, remindAllOverdue, autoTopUp, autoTopUpQuietly, lowBalanceAlert };
