import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A retry policy installed on a package's shared client (`rax.attach()` or `axiosRetry(axios, …)` on
// the axios every importer gets) retries the requests of every file that imports that package.
describe('retry policies on a shared client', () => {
  const raxSetup = (methods: string) =>
    [
      "import axios from 'axios';",
      "import * as rax from 'retry-axios';",
      'export function setupApi(token: string) {',
      "  axios.defaults.headers.common['Authorization'] = token;",
      `  axios.defaults.raxConfig = { retry: 2, noResponseRetries: 2, httpMethodsToRetry: [${methods}] };`,
      '  rax.attach();',
      '}',
      '',
    ].join('\n');
  const events = [
    "import axios from 'axios';",
    'export async function sendStatus(url: string, code: string) {',
    "  await axios({ method: 'POST', url, data: { event: 'status_change', code } });",
    '}',
    'export async function renameBot(url: string, name: string) {',
    '  await axios.patch(url, { name });',
    '}',
    '',
  ].join('\n');

  it('reports a POST in another file when retry-axios lists POST', async () => {
    const dir = project({ 'package.json': '{}', 'src/api.ts': raxSetup("'GET', 'PUT', 'POST'"), 'src/events.ts': events });
    expect(await findingLines(dir)).toEqual(['AP-001 src/events.ts:3']);
  });

  it('reports both writes in another file when axios-retry retries every request', async () => {
    const setup = ["import axios from 'axios';", "import axiosRetry from 'axios-retry';", 'axiosRetry(axios, { retries: 3, retryCondition: () => true });', ''].join('\n');
    const dir = project({ 'package.json': '{}', 'src/http.ts': setup, 'src/events.ts': events });
    expect(await findingLines(dir)).toEqual(['AP-001 src/events.ts:3', 'AP-001 src/events.ts:6']);
  });

  it('stays quiet when retry-axios keeps its default methods, or when no file installs a policy', async () => {
    const defaults = project({ 'package.json': '{}', 'src/api.ts': raxSetup("'GET', 'HEAD', 'PUT'"), 'src/events.ts': events });
    expect(await findingLines(defaults)).toEqual([]);
    const none = project({ 'package.json': '{}', 'src/events.ts': events });
    expect(await findingLines(none)).toEqual([]);
  });

  it('keeps a client made with axios.create out of the shared client policy', async () => {
    const own = ["import axios from 'axios';", "const api = axios.create({ baseURL: 'https://x.example.com' });", 'export async function send(data: object) {', "  await api.post('/events', data);", '}', ''].join('\n');
    const dir = project({ 'package.json': '{}', 'src/api.ts': raxSetup("'POST'"), 'src/own.ts': own });
    expect(await findingLines(dir)).toEqual([]);
  });
});
