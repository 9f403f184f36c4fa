import { describe, expect, it } from 'vitest';
import { lines, scan } from '../support/scan.js';

describe('AP-002 matchers', () => {
  const loop = (handler: string, after = '') =>
    `def run(p, user):\n    for attempt in range(3):\n        try:\n            gateway.charge(p, idempotency_key=p.key)\n            break\n        except IOError:\n${handler.replace(/^/gm, '            ')}\n${after}`;

  it('flags a notification in the handler of a retry loop', () => {
    expect(lines(scan(loop('send_sms(user, "retrying")'), 'python', 'AP-002'))).toEqual(['AP-002@7']);
  });
  it('is quiet for once-guards, dedup keys, after the loop and for-else', () => {
    expect(scan(loop('if attempt == 2:\n    send_sms(user, "failed")'), 'python', 'AP-002')).toEqual([]);
    expect(scan(loop('send_sms(user, "retrying", dedup_key=p.key)'), 'python', 'AP-002')).toEqual([]);
    expect(scan(loop('continue', '    send_sms(user, "done")\n'), 'python', 'AP-002')).toEqual([]);
    expect(scan(loop('continue', '    else:\n        send_sms(user, "gave up")\n'), 'python', 'AP-002')).toEqual([]);
  });
  it('is quiet for a success message right before break, and for loggers', () => {
    const code = 'for attempt in range(3):\n    try:\n        r = gateway.charge(p, idempotency_key=k)\n        send_receipt(user)\n        break\n    except IOError:\n        logger.warning("notify later")\n';
    expect(scan(code, 'python', 'AP-002')).toEqual([]);
  });
});

describe('AP-003 matchers', () => {
  it('flags a failure recorded for a timeout of a mutating call', () => {
    const code = 'try:\n    gateway.charge(p)\nexcept requests.exceptions.ReadTimeout:\n    order.status = "failed"\n';
    expect(lines(scan(code, 'python', 'AP-003'))).toEqual(['AP-003@4']);
  });
  it('is quiet for reads, reconciliation and re-raise', () => {
    expect(scan('try:\n    gateway.get_status(p)\nexcept Timeout:\n    mark_failed(p)\n', 'python', 'AP-003')).toEqual([]);
    expect(scan('try:\n    gateway.charge(p)\nexcept Timeout:\n    mark_failed(p)\n    schedule_reconciliation(p)\n', 'python', 'AP-003')).toEqual([]);
    expect(scan('try:\n    gateway.charge(p)\nexcept Timeout:\n    raise\n', 'python', 'AP-003')).toEqual([]);
  });
  it('flags binary status checks and ternaries on a mutating response', () => {
    // A plain falsy result records the failure where a caller reads it as one (Dokploy's hubspot.ts: the caller only logs).
    const send = 'def send():\n    r = requests.post(U)\n    if r.status_code != 200:\n        return False\n    return True\n';
    expect(lines(scan(`${send}def pay(o):\n    if not send():\n        o.status = "failed"\n`, 'python', 'AP-003'))).toEqual(['AP-003@4']);
    expect(scan(`${send}def pay(o):\n    if not send():\n        log.error("not sent")\n`, 'python', 'AP-003')).toEqual([]);
    expect(lines(scan("const res = await fetch(u, { method: 'POST' });\nconst s = res.ok ? 'paid' : 'failed';\n", 'typescript', 'AP-003'))).toEqual(['AP-003@2']);
    expect(scan("const res = await fetch(u);\nconst s = res.ok ? 'paid' : 'failed';\n", 'typescript', 'AP-003')).toEqual([]);
  });
  it('handles a catch that tests the error code', () => {
    const code = "try { await api.post('/orders', o); } catch (err) {\n  if (err.code === 'ETIMEDOUT') {\n    await markFailed(o.id);\n  }\n}\n";
    expect(lines(scan(code, 'typescript', 'AP-003'))).toEqual(['AP-003@3']);
    expect(scan(code.replace('markFailed', 'markPending'), 'typescript', 'AP-003')).toEqual([]);
  });
});
