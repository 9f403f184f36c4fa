'use strict';

const axios = require('axios');
const promiseRetry = require('promise-retry');
const { backOff } = require('exponential-backoff');
const { retry: retryAsync } = require('ts-retry-promise');
const pRetry = require('p-retry');
const { ACCOUNTING, postJournal, recordSale, getJournal, replaceMapping } = require('../src/accounting');
const { notifyFinance } = require('../src/alerts');

async function pushSettlement(settlement) {
  let attempt = 0;
  while (true) {
    attempt++;
    try {
      // label: AP-001 while-true
      const { data } = await axios.post(`${ACCOUNTING}/settlements`, { id: settlement.id, lines: settlement.lines });
      return data;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

async function pushSettlementOrAlert(settlement) {
  let lastError;
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      return await axios.post(`${ACCOUNTING}/settlements`, settlement, { headers: { 'Idempotency-Key': `settlement-${settlement.id}` } });
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 1500 * attempt));
    }
  }
  // label-ok: AP-002 notify-after-loop
  await notifyFinance('Settlement push failed', `Settlement ${settlement.id}: ${lastError.message}`);
  throw lastError;
}

async function pushJournal(entry) {
  return promiseRetry(
    (retry, number) =>
      // label: AP-001 promise-retry
      postJournal(entry).catch((err) => {
        console.warn(`journal push attempt ${number} failed`);
        retry(err);
      }),
    { retries: 3 },
  );
}

async function pushJournalKeyed(entry) {
  return backOff(
    // label-ok: AP-001 key-header
    () => postJournal(entry, { 'Idempotency-Key': `journal-${entry.id}` }),
    { numOfAttempts: 4 },
  );
}

async function pushSale(sale) {
  return pRetry(
    // recordSale POSTs the sale with no key (src/accounting.js)
    // label: AP-001 helper-one-level
    () => recordSale(sale),
    { retries: 3 },
  );
}

async function pushAdjustment(adjustment) {
  return backOff(
    // label: AP-001 exponential-backoff
    () => axios({ method: 'post', url: `${ACCOUNTING}/adjustments`, data: adjustment }),
    { numOfAttempts: 5, startingDelay: 500 },
  );
}

async function pushAccrual(accrual) {
  return retryAsync(
    // label: AP-001 retry-async
    () => axios.post(`${ACCOUNTING}/accruals`, accrual),
    { retries: 3, delay: 1000 },
  );
}

async function pushClosing(period) {
  return pRetry(
    // label-ok: AP-001 key-header
    () => axios.post(`${ACCOUNTING}/closings`, { period }, { headers: { 'Idempotency-Key': `closing-${period}` } }),
    {
      retries: 5,
      // label: AP-002 notify-retry-hook
      onFailedAttempt: (error) => notifyFinance('Period close retrying', `Attempt ${error.attemptNumber} failed: ${error.message}`),
    },
  );
}

async function syncMapping(account, mapping) {
  for (;;) {
    try {
      // label-ok: AP-001 put-delete
      return await replaceMapping(account, mapping);
    } catch (err) {
      if (err.response && err.response.status < 500) throw err;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

async function waitForPosting(journalId) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const journal = await getJournal(journalId);
    if (journal.state === 'posted' || journal.state === 'rejected') return journal.state;
    await new Promise((r) => setTimeout(r, 5000));
  }
  return 'unknown';
}

module.exports = { pushSettlement, pushSettlementOrAlert, pushJournal, pushSale, pushJournalKeyed, pushAdjustment, pushAccrual, pushClosing, syncMapping, waitForPosting };
