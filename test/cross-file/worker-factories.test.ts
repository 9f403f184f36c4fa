import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A module of queue helpers (`lib/queue`) gives every queue 3 attempts in its `getQueue(name)`
// factory and wraps `new Worker(name, processor)` in `createWorker(name, processor)`; a worker of
// another file hands its processor to `createWorker`. The processor runs again after any failure,
// so a send followed by a write that can fail repeats (Bratett sms-system's SMS and WhatsApp
// workers). Quiet when the helpers' queues give one attempt.
describe('a processor handed to a worker factory of another file (AP-002)', () => {
  const lib = (attempts: number, esm: boolean) =>
    [
      esm ? "import { Queue, Worker } from 'bullmq';" : "const { Queue, Worker } = require('bullmq');",
      `${esm ? 'export ' : ''}function getQueue(name${esm ? ': string' : ''}) {`,
      `  return new Queue(name, { connection, defaultJobOptions: { attempts: ${attempts} } });`,
      '}',
      `${esm ? 'export ' : ''}function createWorker(queueName${esm ? ': string' : ''}, processor${esm ? ': any' : ''}, opts = {}) {`,
      '  return new Worker(queueName, processor, { connection, concurrency: 5, ...opts });',
      '}',
      esm ? '' : 'module.exports = { getQueue, createWorker };',
      '',
    ].join('\n');
  const worker = (esm: boolean) =>
    [
      esm ? "import { createWorker } from '../lib/queue';" : "const { createWorker } = require('../lib/queue');",
      esm ? "import { Twilio } from 'twilio';" : "const { Twilio } = require('twilio');",
      esm ? "import { db } from '../lib/db';" : "const { db } = require('../lib/db');",
      'const twilioClient = new Twilio(process.env.SID, process.env.TOKEN);',
      `${esm ? 'export ' : ''}function startSmsWorker() {`,
      "  return createWorker('sms-delivery', async (job) => {",
      "    const result = await twilioClient.messages.create({ to: job.data.phone, body: job.data.message, from: '+15550100' });",
      "    await db.smsLog.update({ where: { id: job.data.smsLogId }, data: { status: 'SENT', sid: result.sid } });",
      '  });',
      '}',
      esm ? '' : 'module.exports = { startSmsWorker };',
      '',
    ].join('\n');

  it('reports the send when the factory’s queues retry (TypeScript)', async () => {
    const dir = project({ 'package.json': '{}', 'src/lib/queue.ts': lib(3, true), 'src/workers/sms.worker.ts': worker(true) });
    expect(await findingLines(dir)).toEqual(['AP-002 src/workers/sms.worker.ts:7']);
  });

  it('stays quiet when they give one attempt (TypeScript)', async () => {
    const dir = project({ 'package.json': '{}', 'src/lib/queue.ts': lib(1, true), 'src/workers/sms.worker.ts': worker(true) });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('does the same through CommonJS (JavaScript)', async () => {
    const bad = project({ 'package.json': '{}', 'src/lib/queue.js': lib(3, false), 'src/workers/sms.worker.js': worker(false) });
    expect(await findingLines(bad)).toEqual(['AP-002 src/workers/sms.worker.js:7']);
    const good = project({ 'package.json': '{}', 'src/lib/queue.js': lib(1, false), 'src/workers/sms.worker.js': worker(false) });
    expect(await findingLines(good)).toEqual([]);
  });
});
