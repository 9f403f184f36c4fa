import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A Celery task with autoretry_for calls a function of another file that mails a list over one Django
// mail connection (prefeiturasp/SME-Terceirizadas envia_email_em_massa_task): a disconnect part-way
// fails the call after the first recipients were mailed, and the retry mails the whole list again.
// The same helper sending one message, as its last step, repeats only when that send failed.
describe('a retried task calling a bulk mail helper of another file', () => {
  const utils = (bulk: boolean) => ({
    'app/utils.py': [
      'from django.core.mail import EmailMultiAlternatives, get_connection',
      '',
      '',
      'def send_mail_to(subject, body, recipients):',
      '    with get_connection() as connection:',
      bulk ? '        messages = []' : '        message = EmailMultiAlternatives(subject, body, None, recipients, connection=connection)',
      bulk ? '        for address in recipients:' : '        return message.send()',
      ...(bulk ? ['            messages.append(EmailMultiAlternatives(subject, body, None, [address]))', '        return connection.send_messages(messages)'] : []),
      '',
    ].join('\n'),
  });
  const tasks = {
    'app/tasks.py': [
      'from smtplib import SMTPServerDisconnected',
      '',
      'from celery import shared_task',
      '',
      'from app.utils import send_mail_to',
      '',
      '',
      '@shared_task(autoretry_for=(SMTPServerDisconnected,), retry_backoff=2, retry_kwargs={"max_retries": 8})',
      'def send_mail_task(subject, body, recipients):',
      '    return send_mail_to(subject, body, recipients)',
      '',
    ].join('\n'),
  };

  it('reports the task’s call of the helper that mails the whole list', async () => {
    const dir = project({ ...utils(true), ...tasks });
    expect((await findingLines(dir)).filter((f) => f.startsWith('AP-002'))).toEqual(['AP-002 app/tasks.py:10']);
  });

  it('stays quiet when the helper sends one message as its last step', async () => {
    const dir = project({ ...utils(false), ...tasks });
    expect((await findingLines(dir)).filter((f) => f.startsWith('AP-002'))).toEqual([]);
  });
});
