import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A job's processor of another file that sends its failure message only on the job's last attempt
// (`if (attemptsMade >= maxAttempts - 1)`, `if is_last_attempt:`) sends it once, however many times
// the queue retries the job: the worker's call of it is no repeated notification. The same send
// without the guard goes out on every failed attempt.
describe('a processor of another file that notifies only on the last attempt', () => {
  const processor = (guard: string) =>
    [
      "import { bot } from './bot';",
      "import { db } from './db';",
      'export const processPaymentJob = async (job) => {',
      '  try {',
      '    await db.payments.update({ where: { id: job.data.id }, data: { status: "processing" } });',
      '    return await db.payments.settle(job.data.id);',
      '  } catch (error) {',
      '    const attemptsMade = job.attemptsMade || 0;',
      '    const maxAttempts = job.opts.attempts || 3;',
      `    if (${guard}) {`,
      "      await bot.sendMessage(job.data.userId, 'Your scheduled payment failed');",
      '    }',
      '    throw error;',
      '  }',
      '};',
      '',
    ].join('\n');
  const worker = [
    "import Queue from 'bull';",
    "import { processPaymentJob } from './processor';",
    "export const paymentQueue = new Queue('payments', { defaultJobOptions: { attempts: 3 } });",
    'paymentQueue.process(3, async (job) => {',
    '  return await processPaymentJob(job);',
    '});',
    '',
  ].join('\n');

  it('stays quiet when the send is guarded to the last attempt', async () => {
    const dir = project({ 'package.json': '{}', 'src/processor.js': processor('attemptsMade >= maxAttempts - 1'), 'src/worker.js': worker });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the call when every failed attempt sends', async () => {
    const dir = project({ 'package.json': '{}', 'src/processor.js': processor('job.data.userId'), 'src/worker.js': worker });
    expect(await findingLines(dir)).toEqual(['AP-002 src/worker.js:5']);
  });

  const pyHelper = (guard: string) =>
    [
      'from app.mail import send_mail',
      'from app.models import Payment',
      '',
      'def settle_payment(payment_id, attempt, max_attempts):',
      '    try:',
      '        Payment.objects.get(id=payment_id).settle()',
      '    except Exception:',
      `        if ${guard}:`,
      '            send_mail("billing@example.com", f"payment {payment_id} failed")',
      '        raise',
      '',
    ].join('\n');
  const pyTasks = [
    'from celery import shared_task',
    'from app.payments import settle_payment',
    '',
    '@shared_task(bind=True, autoretry_for=(Exception,), max_retries=3)',
    'def settle(self, payment_id):',
    '    settle_payment(payment_id, self.request.retries, self.max_retries)',
    '',
  ].join('\n');

  it('stays quiet in Python when the helper sends only on the final attempt', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/payments.py': pyHelper('attempt >= max_attempts'), 'app/tasks.py': pyTasks });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the Python call when every failed attempt sends', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/payments.py': pyHelper('payment_id'), 'app/tasks.py': pyTasks });
    expect(await findingLines(dir)).toEqual(['AP-002 app/tasks.py:6']);
  });
});
