import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A Celery task retries with what it inherits from another module: retry options kept in a dict
// and spread into its decorator, or a base class (of its own module) deriving from a retrying one.
describe('Celery retries inherited from another module', () => {
  const retry = (props: string) => `from django.conf import settings\n\nEMAIL_RETRY_PROPS = {\n${props}\n}\n`;
  const tasks = [
    'from celery import shared_task',
    'from mailer.retry import EMAIL_RETRY_PROPS',
    '',
    '',
    '@shared_task(queue="high-pri", **EMAIL_RETRY_PROPS)',
    'def send_receipt(order, mailer):',
    '    mailer.send_email(order.email, "Your receipt")',
    '    order.receipt_sent_at = order.now()',
    '    order.save()',
    '',
  ].join('\n');

  it('reports a send before a failing step when the spread dict sets autoretry_for', async () => {
    const dir = project({ 'mailer/__init__.py': '', 'mailer/retry.py': retry('    "autoretry_for": (Exception,),\n    "retry_kwargs": {"max_retries": 3},'), 'shop/__init__.py': '', 'shop/tasks.py': tasks });
    expect(await findingLines(dir)).toEqual(['AP-002 shop/tasks.py:7']);
  });

  it('stays quiet when the spread dict holds no retry option', async () => {
    const dir = project({ 'mailer/__init__.py': '', 'mailer/retry.py': retry('    "queue": "mail",\n    "acks_late": True,'), 'shop/__init__.py': '', 'shop/tasks.py': tasks });
    expect(await findingLines(dir)).toEqual([]);
  });

  const base = (attrs: string) => `from celery import Task\n\n\nclass LoggedTaskWithRetry(Task):\n${attrs}\n`;
  const assignments = [
    'from celery import shared_task',
    'from core.tasks import LoggedTaskWithRetry',
    '',
    '',
    'class BaseAssignmentTask(LoggedTaskWithRetry):',
    '    def on_failure(self, exc, task_id, args, kwargs, einfo):',
    '        pass',
    '',
    '',
    'class SendReminderTask(BaseAssignmentTask):',
    '    pass',
    '',
    '',
    '@shared_task(base=SendReminderTask)',
    'def send_reminder(assignment, sender):',
    '    sender.send_campaign_message({"course": assignment.course}, "reminder")',
    '    assignment.add_successful_reminded_action()',
    '',
  ].join('\n');

  it('reports a send before a failing step when a base class of the module derives from a retrying one', async () => {
    const dir = project({ 'core/__init__.py': '', 'core/tasks.py': base('    autoretry_for = (ConnectionError,)\n    retry_kwargs = {"max_retries": 5}'), 'assignments/__init__.py': '', 'assignments/tasks.py': assignments });
    expect(await findingLines(dir)).toEqual(['AP-002 assignments/tasks.py:16']);
  });

  it('stays quiet when the imported base class does not retry', async () => {
    const dir = project({ 'core/__init__.py': '', 'core/tasks.py': base('    acks_late = True'), 'assignments/__init__.py': '', 'assignments/tasks.py': assignments });
    expect(await findingLines(dir)).toEqual([]);
  });

  // The helper in another module sends only while the record's sent time is unset, and sets it.
  const sms = (guard: string) =>
    [
      'from .models import Number',
      '',
      '',
      'def send_welcome_sms(phone, now):',
      '    n = Number.objects.get(phone=phone)',
      guard,
      '    n.welcome_time = now',
      '    n.save()',
      '    n.send_sms("Thanks for signing up.")',
      '    n.refresh_from_db()',
      '',
    ].join('\n');
  const welcome = ['from celery import shared_task', 'from smsbot.tasks import send_welcome_sms', '', '', '@shared_task(autoretry_for=(Exception,))', 'def welcome(user, now):', '    send_welcome_sms(user.phone, now)', '    user.save()', ''].join('\n');

  it('stays quiet when the helper guards the send with a field it sets itself', async () => {
    const dir = project({ 'smsbot/__init__.py': '', 'smsbot/tasks.py': sms('    if n.welcome_time:\n        return n'), 'users/__init__.py': '', 'users/tasks.py': welcome });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the send when the guard tests a field the helper never sets', async () => {
    const dir = project({ 'smsbot/__init__.py': '', 'smsbot/tasks.py': sms('    if n.opt_in_time:\n        return n'), 'users/__init__.py': '', 'users/tasks.py': welcome });
    expect(await findingLines(dir)).toEqual(['AP-002 users/tasks.py:7']);
  });
});
