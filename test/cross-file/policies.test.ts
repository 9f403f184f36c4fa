import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';


async function findings(dir: string): Promise<string[]> {
  const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
  return (JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number }[] }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
}

describe('retry policies configured in another file', () => {
  it('axios-retry and got clients imported from a clients module', async () => {
    const dir = project({
      'package.json': '{}',
      'src/http/clients.ts': [
        "import axios from 'axios';",
        "import axiosRetry from 'axios-retry';",
        "import got from 'got';",
        "export const billing = axios.create({ baseURL: 'https://billing.example.com' });",
        'axiosRetry(billing, { retries: 3, retryCondition: () => true });',
        "export const safe = axios.create({ baseURL: 'https://billing.example.com' });",
        'axiosRetry(safe, { retries: 3 });',
        "export const bank = got.extend({ retry: { limit: 2, methods: ['GET', 'POST'] } });",
        '',
      ].join('\n'),
      'src/pay.ts': [
        "import { billing, safe, bank } from './http/clients';",
        'export async function pay(id: string) {',
        "  await billing.post(`/invoices/${id}/payments`, {});",
        "  await safe.post(`/invoices/${id}/payments`, {});",
        "  await bank.post('transfers', { json: { id } });",
        "  await billing.get(`/invoices/${id}`);",
        '}',
        '',
      ].join('\n'),
    });
    expect(await findings(dir)).toEqual(['AP-001 src/pay.ts:3', 'AP-001 src/pay.ts:5']);
  });

  it('a requests session built by a factory in another module', async () => {
    const dir = project({
      'pyproject.toml': '',
      'app/__init__.py': '',
      'app/http.py': [
        'import requests',
        'from requests.adapters import HTTPAdapter',
        'from urllib3.util.retry import Retry',
        '',
        'def build_session():',
        '    session = requests.Session()',
        '    session.mount("https://", HTTPAdapter(max_retries=Retry(total=3, allowed_methods=None)))',
        '    return session',
        '',
        'def build_safe_session():',
        '    session = requests.Session()',
        '    session.mount("https://", HTTPAdapter(max_retries=Retry(total=3)))',
        '    return session',
        '',
      ].join('\n'),
      'app/ledger.py': [
        'from .http import build_session, build_safe_session',
        '',
        'class Ledger:',
        '    def __init__(self):',
        '        self.session = build_session()',
        '        self.safe = build_safe_session()',
        '',
        '    def post(self, body):',
        '        self.session.post("https://ledger.example.com/journal", json=body)',
        '        self.safe.post("https://ledger.example.com/journal", json=body)',
        '',
      ].join('\n'),
    });
    expect(await findings(dir)).toEqual(['AP-001 app/ledger.py:9']);
  });

  it('a session factory whose retry methods are its caller\'s argument (urllib3 1.26 method_whitelist)', async () => {
    const dir = project({
      'pyproject.toml': '',
      'app/__init__.py': '',
      'app/http.py': [
        'import requests',
        'from requests.adapters import HTTPAdapter',
        'from urllib3.util.retry import Retry',
        '',
        'def session_with_retries(retries=5, status_forcelist=[], method_whitelist=[]):',
        '    policy = Retry(total=retries, status_forcelist=status_forcelist, method_whitelist=method_whitelist)',
        '    session = requests.Session()',
        '    session.mount("https://", HTTPAdapter(max_retries=policy))',
        '    return session',
        '',
      ].join('\n'),
      'app/callbacks.py': [
        'from .http import session_with_retries',
        '',
        'def notify(url, body):',
        '    session = session_with_retries(retries=5, status_forcelist=[500, 502, 503], method_whitelist=["POST"])',
        '    session.post(url, json=body)',
        '',
        'def notify_once(url, body):',
        '    reads = session_with_retries(retries=5, method_whitelist=["GET", "HEAD"])',
        '    reads.post(url, json=body)',
        '',
        'def notify_default(url, body):',
        '    plain = session_with_retries(retries=5)',
        '    plain.post(url, json=body)',
        '',
        'def notify_positional(url, body):',
        '    positional = session_with_retries(5, [502], ["POST"])',
        '    positional.post(url, json=body)',
        '',
      ].join('\n'),
    });
    expect(await findings(dir)).toEqual(['AP-001 app/callbacks.py:5', 'AP-001 app/callbacks.py:17']);
  });

  it('BullMQ processors follow the attempts of their own queue, set in another file', async () => {
    const dir = project({
      'package.json': '{}',
      'src/queues.ts': [
        "import { Queue } from 'bullmq';",
        "export const charges = new Queue('charges', { defaultJobOptions: { attempts: 5 } });",
        "export const receipts = new Queue('receipts', { defaultJobOptions: { attempts: 1 } });",
        '',
      ].join('\n'),
      'src/workers.ts': [
        "import { Worker } from 'bullmq';",
        "new Worker('charges', async (job) => {",
        '  await stripe.paymentIntents.create({ amount: job.data.amount });',
        '});',
        "new Worker('receipts', async (job) => {",
        '  await stripe.paymentIntents.create({ amount: job.data.amount });',
        '});',
        '',
      ].join('\n'),
    });
    expect(await findings(dir)).toEqual(['AP-001 src/workers.ts:3']);
  });

  it('a Celery base task class with autoretry_for in another module retries the tasks built on it', async () => {
    const dir = project({
      'crm/__init__.py': '',
      'crm/base.py': 'import httpx\nfrom celery import Task\n\nclass CrmTask(Task):\n    autoretry_for = (httpx.TransportError,)\n\nclass PlainTask(Task):\n    max_retries = 3\n',
      'crm/tasks.py': [
        'import httpx',
        'from celery import shared_task',
        'from crm.base import CrmTask, PlainTask',
        '',
        '@shared_task(base=CrmTask)',
        'def push_lead(order_id):',
        '    httpx.post("https://crm.example.com/leads", json={"order": order_id})',
        '',
        '@shared_task(base=PlainTask)',
        'def push_contact(order_id):',
        '    httpx.post("https://crm.example.com/contacts", json={"order": order_id})',
        '',
      ].join('\n'),
    });
    expect(await findings(dir)).toEqual(['AP-001 crm/tasks.py:7']);
  });
});
