'use strict';

const axios = require('axios');

const BANK = process.env.BANK_API || 'https://bank.example.com';

async function releasePayout(payout, db) {
  const res = await fetch(`${BANK}/payouts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': `payout-${payout.id}` },
    body: JSON.stringify({ iban: payout.iban, amount: payout.amountCents }),
  });
  // label: AP-003 status-ternary
  await db.query('update payouts set status = $2 where id = $1', [payout.id, res.ok ? 'paid' : 'failed']);
  return res.ok;
}

async function releasePayoutWithTimeout(payout, db) {
  try {
    await axios.post(`${BANK}/payouts`, { iban: payout.iban, amount: payout.amountCents }, { timeout: 10000, headers: { 'Idempotency-Key': `payout-${payout.id}` } });
    await db.query("update payouts set status = 'paid' where id = $1", [payout.id]);
  } catch (err) {
    if (err.code === 'ETIMEDOUT' || err.code === 'ECONNABORTED') {
      // label: AP-003 timeout-catch-code
      await db.query("update payouts set status = 'failed' where id = $1", [payout.id]);
      // one finding per branch: this second record is a related location of the one above
      return false;
    }
    throw err;
  }
  return true;
}

async function payoutState(payoutId) {
  const res = await fetch(`${BANK}/payouts/${payoutId}`);
  // label-ok: AP-003 read-status
  return res.ok ? (await res.json()).state : 'failed';
}

module.exports = { releasePayout, releasePayoutWithTimeout, payoutState };
