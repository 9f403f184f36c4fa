import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// An import session's commit: the rows are written in a local transaction while a progress
// callback publishes each batch's progress through the project's own `progress_channel` module
// (a Redis key the polling page reads). The vocabulary's `*channel.publish` names an amqplib
// channel, a library's object; a function of the project's own module is judged by its body: a
// cache write, nothing remote. The handler that sets the session to STATUS_ERROR after the local
// commit failed records no ambiguous outcome (dcaffaro25/django imports_v2, judged wrong in round
// 20). The same module whose `publish` POSTs a webhook writes, and its handler is still reported.
describe('a project module named like a library client is judged by its body (AP-003)', () => {
  const services = (module: string) =>
    [
      'from django.db import transaction',
      `from . import ${module}`,
      '',
      'def _commit_rows(session):',
      '    def _on_progress(fields):',
      `        ${module}.publish(session.pk, fields)`,
      '    with transaction.atomic():',
      '        return write_rows(session, on_progress=_on_progress)',
      '',
      'def run_commit(session):',
      '    try:',
      '        result = _commit_rows(session)',
      '    except Exception as exc:',
      '        session.status = Session.STATUS_ERROR',
      '        session.result = {"error": str(exc)}',
      '        session.save()',
      '        raise',
      '    return result',
      '',
    ].join('\n');

  it('stays quiet when the module writes a cache key (Python)', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/progress_channel.py': [
        'import json',
        'import redis',
        '',
        'def publish(session_pk, fields):',
        '    client = redis.Redis.from_url(REDIS_URL)',
        '    client.set(f"import:{session_pk}", json.dumps(fields), ex=600)',
        '',
      ].join('\n'),
      'app/services.py': services('progress_channel'),
    });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('stays quiet when the module writes a cache key (TypeScript)', async () => {
    const dir = project({
      'package.json': '{}',
      'src/progressChannel.ts': [
        "import { redis } from './redis';",
        'export async function publish(sessionId: string, fields: object): Promise<void> {',
        '  await redis.set(`import:${sessionId}`, JSON.stringify(fields), { EX: 600 });',
        '}',
        '',
      ].join('\n'),
      'src/redis.ts': 'export const redis: any = {};\n',
      'src/services.ts': [
        "import * as progressChannel from './progressChannel';",
        "import { db, writeRows } from './db';",
        '',
        'async function commitRows(session: any) {',
        '  const onProgress = (fields: object) => progressChannel.publish(session.id, fields);',
        '  return db.$transaction(() => writeRows(session, onProgress));',
        '}',
        '',
        'export async function runCommit(session: any) {',
        '  try {',
        '    return await commitRows(session);',
        '  } catch (err) {',
        '    session.status = ImportSession.STATUS_ERROR;',
        '    await session.save();',
        '    throw err;',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/db.ts': 'export const db: any = {};\nexport async function writeRows(session: any, onProgress: (f: object) => void) { onProgress({ n: session.rows.length }); }\n',
    });
    expect(await findingLines(dir)).toEqual([]);
  });
  it('still reports the handler when the module POSTs to a partner (Python)', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/partner_channel.py': [
        'import requests',
        '',
        'def publish(session_pk, fields):',
        '    requests.post(PARTNER_URL + "/imports", json={"session": session_pk, **fields}, timeout=10)',
        '',
      ].join('\n'),
      'app/services.py': services('partner_channel'),
    });
    expect(await findingLines(dir)).toEqual(['AP-003 app/services.py:14']);
  });
});
