import { describe, expect, it } from 'vitest';
import { findingsWithRelated as findings } from '../support/cli.js';
import { project } from '../support/project.js';

// A retried task calls a service of another file whose method hands the send on through more than
// one helper of its file (`send_new_order` → `send_to_devices` → `_push_batch`). Every helper on
// the way must end its run at the send: a step after it in any of them can fail the attempt.
describe('a notification reached through a chain of helpers of another file', () => {
  const pyTask = [
    'from celery import shared_task',
    'from app.push import PushService',
    '',
    '@shared_task(bind=True, max_retries=3)',
    'def push_new_order(self, order_id):',
    '    try:',
    '        PushService.send_new_order(order_id)',
    '    except Exception as e:',
    '        self.retry(exc=e)',
    '',
  ].join('\n');
  const pyService = (afterPush: string) =>
    [
      'from firebase_admin import messaging',
      'from app.models import Device',
      '',
      'class PushService:',
      '    @classmethod',
      '    def _push_batch(cls, tokens, title):',
      '        return messaging.send_each_for_multicast(messaging.MulticastMessage(tokens=tokens, data={"title": title}))',
      '',
      '    @classmethod',
      '    def send_to_devices(cls, title):',
      '        devices = Device.objects.filter(active=True)',
      '        result = cls._push_batch([d.token for d in devices], title)',
      afterPush,
      '        return result',
      '',
      '    @classmethod',
      '    def send_new_order(cls, order_id):',
      '        return cls.send_to_devices(f"Order {order_id}")',
      '',
    ].join('\n');

  it('reports the task when the middle helper saves after the push, naming each hand-over', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/tasks.py': pyTask,
      'app/push.py': pyService('        Device.objects.filter(token__in=result.invalid).delete()'),
    });
    const found = await findings(dir);
    expect(found.map((f) => f.at)).toEqual(['AP-002 app/tasks.py:7']);
    expect(found[0]?.related).toEqual(expect.arrayContaining(['app/push.py:18', 'app/push.py:12', 'app/push.py:7']));
  });

  it('stays quiet when nothing after the push can fail in any helper on the way', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/tasks.py': pyTask, 'app/push.py': pyService('        print(result)') });
    expect((await findings(dir)).map((f) => f.at)).toEqual([]);
  });

  const tsWorker = [
    "import { Queue, Worker } from 'bullmq';",
    "import { sendNewOrder } from './push';",
    "export const q = new Queue('orders', { defaultJobOptions: { attempts: 5 } });",
    "new Worker('orders', async (job) => {",
    '  await sendNewOrder(job.data.orderId);',
    '});',
    '',
  ].join('\n');
  const tsService = (afterPush: string) =>
    [
      "import { Expo } from 'expo-server-sdk';",
      "import { db } from './db';",
      'const expo = new Expo();',
      'async function pushBatch(tokens: string[], title: string) {',
      '  return expo.sendPushNotificationsAsync(tokens.map((to) => ({ to, title })));',
      '}',
      'async function sendToDevices(title: string) {',
      '  const devices = await db.devices.findMany();',
      '  const tickets = await pushBatch(devices.map((d) => d.token), title);',
      afterPush,
      '  return tickets;',
      '}',
      'export async function sendNewOrder(orderId: string) {',
      '  return sendToDevices(`Order ${orderId}`);',
      '}',
      '',
    ].join('\n');

  it('reports the job in TypeScript when the middle helper writes after the push', async () => {
    const dir = project({ 'package.json': '{}', 'src/worker.ts': tsWorker, 'src/push.ts': tsService('  await db.devices.updateMany({ data: { notifiedAt: new Date() } });') });
    expect((await findings(dir)).map((f) => f.at)).toEqual(['AP-002 src/worker.ts:5']);
  });

  it('stays quiet in TypeScript when the push ends every helper on the way', async () => {
    const dir = project({ 'package.json': '{}', 'src/worker.ts': tsWorker, 'src/push.ts': tsService("  console.log('pushed');") });
    expect((await findings(dir)).map((f) => f.at)).toEqual([]);
  });
});
