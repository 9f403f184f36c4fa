import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A Trigger.dev task that sets no `retry` of its own takes the project's default from
// trigger.config.ts (`defineConfig({ retries: { default: { maxAttempts: 3 } } })`): a run that
// fails after its send is run again from the top, and the message goes out again
// (1ssuLx/agenda-pro send-lembrete.ts: the WhatsApp reminder, then the prisma update of
// lembreteEnviadoEm). Quiet when the project's default gives one attempt, when no config sets
// one, when the task's own `retry` gives one attempt, or when the send is the run's last step.
describe('a Trigger.dev task retried by the project-wide default of trigger.config', () => {
  const config = (ext: string, maxAttempts: number | null) => ({
    [`trigger.config.${ext}`]: [
      'import { defineConfig } from "@trigger.dev/sdk/v3";',
      'export default defineConfig({',
      '  project: "proj_example",',
      ...(maxAttempts === null ? [] : ['  retries: {', '    enabledInDev: true,', `    default: { maxAttempts: ${maxAttempts}, minTimeoutInMs: 1000, factor: 2 },`, '  },']),
      '  dirs: ["./src/trigger"],',
      '});',
      '',
    ].join('\n'),
  });
  const whatsapp = (ext: string) => ({
    [`src/lib/whatsapp.${ext}`]: [
      'export async function sendWhatsApp(phone, text) {',
      '  const response = await fetch(`${process.env.WA_URL}/message/sendText`, { method: "POST", body: JSON.stringify({ number: phone, text }) });',
      '  if (!response.ok) throw new Error("whatsapp failed");',
      '  return response.json();',
      '}',
      '',
    ].join('\n'),
  });
  const task = (ext: string, options: string[], steps: string[]) => ({
    [`src/trigger/send-reminder.${ext}`]: [
      'import { task } from "@trigger.dev/sdk/v3";',
      'import { prisma } from "../lib/prisma";',
      'import { sendWhatsApp } from "../lib/whatsapp";',
      '',
      'export const sendReminder = task({',
      '  id: "send-reminder",',
      ...options,
      '  run: async (payload) => {',
      '    const booking = await prisma.booking.findUnique({ where: { id: payload.bookingId }, include: { client: true } });',
      '    if (!booking) throw new Error("booking not found");',
      ...steps,
      '    return { sent: true };',
      '  },',
      '});',
      '',
    ].join('\n'),
  });
  const sendThenUpdate = [
    '    await sendWhatsApp(booking.client.phone, "Reminder of your booking");',
    '    await prisma.booking.update({ where: { id: payload.bookingId }, data: { reminderSentAt: new Date() } });',
  ];
  const files = (ext: string, maxAttempts: number | null, options: string[] = [], steps = sendThenUpdate) => ({
    'package.json': '{}',
    ...config(ext, maxAttempts),
    ...whatsapp(ext),
    ...task(ext, options, steps),
  });

  for (const ext of ['ts', 'js']) {
    it(`reports the send before the run's later update (${ext})`, async () => {
      expect(await findingLines(project(files(ext, 3)))).toEqual([`AP-002 src/trigger/send-reminder.${ext}:10`]);
    });

    it(`stays quiet when the project's default gives one attempt (${ext})`, async () => {
      expect(await findingLines(project(files(ext, 1)))).toEqual([]);
    });

    it(`stays quiet when no config sets a default (${ext})`, async () => {
      expect(await findingLines(project(files(ext, null)))).toEqual([]);
    });

    it(`stays quiet when the task's own retry gives one attempt (${ext})`, async () => {
      expect(await findingLines(project(files(ext, 3, ['  retry: { maxAttempts: 1 },'])))).toEqual([]);
    });

    it(`stays quiet when the send is the run's last step (${ext})`, async () => {
      const last = ['    await prisma.booking.update({ where: { id: payload.bookingId }, data: { reminderQueuedAt: new Date() } });', '    await sendWhatsApp(booking.client.phone, "Reminder of your booking");'];
      expect(await findingLines(project(files(ext, 3, [], last)))).toEqual([]);
    });
  }
});
