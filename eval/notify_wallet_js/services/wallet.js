'use strict';

const { walletApi, profileApi } = require('../lib/http');
const { setTopUpStatus } = require('./store');

const wallet = {
  async topUp(walletId, amountCents, idempotencyKey) {
    // label-ok: AP-001 key-header
    const { data } = await walletApi.post(`/wallets/${walletId}/top-ups`, { amount: amountCents }, { headers: { 'Idempotency-Key': idempotencyKey } });
    return data;
  },

  async debit(walletId, amountCents, memo) {
    // walletApi retries any request that got no response or a 5xx (lib/http.js)
    // label: AP-001 axios-retry
    const { data } = await walletApi.post(`/wallets/${walletId}/debits`, { amount: amountCents, memo });
    return data;
  },

  async balanceOf(walletId) {
    const { data } = await walletApi.get(`/wallets/${walletId}/balance`);
    return data;
  },
};

async function updateNotificationPrefs(userId, prefs) {
  // profileApi keeps axios-retry's default (idempotent requests only)
  // label-ok: AP-001 default-retry-policy
  const { data } = await profileApi.post(`/users/${userId}/preferences`, prefs);
  return data;
}

async function settleTopUp(topUp) {
  const res = await walletApi.post(`/wallets/${topUp.walletId}/top-ups`, { amount: topUp.amountCents }, { headers: { 'Idempotency-Key': `topup-${topUp.id}` }, validateStatus: () => true });
  if (res.status === 201) {
    await setTopUpStatus(topUp.id, 'succeeded');
  } else {
    // label: AP-003 status-else
    await setTopUpStatus(topUp.id, 'failed');
  }
  return res.status;
}

async function chargeCardForTopUp(topUp) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10000);
  try {
    const res = await fetch(`${process.env.CARD_API}/charges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `topup-card-${topUp.id}` },
      body: JSON.stringify({ card: topUp.cardToken, amount: topUp.amountCents }),
      signal: controller.signal,
    });
    return await res.json();
  } catch (err) {
    if (err.name === 'AbortError') {
      // label: AP-003 timeout-catch-name
      await setTopUpStatus(topUp.id, 'failed');
      return null;
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function chargeCardForTopUpSafely(topUp) {
  try {
    const res = await fetch(`${process.env.CARD_API}/charges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `topup-card-${topUp.id}` },
      body: JSON.stringify({ card: topUp.cardToken, amount: topUp.amountCents }),
      signal: AbortSignal.timeout(10000),
    });
    if (res.status === 402) {
      // label-ok: AP-003 status-three-way
      await setTopUpStatus(topUp.id, 'failed');
      return null;
    }
    if (!res.ok) {
      await setTopUpStatus(topUp.id, 'pending');
      return null;
    }
    return await res.json();
  } catch (err) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      // label-ok: AP-003 timeout-pending
      await setTopUpStatus(topUp.id, 'pending');
      return null;
    }
    throw err;
  }
}

module.exports = { wallet, updateNotificationPrefs, settleTopUp, chargeCardForTopUp, chargeCardForTopUpSafely };
