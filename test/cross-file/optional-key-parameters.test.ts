import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A helper of another file that spreads an optional parameter into its request's headers passes
// a dedup key only when its caller fills that parameter.
describe('helpers whose key comes from an optional parameter', () => {
  const channels = [
    'export class MailChannel {',
    '  async sendMail(to: string, subject: string, text: string, headers: Record<string, string> = {}) {',
    "    await fetch(`${process.env.MAIL_API}/send`, { method: 'POST', headers: { ...headers }, body: JSON.stringify({ to, subject, text }) });",
    '  }',
    '}',
    '',
  ].join('\n');
  const service = (call: string) =>
    [
      "import { MailChannel } from './channels';",
      'export class Dunning {',
      '  constructor(private readonly mail: MailChannel) {}',
      '  async collect(work: () => Promise<void>, email: string) {',
      '    for (let attempt = 1; attempt <= 3; attempt++) {',
      '      try {',
      '        return await work();',
      '      } catch (err) {',
      `        await this.mail.sendMail(${call});`,
      '        await new Promise((r) => setTimeout(r, 1000));',
      '      }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');

  it('reports the send when the caller leaves the headers out', async () => {
    const dir = project({ 'package.json': '{}', 'tsconfig.json': '{}', 'src/channels.ts': channels, 'src/dunning.ts': service("email, 'Payment problem', 'we will try again'") });
    expect(await findingLines(dir)).toEqual(['AP-002 src/dunning.ts:9']);
  });

  it('stays quiet when the caller passes a dedup header', async () => {
    const dir = project({
      'package.json': '{}',
      'tsconfig.json': '{}',
      'src/channels.ts': channels,
      'src/dunning.ts': service("email, 'Payment problem', 'we will try again', { 'Deduplication-Key': `dunning-${email}` }"),
    });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('stays quiet when the caller spreads its own options, which may hold the key', async () => {
    const dir = project({ 'package.json': '{}', 'tsconfig.json': '{}', 'src/channels.ts': channels, 'src/dunning.ts': service("...[email, 'Payment problem', 'we will try again', {}]") });
    expect(await findingLines(dir)).toEqual([]);
  });
});
