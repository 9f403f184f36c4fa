import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * Review 30 item 1 (a marketplace stock sync's `if (!started.ok) out.ok = false` after
 * `startFeedPushAsync`): a helper of another file stores its run row locally and, on its own local
 * failure, fires a Slack alert without waiting for it (`void notifyFeedFailure(…).catch(…)`) and
 * returns `{ ok: false }`. The alert's outcome, a timeout included, never shapes that result: the
 * helper returns before it settles. So the caller's branch on `started.ok` is no definite failure
 * recorded after an ambiguous write. The look-alike awaits a kept POST in a try whose catch returns
 * `{ ok: false }`: there the timeout does become the result, and the branch is reported. The alert
 * may also be dropped by a chain (`notify(…).catch(log);`) or through a local scheduler
 * (`scheduleAlert(…);` whose body does `void start()`), as the real `scheduleAsyncFeedRun` does.
 */

const alertsTs = [
  'export async function notifyFeedFailure(params: { scope: string; error: string }) {',
  '  try {',
  "    await fetch(process.env.SLACK_WEBHOOK_URL as string, { method: 'POST', body: JSON.stringify({ text: `feed ${params.scope} failed: ${params.error}` }) });",
  '    return { sent: true };',
  '  } catch (err) {',
  "    console.error('slack notify failed', err);",
  '    return { sent: false };',
  '  }',
  '}',
  '',
].join('\n');

const buildTs = ['export async function buildFeed(scope: string) {', "  if (scope.length === 0) throw new Error('no scope');", '  return [scope];', '}', ''].join('\n');

const dbTs = ["import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();', ''].join('\n');

/** The helper: the run row, a local build step, then the alert on failure (`alert`: how it is sent). */
const feedTs = (alert: string[]) =>
  [
    "import { prisma } from './db';",
    "import { notifyFeedFailure } from './alerts';",
    "import { buildFeed } from './build';",
    '',
    'export async function startFeedPush(scope: string) {',
    '  const run = await prisma.feedRun.create({ data: { scope } });',
    '  let error: string | undefined;',
    '  try {',
    '    await buildFeed(scope);',
    '  } catch (err) {',
    '    error = String(err);',
    '  }',
    '  await prisma.feedRun.update({ where: { id: run.id }, data: { success: !error } });',
    '  if (error) {',
    ...alert,
    '    return { ok: false, error };',
    '  }',
    '  return { ok: true, runId: run.id };',
    '}',
    '',
    'function scheduleAlert(scope: string, error: string) {',
    '  const start = () => notifyFeedFailure({ scope, error });',
    '  void start();',
    '}',
    '',
  ].join('\n');

const voidAlert = ['    void notifyFeedFailure({ scope, error }).catch((err) => {', "      console.error('notify failed', err);", '    });'];
const scheduledAlert = ['    scheduleAlert(scope, error);'];
const chainedAlert = ["    notifyFeedFailure({ scope, error }).catch((err) => console.error('notify failed', err));"];

/** The same helper whose remote step is a kept, awaited POST: its timeout becomes `{ ok: false }`. */
const pushTs = [
  "import axios from 'axios';",
  "import { prisma } from './db';",
  '',
  'export async function startFeedPush(scope: string) {',
  '  const run = await prisma.feedRun.create({ data: { scope } });',
  '  try {',
  "    await axios.post('https://feeds.partner.example.com/v1/push', { scope, runId: run.id }, { timeout: 30000 });",
  '  } catch (err) {',
  '    return { ok: false, error: String(err) };',
  '  }',
  '  return { ok: true, runId: run.id };',
  '}',
  '',
].join('\n');

const syncTs = [
  "import { startFeedPush } from '../lib/feed';",
  '',
  'export async function syncMarketplaceStock() {',
  '  const out: { ok: boolean; galaxus?: unknown } = { ok: true };',
  '  try {',
  "    const started = await startFeedPush('stock');",
  '    out.galaxus = { ok: started.ok, error: started.error };',
  '    if (!started.ok) out.ok = false;',
  '  } catch (err: any) {',
  '    out.ok = false;',
  '    out.galaxus = { ok: false, error: err?.message ?? String(err) };',
  '  }',
  '  return out;',
  '}',
  '',
].join('\n');

/** The JavaScript (CommonJS) form of a TypeScript module above. */
const toJs = (ts: string, exported: string) =>
  ts
    .replace(/^import \{ (\w+) \} from '([^']+)';$/gm, "const { $1 } = require('$2');")
    .replace(/^import (\w+) from '([^']+)';$/gm, "const $1 = require('$2');")
    .replace(/^export async function/gm, 'async function')
    .replace(/^export const (\w+) =/gm, 'const $1 =')
    .replace(/: \{ scope: string; error: string \}/g, '')
    .replace(/\(scope: string\)/g, '(scope)')
    .replace(/\(scope: string, error: string\)/g, '(scope, error)')
    .replace(/: \{ ok: boolean; galaxus\?: unknown \}/g, '')
    .replace(/let error: string \| undefined;/g, 'let error;')
    .replace(/ as string/g, '')
    .replace(/\(err: any\)/g, '(err)') + `module.exports = { ${exported} };\n`;

const tsProject = (feed: string) => project({ 'lib/db.ts': dbTs, 'lib/alerts.ts': alertsTs, 'lib/build.ts': buildTs, 'lib/feed.ts': feed, 'app/stockSync.ts': syncTs });
const jsProject = (feed: string) =>
  project({
    'lib/db.js': toJs(dbTs, 'prisma'),
    'lib/alerts.js': toJs(alertsTs, 'notifyFeedFailure'),
    'lib/build.js': toJs(buildTs, 'buildFeed'),
    'lib/feed.js': toJs(feed, 'startFeedPush'),
    'app/stockSync.js': toJs(syncTs, 'syncMarketplaceStock'),
  });

describe('a branch on the result of a helper whose only remote write is fire-and-forget (AP-003)', () => {
  it('finds nothing at `if (!started.ok)` when the helper drops the alert’s promise (TypeScript)', async () => {
    expect(await findingLines(tsProject(feedTs(voidAlert)))).toEqual([]);
    expect(await findingLines(tsProject(feedTs(chainedAlert)))).toEqual([]);
    expect(await findingLines(tsProject(feedTs(scheduledAlert)))).toEqual([]);
  });

  it('finds nothing at `if (!started.ok)` when the helper drops the alert’s promise (JavaScript)', async () => {
    expect(await findingLines(jsProject(feedTs(voidAlert)))).toEqual([]);
    expect(await findingLines(jsProject(feedTs(chainedAlert)))).toEqual([]);
    expect(await findingLines(jsProject(feedTs(scheduledAlert)))).toEqual([]);
  });

  it('still reports the branch when the helper awaits a kept POST whose catch returns `{ ok: false }` (TypeScript)', async () => {
    expect(await findingLines(tsProject(pushTs))).toEqual(['AP-003 app/stockSync.ts:8']);
  });

  it('still reports the branch when the helper awaits a kept POST whose catch returns `{ ok: false }` (JavaScript)', async () => {
    expect(await findingLines(jsProject(pushTs))).toEqual(['AP-003 app/stockSync.js:8']);
  });
});
