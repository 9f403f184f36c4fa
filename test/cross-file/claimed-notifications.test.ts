import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A notification service that claims a record by a stable dedup key before it sends, and stops
// when the record was already there (`get_or_create(dedupe_key=…)`, `if not created: return`),
// sends once per key: a retried task that calls it again, directly or through a fan-out helper of
// another file, does not notify twice. A key made afresh per call claims nothing.
describe('notifications claimed by a dedup key in a service of another file', () => {
  const service = (key: string) =>
    [
      'from app.models import Outbox',
      'from app.mail import send_mail',
      '',
      'class NotificationService:',
      '    @staticmethod',
      '    def notify(event_key, recipient):',
      `        dedupe_key = ${key}`,
      '        outbox, created = Outbox.objects.get_or_create(dedupe_key=dedupe_key, defaults={"user": recipient})',
      '        if not created:',
      '            return None',
      '        send_mail(recipient.email, event_key)',
      '        return outbox',
      '',
    ].join('\n');
  const fanout = [
    'from app.notifications import NotificationService',
    'from app.models import Broadcast',
    '',
    'class BroadcastService:',
    '    @staticmethod',
    '    def fanout(broadcast_id):',
    '        broadcast = Broadcast.objects.get(id=broadcast_id)',
    '        for recipient in broadcast.recipients():',
    '            NotificationService.notify(event_key=broadcast.event, recipient=recipient)',
    '        broadcast.sent = True',
    '        broadcast.save()',
    '',
  ].join('\n');
  const tasks = [
    'from celery import shared_task',
    'from app.broadcasts import BroadcastService',
    'from app.notifications import NotificationService',
    'from app.models import Order',
    '',
    '@shared_task(bind=True, max_retries=1)',
    'def process_broadcast_fanout(self, broadcast_id):',
    '    try:',
    '        BroadcastService.fanout(broadcast_id)',
    '    except Exception as exc:',
    '        raise self.retry(exc=exc)',
    '',
    '@shared_task(bind=True, max_retries=3)',
    'def notify_paid(self, order_id):',
    '    try:',
    '        order = Order.objects.get(id=order_id)',
    '        NotificationService.notify("order.paid", order.user)',
    '        order.notified = True',
    '        order.save()',
    '    except Exception as exc:',
    '        raise self.retry(exc=exc)',
    '',
  ].join('\n');

  it('stays quiet when the service claims a stable key before it sends', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/notifications.py': service('f"{event_key}:{recipient.id}"'),
      'app/broadcasts.py': fanout,
      'app/tasks.py': tasks,
    });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports both calls when the key is made afresh on every call', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/notifications.py': 'import uuid\n' + service('str(uuid.uuid4())'),
      'app/broadcasts.py': fanout,
      'app/tasks.py': tasks,
    });
    expect(await findingLines(dir)).toEqual(['AP-002 app/tasks.py:9', 'AP-002 app/tasks.py:17']);
  });

  it('reports both calls when the service sends before it claims', async () => {
    const early = service('f"{event_key}:{recipient.id}"').replace('        dedupe_key =', '        send_mail(recipient.email, "preview")\n        dedupe_key =');
    const dir = project({ 'app/__init__.py': '', 'app/notifications.py': early, 'app/broadcasts.py': fanout, 'app/tasks.py': tasks });
    expect(await findingLines(dir)).toEqual(['AP-002 app/tasks.py:9', 'AP-002 app/tasks.py:17']);
  });

  const tsService = (key: string) =>
    [
      "import { Outbox } from './models';",
      "import { sendEmail } from './mail';",
      'export async function notifyUser(eventKey: string, user: { id: string; email: string }) {',
      `  const dedupeKey = ${key};`,
      '  const [outbox, created] = await Outbox.findOrCreate({ where: { dedupeKey }, defaults: { userId: user.id } });',
      '  if (!created) return null;',
      '  await sendEmail({ to: user.email, subject: eventKey });',
      '  return outbox;',
      '}',
      '',
    ].join('\n');
  const tsWorker = [
    "import { Queue, Worker } from 'bullmq';",
    "import { notifyUser } from './notify';",
    "import { db } from './db';",
    "export const q = new Queue('paid', { defaultJobOptions: { attempts: 3 } });",
    "new Worker('paid', async (job) => {",
    "  await notifyUser('order.paid', job.data.user);",
    '  await db.orders.update({ where: { id: job.data.id }, data: { notified: true } });',
    '});',
    '',
  ].join('\n');

  it('stays quiet in TypeScript when the helper claims a stable key with findOrCreate', async () => {
    const dir = project({ 'package.json': '{}', 'src/notify.ts': tsService('`${eventKey}:${user.id}`'), 'src/worker.ts': tsWorker });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the TypeScript job when the claimed key is random', async () => {
    const dir = project({ 'package.json': '{}', 'src/notify.ts': tsService('crypto.randomUUID()'), 'src/worker.ts': tsWorker });
    expect(await findingLines(dir)).toEqual(['AP-002 src/worker.ts:6']);
  });

  // glamzi-backend services/notifications/index.js: handleEvent (called by an outbox worker of
  // another file that retries) sends through a local deliverEmail that first inserts a row under
  // the event's dedupe key and returns on the duplicate-key error.
  const insertService = (key: string, handler: string) =>
    [
      "import { Deliveries } from './models';",
      "import { sendEmail } from './mail';",
      'async function deliverEmail({ dedupeKey, to, subject }) {',
      `  const row = { dedupeKey: ${key}, to, status: 'queued' };`,
      '  try {',
      '    await Deliveries.insertOne(row);',
      '  } catch (err) {',
      handler,
      '  }',
      '  await sendEmail({ to, subject });',
      '  await Deliveries.updateOne({ dedupeKey }, { $set: { status: "sent" } });',
      '}',
      'export async function handleEvent(event) {',
      '  await deliverEmail({ dedupeKey: `${event.type}:${event.id}`, to: event.email, subject: event.type });',
      '}',
      '',
    ].join('\n');
  const outbox = [
    "import { handleEvent } from './notify';",
    "import { Events } from './models';",
    'export async function drain() {',
    '  for (let i = 0; i < 10; i += 1) {',
    '    const event = await Events.findOneAndUpdate({ status: "new" }, { $set: { status: "busy" } });',
    '    if (!event) return;',
    '    try {',
    '      await handleEvent(event);',
    '      await Events.updateOne({ _id: event._id }, { $set: { status: "done" } });',
    '    } catch (e) {',
    '      await Events.updateOne({ _id: event._id }, { $set: { status: "new" } });',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  const dupReturns = '    if (err?.code === 11000) return { deduped: true };\n    throw err;';

  it('stays quiet when a local helper of the service inserts a row under a stable key and returns on the duplicate', async () => {
    const dir = project({ 'package.json': '{}', 'src/notify.js': insertService('dedupeKey', dupReturns), 'src/outbox.js': outbox });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the retried call when the insert fails quietly and the send goes on', async () => {
    const dir = project({ 'package.json': '{}', 'src/notify.js': insertService('dedupeKey', '    console.warn(err.message);'), 'src/outbox.js': outbox });
    expect(await findingLines(dir)).toEqual(['AP-002 src/outbox.js:8']);
  });

  it('reports the retried call when the inserted key is made afresh', async () => {
    const dir = project({ 'package.json': '{}', 'src/notify.js': "import { randomUUID } from 'node:crypto';\n" + insertService('randomUUID()', dupReturns), 'src/outbox.js': outbox });
    expect(await findingLines(dir)).toEqual(['AP-002 src/outbox.js:8']);
  });
});
