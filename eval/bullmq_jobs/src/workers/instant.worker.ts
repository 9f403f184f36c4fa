import { Worker } from 'bullmq';
import { connection } from '../lib/connection.js';
import { processInstantPayout } from '../processors/payout.js';

export const instantWorker = new Worker('instant-payouts', processInstantPayout, { connection });
