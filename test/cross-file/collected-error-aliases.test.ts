import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A bulk sender pushes every chunk whose POST raised onto the errors it returns; a view of another
// file, which imports it under a name of its own, tells the admin those sends failed (review 27,
// item 5): the caller's fact names the function as the link step settles it, like the falsy-result facts.
describe('collected errors read by a caller that imports the sender under its own name (AP-003)', () => {
  const sms = [
    'import requests',
    '',
    '',
    'def send_bulk_sms(message, phones):',
    '    errors = []',
    '    for i in range(0, len(phones), 50):',
    '        chunk = phones[i:i + 50]',
    '        try:',
    '            requests.post("https://api.sms.example.com/v1/sms/bulk", json={"message": message, "phones": chunk}, timeout=30)',
    '        except requests.RequestException as e:',
    '            errors.append({"message": str(e), "phones": chunk})',
    '    return errors',
    '',
  ].join('\n');
  const view = (word: string) =>
    [
      'from django.contrib import messages',
      '',
      'from app.sms import send_bulk_sms as bulk_send',
      '',
      '',
      'def send_parents_sms(request, message, phones):',
      '    errors = bulk_send(message, phones)',
      '    if errors:',
      `        messages.error(request, f"${word} to send SMS to {len(errors)} recipients.")`,
      '',
    ].join('\n');

  it('reports the collected error the caller tells of as failed', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/sms.py': sms, 'app/views.py': view('Failed') });
    expect(await findingLines(dir)).toEqual(['AP-003 app/sms.py:11']);
  });

  it('stays quiet when the caller says the sends are unconfirmed', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/sms.py': sms, 'app/views.py': view('Could not confirm whether we managed') });
    expect(await findingLines(dir)).toEqual([]);
  });
});
