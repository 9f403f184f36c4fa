import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A notification made by a function of another file is sent again only when something after it
// can fail the attempt: in that function, or after its call in the retried code.
describe('notifications in a retried function of another file', () => {
  const worker = [
    "import { Queue, Worker } from 'bullmq';",
    "import { processEvent } from './proc';",
    "export const q = new Queue('events', { defaultJobOptions: { attempts: 3 } });",
    "new Worker('events', processEvent);",
    '',
  ].join('\n');
  const proc = (after: string) =>
    [
      "import { Job } from 'bullmq';",
      "import { sendEmail } from './email';",
      "import { db } from './db';",
      'export async function processEvent(job: Job<{ id: string }>) {',
      '  const subscribers = await db.subs.findMany({ where: job.data.id });',
      '  let sent = 0;',
      '  for (const s of subscribers) {',
      '    try {',
      "      const result = await sendEmail({ to: s.email, subject: 'update' });",
      '      if (result.success) sent++;',
      '    } catch (error) {',
      "      console.error('error', error);",
      '    }',
      '  }',
      after,
      '  return { success: true, sent };',
      '}',
      '',
    ].join('\n');

  it('stays quiet when each send swallows its errors and nothing after the loop can fail', async () => {
    const dir = project({ 'package.json': '{}', 'src/worker.ts': worker, 'src/proc.ts': proc("  console.log('done', sent);") });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the send when a later step of that function can fail the job', async () => {
    const dir = project({ 'package.json': '{}', 'src/worker.ts': worker, 'src/proc.ts': proc('  await db.events.update({ where: job.data.id, sent });') });
    expect(await findingLines(dir)).toEqual(['AP-002 src/proc.ts:9']);
  });

  it('reports a last-step send when the retried code calls the helper before another step', async () => {
    const dir = project({
      'package.json': '{}',
      'src/notify.ts': "import { sendEmail } from './email';\nexport async function notifyUser(to: string) {\n  await sendEmail({ to, subject: 'paid' });\n}\n",
      'src/worker.ts': [
        "import { Queue, Worker } from 'bullmq';",
        "import { notifyUser } from './notify';",
        "import { db } from './db';",
        "export const q = new Queue('paid', { defaultJobOptions: { attempts: 3 } });",
        "new Worker('paid', async (job) => {",
        '  await notifyUser(job.data.to);',
        '  await db.orders.update({ where: job.data.id, notified: true });',
        '});',
        "new Worker('paid', async (job) => {",
        '  await db.orders.update({ where: job.data.id, notified: true });',
        '  await notifyUser(job.data.to);',
        '});',
        '',
      ].join('\n'),
    });
    expect(await findingLines(dir)).toEqual(['AP-002 src/worker.ts:6']);
  });

  // The helper's name says it notifies; its body decides whether the send is its last step.
  const helper = (afterSend: string) =>
    [
      'def send_sms_to_provider(notification):',
      '    provider = provider_to_use(notification)',
      '    try:',
      '        provider.send_sms(to=notification.to)',
      '    except Exception as e:',
      '        raise e',
      ...(afterSend ? ['    else:', afterSend] : []),
      '',
    ].join('\n');
  const task = [
    'from app.delivery import send_to_providers',
    '',
    '@celery.task(bind=True, max_retries=48)',
    'def deliver_sms(self, notification_id):',
    '    try:',
    '        send_to_providers.send_sms_to_provider(get_notification(notification_id))',
    '    except Exception:',
    '        raise self.retry(queue="retry")',
    '',
  ].join('\n');
  const files = (afterSend: string) => ({
    'pyproject.toml': '',
    'app/__init__.py': '',
    'app/delivery/__init__.py': '',
    'app/delivery/send_to_providers.py': helper(afterSend),
    'app/tasks.py': task,
  });

  it("reports a named sender called last when its try's else block writes after the send", async () => {
    const dir = project(files('        update_notification_to_sending(notification, provider)'));
    expect(await findingLines(dir)).toEqual(['AP-002 app/tasks.py:6']);
  });

  it('stays quiet when the named sender ends with the send and is called last', async () => {
    const dir = project(files(''));
    expect(await findingLines(dir)).toEqual([]);
  });

  // The helper's steps after its send: a check of the send's result that gives up, a value read
  // from it, a log line (quiet), or a write outside any try (can fail the job and send again).
  const mailer = (after: string) =>
    [
      "import { Job } from 'bullmq';",
      "import { Resend } from 'resend';",
      "import { db } from './db';",
      'const resend = new Resend(process.env.RESEND_KEY);',
      'export async function sendReceipt(job: Job<{ to: string; orderId: string }>) {',
      '  const { to, orderId } = job.data;',
      "  const { data, error } = await resend.emails.send({ from: 'shop@example.com', to, subject: 'receipt', html: '<p>thanks</p>' });",
      '  if (error || !data) {',
      "    console.error('send failed', error);",
      '    throw error;',
      '  }',
      '  const id = data.id;',
      after,
      '  return id;',
      '}',
      '',
    ].join('\n');
  const receipts = [
    "import { Queue, Worker } from 'bullmq';",
    "import { sendReceipt } from './mailer';",
    "export const q = new Queue('receipts', { defaultJobOptions: { attempts: 3 } });",
    "new Worker('receipts', sendReceipt);",
    '',
  ].join('\n');

  it('stays quiet when every step of the helper after its send cannot fail the job', async () => {
    const dir = project({ 'package.json': '{}', 'src/worker.ts': receipts, 'src/mailer.ts': mailer("  console.log('sent', id, orderId);") });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the send when a later step of the helper can still fail the job', async () => {
    const dir = project({ 'package.json': '{}', 'src/worker.ts': receipts, 'src/mailer.ts': mailer("  await db.from('email_logs').insert({ order_id: orderId, message_id: id });") });
    expect(await findingLines(dir)).toEqual(['AP-002 src/mailer.ts:7']);
  });

  // A message class of another module whose `send` ends in Django's mail function imported under
  // the project's own name (`send_mail as django_send_mail`), called as the only step of a task
  // that retries on SMTP errors.
  const tasks = [
    'from smtplib import SMTPException',
    'from celery import shared_task',
    'from .email import EmailMessage',
    '',
    '@shared_task(bind=True, max_retries=5)',
    'def send_email(self, **kwargs):',
    '    message = EmailMessage(**kwargs)',
    '    try:',
    '        message.send()',
    '    except SMTPException as e:',
    '        raise self.retry(exc=e)',
    '',
  ].join('\n');
  const email = (after: string) =>
    [
      'import requests',
      'from django.core.mail import send_mail as django_send_mail',
      '',
      'def send_email(to_email, subject, body):',
      '    django_send_mail(subject=subject, message=body, from_email=None, recipient_list=[to_email])',
      after,
      '',
      'class EmailMessage:',
      '    def __init__(self, subject, to_email, body):',
      '        self.subject, self.to_email, self.body = subject, to_email, body',
      '',
      '    def send(self):',
      '        return send_email(self.to_email, self.subject, self.body)',
      '',
    ].join('\n');

  it('stays quiet when an aliased mail function is the last step of the helper a retried task calls last', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/tasks.py': tasks, 'app/email.py': email('') });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the task\'s send when the helper records the mail after sending it', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/tasks.py': tasks, 'app/email.py': email('    requests.post("https://audit.example.com/mails", json={"to": to_email})') });
    expect(await findingLines(dir)).toEqual(['AP-002 app/tasks.py:9']);
  });
});
