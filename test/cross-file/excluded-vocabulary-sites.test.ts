import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// AP-001 leaves notifications to AP-002 (`not: { call: notification }`). A helper of another file
// whose name says neither (`deliver`) is judged by its body at link time: a POST to a messaging API
// (`graph.facebook.com/…/messages`) is both a write and a notification, and is AP-002's alone. A
// helper that writes somewhere else as well (a payout POST) stays an AP-001 finding.
describe('a call of another file that is a notification is no AP-001 write', () => {
  const worker = (esm: boolean) =>
    [
      esm ? "import { Queue, Worker } from 'bullmq';" : "const { Queue, Worker } = require('bullmq');",
      esm ? "import { deliver } from './provider';" : "const { deliver } = require('./provider');",
      esm ? "import { db } from './db';" : "const { db } = require('./db');",
      "const q = new Queue('outbox', { defaultJobOptions: { attempts: 3 } });",
      "const worker = new Worker('outbox', async (job) => {",
      '  const result = await deliver(job.data.to, job.data.text);',
      "  await db.outbox.update({ where: { id: job.data.id }, data: { status: 'SENT', ref: result.id } });",
      '});',
      esm ? 'export { q, worker };' : 'module.exports = { q, worker };',
      '',
    ].join('\n');
  const provider = (esm: boolean, url: string) =>
    [
      `${esm ? 'export ' : ''}async function deliver(to${esm ? ': string' : ''}, text${esm ? ': string' : ''}) {`,
      `  const res = await fetch('${url}', {`,
      "    method: 'POST',",
      "    headers: { 'Content-Type': 'application/json' },",
      '    body: JSON.stringify({ to, text }),',
      '  });',
      '  return res.json();',
      '}',
      esm ? '' : 'module.exports = { deliver };',
      '',
    ].join('\n');

  it('reports the WhatsApp send as AP-002 only (TypeScript)', async () => {
    const dir = project({ 'package.json': '{}', 'src/worker.ts': worker(true), 'src/provider.ts': provider(true, 'https://graph.facebook.com/v19.0/1234/messages') });
    expect(await findingLines(dir)).toEqual(['AP-002 src/worker.ts:6']);
  });

  it('keeps AP-001 for a payout POST (TypeScript)', async () => {
    const dir = project({ 'package.json': '{}', 'src/worker.ts': worker(true), 'src/provider.ts': provider(true, 'https://api.example.com/v1/payouts') });
    expect(await findingLines(dir)).toEqual(['AP-001 src/worker.ts:6']);
  });

  it('does the same through CommonJS (JavaScript)', async () => {
    const sms = project({ 'package.json': '{}', 'src/worker.js': worker(false), 'src/provider.js': provider(false, 'https://graph.facebook.com/v19.0/1234/messages') });
    expect(await findingLines(sms)).toEqual(['AP-002 src/worker.js:6']);
    const payout = project({ 'package.json': '{}', 'src/worker.js': worker(false), 'src/provider.js': provider(false, 'https://api.example.com/v1/payouts') });
    expect(await findingLines(payout)).toEqual(['AP-001 src/worker.js:6']);
  });

  it('does the same for a Celery task (Python)', async () => {
    const files = (url: string) => ({
      'app/__init__.py': '',
      'app/tasks.py': [
        'from celery import shared_task',
        'from app.provider import deliver',
        'from app.models import Outbox',
        '',
        '@shared_task(autoretry_for=(Exception,), max_retries=3)',
        'def send_outbox(outbox_id):',
        '    row = Outbox.objects.get(id=outbox_id)',
        '    result = deliver(row.to, row.text)',
        '    Outbox.objects.filter(id=outbox_id).update(status="SENT", ref=result["id"])',
        '',
      ].join('\n'),
      'app/provider.py': ['import requests', '', 'def deliver(to, text):', `    return requests.post("${url}", json={"to": to, "text": text}, timeout=10).json()`, ''].join('\n'),
    });
    expect(await findingLines(project(files('https://graph.facebook.com/v19.0/1234/messages')))).toEqual(['AP-002 app/tasks.py:8']);
    expect(await findingLines(project(files('https://api.example.com/v1/payouts')))).toEqual(['AP-001 app/tasks.py:8']);
  });
});
