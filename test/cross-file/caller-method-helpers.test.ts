import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A client method of another file that writes through a request helper of its own file, which
// takes its method from that client method's call (`self._request('POST', '/transfer', payload)`).
describe('a client method whose request helper takes its method from it (AP-001)', () => {
  const pyClient = [
    'import requests',
    '',
    'class PaystackClient:',
    '    def _request(self, method, endpoint, payload=None):',
    '        method = (method or "GET").upper()',
    '        kwargs = {"json": payload} if method != "GET" else {"params": payload}',
    '        return requests.request(method, f"https://api.paystack.co{endpoint}", timeout=30, **kwargs).json()',
    '',
    '    def initiate_transfer(self, amount, recipient):',
    '        return self._request("POST", "/transfer", {"source": "balance", "amount": amount, "recipient": recipient})',
    '',
    '    def fetch_transfer(self, code):',
    '        return self._request("GET", f"/transfer/{code}")',
    '',
  ].join('\n');
  const pyTask = (call: string) =>
    [
      'from celery import shared_task',
      '',
      '@shared_task(bind=True, max_retries=3)',
      'def run(self, amount, recipient, code):',
      '    from .utils import PaystackClient',
      '    client = PaystackClient()',
      '    try:',
      `        ${call}`,
      '    except Exception as exc:',
      '        raise self.retry(exc=exc)',
      '',
    ].join('\n');
  const tsClient = [
    'export class PaystackClient {',
    '  private async request(method: string, endpoint: string, payload?: unknown) {',
    "    const res = await fetch(`https://api.paystack.co${endpoint}`, { method, body: payload === undefined ? undefined : JSON.stringify(payload) });",
    '    return res.json();',
    '  }',
    '  async initiateTransfer(amount: number, recipient: string) {',
    "    return this.request('POST', '/transfer', { source: 'balance', amount, recipient });",
    '  }',
    '  async fetchTransfer(code: string) {',
    '    return this.request(\'GET\', `/transfer/${code}`);',
    '  }',
    '}',
    '',
  ].join('\n');
  const tsJob = (call: string) =>
    [
      "import { PaystackClient } from './paystack';",
      'export async function run(amount: number, recipient: string, code: string) {',
      '  const client = new PaystackClient();',
      '  for (let attempt = 0; attempt < 3; attempt++) {',
      '    try {',
      `      return await ${call};`,
      '    } catch (err) {',
      '      await new Promise((r) => setTimeout(r, 1000));',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');

  it('reports the retried call of the method that hands in POST', async () => {
    const py = project({ 'wallet/__init__.py': '', 'wallet/utils.py': pyClient, 'wallet/tasks.py': pyTask('client.initiate_transfer(amount, recipient)') });
    expect(await findingLines(py)).toEqual(['AP-001 wallet/tasks.py:8']);
    const ts = project({ 'package.json': '{}', 'src/paystack.ts': tsClient, 'src/job.ts': tsJob('client.initiateTransfer(amount, recipient)') });
    expect(await findingLines(ts)).toEqual(['AP-001 src/job.ts:6']);
  });

  it('stays quiet on the retried call of the method that hands in GET', async () => {
    const py = project({ 'wallet/__init__.py': '', 'wallet/utils.py': pyClient, 'wallet/tasks.py': pyTask('client.fetch_transfer(code)') });
    expect(await findingLines(py)).toEqual([]);
    const ts = project({ 'package.json': '{}', 'src/paystack.ts': tsClient, 'src/job.ts': tsJob('client.fetchTransfer(code)') });
    expect(await findingLines(ts)).toEqual([]);
  });
});
