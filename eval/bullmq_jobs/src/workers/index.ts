import { chargesWorker } from './charges.worker.js';
import { payoutsWorker } from './payouts.worker.js';
import { receiptsWorker } from './receipts.worker.js';
import { reportsWorker } from './reports.worker.js';

const workers = [chargesWorker, payoutsWorker, receiptsWorker, reportsWorker];

async function shutdown(signal: string) {
  console.log(`${signal}: closing workers`);
  await Promise.all(workers.map((w) => w.close()));
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
