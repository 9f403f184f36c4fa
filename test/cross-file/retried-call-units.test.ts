import { describe, expect, it } from 'vitest';
import { findingsWithRelated } from '../support/cli.js';
import { project } from '../support/project.js';

// The unit a retry runs again is the call in the retried code: sends reached through a helper of the
// same file (whose calls go into other files) are one finding there, every send a related location
// (natesub reminders/processor/index.ts:298, ProjetoHubx configuracoes/tasks.py:71).
describe('sends reached through a helper of the retried file are one finding at its call', () => {
  // `processInvoiceDue` says nothing of a send: only its own file shows it, so the retry scope
  // reaches through `processReminder`, and the finding is moved back to its call.
  it('reports the dispatch helper called in a due-records loop once, with each send (TypeScript)', async () => {
    const dir = project({
      'package.json': '{}',
      'src/senders.ts': [
        "import { Resend } from 'resend';",
        "const resend = new Resend('k');",
        'export async function processInvoiceDue(id: string) {',
        "  await resend.emails.send({ from: 'a@b.c', to: id, subject: 'due', html: '' });",
        '  return true;',
        '}',
        'export async function processPayoutDone(id: string) {',
        "  await resend.emails.send({ from: 'a@b.c', to: id, subject: 'paid', html: '' });",
        '  return true;',
        '}',
        '',
      ].join('\n'),
      'src/reminders.ts': [
        "import { processInvoiceDue, processPayoutDone } from './senders';",
        "import { db } from './db';",
        'async function processReminder(r: { type: string; entityId: string }) {',
        '  switch (r.type) {',
        "    case 'invoice_due':",
        '      return await processInvoiceDue(r.entityId);',
        "    case 'payout_done':",
        '      return await processPayoutDone(r.entityId);',
        '    default:',
        '      return false;',
        '  }',
        '}',
        'export async function processDueReminders() {',
        "  const due = await db.reminder.findMany({ where: { status: 'scheduled' } });",
        '  for (const reminder of due) {',
        '    const sent = await processReminder(reminder);',
        "    if (sent) await db.reminder.update({ where: { id: reminder.id }, data: { status: 'sent' } });",
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const found = await findingsWithRelated(dir);
    expect(found.map((f) => f.at)).toEqual(['AP-002 src/reminders.ts:16']);
    expect(found[0]!.related).toEqual(expect.arrayContaining(['src/reminders.ts:6', 'src/reminders.ts:8', 'src/senders.ts:4', 'src/senders.ts:8']));
  });

  it('does the same in JavaScript (CommonJS)', async () => {
    const dir = project({
      'package.json': '{}',
      'src/senders.js': [
        "const twilio = require('twilio')('sid', 'token');",
        'async function processInvoiceDueSms(to) {',
        "  await twilio.messages.create({ to, from: '+1', body: 'due' });",
        '  return true;',
        '}',
        'async function processPayoutDoneSms(to) {',
        "  await twilio.messages.create({ to, from: '+1', body: 'paid' });",
        '  return true;',
        '}',
        'module.exports = { processInvoiceDueSms, processPayoutDoneSms };',
        '',
      ].join('\n'),
      'src/reminders.js': [
        "const { processInvoiceDueSms, processPayoutDoneSms } = require('./senders');",
        "const db = require('./db');",
        'async function processReminder(r) {',
        "  if (r.type === 'invoice_due') return await processInvoiceDueSms(r.phone);",
        "  if (r.type === 'payout_done') return await processPayoutDoneSms(r.phone);",
        '  return false;',
        '}',
        'async function processDueReminders() {',
        "  const due = await db.reminder.findMany({ where: { status: 'scheduled' } });",
        '  for (const reminder of due) {',
        '    const sent = await processReminder(reminder);',
        "    if (sent) await db.reminder.update({ where: { id: reminder.id }, data: { status: 'sent' } });",
        '  }',
        '}',
        'module.exports = { processDueReminders };',
        '',
      ].join('\n'),
    });
    const found = await findingsWithRelated(dir);
    expect(found.map((f) => f.at)).toEqual(['AP-002 src/reminders.js:11']);
    expect(found[0]!.related).toEqual(expect.arrayContaining(['src/reminders.js:4', 'src/reminders.js:5']));
  });

  it('reports the digest helper a Celery task retries once, with each send of its loop (Python)', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/clients.py': [
        'from twilio.rest import Client',
        'import sendgrid',
        '',
        'def send_push_summary(user, text):',
        '    Client("sid", "token").messages.create(to=user.phone, from_="+1", body=text)',
        '',
        'def send_email_summary(user, text):',
        '    sendgrid.SendGridAPIClient("k").send({"to": user.email, "text": text})',
        '',
      ].join('\n'),
      'app/tasks.py': [
        'from celery import shared_task',
        'from app.clients import send_email_summary, send_push_summary',
        'from app.models import Config',
        '',
        'def _send_for_frequency(frequency):',
        '    for config in Config.objects.filter(frequency=frequency):',
        '        if config.email:',
        '            send_email_summary(config.user, "summary")',
        '        if config.push:',
        '            send_push_summary(config.user, "summary")',
        '',
        '@shared_task(bind=True, autoretry_for=[Exception], max_retries=3)',
        'def send_daily(self):',
        '    _send_for_frequency("daily")',
        '',
      ].join('\n'),
    });
    const found = await findingsWithRelated(dir);
    expect(found.map((f) => f.at)).toEqual(['AP-002 app/tasks.py:14']);
    expect(found[0]!.related).toEqual(expect.arrayContaining(['app/tasks.py:8', 'app/tasks.py:10']));
  });
});
