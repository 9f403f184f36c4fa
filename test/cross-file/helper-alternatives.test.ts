import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * AP-003 precision (r22-d): a try whose branches each call one helper of another file (an e-mail
 * on one branch, an SMS on the other) hands its handler only the outcome of the one that ran. When
 * each helper keeps every error of its send to itself (returns `{ success: false }`) and nothing
 * after it can fail (a console line, `self.stdout.write(…)`), the handler never sees a send's
 * ambiguous outcome: a team's notification command that marks a queued notification failed in its
 * `except` only does so for errors of its own loop. A helper that raises, or a save after the
 * send, keeps the finding.
 */

const pyService = (handler: string) =>
  [
    'import requests',
    '',
    '',
    'class NotificationService:',
    '    def send_email(self, to, body):',
    '        try:',
    '            response = requests.post("https://notify.example.com/api/email", json={"to": to, "body": body}, timeout=10)',
    '            return {"success": response.status_code == 200}',
    '        except Exception as exc:',
    handler,
    '',
    '    def send_sms(self, number, message):',
    '        try:',
    '            response = requests.post("https://notify.example.com/api/sms", json={"to": number, "text": message}, timeout=10)',
    '            return {"success": response.status_code == 200}',
    '        except Exception as exc:',
    '            return {"success": False, "message": str(exc)}',
    '',
    '',
    'notification_service = NotificationService()',
    '',
    '',
    'def send_notification_email(to, body):',
    '    return notification_service.send_email(to, body)',
    '',
    '',
    'def send_notification_sms(number, message):',
    '    return notification_service.send_sms(number, message)',
    '',
  ].join('\n');

const pyCommand = (after: string) =>
  [
    'from app.notification_service import send_notification_email, send_notification_sms',
    '',
    '',
    'class Command:',
    '    def handle(self, pending):',
    '        for notification in pending:',
    '            try:',
    '                if notification.channel == "email":',
    '                    result = send_notification_email(notification.email, notification.body)',
    '                elif notification.channel == "sms":',
    '                    result = send_notification_sms(notification.phone, notification.body)',
    '                else:',
    '                    self.stdout.write("unsupported channel")',
    '                    continue',
    after,
    '            except Exception as e:',
    '                notification.status = "failed"',
    '                notification.save()',
    '',
  ].join('\n');

const pyAfter = [
  '                if result["success"]:',
  '                    self.stdout.write("sent")',
  '                else:',
  '                    self.stdout.write("not sent")',
].join('\n');

describe('helpers of other files on the branches of one if, each keeping its errors (AP-003)', () => {
  it('Python: finds nothing in the command when both helpers keep every error of their request', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/notification_service.py': pyService('            return {"success": False, "message": str(exc)}'),
      'app/command.py': pyCommand(pyAfter),
    });
    expect((await findingLines(dir)).filter((l) => l.startsWith('AP-003 app/command.py'))).toEqual([]);
  });

  it('Python: and when the command reads the result the helper handed back (`result.get("success")`)', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/notification_service.py': pyService('            return {"success": False, "message": str(exc)}'),
      'app/command.py': pyCommand('                if not result.get("success"):\n                    self.stdout.write("not sent")'),
    });
    expect((await findingLines(dir)).filter((l) => l.startsWith('AP-003 app/command.py'))).toEqual([]);
  });

  it('Python: still finds it when one of them lets its error reach the command', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/notification_service.py': pyService('            raise'),
      'app/command.py': pyCommand(pyAfter),
    });
    expect(await findingLines(dir)).toContain('AP-003 app/command.py:20');
  });

  it('Python: still finds it when a save after the send can fail after it went out', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/notification_service.py': pyService('            return {"success": False, "message": str(exc)}'),
      'app/command.py': pyCommand('                notification.status = "sent"\n                notification.save()'),
    });
    expect(await findingLines(dir)).toContain('AP-003 app/command.py:18');
  });

  const tsService = (handler: string, ext: 'ts' | 'js') =>
    [
      "import axios from 'axios';",
      '',
      `export async function sendEmail(to${ext === 'ts' ? ': string' : ''}, body${ext === 'ts' ? ': string' : ''}) {`,
      '  try {',
      "    const response = await axios.post('https://notify.example.com/api/email', { to, body });",
      '    return { success: response.status === 200 };',
      `  } catch (error${ext === 'ts' ? ': any' : ''}) {`,
      handler,
      '  }',
      '}',
      '',
      `export async function sendSms(to${ext === 'ts' ? ': string' : ''}, text${ext === 'ts' ? ': string' : ''}) {`,
      '  try {',
      "    const response = await axios.post('https://notify.example.com/api/sms', { to, text });",
      '    return { success: response.status === 200 };',
      `  } catch (error${ext === 'ts' ? ': any' : ''}) {`,
      '    return { success: false, message: error.message };',
      '  }',
      '}',
      '',
    ].join('\n');

  const tsRoute = (ext: 'ts' | 'js') =>
    [
      "import { sendEmail, sendSms } from './notify';",
      '',
      `export async function resend(req${ext === 'ts' ? ': any' : ''}, res${ext === 'ts' ? ': any' : ''}) {`,
      '  try {',
      '    let result;',
      "    if (req.body.channel === 'email') {",
      '      result = await sendEmail(req.body.to, req.body.text);',
      "    } else if (req.body.channel === 'sms') {",
      '      result = await sendSms(req.body.to, req.body.text);',
      '    } else {',
      "      return res.status(400).json({ success: false, message: 'Unknown channel' });",
      '    }',
      "    process.stdout.write('resent\\n');",
      '    return res.json(result);',
      `  } catch (error${ext === 'ts' ? ': any' : ''}) {`,
      "    return res.status(500).json({ success: false, message: 'Failed to resend the notification' });",
      '  }',
      '}',
      '',
    ].join('\n');

  for (const ext of ['ts', 'js'] as const) {
    it(`${ext === 'ts' ? 'TypeScript' : 'JavaScript'}: finds nothing in the route when both helpers keep every error of their request`, async () => {
      const dir = project({ [`src/notify.${ext}`]: tsService('    return { success: false, message: error.message };', ext), [`src/route.${ext}`]: tsRoute(ext) });
      expect((await findingLines(dir)).filter((l) => l.startsWith(`AP-003 src/route.${ext}`))).toEqual([]);
    });

    it(`${ext === 'ts' ? 'TypeScript' : 'JavaScript'}: still finds it when one of them lets its error reach the route`, async () => {
      const dir = project({ [`src/notify.${ext}`]: tsService('    throw error;', ext), [`src/route.${ext}`]: tsRoute(ext) });
      expect(await findingLines(dir)).toContain(`AP-003 src/route.${ext}:16`);
    });
  }
});
