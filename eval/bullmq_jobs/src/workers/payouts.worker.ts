import { Worker } from 'bullmq';
import { connection } from '../lib/connection.js';
import { processPayout } from '../processors/payout.js';

export const payoutsWorker = new Worker('payouts', processPayout, { connection, concurrency: 2 });
