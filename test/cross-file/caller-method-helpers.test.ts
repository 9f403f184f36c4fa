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

// A handler whose subject is known only by a helper's name, with a try of its own inside it
// (restoring the balance) whose handler records the failure: the helper's body decides.
describe('a nested handler inside a handler around a helper known by its name (AP-003)', () => {
  const route = [
    "import { doc, getDoc, setDoc, updateDoc } from 'firebase/firestore';",
    "import { db } from './firebase';",
    "import { createDisbursement } from './xendit';",
    '',
    'export async function withdraw(userId: string, amount: number, reference: string, balance: number) {',
    "  const userRef = doc(db, 'users', userId);",
    '  try {',
    '    return await createDisbursement({ userId, amount, external_id: reference });',
    '  } catch (disbursementError) {',
    '    try {',
    '      const snapshot = await getDoc(userRef);',
    '      if ((snapshot.data()?.balance ?? 0) < balance) await setDoc(userRef, { balance }, { merge: true });',
    '    } catch (restoreError) {',
    "      await updateDoc(doc(db, 'withdrawals', reference), { status: 'failed' });",
    '    }',
    '    throw disbursementError;',
    '  }',
    '}',
    '',
  ].join('\n');
  const firebase = 'export const db: any = {};\n';

  it('reports the failure record when the helper posts to the provider through a request helper', async () => {
    const dir = project({
      'package.json': '{"name":"web"}',
      'firebase.ts': firebase,
      'xendit.ts': [
        'async function xenditRequest(endpoint: string, options: { method?: string; body?: unknown } = {}) {',
        "  const { method = 'GET', body } = options;",
        "  const res = await fetch(`https://api.xendit.co${endpoint}`, { method, body: body ? JSON.stringify(body) : undefined });",
        '  return res.json();',
        '}',
        'export async function createDisbursement(request: { userId: string; amount: number; external_id: string }) {',
        "  return xenditRequest('/disbursements', { method: 'POST', body: request });",
        '}',
        '',
      ].join('\n'),
      'route.ts': route,
    });
    expect(await findingLines(dir)).toEqual(['AP-003 route.ts:14']);
  });

  it('stays quiet when the helper only stores a row in the local database', async () => {
    const dir = project({
      'package.json': '{"name":"web"}',
      'firebase.ts': firebase,
      'db.ts': 'export const prisma: any = {};\n',
      'xendit.ts': [
        "import { prisma } from './db';",
        'export function createDisbursement(request: { userId: string; amount: number; external_id: string }) {',
        '  return prisma.disbursement.create({ data: request });',
        '}',
        '',
      ].join('\n'),
      'route.ts': route,
    });
    expect(await findingLines(dir)).toEqual([]);
  });
});
