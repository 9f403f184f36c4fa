import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A request helper of another file that sends whatever method its caller hands it
// (`request({ requestPath, method })` building Node's `https.request` options; `api_request(method, path)`):
// a caller in a retry or paging loop that hands it a read (`method: 'GET'`, `"GET"`) writes nothing
// (Society-Against-Mass-Entropy/coinbase_position_builder_bot's fills and orders pagers); one that
// hands it POST still does.
describe('an imported request helper told to read (AP-001)', () => {
  const jsHelper = [
    "const request = require('./http.request');",
    'module.exports = async (opts) => {',
    "  const body = opts.body ? JSON.stringify(opts.body) : '';",
    "  const requestConfig = { port: 443, hostname: 'api.example.com', path: opts.requestPath, method: opts.method, headers: {} };",
    '  if (body) requestConfig.body = body;',
    '  return request(requestConfig).catch(({ reason, res }) => ({ reason, res }));',
    '};',
    '',
  ].join('\n');
  const jsHttp = [
    "const https = require('https');",
    'module.exports = (params) => new Promise((resolve, reject) => {',
    '  const req = https.request(params, (res) => resolve({ res }));',
    "  req.on('error', (e) => reject({ reason: e.message }));",
    '  if (params.body) req.write(params.body);',
    '  req.end();',
    '});',
    '',
  ].join('\n');
  const jsCaller = (method: string) =>
    [
      "const request = require('./cb.request');",
      'module.exports = async (orderId) => {',
      '  for (let attempt = 0; attempt < 5; attempt++) {',
      '    try {',
      `      return await request({ requestPath: \`/orders/\${orderId}\`, method: '${method}', body: { orderId } });`,
      '    } catch (e) {',
      '      await new Promise((r) => setTimeout(r, 1000));',
      '    }',
      '  }',
      '};',
      '',
    ].join('\n');
  const tsHelper = [
    'export async function apiRequest(method: string, path: string, body?: unknown) {',
    "  const res = await fetch(`https://api.example.com${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });",
    '  return res.json();',
    '}',
    '',
  ].join('\n');
  const tsCaller = (method: string) =>
    [
      "import { apiRequest } from './api';",
      'export async function run(orderId: string) {',
      '  for (let attempt = 0; attempt < 3; attempt++) {',
      '    try {',
      `      return await apiRequest('${method}', \`/orders/\${orderId}\`, { orderId });`,
      '    } catch (err) {',
      '      await new Promise((r) => setTimeout(r, 1000));',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
  const pyHelper = [
    'import requests',
    '',
    'def api_request(path, method="POST", payload=None):',
    '    return requests.request(method, f"https://api.example.com{path}", json=payload, timeout=10).json()',
    '',
  ].join('\n');
  const pyCaller = (method: string) =>
    [
      'import time',
      'from .api import api_request',
      '',
      'def run(order_id):',
      '    for attempt in range(3):',
      '        try:',
      `            return api_request(f"/orders/{order_id}", method="${method}", payload={"order_id": order_id})`,
      '        except Exception:',
      '            time.sleep(2 ** attempt)',
      '',
    ].join('\n');

  it('stays quiet when the caller hands the helper GET', async () => {
    const js = project({ 'package.json': '{}', 'coinbase/cb.request.js': jsHelper, 'coinbase/http.request.js': jsHttp, 'coinbase/get.order.js': jsCaller('GET') });
    expect(await findingLines(js)).toEqual([]);
    const ts = project({ 'package.json': '{}', 'src/api.ts': tsHelper, 'src/job.ts': tsCaller('GET') });
    expect(await findingLines(ts)).toEqual([]);
    const py = project({ 'shop/__init__.py': '', 'shop/api.py': pyHelper, 'shop/tasks.py': pyCaller('GET') });
    expect(await findingLines(py)).toEqual([]);
  });

  it('reports the retried call that hands the helper POST', async () => {
    const js = project({ 'package.json': '{}', 'coinbase/cb.request.js': jsHelper, 'coinbase/http.request.js': jsHttp, 'coinbase/get.order.js': jsCaller('POST') });
    expect(await findingLines(js)).toEqual(['AP-001 coinbase/get.order.js:5']);
    const ts = project({ 'package.json': '{}', 'src/api.ts': tsHelper, 'src/job.ts': tsCaller('POST') });
    expect(await findingLines(ts)).toEqual(['AP-001 src/job.ts:5']);
    const py = project({ 'shop/__init__.py': '', 'shop/api.py': pyHelper, 'shop/tasks.py': pyCaller('POST') });
    expect(await findingLines(py)).toEqual(['AP-001 shop/tasks.py:7']);
  });
});
