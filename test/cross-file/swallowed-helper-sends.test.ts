import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A retried task (Celery `autoretry_for`) runs again only for an error that escapes its body. A
// helper of another file that mails each user in turn, called inside a try whose handler catches
// every error and only logs, can fail after its first mails went out, but the failure never leaves
// the task: nothing retries it. What follows the try still can.
describe('helper sends inside a try that swallows every error, in a retried task', () => {
  const sender = [
    'from app.mail import send_email',
    'from app.db import users_of',
    '',
    '',
    'def mail_service_users(service_id, subject):',
    '    for user in users_of(service_id):',
    '        send_email(user.email, subject)',
    '',
  ].join('\n');
  const task = (after: string) =>
    [
      'from celery import shared_task',
      'from app.sender import mail_service_users',
      'from app.db import complaints',
      '',
      '',
      '@shared_task(bind=True, autoretry_for=(Exception,), max_retries=60)',
      'def send_complaint(self, complaint_id):',
      '    complaint = complaints.get(complaint_id)',
      '    try:',
      "        mail_service_users(complaint.service_id, 'A complaint came in')",
      "        print('sent complaint mail', complaint_id)",
      '    except Exception as e:',
      "        print('problem sending complaint', complaint_id, e)",
      after,
      '',
    ].join('\n');

  it('stays quiet when nothing follows the try', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/sender.py': sender, 'app/tasks.py': task('') });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the call when the handler hands the error to a helper that may raise it again', async () => {
    const src = task('').replace("        print('problem sending complaint', complaint_id, e)", '        handle_failure(self, complaint_id, e)');
    const dir = project({ 'app/__init__.py': '', 'app/sender.py': sender, 'app/tasks.py': `${src}\n\ndef handle_failure(task, complaint_id, e):\n    raise e\n` });
    expect(await findingLines(dir)).toEqual(['AP-002 app/tasks.py:10']);
  });

  it('reports the call when a step after the try can fail the task', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/sender.py': sender, 'app/tasks.py': task('    complaints.mark_handled(complaint_id)') });
    expect(await findingLines(dir)).toEqual(['AP-002 app/tasks.py:10']);
  });
});
