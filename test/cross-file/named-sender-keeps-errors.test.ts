import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * AP-003 precision on code nobody chose (round 20): a catch around a send of another file known by
 * its name (`sendSms(…)`, `emailService.sendInvitationEmail(…)`) never receives the send's ambiguous
 * outcome when that function catches every error of its send itself and returns `false` /
 * `{ success: false }` (Clariva's notification fan-out: `sendSms` of twilio-sms-service returns false
 * on any Twilio error, so the caller's `catch (err) { return { status: 'failed' } }` only sees local
 * errors). The look-alikes stay found: a sender that lets the error through (or keeps each attempt's
 * error in a retry loop, then throws after it), and a later step in the caller's try that can fail
 * after the send went out.
 */

const tsSender = (handler: string) =>
  [
    "import twilio from 'twilio';",
    '',
    'const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);',
    '',
    'export async function sendSms(to: string, body: string): Promise<boolean> {',
    '  try {',
    "    await client.messages.create({ to, from: '+15550100', body });",
    '    return true;',
    '  } catch (err) {',
    handler,
    '  }',
    '}',
    '',
  ].join('\n');

const tsCaller = (after = '') =>
  [
    "import { sendSms } from './sms-service';",
    '',
    'export async function notifyPatient(phone: string, text: string) {',
    '  try {',
    '    const sent = await sendSms(phone, text);',
    after,
    "    return sent ? { channel: 'sms', status: 'sent' } : { channel: 'sms', status: 'failed' };",
    '  } catch (err) {',
    "    return { channel: 'sms', status: 'failed', error: String(err) };",
    '  }',
    '}',
    '',
  ].join('\n');

const pySender = (handler: string) =>
  [
    'from twilio.rest import Client',
    '',
    'client = Client()',
    '',
    '',
    'def send_sms(to, body):',
    '    try:',
    '        client.messages.create(to=to, from_="+15550100", body=body)',
    '        return True',
    '    except Exception:',
    handler,
    '',
  ].join('\n');

const pyCaller = [
  'from services.sms_service import send_sms',
  '',
  '',
  'def notify_patient(appointment, phone, text):',
  '    try:',
  '        sent = send_sms(phone, text)',
  '        return {"status": "sent" if sent else "failed"}',
  '    except Exception as exc:',
  '        appointment.reminder_status = "failed"',
  '        appointment.save()',
  '        return {"status": "failed", "error": str(exc)}',
  '',
].join('\n');

describe('a catch around a named send of another file that keeps its errors (AP-003)', () => {
  it('finds nothing in the caller when the sender catches every error and returns false (TypeScript)', async () => {
    const dir = project({ 'src/sms-service.ts': tsSender('    return false;'), 'src/notify.ts': tsCaller() });
    expect((await findingLines(dir)).filter((l) => l.includes('src/notify.ts'))).toEqual([]);
  });

  it('still finds it where the sender lets the error through (TypeScript)', async () => {
    const dir = project({ 'src/sms-service.ts': tsSender('    throw err;'), 'src/notify.ts': tsCaller() });
    expect(await findingLines(dir)).toContain('AP-003 src/notify.ts:9');
  });

  it('still finds it where a later step of the caller’s try can fail after the send (TypeScript)', async () => {
    const dir = project({ 'src/sms-service.ts': tsSender('    return false;'), 'src/notify.ts': tsCaller('    await saveDelivery(phone);') });
    expect(await findingLines(dir)).toContain('AP-003 src/notify.ts:9');
  });

  it('still finds it where the sender keeps each attempt’s error but throws after its retries (TypeScript)', async () => {
    const retrying = [
      "import nodemailer from 'nodemailer';",
      '',
      'const transporter = nodemailer.createTransport({ host: "smtp.example.com" });',
      '',
      'export async function sendSms(to: string, body: string): Promise<boolean> {',
      '  let lastError: unknown;',
      '  for (let attempt = 1; attempt <= 3; attempt++) {',
      '    try {',
      '      await transporter.sendMail({ to, subject: "Code", text: body });',
      '      return true;',
      '    } catch (err) {',
      '      lastError = err;',
      '    }',
      '  }',
      '  throw new Error(`failed after retries: ${String(lastError)}`);',
      '}',
      '',
    ].join('\n');
    const dir = project({ 'src/sms-service.ts': retrying, 'src/notify.ts': tsCaller() });
    expect(await findingLines(dir)).toContain('AP-003 src/notify.ts:9');
  });

  it('finds nothing in the caller when the sender keeps its errors (JavaScript)', async () => {
    const js = (s: string) => s.replace(/: (string|Promise<boolean>)/g, '');
    const dir = project({ 'src/sms-service.js': js(tsSender('    return false;')), 'src/notify.js': js(tsCaller()).replace("'./sms-service'", "'./sms-service.js'") });
    expect((await findingLines(dir)).filter((l) => l.includes('src/notify.js'))).toEqual([]);
    const loud = project({ 'src/sms-service.js': js(tsSender('    throw err;')), 'src/notify.js': js(tsCaller()).replace("'./sms-service'", "'./sms-service.js'") });
    expect(await findingLines(loud)).toContain('AP-003 src/notify.js:9');
  });

  it('finds nothing in the caller when the sender keeps its errors, and still finds it when it raises (Python)', async () => {
    const quiet = project({ 'services/__init__.py': '', 'services/sms_service.py': pySender('        return False'), 'services/notify.py': pyCaller });
    expect((await findingLines(quiet)).filter((l) => l.includes('services/notify.py'))).toEqual([]);
    const loud = project({ 'services/__init__.py': '', 'services/sms_service.py': pySender('        raise'), 'services/notify.py': pyCaller });
    expect(await findingLines(loud)).toContain('AP-003 services/notify.py:9');
  });
});
