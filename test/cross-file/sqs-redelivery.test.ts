import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

// An SQS Lambda handler that reports batchItemFailures gets a failed message again. The service
// it calls lives in another module, imported through a package.json `imports` alias, and is an
// object made from an imported class: its method (a class field arrow) sends the email.
describe('SQS Lambda redelivery through a service of another module', () => {
  const handler = [
    "import type { SQSEvent } from 'aws-lambda';",
    "import { RetentionService } from '#connectors/retentionService.js';",
    '',
    'const retention = new RetentionService();',
    '',
    'export const handler = async (event: SQSEvent) => {',
    '  const results = await Promise.allSettled(',
    '    event.Records.map(async ({ body }) => {',
    '      const { userId } = JSON.parse(body);',
    '      await retention.sendmail(userId);',
    '    }),',
    '  );',
    "  return { batchItemFailures: results.flatMap((r, i) => (r.status === 'rejected' ? [{ itemIdentifier: event.Records[i].messageId }] : [])) };",
    '};',
    '',
  ].join('\n');
  const service = (after: string) =>
    [
      "import { mailService } from './mail.js';",
      "import { db } from './db.js';",
      '',
      'export class RetentionService {',
      '  public sendmail = async (userId: string) => {',
      "    await mailService.send({ to: userId, templateId: 'we-miss-you' });",
      after,
      '  };',
      '}',
      '',
    ].join('\n');
  const files = (after: string) => ({
    'package.json': JSON.stringify({ name: 'app', imports: { '#connectors/*': './src/connectors/*' } }),
    'src/handlers/retention.ts': handler,
    'src/connectors/retentionService.ts': service(after),
  });
  const findings = async (dir: string) => {
    const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
    return (JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number; related?: { file?: string; line: number }[] }[] }).findings.map(
      (f) => `${f.ruleId} ${f.file}:${f.line} ${(f.related ?? []).filter((r) => r.file !== undefined).map((r) => `${r.file}:${r.line}`).join(' ')}`,
    );
  };

  it('reports the handler call, pointing at the send, when a write after the send can fail the message', async () => {
    const dir = project(files("    await db.users.update({ where: { id: userId }, data: { state: 'ALERT' } });"));
    expect(await findings(dir)).toEqual(['AP-002 src/handlers/retention.ts:10 src/connectors/retentionService.ts:6']);
  });

  it('stays quiet when the send is the last step of the method', async () => {
    const dir = project(files("    console.log('sent', userId);"));
    expect(await findings(dir)).toEqual([]);
  });
});
