import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';


interface Json {
  findings: { ruleId: string; file: string; line: number; related: { file?: string; line: number; message: string }[] }[];
}

async function findings(dir: string): Promise<string[]> {
  const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
  return (JSON.parse(stdout) as Json).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
}

const PY_RETRY = 'import time\n\ndef with_retries(fn, *args):\n    for attempt in range(3):\n        try:\n            return fn(*args)\n        except IOError:\n            time.sleep(2 ** attempt)\n';
const PY_GATEWAY = [
  'import stripe',
  '',
  'def charge_customer(order):',
  '    return stripe.Charge.create(amount=order.total)',
  '',
  'def charge_safely(order):',
  '    return stripe.Charge.create(amount=order.total, idempotency_key=f"order-{order.id}")',
  '',
  'def load_order(order_id):',
  '    return stripe.Charge.retrieve(order_id)',
  '',
].join('\n');

describe('cross-file analysis (Python)', () => {
  it('follows a retry wrapper and helpers imported by relative and absolute imports', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/lib/__init__.py': 'from .retry import with_retries\n',
      'app/lib/retry.py': PY_RETRY,
      'app/lib/gateway.py': PY_GATEWAY,
      'app/jobs/__init__.py': '',
      'app/jobs/billing.py': [
        'from ..lib import with_retries',
        'from app.lib.gateway import charge_customer, charge_safely, load_order',
        'from ..lib import gateway',
        '',
        'def run(order):',
        '    with_retries(charge_customer, order)',
        '    with_retries(charge_safely, order)',
        '    with_retries(load_order, order.id)',
        '    with_retries(lambda: gateway.charge_customer(order))',
        '',
      ].join('\n'),
    });
    // A helper handed over by name is reported where it writes, like a same-file callback.
    expect(await findings(dir)).toEqual(['AP-001 app/jobs/billing.py:9', 'AP-001 app/lib/gateway.py:4']);
  });

  it('points at the call inside the helper as a related location', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/gateway.py': PY_GATEWAY,
      'app/job.py': 'from .gateway import charge_customer\n\ndef run(o):\n    for attempt in range(3):\n        try:\n            charge_customer(o)\n            break\n        except IOError:\n            continue\n',
    });
    const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
    const [finding] = (JSON.parse(stdout) as Json).findings;
    expect(finding?.related).toContainEqual(expect.objectContaining({ file: 'app/gateway.py', line: 4, message: 'charge_customer calls stripe.Charge.create here' }));
  });

  it('stays quiet when the import cannot be resolved or the function does not retry', async () => {
    const dir = project({
      'job.py': 'from somewhere_else import with_retries, do_thing\n\ndef run(o):\n    with_retries(lambda: do_thing(o))\n',
      'local.py': 'from .plain import call_once\n\ndef run(o):\n    call_once(lambda: gateway.charge(o))\n',
      'plain.py': 'def call_once(fn):\n    return fn()\n',
    });
    expect(await findings(dir)).toEqual([]);
  });
});

describe('cross-file analysis (TypeScript)', () => {
  it('follows wrappers and helpers through re-exports and namespace imports', async () => {
    const dir = project({
      'src/lib/retry.ts': 'export async function withRetry<T>(fn: () => Promise<T>): Promise<T> {\n  let last: unknown;\n  for (let attempt = 0; attempt < 3; attempt++) {\n    try {\n      return await fn();\n    } catch (err) {\n      last = err;\n    }\n  }\n  throw last;\n}\n',
      'src/lib/payments.ts': "export async function chargeCard(amount: number) {\n  return stripe.paymentIntents.create({ amount, currency: 'usd' });\n}\nexport async function refundKeyed(id: string) {\n  return stripe.refunds.create({ charge: id }, { idempotencyKey: `refund-${id}` });\n}\n",
      'src/lib/index.ts': "export { withRetry } from './retry';\nexport * from './payments';\n",
      'src/jobs/renew.ts': "import { withRetry, chargeCard, refundKeyed } from '../lib';\nimport * as lib from '../lib/index.js';\n\nexport async function renew(amount: number, id: string) {\n  await withRetry(() => chargeCard(amount));\n  await withRetry(() => refundKeyed(id));\n  await lib.withRetry(async () => {\n    await client.payouts.create({ amount });\n  });\n}\n",
    });
    expect(await findings(dir)).toEqual(['AP-001 src/jobs/renew.ts:5', 'AP-001 src/jobs/renew.ts:8']);
  });
});
