import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A processor registered on a queue that another file creates (`pushQueue.process(20, async job =>
// …)` with `pushQueue` imported), whose jobs a third file adds with `attempts: 3`: the processor is
// re-run when a step after its send fails. The registration was also taken for a call of an
// imported retry helper (`pushQueue.process` of an imported name, retrying its callback); that
// condition never holds for a queue, and as the first of two equal scopes it hid the queue's own
// (caiovidinha/backend_predialnet pushWorker.js: Expo push, then the notification row's update, the
// receipts and the token clean-up). Quiet when no file gives the queue's jobs more than one attempt,
// when the send is the processor's last step, or when a sent flag is checked before the send.
describe("a processor registered on an imported queue, retried by attempts another file gives", () => {
  const queueFile = (ext: string) => ({
    [`src/queues/pushQueue.${ext}`]: ["import Queue from 'bull';", "const pushQueue = new Queue('pushNotifications', process.env.REDIS_URL);", 'export default pushQueue;', ''].join('\n'),
  });
  const push = (ext: string) => ({
    [`src/services/expoPush.${ext}`]: [
      "import { Expo } from 'expo-server-sdk';",
      'const expo = new Expo();',
      'export async function sendPushNotifications(messages) {',
      '  return expo.sendPushNotificationsAsync(messages);',
      '}',
      '',
    ].join('\n'),
  });
  const enqueue = (ext: string, attempts: number) => ({
    [`src/services/pushService.${ext}`]: [
      "import pushQueue from '../queues/pushQueue';",
      'export async function enqueuePush(messages, notificationId) {',
      `  await pushQueue.add({ messages, notificationId }, { attempts: ${attempts}, backoff: 5000 });`,
      '}',
      '',
    ].join('\n'),
  });
  const worker = (ext: string, body: string[]) => ({
    [`src/workers/pushWorker.${ext}`]: [
      "import pushQueue from '../queues/pushQueue';",
      "import { sendPushNotifications } from '../services/expoPush';",
      "import { db } from '../db';",
      '',
      'pushQueue.process(20, async (job) => {',
      '  const { messages, notificationId } = job.data;',
      ...body,
      '});',
      '',
    ].join('\n'),
  });
  const sendThenUpdate = [
    '  const tickets = await sendPushNotifications(messages);',
    "  await db.notification.update({ where: { id: notificationId }, data: { status: 'sent', receipts: tickets } });",
    '  return tickets;',
  ];

  for (const ext of ['js', 'ts']) {
    it(`reports the send before the row's update (${ext})`, async () => {
      const dir = project({ 'package.json': '{}', ...queueFile(ext), ...push(ext), ...enqueue(ext, 3), ...worker(ext, sendThenUpdate) });
      expect(await findingLines(dir)).toEqual([`AP-002 src/workers/pushWorker.${ext}:7`]);
    });

    it(`stays quiet when the jobs get one attempt (${ext})`, async () => {
      const dir = project({ 'package.json': '{}', ...queueFile(ext), ...push(ext), ...enqueue(ext, 1), ...worker(ext, sendThenUpdate) });
      expect(await findingLines(dir)).toEqual([]);
    });

    it(`stays quiet when the send is the processor's last step (${ext})`, async () => {
      const last = ["  await db.notification.update({ where: { id: notificationId }, data: { status: 'sending' } });", '  await sendPushNotifications(messages);'];
      const dir = project({ 'package.json': '{}', ...queueFile(ext), ...push(ext), ...enqueue(ext, 3), ...worker(ext, last) });
      expect(await findingLines(dir)).toEqual([]);
    });

    it(`stays quiet when a sent flag is checked before the send (${ext})`, async () => {
      const guarded = [
        '  const row = await db.notification.findUnique({ where: { id: notificationId } });',
        '  if (!row.sent) {',
        '    await sendPushNotifications(messages);',
        '    await db.notification.update({ where: { id: notificationId }, data: { sent: true } });',
        '  }',
        "  await db.notification.update({ where: { id: notificationId }, data: { status: 'done' } });",
      ];
      const dir = project({ 'package.json': '{}', ...queueFile(ext), ...push(ext), ...enqueue(ext, 3), ...worker(ext, guarded) });
      expect(await findingLines(dir)).toEqual([]);
    });
  }
});
