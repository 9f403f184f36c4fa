import { describe, expect, it } from 'vitest';
import { findingsWithRelated as findings } from '../support/cli.js';
import { project } from '../support/project.js';

// A retried job calls a helper of its own file that sends through a further helper of that file
// (`processNotification(…)` → `sendEmail(…)` in its loop over users → `transporter.sendMail`). The
// finding is reported at the job's call and names the innermost send; the helper's own call of
// `sendEmail`, where the loop and the later steps repeat it, is named too, so a reviewer (and a
// label on that line) finds the place to fix (amankumar430206/remitx-api notification.worker.js:
// the reviewer's label sits on `await sendEmail(user.email, title, body)` inside the loop).
describe('a notification reached through two helpers of the same file', () => {
  const lines = (ext: string) =>
    [
      "import { Worker } from 'bullmq';",
      "import nodemailer from 'nodemailer';",
      "import { db } from './db';",
      '',
      'const transporter = nodemailer.createTransport({});',
      '',
      'const sendEmail = async (to, subject, text) => {',
      '  await transporter.sendMail({ to, subject, text });',
      '};',
      '',
      'export const processNotification = async (eventType, userIds) => {',
      '  for (const userId of userIds) {',
      '    const user = await db.users.find(userId);',
      '    await sendEmail(user.email, eventType, eventType);',
      '    await db.notifications.insert({ userId, eventType });',
      '  }',
      '};',
      '',
      `const processJob = async (job${ext === 'ts' ? ': any' : ''}) => {`,
      '  await processNotification(job.name, job.data.userIds);',
      '};',
      '',
      "export const worker = new Worker('notifications', processJob, { connection: {} });",
      "export const add = (queue) => queue.add('paid', { userIds: [] }, { attempts: 3 });",
      '',
    ].join('\n');

  const py = [
    'import smtplib',
    'from celery import shared_task',
    'from app.db import db',
    '',
    'def send_email(to, subject, text):',
    '    smtplib.SMTP("localhost").sendmail("noreply@example.com", [to], text)',
    '',
    'def process_notification(event_type, user_ids):',
    '    for user_id in user_ids:',
    '        user = db.users.get(user_id)',
    '        send_email(user.email, event_type, event_type)',
    '        db.notifications.insert(user_id=user_id, event_type=event_type)',
    '',
    '@shared_task(autoretry_for=(Exception,), max_retries=3)',
    'def process_job(event_type, user_ids):',
    '    process_notification(event_type, user_ids)',
    '',
  ].join('\n');

  it("names the innermost send and the helper's call on the way (py)", async () => {
    const dir = project({ 'pyproject.toml': '', 'app/tasks.py': py });
    const out = await findings(dir);
    const at = out.find((f) => f.at === 'AP-002 app/tasks.py:16');
    expect(at?.related).toEqual(expect.arrayContaining(['app/tasks.py:6', 'app/tasks.py:11']));
  });

  for (const ext of ['js', 'ts']) {
    it(`names the innermost send and the helper's call on the way (${ext})`, async () => {
      const dir = project({ 'package.json': '{}', [`src/notification.worker.${ext}`]: lines(ext) });
      const out = await findings(dir);
      const at = out.find((f) => f.at === `AP-002 src/notification.worker.${ext}:20`);
      expect(at?.related).toEqual(expect.arrayContaining([`src/notification.worker.${ext}:8`, `src/notification.worker.${ext}:14`]));
    });
  }
});
