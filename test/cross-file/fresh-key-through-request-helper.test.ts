import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// Review 30 item 7: a write helper of another file that hands a shared request helper a key it makes
// afresh on each call (`idempotency_key: randomUUID()`) sends a new key on each attempt of a retry
// around it (LABELLING.md: no key at all). One that hands a key built from what it is given stays keyed.
describe('a write helper handing its request helper a key made per call (AP-001)', () => {
  const tsClient = (key: string) =>
    [
      "import { randomUUID } from 'crypto';",
      '',
      'async function request(method: string, path: string, body?: Record<string, unknown>) {',
      '  const res = await fetch(`https://api.paygate.example/v1${path}`, {',
      '    method,',
      "    headers: { Authorization: `Bearer ${process.env.PAYGATE_KEY}`, 'Content-Type': 'application/json' },",
      '    body: body ? JSON.stringify(body) : undefined,',
      '  });',
      '  if (!res.ok) throw new Error(`paygate ${res.status}`);',
      '  return res.json();',
      '}',
      '',
      'export async function createCharge(orderId: string, amount: number) {',
      `  return request('POST', '/charges', { orderId, amount, idempotency_key: ${key} });`,
      '}',
      '',
      'export async function getCharge(id: string) {',
      '  return request(\'GET\', `/charges/${id}`);',
      '}',
      '',
    ].join('\n');
  const tsCheckout = (from: string) =>
    [
      `import { createCharge } from '${from}';`,
      '',
      'export async function payOrder(orderId: string, amount: number) {',
      '  for (let attempt = 1; attempt <= 3; attempt++) {',
      '    try {',
      '      return await createCharge(orderId, amount);',
      '    } catch (err) {',
      '      if (attempt === 3) throw err;',
      '      await new Promise((r) => setTimeout(r, 500 * attempt));',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
  const untyped = (ts: string) => ts.replace(/: (string|number)\b/g, '').replace(/\?: Record<string, unknown>/, '');
  const pyClient = (key: string) =>
    [
      'import uuid',
      'import requests',
      '',
      '',
      'def _request(method, path, json=None):',
      '    res = requests.request(method, f"https://api.paygate.example/v1{path}", json=json, timeout=30)',
      '    res.raise_for_status()',
      '    return res.json()',
      '',
      '',
      'def create_charge(order_id, amount):',
      `    return _request("POST", "/charges", json={"order_id": order_id, "amount": amount, "idempotency_key": ${key}})`,
      '',
      '',
      'def get_charge(charge_id):',
      '    return _request("GET", f"/charges/{charge_id}")',
      '',
    ].join('\n');
  const pyCheckout = [
    'import time',
    '',
    'from client import create_charge',
    '',
    '',
    'def pay_order(order_id, amount):',
    '    for attempt in range(3):',
    '        try:',
    '            return create_charge(order_id, amount)',
    '        except Exception:',
    '            if attempt == 2:',
    '                raise',
    '            time.sleep(0.5 * (attempt + 1))',
    '',
  ].join('\n');

  it('reports the retry around the helper that makes a fresh key', async () => {
    const ts = project({ 'package.json': '{}', 'src/client.ts': tsClient('randomUUID()'), 'src/checkout.ts': tsCheckout('./client') });
    expect(await findingLines(ts)).toEqual(['AP-001 src/checkout.ts:6']);
    const js = project({ 'package.json': '{"type":"module"}', 'src/client.js': untyped(tsClient('randomUUID()')), 'src/checkout.js': untyped(tsCheckout('./client.js')) });
    expect(await findingLines(js)).toEqual(['AP-001 src/checkout.js:6']);
    const py = project({ 'client.py': pyClient('str(uuid.uuid4())'), 'checkout.py': pyCheckout });
    expect(await findingLines(py)).toEqual(['AP-001 checkout.py:9']);
  });

  it('stays quiet when the helper hands on a key built from the order', async () => {
    const ts = project({ 'package.json': '{}', 'src/client.ts': tsClient('`charge-${orderId}`'), 'src/checkout.ts': tsCheckout('./client') });
    expect(await findingLines(ts)).toEqual([]);
    const js = project({ 'package.json': '{"type":"module"}', 'src/client.js': untyped(tsClient('`charge-${orderId}`')), 'src/checkout.js': untyped(tsCheckout('./client.js')) });
    expect(await findingLines(js)).toEqual([]);
    const py = project({ 'client.py': pyClient('f"charge-{order_id}"'), 'checkout.py': pyCheckout });
    expect(await findingLines(py)).toEqual([]);
  });
});
