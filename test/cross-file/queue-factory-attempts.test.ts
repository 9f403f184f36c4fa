import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// Round 20: queues built through a helper of the project that takes the queue's name and its options
// (`getQueue("email.send", { defaultJobOptions: { attempts: 3 } })`, one such call per queue). The
// attempts of one queue were read as every queue's (an unnamed `job-attempts:*`), so a worker of a
// queue built with `attempts: 1` (an email service's broadcast queue, whose job sends a whole
// campaign once) was taken as retried. Each queue now keeps its own attempts: the worker of the
// queue with 3 attempts that sends before a later step still fires, the one with 1 attempt is quiet.
describe('attempts of queues built through a named factory', () => {
  const queues = (ts: boolean) => [
    ts ? "import { Queue, type QueueOptions } from 'bullmq';" : "import { Queue } from 'bullmq';",
    '',
    ts ? 'const queues = new Map<string, Queue>();' : 'const queues = new Map();',
    ts ? 'function getQueue(name: string, opts?: Partial<QueueOptions>): Queue {' : 'function getQueue(name, opts) {',
    '  let queue = queues.get(name);',
    '  if (!queue) {',
    '    queue = new Queue(name, { connection: { host: "localhost" }, ...opts });',
    '    queues.set(name, queue);',
    '  }',
    '  return queue;',
    '}',
    '',
    'export function getEmailSendQueue() {',
    '  return getQueue("email.send", { defaultJobOptions: { attempts: 3, backoff: { type: "exponential", delay: 5000 } } });',
    '}',
    '',
    'export function getBroadcastQueue() {',
    '  return getQueue("broadcast.execute", { defaultJobOptions: { attempts: 1 } });',
    '}',
    '',
  ].join('\n');
  const worker = (ts: boolean, queue: string, fn: string) =>
    [
      ts ? "import { Worker, type Job } from 'bullmq';" : "import { Worker } from 'bullmq';",
      "import nodemailer from 'nodemailer';",
      "import { db } from '../db';",
      '',
      'const transport = nodemailer.createTransport({ host: "smtp.example.com" });',
      '',
      ts ? `async function ${fn}(job: Job<{ id: string; to: string }>) {` : `async function ${fn}(job) {`,
      '  await transport.sendMail({ to: job.data.to, subject: "Hello", text: "Hi" });',
      '  await db.email.update({ where: { id: job.data.id }, data: { status: "sent" } });',
      '}',
      '',
      `export const worker = new Worker("${queue}", ${fn}, { connection: { host: "localhost" } });`,
      '',
    ].join('\n');

  for (const ext of ['ts', 'js']) {
    const ts = ext === 'ts';
    it(`fires on the worker of the queue with 3 attempts and not on the one with 1 (${ext})`, async () => {
      const dir = project({
        'package.json': '{}',
        [`src/queues/index.${ext}`]: queues(ts),
        [`src/workers/email-send.worker.${ext}`]: worker(ts, 'email.send', 'processEmailSend'),
        [`src/workers/broadcast.worker.${ext}`]: worker(ts, 'broadcast.execute', 'processBroadcast'),
      });
      expect(await findingLines(dir)).toEqual([`AP-002 src/workers/email-send.worker.${ext}:8`]);
    });
  }
});
