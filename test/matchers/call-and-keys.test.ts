import { describe, expect, it } from 'vitest';
import { lines, scan } from '../support/scan.js';

const inLoop = (call: string, before = '') =>
  `def run(p, key, order):\n    for attempt in range(3):\n        try:\n${before ? `            ${before}\n` : ''}            ${call}\n            break\n        except IOError:\n            continue\n`;

describe('call: mutating', () => {
  it('matches payment verbs and HTTP writes, not reads or infrastructure', () => {
    const fires = (call: string) => scan(inLoop(call), 'python', 'AP-001').length === 1;
    expect(fires('gateway.charge(p)')).toBe(true);
    expect(fires('stripe.Charge.create(amount=1)')).toBe(true);
    expect(fires('charge_customer(order)')).toBe(true);
    expect(fires('requests.post(URL, json=p)')).toBe(true);
    expect(fires('requests.request("POST", URL)')).toBe(true);
    expect(fires('requests.get(URL)')).toBe(false);
    expect(fires('gateway.retrieve(p)')).toBe(false);
    expect(fires('requests.put(URL, json=p)')).toBe(false);
    expect(fires('asyncio.create_task(job())')).toBe(false);
    expect(fires('executor.submit(job)')).toBe(false);
    expect(fires('logger.info("charge")')).toBe(false);
  });

  it('reads the method of fetch and axios option objects', () => {
    const loop = (call: string) => `for (let attempt = 0; attempt < 3; attempt++) { try { await ${call}; break; } catch { } }`;
    expect(lines(scan(loop("fetch(url, { method: 'POST', body })"), 'javascript', 'AP-001'))).toEqual(['AP-001@1']);
    expect(scan(loop('fetch(url)'), 'javascript', 'AP-001')).toEqual([]);
    expect(scan(loop("fetch(url, { method: 'GET' })"), 'javascript', 'AP-001')).toEqual([]);
  });

  it('names the callers that hand a retrying request helper an unkeyed write method', () => {
    const helper = (lang: 'javascript' | 'python') =>
      lang === 'javascript'
        ? [
            'async function makeRequest(method, endpoint, data) {',
            '  for (let attempt = 1; attempt <= 3; attempt++) {',
            '    try { return await client({ method, url: endpoint, data }); } catch (err) { await sleep(1000 * attempt); }',
            '  }',
            '}',
            "async function createShipments(batch) { const payload = Array.isArray(batch) ? batch : [batch]; return makeRequest('POST', '/shipments/batch', payload); }",
            "async function fetchOrders() { return makeRequest('GET', '/orders'); }",
            // its key, if any, is set by whoever builds the transfer: not named here
            "async function createTransfer(transfer) { return makeRequest('POST', '/transfers', transfer); }",
            "async function createRefund(order) { return makeRequest('POST', '/refunds', { order_id: order.id, idempotency_key: `refund-${order.id}` }); }",
          ].join('\n')
        : [
            'def make_request(method, endpoint, data=None):',
            '    for attempt in range(3):',
            '        try:',
            '            return session.request(method, BASE + endpoint, json=data, timeout=30)',
            '        except requests.RequestException:',
            '            time.sleep(attempt)',
            'def create_shipments(batch):',
            '    payload = batch if isinstance(batch, list) else [batch]',
            '    return make_request("POST", "/shipments/batch", payload)',
            'def fetch_orders():',
            '    return make_request("GET", "/orders")',
            'def create_transfer(transfer):',
            '    return make_request("POST", "/transfers", transfer)',
            'def create_refund(order):',
            '    return make_request("POST", "/refunds", {"order_id": order.id, "idempotency_key": f"refund-{order.id}"})',
          ].join('\n');
    const js = scan(helper('javascript'), 'javascript', 'AP-001');
    expect(lines(js)).toEqual(['AP-001@3']);
    expect(js[0]!.related?.filter((r) => r.message.endsWith(' here')).map((r) => [r.line, r.message])).toEqual([[6, 'createShipments calls makeRequest here']]);
    const py = scan(helper('python'), 'python', 'AP-001');
    expect(lines(py)).toEqual(['AP-001@4']);
    expect(py[0]!.related?.filter((r) => r.message.endsWith(' here')).map((r) => [r.line, r.message])).toEqual([[9, 'create_shipments calls make_request here']]);
  });
});

describe('not: idempotency-key', () => {
  const quiet = (call: string, before = '') => scan(inLoop(call, before), 'python', 'AP-001').length === 0;
  it('accepts keyword arguments, headers and variables built earlier', () => {
    expect(quiet('gateway.charge(p, idempotency_key=key)')).toBe(true);
    expect(quiet('requests.post(URL, headers={"Idempotency-Key": key})')).toBe(true);
    expect(quiet('requests.post(URL, headers=headers)', 'headers = {"Idempotency-Key": key}')).toBe(true);
    expect(quiet('requests.post(URL, headers=headers)', 'headers["Idempotency-Key"] = key')).toBe(true);
    expect(quiet('requests.post(URL, headers=headers)', 'headers = {"Accept": "json"}')).toBe(false);
  });

  it('accepts Stripe request options and spreads in TypeScript', () => {
    const loop = (call: string, before = '') =>
      `async function f(p, key, opts) { ${before} for (let attempt = 0; attempt < 3; attempt++) { try { await ${call}; break; } catch { } } }`;
    expect(scan(loop('stripe.charges.create(p, { idempotencyKey: key })'), 'typescript', 'AP-001')).toEqual([]);
    expect(scan(loop("axios.post(u, p, { headers: { 'Idempotency-Key': key } })"), 'typescript', 'AP-001')).toEqual([]);
    expect(scan(loop('stripe.charges.create(p, { ...o })', 'const o = { idempotencyKey: key };'), 'typescript', 'AP-001')).toEqual([]);
    expect(scan(loop('stripe.charges.create(p, { ...opts })'), 'typescript', 'AP-001')).toEqual([]);
    expect(scan(loop('stripe.charges.create(p)'), 'typescript', 'AP-001')).toHaveLength(1);
  });
});

describe('not: prior-success-check', () => {
  it('accepts a lookup that leaves early inside the retry body', () => {
    expect(scan(inLoop('gateway.charge(p)', 'if gateway.find_charge(order.id): return'), 'python', 'AP-001')).toEqual([]);
  });
  it('does not accept a clock check or a check outside the loop', () => {
    expect(scan(inLoop('gateway.charge(p)', 'if time.time() > deadline: break'), 'python', 'AP-001')).toHaveLength(1);
    const outside = 'def run(p):\n    if already_charged(p):\n        return\n    for attempt in range(3):\n        try:\n            gateway.charge(p)\n            break\n        except IOError:\n            continue\n';
    expect(scan(outside, 'python', 'AP-001')).toHaveLength(1);
  });
});
