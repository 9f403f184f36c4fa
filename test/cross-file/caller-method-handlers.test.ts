import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A module's request function takes its method from its callers (`coreRequest('POST', …)`); the
// module's exported helpers hand it theirs. A helper that hands in a write method writes, for the
// callers of other files too; one that hands in GET reads.
describe('helpers of another file that hand a request function its method (AP-003)', () => {
  const route = (imports: string) =>
    [
      imports,
      '',
      'export async function buy(db, userId, amount) {',
      '  try {',
      '    await coreDebit({ userId, amount });',
      '  } catch (err) {',
      "    await db.from('orders').update({ status: 'failed' }).eq('user', userId);",
      '  }',
      '  try {',
      '    await coreBalance(userId);',
      '  } catch (err) {',
      "    await db.from('orders').update({ status: 'failed' }).eq('user', userId);",
      '  }',
      '}',
      '',
    ].join('\n');
  const core = (exported: (name: string) => string) =>
    [
      'async function coreRequest(method, path, body) {',
      '  const res = await fetch(`https://core.example.com${path}`, {',
      '    method,',
      "    headers: { 'Content-Type': 'application/json' },",
      '    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),',
      '  });',
      '  if (!res.ok) throw new Error(`Core error ${res.status}`);',
      '  return res.json();',
      '}',
      '',
      `${exported('coreDebit')}(params) {`,
      "  return coreRequest('POST', '/ledger/debit', params);",
      '}',
      '',
      `${exported('coreBalance')}(userId) {`,
      "  return coreRequest('GET', `/wallet/${userId}/balance`);",
      '}',
      '',
    ].join('\n');

  it('judges the handler around a helper that hands in POST, not the one around a helper that hands in GET (TypeScript)', async () => {
    const dir = project({
      'src/lib/core.ts': core((name) => `export async function ${name}`),
      'src/app/route.ts': route("import { coreDebit, coreBalance } from '../lib/core';"),
    });
    expect(await findingLines(dir)).toEqual(['AP-003 src/app/route.ts:7']);
  });

  it('does the same through CommonJS exports (JavaScript)', async () => {
    const dir = project({
      'src/lib/core.js': `${core((name) => `async function ${name}`)}module.exports = { coreDebit, coreBalance };\n`,
      'src/app/route.js': route("const { coreDebit, coreBalance } = require('../lib/core');").replace('export async function buy', 'async function buy') + 'module.exports = { buy };\n',
    });
    expect(await findingLines(dir)).toEqual(['AP-003 src/app/route.js:7']);
  });

  it('does the same for a Python module whose helpers hand requests.request its method', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/core.py': [
        'import requests',
        '',
        '',
        'def _core_request(method, path, body=None):',
        '    res = requests.request(method, f"https://core.example.com{path}", json=body, timeout=10)',
        '    res.raise_for_status()',
        '    return res.json()',
        '',
        '',
        'def core_debit(params):',
        '    return _core_request("POST", "/ledger/debit", params)',
        '',
        '',
        'def core_balance(user_id):',
        '    return _core_request("GET", f"/wallet/{user_id}/balance")',
        '',
      ].join('\n'),
      'app/orders.py': [
        'from app.core import core_balance, core_debit',
        '',
        '',
        'def buy(order):',
        '    try:',
        '        core_debit({"user": order.user_id, "amount": order.amount})',
        '    except Exception:',
        '        order.status = "failed"',
        '        order.save()',
        '    try:',
        '        core_balance(order.user_id)',
        '    except Exception:',
        '        order.status = "failed"',
        '        order.save()',
        '',
      ].join('\n'),
    });
    expect(await findingLines(dir)).toEqual(['AP-003 app/orders.py:8']);
  });

  // A bank's name enquiry is POSTed, but it only asks: the endpoint, held in a local name, says so.
  it('stays quiet around a helper that POSTs to a stateless endpoint it names through a local (TypeScript)', async () => {
    const enquiry = ['export async function coreEnquiry(params) {', "  const path = '/payout/name-enquiry';", "  return coreRequest('POST', path, params);", '}', ''].join('\n');
    const dir = project({
      'src/lib/core.ts': core((name) => `export async function ${name}`) + enquiry,
      'src/app/route.ts': route("import { coreDebit, coreEnquiry as coreBalance } from '../lib/core';"),
    });
    expect(await findingLines(dir)).toEqual(['AP-003 src/app/route.ts:7']);
  });

  it('stays quiet around a helper that POSTs to a stateless endpoint it names through a local (Python)', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/core.py': [
        'import requests',
        '',
        '',
        'def _core_request(method, path, body=None):',
        '    res = requests.request(method, f"https://core.example.com{path}", json=body, timeout=10)',
        '    res.raise_for_status()',
        '    return res.json()',
        '',
        '',
        'def core_debit(params):',
        '    return _core_request("POST", "/ledger/debit", params)',
        '',
        '',
        'def core_enquiry(params):',
        '    path = "/payout/name-enquiry"',
        '    return _core_request("POST", path, params)',
        '',
      ].join('\n'),
      'app/orders.py': [
        'from app.core import core_debit, core_enquiry',
        '',
        '',
        'def buy(order):',
        '    try:',
        '        core_debit({"user": order.user_id, "amount": order.amount})',
        '    except Exception:',
        '        order.status = "failed"',
        '        order.save()',
        '    try:',
        '        core_enquiry({"account": order.account_number})',
        '    except Exception:',
        '        order.status = "failed"',
        '        order.save()',
        '',
      ].join('\n'),
    });
    expect(await findingLines(dir)).toEqual(['AP-003 app/orders.py:8']);
  });
});
