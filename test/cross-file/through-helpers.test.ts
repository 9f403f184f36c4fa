import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

const lines = (dir: string) => findingLines(dir);

describe('retried code reaches through helpers of the same file', () => {
  // `start` says nothing of a write: only the helper's own file shows it, so the finding is at the
  // call inside the local helper, reached from the retried task.
  it('reports the write a local helper makes through another module, once', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/stripe_service.py': 'import stripe\n\ndef start(amount):\n    return stripe.PaymentIntent.create(amount=amount)\n\ndef start_keyed(amount, key):\n    return stripe.PaymentIntent.create(amount=amount, idempotency_key=key)\n',
      'app/jobs.py': [
        'from celery import shared_task',
        'from app import stripe_service',
        '',
        'def process_payment(amount):',
        '    stripe_service.start(amount)',
        '',
        'def process_keyed(amount, key):',
        '    stripe_service.start_keyed(amount, key)',
        '',
        '@shared_task(autoretry_for=(Exception,))',
        'def pay(amount, key):',
        '    process_payment(amount)',
        '    process_keyed(amount, key)',
        '',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual(['AP-001 app/jobs.py:5']);
  });

  it('follows a BullMQ processor into the local function it calls (TypeScript)', async () => {
    const dir = project({
      'package.json': '{}',
      'src/stripe.service.ts': "import Stripe from 'stripe';\nconst stripe = new Stripe('k');\nexport async function initPayment(amount: number) {\n  return stripe.paymentIntents.create({ amount, currency: 'usd' });\n}\n",
      'src/queue.ts': [
        "import { Queue, Worker } from 'bullmq';",
        "import { initPayment } from './stripe.service';",
        "const payments = new Queue('payments');",
        'async function processPayment(amount: number) {',
        '  await initPayment(amount);',
        '}',
        "const workerOpts = { connection: {} };",
        "new Worker('payments', async (job) => processPayment(job.data.amount), workerOpts);",
        'export async function enqueue(amount: number) {',
        "  await payments.add('pay', { amount }, { attempts: 3 });",
        '}',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual(['AP-001 src/queue.ts:5']);
  });

  it('follows a path alias (`@/lib/…`) to the package the importer belongs to', async () => {
    const dir = project({
      'package.json': '{}',
      'apps/web/src/lib/retry.ts': [
        'export async function runGuarded<T>(fn: () => Promise<T>): Promise<T> {',
        '  for (let attempt = 0; attempt < 3; attempt++) {',
        '    try {',
        '      return await fn();',
        '    } catch (err) {',
        '      await new Promise((r) => setTimeout(r, 100));',
        '    }',
        '  }',
        "  throw new Error('gave up');",
        '}',
      ].join('\n'),
      'apps/web/src/app/pay.ts': [
        "import { runGuarded } from '@/lib/retry';",
        'export async function pay(amount: number) {',
        "  return runGuarded(() => fetch('https://pay.example.com/v1/charges', { method: 'POST', body: String(amount) }));",
        '}',
      ].join('\n'),
      'apps/admin/src/lib/retry.ts': 'export async function runGuarded<T>(fn: () => Promise<T>): Promise<T> {\n  return fn();\n}\n',
      'apps/admin/src/app/refund.ts': [
        "import { runGuarded } from '@/lib/retry';",
        'export async function refund(amount: number) {',
        "  return runGuarded(() => fetch('https://pay.example.com/v1/refunds', { method: 'POST', body: String(amount) }));",
        '}',
      ].join('\n'),
    });
    // The admin package's runGuarded runs its callback once: only the web package's call retries.
    expect(await lines(dir)).toEqual(['AP-001 apps/web/src/app/pay.ts:3']);
  });
});
