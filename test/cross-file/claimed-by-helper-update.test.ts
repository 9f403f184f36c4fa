import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A retried job that stops unless a service of another file claims the e-mail's row with a
// conditional update (`updateMany({ where: { id, status: { in: ACTIVE } }, data: { status: 'sending' } })`,
// answering false when nothing was updated) sends once: a retry finds the row moved. The service is a
// module's instance of its class, as `module.exports = new UniqueJourneyService()`. A service whose
// update does not require a status claims nothing.
describe('a claim by a conditional update in a service of another file (AP-002)', () => {
  const service = (where: string) =>
    [
      "const { prisma } = require('./prisma');",
      '',
      "const ACTIVE = ['scheduled', 'queued'];",
      '',
      'class JourneyService {',
      '  async markSendAttempt(id) {',
      '    try {',
      `      const result = await prisma.emailJob.updateMany({ where: ${where}, data: { status: 'sending' } });`,
      '      if (result.count === 0) return false;',
      '      return true;',
      '    } catch (err) {',
      '      return false;',
      '    }',
      '  }',
      '}',
      '',
      'module.exports = new JourneyService();',
      '',
    ].join('\n');
  const worker = [
    "const { Queue, Worker } = require('bullmq');",
    "const JourneyService = require('./journey');",
    "const { prisma } = require('./prisma');",
    "const { sendEmail } = require('./mail');",
    '',
    "const emails = new Queue('email-send', { defaultJobOptions: { attempts: 5 } });",
    '',
    "new Worker('email-send', async (job) => {",
    '  const emailJob = await prisma.emailJob.findUnique({ where: { id: job.data.id } });',
    '  const marked = await JourneyService.markSendAttempt(emailJob.id);',
    '  if (!marked) return { skipped: true };',
    '  await sendEmail(emailJob);',
    '  await prisma.lead.update({ where: { id: emailJob.leadId }, data: { emailsSent: { increment: 1 } } });',
    '});',
    '',
  ].join('\n');
  const mail = [
    "const nodemailer = require('nodemailer');",
    '',
    "const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });",
    '',
    'exports.sendEmail = async (emailJob) => {',
    "  await transporter.sendMail({ to: emailJob.to, subject: emailJob.subject, html: emailJob.html });",
    '};',
    '',
  ].join('\n');
  const files = (where: string) => ({ 'journey.js': service(where), 'worker.js': worker, 'prisma.js': 'module.exports = { prisma: {} };\n', 'mail.js': mail });

  it('stays quiet when the service claims the row by its status', async () => {
    expect(await findingLines(project(files('{ id, status: { in: ACTIVE } }')))).toEqual([]);
  });

  it('reports the send when the service updates the row whatever its status', async () => {
    expect(await findingLines(project(files('{ id }')))).toEqual(['AP-002 worker.js:12']);
  });
});
