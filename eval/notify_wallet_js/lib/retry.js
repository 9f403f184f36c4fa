'use strict';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `fn` until it resolves or `retries` extra attempts are used up.
 * Full jitter: each wait is a random fraction of the exponential cap.
 */
async function retryWithJitter(fn, { retries = 3, capMs = 5000 } = {}) {
  let attempt = 0;
  for (;;) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= retries || err.permanent) throw err;
      attempt += 1;
      await sleep(Math.random() * Math.min(capMs, 100 * 2 ** attempt));
    }
  }
}

module.exports = { retryWithJitter, sleep };
