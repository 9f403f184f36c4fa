import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A function that selects rows by a state field, sends, and only then writes that field, run on a
// schedule registered in another file: `cron.schedule('* * * * *', async () => { await
// sendPendingReminders(); })` in a jobs file (a team's node-cron reminder job: Brevo email, then
// `reminder.emailSent = true; await reminder.save()` in a try that swallows its error),
// `scheduler.add_job(send_reminder_emails, 'interval', minutes=1)` in an APScheduler module, Celery's
// `beat_schedule`, or the project's own helper (`scheduleEveryMs(60_000, async () => …)`). A failed
// save leaves the row selected and the next run sends again. Quiet when no file runs the function on
// a schedule, and when the row is claimed before the send.
describe('a run another file schedules, sending before it marks the rows it selected', () => {
  const sender = (ext: string, claimFirst = false) => ({
    [`src/utils/sendPendingReminders.${ext}`]: [
      "import { Reminder } from '../models/reminder';",
      "import { mailer } from '../mailer';",
      'export const sendPendingReminders = async () => {',
      '  const reminders = await Reminder.find({ date: { $lte: new Date() }, emailSent: false });',
      '  for (const reminder of reminders) {',
      '    try {',
      ...(claimFirst ? ['      reminder.emailSent = true;', '      await reminder.save();'] : []),
      "      await mailer.sendMail({ to: reminder.email, subject: 'Reminder' });",
      ...(claimFirst ? [] : ['      reminder.emailSent = true;', '      await reminder.save();']),
      '    } catch (err) {',
      "      console.error('reminder failed', err);",
      '    }',
      '  }',
      '};',
      '',
    ].join('\n'),
  });
  const cronJob = (ext: string) => ({
    [`src/jobs/reminderJobs.${ext}`]: [
      "import cron from 'node-cron';",
      "import { sendPendingReminders } from '../utils/sendPendingReminders';",
      "cron.schedule('* * * * *', async () => {",
      '  await sendPendingReminders();',
      '});',
      '',
    ].join('\n'),
  });
  const ownHelper = (ext: string) => ({
    [`src/jobs/reminders.cron.${ext}`]: [
      "import { scheduleEveryMs } from '../utils/cron';",
      "import { sendPendingReminders } from '../utils/sendPendingReminders';",
      'scheduleEveryMs(60000, async () => {',
      '  try {',
      '    await sendPendingReminders();',
      '  } catch (err) {',
      '    console.error(err);',
      '  }',
      '});',
      '',
    ].join('\n'),
  });

  for (const ext of ['js', 'ts']) {
    it(`reports the send of a run a cron job in another file registers (${ext})`, async () => {
      const dir = project({ 'package.json': '{}', ...sender(ext), ...cronJob(ext) });
      expect(await findingLines(dir)).toEqual([`AP-002 src/utils/sendPendingReminders.${ext}:7`]);
    });

    it(`reports the send of a run the project's own scheduling helper registers (${ext})`, async () => {
      const dir = project({ 'package.json': '{}', ...sender(ext), ...ownHelper(ext) });
      expect(await findingLines(dir)).toEqual([`AP-002 src/utils/sendPendingReminders.${ext}:7`]);
    });

    it(`is quiet when no file runs the function on a schedule (${ext})`, async () => {
      const dir = project({ 'package.json': '{}', ...sender(ext) });
      expect(await findingLines(dir)).toEqual([]);
    });

    it(`is quiet when the row is marked before the send (${ext})`, async () => {
      const dir = project({ 'package.json': '{}', ...sender(ext, true), ...cronJob(ext) });
      expect(await findingLines(dir)).toEqual([]);
    });
  }

  const pySender = (claimFirst = false) => ({
    'app/emailer.py': [
      'from django.core.mail import send_mail',
      'from .models import Task',
      '',
      '',
      'def send_reminder_emails():',
      '    for task in Task.objects.filter(emailed=False, done=False):',
      ...(claimFirst ? ['        task.emailed = True', '        task.save()'] : []),
      '        send_mail("Reminder", task.text, "todo@example.com", [task.email])',
      ...(claimFirst ? [] : ['        task.emailed = True', '        task.save()']),
      '',
    ].join('\n'),
  });
  const apscheduler = {
    'app/scheduler.py': [
      'from apscheduler.schedulers.blocking import BlockingScheduler',
      'from .emailer import send_reminder_emails',
      '',
      'scheduler = BlockingScheduler()',
      "scheduler.add_job(send_reminder_emails, 'interval', minutes=1)",
      'scheduler.start()',
      '',
    ].join('\n'),
  };
  const beat = {
    'app/celery.py': [
      'from celery import Celery',
      'from celery.schedules import crontab',
      '',
      "app = Celery('app')",
      'app.conf.beat_schedule = {',
      "    'reminders': {'task': 'app.emailer.send_reminder_emails', 'schedule': crontab(minute='*')},",
      '}',
      '',
    ].join('\n'),
  };

  it('reports the send of a run an APScheduler module registers (py)', async () => {
    const dir = project({ ...pySender(), ...apscheduler, 'app/__init__.py': '' });
    expect(await findingLines(dir)).toEqual(['AP-002 app/emailer.py:7']);
  });

  it("reports the send of a run Celery's beat schedule names (py)", async () => {
    const dir = project({ ...pySender(), ...beat, 'app/__init__.py': '' });
    expect(await findingLines(dir)).toEqual(['AP-002 app/emailer.py:7']);
  });

  it('is quiet when no module runs the function on a schedule (py)', async () => {
    const dir = project({ ...pySender(), 'app/__init__.py': '' });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('is quiet when the row is marked before the send (py)', async () => {
    const dir = project({ ...pySender(true), ...apscheduler, 'app/__init__.py': '' });
    expect(await findingLines(dir)).toEqual([]);
  });
});

// The scheduled scope is AP-002's: for writes it is not measured, and the first two findings it gave
// AP-001 on real code were wrong (a PayPal status GET through the project's request wrapper, a cached
// settings read). A scheduled run that POSTs before it marks stays quiet for AP-001 until writes
// under a schedule are measured; the same run's e-mail is still AP-002's finding.
describe('a scheduled run re-selecting rows is a retry for notifications only', () => {
  const files = (ext: string) => ({
    'package.json': '{}',
    [`src/jobs/fulfil.${ext}`]: [
      "import cron from 'node-cron';",
      "import axios from 'axios';",
      "import { Order } from '../models/order';",
      "import { mailer } from '../mailer';",
      'export const fulfilPending = async () => {',
      "  const orders = await Order.find({ status: 'paid', shipped: false });",
      '  for (const order of orders) {',
      '    try {',
      "      await axios.post('https://fulfil.example.com/v1/shipments', { order: order.id });",
      "      await mailer.sendMail({ to: order.email, subject: 'Your order ships today' });",
      '      order.shipped = true;',
      '      await order.save();',
      '    } catch (err) {',
      "      console.error('fulfil failed', err);",
      '    }',
      '  }',
      '};',
      "cron.schedule('*/5 * * * *', async () => {",
      '  await fulfilPending();',
      '});',
      '',
    ].join('\n'),
  });
  for (const ext of ['js', 'ts']) {
    it(`reports the e-mail (AP-002) and not the POST (AP-001) (${ext})`, async () => {
      expect(await findingLines(project(files(ext)))).toEqual([`AP-002 src/jobs/fulfil.${ext}:10`]);
    });
  }
});

// The schedule names a thin task (`beat_schedule` → `send_notifications`, whose body is
// `Notification.send_all()`), and the rows are selected and marked in the method the task calls, in
// a third file (a team's minute-by-minute beat job e-mailing every unsent notification). Here each
// row is marked right after its send, so only the schedule makes the send repeat (a failed mark
// leaves the row selected for the next run). Quiet when nothing schedules the task,
// when the task does more than hand its run on, and when each row is marked before its send.
describe('a scheduled thin task hands its run on to the function of another file it calls', () => {
  const pyModel = (claimFirst = false) => ({
    'app/profiles/models.py': [
      'from django.db import models',
      'from app.utils.email import send_email',
      '',
      '',
      'class Notification(models.Model):',
      '    is_sent = models.BooleanField(default=False)',
      '',
      '    @classmethod',
      '    def send_all(cls):',
      '        unsent = cls.objects.filter(is_sent=False)',
      '        for notification in unsent:',
      ...(claimFirst ? ['            cls.objects.filter(pk=notification.pk).update(is_sent=True)'] : []),
      '            send_email([notification.user], "New notification", "profiles/email", {})',
      ...(claimFirst ? [] : ['            cls.objects.filter(pk=notification.pk).update(is_sent=True)']),
      '',
    ].join('\n'),
  });
  const pyTask = (extra: string[] = []) => ({
    'app/profiles/tasks.py': [
      'from celery import shared_task',
      'from .models import Notification',
      '',
      '',
      '@shared_task',
      'def send_notifications():',
      ...extra,
      '    Notification.send_all()',
      '',
    ].join('\n'),
  });
  const pyBeat = {
    'app/settings.py': [
      'from datetime import timedelta',
      'CELERY_BEAT_SCHEDULE = {',
      '    "send-notifications": {"task": "app.profiles.tasks.send_notifications", "schedule": timedelta(minutes=1)},',
      '}',
      '',
    ].join('\n'),
  };
  const init = { 'app/__init__.py': '', 'app/profiles/__init__.py': '' };

  it('reports the send of the method a beat-scheduled task calls (py)', async () => {
    const dir = project({ ...init, ...pyModel(), ...pyTask(), ...pyBeat });
    expect(await findingLines(dir)).toEqual(['AP-002 app/profiles/models.py:12']);
  });

  it('is quiet when nothing schedules the task (py)', async () => {
    const dir = project({ ...init, ...pyModel(), ...pyTask() });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('is quiet when the task does more than hand its run on (py)', async () => {
    const extra = ['    refresh_counts()', '    prune_old_rows()', '    rebuild_index()'];
    const dir = project({ ...init, ...pyModel(), ...pyTask(extra), ...pyBeat });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('is quiet when each row is marked before its send (py)', async () => {
    const dir = project({ ...init, ...pyModel(true), ...pyTask(), ...pyBeat });
    expect(await findingLines(dir)).toEqual([]);
  });

  const ecmaFiles = (ext: string, claimFirst = false) => ({
    'package.json': '{}',
    [`src/models/notification.${ext}`]: [
      "import { prisma } from '../db';",
      "import { sendEmail } from '../mailer';",
      'export async function sendAllNotifications() {',
      '  const unsent = await prisma.notification.findMany({ where: { isSent: false } });',
      '  for (const n of unsent) {',
      ...(claimFirst ? ['    await prisma.notification.update({ where: { id: n.id }, data: { isSent: true } });'] : []),
      "    await sendEmail(n.email, 'New notification');",
      ...(claimFirst ? [] : ['    await prisma.notification.update({ where: { id: n.id }, data: { isSent: true } });']),
      '  }',
      '}',
      '',
    ].join('\n'),
    [`src/tasks/notifications.${ext}`]: [
      "import { sendAllNotifications } from '../models/notification';",
      'export async function runNotificationJob() {',
      '  await sendAllNotifications();',
      '}',
      '',
    ].join('\n'),
    [`src/jobs/cron.${ext}`]: [
      "import cron from 'node-cron';",
      "import { runNotificationJob } from '../tasks/notifications';",
      "cron.schedule('* * * * *', runNotificationJob);",
      '',
    ].join('\n'),
  });
  for (const ext of ['js', 'ts']) {
    it(`reports the send of the function a scheduled thin task calls (${ext})`, async () => {
      expect(await findingLines(project(ecmaFiles(ext)))).toEqual([`AP-002 src/models/notification.${ext}:6`]);
    });

    it(`is quiet when each row is marked before its send (${ext})`, async () => {
      expect(await findingLines(project(ecmaFiles(ext, true)))).toEqual([]);
    });
  }
});

// A task of the project's own Celery app (`from ..celery import celery`, `@celery.task`) is retried
// only if that app says so, a condition of another file; the beat schedule that runs it every five
// minutes is another. A team's beat task selects the clusters whose expiration mail is not sent,
// mails each, then sets the flag (inside an outer `transaction.atomic()`, so a later failure rolls
// back every flag already set): either condition makes the mail repeat. Quiet when neither holds.
describe("a task of the project's own Celery app that a beat schedule runs", () => {
  const files = (scheduled: boolean) => ({
    'atmo/__init__.py': '',
    'atmo/clusters/__init__.py': '',
    'atmo/celery.py': ['from celery import Celery', '', "celery = Celery('atmo')", ''].join('\n'),
    'atmo/clusters/tasks.py': [
      'import mail_builder',
      'from django.db import transaction',
      '',
      'from ..celery import celery',
      'from .models import Cluster',
      '',
      '',
      '@celery.task',
      'def send_expiration_mails():',
      '    with transaction.atomic():',
      '        for cluster in Cluster.objects.select_for_update().filter(expiration_mail_sent=False):',
      '            with transaction.atomic():',
      '                message = mail_builder.build_message("clusters/expiration.mail", {"cluster": cluster})',
      '                message.send()',
      '                cluster.expiration_mail_sent = True',
      '                cluster.save()',
      '',
    ].join('\n'),
    ...(scheduled
      ? {
          'atmo/settings.py': [
            'from celery.schedules import crontab',
            '',
            'CELERY_BEAT_SCHEDULE = {',
            '    "send_expiration_mails": {"schedule": crontab(minute="*/5"), "task": "atmo.clusters.tasks.send_expiration_mails"},',
            '}',
            '',
          ].join('\n'),
        }
      : {}),
  });

  it('reports the mail sent before the flag is written (py)', async () => {
    expect(await findingLines(project(files(true)))).toEqual(['AP-002 atmo/clusters/tasks.py:14']);
  });

  it('is quiet when no schedule runs it and the app does not retry it (py)', async () => {
    expect(await findingLines(project(files(false)))).toEqual([]);
  });
});
