import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

describe('bare imports of the workspace’s own packages', () => {
  const pay = [
    "import axios from 'axios';",
    'export async function initiateTransfer(account: string, amount: number) {',
    "  return axios.post('https://bank.example.com/transfers', { account, amount });",
    '}',
    'export async function createInbox(db: { insert(row: object): Promise<void> }, name: string) {',
    '  return db.insert({ name });',
    '}',
    '',
  ].join('\n');
  const job = [
    "import { initiateTransfer, createInbox } from '@acme/payments/transfers';",
    '',
    'export async function run(db: { insert(row: object): Promise<void> }, account: string) {',
    '  for (let attempt = 0; attempt < 3; attempt++) {',
    '    try {',
    '      await createInbox(db, account);',
    '      return await initiateTransfer(account, 100);',
    '    } catch {',
    '      continue;',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  it('resolves `@acme/payments/transfers` through the package’s exports and judges helpers by their bodies', async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*', 'apps/*'] }),
      'packages/payments/package.json': JSON.stringify({ name: '@acme/payments', exports: { './transfers': './src/lib/transfers.ts' } }),
      'packages/payments/src/lib/transfers.ts': pay,
      'apps/worker/package.json': JSON.stringify({ name: '@acme/worker' }),
      'apps/worker/src/job.ts': job,
    });
    // initiateTransfer POSTs: reported; createInbox only inserts a row: its name alone does not stand.
    expect(await findingLines(dir)).toEqual(['AP-001 apps/worker/src/job.ts:7']);
  });

  it('falls back to the package’s src folder without an exports map', async () => {
    const dir = project({
      'packages/payments/package.json': JSON.stringify({ name: '@acme/payments' }),
      'packages/payments/src/transfers.ts': pay,
      'apps/worker/package.json': JSON.stringify({ name: '@acme/worker' }),
      'apps/worker/src/job.ts': job,
    });
    expect(await findingLines(dir)).toEqual(['AP-001 apps/worker/src/job.ts:7']);
  });

  it('maps a package entry point in its build folder (`main: ./dist/index.js`) to its sources (`lib/`)', async () => {
    const dir = project({
      'packages/utils/package.json': JSON.stringify({ name: '@acme/utils', main: './dist/index.js', typings: './dist/index.d.ts' }),
      'packages/utils/lib/index.ts': "export * from './retry.js';\n",
      'packages/utils/lib/retry.ts': [
        'export async function retryFlexible<T>(fn: (attempt: number) => Promise<T>, max: number): Promise<T> {',
        '  let attempt = -1;',
        '  while (attempt < max) {',
        '    attempt += 1;',
        '    try {',
        '      return await fn(attempt);',
        '    } catch (err) {',
        '      if (attempt >= max) throw err;',
        '    }',
        '  }',
        "  throw new Error('unreachable');",
        '}',
        '',
      ].join('\n'),
      'packages/webhooks/package.json': JSON.stringify({ name: '@acme/webhooks' }),
      'packages/webhooks/lib/deliver.ts': [
        "import axios from 'axios';",
        "import { retryFlexible } from '@acme/utils';",
        '',
        'export async function deliver(url: string, body: string) {',
        '  return retryFlexible(async () => {',
        '    return await axios.post(url, body);',
        '  }, 3);',
        '}',
        '',
      ].join('\n'),
    });
    expect(await findingLines(dir)).toEqual(['AP-001 packages/webhooks/lib/deliver.ts:6']);
  });

  it('leaves a package that is not in the workspace unresolved', async () => {
    const dir = project({
      'apps/worker/package.json': JSON.stringify({ name: '@acme/worker' }),
      'apps/worker/src/job.ts': job,
    });
    // Out of sight, `createInbox` and `initiateTransfer` are judged by name: both say "write".
    expect(await findingLines(dir)).toEqual(['AP-001 apps/worker/src/job.ts:6', 'AP-001 apps/worker/src/job.ts:7']);
  });
});
