import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A retried task calls a function of another file that sends through a helper of its own file, and
// that helper looks up its log of the message before each send and skips when one is there, writing
// the log right after the send (SublimedApple58/Reglo-app sendAutoscuolaMessage, run by a
// Trigger.dev scheduled task): a retry of the task finds the logs and sends nothing twice. Reported
// when the helper looks up another record (an opt-out) instead of its own log.
describe('a send of another file guarded by a lookup of its own log', () => {
  const reminders = (ext: string, lookup: 'log' | 'opt-out') => ({
    [`src/lib/reminders.${ext}`]: [
      "import { prisma } from './prisma';",
      "import { sendEmail } from './email';",
      '',
      'async function sendMessage(ruleId, recipient, body) {',
      lookup === 'log'
        ? "  const existing = await prisma.messageLog.findFirst({ where: { ruleId, recipient, channel: 'email' } });"
        : '  const existing = await prisma.unsubscribe.findFirst({ where: { email: recipient } });',
      '  if (existing) return;',
      '  try {',
      "    await sendEmail({ to: recipient, subject: 'Reminder', text: body });",
      "    await prisma.messageLog.create({ data: { ruleId, recipient, channel: 'email', status: 'sent' } });",
      '  } catch (error) {',
      "    await prisma.messageLog.create({ data: { ruleId, recipient, channel: 'email', status: 'failed' } });",
      '  }',
      '}',
      '',
      'export async function processReminders() {',
      "  const rules = await prisma.reminderRule.findMany({ where: { active: true }, include: { recipients: true } });",
      '  for (const rule of rules) {',
      '    for (const recipient of rule.recipients) {',
      '      await sendMessage(rule.id, recipient.email, rule.body);',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
  });
  const task = (ext: string) => ({
    [`src/trigger/reminders.${ext}`]: [
      "import { schedules } from '@trigger.dev/sdk/v3';",
      "import { processReminders } from '../lib/reminders';",
      '',
      'export const reminderTask = schedules.task({',
      "  id: 'reminders',",
      "  cron: '* * * * *',",
      '  retry: { maxAttempts: 3 },',
      '  run: async () => {',
      '    await processReminders();',
      '    return { ok: true };',
      '  },',
      '});',
      '',
    ].join('\n'),
  });

  for (const ext of ['ts', 'js']) {
    it(`stays quiet when the helper checks its own log before each send (${ext})`, async () => {
      const dir = project({ 'package.json': '{}', ...reminders(ext, 'log'), ...task(ext) });
      expect((await findingLines(dir)).filter((f) => f.startsWith('AP-002'))).toEqual([]);
    });

    it(`reports the send when the helper looks up another record (${ext})`, async () => {
      const dir = project({ 'package.json': '{}', ...reminders(ext, 'opt-out'), ...task(ext) });
      expect((await findingLines(dir)).filter((f) => f.startsWith('AP-002'))).toEqual([`AP-002 src/trigger/reminders.${ext}:9`]);
    });
  }
});
