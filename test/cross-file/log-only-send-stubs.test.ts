import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * AP-002 precision (round 33, r33-c): a function of another file named for a send (`sendEmail`)
 * whose body only logs (`console.log("Email sent to:", to)`, a stub left for development) sends
 * nothing, so a retried job that calls it before a later step that can fail notifies nobody again
 * (rahul-wm826/Sales-Agent, batch 35). The body beats the name, as it does for a body that only
 * computes in memory. The look-alike stays found: the same helper that also mails.
 */

const mailer = (body: string) => ['export async function sendEmail({ to, subject }: { to: string; subject: string }) {', body, '}', ''].join('\n');

const mailerPy = (body: string) => ['import logging', 'import smtplib', '', 'logger = logging.getLogger(__name__)', '', '', 'def send_email(to, subject):', body, ''].join('\n');

const worker = [
  "import { Job, Queue, Worker } from 'bullmq';",
  "import { prisma } from './db';",
  "import { sendEmail } from './email/sendEmail';",
  '',
  "export const queue = new Queue('send-email', { defaultJobOptions: { attempts: 3 } });",
  '',
  "export const worker = new Worker('send-email', async (job: Job<{ emailId: string }>) => {",
  '  const email = await prisma.email.findUnique({ where: { id: job.data.emailId } });',
  "  if (!email) throw new Error('Email not found');",
  '  await sendEmail({ to: email.to, subject: email.subject });',
  "  await prisma.email.update({ where: { id: email.id }, data: { status: 'sent' } });",
  '});',
  '',
].join('\n');

const task = [
  'from celery import shared_task',
  '',
  'from app.mail import send_email',
  'from app.models import Email',
  '',
  '',
  '@shared_task(bind=True, autoretry_for=(Exception,), max_retries=3)',
  'def send_email_task(self, email_id):',
  '    email = Email.objects.get(id=email_id)',
  '    send_email(email.to, email.subject)',
  '    email.status = "sent"',
  '    email.save(update_fields=["status"])',
  '',
].join('\n');

describe('a send helper of another file whose body only logs (AP-002)', () => {
  it('finds nothing when the helper only logs, and finds the call when it also mails (TypeScript)', async () => {
    const quiet = project({ 'src/email/sendEmail.ts': mailer('  console.log("Email sent to:", to, subject);'), 'src/worker.ts': worker });
    expect((await findingLines(quiet)).filter((l) => l.startsWith('AP-002'))).toEqual([]);
    const loud = project({ 'src/email/sendEmail.ts': ["import nodemailer from 'nodemailer';", '', 'const transporter = nodemailer.createTransport({});', '', mailer('  console.log("Email sent to:", to);\n  await transporter.sendMail({ to, subject });')].join('\n'), 'src/worker.ts': worker });
    expect((await findingLines(loud)).filter((l) => l.startsWith('AP-002'))).not.toEqual([]);
  });

  it('finds nothing when the helper only logs, and finds the call when it also mails (Python)', async () => {
    const quiet = project({ 'app/__init__.py': '', 'app/mail.py': mailerPy('    logger.info("Email sent to %s: %s", to, subject)'), 'app/tasks.py': task });
    expect((await findingLines(quiet)).filter((l) => l.startsWith('AP-002'))).toEqual([]);
    const loud = project({ 'app/__init__.py': '', 'app/mail.py': mailerPy('    logger.info("Email sent to %s", to)\n    with smtplib.SMTP("localhost") as s:\n        s.sendmail("noreply@example.com", [to], subject)'), 'app/tasks.py': task });
    expect((await findingLines(loud)).filter((l) => l.startsWith('AP-002'))).not.toEqual([]);
  });
});
