import { describe, expect, it } from 'vitest';
import { lines, scan } from '../support/scan.js';

const charge = (loop: string, body = '        gateway.charge(p)\n        break') =>
  `def run(gateway, p, items):\n    ${loop}\n        try:\n${body.replace(/^/gm, '    ')}\n        except Exception:\n            pass\n`;

describe('inside: retry (loops)', () => {
  it('treats for-range attempt loops with a catching handler as retries', () => {
    expect(lines(scan(charge('for attempt in range(3):'), 'python', 'AP-001'))).toEqual(['AP-001@4']);
    expect(lines(scan(charge('for _ in range(MAX):'), 'python', 'AP-001'))).toEqual(['AP-001@4']);
  });

  it('does not treat iteration as retry', () => {
    // Each item is its own charge, and the walk goes on after a success.
    expect(scan(charge('for item in items:', '        gateway.charge(item)'), 'python', 'AP-001')).toEqual([]);
    expect(scan(charge('for i in range(len(items)):', '        gateway.charge(items[i])'), 'python', 'AP-001')).toEqual([]);
  });

  it('treats a walk that stops at the first success and goes on after any error as a failover retry', () => {
    // `break` once the charge went through, the next item tried after a timeout: the charge is made again.
    expect(lines(scan(charge('for item in items:'), 'python', 'AP-001'))).toEqual(['AP-001@4']);
    // A handler of a definite refusal moves on for a reason that proves nothing was done.
    expect(scan(charge('for item in items:').replace('except Exception:', 'except ValueError:'), 'python', 'AP-001')).toEqual([]);
  });

  it('needs a way out after the attempt for while True', () => {
    const consumer = 'def run(q):\n    while True:\n        job = q.get()\n        try:\n            gateway.charge(job)\n        except Exception:\n            log(job)\n';
    expect(scan(consumer, 'python', 'AP-001')).toEqual([]);
    const retry = consumer.replace('gateway.charge(job)\n', 'gateway.charge(job)\n            break\n');
    expect(lines(scan(retry, 'python', 'AP-001'))).toEqual(['AP-001@5']);
  });

  it('ignores a loop whose handler always re-raises and that never leaves early', () => {
    const code = 'for attempt in range(3):\n    try:\n        gateway.charge(p)\n    except Exception:\n        raise\n';
    expect(scan(code, 'python', 'AP-001')).toEqual([]);
  });

  it('follows C-style, while and do-while loops in TypeScript', () => {
    const body = 'try { await stripe.charges.create(p); break; } catch (e) { await sleep(100); }';
    expect(lines(scan(`for (let attempt = 0; attempt < 3; attempt++) { ${body} }`, 'typescript', 'AP-001'))).toEqual(['AP-001@1']);
    expect(lines(scan(`let retries = 3; while (retries-- > 0) { ${body} }`, 'typescript', 'AP-001'))).toEqual(['AP-001@1']);
    expect(lines(scan(`let tries = 0; do { ${body} } while (++tries < 3);`, 'typescript', 'AP-001'))).toEqual(['AP-001@1']);
    expect(scan(`for (let i = 0; i < orders.length; i++) { ${body.replace('p)', 'orders[i])')} }`, 'typescript', 'AP-001')).toEqual([]);
  });
});

describe('inside: retry (decorators, helpers, hooks, policies)', () => {
  it('sees tenacity, backoff and Celery retries', () => {
    expect(lines(scan('@retry(stop=stop_after_attempt(3))\ndef f(p):\n    return stripe.Charge.create(amount=p)\n', 'python', 'AP-001'))).toEqual(['AP-001@3']);
    expect(lines(scan('@backoff.on_exception(backoff.expo, Exception)\ndef f(p):\n    requests.post(URL, json=p)\n', 'python', 'AP-001'))).toEqual(['AP-001@3']);
    expect(lines(scan('@app.task(autoretry_for=(IOError,))\ndef f(p):\n    gateway.refund(p)\n', 'python', 'AP-001'))).toEqual(['AP-001@3']);
    expect(lines(scan('@shared_task(bind=True)\ndef f(self, p):\n    try:\n        gateway.refund(p)\n    except IOError as e:\n        raise self.retry(exc=e)\n', 'python', 'AP-001'))).toEqual(['AP-001@4']);
  });

  it('sees callbacks of retry helpers, inline or named in the file', () => {
    expect(lines(scan('await pRetry(() => stripe.refunds.create(r), { retries: 3 });', 'typescript', 'AP-001'))).toEqual(['AP-001@1']);
    const named = 'async function run() {\n  return client.payouts.create(p);\n}\nawait backOff(run);\n';
    expect(lines(scan(named, 'typescript', 'AP-001'))).toEqual(['AP-001@2']);
  });

  it('recognises a local wrapper by what its body does', () => {
    const code = [
      'def with_retries(fn, *args):',
      '    for attempt in range(3):',
      '        try:',
      '            return fn(*args)',
      '        except IOError:',
      '            continue',
      '',
      'def charge_customer(order):',
      '    return gateway.charge(order.total)',
      '',
      'with_retries(charge_customer, order)',
      '',
    ].join('\n');
    expect(lines(scan(code, 'python', 'AP-001'))).toEqual(['AP-001@9']);
  });

  it('treats per-attempt hooks as retried code', () => {
    const code = '@retry(before_sleep=lambda rs: send_sms(user, "retrying"))\ndef f():\n    pass\n';
    expect(lines(scan(code, 'python', 'AP-002'))).toEqual(['AP-002@1']);
  });

  it('applies axios-retry only when its condition accepts non-idempotent requests', () => {
    const risky = "axiosRetry(api, { retries: 3, retryCondition: () => true });\nexport const pay = (b) => api.post('/charges', b);\n";
    expect(lines(scan(risky, 'typescript', 'AP-001'))).toEqual(['AP-001@2']);
    expect(scan("axiosRetry(api, { retries: 3 });\nexport const pay = (b) => api.post('/charges', b);\n", 'typescript', 'AP-001')).toEqual([]);
  });
});
