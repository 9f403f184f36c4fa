import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A module loaded with a dynamic import inside the retried code (`const { sendViaSmtp } = await
// import('../delivery/smtp.js')`, `const mailer = await import('./mailer')`) binds its names as a
// static import does: a helper of it that sends mail is a send of the retried run
// (personizeai/ai-prospecting-agent outreach-sequence.ts, OpsKnight notification-retry.ts). Quiet
// when the imported function sends nothing.
describe('names bound by a dynamic import of a project module', () => {
  const smtp = (ext: string, sends: boolean) => ({
    [`src/delivery/smtp.${ext}`]: [
      "import nodemailer from 'nodemailer';",
      'export async function sendViaSmtp(to, subject) {',
      ...(sends
        ? ["  const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });", '  return transporter.sendMail({ to, subject });']
        : ['  return { to, subject: subject.trim() };']),
      '}',
      '',
    ].join('\n'),
  });
  const task = (ext: string, binding: 'destructured' | 'namespace') => ({
    [`src/jobs/outreach.${ext}`]: [
      "import pRetry from 'p-retry';",
      "import { db } from '../db';",
      '',
      'export async function sendStep(contact) {',
      '  await pRetry(async () => {',
      ...(binding === 'destructured'
        ? ["    const { sendViaSmtp } = await import('../delivery/smtp.js');", "    await sendViaSmtp(contact.email, 'Following up');"]
        : ["    const smtp = await import('../delivery/smtp.js');", "    await smtp.sendViaSmtp(contact.email, 'Following up');"]),
      '    await db.contact.update({ where: { id: contact.id }, data: { lastSentAt: new Date() } });',
      '  }, { retries: 2 });',
      '}',
      '',
    ].join('\n'),
  });

  for (const ext of ['ts', 'js']) {
    for (const binding of ['destructured', 'namespace'] as const) {
      it(`reports the send of a helper bound by a ${binding} dynamic import (${ext})`, async () => {
        const dir = project({ 'package.json': '{}', ...smtp(ext, true), ...task(ext, binding) });
        expect(await findingLines(dir)).toEqual([`AP-002 src/jobs/outreach.${ext}:7`]);
      });

      it(`stays quiet when the dynamically imported helper sends nothing (${binding}, ${ext})`, async () => {
        const dir = project({ 'package.json': '{}', ...smtp(ext, false), ...task(ext, binding) });
        expect(await findingLines(dir)).toEqual([]);
      });
    }
  }
});
