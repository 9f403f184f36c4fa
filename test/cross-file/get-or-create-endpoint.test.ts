import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A client method of another module that tells a created record from one that already existed
// (201 Created, else "found existing", neither failing) posts to an endpoint that gets or creates:
// a retried task that calls it creates nothing twice.
describe('a get-or-create endpoint behind a client of another module', () => {
  const client = (branch: string) =>
    [
      'import logging',
      '',
      'import requests',
      '',
      'logger = logging.getLogger(__name__)',
      '',
      '',
      'class LmsApiClient:',
      '    def create_pending_users(self, customer_uuid, emails):',
      '        response = requests.post("https://lms.example.com/pending-users", json={"customer": customer_uuid, "emails": emails})',
      '        response.raise_for_status()',
      branch,
      '        return response',
      '',
    ].join('\n');
  const tasks = [
    'from celery import shared_task',
    '',
    'from lms.client import LmsApiClient',
    '',
    '',
    '@shared_task(autoretry_for=(ConnectionError,))',
    'def link_learner(assignment):',
    '    lms_client = LmsApiClient()',
    '    lms_client.create_pending_users(assignment.customer_uuid, [assignment.email])',
    '    assignment.add_successful_linked_action()',
    '',
  ].join('\n');

  it('stays quiet when the client tells created from already existing', async () => {
    const branch = '        if response.status_code == 201:\n            logger.info("created")\n        else:\n            logger.info("found existing")';
    const dir = project({ 'lms/__init__.py': '', 'lms/client.py': client(branch), 'tasks/__init__.py': '', 'tasks/link.py': tasks });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the call when the client treats anything but 201 as a failure', async () => {
    const branch = '        if response.status_code == 201:\n            logger.info("created")\n        else:\n            raise RuntimeError("not created")';
    const dir = project({ 'lms/__init__.py': '', 'lms/client.py': client(branch), 'tasks/__init__.py': '', 'tasks/link.py': tasks });
    expect(await findingLines(dir)).toEqual(['AP-001 tasks/link.py:9']);
  });

  it('reports the call when the other branch says the create failed, only logging it', async () => {
    const branch = '        if response.status_code == 201:\n            logger.info("created")\n        else:\n            logger.warning("Unable to create the pending users")';
    const dir = project({ 'lms/__init__.py': '', 'lms/client.py': client(branch), 'tasks/__init__.py': '', 'tasks/link.py': tasks });
    expect(await findingLines(dir)).toEqual(['AP-001 tasks/link.py:9']);
  });

  // belovetech/Nairalink accountProcessor.js (batch 14, unlabelled): a BullMQ job's processor is a
  // module's anonymous export that POSTs with `http.request` and only logs "Unable to create" for
  // anything but 201; the queue's jobs get `attempts: 3`.
  const processor = (otherwise: string) =>
    [
      "const http = require('http');",
      '',
      "const options = { hostname: process.env.ACCOUNTS_HOST, method: 'POST', path: '/api/v1/accounts' };",
      '',
      'module.exports = async (job) => {',
      '  const request = http.request(options, (res) => {',
      '    if (res.statusCode === 201) {',
      '      console.log(`Account created for ${job.data.firstName}`);',
      '    } else {',
      `      console.log(\`${otherwise} \${job.data.firstName}\`);`,
      '    }',
      '  });',
      '  request.write(JSON.stringify(job.data));',
      '  request.end();',
      '};',
      '',
    ].join('\n');
  const worker = [
    "const { Worker } = require('bullmq');",
    "const createAccount = require('./accountProcessor');",
    '',
    "const worker = new Worker('account', async (job) => {",
    '  await createAccount(job);',
    '});',
    '',
    'module.exports = worker;',
    '',
  ].join('\n');
  const job = ["const { Queue } = require('bullmq');", '', "const queue = new Queue('account');", '', 'module.exports = (customer) => queue.add(\'create-account\', customer, { attempts: 3 });', ''].join('\n');

  it('reports a required module function that POSTs and calls anything but 201 a failure (JavaScript)', async () => {
    const dir = project({ 'worker/accountProcessor.js': processor('Unable to create an account for'), 'worker/worker.js': worker, 'worker/accountJob.js': job });
    expect(await findingLines(dir)).toEqual(['AP-001 worker/worker.js:5']);
  });

  it('stays quiet when that function tells created from already existing (JavaScript)', async () => {
    const dir = project({ 'worker/accountProcessor.js': processor('Account already exists for'), 'worker/worker.js': worker, 'worker/accountJob.js': job });
    expect(await findingLines(dir)).toEqual([]);
  });
});
