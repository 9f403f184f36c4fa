'use strict';

const { consumeForever } = require('../jobs/consumer.cjs');
const { waitForPosting } = require('../jobs/journals');

const POLL_MS = Number(process.env.POLL_MS || 60000);
const watched = new Set(process.argv.slice(2));

setInterval(async () => {
  for (const id of watched) {
    const state = await waitForPosting(id);
    if (state !== 'unknown') watched.delete(id);
  }
}, POLL_MS);

consumeForever().catch((err) => {
  console.error('consumer crashed', err);
  process.exit(1);
});
