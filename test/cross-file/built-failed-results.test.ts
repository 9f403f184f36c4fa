import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A channel's catch-all returns a failed result built by a helper of its base class in another file
// (`return this.createErrorResult(message)`, whose every return is `{ success: false, … }`); the
// worker of a third file throws on `!result.success` and its catch writes the delivery 'failed'
// (Adolp26/unified-notifications email.channel.ts, base.channel.ts and notification.worker.ts, batch 35).
describe('a failed result built by a helper of another file (AP-003)', () => {
  const base = [
    'export type SendResult = { success: boolean; messageId?: string; error?: string };',
    '',
    'export abstract class BaseChannel {',
    '  abstract send(to: string, body: string): Promise<SendResult>;',
    '',
    '  protected createSuccessResult(messageId: string): SendResult {',
    '    return { success: true, messageId };',
    '  }',
    '',
    '  protected createErrorResult(error: string): SendResult {',
    '    return { success: false, error };',
    '  }',
    '}',
    '',
  ].join('\n');
  const channel = [
    "import nodemailer from 'nodemailer';",
    "import { BaseChannel, SendResult } from './base.channel';",
    '',
    'export class EmailChannel extends BaseChannel {',
    "  private transporter = nodemailer.createTransport({ host: 'smtp.example.com' });",
    '',
    '  async send(to: string, body: string): Promise<SendResult> {',
    '    try {',
    "      const info = await this.transporter.sendMail({ to, html: body });",
    '      return this.createSuccessResult(info.messageId);',
    '    } catch (error) {',
    "      return this.createErrorResult(error instanceof Error ? error.message : 'Unknown error');",
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  const worker = (status: string) =>
    [
      "import { EmailChannel } from '../channels/email.channel';",
      '',
      'export async function processJob(db: any, job: { id: string; to: string; body: string }): Promise<void> {',
      '  const channel = new EmailChannel();',
      '  try {',
      '    const result = await channel.send(job.to, job.body);',
      "    if (!result.success) throw new Error(result.error || 'Channel send did not answer');",
      "    await db.deliveryLog.create({ data: { id: job.id, status: 'sent' } });",
      '  } catch (error) {',
      `    await db.deliveryLog.create({ data: { id: job.id, status: '${status}' } });`,
      '    throw error;',
      '  }',
      '}',
      '',
    ].join('\n');

  it('reports the channel when the worker writes the delivery failed', async () => {
    const dir = project({
      'package.json': '{"name":"notify","dependencies":{"nodemailer":"6"}}',
      'src/channels/base.channel.ts': base,
      'src/channels/email.channel.ts': channel,
      'src/workers/notification.worker.ts': worker('failed'),
    });
    expect(await findingLines(dir)).toContain('AP-003 src/channels/email.channel.ts:12');
  });

  it('stays quiet when the worker leaves the delivery pending', async () => {
    const dir = project({
      'package.json': '{"name":"notify","dependencies":{"nodemailer":"6"}}',
      'src/channels/base.channel.ts': base,
      'src/channels/email.channel.ts': channel,
      'src/workers/notification.worker.ts': worker('pending'),
    });
    expect(await findingLines(dir)).not.toContain('AP-003 src/channels/email.channel.ts:12');
  });

  it('stays quiet when the base helper also builds a success', async () => {
    const dir = project({
      'package.json': '{"name":"notify","dependencies":{"nodemailer":"6"}}',
      'src/channels/base.channel.ts': base.replace('return { success: false, error };', "return error === 'duplicate' ? { success: true } : { success: false, error };"),
      'src/channels/email.channel.ts': channel,
      'src/workers/notification.worker.ts': worker('failed'),
    });
    expect(await findingLines(dir)).not.toContain('AP-003 src/channels/email.channel.ts:12');
  });

  const python = (status: string) => {
    const basePy = [
      'class BaseChannel:',
      '    def _error_result(self, error):',
      '        return {"success": False, "error": error}',
      '',
    ].join('\n');
    const channelPy = [
      'import requests',
      '',
      'from channels.base import BaseChannel',
      '',
      '',
      'class SmsChannel(BaseChannel):',
      '    def send(self, to, body):',
      '        try:',
      '            resp = requests.post("https://api.sms.example/v1/messages", json={"to": to, "body": body}, timeout=30)',
      '            return {"success": True, "id": resp.json()["id"]}',
      '        except Exception as e:',
      '            return self._error_result(str(e))',
      '',
    ].join('\n');
    const taskPy = [
      'from channels.sms import SmsChannel',
      '',
      '',
      'def deliver(notification):',
      '    result = SmsChannel().send(notification.to, notification.body)',
      '    if not result["success"]:',
      `        notification.status = "${status}"`,
      '        notification.save()',
      '        return',
      '    notification.status = "sent"',
      '    notification.save()',
      '',
    ].join('\n');
    return project({ 'channels/__init__.py': '', 'channels/base.py': basePy, 'channels/sms.py': channelPy, 'tasks.py': taskPy });
  };

  it('reports a Python channel whose base class of another module builds the failed result', async () => {
    expect(await findingLines(python('failed'))).toContain('AP-003 channels/sms.py:12');
  });

  it('stays quiet on the Python channel when the task leaves the notification pending', async () => {
    expect(await findingLines(python('pending'))).not.toContain('AP-003 channels/sms.py:12');
  });
});
