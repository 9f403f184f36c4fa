import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// An exported request dispatcher (`sendRequest(request)` calls `client.post` when the method it is
// handed is POST), called in its own file only for a login: its other callers are in other files,
// so the file's own callers do not settle whether it writes (review 27, item 7): each caller is
// judged by what it hands in, wherever it is.
describe('an exported request dispatcher called from other files (AP-001)', () => {
  const dispatch = [
    "import axios, { type AxiosRequestConfig } from 'axios';",
    '',
    'const client = axios.create({ baseURL: process.env.PAYOUT_URL });',
    '',
    'export async function sendRequest(request: AxiosRequestConfig) {',
    "  const method = (request.method ?? 'GET').toUpperCase();",
    "  const url = request.url ?? '';",
    "  if (method === 'GET') return client.get(url, request);",
    "  if (method === 'POST') return client.post(url, request.data, request);",
    '  throw new Error(`unsupported ${method}`);',
    '}',
    '',
    'export async function login() {',
    "  return sendRequest({ method: 'POST', url: '/login', data: 'user=u&password=p' });",
    '}',
    '',
  ].join('\n');
  const job = (path: string) =>
    [
      "import { sendRequest } from './dispatch';",
      '',
      'export async function sendPayout(msisdn: string, amount: number) {',
      '  for (let attempt = 1; attempt <= 3; attempt++) {',
      '    try {',
      `      return await sendRequest({ method: 'POST', url: '${path}', data: { msisdn, amount } });`,
      '    } catch (err) {',
      '      if (attempt === 3) throw err;',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');

  it('reports a payout posted through the imported dispatcher in a retry loop', async () => {
    expect(await findingLines(project({ 'dispatch.ts': dispatch, 'payout.ts': job('/payouts') }))).not.toEqual([]);
  });

  it('stays quiet on a login posted through it', async () => {
    expect(await findingLines(project({ 'dispatch.ts': dispatch, 'payout.ts': job('/login') }))).toEqual([]);
  });
});
